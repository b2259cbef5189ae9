//! The cells that exist in a sheet, as sparse rows: built from calamine's streaming cell reader for .xlsx/.xlsm
//! (never from the sheet's declared dimension, which a file can set to XFD1048576), and from calamine's range for
//! .xls/.ods once `limits` has bounded the area those readers allocate.

use calamine::{Data, DataRef, Range};

use crate::cell::Cell;
use crate::limits::MAX_ROWS;

/// One row with content: its 0-based index and its non-empty cells, in column order.
#[derive(Debug, Clone, PartialEq)]
pub struct SparseRow {
    pub index: u32,
    pub cells: Vec<(u32, Cell)>,
}

impl SparseRow {
    /// The row as a dense vector of `width` cells; cells beyond `width` (outside the table) are dropped.
    pub fn dense(&self, width: usize) -> Vec<Cell> {
        let mut out = vec![Cell::Empty; width];
        for (c, cell) in &self.cells {
            if let Some(slot) = out.get_mut(*c as usize) {
                *slot = cell.clone();
            }
        }
        out
    }

    pub fn width(&self) -> usize {
        self.cells.last().map(|(c, _)| *c as usize + 1).unwrap_or(0)
    }
}

/// Why collecting the rows stopped.
#[derive(Debug)]
pub enum GridError<E> {
    Read(E),
    TooManyRows,
}

/// Collects sparse rows from cells in row order (as a sheet's XML stores them), refusing more than `MAX_ROWS`.
pub fn collect_rows<E>(
    mut next: impl FnMut() -> Result<Option<((u32, u32), Cell)>, E>,
) -> Result<Vec<SparseRow>, GridError<E>> {
    let mut rows: Vec<SparseRow> = Vec::new();
    while let Some(((r, c), cell)) = next().map_err(GridError::Read)? {
        if cell.is_empty() {
            continue;
        }
        match rows.last_mut() {
            Some(last) if last.index == r => last.cells.push((c, cell)),
            _ => {
                if rows.len() as u32 >= MAX_ROWS {
                    return Err(GridError::TooManyRows);
                }
                rows.push(SparseRow { index: r, cells: vec![(c, cell)] });
            }
        }
    }
    // Rows written out of order (hand-edited XML) are put back in order; cells within a row likewise.
    if rows.windows(2).any(|w| w[0].index >= w[1].index) {
        rows.sort_by_key(|r| r.index);
        let mut merged: Vec<SparseRow> = Vec::with_capacity(rows.len());
        for row in rows {
            match merged.last_mut() {
                Some(last) if last.index == row.index => last.cells.extend(row.cells),
                _ => merged.push(row),
            }
        }
        rows = merged;
    }
    for row in &mut rows {
        if row.cells.windows(2).any(|w| w[0].0 >= w[1].0) {
            row.cells.sort_by_key(|(c, _)| *c);
            row.cells.dedup_by_key(|(c, _)| *c);
        }
    }
    Ok(rows)
}

/// A cell with content and its (row, column), as a sheet reader yields it.
pub type PlacedCell = ((u32, u32), Cell);

/// Why a row stream stopped.
#[derive(Debug)]
pub enum StreamError<E> {
    Read(E),
    TooManyRows,
    /// A row came after a later one (hand-edited XML): the sheet must be read whole and sorted.
    Disordered,
}

/// The rows with content of a sheet, one at a time, as its XML stores them: what [`collect_rows`] collects, without
/// holding the sheet. Cells within a row are put in order; rows out of order stop the stream ([`StreamError::Disordered`]).
pub struct RowStream<F> {
    next: F,
    pending: Option<PlacedCell>,
    last: Option<u32>,
    rows: u32,
    /// The cell reader said it has no more: it must not be asked again (calamine's then fails).
    done: bool,
}

impl<F, E> RowStream<F>
where
    F: FnMut() -> Result<Option<PlacedCell>, E>,
{
    pub fn new(next: F) -> RowStream<F> {
        RowStream { next, pending: None, last: None, rows: 0, done: false }
    }

    fn next_cell(&mut self) -> Result<Option<PlacedCell>, StreamError<E>> {
        if let Some(c) = self.pending.take() {
            return Ok(Some(c));
        }
        while !self.done {
            match (self.next)().map_err(StreamError::Read)? {
                Some((_, cell)) if cell.is_empty() => continue,
                Some(c) => return Ok(Some(c)),
                None => self.done = true,
            }
        }
        Ok(None)
    }

    pub fn next_row(&mut self) -> Result<Option<SparseRow>, StreamError<E>> {
        let Some(((r, c), cell)) = self.next_cell()? else { return Ok(None) };
        if self.last.is_some_and(|last| r <= last) {
            return Err(StreamError::Disordered);
        }
        if self.rows >= MAX_ROWS {
            return Err(StreamError::TooManyRows);
        }
        let mut row = SparseRow { index: r, cells: vec![(c, cell)] };
        while let Some(((r2, c2), cell2)) = self.next_cell()? {
            if r2 != r {
                self.pending = Some(((r2, c2), cell2));
                break;
            }
            row.cells.push((c2, cell2));
        }
        if row.cells.windows(2).any(|w| w[0].0 >= w[1].0) {
            row.cells.sort_by_key(|(c, _)| *c);
            row.cells.dedup_by_key(|(c, _)| *c);
        }
        self.last = Some(r);
        self.rows += 1;
        Ok(Some(row))
    }
}

/// The sparse rows of a range read by calamine (.xls, .ods): only its used cells are visited.
pub fn rows_of_range(range: &Range<Data>) -> Vec<SparseRow> {
    let mut cells = range.used_cells().map(|(r, c, d)| {
        let (r0, c0) = range.start().unwrap_or((0, 0));
        Ok::<_, ()>(Some(((r0 + r as u32, c0 + c as u32), convert(d))))
    });
    collect_rows(|| cells.next().unwrap_or(Ok(None))).unwrap_or_default()
}

fn datetime(dt: &calamine::ExcelDateTime) -> Cell {
    if !dt.is_datetime() {
        return Cell::Number(dt.as_f64());
    }
    // calamine cannot say which date system a value uses; a 1904-system workbook's date is 1904-01-01 plus the
    // serial, which calamine converts correctly. Every other value is a 1900-system serial: ours converts it
    // (Excel's phantom 1900-02-29 refused), not calamine's.
    let v = dt.as_f64();
    let in_1904 = chrono::NaiveDate::from_ymd_opt(1904, 1, 1)
        .and_then(|b| b.checked_add_signed(chrono::Duration::days(v.floor() as i64)));
    match dt.as_datetime() {
        Some(t) if v >= 0.0 && Some(t.date()) == in_1904 => Cell::Date(t.date()),
        _ => Cell::DateSerial(v),
    }
}

pub fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => datetime(dt),
    }
}

pub fn convert_ref(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Empty | DataRef::Error(_) => Cell::Empty,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => datetime(dt),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_sparse_and_ordered() {
        let input = vec![
            ((3, 16_383), Cell::Text("far".into())),
            ((0, 1), Cell::Text("b".into())),
            ((0, 0), Cell::Text("a".into())),
            ((1, 0), Cell::Empty),
            ((3, 0), Cell::Number(1.0)),
        ];
        let mut it = input.into_iter();
        let rows = collect_rows(|| Ok::<_, ()>(it.next())).expect("rows");
        assert_eq!(rows.len(), 2, "the empty row is not kept");
        assert_eq!(rows[0].cells.iter().map(|c| c.0).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(rows[1].index, 3);
        assert_eq!(rows[1].width(), 16_384);
        assert_eq!(rows[1].dense(2), vec![Cell::Number(1.0), Cell::Empty], "cells outside the table dropped");
    }

    #[test]
    fn a_stream_gives_the_rows_collect_gives_and_stops_at_disorder() {
        let ordered = vec![
            ((0, 1), Cell::Text("b".into())),
            ((0, 0), Cell::Text("a".into())),
            ((1, 0), Cell::Empty),
            ((3, 16_383), Cell::Text("far".into())),
            ((3, 0), Cell::Number(1.0)),
        ];
        let mut it = ordered.clone().into_iter();
        let collected = collect_rows(|| Ok::<_, ()>(it.next())).expect("rows");
        let mut it = ordered.into_iter();
        // Like calamine's reader, a source asked again after its end fails.
        let mut ended = false;
        let mut stream = RowStream::new(|| match it.next() {
            Some(c) => Ok(Some(c)),
            None if ended => Err(()),
            None => {
                ended = true;
                Ok(None)
            }
        });
        let mut streamed = Vec::new();
        while let Some(row) = stream.next_row().expect("row") {
            streamed.push(row);
        }
        assert!(matches!(stream.next_row(), Ok(None)), "the end, again");
        assert_eq!(streamed, collected);

        let disordered = vec![((2, 0), Cell::Number(1.0)), ((1, 0), Cell::Number(2.0))];
        let mut it = disordered.into_iter();
        let mut stream = RowStream::new(|| Ok::<_, ()>(it.next()));
        assert!(stream.next_row().expect("first").is_some());
        assert!(matches!(stream.next_row(), Err(StreamError::Disordered)));
    }

    #[test]
    fn more_rows_than_the_limit_stop_the_reading() {
        let mut r = 0u32;
        let rows = collect_rows(|| {
            r += 1;
            Ok::<_, ()>(Some(((r, 0), Cell::Number(1.0))))
        });
        assert!(matches!(rows, Err(GridError::TooManyRows)));
        assert_eq!(r, MAX_ROWS + 1, "stopped at the first row over the limit, not at the end of the file");
    }
}
