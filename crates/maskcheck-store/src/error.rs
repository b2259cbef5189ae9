use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("数据库版本 {found} 比本程序支持的版本 {supported} 新，请升级程序；数据库未作任何改动")]
    TooNew { found: i64, supported: i64 },
    #[error("数据库版本 {found} 较旧，需要升级到 {supported}；只读打开时不能升级，请先用会写入数据的命令（或桌面程序）打开一次")]
    NeedsMigration { found: i64, supported: i64 },
    #[error("迁移前备份数据库失败：{0}")]
    Backup(String),
    #[error("未找到{}：{id}", entity.zh())]
    NotFound { entity: maskcheck_domain::Entity, id: String },
    #[error("{}已完结，不能修改；如需更正请作更正记录", .0.label_zh())]
    Frozen(Frozen),
    #[error("数据库中的值无法读取：{0}")]
    Corrupt(String),
    #[error("数据库文件已损坏（{0}），已以只读方式打开，不能写入；请在“设置 → 备份”中从备份恢复")]
    Damaged(String),
    #[error("数据库无法用此密钥打开（口令对应的密钥与数据库不符）；数据库未作任何改动")]
    WrongKey,
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// SQLite found the file malformed or not a database (by its result code, never its message).
    pub fn is_damage(&self) -> bool {
        match self {
            StoreError::Damaged(_) => true,
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            ),
            _ => false,
        }
    }
}

/// What a freeze trigger protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frozen {
    /// A finished inspection and its findings.
    Inspection,
    /// An issued document.
    Document,
}

impl Frozen {
    /// The record it protects, as errors name it.
    pub fn entity(self) -> maskcheck_domain::Entity {
        match self {
            Frozen::Inspection => maskcheck_domain::Entity::Inspection,
            Frozen::Document => maskcheck_domain::Entity::Document,
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Frozen::Inspection => "检查记录",
            Frozen::Document => "已签发的文书",
        }
    }

    /// Maps a freeze trigger's abort, recognised by SQLite's result code for a trigger's RAISE (never by its
    /// message text), to this typed refusal; any other error passes through.
    pub(crate) fn refusal_of(self, e: rusqlite::Error) -> StoreError {
        match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER => {
                StoreError::Frozen(self)
            }
            _ => e.into(),
        }
    }
}
