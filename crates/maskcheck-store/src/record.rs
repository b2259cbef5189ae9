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
