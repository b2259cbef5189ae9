//! Work a window does behind its first answers (the start's integrity check, the day's backup) runs at a lower
//! scheduling priority, so on a two-core laptop it takes the time WebKit and the page's reads leave, not theirs.

/// How far below the window's threads: CFS then gives a background thread about a tenth of a contended core.
const NICER_BY: i32 = 10;

/// Lowers the calling thread's priority (Linux: a thread id is a process id to `setpriority`). A refusal changes
/// nothing else: the work runs at the window's priority, as before.
pub fn lower_this_threads_priority() {
    let tid = rustix::thread::gettid();
    if let Ok(now) = rustix::process::getpriority_process(Some(tid)) {
        let _ = rustix::process::setpriority_process(Some(tid), (now + NICER_BY).min(19));
    }
}

/// This thread's nice value (tests: the background threads are lowered).
pub fn this_threads_priority() -> Option<i32> {
    rustix::process::getpriority_process(Some(rustix::thread::gettid())).ok()
}
