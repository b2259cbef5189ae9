//! `maskcheck key …` and the passphrase every command opens an encrypted data directory with.

use std::path::Path;

use maskcheck_app::{App, AppError, DirState, ErrorCode};

use crate::args::KeyCommand;
use crate::output;

/// The passphrase: the first line of `--passphrase-file`, else `MASKCHECK_PASSPHRASE`, else none.
pub fn passphrase(file: Option<&Path>) -> Result<Option<String>, AppError> {
    if let Some(f) = file {
        return read_passphrase_file(f).map(Some);
    }
    Ok(std::env::var("MASKCHECK_PASSPHRASE").ok().filter(|p| !p.is_empty()))
}

/// A passphrase file's first line, as typed (only its line ending is dropped).
fn read_passphrase_file(f: &Path) -> Result<String, AppError> {
    let text = std::fs::read_to_string(f).map_err(|e| AppError::io(f, e))?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}

/// Says on stderr that a data directory is being created unencrypted.
pub fn warn_if_created_plain(dir: &Path, passphrase: Option<&str>) {
    if passphrase.is_none() && App::dir_state(dir) == DirState::New {
        eprintln!(
            "警告：将创建未加密的数据目录 {}。笔记本丢失时其中的企业名册、检查记录和照片可被直接读取；\
             请设置 MASKCHECK_PASSPHRASE 或使用 --passphrase-file 创建加密目录，或之后运行 maskcheck key encrypt",
            dir.display()
        );
    }
}

/// The `key` commands that work on a closed (or locked) data directory; `None` when the command needs it open.
pub fn without_app(dir: &Path, cmd: &KeyCommand, pass: Option<&str>, json: bool) -> Result<Option<()>, AppError> {
    let need = || {
        pass.ok_or_else(|| {
            AppError::new(ErrorCode::Locked, "需要口令：设置 MASKCHECK_PASSPHRASE 或使用 --passphrase-file")
        })
    };
    match cmd {
        KeyCommand::Status => {
            let e = App::encryption_of(dir)?;
            output::print(json, &e, || match e.state {
                DirState::Encrypted => format!(
                    "已加密；无操作 {} 分钟后锁定；{}",
                    e.idle_lock_minutes.unwrap_or_default(),
                    match &e.recovery_bureau {
                        Some(fp) => format!("忘记口令时可由局端（指纹 {fp}）恢复"),
                        None => "尚无局端恢复密钥（导入局里的同步包后才有）".into(),
                    }
                ),
                DirState::Plain => "未加密：运行 maskcheck key encrypt 加密".into(),
                DirState::New => "数据目录中还没有数据".into(),
            });
        }
        KeyCommand::Encrypt => {
            let p = need()?;
            let r = App::encrypt_data_dir(dir, p, p)?;
            output::print(json, &r, || {
                format!(
                    "已加密：核对 {} 张表 {} 行；加密文件 {} 个、备份 {} 个；明文已删除",
                    r.tables_checked, r.rows_checked, r.files_sealed, r.backups_sealed
                )
            });
        }
        KeyCommand::RecoveryFile { out } => {
            let r = App::write_recovery_file(dir, out)?;
            output::print(json, &r, || {
                format!("已写出恢复文件 {}（{} · {}），请交局端打开", out.display(), r.unit_name, r.person)
            });
        }
        KeyCommand::Install { file } => {
            App::install_recovered_keyring(dir, file, need()?)?;
            output::print(json, &serde_json::json!({ "installed": true }), || {
                "已安装局端生成的密钥文件：请用局端告知的口令打开，然后尽快改为自己的口令（maskcheck key change）"
                    .into()
            });
        }
        _ => return Ok(None),
    }
    Ok(Some(()))
}

/// The `key` commands that need the data directory open.
pub fn with_app(app: &App, cmd: KeyCommand, pass: Option<&str>, json: bool) -> Result<(), AppError> {
    match cmd {
        KeyCommand::Change { new_passphrase_file } => {
            let old = pass.unwrap_or_default();
            let new = read_passphrase_file(&new_passphrase_file)?;
            app.change_passphrase(old, &new, &new)?;
            output::print(json, &serde_json::json!({ "changed": true }), || "口令已更改".into());
        }
        KeyCommand::IdleLock { minutes } => {
            let e = app.set_idle_lock(minutes)?;
            output::print(json, &e, || format!("无操作 {minutes} 分钟后锁定"));
        }
        KeyCommand::Recover { file, new_passphrase_file, out } => {
            let new = read_passphrase_file(&new_passphrase_file)?;
            let r = app.recover_passphrase(&file, &new, &new, &out)?;
            output::print(json, &r, || {
                format!(
                    "已为 {} · {}（设备 {}）生成新的密钥文件 {}：交其在笔记本上运行 maskcheck key install，用新口令打开",
                    r.unit_name,
                    r.person,
                    r.device_id,
                    out.display()
                )
            });
        }
        _ => {}
    }
    Ok(())
}
