//! What the statistics tables read beyond the records' own lists: every visit to an operator (for appendix 4's
//! 出动执法人员 and 检查经营者数), and the tables units sent as workbooks (for the roll-up).

use rusqlite::params;

use crate::{Result, Store, Tx};

/// One visit: an inspection finished (dated by its start), a re-inspection, or a sampling visit made apart from
/// an inspection. `inspectors` is how many inspectors were on it; `origin` the device that recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitRow {
    pub origin: String,
    pub enterprise_id: String,
    /// ISO date.
    pub on: String,
    pub inspectors: u32,
}

/// A unit's sent tables for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitReportRecord {
    pub unit: String,
    pub period_from: String,
    pub period_to: String,
    pub file_name: String,
    pub file_hash: String,
    pub reported_on: String,
    /// JSON of the appendix 4 rows, when the workbook had it.
    pub appendix4: Option<String>,
    /// JSON of the appendix 5 rows, when the workbook had it.
    pub appendix5: Option<String>,
    pub imported_at: String,
}

impl Store {
    /// Every visit on record, in no particular order. An inspection later corrected by another counts once (the
    /// correction), and a voided one not at all.
    pub fn visits(&self) -> Result<Vec<VisitRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.origin, i.enterprise_id,
                    substr(coalesce(json_extract(i.draft, '$.startedAt'), i.finished_at), 1, 10),
                    coalesce(json_array_length(i.draft, '$.inspectors'), 0)
             FROM inspection i
             WHERE i.deleted = 0 AND i.void_reason IS NULL AND i.status = 'finished'
               AND NOT EXISTS (SELECT 1 FROM inspection j WHERE j.amends_id = i.id AND j.deleted = 0
                                 AND j.void_reason IS NULL AND j.status = 'finished')
             UNION ALL
             SELECT x.origin, r.enterprise_id, x.date, coalesce(json_array_length(x.input, '$.inspectors'), 0)
             FROM reinspection x JOIN rectification r ON r.id = x.rectification_id
             WHERE x.deleted = 0
             UNION ALL
             SELECT s.origin, s.enterprise_id, json_extract(s.input, '$.sampledOn'),
                    coalesce(json_array_length(s.input, '$.samplers'), 0)
             FROM sample s
             WHERE s.deleted = 0 AND json_extract(s.input, '$.inspectionId') IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(VisitRow { origin: r.get(0)?, enterprise_id: r.get(1)?, on: r.get(2)?, inspectors: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Each finished inspection in force: (enterprise, ISO date it started, findings recorded).
    pub fn finished_inspections(&self) -> Result<Vec<(String, String, u32)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.enterprise_id, substr(coalesce(json_extract(i.draft, '$.startedAt'), i.finished_at), 1, 10),
                    (SELECT count(*) FROM finding f WHERE f.inspection_id = i.id AND f.deleted = 0)
             FROM inspection i
             WHERE i.deleted = 0 AND i.void_reason IS NULL AND i.status = 'finished'",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every rectification in force: (origin, enterprise, still open, ISO deadline).
    pub fn rectification_states(&self) -> Result<Vec<(String, String, bool, String)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT origin, enterprise_id, status = 'open', deadline FROM rectification WHERE deleted = 0",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The findings of every finished inspection in force: (origin, ISO date of the inspection, finding key).
    pub fn finding_keys(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.origin, substr(coalesce(json_extract(i.draft, '$.startedAt'), i.finished_at), 1, 10), f.key
             FROM finding f JOIN inspection i ON i.id = f.inspection_id
             WHERE f.deleted = 0 AND i.deleted = 0 AND i.void_reason IS NULL AND i.status = 'finished'",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The tables units sent for a period, by unit.
    pub fn unit_reports(&self, period_from: &str, period_to: &str) -> Result<Vec<UnitReportRecord>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT unit, period_from, period_to, file_name, file_hash, reported_on, appendix4, appendix5, imported_at
             FROM unit_report WHERE period_from = ?1 AND period_to = ?2 ORDER BY unit",
        )?;
        let rows = stmt.query_map(params![period_from, period_to], |r| {
            Ok(UnitReportRecord {
                unit: r.get(0)?,
                period_from: r.get(1)?,
                period_to: r.get(2)?,
                file_name: r.get(3)?,
                file_hash: r.get(4)?,
                reported_on: r.get(5)?,
                appendix4: r.get(6)?,
                appendix5: r.get(7)?,
                imported_at: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    /// Keeps a unit's sent tables for the period, replacing the ones it sent before for the same period.
    pub fn put_unit_report(&mut self, r: &UnitReportRecord) -> Result<()> {
        self.conn().execute(
            "INSERT INTO unit_report (unit, period_from, period_to, file_name, file_hash, reported_on, appendix4,
                                      appendix5, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (unit, period_from, period_to) DO UPDATE SET file_name = excluded.file_name,
               file_hash = excluded.file_hash, reported_on = excluded.reported_on, appendix4 = excluded.appendix4,
               appendix5 = excluded.appendix5, imported_at = excluded.imported_at",
            params![
                r.unit,
                r.period_from,
                r.period_to,
                r.file_name,
                r.file_hash,
                r.reported_on,
                r.appendix4,
                r.appendix5,
                r.imported_at
            ],
        )?;
        Ok(())
    }
}
