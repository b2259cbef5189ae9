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
}
