//! The profile of this installation: the unit (单位), the inspector (执法人员) and the role of the laptop.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::field_error::{Checker, Field, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// 执法人员: records checks in the field.
    Inspector,
    /// 局端: merges inspectors' bundles, produces statistics.
    Bureau,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub unit_name: String,
    /// Used in document numbers: `{unit_abbr}市监…〔2026〕12号`.
    pub unit_abbr: String,
    pub county: String,
    pub inspector_name: String,
    /// 执法证号
    pub cert_no: String,
    pub role: Role,
}

pub fn validate_profile(input: &ProfileInput) -> Result<ProfileInput, ValidationErrors> {
    let mut c = Checker::default();
    let unit_name = c.required(Field::UnitName, &input.unit_name, 100);
    let unit_abbr = c.required(Field::UnitAbbr, &input.unit_abbr, 6);
    let county = c.required(Field::County, &input.county, 50);
    let inspector_name = c.required(Field::InspectorName, &input.inspector_name, 50);
    let cert_no = crate::text::normalise_code(&c.required(Field::CertNo, &input.cert_no, 50));
    c.finish(ProfileInput { unit_name, unit_abbr, county, inspector_name, cert_no, role: input.role })
}

/// An edit of the profile from the 设置 page: the same rules as at setup, and the role stays what it was (it is
/// in the device's signed identity card; a bureau and an inspector sync differently).
pub fn validate_profile_update(current: &ProfileInput, input: &ProfileInput) -> Result<ProfileInput, ValidationErrors> {
    let checked = validate_profile(input);
    if input.role == current.role {
        return checked;
    }
    let mut errors = checked.err().map(|e| e.0).unwrap_or_default();
    errors.push(crate::FieldError::new(Field::Role, crate::Rule::FixedAtSetup, ""));
    Err(ValidationErrors(errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field_error::Rule;

    #[test]
    fn profile_table() {
        let ok = ProfileInput {
            unit_name: "卫滨区市场监督管理局".into(),
            unit_abbr: "卫".into(),
            county: "卫滨区".into(),
            inspector_name: "张三".into(),
            cert_no: "ｈａ１２３４５".into(),
            role: Role::Inspector,
        };
        assert_eq!(validate_profile(&ok).expect("ok").cert_no, "HA12345");
        let bad = ProfileInput { unit_abbr: "一二三四五六七".into(), inspector_name: " ".into(), ..ok };
        let e = validate_profile(&bad).expect_err("bad");
        let got: Vec<_> = e.0.iter().map(|f| (f.field, f.rule)).collect();
        assert_eq!(got, vec![(Field::UnitAbbr, Rule::TooLong), (Field::InspectorName, Rule::Required)]);
    }

    #[test]
    fn an_edit_keeps_the_role() {
        let current = ProfileInput {
            unit_name: "卫滨区市场监督管理局".into(),
            unit_abbr: "卫".into(),
            county: "卫滨区".into(),
            inspector_name: "张三".into(),
            cert_no: "HA0001".into(),
            role: Role::Inspector,
        };
        let renamed = ProfileInput { unit_name: "新乡市卫滨区市场监督管理局".into(), ..current.clone() };
        type Case = (&'static str, ProfileInput, Vec<(Field, Rule)>);
        let table: Vec<Case> = vec![
            ("a new unit name", renamed, vec![]),
            (
                "to bureau",
                ProfileInput { role: Role::Bureau, ..current.clone() },
                vec![(Field::Role, Rule::FixedAtSetup)],
            ),
            (
                "both",
                ProfileInput { role: Role::Bureau, cert_no: " ".into(), ..current.clone() },
                vec![(Field::CertNo, Rule::Required), (Field::Role, Rule::FixedAtSetup)],
            ),
        ];
        for (what, input, want) in table {
            let got: Vec<_> = match validate_profile_update(&current, &input) {
                Ok(_) => vec![],
                Err(e) => e.0.iter().map(|f| (f.field, f.rule)).collect(),
            };
            assert_eq!(got, want, "{what}");
        }
    }
}
