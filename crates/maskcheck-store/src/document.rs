//! Issued documents (immutable by trigger), their serials from number blocks, revocations and service records.

use maskcheck_domain::document::{device_tag, next_block_serial, DocKind, NumberBlock, Serial};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::record::{meta_of, RecordMeta};
use crate::{Result, Store, Tx};

/// A document as issued. `content` is the frozen JSON the PDF was rendered from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRecord {
    pub meta: RecordMeta,
    pub kind: DocKind,
    pub number: String,
    pub enterprise_id: String,
    pub inspection_id: Option<String>,
    pub content: String,
    pub pdf_sha256: String,
    /// Bytes of the issued PDF (None for documents issued before schema 4).
    pub pdf_size: Option<u64>,
    pub pages: u32,
    pub amends_id: Option<String>,
    pub issued_at: String,
}

/// A line of the document list, with what happened to it since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: String,
    pub kind: DocKind,
    pub number: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub inspection_id: Option<String>,
    pub issued_at: String,
    pub revoked: Option<String>,
    pub served_at: Option<String>,
    pub amends_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRecord {
    pub meta: RecordMeta,
    pub document_id: String,
    pub served_at: String,
    pub method: String,
    pub recipient: String,
    pub scan_hash: Option<String>,
    /// 留置送达: the reason the party gave for refusing it, and the witness present.
    pub refusal: Option<String>,
    pub witness: Option<String>,
    /// 电子送达: the party consented and signed the confirmation.
    pub consented: bool,
}

const COLUMNS: &str = "id, origin, version, deleted, issued_at, kind, number, enterprise_id, inspection_id, content,
    pdf_sha256, pages, amends_id, pdf_size";

fn record(r: &Row<'_>) -> rusqlite::Result<DocumentRecord> {
    let kind: String = r.get(5)?;
    Ok(DocumentRecord {
        meta: meta_of(r, 4)?,
        kind: DocKind::parse(&kind).unwrap_or(DocKind::RectificationNotice),
        number: r.get(6)?,
        enterprise_id: r.get(7)?,
        inspection_id: r.get(8)?,
        content: r.get(9)?,
        pdf_sha256: r.get(10)?,
        pages: r.get(11)?,
        amends_id: r.get(12)?,
        pdf_size: r.get::<_, Option<i64>>(13)?.and_then(|n| u64::try_from(n).ok()),
        issued_at: r.get(4)?,
    })
}

fn get(conn: &Connection, id: &str) -> Result<Option<DocumentRecord>> {
    let sql = format!("SELECT {COLUMNS} FROM document WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], record).optional()?)
}

/// This device's blocks (its own, and those the bureau assigned to it), of `kind` or of every kind.
fn blocks(conn: &Connection, kind: Option<DocKind>) -> Result<Vec<NumberBlock>> {
    let mut stmt = conn.prepare_cached(
        "SELECT year, first, last FROM number_block
         WHERE deleted = 0
           AND (device IS NULL OR device = (SELECT value FROM meta WHERE key = 'device_id'))
           AND (?1 IS NULL OR kind IS NULL OR kind = ?1)
         ORDER BY year, first",
    )?;
    let rows = stmt.query_map([kind.map(DocKind::as_str)], |r| {
        Ok(NumberBlock { year: r.get(0)?, first: r.get(1)?, last: r.get(2)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn assigned(conn: &Connection) -> Result<Vec<AssignedBlock>> {
    let mut stmt = conn.prepare_cached(
        "SELECT device, kind, year, first, last FROM number_block WHERE deleted = 0 ORDER BY year, kind, first",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: Option<String> = r.get(1)?;
        Ok(AssignedBlock {
            device: r.get(0)?,
            kind: kind.as_deref().and_then(DocKind::parse),
            block: NumberBlock { year: r.get(2)?, first: r.get(3)?, last: r.get(4)? },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A block as the bureau assigned it: to which device, for which kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignedBlock {
    pub device: Option<String>,
    pub kind: Option<DocKind>,
    pub block: NumberBlock,
}

/// Maps the immutability triggers' abort to a typed error.
/// The serial the next document of `kind` in `year` gets on this device, with the counters it was taken from.
fn next_serial(conn: &Connection, kind: DocKind, year: i32, device_id: &str) -> Result<(Serial, Option<u32>, u32)> {
    let (last_block, last_fallback): (Option<u32>, u32) = conn
        .query_row(
            "SELECT last_block, last_fallback FROM doc_serial WHERE kind = ?1 AND year = ?2",
            params![kind.as_str(), year],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((None, 0));
    let serial = match next_block_serial(&blocks(conn, Some(kind))?, year, last_block) {
        Some(n) => Serial::Block { n },
        None => Serial::Fallback { tag: device_tag(device_id), n: last_fallback + 1 },
    };
    Ok((serial, last_block, last_fallback))
}

impl Store {
    /// Every block on this database with the device and kind it is for (the bureau's assignments).
    pub fn assigned_blocks(&self) -> Result<Vec<AssignedBlock>> {
        assigned(self.conn())
    }

    /// The serial the next document would get, allocating nothing (the preview shows the number it will print).
    pub fn peek_serial(&self, kind: DocKind, year: i32, device_id: &str) -> Result<Serial> {
        Ok(next_serial(self.conn(), kind, year, device_id)?.0)
    }
}

#[cfg(feature = "test-support")]
pub(crate) fn frozen(e: rusqlite::Error) -> crate::StoreError {
    crate::error::Frozen::Document.refusal_of(e)
}

/// Filters of the document list.
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter<'a> {
    pub kind: Option<DocKind>,
    pub enterprise_id: Option<&'a str>,
    pub inspection_id: Option<&'a str>,
}

impl Store {
    pub fn document(&self, id: &str) -> Result<Option<DocumentRecord>> {
        get(self.conn(), id)
    }

    pub fn number_blocks(&self) -> Result<Vec<NumberBlock>> {
        blocks(self.conn(), None)
    }

    /// Documents, newest first.
    pub fn documents(&self, f: &DocumentFilter<'_>) -> Result<Vec<DocumentRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.id, d.kind, d.number, d.enterprise_id, e.name, d.inspection_id, d.issued_at, r.reason,
                    (SELECT max(s.served_at) FROM document_service s WHERE s.document_id = d.id AND s.deleted = 0),
                    d.amends_id
             FROM document d JOIN enterprise e ON e.id = d.enterprise_id
             LEFT JOIN document_revocation r ON r.document_id = d.id AND r.deleted = 0
             WHERE d.deleted = 0 AND (?1 IS NULL OR d.kind = ?1) AND (?2 IS NULL OR d.enterprise_id = ?2)
               AND (?3 IS NULL OR d.inspection_id = ?3)
             ORDER BY d.rid DESC LIMIT 1000",
        )?;
        let rows = stmt.query_map(params![f.kind.map(DocKind::as_str), f.enterprise_id, f.inspection_id], |r| {
            let kind: String = r.get(1)?;
            Ok(DocumentRow {
                id: r.get(0)?,
                kind: DocKind::parse(&kind).unwrap_or(DocKind::RectificationNotice),
                number: r.get(2)?,
                enterprise_id: r.get(3)?,
                enterprise_name: r.get(4)?,
                inspection_id: r.get(5)?,
                issued_at: r.get(6)?,
                revoked: r.get(7)?,
                served_at: r.get(8)?,
                amends_id: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn services(&self, document_id: &str) -> Result<Vec<ServiceRecord>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, origin, version, deleted, created_at, document_id, served_at, method, recipient, scan_hash,
                    refusal, witness, consented
             FROM document_service WHERE document_id = ?1 AND deleted = 0 ORDER BY rid",
        )?;
        let rows = stmt.query_map([document_id], |r| {
            Ok(ServiceRecord {
                meta: meta_of(r, 4)?,
                document_id: r.get(5)?,
                served_at: r.get(6)?,
                method: r.get(7)?,
                recipient: r.get(8)?,
                scan_hash: r.get(9)?,
                refusal: r.get(10)?,
                witness: r.get(11)?,
                consented: r.get::<_, i64>(12)? == 1,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Tx<'_> {
    pub fn document(&self, id: &str) -> Result<Option<DocumentRecord>> {
        get(self.conn(), id)
    }

    pub fn number_blocks(&self) -> Result<Vec<NumberBlock>> {
        blocks(self.conn(), None)
    }

    /// A block for another device (the bureau's assignment), of one kind or of every kind.
    pub fn assign_number_block(
        &mut self,
        meta: &RecordMeta,
        b: &NumberBlock,
        device: &str,
        kind: Option<DocKind>,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO number_block (id, origin, version, deleted, year, first, last, created_at, device, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                meta.id,
                meta.origin,
                meta.version,
                meta.deleted,
                b.year,
                b.first,
                b.last,
                meta.created_at,
                device,
                kind.map(DocKind::as_str)
            ],
        )?;
        Ok(())
    }

    pub fn assigned_blocks(&self) -> Result<Vec<AssignedBlock>> {
        assigned(self.conn())
    }

    pub fn insert_number_block(&mut self, meta: &RecordMeta, b: &NumberBlock) -> Result<()> {
        self.conn().execute(
            "INSERT INTO number_block (id, origin, version, deleted, year, first, last, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![meta.id, meta.origin, meta.version, meta.deleted, b.year, b.first, b.last, meta.created_at],
        )?;
        Ok(())
    }

    /// The next serial of `kind` in `year` for this device: from its number blocks while they last, then
    /// `{device tag}-{n}`. Gaps are possible (a failed issue after allocation); duplicates are not.
    pub fn allocate_serial(&mut self, kind: DocKind, year: i32, device_id: &str) -> Result<Serial> {
        let (serial, last_block, last_fallback) = next_serial(self.conn(), kind, year, device_id)?;
        let (new_block, new_fallback) = match &serial {
            Serial::Block { n } => (Some(*n), last_fallback),
            Serial::Fallback { n, .. } => (last_block, *n),
        };
        self.conn().execute(
            "INSERT INTO doc_serial (kind, year, last_block, last_fallback) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (kind, year) DO UPDATE SET last_block = excluded.last_block,
                                                    last_fallback = excluded.last_fallback",
            params![kind.as_str(), year, new_block, new_fallback],
        )?;
        Ok(serial)
    }

    pub fn insert_document(&mut self, d: &DocumentRecord) -> Result<()> {
        let m = &d.meta;
        self.conn().execute(
            "INSERT INTO document (id, origin, version, deleted, kind, number, enterprise_id, inspection_id, content,
                                   pdf_sha256, pages, amends_id, issued_at, pdf_size)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                m.id,
                m.origin,
                m.version,
                m.deleted,
                d.kind.as_str(),
                d.number,
                d.enterprise_id,
                d.inspection_id,
                d.content,
                d.pdf_sha256,
                d.pages,
                d.amends_id,
                d.issued_at,
                d.pdf_size.and_then(|n| i64::try_from(n).ok())
            ],
        )?;
        Ok(())
    }

    /// For the immutability tests only: always fails on an issued document. Not public API.
    #[cfg(feature = "test-support")]
    pub fn overwrite_document_content(&mut self, id: &str, content: &str) -> Result<()> {
        self.conn().execute("UPDATE document SET content = ?1 WHERE id = ?2", params![content, id]).map_err(frozen)?;
        Ok(())
    }

    /// For the immutability tests only: always fails on an issued document. Not public API.
    #[cfg(feature = "test-support")]
    pub fn delete_document(&mut self, id: &str) -> Result<()> {
        self.conn().execute("DELETE FROM document WHERE id = ?1", [id]).map_err(frozen)?;
        Ok(())
    }

    pub fn revoke_document(&mut self, meta: &RecordMeta, document_id: &str, reason: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO document_revocation (id, origin, version, deleted, document_id, reason, revoked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![meta.id, meta.origin, meta.version, meta.deleted, document_id, reason, meta.created_at],
        )?;
        Ok(())
    }

    pub fn insert_service(&mut self, s: &ServiceRecord) -> Result<()> {
        let m = &s.meta;
        self.conn().execute(
            "INSERT INTO document_service (id, origin, version, deleted, document_id, served_at, method, recipient,
                                           scan_hash, created_at, refusal, witness, consented)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                m.id,
                m.origin,
                m.version,
                m.deleted,
                s.document_id,
                s.served_at,
                s.method,
                s.recipient,
                s.scan_hash,
                m.created_at,
                s.refusal,
                s.witness,
                i64::from(s.consented)
            ],
        )?;
        Ok(())
    }
}
