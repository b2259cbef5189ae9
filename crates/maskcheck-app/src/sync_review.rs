//! What sync leaves for a person: the conflicts list (both values of a field two devices changed at once), the
//! quarantine (rows not applied, with the reason) and the history of bundles sent and received.

use serde::Serialize;
use ts_rs::TS;

use crate::{App, AppError, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictDto {
    #[ts(type = "number")]
    pub id: i64,
    pub table: String,
    pub row_id: String,
    pub field: String,
    pub kept_value: Option<String>,
    pub kept_version: String,
    pub lost_value: Option<String>,
    pub lost_version: String,
    pub found_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuarantineDto {
    pub bundle_id: String,
    pub table: String,
    pub row_id: String,
    pub reason: maskcheck_sync::QuarantineReason,
    /// What the reason is about (a clock, another document's id, the database's refusal), as data.
    pub detail: String,
    /// The rules a row broke (reason `invalidRow`), for the window to word in its own language.
    pub fields: Vec<maskcheck_domain::FieldError>,
    pub found_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleLogDto {
    pub bundle_id: String,
    /// `in` or `out`.
    pub direction: String,
    pub peer: String,
    #[ts(type = "number")]
    pub seq: u64,
    pub at: String,
    /// The counts recorded for it (JSON).
    pub summary: String,
}

/// A conflict's stored value back to the column's value: JSON for numbers and flags, text otherwise.
fn column_value(stored: Option<&str>) -> serde_json::Value {
    match stored {
        None => serde_json::Value::Null,
        Some(s) => match serde_json::from_str::<serde_json::Value>(s) {
            Ok(v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_))) => v,
            _ => serde_json::Value::String(s.to_string()),
        },
    }
}

/// What the top bar shows: changes not yet acknowledged by the bureau (a laptop), and the last bundle each way.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatusDto {
    /// Rows changed here that the pinned bureau has not acknowledged; None on a bureau or before one is confirmed.
    pub unsynced: Option<u32>,
    pub last_in: Option<String>,
    pub last_out: Option<String>,
    pub open_conflicts: u32,
}

impl App {
    pub fn sync_status(&self) -> Result<SyncStatusDto> {
        let store = self.store();
        let bureau = store.peers()?.into_iter().find(|p| p.trust == "bureau");
        let unsynced = match bureau {
            Some(b) => Some(store.rows_changed_after(b.acked_change)? as u32),
            None => None,
        };
        let (last_in, last_out) = store.last_bundles()?;
        Ok(SyncStatusDto { unsynced, last_in, last_out, open_conflicts: store.open_conflicts()?.len() as u32 })
    }

    /// A person decides a conflict: keep the value that won, or take the other one — which is then a new local
    /// edit of that field (a later clock), so it travels to every device in the next bundles.
    pub fn resolve_conflict(&self, id: i64, take_other: bool) -> Result<Vec<ConflictDto>> {
        let device = self.device_id()?;
        let at = crate::now_text();
        let c = self.store().conflict(id)?.ok_or_else(|| {
            AppError::from(maskcheck_store::StoreError::NotFound {
                entity: maskcheck_domain::Entity::Conflict,
                id: id.to_string(),
            })
        })?;
        self.store().write(|tx| {
            if take_other {
                let version = tx.next_version(&device, crate::now_ms())?;
                let mut set = serde_json::Map::new();
                set.insert(c.field.clone(), column_value(c.lost_value.as_deref()));
                set.insert("version".into(), version.into());
                set.insert("updated_at".into(), at.clone().into());
                tx.update_row(&c.tbl, &c.row_id, &set)?;
            }
            tx.resolve_conflict(id, &at)?;
            Ok::<_, AppError>(())
        })?;
        self.sync_conflicts()
    }

    pub fn sync_conflicts(&self) -> Result<Vec<ConflictDto>> {
        Ok(self
            .store()
            .open_conflicts()?
            .into_iter()
            .map(|c| ConflictDto {
                id: c.rid,
                table: c.tbl,
                row_id: c.row_id,
                field: c.field,
                kept_value: c.kept_value,
                kept_version: c.kept_version,
                lost_value: c.lost_value,
                lost_version: c.lost_version,
                found_at: c.found_at,
            })
            .collect())
    }

    pub fn sync_quarantine(&self) -> Result<Vec<QuarantineDto>> {
        Ok(self
            .store()
            .quarantined()?
            .into_iter()
            .map(|q| {
                let reason = maskcheck_sync::QuarantineReason::parse(&q.reason)
                    .unwrap_or(maskcheck_sync::QuarantineReason::DatabaseRefused);
                let fields: Vec<maskcheck_domain::FieldError> = match reason {
                    maskcheck_sync::QuarantineReason::InvalidRow => serde_json::from_str(&q.detail).unwrap_or_default(),
                    _ => Vec::new(),
                };
                // The Chinese sentences stand in for the JSON where a person reads the detail (the CLI).
                let detail = if fields.is_empty() {
                    q.detail
                } else {
                    maskcheck_domain::ValidationErrors(fields.clone()).to_string()
                };
                QuarantineDto {
                    bundle_id: q.bundle_id,
                    table: q.tbl,
                    row_id: q.row_id,
                    reason,
                    detail,
                    fields,
                    found_at: q.found_at,
                }
            })
            .collect())
    }

    pub fn bundle_history(&self) -> Result<Vec<BundleLogDto>> {
        Ok(self
            .store()
            .bundle_log()?
            .into_iter()
            .map(|b| BundleLogDto {
                bundle_id: b.bundle_id,
                direction: b.direction.into(),
                peer: b.peer,
                seq: b.seq,
                at: b.at,
                summary: b.summary,
            })
            .collect())
    }
}
