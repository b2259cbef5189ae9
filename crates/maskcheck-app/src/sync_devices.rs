//! This device's keys and identity card, and the devices it trusts: the bureau enrols laptops (and subordinate
//! bureaus) by their identity cards after comparing fingerprints; a laptop pins its bureau on the first bureau
//! bundle it accepts.

use std::path::Path;

use ed25519_dalek::SigningKey;
use maskcheck_domain::{Entity, Role};
use maskcheck_store::{PeerRecord, StoreError};
use maskcheck_sync::{fingerprint_groups, DeviceCard, SignedCard};
use serde::Serialize;
use ts_rs::TS;

use crate::{now_text, App, AppError, ErrorCode, Result};

/// A device as the window and the CLI show it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceDto {
    pub id: String,
    pub role: Role,
    pub unit: String,
    pub person: String,
    pub fingerprint: String,
    /// The first 32 hex digits in groups of four, to read aloud.
    pub fingerprint_groups: String,
    /// `self`, `enrolled`, `bureau` (the pinned bureau) or `registry` (from the bureau's registry).
    pub trust: String,
    pub revoked: Option<String>,
}

fn role_of(s: &str) -> Role {
    if s == "bureau" {
        Role::Bureau
    } else {
        Role::Inspector
    }
}

fn role_text(r: Role) -> &'static str {
    match r {
        Role::Inspector => "inspector",
        Role::Bureau => "bureau",
    }
}

pub(crate) fn card_error(e: maskcheck_sync::SyncError) -> AppError {
    AppError::new(ErrorCode::BundleRefused, e.to_string())
}

impl DeviceDto {
    fn of_card(card: &DeviceCard, trust: &str, revoked: Option<String>) -> Result<DeviceDto> {
        let fp = card.fingerprint().map_err(card_error)?;
        Ok(DeviceDto {
            id: card.device_id.clone(),
            role: role_of(&card.role),
            unit: card.unit_name.clone(),
            person: card.person.clone(),
            fingerprint_groups: fingerprint_groups(&fp),
            fingerprint: fp,
            trust: trust.into(),
            revoked,
        })
    }
}

pub(crate) fn peer_card(p: &PeerRecord) -> Result<SignedCard> {
    serde_json::from_str(&p.card).map_err(|e| AppError::new(ErrorCode::Storage, format!("设备身份卡无法读取：{e}")))
}

/// A peer row for a verified card, trusted as `trust` (`enrolled`, `bureau` or `registry`) from `at`.
pub(crate) fn peer_record(signed: &SignedCard, trust: &str, at: &str) -> Result<PeerRecord> {
    let card = &signed.card;
    Ok(PeerRecord {
        device_id: card.device_id.clone(),
        role: card.role.clone(),
        card: serde_json::to_string(signed).unwrap_or_default(),
        fingerprint: card.fingerprint().map_err(card_error)?,
        trust: trust.into(),
        enrolled_at: at.into(),
        revoked_at: None,
        revoke_reason: None,
        acked_change: 0,
        sent_seq: 0,
    })
}

fn read_card(card_file: &Path) -> Result<SignedCard> {
    let text = std::fs::read(card_file).map_err(|e| AppError::io(card_file, e))?;
    serde_json::from_slice(&text).map_err(|_| {
        AppError::new(ErrorCode::UnreadableFile, format!("{} 不是设备身份卡", card_file.display()))
            .about(card_file.display().to_string())
    })
}

/// `A1B2 C3D4 …` or the plain hex, either case: the digits only, lower case.
pub(crate) fn normalise_fingerprint(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_hexdigit()).collect::<String>().to_lowercase()
}

impl App {
    pub(crate) fn signing_key(&self) -> Result<SigningKey> {
        let path = self.data_dir().join("device.key");
        let bytes = self.vault().read(&path).map_err(|e| AppError::io(&path, e))?;
        let hex = String::from_utf8_lossy(&bytes);
        let bytes: Vec<u8> = (0..hex.trim().len())
            .step_by(2)
            .filter_map(|i| u8::from_str_radix(hex.trim().get(i..i + 2)?, 16).ok())
            .collect();
        let arr: [u8; 32] = bytes
            .try_into()
            .map_err(|_| AppError::new(ErrorCode::Storage, format!("{} 不是有效的设备密钥", path.display())))?;
        Ok(SigningKey::from_bytes(&arr))
    }

    /// This device's age identity (X25519), made on first use and kept owner-only beside the signing key.
    pub(crate) fn age_identity(&self) -> Result<age::x25519::Identity> {
        use age::secrecy::ExposeSecret;
        let path = self.data_dir().join("device.age");
        if path.is_file() {
            let bytes = self.vault().read(&path).map_err(|e| AppError::io(&path, e))?;
            return String::from_utf8_lossy(&bytes)
                .trim()
                .parse()
                .map_err(|_| AppError::new(ErrorCode::Storage, format!("{} 不是有效的加密密钥", path.display())));
        }
        let id = age::x25519::Identity::generate();
        let sealed =
            self.vault().seal(id.to_string().expose_secret().as_bytes()).map_err(|e| AppError::io(&path, e))?;
        crate::device::write_secret(&path, &sealed).map_err(|e| AppError::io(&path, e))?;
        Ok(id)
    }

    /// This device's identity card, signed by its own key.
    pub fn device_card(&self) -> Result<SignedCard> {
        let p = self.store().profile()?.ok_or_else(crate::setup::not_set_up)?;
        let key = self.signing_key()?;
        let card = DeviceCard {
            device_id: p.device_id.clone(),
            role: role_text(p.input.role).into(),
            unit_name: p.input.unit_name.clone(),
            county: p.input.county.clone(),
            person: p.input.inspector_name.clone(),
            sign_key: p.public_key.clone(),
            age_recipient: self.age_identity()?.to_public().to_string(),
        };
        Ok(card.sign(&key))
    }

    pub fn device_show(&self) -> Result<DeviceDto> {
        DeviceDto::of_card(&self.device_card()?.card, "self", None)
    }

    /// Writes the identity card the bureau enrols (`device identity --out FILE`).
    pub fn write_identity(&self, out: &Path) -> Result<DeviceDto> {
        let card = self.device_card()?;
        let json = serde_json::to_vec_pretty(&card).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        maskcheck_sheets::export::write_file(out, &json).map_err(|e| AppError::io(out, e))?;
        DeviceDto::of_card(&card.card, "self", None)
    }

    /// Reads and verifies an identity card without enrolling it: what the window shows for the fingerprint to be
    /// compared before the clerk enrols.
    pub fn read_identity(&self, card_file: &Path) -> Result<DeviceDto> {
        let signed = read_card(card_file)?;
        DeviceDto::of_card(signed.verified().map_err(card_error)?, "card", None)
    }

    /// Enrols the device of an identity card (bureau only), after its fingerprint was compared with the one the
    /// device shows. Enrolling again updates the card and keeps what it acknowledged.
    pub fn enrol_device(&self, card_file: &Path) -> Result<DeviceDto> {
        if self.profile()?.role != Role::Bureau {
            return Err(AppError::new(ErrorCode::BundleRefused, "只有局端可以登记设备"));
        }
        let signed = read_card(card_file)?;
        let card = signed.verified().map_err(card_error)?.clone();
        if card.device_id == self.device_id()? {
            return Err(AppError::new(ErrorCode::BundleRefused, "这是本机自己的身份卡"));
        }
        let record = peer_record(&signed, "enrolled", &now_text())?;
        self.store().write(|tx| tx.upsert_peer(&record))?;
        DeviceDto::of_card(&card, "enrolled", None)
    }

    pub fn revoke_device(&self, id: &str, reason: &str) -> Result<DeviceDto> {
        let reason = crate::roster::void_reason(reason)?;
        self.store().write(|tx| tx.revoke_peer(id, &reason, &now_text()))?;
        self.devices()?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Device, id: id.into() }.into())
    }

    /// The devices this one knows.
    pub fn devices(&self) -> Result<Vec<DeviceDto>> {
        let peers = self.store().peers()?;
        peers
            .iter()
            .map(|p| {
                let card = peer_card(p)?;
                DeviceDto::of_card(&card.card, &p.trust, p.revoke_reason.clone())
            })
            .collect()
    }
}
