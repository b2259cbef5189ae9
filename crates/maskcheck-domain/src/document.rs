//! Enforcement documents (执法文书): their kinds, the content frozen when one is issued, and document numbers
//! `{unit abbreviation}市监{code}〔{year}〕{serial}号` drawn from per-device number blocks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DocKind {
    /// 现场检查笔录
    InspectionRecord,
    /// 责令改正通知书
    RectificationNotice,
    /// 实施行政强制措施决定书 (with its 财物清单)
    CoerciveMeasure,
    /// 抽样记录
    SamplingRecord,
    /// 送达回证
    ServiceProof,
    /// 延长查封（扣押）期限决定书: points at the decision it extends.
    MeasureExtension,
    /// 解除查封（扣押）决定书: points at the decision it ends.
    MeasureRelease,
    /// 不合格口罩产品信息通报函: tells customs and commerce of a nonconforming product and its maker.
    ExportNotice,
}

impl DocKind {
    pub const ALL: [DocKind; 8] = [
        Self::InspectionRecord,
        Self::RectificationNotice,
        Self::CoerciveMeasure,
        Self::SamplingRecord,
        Self::ServiceProof,
        Self::MeasureExtension,
        Self::MeasureRelease,
        Self::ExportNotice,
    ];

    pub fn title_zh(self) -> &'static str {
        match self {
            Self::InspectionRecord => "现场检查笔录",
            Self::RectificationNotice => "责令改正通知书",
            Self::CoerciveMeasure => "实施行政强制措施决定书",
            Self::SamplingRecord => "抽样记录",
            Self::ServiceProof => "送达回证",
            Self::MeasureExtension => "延长查封（扣押）期限决定书",
            Self::MeasureRelease => "解除查封（扣押）决定书",
            Self::ExportNotice => "不合格口罩产品信息通报函",
        }
    }

    /// The type code in the document number (`盐市监责改〔2026〕12号`).
    pub fn code(self) -> &'static str {
        match self {
            Self::InspectionRecord => "检录",
            Self::RectificationNotice => "责改",
            Self::CoerciveMeasure => "强制",
            Self::SamplingRecord => "抽样",
            Self::ServiceProof => "送达",
            Self::MeasureExtension => "延期",
            Self::MeasureRelease => "解除",
            Self::ExportNotice => "通报",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::InspectionRecord => "inspectionRecord",
            Self::RectificationNotice => "rectificationNotice",
            Self::CoerciveMeasure => "coerciveMeasure",
            Self::SamplingRecord => "samplingRecord",
            Self::ServiceProof => "serviceProof",
            Self::MeasureExtension => "measureExtension",
            Self::MeasureRelease => "measureRelease",
            Self::ExportNotice => "exportNotice",
        }
    }

    pub fn parse(s: &str) -> Option<DocKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Corrected by issuing the corrected document in its place (更正). An extension or a release is revoked and
    /// decided anew instead: each counts once against its decision.
    pub fn amendable(self) -> bool {
        !matches!(self, Self::MeasureExtension | Self::MeasureRelease | Self::ServiceProof)
    }

    /// A decision or notice takes effect on the party only once served (送达); a record signed on site (笔录,
    /// 抽样记录) and the service proof itself are not served.
    pub fn needs_service(self) -> bool {
        matches!(
            self,
            Self::RectificationNotice | Self::CoerciveMeasure | Self::MeasureExtension | Self::MeasureRelease
        )
    }
}

/// Where an issued document stands, for the 文书 page's filter and tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DocState {
    /// Issued and waiting to be served.
    AwaitingService,
    /// Served (or, for a record signed on site, complete when issued).
    Done,
    /// Revoked (撤销): kept, marked, no longer in force.
    Revoked,
}

pub fn doc_state(kind: DocKind, revoked: bool, served: bool) -> DocState {
    match (revoked, kind.needs_service() && !served) {
        (true, _) => DocState::Revoked,
        (false, true) => DocState::AwaitingService,
        (false, false) => DocState::Done,
    }
}

/// A range of serials the bureau gave this device for one year (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumberBlock {
    pub year: i32,
    pub first: u32,
    pub last: u32,
}

/// The serial part of a document number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Serial {
    /// From a number block: `12`.
    Block { n: u32 },
    /// No block left: `{device tag}-{n}`, unique because the tag is the device's own.
    Fallback { tag: String, n: u32 },
}

impl Serial {
    pub fn text(&self) -> String {
        match self {
            Self::Block { n } => n.to_string(),
            Self::Fallback { tag, n } => format!("{tag}-{n}"),
        }
    }
}

pub fn format_number(unit_abbr: &str, kind: DocKind, year: i32, serial: &Serial) -> String {
    format!("{unit_abbr}市监{}〔{year}〕{}号", kind.code(), serial.text())
}

/// The serial after `last` (the last block serial this device issued for the kind and year), from `blocks`;
/// `None` when the blocks of that year are used up. Blocks may come in any order and need not touch.
pub fn next_block_serial(blocks: &[NumberBlock], year: i32, last: Option<u32>) -> Option<u32> {
    let mut of_year: Vec<&NumberBlock> = blocks.iter().filter(|b| b.year == year && b.first <= b.last).collect();
    of_year.sort_by_key(|b| b.first);
    match last {
        None => of_year.first().map(|b| b.first),
        Some(last) => {
            if of_year.iter().any(|b| b.first <= last && last < b.last) {
                return Some(last + 1);
            }
            of_year.iter().find(|b| b.first > last).map(|b| b.first)
        }
    }
}

/// The device's own tag for fallback serials: the last eight hex digits of its id (the random part of a UUIDv7),
/// upper-cased.
pub fn device_tag(device_id: &str) -> String {
    let hex: String = device_id.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    hex[hex.len().saturating_sub(8)..].to_ascii_uppercase()
}

/// Blocks must not overlap within a year (two overlapping blocks on one device would still be unique, but the
/// bureau hands out disjoint ranges, so an overlap is a typing error).
pub fn blocks_overlap(blocks: &[NumberBlock]) -> bool {
    blocks
        .iter()
        .enumerate()
        .any(|(i, a)| blocks[i + 1..].iter().any(|b| a.year == b.year && a.first <= b.last && b.first <= a.last))
}

// ---------------------------------------------------------------------------------------------------------------
// Content frozen into an issued document. It is a snapshot: the document never re-reads the roster.

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub name: String,
    pub cert_no: String,
}

/// 当事人
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    pub name: String,
    pub uscc: String,
    pub address: String,
    pub legal_rep: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// `《中华人民共和国产品质量法》第二十七条`
    pub citation: String,
    pub text: String,
}

/// A fact found (a confirmed finding) with the provision that sets the duty it breaks and the one that empowers
/// the order to correct it. No duty: a management gap, whose correction is requested, not ordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    pub text: String,
    /// `bases` in documents issued before the duty and the order power were separated.
    #[serde(default, alias = "bases")]
    pub duty: Vec<Citation>,
    #[serde(default)]
    pub order: Option<Citation>,
}

impl Fact {
    pub fn is_offence(&self) -> bool {
        !self.duty.is_empty()
    }
}

/// Who issues, and where to appeal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Issuer {
    pub unit_name: String,
    /// 行政复议机关 (e.g. the people's government at the same level).
    pub reconsideration_body: String,
    /// 人民法院 where a suit is brought.
    pub court: String,
    pub contact_person: String,
    pub contact_phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InspectionRecordContent {
    pub place: String,
    pub started_at: String,
    pub ended_at: String,
    pub inspectors: Vec<Person>,
    pub representative: String,
    /// What was checked, a line per checked part (licences, intake, labels, answered items).
    pub checked: Vec<String>,
    pub findings: Vec<Fact>,
    /// What the party said, recorded when printing; blank lines to write by hand where it is `None`.
    #[serde(default)]
    pub party_words: PartyWords,
}

/// What the party said on the record, in its own words (行政强制法第十八条第（八）项: the record is signed or sealed
/// by the party, a refusal is noted; 第（九）项: a witness signs when the party is absent). Nothing here is ever
/// pre-printed: `None` prints a blank line the party writes on by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartyWords {
    /// The answer on recusal (是否申请回避), 现场检查笔录 only.
    pub recusal: Option<String>,
    /// The opinion on the record or on the sampling.
    pub opinion: Option<String>,
    /// The party refused to sign or seal: the record says so, and the witness signs.
    pub refused_to_sign: bool,
    /// A witness present because the party refused or was absent.
    pub witness: Option<String>,
    /// The party was not there (行政强制法第十八条第（九）项): a witness signs instead.
    #[serde(default)]
    pub absent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticeContent {
    pub inspected_on: NaiveDate,
    pub inspectors: Vec<Person>,
    pub facts: Vec<Fact>,
    /// `None`: correct immediately (立即改正).
    pub deadline: Option<NaiveDate>,
    pub corrections: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Measure {
    /// 查封
    Seal,
    /// 扣押
    Seize,
}

impl Measure {
    pub fn zh(self) -> &'static str {
        match self {
            Self::Seal => "查封",
            Self::Seize => "扣押",
        }
    }
}

/// A line of the 财物清单.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoodsRow {
    pub name: String,
    pub spec: String,
    pub batch: String,
    pub quantity: f64,
    pub unit: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoerciveContent {
    pub measure: Measure,
    pub facts: Vec<Fact>,
    /// The power that fits the facts (产品质量法第十八条第（四）项, or 739号第七十条 for medical devices).
    #[serde(alias = "bases")]
    pub power: Vec<Citation>,
    /// The form and duration (行政强制法第二十四条、第二十五条), never cited as the power.
    #[serde(default)]
    pub procedure: Vec<Citation>,
    pub goods_place: String,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub goods: Vec<GoodsRow>,
    pub inspectors: Vec<Person>,
    /// The on-site record of the measure (现场笔录, 行政强制法第十八条): the party's statement and defence
    /// (陈述、申辩) in its own words, a refusal to sign, a witness. `None` prints blank lines.
    #[serde(default)]
    pub party_words: PartyWords,
    /// The failed sample whose result is the fact (not printed); none when the inspection's findings are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sample_id: Option<String>,
}

/// The decision a release or an extension points at, as it printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionRef {
    /// The decision's record id (not printed): how the app finds what is in force.
    pub id: String,
    pub number: String,
    pub issued_on: NaiveDate,
    pub measure: Measure,
    pub from: NaiveDate,
    pub until: NaiveDate,
}

/// 延长查封（扣押）期限决定书 (行政强制法第二十五条: once, by at most thirty days, with the reasons, in writing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExtensionContent {
    pub decision: DecisionRef,
    pub goods_place: String,
    pub new_until: NaiveDate,
    pub reason: String,
    pub basis: Vec<Citation>,
    pub inspectors: Vec<Person>,
}

/// Why a seal or seizure is released: the items of 行政强制法第二十八条第一款.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReleaseGround {
    /// （一）当事人没有违法行为
    NoOffence,
    /// （二）与违法行为无关
    Unrelated,
    /// （三）已经作出处理决定，不再需要查封、扣押
    Decided,
    /// （四）期限已经届满
    Expired,
    /// （五）其他不再需要采取查封、扣押措施的情形
    NoLongerNeeded,
}

impl ReleaseGround {
    pub const ALL: [ReleaseGround; 5] =
        [Self::NoOffence, Self::Unrelated, Self::Decided, Self::Expired, Self::NoLongerNeeded];

    /// The item of 第二十八条第一款 as cited: `第（三）项`.
    pub fn item_zh(self) -> &'static str {
        match self {
            Self::NoOffence => "第（一）项",
            Self::Unrelated => "第（二）项",
            Self::Decided => "第（三）项",
            Self::Expired => "第（四）项",
            Self::NoLongerNeeded => "第（五）项",
        }
    }

    /// The ground in the words of the item, for the decision's sentence.
    pub fn text_zh(self, measure: Measure) -> String {
        let m = measure.zh();
        match self {
            Self::NoOffence => "经查，你单位没有违法行为".into(),
            Self::Unrelated => format!("经查，被{m}的财物与违法行为无关"),
            Self::Decided => format!("本局对违法行为已经作出处理决定，不再需要{m}"),
            Self::Expired => format!("{m}期限已经届满"),
            Self::NoLongerNeeded => format!("不再需要采取{m}措施"),
        }
    }
}

/// 不合格口罩产品信息通报函 to customs and commerce (the campaign's task 4.4: 将不合格口罩产品和生产企业等信息及时
/// 通报给商务、海关部门; for exporters, 发现涉嫌出口不合格产品线索，要及时移送海关、商务). The maker is the party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportNoticeContent {
    /// The offices written to (`新乡海关`, `新乡市商务局`).
    pub recipients: Vec<String>,
    /// The campaign document that asks for the notice.
    pub basis: String,
    pub exporter: bool,
    pub product_name: String,
    pub trademark: String,
    pub spec_model: String,
    pub batch_or_date: String,
    pub sampled_on: NaiveDate,
    pub standard: String,
    pub failing_items: String,
    pub lab: String,
    pub report_number: String,
    pub nonconforming_quantity: Option<u64>,
    /// What was done (stop sales, recall, seal), as appendix 5's 后处理措施.
    pub measures_taken: String,
    /// The sample it reports (not printed).
    pub sample_id: String,
}

/// 解除查封（扣押）决定书 (行政强制法第二十八条): the goods go back to the party at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseContent {
    pub decision: DecisionRef,
    pub ground: ReleaseGround,
    /// What the inspector adds to the ground (the lab found the goods conform, the case was decided by …).
    pub reason: String,
    pub released_on: NaiveDate,
    pub goods: Vec<GoodsRow>,
    pub goods_place: String,
    pub basis: Vec<Citation>,
    pub inspectors: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SamplingContent {
    pub product_name: String,
    pub trademark: String,
    pub spec_model: String,
    pub batch_or_date: String,
    pub manufacturer: String,
    pub quantity: String,
    pub base_quantity: String,
    pub test_samples: String,
    pub reserve_samples: String,
    pub place: String,
    pub sampled_on: NaiveDate,
    /// `14:30`; blank for samples recorded before the time of day was asked.
    #[serde(default)]
    pub sampled_time: Option<String>,
    /// 封条编号 of the test and reserve samples.
    #[serde(default)]
    pub seal_numbers: String,
    /// 抽样依据或任务来源.
    #[serde(default)]
    pub basis: String,
    /// 承检机构.
    #[serde(default)]
    pub testing_body: String,
    pub samplers: Vec<Person>,
    #[serde(default)]
    pub party_words: PartyWords,
    /// The sample this record was issued for (not printed): one record per sample while it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sample_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServiceContent {
    pub served_title: String,
    pub served_number: String,
    pub recipient: String,
    pub place: String,
    /// Filled when the service is printed after it happened; blank lines otherwise.
    pub served_at: Option<String>,
    pub method: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum DocBody {
    InspectionRecord(InspectionRecordContent),
    RectificationNotice(NoticeContent),
    CoerciveMeasure(CoerciveContent),
    SamplingRecord(Box<SamplingContent>),
    ServiceProof(ServiceContent),
    MeasureExtension(ExtensionContent),
    MeasureRelease(ReleaseContent),
    ExportNotice(Box<ExportNoticeContent>),
}

impl DocBody {
    pub fn kind(&self) -> DocKind {
        match self {
            Self::InspectionRecord(_) => DocKind::InspectionRecord,
            Self::RectificationNotice(_) => DocKind::RectificationNotice,
            Self::CoerciveMeasure(_) => DocKind::CoerciveMeasure,
            Self::SamplingRecord(_) => DocKind::SamplingRecord,
            Self::ServiceProof(_) => DocKind::ServiceProof,
            Self::MeasureExtension(_) => DocKind::MeasureExtension,
            Self::MeasureRelease(_) => DocKind::MeasureRelease,
            Self::ExportNotice(_) => DocKind::ExportNotice,
        }
    }
}

/// Everything a document prints: frozen into the record when it is issued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocContent {
    pub number: String,
    pub issued_on: NaiveDate,
    pub issuer: Issuer,
    pub party: Party,
    pub body: DocBody,
}

pub use crate::dates::{zh_date, zh_time};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_or_decision_awaits_service_a_record_signed_on_site_does_not() {
        use DocKind::*;
        let table = [
            (RectificationNotice, false, false, DocState::AwaitingService),
            (RectificationNotice, false, true, DocState::Done),
            (RectificationNotice, true, false, DocState::Revoked),
            (CoerciveMeasure, false, false, DocState::AwaitingService),
            (CoerciveMeasure, true, true, DocState::Revoked),
            (InspectionRecord, false, false, DocState::Done),
            (SamplingRecord, false, false, DocState::Done),
            (ServiceProof, false, false, DocState::Done),
            (InspectionRecord, true, false, DocState::Revoked),
        ];
        for (kind, revoked, served, want) in table {
            assert_eq!(doc_state(kind, revoked, served), want, "{kind:?} revoked={revoked} served={served}");
        }
    }

    #[test]
    fn numbers_follow_the_pattern() {
        let cases = [
            ("盐", DocKind::RectificationNotice, 2026, Serial::Block { n: 12 }, "盐市监责改〔2026〕12号"),
            ("东", DocKind::CoerciveMeasure, 2025, Serial::Block { n: 1 }, "东市监强制〔2025〕1号"),
            (
                "盐",
                DocKind::RectificationNotice,
                2026,
                Serial::Fallback { tag: "A1B2C3D4".into(), n: 7 },
                "盐市监责改〔2026〕A1B2C3D4-7号",
            ),
        ];
        for (abbr, kind, year, serial, want) in cases {
            assert_eq!(format_number(abbr, kind, year, &serial), want);
        }
    }

    #[test]
    fn block_serials_run_through_blocks_then_stop() {
        let blocks = [NumberBlock { year: 2026, first: 201, last: 202 }, NumberBlock { year: 2026, first: 1, last: 2 }];
        let cases = [
            (None, Some(1)),
            (Some(1), Some(2)),
            (Some(2), Some(201)),
            (Some(201), Some(202)),
            (Some(202), None),
            (Some(150), Some(201)),
        ];
        for (last, want) in cases {
            assert_eq!(next_block_serial(&blocks, 2026, last), want, "after {last:?}");
        }
        assert_eq!(next_block_serial(&blocks, 2027, None), None);
    }

    #[test]
    fn overlapping_blocks_are_detected() {
        let a = NumberBlock { year: 2026, first: 1, last: 100 };
        assert!(blocks_overlap(&[a, NumberBlock { year: 2026, first: 100, last: 200 }]));
        assert!(!blocks_overlap(&[a, NumberBlock { year: 2026, first: 101, last: 200 }]));
        assert!(!blocks_overlap(&[a, NumberBlock { year: 2027, first: 1, last: 100 }]));
    }

    #[test]
    fn device_tag_is_the_random_tail() {
        assert_eq!(device_tag("0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b"), "3E4F5A6B");
    }
}

/// How a document was served (送达方式, 民事诉讼法第八十八至九十五条). A legal record stores its Chinese name from
/// here, never a label in the window's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ServiceMethod {
    /// 直接送达
    Direct,
    /// 留置送达
    Left,
    /// 邮寄送达
    Post,
    /// 电子送达
    Electronic,
    /// 公告送达
    Public,
}

impl ServiceMethod {
    pub const ALL: [ServiceMethod; 5] = [Self::Direct, Self::Left, Self::Post, Self::Electronic, Self::Public];

    pub fn zh(self) -> &'static str {
        match self {
            ServiceMethod::Direct => "直接送达",
            ServiceMethod::Left => "留置送达",
            ServiceMethod::Post => "邮寄送达",
            ServiceMethod::Electronic => "电子送达",
            ServiceMethod::Public => "公告送达",
        }
    }
}

/// The party's words as printed: each text under the one text rule, empty ones back to blank write-in lines.
pub fn validate_party_words(w: &PartyWords) -> Result<PartyWords, crate::ValidationErrors> {
    use crate::field_error::{Checker, Field};
    let mut c = Checker::default();
    let recusal = c.optional(Field::PartyOpinion, w.recusal.as_deref(), 500);
    let opinion = c.optional(Field::PartyOpinion, w.opinion.as_deref(), 2000);
    let witness = c.optional(Field::Witness, w.witness.as_deref(), 50);
    c.finish(PartyWords { recusal, opinion, refused_to_sign: w.refused_to_sign, witness, absent: w.absent })
}

/// The on-site record of a seal or seizure: the party's words under the text rule, and a witness where the party
/// refused to sign or was absent (行政强制法第十八条第（八）、（九）项).
pub fn validate_measure_words(w: &PartyWords) -> Result<PartyWords, crate::ValidationErrors> {
    use crate::field_error::{Field, FieldError, Rule};
    let words = validate_party_words(w)?;
    if (words.refused_to_sign || words.absent) && words.witness.is_none() {
        return Err(crate::ValidationErrors(vec![FieldError::new(Field::Witness, Rule::WitnessRequired, "")]));
    }
    Ok(words)
}
