//! Finding the roster table in a workbook laid out by hand. Every format is bounded before it is parsed
//! (`limits`), and tables are found from the cells that exist (`grid`), never from a sheet's declared size.

use std::io::Read;
use std::path::Path;

use calamine::{open_workbook, open_workbook_auto, Reader, Xlsx};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cell::Cell;
use crate::columns::{match_header, RosterColumn};
use crate::grid::{collect_rows, convert_ref, rows_of_range, GridError, RowStream, SparseRow, StreamError};
use crate::limits;
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
    crate::guard::catch_panic(|| read_roster_unguarded(path, sheet)).unwrap_or_else(|()| Err(parser_panicked(path)))
}

/// A roster the parser panicked on (caught by `guard`).
fn parser_panicked(path: &Path) -> SheetError {
    SheetError::Unreadable {
        path: path.into(),
        reason: "文件内容不符合电子表格格式，可能已损坏；请用 Excel 或 WPS 打开后另存为 .xlsx 再导入".into(),
    }
}

fn read_roster_unguarded(path: &Path, sheet: Option<&str>) -> Result<SheetTable, SheetError> {
    match find_in_sheets(path, sheet, find_table)? {
        Found::Table(t) => Ok(t),
        Found::FormulaHeader(sheets) => Err(SheetError::FormulaHeader { path: path.into(), sheets }),
        Found::Nothing(sheets) => Err(SheetError::NoHeader { path: path.into(), sheets }),
    }
}

/// What looking through the sheets found: the table, or the sheets looked at (and whether their headers were
/// formulas without values).
pub(crate) enum Found<T> {
    Table(T),
    FormulaHeader(String),
    Nothing(String),
}

/// Reads each candidate sheet (bounded as `limits` says) and returns the first table `find` recognises.
/// An .xlsx past the checks of its parts, with its sheet names and the sheets to look in, in order.
struct OpenedXlsx {
    wb: Xlsx<std::io::BufReader<std::fs::File>>,
    names: Vec<String>,
    candidates: Vec<String>,
}

/// Opens an .xlsx for a read whole or streamed (the caller has sniffed it and checked its size).
fn open_xlsx(path: &Path, sheet: Option<&str>) -> Result<OpenedXlsx, SheetError> {
    limits::check_zip_parts(path)?;
    let wb: Xlsx<_> = open_workbook(path).map_err(|e| unreadable(path, calamine::Error::Xlsx(e).to_string()))?;
    let names = wb.sheet_names().to_vec();
    let candidates = candidates(path, &names, sheet)?;
    Ok(OpenedXlsx { wb, names, candidates })
}

pub(crate) fn find_in_sheets<T>(
    path: &Path,
    sheet: Option<&str>,
    mut find: impl FnMut(&str, &[String], Vec<SparseRow>) -> Option<T>,
) -> Result<Found<T>, SheetError> {
    sniff(path)?;
    limits::check_file_size(path)?;
    let unreadable = |e: calamine::Error| unreadable(path, e.to_string());
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" => {
            let OpenedXlsx { mut wb, names, candidates } = open_xlsx(path, sheet)?;
            let mut formula_headers = false;
            for name in &candidates {
                let rows = {
                    let mut cells =
                        wb.worksheet_cells_reader(name).map_err(|e| unreadable(calamine::Error::Xlsx(e)))?;
                    collect_rows(|| {
                        cells.next_cell().map(|c| c.map(|c| (c.get_position(), convert_ref(c.get_value()))))
                    })
                    .map_err(|e| match e {
                        GridError::Read(e) => unreadable(calamine::Error::Xlsx(e)),
                        GridError::TooManyRows => too_many_rows(path, name),
                    })?
                };
                if let Some(table) = find(name, &names, rows) {
                    return Ok(Found::Table(table));
                }
                formula_headers |= formulas_without_values(&mut wb, name);
            }
            if formula_headers {
                return Ok(Found::FormulaHeader(candidates.join("、")));
            }
            Ok(Found::Nothing(candidates.join("、")))
        }
        _ => {
            if ext == "ods" {
                limits::check_zip_parts(path)?;
                limits::check_ods_area(path)?;
            } else {
                limits::check_xls_area(path)?;
            }
            let mut wb = open_workbook_auto(path).map_err(unreadable)?;
            let names = wb.sheet_names().to_vec();
            let candidates = candidates(path, &names, sheet)?;
            for name in &candidates {
                let rows = rows_of_range(&wb.worksheet_range(name).map_err(unreadable)?);
                if rows.len() as u32 > limits::MAX_ROWS {
                    return Err(too_many_rows(path, name));
                }
                if let Some(table) = find(name, &names, rows) {
                    return Ok(Found::Table(table));
                }
            }
            Ok(Found::Nothing(candidates.join("、")))
        }
    }
}

fn unreadable(path: &Path, reason: String) -> SheetError {
    if reason.to_ascii_lowercase().contains("password") || reason.contains("encrypt") {
        SheetError::Encrypted { path: path.into() }
    } else {
        SheetError::Unreadable {
            path: path.into(), reason: format!("文件已损坏或格式不受支持（{reason}）")
        }
    }
}

fn too_many_rows(path: &Path, sheet: &str) -> SheetError {
    SheetError::TooLarge {
        path: path.into(),
        what: format!("工作表“{sheet}”的行数"),
        limit: format!("{} 行", limits::MAX_ROWS),
    }
}

fn candidates(path: &Path, names: &[String], sheet: Option<&str>) -> Result<Vec<String>, SheetError> {
    match sheet {
        Some(s) if !names.iter().any(|n| n == s) => {
            Err(SheetError::NoSuchSheet { path: path.into(), sheet: s.into(), available: names.join("、") })
        }
        Some(s) => Ok(vec![s.to_string()]),
        None => Ok(names.to_vec()),
    }
}

/// True when the first rows of the sheet hold formulas the file carries no computed value for (a workbook
/// written by a program and never opened in Excel): the header cannot be read until Excel computes them.
fn formulas_without_values<RS: std::io::Read + std::io::Seek>(wb: &mut Xlsx<RS>, sheet: &str) -> bool {
    let Ok(mut cells) = wb.worksheet_cells_reader(sheet) else { return false };
    let mut formulas = 0;
    while let Ok(Some(f)) = cells.next_formula() {
        if f.get_position().0 as usize >= HEADER_SCAN_ROWS {
            break;
        }
        if !f.get_value().is_empty() {
            formulas += 1;
        }
    }
    formulas >= 2
}

/// The header of one candidate: a row alone, or a row with the one below it (merged two-row header).
fn header_of(grid: &[Vec<Cell>], r: usize, two_rows: bool) -> Vec<(String, Option<RosterColumn>)> {
    let top = &grid[r];
    let width = if two_rows { top.len().max(grid.get(r + 1).map_or(0, Vec::len)) } else { top.len() };
    (0..width)
        .map(|c| {
            let upper = top.get(c).map(Cell::text).unwrap_or_default();
            let lower = if two_rows {
                grid.get(r + 1).and_then(|row| row.get(c)).map(Cell::text).unwrap_or_default()
            } else {
                String::new()
            };
            if upper.is_empty() && lower.is_empty() {
                return (String::new(), None);
            }
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

/// The header found in the first rows of a sheet, and where the data begins.
struct TableHead {
    columns: Vec<ColumnMapping>,
    header_rows: Vec<u32>,
    /// How many of the rows looked at belong to the header (and what is above it).
    first_data: usize,
    width: usize,
}

fn find_head(rows: &[SparseRow]) -> Option<TableHead> {
    // The header is searched in the first rows with content, as dense rows (at most Excel's 16,384 columns).
    let grid: Vec<Vec<Cell>> = rows.iter().take(HEADER_SCAN_ROWS).map(|r| r.dense(r.width())).collect();
    let adjacent = |r: usize| rows.get(r + 1).is_some_and(|next| next.index == rows[r].index + 1);
    let mut best: Option<(usize, usize, bool)> = None;
    let single: Vec<usize> = (0..grid.len()).map(|r| score(&header_of(&grid, r, false))).collect();
    for r in 0..grid.len() {
        let mut s = single[r];
        let mut two = false;
        // Two rows are one header only when they are adjacent and together name more columns than either
        // alone (a title row above a one-row header adds nothing).
        if r + 1 < grid.len() && adjacent(r) {
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
    let width = columns.iter().map(|c| c.index as usize + 1).max().unwrap_or(0);
    let header_rows = if two { vec![rows[r].index + 1, rows[r + 1].index + 1] } else { vec![rows[r].index + 1] };
    Some(TableHead { columns, header_rows, first_data: r + if two { 2 } else { 1 }, width })
}

/// The data rows under a header, fed one sheet row at a time: empty rows between table rows are counted, and a note
/// row ends the table.
struct TableFeeder {
    width: usize,
    previous: u32,
    skipped_empty: u32,
    // Empty rows count only between rows of the table: a stray cell far below it (or outside its columns) does not
    // make a million "skipped" rows.
    pending_empty: u32,
    notes_from_row: Option<u32>,
}

impl TableFeeder {
    fn new(head: &TableHead, last_header_index: u32) -> TableFeeder {
        TableFeeder {
            width: head.width,
            previous: last_header_index,
            skipped_empty: 0,
            pending_empty: 0,
            notes_from_row: None,
        }
    }

    fn ended(&self) -> bool {
        self.notes_from_row.is_some()
    }

    fn feed(&mut self, row: SparseRow) -> Option<SheetRow> {
        if self.ended() {
            return None;
        }
        let cells = row.dense(self.width);
        self.pending_empty += row.index - self.previous - 1;
        self.previous = row.index;
        if cells.iter().all(Cell::is_empty) {
            self.pending_empty += 1;
            return None;
        }
        if is_note_row(&cells) {
            self.notes_from_row = Some(row.index + 1);
            return None;
        }
        self.skipped_empty += std::mem::take(&mut self.pending_empty);
        Some(SheetRow { number: row.index + 1, cells })
    }

    /// The table as fed so far (a fresh feeder: the table's description before its rows are read).
    fn table(&self, sheet: &str, names: &[String], head: &TableHead, rows: Vec<SheetRow>) -> SheetTable {
        SheetTable {
            sheet: sheet.into(),
            sheet_names: names.to_vec(),
            header_rows: head.header_rows.clone(),
            columns: head.columns.clone(),
            rows,
            skipped_empty: self.skipped_empty,
            notes_from_row: self.notes_from_row,
        }
    }
}

fn find_table(sheet: &str, names: &[String], rows: Vec<SparseRow>) -> Option<SheetTable> {
    let head = find_head(&rows)?;
    let mut feeder = TableFeeder::new(&head, rows[head.first_data - 1].index);
    let first_data = head.first_data;
    let out: Vec<SheetRow> = rows
        .into_iter()
        .skip(first_data)
        .map_while(|r| {
            let row = feeder.feed(r);
            (!feeder.ended()).then_some(row)
        })
        .flatten()
        .collect();
    Some(feeder.table(sheet, names, &head, out))
}

/// What [`stream_roster`] hands over as it reads.
pub enum Streamed {
    /// The table found: its sheet, header and columns (no rows). A second `Head` means the sheet is read again
    /// from the start (its rows were stored out of order): forget the rows received so far.
    Head(SheetTable),
    /// The next data rows, in sheet order.
    Rows(Vec<SheetRow>),
}

/// Rows handed over at a time by [`stream_roster`].
const CHUNK: usize = 1024;

/// Reads the roster table of `path` as [`read_roster`] does, but hands its data rows to `emit` as they are read
/// instead of holding them, so memory does not grow with the file and the caller can work on rows while the rest
/// is read. `emit` returns false to stop early. Returns the table without its rows, with the counts known at the end
/// (skipped empty rows, where the notes begin).
pub fn stream_roster(
    path: &Path,
    sheet: Option<&str>,
    mut emit: impl FnMut(Streamed) -> bool,
) -> Result<SheetTable, SheetError> {
    let streamed = crate::guard::catch_panic(|| stream_xlsx(path, sheet, &mut emit))
        .unwrap_or_else(|()| Err(parser_panicked(path)))?;
    if let Some(table) = streamed {
        return Ok(table);
    }
    // Not an .xlsx, or rows out of order: read whole (bounded by `limits`), then hand over.
    let mut table = read_roster(path, sheet)?;
    let rows = std::mem::take(&mut table.rows);
    if emit(Streamed::Head(SheetTable { rows: Vec::new(), ..table.clone() })) {
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            if !emit(Streamed::Rows(rows.by_ref().take(CHUNK).collect())) {
                break;
            }
        }
    }
    Ok(table)
}

/// The streamed read of an .xlsx; None when the file must be read whole instead.
fn stream_xlsx(
    path: &Path,
    sheet: Option<&str>,
    emit: &mut dyn FnMut(Streamed) -> bool,
) -> Result<Option<SheetTable>, SheetError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    if !matches!(ext.as_str(), "xlsx" | "xlsm") {
        return Ok(None);
    }
    sniff(path)?;
    limits::check_file_size(path)?;
    let OpenedXlsx { mut wb, names, candidates } = open_xlsx(path, sheet)?;
    let unreadable = |e: calamine::XlsxError| unreadable(path, calamine::Error::Xlsx(e).to_string());
    let mut formula_headers = false;
    for name in &candidates {
        let stream_error = |e: StreamError<calamine::XlsxError>| match e {
            StreamError::Read(e) => Err(unreadable(e)),
            StreamError::TooManyRows => Err(too_many_rows(path, name)),
            StreamError::Disordered => Ok(None),
        };
        let found = {
            let mut cells = wb.worksheet_cells_reader(name).map_err(unreadable)?;
            let mut stream =
                RowStream::new(|| cells.next_cell().map(|c| c.map(|c| (c.get_position(), convert_ref(c.get_value())))));
            let mut first = Vec::new();
            while first.len() < HEADER_SCAN_ROWS {
                match stream.next_row() {
                    Ok(Some(row)) => first.push(row),
                    Ok(None) => break,
                    Err(e) => return stream_error(e),
                }
            }
            match find_head(&first) {
                None => None,
                Some(head) => {
                    let mut feeder = TableFeeder::new(&head, first[head.first_data - 1].index);
                    let meta = feeder.table(name, &names, &head, Vec::new());
                    if !emit(Streamed::Head(meta)) {
                        return Ok(Some(feeder.table(name, &names, &head, Vec::new())));
                    }
                    let mut chunk = Vec::with_capacity(CHUNK);
                    let mut rest = first.into_iter().skip(head.first_data);
                    loop {
                        let row = match rest.next() {
                            Some(row) => row,
                            None => match stream.next_row() {
                                Ok(Some(row)) => row,
                                Ok(None) => break,
                                Err(e) => return stream_error(e),
                            },
                        };
                        if let Some(r) = feeder.feed(row) {
                            chunk.push(r);
                        }
                        if feeder.ended() {
                            break;
                        }
                        if chunk.len() == CHUNK
                            && !emit(Streamed::Rows(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK))))
                        {
                            return Ok(Some(feeder.table(name, &names, &head, Vec::new())));
                        }
                    }
                    if !chunk.is_empty() {
                        emit(Streamed::Rows(chunk));
                    }
                    Some(feeder.table(name, &names, &head, Vec::new()))
                }
            }
        };
        if let Some(table) = found {
            return Ok(Some(table));
        }
        formula_headers |= formulas_without_values(&mut wb, name);
    }
    if formula_headers {
        return Err(SheetError::FormulaHeader { path: path.into(), sheets: candidates.join("、") });
    }
    Err(SheetError::NoHeader { path: path.into(), sheets: candidates.join("、") })
}
