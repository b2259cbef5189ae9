//! Going back to a backup. The chosen copy must itself be sound; the current database (damaged or not) is set aside
//! under `backups/replaced-…`, never deleted; the copy takes its place and is migrated if older. The restored
//! database then takes a new device identity (key pair, device id, site id): the bureau has already received bundles
//! and change numbers from the old identity that the restored copy does not know about, and reusing them would make
//! it refuse new bundles as replays or skip changes it believes it has. The bureau enrols the new identity card
//! like a new laptop; the old device id can be revoked there.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::{App, AppError, BackupDto, ErrorCode, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreDto {
    /// The copy now in use, with what it holds.
    pub restored: BackupDto,
    /// Where the database it replaced was set aside.
    pub replaced: String,
    pub old_device_id: String,
    pub new_device_id: String,
}

fn move_aside(from: &Path, to: &Path) -> Result<()> {
    if from.exists() {
        std::fs::rename(from, to).map_err(|e| AppError::io(from, e))?;
    }
    Ok(())
}

impl App {
    /// Restores the backup at `file` (one listed by `backups`, or a copy made to a folder).
    pub fn restore_backup(&self, file: &Path) -> Result<RestoreDto> {
        // A plain backup (from before this directory was encrypted) is read as it is and encrypted when staged.
        let key = self.vault().db_key();
        let plain_backup = maskcheck_store::is_plain_database(file);
        let read_key = if plain_backup { None } else { key };
        let problems = maskcheck_store::quick_check(file, read_key);
        if !problems.is_empty() {
            return Err(AppError::new(
                ErrorCode::Validation,
                format!("备份 {} 也无法通过完整性检查（{}），不能用于恢复", file.display(), problems.join("；")),
            )
            .about(file.display().to_string()));
        }
        let holds = maskcheck_store::summarize(file, read_key)
            .ok_or_else(|| AppError::new(ErrorCode::UnreadableFile, format!("{} 不是数据库备份", file.display())))?;
        if holds.schema > maskcheck_store::LATEST_SCHEMA {
            return Err(AppError::new(
                ErrorCode::DatabaseTooNew,
                format!("备份 {} 由更新版本的程序写入（数据库版本 {}），请先升级程序", file.display(), holds.schema),
            ));
        }
        let old_device_id = self.device_id().unwrap_or_default();
        let dir = self.data_dir().to_path_buf();
        let db = dir.join("maskcheck.db");
        let backups = dir.join("backups");
        std::fs::create_dir_all(&backups).map_err(|e| AppError::io(&backups, e))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        let replaced: PathBuf = backups.join(format!("replaced-{stamp}.db"));
        // The copy is staged first, so a failure before the swap leaves everything as it was.
        let staged = dir.join("maskcheck.db.restoring");
        match key {
            Some(key) if plain_backup => {
                let _ = std::fs::remove_file(&staged);
                maskcheck_store::encrypt_file(file, &staged, key)?;
            }
            _ => {
                std::fs::copy(file, &staged).map_err(|e| AppError::io(&staged, e))?;
            }
        }

        let mut store = self.store();
        // Close the current database before its files move (a sound one checkpoints its log on close).
        drop(std::mem::replace(&mut *store, maskcheck_store::Store::open_in_memory()?));
        move_aside(&db, &replaced)?;
        for ext in ["db-wal", "db-shm"] {
            move_aside(&dir.join(format!("maskcheck.{ext}")), &replaced.with_extension(ext))?;
        }
        std::fs::rename(&staged, &db).map_err(|e| AppError::io(&db, e))?;
        for key in ["device.key", "device.age"] {
            move_aside(&dir.join(key), &dir.join(format!("{key}.replaced-{stamp}")))?;
        }
        let device = crate::device::create(&dir, self.vault())?;
        let mut restored = maskcheck_store::Store::open(&db, &backups, key)?;
        let site = uuid::Uuid::now_v7().to_string();
        restored.write(|tx| tx.take_new_identity(&device.device_id, &device.public_key_hex, &site))?;
        *store = restored;
        drop(store);
        Ok(RestoreDto {
            restored: crate::backups::describe(&db, key)?,
            replaced: replaced.display().to_string(),
            old_device_id,
            new_device_id: device.device_id,
        })
    }
}
