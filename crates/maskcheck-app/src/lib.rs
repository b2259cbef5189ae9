//! The one API of maskcheck. Each public method of [`App`] is a use case; the desktop shell and the CLI call these
//! and nothing else. Inputs and outputs are DTOs exported to TypeScript (see `bindings`); failures are
//! [`AppError`] with a closed [`ErrorCode`].

pub mod background;
mod backups;
pub mod bindings;
mod campaign;
mod casework;
mod catalogue;
mod charts;
mod demo;
mod device;
mod documents;
mod dto;
mod encryption;
mod error;
mod export;
mod failed_chain;
mod followup;
mod import;
mod import_read;
mod inspection;
mod keyring;
mod measures;
mod new_dir;
mod paths;
mod photos;
mod publicity;
mod restore;
mod rollup;
mod roster;
mod setup;
mod spool_file;
mod spot_checks;
mod stats;
mod sync_bundles;
mod sync_devices;
mod sync_export;
mod sync_import;
mod sync_numbers;
mod sync_review;
mod vault;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use maskcheck_store::Store;

pub use backups::{BackupDto, BackupHolds, BackupReason};
pub use campaign::{CampaignBoardDto, Evidence, EvidenceKind, TaskRowDto, TaskStatusInput};
pub use casework::{CaseDto, SampleDto};
pub use catalogue::{CatalogueInfoDto, CatalogueSource, TemplateInUse};
pub use charts::{AreaCount, ChartsDto, UnitCoverage, UnitRectifications};
pub use demo::{bureau_person, demo_profile, DemoSummary};
pub use documents::{
    DocPreviewDto, DocSettings, DocSourceDto, DocumentDto, IssueRequest, IssuedDto, MeasureDefaults, NoticeDefaults,
    PreviewPage, PreviewRule, PreviewText, ServiceInput,
};
pub use dto::*;
pub use encryption::{DirState, EncryptReportDto, EncryptionDto, RecoveredDto, SessionDto};
pub use error::{AppError, ErrorCode};
pub use export::ExportResultDto;
pub use failed_chain::ChainFollowupDto;
pub use followup::{FollowupDto, ReinspectionResultDto};
pub use import::{ImportOptions, ImportPreviewDto, ImportResultDto};
pub use inspection::{InspectionDto, InspectionRowDto, TemplateSummary};
pub use maskcheck_sheets::appendix_book::appendix4_row_label;
pub use maskcheck_store::DocumentFilter;
pub use measures::{MeasureDto, MeasureFollowDefaults};
pub use paths::resolve_data_dir;
pub use photos::PhotoDto;
pub use restore::RestoreDto;
pub use rollup::{FiguresSource, RollupDto, SentCellErrorDto, SentReportPreviewDto, UnitFiguresDto};
pub use spot_checks::{DrawPreviewDto, DrawRequest, DrawVerificationDto, SpotCheckDto, SpotPlanDto};
pub use stats::AppendixChoice;
pub use sync_bundles::{
    quiet, BundleExportDto, BundleHeaderDto, BundleImportDto, SyncProgress, SyncProgressDto, SyncStage,
};
pub use sync_devices::DeviceDto;
pub use sync_numbers::AssignedBlockDto;
pub use sync_review::{BundleLogDto, ConflictDto, QuarantineDto, SyncStatusDto};

pub type Result<T> = std::result::Result<T, AppError>;

/// An open data directory: the database, the device key, attachments and backups.
pub struct App {
    store: Mutex<Store>,
    data_dir: PathBuf,
    /// How the directory's files are kept: plain, or sealed with the key its passphrase unlocked.
    vault: vault::Vault,
    /// Set by [`App::cancel`]; long tasks check it and roll back.
    cancel: std::sync::atomic::AtomicBool,
    /// Whether this opening is the unlocked session, whose end removes the decrypted PDFs handed to the viewer;
    /// not the read-only opening that answers a window's first reads beside it.
    holds_session: bool,
}

impl App {
    /// Opens (creating when new) a plain data directory and its database; an encrypted one is `Locked`.
    pub fn open(data_dir: &Path) -> Result<App> {
        App::open_with(data_dir, None)
    }

    /// Opens (creating when new) the data directory. An encrypted directory needs its passphrase; a new directory
    /// given a passphrase is created encrypted, one given none is created plain.
    pub fn open_with(data_dir: &Path, passphrase: Option<&str>) -> Result<App> {
        let creating = new_dir::Creation::begin(data_dir);
        let opened = (|| {
            std::fs::create_dir_all(data_dir).map_err(|e| AppError::io(data_dir, e))?;
            let vault = encryption::unlock(data_dir, passphrase, true)?;
            let store = open_checked(&data_dir.join("maskcheck.db"), &data_dir.join("backups"), vault.db_key())?;
            App::opened(data_dir, store, vault, DailyBackup::Now)
        })();
        creating.undo_if_failed(&opened);
        opened
    }

    /// Opens a plain data directory that must already hold maskcheck's data.
    pub fn open_existing(data_dir: &Path) -> Result<App> {
        App::open_existing_with(data_dir, None)
    }

    /// Opens a data directory that must already hold maskcheck's data (every command but `init` and `demo`): a
    /// mistyped `--data-dir` says so instead of creating an empty store.
    pub fn open_existing_with(data_dir: &Path, passphrase: Option<&str>) -> Result<App> {
        Unlocked::new(data_dir, passphrase)?.open_with(DailyBackup::Now)
    }

    /// A window's opening of an existing directory (at start, or at the unlock screen), in two steps: the key is
    /// unlocked (a plain directory needs none; a wrong passphrase opens nothing and changes nothing) and the
    /// directory opens read-only at once, to answer the page's first reads; then [`Unlocked::open`] checks it and
    /// opens it for writing, leaving the day's backup to the caller. The read-only opening is `None` where it
    /// cannot be made (an older schema, which only the full opening migrates).
    pub fn unlock_for_window(data_dir: &Path, passphrase: Option<&str>) -> Result<(Option<App>, Unlocked)> {
        let unlocked = Unlocked::new(data_dir, passphrase)?;
        let reader = Store::open_read_only(&unlocked.db, unlocked.vault.db_key())
            .ok()
            .map(|store| App::holding(data_dir, store, unlocked.vault.duplicate(), false));
        Ok((reader, unlocked))
    }

    /// `holds_session`: see the field.
    fn holding(data_dir: &Path, store: Store, vault: vault::Vault, holds_session: bool) -> App {
        App {
            store: Mutex::new(store),
            data_dir: data_dir.to_path_buf(),
            vault,
            cancel: Default::default(),
            holds_session,
        }
    }

    fn opened(data_dir: &Path, store: Store, vault: vault::Vault, backup: DailyBackup) -> Result<App> {
        let app = App::holding(data_dir, store, vault, true);
        app.finish_encrypting()?;
        let damaged = app.store().damaged().is_some();
        if !damaged {
            app.seal_recovery_to_bureau()?;
        }
        if backup == DailyBackup::Now {
            app.daily_backup()?;
        }
        Ok(app)
    }

    /// Opens an existing plain data directory for reading only.
    pub fn open_read_only(data_dir: &Path) -> Result<App> {
        App::open_read_only_with(data_dir, None)
    }

    /// Opens an existing data directory for reading only: nothing is created or written, so lists and exports
    /// work on a read-only directory.
    pub fn open_read_only_with(data_dir: &Path, passphrase: Option<&str>) -> Result<App> {
        let db = existing_db(data_dir)?;
        let vault = encryption::unlock(data_dir, passphrase, false)?;
        let store = Store::open_read_only(&db, vault.db_key())?;
        Ok(App::holding(data_dir, store, vault, true))
    }

    /// The database schema this build writes (bundle headers carry it).
    pub fn schema_version() -> i64 {
        maskcheck_store::LATEST_SCHEMA
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Asks the running long task (an import) to stop; it rolls back and returns `Cancelled`.
    pub fn cancel(&self) {
        self.cancel.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll back), so a
        // poisoned lock is safe to reuse.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for App {
    /// The decrypted PDFs handed to the system's viewer go with the unlocked session (a viewer that has one open
    /// keeps reading it: the name goes, not the open file).
    fn drop(&mut self) {
        if self.vault.is_sealed() && self.holds_session {
            let _ = std::fs::remove_dir_all(documents::view_dir());
        }
    }
}

/// A data directory whose key is unlocked (or that needs none), not yet opened for writing.
pub struct Unlocked {
    data_dir: PathBuf,
    db: PathBuf,
    vault: vault::Vault,
}

impl Unlocked {
    fn new(data_dir: &Path, passphrase: Option<&str>) -> Result<Unlocked> {
        let db = existing_db(data_dir)?;
        let vault = encryption::unlock(data_dir, passphrase, false)?;
        Ok(Unlocked { data_dir: data_dir.to_path_buf(), db, vault })
    }

    /// Checks the database (`PRAGMA quick_check`) and opens it for writing, or read-only when damaged; the day's
    /// backup is left to the caller ([`App::daily_backup`]).
    pub fn open(self) -> Result<App> {
        self.open_with(DailyBackup::Later)
    }

    fn open_with(self, backup: DailyBackup) -> Result<App> {
        let store = open_checked(&self.db, &self.data_dir.join("backups"), self.vault.db_key())?;
        App::opened(&self.data_dir, store, self.vault, backup)
    }
}

/// When an opening writes the day's backup: before it returns (the CLI, every other caller), or when its caller
/// asks, after the window has answered its first commands (the backup reads through a connection of its own).
#[derive(Clone, Copy, PartialEq, Eq)]
enum DailyBackup {
    Now,
    Later,
}

/// Opens the database for writing only when `PRAGMA quick_check` finds it sound; a damaged file is opened read-only
/// (never migrated, never written) so the window can show what it still holds and offer the backups.
fn open_checked(db: &Path, backups: &Path, key: Option<&maskcheck_store::DbKey>) -> Result<Store> {
    if db.is_file() {
        let problems = maskcheck_store::quick_check(db, key);
        if !problems.is_empty() {
            return Ok(Store::open_damaged(db, problems, key)?);
        }
    }
    Ok(Store::open(db, backups, key)?)
}

fn existing_db(data_dir: &Path) -> Result<std::path::PathBuf> {
    let shown = data_dir.display();
    if data_dir.is_file() {
        return Err(AppError::new(
            ErrorCode::NoData,
            format!("数据目录 {shown} 是一个文件，不是目录；请检查 --data-dir"),
        ));
    }
    let db = data_dir.join("maskcheck.db");
    if !db.is_file() {
        return Err(AppError::new(
            ErrorCode::NoData,
            format!("数据目录 {shown} 中没有 maskcheck 的数据；请检查 --data-dir 是否写错，或先运行 maskcheck init"),
        ));
    }
    Ok(db)
}

/// Wall-clock milliseconds, for the hybrid logical clock.
pub(crate) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The local date: licence expiry and deadlines are judged by the inspector's calendar day.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

pub(crate) fn now_text() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string()
}
