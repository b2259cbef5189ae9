//! Writes appendix 5 with N made-up rows, for the whole-process benchmark beside Python XlsxWriter writing the same
//! table (`scripts/bench-appendix5.sh`, which generates the same rows by the same rule in Python).
//!
//! `cargo run --release -p maskcheck-sheets --example appendix5_rows -- 100000 /tmp/a5.xlsx`

use maskcheck_domain::appendix::Appendix5Row;

#[path = "common/appendix5_table.rs"]
mod table;
use table::row;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let out = args.next().unwrap_or_else(|| "appendix5.xlsx".into());
    let rows: Vec<Appendix5Row> = (0..n).map(row).collect();
    maskcheck_sheets::appendix_book::write_appendix5(
        std::path::Path::new(&out),
        "新乡市市场监督管理局",
        "2026年11月24日",
        &rows,
    )
    .unwrap_or_else(|e| panic!("{e}"));
}
