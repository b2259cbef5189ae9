//! Licence rows (证照) of an enterprise.

use maskcheck_domain::Entity;
use maskcheck_domain::LicenceInput;
use rusqlite::{params, Connection};

use crate::codec::{date_from, date_text, licence_kind_from, licence_kind_text};
use crate::record::{void_from, RecordMeta, Void};
use crate::{Result, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq)]
pub struct LicenceRecord {
    pub meta: RecordMeta,
    pub enterprise_id: String,
    pub data: LicenceInput,
    pub void: Option<Void>,
}

fn list(conn: &Connection, enterprise_id: &str) -> Result<Vec<LicenceRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, origin, version, deleted, created_at, updated_at, enterprise_id, kind, number, holder, scope,
                issued_on, valid_until, issuer, void_reason, voided_at
         FROM licence WHERE enterprise_id = ?1 AND deleted = 0 ORDER BY rid",
    )?;
    let rows = stmt.query_map([enterprise_id], |r| {
        Ok((
            RecordMeta {
                id: r.get(0)?,
                origin: r.get(1)?,
                version: r.get(2)?,
                deleted: r.get(3)?,
                created_at: r.get(4)?,
                updated_at: r.get(5)?,
            },
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            (r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?, r.get(13)?),
            void_from(r.get(14)?, r.get(15)?),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (meta, enterprise_id, kind, (number, holder, scope, issued, until, issuer), void) = row?;
        out.push(LicenceRecord {
            meta,
            enterprise_id,
            data: LicenceInput {
                kind: licence_kind_from(&kind)?,
                number,
                holder,
                scope,
                issued_on: date_from(issued)?,
                valid_until: date_from(until)?,
                issuer,
            },
            void,
        });
    }
    Ok(out)
}

impl Store {
    pub fn licences(&self, enterprise_id: &str) -> Result<Vec<LicenceRecord>> {
        list(self.conn(), enterprise_id)
    }
}

impl Tx<'_> {
    pub fn insert_licence(&mut self, meta: &RecordMeta, enterprise_id: &str, d: &LicenceInput) -> Result<()> {
        self.conn().execute(
            "INSERT INTO licence (id, origin, version, deleted, created_at, updated_at, enterprise_id, kind, number,
                                  holder, scope, issued_on, valid_until, issuer)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                meta.id,
                meta.origin,
                meta.version,
                meta.deleted,
                meta.created_at,
                meta.updated_at,
                enterprise_id,
                licence_kind_text(d.kind),
                d.number,
                d.holder,
                d.scope,
                d.issued_on.map(date_text),
                d.valid_until.map(date_text),
                d.issuer
            ],
        )?;
        Ok(())
    }

    /// Updates a live record of `enterprise_id`; one of another enterprise is not found (and nothing is written).
    pub fn update_licence(
        &mut self,
        enterprise_id: &str,
        id: &str,
        version: &str,
        at: &str,
        d: &LicenceInput,
    ) -> Result<()> {
        let n = self.conn().execute(
            "UPDATE licence SET kind = ?1, number = ?2, holder = ?3, scope = ?4, issued_on = ?5, valid_until = ?6,
                                issuer = ?7, version = ?8, updated_at = ?9
             WHERE id = ?10 AND enterprise_id = ?11 AND deleted = 0",
            params![
                licence_kind_text(d.kind),
                d.number,
                d.holder,
                d.scope,
                d.issued_on.map(date_text),
                d.valid_until.map(date_text),
                d.issuer,
                version,
                at,
                id,
                enterprise_id
            ],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Licence, id: id.into() });
        }
        Ok(())
    }

    pub fn void_licence(&mut self, id: &str, version: &str, at: &str, reason: &str) -> Result<()> {
        let n = self.conn().execute(
            "UPDATE licence SET void_reason = ?1, voided_at = ?2, version = ?3, updated_at = ?2
             WHERE id = ?4 AND deleted = 0",
            params![reason, at, version, id],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: Entity::Licence, id: id.into() });
        }
        Ok(())
    }
}
