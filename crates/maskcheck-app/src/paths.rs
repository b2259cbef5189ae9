use std::path::PathBuf;

/// The data directory: `--data-dir` if given, else `MASKCHECK_DATA_DIR`, else the platform's app-data dir.
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| std::env::var_os("MASKCHECK_DATA_DIR").filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(|| dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("maskcheck"))
}
