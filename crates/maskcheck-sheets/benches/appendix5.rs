//! Writing appendix 5 (10,000 rows, constant memory). The whole-process run of 100,000 rows beside Python
//! XlsxWriter is `scripts/bench-appendix5.sh`; figures in docs/benchmarks.md.

use criterion::{criterion_group, criterion_main, Criterion};
use maskcheck_domain::appendix::Appendix5Row;

#[path = "../examples/common/appendix5_table.rs"]
mod table;

fn appendix5(c: &mut Criterion) {
    let rows: Vec<Appendix5Row> = (0..10_000).map(table::row).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("a5.xlsx");
    let mut g = c.benchmark_group("appendix 5");
    g.sample_size(10);
    g.bench_function("write 10,000 rows", |b| {
        b.iter(|| {
            maskcheck_sheets::appendix_book::write_appendix5(&out, "新乡市市场监督管理局", "2026年11月24日", &rows)
                .expect("write")
        })
    });
    g.finish();
}

criterion_group!(benches, appendix5);
criterion_main!(benches);
