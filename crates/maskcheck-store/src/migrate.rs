//! Schema migrations by `PRAGMA user_version`. Owned here rather than by a migration crate because the two rules
//! that matter most are ours: back up before migrating, and refuse a newer database without touching it.

use std::path::Path;

use rusqlite::Connection;

use crate::{Result, StoreError};

const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_init.sql")];

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

pub(crate) fn migrate(conn: &mut Connection, backup_dir: Option<&Path>) -> Result<()> {
    let from = user_version(conn)?;
    if from == LATEST_SCHEMA {
        return Ok(());
    }
    if from > 0 {
        if let Some(dir) = backup_dir {
            backup(conn, dir, from)?;
        }
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

fn backup(conn: &Connection, dir: &Path, from: i64) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::Backup(format!("{}: {e}", dir.display())))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let target = dir.join(format!("maskcheck-schema{from}-{stamp}.db"));
    conn.backup(rusqlite::MAIN_DB, &target, None::<fn(rusqlite::backup::Progress)>)
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
