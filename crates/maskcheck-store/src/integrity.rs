//! Whether a database file can be trusted before anything writes to it: `PRAGMA quick_check` on a read-only
//! connection. A damaged file is opened read-only (`Store::open_damaged`), so what can still be read is shown and
//! the restore is offered, and every write is refused before it reaches SQLite: the app never writes over a
//! database it cannot read.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{DbKey, Result, Store, Tx};

/// How many problems quick_check lists at most: enough to say what is wrong, not the whole file.
const MAX_PROBLEMS: usize = 20;

/// The problems `PRAGMA quick_check` finds in the database at `path` (empty when it is sound). A file SQLite cannot
/// read at all (not a database, a damaged header) is one problem, with SQLite's reason.
/// An encrypted database is checked with its key (a wrong key is reported, like a damaged file, by its reason).
pub fn quick_check(path: &Path, key: Option<&DbKey>) -> Vec<String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let check = || -> Result<Vec<String>> {
        let conn = Connection::open_with_flags(path, flags)?;
        crate::key::unlock(&conn, key)?;
        let mut stmt = conn.prepare(&format!("PRAGMA quick_check({MAX_PROBLEMS})"))?;
        let lines = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(lines)
    };
    match check() {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Vec::new(),
        Ok(lines) => lines,
        Err(e) => vec![e.to_string()],
    }
}

impl Store {
    /// Opens a database quick_check found damaged, for reading only: what can be read is read, and `write`
    /// refuses with the problems before SQLite is asked to write anything.
    pub fn open_damaged(path: &Path, problems: Vec<String>, key: Option<&DbKey>) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        // A page too damaged to decrypt still leaves the others readable.
        let _ = crate::key::unlock(&conn, key);
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store { conn, damaged: Some(problems), key: key.cloned() })
    }

    /// The problems of a database opened damaged.
    pub fn damaged(&self) -> Option<&[String]> {
        self.damaged.as_deref()
    }
}

/// What a database file (a backup) holds, read without changing it: its schema, how many of each record, and its
/// latest record time. A table its schema lacks counts as none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSummary {
    pub schema: i64,
    pub enterprises: u64,
    pub inspections: u64,
    pub documents: u64,
    pub samples: u64,
    pub cases: u64,
    pub attachments: u64,
    /// The latest `updated_at`/`created_at` of its records.
    pub latest: Option<String>,
}

/// Reads a database file's summary read-only; `None` when it cannot be read as a database.
pub fn summarize(path: &Path, key: Option<&DbKey>) -> Option<FileSummary> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
    crate::key::unlock(&conn, key).ok()?;
    let schema: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).ok()?;
    // Table names come from this closed list, never from the file.
    let count = |table: &str, live: &str| -> u64 {
        conn.query_row(&format!("SELECT count(*) FROM {table} WHERE {live}"), [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .unwrap_or(0)
    };
    let latest = conn
        .query_row(
            "SELECT max(t) FROM (SELECT max(updated_at) AS t FROM enterprise UNION ALL SELECT max(created_at) FROM document
             UNION ALL SELECT max(updated_at) FROM inspection UNION ALL SELECT max(updated_at) FROM sample)",
            [],
            |r| r.get::<_, Option<String>>(0),
        )
        .ok()
        .flatten();
    Some(FileSummary {
        schema,
        enterprises: count("enterprise", "deleted = 0"),
        inspections: count("inspection", "deleted = 0 AND status = 'finished'"),
        documents: count("document", "deleted = 0"),
        samples: count("sample", "deleted = 0"),
        cases: count("enforcement_case", "deleted = 0"),
        attachments: count("attachment", "1"),
        latest,
    })
}

impl Store {
    /// The hashes of every attachment the database refers to (a backup copies these files beside it).
    pub fn attachment_hashes(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare("SELECT hash FROM attachment ORDER BY hash")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    /// After a restore: this database now belongs to a new device identity (key, id, site), so nothing it sends can
    /// be taken for something the old identity sent. Peers start again from nothing sent and nothing acknowledged.
    pub fn take_new_identity(&mut self, device_id: &str, public_key: &str, site_id: &str) -> Result<()> {
        self.conn().execute(
            "UPDATE profile SET device_id = ?1, public_key = ?2 WHERE id = 1",
            rusqlite::params![device_id, public_key],
        )?;
        self.set_meta("device_id", device_id)?;
        self.set_meta("site_id", site_id)?;
        self.conn().execute("UPDATE peer SET acked_change = 0, sent_seq = 0", [])?;
        Ok(())
    }
}

impl Store {
    /// Rows per table, every table of the schema by name: how an encrypted copy is checked against the plain
    /// database it was made from before the plain file is removed.
    pub fn table_counts(&self) -> Result<Vec<(String, i64)>> {
        let names: Vec<String> = {
            let mut stmt = self.conn().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        names
            .into_iter()
            .map(|name| {
                // Names come from the schema itself; quoted as identifiers.
                let sql = format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\""));
                let n = self.conn().query_row(&sql, [], |r| r.get::<_, i64>(0))?;
                Ok((name, n))
            })
            .collect()
    }
}
