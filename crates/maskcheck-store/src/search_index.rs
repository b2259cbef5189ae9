//! The roster search index (`enterprise_fts`), written by the store's own enterprise writes in the same
//! transaction. Every path that changes name, USCC, addresses, void or tombstone calls [`reindex`].

use maskcheck_domain::search::index_grams;
use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

/// `index_grams(text)` in SQL, so many rows are indexed by one `INSERT … SELECT` ([`insert_rows`]).
pub(crate) fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("index_grams", 1, flags, |ctx| {
        Ok(ctx.get::<Option<String>>(0)?.map(|s| index_grams(&s)))
    })?;
    Ok(())
}

/// Indexes the enterprises with `after < rid <= upto` (fresh inserts) with one statement: FTS5 writes their terms
/// in one run, where a statement per row made it flush its pending terms at each (inside a savepoint).
pub(crate) fn insert_rows(conn: &Connection, after: i64, upto: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO enterprise_fts (rowid, name, uscc, address, dead)
         SELECT rid, index_grams(name), index_grams(uscc), index_grams(coalesce(production_address, registered_address)),
                CASE WHEN deleted = 1 OR void_reason IS NOT NULL THEN 'dead' END
         FROM enterprise WHERE rid > ?1 AND rid <= ?2 ORDER BY rid",
    )?
    .execute([after, upto])?;
    Ok(())
}

/// Indexes a freshly inserted row.
pub(crate) fn insert(
    conn: &Connection,
    rid: i64,
    name: &str,
    uscc: &str,
    address: Option<&str>,
    dead: bool,
) -> Result<()> {
    let mut stmt = conn
        .prepare_cached("INSERT INTO enterprise_fts (rowid, name, uscc, address, dead) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    stmt.execute(params![rid, index_grams(name), index_grams(uscc), address.map(index_grams), dead.then_some("dead")])?;
    Ok(())
}

/// Re-indexes the row of enterprise `id` from what is stored now.
pub(crate) fn reindex(conn: &Connection, id: &str) -> Result<()> {
    // Cached statements: a bundle import re-indexes every enterprise it brings.
    let row = conn
        .prepare_cached(
            "SELECT rid, name, uscc, coalesce(production_address, registered_address),
                    deleted = 1 OR void_reason IS NOT NULL
             FROM enterprise WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })
        .optional()?;
    if let Some((rid, name, uscc, address, dead)) = row {
        conn.prepare_cached("DELETE FROM enterprise_fts WHERE rowid = ?1")?.execute([rid])?;
        insert(conn, rid, &name, &uscc, address.as_deref(), dead)?;
    }
    Ok(())
}
