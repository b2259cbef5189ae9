//! Roster search on 100,000 generated enterprises (file-backed database, as on the laptop).
//! `cargo bench -p maskcheck-store --bench roster_search`

use criterion::{criterion_group, criterion_main, Criterion};
use maskcheck_domain::sample::{sample_enterprise, SampleRng};
use maskcheck_domain::EnterpriseQuery;
use maskcheck_store::{RecordMeta, Store};

const N: u64 = 100_000;

fn roster(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("bench.db"), &dir.join("backups"), None).expect("open");
    let started = std::time::Instant::now();
    let mut rng = SampleRng::new(42);
    store
        .write(|tx| {
            for i in 0..N {
                let e = sample_enterprise(&mut rng, i);
                let meta = RecordMeta {
                    id: uuid::Uuid::now_v7().to_string(),
                    origin: "bench".into(),
                    version: format!("{i:015}.00000000.bench"),
                    deleted: false,
                    created_at: "2026-11-23T00:00:00+08:00".into(),
                    updated_at: "2026-11-23T00:00:00+08:00".into(),
                };
                tx.insert_enterprise(&meta, &e)?;
            }
            Ok::<_, maskcheck_store::StoreError>(())
        })
        .expect("insert");
    eprintln!("inserted {N} enterprises (with search index) in {:.2?}", started.elapsed());
    store
}

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = roster(dir.path());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let mut group = c.benchmark_group("roster_search_100k");
    for fragment in ["康达", "口罩", "平原", "MA1", "卫滨区康达口罩"] {
        let q = EnterpriseQuery { text: Some(fragment.into()), limit: 50, ..Default::default() };
        let hits = store.list_enterprises(&q, today).expect("search").total;
        eprintln!("{fragment}: {hits} matches");
        group.bench_function(format!("{fragment} ({hits} matches)"), |b| {
            b.iter(|| store.list_enterprises(&q, today).expect("search"))
        });
    }
    let all = EnterpriseQuery { limit: 50, ..Default::default() };
    group.bench_function("first page, no filter", |b| b.iter(|| store.list_enterprises(&all, today).expect("list")));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = search
}
criterion_main!(benches);
