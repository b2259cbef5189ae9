//! The roster's columns and the header texts bureaus use for them (企业名称/单位名称/生产企业名称, …).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A column of a roster spreadsheet that maps to an enterprise field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RosterColumn {
    /// 序号: recognised so that it is not reported as unknown; not imported.
    Serial,
    Name,
    Uscc,
    County,
    ProductionAddress,
    RegisteredAddress,
    LegalRep,
    Contact,
    Phone,
    /// 联系人及电话 in one cell (appendix 3).
    ContactAndPhone,
    Kind,
    Medical,
    Exporter,
    Scale,
    ProductionStatus,
    FoundedOn,
    DailyCapacity,
    /// 产品类别 / 执行标准 / 检查情况: recognised, kept in the note.
    Category,
    Standard,
    InspectionNote,
    Note,
}

/// Header texts per column, compared after [`header_key`] normalisation. The first is the canonical label.
pub const SYNONYMS: &[(RosterColumn, &[&str])] = &[
    (RosterColumn::Serial, &["序号", "编号", "序"]),
    (
        RosterColumn::Name,
        &["企业名称", "单位名称", "生产企业名称", "经营企业名称", "企业名", "名称", "当事人名称", "企业（单位）名称"],
    ),
    (
        RosterColumn::Uscc,
        &["统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码", "营业执照号", "注册号/统一社会信用代码"],
    ),
    (
        RosterColumn::County,
        &[
            "所在县（市、区）",
            "所在县市区",
            "所在县区",
            "县（市、区）",
            "县市区",
            "所在地区",
            "所属区域",
            "辖区",
            "县区",
            "区县",
        ],
    ),
    (RosterColumn::ProductionAddress, &["生产地址", "生产经营地址", "经营地址", "地址", "实际经营地址", "生产场所"]),
    (RosterColumn::RegisteredAddress, &["住所", "注册地址", "住所地"]),
    (RosterColumn::LegalRep, &["法定代表人", "法人代表", "法人", "负责人", "法定代表人（负责人）"]),
    (RosterColumn::Contact, &["联系人"]),
    (RosterColumn::Phone, &["联系电话", "电话", "手机", "联系方式", "电话号码"]),
    (RosterColumn::ContactAndPhone, &["联系人及电话", "联系人及联系电话", "联系人电话"]),
    (RosterColumn::Kind, &["企业类型", "主体类型", "类型"]),
    (RosterColumn::Medical, &["是否医用", "医用/非医用", "口罩类型"]),
    (RosterColumn::Exporter, &["是否出口", "出口"]),
    (RosterColumn::Scale, &["企业规模", "规模"]),
    (RosterColumn::ProductionStatus, &["生产状况", "生产状态", "在产/停产/转产", "生产状况（在产/停产/转产）"]),
    (RosterColumn::FoundedOn, &["成立时间", "成立日期", "新企业成立时间", "注册日期", "登记日期"]),
    (RosterColumn::DailyCapacity, &["日产能（万只）", "日产能", "日产量（万只）", "日产量"]),
    (RosterColumn::Category, &["产品类别", "产品类别（日常防护/kn系列/儿童/其他）", "产品类型"]),
    (RosterColumn::Standard, &["执行标准", "产品执行标准"]),
    (RosterColumn::InspectionNote, &["检查情况"]),
    (RosterColumn::Note, &["备注", "说明"]),
];

/// Normalises a header cell: half-width, no whitespace or line breaks, lower-case ASCII, `()` as `（）`.
pub fn header_key(s: &str) -> String {
    maskcheck_domain::text::to_half_width(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The column a header text names, if any.
/// Every synonym's key, computed once: matching a header cell is one lookup, so a header row of 16,384 cells
/// is matched in linear time.
fn synonym_keys() -> &'static std::collections::HashMap<String, RosterColumn> {
    static KEYS: std::sync::OnceLock<std::collections::HashMap<String, RosterColumn>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (col, names) in SYNONYMS {
            for n in *names {
                map.entry(header_key(n)).or_insert(*col);
            }
        }
        map
    })
}

pub fn match_header(text: &str) -> Option<RosterColumn> {
    let key = header_key(text);
    if key.is_empty() {
        return None;
    }
    let keys = synonym_keys();
    // "企业名称（盖章）", "成立时间(年月)": a known name followed by a parenthetical.
    keys.get(&key).or_else(|| keys.get(key.split('（').next().unwrap_or_default())).copied()
}

pub fn label(col: RosterColumn) -> &'static str {
    SYNONYMS.iter().find(|(c, _)| *c == col).map(|(_, n)| n[0]).unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_table() {
        for (text, want) in [
            ("企业名称", Some(RosterColumn::Name)),
            ("单位名称", Some(RosterColumn::Name)),
            (" 生产企业\n名称 ", Some(RosterColumn::Name)),
            ("社会信用代码", Some(RosterColumn::Uscc)),
            ("法人代表", Some(RosterColumn::LegalRep)),
            ("电话", Some(RosterColumn::Phone)),
            ("住所", Some(RosterColumn::RegisteredAddress)),
            ("成立日期", Some(RosterColumn::FoundedOn)),
            ("所在县(市、区)", Some(RosterColumn::County)),
            ("企业名称（盖章）", Some(RosterColumn::Name)),
            ("日产能（万只）", Some(RosterColumn::DailyCapacity)),
            ("联系人及电话", Some(RosterColumn::ContactAndPhone)),
            ("产品类别（日常防护/KN系列/儿童/其他）", Some(RosterColumn::Category)),
            ("随便什么", None),
            ("", None),
        ] {
            assert_eq!(match_header(text), want, "{text:?}");
        }
    }

    #[test]
    fn synonyms_are_unambiguous() {
        let mut seen = std::collections::HashMap::new();
        for (col, names) in SYNONYMS {
            for n in *names {
                if let Some(prev) = seen.insert(header_key(n), *col) {
                    panic!("{n} maps to both {prev:?} and {col:?}");
                }
            }
        }
    }
}
