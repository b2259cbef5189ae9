//! `keyring.json`: the master secret of an encrypted data directory (see `vault`), wrapped twice and readable by
//! neither wrapping alone without its key:
//! - under a key derived from the inspector's passphrase (Argon2id, then XChaCha20-Poly1305);
//! - to the bureau's age key, once a bureau is pinned, so a forgotten passphrase can be recovered by the bureau
//!   (and by no one else: the laptop holds no key that opens this wrapping).
//!
//! The file holds no secret in the clear; the idle-lock minutes are kept here because the lock screen needs them
//! before anything is unlocked.

use std::path::{Path, PathBuf};

use age::secrecy::ExposeSecret;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};

use crate::device::hex;
use crate::{AppError, ErrorCode, Result};

pub(crate) const KEYRING_FILE: &str = "keyring.json";

/// What the passphrase wrapping authenticates besides the secret: a keyring's ciphertext is not valid in
/// another role.
const WRAP_AAD: &[u8] = b"maskcheck keyring v1";

/// Argon2id's cost: OWASP's recommended 19 MiB and two passes (about 35 ms here; each guess at a stolen keyring costs
/// an attacker as much). Paid on every unlock — each CLI command on an encrypted directory — so a heavier setting
/// would be felt: 64 MiB and three passes made `maskcheck doc pdf` 20 times slower (docs/benchmarks.md). The cost is
/// stored in each keyring, so it can be raised later without breaking the ones already written.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

pub(crate) const DEFAULT_IDLE_LOCK_MINUTES: u32 = 10;

fn default_idle() -> u32 {
    DEFAULT_IDLE_LOCK_MINUTES
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Keyring {
    pub format: u32,
    pub kdf: Kdf,
    /// Hex of nonce ‖ ciphertext: the master secret sealed under the passphrase's key.
    pub wrapped: String,
    /// The master secret sealed to the bureau, once a bureau is pinned.
    #[serde(default)]
    pub recovery: Option<RecoveryFile>,
    #[serde(default = "default_idle")]
    pub idle_lock_minutes: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Kdf {
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Hex of 16 random bytes.
    pub salt: String,
}

/// The recovery file a laptop hands its bureau when the passphrase is forgotten: the master secret sealed to the
/// bureau's age key, and who it belongs to.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RecoveryFile {
    pub kind: String,
    pub device_id: String,
    pub unit_name: String,
    pub person: String,
    /// The bureau device whose key opens it, and that key's fingerprint.
    pub bureau_device: String,
    pub bureau_fingerprint: String,
    pub created_at: String,
    /// Base64 of the age file.
    pub sealed: String,
}

pub(crate) const RECOVERY_KIND: &str = "maskcheck-recovery-v1";

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

fn damaged(path: &Path, why: &str) -> AppError {
    AppError::new(ErrorCode::Storage, format!("{} 已损坏：{why}；请用备份或局端恢复文件恢复", path.display()))
}

pub(crate) fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(KEYRING_FILE)
}

impl Kdf {
    fn derive(&self, passphrase: &str) -> Result<[u8; 32]> {
        let salt = unhex(&self.salt).ok_or_else(|| AppError::new(ErrorCode::Storage, "密钥文件的盐值无效"))?;
        let params = argon2::Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|e| AppError::new(ErrorCode::Storage, format!("密钥文件的参数无效：{e}")))?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut key = [0u8; 32];
        argon
            .hash_password_into(passphrase.as_bytes(), &salt, &mut key)
            .map_err(|e| AppError::new(ErrorCode::Storage, format!("口令派生失败：{e}")))?;
        Ok(key)
    }
}

impl Keyring {
    /// A new keyring for `secret` under `passphrase` (already checked against the passphrase rule).
    pub fn new(secret: &age::x25519::Identity, passphrase: &str, idle_lock_minutes: u32) -> Result<Keyring> {
        let mut salt = [0u8; 16];
        OsRng.fill_bytes(&mut salt);
        let kdf = Kdf {
            algorithm: "argon2id".into(),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            parallelism: PARALLELISM,
            salt: hex(&salt),
        };
        let mut keyring = Keyring { format: 1, kdf, wrapped: String::new(), recovery: None, idle_lock_minutes };
        keyring.wrap(secret, passphrase)?;
        Ok(keyring)
    }

    fn wrap(&mut self, secret: &age::x25519::Identity, passphrase: &str) -> Result<()> {
        let key = self.kdf.derive(passphrase)?;
        let mut nonce = [0u8; 24];
        OsRng.fill_bytes(&mut nonce);
        let cipher = XChaCha20Poly1305::new((&key).into());
        let secret_text = secret.to_string();
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: secret_text.expose_secret().as_bytes(), aad: WRAP_AAD })
            .map_err(|_| AppError::new(ErrorCode::Storage, "无法加密主密钥"))?;
        self.wrapped = hex(&[&nonce[..], &sealed].concat());
        Ok(())
    }

    /// The master secret, when `passphrase` is the right one; `WrongPassphrase` otherwise (nothing is changed).
    pub fn unwrap(&self, passphrase: &str) -> Result<age::x25519::Identity> {
        if self.kdf.algorithm != "argon2id" {
            return Err(AppError::new(ErrorCode::Storage, format!("不支持的口令派生算法 {}", self.kdf.algorithm)));
        }
        let raw = unhex(&self.wrapped)
            .filter(|b| b.len() > 24)
            .ok_or_else(|| AppError::new(ErrorCode::Storage, "密钥文件无效"))?;
        let key = self.kdf.derive(passphrase)?;
        let cipher = XChaCha20Poly1305::new((&key).into());
        let plain = cipher
            .decrypt(XNonce::from_slice(&raw[..24]), Payload { msg: &raw[24..], aad: WRAP_AAD })
            .map_err(|_| AppError::new(ErrorCode::WrongPassphrase, "口令不正确，数据未打开，也未作任何改动"))?;
        parse_secret(&plain)
    }

    /// The same secret under a new passphrase, with a new salt.
    pub fn rewrap(&self, secret: &age::x25519::Identity, passphrase: &str) -> Result<Keyring> {
        let mut next = Keyring::new(secret, passphrase, self.idle_lock_minutes)?;
        next.recovery = self.recovery.clone();
        Ok(next)
    }

    pub fn load(data_dir: &Path) -> Result<Option<Keyring>> {
        let file = path(data_dir);
        match std::fs::read(&file) {
            Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| damaged(&file, &e.to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(AppError::io(&file, e)),
        }
    }

    /// Writes the keyring through a `.part` file renamed into place.
    pub fn save(&self, file: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        let tmp = file.with_extension("part");
        crate::device::write_secret(&tmp, &json).map_err(|e| AppError::io(&tmp, e))?;
        std::fs::rename(&tmp, file).map_err(|e| AppError::io(file, e))
    }
}

fn parse_secret(bytes: &[u8]) -> Result<age::x25519::Identity> {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| AppError::new(ErrorCode::Storage, "主密钥格式无效"))
}

/// Who a recovery file is for and from.
pub(crate) struct RecoveryParties<'a> {
    pub device_id: &'a str,
    pub unit_name: &'a str,
    pub person: &'a str,
    pub bureau_device: &'a str,
    pub bureau_fingerprint: &'a str,
}

impl RecoveryFile {
    /// Seals `secret` to the bureau's age key.
    pub fn seal(
        secret: &age::x25519::Identity,
        bureau: &age::x25519::Recipient,
        who: RecoveryParties<'_>,
    ) -> Result<RecoveryFile> {
        let encryptor = age::Encryptor::with_recipients(std::iter::once(bureau as &dyn age::Recipient))
            .map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        let mut out = Vec::new();
        let io = |e: std::io::Error| AppError::new(ErrorCode::Io, e.to_string());
        let mut w = encryptor.wrap_output(&mut out).map_err(io)?;
        std::io::Write::write_all(&mut w, secret.to_string().expose_secret().as_bytes()).map_err(io)?;
        w.finish().map_err(io)?;
        Ok(RecoveryFile {
            kind: RECOVERY_KIND.into(),
            device_id: who.device_id.into(),
            unit_name: who.unit_name.into(),
            person: who.person.into(),
            bureau_device: who.bureau_device.into(),
            bureau_fingerprint: who.bureau_fingerprint.into(),
            created_at: crate::now_text(),
            sealed: base64::engine::general_purpose::STANDARD.encode(out),
        })
    }

    /// The master secret, opened with the bureau's age identity; any other key is refused.
    pub fn open(&self, bureau: &age::x25519::Identity) -> Result<age::x25519::Identity> {
        let refused = || {
            AppError::new(
                ErrorCode::RecoveryRefused,
                "此恢复文件不能用本设备的密钥打开：只有它所属局端（发放该设备号段的局）能打开",
            )
        };
        let bytes = base64::engine::general_purpose::STANDARD.decode(&self.sealed).map_err(|_| refused())?;
        let decryptor = age::Decryptor::new(&bytes[..]).map_err(|_| refused())?;
        let mut reader = decryptor.decrypt(std::iter::once(bureau as &dyn age::Identity)).map_err(|_| refused())?;
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut reader, &mut plain).map_err(|_| refused())?;
        parse_secret(&plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_unwraps_and_a_wrong_one_is_refused() {
        let secret = age::x25519::Identity::generate();
        let k = Keyring::new(&secret, "正确的口令 2026", 10).expect("new");
        let text = serde_json::to_string(&k).expect("json");
        assert!(!text.contains(secret.to_string().expose_secret()));
        let back: Keyring = serde_json::from_str(&text).expect("parse");
        let opened = back.unwrap("正确的口令 2026").expect("unwrap");
        assert_eq!(opened.to_public().to_string(), secret.to_public().to_string());
        let wrong = back.unwrap("正确的口令 2027").err().expect("wrong passphrase opened the keyring");
        assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
    }

    #[test]
    fn only_the_bureau_opens_a_recovery_file() {
        let secret = age::x25519::Identity::generate();
        let bureau = age::x25519::Identity::generate();
        let who = RecoveryParties {
            device_id: "d1",
            unit_name: "亭湖区市场监督管理局",
            person: "张三",
            bureau_device: "b1",
            bureau_fingerprint: "ff",
        };
        let file = RecoveryFile::seal(&secret, &bureau.to_public(), who).expect("seal");
        assert_eq!(file.open(&bureau).expect("open").to_public().to_string(), secret.to_public().to_string());
        let err = file.open(&secret).err().expect("the laptop's own key opened its recovery file");
        assert_eq!(err.code, ErrorCode::RecoveryRefused);
    }
}
