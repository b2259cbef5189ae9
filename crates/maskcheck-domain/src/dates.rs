//! The one date rule every input path applies (the window, the CLI, spreadsheet imports, bundles): dates must be
//! real and plausible, and the message says which bound was crossed.

use chrono::{Datelike, NaiveDate, Timelike};

use crate::field_error::{Checker, Field, Rule};

/// No enterprise on a roster was founded before the People's Republic (USCC registrations start long after).
pub fn earliest_founding() -> NaiveDate {
    NaiveDate::from_ymd_opt(1949, 10, 1).unwrap_or(NaiveDate::MIN)
}

/// A licence is never granted for more than 50 years; a later date is a typing slip (9999-12-31, 2202 for 2022).
pub const MAX_VALIDITY_YEARS: i32 = 50;

/// `2026年11月23日`: how every document writes a date.
pub fn zh_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// `2026年11月23日9时05分` from a stored local time (`2026-11-23T09:05:00.000+08:00`, or without seconds or offset):
/// the wall-clock time where it happened, as the record's own offset says, never converted. Text that is not such
/// a time is returned as it is.
pub fn zh_time(stored: &str) -> String {
    let head = stored.get(..16).unwrap_or(stored);
    match chrono::NaiveDateTime::parse_from_str(head, "%Y-%m-%dT%H:%M") {
        Ok(t) => format!("{}{}时{:02}分", zh_date(t.date()), t.hour(), t.minute()),
        Err(_) => stored.to_string(),
    }
}

fn years_after(d: NaiveDate, years: i32) -> NaiveDate {
    d.with_year(d.year() + years).or_else(|| d.pred_opt().and_then(|p| p.with_year(p.year() + years))).unwrap_or(d)
}

/// 成立日期: not before 1949-10-01, not after today.
pub(crate) fn check_founded_on(c: &mut Checker, field: Field, d: NaiveDate, today: NaiveDate) {
    if d > today {
        c.push(field, Rule::DateInFuture, "");
    } else if d < earliest_founding() {
        c.push(field, Rule::DateTooEarly, zh_date(earliest_founding()));
    }
}

/// 有效期至: after the issue date, and within 50 years of it (of today when the issue date is unknown).
pub(crate) fn check_valid_until(c: &mut Checker, issued: Option<NaiveDate>, until: NaiveDate, today: NaiveDate) {
    if let Some(i) = issued {
        if until < i {
            c.push(Field::ValidUntil, Rule::DateOrder, "发证日期");
            return;
        }
    }
    let limit = years_after(issued.unwrap_or(today), MAX_VALIDITY_YEARS);
    if until > limit {
        c.push(Field::ValidUntil, Rule::DateTooLate, format!("{}（{MAX_VALIDITY_YEARS} 年有效期）", zh_date(limit)));
    }
}

/// 发证日期: a real past date, not before 1949-10-01.
pub(crate) fn check_issued_on(c: &mut Checker, d: NaiveDate, today: NaiveDate) {
    check_founded_on(c, Field::IssuedOn, d, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field_error::FieldError;

    #[test]
    fn times_print_as_written_where_they_happened() {
        let cases = [
            ("2026-11-23T09:05:00.000+08:00", "2026年11月23日9时05分"),
            ("2026-11-23T23:59:59-05:00", "2026年11月23日23时59分"),
            ("2026-01-02T00:00", "2026年1月2日0时00分"),
            ("not a time", "not a time"),
        ];
        for (stored, want) in cases {
            assert_eq!(zh_time(stored), want, "{stored}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn founding_table() {
        let today = d(2026, 11, 23);
        for (date, want) in [
            (d(2020, 1, 1), None),
            (d(1949, 10, 1), None),
            (d(1949, 9, 30), Some(Rule::DateTooEarly)),
            (d(1899, 12, 30), Some(Rule::DateTooEarly)),
            (d(9999, 12, 31), Some(Rule::DateInFuture)),
            (d(2026, 11, 24), Some(Rule::DateInFuture)),
        ] {
            let mut c = Checker::default();
            check_founded_on(&mut c, Field::FoundedOn, date, today);
            assert_eq!(c.errors.first().map(|e: &FieldError| e.rule), want, "{date}");
        }
        let mut c = Checker::default();
        check_founded_on(&mut c, Field::FoundedOn, d(1900, 1, 1), today);
        assert_eq!(c.errors[0].message_zh(), "成立日期不能早于1949年10月1日");
    }

    #[test]
    fn validity_table() {
        let today = d(2026, 11, 23);
        for (issued, until, want) in [
            (Some(d(2021, 1, 1)), d(2026, 1, 1), None),
            (Some(d(2021, 1, 1)), d(2071, 1, 1), None),
            (Some(d(2021, 1, 1)), d(2071, 1, 2), Some(Rule::DateTooLate)),
            (None, d(9999, 12, 31), Some(Rule::DateTooLate)),
            (Some(d(2024, 1, 1)), d(2023, 1, 1), Some(Rule::DateOrder)),
        ] {
            let mut c = Checker::default();
            check_valid_until(&mut c, issued, until, today);
            assert_eq!(c.errors.first().map(|e| e.rule), want, "{issued:?} {until}");
        }
        let mut c = Checker::default();
        check_valid_until(&mut c, None, d(9999, 12, 31), today);
        assert_eq!(c.errors[0].message_zh(), "有效期至不能晚于2076年11月23日（50 年有效期）");
    }
}
