//! Photos attached to inspections: stored once by SHA-256 under `attachments/` in the data directory (originals
//! kept, sealed in an encrypted directory), thumbnails made on demand and cached under `attachments/thumbs/`, sent
//! to the window as data URLs so it needs no file-system permission.

use maskcheck_domain::Entity;
use std::path::{Path, PathBuf};

use base64::Engine;
use maskcheck_store::{AttachmentRecord, StoreError};
use serde::Serialize;
use ts_rs::TS;

use crate::roster::new_meta;
use crate::{now_text, App, AppError, ErrorCode, Result};

const THUMB_PX: u32 = 320;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoDto {
    pub id: String,
    /// What it shows: an item key, `intake:<row>`, `label:<row>`, `licence:<id>`.
    pub target: String,
    pub caption: String,
    pub hash: String,
    pub original_name: String,
    pub size: u32,
    /// A small JPEG as a data URL.
    pub thumbnail: String,
}

fn mime_of(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else {
        None
    }
}

impl App {
    pub(crate) fn attachment_path(&self, hash: &str) -> PathBuf {
        self.data_dir().join("attachments").join(&hash[..2]).join(hash)
    }

    fn thumbnail(&self, hash: &str) -> Result<String> {
        let cached = self.data_dir().join("attachments/thumbs").join(format!("{hash}.jpg"));
        let bytes = match self.vault().read(&cached) {
            Ok(b) => b,
            Err(_) => {
                let original = self.attachment_path(hash);
                let bytes = self.vault().read(&original).map_err(|e| AppError::io(&original, e))?;
                // Originals are named by their hash, without extension: the format comes from the bytes.
                let img = image::load_from_memory(&bytes).map_err(|e| {
                    AppError::new(ErrorCode::UnreadableFile, format!("无法读取照片 {}：{e}", original.display()))
                })?;
                let thumb = img.thumbnail(THUMB_PX, THUMB_PX).into_rgb8();
                let mut out = std::io::Cursor::new(Vec::new());
                thumb
                    .write_to(&mut out, image::ImageFormat::Jpeg)
                    .map_err(|e| AppError::new(ErrorCode::Io, format!("无法生成缩略图：{e}")))?;
                if let Some(dir) = cached.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| AppError::io(dir, e))?;
                }
                self.vault().write(&cached, out.get_ref()).map_err(|e| AppError::io(&cached, e))?;
                out.into_inner()
            }
        };
        Ok(format!("data:image/jpeg;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes)))
    }

    pub(crate) fn photos(&self, inspection_id: &str) -> Result<Vec<PhotoDto>> {
        let links = self.store().attachment_links(inspection_id)?;
        links
            .into_iter()
            .map(|l| {
                Ok(PhotoDto {
                    thumbnail: self.thumbnail(&l.attachment.hash)?,
                    id: l.id,
                    target: l.target,
                    caption: l.caption,
                    hash: l.attachment.hash,
                    original_name: l.attachment.original_name,
                    size: u32::try_from(l.attachment.size).unwrap_or(u32::MAX),
                })
            })
            .collect()
    }

    /// Attaches a photo file to a target of a draft inspection. The same picture attached twice is stored once.
    pub fn attach_photo(&self, inspection_id: &str, target: &str, path: &str, caption: &str) -> Result<PhotoDto> {
        let device = self.device_id()?;
        let r = self
            .store()
            .inspection(inspection_id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Inspection, id: inspection_id.into() })?;
        if r.finished {
            return Err(StoreError::Frozen(maskcheck_store::Frozen::Inspection).into());
        }
        let record = self.store_attachment_file(Path::new(path))?;
        let hash = record.hash.clone();
        let link_id = self.store().write(|tx| {
            tx.upsert_attachment(&record, &now_text())?;
            let meta = new_meta(tx, &device)?;
            tx.link_attachment(&meta, inspection_id, target, &hash, caption.trim())?;
            Ok::<_, AppError>(meta.id)
        })?;
        self.photos(inspection_id)?
            .into_iter()
            .find(|p| p.id == link_id)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, "照片"))
    }

    /// Copies a JPEG or PNG file into the data directory under its SHA-256 (once, however often it is attached)
    /// and returns its description; the caller links it in its own transaction.
    pub(crate) fn store_attachment_file(&self, src: &Path) -> Result<AttachmentRecord> {
        let bytes = std::fs::read(src).map_err(|e| AppError::io(src, e))?;
        let mime = mime_of(&bytes).ok_or_else(|| {
            AppError::new(ErrorCode::UnreadableFile, format!("{} 不是 JPEG 或 PNG 照片", src.display()))
        })?;
        self.store_attachment_bytes(src, bytes, mime)
    }

    /// Copies any file (evidence of a campaign task: a report, a scan) into the attachment store by its hash.
    pub(crate) fn store_evidence_file(&self, src: &Path) -> Result<AttachmentRecord> {
        let bytes = std::fs::read(src).map_err(|e| AppError::io(src, e))?;
        let mime = mime_of(&bytes).unwrap_or("application/octet-stream");
        self.store_attachment_bytes(src, bytes, mime)
    }

    fn store_attachment_bytes(&self, src: &Path, bytes: Vec<u8>, mime: &str) -> Result<AttachmentRecord> {
        let hash = crate::device::sha256_hex(&bytes);
        let dest = self.attachment_path(&hash);
        if !dest.exists() {
            let dir = dest.parent().unwrap_or(self.data_dir());
            std::fs::create_dir_all(dir).map_err(|e| AppError::io(dir, e))?;
            // Written beside, then renamed (a crash never leaves a half photo under its hash); sealed when the
            // directory is encrypted.
            self.vault().write(&dest, &bytes).map_err(|e| AppError::io(&dest, e))?;
        }
        Ok(AttachmentRecord {
            hash: hash.clone(),
            size: bytes.len() as i64,
            mime: mime.into(),
            original_name: src.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        })
    }
}
