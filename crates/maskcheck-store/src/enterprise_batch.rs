//! Many enterprise writes in one transaction (a roster import): the rows first, then what every insert also
//! records — its change-log entry, its field clock and its search-index entry — with one statement each.
//!
//! Written row by row, a 100,000-row import spent most of its time outside the rows: the triggers wrote a change
//! and a field clock per row, and because a statement that fires a trigger opens a savepoint, FTS5 flushed its
//! pending terms after every row. Here the triggers stand aside (`sync_state.bulk`, migration 0011) and the search
//! index is written after the last row, in one run FTS5 buffers.

use maskcheck_domain::EnterpriseInput;
use rusqlite::params;

use crate::record::RecordMeta;
use crate::{Result, StoreError, Tx};

/// Enterprise writes inside [`Tx::enterprise_batch`].
pub struct EnterpriseBatch<'t, 'c> {
    tx: &'t mut Tx<'c>,
    /// The largest rowid before the batch: every row above it is the batch's own insert.
    first: i64,
    /// Rows updated by the batch, re-indexed at the end.
    updated: Vec<String>,
}

impl Tx<'_> {
    /// Runs `f` over a batch of enterprise inserts and updates in this transaction, then writes what they did not.
    /// The bookkeeping runs whether `f` succeeds or not, so the transaction is consistent whatever the caller
    /// does with an error (it normally returns it, and the transaction rolls back).
    pub fn enterprise_batch<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut EnterpriseBatch<'_, '_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let first = self
            .conn()
            .query_row("SELECT coalesce(max(rid), 0) FROM enterprise", [], |r| r.get(0))
            .map_err(StoreError::from)?;
        self.conn().execute("UPDATE sync_state SET bulk = 1", []).map_err(StoreError::from)?;
        let mut batch = EnterpriseBatch { tx: self, first, updated: Vec::new() };
        let out = f(&mut batch);
        batch.finish()?;
        out
    }
}

impl EnterpriseBatch<'_, '_> {
    /// Inserts a new enterprise; its change, field clock and search entry are written when the batch ends.
    pub fn insert(&mut self, meta: &RecordMeta, data: &EnterpriseInput) -> Result<()> {
        crate::enterprise::insert_row(self.tx.conn(), meta, data)?;
        Ok(())
    }

    /// Updates an enterprise (its triggers record the change and the changed fields' clocks as usual); its search
    /// entry is rewritten when the batch ends.
    pub fn update(&mut self, id: &str, version: &str, at: &str, data: &EnterpriseInput) -> Result<()> {
        crate::enterprise::update_row(self.tx.conn(), id, version, at, data)?;
        self.updated.push(id.to_string());
        Ok(())
    }

    /// Records what the inserts did not: one change-log entry per row in insert order, one `*` field clock per row
    /// (unless a bundle is being applied, which writes the sender's clocks), and the search index.
    fn finish(self) -> Result<()> {
        let conn = self.tx.conn();
        conn.execute(
            "INSERT INTO change_log (tbl, row_id, local)
             SELECT 'enterprise', id, 1 - (SELECT applying FROM sync_state) FROM enterprise WHERE rid > ?1 ORDER BY rid",
            [self.first],
        )?;
        conn.execute(
            "INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
             SELECT 'enterprise', id, ?2, version, NULL FROM enterprise
             WHERE rid > ?1 AND (SELECT applying FROM sync_state) = 0",
            params![self.first, crate::sync::ALL_FIELDS],
        )?;
        conn.execute("UPDATE sync_state SET bulk = 0", [])?;
        let mut stmt = conn.prepare(
            "SELECT rid, name, uscc, coalesce(production_address, registered_address), deleted = 1 OR void_reason IS NOT NULL
             FROM enterprise WHERE rid > ?1 ORDER BY rid",
        )?;
        let mut rows = stmt.query([self.first])?;
        while let Some(r) = rows.next()? {
            let (rid, name, uscc, address, dead): (i64, String, String, Option<String>, bool) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            crate::search_index::insert(conn, rid, &name, &uscc, address.as_deref(), dead)?;
        }
        for id in &self.updated {
            crate::search_index::reindex(conn, id)?;
        }
        Ok(())
    }
}
