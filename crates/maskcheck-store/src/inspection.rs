//! Inspection rows: a JSON draft while in progress; frozen by triggers once finished, with its findings.

use maskcheck_domain::Entity;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::record::RecordMeta;
use crate::{Result, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectionRecord {
    pub meta: RecordMeta,
    pub enterprise_id: String,
    pub template_key: String,
    pub template_version: u32,
    pub finished: bool,
    /// The draft document (JSON), as the app wrote it.
    pub draft: String,
    pub amends_id: Option<String>,
    pub finished_at: Option<String>,
}

/// A line of the inspection list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectionRow {
    pub id: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub template_key: String,
    pub finished: bool,
    pub created_at: String,
    pub finished_at: Option<String>,
    pub findings: u32,
}

const COLUMNS: &str = "id, origin, version, deleted, created_at, updated_at, enterprise_id, template_key,
    template_version, status = 'finished', draft, amends_id, finished_at";

fn record(r: &Row<'_>) -> rusqlite::Result<InspectionRecord> {
    Ok(InspectionRecord {
        meta: RecordMeta {
            id: r.get(0)?,
            origin: r.get(1)?,
            version: r.get(2)?,
            deleted: r.get(3)?,
            created_at: r.get(4)?,
            updated_at: r.get(5)?,
        },
        enterprise_id: r.get(6)?,
        template_key: r.get(7)?,
        template_version: r.get(8)?,
        finished: r.get(9)?,
        draft: r.get(10)?,
        amends_id: r.get(11)?,
        finished_at: r.get(12)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<Option<InspectionRecord>> {
    // A voided draft is gone for every reader.
    let sql = format!("SELECT {COLUMNS} FROM inspection WHERE id = ?1 AND deleted = 0 AND void_reason IS NULL");
    Ok(conn.query_row(&sql, [id], record).optional()?)
}

fn frozen(e: rusqlite::Error) -> StoreError {
    crate::error::Frozen::Inspection.refusal_of(e)
}

impl Store {
    /// For the tests only: every inspection row, voided drafts included (readers never see those).
    #[cfg(feature = "test-support")]
    pub fn inspection_rows_kept(&self) -> Result<u32> {
        Ok(self.conn().query_row("SELECT count(*) FROM inspection", [], |r| r.get(0))?)
    }

    pub fn inspection(&self, id: &str) -> Result<Option<InspectionRecord>> {
        get(self.conn(), id)
    }

    /// Inspections, newest first; of one enterprise, or drafts only, or all.
    pub fn inspections(&self, enterprise_id: Option<&str>, drafts_only: bool) -> Result<Vec<InspectionRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.id, i.enterprise_id, e.name, i.template_key, i.status = 'finished', i.created_at, i.finished_at,
                    (SELECT count(*) FROM finding f WHERE f.inspection_id = i.id AND f.deleted = 0)
             FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id
             WHERE i.deleted = 0 AND i.void_reason IS NULL AND (?1 IS NULL OR i.enterprise_id = ?1)
               AND (?2 = 0 OR i.status = 'draft')
             ORDER BY i.rid DESC LIMIT 500",
        )?;
        let rows = stmt.query_map(params![enterprise_id, drafts_only], |r| {
            Ok(InspectionRow {
                id: r.get(0)?,
                enterprise_id: r.get(1)?,
                enterprise_name: r.get(2)?,
                template_key: r.get(3)?,
                finished: r.get(4)?,
                created_at: r.get(5)?,
                finished_at: r.get(6)?,
                findings: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The findings recorded when an inspection was finished: (key, text, basis JSON), in order.
    pub fn findings(&self, inspection_id: &str) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT key, text, basis FROM finding WHERE inspection_id = ?1 AND deleted = 0 ORDER BY position",
        )?;
        let rows = stmt.query_map([inspection_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    pub fn inspection(&self, id: &str) -> Result<Option<InspectionRecord>> {
        get(self.conn(), id)
    }

    pub fn insert_inspection(&mut self, r: &InspectionRecord) -> Result<()> {
        let m = &r.meta;
        self.conn().execute(
            "INSERT INTO inspection (id, origin, version, deleted, created_at, updated_at, enterprise_id, template_key,
                                     template_version, status, draft, amends_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'draft', ?10, ?11)",
            params![
                m.id,
                m.origin,
                m.version,
                m.deleted,
                m.created_at,
                m.updated_at,
                r.enterprise_id,
                r.template_key,
                r.template_version,
                r.draft,
                r.amends_id
            ],
        )?;
        Ok(())
    }

    /// Replaces the draft document (an autosave). Refused once finished.
    /// Voids a draft with its reason. A finished inspection is refused by its freeze trigger (`Frozen`); one that
    /// does not exist, or is already voided, is not found.
    pub fn void_draft(&mut self, id: &str, version: &str, at: &str, reason: &str) -> Result<()> {
        let n = self
            .conn()
            .execute(
                "UPDATE inspection SET void_reason = ?1, voided_at = ?2, version = ?3, updated_at = ?2
                 WHERE id = ?4 AND deleted = 0 AND void_reason IS NULL",
                params![reason, at, version, id],
            )
            .map_err(frozen)?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Inspection, id: id.into() });
        }
        Ok(())
    }

    pub fn save_draft(&mut self, id: &str, version: &str, at: &str, draft: &str) -> Result<()> {
        let n = self
            .conn()
            .execute(
                "UPDATE inspection SET draft = ?1, version = ?2, updated_at = ?3
                 WHERE id = ?4 AND deleted = 0 AND void_reason IS NULL",
                params![draft, version, at, id],
            )
            .map_err(frozen)?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Inspection, id: id.into() });
        }
        Ok(())
    }

    /// Freezes the inspection with its final draft and writes its findings (key, text, basis JSON).
    pub fn finish_inspection(
        &mut self,
        id: &str,
        version: &str,
        at: &str,
        draft: &str,
        findings: &[(RecordMeta, String, String, String)],
    ) -> Result<()> {
        let n = self
            .conn()
            .execute(
                "UPDATE inspection SET draft = ?1, version = ?2, updated_at = ?3, status = 'finished', finished_at = ?3
                 WHERE id = ?4 AND deleted = 0",
                params![draft, version, at, id],
            )
            .map_err(frozen)?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Inspection, id: id.into() });
        }
        for (position, (m, key, text, basis)) in findings.iter().enumerate() {
            self.conn().execute(
                "INSERT INTO finding (id, origin, version, deleted, inspection_id, position, key, text, basis, created_at)
                 VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![m.id, m.origin, m.version, id, position as i64, key, text, basis, m.created_at],
            )?;
        }
        Ok(())
    }

    /// For the immutability tests only: a hard delete, which the freeze triggers refuse for a finished
    /// inspection. Not public API (nothing is hard-deleted; users void).
    #[cfg(feature = "test-support")]
    pub fn delete_inspection(&mut self, id: &str) -> Result<()> {
        self.conn().execute("DELETE FROM inspection WHERE id = ?1", [id]).map_err(frozen)?;
        Ok(())
    }

    /// For the immutability tests only: deleting a finished inspection's findings must fail.
    #[cfg(feature = "test-support")]
    pub fn delete_findings(&mut self, inspection_id: &str) -> Result<()> {
        self.conn().execute("DELETE FROM finding WHERE inspection_id = ?1", [inspection_id]).map_err(frozen)?;
        Ok(())
    }
}
