//! Photos: one `attachment` row per distinct content (SHA-256), linked to inspections by `attachment_link`.

use rusqlite::{params, OptionalExtension};

use crate::record::RecordMeta;
use crate::{Result, Store, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentRecord {
    pub hash: String,
    pub size: i64,
    pub mime: String,
    pub original_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentLink {
    pub id: String,
    pub target: String,
    pub caption: String,
    pub attachment: AttachmentRecord,
}

impl Store {
    pub fn attachment(&self, hash: &str) -> Result<Option<AttachmentRecord>> {
        Ok(self
            .conn()
            .query_row("SELECT hash, size, mime, original_name FROM attachment WHERE hash = ?1", [hash], |r| {
                Ok(AttachmentRecord { hash: r.get(0)?, size: r.get(1)?, mime: r.get(2)?, original_name: r.get(3)? })
            })
            .optional()?)
    }

    pub fn attachment_links(&self, owner_id: &str) -> Result<Vec<AttachmentLink>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.id, l.target, l.caption, a.hash, a.size, a.mime, a.original_name
             FROM attachment_link l JOIN attachment a ON a.hash = l.hash
             WHERE l.owner_id = ?1 AND l.deleted = 0 ORDER BY l.rid",
        )?;
        let rows = stmt.query_map([owner_id], |r| {
            Ok(AttachmentLink {
                id: r.get(0)?,
                target: r.get(1)?,
                caption: r.get(2)?,
                attachment: AttachmentRecord {
                    hash: r.get(3)?,
                    size: r.get(4)?,
                    mime: r.get(5)?,
                    original_name: r.get(6)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    /// Records the content once (a second photo with the same bytes reuses the row).
    pub fn upsert_attachment(&mut self, a: &AttachmentRecord, at: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO attachment (hash, size, mime, original_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (hash) DO NOTHING",
            params![a.hash, a.size, a.mime, a.original_name, at],
        )?;
        Ok(())
    }

    pub fn link_attachment(
        &mut self,
        meta: &RecordMeta,
        owner_id: &str,
        target: &str,
        hash: &str,
        caption: &str,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO attachment_link (id, origin, version, deleted, owner_id, target, hash, caption, created_at)
             VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8)",
            params![meta.id, meta.origin, meta.version, owner_id, target, hash, caption, meta.created_at],
        )?;
        Ok(())
    }
}
