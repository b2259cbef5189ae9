//! This laptop's identity: an Ed25519 key pair made at setup. The secret key lives in the data directory
//! (owner-only file), the public key in the profile; the device id is derived from the public key so that the
//! bureau can check one against the other when it enrols the laptop.

use std::path::Path;

use ed25519_dalek::SigningKey;
use rand_core::OsRng;
use sha2::{Digest, Sha256};

use crate::{AppError, Result};

pub(crate) struct DeviceKey {
    pub device_id: String,
    pub public_key_hex: String,
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Lower-case hex SHA-256: how attachments and issued PDFs are named and checked.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The device id of a public key: the first 16 hex digits of its SHA-256 (its fingerprint).
pub(crate) fn device_id_of(public: &[u8]) -> String {
    hex(&Sha256::digest(public))[..16].to_string()
}

/// Makes the key pair; the secret is written owner-only, sealed when the directory is encrypted.
pub(crate) fn create(data_dir: &Path, vault: &crate::vault::Vault) -> Result<DeviceKey> {
    let key = SigningKey::generate(&mut OsRng);
    let path = data_dir.join("device.key");
    let sealed = vault.seal(hex(&key.to_bytes()).as_bytes()).map_err(|e| AppError::io(&path, e))?;
    write_secret(&path, &sealed).map_err(|e| AppError::io(&path, e))?;
    let public = key.verifying_key().to_bytes();
    Ok(DeviceKey { device_id: device_id_of(&public), public_key_hex: hex(&public) })
}

#[cfg(unix)]
pub(crate) fn write_secret(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
pub(crate) fn write_secret(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
