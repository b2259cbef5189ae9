//! 证照: the business licence and, for medical masks, the device registration certificate, filing and
//! production licence.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::certificates::{
    validate_filing_number, validate_production_licence, validate_registration_cert, CertificateError,
};
use crate::field_error::{Checker, Field, Rule, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LicenceKind {
    /// 营业执照 (its number is the USCC)
    BusinessLicence,
    /// 医疗器械注册证
    DeviceRegistration,
    /// 第一类医疗器械备案凭证
    DeviceFiling,
    /// 医疗器械生产许可证
    DeviceProductionLicence,
    /// 其他
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LicenceInput {
    pub kind: LicenceKind,
    pub number: String,
    pub holder: Option<String>,
    pub scope: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// None means 长期 (no expiry).
    pub valid_until: Option<NaiveDate>,
    pub issuer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLicence(LicenceInput);

impl ValidLicence {
    pub fn get(&self) -> &LicenceInput {
        &self.0
    }
}

/// The state of a licence on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LicenceState {
    Valid,
    NoExpiry,
    /// Expires within [`EXPIRING_DAYS`] days.
    Expiring,
    Expired,
}

pub const EXPIRING_DAYS: i64 = 30;

/// Roster filter by licence status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LicenceFilter {
    /// Holds a licence that expired before today.
    Expired,
    /// Holds a licence that expires within [`EXPIRING_DAYS`] days.
    Expiring,
}

pub fn licence_state(valid_until: Option<NaiveDate>, today: NaiveDate) -> LicenceState {
    match valid_until {
        None => LicenceState::NoExpiry,
        Some(d) if d < today => LicenceState::Expired,
        Some(d) if (d - today).num_days() <= EXPIRING_DAYS => LicenceState::Expiring,
        Some(_) => LicenceState::Valid,
    }
}

pub(crate) fn certificate_error(c: &mut Checker, field: Field, e: CertificateError) {
    match e {
        CertificateError::Pattern(p) => c.push(field, Rule::CertificatePattern, p),
        CertificateError::Year(y) => c.push(field, Rule::CertificateYear, y.to_string()),
        CertificateError::Class(k) => c.push(field, Rule::CertificateClass, k.to_string()),
    }
}

pub fn validate_licence(input: &LicenceInput, today: NaiveDate) -> Result<ValidLicence, ValidationErrors> {
    let mut c = Checker::default();
    let raw = c.required(Field::Number, &input.number, 100);
    let number = if raw.is_empty() {
        raw
    } else {
        let checked = match input.kind {
            LicenceKind::BusinessLicence => crate::uscc::validate_uscc(&raw)
                .map_err(|_| CertificateError::Pattern("营业执照编号应为 18 位统一社会信用代码")),
            LicenceKind::DeviceRegistration => validate_registration_cert(&raw),
            LicenceKind::DeviceFiling => validate_filing_number(&raw),
            LicenceKind::DeviceProductionLicence => validate_production_licence(&raw),
            LicenceKind::Other => Ok(raw.clone()),
        };
        match checked {
            Ok(n) => n,
            Err(e) => {
                certificate_error(&mut c, Field::Number, e);
                raw
            }
        }
    };
    let holder = c.optional(Field::Holder, input.holder.as_deref(), 200);
    let scope = c.optional(Field::Scope, input.scope.as_deref(), 2000);
    let issuer = c.optional(Field::Issuer, input.issuer.as_deref(), 200);
    if let Some(i) = input.issued_on {
        crate::dates::check_issued_on(&mut c, i, today);
    }
    if let Some(v) = input.valid_until {
        crate::dates::check_valid_until(&mut c, input.issued_on, v, today);
    }
    c.finish(ValidLicence(LicenceInput { number, holder, scope, issuer, ..input.clone() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn state_table() {
        let today = d(2026, 11, 23);
        for (until, want) in [
            (None, LicenceState::NoExpiry),
            (Some(d(2026, 11, 22)), LicenceState::Expired),
            (Some(d(2026, 11, 23)), LicenceState::Expiring),
            (Some(d(2026, 12, 23)), LicenceState::Expiring),
            (Some(d(2026, 12, 24)), LicenceState::Valid),
        ] {
            assert_eq!(licence_state(until, today), want, "{until:?}");
        }
    }

    #[test]
    fn number_by_kind_table() {
        let input = |kind, number: &str| LicenceInput {
            kind,
            number: number.into(),
            holder: None,
            scope: None,
            issued_on: None,
            valid_until: None,
            issuer: None,
        };
        for (kind, number, ok) in [
            (LicenceKind::BusinessLicence, "91350100m000100y43", true),
            (LicenceKind::BusinessLicence, "12345", false),
            (LicenceKind::DeviceRegistration, "苏械注准20202140001", true),
            (LicenceKind::DeviceRegistration, "苏药监械生产许20200012号", false),
            (LicenceKind::DeviceProductionLicence, "苏药监械生产许20200012号", true),
            (LicenceKind::DeviceFiling, "苏宁械备20200123号", true),
            (LicenceKind::Other, "任意编号", true),
            (LicenceKind::Other, "", false),
        ] {
            assert_eq!(validate_licence(&input(kind, number), d(2026, 11, 23)).is_ok(), ok, "{kind:?} {number}");
        }
    }

    #[test]
    fn expiry_before_issue_is_refused() {
        let l = LicenceInput {
            kind: LicenceKind::Other,
            number: "X".into(),
            holder: None,
            scope: None,
            issued_on: Some(d(2024, 1, 1)),
            valid_until: Some(d(2023, 1, 1)),
            issuer: None,
        };
        let e = validate_licence(&l, d(2026, 11, 23)).expect_err("order");
        assert_eq!(e.0[0].rule, Rule::DateOrder);
    }
}
