//! Sampling (抽样, appendix 5 of the campaign notice) and cases (案件, appendix 4): the records behind the
//! bureau's statistics tables, and the rules their inputs must meet.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::field_error::{Checker, Field, Rule, ValidationErrors};
use crate::inspection::Inspector;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleInput {
    pub enterprise_id: String,
    pub inspection_id: Option<String>,
    pub product_name: String,
    pub trademark: String,
    pub spec_model: String,
    /// 生产日期或批号
    pub batch_or_date: String,
    pub manufacturer: String,
    /// 抽样数量
    pub quantity: String,
    /// 抽样基数
    pub base_quantity: String,
    /// 检验样品 / 备用样品 (sealed)
    pub test_samples: String,
    pub reserve_samples: String,
    pub place: String,
    pub sampled_on: NaiveDate,
    /// Time of day the samples were drawn (sampling record); absent in samples recorded before it was asked.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub sampled_time: Option<NaiveTime>,
    /// 封条编号: the numbers of the seals on the test and reserve samples.
    #[serde(default)]
    pub seal_numbers: String,
    /// 抽样依据或任务来源 (e.g. the campaign's sampling task).
    #[serde(default)]
    pub basis: String,
    /// 承检机构: the laboratory that tests the samples.
    #[serde(default)]
    pub testing_body: String,
    pub samplers: Vec<Inspector>,
    /// 执行标准 of the sampled product (`GB 2626-2019`): the lab-result form lists its test items.
    #[serde(default)]
    pub standard: String,
    /// 级别 (`KN95`, `Ⅱ级`, `防护口罩`): picks the limit of an item that depends on it.
    #[serde(default)]
    pub grade: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LabVerdict {
    Pass,
    Fail,
}

/// The lab result and what followed (appendix 5 columns 抽查结果 … 对企业帮扶措施).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleResultInput {
    pub verdict: LabVerdict,
    /// 不合格项目 as appendix 5 prints them (e.g. 过滤效率): the failing items' names, or typed where the standard's
    /// items are not known.
    pub failing_items: String,
    /// Each failing item with the standard's limit and the measured value, as the lab report gives them.
    #[serde(default)]
    pub failing: Vec<FailingItem>,
    /// 检验报告编号
    #[serde(default)]
    pub report_number: String,
    /// The laboratory that issued the report.
    #[serde(default)]
    pub lab: String,
    /// 不合格产品的批次数量（只）
    #[ts(type = "number | null")]
    pub nonconforming_quantity: Option<u64>,
    pub reached_market: bool,
    /// 不合格产品流入市场方向
    pub market_direction: String,
    /// 后处理措施
    pub post_measures: String,
    /// 对企业帮扶措施
    pub help_measures: String,
    /// What the failure started: stop sales, the batch's trail, each buyer's outcome.
    #[serde(default)]
    pub chain: crate::failed_chain::FailedChain,
}

pub fn validate_sample(input: &SampleInput, today: NaiveDate) -> Result<(), ValidationErrors> {
    let mut c = Checker::default();
    c.required(Field::ProductName, &input.product_name, 200);
    c.required(Field::Quantity, &input.quantity, 50);
    c.required(Field::BaseQuantity, &input.base_quantity, 50);
    c.required(Field::BatchOrDate, &input.batch_or_date, 100);
    c.required(Field::SealNumbers, &input.seal_numbers, 200);
    c.required(Field::SamplingBasis, &input.basis, 200);
    c.required(Field::TestingBody, &input.testing_body, 200);
    if input.sampled_time.is_none() {
        c.push(Field::SampledTime, Rule::Required, "");
    }
    if input.sampled_on > today {
        c.push(Field::SampledOn, Rule::DateInFuture, "");
    }
    crate::inspection::check_inspectors(&mut c, &input.samplers);
    c.finish(())
}

/// One failing test item: its key and name in the standard's list, the limit shown beside it, the measured value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FailingItem {
    pub key: String,
    pub name: String,
    pub limit: Option<String>,
    pub measured: String,
}

/// The 不合格项目 text of a result: the failing items' names when they were picked from the list, else as typed.
pub fn failing_items_text(input: &SampleResultInput) -> String {
    if input.failing.is_empty() {
        input.failing_items.trim().to_string()
    } else {
        input.failing.iter().map(|f| f.name.trim()).collect::<Vec<_>>().join("、")
    }
}

pub fn validate_sample_result(input: &SampleResultInput) -> Result<(), ValidationErrors> {
    let mut c = Checker::default();
    for f in &input.failing {
        // The measured value is what makes the failure a fact: the report says it.
        c.required(Field::FailingItems, &f.measured, 100);
    }
    c.optional(Field::ReportNumber, Some(&input.report_number), 100);
    if input.verdict == LabVerdict::Fail {
        c.required(Field::FailingItems, &failing_items_text(input), 500);
        if input.reached_market {
            c.required(Field::MarketDirection, &input.market_direction, 500);
        }
    }
    // The trail's own rules; its dates are judged against the sample and the day where it is recorded
    // (`validate_chain` in the app), not here, where a bundle row has neither.
    if let Err(e) = crate::failed_chain::validate_chain(&input.chain, NaiveDate::MIN, NaiveDate::MAX) {
        c.errors.extend(e.0);
    }
    c.finish(())
}

/// 案件类别: the rows of appendix 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CaseCategory {
    Price,
    Quality,
    UnfairCompetition,
    IntellectualProperty,
    DrugDeviceQualification,
    FalseAdvertising,
    Other,
}

impl CaseCategory {
    pub const ALL: [CaseCategory; 7] = [
        Self::Price,
        Self::Quality,
        Self::UnfairCompetition,
        Self::IntellectualProperty,
        Self::DrugDeviceQualification,
        Self::FalseAdvertising,
        Self::Other,
    ];

    /// The row title in appendix 4.
    pub fn row_zh(self) -> &'static str {
        match self {
            Self::Price => "价格类案件",
            Self::Quality => "质量类案件",
            Self::UnfairCompetition => "不正当竞争类案件",
            Self::IntellectualProperty => "知识产权类案件",
            Self::DrugDeviceQualification => "药械资质类案件",
            Self::FalseAdvertising => "虚假广告类案件",
            Self::Other => "其他案件",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Price => "price",
            Self::Quality => "quality",
            Self::UnfairCompetition => "unfairCompetition",
            Self::IntellectualProperty => "intellectualProperty",
            Self::DrugDeviceQualification => "drugDeviceQualification",
            Self::FalseAdvertising => "falseAdvertising",
            Self::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<CaseCategory> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Procedure {
    /// 立案
    Filed,
    /// 简易程序
    Simple,
}

/// A case (案件) with every figure appendix 4 sums. Money in 万元, masks in 万只.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseInput {
    pub enterprise_id: Option<String>,
    pub inspection_id: Option<String>,
    pub title: String,
    pub category: CaseCategory,
    pub procedure: Procedure,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// 罚没（万元）
    pub fines_wan: f64,
    /// 案值（万元）
    pub value_wan: f64,
    /// 查获口罩（万只）
    pub masks_seized_wan: f64,
    pub referred_to_police: bool,
    /// 出动执法人员（人次）
    pub inspectors_dispatched: u32,
    /// 检查经营者数（户/人）
    pub operators_checked: u32,
    /// The penalty decision, once made (行政处罚决定书): what the publicity entry repeats.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub penalty: Option<crate::publicity::PenaltyDecision>,
    /// The day the penalty was published in the national enterprise credit publicity system.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub published_on: Option<NaiveDate>,
}

pub fn validate_case(input: &CaseInput, today: NaiveDate) -> Result<(), ValidationErrors> {
    let mut c = Checker::default();
    c.required(Field::CaseTitle, &input.title, 200);
    for (field, v) in [
        (Field::Fines, input.fines_wan),
        (Field::CaseValue, input.value_wan),
        (Field::MasksSeized, input.masks_seized_wan),
    ] {
        if !v.is_finite() || v < 0.0 {
            c.push(field, Rule::NotNegative, v.to_string());
        }
    }
    if input.opened_on > today {
        c.push(Field::OpenedOn, Rule::DateInFuture, "");
    }
    if let Some(closed) = input.closed_on {
        if closed < input.opened_on {
            c.push(Field::ClosedOn, Rule::DateOrder, "立案日期");
        }
    }
    crate::publicity::check_penalty(&mut c, input, today);
    c.finish(())
}

/// 查获口罩（万只） from the lists of goods sealed or seized: the lines counted in masks (只), in ten-thousands. A
/// line in another unit (箱, 包) is left for the case officer, who knows what a box holds.
pub fn masks_wan_in_lists(goods: &[crate::document::GoodsRow]) -> f64 {
    let masks: f64 = goods.iter().filter(|g| g.unit.trim() == "只").map(|g| g.quantity).sum();
    (masks / 100.0).round() / 100.0
}

/// A new case as the form starts it: a quality case by the ordinary procedure, opened today, no figures yet.
pub fn new_case(today: NaiveDate) -> CaseInput {
    CaseInput {
        enterprise_id: None,
        inspection_id: None,
        title: String::new(),
        category: CaseCategory::Quality,
        procedure: Procedure::Filed,
        opened_on: today,
        closed_on: None,
        fines_wan: 0.0,
        value_wan: 0.0,
        masks_seized_wan: 0.0,
        referred_to_police: false,
        inspectors_dispatched: 0,
        operators_checked: 0,
        penalty: None,
        published_on: None,
    }
}

/// A quality case opened from a failed sample: the enterprise and the inspection linked, the title naming the
/// product and what failed, opened today; every figure left for the case officer.
pub fn case_from_failed_sample(
    sample: &SampleInput,
    result: &SampleResultInput,
    enterprise_name: &str,
    today: NaiveDate,
) -> CaseInput {
    let items = failing_items_text(result);
    let what = if items.is_empty() { String::new() } else { format!("（{items}不合格）") };
    CaseInput {
        enterprise_id: Some(sample.enterprise_id.clone()),
        inspection_id: sample.inspection_id.clone(),
        title: format!("{enterprise_name}涉嫌生产、销售不合格{}{what}案", sample.product_name.trim()),
        ..new_case(today)
    }
}

/// A case opened when a re-inspection finds a rectification notice not complied with: the enterprise and the
/// inspection the notice came from linked, the notice named in the title.
pub fn case_from_incomplete_rectification(
    enterprise_id: &str,
    enterprise_name: &str,
    inspection_id: Option<&str>,
    notice_number: &str,
    today: NaiveDate,
) -> CaseInput {
    CaseInput {
        enterprise_id: Some(enterprise_id.into()),
        inspection_id: inspection_id.map(Into::into),
        title: format!("{enterprise_name}未按责令改正通知书（{notice_number}）要求改正案"),
        ..new_case(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn inspectors(n: usize) -> Vec<Inspector> {
        (0..n).map(|i| Inspector { name: format!("人{i}"), cert_no: format!("C{i}") }).collect()
    }

    #[test]
    fn a_sample_needs_two_samplers_and_its_quantities() {
        let mut s = SampleInput {
            enterprise_id: "e".into(),
            inspection_id: None,
            product_name: "一次性使用医用口罩".into(),
            trademark: String::new(),
            spec_model: "175mm×95mm".into(),
            batch_or_date: "20261101".into(),
            manufacturer: "某厂".into(),
            quantity: "40只".into(),
            base_quantity: "2000只".into(),
            test_samples: "20只".into(),
            reserve_samples: "20只".into(),
            place: "成品仓库".into(),
            sampled_on: d("2026-11-20"),
            sampled_time: NaiveTime::from_hms_opt(14, 30, 0),
            seal_numbers: "FT-0001、FT-0002".into(),
            basis: "新乡市口罩质量专项整治抽样任务".into(),
            testing_body: "河南省医疗器械检验所".into(),
            samplers: inspectors(2),
            standard: String::new(),
            grade: String::new(),
        };
        assert!(validate_sample(&s, d("2026-11-23")).is_ok());
        s.samplers = inspectors(1);
        s.quantity.clear();
        s.seal_numbers = "\u{200B}".into();
        s.basis.clear();
        s.testing_body = " ".into();
        s.sampled_time = None;
        let err = validate_sample(&s, d("2026-11-23")).expect_err("refused");
        let rules: Vec<_> = err.0.iter().map(|e| (e.field, e.rule)).collect();
        assert_eq!(
            rules,
            vec![
                (Field::Quantity, Rule::Required),
                (Field::SealNumbers, Rule::InvisibleOnly),
                (Field::SamplingBasis, Rule::Required),
                (Field::TestingBody, Rule::Required),
                (Field::SampledTime, Rule::Required),
                (Field::Inspectors, Rule::TooFewInspectors),
            ]
        );
    }

    #[test]
    fn a_failed_result_names_its_failing_items() {
        let mut r = SampleResultInput {
            verdict: LabVerdict::Fail,
            failing_items: String::new(),
            nonconforming_quantity: Some(5000),
            reached_market: true,
            market_direction: String::new(),
            post_measures: String::new(),
            help_measures: String::new(),
            chain: Default::default(),
            failing: Vec::new(),
            report_number: String::new(),
            lab: String::new(),
        };
        let err = validate_sample_result(&r).expect_err("refused");
        assert_eq!(err.0.len(), 2);
        r.failing_items = "过滤效率".into();
        r.market_direction = "本市药店".into();
        assert!(validate_sample_result(&r).is_ok());
    }

    #[test]
    fn failing_items_picked_from_the_standard_carry_their_measured_values() {
        let item = |name: &str, measured: &str| FailingItem {
            key: name.into(),
            name: name.into(),
            limit: Some("≥95%".into()),
            measured: measured.into(),
        };
        let result = |failing: Vec<FailingItem>, typed: &str| SampleResultInput {
            verdict: LabVerdict::Fail,
            failing_items: typed.into(),
            nonconforming_quantity: None,
            reached_market: false,
            market_direction: String::new(),
            post_measures: String::new(),
            help_measures: String::new(),
            chain: Default::default(),
            failing,
            report_number: "HN2026-0001".into(),
            lab: "河南省医疗器械检验所".into(),
        };
        // (what, result, the 不合格项目 text, the rules broken)
        type Case = (&'static str, SampleResultInput, &'static str, Vec<(Field, Rule)>);
        let table: Vec<Case> = vec![
            (
                "picked, with values",
                result(vec![item("过滤效率", "87.3%"), item("细菌过滤效率", "90%")], ""),
                "过滤效率、细菌过滤效率",
                vec![],
            ),
            ("picked wins over typed", result(vec![item("过滤效率", "87.3%")], "别的"), "过滤效率", vec![]),
            (
                "a picked item without its value",
                result(vec![item("过滤效率", " ")], ""),
                "过滤效率",
                vec![(Field::FailingItems, Rule::Required)],
            ),
            ("typed where the standard is not known", result(vec![], "标识不全"), "标识不全", vec![]),
            ("neither", result(vec![], ""), "", vec![(Field::FailingItems, Rule::Required)]),
        ];
        for (what, r, text, broken) in table {
            assert_eq!(failing_items_text(&r), text, "{what}");
            let got: Vec<(Field, Rule)> = match validate_sample_result(&r) {
                Ok(()) => vec![],
                Err(e) => e.0.iter().map(|f| (f.field, f.rule)).collect(),
            };
            assert_eq!(got, broken, "{what}");
        }
    }

    #[test]
    fn a_failed_sample_opens_a_quality_case_with_its_facts() {
        let sample = SampleInput {
            enterprise_id: "e1".into(),
            inspection_id: Some("i1".into()),
            product_name: "KN95 防护口罩 ".into(),
            trademark: String::new(),
            spec_model: String::new(),
            batch_or_date: "20261101".into(),
            manufacturer: String::new(),
            quantity: "40 只".into(),
            base_quantity: "2000 只".into(),
            test_samples: String::new(),
            reserve_samples: String::new(),
            place: String::new(),
            sampled_on: d("2026-11-20"),
            sampled_time: None,
            seal_numbers: String::new(),
            basis: String::new(),
            testing_body: String::new(),
            samplers: inspectors(2),
            standard: "GB 2626-2019".into(),
            grade: "KN95".into(),
        };
        let failing = |names: &[&str]| SampleResultInput {
            verdict: LabVerdict::Fail,
            failing_items: String::new(),
            failing: names
                .iter()
                .map(|n| FailingItem { key: (*n).into(), name: (*n).into(), limit: None, measured: "1".into() })
                .collect(),
            report_number: String::new(),
            lab: String::new(),
            nonconforming_quantity: None,
            reached_market: false,
            market_direction: String::new(),
            post_measures: String::new(),
            help_measures: String::new(),
            chain: Default::default(),
        };
        let table = [
            (vec!["过滤效率"], "康宁公司涉嫌生产、销售不合格KN95 防护口罩（过滤效率不合格）案"),
            (vec!["过滤效率", "呼气阻力"], "康宁公司涉嫌生产、销售不合格KN95 防护口罩（过滤效率、呼气阻力不合格）案"),
            (vec![], "康宁公司涉嫌生产、销售不合格KN95 防护口罩案"),
        ];
        for (names, title) in table {
            let c = case_from_failed_sample(&sample, &failing(&names), "康宁公司", d("2026-11-24"));
            assert_eq!(c.title, title);
            assert_eq!((c.category, c.procedure), (CaseCategory::Quality, Procedure::Filed));
            assert_eq!((c.enterprise_id.as_deref(), c.inspection_id.as_deref()), (Some("e1"), Some("i1")));
            assert!(validate_case(&c, d("2026-11-24")).is_ok(), "a valid draft the officer completes");
        }
    }

    #[test]
    fn masks_seized_are_counted_from_the_lists_in_masks_only() {
        let row = |quantity: f64, unit: &str| crate::document::GoodsRow {
            name: "口罩".into(),
            spec: String::new(),
            batch: String::new(),
            quantity,
            unit: unit.into(),
            note: String::new(),
        };
        let table: [(Vec<crate::document::GoodsRow>, f64); 4] = [
            (vec![row(10_000.0, "只")], 1.0),
            (vec![row(2_000.0, "只"), row(500.0, " 只 ")], 0.25),
            (vec![row(12_345.0, "只"), row(30.0, "箱")], 1.23),
            (vec![], 0.0),
        ];
        for (goods, wan) in table {
            assert_eq!(masks_wan_in_lists(&goods), wan, "{goods:?}");
        }
    }

    #[test]
    fn an_incomplete_rectification_opens_a_case_naming_the_notice() {
        let c =
            case_from_incomplete_rectification("e1", "康宁公司", Some("i1"), "卫市监责改〔2026〕12号", d("2026-11-24"));
        assert_eq!(c.title, "康宁公司未按责令改正通知书（卫市监责改〔2026〕12号）要求改正案");
        assert_eq!((c.enterprise_id.as_deref(), c.inspection_id.as_deref()), (Some("e1"), Some("i1")));
        assert_eq!((c.opened_on, c.category), (d("2026-11-24"), CaseCategory::Quality));
        assert!(validate_case(&c, d("2026-11-24")).is_ok());
    }

    #[test]
    fn case_figures_are_not_negative_and_close_after_opening() {
        let mut case = CaseInput {
            enterprise_id: None,
            inspection_id: None,
            title: "销售不合格口罩案".into(),
            category: CaseCategory::Quality,
            procedure: Procedure::Filed,
            opened_on: d("2026-11-01"),
            closed_on: Some(d("2026-10-01")),
            fines_wan: -1.0,
            value_wan: 2.5,
            masks_seized_wan: 1.2,
            referred_to_police: false,
            inspectors_dispatched: 4,
            operators_checked: 1,
            penalty: None,
            published_on: None,
        };
        let err = validate_case(&case, d("2026-11-23")).expect_err("refused");
        let fields: Vec<_> = err.0.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Fines, Field::ClosedOn]);
        case.fines_wan = 0.5;
        case.closed_on = None;
        assert!(validate_case(&case, d("2026-11-23")).is_ok());
    }
}
