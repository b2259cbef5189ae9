use std::path::PathBuf;

/// Why a file could not be read or written as a spreadsheet. Messages name the file and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("无法读取文件 {path}：{reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("文件 {path} 设有打开密码或已加密，请在 Excel 中取消密码后另存为 .xlsx 再导入")]
    Encrypted { path: PathBuf },
    #[error("文件 {path} 不是电子表格（{found}）；请用 Excel 另存为 .xlsx 后再导入")]
    NotASpreadsheet { path: PathBuf, found: String },
    #[error("文件 {path} 中没有名为“{sheet}”的工作表（有：{available}）")]
    NoSuchSheet { path: PathBuf, sheet: String, available: String },
    #[error("文件 {path} 中找不到名录表头（需要至少“企业名称”和“统一社会信用代码”两列；已查看的工作表：{sheets}）")]
    NoHeader { path: PathBuf, sheets: String },
    #[error("文件 {path} 中找不到销售台账的表头（需要“购货单位”（或“客户”）和“数量”两列；已查看的工作表：{sheets}）")]
    NoLedgerHeader { path: PathBuf, sheets: String },
    #[error("文件 {path} 中找不到附件4（口罩案件查处情况统计表）或附件5（口罩专项抽查/抽检情况统计表）的表头（已查看的工作表：{sheets}）")]
    NoReport { path: PathBuf, sheets: String },
    #[error("文件 {path} 超出可导入的范围：{what}超过 {limit}。名录不会有这么大，请确认文件完整、未被篡改；确有需要请拆分后再导入")]
    TooLarge { path: PathBuf, what: String, limit: String },
    #[error("文件 {path} 的表头是公式，但文件中没有公式的计算结果（由程序生成、未在 Excel 中打开保存过）；请在 Excel 或 WPS 中打开并保存后再导入（已查看的工作表：{sheets}）")]
    FormulaHeader { path: PathBuf, sheets: String },
    #[error("无法写入文件 {path}：{reason}")]
    Write { path: PathBuf, reason: String },
}

impl SheetError {
    /// The file the error is about (every kind names one).
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            SheetError::Unreadable { path, .. }
            | SheetError::Encrypted { path }
            | SheetError::NotASpreadsheet { path, .. }
            | SheetError::NoSuchSheet { path, .. }
            | SheetError::NoHeader { path, .. }
            | SheetError::NoLedgerHeader { path, .. }
            | SheetError::NoReport { path, .. }
            | SheetError::TooLarge { path, .. }
            | SheetError::FormulaHeader { path, .. }
            | SheetError::Write { path, .. } => Some(path),
        }
    }
}
