//! What the window's start-up costs on the Rust side for one data directory: the integrity check, opening it for
//! writing (check, migrations, the day's backup), then each query the dashboard and the roster make at start.
//!
//! `cargo build --release -p maskcheck-app --example open_time && target/release/examples/open_time DIR`
//! (a plain directory, e.g. one made by `maskcheck demo --enterprises 100000`). Figures in docs/benchmarks.md.

use std::time::{Duration, Instant};

fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took: Duration = start.elapsed();
    println!("{label:<28} {:>9.1} ms", took.as_secs_f64() * 1000.0);
    out
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args_os().nth(1).expect("usage: open_time DATA_DIR"));
    let problems = timed("integrity check (quick)", || maskcheck_store::quick_check(&dir.join("maskcheck.db"), None));
    assert!(problems.is_empty(), "damaged: {problems:?}");
    let app = timed("App::open (check + open)", || maskcheck_app::App::open(&dir).expect("open"));
    timed("setup_status", || app.setup_status().expect("setup_status"));
    timed("dashboard", || app.dashboard().expect("dashboard"));
    timed("sync_status", || app.sync_status().expect("sync_status"));
    timed("inspection drafts", || app.list_inspections(None, true).expect("inspections"));
    timed("followups", || app.followups(None, true).expect("followups"));
    timed("measures", || app.measures(true).expect("measures"));
    timed("publicity", || app.publicity(true).expect("publicity"));
    timed("failed-sample chains", || app.chain_followups().expect("chains"));
}
