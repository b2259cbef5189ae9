//! What follows a rectification notice: its deadline, how urgent it is today, and the re-inspection (复查) that
//! closes it. An enterprise with an open rectification may not resume production (复查整改不到位的，一律不得恢复生产).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::field_error::{Checker, Field, Rule, ValidationErrors};
use crate::inspection::Inspector;

/// How a deadline stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Urgency {
    Overdue,
    /// Due within the next 7 days (today and the seventh day included).
    DueSoon,
    Later,
}

pub const DUE_SOON_DAYS: i64 = 7;

pub fn urgency(deadline: NaiveDate, today: NaiveDate) -> Urgency {
    let days = (deadline - today).num_days();
    if days < 0 {
        Urgency::Overdue
    } else if days <= DUE_SOON_DAYS {
        Urgency::DueSoon
    } else {
        Urgency::Later
    }
}

/// One correction ordered by the notice, as verified on re-inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VerifiedCorrection {
    pub correction: String,
    pub done: bool,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReinspectionInput {
    pub rectification_id: String,
    pub date: NaiveDate,
    pub inspectors: Vec<Inspector>,
    pub verified: Vec<VerifiedCorrection>,
    pub note: String,
}

impl ReinspectionInput {
    /// Rectification is complete only when every ordered correction was verified done.
    pub fn complete(&self) -> bool {
        !self.verified.is_empty() && self.verified.iter().all(|v| v.done)
    }
}

pub fn validate_reinspection(input: &ReinspectionInput, today: NaiveDate) -> Result<(), ValidationErrors> {
    let mut c = Checker::default();
    crate::inspection::check_inspectors(&mut c, &input.inspectors);
    if input.date > today {
        c.push(Field::ReinspectedOn, Rule::DateInFuture, "");
    }
    if input.verified.is_empty() {
        c.push(Field::Corrections, Rule::Required, "");
    }
    c.finish(())
}

/// How a deadline reads in Chinese: "今天到期", "3 天后到期", "逾期 2 天".
pub fn due_in_words(days_left: i64) -> String {
    match days_left {
        0 => "今天到期".into(),
        d if d < 0 => format!("逾期 {} 天", -d),
        d => format!("{d} 天后到期"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn urgency_by_days_left() {
        let today = d("2026-11-23");
        let cases = [
            ("2026-11-22", Urgency::Overdue),
            ("2026-11-23", Urgency::DueSoon),
            ("2026-11-30", Urgency::DueSoon),
            ("2026-12-01", Urgency::Later),
        ];
        for (deadline, want) in cases {
            assert_eq!(urgency(d(deadline), today), want, "{deadline}");
        }
    }

    #[test]
    fn complete_only_when_every_correction_is_done() {
        let v = |done| VerifiedCorrection { correction: "x".into(), done, note: String::new() };
        let mut input = ReinspectionInput {
            rectification_id: "r".into(),
            date: d("2026-11-23"),
            inspectors: vec![],
            verified: vec![v(true), v(false)],
            note: String::new(),
        };
        assert!(!input.complete());
        input.verified[1].done = true;
        assert!(input.complete());
        input.verified.clear();
        assert!(!input.complete());
    }

    #[test]
    fn due_words_table() {
        for (days, want) in [(0, "今天到期"), (1, "1 天后到期"), (7, "7 天后到期"), (-2, "逾期 2 天")] {
            assert_eq!(due_in_words(days), want);
        }
    }
}
