//! Support for maskcheck's cross-crate tests: the workspace's paths, and a small blocking WebDriver client that
//! drives the real desktop app through tauri-driver.

pub mod at_rest;
pub mod driver;
pub mod hostile_files;
pub mod records;
pub mod sent_reports;

use std::path::PathBuf;

/// The repository root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}
