//! Data that crosses IPC. Everything here derives `TS`; `bindings::all()` lists them for export.

use chrono::NaiveDate;
use maskcheck_domain::{EnterpriseInput, EnterpriseKind, LicenceInput, LicenceState, ProductInput, ProfileInput, Role};
use maskcheck_store::{EnterpriseRecord, LicenceRecord, ProductRecord, Profile, Void};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDto {
    pub unit_name: String,
    pub unit_abbr: String,
    pub county: String,
    pub inspector_name: String,
    pub cert_no: String,
    pub role: Role,
    pub device_id: String,
    pub public_key: String,
}

impl From<Profile> for ProfileDto {
    fn from(p: Profile) -> Self {
        let ProfileInput { unit_name, unit_abbr, county, inspector_name, cert_no, role } = p.input;
        Self {
            unit_name,
            unit_abbr,
            county,
            inspector_name,
            cert_no,
            role,
            device_id: p.device_id,
            public_key: p.public_key,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupStatus {
    pub profile: Option<ProfileDto>,
    pub data_dir: String,
    /// Why the bureau's legal-basis catalogue in the data directory was refused (a key in use is missing, or it
    /// cannot be read), checked at start so the window says so before any document is attempted.
    pub catalogue_error: Option<crate::AppError>,
    /// What the integrity check found wrong with the database file when it was opened: the window stays read-only
    /// and offers the backups.
    pub damaged: Option<Vec<String>>,
    /// Answered while the window's opening still checks the file (read from a read-only connection): `damaged` is
    /// not known yet, and the window asks again once the check has settled.
    pub checking: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoidDto {
    pub reason: String,
    pub at: String,
}

fn void_dto(v: Option<Void>) -> Option<VoidDto> {
    v.map(|v| VoidDto { reason: v.reason, at: v.at })
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseDto {
    pub id: String,
    pub version: String,
    pub origin: String,
    pub data: EnterpriseInput,
    pub void: Option<VoidDto>,
    pub created_at: String,
    pub updated_at: String,
}

impl From<EnterpriseRecord> for EnterpriseDto {
    fn from(r: EnterpriseRecord) -> Self {
        Self {
            id: r.meta.id,
            version: r.meta.version,
            origin: r.meta.origin,
            data: r.data,
            void: void_dto(r.void),
            created_at: r.meta.created_at,
            updated_at: r.meta.updated_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseRowDto {
    pub id: String,
    pub name: String,
    pub uscc: String,
    pub county: Option<String>,
    pub production_address: Option<String>,
    pub kind: EnterpriseKind,
    pub medical: bool,
    pub earliest_expiry: Option<NaiveDate>,
    /// The worst state among its licences today (None when it has no licence with an expiry).
    pub licence_state: Option<LicenceState>,
    pub voided: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnterprisePageDto {
    pub rows: Vec<EnterpriseRowDto>,
    pub total: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LicenceDto {
    pub id: String,
    pub enterprise_id: String,
    pub data: LicenceInput,
    pub state: LicenceState,
    pub void: Option<VoidDto>,
}

impl LicenceDto {
    pub(crate) fn from_record(r: LicenceRecord, today: NaiveDate) -> Self {
        Self {
            state: maskcheck_domain::licence_state(r.data.valid_until, today),
            id: r.meta.id,
            enterprise_id: r.enterprise_id,
            data: r.data,
            void: void_dto(r.void),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProductDto {
    pub id: String,
    pub enterprise_id: String,
    pub data: ProductInput,
    pub void: Option<VoidDto>,
}

impl From<ProductRecord> for ProductDto {
    fn from(r: ProductRecord) -> Self {
        Self { id: r.meta.id, enterprise_id: r.enterprise_id, data: r.data, void: void_dto(r.void) }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseDetailDto {
    pub enterprise: EnterpriseDto,
    pub licences: Vec<LicenceDto>,
    pub products: Vec<ProductDto>,
    /// A rectification is still open: production may not resume (不得恢复生产) until a re-inspection clears it.
    pub production_barred: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DashboardDto {
    pub enterprise_count: u32,
    /// Enterprises holding a licence that has expired.
    pub expired_licences: u32,
    /// Enterprises holding a licence that expires within 30 days.
    pub expiring_licences: u32,
}

/// Progress of a long task: `done` of `total` rows (`total` 0 while it is not yet known).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressDto {
    pub done: u32,
    pub total: u32,
}
