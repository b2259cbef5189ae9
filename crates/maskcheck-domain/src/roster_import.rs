//! The plan of a roster import, computed before anything is written: each row becomes an insert, an update
//! (same USCC already in the roster, with the fields that change), unchanged, a duplicate of an earlier row of the
//! same file, or an error. Pure: the caller supplies what the roster holds.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::enterprise::{validate_enterprise, EnterpriseInput};
use crate::field_error::{Field, FieldError, Rule};

/// One data row of the file, parsed: its sheet row number, the input it yields (when every cell parsed), and the
/// cell-level errors, each with the header text of its column.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRow {
    pub row: u32,
    pub input: EnterpriseInput,
    pub errors: Vec<RowError>,
    /// Header text of the column each field came from, to name it in errors (one map shared by every row).
    pub columns: Arc<HashMap<Field, String>>,
}

/// A row checked by the rules that need nothing but the row (cells, enterprise rules, county): the costly part of
/// planning, done as rows are read. Whether it is new, an update or a duplicate is decided by [`plan_checked`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedRow {
    pub row: u32,
    pub name: String,
    /// Normalised when valid, as written otherwise.
    pub uscc: String,
    pub errors: Vec<RowError>,
    /// The validated input; None when the row has errors.
    pub valid: Option<EnterpriseInput>,
    /// The header of the USCC column, to name it in a duplicate's error.
    uscc_column: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    /// The header text of the column, as written in the file.
    pub column: String,
    pub error: FieldError,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: Field,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImportAction {
    Insert,
    Update { id: String, changes: Vec<FieldChange> },
    Unchanged { id: String },
    Duplicate { first_row: u32 },
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedRow {
    pub row: u32,
    pub name: String,
    pub uscc: String,
    pub action: ImportAction,
    pub errors: Vec<RowError>,
    /// What will be written (the file's values over the roster's for an update). Absent for errors.
    #[serde(skip)]
    #[ts(skip)]
    pub write: Option<EnterpriseInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    pub inserts: u32,
    pub updates: u32,
    pub unchanged: u32,
    pub duplicates: u32,
    pub errors: u32,
}

pub fn counts(rows: &[PlannedRow]) -> ImportCounts {
    let mut c = ImportCounts::default();
    for r in rows {
        match r.action {
            ImportAction::Insert => c.inserts += 1,
            ImportAction::Update { .. } => c.updates += 1,
            ImportAction::Unchanged { .. } => c.unchanged += 1,
            ImportAction::Duplicate { .. } => c.duplicates += 1,
            ImportAction::Error => c.errors += 1,
        }
    }
    c
}

/// The file's non-empty values laid over the roster's: a partial roster never blanks what is known.
fn merge(existing: &EnterpriseInput, file: &EnterpriseInput) -> EnterpriseInput {
    fn pick<T: Clone>(file: &Option<T>, old: &Option<T>) -> Option<T> {
        file.clone().or_else(|| old.clone())
    }
    EnterpriseInput {
        name: file.name.clone(),
        uscc: file.uscc.clone(),
        county: pick(&file.county, &existing.county),
        production_address: pick(&file.production_address, &existing.production_address),
        registered_address: pick(&file.registered_address, &existing.registered_address),
        legal_rep: pick(&file.legal_rep, &existing.legal_rep),
        contact: pick(&file.contact, &existing.contact),
        phone: pick(&file.phone, &existing.phone),
        kind: file.kind,
        medical: file.medical || existing.medical,
        exporter: file.exporter || existing.exporter,
        scale: pick(&file.scale, &existing.scale),
        production_status: pick(&file.production_status, &existing.production_status),
        founded_on: pick(&file.founded_on, &existing.founded_on),
        daily_capacity_wan: pick(&file.daily_capacity_wan, &existing.daily_capacity_wan),
        note: pick(&file.note, &existing.note),
        new_county: None,
    }
}

fn changes(old: &EnterpriseInput, new: &EnterpriseInput) -> Vec<FieldChange> {
    let show = |o: &Option<String>| o.clone().unwrap_or_default();
    let date = |d: &Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut out = Vec::new();
    let mut cmp = |field, a: String, b: String| {
        if a != b {
            out.push(FieldChange { field, old: a, new: b });
        }
    };
    cmp(Field::Name, old.name.clone(), new.name.clone());
    cmp(Field::County, show(&old.county), show(&new.county));
    cmp(Field::ProductionAddress, show(&old.production_address), show(&new.production_address));
    cmp(Field::RegisteredAddress, show(&old.registered_address), show(&new.registered_address));
    cmp(Field::LegalRep, show(&old.legal_rep), show(&new.legal_rep));
    cmp(Field::Contact, show(&old.contact), show(&new.contact));
    cmp(Field::Phone, show(&old.phone), show(&new.phone));
    cmp(Field::FoundedOn, date(&old.founded_on), date(&new.founded_on));
    cmp(Field::Kind, format!("{:?}", old.kind), format!("{:?}", new.kind));
    let other = |e: &EnterpriseInput| {
        format!(
            "{:?}{:?}{:?}{:?}{:?}{:?}",
            e.medical, e.exporter, e.scale, e.production_status, e.daily_capacity_wan, e.note
        )
    };
    cmp(Field::Category, other(old), other(new));
    out
}

/// Checks one parsed row by the cell, enterprise and county rules.
pub fn check_row(r: ParsedRow, today: NaiveDate, counties: &crate::county::KnownCounties) -> CheckedRow {
    let mut errors = r.errors;
    let validated = validate_enterprise(&r.input, today);
    let column_of = |f: Field| r.columns.get(&f).cloned().unwrap_or_else(|| f.label_zh().to_string());
    if let Some(error) = counties.check(r.input.county.as_deref()) {
        errors.push(RowError { column: column_of(Field::County), error });
    }
    let valid = match validated {
        Ok(v) => Some(v.into_inner()),
        Err(e) => {
            errors.extend(e.0.into_iter().map(|error| RowError { column: column_of(error.field), error }));
            None
        }
    };
    let uscc = valid.as_ref().map(|v| v.uscc.clone()).unwrap_or_else(|| r.input.uscc.clone());
    CheckedRow {
        row: r.row,
        name: r.input.name.trim().to_string(),
        uscc,
        valid: valid.filter(|_| errors.is_empty()),
        errors,
        uscc_column: column_of(Field::Uscc),
    }
}

/// Plans checked rows against the roster chunk by chunk, as they are read: the first row with a USCC is an insert,
/// an update or unchanged; a later row with the same USCC, in any chunk, is a duplicate.
#[derive(Debug, Default)]
pub struct Planner {
    first_seen: HashMap<String, u32>,
}

impl Planner {
    /// Plans the next rows (`existing` looks up a normalised USCC in the roster as it was before the import).
    pub fn plan(
        &mut self,
        rows: Vec<CheckedRow>,
        existing: impl Fn(&str) -> Option<(String, EnterpriseInput)>,
    ) -> Vec<PlannedRow> {
        rows.into_iter().map(|r| self.plan_row(r, &existing)).collect()
    }

    fn plan_row(&mut self, r: CheckedRow, existing: &impl Fn(&str) -> Option<(String, EnterpriseInput)>) -> PlannedRow {
        let CheckedRow { row, name, uscc, errors, valid, uscc_column } = r;
        let base = |action, write| PlannedRow { row, name, uscc, action, errors: vec![], write };
        let Some(valid) = valid else {
            return PlannedRow { errors, ..base(ImportAction::Error, None) };
        };
        if let Some(first) = self.first_seen.get(&valid.uscc) {
            let error = FieldError::new(Field::Uscc, Rule::DuplicateInFile, first.to_string());
            return PlannedRow {
                errors: vec![RowError { column: uscc_column, error }],
                ..base(ImportAction::Duplicate { first_row: *first }, None)
            };
        }
        self.first_seen.insert(valid.uscc.clone(), row);
        match existing(&valid.uscc) {
            None => base(ImportAction::Insert, Some(valid)),
            Some((id, old)) => {
                let merged = merge(&old, &valid);
                let changes = changes(&old, &merged);
                if changes.is_empty() {
                    base(ImportAction::Unchanged { id }, None)
                } else {
                    base(ImportAction::Update { id, changes }, Some(merged))
                }
            }
        }
    }
}

/// Plans checked rows against the roster in one go (see [`Planner`]).
pub fn plan_checked(
    rows: Vec<CheckedRow>,
    existing: impl Fn(&str) -> Option<(String, EnterpriseInput)>,
) -> Vec<PlannedRow> {
    Planner::default().plan(rows, existing)
}

/// Plans the import of `rows` against the roster (`existing` looks up a normalised USCC).
pub fn plan_import(
    rows: Vec<ParsedRow>,
    today: NaiveDate,
    counties: &crate::county::KnownCounties,
    existing: impl Fn(&str) -> Option<(String, EnterpriseInput)>,
) -> Vec<PlannedRow> {
    plan_checked(rows.into_iter().map(|r| check_row(r, today, counties)).collect(), existing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32, name: &str, uscc: &str) -> ParsedRow {
        ParsedRow { row: n, input: EnterpriseInput::new(name, uscc), errors: vec![], columns: Default::default() }
    }

    #[test]
    fn plan_table() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let mut known = EnterpriseInput::new("甲口罩厂", "91350100M000100Y43");
        known.legal_rep = Some("王五".into());
        let mut changed = row(5, "甲口罩厂（新）", "91350100m000100y43");
        changed.input.phone = Some("0373-1234567".into());
        let b = crate::sample::sample_uscc(1, 0);
        let rows = vec![row(4, "乙口罩厂", &b), changed, row(6, "乙口罩二厂", &b), row(7, "丙", "91350100M000100Y44")];
        let plan = plan_import(rows, today, &Default::default(), |u| {
            (u == "91350100M000100Y43").then(|| ("id-a".to_string(), known.clone()))
        });
        let actions: Vec<_> = plan.iter().map(|p| (p.row, p.action.clone())).collect();
        assert_eq!(actions[0], (4, ImportAction::Insert));
        let ImportAction::Update { id, changes } = &plan[1].action else { panic!("{:?}", plan[1]) };
        assert_eq!(id, "id-a");
        assert_eq!(changes.iter().map(|c| c.field).collect::<Vec<_>>(), vec![Field::Name, Field::Phone]);
        assert_eq!(plan[1].write.as_ref().and_then(|w| w.legal_rep.clone()).as_deref(), Some("王五"), "kept");
        assert_eq!(actions[2], (6, ImportAction::Duplicate { first_row: 4 }));
        assert_eq!(actions[3], (7, ImportAction::Error));
        assert_eq!(plan[3].errors[0].error.rule, Rule::UsccCheckChar);
        assert_eq!(plan[3].errors[0].column, "统一社会信用代码");
        let c = counts(&plan);
        assert_eq!((c.inserts, c.updates, c.duplicates, c.errors), (1, 1, 1, 1));
    }

    #[test]
    fn the_same_row_twice_against_the_roster_is_unchanged() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let known = EnterpriseInput::new("甲口罩厂", "91350100M000100Y43");
        let plan = plan_import(vec![row(3, "甲口罩厂", "91350100M000100Y43")], today, &Default::default(), |_| {
            Some(("x".into(), known.clone()))
        });
        assert_eq!(plan[0].action, ImportAction::Unchanged { id: "x".into() });
    }
}
