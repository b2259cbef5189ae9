//! The bureau's roll-up: its table for a period is the sum of its units' tables. A unit's figures come from the
//! records it sent in bundles (grouped by the unit of the device that made each record), or, for a unit that
//! does not run the app yet, from the appendix 4 and 5 workbook it sent — read, checked by the domain's rules and
//! previewed with each bad cell named, then kept only when clean (compute, then apply). A unit's workbook stands
//! for it in place of its records, so nothing is counted twice. The roll-up lists each unit's figures beside the
//! total and the units that have sent nothing for the period.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use maskcheck_domain::appendix::{Appendix4Row, Appendix5Row, Period};
use maskcheck_domain::rollup::{check_appendix4, sum_appendix4};
use maskcheck_domain::Role;
use maskcheck_sheets::appendix_book::{write_appendices, AppendixSheet};
use maskcheck_sheets::report_read::{read_sent_report, CellError};
use maskcheck_store::UnitReportRecord;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::export::ExportResultDto;
use crate::stats::Scope;
use crate::sync_devices::peer_card;
use crate::{now_text, today, App, AppError, ErrorCode, Result};

/// Where a unit's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FiguresSource {
    /// The records its devices made (merged from bundles, or made here).
    Records,
    /// The workbook it sent.
    Workbook,
}

/// One unit's line of the roll-up.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitFiguresDto {
    pub unit: String,
    pub source: FiguresSource,
    /// The workbook's file name and 填报时间, and when it was read in.
    pub file_name: Option<String>,
    pub reported_on: Option<String>,
    pub imported_at: Option<String>,
    /// Seven categories then 合计.
    pub appendix4: Vec<Appendix4Row>,
    /// Appendix 5's rows: products sampled, of which failed.
    pub sampled: u32,
    pub failed: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RollupDto {
    pub units: Vec<UnitFiguresDto>,
    /// The sum of the units' appendix 4.
    pub total: Vec<Appendix4Row>,
    pub sampled: u32,
    pub failed: u32,
    /// Units this bureau knows (its enrolled devices' units) with no figures for the period.
    pub missing: Vec<String>,
}

/// A bad cell of a sent workbook: the sheet, Excel row, column header and rule.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SentCellErrorDto {
    pub sheet: String,
    pub row: u32,
    pub column: String,
    pub rule: String,
}

/// What a unit's workbook would add, before anything is kept.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SentReportPreviewDto {
    pub file: String,
    pub unit: String,
    pub reported_on: String,
    pub appendix4: Option<Vec<Appendix4Row>>,
    pub sampled: u32,
    pub failed: u32,
    pub errors: Vec<SentCellErrorDto>,
    /// When this unit's earlier workbook for the same period was read in: this one replaces it.
    pub replaces: Option<String>,
    /// The unit is one of this bureau's (an enrolled device's unit); a stranger's table is allowed, but said.
    pub known_unit: bool,
}

fn iso(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))
}

/// A sent report, read and checked: what would be kept, and every error found.
struct SentPlan {
    preview: SentReportPreviewDto,
    record: Option<UnitReportRecord>,
}

impl App {
    fn require_bureau(&self) -> Result<()> {
        if self.profile()?.role != Role::Bureau {
            return Err(AppError::new(
                ErrorCode::BureauOnly,
                "汇总下级单位的统计表须在局端进行；检查员可导出本人的统计表",
            ));
        }
        Ok(())
    }

    /// The units this bureau reports for: the units of the devices it enrolled (inspectors, and county bureaus
    /// under a city) or learned from their registries; not its own superior's. (Its own unit counts when it has
    /// records of its own, as a line of the roll-up; a city with none is not missing from its own table.)
    fn known_units(&self) -> Result<BTreeSet<String>> {
        let mut out = BTreeSet::new();
        for p in self.store().peers()? {
            if p.trust != "bureau" && p.revoked_at.is_none() {
                out.insert(peer_card(&p)?.card.unit_name);
            }
        }
        Ok(out)
    }

    /// The roll-up of the period: each unit's figures (its workbook, else its records), their sum, and the units
    /// that have sent nothing.
    pub fn rollup(&self, period: Period) -> Result<RollupDto> {
        self.require_bureau()?;
        let (units, _) = self.rollup_units(period, false)?;
        let total = sum_appendix4(units.iter().map(|u| u.appendix4.as_slice()));
        let (sampled, failed) = (units.iter().map(|u| u.sampled).sum(), units.iter().map(|u| u.failed).sum());
        let reported: BTreeSet<&String> = units.iter().map(|u| &u.unit).collect();
        let missing = self.known_units()?.into_iter().filter(|u| !reported.contains(u)).collect();
        Ok(RollupDto { units, total, sampled, failed, missing })
    }

    /// Each unit's figures for the period, and (when asked) appendix 5's rows of every unit in order.
    fn rollup_units(&self, period: Period, with_rows: bool) -> Result<(Vec<UnitFiguresDto>, Vec<Appendix5Row>)> {
        let reports = self.store().unit_reports(&iso(period.from), &iso(period.to))?;
        let by_origin = self.units_by_origin()?;
        let mut record_units: BTreeSet<String> = BTreeSet::new();
        for c in self.store().cases()? {
            record_units.insert(by_origin.get(&c.meta.origin).cloned().unwrap_or_default());
        }
        for v in self.store().visits()? {
            record_units.insert(by_origin.get(&v.origin).cloned().unwrap_or_default());
        }
        for s in self.store().samples(None)? {
            record_units.insert(by_origin.get(&s.meta.origin).cloned().unwrap_or_default());
        }
        let mut units: BTreeMap<String, (UnitFiguresDto, Vec<Appendix5Row>)> = BTreeMap::new();
        for r in &reports {
            let a4: Vec<Appendix4Row> = match &r.appendix4 {
                Some(j) => parse(j)?,
                None => sum_appendix4(std::iter::empty()),
            };
            let a5: Vec<Appendix5Row> = match &r.appendix5 {
                Some(j) => parse(j)?,
                None => vec![],
            };
            let figures = UnitFiguresDto {
                unit: r.unit.clone(),
                source: FiguresSource::Workbook,
                file_name: Some(r.file_name.clone()),
                reported_on: Some(r.reported_on.clone()),
                imported_at: Some(r.imported_at.clone()),
                appendix4: a4,
                sampled: a5.len() as u32,
                failed: a5.iter().filter(|r| r.result == "不合格").count() as u32,
            };
            units.insert(r.unit.clone(), (figures, a5));
        }
        for unit in record_units.into_iter().filter(|u| !u.is_empty()) {
            if units.contains_key(&unit) {
                continue;
            }
            let scope = Scope::Unit(unit.clone(), by_origin.clone());
            let a4 = self.appendix4_of(&scope, period)?;
            let a5 = self.appendix5_of(&scope, period)?;
            let total = a4.last().cloned().unwrap_or_default();
            if total.cases == 0 && total.inspectors.unwrap_or(0) == 0 && a5.is_empty() {
                continue;
            }
            let figures = UnitFiguresDto {
                unit: unit.clone(),
                source: FiguresSource::Records,
                file_name: None,
                reported_on: None,
                imported_at: None,
                appendix4: a4,
                sampled: a5.len() as u32,
                failed: a5.iter().filter(|r| r.result == "不合格").count() as u32,
            };
            units.insert(unit, (figures, if with_rows { a5 } else { vec![] }));
        }
        let mut rows = Vec::new();
        let mut out = Vec::new();
        for (_, (f, a5)) in units {
            rows.extend(a5);
            out.push(f);
        }
        Ok((out, rows))
    }

    /// Writes the roll-up as the bureau sends it up: appendix 4 the sum of its units', appendix 5 every unit's
    /// rows, this bureau as 填报单位.
    pub fn export_rollup(&self, period: Period, dest: &Path) -> Result<ExportResultDto> {
        self.require_bureau()?;
        let (units, a5) = self.rollup_units(period, true)?;
        let a4 = sum_appendix4(units.iter().map(|u| u.appendix4.as_slice()));
        let unit = self.profile()?.unit_name;
        let date = maskcheck_domain::dates::zh_date(today());
        write_appendices(dest, &unit, &date, &[AppendixSheet::Four(&a4), AppendixSheet::Five(&a5)])?;
        Ok(ExportResultDto { path: dest.display().to_string(), rows: (a4.len() + a5.len()) as u32 })
    }

    /// Reads a unit's appendix 4/5 workbook and checks it: nothing is kept.
    pub fn preview_sent_report(&self, path: &Path, period: Period, unit: Option<&str>) -> Result<SentReportPreviewDto> {
        self.require_bureau()?;
        Ok(self.plan_sent_report(path, period, unit)?.preview)
    }

    /// Keeps a unit's workbook for the period's roll-up, replacing the one it sent before; refused with every
    /// error, and nothing written, when the preview has any.
    pub fn apply_sent_report(&self, path: &Path, period: Period, unit: Option<&str>) -> Result<SentReportPreviewDto> {
        self.require_bureau()?;
        let plan = self.plan_sent_report(path, period, unit)?;
        let Some(record) = plan.record.filter(|_| plan.preview.errors.is_empty()) else {
            let first =
                plan.preview.errors.first().map(|e| format!("（{} 第{}行“{}”：{}）", e.sheet, e.row, e.column, e.rule));
            return Err(AppError::new(
                ErrorCode::Validation,
                format!(
                    "{} 有 {} 处错误，未导入{}",
                    path.display(),
                    plan.preview.errors.len(),
                    first.unwrap_or_default()
                ),
            )
            .about(path.display().to_string()));
        };
        self.store().write(|tx| tx.put_unit_report(&record))?;
        Ok(plan.preview)
    }

    fn plan_sent_report(&self, path: &Path, period: Period, unit: Option<&str>) -> Result<SentPlan> {
        let sent = read_sent_report(path)?;
        let bytes = std::fs::read(path).map_err(|e| AppError::io(path, e))?;
        let mut errors = Vec::new();
        let cell = |sheet: &str, e: CellError| SentCellErrorDto {
            sheet: sheet.into(),
            row: e.row,
            column: e.column,
            rule: e.rule,
        };
        let written_unit =
            sent.appendix4.as_ref().map(|a| a.unit.clone()).or_else(|| sent.appendix5.as_ref().map(|a| a.unit.clone()));
        let reported_on = sent
            .appendix4
            .as_ref()
            .map(|a| a.date.clone())
            .or_else(|| sent.appendix5.as_ref().map(|a| a.date.clone()))
            .unwrap_or_default();
        let unit_name =
            unit.map(str::trim).filter(|u| !u.is_empty()).map(String::from).or(written_unit).unwrap_or_default();
        if let Some(a4) = &sent.appendix4 {
            errors.extend(a4.errors.iter().cloned().map(|e| cell(&a4.sheet, e)));
            // The sums are checked only on a table whose cells all read: a bad cell already explains a bad sum.
            if a4.errors.is_empty() {
                for e in check_appendix4(&a4.rows) {
                    let at =
                        a4.rows.iter().position(|r| maskcheck_sheets::appendix_book::appendix4_row_label(r) == e.row);
                    let row = at.map(|i| a4.row_numbers[i]).unwrap_or(0);
                    errors.push(SentCellErrorDto { sheet: a4.sheet.clone(), row, column: e.column, rule: e.rule });
                }
            }
        }
        if let Some(a5) = &sent.appendix5 {
            errors.extend(a5.errors.iter().cloned().map(|e| cell(&a5.sheet, e)));
        }
        if unit_name.is_empty() {
            let sheet =
                sent.appendix4.as_ref().map(|a| a.sheet.clone()).or(sent.appendix5.as_ref().map(|a| a.sheet.clone()));
            errors.push(SentCellErrorDto {
                sheet: sheet.unwrap_or_default(),
                row: 2,
                column: "填报单位".into(),
                rule: "填报单位为空：请在表中填写，或导入时指定单位".into(),
            });
        }
        let a5_rows: Option<Vec<Appendix5Row>> = sent.appendix5.map(|a| a.rows.into_iter().map(|(_, r)| r).collect());
        let a4_rows = sent.appendix4.map(|a| a.rows);
        let replaces = self
            .store()
            .unit_reports(&iso(period.from), &iso(period.to))?
            .into_iter()
            .find(|r| r.unit == unit_name)
            .map(|r| r.imported_at);
        let preview = SentReportPreviewDto {
            file: path.display().to_string(),
            unit: unit_name.clone(),
            reported_on: reported_on.clone(),
            appendix4: a4_rows.clone(),
            sampled: a5_rows.as_ref().map(|r| r.len() as u32).unwrap_or(0),
            failed: a5_rows.as_ref().map(|r| r.iter().filter(|r| r.result == "不合格").count() as u32).unwrap_or(0),
            errors,
            replaces,
            known_unit: self.known_units()?.contains(&unit_name),
        };
        let record = if unit_name.is_empty() {
            None
        } else {
            Some(UnitReportRecord {
                unit: unit_name,
                period_from: iso(period.from),
                period_to: iso(period.to),
                file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                file_hash: crate::device::sha256_hex(&bytes),
                reported_on,
                appendix4: a4_rows.as_ref().map(json).transpose()?,
                appendix5: a5_rows.as_ref().map(json).transpose()?,
                imported_at: now_text(),
            })
        };
        Ok(SentPlan { preview, record })
    }
}
