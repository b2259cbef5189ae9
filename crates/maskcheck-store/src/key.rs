//! The key of an encrypted database. maskcheck links SQLCipher: a database opened with a key is encrypted page by
//! page (AES-256, HMAC per page); one opened without is plain SQLite. The key is a raw 32-byte key (derived by the
//! app from its vault), handed to SQLCipher as `x'…'` so SQLCipher runs no key derivation of its own on each open.

use rusqlite::Connection;

use crate::{Result, StoreError};

/// A raw 32-byte database key; zeroed when dropped, never printed.
#[derive(Clone)]
pub struct DbKey([u8; 32]);

impl DbKey {
    pub fn from_bytes(bytes: [u8; 32]) -> DbKey {
        DbKey(bytes)
    }

    /// The key as SQLCipher's raw-key literal `x'<64 hex digits>'`.
    fn literal(&self) -> String {
        let hex: String = self.0.iter().map(|b| format!("{b:02x}")).collect();
        format!("x'{hex}'")
    }
}

impl Drop for DbKey {
    fn drop(&mut self) {
        // zeroize writes volatilely, so the wipe of memory about to be freed is not optimised away.
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

/// Gives a freshly opened connection its key (it must come before any other statement), then reads the schema so
/// a wrong key or a plain file opened with a key fails here, as `WrongKey`, not at some later query.
pub(crate) fn unlock(conn: &Connection, key: Option<&DbKey>) -> Result<()> {
    let Some(key) = key else { return Ok(()) };
    // SQLCipher logs each page it cannot decrypt to stderr; a damaged file is reported through the app instead.
    quiet(conn)?;
    let mut stmt = conn.prepare(&format!("PRAGMA key = \"{}\"", key.literal()))?;
    let mut rows = stmt.query([])?;
    while rows.next()?.is_some() {}
    drop(rows);
    drop(stmt);
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
            Err(StoreError::WrongKey)
        }
        Err(e) => Err(e.into()),
    }
}

fn quiet(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA cipher_log_level = NONE")?;
    let mut rows = stmt.query([])?;
    while rows.next()?.is_some() {}
    Ok(())
}

/// Copies the database of `conn` into a new file at `target`, encrypted with `key` (or plain without): SQLite's
/// online backup between two plain files, SQLCipher's `sqlcipher_export` otherwise (the backup API cannot change a
/// file's encryption). Either way the copy is a consistent snapshot with the same schema version.
pub(crate) fn copy_database(
    conn: &Connection,
    source_key: Option<&DbKey>,
    target: &std::path::Path,
    key: Option<&DbKey>,
) -> Result<()> {
    if source_key.is_none() && key.is_none() {
        // Every page in one step: one read transaction, so the copy is one snapshot even while another connection
        // writes (a step at a time would restart the copy at each such write).
        use rusqlite::backup::{Backup, StepResult};
        let mut dst = Connection::open(target)?;
        let backup = Backup::new(conn, &mut dst)?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match backup.step(-1)? {
                StepResult::Done => return Ok(()),
                // A lock held by a writer for a moment (the source's checkpoint): try again, as SQLite's own loop does.
                _ if std::time::Instant::now() < deadline => std::thread::sleep(std::time::Duration::from_millis(20)),
                _ => {
                    return Err(crate::StoreError::Backup(format!("{}：数据库一直被占用，未能备份", target.display())))
                }
            }
        }
    }
    let literal = key.map(DbKey::literal).unwrap_or_default();
    conn.execute("ATTACH DATABASE ?1 AS copy KEY ?2", rusqlite::params![target.display().to_string(), literal])?;
    let exported = conn.query_row("SELECT sqlcipher_export('copy')", [], |_| Ok(())).and_then(|_| {
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        conn.pragma_update(Some("copy"), "user_version", v)
    });
    let detached = conn.execute_batch("DETACH DATABASE copy");
    exported?;
    detached?;
    Ok(())
}

/// Copies the database file at `db` into a new file at `target` through a connection of its own, encrypted with
/// `key` as the source is: a consistent snapshot taken while the store's own connection goes on answering (the day's
/// backup, written after a window is interactive). Nothing is migrated or written in the source.
pub fn backup_file(db: &std::path::Path, key: Option<&DbKey>, target: &std::path::Path) -> Result<()> {
    // Read-write: SQLCipher's export ATTACHes the copy, and a database attached to a read-only connection is
    // read-only too. The source is only read.
    let conn = Connection::open(db)?;
    unlock(&conn, key)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    crate::Store { conn, damaged: None, key: key.cloned() }.backup_to(target)
}

/// Whether the file is a plain SQLite database (its header is readable): a backup still to be encrypted.
pub fn is_plain_database(path: &std::path::Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok()
        && &head == b"SQLite format 3\0"
}

/// Whether `key` opens the database at `path` (read-only; nothing is written).
pub fn check_key(path: &std::path::Path, key: &DbKey) -> Result<()> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    unlock(&conn, Some(key))
}

/// Checks a copy made by `copy_to` against the database it was made from: `quick_check` passes and every table
/// has as many rows. Returns the tables and their rows.
pub fn verify_copy(source: &crate::Store, copy: &std::path::Path, key: Option<&DbKey>) -> Result<Vec<(String, i64)>> {
    let problems = crate::quick_check(copy, key);
    if !problems.is_empty() {
        return Err(StoreError::Backup(format!("{}: {}", copy.display(), problems.join("；"))));
    }
    let want = source.table_counts()?;
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(copy, flags)?;
    unlock(&conn, key)?;
    let got = crate::Store { conn, damaged: None, key: key.cloned() }.table_counts()?;
    if got != want {
        return Err(StoreError::Backup(format!("{} 与原数据库的表或行数不一致", copy.display())));
    }
    Ok(want)
}

/// Encrypts the plain database file at `src` into a new file at `dst` with `key`, checked as [`verify_copy`] does.
pub fn encrypt_file(src: &std::path::Path, dst: &std::path::Path, key: &DbKey) -> Result<()> {
    // Read-write: a database ATTACHed to a read-only connection is read-only too, and the copy is attached.
    let source = crate::Store { conn: Connection::open(src)?, damaged: None, key: None };
    source.copy_to(dst, Some(key))?;
    verify_copy(&source, dst, Some(key))?;
    Ok(())
}
