//! 行政处罚信息公示: a penalty decided by the ordinary procedure is published through the national enterprise
//! credit publicity system within twenty working days of the decision (市场监督管理行政处罚信息公示规定，总局令
//! 第45号，第二条、第九条; 企业信息公示暂行条例第六条). A decision by the simple procedure, and a warning alone, are
//! not published (第二条). The entry carries the summary 第四条 lists.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::casework::{CaseInput, Procedure};
use crate::field_error::{Checker, Field, Rule, ValidationErrors};
use crate::followup::{urgency, Urgency};
use crate::workdays::WorkCalendar;

/// 第九条: twenty working days from the day of the decision.
pub const PUBLICITY_WORKING_DAYS: u32 = 20;

/// The penalty decision (行政处罚决定书) as the publicity entry repeats it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PenaltyDecision {
    /// 行政处罚决定书文号
    pub number: String,
    /// 作出行政处罚决定的日期
    pub decided_on: NaiveDate,
    /// 违法事实 (as the decision states them)
    pub facts: String,
    /// 处罚依据 (the provisions applied)
    pub basis: String,
    /// 处罚内容 (e.g. 没收不合格口罩2000只，罚款人民币5万元)
    pub content: String,
    /// A warning and nothing else: not published (第二条第二款).
    #[serde(default)]
    pub warning_only: bool,
}

/// Where a case's publicity stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicityDue {
    pub deadline: NaiveDate,
    /// Every year the period spans is in the shipped holiday calendar (otherwise weekends only were skipped).
    pub calendar_known: bool,
    pub published_on: Option<NaiveDate>,
    pub urgency: Urgency,
    pub days_left: i32,
}

/// Whether a case's penalty must be published: the ordinary procedure (立案), a decision, not a warning alone.
pub fn must_publish(case: &CaseInput) -> bool {
    case.procedure == Procedure::Filed && case.penalty.as_ref().is_some_and(|p| !p.warning_only)
}

/// The publicity deadline of a case that must be published, with its state on `today`.
pub fn publicity_due(case: &CaseInput, cal: &WorkCalendar, today: NaiveDate) -> Option<PublicityDue> {
    let penalty = case.penalty.as_ref().filter(|_| must_publish(case))?;
    let d = cal.add_working_days(penalty.decided_on, PUBLICITY_WORKING_DAYS);
    Some(PublicityDue {
        deadline: d.date,
        calendar_known: d.calendar_known,
        published_on: case.published_on,
        urgency: urgency(d.date, today),
        days_left: i32::try_from((d.date - today).num_days()).unwrap_or(i32::MAX),
    })
}

/// A penalty decision needs its number, facts, basis and content; it is decided on or after the case was opened
/// and not in the future; a publication date follows the decision.
pub(crate) fn check_penalty(c: &mut Checker, case: &CaseInput, today: NaiveDate) {
    let Some(p) = &case.penalty else {
        if case.published_on.is_some() {
            c.push(Field::PenaltyNumber, Rule::Required, "");
        }
        return;
    };
    c.required(Field::PenaltyNumber, &p.number, 100);
    c.required(Field::PenaltyFacts, &p.facts, 4000);
    c.required(Field::PenaltyBasis, &p.basis, 1000);
    c.required(Field::PenaltyContent, &p.content, 1000);
    if p.decided_on < case.opened_on {
        c.push(Field::DecidedOn, Rule::DateOrder, "立案日期");
    }
    if p.decided_on > today {
        c.push(Field::DecidedOn, Rule::DateInFuture, "");
    }
    if let Some(published) = case.published_on {
        if published < p.decided_on {
            c.push(Field::PublishedOn, Rule::DateOrder, "处罚决定日期");
        }
        if published > today {
            c.push(Field::PublishedOn, Rule::DateInFuture, "");
        }
    }
}

/// Only for tests of the rules above in isolation.
pub fn validate_penalty(case: &CaseInput, today: NaiveDate) -> Result<(), ValidationErrors> {
    let mut c = Checker::default();
    check_penalty(&mut c, case, today);
    c.finish(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casework::new_case;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn decided(on: &str) -> PenaltyDecision {
        PenaltyDecision {
            number: "盐市监处罚〔2026〕8号".into(),
            decided_on: d(on),
            facts: "生产不符合GB 2626-2019的KN95口罩".into(),
            basis: "《中华人民共和国产品质量法》第四十九条".into(),
            content: "没收不合格口罩2000只，罚款人民币5万元".into(),
            warning_only: false,
        }
    }

    #[test]
    fn only_an_ordinary_procedure_penalty_is_published_within_twenty_working_days() {
        let cal = WorkCalendar::shipped();
        let today = d("2026-11-24");
        let mut case = CaseInput { opened_on: d("2026-09-01"), ..new_case(today) };
        type Case = (&'static str, Procedure, Option<PenaltyDecision>, Option<(&'static str, Urgency)>);
        let warning = PenaltyDecision { warning_only: true, ..decided("2026-11-02") };
        let table: Vec<Case> = vec![
            ("no decision yet", Procedure::Filed, None, None),
            ("simple procedure", Procedure::Simple, Some(decided("2026-11-02")), None),
            ("a warning alone", Procedure::Filed, Some(warning), None),
            (
                "decided 2 November",
                Procedure::Filed,
                Some(decided("2026-11-02")),
                Some(("2026-11-30", Urgency::DueSoon)),
            ),
            // Across National Day: 1–7 October off, Saturday 10 October worked.
            (
                "decided 28 September",
                Procedure::Filed,
                Some(decided("2026-09-28")),
                Some(("2026-10-30", Urgency::Overdue)),
            ),
            ("decided today", Procedure::Filed, Some(decided("2026-11-24")), Some(("2026-12-22", Urgency::Later))),
        ];
        for (what, procedure, penalty, want) in table {
            case.procedure = procedure;
            case.penalty = penalty;
            let got = publicity_due(&case, cal, today).map(|p| (p.deadline, p.urgency));
            assert_eq!(got, want.map(|(date, u)| (d(date), u)), "{what}");
        }
    }

    #[test]
    fn a_penalty_needs_its_summary_and_dates_in_order() {
        let today = d("2026-11-24");
        let base = CaseInput { opened_on: d("2026-11-01"), ..new_case(today) };
        let rules = |case: &CaseInput| -> Vec<(Field, Rule)> {
            validate_penalty(case, today)
                .err()
                .map(|e| e.0.iter().map(|e| (e.field, e.rule)).collect())
                .unwrap_or_default()
        };
        type Case = (&'static str, CaseInput, Vec<(Field, Rule)>);
        let table: Vec<Case> = vec![
            ("complete", CaseInput { penalty: Some(decided("2026-11-20")), ..base.clone() }, vec![]),
            (
                "no number",
                CaseInput {
                    penalty: Some(PenaltyDecision { number: " ".into(), ..decided("2026-11-20") }),
                    ..base.clone()
                },
                vec![(Field::PenaltyNumber, Rule::Required)],
            ),
            (
                "decided before it was opened",
                CaseInput { penalty: Some(decided("2026-10-20")), ..base.clone() },
                vec![(Field::DecidedOn, Rule::DateOrder)],
            ),
            (
                "published before the decision",
                CaseInput { penalty: Some(decided("2026-11-20")), published_on: Some(d("2026-11-19")), ..base.clone() },
                vec![(Field::PublishedOn, Rule::DateOrder)],
            ),
            (
                "published without a decision",
                CaseInput { published_on: Some(d("2026-11-19")), ..base.clone() },
                vec![(Field::PenaltyNumber, Rule::Required)],
            ),
        ];
        for (what, case, want) in table {
            assert_eq!(rules(&case), want, "{what}");
        }
    }
}
