//! 现场检查: the draft an inspector fills in on site, the rules that turn it into proposed findings (发现问题),
//! and what must hold before it can be finished.

use crate::dates::zh_date;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checklist::{AnswerType, ChecklistTemplate, DutyHolder};
use crate::field_error::{Checker, Field, Rule, ValidationErrors};
use crate::legal_rules::{intake_law, label_law, licence_law, unregistered_law, LicenceProblem};
use crate::standards::{grade_fits, required_elements, LabelElement};
use crate::{LicenceKind, ProductCategory};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Pass,
    Fail,
    NotApplicable,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemAnswer {
    pub verdict: Option<Verdict>,
    pub note: Option<String>,
    /// For number, date and text items.
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Inspector {
    pub name: String,
    pub cert_no: String,
}

/// A licence of the enterprise as checked on site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LicenceCheck {
    pub licence_id: String,
    pub kind: LicenceKind,
    pub number: String,
    pub valid_until: Option<NaiveDate>,
    pub sighted: bool,
    pub scope_mismatch: bool,
    pub holder_mismatch: bool,
    pub note: Option<String>,
    /// Expired on the inspection date: judged by [`mark_expired`] on every save (the window shows it, never
    /// re-judges it).
    #[serde(default)]
    pub expired: bool,
}

/// A licence valid until `until` has expired on `date` when the day after its last valid day has come.
pub fn expired_on(until: Option<NaiveDate>, date: NaiveDate) -> bool {
    until.is_some_and(|u| u < date)
}

/// Marks each licence of the draft expired or not on `inspection_date` (the one expiry rule for the window).
pub fn mark_expired(draft: &mut InspectionDraft, inspection_date: NaiveDate) {
    for l in &mut draft.licences {
        l.expired = expired_on(l.valid_until, inspection_date);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Material {
    /// 熔喷布
    Meltblown,
    /// 纺粘无纺布
    Spunbond,
    /// 耳带
    EarLoop,
    /// 鼻梁条
    NoseWire,
    Other,
}

impl Material {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Meltblown => "熔喷布",
            Self::Spunbond => "纺粘无纺布",
            Self::EarLoop => "耳带",
            Self::NoseWire => "鼻梁条",
            Self::Other => "其他原辅材料",
        }
    }
}

/// One intake batch (进货批次) of a raw material.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IntakeRow {
    pub id: String,
    pub material: Material,
    pub supplier: String,
    pub batch: String,
    pub quantity: Option<f64>,
    pub unit: String,
    pub received_on: Option<NaiveDate>,
    pub certificate_seen: bool,
    pub report_seen: bool,
    /// Claimed filtration efficiency in percent (meltblown).
    pub claimed_filtration: Option<f64>,
    pub record_ok: bool,
    pub note: Option<String>,
}

/// One product taken from the shelf and its label checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabelCheck {
    pub id: String,
    pub product_name: String,
    pub category: ProductCategory,
    pub standard: Option<String>,
    pub grade: Option<String>,
    pub registration_cert_no: Option<String>,
    pub present: Vec<LabelElement>,
    pub note: Option<String>,
}

/// A finding (发现问题): proposed by a rule (its key says which), edited and confirmed by the inspector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// `licence:<id>:expired`, `intake:<row>:report`, `label:<row>:missing:standardNumber`, `item:<key>`, or
    /// `manual:<n>` for one the inspector added.
    pub key: String,
    pub text: String,
    /// The duty broken, the order power and the penalty (`legal_rules`); all empty for a management gap.
    /// Drafts saved before the three were separated carry `basis`; the rules re-propose them on the next save.
    #[serde(default)]
    pub law: crate::checklist::FindingLaw,
    pub confirmed: bool,
    /// The inspector changed the text: a new proposal for the same key does not overwrite it.
    pub edited: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InspectionDraft {
    pub place: String,
    pub started_at: Option<String>,
    pub ended_at: Option<String>,
    /// 企业在场人员 (the representative present).
    pub representative: String,
    pub inspectors: Vec<Inspector>,
    pub answers: BTreeMap<String, ItemAnswer>,
    pub licences: Vec<LicenceCheck>,
    pub intake: Vec<IntakeRow>,
    pub labels: Vec<LabelCheck>,
    pub findings: Vec<Finding>,
}

fn licence_name(kind: LicenceKind) -> &'static str {
    match kind {
        LicenceKind::BusinessLicence => "营业执照",
        LicenceKind::DeviceRegistration => "医疗器械注册证",
        LicenceKind::DeviceFiling => "第一类医疗器械备案凭证",
        LicenceKind::DeviceProductionLicence => "医疗器械生产许可证",
        LicenceKind::Other => "证照",
    }
}

fn proposal(key: String, text: String, law: crate::checklist::FindingLaw) -> Finding {
    Finding { key, text, law, confirmed: false, edited: false }
}

/// The findings the rules propose for a draft, judged on `inspection_date`. `roster_registrations` are the
/// registration certificate numbers the roster holds for the enterprise.
pub fn propose_findings(
    template: &ChecklistTemplate,
    draft: &InspectionDraft,
    inspection_date: NaiveDate,
    roster_registrations: &[String],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let device = |k: LicenceKind| {
        matches!(k, LicenceKind::DeviceRegistration | LicenceKind::DeviceFiling | LicenceKind::DeviceProductionLicence)
    };
    let holder = template.holder;
    // A seller holding device certificates is a device operator for them.
    let licence_holder =
        |k: LicenceKind| if device(k) && holder == DutyHolder::Seller { DutyHolder::DeviceOperator } else { holder };
    for l in &draft.licences {
        let name = licence_name(l.kind);
        let law = |p: LicenceProblem| licence_law(l.kind, p, licence_holder(l.kind));
        if let Some(until) = l.valid_until.filter(|_| expired_on(l.valid_until, inspection_date)) {
            let text = format!("{name}（{}）已于{}过期，检查时仍在生产经营", l.number, zh_date(until));
            out.push(proposal(format!("licence:{}:expired", l.licence_id), text, law(LicenceProblem::Expired)));
        }
        if !l.sighted {
            out.push(proposal(
                format!("licence:{}:not-sighted", l.licence_id),
                format!("现场未能出示{name}（{}）", l.number),
                law(LicenceProblem::NotSighted),
            ));
        }
        if l.scope_mismatch {
            out.push(proposal(
                format!("licence:{}:scope", l.licence_id),
                format!("{name}（{}）的范围未涵盖所产（售）口罩", l.number),
                law(LicenceProblem::ScopeMismatch),
            ));
        }
        if l.holder_mismatch {
            out.push(proposal(
                format!("licence:{}:holder", l.licence_id),
                format!("{name}（{}）的持证人与企业名称不一致", l.number),
                law(LicenceProblem::HolderMismatch),
            ));
        }
    }
    let intake = intake_law(holder);
    for r in &draft.intake {
        let what =
            format!("{}（供应商：{}，批号：{}）", r.material.label_zh(), or_dash(&r.supplier), or_dash(&r.batch));
        if !r.certificate_seen {
            out.push(proposal(
                format!("intake:{}:certificate", r.id),
                format!("{what}进货时未查验产品合格证明"),
                intake.clone(),
            ));
        }
        if !r.report_seen {
            out.push(proposal(
                format!("intake:{}:report", r.id),
                format!("{what}进货时未查验检验报告"),
                intake.clone(),
            ));
        }
        if !r.record_ok {
            out.push(proposal(
                format!("intake:{}:record", r.id),
                format!("{what}进货查验记录不真实、不完整"),
                intake.clone(),
            ));
        }
    }
    for l in &draft.labels {
        let name = format!("产品“{}”", or_dash(&l.product_name));
        let has = |e: LabelElement| l.present.contains(&e);
        let label = label_law(l.category.is_medical(), holder);
        if !has(LabelElement::MakerName) && !has(LabelElement::MakerAddress) && !has(LabelElement::ProductionDate) {
            out.push(proposal(
                format!("label:{}:sanwu", l.id),
                format!("{name}无生产厂名、厂址和生产日期，属“三无”产品"),
                label.clone(),
            ));
        }
        for e in required_elements(l.category, l.standard.as_deref()) {
            if !has(e) {
                out.push(proposal(
                    format!("label:{}:missing:{e:?}", l.id),
                    format!("{name}标签未标注{}", e.label_zh()),
                    label.clone(),
                ));
            }
        }
        if let (Some(standard), Some(grade)) = (&l.standard, &l.grade) {
            if !grade_fits(standard, grade) {
                out.push(proposal(
                    format!("label:{}:grade", l.id),
                    format!("{name}标注的等级“{grade}”不是 {standard} 规定的等级"),
                    label.clone(),
                ));
            }
        }
        if l.category.is_medical() {
            match l.registration_cert_no.as_deref().map(crate::certificates::validate_registration_cert) {
                Some(Err(_)) => out.push(proposal(
                    format!("label:{}:registration-format", l.id),
                    format!("{name}标注的医疗器械注册证编号格式不符"),
                    label.clone(),
                )),
                Some(Ok(n)) if !roster_registrations.is_empty() && !roster_registrations.contains(&n) => {
                    out.push(proposal(
                        format!("label:{}:registration-unknown", l.id),
                        format!("{name}标注的注册证编号 {n} 与企业持有的注册证不符"),
                        unregistered_law(if holder == DutyHolder::Seller {
                            DutyHolder::DeviceOperator
                        } else {
                            holder
                        }),
                    ))
                }
                _ => {}
            }
        }
    }
    for s in &template.sections {
        for item in s.items.iter().filter(|i| i.answer == AnswerType::PassFail) {
            if draft.answers.get(&item.key).and_then(|a| a.verdict) == Some(Verdict::Fail) {
                let note = draft.answers.get(&item.key).and_then(|a| a.note.clone()).filter(|n| !n.trim().is_empty());
                let text = match note {
                    Some(n) => format!("{}：不符合要求（{}）", item.text, n.trim()),
                    None => format!("{}：不符合要求", item.text),
                };
                out.push(Finding {
                    key: format!("item:{}", item.key),
                    text,
                    law: item.law.clone(),
                    confirmed: false,
                    edited: false,
                });
            }
        }
    }
    out
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "—"
    } else {
        s.trim()
    }
}

/// The findings list after a change: proposals that still apply (keeping the inspector's edits and
/// confirmations), proposals that are new, and every finding the inspector added by hand.
pub fn reconcile(existing: &[Finding], proposed: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = proposed
        .into_iter()
        .map(|p| match existing.iter().find(|e| e.key == p.key) {
            // The inspector's words, the rule's provisions: the law is never typed.
            Some(e) if e.edited => Finding { law: p.law, ..e.clone() },
            Some(e) => Finding { confirmed: e.confirmed, ..p },
            None => p,
        })
        .collect();
    out.extend(existing.iter().filter(|e| e.key.starts_with("manual:")).cloned());
    out
}

/// At least two inspectors (samplers) with certificate numbers, and no certificate twice: every on-site act needs
/// two people (inspection, re-inspection, sampling).
pub(crate) fn check_inspectors(c: &mut Checker, people: &[Inspector]) {
    let complete: Vec<&Inspector> =
        people.iter().filter(|i| !i.name.trim().is_empty() && !i.cert_no.trim().is_empty()).collect();
    if complete.len() < 2 {
        c.push(Field::Inspectors, Rule::TooFewInspectors, complete.len().to_string());
    }
    let mut certs: Vec<String> = complete.iter().map(|i| crate::text::normalise_code(&i.cert_no)).collect();
    certs.sort();
    certs.dedup();
    if certs.len() < complete.len() {
        c.push(Field::Inspectors, Rule::DuplicateInspector, "");
    }
}

/// What must hold before an inspection is finished (frozen): two inspectors with certificate numbers, the place,
/// the representative, a start time, and every finding confirmed.
pub fn validate_for_finish(draft: &InspectionDraft) -> Result<(), ValidationErrors> {
    let mut c = Checker::default();
    check_inspectors(&mut c, &draft.inspectors);
    if draft.place.trim().is_empty() {
        c.push(Field::Place, Rule::Required, "");
    }
    if draft.representative.trim().is_empty() {
        c.push(Field::Representative, Rule::Required, "");
    }
    if draft.started_at.as_deref().is_none_or(|s| s.trim().is_empty()) {
        c.push(Field::StartedAt, Rule::Required, "");
    }
    let open = draft.findings.iter().filter(|f| !f.confirmed).count();
    if open > 0 {
        c.push(Field::Findings, Rule::Unconfirmed, open.to_string());
    }
    c.finish(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::builtin_templates;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_licence_expires_the_day_after_its_last_valid_day() {
        let cases = [
            (Some(date(2026, 11, 22)), true),
            (Some(date(2026, 11, 23)), false),
            (Some(date(2026, 11, 24)), false),
            (None, false),
        ];
        for (until, want) in cases {
            assert_eq!(expired_on(until, date(2026, 11, 23)), want, "{until:?}");
            let mut draft = InspectionDraft {
                licences: vec![LicenceCheck {
                    licence_id: "L".into(),
                    kind: LicenceKind::BusinessLicence,
                    number: "N".into(),
                    valid_until: until,
                    sighted: true,
                    scope_mismatch: false,
                    holder_mismatch: false,
                    note: None,
                    expired: !want,
                }],
                ..Default::default()
            };
            mark_expired(&mut draft, date(2026, 11, 23));
            assert_eq!(draft.licences[0].expired, want, "marked {until:?}");
        }
    }

    fn keys(f: &[Finding]) -> Vec<String> {
        f.iter().map(|x| x.key.clone()).collect()
    }

    fn intake(id: &str, certificate: bool, report: bool) -> IntakeRow {
        IntakeRow {
            id: id.into(),
            material: Material::Meltblown,
            supplier: "某熔喷布厂".into(),
            batch: "MB2026-11".into(),
            quantity: Some(2.0),
            unit: "吨".into(),
            received_on: None,
            certificate_seen: certificate,
            report_seen: report,
            claimed_filtration: Some(95.0),
            record_ok: true,
            note: None,
        }
    }

    fn label(
        id: &str,
        category: ProductCategory,
        standard: Option<&str>,
        grade: Option<&str>,
        present: &[LabelElement],
    ) -> LabelCheck {
        LabelCheck {
            id: id.into(),
            product_name: "口罩".into(),
            category,
            standard: standard.map(Into::into),
            grade: grade.map(Into::into),
            registration_cert_no: None,
            present: present.to_vec(),
            note: None,
        }
    }

    /// The finding rules, one case each: the draft, and the finding keys it must propose.
    #[test]
    fn finding_rules_table() {
        use LabelElement::*;
        let templates = builtin_templates().expect("templates");
        let (non_medical, medical) = (&templates[0], &templates[1]);
        let today = date(2026, 11, 23);
        let all_daily =
            [ChineseName, MakerName, MakerAddress, ProductionDate, ShelfLife, Certificate, StandardNumber, Grade];
        let expired = LicenceCheck {
            licence_id: "L1".into(),
            kind: LicenceKind::DeviceRegistration,
            number: "豫械注准20202140001".into(),
            valid_until: Some(date(2026, 10, 23)),
            sighted: true,
            scope_mismatch: false,
            holder_mismatch: false,
            note: None,
            expired: false,
        };
        let cases: Vec<(&str, &ChecklistTemplate, InspectionDraft, Vec<&str>)> = vec![
            (
                "expired licence",
                medical,
                InspectionDraft { licences: vec![expired.clone()], ..Default::default() },
                vec!["licence:L1:expired"],
            ),
            (
                "valid licence",
                medical,
                InspectionDraft {
                    licences: vec![LicenceCheck { valid_until: Some(date(2027, 1, 1)), ..expired }],
                    ..Default::default()
                },
                vec![],
            ),
            (
                "intake without certificate",
                non_medical,
                InspectionDraft { intake: vec![intake("R1", false, true)], ..Default::default() },
                vec!["intake:R1:certificate"],
            ),
            (
                "intake without report",
                non_medical,
                InspectionDraft { intake: vec![intake("R1", true, false)], ..Default::default() },
                vec!["intake:R1:report"],
            ),
            (
                "label missing standard number",
                non_medical,
                InspectionDraft {
                    labels: vec![label(
                        "P1",
                        ProductCategory::DailyProtective,
                        None,
                        None,
                        &[ChineseName, MakerName, MakerAddress, ProductionDate, ShelfLife, Certificate],
                    )],
                    ..Default::default()
                },
                vec!["label:P1:missing:StandardNumber"],
            ),
            (
                "wrong grade for the standard",
                non_medical,
                InspectionDraft {
                    labels: vec![label(
                        "P1",
                        ProductCategory::DailyProtective,
                        Some("GB/T 32610-2016"),
                        Some("KN95"),
                        &all_daily,
                    )],
                    ..Default::default()
                },
                vec!["label:P1:grade"],
            ),
            (
                "三无",
                non_medical,
                InspectionDraft {
                    labels: vec![label(
                        "P1",
                        ProductCategory::Other,
                        Some("GB/T 32610-2016"),
                        Some("I级"),
                        &[ChineseName, ShelfLife, Certificate, StandardNumber, Grade],
                    )],
                    ..Default::default()
                },
                vec![
                    "label:P1:sanwu",
                    "label:P1:missing:MakerName",
                    "label:P1:missing:MakerAddress",
                    "label:P1:missing:ProductionDate",
                ],
            ),
            (
                "failed checklist item",
                non_medical,
                InspectionDraft {
                    answers: [(
                        "outbound.records".to_string(),
                        ItemAnswer {
                            verdict: Some(Verdict::Fail), note: Some("近三批无记录".into()), value: None
                        },
                    )]
                    .into(),
                    ..Default::default()
                },
                vec!["item:outbound.records"],
            ),
        ];
        for (name, template, draft, want) in cases {
            assert_eq!(keys(&propose_findings(template, &draft, today, &[])), want, "{name}");
        }
        let f = propose_findings(
            medical,
            &InspectionDraft { intake: vec![intake("R1", true, false)], ..Default::default() },
            today,
            &[],
        );
        assert_eq!(f[0].law.duty, vec!["mdr-35", "mpr-31"], "medical makers' intake falls under the device regulation");
        assert_eq!(f[0].law.order.as_deref(), Some("mpr-76"));
        let f = propose_findings(
            non_medical,
            &InspectionDraft { intake: vec![intake("R1", true, false)], ..Default::default() },
            today,
            &[],
        );
        assert!(!f[0].law.is_offence(), "a non-medical maker's intake record is a management gap, not an offence");
        assert!(f[0].text.contains("熔喷布（供应商：某熔喷布厂，批号：MB2026-11）"), "{}", f[0].text);
    }

    #[test]
    fn reconcile_keeps_edits_confirmations_and_manual_findings() {
        let p = |k: &str, t: &str| Finding {
            key: k.into(),
            text: t.into(),
            law: Default::default(),
            confirmed: false,
            edited: false,
        };
        let existing = vec![
            Finding { confirmed: true, ..p("a", "old a") },
            Finding { edited: true, ..p("b", "my words") },
            p("gone", "no longer applies"),
            Finding { confirmed: true, ..p("manual:1", "added by hand") },
        ];
        let out = reconcile(&existing, vec![p("a", "new a"), p("b", "rule text"), p("c", "new")]);
        let got: Vec<(&str, &str, bool)> = out.iter().map(|f| (f.key.as_str(), f.text.as_str(), f.confirmed)).collect();
        assert_eq!(
            got,
            vec![
                ("a", "new a", true),
                ("b", "my words", false),
                ("c", "new", false),
                ("manual:1", "added by hand", true)
            ]
        );
    }

    #[test]
    fn finishing_needs_two_inspectors_and_confirmed_findings() {
        let ok = InspectionDraft {
            place: "厂区".into(),
            representative: "王五".into(),
            started_at: Some("2026-11-23T09:00".into()),
            inspectors: vec![
                Inspector { name: "张三".into(), cert_no: "A1".into() },
                Inspector { name: "李四".into(), cert_no: "A2".into() },
            ],
            ..Default::default()
        };
        assert!(validate_for_finish(&ok).is_ok());
        let one = InspectionDraft {
            inspectors: vec![ok.inspectors[0].clone(), Inspector { name: "李四".into(), cert_no: " ".into() }],
            ..ok.clone()
        };
        assert_eq!(validate_for_finish(&one).expect_err("one").0[0].rule, Rule::TooFewInspectors);
        let same = InspectionDraft {
            inspectors: vec![ok.inspectors[0].clone(), Inspector { name: "李四".into(), cert_no: "a1".into() }],
            ..ok.clone()
        };
        assert_eq!(validate_for_finish(&same).expect_err("same").0[0].rule, Rule::DuplicateInspector);
        let open = InspectionDraft {
            findings: vec![Finding {
                key: "x".into(),
                text: "t".into(),
                law: Default::default(),
                confirmed: false,
                edited: false,
            }],
            ..ok
        };
        assert_eq!(validate_for_finish(&open).expect_err("open").0[0].rule, Rule::Unconfirmed);
    }
}
