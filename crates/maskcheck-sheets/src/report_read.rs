//! Reading the appendix 4 and 5 workbooks a unit sent up, for the city's roll-up: the layout this app writes and
//! the seed's layout as typed by hand (a title and 填报单位 line above, headers with line breaks, half- or
//! full-width brackets, a header spread over two merged rows, notes under the table). Every cell that is not what
//! the table needs is named by its Excel row and its column's header; the app then checks the table's sums with
//! the domain's rules and previews it before anything is kept.

use std::path::Path;

use maskcheck_domain::appendix::{Appendix4Row, Appendix5Row};
use maskcheck_domain::casework::CaseCategory;
use maskcheck_domain::rollup::{APPENDIX4_HEADERS, APPENDIX4_ROW_HEADER};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::appendix_book::APPENDIX5_COLUMNS;
use crate::cell::{number_text, parse_date, Cell};
use crate::columns::header_key;
use crate::grid::SparseRow;
use crate::read::{find_in_sheets, Found};
use crate::SheetError;

/// Titles and the 填报单位 line take a few rows above the header.
const HEADER_SCAN_ROWS: usize = 20;

/// A cell of the sent table that breaks a rule: its Excel row (1-based), its column's header, the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CellError {
    pub row: u32,
    pub column: String,
    pub rule: String,
}

/// Appendix 4 as a unit sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct SentAppendix4 {
    pub sheet: String,
    /// 填报单位 as written (empty when the line was left blank).
    pub unit: String,
    pub date: String,
    /// The seven categories then 合计, in the seed's order, whatever order the sheet had them in.
    pub rows: Vec<Appendix4Row>,
    /// The Excel row each of `rows` came from (0 when the row is missing, with an error saying so).
    pub row_numbers: Vec<u32>,
    pub errors: Vec<CellError>,
}

/// Appendix 5 as a unit sent it: its rows with their Excel row numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct SentAppendix5 {
    pub sheet: String,
    pub unit: String,
    pub date: String,
    pub rows: Vec<(u32, Appendix5Row)>,
    pub errors: Vec<CellError>,
}

/// What a unit's workbook holds: appendix 4, appendix 5, or both (a book of all three).
#[derive(Debug, Clone, PartialEq)]
pub struct SentReport {
    pub appendix4: Option<SentAppendix4>,
    pub appendix5: Option<SentAppendix5>,
}

enum Either {
    Four(SentAppendix4),
    Five(SentAppendix5),
}

/// Reads the appendix 4 and 5 tables of `path`, whichever sheets hold them.
pub fn read_sent_report(path: &Path) -> Result<SentReport, SheetError> {
    crate::guard::catch_panic(|| {
        let mut formulas = None;
        let mut sheets = String::new();
        let mut keep = |found| match found {
            Found::Table(t) => Some(t),
            Found::FormulaHeader(s) => {
                formulas = Some(s);
                None
            }
            Found::Nothing(s) => {
                sheets = s;
                None
            }
        };
        let a4 = keep(find_in_sheets(path, None, |name, _, rows| appendix4(name, &rows).map(Either::Four))?);
        let a5 = keep(find_in_sheets(path, None, |name, _, rows| appendix5(name, &rows).map(Either::Five))?);
        let (a4, a5) = match (a4, a5) {
            (Some(Either::Four(a4)), Some(Either::Five(a5))) => (Some(a4), Some(a5)),
            (Some(Either::Four(a4)), None) => (Some(a4), None),
            (None, Some(Either::Five(a5))) => (None, Some(a5)),
            _ => {
                return Err(match formulas {
                    Some(sheets) => SheetError::FormulaHeader { path: path.into(), sheets },
                    None => SheetError::NoReport { path: path.into(), sheets },
                })
            }
        };
        Ok(SentReport { appendix4: a4, appendix5: a5 })
    })
    .unwrap_or_else(|()| {
        Err(SheetError::Unreadable {
            path: path.into(), reason: "文件内容不符合电子表格格式，可能已损坏".into()
        })
    })
}

fn width(rows: &[SparseRow]) -> usize {
    rows.iter().map(SparseRow::width).max().unwrap_or(0)
}

/// The header texts of row `i`, each column joined with the row under it when the header spans two rows.
fn header_texts(dense: &[Vec<Cell>], i: usize, two_rows: bool) -> Vec<String> {
    (0..dense[i].len())
        .map(|c| {
            let mut t = dense[i][c].text();
            if two_rows {
                if let Some(next) = dense.get(i + 1) {
                    t.push_str(&next[c].text());
                }
            }
            header_key(&t)
        })
        .collect()
}

/// Finds the header among the first rows: the row (alone, or with the one under it) where `wanted` keys are
/// found. Returns the header's last row index in `dense` and the column of each wanted key.
fn find_header(dense: &[Vec<Cell>], wanted: &[String], enough: usize) -> Option<(usize, Vec<Option<usize>>)> {
    // A one-row header first everywhere: joined with the row above it, a header row would match too.
    for two_rows in [false, true] {
        for i in 0..dense.len().min(HEADER_SCAN_ROWS) {
            let texts = header_texts(dense, i, two_rows);
            let cols: Vec<Option<usize>> = wanted.iter().map(|w| texts.iter().position(|t| t == w)).collect();
            if cols.iter().filter(|c| c.is_some()).count() >= enough {
                return Some((i + usize::from(two_rows), cols));
            }
        }
    }
    None
}

/// 填报单位 and 填报时间 from the lines above the header: the text after the colon, or the next cell's.
fn unit_and_date(dense: &[Vec<Cell>], header: usize) -> (String, String) {
    let mut unit = String::new();
    let mut date = String::new();
    for row in &dense[..header] {
        for (c, cell) in row.iter().enumerate() {
            let t = cell.text();
            let after = |key: &str| -> Option<String> {
                let at = t.find(key)?;
                let rest = t[at + key.len()..].trim_start_matches(|ch: char| "（盖章）(盖章)：: ".contains(ch));
                let rest = rest.trim();
                if rest.is_empty() {
                    row.iter().skip(c + 1).map(Cell::text).find(|s| !s.is_empty())
                } else {
                    Some(rest.to_string())
                }
            };
            if let Some(u) = after("填报单位") {
                unit = u;
            }
            if let Some(d) = after("填报时间").or_else(|| after("填报日期")) {
                date = d;
            } else if date.is_empty() && t.contains('年') && t.ends_with('日') && !t.contains("填报单位") {
                // The seed's layout has a bare "年 月 日" line.
                date = t.chars().filter(|c| !c.is_whitespace()).collect();
            }
        }
    }
    (unit, date)
}

/// A figure cell: blank is nothing, a number or a number typed as text is the number; a dash stands for blank.
fn figure(cell: &Cell) -> Result<Option<f64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if n.is_finite() => Ok(Some(*n)),
        Cell::Text(s) => {
            let t = maskcheck_domain::text::to_half_width(s.trim());
            if t.is_empty() || ["-", "—", "/", "无"].contains(&t.as_str()) {
                return Ok(None);
            }
            t.replace(',', "").parse::<f64>().map(Some).map_err(|_| format!("“{}”不是数字", s.trim()))
        }
        other => Err(format!("“{}”不是数字", other.text())),
    }
}

fn appendix4(sheet: &str, rows: &[SparseRow]) -> Option<SentAppendix4> {
    let w = width(rows);
    let dense: Vec<Vec<Cell>> = rows.iter().map(|r| r.dense(w)).collect();
    let wanted: Vec<String> = std::iter::once(APPENDIX4_ROW_HEADER).chain(APPENDIX4_HEADERS).map(header_key).collect();
    let (header, cols) = find_header(&dense, &wanted, 6)?;
    let (unit, date) = unit_and_date(&dense, header);
    let mut errors = Vec::new();
    let header_row = rows[header].index + 1;
    for (k, c) in cols.iter().enumerate() {
        if c.is_none() {
            let name = if k == 0 { APPENDIX4_ROW_HEADER } else { APPENDIX4_HEADERS[k - 1] };
            errors.push(CellError { row: header_row, column: name.into(), rule: "缺少此列".into() });
        }
    }
    let label_col = cols[0].unwrap_or(0);
    let labels: Vec<(Option<CaseCategory>, String)> = CaseCategory::ALL
        .iter()
        .map(|c| (Some(*c), header_key(c.row_zh())))
        .chain(std::iter::once((None, header_key("合计"))))
        .collect();
    let mut found: Vec<Option<(u32, Appendix4Row)>> = vec![None; labels.len()];
    for (r, cells) in rows.iter().zip(&dense).skip(header + 1) {
        let number = r.index + 1;
        let label = header_key(&cells[label_col].text());
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        if label.starts_with('注') || label.starts_with("备注") {
            break;
        }
        let Some(slot) = labels.iter().position(|(_, l)| *l == label) else {
            errors.push(CellError {
                row: number,
                column: APPENDIX4_ROW_HEADER.into(),
                rule: format!("“{}”不是附件4的行（应为七类案件或合计）", cells[label_col].text()),
            });
            continue;
        };
        if found[slot].is_some() {
            errors.push(CellError { row: number, column: APPENDIX4_ROW_HEADER.into(), rule: "此行重复".into() });
            continue;
        }
        let mut values = [None; 9];
        for (k, v) in values.iter_mut().enumerate() {
            let Some(c) = cols[k + 1] else { continue };
            match figure(&cells[c]) {
                Ok(Some(n)) if n < 0.0 => errors.push(CellError {
                    row: number,
                    column: APPENDIX4_HEADERS[k].into(),
                    rule: format!("{} 为负数", number_text(n)),
                }),
                // Counts are whole numbers; 罚没, 案值 and 查获口罩 are in 万 with decimals.
                Ok(Some(n)) if !(5..=7).contains(&k) && n.fract() != 0.0 => errors.push(CellError {
                    row: number,
                    column: APPENDIX4_HEADERS[k].into(),
                    rule: format!("{} 不是整数", number_text(n)),
                }),
                Ok(n) => *v = n,
                Err(rule) => errors.push(CellError { row: number, column: APPENDIX4_HEADERS[k].into(), rule }),
            }
        }
        let count = |v: Option<f64>| v.unwrap_or(0.0) as u32;
        let row = Appendix4Row {
            category: labels[slot].0,
            inspectors: values[0].map(|v| v as u32),
            operators: values[1].map(|v| v as u32),
            cases: count(values[2]),
            filed: count(values[3]),
            closed: count(values[4]),
            fines_wan: values[5].unwrap_or(0.0),
            value_wan: values[6].unwrap_or(0.0),
            masks_wan: values[7].unwrap_or(0.0),
            referred: count(values[8]),
        };
        found[slot] = Some((number, row));
    }
    let mut out_rows = Vec::with_capacity(labels.len());
    let mut row_numbers = Vec::with_capacity(labels.len());
    for ((category, _), f) in labels.iter().zip(found) {
        match f {
            Some((n, r)) => {
                row_numbers.push(n);
                out_rows.push(r);
            }
            None => {
                let name = category.map(CaseCategory::row_zh).unwrap_or("合计");
                errors.push(CellError {
                    row: header_row,
                    column: APPENDIX4_ROW_HEADER.into(),
                    rule: format!("缺少“{name}”行"),
                });
                row_numbers.push(0);
                out_rows.push(Appendix4Row { category: *category, ..Default::default() });
            }
        }
    }
    Some(SentAppendix4 { sheet: sheet.into(), unit, date, rows: out_rows, row_numbers, errors })
}

fn appendix5(sheet: &str, rows: &[SparseRow]) -> Option<SentAppendix5> {
    let w = width(rows);
    let dense: Vec<Vec<Cell>> = rows.iter().map(|r| r.dense(w)).collect();
    let wanted: Vec<String> = APPENDIX5_COLUMNS.iter().map(|(h, _)| header_key(h)).collect();
    let (header, cols) = find_header(&dense, &wanted, 8)?;
    let (unit, date) = unit_and_date(&dense, header);
    let header_row = rows[header].index + 1;
    let mut errors: Vec<CellError> = cols
        .iter()
        .zip(APPENDIX5_COLUMNS)
        .filter(|(c, (h, _))| c.is_none() && *h != "序号")
        .map(|(_, (h, _))| CellError { row: header_row, column: (*h).into(), rule: "缺少此列".into() })
        .collect();
    let mut out = Vec::new();
    for (r, cells) in rows.iter().zip(&dense).skip(header + 1) {
        let number = r.index + 1;
        let text = |k: usize| cols[k].map(|c| cells[c].text()).unwrap_or_default();
        if cols.iter().skip(1).all(|c| c.is_none_or(|c| cells[c].is_empty())) {
            continue;
        }
        if header_key(&cells.iter().map(Cell::text).find(|t| !t.is_empty()).unwrap_or_default()).starts_with('注') {
            break;
        }
        let founded_on = match cols[13].map(|c| parse_date(&cells[c])) {
            Some(Ok(Some(d))) => maskcheck_domain::dates::zh_date(d),
            _ => text(13),
        };
        let row = Appendix5Row {
            product_name: text(1),
            spec_model: text(2),
            enterprise: text(3),
            result: text(4),
            failing_items: text(5),
            nonconforming_quantity: text(6),
            reached_market: text(7),
            market_direction: text(8),
            post_measures: text(9),
            help_measures: text(10),
            production_status: text(11),
            scale: text(12),
            founded_on,
        };
        for (column, rule) in maskcheck_domain::rollup::check_appendix5_row(&row) {
            errors.push(CellError { row: number, column: column.into(), rule });
        }
        out.push((number, row));
    }
    Some(SentAppendix5 { sheet: sheet.into(), unit, date, rows: out, errors })
}
