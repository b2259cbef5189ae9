//! A last line of defence around the spreadsheet parsers: calamine still panics on some malformed files
//! (a shared-string index past the table, a cell reference that overflows; found by `tests/fuzz.rs`). A panic
//! inside a guarded read becomes a clear "damaged file" error, and its internal text is kept off the user's
//! terminal and window: the panic hook stays silent for the guarded thread and reports every other panic as before.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

fn install_quiet_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it is returned as `Err(())` without printing anything.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, ()> {
    install_quiet_hook();
    let was = GUARDED.with(|g| g.replace(true));
    let out = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    out.map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_values_pass_through() {
        assert_eq!(catch_panic(|| 7), Ok(7));
        let v: Vec<u8> = Vec::new();
        assert_eq!(catch_panic(|| v[3]), Err(()));
    }
}
