//! First run: the unit, the inspector, the role; a device key pair is made.

use maskcheck_domain::{validate_profile, ProfileInput};
use maskcheck_store::Profile;

use crate::{App, AppError, ErrorCode, ProfileDto, Result, SetupStatus};

impl App {
    pub fn setup_status(&self) -> Result<SetupStatus> {
        let damaged = self.store().damaged().map(<[String]>::to_vec);
        let data_dir = self.data_dir().display().to_string();
        // A damaged file may not even read its profile: the window still opens, read-only, with the backups.
        let profile = match self.store().profile() {
            Ok(p) => p.map(Into::into),
            Err(_) if damaged.is_some() => None,
            Err(e) => return Err(e.into()),
        };
        if damaged.is_some() {
            return Ok(SetupStatus { profile, data_dir, catalogue_error: None, damaged, checking: false });
        }
        // The store's guard is let go before the catalogue reads the store again.
        Ok(SetupStatus { profile, data_dir, catalogue_error: self.catalogue().err(), damaged, checking: false })
    }

    pub fn setup(&self, input: ProfileInput) -> Result<ProfileDto> {
        let input = validate_profile(&input)?;
        let mut store = self.store();
        if store.profile()?.is_some() {
            return Err(AppError::new(ErrorCode::AlreadySetUp, "此数据目录已完成初始设置"));
        }
        let key = crate::device::create(self.data_dir(), self.vault())?;
        let profile =
            Profile { input, device_id: key.device_id, public_key: key.public_key_hex, created_at: crate::now_text() };
        store.write(|tx| {
            tx.insert_profile(&profile)?;
            tx.set_meta("device_id", &profile.device_id)?;
            tx.set_meta("site_id", &uuid::Uuid::now_v7().to_string())
        })?;
        Ok(profile.into())
    }

    pub fn update_profile(&self, input: ProfileInput) -> Result<ProfileDto> {
        let mut store = self.store();
        let current = store.profile()?.ok_or_else(not_set_up)?;
        let input = maskcheck_domain::profile::validate_profile_update(&current.input, &input)?;
        store.write(|tx| tx.update_profile(&input))?;
        store.profile()?.map(Into::into).ok_or_else(not_set_up)
    }

    /// The device id of this laptop; every write needs it (records carry their origin).
    pub(crate) fn device_id(&self) -> Result<String> {
        self.store().meta("device_id")?.ok_or_else(not_set_up)
    }

    /// The unit and inspector of this data directory.
    pub(crate) fn profile(&self) -> Result<maskcheck_domain::ProfileInput> {
        Ok(self.store().profile()?.ok_or_else(not_set_up)?.input)
    }
}

pub(crate) fn not_set_up() -> AppError {
    AppError::new(
        ErrorCode::NotSetUp,
        "尚未完成初始设置（单位、执法人员、角色），请先运行 maskcheck init 或在程序中完成设置",
    )
}
