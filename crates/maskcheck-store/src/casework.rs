//! Samples (抽样, with their lab result) and cases (案件), stored as their validated inputs (JSON), which the
//! statistics tables read back.

use maskcheck_domain::Entity;
use rusqlite::{params, OptionalExtension};

use crate::record::{meta_of, RecordMeta};
use crate::{Result, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonRecord {
    pub meta: RecordMeta,
    pub enterprise_id: Option<String>,
    pub input: String,
    /// Samples only: the lab result, once known.
    pub result: Option<String>,
}

impl Store {
    pub fn samples(&self, enterprise_id: Option<&str>) -> Result<Vec<JsonRecord>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, origin, version, deleted, created_at, updated_at, enterprise_id, input, result FROM sample
             WHERE deleted = 0 AND (?1 IS NULL OR enterprise_id = ?1) ORDER BY rid DESC",
        )?;
        let rows = stmt.query_map([enterprise_id], |r| {
            Ok(JsonRecord { meta: meta_of(r, 5)?, enterprise_id: r.get(6)?, input: r.get(7)?, result: r.get(8)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn sample(&self, id: &str) -> Result<Option<JsonRecord>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, origin, version, deleted, created_at, updated_at, enterprise_id, input, result FROM sample
                 WHERE id = ?1 AND deleted = 0",
                [id],
                |r| {
                    Ok(JsonRecord {
                        meta: meta_of(r, 5)?,
                        enterprise_id: r.get(6)?,
                        input: r.get(7)?,
                        result: r.get(8)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn cases(&self) -> Result<Vec<JsonRecord>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, origin, version, deleted, created_at, updated_at, enterprise_id, input FROM enforcement_case
             WHERE deleted = 0 ORDER BY rid DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(JsonRecord { meta: meta_of(r, 5)?, enterprise_id: r.get(6)?, input: r.get(7)?, result: None })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    pub fn insert_sample(&mut self, s: &JsonRecord) -> Result<()> {
        let m = &s.meta;
        self.conn().execute(
            "INSERT INTO sample (id, origin, version, deleted, enterprise_id, input, result, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                m.id,
                m.origin,
                m.version,
                m.deleted,
                s.enterprise_id,
                s.input,
                s.result,
                m.created_at,
                m.updated_at
            ],
        )?;
        Ok(())
    }

    pub fn set_sample_result(&mut self, id: &str, version: &str, at: &str, result: &str) -> Result<()> {
        let n = self.conn().execute(
            "UPDATE sample SET result = ?1, version = ?2, updated_at = ?3 WHERE id = ?4 AND deleted = 0",
            params![result, version, at, id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Sample, id: id.into() });
        }
        Ok(())
    }

    pub fn upsert_case(&mut self, c: &JsonRecord) -> Result<()> {
        let m = &c.meta;
        self.conn().execute(
            "INSERT INTO enforcement_case (id, origin, version, deleted, enterprise_id, input, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (id) DO UPDATE SET input = excluded.input, version = excluded.version,
                                            updated_at = excluded.updated_at, enterprise_id = excluded.enterprise_id",
            params![m.id, m.origin, m.version, m.deleted, c.enterprise_id, c.input, m.created_at, m.updated_at],
        )?;
        Ok(())
    }
}
