//! Roster import from a spreadsheet: a pure plan first (the preview), then the accepted rows in one transaction.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::Ordering;

use maskcheck_domain::county::KnownCounties;
use maskcheck_domain::roster_import::{counts, CheckedRow, ImportAction, ImportCounts, PlannedRow, Planner};
use maskcheck_domain::{Field, FieldError, Rule};
use maskcheck_sheets::{ColumnMapping, RosterColumn, SheetTable};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import_read::{read_checked, Checked};
use crate::{now_ms, now_text, today, App, AppError, ErrorCode, Result};
use maskcheck_store::{EnterpriseRecord, RecordMeta};

/// The preview shows this many plain inserts, and of every other kind (updates, unchanged, duplicates, errors)
/// this many rows: the counts say how many there are, so a file of 400,000 duplicates is a summary, not 37 MB.
const PREVIEW_INSERTS: usize = 500;
const PREVIEW_PER_KIND: usize = 1_000;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub path: String,
    /// The sheet to read; None takes the first with a recognisable header.
    pub sheet: Option<String>,
    /// The column mapping as the user corrected it; None uses the one found.
    pub columns: Option<Vec<ColumnMapping>>,
    /// Import the valid rows and list the others, instead of refusing the whole file.
    pub skip_invalid: bool,
    /// Every row in the preview and the result (the CLI's `--all`); otherwise the first of each kind.
    #[serde(default)]
    #[ts(optional)]
    pub all_rows: Option<bool>,
    /// Counties the user confirmed as new (the preview lists those it does not know).
    #[serde(default)]
    #[ts(optional)]
    pub new_counties: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreviewDto {
    pub path: String,
    pub sheet: String,
    pub sheet_names: Vec<String>,
    pub header_rows: Vec<u32>,
    pub columns: Vec<ColumnMapping>,
    pub counts: ImportCounts,
    /// Every row that is not a plain insert, and the first inserts.
    pub rows: Vec<PlannedRow>,
    pub omitted_inserts: u32,
    /// Rows of the other kinds left out of `rows` (beyond the first of each kind).
    pub omitted_rows: u32,
    /// Counties in the file the unit does not know (and the user has not confirmed): their rows are errors until
    /// confirmed.
    pub new_counties: Vec<String>,
    pub skipped_empty: u32,
    pub notes_from_row: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportResultDto {
    pub counts: ImportCounts,
    pub inserted: u32,
    pub updated: u32,
    /// Rows not imported (errors and duplicates), with why: the first of each kind unless all rows were asked for.
    pub skipped: Vec<PlannedRow>,
    pub omitted_skipped: u32,
}

/// The first `per_kind` rows of each action kind (inserts: `inserts`), and how many were left out.
fn first_of_each_kind<'a>(
    rows: impl Iterator<Item = &'a PlannedRow>,
    inserts: usize,
    per_kind: usize,
) -> (Vec<PlannedRow>, u32) {
    let mut seen: std::collections::HashMap<std::mem::Discriminant<ImportAction>, usize> = Default::default();
    let mut shown = Vec::new();
    let mut omitted = 0u32;
    for r in rows {
        let n = seen.entry(std::mem::discriminant(&r.action)).or_default();
        *n += 1;
        let limit = if r.action == ImportAction::Insert { inserts } else { per_kind };
        if *n <= limit {
            shown.push(r.clone());
        } else if r.action != ImportAction::Insert {
            omitted += 1;
        }
    }
    (shown, omitted)
}

/// The counties named by `UnknownCounty` errors, each once, in order of first appearance.
fn new_counties(rows: &[PlannedRow]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in rows.iter().flat_map(|r| &r.errors).filter(|e| e.error.rule == Rule::UnknownCounty) {
        let county = e.error.detail.split('；').next().unwrap_or_default().to_string();
        if !out.contains(&county) {
            out.push(county);
        }
    }
    out
}

/// The preview of a plan: the first `inserts` inserts and the first rows of every other kind.
fn preview_of(path: String, table: SheetTable, rows: &[PlannedRow], inserts: usize, all: bool) -> ImportPreviewDto {
    let counts = counts(rows);
    let per_kind = if all { usize::MAX } else { PREVIEW_PER_KIND };
    let (shown, omitted_rows) = first_of_each_kind(rows.iter(), inserts, per_kind);
    ImportPreviewDto {
        path,
        sheet: table.sheet,
        sheet_names: table.sheet_names,
        header_rows: table.header_rows,
        columns: table.columns,
        omitted_inserts: counts.inserts.saturating_sub(u32::try_from(inserts).unwrap_or(u32::MAX)),
        omitted_rows,
        new_counties: new_counties(rows),
        counts,
        rows: shown,
        skipped_empty: table.skipped_empty,
        notes_from_row: table.notes_from_row,
    }
}

/// A file read and planned, and what was written when it was imported.
struct Run {
    table: SheetTable,
    rows: Vec<PlannedRow>,
    /// Rows inserted and updated (None: nothing written).
    written: Option<(u32, u32)>,
}

/// Why an import wrote nothing (its transaction rolled back).
enum Stop {
    /// The file has errors or duplicates and the user did not ask to skip them: the plan is the answer.
    Refused(Box<Run>),
    Failed(AppError),
}

impl<E: Into<AppError>> From<E> for Stop {
    fn from(e: E) -> Self {
        Stop::Failed(e.into())
    }
}

/// The error of a refused import: the counts and the first rows at fault.
fn refusal(rows: &[PlannedRow]) -> AppError {
    let counts = counts(rows);
    let first: Vec<String> = rows
        .iter()
        .filter(|r| !r.errors.is_empty())
        .take(5)
        .map(|r| format!("第 {} 行 {}：{}", r.row, r.errors[0].column, r.errors[0].error.message_zh()))
        .collect();
    let mut e = AppError::new(
        ErrorCode::Validation,
        format!(
            "错误 {} 行，重复 {} 行，未导入任何数据（可选择跳过这些行）：{}",
            counts.errors,
            counts.duplicates,
            first.join("；")
        ),
    );
    e.fields = rows.iter().flat_map(|r| r.errors.iter().map(|x| x.error.clone())).take(50).collect();
    e
}

fn is_bad(r: &PlannedRow) -> bool {
    matches!(r.action, ImportAction::Error | ImportAction::Duplicate { .. })
}

/// The normalised USCCs of the valid rows of a chunk, to look up in the roster.
fn valid_usccs(chunk: &[CheckedRow]) -> Vec<String> {
    chunk.iter().filter_map(|c| c.valid.as_ref().map(|v| v.uscc.clone())).collect()
}

/// Plans a chunk against the roster records its valid USCCs found (`existing`, keyed by USCC).
fn plan_against(
    planner: &mut Planner,
    chunk: Vec<CheckedRow>,
    existing: &HashMap<String, EnterpriseRecord>,
) -> Vec<PlannedRow> {
    planner.plan(chunk, |u| existing.get(u).map(|r| (r.meta.id.clone(), r.data.clone())))
}

/// Reads the file `opts` names, handing its checked rows to `take` (see `read_checked`).
fn read_file(
    opts: &ImportOptions,
    counties: &KnownCounties,
    take: impl FnMut(Checked) -> Result<()>,
) -> Result<SheetTable> {
    read_checked(Path::new(&opts.path), opts.sheet.as_deref(), opts.columns.as_deref(), today(), counties, take)
}

impl App {
    /// Checks the column mapping the user gave, and returns the counties the file's rows may name.
    fn import_counties(&self, opts: &ImportOptions) -> Result<KnownCounties> {
        Self::check_columns(opts)?;
        Ok(self.known_counties()?.confirming(opts.new_counties.clone().unwrap_or_default()))
    }

    fn check_columns(opts: &ImportOptions) -> Result<()> {
        if let Some(columns) = &opts.columns {
            for key in [RosterColumn::Name, RosterColumn::Uscc] {
                if !columns.iter().any(|c| c.column == Some(key)) {
                    let field = if key == RosterColumn::Name { Field::Name } else { Field::Uscc };
                    return Err(AppError::field(FieldError::new(field, Rule::Required, "列对应")));
                }
            }
        }
        Ok(())
    }

    /// Reads and plans the file; writes nothing.
    fn plan_import(&self, opts: &ImportOptions) -> Result<Run> {
        let counties = self.import_counties(opts)?;
        let mut planner = Planner::default();
        let mut rows = Vec::new();
        let table = read_file(opts, &counties, |event| {
            match event {
                Checked::Restart => {
                    planner = Planner::default();
                    rows.clear();
                }
                Checked::Rows(chunk) => {
                    let existing = self.store().enterprises_by_uscc(&valid_usccs(&chunk))?;
                    let planned = plan_against(&mut planner, chunk, &existing);
                    rows.extend(planned.into_iter().map(|r| PlannedRow { write: None, ..r }));
                }
            }
            Ok(())
        })?;
        Ok(Run { table, rows, written: None })
    }

    /// Reads, plans and writes the file in one pass and one transaction: each chunk of rows is written as soon as
    /// it is planned, while the next is read. When the file has errors or duplicates and `skip_invalid` is off,
    /// writing stops at the first and the transaction rolls back (`Stop::Refused`): a refusal writes nothing.
    fn import_run(&self, opts: &ImportOptions, progress: &dyn Fn(u32, u32)) -> std::result::Result<Run, Stop> {
        self.cancel.store(false, Ordering::SeqCst);
        let counties = self.import_counties(opts)?;
        let device = self.device_id()?;
        let at = now_text();
        let mut store = self.store();
        store.write(|tx| {
            tx.enterprise_batch(|batch| {
                let mut planner = Planner::default();
                let mut rows: Vec<PlannedRow> = Vec::new();
                let (mut inserted, mut updated, mut bad) = (0u32, 0u32, 0usize);
                let table = read_file(opts, &counties, |event| {
                    let chunk = match event {
                        Checked::Restart => {
                            batch.restart()?;
                            planner = Planner::default();
                            rows.clear();
                            (inserted, updated, bad) = (0, 0, 0);
                            return Ok(());
                        }
                        Checked::Rows(chunk) => chunk,
                    };
                    let existing = batch.by_uscc(&valid_usccs(&chunk))?;
                    let mut planned = plan_against(&mut planner, chunk, &existing);
                    bad += planned.iter().filter(|r| is_bad(r)).count();
                    if bad > 0 && !opts.skip_invalid {
                        // Refused in the end: plan the rest, write nothing more.
                        rows.extend(planned.into_iter().map(|r| PlannedRow { write: None, ..r }));
                        return Ok(());
                    }
                    let writes = planned.iter().filter(|r| r.write.is_some()).count();
                    let mut versions = batch.next_versions(&device, now_ms(), writes)?.into_iter();
                    for r in &mut planned {
                        let Some(data) = r.write.take() else { continue };
                        let version = versions.next().unwrap_or_default();
                        match &r.action {
                            ImportAction::Insert => {
                                let meta = RecordMeta {
                                    id: uuid::Uuid::now_v7().to_string(),
                                    origin: device.clone(),
                                    version,
                                    deleted: false,
                                    created_at: at.clone(),
                                    updated_at: at.clone(),
                                };
                                batch.insert(&meta, &data)?;
                                inserted += 1;
                            }
                            ImportAction::Update { id, .. } => {
                                batch.update(id, &version, &at, &data)?;
                                updated += 1;
                            }
                            _ => {}
                        }
                    }
                    rows.extend(planned);
                    // The total is not known before the last row is read: 0 says so.
                    progress(inserted + updated, 0);
                    if self.cancel.load(Ordering::SeqCst) {
                        return Err(AppError::new(ErrorCode::Cancelled, "导入已取消，未写入任何数据"));
                    }
                    Ok(())
                })?;
                if bad > 0 && !opts.skip_invalid {
                    return Err(Stop::Refused(Box::new(Run { table, rows, written: None })));
                }
                Ok(Run { table, rows, written: Some((inserted, updated)) })
            })
        })
    }

    /// Reads the file and says what importing it would do; writes nothing.
    pub fn import_preview(&self, opts: ImportOptions) -> Result<ImportPreviewDto> {
        let run = self.plan_import(&opts)?;
        let all = opts.all_rows.unwrap_or(false);
        Ok(preview_of(opts.path, run.table, &run.rows, PREVIEW_INSERTS, all))
    }

    /// Imports the file: all accepted rows in one transaction, or nothing. With errors and without
    /// `skip_invalid`, nothing is written. `progress(done, total)` is called as rows are written (total 0 while it
    /// is not known).
    pub fn import_commit(&self, opts: ImportOptions, progress: &dyn Fn(u32, u32)) -> Result<ImportResultDto> {
        let all = opts.all_rows.unwrap_or(false);
        match self.import_run(&opts, progress) {
            Ok(run) => {
                let done = result_of(&run, all);
                progress(done.inserted + done.updated, done.inserted + done.updated);
                Ok(done)
            }
            Err(Stop::Refused(run)) => Err(refusal(&run.rows)),
            Err(Stop::Failed(e)) => Err(e),
        }
    }

    /// One read of the file for scripts: the preview, and when asked and possible, the import too.
    pub fn import_file(
        &self,
        opts: ImportOptions,
        dry_run: bool,
    ) -> Result<(ImportPreviewDto, Option<ImportResultDto>)> {
        let all = opts.all_rows.unwrap_or(false);
        let run = if dry_run {
            self.plan_import(&opts)?
        } else {
            match self.import_run(&opts, &|_, _| {}) {
                Ok(run) => run,
                Err(Stop::Refused(run)) => *run,
                Err(Stop::Failed(e)) => return Err(e),
            }
        };
        let done = run.written.map(|_| result_of(&run, all));
        Ok((preview_of(opts.path.clone(), run.table, &run.rows, 0, all), done))
    }
}

/// What an import did: its counts, and the rows it did not import (the first of each kind unless `all`).
fn result_of(run: &Run, all: bool) -> ImportResultDto {
    let (inserted, updated) = run.written.unwrap_or_default();
    let per_kind = if all { usize::MAX } else { PREVIEW_PER_KIND };
    let (skipped, omitted_skipped) = first_of_each_kind(run.rows.iter().filter(|r| is_bad(r)), 0, per_kind);
    ImportResultDto { counts: counts(&run.rows), inserted, updated, skipped, omitted_skipped }
}
