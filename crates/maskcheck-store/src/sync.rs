//! The store's side of sync: synced rows read and written as column → value maps (tables and columns from closed
//! lists and the schema itself, never from a bundle's text), the change log, field clocks, peers, bundle history,
//! conflicts and quarantine.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params, OptionalExtension};
use serde_json::{Map, Value};

use crate::{Result, Store, StoreError, Tx};

/// The synced tables, parents before children (the order rows are applied in).
pub const SYNCED_TABLES: &[&str] = &[
    "enterprise",
    "licence",
    "product",
    "inspection",
    "finding",
    "attachment_link",
    "document",
    "document_revocation",
    "document_service",
    "rectification",
    "reinspection",
    "sample",
    "enforcement_case",
    "number_block",
    "spot_check",
];

fn table(name: &str) -> Result<&'static str> {
    SYNCED_TABLES
        .iter()
        .find(|t| **t == name)
        .copied()
        .ok_or_else(|| StoreError::Corrupt(format!("not a synced table: {name}")))
}

/// What a bureau's bundle carries besides rows that can be set aside: its legal catalogue with its templates.
pub const LEGAL_CATALOGUE: &str = "legal_catalogue";

/// A synced table, or the bureau's catalogue: the closed list the quarantine names.
fn quarantined_kind(name: &str) -> Result<&'static str> {
    if name == LEGAL_CATALOGUE {
        return Ok(LEGAL_CATALOGUE);
    }
    table(name)
}

/// The field name of the clock that stands for every field of a roster row (see migration 0011).
pub const ALL_FIELDS: &str = "*";

/// Columns that are a row's identity and bookkeeping, not fields with clocks of their own.
const NOT_FIELDS: &[&str] = &["id", "origin", "version", "created_at", "updated_at"];

/// The table's columns but the local rowid. Read from a cached statement's column names, without running it: this
/// is asked several times for every row of a bundle, and running `pragma_table_info` each time took a seventh of a
/// 10-bundle import. (Schemas change only when the store is opened, before any of this runs.)
fn columns(conn: &rusqlite::Connection, tbl: &'static str) -> Result<Vec<String>> {
    let stmt = conn.prepare_cached(&format!("SELECT * FROM {tbl} LIMIT 0"))?;
    Ok(stmt.column_names().filter(|c| *c != "rid").map(String::from).collect())
}

/// Per-transaction answers a bundle import needs for every row.
#[derive(Default)]
pub(crate) struct SyncCache {
    columns: std::collections::HashMap<&'static str, std::rc::Rc<[String]>>,
    /// The statement reading a row's columns, per table.
    selects: std::collections::HashMap<&'static str, std::rc::Rc<str>>,
    /// The last insert statement built per table, with the columns it names.
    inserts: std::collections::HashMap<&'static str, (Vec<String>, std::rc::Rc<str>)>,
}

fn to_json(v: ValueRef<'_>) -> Result<Value> {
    Ok(match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(_) => return Err(StoreError::Corrupt("a synced column holds a blob".into())),
    })
}

fn to_sql(v: &Value) -> Result<SqlValue> {
    Ok(match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        _ => return Err(StoreError::Corrupt("a synced value is not a scalar".into())),
    })
}

/// A peer device as this one knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerRecord {
    pub device_id: String,
    pub role: String,
    /// The signed identity card (JSON).
    pub card: String,
    pub fingerprint: String,
    /// `enrolled`, `bureau` or `registry`.
    pub trust: String,
    pub enrolled_at: String,
    pub revoked_at: Option<String>,
    pub revoke_reason: Option<String>,
    pub acked_change: u64,
    pub sent_seq: u64,
}

/// A bundle in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleLogRow {
    pub bundle_id: String,
    /// `in` or `out`.
    pub direction: &'static str,
    pub peer: String,
    pub seq: u64,
    pub at: String,
    /// Counts (JSON) for received bundles; rows and attachments for sent ones.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub rid: i64,
    pub tbl: String,
    pub row_id: String,
    pub field: String,
    pub kept_value: Option<String>,
    pub kept_version: String,
    pub lost_value: Option<String>,
    pub lost_version: String,
    pub found_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantineRow {
    pub bundle_id: String,
    pub tbl: String,
    pub row_id: String,
    pub reason: String,
    pub detail: String,
    pub found_at: String,
}

fn peer_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<PeerRecord> {
    Ok(PeerRecord {
        device_id: r.get(0)?,
        role: r.get(1)?,
        card: r.get(2)?,
        fingerprint: r.get(3)?,
        trust: r.get(4)?,
        enrolled_at: r.get(5)?,
        revoked_at: r.get(6)?,
        revoke_reason: r.get(7)?,
        acked_change: r.get::<_, i64>(8)? as u64,
        sent_seq: r.get::<_, i64>(9)? as u64,
    })
}

const PEER_COLUMNS: &str =
    "device_id, role, card, fingerprint, trust, enrolled_at, revoked_at, revoke_reason, acked_change, sent_seq";

impl Store {
    /// A consistent copy of the database at `target` (SQLite online backup), taken before an import.
    /// Copies the database to `target` with SQLite's online backup. The copy is set to a rollback journal, so
    /// reading it later (listing what a backup holds) leaves no `-wal`/`-shm` files beside it.
    /// An encrypted database's copy is encrypted with the same key.
    pub fn backup_to(&self, target: &std::path::Path) -> Result<()> {
        self.copy_to(target, self.key.as_ref())
    }

    /// Copies the database into a new file at `target`, encrypted with `key` or plain without: the step of
    /// encrypting a plain data directory, and of every backup.
    pub fn copy_to(&self, target: &std::path::Path, key: Option<&crate::DbKey>) -> Result<()> {
        crate::key::copy_database(self.conn(), self.key.as_ref(), target, key)?;
        let copy = rusqlite::Connection::open(target)?;
        crate::key::unlock(&copy, key)?;
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }

    /// The number of this device's latest change to a synced row.
    pub fn last_change(&self) -> Result<u64> {
        Ok(self.conn().query_row("SELECT coalesce(max(seq), 0) FROM change_log", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// How many synced rows changed after change number `after` (each row once).
    pub fn rows_changed_after(&self, after: u64) -> Result<u64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM (SELECT DISTINCT tbl, row_id FROM change_log WHERE seq > ?1 AND local = 1)",
            [after as i64],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    /// When the last bundle was received and the last one sent.
    pub fn last_bundles(&self) -> Result<(Option<String>, Option<String>)> {
        Ok(self.conn().query_row(
            "SELECT (SELECT max(received_at) FROM bundle_in), (SELECT max(created_at) FROM bundle_out)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The rows changed in `(after, through]`, each once, parents' tables first; with `local_only`, only those
    /// changed on this device (a laptop sends back nothing it received).
    pub fn changed_rows(&self, after: u64, through: u64, local_only: bool) -> Result<Vec<(&'static str, String)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT tbl, row_id FROM change_log WHERE seq > ?1 AND seq <= ?2 AND (?3 = 0 OR local = 1)
             GROUP BY tbl, row_id ORDER BY min(seq)",
        )?;
        let rows = stmt
            .query_map(params![after as i64, through as i64, local_only], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (t, id) in rows {
            out.push((table(&t)?, id));
        }
        out.sort_by_key(|(t, _)| SYNCED_TABLES.iter().position(|x| x == t));
        Ok(out)
    }

    /// The county of the enterprise a synced row is about (through its inspection, document or rectification);
    /// `None` when the row is about no enterprise (a number block) or the enterprise has no county.
    pub fn row_county(&self, tbl: &str, id: &str) -> Result<Option<String>> {
        let enterprise = match table(tbl)? {
            "enterprise" => "SELECT ?1",
            "licence" | "product" | "inspection" | "document" | "sample" | "enforcement_case" | "rectification"
            | "spot_check" => {
                // Table names come from the closed list above, never from a bundle.
                return self.county_via(&format!("SELECT enterprise_id FROM {tbl} WHERE id = ?1"), id);
            }
            "finding" => "SELECT i.enterprise_id FROM finding f JOIN inspection i ON i.id = f.inspection_id WHERE f.id = ?1",
            "attachment_link" => {
                "SELECT i.enterprise_id FROM attachment_link a JOIN inspection i ON i.id = a.owner_id WHERE a.id = ?1"
            }
            "document_revocation" | "document_service" => {
                return self.county_via(
                    &format!("SELECT d.enterprise_id FROM {tbl} x JOIN document d ON d.id = x.document_id WHERE x.id = ?1"),
                    id,
                );
            }
            "reinspection" => {
                "SELECT r.enterprise_id FROM reinspection x JOIN rectification r ON r.id = x.rectification_id WHERE x.id = ?1"
            }
            _ => return Ok(None),
        };
        self.county_via(enterprise, id)
    }

    fn county_via(&self, enterprise_sql: &str, id: &str) -> Result<Option<String>> {
        let sql = format!("SELECT county FROM enterprise WHERE id = ({enterprise_sql})");
        Ok(self.conn().query_row(&sql, [id], |r| r.get::<_, Option<String>>(0)).optional()?.flatten())
    }

    pub fn peers(&self) -> Result<Vec<PeerRecord>> {
        let mut stmt = self.conn().prepare_cached(&format!("SELECT {PEER_COLUMNS} FROM peer ORDER BY enrolled_at"))?;
        let rows = stmt.query_map([], peer_of)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn peer(&self, device_id: &str) -> Result<Option<PeerRecord>> {
        let sql = format!("SELECT {PEER_COLUMNS} FROM peer WHERE device_id = ?1");
        Ok(self.conn().query_row(&sql, [device_id], peer_of).optional()?)
    }

    /// The bundle received as `bundle_id`, or with `(sender, seq)`: (bundle id, sender, seq).
    pub fn received(&self, bundle_id: &str, sender: &str, seq: u64) -> Result<Option<(String, String, u64)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT bundle_id, sender, seq FROM bundle_in WHERE bundle_id = ?1 OR (sender = ?2 AND seq = ?3)",
                params![bundle_id, sender, seq as i64],
                |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64)),
            )
            .optional()?)
    }

    /// The intervals `(from, through]` of `sender`'s changes received, for the acknowledgement.
    pub fn received_ranges(&self, sender: &str) -> Result<Vec<(u64, u64)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT from_change, through_change FROM bundle_in WHERE sender = ?1 ORDER BY from_change",
        )?;
        let rows = stmt.query_map([sender], |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Bundles sent and received, newest first.
    pub fn bundle_log(&self) -> Result<Vec<BundleLogRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT bundle_id, 'in', sender, seq, received_at, counts FROM bundle_in
             UNION ALL
             SELECT bundle_id, 'out', recipient, seq, created_at,
                    json_object('rows', rows, 'attachments', attachments) FROM bundle_out
             ORDER BY 5 DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            let dir: String = r.get(1)?;
            Ok(BundleLogRow {
                bundle_id: r.get(0)?,
                direction: if dir == "in" { "in" } else { "out" },
                peer: r.get(2)?,
                seq: r.get::<_, i64>(3)? as u64,
                at: r.get(4)?,
                summary: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn open_conflicts(&self) -> Result<Vec<ConflictRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT rid, tbl, row_id, field, kept_value, kept_version, lost_value, lost_version, found_at
             FROM sync_conflict WHERE resolved_at IS NULL ORDER BY rid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ConflictRow {
                rid: r.get(0)?,
                tbl: r.get(1)?,
                row_id: r.get(2)?,
                field: r.get(3)?,
                kept_value: r.get(4)?,
                kept_version: r.get(5)?,
                lost_value: r.get(6)?,
                lost_version: r.get(7)?,
                found_at: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One open conflict.
    pub fn conflict(&self, rid: i64) -> Result<Option<ConflictRow>> {
        Ok(self.open_conflicts()?.into_iter().find(|c| c.rid == rid))
    }

    pub fn quarantined(&self) -> Result<Vec<QuarantineRow>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT bundle_id, tbl, row_id, reason, detail, found_at FROM quarantine ORDER BY rid")?;
        let rows = stmt.query_map([], |r| {
            Ok(QuarantineRow {
                bundle_id: r.get(0)?,
                tbl: r.get(1)?,
                row_id: r.get(2)?,
                reason: r.get(3)?,
                detail: r.get(4)?,
                found_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The reads a merge plan needs, the same on the store and inside a write transaction (an import plans each page
/// against what earlier pages of the same bundle wrote).
pub trait SyncRead: sealed::Connected {
    /// Every column of a synced row but the local rowid.
    fn row_values(&self, tbl: &str, id: &str) -> Result<Option<Map<String, Value>>> {
        let conn = self.connection();
        let tbl = table(tbl)?;
        let cols = self.table_columns(tbl)?;
        let mut stmt = conn.prepare_cached(&self.select_sql(tbl, &cols))?;
        let mut rows = stmt.query([id])?;
        let Some(r) = rows.next()? else { return Ok(None) };
        let mut out = Map::new();
        for (i, c) in cols.iter().enumerate() {
            out.insert(c.clone(), to_json(r.get_ref(i)?)?);
        }
        Ok(Some(out))
    }

    /// The field clocks of a roster row: (field, clock, the clock it replaced), one per field. The row's `*`
    /// clock (written at insert, schema 11) stands for every field without a clock of its own.
    fn field_clocks(&self, tbl: &str, id: &str) -> Result<Vec<(String, String, Option<String>)>> {
        let tbl = table(tbl)?;
        let sql = "SELECT field, version, base FROM field_version WHERE tbl = ?1 AND row_id = ?2";
        let mut stmt = self.connection().prepare_cached(sql)?;
        let rows = stmt.query_map(params![tbl, id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let mut clocks: Vec<(String, String, Option<String>)> = rows.collect::<rusqlite::Result<_>>()?;
        let Some(at) = clocks.iter().position(|(f, _, _)| f == ALL_FIELDS) else { return Ok(clocks) };
        let (_, version, base) = clocks.swap_remove(at);
        for field in self.table_columns(tbl)?.iter() {
            if !NOT_FIELDS.contains(&field.as_str()) && !clocks.iter().any(|(f, _, _)| f == field) {
                clocks.push((field.clone(), version.clone(), base.clone()));
            }
        }
        Ok(clocks)
    }

    /// The id of the document printed with `number`, if any.
    fn document_with_number(&self, number: &str) -> Result<Option<String>> {
        let sql = "SELECT id FROM document WHERE number = ?1";
        Ok(self.connection().prepare_cached(sql)?.query_row([number], |r| r.get(0)).optional()?)
    }
}

/// The connection behind [`SyncRead`], in a module no other crate can name: the trait's reads are public, the
/// connection (and so SQL) stays inside the store.
mod sealed {
    use std::rc::Rc;

    pub trait Connected {
        fn connection(&self) -> &rusqlite::Connection;

        /// The table's columns but the local rowid.
        fn table_columns(&self, tbl: &'static str) -> crate::Result<Rc<[String]>> {
            Ok(super::columns(self.connection(), tbl)?.into())
        }

        /// The statement reading a row's `cols` by id.
        fn select_sql(&self, tbl: &'static str, cols: &[String]) -> Rc<str> {
            format!("SELECT {} FROM {tbl} WHERE id = ?1", cols.join(", ")).into()
        }
    }

    impl Connected for crate::Store {
        fn connection(&self) -> &rusqlite::Connection {
            self.conn()
        }
    }

    impl Connected for crate::Tx<'_> {
        fn connection(&self) -> &rusqlite::Connection {
            self.conn()
        }

        fn table_columns(&self, tbl: &'static str) -> crate::Result<Rc<[String]>> {
            if let Some(cols) = self.sync_cache.borrow().columns.get(tbl) {
                return Ok(Rc::clone(cols));
            }
            let cols: Rc<[String]> = super::columns(self.conn(), tbl)?.into();
            self.sync_cache.borrow_mut().columns.insert(tbl, Rc::clone(&cols));
            Ok(cols)
        }

        fn select_sql(&self, tbl: &'static str, cols: &[String]) -> Rc<str> {
            if let Some(sql) = self.sync_cache.borrow().selects.get(tbl) {
                return Rc::clone(sql);
            }
            let sql: Rc<str> = format!("SELECT {} FROM {tbl} WHERE id = ?1", cols.join(", ")).into();
            self.sync_cache.borrow_mut().selects.insert(tbl, Rc::clone(&sql));
            sql
        }
    }
}

impl SyncRead for Store {}

impl SyncRead for Tx<'_> {}

use sealed::Connected as _;

impl Tx<'_> {
    /// While set, local-edit triggers leave field clocks alone: the import writes the sender's own.
    pub fn set_applying(&mut self, on: bool) -> Result<()> {
        self.conn().execute("UPDATE sync_state SET applying = ?1", [on as i64])?;
        Ok(())
    }

    /// Runs `f` under a savepoint: when it fails, what it wrote is undone and the error returned as a value, so one
    /// refused row (a frozen record, a broken constraint) is quarantined without losing the rest of the import.
    pub fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<std::result::Result<T, StoreError>> {
        // Cached statements: this runs for every row of a bundle.
        self.conn().prepare_cached("SAVEPOINT sync_row")?.execute([])?;
        match f(self) {
            Ok(v) => {
                self.conn().prepare_cached("RELEASE sync_row")?.execute([])?;
                Ok(Ok(v))
            }
            Err(e) => {
                self.conn().prepare_cached("ROLLBACK TO sync_row")?.execute([])?;
                self.conn().prepare_cached("RELEASE sync_row")?.execute([])?;
                Ok(Err(e))
            }
        }
    }

    /// The insert statement naming `cols`: rows of one table carry the same columns, so it is built once.
    fn insert_sql(&self, tbl: &'static str, cols: &[&String]) -> std::rc::Rc<str> {
        if let Some((named, sql)) = self.sync_cache.borrow().inserts.get(tbl) {
            if named.iter().eq(cols.iter().copied()) {
                return std::rc::Rc::clone(sql);
            }
        }
        let sql: std::rc::Rc<str> = format!(
            "INSERT INTO {tbl} ({}) VALUES ({})",
            cols.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
            (1..=cols.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
        )
        .into();
        let named = cols.iter().map(|c| (*c).clone()).collect();
        self.sync_cache.borrow_mut().inserts.insert(tbl, (named, std::rc::Rc::clone(&sql)));
        sql
    }

    /// Inserts a row whose columns are checked against the table's own (an unknown column is refused).
    pub fn insert_row(&mut self, tbl: &str, values: &Map<String, Value>) -> Result<()> {
        let tbl = table(tbl)?;
        let known = self.table_columns(tbl)?;
        let cols: Vec<&String> = values.keys().filter(|k| known.contains(k)).collect();
        if cols.len() != values.len() {
            return Err(StoreError::Corrupt(format!("{tbl}: a column this schema does not have")));
        }
        let sql = self.insert_sql(tbl, &cols);
        let vals = cols.iter().map(|c| to_sql(&values[*c])).collect::<Result<Vec<_>>>()?;
        // Rows of one table carry the same columns: the statement is prepared once per import.
        self.conn().prepare_cached(&sql)?.execute(rusqlite::params_from_iter(vals))?;
        if tbl == "enterprise" {
            self.search_later.push(values.get("id").and_then(Value::as_str).unwrap_or_default().to_string());
        }
        Ok(())
    }

    /// Sets some columns of a row.
    pub fn update_row(&mut self, tbl: &str, id: &str, set: &Map<String, Value>) -> Result<()> {
        let tbl = table(tbl)?;
        let known = self.table_columns(tbl)?;
        let cols: Vec<&String> = set.keys().filter(|k| known.contains(k) && *k != "id").collect();
        if cols.len() != set.keys().filter(|k| *k != "id").count() {
            return Err(StoreError::Corrupt(format!("{tbl}: a column this schema does not have")));
        }
        let assigns = cols.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect::<Vec<_>>().join(", ");
        let sql = format!("UPDATE {tbl} SET {assigns} WHERE id = ?1");
        let mut vals = vec![SqlValue::Text(id.to_string())];
        for c in &cols {
            vals.push(to_sql(&set[*c])?);
        }
        self.conn().prepare_cached(&sql)?.execute(rusqlite::params_from_iter(vals))?;
        if tbl == "enterprise" {
            self.search_later.push(id.to_string());
        }
        Ok(())
    }

    /// The field clocks of a row just inserted from a bundle: one `*` clock when every field has the same one (a
    /// row nobody edited since its insert, the usual case), else one per field.
    pub fn put_new_row_clocks<'f>(
        &mut self,
        tbl: &str,
        id: &str,
        fields: impl IntoIterator<Item = (&'f str, &'f str, Option<&'f str>)>,
    ) -> Result<()> {
        let fields: Vec<_> = fields.into_iter().collect();
        match fields.first() {
            Some(&(_, version, base)) if fields.iter().all(|&(_, v, b)| v == version && b == base) => {
                self.put_field_clock(tbl, id, ALL_FIELDS, version, base)
            }
            _ => fields
                .into_iter()
                .try_for_each(|(field, version, base)| self.put_field_clock(tbl, id, field, version, base)),
        }
    }

    pub fn put_field_clock(
        &mut self,
        tbl: &str,
        id: &str,
        field: &str,
        version: &str,
        base: Option<&str>,
    ) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT OR REPLACE INTO field_version (tbl, row_id, field, version, base) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![table(tbl)?, id, field, version, base])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_conflict(
        &mut self,
        tbl: &str,
        id: &str,
        field: &str,
        kept: (&Value, &str),
        lost: (&Value, &str),
        bundle_id: &str,
        at: &str,
    ) -> Result<()> {
        let text = |v: &Value| {
            if v.is_null() {
                None
            } else {
                Some(v.as_str().map(String::from).unwrap_or_else(|| v.to_string()))
            }
        };
        self.conn().execute(
            "INSERT OR IGNORE INTO sync_conflict
               (tbl, row_id, field, kept_value, kept_version, lost_value, lost_version, bundle_id, found_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![table(tbl)?, id, field, text(kept.0), kept.1, text(lost.0), lost.1, bundle_id, at],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_quarantine(
        &mut self,
        bundle_id: &str,
        tbl: &str,
        id: &str,
        (reason, detail): (&str, &str),
        row: &Map<String, Value>,
        at: &str,
    ) -> Result<()> {
        let json = serde_json::to_string(row).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.conn().execute(
            "INSERT OR IGNORE INTO quarantine (bundle_id, tbl, row_id, reason, detail, row, found_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![bundle_id, quarantined_kind(tbl)?, id, reason, detail, json, at],
        )?;
        Ok(())
    }

    /// Marks a conflict decided by a person.
    pub fn resolve_conflict(&mut self, rid: i64, at: &str) -> Result<()> {
        self.conn().execute("UPDATE sync_conflict SET resolved_at = ?2 WHERE rid = ?1", params![rid, at])?;
        Ok(())
    }

    /// Registers (or re-registers, keeping what it acknowledged) a peer; a registry card never overrides a device
    /// this one enrolled or pinned.
    pub fn upsert_peer(&mut self, p: &PeerRecord) -> Result<()> {
        self.conn().execute(
            "INSERT INTO peer (device_id, role, card, fingerprint, trust, enrolled_at, revoked_at, revoke_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (device_id) DO UPDATE SET role = excluded.role, card = excluded.card,
               fingerprint = excluded.fingerprint, trust = excluded.trust,
               revoked_at = coalesce(peer.revoked_at, excluded.revoked_at),
               revoke_reason = coalesce(peer.revoke_reason, excluded.revoke_reason)
             -- A card learnt from a registry never replaces one this device enrolled or pinned itself.
             WHERE excluded.trust <> 'registry' OR peer.trust = 'registry'",
            params![p.device_id, p.role, p.card, p.fingerprint, p.trust, p.enrolled_at, p.revoked_at, p.revoke_reason],
        )?;
        Ok(())
    }

    pub fn revoke_peer(&mut self, device_id: &str, reason: &str, at: &str) -> Result<()> {
        let n = self.conn().execute(
            "UPDATE peer SET revoked_at = coalesce(revoked_at, ?2), revoke_reason = coalesce(revoke_reason, ?3)
             WHERE device_id = ?1",
            params![device_id, at, reason],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: maskcheck_domain::Entity::Device, id: device_id.into() });
        }
        Ok(())
    }

    /// What `device_id` acknowledged of our changes (never moves back).
    pub fn set_peer_acked(&mut self, device_id: &str, through: u64) -> Result<()> {
        self.conn().execute(
            "UPDATE peer SET acked_change = max(acked_change, ?2) WHERE device_id = ?1",
            params![device_id, through as i64],
        )?;
        Ok(())
    }

    /// The next bundle number for `device_id`.
    pub fn next_sent_seq(&mut self, device_id: &str) -> Result<u64> {
        self.conn().execute("UPDATE peer SET sent_seq = sent_seq + 1 WHERE device_id = ?1", [device_id])?;
        Ok(self
            .conn()
            .query_row("SELECT sent_seq FROM peer WHERE device_id = ?1", [device_id], |r| r.get::<_, i64>(0))?
            as u64)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn log_bundle_in(
        &mut self,
        bundle_id: &str,
        sender: &str,
        seq: u64,
        range: (u64, u64),
        at: &str,
        counts: &str,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO bundle_in (bundle_id, sender, seq, from_change, through_change, received_at, counts)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![bundle_id, sender, seq as i64, range.0 as i64, range.1 as i64, at, counts],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn log_bundle_out(
        &mut self,
        bundle_id: &str,
        recipient: &str,
        seq: u64,
        range: (u64, u64),
        at: &str,
        rows: u64,
        attachments: u64,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO bundle_out (bundle_id, recipient, seq, from_change, through_change, created_at, rows, attachments)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![bundle_id, recipient, seq as i64, range.0 as i64, range.1 as i64, at, rows as i64, attachments as i64],
        )?;
        Ok(())
    }
}
