//! What an inspector must give before a document is issued: the rules the window, the CLI and a bundle import
//! share (a rectification notice's facts, deadline and corrections; a seal or seizure's goods, place and period).

use chrono::NaiveDate;

use crate::document::GoodsRow;
use crate::field_error::{Checker, Field, Rule, ValidationErrors};

/// The campaign's usual term for a rectification, offered as the deadline; the inspector may change it.
pub const NOTICE_TERM_DAYS: i64 = 7;

/// 行政强制法第二十五条第一款: a seal or seizure lasts at most thirty days (extension is a decision of its own).
pub const MAX_MEASURE_DAYS: i64 = 30;

/// The corrections a notice proposes for its findings, one per finding, in the words the document prints (never
/// in the window's language).
pub fn proposed_corrections(findings: &[String]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("针对“{}”的问题立即整改，整改完成后书面报告", f.trim().trim_end_matches('。')))
        .collect()
}

/// A rectification notice needs findings, a deadline not before the day it is issued (`None`: correct at once)
/// and at least one correction. Returns the corrections as they print: each under the text rule, blank lines gone.
pub fn validate_notice(
    findings: usize,
    deadline: Option<NaiveDate>,
    corrections: &[String],
    issued_on: NaiveDate,
) -> Result<Vec<String>, ValidationErrors> {
    let mut c = Checker::default();
    if findings == 0 {
        c.push(Field::Findings, Rule::Required, "");
    }
    if deadline.is_some_and(|d| d < issued_on) {
        c.push(Field::Deadline, Rule::DateOrder, "签发日期");
    }
    let kept: Vec<String> = corrections
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| c.required(Field::Corrections, l, 500))
        .filter(|l| !l.is_empty())
        .collect();
    if kept.is_empty() && corrections.iter().all(|l| l.trim().is_empty()) {
        c.push(Field::Corrections, Rule::Required, "");
    }
    c.finish(kept)
}

/// How a document was served, as the inspector records it (送达).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceFacts<'a> {
    pub method: crate::document::ServiceMethod,
    pub recipient: &'a str,
    pub refusal: Option<&'a str>,
    pub witness: Option<&'a str>,
    pub consented: bool,
    /// A photo of the signed receipt or of the document left at the address is attached.
    pub photo: bool,
}

/// What each way of serving needs (docs/legal.md, 送达): someone who received it (直接送达, 邮寄送达, 电子送达);
/// for a document left at the address because the party refused it (留置送达), the reason given and a witness or a
/// photo of the service; for electronic service, the party's consent. Returns the texts as stored (under the text
/// rule, empty ones dropped).
pub fn validate_service(f: &ServiceFacts<'_>) -> Result<(String, Option<String>, Option<String>), ValidationErrors> {
    use crate::document::ServiceMethod;
    let mut c = Checker::default();
    let recipient = match f.method {
        ServiceMethod::Public => c.optional(Field::Name, Some(f.recipient), 100).unwrap_or_default(),
        _ => c.required(Field::Name, f.recipient, 100),
    };
    let refusal = c.optional(Field::Reason, f.refusal, 500);
    let witness = c.optional(Field::Witness, f.witness, 50);
    match f.method {
        ServiceMethod::Left => {
            if refusal.is_none() {
                c.push(Field::Reason, Rule::Required, "");
            }
            if witness.is_none() && !f.photo {
                c.push(Field::Witness, Rule::WitnessOrPhoto, "");
            }
        }
        ServiceMethod::Electronic if !f.consented => c.push(Field::ServiceMethod, Rule::ConsentRequired, ""),
        _ => {}
    }
    c.finish((recipient, refusal, witness))
}

/// The last day of a seal or seizure that starts on `from` and runs the full thirty days (the first day counts).
pub fn last_day_of_measure(from: NaiveDate) -> NaiveDate {
    from + chrono::Duration::days(MAX_MEASURE_DAYS - 1)
}

/// A seal or seizure needs named goods with positive quantities, the place they are kept, and a period of at most
/// [`MAX_MEASURE_DAYS`] days counted from its first day. Returns the goods rows that print (unnamed rows dropped)
/// and the place.
pub fn validate_measure(
    goods: &[GoodsRow],
    goods_place: &str,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<(Vec<GoodsRow>, String), ValidationErrors> {
    let mut c = Checker::default();
    let named: Vec<&GoodsRow> = goods.iter().filter(|g| !g.name.trim().is_empty()).collect();
    if named.is_empty() {
        c.push(Field::Goods, Rule::Required, "");
    }
    let mut rows = Vec::new();
    for g in named {
        if !g.quantity.is_finite() || g.quantity <= 0.0 {
            c.push(Field::Goods, Rule::NotNegative, g.name.trim());
        }
        let name = c.required(Field::Goods, &g.name, 200);
        rows.push(GoodsRow { name, ..g.clone() });
    }
    if until < from {
        c.push(Field::MeasureUntil, Rule::DateOrder, "开始日期");
    } else if (until - from).num_days() >= MAX_MEASURE_DAYS {
        c.push(Field::MeasureUntil, Rule::TooLongPeriod, MAX_MEASURE_DAYS.to_string());
    }
    let place = c.required(Field::Place, goods_place, 200);
    c.finish((rows, place))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    type Broken = Vec<(Field, Rule)>;

    fn rules(e: ValidationErrors) -> Broken {
        e.0.into_iter().map(|e| (e.field, e.rule)).collect()
    }

    #[test]
    fn a_notice_needs_findings_a_deadline_ahead_and_corrections() {
        let on = d(2026, 11, 23);
        let fix = vec!["更换标签".to_string(), "  ".into()];
        let cases: Vec<(usize, Option<NaiveDate>, Vec<String>, Broken)> = vec![
            (1, Some(d(2026, 11, 30)), fix.clone(), vec![]),
            (1, None, fix.clone(), vec![]),
            (1, Some(on), fix.clone(), vec![]),
            (
                0,
                Some(d(2026, 11, 22)),
                vec![" ".into()],
                vec![
                    (Field::Findings, Rule::Required),
                    (Field::Deadline, Rule::DateOrder),
                    (Field::Corrections, Rule::Required),
                ],
            ),
            (1, None, vec!["\u{200B}".into()], vec![(Field::Corrections, Rule::InvisibleOnly)]),
        ];
        for (findings, deadline, corrections, want) in cases {
            let got = validate_notice(findings, deadline, &corrections, on);
            match got {
                Ok(kept) => {
                    assert!(want.is_empty(), "{deadline:?} {corrections:?} accepted");
                    assert_eq!(kept, vec!["更换标签".to_string()]);
                }
                Err(e) => assert_eq!(rules(e), want, "{deadline:?} {corrections:?}"),
            }
        }
    }

    #[test]
    fn a_measure_lasts_at_most_thirty_days_and_lists_real_goods() {
        let row = |name: &str, q: f64| GoodsRow {
            name: name.into(),
            spec: String::new(),
            batch: String::new(),
            quantity: q,
            unit: "只".into(),
            note: String::new(),
        };
        let from = d(2026, 11, 23);
        let cases: Vec<(Vec<GoodsRow>, &str, NaiveDate, Broken)> = vec![
            (vec![row("口罩", 100.0), row(" ", 0.0)], "仓库", d(2026, 12, 22), vec![]),
            (vec![row("口罩", 100.0)], "仓库", d(2026, 12, 23), vec![(Field::MeasureUntil, Rule::TooLongPeriod)]),
            (vec![row("口罩", 100.0)], "仓库", d(2026, 11, 22), vec![(Field::MeasureUntil, Rule::DateOrder)]),
            (
                vec![row("口罩", 0.0), row("熔喷布", f64::NAN)],
                "仓库",
                from,
                vec![(Field::Goods, Rule::NotNegative), (Field::Goods, Rule::NotNegative)],
            ),
            (vec![row("", 1.0)], " ", from, vec![(Field::Goods, Rule::Required), (Field::Place, Rule::Required)]),
        ];
        for (goods, place, until, want) in cases {
            match validate_measure(&goods, place, from, until) {
                Ok((rows, _)) => {
                    assert!(want.is_empty(), "{until} accepted");
                    assert_eq!(rows.len(), 1, "the unnamed row is dropped");
                }
                Err(e) => assert_eq!(rules(e), want, "{until}"),
            }
        }
    }

    #[test]
    fn corrections_are_proposed_in_the_documents_words() {
        assert_eq!(
            proposed_corrections(&["标签未标注执行标准。".into()]),
            vec!["针对“标签未标注执行标准”的问题立即整改，整改完成后书面报告".to_string()]
        );
    }

    #[test]
    fn the_default_period_is_the_longest_the_law_allows_and_no_longer() {
        let goods = vec![GoodsRow {
            name: "KN95 口罩".into(),
            spec: String::new(),
            batch: String::new(),
            quantity: 2000.0,
            unit: "只".into(),
            note: String::new(),
        }];
        for from in ["2026-11-24", "2026-02-10", "2028-02-15"] {
            let from = NaiveDate::parse_from_str(from, "%Y-%m-%d").expect("date");
            let until = last_day_of_measure(from);
            assert!(validate_measure(&goods, "成品仓库", from, until).is_ok(), "{from} → {until} is allowed");
            let one_more = until + chrono::Duration::days(1);
            assert!(validate_measure(&goods, "成品仓库", from, one_more).is_err(), "{from} → {one_more} is not");
        }
    }

    #[test]
    fn each_way_of_serving_records_what_the_law_asks() {
        use crate::document::ServiceMethod::*;
        let facts = |method, recipient, refusal, witness, consented, photo| ServiceFacts {
            method,
            recipient,
            refusal,
            witness,
            consented,
            photo,
        };
        type Case<'a> = (&'a str, ServiceFacts<'a>, Vec<(Field, Rule)>);
        let table: Vec<Case> = vec![
            ("handed over", facts(Direct, "王五", None, None, false, false), vec![]),
            ("handed to nobody", facts(Direct, " ", None, None, false, false), vec![(Field::Name, Rule::Required)]),
            ("left with a witness", facts(Left, "王五", Some("拒绝签收"), Some("社区主任李某"), false, false), vec![]),
            ("left, photographed", facts(Left, "王五", Some("拒绝签收"), None, false, true), vec![]),
            (
                "left, nothing recorded",
                facts(Left, "王五", None, None, false, false),
                vec![(Field::Reason, Rule::Required), (Field::Witness, Rule::WitnessOrPhoto)],
            ),
            ("electronic with consent", facts(Electronic, "kangda@example.com", None, None, true, false), vec![]),
            (
                "electronic without consent",
                facts(Electronic, "kangda@example.com", None, None, false, false),
                vec![(Field::ServiceMethod, Rule::ConsentRequired)],
            ),
            ("by post", facts(Post, "王五", None, None, false, false), vec![]),
            ("public notice names nobody", facts(Public, "", None, None, false, false), vec![]),
        ];
        for (what, f, want) in table {
            let got: Vec<(Field, Rule)> = match validate_service(&f) {
                Ok(_) => vec![],
                Err(e) => e.0.iter().map(|e| (e.field, e.rule)).collect(),
            };
            assert_eq!(got, want, "{what}");
        }
    }
}
