//! The data directory as this window holds it: open, locked (encrypted, waiting for its passphrase), new (nothing
//! there yet: the first-run page creates it) or failed to open (the window says why). Locking drops the open `App`,
//! which closes the database and forgets its key; a task still running keeps its own reference until it ends.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use maskcheck_app::{
    App, AppError, DemoSummary, DirState, EncryptReportDto, ErrorCode, ProfileDto, RecoveredDto, SessionDto,
};
use maskcheck_domain::ProfileInput;

enum Opened {
    /// A plain directory being opened in the background (see [`Shell::start`]); every command waits for it.
    Opening,
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
    fn settle(&self, to: Opened) {
        *self.opened.lock().unwrap_or_else(|p| p.into_inner()) = to;
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
    ///
    /// Opening checks the whole database (`PRAGMA quick_check`): half a second for a city's roster, which the window
    /// used to wait for before it even asked for its page. It now runs while the window and its page load, and every
    /// command waits until it has settled (`read`), so the page sees exactly what it saw before, sooner. The day's
    /// backup (another second for a city's roster, on the morning's first start) is written after that, through a
    /// connection of its own, while the page's commands are answered.
    pub fn start(data_dir: PathBuf) -> Shell {
        let initial = match App::dir_state(&data_dir) {
            DirState::Encrypted => Opened::Locked,
            DirState::New => Opened::New,
            DirState::Plain => Opened::Opening,
        };
        let opening = matches!(initial, Opened::Opening);
        let shell = Shell {
            data_dir: data_dir.clone(),
            state: Arc::new(State { opened: Mutex::new(initial), settled: Condvar::new() }),
        };
        if opening {
            let state = shell.state.clone();
            std::thread::spawn(move || {
                // A panic must not leave every command waiting: it settles as a failure the window shows.
                let opened = std::panic::catch_unwind(|| match App::open_backup_later(&data_dir) {
                    Ok(app) => Opened::Open(Arc::new(app)),
                    Err(e) => Opened::Failed(e),
                })
                .unwrap_or_else(|_| Opened::Failed(AppError::new(ErrorCode::Io, "打开数据目录时程序出错，请重新启动")));
                let app = match &opened {
                    Opened::Open(app) => Some(app.clone()),
                    _ => None,
                };
                state.settle(opened);
                if let Some(app) = app {
                    daily_backup(&app);
                }
            });
        }
        shell
    }

    /// The state, once the background opening (if any) has settled.
    fn read(&self) -> MutexGuard<'_, Opened> {
        let guard = self.state.opened.lock().unwrap_or_else(|p| p.into_inner());
        self.state.settled.wait_while(guard, |o| matches!(o, Opened::Opening)).unwrap_or_else(|p| p.into_inner())
    }

    fn set(&self, to: Opened) {
        *self.read() = to;
    }

    /// The open app, or why there is none.
    pub fn app(&self) -> Cmd<Arc<App>> {
        match &*self.read() {
            Opened::Open(app) => Ok(app.clone()),
            Opened::Locked => Err(AppError::new(ErrorCode::Locked, "数据已锁定，请输入口令解锁")),
            Opened::New => Err(AppError::new(ErrorCode::NotSetUp, "尚未完成初始设置")),
            Opened::Failed(e) => Err(e.clone()),
            // `read` waits until the opening settles, so this is not seen; an answer is still better than a panic.
            Opened::Opening => Err(AppError::new(ErrorCode::Io, "数据目录正在打开，请稍候")),
        }
    }

    pub fn session(&self) -> Cmd<SessionDto> {
        Ok(SessionDto {
            locked: matches!(&*self.read(), Opened::Locked),
            encryption: App::encryption_of(&self.data_dir)?,
            data_dir: self.data_dir.display().to_string(),
        })
    }

    /// Unlocks and answers at once; the day's backup follows on a thread of its own.
    pub fn unlock(&self, passphrase: &str) -> Cmd<SessionDto> {
        let app = Arc::new(App::open_existing_backup_later(&self.data_dir, Some(passphrase))?);
        self.set(Opened::Open(app.clone()));
        std::thread::spawn(move || daily_backup(&app));
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
