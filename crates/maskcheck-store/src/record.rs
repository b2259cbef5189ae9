//! Records as stored: the domain data plus the sync metadata every record carries.

use maskcheck_domain::EnterpriseInput;
use serde::Serialize;

/// The sync metadata of a record (see DESIGN: id, origin, version, tombstone) and its audit times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordMeta {
    pub id: String,
    pub origin: String,
    pub version: String,
    pub deleted: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// A void (作废): the record stays, marked, with the reason given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Void {
    pub reason: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnterpriseRecord {
    pub meta: RecordMeta,
    pub data: EnterpriseInput,
    pub void: Option<Void>,
}

pub(crate) fn void_from(reason: Option<String>, at: Option<String>) -> Option<Void> {
    reason.map(|reason| Void { reason, at: at.unwrap_or_default() })
}

/// The sync metadata from a row whose first columns are `id, origin, version, deleted, created_at`, with the
/// update time in column `updated` (the same column for records that are never updated).
pub(crate) fn meta_of(r: &rusqlite::Row<'_>, updated: usize) -> rusqlite::Result<RecordMeta> {
    Ok(RecordMeta {
        id: r.get(0)?,
        origin: r.get(1)?,
        version: r.get(2)?,
        deleted: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(updated)?,
    })
}
