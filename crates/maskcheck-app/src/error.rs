//! The error every use case returns. `code` is closed (the UI turns it into an i18n key), `message` is a Chinese
//! sentence for logs, the CLI and the Chinese window, `fields` names each field and the rule it broke, `entity`
//! the kind of record concerned and `subject` the file or record id: the English window builds its sentence
//! from these alone, so no Chinese text from Rust reaches it.

use std::path::Path;

use maskcheck_domain::{Entity, FieldError, ValidationErrors};
use maskcheck_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Input broke one or more rules; see `fields`. Nothing was written.
    Validation,
    /// The record asked for does not exist.
    NotFound,
    /// The data directory holds no maskcheck data (mistyped, or a file): nothing was created.
    NoData,
    /// The first-run setup has not been done yet.
    NotSetUp,
    /// Setup was already done for this data directory.
    AlreadySetUp,
    /// The database was written by a newer version of maskcheck; it was left untouched.
    DatabaseTooNew,
    /// The database has an older schema and was opened read-only, so it could not be upgraded.
    NeedsUpgrade,
    /// A file could not be read or written.
    Io,
    /// A file is not a spreadsheet this app can read (encrypted, corrupt, wrong format, no roster header).
    UnreadableFile,
    /// A file is larger than anything real (a zip bomb, a sheet that claims a million columns): refused
    /// while reading, before it could exhaust memory.
    FileTooLarge,
    /// The bureau's legal-basis catalogue in the data directory lacks a provision the rules cite, or cannot be
    /// parsed: it is refused (never partly used), and no document is issued until it is fixed.
    CatalogueRefused,
    /// A sync bundle or identity card was refused (not for this device, not signed by an enrolled device, revoked,
    /// replayed, from a newer version, or a bureau key not yet confirmed): nothing was written.
    BundleRefused,
    /// The first bureau bundle on a laptop: its fingerprint (`subject`, in groups of four) must be confirmed with
    /// the bureau before the bureau's key is pinned. Nothing was written.
    BureauUnconfirmed,
    /// A bureau's task (adding up its units' tables) asked of an inspector's laptop; nothing was done.
    BureauOnly,
    /// The database file failed its integrity check: it was opened read-only and nothing was written.
    DatabaseDamaged,
    /// The user cancelled a long task; nothing was written.
    Cancelled,
    /// The data directory is encrypted and locked: its passphrase is needed (the window's unlock screen,
    /// `MASKCHECK_PASSPHRASE` or `--passphrase-file`). Nothing was opened.
    Locked,
    /// The passphrase does not open this data directory; nothing was opened or changed.
    WrongPassphrase,
    /// Encrypting a data directory that is encrypted already; nothing was done.
    AlreadyEncrypted,
    /// An encryption setting (idle lock, passphrase change) asked of a plain data directory.
    NotEncrypted,
    /// A recovery file this device's key cannot open (it belongs to another bureau, or it is the laptop's own).
    RecoveryRefused,
    /// The database failed.
    Storage,
}

#[derive(Debug, Clone, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// The kind of record a not-found or frozen error is about.
    pub entity: Option<Entity>,
    /// What the error is about, as data in no language: a file path or a record id.
    pub subject: Option<String>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), fields: Vec::new(), entity: None, subject: None }
    }

    /// The same error, naming the file or record it is about.
    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    pub fn io(path: &Path, e: std::io::Error) -> Self {
        Self::new(ErrorCode::Io, format!("无法读写 {}：{e}", path.display())).about(path.display().to_string())
    }

    pub fn field(e: FieldError) -> Self {
        ValidationErrors(vec![e]).into()
    }
}

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        Self { code: ErrorCode::Validation, message: e.to_string(), fields: e.0, entity: None, subject: None }
    }
}

impl From<maskcheck_sheets::SheetError> for AppError {
    fn from(e: maskcheck_sheets::SheetError) -> Self {
        let code = match &e {
            maskcheck_sheets::SheetError::Write { .. } => ErrorCode::Io,
            maskcheck_sheets::SheetError::TooLarge { .. } => ErrorCode::FileTooLarge,
            _ => ErrorCode::UnreadableFile,
        };
        let path = e.path().map(|p| p.display().to_string());
        Self { subject: path, ..Self::new(code, e.to_string()) }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::TooNew { .. } => ErrorCode::DatabaseTooNew,
            StoreError::Damaged(_) => ErrorCode::DatabaseDamaged,
            StoreError::NotFound { entity, id } => {
                return Self {
                    entity: Some(*entity),
                    subject: Some(id.clone()),
                    ..Self::new(ErrorCode::NotFound, e.to_string())
                };
            }
            // A frozen record is refused input: say so on the field the window shows it on.
            StoreError::Frozen(frozen) => {
                let f = FieldError::new(maskcheck_domain::Field::Findings, maskcheck_domain::Rule::Frozen, "");
                return Self {
                    code: ErrorCode::Validation,
                    message: e.to_string(),
                    fields: vec![f],
                    entity: Some(frozen.entity()),
                    subject: None,
                };
            }
            StoreError::Backup(_) => ErrorCode::Io,
            StoreError::WrongKey => ErrorCode::WrongPassphrase,
            StoreError::NeedsMigration { .. } => ErrorCode::NeedsUpgrade,
            // A page SQLite finds malformed while reading (recognised by SQLite's result code, never its text):
            // the file is damaged, whatever the integrity check at start saw.
            StoreError::Sqlite(s) if e.is_damage() => {
                return Self::new(
                    ErrorCode::DatabaseDamaged,
                    format!("数据库文件已损坏（{s}），未写入任何内容；请在“设置 → 数据”中查看备份并恢复"),
                );
            }
            StoreError::Corrupt(_) | StoreError::Sqlite(_) => ErrorCode::Storage,
        };
        Self::new(code, e.to_string())
    }
}
