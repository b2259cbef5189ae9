//! Why a bundle was refused. Each is a sentence an inspector or clerk can act on; `maskcheck-app` maps them to
//! its closed error codes.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum SyncError {
    #[error("不是 maskcheck 同步包（文件格式不符）")]
    NotABundle,
    #[error("同步包已损坏或不完整（可能被截断或改动），未导入任何内容")]
    Damaged,
    #[error("同步包不是发给本机的，或其加密文件头已损坏（无法用本机的密钥解密）")]
    NotForThisDevice,
    #[error("同步包的签名不符：不是登记的发送设备签发的，或内容被改动")]
    BadSignature,
    #[error("同步包格式版本 {found} 比本程序新（支持到 {supported}），请升级程序")]
    NewerFormat { found: u32, supported: u32 },
    #[error("同步包格式版本 {found} 已不再支持（本程序为 {supported}），请发送方升级程序后重新导出")]
    OlderFormat { found: u32, supported: u32 },
    #[error("同步包中的{what}超过上限（{limit}）")]
    TooLarge { what: &'static str, limit: u64 },
    #[error("设备身份卡无效：{0}")]
    BadCard(String),
    #[error("读写同步包失败：{0}")]
    Io(#[from] std::io::Error),
}
