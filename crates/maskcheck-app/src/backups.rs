//! The copies of the database kept in the data directory's `backups/`: before a schema migration, before each
//! bundle import, and once a day (the newest seven kept; the newest ten before-import copies). Each is listed with
//! what it holds. A copy can also go to a chosen folder (a USB stick) with the attachments it refers to. A damaged
//! database is never backed up over the good copies.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::{today, App, AppError, ErrorCode, Result};

/// Daily copies kept.
const KEEP_DAILY: usize = 7;
/// Before-import copies kept.
const KEEP_BEFORE_BUNDLE: usize = 10;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupDto {
    pub file: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// When it was written, in this computer's local time with its offset.
    pub written_at: String,
    /// Why it was made: daily, before a bundle import, before a schema upgrade, or by hand.
    pub reason: BackupReason,
    /// What it holds; `None` when it cannot be read as a database.
    pub holds: Option<BackupHolds>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BackupReason {
    Daily,
    BeforeBundle,
    BeforeUpgrade,
    Manual,
    /// The plain database as it was before the directory was encrypted (itself encrypted once that is done).
    BeforeEncryption,
    /// The database a restore replaced, set aside (damaged, perhaps).
    Replaced,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupHolds {
    pub schema: u32,
    pub enterprises: u32,
    pub inspections: u32,
    pub documents: u32,
    pub samples: u32,
    pub cases: u32,
    pub attachments: u32,
    pub latest: Option<String>,
}

fn reason_of(name: &str) -> BackupReason {
    if name.starts_with("daily-") {
        BackupReason::Daily
    } else if name.starts_with("before-bundle-") {
        BackupReason::BeforeBundle
    } else if name.starts_with("maskcheck-schema") {
        BackupReason::BeforeUpgrade
    } else if name.starts_with("before-encryption-") {
        BackupReason::BeforeEncryption
    } else if name.starts_with("replaced-") {
        BackupReason::Replaced
    } else {
        BackupReason::Manual
    }
}

fn holds(path: &Path, key: Option<&maskcheck_store::DbKey>) -> Option<BackupHolds> {
    let s = maskcheck_store::summarize(path, key)?;
    let n = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    Some(BackupHolds {
        schema: u32::try_from(s.schema).unwrap_or(0),
        enterprises: n(s.enterprises),
        inspections: n(s.inspections),
        documents: n(s.documents),
        samples: n(s.samples),
        cases: n(s.cases),
        attachments: n(s.attachments),
        latest: s.latest,
    })
}

/// A backup file and what it holds (an encrypted directory's backups are read with its key).
pub(crate) fn describe(path: &Path, key: Option<&maskcheck_store::DbKey>) -> Result<BackupDto> {
    let meta = std::fs::metadata(path).map_err(|e| AppError::io(path, e))?;
    let written: chrono::DateTime<chrono::Local> = meta.modified().map_err(|e| AppError::io(path, e))?.into();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(BackupDto {
        file: path.display().to_string(),
        bytes: meta.len(),
        written_at: written.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        reason: reason_of(&name),
        holds: holds(path, key),
    })
}

/// One day's copy at a time in this process. A window's copy, taken after it opened, and another opening's (an unlock
/// again, or encrypting the directory, which opens it first) never write the same file at once; and what follows an
/// opening finds the copy finished (encrypting seals every plain copy, so none may still be being written).
static DAILY_COPY: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The `.db` files of `dir` whose names start with `prefix`, oldest first (their names sort by date or time).
fn named(dir: &Path, prefix: &str) -> Result<Vec<PathBuf>> {
    let mut out: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| AppError::io(dir, e))? {
        let path = entry.map_err(|e| AppError::io(dir, e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with(prefix) && name.ends_with(".db") {
            let at = std::fs::metadata(&path).and_then(|m| m.modified()).map_err(|e| AppError::io(&path, e))?;
            out.push((at, path));
        }
    }
    out.sort();
    Ok(out.into_iter().map(|(_, p)| p).collect())
}

impl App {
    fn backups_dir(&self) -> PathBuf {
        self.data_dir().join("backups")
    }

    /// The backups, newest first, each with what it holds.
    pub fn backups(&self) -> Result<Vec<BackupDto>> {
        let dir = self.backups_dir();
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut out: Vec<BackupDto> =
            named(&dir, "")?.iter().map(|p| describe(p, self.vault().db_key())).collect::<Result<_>>()?;
        out.sort_by(|a, b| b.written_at.cmp(&a.written_at).then_with(|| b.file.cmp(&a.file)));
        Ok(out)
    }

    /// Once a day, a copy of the database (SQLite's online backup), the oldest beyond seven removed. Nothing is
    /// copied from a damaged database or from one not set up yet. The copy is read through a connection of its own,
    /// so the store goes on answering while it is written (a city's roster takes about a second).
    pub fn daily_backup(&self) -> Result<()> {
        let _one_at_a_time = DAILY_COPY.lock().unwrap_or_else(|p| p.into_inner());
        {
            let store = self.store();
            if store.damaged().is_some() || store.profile().ok().flatten().is_none() {
                return Ok(());
            }
        }
        let dir = self.backups_dir();
        let target = dir.join(format!("daily-{}.db", today().format("%Y-%m-%d")));
        if target.exists() {
            return Ok(());
        }
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io(&dir, e))?;
        let db = self.data_dir.join("maskcheck.db");
        self.write_backup_with(&target, |part| Ok(maskcheck_store::backup_file(&db, self.vault().db_key(), part)?))?;
        self.rotate()
    }

    /// Writes a copy beside `target` and renames it into place: a crash never leaves half a backup under its name.
    pub(crate) fn write_backup(&self, target: &Path) -> Result<()> {
        self.write_backup_with(target, |part| Ok(self.store().backup_to(part)?))
    }

    fn write_backup_with(&self, target: &Path, copy: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
        let part = target.with_extension("db.part");
        copy(&part)?;
        std::fs::rename(&part, target).map_err(|e| AppError::io(target, e))
    }

    /// Keeps the newest daily and before-import copies; upgrade copies are kept (they are rare and precious).
    pub(crate) fn rotate(&self) -> Result<()> {
        let dir = self.backups_dir();
        for (prefix, keep) in [("daily-", KEEP_DAILY), ("before-bundle-", KEEP_BEFORE_BUNDLE)] {
            let files = named(&dir, prefix)?;
            for old in files.iter().take(files.len().saturating_sub(keep)) {
                std::fs::remove_file(old).map_err(|e| AppError::io(old, e))?;
            }
        }
        Ok(())
    }

    /// Copies the database and the attachments it refers to into a new folder under `folder` (a USB stick), named
    /// by the unit and the time, and returns the database copy with what it holds.
    pub fn backup_to_folder(&self, folder: &Path) -> Result<BackupDto> {
        if self.store().damaged().is_some() {
            return Err(AppError::new(ErrorCode::DatabaseDamaged, "数据库已损坏，不能从它备份；请使用已有的备份"));
        }
        if !folder.is_dir() {
            return Err(AppError::new(ErrorCode::Io, format!("{} 不是可写入的文件夹", folder.display())));
        }
        let unit = self.profile().map(|p| p.unit_name).unwrap_or_default();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let dest = folder.join(format!("口罩检查备份-{unit}-{stamp}"));
        let files = dest.join("attachments");
        std::fs::create_dir_all(&files).map_err(|e| AppError::io(&files, e))?;
        let db = dest.join("maskcheck.db");
        self.write_backup(&db)?;
        let hashes = self.store().attachment_hashes()?;
        for hash in hashes {
            let src = self.attachment_path(&hash);
            if src.is_file() {
                let to = files.join(&hash);
                std::fs::copy(&src, &to).map_err(|e| AppError::io(&to, e))?;
            }
        }
        // The keyring goes along: an encrypted copy opens with the directory's passphrase and nothing else.
        let keyring = crate::keyring::path(self.data_dir());
        if keyring.is_file() {
            let to = dest.join(crate::keyring::KEYRING_FILE);
            std::fs::copy(&keyring, &to).map_err(|e| AppError::io(&to, e))?;
        }
        describe(&db, self.vault().db_key())
    }

    /// The copy taken before a plain directory is encrypted.
    pub(crate) fn backup_before_encryption(&self) -> Result<()> {
        let dir = self.backups_dir();
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io(&dir, e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        self.write_backup(&dir.join(format!("before-encryption-{stamp}.db")))
    }
}
