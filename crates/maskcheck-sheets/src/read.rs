//! Finding the roster table in a workbook laid out by hand.

use std::io::Read;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cell::Cell;
use crate::columns::{match_header, RosterColumn};
use crate::SheetError;

/// How the header rows are searched: titles above the table rarely take more than a few rows.
const HEADER_SCAN_ROWS: usize = 30;

/// One column of the found table: its position, its header as written, and the field it maps to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub index: u32,
    pub header: String,
    pub column: Option<RosterColumn>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// The row number as Excel shows it (1-based).
    pub number: u32,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetTable {
    pub sheet: String,
    pub sheet_names: Vec<String>,
    /// The Excel row numbers of the header (one, or two for a merged two-row header).
    pub header_rows: Vec<u32>,
    pub columns: Vec<ColumnMapping>,
    pub rows: Vec<SheetRow>,
    pub skipped_empty: u32,
    /// Where the notes under the table begin, if any.
    pub notes_from_row: Option<u32>,
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if dt.is_datetime() => Cell::Date(t.date()),
            _ => Cell::Number(dt.as_f64()),
        },
    }
}

/// Refuses, with a clear reason, files that are not spreadsheets before a parser tries them.
fn sniff(path: &Path) -> Result<(), SheetError> {
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| SheetError::Unreadable { path: path.into(), reason: e.to_string() })?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let zip = head.starts_with(b"PK\x03\x04");
    let ole = head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    match ext.as_str() {
        // An .xlsx with an OLE header is an encrypted (password-protected) package.
        "xlsx" | "xlsm" if ole => Err(SheetError::Encrypted { path: path.into() }),
        "xlsx" | "xlsm" | "ods" if !zip => {
            Err(SheetError::NotASpreadsheet { path: path.into(), found: describe(&head[..n]) })
        }
        "xls" if !ole => Err(SheetError::NotASpreadsheet { path: path.into(), found: describe(&head[..n]) }),
        "xlsx" | "xlsm" | "ods" | "xls" => Ok(()),
        other => Err(SheetError::NotASpreadsheet { path: path.into(), found: format!("扩展名 .{other}") }),
    }
}

fn describe(head: &[u8]) -> String {
    if head.is_empty() {
        "文件为空".into()
    } else if head.iter().all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace() || *b >= 0x80) {
        "看起来是文本文件，可能是 CSV 改了扩展名".into()
    } else {
        "文件头不是 Excel 或 ODS 格式，可能已损坏".into()
    }
}

/// Reads the roster table of `path`: the named sheet, or the first sheet with a recognisable header.
pub fn read_roster(path: &Path, sheet: Option<&str>) -> Result<SheetTable, SheetError> {
    sniff(path)?;
    let unreadable = |e: calamine::Error| {
        let reason = e.to_string();
        if reason.to_ascii_lowercase().contains("password") || reason.contains("encrypt") {
            SheetError::Encrypted { path: path.into() }
        } else {
            SheetError::Unreadable {
                path: path.into(), reason: format!("文件已损坏或格式不受支持（{reason}）")
            }
        }
    };
    let mut wb = open_workbook_auto(path).map_err(unreadable)?;
    let names = wb.sheet_names().to_vec();
    let candidates: Vec<String> = match sheet {
        Some(s) => {
            if !names.iter().any(|n| n == s) {
                return Err(SheetError::NoSuchSheet {
                    path: path.into(),
                    sheet: s.into(),
                    available: names.join("、"),
                });
            }
            vec![s.to_string()]
        }
        None => names.clone(),
    };
    for name in &candidates {
        let (grid, row0) = {
            // Converted row by row, and the calamine range dropped before the table is built, so a large sheet
            // is held in memory once.
            let range = wb.worksheet_range(name).map_err(unreadable)?;
            let (row0, col0) = range.start().map(|(r, c)| (r as usize, c as usize)).unwrap_or((0, 0));
            let width = col0 + range.width();
            let grid: Vec<Vec<Cell>> = range
                .rows()
                .map(|r| {
                    let mut cells = Vec::with_capacity(width);
                    cells.resize(col0, Cell::Empty);
                    cells.extend(r.iter().map(convert));
                    cells.resize(width, Cell::Empty);
                    cells
                })
                .collect();
            (grid, row0)
        };
        if let Some(table) = find_table(name, &names, grid, row0) {
            return Ok(table);
        }
    }
    Err(SheetError::NoHeader { path: path.into(), sheets: candidates.join("、") })
}

/// The header of one candidate: a row alone, or a row with the one below it (merged two-row header).
fn header_of(grid: &[Vec<Cell>], r: usize, two_rows: bool) -> Vec<(String, Option<RosterColumn>)> {
    let top = &grid[r];
    (0..top.len())
        .map(|c| {
            let upper = top[c].text();
            let lower =
                if two_rows { grid.get(r + 1).map(|row| row[c].text()).unwrap_or_default() } else { String::new() };
            // A group header above sub-headers: the sub-header names the column; a vertically merged cell
            // leaves the lower cell empty and the upper one names it.
            for text in [lower.clone(), upper.clone(), format!("{upper}{lower}")] {
                if let Some(col) = match_header(&text) {
                    return (text, Some(col));
                }
            }
            (if lower.is_empty() { upper } else { lower }, None)
        })
        .collect()
}

fn score(header: &[(String, Option<RosterColumn>)]) -> usize {
    let mut cols: Vec<RosterColumn> = header.iter().filter_map(|h| h.1).collect();
    cols.sort();
    cols.dedup();
    let has_key = cols.contains(&RosterColumn::Name) && cols.contains(&RosterColumn::Uscc);
    if has_key {
        cols.len()
    } else {
        0
    }
}

fn is_note_row(cells: &[Cell]) -> bool {
    let filled: Vec<String> = cells.iter().filter(|c| !c.is_empty()).map(Cell::text).collect();
    let Some(first) = filled.first() else { return false };
    const MARKERS: &[&str] =
        &["注", "备注", "说明", "填表", "填报", "制表", "审核", "负责人", "单位负责人", "统计负责人"];
    filled.len() <= 3 && MARKERS.iter().any(|m| first.starts_with(m))
}

fn find_table(sheet: &str, names: &[String], grid: Vec<Vec<Cell>>, row0: usize) -> Option<SheetTable> {
    let mut best: Option<(usize, usize, bool)> = None;
    let rows = grid.len().min(HEADER_SCAN_ROWS);
    let single: Vec<usize> = (0..rows).map(|r| score(&header_of(&grid, r, false))).collect();
    for r in 0..rows {
        let mut s = single[r];
        let mut two = false;
        // Two rows are one header only when together they name more columns than either alone (a title row
        // above a one-row header adds nothing).
        if r + 1 < grid.len() {
            let both = score(&header_of(&grid, r, true));
            if both > s && both > single.get(r + 1).copied().unwrap_or(0) {
                (s, two) = (both, true);
            }
        }
        if s > 0 && best.is_none_or(|(bs, _, _)| s > bs) {
            best = Some((s, r, two));
        }
    }
    let (_, r, two) = best?;
    let header = header_of(&grid, r, two);
    let columns: Vec<ColumnMapping> = header
        .into_iter()
        .enumerate()
        .filter(|(_, (text, col))| !text.is_empty() || col.is_some())
        .map(|(i, (header, column))| ColumnMapping { index: i as u32, header, column })
        .collect();
    let first_data = r + if two { 2 } else { 1 };
    let number = |i: usize| (row0 + i + 1) as u32;
    let mut rows = Vec::new();
    let mut skipped_empty = 0;
    let mut notes_from_row = None;
    for (i, cells) in grid.into_iter().enumerate().skip(first_data) {
        if cells.iter().all(Cell::is_empty) {
            skipped_empty += 1;
            continue;
        }
        if is_note_row(&cells) {
            notes_from_row = Some(number(i));
            break;
        }
        rows.push(SheetRow { number: number(i), cells });
    }
    let header_rows = if two { vec![number(r), number(r + 1)] } else { vec![number(r)] };
    Some(SheetTable {
        sheet: sheet.into(),
        sheet_names: names.to_vec(),
        header_rows,
        columns,
        rows,
        skipped_empty,
        notes_from_row,
    })
}
