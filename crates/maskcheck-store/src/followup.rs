//! Rectifications (整改) opened by notices, their deadlines, and the re-inspections (复查) that close them.

use maskcheck_domain::Entity;
use rusqlite::{params, OptionalExtension};

use crate::record::{meta_of, RecordMeta};
use crate::{Result, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RectificationRecord {
    pub meta: RecordMeta,
    pub document_id: String,
    pub enterprise_id: String,
    /// `YYYY-MM-DD`; the issue date when the notice says "immediately".
    pub deadline: String,
    /// JSON array of the ordered corrections.
    pub corrections: String,
    pub open: bool,
}

/// An open rectification as the dashboard lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowupRow {
    pub rectification_id: String,
    pub document_id: String,
    pub number: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub deadline: String,
    pub corrections: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReinspectionRecord {
    pub meta: RecordMeta,
    pub rectification_id: String,
    pub date: String,
    /// JSON of the re-inspection input.
    pub input: String,
    pub complete: bool,
}

impl Store {
    /// Open rectifications, earliest deadline first.
    pub fn followups(&self, enterprise_id: Option<&str>) -> Result<Vec<FollowupRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.id, r.document_id, d.number, r.enterprise_id, e.name, r.deadline, r.corrections
             FROM rectification r JOIN document d ON d.id = r.document_id JOIN enterprise e ON e.id = r.enterprise_id
             WHERE r.status = 'open' AND r.deleted = 0 AND (?1 IS NULL OR r.enterprise_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM document_revocation v WHERE v.document_id = d.id AND v.deleted = 0)
             ORDER BY r.deadline, d.number",
        )?;
        let rows = stmt.query_map([enterprise_id], |r| {
            Ok(FollowupRow {
                rectification_id: r.get(0)?,
                document_id: r.get(1)?,
                number: r.get(2)?,
                enterprise_id: r.get(3)?,
                enterprise_name: r.get(4)?,
                deadline: r.get(5)?,
                corrections: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the enterprise has a rectification still open: it may not resume production.
    pub fn production_barred(&self, enterprise_id: &str) -> Result<bool> {
        Ok(!self.followups(Some(enterprise_id))?.is_empty())
    }

    pub fn reinspections(&self, rectification_id: &str) -> Result<Vec<ReinspectionRecord>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, origin, version, deleted, created_at, rectification_id, date, input, complete
             FROM reinspection WHERE rectification_id = ?1 AND deleted = 0 ORDER BY rid",
        )?;
        let rows = stmt.query_map([rectification_id], |r| {
            Ok(ReinspectionRecord {
                meta: meta_of(r, 4)?,
                rectification_id: r.get(5)?,
                date: r.get(6)?,
                input: r.get(7)?,
                complete: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    pub fn insert_rectification(&mut self, r: &RectificationRecord) -> Result<()> {
        let m = &r.meta;
        self.conn().execute(
            "INSERT INTO rectification (id, origin, version, deleted, document_id, enterprise_id, deadline, corrections,
                                        status, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9)",
            params![
                m.id,
                m.origin,
                m.version,
                m.deleted,
                r.document_id,
                r.enterprise_id,
                r.deadline,
                r.corrections,
                m.updated_at
            ],
        )?;
        Ok(())
    }

    /// The rectification if it is still open.
    pub fn open_rectification(&self, id: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT enterprise_id, corrections FROM rectification WHERE id = ?1 AND status = 'open' AND deleted = 0",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Records a re-inspection; a complete one closes the rectification.
    pub fn insert_reinspection(&mut self, r: &ReinspectionRecord) -> Result<()> {
        let m = &r.meta;
        self.conn().execute(
            "INSERT INTO reinspection (id, origin, version, deleted, rectification_id, date, input, complete, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![m.id, m.origin, m.version, m.deleted, r.rectification_id, r.date, r.input, r.complete, m.created_at],
        )?;
        if r.complete {
            let n = self.conn().execute(
                "UPDATE rectification SET status = 'complete', closed_by = ?1, version = ?2, updated_at = ?3
                 WHERE id = ?4 AND status = 'open'",
                params![m.id, m.version, m.created_at, r.rectification_id],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { entity: Entity::OpenRectification, id: r.rectification_id.clone() });
            }
        }
        Ok(())
    }
}
