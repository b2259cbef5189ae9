// Keep a release build from opening a console window on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

//! maskcheck-desktop: the Tauri shell. It opens the data directory through maskcheck-app and exposes its use
//! cases as commands; no logic lives here.

mod commands;
mod session;

use std::path::PathBuf;

/// `--data-dir DIR` (or `--data-dir=DIR`); otherwise MASKCHECK_DATA_DIR or the platform's app-data dir.
fn data_dir_arg() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        let s = a.to_string_lossy();
        if s == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(v) = s.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

/// WebKitGTK draws the page through OpenGL layers unless told not to. A form-and-table window gains nothing from
/// it, and on the laptops it is for (no GPU worth the name: Mesa's software renderer with its LLVM) the layers cost
/// 60–90 MB of the web process's memory at idle (`docs/benchmarks.md`). An explicit setting in the environment
/// (e.g. `WEBKIT_DISABLE_COMPOSITING_MODE=0`) is kept.
fn draw_without_gl_layers() {
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Sound: nothing else runs yet (no thread has been started when `main` begins).
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

fn main() {
    draw_without_gl_layers();
    let data_dir = maskcheck_app::resolve_data_dir(data_dir_arg());
    // A database that cannot be opened (e.g. written by a newer version) still gets a window, which shows why; an
    // encrypted one waits for its passphrase, a new one for the first-run page.
    let shell = session::Shell::start(data_dir);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(shell)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("maskcheck-desktop: {e}");
            std::process::exit(1);
        });
}
