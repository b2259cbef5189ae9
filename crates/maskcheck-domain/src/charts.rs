//! The figures behind the 统计 page's charts: inspections per week, findings by check area, failing test items. Pure
//! counting; the app reads the records and the window draws.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::appendix::Period;
use crate::casework::{LabVerdict, SampleResultInput};

/// The check areas of the checklists (the sections every template shares).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FindingArea {
    Licences,
    Intake,
    Outbound,
    Labels,
    Ledger,
    Other,
}

/// The area a finding belongs to, from its key: a checklist item (`item:<section>.<item>`), an intake row
/// (`intake:…`), a label checked (`label:…`), or anything typed by hand.
pub fn finding_area(key: &str) -> FindingArea {
    let section = key.strip_prefix("item:").and_then(|k| k.split('.').next());
    match (section, key.split(':').next()) {
        (Some("licences"), _) => FindingArea::Licences,
        (Some("intake"), _) | (None, Some("intake")) => FindingArea::Intake,
        (Some("outbound"), _) => FindingArea::Outbound,
        (Some("labels"), _) | (None, Some("label")) => FindingArea::Labels,
        (Some("ledger"), _) => FindingArea::Ledger,
        (None, Some("licence")) => FindingArea::Licences,
        _ => FindingArea::Other,
    }
}

/// A week (from its Monday) and how many things fell in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    pub week_start: NaiveDate,
    pub count: u32,
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Counts per week, every week from the first to the last (the period's ends when given) present, empty weeks as 0.
pub fn per_week(dates: &[NaiveDate], period: Period) -> Vec<WeekCount> {
    let inside: Vec<NaiveDate> = dates.iter().copied().filter(|d| period.contains(*d)).collect();
    let (Some(first), Some(last)) =
        (period.from.or_else(|| inside.iter().min().copied()), period.to.or_else(|| inside.iter().max().copied()))
    else {
        return vec![];
    };
    let mut counts: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    let mut w = monday(first);
    // A period of years would make thousands of bars: the chart shows at most two years of weeks.
    let mut weeks = 0;
    while w <= last && weeks < 106 {
        counts.insert(w, 0);
        w += Duration::days(7);
        weeks += 1;
    }
    for d in inside {
        if let Some(c) = counts.get_mut(&monday(d)) {
            *c += 1;
        }
    }
    counts.into_iter().map(|(week_start, count)| WeekCount { week_start, count }).collect()
}

/// A name and how many times it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NamedCount {
    pub name: String,
    pub count: u32,
}

/// The test items failed, most frequent first (ties by name), at most `top`.
pub fn failing_items(results: &[&SampleResultInput], top: usize) -> Vec<NamedCount> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for r in results.iter().filter(|r| r.verdict == LabVerdict::Fail) {
        let names: Vec<String> = if r.failing.is_empty() {
            r.failing_items.split(['、', '，', ',', ';', '；']).map(|s| s.trim().to_string()).collect()
        } else {
            r.failing.iter().map(|f| f.name.trim().to_string()).collect()
        };
        for n in names.into_iter().filter(|n| !n.is_empty()) {
            *counts.entry(n).or_default() += 1;
        }
    }
    let mut out: Vec<NamedCount> = counts.into_iter().map(|(name, count)| NamedCount { name, count }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out.truncate(top);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_keys_map_to_check_areas() {
        let cases = [
            ("item:licences.business", FindingArea::Licences),
            ("item:intake.meltblown", FindingArea::Intake),
            ("intake:3:record", FindingArea::Intake),
            ("item:outbound.filtration", FindingArea::Outbound),
            ("label:2:sanwu", FindingArea::Labels),
            ("item:labels.standard", FindingArea::Labels),
            ("item:ledger.sales", FindingArea::Ledger),
            ("manual:1", FindingArea::Other),
            ("item:other.x", FindingArea::Other),
        ];
        for (key, want) in cases {
            assert_eq!(finding_area(key), want, "{key}");
        }
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_empty_weeks_show() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        // 2026-11-02 is a Monday.
        let dates = [d("2026-11-02"), d("2026-11-08"), d("2026-11-09"), d("2026-11-25")];
        let weeks = per_week(&dates, Period::default());
        let got: Vec<(String, u32)> = weeks.iter().map(|w| (w.week_start.to_string(), w.count)).collect();
        assert_eq!(
            got,
            [("2026-11-02".into(), 2), ("2026-11-09".into(), 1), ("2026-11-16".into(), 0), ("2026-11-23".into(), 1)]
        );
        let november_second_half = Period { from: Some(d("2026-11-16")), to: Some(d("2026-11-30")) };
        let got: Vec<u32> = per_week(&dates, november_second_half).iter().map(|w| w.count).collect();
        assert_eq!(got, [0, 1, 0], "the period's weeks, even empty");
        assert!(per_week(&[], Period::default()).is_empty());
    }
}
