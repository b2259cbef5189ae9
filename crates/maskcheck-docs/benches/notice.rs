//! Rendering speed: one rectification notice (content → layout → PDF) and a batch of 100. Whole-process timings
//! beside LibreOffice are in `scripts/bench-docs.sh`; figures in docs/benchmarks.md.

use criterion::{criterion_group, criterion_main, Criterion};
use maskcheck_docs::{render, samples};

fn notice(c: &mut Criterion) {
    let content = samples::notice(3);
    // Warm the parsed fonts (once per process, as in the app).
    let first = render(&content, 1_795_400_000).expect("render");
    println!("notice: {} bytes, {} pages", first.pdf.len(), first.pages);
    c.bench_function("render rectification notice (3 findings)", |b| {
        b.iter(|| render(&content, 1_795_400_000).expect("render"))
    });
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.bench_function("render 100 notices", |b| {
        b.iter(|| {
            for _ in 0..100 {
                render(&content, 1_795_400_000).expect("render");
            }
        })
    });
    g.finish();
}

criterion_group!(benches, notice);
criterion_main!(benches);
