//! The kinds of record an error can name: a closed list, so the window says "enterprise not found" in its own
//! language from the code, and the CLI in Chinese from [`Entity::zh`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Entity {
    Enterprise,
    Licence,
    Product,
    Inspection,
    Document,
    Sample,
    Case,
    /// A rectification still open (one closed by a re-inspection is not found as open).
    OpenRectification,
    /// A laptop or bureau workstation known to this one (enrolled, pinned, or from the bureau's registry).
    Device,
    /// A field two devices changed at once, waiting for a person.
    Conflict,
}

impl Entity {
    pub fn zh(self) -> &'static str {
        match self {
            Entity::Enterprise => "企业",
            Entity::Licence => "证照",
            Entity::Product => "产品",
            Entity::Inspection => "检查记录",
            Entity::Document => "文书",
            Entity::Sample => "抽样记录",
            Entity::Case => "案件",
            Entity::OpenRectification => "未完成的整改",
            Entity::Device => "设备",
            Entity::Conflict => "同步冲突",
        }
    }
}
