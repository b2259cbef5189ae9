//! A synced row's columns (as a bundle carries them) decoded into the domain's [`Record`], so an import applies
//! the same rules as typed input (`maskcheck_domain::record_rules`). The column encodings are the store's own
//! (`codec`), so they are read here; a column that does not decode is a field error like any other.

use chrono::NaiveDate;
use maskcheck_domain::document::{DocContent, DocKind};
use maskcheck_domain::record_rules::{Record, TextField};
use maskcheck_domain::{EnterpriseInput, Field, FieldError, LicenceInput, ProductInput, Rule, ValidationErrors};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::codec::{category_from, kind_from, licence_kind_from, scale_from, status_from};

/// Reads columns, collecting every one that does not decode.
struct Columns<'a> {
    values: &'a Map<String, Value>,
    errors: Vec<FieldError>,
}

impl Columns<'_> {
    fn bad(&mut self, field: Field, rule: Rule, detail: impl Into<String>) {
        self.errors.push(FieldError::new(field, rule, detail));
    }

    fn text(&mut self, column: &str, field: Field) -> Option<String> {
        match self.values.get(column) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.bad(field, Rule::UnknownValue, other.to_string());
                None
            }
        }
    }

    fn required(&mut self, column: &str, field: Field) -> String {
        self.text(column, field).unwrap_or_default()
    }

    fn date(&mut self, column: &str, field: Field) -> Option<NaiveDate> {
        let s = self.text(column, field)?;
        match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.bad(field, Rule::DateFormat, s);
                None
            }
        }
    }

    fn flag(&mut self, column: &str, field: Field) -> bool {
        match self.values.get(column) {
            Some(Value::Number(n)) if n.as_i64() == Some(1) => true,
            Some(Value::Number(n)) if n.as_i64() == Some(0) => false,
            Some(Value::Bool(b)) => *b,
            other => {
                self.bad(field, Rule::UnknownValue, other.map(Value::to_string).unwrap_or_default());
                false
            }
        }
    }

    fn number(&mut self, column: &str, field: Field) -> Option<f64> {
        match self.values.get(column) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64(),
            Some(other) => {
                self.bad(field, Rule::NumberFormat, other.to_string());
                None
            }
        }
    }

    /// A closed list stored as text (`maker`, `business_licence` …).
    fn choice<T>(&mut self, column: &str, field: Field, from: fn(&str) -> Result<T, crate::StoreError>) -> Option<T> {
        let s = self.text(column, field)?;
        match from(&s) {
            Ok(v) => Some(v),
            Err(_) => {
                self.bad(field, Rule::UnknownValue, s);
                None
            }
        }
    }

    /// A JSON column holding a domain type.
    fn json<T: DeserializeOwned>(&mut self, column: &str) -> Option<T> {
        let s = self.text(column, Field::Content)?;
        match serde_json::from_str(&s) {
            Ok(v) => Some(v),
            Err(e) => {
                self.bad(Field::Content, Rule::UnknownValue, format!("{column}: {e}"));
                None
            }
        }
    }

    fn finish(self, record: Option<Record>) -> Result<Record, ValidationErrors> {
        match record {
            Some(r) if self.errors.is_empty() => Ok(r),
            _ if self.errors.is_empty() => {
                Err(ValidationErrors(vec![FieldError::new(Field::Content, Rule::Required, String::new())]))
            }
            _ => Err(ValidationErrors(self.errors)),
        }
    }
}

fn text_field(field: Field, value: Option<String>, required: bool, max: usize) -> TextField {
    TextField { field, value, required, max }
}

/// Decodes one synced row of `table` (a name from `SYNCED_TABLES`) into what the domain validates.
pub fn decode_record(table: &str, values: &Map<String, Value>) -> Result<Record, ValidationErrors> {
    let mut c = Columns { values, errors: Vec::new() };
    let record = match table {
        "enterprise" => {
            let kind = c.choice("kind", Field::Kind, kind_from);
            let input = EnterpriseInput {
                name: c.required("name", Field::Name),
                uscc: c.required("uscc", Field::Uscc),
                county: c.text("county", Field::County),
                production_address: c.text("production_address", Field::ProductionAddress),
                registered_address: c.text("registered_address", Field::RegisteredAddress),
                legal_rep: c.text("legal_rep", Field::LegalRep),
                contact: c.text("contact", Field::Contact),
                phone: c.text("phone", Field::Phone),
                kind: kind.unwrap_or(maskcheck_domain::EnterpriseKind::Maker),
                medical: c.flag("medical", Field::Medical),
                exporter: c.flag("exporter", Field::Exporter),
                scale: c.choice("scale", Field::Scale, scale_from),
                production_status: c.choice("production_status", Field::ProductionStatus, status_from),
                founded_on: c.date("founded_on", Field::FoundedOn),
                daily_capacity_wan: c.number("daily_capacity_wan", Field::DailyCapacity),
                note: c.text("note", Field::Note),
                new_county: None,
            };
            if input.daily_capacity_wan.is_some_and(|v| !v.is_finite() || v < 0.0) {
                c.bad(Field::DailyCapacity, Rule::NotNegative, format!("{:?}", input.daily_capacity_wan));
            }
            kind.map(|_| Record::Enterprise(input))
        }
        "licence" => {
            let kind = c.choice("kind", Field::Kind, licence_kind_from);
            let input = LicenceInput {
                kind: kind.unwrap_or(maskcheck_domain::LicenceKind::Other),
                number: c.required("number", Field::Number),
                holder: c.text("holder", Field::Holder),
                scope: c.text("scope", Field::Scope),
                issued_on: c.date("issued_on", Field::IssuedOn),
                valid_until: c.date("valid_until", Field::ValidUntil),
                issuer: c.text("issuer", Field::Issuer),
            };
            kind.map(|_| Record::Licence(input))
        }
        "product" => {
            let category = c.choice("category", Field::Category, category_from);
            let input = ProductInput {
                name: c.required("name", Field::Name),
                category: category.unwrap_or(maskcheck_domain::ProductCategory::Other),
                standard: c.text("standard", Field::Standard),
                grade: c.text("grade", Field::Grade),
                specification: c.text("specification", Field::Standard),
                registration_cert_no: c.text("registration_cert_no", Field::RegistrationCertNo),
            };
            category.map(|_| Record::Product(input))
        }
        "inspection" => {
            let finished = match c.text("status", Field::Content).as_deref() {
                Some("finished") => Some(true),
                Some("draft") => Some(false),
                other => {
                    c.bad(Field::Content, Rule::UnknownValue, other.unwrap_or_default().to_string());
                    None
                }
            };
            let draft = c.json("draft");
            draft.zip(finished).map(|(d, finished)| Record::Inspection { draft: Box::new(d), finished })
        }
        "sample" => {
            let input = c.json("input");
            let result = match values.get("result") {
                None | Some(Value::Null) => Some(None),
                Some(_) => c.json("result").map(Some),
            };
            input.zip(result).map(|(i, result)| Record::Sample { input: Box::new(i), result })
        }
        "enforcement_case" => c.json("input").map(Record::Case),
        "spot_check" => c.json("inspectors").map(Record::SpotCheck),
        "reinspection" => c.json("input").map(Record::Reinspection),
        "rectification" => {
            let deadline = c.date("deadline", Field::Deadline);
            let corrections: Option<Vec<String>> = c.json("corrections");
            deadline.zip(corrections).map(|(deadline, corrections)| Record::Rectification { deadline, corrections })
        }
        "document" => {
            let kind_text = c.required("kind", Field::Kind);
            let kind = DocKind::parse(&kind_text);
            if kind.is_none() {
                c.bad(Field::Kind, Rule::UnknownValue, kind_text);
            }
            let number = c.required("number", Field::Number);
            let content: Option<DocContent> = c.json("content");
            kind.zip(content).map(|(kind, content)| Record::Document { kind, number, content: Box::new(content) })
        }
        "finding" => {
            Some(Record::Texts(vec![text_field(Field::Findings, c.text("text", Field::Findings), true, 2000)]))
        }
        "attachment_link" => {
            Some(Record::Texts(vec![text_field(Field::Note, c.text("caption", Field::Note), false, 500)]))
        }
        "document_revocation" => {
            Some(Record::Texts(vec![text_field(Field::Reason, c.text("reason", Field::Reason), true, 500)]))
        }
        "document_service" => Some(Record::Texts(vec![
            // A public notice names no one who received it.
            text_field(Field::Representative, c.text("recipient", Field::Representative), false, 100),
            text_field(Field::ServiceMethod, c.text("method", Field::ServiceMethod), true, 100),
            text_field(Field::Reason, c.text("refusal", Field::Reason), false, 500),
            text_field(Field::Witness, c.text("witness", Field::Witness), false, 50),
        ])),
        // A number block is numbers only; the database's checks are its rules.
        "number_block" => Some(Record::Texts(Vec::new())),
        other => {
            c.bad(Field::Content, Rule::UnknownValue, other.to_string());
            None
        }
    };
    c.finish(record)
}
