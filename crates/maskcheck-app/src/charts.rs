//! The 统计 page's charts from the records of the scope (an inspector's own; a bureau's all or one unit's):
//! inspections per week, findings by check area, failing test items, rectifications open and overdue by unit,
//! coverage of the makers by unit. A chart saved as PNG is written here, checked to be a PNG first.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use maskcheck_domain::appendix::Period;
use maskcheck_domain::casework::SampleResultInput;
use maskcheck_domain::charts::{failing_items, finding_area, per_week, FindingArea, NamedCount, WeekCount};
use serde::Serialize;
use ts_rs::TS;

use crate::{today, App, AppError, ErrorCode, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AreaCount {
    pub area: FindingArea,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitRectifications {
    pub unit: String,
    pub open: u32,
    /// Of the open ones, past their deadline.
    pub overdue: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitCoverage {
    pub unit: String,
    /// The unit's non-medical makers, inspected and sampled.
    pub makers: u32,
    pub inspected: u32,
    pub sampled: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChartsDto {
    pub inspections_per_week: Vec<WeekCount>,
    pub findings_by_area: Vec<AreaCount>,
    pub failing_items: Vec<NamedCount>,
    pub rectifications: Vec<UnitRectifications>,
    pub coverage: Vec<UnitCoverage>,
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

impl App {
    pub fn stats_charts(&self, period: Period, unit: Option<&str>) -> Result<ChartsDto> {
        let scope = self.scope(unit)?;
        let inspected: Vec<NaiveDate> = self
            .store()
            .visits()?
            .into_iter()
            .filter(|v| scope.counts(&v.origin))
            .filter_map(|v| date(&v.on))
            .collect();
        let mut areas: BTreeMap<FindingArea, u32> = BTreeMap::new();
        for (origin, on, key) in self.store().finding_keys()? {
            if scope.counts(&origin) && date(&on).is_some_and(|d| period.contains(d)) {
                *areas.entry(finding_area(&key)).or_default() += 1;
            }
        }
        let results: Vec<SampleResultInput> = self
            .store()
            .samples(None)?
            .into_iter()
            .filter(|s| scope.counts(&s.meta.origin))
            .filter_map(|s| {
                let input: maskcheck_domain::casework::SampleInput = serde_json::from_str(&s.input).ok()?;
                period.contains(input.sampled_on).then_some(())?;
                serde_json::from_str(s.result.as_deref()?).ok()
            })
            .collect();
        let by_origin = self.units_by_origin()?;
        let today = today();
        let mut rect: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for (origin, _, open, deadline) in self.store().rectification_states()? {
            if !open || !scope.counts(&origin) {
                continue;
            }
            let unit = by_origin.get(&origin).cloned().unwrap_or_default();
            let slot = rect.entry(unit).or_default();
            slot.0 += 1;
            slot.1 += u32::from(date(&deadline).is_some_and(|d| d < today));
        }
        let mut coverage = Vec::new();
        for unit in self.chart_units()? {
            let (inspected, sampled) = self.unit_coverage(&unit)?;
            coverage.push(UnitCoverage {
                unit,
                makers: inspected.of,
                inspected: inspected.done,
                sampled: sampled.done,
            });
        }
        Ok(ChartsDto {
            inspections_per_week: per_week(&inspected, period),
            findings_by_area: areas.into_iter().map(|(area, count)| AreaCount { area, count }).collect(),
            failing_items: failing_items(&results.iter().collect::<Vec<_>>(), 10),
            rectifications: rect
                .into_iter()
                .map(|(unit, (open, overdue))| UnitRectifications { unit, open, overdue })
                .collect(),
            coverage,
        })
    }

    /// Writes a chart the window drew (a `data:image/png;base64,` URL) to `path`, refusing anything but a PNG.
    pub fn save_chart_png(&self, path: &Path, data_url: &str) -> Result<()> {
        use base64::Engine;
        let b64 = data_url.strip_prefix("data:image/png;base64,").unwrap_or(data_url);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64.trim())
            .map_err(|e| AppError::new(ErrorCode::Validation, format!("图表图像数据无效：{e}")))?;
        if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(AppError::new(ErrorCode::Validation, "图表图像不是 PNG"));
        }
        maskcheck_sheets::export::write_file(path, &bytes).map_err(|e| AppError::io(path, e))
    }
}
