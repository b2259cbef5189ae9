//! The copies of the database kept in the data directory's `backups/` (before a schema migration, before a bundle
//! import), listed for the 设置 page so an inspector or clerk can see what there is to go back to.

use serde::Serialize;
use ts_rs::TS;

use crate::{App, AppError, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupDto {
    pub file: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// When it was written, in this computer's local time with its offset.
    pub written_at: String,
}

impl App {
    /// The backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupDto>> {
        let dir = self.data_dir().join("backups");
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(|e| AppError::io(&dir, e))? {
            let path = entry.map_err(|e| AppError::io(&dir, e))?.path();
            if path.extension().is_none_or(|x| x != "db") {
                continue;
            }
            let meta = std::fs::metadata(&path).map_err(|e| AppError::io(&path, e))?;
            let written: chrono::DateTime<chrono::Local> = meta.modified().map_err(|e| AppError::io(&path, e))?.into();
            out.push(BackupDto {
                file: path.display().to_string(),
                bytes: meta.len(),
                written_at: written.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            });
        }
        out.sort_by(|a, b| b.written_at.cmp(&a.written_at).then_with(|| b.file.cmp(&a.file)));
        Ok(out)
    }
}
