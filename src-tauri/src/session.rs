//! The data directory as this window holds it: open, locked (encrypted, waiting for its passphrase), new (nothing
//! there yet: the first-run page creates it) or failed to open (the window says why). Locking drops the open `App`,
//! which closes the database and forgets its key; a task still running keeps its own reference until it ends.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use maskcheck_app::{
    App, AppError, DemoSummary, DirState, EncryptReportDto, ErrorCode, ProfileDto, RecoveredDto, SessionDto,
    SetupStatus, Unlocked,
};
use maskcheck_domain::ProfileInput;

enum Opened {
    /// A plain directory being opened in the background (see [`Shell::start`]). Writes wait for it; `reader`, once
    /// there, is the same directory opened read-only, which answers the start-up's reads meanwhile.
    Opening {
        reader: Option<Arc<App>>,
    },
    Open(Arc<App>),
    Locked,
    New,
    Failed(AppError),
}

struct State {
    opened: Mutex<Opened>,
    /// Signalled when the background opening settles.
    settled: Condvar,
}

impl State {
    fn lock(&self) -> MutexGuard<'_, Opened> {
        self.opened.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn settle(&self, to: Opened) {
        *self.lock() = to;
        self.settled.notify_all();
    }

    /// Offers the read-only opening to the reads waiting for one (unless the opening settled first).
    fn offer_reader(&self, reader: App) {
        if let Opened::Opening { reader: slot @ None } = &mut *self.lock() {
            *slot = Some(Arc::new(reader));
        }
        self.settled.notify_all();
    }
}

pub struct Shell {
    data_dir: PathBuf,
    state: Arc<State>,
}

type Cmd<T> = Result<T, AppError>;

impl Shell {
    /// A plain directory opens at once, in the background; an encrypted one waits for the unlock screen; a new one
    /// for the first-run page, so nothing is created before the inspector chose a passphrase.
    pub fn start(data_dir: PathBuf) -> Shell {
        Shell::start_with(data_dir, Unlocked::open)
    }

    /// [`Shell::start`] with the opening given (a test holds it to see what waits for it).
    ///
    /// Opening checks the whole database (`PRAGMA quick_check`) before anything may write: half a second for a
    /// city's roster, which the window used to wait for before it even asked for its page. It runs while the
    /// window and its page load. Meanwhile the directory is also opened read-only (never migrated, never written:
    /// a read-only connection cannot write), and the start-up's reads (`reader`: the dashboard, the roster) are
    /// answered from it; every other command waits until the opening has settled (`read`). The window asks again
    /// for the setup status once it has settled (`setup_status_settled`), which is when a damaged file is known.
    /// The day's backup (another second for a city's roster, on the morning's first start) is written after that,
    /// through a connection of its own, while the page's commands are answered.
    pub fn start_with(data_dir: PathBuf, open: impl FnOnce(Unlocked) -> Cmd<App> + Send + 'static) -> Shell {
        let initial = match App::dir_state(&data_dir) {
            DirState::Encrypted => Opened::Locked,
            DirState::New => Opened::New,
            DirState::Plain => Opened::Opening { reader: None },
        };
        let opening = matches!(initial, Opened::Opening { .. });
        let shell = Shell {
            data_dir: data_dir.clone(),
            state: Arc::new(State { opened: Mutex::new(initial), settled: Condvar::new() }),
        };
        if opening {
            let state = shell.state.clone();
            std::thread::spawn(move || match App::unlock_for_window(&data_dir, None) {
                Ok((reader, unlocked)) => {
                    // Without a read-only opening (an older schema) reads wait for the opening, as writes do.
                    if let Some(reader) = reader {
                        state.offer_reader(reader);
                    }
                    finish_opening(&state, || open(unlocked));
                }
                Err(e) => state.settle(Opened::Failed(e)),
            });
        }
        shell
    }

    /// The state, once the background opening (if any) has settled.
    fn read(&self) -> MutexGuard<'_, Opened> {
        let guard = self.state.lock();
        self.state.settled.wait_while(guard, |o| matches!(o, Opened::Opening { .. })).unwrap_or_else(|p| p.into_inner())
    }

    fn set(&self, to: Opened) {
        *self.read() = to;
    }

    /// The open app, or why there is none; waits for the opening. Every command that may write takes this one.
    pub fn app(&self) -> Cmd<Arc<App>> {
        answer(&self.read())
    }

    /// For a command that only reads: the read-only opening while the check runs, else [`Shell::app`].
    pub fn reader(&self) -> Cmd<Arc<App>> {
        Ok(self.reading()?.0)
    }

    /// The app to read from, and whether it is the read-only one of an opening still checking.
    fn reading(&self) -> Cmd<(Arc<App>, bool)> {
        let guard = self.state.lock();
        let guard = self
            .state
            .settled
            .wait_while(guard, |o| matches!(o, Opened::Opening { reader: None }))
            .unwrap_or_else(|p| p.into_inner());
        match &*guard {
            Opened::Opening { reader: Some(reader) } => Ok((reader.clone(), true)),
            settled => Ok((answer(settled)?, false)),
        }
    }

    /// The start-up's setup status. While the check runs it comes from the read-only opening and says so
    /// (`checking`): whether the file is damaged is not known yet, and the window asks again
    /// ([`Shell::setup_status_settled`]).
    pub fn setup_status(&self) -> Cmd<SetupStatus> {
        let (app, checking) = self.reading()?;
        Ok(SetupStatus { checking, ..app.setup_status()? })
    }

    /// The setup status once the opening has settled (the integrity check's verdict in `damaged`).
    pub fn setup_status_settled(&self) -> Cmd<SetupStatus> {
        self.app()?.setup_status()
    }

    /// Answered at once, opening or not: a directory being opened is plain, so not locked.
    pub fn session(&self) -> Cmd<SessionDto> {
        Ok(SessionDto {
            locked: matches!(&*self.state.lock(), Opened::Locked),
            encryption: App::encryption_of(&self.data_dir)?,
            data_dir: self.data_dir.display().to_string(),
        })
    }

    /// Unlocks and answers once the key is unwrapped (a wrong passphrase changes nothing): as at start, the
    /// page's first reads are answered from a read-only opening while the check and the opening for writing run
    /// on a thread of their own, the day's backup after them.
    pub fn unlock(&self, passphrase: &str) -> Cmd<SessionDto> {
        let (reader, unlocked) = App::unlock_for_window(&self.data_dir, Some(passphrase))?;
        self.set(Opened::Opening { reader: reader.map(Arc::new) });
        let state = self.state.clone();
        std::thread::spawn(move || finish_opening(&state, || unlocked.open()));
        self.session()
    }

    pub fn lock(&self) -> Cmd<SessionDto> {
        if App::dir_state(&self.data_dir) != DirState::Encrypted {
            return Err(AppError::new(ErrorCode::NotEncrypted, "数据目录未加密，不能锁定"));
        }
        self.set(Opened::Locked);
        self.session()
    }

    pub fn create(&self, input: ProfileInput, passphrase: Option<&str>, confirm: Option<&str>) -> Cmd<ProfileDto> {
        let (app, profile) = App::create_data_dir(&self.data_dir, input, passphrase, confirm)?;
        self.set(Opened::Open(Arc::new(app)));
        Ok(profile)
    }

    /// The demo on a new directory: created plain (demo data is no one's).
    pub fn demo(&self, enterprises: u32) -> Cmd<DemoSummary> {
        let app = match self.app() {
            Ok(app) => app,
            Err(_) if App::dir_state(&self.data_dir) == DirState::New => {
                let app = Arc::new(App::open(&self.data_dir)?);
                self.set(Opened::Open(app.clone()));
                app
            }
            Err(e) => return Err(e),
        };
        app.load_demo(enterprises, 1)
    }

    /// Encrypts the open plain directory: the app is closed for it and opened again, encrypted.
    pub fn encrypt(&self, passphrase: &str, confirm: &str) -> Cmd<EncryptReportDto> {
        maskcheck_domain::passphrase::check_new_passphrase(passphrase, confirm)?;
        let mut state = self.read();
        *state = Opened::Locked;
        let done = App::encrypt_data_dir(&self.data_dir, passphrase, confirm);
        // Encrypted or not, the directory opens again: with the passphrase when it worked, as it was when not.
        *state = match App::dir_state(&self.data_dir) {
            DirState::Encrypted => match App::open_existing_with(&self.data_dir, Some(passphrase)) {
                Ok(app) => Opened::Open(Arc::new(app)),
                Err(_) => Opened::Locked,
            },
            _ => match App::open(&self.data_dir) {
                Ok(app) => Opened::Open(Arc::new(app)),
                Err(e) => Opened::Failed(e),
            },
        };
        done
    }

    pub fn write_recovery_file(&self, out: &str) -> Cmd<RecoveredDto> {
        App::write_recovery_file(&self.data_dir, std::path::Path::new(out))
    }

    /// Installs the key file the bureau made, then unlocks with the passphrase it was made with.
    pub fn install_keyring(&self, file: &str, passphrase: &str) -> Cmd<SessionDto> {
        App::install_recovered_keyring(&self.data_dir, std::path::Path::new(file), passphrase)?;
        self.unlock(passphrase)
    }
}

/// The rest of an opening, on its own thread below the window's priority: the check and the opening for writing
/// (`open`), which settles the state; then the day's backup.
fn finish_opening(state: &State, open: impl FnOnce() -> Cmd<App>) {
    // The check, and the day's backup after it, take what the window and the reads leave of the CPU.
    maskcheck_app::background::lower_this_threads_priority();
    // A panic must not leave every command waiting: it settles as a failure the window shows.
    let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match open() {
        Ok(app) => Opened::Open(Arc::new(app)),
        Err(e) => Opened::Failed(e),
    }))
    .unwrap_or_else(|_| Opened::Failed(AppError::new(ErrorCode::Io, "打开数据目录时程序出错，请重新启动")));
    let app = match &opened {
        Opened::Open(app) => Some(app.clone()),
        _ => None,
    };
    state.settle(opened);
    if let Some(app) = app {
        daily_backup(&app);
    }
}

fn answer(opened: &Opened) -> Cmd<Arc<App>> {
    match opened {
        Opened::Open(app) => Ok(app.clone()),
        Opened::Locked => Err(AppError::new(ErrorCode::Locked, "数据已锁定，请输入口令解锁")),
        Opened::New => Err(AppError::new(ErrorCode::NotSetUp, "尚未完成初始设置")),
        Opened::Failed(e) => Err(e.clone()),
        // Callers wait until the opening settles, so this is not seen; an answer is still better than a panic.
        Opened::Opening { .. } => Err(AppError::new(ErrorCode::Io, "数据目录正在打开，请稍候")),
    }
}

/// The day's backup, after the window has its data. A failure is not the window's to show (it would block nothing
/// the inspector is doing): it is reported on stderr, and the next start tries again (the backups page lists what
/// exists).
fn daily_backup(app: &App) {
    if let Err(e) = app.daily_backup() {
        eprintln!("maskcheck-desktop: 今日备份未能写出：{}", e.message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_directory_opens_in_the_background_and_commands_wait_for_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (app, _) = App::create_data_dir(dir.path(), maskcheck_app::demo_profile(), None, None).expect("plain dir");
        drop(app);
        let backups = dir.path().join("backups");
        let _ = std::fs::remove_dir_all(&backups);
        let shell = Shell::start(dir.path().to_path_buf());
        // The first command after start gets the opened app, never "opening".
        let app = shell.app().expect("opened");
        assert!(app.setup_status().expect("status").profile.is_some());
        assert!(!shell.session().expect("session").locked);
        // The day's copy follows the opening, on the same thread.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while app.backups().expect("backups").is_empty() {
            assert!(std::time::Instant::now() < deadline, "the day's copy was not written");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// A shell whose opening waits for the test's word before it checks and opens the directory.
    fn held_opening(dir: &std::path::Path) -> (Shell, std::sync::mpsc::Sender<()>) {
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let here = maskcheck_app::background::this_threads_priority();
        let shell = Shell::start_with(dir.to_path_buf(), move |unlocked| {
            let _ = wait.recv();
            let opening = maskcheck_app::background::this_threads_priority();
            assert!(opening > here || here == Some(19), "the check runs below the window: {opening:?} vs {here:?}");
            unlocked.open()
        });
        (shell, go)
    }

    fn plain_dir_with_demo(enterprises: u32, seed: u64) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let (app, _) = App::create_data_dir(dir.path(), maskcheck_app::demo_profile(), None, None).expect("plain dir");
        app.load_demo(enterprises, seed).expect("demo");
        dir
    }

    /// Starts `f` on a thread; the receiver has its answer once it has one.
    fn in_background<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> std::sync::mpsc::Receiver<T> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(f());
        });
        rx
    }

    #[test]
    fn the_start_up_reads_are_answered_while_the_check_runs_and_writes_wait_for_it() {
        let dir = plain_dir_with_demo(40, 1);
        let (shell, go) = held_opening(dir.path());
        let shell = Arc::new(shell);

        // The opening has not even begun its check: the start-up's reads are answered read-only, and say so (were
        // they to wait for the opening, which waits for the test, the answer would not come).
        assert!(!shell.session().expect("session").locked);
        let status = {
            let shell = shell.clone();
            in_background(move || shell.setup_status())
        }
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("answered while the opening is held")
        .expect("status while checking");
        assert!(status.checking && status.damaged.is_none() && status.profile.is_some(), "{status:?}");
        let reader = shell.reader().expect("reader");
        assert_eq!(reader.dashboard().expect("dashboard").enterprise_count, 40);
        let refused = reader
            .create_enterprise(maskcheck_domain::EnterpriseInput::new("新乡市卫滨区新厂", "91350100M000100Y43"))
            .expect_err("the read-only opening never writes");
        assert_ne!(refused.code, ErrorCode::Validation, "refused for being read-only: {refused:?}");

        // A command that may write, and the verdict, wait for the opening.
        let writer = {
            let shell = shell.clone();
            in_background(move || shell.app().map(|_| ()))
        };
        let verdict = {
            let shell = shell.clone();
            in_background(move || shell.setup_status_settled())
        };
        let held = std::time::Duration::from_millis(300);
        assert!(writer.recv_timeout(held).is_err(), "a write was let through before the check");
        assert!(verdict.recv_timeout(held).is_err(), "the verdict came before the check");

        go.send(()).expect("release the opening");
        let wait = std::time::Duration::from_secs(30);
        writer.recv_timeout(wait).expect("the write goes on").expect("opened");
        let settled = verdict.recv_timeout(wait).expect("the verdict").expect("status");
        assert!(!settled.checking && settled.damaged.is_none(), "{settled:?}");
        assert!(!shell.setup_status().expect("status").checking, "once open, reads come from the opened app");
        let app = shell.app().expect("opened");
        app.create_enterprise(maskcheck_domain::EnterpriseInput::new("新乡市卫滨区新厂", "91350100M000100Y43"))
            .expect("writes once the check passed");
    }

    #[test]
    fn a_damaged_file_is_read_while_checked_and_its_verdict_keeps_it_read_only() {
        let dir = plain_dir_with_demo(300, 4);
        let db = dir.path().join("maskcheck.db");
        maskcheck_tests::records::damage_database(&db);
        let before = std::fs::read(&db).expect("db");

        let (shell, go) = held_opening(dir.path());
        let status = shell.setup_status().expect("status while checking");
        assert!(status.checking && status.damaged.is_none(), "{status:?}");
        go.send(()).expect("release the opening");
        let settled = shell.setup_status_settled().expect("the verdict");
        assert!(!settled.checking && settled.damaged.is_some_and(|d| !d.is_empty()), "the damage is reported");
        let refused = shell
            .app()
            .expect("opened read-only")
            .create_enterprise(maskcheck_domain::EnterpriseInput::new("新乡市卫滨区新厂", "91350100M000100Y43"))
            .expect_err("no write");
        assert_eq!(refused.code, ErrorCode::DatabaseDamaged, "{refused:?}");
        drop(shell);
        assert!(std::fs::read(&db).expect("db") == before, "the damaged file was never written");
    }

    #[test]
    fn an_unlock_answers_once_the_key_is_unwrapped_and_writes_once_the_check_passed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pass = "一二三四 五六七八 2026";
        let (app, _) =
            App::create_data_dir(dir.path(), maskcheck_app::demo_profile(), Some(pass), Some(pass)).expect("encrypted");
        app.load_demo(30, 2).expect("demo");
        drop(app);
        let shell = Shell::start(dir.path().to_path_buf());
        let wrong = shell.unlock("一二三四 五六七八 2027").expect_err("a wrong passphrase");
        assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
        assert!(shell.session().expect("session").locked, "still locked");
        assert_eq!(shell.reader().err().map(|e| e.code), Some(ErrorCode::Locked), "nothing to read from");

        assert!(!shell.unlock(pass).expect("unlocked").locked);
        assert_eq!(shell.reader().expect("reads").dashboard().expect("dashboard").enterprise_count, 30);
        let settled = shell.setup_status_settled().expect("the verdict");
        assert!(!settled.checking && settled.damaged.is_none(), "{settled:?}");
        shell
            .app()
            .expect("opened")
            .create_enterprise(maskcheck_domain::EnterpriseInput::new("新乡市卫滨区新厂", "91350100M000100Y43"))
            .expect("writes once the check passed");
        assert!(shell.lock().expect("locks").locked);
        assert_eq!(shell.app().err().map(|e| e.code), Some(ErrorCode::Locked));
    }

    #[test]
    fn new_and_encrypted_directories_do_not_open_in_the_background() {
        let new = tempfile::tempdir().expect("tempdir");
        let shell = Shell::start(new.path().join("not-yet"));
        assert_eq!(shell.app().err().map(|e| e.code), Some(ErrorCode::NotSetUp));

        let locked = tempfile::tempdir().expect("tempdir");
        let pass = "一二三四 五六七八 2026";
        let (app, _) = App::create_data_dir(locked.path(), maskcheck_app::demo_profile(), Some(pass), Some(pass))
            .expect("encrypted");
        drop(app);
        let shell = Shell::start(locked.path().to_path_buf());
        assert_eq!(shell.app().err().map(|e| e.code), Some(ErrorCode::Locked));
        assert!(shell.session().expect("session").locked);
    }
}
