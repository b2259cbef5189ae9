//! Encryption at rest: unlocking a data directory with its passphrase, encrypting a plain one in place, changing
//! the passphrase, the idle lock, and recovery of a forgotten passphrase through the bureau.
//!
//! Encrypting a plain directory never risks its data: a backup is taken first; the encrypted copy of the database
//! is checked (integrity, and every table's row count against the plain database) before the keyring exists; a
//! marker file then says the directory is half-way, and every later open finishes it (swap in the checked copy,
//! seal each file through a checked `.sealing` copy renamed over the plain one, encrypt the backups the same way)
//! before the marker goes. A plain file is removed only when its sealed copy has been read back equal.

use std::path::{Path, PathBuf};

use maskcheck_domain::passphrase::check_new_passphrase;
use serde::Serialize;
use ts_rs::TS;

use crate::keyring::{self, Keyring, RecoveryFile, RecoveryParties, DEFAULT_IDLE_LOCK_MINUTES, RECOVERY_KIND};
use crate::vault::{is_sealed_file, Vault};
use crate::{App, AppError, ErrorCode, Result};

/// Present while a plain directory is being encrypted; its presence makes the next open finish the job.
const MARKER: &str = "encrypting";
/// The checked encrypted copy of the database, waiting to replace the plain one.
const ENCRYPTED_COPY: &str = "maskcheck.db.encrypted";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DirState {
    /// Nothing is there yet.
    New,
    /// A database in the clear.
    Plain,
    /// Encrypted: opens with its passphrase.
    Encrypted,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EncryptionDto {
    pub state: DirState,
    /// Minutes without input after which the window locks (encrypted directories only).
    pub idle_lock_minutes: Option<u32>,
    /// Whether the key is also sealed to a bureau, which can then recover a forgotten passphrase.
    pub recoverable: bool,
    /// The fingerprint (groups of four) of the bureau that can recover it.
    pub recovery_bureau: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EncryptReportDto {
    /// Tables and rows of the encrypted database checked against the plain one.
    pub tables_checked: u32,
    #[ts(type = "number")]
    pub rows_checked: u64,
    /// Files (photos, evidence, issued PDFs, device keys) and backups sealed.
    pub files_sealed: u32,
    pub backups_sealed: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveredDto {
    pub device_id: String,
    pub unit_name: String,
    pub person: String,
}

fn locked(data_dir: &Path) -> AppError {
    AppError::new(
        ErrorCode::Locked,
        format!(
            "数据目录 {} 已加密，需要口令：在窗口中输入，或设置 MASKCHECK_PASSPHRASE、使用 --passphrase-file",
            data_dir.display()
        ),
    )
}

/// The vault of `data_dir`: unlocked with `passphrase` when the directory has a keyring, plain when it has none. A
/// new directory (`create`, no database yet) given a passphrase gets a keyring, so its database is created
/// encrypted.
pub(crate) fn unlock(data_dir: &Path, passphrase: Option<&str>, create: bool) -> Result<Vault> {
    match Keyring::load(data_dir)? {
        Some(k) => {
            let p = passphrase.ok_or_else(|| locked(data_dir))?;
            let vault = Vault::sealed(k.unwrap(p)?);
            resume_swap(data_dir)?;
            Ok(vault)
        }
        None if create && !data_dir.join("maskcheck.db").exists() => match passphrase {
            Some(p) => {
                check_new_passphrase(p, p)?;
                let secret = age::x25519::Identity::generate();
                Keyring::new(&secret, p, DEFAULT_IDLE_LOCK_MINUTES)?.save(&keyring::path(data_dir))?;
                Ok(Vault::sealed(secret))
            }
            None => Ok(Vault::Plain),
        },
        None => Ok(Vault::Plain),
    }
}

/// An encryption cut short after its keyring was written: the checked encrypted copy replaces the plain database.
fn resume_swap(data_dir: &Path) -> Result<()> {
    let copy = data_dir.join(ENCRYPTED_COPY);
    if !data_dir.join(MARKER).exists() || !copy.is_file() {
        return Ok(());
    }
    let db = data_dir.join("maskcheck.db");
    for side in ["maskcheck.db-wal", "maskcheck.db-shm"] {
        remove_if_there(&data_dir.join(side))?;
    }
    std::fs::rename(&copy, &db).map_err(|e| AppError::io(&db, e))
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(AppError::io(path, e)),
        _ => Ok(()),
    }
}

/// Every file of the directory that is kept sealed in an encrypted directory.
fn kept_files(data_dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["attachments", "documents"] {
        walk(&data_dir.join(dir), &mut out);
    }
    // The device keys, and the keys a restore set aside (`device.key.replaced-…`).
    for e in std::fs::read_dir(data_dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_file() && e.file_name().to_string_lossy().starts_with("device.") {
            out.push(p);
        }
    }
    out
}

/// Seals every file still plain and encrypts every plain backup, each through a checked copy renamed over the
/// original; thumbnails and staged imports are removed (they are made again). Returns (files, backups) sealed.
fn seal_leftovers(data_dir: &Path, vault: &Vault) -> Result<(u32, u32)> {
    let Some(key) = vault.db_key() else { return Ok((0, 0)) };
    for gone in [data_dir.join("attachments/thumbs"), data_dir.join("staging")] {
        if gone.is_dir() {
            std::fs::remove_dir_all(&gone).map_err(|e| AppError::io(&gone, e))?;
        }
    }
    let mut files = 0;
    for f in kept_files(data_dir) {
        let name = f.to_string_lossy();
        if name.ends_with(".part") || name.ends_with(".sealing") {
            remove_if_there(&f)?;
            continue;
        }
        if is_sealed_file(&f).map_err(|e| AppError::io(&f, e))? {
            continue;
        }
        let plain = std::fs::read(&f).map_err(|e| AppError::io(&f, e))?;
        let sealing = f.with_extension("sealing");
        std::fs::write(&sealing, vault.seal(&plain).map_err(|e| AppError::io(&f, e))?)
            .map_err(|e| AppError::io(&sealing, e))?;
        let back = vault.read(&sealing).map_err(|e| AppError::io(&sealing, e))?;
        if back != plain {
            return Err(AppError::new(ErrorCode::Storage, format!("{} 加密后读回不一致，未删除明文", f.display())));
        }
        std::fs::rename(&sealing, &f).map_err(|e| AppError::io(&f, e))?;
        files += 1;
    }
    let mut backups = 0;
    let dir = data_dir.join("backups");
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let p = e.path();
        let is_db = p.extension().is_some_and(|x| x == "db");
        if !is_db || !maskcheck_store::is_plain_database(&p) {
            continue;
        }
        let sealing = p.with_extension("db.sealing");
        remove_if_there(&sealing)?;
        maskcheck_store::encrypt_file(&p, &sealing, key)?;
        std::fs::rename(&sealing, &p).map_err(|e| AppError::io(&p, e))?;
        backups += 1;
    }
    Ok((files, backups))
}

impl App {
    /// What a data directory is, read without opening it: nothing yet, plain or encrypted.
    pub fn dir_state(data_dir: &Path) -> DirState {
        if keyring::path(data_dir).is_file() {
            DirState::Encrypted
        } else if data_dir.join("maskcheck.db").is_file() {
            DirState::Plain
        } else {
            DirState::New
        }
    }

    /// The encryption of a data directory, readable while it is locked (the unlock screen shows the idle lock and
    /// whether the bureau can recover the passphrase).
    pub fn encryption_of(data_dir: &Path) -> Result<EncryptionDto> {
        let state = App::dir_state(data_dir);
        let k = Keyring::load(data_dir)?;
        let recovery = k.as_ref().and_then(|k| k.recovery.as_ref());
        Ok(EncryptionDto {
            state,
            idle_lock_minutes: k.as_ref().map(|k| k.idle_lock_minutes),
            recoverable: recovery.is_some(),
            recovery_bureau: recovery.map(|r| maskcheck_sync::card::fingerprint_groups(&r.bureau_fingerprint)),
        })
    }

    pub fn encryption(&self) -> Result<EncryptionDto> {
        App::encryption_of(self.data_dir())
    }

    pub(crate) fn vault(&self) -> &Vault {
        &self.vault
    }

    /// Encrypts a plain data directory in place (no `App` of it may be open): see the module's comment for the
    /// order that never loses data. Returns what was checked and sealed.
    pub fn encrypt_data_dir(data_dir: &Path, passphrase: &str, confirm: &str) -> Result<EncryptReportDto> {
        check_new_passphrase(passphrase, confirm)?;
        if Keyring::load(data_dir)?.is_some() {
            return Err(AppError::new(ErrorCode::AlreadyEncrypted, "此数据目录已加密"));
        }
        let plain = App::open_existing(data_dir)?;
        if plain.store().damaged().is_some() {
            return Err(AppError::new(ErrorCode::DatabaseDamaged, "数据库已损坏，不能加密；请先从备份恢复"));
        }
        plain.backup_before_encryption()?;
        let secret = age::x25519::Identity::generate();
        let keyring = Keyring::new(&secret, passphrase, DEFAULT_IDLE_LOCK_MINUTES)?;
        let vault = Vault::sealed(secret);
        let copy = data_dir.join(ENCRYPTED_COPY);
        remove_if_there(&copy)?;
        let counts = {
            let store = plain.store();
            store.copy_to(&copy, vault.db_key())?;
            maskcheck_store::verify_copy(&store, &copy, vault.db_key())?
        };
        let marker = data_dir.join(MARKER);
        std::fs::write(&marker, b"").map_err(|e| AppError::io(&marker, e))?;
        keyring.save(&keyring::path(data_dir))?;
        // The plain connection closes (checkpointing its journal) before the checked copy takes its place.
        drop(plain);
        resume_swap(data_dir)?;
        let (files_sealed, backups_sealed) = seal_leftovers(data_dir, &vault)?;
        remove_if_there(&marker)?;
        // Opened once with the passphrase: it works, and a pinned bureau gets the recovery wrapping.
        drop(App::open_existing_with(data_dir, Some(passphrase))?);
        Ok(EncryptReportDto {
            tables_checked: counts.len() as u32,
            rows_checked: counts.iter().map(|(_, n)| *n as u64).sum(),
            files_sealed,
            backups_sealed,
        })
    }

    /// Finishes an encryption cut short (the marker is still there): called on every open.
    pub(crate) fn finish_encrypting(&self) -> Result<()> {
        let marker = self.data_dir().join(MARKER);
        if !marker.exists() || !self.vault.is_sealed() {
            return Ok(());
        }
        seal_leftovers(self.data_dir(), &self.vault)?;
        remove_if_there(&marker)
    }

    /// A new passphrase for an encrypted directory; the old one must be given (and be right).
    pub fn change_passphrase(&self, old: &str, new: &str, confirm: &str) -> Result<()> {
        check_new_passphrase(new, confirm)?;
        let k = Keyring::load(self.data_dir())?.ok_or_else(not_encrypted)?;
        let secret = k.unwrap(old)?;
        k.rewrap(&secret, new)?.save(&keyring::path(self.data_dir()))
    }

    /// How many minutes without input lock the window (1–240).
    pub fn set_idle_lock(&self, minutes: u32) -> Result<EncryptionDto> {
        if !(1..=240).contains(&minutes) {
            return Err(AppError::field(maskcheck_domain::FieldError::new(
                maskcheck_domain::Field::IdleLockMinutes,
                maskcheck_domain::Rule::OutOfRange,
                "1–240",
            )));
        }
        let mut k = Keyring::load(self.data_dir())?.ok_or_else(not_encrypted)?;
        k.idle_lock_minutes = minutes;
        k.save(&keyring::path(self.data_dir()))?;
        self.encryption()
    }

    /// Seals the master secret to the pinned bureau (once, and again if the bureau changed): from then on the
    /// bureau can recover a forgotten passphrase. Nothing to do for a plain directory or before a bureau is pinned.
    pub(crate) fn seal_recovery_to_bureau(&self) -> Result<()> {
        let Some(secret) = self.vault.identity() else { return Ok(()) };
        let Some(bureau) = self.store().peers()?.into_iter().find(|p| p.trust == "bureau") else { return Ok(()) };
        let Some(mut k) = Keyring::load(self.data_dir())? else { return Ok(()) };
        if k.recovery.as_ref().is_some_and(|r| r.bureau_device == bureau.device_id) {
            return Ok(());
        }
        let card = crate::sync_devices::peer_card(&bureau)?;
        let recipient = card.card.recipient().map_err(crate::sync_devices::card_error)?;
        let profile = self.store().profile()?.ok_or_else(crate::setup::not_set_up)?;
        let who = RecoveryParties {
            device_id: &profile.device_id,
            unit_name: &profile.input.unit_name,
            person: &profile.input.inspector_name,
            bureau_device: &bureau.device_id,
            bureau_fingerprint: &bureau.fingerprint,
        };
        k.recovery = Some(RecoveryFile::seal(secret, &recipient, who)?);
        k.save(&keyring::path(self.data_dir()))
    }

    /// Writes the recovery file of a (locked) data directory to `out`, for its bureau to open.
    pub fn write_recovery_file(data_dir: &Path, out: &Path) -> Result<RecoveredDto> {
        let k = Keyring::load(data_dir)?.ok_or_else(not_encrypted)?;
        let r = k.recovery.ok_or_else(|| {
            AppError::new(
                ErrorCode::RecoveryRefused,
                "此数据目录尚无局端恢复密钥：导入过局里发来的同步包（确认局端指纹）后才有；忘记口令时无法恢复",
            )
        })?;
        let json = serde_json::to_vec_pretty(&r).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        std::fs::write(out, json).map_err(|e| AppError::io(out, e))?;
        Ok(RecoveredDto { device_id: r.device_id, unit_name: r.unit_name, person: r.person })
    }

    /// On the bureau: opens a laptop's recovery file with this bureau's key and writes, at `out`, a new keyring
    /// for that laptop under `passphrase` (to be read to the inspector, who changes it after unlocking).
    pub fn recover_passphrase(
        &self,
        request: &Path,
        passphrase: &str,
        confirm: &str,
        out: &Path,
    ) -> Result<RecoveredDto> {
        check_new_passphrase(passphrase, confirm)?;
        let bytes = crate::documents::read_stored_file(request, 1 << 20)?;
        let file: RecoveryFile = serde_json::from_slice(&bytes)
            .ok()
            .filter(|f: &RecoveryFile| f.kind == RECOVERY_KIND)
            .ok_or_else(|| {
                AppError::new(ErrorCode::UnreadableFile, format!("{} 不是口罩检查的恢复文件", request.display()))
                    .about(request.display().to_string())
            })?;
        // Only the key decides: the bureau's age key opens the file, any other device's (the laptop's own
        // included) does not.
        let me = self.device_id()?;
        let secret = file.open(&self.age_identity()?).map_err(|_| {
            AppError::new(
                ErrorCode::RecoveryRefused,
                format!("此恢复文件只能由局端设备 {} 打开，本设备（{me}）的密钥打不开", file.bureau_device),
            )
        })?;
        let mut k = Keyring::new(&secret, passphrase, DEFAULT_IDLE_LOCK_MINUTES)?;
        k.recovery = Some(file.clone());
        k.save(out)?;
        Ok(RecoveredDto { device_id: file.device_id, unit_name: file.unit_name, person: file.person })
    }

    /// On the laptop: installs the keyring the bureau made, once `passphrase` opens it and its key opens this
    /// directory's database. The old keyring is replaced; nothing else changes.
    pub fn install_recovered_keyring(data_dir: &Path, file: &Path, passphrase: &str) -> Result<()> {
        let bytes = crate::documents::read_stored_file(file, 1 << 20)?;
        let k: Keyring = serde_json::from_slice(&bytes).map_err(|_| {
            AppError::new(ErrorCode::UnreadableFile, format!("{} 不是局端生成的密钥文件", file.display()))
        })?;
        let vault = Vault::sealed(k.unwrap(passphrase)?);
        let db = data_dir.join("maskcheck.db");
        if let Some(key) = vault.db_key() {
            maskcheck_store::check_key(&db, key).map_err(|_| {
                AppError::new(ErrorCode::RecoveryRefused, "此密钥文件不属于本数据目录（打不开它的数据库），未作改动")
            })?;
        }
        k.save(&keyring::path(data_dir))
    }
}

fn not_encrypted() -> AppError {
    AppError::new(ErrorCode::NotEncrypted, "此数据目录未加密")
}

/// What the window shows at start and after a lock: whether the data directory is open in this process, and its
/// encryption.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionDto {
    /// Encrypted and not (or no longer) unlocked: the unlock screen.
    pub locked: bool,
    pub encryption: EncryptionDto,
    pub data_dir: String,
}

impl App {
    /// The window's first run: the profile and the passphrase are checked before anything is created, then the
    /// data directory is created (encrypted with the passphrase; plain when none is given, which the window only
    /// sends when the inspector ticked "do not encrypt") and set up.
    pub fn create_data_dir(
        data_dir: &Path,
        input: maskcheck_domain::ProfileInput,
        passphrase: Option<&str>,
        confirm: Option<&str>,
    ) -> Result<(App, crate::ProfileDto)> {
        let mut errors = Vec::new();
        if let Err(e) = maskcheck_domain::validate_profile(&input) {
            errors.extend(e.0);
        }
        if let Some(p) = passphrase {
            if let Err(e) = check_new_passphrase(p, confirm.unwrap_or_default()) {
                errors.extend(e.0);
            }
        }
        if !errors.is_empty() {
            return Err(maskcheck_domain::ValidationErrors(errors).into());
        }
        if App::dir_state(data_dir) != DirState::New {
            return Err(AppError::new(ErrorCode::AlreadySetUp, "此数据目录已有数据"));
        }
        let creating = crate::new_dir::Creation::begin(data_dir);
        // On an error the app is dropped (its database closed) before what was created is removed.
        let made = App::open_with(data_dir, passphrase).and_then(|app| {
            let profile = app.setup(input)?;
            Ok((app, profile))
        });
        creating.undo_if_failed(&made);
        made
    }
}
