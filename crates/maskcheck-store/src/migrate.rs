//! Schema migrations by `PRAGMA user_version`. Owned here rather than by a migration crate because the two rules
//! that matter most are ours: back up before migrating, and refuse a newer database without touching it.

use std::path::Path;

use rusqlite::Connection;

use crate::{Result, StoreError};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_inspections.sql"),
    include_str!("migrations/0003_documents.sql"),
    include_str!("migrations/0004_clock_width.sql"),
    include_str!("migrations/0005_void_draft.sql"),
    include_str!("migrations/0006_sync.sql"),
    include_str!("migrations/0007_service_details.sql"),
    include_str!("migrations/0008_measure_followups.sql"),
    include_str!("migrations/0009_unit_reports.sql"),
    include_str!("migrations/0010_campaign.sql"),
    include_str!("migrations/0011_bulk_roster.sql"),
    include_str!("migrations/0012_plain_checks.sql"),
];

/// The migrations up to `version`, so tests can build every earlier schema.
#[doc(hidden)]
pub fn migrate_to(conn: &mut Connection, version: usize) -> Result<()> {
    migrate_with(conn, &MIGRATIONS[..version], None, None)
}

/// The schema version this build writes.
pub const LATEST_SCHEMA: i64 = MIGRATIONS.len() as i64;

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Called before any pragma that could write to the file (journal_mode=WAL rewrites the header).
pub(crate) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > LATEST_SCHEMA {
        return Err(StoreError::TooNew { found, supported: LATEST_SCHEMA });
    }
    Ok(())
}

/// A read-only open cannot migrate: the schema must be the one this build writes.
pub(crate) fn require_latest(conn: &Connection) -> Result<()> {
    refuse_newer(conn)?;
    let found = user_version(conn)?;
    if found < LATEST_SCHEMA {
        return Err(StoreError::NeedsMigration { found, supported: LATEST_SCHEMA });
    }
    Ok(())
}

pub(crate) fn migrate(conn: &mut Connection, backup_dir: Option<&Path>, key: Option<&crate::DbKey>) -> Result<()> {
    migrate_with(conn, MIGRATIONS, backup_dir, key)
}

fn migrate_with(
    conn: &mut Connection,
    migrations: &[&str],
    backup_dir: Option<&Path>,
    key: Option<&crate::DbKey>,
) -> Result<()> {
    let from = user_version(conn)?;
    if from == migrations.len() as i64 {
        return Ok(());
    }
    if from > 0 {
        if let Some(dir) = backup_dir {
            backup(conn, dir, from, key)?;
        }
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for (i, sql) in migrations.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        // A migration that edits a definition in place (0008) changes no schema cookie by itself: bump it so
        // every connection re-reads the schema. Harmless after ordinary DDL, which bumps it already.
        let cookie: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
        tx.pragma_update(None, "schema_version", cookie + 1)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

fn backup(conn: &Connection, dir: &Path, from: i64, key: Option<&crate::DbKey>) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::Backup(format!("{}: {e}", dir.display())))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let target = dir.join(format!("maskcheck-schema{from}-{stamp}.db"));
    crate::key::copy_database(conn, key, &target, key)
        .map_err(|e| StoreError::Backup(format!("{}: {e}", target.display())))?;
    Ok(())
}

/// The schema as SQLite holds it, one object per block, in name order (for snapshot tests).
pub fn schema_dump(store: &crate::Store) -> Result<String> {
    let mut stmt = store
        .conn()
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'enterprise_fts_%' OR type = 'trigger' ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| {
        Ok(format!("-- {} {}\n{};\n", r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })?;
    let mut out = format!("-- user_version {}\n", user_version(store.conn())?);
    for row in rows {
        out.push_str(&row?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "CREATE TABLE t (a TEXT NOT NULL);";
    const V2: &str = "ALTER TABLE t ADD COLUMN b TEXT;";

    #[test]
    fn an_existing_database_is_backed_up_before_it_is_migrated() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("x.db");
        let backups = dir.path().join("backups");
        {
            let mut conn = Connection::open(&db).expect("open");
            migrate_with(&mut conn, &[V1], Some(&backups), None).expect("v1");
            conn.execute("INSERT INTO t (a) VALUES ('before')", []).expect("insert");
        }
        assert!(!backups.exists(), "a new database needs no backup");
        let mut conn = Connection::open(&db).expect("open");
        migrate_with(&mut conn, &[V1, V2], Some(&backups), None).expect("v2");
        assert_eq!(user_version(&conn).expect("version"), 2);
        let files: Vec<_> = std::fs::read_dir(&backups).expect("backups").flatten().map(|e| e.path()).collect();
        assert_eq!(files.len(), 1);
        let backup = Connection::open(&files[0]).expect("open backup");
        assert_eq!(user_version(&backup).expect("version"), 1);
        let a: String = backup.query_row("SELECT a FROM t", [], |r| r.get(0)).expect("row");
        assert_eq!(a, "before");
    }

    #[test]
    fn a_failing_migration_leaves_the_old_schema() {
        let mut conn = Connection::open_in_memory().expect("open");
        migrate_with(&mut conn, &[V1], None, None).expect("v1");
        let err = migrate_with(&mut conn, &[V1, "ALTER TABLE nope ADD COLUMN x;"], None, None);
        assert!(err.is_err());
        assert_eq!(user_version(&conn).expect("version"), 1);
    }
}
