//! Sync bundles: what export and import share — their results as the window and CLI see them, progress, the
//! staging directory, the attachment source, and reading a header without applying it. Export is in
//! `sync_export.rs`, import in `sync_import.rs`.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use maskcheck_sync::{read_header, AttachmentSink, AttachmentSource, SyncError, SyncTable};
use serde::Serialize;
use ts_rs::TS;

use crate::vault::{Sealing, Vault};
use crate::{App, AppError, ErrorCode, Result};

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleExportDto {
    pub bundle_id: String,
    pub recipient: String,
    #[ts(type = "number")]
    pub seq: u64,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub attachments: u64,
    pub path: String,
}

/// What an import did (or, for an already applied bundle, that it did nothing).
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleImportDto {
    pub bundle_id: String,
    pub sender: String,
    pub already_applied: bool,
    #[ts(type = "number")]
    pub new: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub conflicts: u64,
    #[ts(type = "number")]
    pub quarantined: u64,
    #[ts(type = "number")]
    pub attachments: u64,
}

/// A bundle's header, shown without applying it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleHeaderDto {
    pub bundle_id: String,
    pub sender: String,
    pub recipient: String,
    #[ts(type = "number")]
    pub seq: u64,
    #[ts(type = "number")]
    pub schema: i64,
    pub created_at: String,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub attachments: u64,
}

/// Which part of a bundle's journey a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SyncStage {
    /// Export: KiB written of the bundle.
    Write,
    /// Import: KiB of the file read, decrypted and checked.
    Read,
    /// Import: rows applied.
    Apply,
}

/// Progress of an export or import: `done` of `total` (KiB, or rows while applying).
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgressDto {
    pub stage: SyncStage,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// Where progress reports go (the window's channel; the CLI passes [`quiet`]).
pub type SyncProgress<'a> = &'a (dyn Fn(SyncProgressDto) + Sync);

/// Hears no progress.
pub fn quiet(_: SyncProgressDto) {}

pub(crate) fn refused(msg: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::BundleRefused, msg)
}

pub(crate) fn sync_err(path: &Path, e: SyncError) -> AppError {
    let code = match e {
        SyncError::NotABundle | SyncError::Damaged | SyncError::TooLarge { .. } | SyncError::Io(_) => {
            ErrorCode::UnreadableFile
        }
        _ => ErrorCode::BundleRefused,
    };
    AppError::new(code, format!("{}：{e}", path.display())).about(path.display().to_string())
}

pub(crate) fn table_of(name: &str) -> Option<SyncTable> {
    SyncTable::ALL.into_iter().find(|t| t.name() == name)
}

/// Reads attachments from the store (by hash) and issued PDFs (by the hash recorded for them).
pub(crate) struct Files<'v> {
    pub paths: BTreeMap<String, PathBuf>,
    /// The content's size where the store records it (a sealed file's length on disk is not its content's).
    pub sizes: BTreeMap<String, u64>,
    pub vault: &'v Vault,
}

impl Files<'_> {
    fn path(&self, hash: &str) -> std::io::Result<&PathBuf> {
        self.paths.get(hash).ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }
}

impl AttachmentSource for Files<'_> {
    fn open(&self, hash: &str) -> std::io::Result<Box<dyn Read + '_>> {
        self.vault.reader(std::fs::File::open(self.path(hash)?)?)
    }

    fn len(&self, hash: &str) -> std::io::Result<u64> {
        match (self.vault.is_sealed(), self.sizes.get(hash)) {
            (false, _) => Ok(std::fs::metadata(self.path(hash)?)?.len()),
            (true, Some(n)) => Ok(*n),
            (true, None) => std::io::copy(&mut self.open(hash)?, &mut std::io::sink()),
        }
    }
}

/// A directory of its own under `staging/` for one export or import, removed when the work ends whatever
/// happened: an export spools its pages of rows there; an import stages the attachments and pages it reads, which
/// move into the store only when the import commits.
/// In an encrypted directory what is staged is sealed as it is written: staged attachments move into the store
/// as they are, and nothing of a bundle lies in the clear on disk, even when an import is killed.
pub(crate) struct Staging<'v> {
    pub dir: PathBuf,
    records: Option<Sealing<'static>>,
    vault: &'v Vault,
}

impl<'v> Staging<'v> {
    /// A fresh directory; what imports killed midway left in `staging/` goes first (once an hour old: an import
    /// running now in another process keeps its own).
    pub fn new(data_dir: &Path, vault: &'v Vault) -> Result<Staging<'v>> {
        let root = data_dir.join("staging");
        if let Ok(entries) = std::fs::read_dir(&root) {
            let hour = std::time::Duration::from_secs(3600);
            for e in entries.flatten() {
                let modified = e.metadata().and_then(|m| m.modified()).ok();
                if modified.and_then(|t| t.elapsed().ok()).is_some_and(|age| age > hour) {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = root.join(uuid::Uuid::now_v7().to_string());
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io(&dir, e))?;
        Ok(Staging { dir, records: None, vault })
    }

    /// The file the pages of rows are spooled to.
    pub fn records_path(&self) -> PathBuf {
        self.dir.join("records.frames")
    }

    /// Flushes the pages written by the reader.
    pub fn finish_records(&mut self) -> Result<()> {
        if let Some(w) = self.records.take() {
            w.finish().map_err(|e| AppError::io(&self.records_path(), e))?;
        }
        Ok(())
    }

    /// The staged pages of rows, read back one at a time.
    pub fn pages(&self) -> Result<impl Iterator<Item = std::result::Result<maskcheck_sync::Records, SyncError>>> {
        let path = self.records_path();
        let f = std::fs::File::open(&path).map_err(|e| AppError::io(&path, e))?;
        let r = self.vault.reader(std::io::BufReader::with_capacity(1 << 20, f)).map_err(|e| AppError::io(&path, e))?;
        Ok(maskcheck_sync::read_pages(std::io::BufReader::with_capacity(1 << 20, r)))
    }
}

impl AttachmentSink for Staging<'_> {
    fn create(&mut self, hash: &str) -> std::io::Result<Box<dyn Write + '_>> {
        let f = std::io::BufWriter::new(std::fs::File::create(self.dir.join(hash))?);
        Ok(Box::new(self.vault.sealing(f)?))
    }
    fn keep(&mut self, _hash: &str) -> std::io::Result<()> {
        Ok(())
    }
    fn records(&mut self) -> std::io::Result<Box<dyn Write + '_>> {
        if self.records.is_none() {
            let f = std::io::BufWriter::new(std::fs::File::create(self.records_path())?);
            self.records = Some(self.vault.sealing(f)?);
        }
        match self.records.as_mut() {
            Some(w) => Ok(Box::new(w)),
            None => Err(std::io::Error::other("no records file")),
        }
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        self.records = None;
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A reader that reports how far through `total` bytes it is, every few MiB.
pub(crate) struct Counting<'a, R> {
    pub inner: R,
    pub done: u64,
    pub total: u64,
    pub reported: u64,
    pub progress: SyncProgress<'a>,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        if self.done - self.reported >= 4 << 20 || (n == 0 && self.reported != self.done) {
            self.reported = self.done;
            (self.progress)(SyncProgressDto { stage: SyncStage::Read, done: self.done >> 10, total: self.total >> 10 });
        }
        Ok(n)
    }
}

impl App {
    /// Shows a bundle's header without applying it (it must be addressed to this device to be read at all).
    pub fn inspect_bundle(&self, path: &Path) -> Result<BundleHeaderDto> {
        let identity = self.age_identity()?;
        let f = std::fs::File::open(path).map_err(|e| AppError::io(path, e))?;
        let h = read_header(std::io::BufReader::new(f), &identity).map_err(|e| sync_err(path, e))?;
        Ok(BundleHeaderDto {
            bundle_id: h.bundle_id,
            sender: h.sender,
            recipient: h.recipient,
            seq: h.seq,
            schema: h.schema,
            created_at: h.created_at,
            rows: h.rows,
            attachments: h.attachments,
        })
    }
}
