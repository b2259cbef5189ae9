//! What a data directory keeps on disk, file by file: how the tests of encryption at rest look for plaintext the way
//! someone holding a lost laptop's disk would (grep every file).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Every file under `dir` with its bytes: what "nothing changed" is compared with.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir).into_iter().map(|p| (p.clone(), std::fs::read(&p).expect("read"))).collect()
}

/// No file under `dir` holds `text` (as UTF-8) in the clear.
pub fn assert_hidden(dir: &Path, text: &str) {
    for (path, bytes) in snapshot(dir) {
        assert!(
            !bytes.windows(text.len()).any(|w| w == text.as_bytes()),
            "{} holds {text} in the clear",
            path.display()
        );
    }
}
