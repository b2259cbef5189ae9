//! The data directory as this window holds it: open, locked (encrypted, waiting for its passphrase), new (nothing
//! there yet: the first-run page creates it) or failed to open (the window says why). Locking drops the open `App`,
//! which closes the database and forgets its key; a task still running keeps its own reference until it ends.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use maskcheck_app::{
    App, AppError, DemoSummary, DirState, EncryptReportDto, ErrorCode, ProfileDto, RecoveredDto, SessionDto,
};
use maskcheck_domain::ProfileInput;

enum Opened {
    Open(Arc<App>),
    Locked,
    New,
    Failed(AppError),
}

pub struct Shell {
    data_dir: PathBuf,
    state: RwLock<Opened>,
}

type Cmd<T> = Result<T, AppError>;

impl Shell {
    /// A plain directory opens at once; an encrypted one waits for the unlock screen; a new one for the first-run
    /// page, so nothing is created before the inspector chose a passphrase.
    pub fn start(data_dir: PathBuf) -> Shell {
        let state = match App::dir_state(&data_dir) {
            DirState::Encrypted => Opened::Locked,
            DirState::New => Opened::New,
            DirState::Plain => match App::open(&data_dir) {
                Ok(app) => Opened::Open(Arc::new(app)),
                Err(e) => Opened::Failed(e),
            },
        };
        Shell { data_dir, state: RwLock::new(state) }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Opened> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }

    fn set(&self, to: Opened) {
        *self.state.write().unwrap_or_else(|p| p.into_inner()) = to;
    }

    /// The open app, or why there is none.
    pub fn app(&self) -> Cmd<Arc<App>> {
        match &*self.read() {
            Opened::Open(app) => Ok(app.clone()),
            Opened::Locked => Err(AppError::new(ErrorCode::Locked, "数据已锁定，请输入口令解锁")),
            Opened::New => Err(AppError::new(ErrorCode::NotSetUp, "尚未完成初始设置")),
            Opened::Failed(e) => Err(e.clone()),
        }
    }

    pub fn session(&self) -> Cmd<SessionDto> {
        Ok(SessionDto {
            locked: matches!(&*self.read(), Opened::Locked),
            encryption: App::encryption_of(&self.data_dir)?,
            data_dir: self.data_dir.display().to_string(),
        })
    }

    pub fn unlock(&self, passphrase: &str) -> Cmd<SessionDto> {
        let app = App::open_existing_with(&self.data_dir, Some(passphrase))?;
        self.set(Opened::Open(Arc::new(app)));
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
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
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
