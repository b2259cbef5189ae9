//! What a failed sample starts (the campaign notice: stop the sales, trace where the batch went, recall or seal at
//! each buyer): the steps an inspector records, which of them are still open for the dashboard, and the
//! appendix 5 columns (流入市场, 流入市场方向, 后处理措施) that fill themselves from the trail.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::field_error::{Checker, Field, Rule, ValidationErrors};

/// What became of the goods a buyer took (each buyer is a follow-up until it is not `Pending`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BuyerOutcome {
    /// 待处理
    Pending,
    /// 已召回
    Recalled,
    /// 已查封（扣押）at the buyer
    Sealed,
    /// 已售完 (nothing left to recall: the buyer's own sales are traced in its turn)
    SoldOut,
}

impl BuyerOutcome {
    pub fn zh(self) -> &'static str {
        match self {
            Self::Pending => "待处理",
            Self::Recalled => "已召回",
            Self::Sealed => "已查封",
            Self::SoldOut => "已售完",
        }
    }
}

/// One buyer of the failing batch, from the enterprise's sales ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrailBuyer {
    pub buyer: String,
    /// Where the buyer is (county, city or province): the direction appendix 5 prints.
    pub place: String,
    /// 只
    #[ts(type = "number")]
    pub quantity: u64,
    pub sold_on: NaiveDate,
    pub outcome: BuyerOutcome,
    #[serde(default)]
    pub note: String,
}

/// The steps after a failed sample, recorded on the sample.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FailedChain {
    /// The day the enterprise was ordered to stop selling the batch (责令停止销售).
    #[ts(type = "string | null")]
    pub stop_sales_on: Option<NaiveDate>,
    /// The buyers the sales ledger shows.
    pub trail: Vec<TrailBuyer>,
    /// The ledgers were checked and show no sale of the batch: the trail is complete though empty.
    pub none_sold: bool,
}

/// A step still open, as the dashboard lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "step")]
pub enum OpenStep {
    StopSales,
    Trail,
    Buyer {
        buyer: String,
        #[ts(type = "number")]
        quantity: u64,
    },
    /// The maker exports: customs and commerce are to be told (不合格口罩产品信息通报函).
    ExportNotice,
}

/// The steps of a failed sample's chain still to do.
pub fn open_steps(chain: &FailedChain) -> Vec<OpenStep> {
    let mut steps = Vec::new();
    if chain.stop_sales_on.is_none() {
        steps.push(OpenStep::StopSales);
    }
    if chain.trail.is_empty() && !chain.none_sold {
        steps.push(OpenStep::Trail);
    }
    steps.extend(
        chain
            .trail
            .iter()
            .filter(|b| b.outcome == BuyerOutcome::Pending)
            .map(|b| OpenStep::Buyer { buyer: b.buyer.clone(), quantity: b.quantity }),
    );
    steps
}

/// Appendix 5's 不合格产品是否流入市场 and 流入市场方向, from the trail: each buyer with its place and quantity.
pub fn market_columns(chain: &FailedChain) -> (bool, String) {
    let direction = chain
        .trail
        .iter()
        .map(|b| {
            let place = if b.place.trim().is_empty() { String::new() } else { format!("（{}）", b.place.trim()) };
            format!("{}{place}{}只", b.buyer.trim(), b.quantity)
        })
        .collect::<Vec<_>>()
        .join("；");
    (!chain.trail.is_empty(), direction)
}

/// Appendix 5's 后处理措施, from what was done: the stop-sales order and the quantities recalled and sealed.
pub fn post_measures_text(chain: &FailedChain) -> String {
    let sum = |o: BuyerOutcome| -> u64 { chain.trail.iter().filter(|b| b.outcome == o).map(|b| b.quantity).sum() };
    let mut parts = Vec::new();
    if chain.stop_sales_on.is_some() {
        parts.push("责令停止销售".to_string());
    }
    let recalled = sum(BuyerOutcome::Recalled);
    if recalled > 0 {
        parts.push(format!("召回{recalled}只"));
    }
    let sealed = sum(BuyerOutcome::Sealed);
    if sealed > 0 {
        parts.push(format!("在购货单位查封{sealed}只"));
    }
    parts.join("，")
}

/// Each buyer named, with a positive quantity and a sale not in the future; the stop-sales order not before the
/// sampling nor in the future; a trail and "none sold" not both. Returns the chain as stored (texts normalised).
pub fn validate_chain(
    chain: &FailedChain,
    sampled_on: NaiveDate,
    today: NaiveDate,
) -> Result<FailedChain, ValidationErrors> {
    let mut c = Checker::default();
    let mut trail = Vec::new();
    for b in &chain.trail {
        let buyer = c.required(Field::Buyer, &b.buyer, 200);
        let place = c.optional(Field::BuyerPlace, Some(&b.place), 200).unwrap_or_default();
        let note = c.optional(Field::Note, Some(&b.note), 500).unwrap_or_default();
        if b.quantity == 0 {
            c.push(Field::SoldQuantity, Rule::NotNegative, b.buyer.trim());
        }
        if b.sold_on > today {
            c.push(Field::SoldOn, Rule::DateInFuture, "");
        }
        trail.push(TrailBuyer { buyer, place, note, ..b.clone() });
    }
    if let Some(on) = chain.stop_sales_on {
        if on < sampled_on {
            c.push(Field::StopSalesOn, Rule::DateOrder, "抽样日期");
        }
        if on > today {
            c.push(Field::StopSalesOn, Rule::DateInFuture, "");
        }
    }
    if chain.none_sold && !chain.trail.is_empty() {
        c.push(Field::Buyer, Rule::NoneSoldWithBuyers, chain.trail.len().to_string());
    }
    c.finish(FailedChain { stop_sales_on: chain.stop_sales_on, trail, none_sold: chain.none_sold })
}

/// What the notice to customs and commerce cites as its reason: the campaign's task, in its words.
pub const NOTICE_BASIS: &str =
    "口罩产品质量提升专项整治行动关于“将不合格口罩产品和生产企业等信息及时通报给商务、海关部门”";

/// The offices a notice of a nonconforming product is sent to: at least one, each named.
pub fn validate_recipients(recipients: &[String]) -> Result<Vec<String>, ValidationErrors> {
    let mut c = Checker::default();
    let named: Vec<String> =
        recipients.iter().filter(|r| !r.trim().is_empty()).map(|r| c.required(Field::Recipients, r, 100)).collect();
    if named.is_empty() {
        c.push(Field::Recipients, Rule::Required, "");
    }
    c.finish(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn buyer(name: &str, place: &str, quantity: u64, outcome: BuyerOutcome) -> TrailBuyer {
        TrailBuyer {
            buyer: name.into(),
            place: place.into(),
            quantity,
            sold_on: d("2026-11-10"),
            outcome,
            note: String::new(),
        }
    }

    #[test]
    fn the_dashboard_follows_each_open_step_until_done() {
        let a = buyer("亭湖区惠民药店", "盐城市亭湖区", 2000, BuyerOutcome::Pending);
        let b = buyer("大丰区康泰医疗器械店", "盐城市大丰区", 1000, BuyerOutcome::Recalled);
        type Case = (&'static str, FailedChain, Vec<OpenStep>);
        let table: Vec<Case> = vec![
            ("nothing yet", FailedChain::default(), vec![OpenStep::StopSales, OpenStep::Trail]),
            (
                "stopped, ledgers checked, none sold",
                FailedChain { stop_sales_on: Some(d("2026-11-20")), trail: vec![], none_sold: true },
                vec![],
            ),
            (
                "one buyer pending",
                FailedChain {
                    stop_sales_on: Some(d("2026-11-20")),
                    trail: vec![a.clone(), b.clone()],
                    none_sold: false,
                },
                vec![OpenStep::Buyer { buyer: a.buyer.clone(), quantity: 2000 }],
            ),
            (
                "every buyer done",
                FailedChain {
                    stop_sales_on: Some(d("2026-11-20")),
                    trail: vec![TrailBuyer { outcome: BuyerOutcome::Sealed, ..a.clone() }, b.clone()],
                    none_sold: false,
                },
                vec![],
            ),
        ];
        for (what, chain, want) in table {
            assert_eq!(open_steps(&chain), want, "{what}");
        }
    }

    #[test]
    fn appendix_five_columns_come_from_the_trail() {
        let chain = FailedChain {
            stop_sales_on: Some(d("2026-11-20")),
            trail: vec![
                buyer("亭湖区惠民药店", "盐城市亭湖区", 2000, BuyerOutcome::Recalled),
                buyer("康泰医疗器械店", "", 1000, BuyerOutcome::Sealed),
                buyer("某超市", "南京市", 500, BuyerOutcome::SoldOut),
            ],
            none_sold: false,
        };
        assert_eq!(
            market_columns(&chain),
            (true, "亭湖区惠民药店（盐城市亭湖区）2000只；康泰医疗器械店1000只；某超市（南京市）500只".to_string())
        );
        assert_eq!(post_measures_text(&chain), "责令停止销售，召回2000只，在购货单位查封1000只");
        assert_eq!(market_columns(&FailedChain::default()), (false, String::new()));
    }

    #[test]
    fn a_chain_names_its_buyers_and_keeps_its_dates_in_order() {
        let today = d("2026-11-24");
        let sampled = d("2026-11-05");
        let rules = |chain: FailedChain| -> Vec<(Field, Rule)> {
            validate_chain(&chain, sampled, today)
                .err()
                .map(|e| e.0.iter().map(|e| (e.field, e.rule)).collect())
                .unwrap_or_default()
        };
        let ok = buyer("惠民药店", "亭湖区", 10, BuyerOutcome::Pending);
        type Case = (&'static str, FailedChain, Vec<(Field, Rule)>);
        let table: Vec<Case> = vec![
            ("complete", FailedChain { stop_sales_on: Some(today), trail: vec![ok.clone()], none_sold: false }, vec![]),
            (
                "no buyer name",
                FailedChain { trail: vec![TrailBuyer { buyer: " ".into(), ..ok.clone() }], ..Default::default() },
                vec![(Field::Buyer, Rule::Required)],
            ),
            (
                "no quantity",
                FailedChain { trail: vec![TrailBuyer { quantity: 0, ..ok.clone() }], ..Default::default() },
                vec![(Field::SoldQuantity, Rule::NotNegative)],
            ),
            (
                "sold tomorrow",
                FailedChain {
                    trail: vec![TrailBuyer { sold_on: d("2026-11-25"), ..ok.clone() }],
                    ..Default::default()
                },
                vec![(Field::SoldOn, Rule::DateInFuture)],
            ),
            (
                "stopped before sampling",
                FailedChain { stop_sales_on: Some(d("2026-11-01")), ..Default::default() },
                vec![(Field::StopSalesOn, Rule::DateOrder)],
            ),
            (
                "none sold yet buyers",
                FailedChain { trail: vec![ok], none_sold: true, ..Default::default() },
                vec![(Field::Buyer, Rule::NoneSoldWithBuyers)],
            ),
        ];
        for (what, chain, want) in table {
            assert_eq!(rules(chain), want, "{what}");
        }
    }
}
