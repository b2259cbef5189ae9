//! Start-up to an interactive roster, and idle memory (PSS of the app and its WebKit processes), for maskcheck
//! with an empty roster, maskcheck with 100,000 enterprises, and a bare Tauri window built the same way.
//!
//! `xvfb-run -a -s "-screen 0 1366x768x24" cargo run --release -p maskcheck-tests --features e2e --example startup`
//! (after `cargo build -p maskcheck-desktop -p bare-tauri --features maskcheck-desktop/custom-protocol,bare-tauri/custom-protocol`).
//! `STARTUP_CPU=0` runs each window on CPU 0 alone (see `launcher`); `STARTUP_PROFILE=release` measures release builds
//! of both windows (`cargo build --release -p maskcheck-desktop -p bare-tauri` with the same features).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use maskcheck_app::App;
use maskcheck_tests::driver::{Driver, Session};
use maskcheck_tests::workspace_root;

const RUNS: usize = 5;
const PASS: &str = "基准 口令 2026";

/// Sum of PSS (kB) over the process whose executable is `exe` and all its descendants.
fn pss_kb(exe: &Path) -> (u64, usize) {
    let procs: Vec<(u32, u32, Option<PathBuf>)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let after = stat.rsplit_once(')')?.1;
            let ppid: u32 = after.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid, std::fs::read_link(format!("/proc/{pid}/exe")).ok()))
        })
        .collect();
    let mut tree: Vec<u32> = procs.iter().filter(|p| p.2.as_deref() == Some(exe)).map(|p| p.0).collect();
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(procs.iter().filter(|p| p.1 == parent).map(|p| p.0));
        i += 1;
    }
    let total = tree
        .iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|s| s.lines().find(|l| l.starts_with("Pss:"))?.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum();
    (total, tree.len())
}

struct Figures {
    startup_ms: Vec<u128>,
    pss_kb: u64,
    processes: usize,
}

/// With `STARTUP_CPU=N`, the window (the app and the WebKit processes it starts) runs on CPU N alone, like a slow
/// laptop, while the driver runs free: the app is launched through a script that `exec`s `taskset -c N` on it.
/// (Pinning the whole example, driver included, stalled it.)
fn launcher(app: &Path, scripts: &Path) -> PathBuf {
    let Ok(cpu) = std::env::var("STARTUP_CPU") else { return app.to_path_buf() };
    let name = app.file_name().and_then(|n| n.to_str()).unwrap_or("app");
    let script = scripts.join(format!("{name}-on-cpu-{cpu}"));
    std::fs::write(&script, format!("#!/bin/sh\nexec taskset -c {cpu} '{}' \"$@\"\n", app.display())).expect("script");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

fn measure(driver: &Driver, app: &Path, data_dir: &Path, ready: &dyn Fn(&Session)) -> Figures {
    let scripts = tempfile::tempdir().expect("tempdir");
    let launch = launcher(app, scripts.path());
    let mut startup_ms = Vec::new();
    let mut pss = (0, 0);
    for run in 0..RUNS {
        let t0 = Instant::now();
        let session = Session::launch_app(driver, &launch, data_dir, "startup");
        ready(&session);
        startup_ms.push(t0.elapsed().as_millis());
        if run == RUNS - 1 {
            std::thread::sleep(Duration::from_secs(5));
            pss = pss_kb(app);
        }
    }
    startup_ms.sort_unstable();
    Figures { startup_ms, pss_kb: pss.0, processes: pss.1 }
}

fn main() {
    let root = workspace_root();
    // `STARTUP_PROFILE=release` measures release builds of both windows (what the .deb ships).
    let profile = std::env::var("STARTUP_PROFILE").unwrap_or_else(|_| "debug".into());
    let desktop = root.join("target").join(&profile).join("maskcheck-desktop");
    let bare = root.join("target").join(&profile).join("bare-tauri");
    let empty = tempfile::tempdir().expect("tempdir");
    App::open(empty.path()).expect("open").load_demo(0, 1).expect("profile only");
    let locked = tempfile::tempdir().expect("tempdir");
    let (app, _) =
        App::create_data_dir(locked.path(), maskcheck_app::demo_profile(), Some(PASS), Some(PASS)).expect("encrypted");
    drop(app);
    let big = tempfile::tempdir().expect("tempdir");
    let t = Instant::now();
    App::open(big.path()).expect("open").load_demo(100_000, 1).expect("demo");
    eprintln!("demo roster of 100,000 built in {:.1?}", t.elapsed());

    let driver = Driver::start();
    let roster_ready = |s: &Session| {
        s.find("[data-testid=dash-enterprises], [data-testid=dashboard-empty]");
        s.click_css("[data-testid=nav-roster]");
        s.find("[data-testid=roster-search]");
        s.wait_text("[data-testid=roster-total]", |t| t.starts_with('共'));
    };
    // An encrypted directory: the unlock screen, the passphrase typed and checked, then the roster.
    let unlocked_ready = |s: &Session| {
        s.type_into("[data-testid=unlock-passphrase]", PASS);
        s.click_css("[data-testid=unlock-submit]");
        roster_ready(s);
    };
    let bare_ready = |s: &Session| {
        s.find("#ready");
    };
    let rows = [
        ("bare Tauri window", measure(&driver, &bare, empty.path(), &bare_ready)),
        ("maskcheck, empty roster", measure(&driver, &desktop, empty.path(), &roster_ready)),
        (
            "maskcheck, encrypted, empty roster (passphrase typed)",
            measure(&driver, &desktop, locked.path(), &unlocked_ready),
        ),
        ("maskcheck, 100,000 enterprises", measure(&driver, &desktop, big.path(), &roster_ready)),
    ];
    println!("| window | start-up to ready, median (min–max) of {RUNS} | idle PSS, app + WebKit | processes |");
    println!("|---|---|---|---|");
    for (name, f) in rows {
        println!(
            "| {name} | {} ms ({}–{}) | {:.1} MiB | {} |",
            f.startup_ms[RUNS / 2],
            f.startup_ms[0],
            f.startup_ms[RUNS - 1],
            f.pss_kb as f64 / 1024.0,
            f.processes
        );
    }
}
