//! Working days (工作日) by the State Council's yearly holiday notices: weekends are rest days unless the notice
//! makes them working days (调休上班), and the notice's holidays are rest days. Deadlines the law counts in
//! working days (行政处罚信息 publicity, 总局令第45号第九条) use this calendar; a year the shipped calendar does not
//! cover counts weekends only, and says so.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

const SHIPPED: &str = include_str!("../../../assets/calendar/cn-workdays.json");

#[derive(Deserialize)]
struct YearFile {
    holidays: Vec<(NaiveDate, NaiveDate)>,
    workdays: Vec<NaiveDate>,
}

#[derive(Deserialize)]
struct CalendarFile {
    years: BTreeMap<i32, YearFile>,
}

/// The rest days and the make-up working days of the years the notices cover.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    years: BTreeSet<i32>,
    holidays: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
}

/// A deadline counted in working days, and whether every year it spans is in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingDeadline {
    pub date: NaiveDate,
    pub calendar_known: bool,
}

impl WorkCalendar {
    /// The calendar shipped with the app (the notices for 2025 and 2026), parsed once.
    pub fn shipped() -> &'static WorkCalendar {
        static CAL: std::sync::OnceLock<WorkCalendar> = std::sync::OnceLock::new();
        CAL.get_or_init(|| Self::parse(SHIPPED).unwrap_or_default())
    }

    pub fn parse(json: &str) -> Result<WorkCalendar, serde_json::Error> {
        let file: CalendarFile = serde_json::from_str(json)?;
        let mut cal = WorkCalendar::default();
        for (year, y) in file.years {
            cal.years.insert(year);
            for (first, last) in y.holidays {
                cal.holidays.extend(first.iter_days().take_while(|d| *d <= last));
            }
            cal.workdays.extend(y.workdays);
        }
        Ok(cal)
    }

    pub fn knows(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.workdays.contains(&d) {
            return true;
        }
        !self.holidays.contains(&d) && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The `n`th working day after `from` (the day itself not counted): the last day of a period of `n` working
    /// days "自…之日起".
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> WorkingDeadline {
        let mut date = from;
        let mut left = n;
        while left > 0 {
            date = date.succ_opt().unwrap_or(date);
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        let calendar_known = (from.year()..=date.year()).all(|y| self.knows(y));
        WorkingDeadline { date, calendar_known }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn working_days_follow_the_notices() {
        let cal = WorkCalendar::shipped();
        let table = [
            ("2026-11-23", true, "a Monday"),
            ("2026-11-28", false, "a Saturday"),
            ("2026-10-01", false, "National Day"),
            ("2026-10-07", false, "the last day of the National Day holiday"),
            ("2026-10-10", true, "a Saturday made a working day"),
            ("2026-02-14", true, "a Saturday before the Spring Festival"),
            ("2026-02-23", false, "a Monday inside the Spring Festival"),
            ("2025-01-01", false, "New Year 2025"),
            ("2025-09-28", true, "a Sunday made a working day in 2025"),
        ];
        for (day, working, what) in table {
            assert_eq!(cal.is_working_day(d(day)), working, "{day}: {what}");
        }
    }

    #[test]
    fn twenty_working_days_skip_weekends_and_holidays() {
        let cal = WorkCalendar::shipped();
        let table = [
            // Four plain weeks.
            ("2026-11-02", 20, "2026-11-30", true),
            // Across National Day (1–7 October off, 10 October worked).
            ("2026-09-28", 20, "2026-10-30", true),
            // Across the Spring Festival (15–23 February off, 14 and 28 February worked).
            ("2026-02-10", 20, "2026-03-16", true),
            // Into a year the calendar does not cover: weekends only, and flagged.
            ("2026-12-21", 20, "2027-01-18", false),
            ("2026-11-23", 0, "2026-11-23", true),
        ];
        for (from, n, want, known) in table {
            let got = cal.add_working_days(d(from), n);
            assert_eq!((got.date, got.calendar_known), (d(want), known), "{n} working days from {from}");
        }
    }
}
