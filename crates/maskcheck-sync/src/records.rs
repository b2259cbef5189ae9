//! What a bundle carries: rows of the synced tables as column → value maps, the per-field clocks of roster rows,
//! acknowledgements, and (from a bureau) its device registry and revocations.

use serde::{Deserialize, Serialize};

use crate::card::SignedCard;

/// How rows of a table merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Shared roster data: last writer wins per field by (clock, device); a concurrent edit of the same field keeps
    /// the loser in the conflicts list.
    Roster,
    /// Records that belong to the device that made them: the row with the later clock wins whole.
    Owned,
    /// Issued documents: inserted once, never changed; the same id with other content is a legal conflict.
    AppendOnly,
}

/// The tables a bundle may carry, in the order they are applied (parents before children).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncTable {
    Enterprise,
    Licence,
    Product,
    Inspection,
    Finding,
    AttachmentLink,
    Document,
    DocumentRevocation,
    DocumentService,
    Rectification,
    Reinspection,
    Sample,
    EnforcementCase,
    NumberBlock,
    SpotCheck,
}

impl SyncTable {
    pub const ALL: [SyncTable; 15] = [
        Self::Enterprise,
        Self::Licence,
        Self::Product,
        Self::Inspection,
        Self::Finding,
        Self::AttachmentLink,
        Self::Document,
        Self::DocumentRevocation,
        Self::DocumentService,
        Self::Rectification,
        Self::Reinspection,
        Self::Sample,
        Self::EnforcementCase,
        Self::NumberBlock,
        Self::SpotCheck,
    ];

    /// The SQL table name (a closed list: never taken from a bundle as text).
    pub fn name(self) -> &'static str {
        match self {
            Self::Enterprise => "enterprise",
            Self::Licence => "licence",
            Self::Product => "product",
            Self::Inspection => "inspection",
            Self::Finding => "finding",
            Self::AttachmentLink => "attachment_link",
            Self::Document => "document",
            Self::DocumentRevocation => "document_revocation",
            Self::DocumentService => "document_service",
            Self::Rectification => "rectification",
            Self::Reinspection => "reinspection",
            Self::Sample => "sample",
            Self::EnforcementCase => "enforcement_case",
            Self::NumberBlock => "number_block",
            Self::SpotCheck => "spot_check",
        }
    }

    pub fn kind(self) -> TableKind {
        match self {
            Self::Enterprise | Self::Licence | Self::Product => TableKind::Roster,
            Self::Document | Self::DocumentRevocation | Self::DocumentService => TableKind::AppendOnly,
            _ => TableKind::Owned,
        }
    }
}

/// Why a row was set aside instead of applied: a closed list the window words in its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum QuarantineReason {
    /// Stamped more than a day ahead of this device's clock, or not a clock at all.
    FutureClock,
    /// The same clock with other content: tampering, or a copied database.
    SameClockOtherContent,
    /// An issued document arrived again with other content: a legal conflict.
    IssuedDocumentChanged,
    /// Another document already holds this number.
    DuplicateNumber,
    /// The database refused the row (a frozen record, a broken constraint).
    DatabaseRefused,
    /// The row breaks a rule typed input must meet (a forged USCC, a finished inspection by one inspector …); the
    /// detail is the field errors as JSON.
    InvalidRow,
}

impl QuarantineReason {
    pub const ALL: [QuarantineReason; 6] = [
        Self::FutureClock,
        Self::SameClockOtherContent,
        Self::IssuedDocumentChanged,
        Self::DuplicateNumber,
        Self::DatabaseRefused,
        Self::InvalidRow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::FutureClock => "futureClock",
            Self::SameClockOtherContent => "sameClockOtherContent",
            Self::IssuedDocumentChanged => "issuedDocumentChanged",
            Self::DuplicateNumber => "duplicateNumber",
            Self::DatabaseRefused => "databaseRefused",
            Self::InvalidRow => "invalidRow",
        }
    }

    pub fn parse(s: &str) -> Option<QuarantineReason> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The Chinese sentence, for the CLI and logs.
    pub fn zh(self) -> &'static str {
        match self {
            Self::FutureClock => "时间戳超前本机一天以上或无法识别",
            Self::SameClockOtherContent => "同一时间戳的记录内容不同：可能被篡改或数据库被复制，需人工核查",
            Self::IssuedDocumentChanged => "已签发的文书以不同内容再次出现：法律冲突，需人工核查",
            Self::DuplicateNumber => "文书编号已被另一份文书使用：同一编号两份文书，需人工核查",
            Self::DatabaseRefused => "数据库拒绝写入",
            Self::InvalidRow => "记录不符合录入规则",
        }
    }
}

/// One row: its table and its columns (without the local `rowid`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub table: SyncTable,
    pub values: serde_json::Map<String, serde_json::Value>,
}

impl Row {
    pub fn text(&self, column: &str) -> Option<&str> {
        self.values.get(column).and_then(|v| v.as_str())
    }
    pub fn id(&self) -> &str {
        self.text("id").unwrap_or_default()
    }
    pub fn version(&self) -> &str {
        self.text("version").unwrap_or_default()
    }
}

/// The clock of one field of a roster row, and the clock it replaced (so a later edit of an edit is not taken for
/// a concurrent one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldVersion {
    pub table: SyncTable,
    pub id: String,
    pub field: String,
    pub version: String,
    pub base: Option<String>,
}

/// "I have applied everything `sender` exported up to its change number `through`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    pub sender: String,
    pub through: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub device_id: String,
    pub reason: String,
    pub at: String,
}

/// An attachment's description; its bytes travel in their own frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentMeta {
    pub hash: String,
    pub size: i64,
    pub mime: String,
    pub original_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Records {
    pub rows: Vec<Row>,
    pub attachments: Vec<AttachmentMeta>,
    pub field_versions: Vec<FieldVersion>,
    pub acks: Vec<Ack>,
    /// A bureau's registry: every device it enrolled (cards signed by their devices).
    pub devices: Vec<SignedCard>,
    pub revocations: Vec<Revocation>,
    /// A bureau's legal-basis catalogue (`legal-basis.json` as the bureau uses it), when it is not the shipped one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
    /// A bureau's own checklist templates (JSON texts), beside the shipped ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<String>,
}
