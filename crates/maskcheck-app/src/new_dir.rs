//! Creating a data directory is several writes (the keyring, the database, the device key, the first backup): when
//! a later one fails, the earlier ones are removed, so a failed setup leaves the directory as it found it. Left
//! behind, a keyring without its database made the next start ask for a passphrase to a directory with no data.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// A data directory being created. Only a directory that holds no maskcheck data yet (no keyring, no database) is
/// tidied after a failure, and only of what was not there before: nothing of the user's is ever removed.
pub(crate) struct Creation {
    dir: PathBuf,
    /// The entries there before (None: the directory did not exist), or None when the directory is not new.
    before: Option<Option<HashSet<OsString>>>,
}

impl Creation {
    pub(crate) fn begin(dir: &Path) -> Creation {
        let new = crate::App::dir_state(dir) == crate::encryption::DirState::New;
        let entries = || -> Option<HashSet<OsString>> {
            Some(std::fs::read_dir(dir).ok()?.flatten().map(|e| e.file_name()).collect())
        };
        Creation { dir: dir.to_path_buf(), before: new.then(entries) }
    }

    /// After a failed creation, removes what it wrote: the entries that were not there before, and the directory
    /// itself when it did not exist. Best effort: the failure being reported matters more than a leftover.
    pub(crate) fn undo_if_failed<T, E>(self, outcome: &Result<T, E>) {
        let (Err(_), Some(before)) = (outcome, &self.before) else { return };
        let Some(before) = before else {
            let _ = std::fs::remove_dir_all(&self.dir);
            return;
        };
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            if !before.contains(&entry.file_name()) {
                let path = entry.path();
                let _ = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            }
        }
    }
}
