//! Reading an enterprise's sales ledger (销售台账) for a failing batch's buyers: the first sheet whose header
//! names a buyer column (购货单位, 客户, …) and a quantity column (数量), with the place, date and batch where the
//! ledger has them. Bounded and guarded like the roster reader; the lines go to `maskcheck_domain::ledger`.

use std::path::Path;

use maskcheck_domain::ledger::LedgerLine;

use crate::cell::{parse_date, Cell};
use crate::grid::SparseRow;
use crate::read::{find_in_sheets, Found};
use crate::SheetError;

const BUYER: &[&str] = &["购货单位", "购买单位", "收货单位", "购货方", "购买方", "客户名称", "客户", "买方"];
const PLACE: &[&str] = &["地址", "所在地", "地区", "收货地址", "流向"];
const QUANTITY: &[&str] = &["数量"];
const DATE: &[&str] = &["销售日期", "发货日期", "出库日期", "日期"];
const BATCH: &[&str] = &["批号", "批次"];

/// The header is looked for in the first rows (a title and a unit line may come first).
const HEADER_SCAN_ROWS: usize = 20;

struct Columns {
    buyer: usize,
    quantity: usize,
    place: Option<usize>,
    date: Option<usize>,
    batch: Option<usize>,
}

fn find(header: &[Cell], names: &[&str]) -> Option<usize> {
    let texts: Vec<String> = header.iter().map(|c| c.text().replace(char::is_whitespace, "")).collect();
    names.iter().find_map(|n| texts.iter().position(|t| t.contains(n)))
}

fn columns(header: &[Cell]) -> Option<Columns> {
    Some(Columns {
        buyer: find(header, BUYER)?,
        quantity: find(header, QUANTITY)?,
        place: find(header, PLACE),
        date: find(header, DATE),
        batch: find(header, BATCH),
    })
}

/// `3000`, `3000只`, `3,000`: the number of masks; anything else is refused with what the cell held.
fn quantity(cell: &Cell) -> Result<Option<u64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 1e15 => Ok(Some(*n as u64)),
        Cell::Text(s) => {
            let t = maskcheck_domain::text::to_half_width(s.trim());
            let digits = t.trim_end_matches('只').replace([',', ' '], "");
            if digits.is_empty() {
                Ok(None)
            } else {
                digits.parse().map(Some).map_err(|_| s.trim().to_string())
            }
        }
        other => Err(other.text()),
    }
}

fn lines(rows: Vec<SparseRow>) -> Option<Vec<LedgerLine>> {
    let width = rows.iter().map(SparseRow::width).max().unwrap_or(0);
    let (at, cols) =
        rows.iter().take(HEADER_SCAN_ROWS).enumerate().find_map(|(i, r)| columns(&r.dense(width)).map(|c| (i, c)))?;
    let text = |cells: &[Cell], c: Option<usize>| c.and_then(|c| cells.get(c)).map(Cell::text).unwrap_or_default();
    let mut out = Vec::new();
    for r in &rows[at + 1..] {
        let cells = r.dense(width);
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        out.push(LedgerLine {
            row: r.index + 1,
            buyer: text(&cells, Some(cols.buyer)),
            place: text(&cells, cols.place),
            quantity: quantity(&cells[cols.quantity]),
            sold_on: cols.date.map(|c| parse_date(&cells[c])).unwrap_or(Ok(None)),
            batch: text(&cells, cols.batch),
        });
    }
    Some(out)
}

/// The lines of the ledger in `path`, or why it cannot be read.
pub fn read_ledger(path: &Path) -> Result<Vec<LedgerLine>, SheetError> {
    crate::guard::catch_panic(|| match find_in_sheets(path, None, |_, _, rows| lines(rows))? {
        Found::Table(lines) => Ok(lines),
        Found::FormulaHeader(sheets) => Err(SheetError::FormulaHeader { path: path.into(), sheets }),
        Found::Nothing(sheets) => Err(SheetError::NoLedgerHeader { path: path.into(), sheets }),
    })
    .unwrap_or_else(|()| {
        Err(SheetError::Unreadable {
            path: path.into(), reason: "文件内容不符合电子表格格式，可能已损坏".into()
        })
    })
}
