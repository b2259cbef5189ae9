//! A device's identity card: what the bureau registers at enrolment and carries to every laptop in its registry.
//! The card is signed by the device's own key (so it cannot be edited in transit); the bureau confirms the
//! fingerprint with the inspector (read aloud in groups of four) before it trusts the card.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::SyncError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceCard {
    /// The first 16 hex digits of the fingerprint.
    pub device_id: String,
    /// `inspector` or `bureau`.
    pub role: String,
    pub unit_name: String,
    pub county: String,
    pub person: String,
    /// Ed25519 public key, hex.
    pub sign_key: String,
    /// age X25519 recipient (`age1…`): bundles for this device are encrypted to it.
    pub age_recipient: String,
}

/// A card with its self-signature, as written to an identity file and carried in registries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedCard {
    pub card: DeviceCard,
    /// Ed25519 signature of the card's JSON, hex.
    pub signature: String,
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// SHA-256 of a device's public signing key, hex: what is compared at enrolment.
pub fn fingerprint(sign_key: &[u8]) -> String {
    hex(&Sha256::digest(sign_key))
}

/// The first 32 hex digits of a fingerprint in groups of four, upper case (`A1B2 C3D4 …`): short enough to read
/// over the phone, long enough (128 bits) that no forged key matches.
pub fn fingerprint_groups(fingerprint: &str) -> String {
    let head: String = fingerprint.chars().take(32).collect::<String>().to_uppercase();
    head.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

impl DeviceCard {
    pub fn verifying_key(&self) -> Result<VerifyingKey, SyncError> {
        let bytes = unhex(&self.sign_key).ok_or_else(|| SyncError::BadCard("签名公钥不是十六进制".into()))?;
        let arr: [u8; 32] = bytes.try_into().map_err(|_| SyncError::BadCard("签名公钥长度不符".into()))?;
        VerifyingKey::from_bytes(&arr).map_err(|_| SyncError::BadCard("签名公钥无效".into()))
    }

    pub fn fingerprint(&self) -> Result<String, SyncError> {
        Ok(fingerprint(self.verifying_key()?.as_bytes()))
    }

    pub fn recipient(&self) -> Result<age::x25519::Recipient, SyncError> {
        self.age_recipient.parse().map_err(|_| SyncError::BadCard("加密公钥无效".into()))
    }

    pub fn sign(self, key: &SigningKey) -> SignedCard {
        let body = serde_json::to_vec(&self).unwrap_or_default();
        SignedCard { signature: hex(&key.sign(&body).to_bytes()), card: self }
    }
}

impl SignedCard {
    /// The card, once its self-signature, its keys and its device id (derived from the key) all hold.
    pub fn verified(&self) -> Result<&DeviceCard, SyncError> {
        let key = self.card.verifying_key()?;
        let sig = unhex(&self.signature)
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
            .ok_or_else(|| SyncError::BadCard("签名格式不符".into()))?;
        let body = serde_json::to_vec(&self.card).unwrap_or_default();
        key.verify(&body, &Signature::from_bytes(&sig)).map_err(|_| SyncError::BadCard("身份卡签名不符".into()))?;
        if !fingerprint(key.as_bytes()).starts_with(&self.card.device_id) || self.card.device_id.len() != 16 {
            return Err(SyncError::BadCard("设备编号与公钥不符".into()));
        }
        self.card.recipient()?;
        Ok(&self.card)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(key: &SigningKey) -> DeviceCard {
        let fp = fingerprint(key.verifying_key().as_bytes());
        DeviceCard {
            device_id: fp[..16].to_string(),
            role: "inspector".into(),
            unit_name: "卫滨区市场监督管理局".into(),
            county: "卫滨区".into(),
            person: "张三".into(),
            sign_key: hex(key.verifying_key().as_bytes()),
            age_recipient: age::x25519::Identity::generate().to_public().to_string(),
        }
    }

    #[test]
    fn a_card_verifies_only_as_signed() {
        let key = SigningKey::generate(&mut rand_core::OsRng);
        let signed = card(&key).sign(&key);
        assert!(signed.verified().is_ok());
        let mut edited = signed.clone();
        edited.card.unit_name = "别的局".into();
        assert!(matches!(edited.verified(), Err(SyncError::BadCard(_))));
        let other = SigningKey::generate(&mut rand_core::OsRng);
        let mut swapped = card(&other).sign(&other);
        swapped.card.device_id = signed.card.device_id.clone();
        assert!(matches!(swapped.verified(), Err(SyncError::BadCard(_))), "an id that is not the key's");
    }

    #[test]
    fn fingerprints_read_in_groups_of_four() {
        assert_eq!(fingerprint_groups(&"ab12".repeat(16)), "AB12 AB12 AB12 AB12 AB12 AB12 AB12 AB12");
    }
}
