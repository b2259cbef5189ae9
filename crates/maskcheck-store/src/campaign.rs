//! The campaign board's task statuses, the 双随机 draws as made, and the drawn spot checks (a synced table).

use rusqlite::{params, OptionalExtension};

use crate::record::{meta_of, RecordMeta};
use crate::{Result, Store, Tx};

/// A unit's status of one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskStatusRecord {
    pub task_key: String,
    pub unit: String,
    /// `notStarted`, `inProgress` or `done`.
    pub status: String,
    pub note: String,
    /// JSON array of evidence.
    pub evidence: String,
    pub updated_at: String,
}

/// A draw as made: everything needed to re-run it (JSON columns as the domain serialises them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpotDrawRecord {
    pub id: String,
    pub title: String,
    pub seed: i64,
    pub criteria: String,
    pub size: String,
    pub candidates: String,
    pub inspectors: String,
    pub drawn_at: String,
}

/// One drawn check, with its enterprise's name and whether it has been visited since it was drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpotCheckRow {
    pub meta: RecordMeta,
    pub plan_id: String,
    pub plan_title: String,
    pub seed: i64,
    pub position: u32,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub county: Option<String>,
    /// JSON array of the two inspectors.
    pub inspectors: String,
    pub drawn_on: String,
    /// The date of the first inspection of the enterprise finished after the check was drawn.
    pub visited_on: Option<String>,
}

impl Store {
    pub fn task_statuses(&self) -> Result<Vec<TaskStatusRecord>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT task_key, unit, status, note, evidence, updated_at FROM campaign_status ORDER BY unit, task_key",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TaskStatusRecord {
                task_key: r.get(0)?,
                unit: r.get(1)?,
                status: r.get(2)?,
                note: r.get(3)?,
                evidence: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn spot_draw(&self, id: &str) -> Result<Option<SpotDrawRecord>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, title, seed, criteria, size, candidates, inspectors, drawn_at FROM spot_draw WHERE id = ?1",
                [id],
                |r| {
                    Ok(SpotDrawRecord {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        seed: r.get(2)?,
                        criteria: r.get(3)?,
                        size: r.get(4)?,
                        candidates: r.get(5)?,
                        inspectors: r.get(6)?,
                        drawn_at: r.get(7)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every drawn check held here (drawn here, or received from the bureau), plan by plan in draw order.
    pub fn spot_checks(&self) -> Result<Vec<SpotCheckRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.id, s.origin, s.version, s.deleted, s.created_at, s.created_at, s.plan_id, s.plan_title, s.seed,
                    s.position, s.enterprise_id, e.name, e.county, s.inspectors, s.drawn_on,
                    (SELECT min(substr(coalesce(json_extract(i.draft, '$.startedAt'), i.finished_at), 1, 10))
                     FROM inspection i
                     WHERE i.enterprise_id = s.enterprise_id AND i.deleted = 0 AND i.void_reason IS NULL
                       AND i.status = 'finished' AND julianday(i.finished_at) >= julianday(s.created_at))
             FROM spot_check s JOIN enterprise e ON e.id = s.enterprise_id
             WHERE s.deleted = 0 ORDER BY s.drawn_on DESC, s.plan_id, s.position",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SpotCheckRow {
                meta: meta_of(r, 5)?,
                plan_id: r.get(6)?,
                plan_title: r.get(7)?,
                seed: r.get(8)?,
                position: r.get(9)?,
                enterprise_id: r.get(10)?,
                enterprise_name: r.get(11)?,
                county: r.get(12)?,
                inspectors: r.get(13)?,
                drawn_on: r.get(14)?,
                visited_on: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    pub fn put_task_status(&mut self, s: &TaskStatusRecord) -> Result<()> {
        self.conn().execute(
            "INSERT INTO campaign_status (task_key, unit, status, note, evidence, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (task_key, unit) DO UPDATE SET status = excluded.status, note = excluded.note,
               evidence = excluded.evidence, updated_at = excluded.updated_at",
            params![s.task_key, s.unit, s.status, s.note, s.evidence, s.updated_at],
        )?;
        Ok(())
    }

    pub fn insert_spot_draw(&mut self, d: &SpotDrawRecord) -> Result<()> {
        self.conn().execute(
            "INSERT INTO spot_draw (id, title, seed, criteria, size, candidates, inspectors, drawn_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![d.id, d.title, d.seed, d.criteria, d.size, d.candidates, d.inspectors, d.drawn_at],
        )?;
        Ok(())
    }

    /// One drawn check (its `enterprise_name`, `county` and `visited_on` are read, never written).
    pub fn insert_spot_check(&mut self, s: &SpotCheckRow) -> Result<()> {
        let m = &s.meta;
        self.conn().execute(
            "INSERT INTO spot_check (id, origin, version, deleted, plan_id, plan_title, seed, position, enterprise_id,
                                     inspectors, drawn_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                m.id,
                m.origin,
                m.version,
                m.deleted,
                s.plan_id,
                s.plan_title,
                s.seed,
                s.position,
                s.enterprise_id,
                s.inspectors,
                s.drawn_on,
                m.created_at
            ],
        )?;
        Ok(())
    }
}
