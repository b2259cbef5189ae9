//! Many enterprise writes in one transaction (a roster import): the rows first, then what every insert also
//! records — its change-log entry, its field clock and its search-index entry — with one statement each for the
//! last few thousand rows (`SETTLE_EVERY`), and for the rest at the end. Settled as it goes, the work overlaps the
//! reading of the next rows of an import; settled in runs, FTS5 writes a few segments instead of one per row.
//!
//! Written row by row, a 100,000-row import spent most of its time outside the rows: the triggers wrote a change
//! and a field clock per row, and because a statement that fires a trigger opens a savepoint, FTS5 flushed its
//! pending terms after every row. Here the triggers stand aside (`sync_state.bulk`, migration 0011) and the search
//! index is written after the last row, in one run FTS5 buffers.

use maskcheck_domain::EnterpriseInput;
use rusqlite::params;

use crate::record::{EnterpriseRecord, RecordMeta};

/// Inserted rows settled at a time (see the module's comment): each run is one search-index segment to merge.
const SETTLE_EVERY: usize = 8192;

/// Rows inserted by one statement: per row, a statement of its own cost as much as the row's b-tree inserts.
const ROWS_PER_INSERT: usize = 64;
use crate::{Result, StoreError, Tx};

/// Enterprise writes inside [`Tx::enterprise_batch`].
pub struct EnterpriseBatch<'t, 'c> {
    tx: &'t mut Tx<'c>,
    /// The largest rowid before the batch: every row above it is the batch's own insert.
    first: i64,
    /// The largest rowid whose change, clock and search entry are written: rows above it still need theirs.
    settled: i64,
    /// Rows inserted since the last settling.
    unsettled: usize,
    /// The values of inserts not yet written (`INSERT_PARAMS` per row), written `ROWS_PER_INSERT` at a time.
    pending: Vec<rusqlite::types::Value>,
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
        self.conn().execute("SAVEPOINT enterprise_batch", []).map_err(StoreError::from)?;
        let mut batch =
            EnterpriseBatch { tx: self, first, settled: first, unsettled: 0, pending: Vec::new(), updated: Vec::new() };
        let out = f(&mut batch);
        batch.finish()?;
        out
    }
}

impl EnterpriseBatch<'_, '_> {
    /// Inserts a new enterprise; its change, field clock and search entry are written with those of the rows
    /// around it. Rows are written a few at a time, so a refused row is reported by a later call (or the batch's
    /// end), and the transaction is to be rolled back.
    pub fn insert(&mut self, meta: &RecordMeta, data: &EnterpriseInput) -> Result<()> {
        self.pending.extend(crate::enterprise::insert_params(meta, data));
        self.unsettled += 1;
        if self.pending.len() >= ROWS_PER_INSERT * crate::enterprise::INSERT_PARAMS {
            self.write_pending()?;
        }
        if self.unsettled >= SETTLE_EVERY {
            self.settle()?;
        }
        Ok(())
    }

    fn write_pending(&mut self) -> Result<()> {
        if !self.pending.is_empty() {
            crate::enterprise::insert_rows(self.tx.conn(), &self.pending)?;
            self.pending.clear();
        }
        Ok(())
    }

    /// Updates an enterprise (its triggers record the change and the changed fields' clocks as usual); its search
    /// entry is rewritten when the batch ends.
    pub fn update(&mut self, id: &str, version: &str, at: &str, data: &EnterpriseInput) -> Result<()> {
        self.write_pending()?;
        crate::enterprise::update_row(self.tx.conn(), id, version, at, data)?;
        self.updated.push(id.to_string());
        Ok(())
    }

    /// The live records holding the given (normalised) USCCs, keyed by USCC, as this transaction sees them.
    pub fn by_uscc(&mut self, usccs: &[String]) -> Result<std::collections::HashMap<String, EnterpriseRecord>> {
        self.write_pending()?;
        crate::enterprise::by_uscc(self.tx.conn(), usccs)
    }

    /// The next `n` versions of this device's clock (see [`Tx::next_versions`]).
    pub fn next_versions(&mut self, device: &str, now_ms: i64, n: usize) -> Result<Vec<String>> {
        self.tx.next_versions(device, now_ms, n)
    }

    /// Forgets every write of the batch so far (its rows, its updates, the clock it advanced): the batch starts
    /// over, as when a file that was being imported while read turns out to need reading again from the top.
    pub fn restart(&mut self) -> Result<()> {
        self.tx.conn().execute("ROLLBACK TO enterprise_batch", [])?;
        self.updated.clear();
        self.pending.clear();
        self.settled = self.first;
        self.unsettled = 0;
        Ok(())
    }

    /// Records what the inserts since the last settling did not: one change-log entry per row in insert order, one
    /// `*` field clock per row (unless a bundle is being applied, which writes the sender's clocks), and their
    /// search entries.
    fn settle(&mut self) -> Result<()> {
        self.write_pending()?;
        self.unsettled = 0;
        let conn = self.tx.conn();
        let upto: i64 = conn.query_row("SELECT coalesce(max(rid), 0) FROM enterprise", [], |r| r.get(0))?;
        if upto <= self.settled {
            return Ok(());
        }
        conn.prepare_cached(
            "INSERT INTO change_log (tbl, row_id, local)
             SELECT 'enterprise', id, 1 - (SELECT applying FROM sync_state) FROM enterprise
             WHERE rid > ?1 AND rid <= ?2 ORDER BY rid",
        )?
        .execute([self.settled, upto])?;
        conn.prepare_cached(
            "INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base)
             SELECT 'enterprise', id, ?3, version, NULL FROM enterprise
             WHERE rid > ?1 AND rid <= ?2 AND (SELECT applying FROM sync_state) = 0",
        )?
        .execute(params![self.settled, upto, crate::sync::ALL_FIELDS])?;
        crate::search_index::insert_rows(conn, self.settled, upto)?;
        self.settled = upto;
        Ok(())
    }

    /// Settles the rows not yet settled, ends the batch's savepoint and re-indexes the rows it updated.
    fn finish(mut self) -> Result<()> {
        self.settle()?;
        let conn = self.tx.conn();
        conn.execute("RELEASE enterprise_batch", [])?;
        conn.execute("UPDATE sync_state SET bulk = 0", [])?;
        for id in &self.updated {
            crate::search_index::reindex(conn, id)?;
        }
        Ok(())
    }
}
