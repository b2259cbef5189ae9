//! The invariants of ARCHITECTURE.md, read from the manifests and sources. Each rule is a pure function over
//! (crate, manifest) or (file, text) pairs, table-tested on broken inputs so the check itself is known to bite.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use maskcheck_tests::workspace_root;

/// Crates maskcheck-domain may depend on: none of them does IO.
const DOMAIN_ALLOWED: &[&str] = &["serde", "serde_json", "thiserror", "chrono", "ts-rs", "unicode-normalization"];

/// Which maskcheck crates each crate may depend on (the layering).
const LAYERS: &[(&str, &[&str])] = &[
    ("maskcheck-domain", &[]),
    ("maskcheck-store", &["maskcheck-domain"]),
    ("maskcheck-sheets", &["maskcheck-domain"]),
    ("maskcheck-docs", &["maskcheck-domain"]),
    ("maskcheck-sync", &["maskcheck-domain"]),
    ("maskcheck-app", &["maskcheck-domain", "maskcheck-store", "maskcheck-sheets", "maskcheck-docs", "maskcheck-sync"]),
    ("maskcheck-cli", &["maskcheck-domain", "maskcheck-app"]),
    ("maskcheck-desktop", &["maskcheck-domain", "maskcheck-app"]),
    ("maskcheck-tests", &["maskcheck-domain", "maskcheck-app"]),
    ("bare-tauri", &[]),
];

fn deps(manifest: &toml::Value) -> BTreeSet<String> {
    ["dependencies", "build-dependencies"]
        .iter()
        .filter_map(|t| manifest.get(t).and_then(|d| d.as_table()))
        .flat_map(|t| t.keys().cloned())
        .collect()
}

fn manifest_violations(crates: &[(String, toml::Value)]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, manifest) in crates {
        let deps = deps(manifest);
        if name == "maskcheck-domain" {
            for d in &deps {
                if !DOMAIN_ALLOWED.contains(&d.as_str()) {
                    out.push(format!("maskcheck-domain depends on {d}, which is not on its no-IO allowlist"));
                }
            }
        }
        if name != "maskcheck-store" && deps.contains("rusqlite") {
            out.push(format!("{name} depends on rusqlite: only maskcheck-store speaks SQL"));
        }
        let shells = ["maskcheck-desktop", "bare-tauri"];
        if !shells.contains(&name.as_str()) && deps.iter().any(|d| d.starts_with("tauri")) {
            out.push(format!("{name} depends on tauri: only src-tauri may"));
        }
        let allowed = LAYERS.iter().find(|(n, _)| n == name).map(|(_, a)| *a);
        for d in deps.iter().filter(|d| d.starts_with("maskcheck-")) {
            match allowed {
                Some(a) if a.contains(&d.as_str()) => {}
                Some(_) => out.push(format!("{name} depends on {d}, against the layering")),
                None => out.push(format!("{name} is not in the layering table")),
            }
        }
    }
    out
}

const SQL_MARKERS: &[&str] = &["SELECT ", "INSERT INTO", "DELETE FROM", "CREATE TABLE", "UPDATE ", "PRAGMA "];
const DOMAIN_IO: &[&str] = &["std::fs", "std::net", "std::process", "std::env", "File::"];

fn source_violations(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in files {
        if path.ends_with(".rs") && !path.starts_with("crates/maskcheck-store/") {
            for m in SQL_MARKERS {
                if text.contains(&format!("\"{m}")) {
                    out.push(format!("{path} holds SQL ({m}): SQL lives in maskcheck-store"));
                }
            }
        }
        if path.starts_with("crates/maskcheck-domain/") {
            for m in DOMAIN_IO {
                if text.contains(m) {
                    out.push(format!("{path} uses {m}: maskcheck-domain does no IO"));
                }
            }
        }
        // The bundle format works on byte streams the app opens: it touches no file, network or process.
        if path.starts_with("crates/maskcheck-sync/src/") {
            for m in DOMAIN_IO {
                if text.contains(m) {
                    out.push(format!("{path} uses {m}: maskcheck-sync reads and writes streams only"));
                }
            }
        }
        if path.starts_with("ui/src/") && !path.starts_with("ui/src/api/") && text.contains("@tauri-apps/") {
            out.push(format!("{path} imports @tauri-apps: only ui/src/api/ may"));
        }
    }
    out
}

fn collect(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if p.is_dir() && !["node_modules", "target", "dist", "gen"].contains(&name) {
            collect(&p, exts, out);
        } else if exts.iter().any(|x| name.ends_with(x)) {
            out.push(p);
        }
    }
}

fn real_manifests() -> Vec<(String, toml::Value)> {
    let root = workspace_root();
    let mut paths = vec![
        root.join("src-tauri/Cargo.toml"),
        root.join("tests/Cargo.toml"),
        root.join("bench/bare-tauri/Cargo.toml"),
    ];
    for e in std::fs::read_dir(root.join("crates")).expect("crates dir").flatten() {
        paths.push(e.path().join("Cargo.toml"));
    }
    paths
        .into_iter()
        .map(|p| {
            let v: toml::Value = std::fs::read_to_string(&p).expect("manifest").parse().expect("toml");
            let name = v["package"]["name"].as_str().expect("name").to_string();
            (name, v)
        })
        .collect()
}

#[test]
fn the_real_workspace_keeps_every_invariant() {
    let manifests = real_manifests();
    assert!(manifests.len() >= 6, "found {} manifests", manifests.len());
    assert_eq!(manifest_violations(&manifests), Vec::<String>::new());

    let root = workspace_root();
    let mut paths = Vec::new();
    collect(&root.join("crates"), &[".rs"], &mut paths);
    collect(&root.join("src-tauri/src"), &[".rs"], &mut paths);
    collect(&root.join("ui/src"), &[".ts", ".vue"], &mut paths);
    assert!(paths.len() > 20, "found {} sources", paths.len());
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).expect("under root").to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(p).expect("read"))
        })
        .collect();
    assert_eq!(source_violations(&files), Vec::<String>::new());
}

#[test]
fn the_checks_catch_broken_layouts() {
    let m = |s: &str| -> toml::Value { s.parse().expect("toml") };
    let cases: Vec<(&str, &str, usize)> = vec![
        ("maskcheck-domain", "[dependencies]\nserde = \"1\"", 0),
        ("maskcheck-domain", "[dependencies]\nreqwest = \"1\"", 1),
        ("maskcheck-app", "[dependencies]\nrusqlite = \"0.41\"", 1),
        ("maskcheck-app", "[dependencies]\ntauri = \"2\"", 1),
        ("maskcheck-desktop", "[dependencies]\ntauri = \"2\"\nmaskcheck-store = { path = \"x\" }", 1),
        ("maskcheck-store", "[dependencies]\nmaskcheck-app = { path = \"x\" }", 1),
    ];
    for (name, manifest, want) in cases {
        let got = manifest_violations(&[(name.to_string(), m(manifest))]);
        assert_eq!(got.len(), want, "{name}: {manifest} -> {got:?}");
    }
    let files = |path: &str, text: &str| vec![(path.to_string(), text.to_string())];
    for (path, text, want) in [
        ("crates/maskcheck-app/src/x.rs", "conn.execute(\"DELETE FROM enterprise\")", 1),
        ("crates/maskcheck-store/src/x.rs", "conn.execute(\"DELETE FROM enterprise\")", 0),
        ("crates/maskcheck-domain/src/x.rs", "std::fs::read(\"a\")", 1),
        ("crates/maskcheck-sync/src/x.rs", "std::fs::File::create(p)", 2),
        ("ui/src/features/x.vue", "import { invoke } from '@tauri-apps/api/core'", 1),
        ("ui/src/api/client.ts", "import { invoke } from '@tauri-apps/api/core'", 0),
    ] {
        assert_eq!(source_violations(&files(path, text)).len(), want, "{path}: {text}");
    }
}
