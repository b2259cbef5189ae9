//! What follows a seal or seizure (行政强制法第二十五条、第二十七条、第二十八条): one extension of at most thirty
//! days decided before the period ends, and a release dated after the decision; neither once the measure has
//! been released. The window, the CLI and a bundle import apply these same rules.

use chrono::NaiveDate;

use crate::document::DecisionRef;
use crate::field_error::{Checker, Field, Rule, ValidationErrors};

/// 第二十五条第一款: an extension adds at most thirty days.
pub const MAX_EXTENSION_DAYS: i64 = 30;

/// What already followed a decision (documents not revoked).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Followed {
    /// The new last day, when the measure was already extended.
    pub extended_until: Option<NaiveDate>,
    pub released_on: Option<NaiveDate>,
}

impl Followed {
    /// The last day of the measure as it stands.
    pub fn last_day(&self, decision: &DecisionRef) -> NaiveDate {
        self.extended_until.unwrap_or(decision.until)
    }
}

/// An extension decided `on`: once, before the period ends, to a later day at most thirty days on, with a reason.
/// Returns the reason as it prints.
pub fn validate_extension(
    decision: &DecisionRef,
    followed: Followed,
    new_until: NaiveDate,
    reason: &str,
    on: NaiveDate,
) -> Result<String, ValidationErrors> {
    let mut c = Checker::default();
    if followed.released_on.is_some() {
        c.push(Field::MeasureUntil, Rule::AlreadyReleased, "");
    } else if followed.extended_until.is_some() {
        c.push(Field::MeasureUntil, Rule::AlreadyExtended, "");
    } else if on > decision.until {
        c.push(Field::MeasureUntil, Rule::MeasureEnded, decision.until.to_string());
    }
    if new_until <= decision.until {
        c.push(Field::MeasureUntil, Rule::DateOrder, "原期限届满之日的次日");
    } else if (new_until - decision.until).num_days() > MAX_EXTENSION_DAYS {
        c.push(Field::MeasureUntil, Rule::TooLongPeriod, MAX_EXTENSION_DAYS.to_string());
    }
    let reason = c.required(Field::Reason, reason, 500);
    c.finish(reason)
}

/// A release on `released_on`: not before the measure began, not in the future, only once. Returns the reason.
pub fn validate_release(
    decision: &DecisionRef,
    followed: Followed,
    released_on: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<String, ValidationErrors> {
    let mut c = Checker::default();
    if followed.released_on.is_some() {
        c.push(Field::ReleasedOn, Rule::AlreadyReleased, "");
    }
    if released_on < decision.from {
        c.push(Field::ReleasedOn, Rule::DateOrder, "查封（扣押）开始之日");
    }
    if released_on > today {
        c.push(Field::ReleasedOn, Rule::DateInFuture, "");
    }
    let reason = c.optional(Field::Reason, Some(reason), 500).unwrap_or_default();
    c.finish(reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Measure;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn decision() -> DecisionRef {
        DecisionRef {
            id: "dec".into(),
            number: "盐市监强制〔2026〕1号".into(),
            issued_on: d("2026-11-02"),
            measure: Measure::Seal,
            from: d("2026-11-02"),
            until: d("2026-12-01"),
        }
    }

    fn rules(r: Result<String, ValidationErrors>) -> Vec<(Field, Rule)> {
        r.err().map(|e| e.0.into_iter().map(|e| (e.field, e.rule)).collect()).unwrap_or_default()
    }

    #[test]
    fn an_extension_is_once_by_at_most_thirty_days_before_the_end() {
        let none = Followed::default();
        let extended = Followed { extended_until: Some(d("2026-12-31")), released_on: None };
        let released = Followed { extended_until: None, released_on: Some(d("2026-11-20")) };
        type Case = (&'static str, Followed, &'static str, &'static str, &'static str, Vec<(Field, Rule)>);
        let table: Vec<Case> = vec![
            ("thirty more days", none, "2026-12-31", "待检验结果", "2026-11-25", vec![]),
            ("on the last day", none, "2026-12-10", "待检验结果", "2026-12-01", vec![]),
            (
                "one day too long",
                none,
                "2027-01-01",
                "待检验结果",
                "2026-11-25",
                vec![(Field::MeasureUntil, Rule::TooLongPeriod)],
            ),
            ("not later", none, "2026-12-01", "待检验结果", "2026-11-25", vec![(Field::MeasureUntil, Rule::DateOrder)]),
            (
                "after the end",
                none,
                "2026-12-20",
                "待检验结果",
                "2026-12-02",
                vec![(Field::MeasureUntil, Rule::MeasureEnded)],
            ),
            (
                "a second time",
                extended,
                "2026-12-20",
                "待检验结果",
                "2026-11-25",
                vec![(Field::MeasureUntil, Rule::AlreadyExtended)],
            ),
            (
                "after release",
                released,
                "2026-12-20",
                "待检验结果",
                "2026-11-25",
                vec![(Field::MeasureUntil, Rule::AlreadyReleased)],
            ),
            ("no reason", none, "2026-12-20", "  ", "2026-11-25", vec![(Field::Reason, Rule::Required)]),
        ];
        for (what, followed, until, reason, on, want) in table {
            assert_eq!(rules(validate_extension(&decision(), followed, d(until), reason, d(on))), want, "{what}");
        }
    }

    #[test]
    fn a_release_follows_its_decision_once() {
        let none = Followed::default();
        let extended = Followed { extended_until: Some(d("2026-12-31")), released_on: None };
        let released = Followed { extended_until: None, released_on: Some(d("2026-11-20")) };
        type Case = (&'static str, Followed, &'static str, Vec<(Field, Rule)>);
        let today = "2026-11-25";
        let table: Vec<Case> = vec![
            ("during the period", none, "2026-11-20", vec![]),
            ("the first day", none, "2026-11-02", vec![]),
            ("after an extension", extended, "2026-11-25", vec![]),
            ("before the decision", none, "2026-11-01", vec![(Field::ReleasedOn, Rule::DateOrder)]),
            ("in the future", none, "2026-11-26", vec![(Field::ReleasedOn, Rule::DateInFuture)]),
            ("twice", released, "2026-11-24", vec![(Field::ReleasedOn, Rule::AlreadyReleased)]),
        ];
        for (what, followed, on, want) in table {
            assert_eq!(rules(validate_release(&decision(), followed, d(on), "", d(today))), want, "{what}");
        }
    }

    #[test]
    fn the_last_day_is_the_extension_when_there_is_one() {
        assert_eq!(Followed::default().last_day(&decision()), d("2026-12-01"));
        let extended = Followed { extended_until: Some(d("2026-12-31")), released_on: None };
        assert_eq!(extended.last_day(&decision()), d("2026-12-31"));
    }
}
