//! 产品: a mask product of an enterprise, with the standard it claims and, for medical masks, its registration.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::certificates::validate_registration_cert;
use crate::field_error::{Checker, Field, ValidationErrors};
use crate::licence::certificate_error;

/// 产品类别, as appendix 3 groups them, plus the three medical kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProductCategory {
    /// 日常防护型口罩 (GB/T 32610)
    DailyProtective,
    /// KN 系列防护口罩 (GB 2626)
    KnSeries,
    /// 儿童口罩 (GB/T 38880)
    Children,
    /// 一次性使用医用口罩 (YY/T 0969)
    MedicalDisposable,
    /// 医用外科口罩 (YY 0469)
    MedicalSurgical,
    /// 医用防护口罩 (GB 19083)
    MedicalProtective,
    Other,
}

impl ProductCategory {
    pub fn is_medical(self) -> bool {
        matches!(self, Self::MedicalDisposable | Self::MedicalSurgical | Self::MedicalProtective)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProductInput {
    pub name: String,
    pub category: ProductCategory,
    /// 执行标准, e.g. `GB 2626-2019`.
    pub standard: Option<String>,
    /// e.g. `KN95`, `I级`.
    pub grade: Option<String>,
    /// 规格型号
    pub specification: Option<String>,
    pub registration_cert_no: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProduct(ProductInput);

impl ValidProduct {
    pub fn get(&self) -> &ProductInput {
        &self.0
    }
}

pub fn validate_product(input: &ProductInput) -> Result<ValidProduct, ValidationErrors> {
    let mut c = Checker::default();
    let name = c.required(Field::Name, &input.name, 200);
    let standard = c.optional(Field::Standard, input.standard.as_deref(), 100).map(|s| crate::text::to_half_width(&s));
    let grade = c.optional(Field::Grade, input.grade.as_deref(), 50).map(|s| crate::text::normalise_code(&s));
    let specification = c.optional(Field::Standard, input.specification.as_deref(), 100);
    let registration_cert_no = match c.optional(Field::RegistrationCertNo, input.registration_cert_no.as_deref(), 50) {
        None => None,
        Some(raw) => match validate_registration_cert(&raw) {
            Ok(n) => Some(n),
            Err(e) => {
                certificate_error(&mut c, Field::RegistrationCertNo, e);
                Some(raw)
            }
        },
    };
    c.finish(ValidProduct(ProductInput { name, standard, grade, specification, registration_cert_no, ..input.clone() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_table() {
        let p = |name: &str, reg: Option<&str>| ProductInput {
            name: name.into(),
            category: ProductCategory::MedicalSurgical,
            standard: Some("ＹＹ 0469-2011".into()),
            grade: Some("kn95".into()),
            specification: None,
            registration_cert_no: reg.map(Into::into),
        };
        let ok = validate_product(&p("医用外科口罩", Some("苏械注准20202140001"))).expect("ok");
        assert_eq!(ok.get().standard.as_deref(), Some("YY 0469-2011"));
        assert_eq!(ok.get().grade.as_deref(), Some("KN95"));
        assert!(validate_product(&p("医用外科口罩", None)).is_ok());
        assert!(validate_product(&p("医用外科口罩", Some("苏械注准123"))).is_err());
        assert!(validate_product(&p("", None)).is_err());
    }
}
