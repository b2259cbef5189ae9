//! Validation errors that name the field and the rule, so the UI can mark the field and say why in Chinese.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every field a user can get wrong. The UI maps each to its label (`fields.<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Name,
    Uscc,
    County,
    ProductionAddress,
    RegisteredAddress,
    LegalRep,
    Contact,
    Phone,
    FoundedOn,
    Kind,
    Number,
    Holder,
    Scope,
    Issuer,
    IssuedOn,
    ValidUntil,
    Category,
    Standard,
    Grade,
    RegistrationCertNo,
    Reason,
    UnitName,
    UnitAbbr,
    InspectorName,
    CertNo,
    Medical,
    Exporter,
    Scale,
    ProductionStatus,
    DailyCapacity,
    Note,
    Inspectors,
    Place,
    Representative,
    StartedAt,
    Findings,
    Deadline,
    Corrections,
    ReinspectedOn,
    ProductName,
    Quantity,
    BaseQuantity,
    BatchOrDate,
    SampledOn,
    FailingItems,
    MarketDirection,
    CaseTitle,
    Fines,
    CaseValue,
    MasksSeized,
    OpenedOn,
    ClosedOn,
    Goods,
    MeasureUntil,
    NumberBlock,
    ContactPhone,
    ServedAt,
    ServiceMethod,
    SealNumbers,
    SamplingBasis,
    TestingBody,
    SampledTime,
    PartyOpinion,
    Witness,
    /// A record's stored content as a whole (a bundle row whose JSON does not decode).
    Content,
    /// The device's role (inspector or bureau).
    Role,
    /// 检验报告编号
    ReportNumber,
    /// 解除查封（扣押）日期
    ReleasedOn,
    /// 行政处罚决定书文号
    PenaltyNumber,
    PenaltyFacts,
    PenaltyBasis,
    PenaltyContent,
    /// 处罚决定日期
    DecidedOn,
    /// 公示日期
    PublishedOn,
    /// 购货单位 (a buyer of a failing batch)
    Buyer,
    BuyerPlace,
    SoldQuantity,
    SoldOn,
    /// 责令停止销售日期
    StopSalesOn,
    /// 通报单位 (customs, commerce)
    Recipients,
    /// How many enterprises a 双随机 draw takes.
    DrawSize,
    /// The name of a 双随机 plan.
    PlanTitle,
    /// The seed of a 双随机 draw (a number from 0 to 2^64 − 1).
    DrawSeed,
    /// The passphrase that encrypts the data directory.
    Passphrase,
    /// The passphrase typed a second time.
    PassphraseConfirm,
    /// Minutes without input before the window locks.
    IdleLockMinutes,
}

impl Field {
    /// Free-text fields that may hold several lines; every other text is one line (names, addresses, codes).
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            Field::Note
                | Field::Reason
                | Field::Findings
                | Field::Corrections
                | Field::Goods
                | Field::PartyOpinion
                | Field::PenaltyFacts
        )
    }

    /// The Chinese label, for the CLI and logs (the UI has its own i18n table).
    pub fn label_zh(self) -> &'static str {
        match self {
            Field::Name => "名称",
            Field::Uscc => "统一社会信用代码",
            Field::County => "所在县（市、区）",
            Field::ProductionAddress => "生产地址",
            Field::RegisteredAddress => "住所",
            Field::LegalRep => "法定代表人",
            Field::Contact => "联系人",
            Field::Phone => "联系电话",
            Field::FoundedOn => "成立日期",
            Field::Kind => "类型",
            Field::Number => "编号",
            Field::Holder => "持证人",
            Field::Scope => "范围",
            Field::Issuer => "发证机关",
            Field::IssuedOn => "发证日期",
            Field::ValidUntil => "有效期至",
            Field::Category => "产品类别",
            Field::Standard => "执行标准",
            Field::Grade => "等级",
            Field::RegistrationCertNo => "注册证编号",
            Field::Reason => "原因",
            Field::UnitName => "单位名称",
            Field::UnitAbbr => "单位简称",
            Field::InspectorName => "执法人员姓名",
            Field::CertNo => "执法证号",
            Field::Medical => "是否医用",
            Field::Exporter => "是否出口",
            Field::Scale => "企业规模",
            Field::ProductionStatus => "生产状况",
            Field::DailyCapacity => "日产能（万只）",
            Field::Note => "备注",
            Field::Inspectors => "执法人员",
            Field::Place => "检查地点",
            Field::Representative => "企业在场人员",
            Field::StartedAt => "检查开始时间",
            Field::Findings => "发现问题",
            Field::Deadline => "改正期限",
            Field::Corrections => "改正事项",
            Field::ReinspectedOn => "复查日期",
            Field::ProductName => "产品名称",
            Field::Quantity => "抽样数量",
            Field::BaseQuantity => "抽样基数",
            Field::BatchOrDate => "生产日期或批号",
            Field::SampledOn => "抽样日期",
            Field::FailingItems => "不合格项目",
            Field::MarketDirection => "流入市场方向",
            Field::CaseTitle => "案件名称",
            Field::Fines => "罚没（万元）",
            Field::CaseValue => "案值（万元）",
            Field::MasksSeized => "查获口罩（万只）",
            Field::OpenedOn => "立案日期",
            Field::ClosedOn => "结案日期",
            Field::Goods => "财物清单",
            Field::MeasureUntil => "强制措施期限",
            Field::NumberBlock => "文书编号段",
            Field::ContactPhone => "联系电话",
            Field::ServedAt => "送达时间",
            Field::ServiceMethod => "送达方式",
            Field::SealNumbers => "封条编号",
            Field::SamplingBasis => "抽样依据",
            Field::TestingBody => "承检机构",
            Field::SampledTime => "抽样时间",
            Field::PartyOpinion => "当事人意见",
            Field::Witness => "见证人",
            Field::Content => "记录内容",
            Field::Role => "角色",
            Field::ReportNumber => "检验报告编号",
            Field::ReleasedOn => "解除日期",
            Field::PenaltyNumber => "行政处罚决定书文号",
            Field::PenaltyFacts => "违法事实",
            Field::PenaltyBasis => "处罚依据",
            Field::PenaltyContent => "处罚内容",
            Field::DecidedOn => "处罚决定日期",
            Field::PublishedOn => "公示日期",
            Field::Buyer => "购货单位",
            Field::BuyerPlace => "购货单位所在地",
            Field::SoldQuantity => "销售数量（只）",
            Field::SoldOn => "销售日期",
            Field::StopSalesOn => "责令停止销售日期",
            Field::Recipients => "通报单位",
            Field::DrawSize => "抽取数量",
            Field::PlanTitle => "抽取计划名称",
            Field::DrawSeed => "随机种子",
            Field::Passphrase => "口令",
            Field::PassphraseConfirm => "确认口令",
            Field::IdleLockMinutes => "自动锁定时间（分钟）",
        }
    }
}

/// Every rule a field can break. The UI maps each to a sentence (`rules.<name>`) with `detail` filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    Required,
    TooLong,
    ControlChars,
    UsccLength,
    UsccCharset,
    UsccAreaCode,
    UsccCheckChar,
    UsccDuplicate,
    CertificatePattern,
    CertificateYear,
    CertificateClass,
    DateOrder,
    DateInFuture,
    /// A spreadsheet cell that is not a date in any accepted form.
    DateFormat,
    /// A spreadsheet cell that should be a number.
    NumberFormat,
    /// A spreadsheet cell whose value is not one of the accepted words.
    UnknownValue,
    /// The same USCC appears on an earlier row of the same file.
    DuplicateInFile,
    /// An on-site check needs at least two inspectors with certificate numbers.
    TooFewInspectors,
    DuplicateInspector,
    /// Findings not yet confirmed by the inspector.
    Unconfirmed,
    /// A finished inspection is frozen.
    Frozen,
    NotNegative,
    /// Number blocks of one year overlap.
    Overlap,
    /// A measure longer than the law allows (30 days).
    TooLongPeriod,
    /// Only zero-width or format characters: nothing an inspector could read.
    InvisibleOnly,
    /// A bidi override or isolate (U+202E …) that makes text read differently from how it is stored.
    BidiControl,
    /// A zero-width character inside the text (U+200B, U+200D, U+FEFF …).
    InvisibleChar,
    /// A line break in a one-line field (names, addresses, codes).
    LineBreak,
    /// A date earlier than the plausible range (an enterprise founded before 1949).
    DateTooEarly,
    /// A date later than the plausible range (a licence valid for more than 50 years).
    DateTooLate,
    /// Excel's phantom 1900-02-29 (serial 60) or a serial before 1900-01-01.
    DateNotReal,
    /// A county the unit does not know and the user has not confirmed as new.
    UnknownCounty,
    /// Set once at setup and part of the device's signed identity (its role).
    FixedAtSetup,
    /// A document left at the address (留置送达) needs a witness or a photo of the service.
    WitnessOrPhoto,
    /// Electronic service needs the party's consent and signed confirmation.
    ConsentRequired,
    /// A seal or seizure may be extended once only (行政强制法第二十五条).
    AlreadyExtended,
    /// The measure was released: nothing more follows it.
    AlreadyReleased,
    /// The period ended before the extension was decided.
    MeasureEnded,
    /// The party refused to sign or was absent: a witness signs (行政强制法第十八条第（八）、（九）项).
    WitnessRequired,
    /// "None sold" ticked while buyers are listed.
    NoneSoldWithBuyers,
    /// A number outside what the field allows (a draw of nothing, or more than 100 %).
    OutOfRange,
    /// A draw with no enterprise matching its criteria.
    NothingToDraw,
    /// A passphrase shorter than the minimum (`detail`: the minimum).
    TooShort,
    /// The passphrase typed twice differs.
    Mismatch,
}

/// One broken rule on one field; `detail` carries what the sentence needs (a count, a character, a holder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: Field,
    pub rule: Rule,
    pub detail: String,
}

impl FieldError {
    pub fn new(field: Field, rule: Rule, detail: impl Into<String>) -> Self {
        Self { field, rule, detail: detail.into() }
    }

    /// A complete Chinese sentence naming the field and the rule.
    pub fn message_zh(&self) -> String {
        let d = &self.detail;
        let rule = match self.rule {
            Rule::Required => "为必填项".to_string(),
            Rule::TooLong => format!("过长（最多 {d} 个字符）"),
            Rule::ControlChars => "含有不可见的控制字符".to_string(),
            Rule::UsccLength => format!("应为 18 位（实际 {d} 位）"),
            Rule::UsccCharset => format!("含有不允许的字符 {d}（不使用 I、O、Z、S、V）"),
            Rule::UsccAreaCode => format!("第 3–8 位行政区划码应为数字（{d}）"),
            Rule::UsccCheckChar => format!("校验位错误（{d}）"),
            Rule::UsccDuplicate => format!("已被企业“{d}”使用"),
            Rule::CertificatePattern => format!("格式不符（应为 {d}）"),
            Rule::CertificateYear => format!("年份不合理（{d}）"),
            Rule::CertificateClass => format!("注册证类别应为 2 或 3（实际 {d}）"),
            Rule::DateOrder => format!("不能早于{d}"),
            Rule::DateInFuture => "不能晚于今天".to_string(),
            Rule::DateFormat => {
                format!("不是可识别的日期（{d}）；可用 2021-03-25、2021/3/25、2021.3.25、2021年3月25日 或日期单元格")
            }
            Rule::NumberFormat => format!("应为数字（{d}）"),
            Rule::UnknownValue => format!("无法识别的取值（{d}）"),
            Rule::DuplicateInFile => format!("与本文件第 {d} 行重复"),
            Rule::TooFewInspectors => format!("至少需要两名执法人员并填写执法证号（现有 {d} 名）"),
            Rule::DuplicateInspector => "中有重复的执法证号".to_string(),
            Rule::Unconfirmed => format!("尚有 {d} 项未确认"),
            Rule::Frozen => "已完结，不能修改；如需更正请作更正记录".to_string(),
            Rule::NotNegative => format!("不能为负数（{d}）"),
            Rule::Overlap => format!("与已有编号段重叠（{d}）"),
            Rule::TooLongPeriod => format!("不得超过 {d} 日"),
            Rule::InvisibleOnly => "只有不可见字符（零宽字符等），没有可读的内容".to_string(),
            Rule::BidiControl => format!("含有改变文字显示方向的控制字符 {d}，显示的内容与保存的不同"),
            Rule::InvisibleChar => format!("含有不可见的零宽字符 {d}"),
            Rule::LineBreak => "不能换行（本项只能填一行）".to_string(),
            Rule::DateTooEarly => format!("不能早于{d}"),
            Rule::DateTooLate => format!("不能晚于{d}"),
            Rule::DateNotReal => format!("不是真实存在的日期（{d}）"),
            Rule::UnknownCounty => format!("不是本单位已知的县区（{d}），如确为新县区请确认"),
            Rule::FixedAtSetup => "在初始设置后不能更改（写在本机签名的身份卡中）".to_string(),
            Rule::WitnessOrPhoto => "：留置送达须有见证人，或附送达过程的照片".to_string(),
            Rule::ConsentRequired => "：电子送达须经当事人同意并签订确认书".to_string(),
            Rule::AlreadyExtended => "：查封、扣押只能延长一次".to_string(),
            Rule::AlreadyReleased => "：该查封、扣押已经解除".to_string(),
            Rule::MeasureEnded => format!("：原期限已于{d}届满，不能再延长"),
            Rule::WitnessRequired => "：当事人拒绝签名或不在场的，须有见证人".to_string(),
            Rule::NoneSoldWithBuyers => format!("：已列出 {d} 个购货单位，不能同时勾选“经核查未售出”"),
            Rule::OutOfRange => format!("超出允许的范围（{d}）：应为至少 1 家，或 1%–100%"),
            Rule::NothingToDraw => "：没有符合条件的企业可供抽取".to_string(),
            Rule::TooShort => format!("过短（至少 {d} 个字符）"),
            Rule::Mismatch => "与第一次输入的不一致".to_string(),
        };
        format!("{}{}", self.field.label_zh(), rule)
    }
}

/// All the broken rules of one input, in field order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.0.iter().map(FieldError::message_zh).collect::<Vec<_>>().join("；"))]
pub struct ValidationErrors(pub Vec<FieldError>);

/// Collects field errors while validating one input.
#[derive(Default)]
pub(crate) struct Checker {
    pub errors: Vec<FieldError>,
}

impl Checker {
    pub fn push(&mut self, field: Field, rule: Rule, detail: impl Into<String>) {
        self.errors.push(FieldError::new(field, rule, detail));
    }

    /// A required text field: the one text rule (`text::text_problems`), non-empty, at most `max` characters.
    pub fn required(&mut self, field: Field, value: &str, max: usize) -> String {
        let v = crate::text::normalise_text(value);
        if v.is_empty() {
            let rule = if value.trim().is_empty() { Rule::Required } else { Rule::InvisibleOnly };
            self.push(field, rule, "");
        } else {
            self.limits(field, &v, max);
        }
        v
    }

    /// An optional text field: absent when empty; invisible-only is refused, not taken as absent.
    pub fn optional(&mut self, field: Field, value: Option<&str>, max: usize) -> Option<String> {
        let v = crate::text::optional_text(value);
        match &v {
            Some(v) => self.limits(field, v, max),
            None if value.is_some_and(|raw| !raw.trim().is_empty()) => self.push(field, Rule::InvisibleOnly, ""),
            None => {}
        }
        v
    }

    fn limits(&mut self, field: Field, v: &str, max: usize) {
        use crate::text::{code_point, text_problems, TextProblem};
        if v.chars().count() > max {
            self.push(field, Rule::TooLong, max.to_string());
        }
        for p in text_problems(v, field.is_multiline()) {
            match p {
                TextProblem::InvisibleOnly => self.push(field, Rule::InvisibleOnly, ""),
                TextProblem::BidiControl(c) => self.push(field, Rule::BidiControl, code_point(c)),
                TextProblem::Invisible(c) => self.push(field, Rule::InvisibleChar, code_point(c)),
                TextProblem::LineBreak => self.push(field, Rule::LineBreak, ""),
                TextProblem::Control => self.push(field, Rule::ControlChars, ""),
            }
        }
    }

    pub fn finish<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(ValidationErrors(self.errors))
        }
    }
}
