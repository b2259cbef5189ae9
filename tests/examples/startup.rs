//! Start-up to an interactive roster, and idle memory (PSS of the app and its WebKit processes), for maskcheck
//! with an empty roster, maskcheck with 100,000 enterprises, and a bare Tauri window built the same way.
//!
//! `xvfb-run -a -s "-screen 0 1366x768x24" cargo run --release -p maskcheck-tests --features e2e --example startup`
//! (after `cargo build -p maskcheck-desktop -p bare-tauri --features maskcheck-desktop/custom-protocol,bare-tauri/custom-protocol`).
//! The example itself may be a debug build: `STARTUP_PROFILE` chooses the windows it measures, and the release
//! profile's link-time optimisation makes a release build of the example slow to link.
//! `STARTUP_BIG=0` leaves out the 100,000-enterprise window. `STARTUP_CPU=0` runs each window on CPU 0 alone (see `launcher`); `STARTUP_PROFILE=release` measures release builds
//! of both windows (`cargo build --release -p maskcheck-desktop -p bare-tauri` with the same features).
//! `STARTUP_LOCKED_BIG=DIR` adds an encrypted directory with a city's roster (see `main`).

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

/// Milestones of one start, in ms after the launch request: the page's navigation start, its DOMContentLoaded,
/// the dashboard shown (None for the bare window), and ready.
#[derive(Clone, Copy)]
struct Start {
    navigation: f64,
    loaded: f64,
    dashboard: Option<f64>,
    ready: f64,
    /// An encrypted directory: the unlock screen shown (interactive), and the passphrase submitted.
    unlock: Option<f64>,
    submitted: Option<f64>,
}

struct Figures {
    starts: Vec<Start>,
    pss_kb: u64,
    processes: usize,
}

impl Figures {
    /// The median of one milestone over the runs, with its minimum and maximum.
    fn median(&self, of: impl Fn(&Start) -> Option<f64>) -> Option<(f64, f64, f64)> {
        let mut v: Vec<f64> = self.starts.iter().filter_map(of).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        Some((v[v.len() / 2], v[0], v[v.len() - 1]))
    }
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

/// What a window counts as ready, checked by the page itself every 2 ms (a script the driver starts as soon as the
/// session exists): polling through the driver every 100 ms added up to 100 ms per step to the figure, three steps
/// for maskcheck's roster and one for the bare window. The page reports the milestones on its own clock (epoch ms).
const ROSTER_READY: &str = r#"
const done = arguments[arguments.length - 1];
const shown = (css) => { const e = document.querySelector(css); return e && e.getClientRects().length > 0 ? e : null; };
const out = { navigation: performance.timing.navigationStart };
(function tick() {
  out.loaded = performance.timing.domContentLoadedEventEnd;
  if (out.dashboard === undefined) {
    const nav = shown('[data-testid=nav-roster]');
    if (nav && shown('[data-testid=dash-enterprises], [data-testid=dashboard-empty]')) { out.dashboard = Date.now(); nav.click(); }
  } else {
    const total = document.querySelector('[data-testid=roster-total]');
    if (shown('[data-testid=roster-search]') && total && total.textContent.trim().startsWith('共')) {
      out.ready = Date.now();
      out.submitted = window.mcSubmitted;
      out.trace = performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
        .map((e) => [e.name, Math.round(e.startTime), Math.round(e.startTime + e.duration)]);
      out.trace.push(['dashboard shown (click)', out.dashboard - performance.timeOrigin, out.dashboard - performance.timeOrigin]);
      out.trace.push(['roster ready', out.ready - performance.timeOrigin, out.ready - performance.timeOrigin]);
      out.trace.sort((a, b) => a[1] - b[1]);
      return done(out);
    }
  }
  setTimeout(tick, 2);
})();
"#;

/// An encrypted directory's first screen: when its passphrase field shows (the window's start-up there), and a
/// listener that notes when the passphrase is submitted (read back by `ROSTER_READY`).
const UNLOCK_SHOWN: &str = r#"
const done = arguments[arguments.length - 1];
(function tick() {
  const field = document.querySelector('[data-testid=unlock-passphrase]');
  const submit = document.querySelector('[data-testid=unlock-submit]');
  if (field && submit && field.getClientRects().length > 0) {
    submit.addEventListener('click', () => { window.mcSubmitted = Date.now(); }, { capture: true });
    return done({ unlock: Date.now() });
  }
  setTimeout(tick, 2);
})();
"#;

const BARE_READY: &str = r#"
const done = arguments[arguments.length - 1];
const out = { navigation: performance.timing.navigationStart };
(function tick() {
  out.loaded = performance.timing.domContentLoadedEventEnd;
  const e = document.querySelector('#ready');
  if (e && e.getClientRects().length > 0) { out.ready = Date.now(); return done(out); }
  setTimeout(tick, 2);
})();
"#;

fn epoch_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs_f64() * 1000.0
}

/// Launches the window `RUNS` times; `before` does what a user does first (types the passphrase) and returns when
/// the unlock screen showed (epoch ms), then the page runs `ready` and reports its milestones.
fn measure(
    driver: &Driver,
    app: &Path,
    data_dir: &Path,
    before: &dyn Fn(&Session) -> Option<f64>,
    ready: &str,
) -> Figures {
    let scripts = tempfile::tempdir().expect("tempdir");
    let launch = launcher(app, scripts.path());
    let mut starts = Vec::new();
    let mut pss = (0, 0);
    for run in 0..RUNS {
        let t0 = epoch_ms();
        let session = Session::launch_app(driver, &launch, data_dir, "startup");
        let unlock = before(&session);
        let v = session.execute_async(ready);
        // `STARTUP_TRACE=1`: the page's marks and IPC calls (ui/src/main.ts, api/client.ts), ms after navigation start.
        if std::env::var("STARTUP_TRACE").as_deref() == Ok("1") {
            for r in v["trace"].as_array().into_iter().flatten() {
                eprintln!(
                    "{:>6.0} {:>6.0}  {}",
                    r[1].as_f64().unwrap_or(0.0),
                    r[2].as_f64().unwrap_or(0.0),
                    r[0].as_str().unwrap_or_default()
                );
            }
            eprintln!("--");
        }
        let at = |k: &str| v[k].as_f64().filter(|t| *t > 0.0).map(|t| t - t0);
        starts.push(Start {
            navigation: at("navigation").expect("navigation start"),
            loaded: at("loaded").unwrap_or(f64::NAN),
            dashboard: at("dashboard"),
            ready: at("ready").expect("ready"),
            unlock: unlock.map(|t| t - t0),
            submitted: at("submitted"),
        });
        if run == RUNS - 1 {
            std::thread::sleep(Duration::from_secs(5));
            pss = pss_kb(app);
        }
    }
    Figures { starts, pss_kb: pss.0, processes: pss.1 }
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
    // `STARTUP_BIG=0` leaves out the window with 100,000 enterprises (building them takes half a minute).
    let big = (std::env::var("STARTUP_BIG").as_deref() != Ok("0")).then(|| {
        let big = tempfile::tempdir().expect("tempdir");
        let t = Instant::now();
        App::open(big.path()).expect("open").load_demo(100_000, 1).expect("demo");
        eprintln!("demo roster of 100,000 built in {:.1?}", t.elapsed());
        big
    });

    let driver = Driver::start();
    let nothing = |_: &Session| None;
    // An encrypted directory: the unlock screen, the passphrase typed and checked, then the roster.
    let unlock = |s: &Session| {
        let shown = s.execute_async(UNLOCK_SHOWN)["unlock"].as_f64();
        s.type_into("[data-testid=unlock-passphrase]", PASS);
        s.click_css("[data-testid=unlock-submit]");
        shown
    };
    let mut rows = vec![
        ("bare Tauri window", measure(&driver, &bare, empty.path(), &nothing, BARE_READY)),
        ("maskcheck, empty roster", measure(&driver, &desktop, empty.path(), &nothing, ROSTER_READY)),
        (
            "maskcheck, encrypted, empty roster (passphrase typed)",
            measure(&driver, &desktop, locked.path(), &unlock, ROSTER_READY),
        ),
    ];
    if let Some(big) = &big {
        rows.push(("maskcheck, 100,000 enterprises", measure(&driver, &desktop, big.path(), &nothing, ROSTER_READY)));
    }
    // `STARTUP_LOCKED_BIG=DIR`: an encrypted directory with a city's roster, measured as the encrypted one is. It is
    // made outside (encrypting 222 MB takes a while): a copy of a `maskcheck demo --enterprises 100000` directory,
    // then `MASKCHECK_PASSPHRASE='基准 口令 2026' maskcheck --data-dir DIR key encrypt` (the first unlock of the
    // day also writes the day's backup, after the page's first answers, as with the plain one).
    if let Ok(dir) = std::env::var("STARTUP_LOCKED_BIG") {
        rows.push((
            "maskcheck, encrypted, 100,000 enterprises (passphrase typed)",
            measure(&driver, &desktop, std::path::Path::new(&dir), &unlock, ROSTER_READY),
        ));
    }
    let ms = |m: Option<(f64, f64, f64)>| match m {
        Some((med, min, max)) => format!("{med:.0} ms ({min:.0}–{max:.0})"),
        None => "–".into(),
    };
    println!("| window | start-up to ready, median (min–max) of {RUNS} | idle PSS, app + WebKit | processes |");
    println!("|---|---|---|---|");
    for (name, f) in &rows {
        let ready = ms(f.median(|s| Some(s.ready)));
        println!("| {name} | {ready} | {:.1} MiB | {} |", f.pss_kb as f64 / 1024.0, f.processes);
    }
    println!();
    println!("| window | page requested | DOMContentLoaded | dashboard shown | roster ready |");
    println!("|---|---|---|---|---|");
    for (name, f) in &rows {
        println!(
            "| {name} | {} | {} | {} | {} |",
            ms(f.median(|s| Some(s.navigation))),
            ms(f.median(|s| Some(s.loaded).filter(|t| t.is_finite()))),
            ms(f.median(|s| s.dashboard)),
            ms(f.median(|s| Some(s.ready)))
        );
    }
    // For an encrypted directory the window's start-up ends at its unlock screen; what follows waits for a person.
    println!();
    println!("| window | unlock screen shown | passphrase submitted → roster ready |");
    println!("|---|---|---|");
    for (name, f) in rows.iter().filter(|(_, f)| f.starts.iter().any(|s| s.unlock.is_some())) {
        println!("| {name} | {} | {} |", ms(f.median(|s| s.unlock)), ms(f.median(|s| Some(s.ready - s.submitted?))));
    }
}
