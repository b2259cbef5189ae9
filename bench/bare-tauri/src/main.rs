//! An empty Tauri window: what every Tauri app on WebKitGTK costs before it does anything.
fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).unwrap_or_else(|e| {
        eprintln!("bare-tauri: {e}");
        std::process::exit(1);
    });
}
