//! A table row to an enterprise input, cell by cell, with errors that name the row, the column and the rule.

use std::collections::HashMap;
use std::sync::Arc;

use maskcheck_domain::roster_import::{ParsedRow, RowError};
use maskcheck_domain::{EnterpriseInput, EnterpriseKind, Field, FieldError, ProductionStatus, Rule, Scale};

use crate::cell::{parse_date, Cell};
use crate::columns::RosterColumn;
use crate::read::{ColumnMapping, SheetRow, SheetTable};

fn field_of(col: RosterColumn) -> Field {
    match col {
        RosterColumn::Name | RosterColumn::Serial => Field::Name,
        RosterColumn::Uscc => Field::Uscc,
        RosterColumn::County => Field::County,
        RosterColumn::ProductionAddress => Field::ProductionAddress,
        RosterColumn::RegisteredAddress => Field::RegisteredAddress,
        RosterColumn::LegalRep => Field::LegalRep,
        RosterColumn::Contact => Field::Contact,
        RosterColumn::Phone | RosterColumn::ContactAndPhone => Field::Phone,
        RosterColumn::Kind => Field::Kind,
        RosterColumn::Medical => Field::Medical,
        RosterColumn::Exporter => Field::Exporter,
        RosterColumn::Scale => Field::Scale,
        RosterColumn::ProductionStatus => Field::ProductionStatus,
        RosterColumn::FoundedOn => Field::FoundedOn,
        RosterColumn::DailyCapacity => Field::DailyCapacity,
        RosterColumn::Category | RosterColumn::Standard | RosterColumn::InspectionNote | RosterColumn::Note => {
            Field::Note
        }
    }
}

fn yes_no(s: &str) -> Option<bool> {
    match s.trim() {
        "" | "否" | "N" | "n" | "×" | "0" | "无" | "非医用" | "false" | "FALSE" => Some(false),
        "是" | "Y" | "y" | "√" | "✓" | "1" | "有" | "医用" | "true" | "TRUE" => Some(true),
        _ => None,
    }
}

fn kind(s: &str) -> Option<EnterpriseKind> {
    let s = s.trim();
    if s.is_empty() || s.contains("生产") {
        Some(EnterpriseKind::Maker)
    } else if ["经营", "销售", "商贸", "批发", "零售", "药店", "网店"].iter().any(|k| s.contains(k)) {
        Some(EnterpriseKind::Seller)
    } else {
        None
    }
}

fn scale(s: &str) -> Option<Scale> {
    let s = s.trim();
    [("大", Scale::Large), ("中", Scale::Medium), ("小", Scale::Small), ("微", Scale::Micro)]
        .into_iter()
        .find(|(k, _)| s.starts_with(k))
        .map(|(_, v)| v)
}

fn status(s: &str) -> Option<ProductionStatus> {
    let s = s.trim();
    if s.contains("转产") {
        Some(ProductionStatus::Converted)
    } else if s.contains("停") {
        Some(ProductionStatus::Stopped)
    } else if s.contains("在产") || s.contains("正常") || s == "生产" {
        Some(ProductionStatus::Producing)
    } else {
        None
    }
}

/// Splits "张三 13812345678" / "张三/0373-1234567" into contact and phone.
fn split_contact_phone(s: &str) -> (Option<String>, Option<String>) {
    let t = maskcheck_domain::text::to_half_width(s);
    let start = t.find(|c: char| c.is_ascii_digit());
    match start {
        Some(i) => {
            let contact = t[..i].trim_matches(|c: char| c.is_whitespace() || "/:：,，、".contains(c)).to_string();
            let phone = t[i..].trim().to_string();
            ((!contact.is_empty()).then_some(contact), (!phone.is_empty()).then_some(phone))
        }
        None => ((!t.trim().is_empty()).then(|| t.trim().to_string()), None),
    }
}

/// Parses every data row of `table` with its column mapping (as found, or as the user corrected it).
pub fn parse_rows(table: &SheetTable) -> Vec<ParsedRow> {
    let parser = RowParser::new(&table.columns);
    table.rows.iter().map(|r| parser.parse(r)).collect()
}

pub fn parse_row(row: &SheetRow, columns: &[ColumnMapping]) -> ParsedRow {
    RowParser::new(columns).parse(row)
}

/// Parses rows with one column mapping; the header names that errors cite are built once and shared by the rows.
pub struct RowParser {
    columns: Vec<ColumnMapping>,
    names: Arc<HashMap<Field, String>>,
}

impl RowParser {
    pub fn new(columns: &[ColumnMapping]) -> RowParser {
        let mut names: HashMap<Field, String> = HashMap::new();
        for m in columns {
            if let Some(col) = m.column {
                names.entry(field_of(col)).or_insert_with(|| m.header.clone());
            }
        }
        RowParser { columns: columns.to_vec(), names: Arc::new(names) }
    }

    pub fn parse(&self, row: &SheetRow) -> ParsedRow {
        parse_with(row, &self.columns, &self.names)
    }
}

fn parse_with(row: &SheetRow, columns: &[ColumnMapping], names: &Arc<HashMap<Field, String>>) -> ParsedRow {
    let mut input = EnterpriseInput::new("", "");
    let mut errors = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    for m in columns {
        let Some(col) = m.column else { continue };
        let cell = row.cells.get(m.index as usize).unwrap_or(&Cell::Empty);
        let field = field_of(col);
        let text = cell.text();
        let opt = || (!text.is_empty()).then(|| text.clone());
        let mut bad = |rule: Rule, detail: String| {
            errors.push(RowError { column: m.header.clone(), error: FieldError::new(field, rule, detail) });
        };
        match col {
            RosterColumn::Serial => {}
            RosterColumn::Name => input.name = text.clone(),
            RosterColumn::Uscc => input.uscc = text.clone(),
            RosterColumn::County => input.county = opt(),
            RosterColumn::ProductionAddress => input.production_address = opt(),
            RosterColumn::RegisteredAddress => input.registered_address = opt(),
            RosterColumn::LegalRep => input.legal_rep = opt(),
            RosterColumn::Contact => input.contact = opt(),
            RosterColumn::Phone => input.phone = opt(),
            RosterColumn::ContactAndPhone => {
                let (c, p) = split_contact_phone(&text);
                input.contact = input.contact.take().or(c);
                input.phone = input.phone.take().or(p);
            }
            RosterColumn::Kind => match kind(&text) {
                Some(k) => input.kind = k,
                None => bad(Rule::UnknownValue, format!("{text}；应为 生产企业 或 经营企业")),
            },
            RosterColumn::Medical => match yes_no(&text) {
                Some(v) => input.medical = v,
                None => bad(Rule::UnknownValue, format!("{text}；应为 是/否")),
            },
            RosterColumn::Exporter => match yes_no(&text) {
                Some(v) => input.exporter = v,
                None => bad(Rule::UnknownValue, format!("{text}；应为 是/否")),
            },
            RosterColumn::Scale => match (text.is_empty(), scale(&text)) {
                (true, _) => {}
                (false, Some(s)) => input.scale = Some(s),
                (false, None) => bad(Rule::UnknownValue, format!("{text}；应为 大型/中型/小型/微型")),
            },
            RosterColumn::ProductionStatus => match (text.is_empty(), status(&text)) {
                (true, _) => {}
                (false, Some(s)) => input.production_status = Some(s),
                (false, None) => bad(Rule::UnknownValue, format!("{text}；应为 在产/停产/转产")),
            },
            RosterColumn::FoundedOn => match parse_date(cell) {
                Ok(d) => input.founded_on = d,
                Err((rule, t)) => bad(rule, t),
            },
            RosterColumn::DailyCapacity => match cell {
                Cell::Number(n) => input.daily_capacity_wan = Some(*n),
                _ if text.is_empty() => {}
                _ => match text.trim_end_matches("万只").trim().parse::<f64>() {
                    Ok(n) if n >= 0.0 => input.daily_capacity_wan = Some(n),
                    _ => bad(Rule::NumberFormat, text.clone()),
                },
            },
            RosterColumn::Category | RosterColumn::Standard | RosterColumn::InspectionNote | RosterColumn::Note => {
                if !text.is_empty() {
                    notes.push(if col == RosterColumn::Note { text.clone() } else { format!("{}：{text}", m.header) });
                }
            }
        }
    }
    if !notes.is_empty() {
        input.note = Some(notes.join("；"));
    }
    ParsedRow { row: row.number, input, errors, columns: Arc::clone(names) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_and_phone_table() {
        for (s, c, p) in [
            ("张三 13812345678", Some("张三"), Some("13812345678")),
            ("李四/0373-1234567", Some("李四"), Some("0373-1234567")),
            ("１３８１２３４５６７８", None, Some("13812345678")),
            ("王五", Some("王五"), None),
        ] {
            assert_eq!(split_contact_phone(s), (c.map(Into::into), p.map(Into::into)), "{s}");
        }
    }

    #[test]
    fn value_words() {
        assert_eq!(kind("经营企业"), Some(EnterpriseKind::Seller));
        assert_eq!(kind("生产企业"), Some(EnterpriseKind::Maker));
        assert_eq!(kind("其它"), None);
        assert_eq!(yes_no("√"), Some(true));
        assert_eq!(yes_no("也许"), None);
        assert_eq!(scale("小微"), Some(Scale::Small));
        assert_eq!(status("停产整顿"), Some(ProductionStatus::Stopped));
    }
}
