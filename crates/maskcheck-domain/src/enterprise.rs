//! 企业: a mask maker (生产企业) or seller (经营企业), identified by its USCC.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::field_error::{Checker, Field, Rule, ValidationErrors};
use crate::uscc::{validate_uscc, UsccError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EnterpriseKind {
    /// 生产企业
    Maker,
    /// 经营企业 (shop, wholesaler, online store)
    Seller,
}

/// 企业规模
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Scale {
    Large,
    Medium,
    Small,
    Micro,
}

/// 生产状况: 在产 / 停产 / 转产
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProductionStatus {
    Producing,
    Stopped,
    Converted,
}

impl Scale {
    pub fn zh(self) -> &'static str {
        match self {
            Scale::Large => "大型",
            Scale::Medium => "中型",
            Scale::Small => "小型",
            Scale::Micro => "微型",
        }
    }
}

impl ProductionStatus {
    pub fn zh(self) -> &'static str {
        match self {
            ProductionStatus::Producing => "在产",
            ProductionStatus::Stopped => "停产",
            ProductionStatus::Converted => "转产",
        }
    }
}

/// What a user (or an import) submits for an enterprise; every text as typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseInput {
    pub name: String,
    pub uscc: String,
    pub county: Option<String>,
    pub production_address: Option<String>,
    pub registered_address: Option<String>,
    pub legal_rep: Option<String>,
    pub contact: Option<String>,
    pub phone: Option<String>,
    pub kind: EnterpriseKind,
    pub medical: bool,
    pub exporter: bool,
    pub scale: Option<Scale>,
    pub production_status: Option<ProductionStatus>,
    pub founded_on: Option<NaiveDate>,
    /// 日产能 in 万只 (ten-thousands of masks a day).
    pub daily_capacity_wan: Option<f64>,
    pub note: Option<String>,
    /// The user confirmed `county` as a county the unit did not know yet (not stored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub new_county: Option<bool>,
}

impl EnterpriseInput {
    /// Where the enterprise is visited and its goods are kept: its production address, else its registered one.
    pub fn address(&self) -> Option<&str> {
        self.production_address.as_deref().or(self.registered_address.as_deref())
    }

    /// A maker with only the two required fields, the rest empty.
    pub fn new(name: impl Into<String>, uscc: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            uscc: uscc.into(),
            county: None,
            production_address: None,
            registered_address: None,
            legal_rep: None,
            contact: None,
            phone: None,
            kind: EnterpriseKind::Maker,
            medical: false,
            exporter: false,
            scale: None,
            production_status: None,
            founded_on: None,
            daily_capacity_wan: None,
            note: None,
            new_county: None,
        }
    }
}

/// An enterprise input that passed every rule, with its fields normalised (USCC upper-case ASCII, texts trimmed).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidEnterprise(EnterpriseInput);

impl ValidEnterprise {
    pub fn get(&self) -> &EnterpriseInput {
        &self.0
    }
    pub fn into_inner(self) -> EnterpriseInput {
        self.0
    }
}

pub const NAME_MAX: usize = 200;
pub const ADDRESS_MAX: usize = 300;
pub const SHORT_MAX: usize = 100;
pub const NOTE_MAX: usize = 2000;

/// Checks every field; all broken rules are reported at once.
pub fn validate_enterprise(input: &EnterpriseInput, today: NaiveDate) -> Result<ValidEnterprise, ValidationErrors> {
    let mut c = Checker::default();
    let name = c.required(Field::Name, &input.name, NAME_MAX);
    let uscc = match validate_uscc(&input.uscc) {
        Ok(code) => code,
        Err(e) => {
            let (rule, detail) = match e {
                UsccError::Length(0) => (Rule::Required, String::new()),
                UsccError::Length(n) => (Rule::UsccLength, n.to_string()),
                UsccError::Charset { position, found } => (Rule::UsccCharset, format!("第 {position} 位 {found}")),
                UsccError::AreaCode { position, found } => (Rule::UsccAreaCode, format!("第 {position} 位 {found}")),
                UsccError::CheckChar { expected, found } => {
                    (Rule::UsccCheckChar, format!("应为 {expected}，实际为 {found}"))
                }
            };
            c.push(Field::Uscc, rule, detail);
            input.uscc.clone()
        }
    };
    let county = c.optional(Field::County, input.county.as_deref(), SHORT_MAX);
    let production_address = c.optional(Field::ProductionAddress, input.production_address.as_deref(), ADDRESS_MAX);
    let registered_address = c.optional(Field::RegisteredAddress, input.registered_address.as_deref(), ADDRESS_MAX);
    let legal_rep = c.optional(Field::LegalRep, input.legal_rep.as_deref(), SHORT_MAX);
    let contact = c.optional(Field::Contact, input.contact.as_deref(), SHORT_MAX);
    let phone = c.optional(Field::Phone, input.phone.as_deref(), SHORT_MAX).map(|p| crate::text::to_half_width(&p));
    let note = c.optional(Field::Note, input.note.as_deref(), NOTE_MAX);
    if let Some(d) = input.founded_on {
        crate::dates::check_founded_on(&mut c, Field::FoundedOn, d, today);
    }
    c.finish(ValidEnterprise(EnterpriseInput {
        name,
        uscc,
        county,
        production_address,
        registered_address,
        legal_rep,
        contact,
        phone,
        note,
        new_county: None,
        ..input.clone()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field_error::FieldError;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    }

    #[test]
    fn enterprise_rules_table() {
        let long = "厂".repeat(10_000);
        let cases: Vec<(EnterpriseInput, Vec<(Field, Rule)>)> = vec![
            (EnterpriseInput::new("某某口罩厂", "91350100M000100Y43"), vec![]),
            (EnterpriseInput::new("  ", "91350100M000100Y43"), vec![(Field::Name, Rule::Required)]),
            (EnterpriseInput::new(long, "91350100M000100Y43"), vec![(Field::Name, Rule::TooLong)]),
            (EnterpriseInput::new("厂", "91350100M000100Y44"), vec![(Field::Uscc, Rule::UsccCheckChar)]),
            (EnterpriseInput::new("", ""), vec![(Field::Name, Rule::Required), (Field::Uscc, Rule::Required)]),
            (
                EnterpriseInput {
                    founded_on: NaiveDate::from_ymd_opt(2027, 1, 1),
                    ..EnterpriseInput::new("厂", "91350100M000100Y43")
                },
                vec![(Field::FoundedOn, Rule::DateInFuture)],
            ),
            (EnterpriseInput::new("a\u{7}b", "91350100M000100Y43"), vec![(Field::Name, Rule::ControlChars)]),
        ];
        for (input, want) in cases {
            let got: Vec<(Field, Rule)> = match validate_enterprise(&input, today()) {
                Ok(_) => vec![],
                Err(e) => e.0.iter().map(|f: &FieldError| (f.field, f.rule)).collect(),
            };
            assert_eq!(got, want, "{:?}", input.name.chars().take(20).collect::<String>());
        }
    }

    #[test]
    fn metacharacters_are_kept_verbatim() {
        let name = "<script>alert(1)</script>'; DROP TABLE enterprise;--";
        let v = validate_enterprise(&EnterpriseInput::new(name, "91350100m000100y43"), today()).expect("valid");
        assert_eq!(v.get().name, name);
        assert_eq!(v.get().uscc, "91350100M000100Y43");
    }

    #[test]
    fn messages_name_field_and_rule() {
        let e = validate_enterprise(&EnterpriseInput::new("厂", "91350100M000100Y44"), today()).expect_err("bad");
        assert_eq!(e.to_string(), "统一社会信用代码校验位错误（应为 3，实际为 4）");
    }
}

/// A roster query: a search fragment and filters, one page at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseQuery {
    /// A fragment of the name, USCC or an address (any two characters or more; one character is a prefix).
    pub text: Option<String>,
    pub county: Option<String>,
    pub kind: Option<EnterpriseKind>,
    pub licence: Option<crate::licence::LicenceFilter>,
    pub include_voided: bool,
    pub offset: u32,
    pub limit: u32,
}
