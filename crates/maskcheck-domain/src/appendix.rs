//! The campaign's statistics tables as figures (the writing is `maskcheck-sheets`'): appendix 4 (口罩案件查处
//! 情况统计表, one row per case category and 合计) and appendix 5 (口罩专项抽查/抽检情况统计表, one row per sampled
//! product), from the records of a period. Every figure is computed, never typed into the table.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::casework::{
    failing_items_text, CaseCategory, CaseInput, LabVerdict, Procedure, SampleInput, SampleResultInput,
};
use crate::enterprise::{ProductionStatus, Scale};

/// A period of report, both ends included; `None` leaves that end open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// One row of appendix 4: a category, or 合计 (`category: None`).
///
/// 出动执法人员 and 检查经营者数 are the period's visits, which belong to no case category (most lead to no case):
/// they are figures of 合计 only, and blank in the category rows. Every other column of 合计 is the sum of its rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Appendix4Row {
    pub category: Option<CaseCategory>,
    /// 出动执法人员(人次)累计: each inspector on each visit of the period (合计 only).
    pub inspectors: Option<u32>,
    /// 检查经营者数(户/人)累计: the operators checked, one per visit (合计 only). 累计 counts a second visit to
    /// the same operator again, as the roll-up must: a county's figure is the sum of its inspectors'.
    pub operators: Option<u32>,
    /// 查办案件（件）（包括立案和简易案件）
    pub cases: u32,
    /// 其中：立案（件）
    pub filed: u32,
    /// 结案（件）
    pub closed: u32,
    /// 罚没（万元）
    pub fines_wan: f64,
    /// 案值（万元）
    pub value_wan: f64,
    /// 查获口罩（万只）累计
    pub masks_wan: f64,
    /// 移送公安机关案件数（件）累计
    pub referred: u32,
}

impl Appendix4Row {
    /// Adds another table's row of the same category (a roll-up): every column, the visit columns included.
    pub fn add(&mut self, o: &Appendix4Row) {
        let sum = |a: Option<u32>, b: Option<u32>| match (a, b) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
        };
        self.inspectors = sum(self.inspectors, o.inspectors);
        self.operators = sum(self.operators, o.operators);
        self.add_cases(o);
    }

    fn add_cases(&mut self, o: &Appendix4Row) {
        self.cases += o.cases;
        self.filed += o.filed;
        self.closed += o.closed;
        self.fines_wan += o.fines_wan;
        self.value_wan += o.value_wan;
        self.masks_wan += o.masks_wan;
        self.referred += o.referred;
    }

    /// 立案 is part of 查办: a row where it is not is wrong.
    pub fn consistent(&self) -> bool {
        self.filed <= self.cases && self.closed <= self.cases
    }
}

/// Money and masks in ten-thousands, two decimals, as the table prints them.
pub fn wan2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// One visit to an operator: an inspection, a re-inspection or a sampling visit of its own. Each inspector on it
/// is one 人次 of 出动执法人员.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub on: NaiveDate,
    pub inspectors: u32,
    pub enterprise_id: String,
}

/// Appendix 4 of the period: the seven categories in the seed's order from the cases opened in it, then 合计.
/// 合计's case columns are the sum of the rows; a case of the period closed by its end counts as 结案, so 立案 and
/// 结案 never exceed 查办. 出动执法人员 and 检查经营者数 come from the period's visits, in 合计 only.
pub fn appendix4(cases: &[CaseInput], visits: &[Visit], period: Period) -> Vec<Appendix4Row> {
    let mut rows: Vec<Appendix4Row> =
        CaseCategory::ALL.iter().map(|c| Appendix4Row { category: Some(*c), ..Default::default() }).collect();
    for case in cases {
        let Some(row) = rows.iter_mut().find(|r| r.category == Some(case.category)) else { continue };
        let opened = period.contains(case.opened_on);
        if opened {
            row.cases += 1;
            row.filed += u32::from(case.procedure == Procedure::Filed);
            row.fines_wan += case.fines_wan;
            row.value_wan += case.value_wan;
            row.masks_wan += case.masks_seized_wan;
            row.referred += u32::from(case.referred_to_police);
        }
        // 结案 is counted among the cases of the period: those closed by its end.
        if opened && case.closed_on.is_some_and(|d| period.to.is_none_or(|t| d <= t)) {
            row.closed += 1;
        }
    }
    for r in &mut rows {
        r.fines_wan = wan2(r.fines_wan);
        r.value_wan = wan2(r.value_wan);
        r.masks_wan = wan2(r.masks_wan);
    }
    let mut total = Appendix4Row::default();
    for r in &rows {
        total.add_cases(r);
    }
    let in_period: Vec<&Visit> = visits.iter().filter(|v| period.contains(v.on)).collect();
    total.inspectors = Some(in_period.iter().map(|v| v.inspectors).sum());
    total.operators = Some(in_period.len() as u32);
    total.fines_wan = wan2(total.fines_wan);
    total.value_wan = wan2(total.value_wan);
    total.masks_wan = wan2(total.masks_wan);
    rows.push(total);
    rows
}

/// Appendix 3's 检查情况 of a maker: the date of its latest inspection and how many problems it found.
pub fn inspection_summary(latest: Option<(NaiveDate, u32)>) -> String {
    match latest {
        None => "未检查".to_string(),
        Some((on, 0)) => format!("{}检查，未发现问题", crate::dates::zh_date(on)),
        Some((on, n)) => format!("{}检查，发现问题{n}项", crate::dates::zh_date(on)),
    }
}

/// One row of appendix 5, every cell as it prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Appendix5Row {
    pub product_name: String,
    pub spec_model: String,
    pub enterprise: String,
    /// 合格 / 不合格 / 待检验
    pub result: String,
    pub failing_items: String,
    /// 不合格产品的批次数量（只）
    pub nonconforming_quantity: String,
    /// 是 / 否 (blank until the result)
    pub reached_market: String,
    pub market_direction: String,
    pub post_measures: String,
    pub help_measures: String,
    pub production_status: String,
    pub scale: String,
    /// 新企业成立时间
    pub founded_on: String,
}

/// The enterprise facts appendix 5 repeats.
pub struct EnterpriseFacts<'a> {
    pub name: &'a str,
    pub production_status: Option<ProductionStatus>,
    pub scale: Option<Scale>,
    pub founded_on: Option<NaiveDate>,
}

pub fn appendix5_row(
    sample: &SampleInput,
    result: Option<&SampleResultInput>,
    e: &EnterpriseFacts<'_>,
) -> Appendix5Row {
    let fail = result.is_some_and(|r| r.verdict == LabVerdict::Fail);
    let (verdict, items, quantity, reached, direction, post, help) = match result {
        None => ("待检验", String::new(), String::new(), String::new(), String::new(), String::new(), String::new()),
        Some(r) => (
            if fail { "不合格" } else { "合格" },
            if fail { failing_items_text(r) } else { String::new() },
            r.nonconforming_quantity.filter(|_| fail).map(|q| q.to_string()).unwrap_or_default(),
            if fail { if r.reached_market { "是" } else { "否" }.to_string() } else { String::new() },
            if fail { r.market_direction.clone() } else { String::new() },
            r.post_measures.clone(),
            r.help_measures.clone(),
        ),
    };
    Appendix5Row {
        product_name: sample.product_name.clone(),
        spec_model: sample.spec_model.clone(),
        enterprise: e.name.to_string(),
        result: verdict.to_string(),
        failing_items: items,
        nonconforming_quantity: quantity,
        reached_market: reached,
        market_direction: direction,
        post_measures: post,
        help_measures: help,
        production_status: e.production_status.map(|s| s.zh().to_string()).unwrap_or_default(),
        scale: e.scale.map(|s| s.zh().to_string()).unwrap_or_default(),
        founded_on: e.founded_on.map(crate::dates::zh_date).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casework::new_case;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn case(category: CaseCategory, procedure: Procedure, opened: &str, closed: Option<&str>, fines: f64) -> CaseInput {
        CaseInput {
            category,
            procedure,
            opened_on: d(opened),
            closed_on: closed.map(d),
            fines_wan: fines,
            value_wan: fines * 2.0,
            masks_seized_wan: 0.125,
            referred_to_police: fines > 1.0,
            inspectors_dispatched: 2,
            operators_checked: 1,
            ..new_case(d(opened))
        }
    }

    #[test]
    fn appendix_four_sums_each_category_and_the_total_is_the_sum_of_the_rows() {
        use CaseCategory::*;
        use Procedure::*;
        let cases = [
            case(Quality, Filed, "2026-11-02", Some("2026-11-20"), 1.5),
            case(Quality, Simple, "2026-11-03", None, 0.05),
            case(Price, Filed, "2026-11-10", Some("2026-12-05"), 0.3),
            case(Quality, Filed, "2026-10-30", Some("2026-11-05"), 9.0),
        ];
        let period = Period { from: Some(d("2026-11-01")), to: Some(d("2026-11-30")) };
        let visit = |on: &str, inspectors: u32, e: &str| Visit { on: d(on), inspectors, enterprise_id: e.into() };
        let visits = [
            visit("2026-11-02", 2, "e1"),
            visit("2026-11-12", 3, "e1"),
            visit("2026-11-20", 2, "e2"),
            visit("2026-10-20", 2, "e3"),
        ];
        let rows = appendix4(&cases, &visits, period);
        assert_eq!(rows.len(), 8, "seven categories and 合计");
        let quality = rows.iter().find(|r| r.category == Some(Quality)).expect("quality");
        // The October case is outside the period; the simple one is 查办 but not 立案; one closed by the end.
        assert_eq!((quality.cases, quality.filed, quality.closed, quality.referred), (2, 1, 1, 1));
        assert_eq!((quality.inspectors, quality.operators), (None, None), "visits belong to no category");
        assert_eq!((quality.fines_wan, quality.value_wan, quality.masks_wan), (1.55, 3.1, 0.25));
        let price = rows.iter().find(|r| r.category == Some(Price)).expect("price");
        assert_eq!((price.cases, price.filed, price.closed), (1, 1, 0), "closed after the period");
        let total = rows.last().expect("total");
        assert_eq!(total.category, None);
        assert_eq!((total.cases, total.filed, total.closed), (3, 2, 1));
        // Seven inspectors on three November visits (two to the same operator); the October visit is outside.
        assert_eq!((total.inspectors, total.operators), (Some(7), Some(3)));
        assert_eq!((total.fines_wan, total.masks_wan), (1.85, 0.38));
        assert!(rows.iter().all(Appendix4Row::consistent));
        let open = appendix4(&cases, &visits, Period::default());
        assert_eq!(open.last().expect("total").cases, 4, "no period: every case");
        assert_eq!((open.last().expect("total").inspectors, open.last().expect("total").operators), (Some(9), Some(4)));
    }
}
