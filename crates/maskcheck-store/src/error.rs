use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("数据库版本 {found} 比本程序支持的版本 {supported} 新，请升级程序；数据库未作任何改动")]
    TooNew { found: i64, supported: i64 },
    #[error("数据库版本 {found} 较旧，需要升级到 {supported}；只读打开时不能升级，请先用会写入数据的命令（或桌面程序）打开一次")]
    NeedsMigration { found: i64, supported: i64 },
    #[error("迁移前备份数据库失败：{0}")]
    Backup(String),
    #[error("未找到{entity}：{id}")]
    NotFound { entity: &'static str, id: String },
    #[error("{0}已完结，不能修改；如需更正请作更正记录")]
    Frozen(&'static str),
    #[error("数据库中的值无法读取：{0}")]
    Corrupt(String),
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
}
