//! Conversions between domain enums/dates and their SQL text form.

use chrono::NaiveDate;
use maskcheck_domain::{EnterpriseKind, LicenceKind, ProductCategory, ProductionStatus, Scale};

use crate::StoreError;

macro_rules! text_enum {
    ($ty:ty, $to:ident, $from:ident, { $($variant:path => $text:literal),+ $(,)? }) => {
        pub(crate) fn $to(v: $ty) -> &'static str {
            match v { $($variant => $text),+ }
        }
        pub(crate) fn $from(s: &str) -> Result<$ty, StoreError> {
            match s {
                $($text => Ok($variant),)+
                other => Err(StoreError::Corrupt(format!("{}: {other}", stringify!($ty)))),
            }
        }
    };
}

text_enum!(EnterpriseKind, kind_text, kind_from, {
    EnterpriseKind::Maker => "maker", EnterpriseKind::Seller => "seller",
});
text_enum!(Scale, scale_text, scale_from, {
    Scale::Large => "large", Scale::Medium => "medium", Scale::Small => "small", Scale::Micro => "micro",
});
text_enum!(ProductionStatus, status_text, status_from, {
    ProductionStatus::Producing => "producing", ProductionStatus::Stopped => "stopped",
    ProductionStatus::Converted => "converted",
});
text_enum!(LicenceKind, licence_kind_text, licence_kind_from, {
    LicenceKind::BusinessLicence => "business_licence", LicenceKind::DeviceRegistration => "device_registration",
    LicenceKind::DeviceFiling => "device_filing", LicenceKind::DeviceProductionLicence => "device_production_licence",
    LicenceKind::Other => "other",
});
text_enum!(ProductCategory, category_text, category_from, {
    ProductCategory::DailyProtective => "daily_protective", ProductCategory::KnSeries => "kn_series",
    ProductCategory::Children => "children", ProductCategory::MedicalDisposable => "medical_disposable",
    ProductCategory::MedicalSurgical => "medical_surgical", ProductCategory::MedicalProtective => "medical_protective",
    ProductCategory::Other => "other",
});

pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn date_from(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("date {s}: {e}"))))
        .transpose()
}
