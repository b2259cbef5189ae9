//! Enforcement documents: build the content from the records (never retyped), preview it, issue it (number,
//! PDF, SHA-256, frozen record, one durable transaction), revoke it, record its service. A rectification notice
//! opens a rectification that the dashboard follows until a re-inspection closes it.

use maskcheck_domain::Entity;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use maskcheck_docs::layout::Laid;
use maskcheck_domain::checklist::{FindingLaw, LegalCatalogue};
use maskcheck_domain::document::{
    blocks_overlap, format_number, Citation, CoerciveContent, DocBody, DocContent, DocKind, Fact, GoodsRow,
    InspectionRecordContent, Issuer, Measure, NoticeContent, NumberBlock, Party, PartyWords, Person, SamplingContent,
    ServiceContent,
};
use maskcheck_domain::document::{doc_state, validate_measure_words, validate_party_words, zh_date, zh_time, DocState};
use maskcheck_domain::document::{ExportNoticeContent, ExtensionContent, ReleaseContent, ReleaseGround};
use maskcheck_domain::inspection::InspectionDraft;
use maskcheck_domain::measure_rules;
use maskcheck_domain::{document_rules, legal_rules};
use maskcheck_domain::{Field, FieldError, Rule, ValidationErrors};
use maskcheck_store::{DocumentFilter, DocumentRecord, RectificationRecord, ServiceRecord, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::device::sha256_hex;
use crate::roster::new_meta;
use crate::{now_text, today, App, AppError, ErrorCode, Result};

/// What the inspector asks to issue. The same request previews and issues, so the paper matches the preview.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum IssueRequest {
    #[serde(rename_all = "camelCase")]
    InspectionRecord {
        inspection_id: String,
        /// What the party said, recorded now; each `None` prints a blank line to write by hand.
        #[serde(default)]
        party_words: PartyWords,
    },
    #[serde(rename_all = "camelCase")]
    RectificationNotice {
        inspection_id: String,
        /// `None`: correct immediately.
        deadline: Option<NaiveDate>,
        corrections: Vec<String>,
    },
    /// From a finished inspection (its findings are the facts) or a failed sample (the lab's result is).
    #[serde(rename_all = "camelCase")]
    CoerciveMeasure {
        inspection_id: Option<String>,
        #[serde(default)]
        sample_id: Option<String>,
        measure: Measure,
        goods: Vec<GoodsRow>,
        goods_place: String,
        from: NaiveDate,
        until: NaiveDate,
        /// The on-site record: the party's statement and defence, a refusal, absence, a witness.
        #[serde(default)]
        party_words: PartyWords,
    },
    /// Extends a seal or seizure in force (once, by at most thirty days).
    #[serde(rename_all = "camelCase")]
    MeasureExtension { decision_id: String, new_until: NaiveDate, reason: String },
    /// Releases a seal or seizure: the goods go back to the party.
    #[serde(rename_all = "camelCase")]
    MeasureRelease { decision_id: String, ground: ReleaseGround, reason: String, released_on: NaiveDate },
    #[serde(rename_all = "camelCase")]
    SamplingRecord {
        sample_id: String,
        #[serde(default)]
        party_words: PartyWords,
    },
    #[serde(rename_all = "camelCase")]
    ServiceProof { document_id: String },
    /// Tells customs and commerce of a failed sample's product and maker.
    #[serde(rename_all = "camelCase")]
    ExportNotice { sample_id: String, recipients: Vec<String> },
}

/// The record a document was issued for, so a correction is issued from the same one.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocSourceDto {
    pub kind: DocKind,
    pub amendable: bool,
    pub inspection_id: Option<String>,
    pub sample_id: Option<String>,
}

/// Who signs and where to appeal: kept per data directory, editable by the unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocSettings {
    pub reconsideration_body: String,
    pub court: String,
    pub contact_person: String,
    pub contact_phone: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewText {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRule {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub dashed: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewPage {
    pub texts: Vec<PreviewText>,
    pub rules: Vec<PreviewRule>,
}

/// The pages exactly as they will print (positions in points on A4), and the characters the font lacks.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocPreviewDto {
    pub title: String,
    /// The number issuing now would print (the preview prints it too).
    pub number: String,
    /// No number block is left: `number` is this device's tagged fallback (`卫市监责改〔2026〕B8524043-1号`),
    /// and the window says so, and how to get a block, before the inspector confirms.
    pub fallback: bool,
    pub pages: Vec<PreviewPage>,
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentDto {
    pub id: String,
    pub kind: DocKind,
    pub title: String,
    pub number: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub inspection_id: Option<String>,
    pub issued_at: String,
    pub revoked: Option<String>,
    pub served_at: Option<String>,
    pub state: DocState,
    /// A notice or decision, which takes effect once served: it has a 送达回证.
    pub needs_service: bool,
    /// May be corrected by issuing the corrected document in its place (not revoked, a kind that allows it).
    pub amendable: bool,
    pub amends_id: Option<String>,
    pub pdf_path: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuedDto {
    pub document: DocumentDto,
    pub pages: u32,
    pub bytes: u32,
    pub pdf_sha256: String,
    /// Characters the font could not show (printed as an empty box): the window says so.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServiceInput {
    pub document_id: String,
    /// When it was served, as the inspector's local time with offset; None: now, stamped by the app (the window
    /// never supplies a legal record's time, and never in UTC).
    pub served_at: Option<String>,
    pub method: maskcheck_domain::document::ServiceMethod,
    pub recipient: String,
    /// A photo of the signed paper (JPEG or PNG), if any.
    pub scan_path: Option<String>,
    /// 留置送达: the reason the party gave for refusing it, and the witness present.
    #[serde(default)]
    pub refusal: Option<String>,
    #[serde(default)]
    pub witness: Option<String>,
    /// 电子送达: the party consented and signed the confirmation.
    #[serde(default)]
    pub consented: bool,
}

/// The notice's editable defaults (`App::notice_defaults`).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoticeDefaults {
    pub deadline: NaiveDate,
    pub corrections: Vec<String>,
}

/// A seal or seizure's editable defaults (`App::measure_defaults`).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeasureDefaults {
    pub from: NaiveDate,
    /// The last day the law allows without an extension.
    pub until: NaiveDate,
    /// Where the goods are kept: the enterprise's production address, to be corrected on site.
    pub goods_place: String,
    /// The list as it starts: the failing batch for a seal after a failed sample, else empty.
    pub goods: Vec<GoodsRow>,
}

const SETTINGS_KEY: &str = "doc_settings";
/// Printed while the content is validated, before the transaction allocates the real number.
const PREVIEW_NUMBER: &str = "（编号在签发时生成）";

pub(crate) fn json_err(e: serde_json::Error) -> AppError {
    AppError::new(ErrorCode::Storage, format!("文书内容无法读写：{e}"))
}

fn people(list: &[maskcheck_domain::inspection::Inspector]) -> Vec<Person> {
    list.iter().map(|i| Person { name: i.name.clone(), cert_no: i.cert_no.clone() }).collect()
}

impl App {
    fn is_medical(&self, enterprise_id: &str) -> Result<bool> {
        let e = self
            .store()
            .enterprise(enterprise_id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Enterprise, id: enterprise_id.into() })?;
        Ok(e.data.medical)
    }

    pub fn doc_settings(&self) -> Result<DocSettings> {
        if let Some(json) = self.store().meta(SETTINGS_KEY)? {
            return serde_json::from_str(&json).map_err(json_err);
        }
        let p = self.profile()?;
        Ok(DocSettings {
            reconsideration_body: format!("{}人民政府", p.county),
            court: format!("{}人民法院", p.county),
            contact_person: p.inspector_name,
            contact_phone: String::new(),
        })
    }

    pub fn set_doc_settings(&self, s: DocSettings) -> Result<DocSettings> {
        let mut errors = Vec::new();
        for (field, v) in
            [(Field::Issuer, &s.reconsideration_body), (Field::Issuer, &s.court), (Field::Contact, &s.contact_person)]
        {
            if v.trim().is_empty() {
                errors.push(FieldError::new(field, Rule::Required, ""));
            }
        }
        if !errors.is_empty() {
            return Err(ValidationErrors(errors).into());
        }
        let json = serde_json::to_string(&s).map_err(json_err)?;
        self.store().write(|tx| {
            tx.set_meta(SETTINGS_KEY, &json)?;
            Ok::<_, AppError>(())
        })?;
        Ok(s)
    }

    fn issuer(&self) -> Result<Issuer> {
        let p = self.profile()?;
        let s = self.doc_settings()?;
        Ok(Issuer {
            unit_name: p.unit_name,
            reconsideration_body: s.reconsideration_body,
            court: s.court,
            contact_person: s.contact_person,
            contact_phone: s.contact_phone,
        })
    }

    fn party(&self, enterprise_id: &str) -> Result<Party> {
        let e = self
            .store()
            .enterprise(enterprise_id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Enterprise, id: enterprise_id.into() })?;
        let d = e.data;
        let address = d.address().unwrap_or_default().to_string();
        Ok(Party {
            name: d.name,
            uscc: d.uscc,
            address,
            legal_rep: d.legal_rep.unwrap_or_default(),
            phone: d.phone.unwrap_or_default(),
        })
    }

    pub(crate) fn citation(&self, cat: &LegalCatalogue, key: &str) -> Citation {
        match cat.get(key) {
            Some(b) => Citation { citation: b.citation(), text: b.text.clone() },
            None => Citation { citation: key.to_string(), text: String::new() },
        }
    }

    /// The confirmed findings of a finished inspection as facts with their provisions.
    fn facts(&self, cat: &LegalCatalogue, inspection_id: &str) -> Result<Vec<Fact>> {
        let rows = self.store().findings(inspection_id)?;
        rows.into_iter()
            .map(|(_, text, basis)| {
                let law = stored_law(&basis)?;
                Ok(Fact {
                    text,
                    duty: law.duty.iter().map(|k| self.citation(cat, k)).collect(),
                    order: law.order.as_deref().map(|k| self.citation(cat, k)),
                })
            })
            .collect()
    }

    fn finished_inspection(&self, id: &str) -> Result<(String, InspectionDraft)> {
        let r = self
            .store()
            .inspection(id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Inspection, id: id.into() })?;
        if !r.finished {
            return Err(AppError::new(ErrorCode::Validation, "检查尚未完结，完结后才能签发文书"));
        }
        let draft: InspectionDraft = serde_json::from_str(&r.draft).map_err(json_err)?;
        Ok((r.enterprise_id, draft))
    }

    /// Content for a request, with `number` printed on it; also the enterprise and inspection it belongs to.
    fn content(&self, req: &IssueRequest, number: &str, on: NaiveDate) -> Result<(DocContent, String, Option<String>)> {
        let issuer = self.issuer()?;
        // Read once per document: the bureau's copy in the data directory, or the shipped one.
        let cat = self.catalogue()?;
        let (body, enterprise_id, inspection_id) = match req {
            IssueRequest::InspectionRecord { inspection_id, party_words } => {
                let (eid, d) = self.finished_inspection(inspection_id)?;
                let sighted = d.licences.iter().filter(|l| l.sighted).count();
                let checked = vec![
                    format!("证照：列出证照{}件，现场查看{sighted}件。", d.licences.len()),
                    format!("原辅材料进货查验：查看进货记录{}批次。", d.intake.len()),
                    format!("标签标识与执行标准：现场抽取{}个产品查看标签。", d.labels.len()),
                    format!("检查表共作答{}项。", d.answers.values().filter(|a| a.verdict.is_some()).count()),
                ];
                let body = DocBody::InspectionRecord(InspectionRecordContent {
                    place: d.place.clone(),
                    started_at: d.started_at.as_deref().map(zh_time).unwrap_or_default(),
                    ended_at: d.ended_at.as_deref().map(zh_time).unwrap_or_default(),
                    inspectors: people(&d.inspectors),
                    representative: d.representative.clone(),
                    checked,
                    findings: self.facts(&cat, inspection_id)?,
                    party_words: validate_party_words(party_words)?,
                });
                (body, eid, Some(inspection_id.clone()))
            }
            IssueRequest::RectificationNotice { inspection_id, deadline, corrections } => {
                let (eid, d) = self.finished_inspection(inspection_id)?;
                let facts = self.facts(&cat, inspection_id)?;
                let corrections = document_rules::validate_notice(facts.len(), *deadline, corrections, on)?;
                let inspected_on = d
                    .started_at
                    .as_deref()
                    .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
                    .unwrap_or(on);
                let body = DocBody::RectificationNotice(NoticeContent {
                    inspected_on,
                    inspectors: people(&d.inspectors),
                    facts,
                    deadline: *deadline,
                    corrections,
                });
                (body, eid, Some(inspection_id.clone()))
            }
            IssueRequest::CoerciveMeasure {
                inspection_id,
                sample_id,
                measure,
                goods,
                goods_place,
                from,
                until,
                party_words,
            } => {
                let (goods, goods_place) = document_rules::validate_measure(goods, goods_place, *from, *until)?;
                let party_words = validate_measure_words(party_words)?;
                let (eid, iid, facts, inspectors) = match (sample_id, inspection_id) {
                    (Some(sample_id), _) => {
                        let s = self.failed_sample(sample_id)?;
                        let fact = Fact { text: failed_sample_fact(&s), duty: vec![], order: None };
                        (s.input.enterprise_id, s.input.inspection_id, vec![fact], people(&s.input.samplers))
                    }
                    (None, Some(iid)) => {
                        let (eid, d) = self.finished_inspection(iid)?;
                        (eid, Some(iid.clone()), self.facts(&cat, iid)?, people(&d.inspectors))
                    }
                    (None, None) => return Err(AppError::field(FieldError::new(Field::Findings, Rule::Required, ""))),
                };
                let body = DocBody::CoerciveMeasure(CoerciveContent {
                    measure: *measure,
                    facts,
                    power: vec![self.citation(&cat, legal_rules::seizure_power(self.is_medical(&eid)?))],
                    procedure: legal_rules::SEIZURE_PROCEDURE.iter().map(|k| self.citation(&cat, k)).collect(),
                    goods_place,
                    from: *from,
                    until: *until,
                    goods,
                    inspectors,
                    party_words,
                    sample_id: sample_id.clone(),
                });
                (body, eid, iid)
            }
            IssueRequest::MeasureExtension { decision_id, new_until, reason } => {
                let held = self.decision_in_force(decision_id)?;
                let followed = self.followed(&held.decision.id, &held.enterprise_id)?;
                let reason = measure_rules::validate_extension(&held.decision, followed, *new_until, reason, on)?;
                let body = DocBody::MeasureExtension(ExtensionContent {
                    decision: held.decision,
                    goods_place: held.content.goods_place,
                    new_until: *new_until,
                    reason,
                    basis: vec![self.citation(&cat, "aca-25")],
                    inspectors: held.content.inspectors,
                });
                (body, held.enterprise_id, held.inspection_id)
            }
            IssueRequest::MeasureRelease { decision_id, ground, reason, released_on } => {
                let held = self.decision_in_force(decision_id)?;
                let followed = self.followed(&held.decision.id, &held.enterprise_id)?;
                let reason = measure_rules::validate_release(&held.decision, followed, *released_on, reason, on)?;
                let body = DocBody::MeasureRelease(ReleaseContent {
                    decision: held.decision,
                    ground: *ground,
                    reason,
                    released_on: *released_on,
                    goods: held.content.goods,
                    goods_place: held.content.goods_place,
                    basis: vec![self.citation(&cat, "aca-28")],
                    inspectors: held.content.inspectors,
                });
                (body, held.enterprise_id, held.inspection_id)
            }
            IssueRequest::SamplingRecord { sample_id, party_words } => {
                let r = self
                    .store()
                    .sample(sample_id)?
                    .ok_or_else(|| StoreError::NotFound { entity: Entity::Sample, id: sample_id.clone() })?;
                let s: maskcheck_domain::casework::SampleInput = serde_json::from_str(&r.input).map_err(json_err)?;
                let body = DocBody::SamplingRecord(Box::new(SamplingContent {
                    product_name: s.product_name,
                    trademark: s.trademark,
                    spec_model: s.spec_model,
                    batch_or_date: s.batch_or_date,
                    manufacturer: s.manufacturer,
                    quantity: s.quantity,
                    base_quantity: s.base_quantity,
                    test_samples: s.test_samples,
                    reserve_samples: s.reserve_samples,
                    place: s.place,
                    sampled_on: s.sampled_on,
                    sampled_time: s.sampled_time.map(|t| t.format("%H:%M").to_string()),
                    seal_numbers: s.seal_numbers,
                    basis: s.basis,
                    testing_body: s.testing_body,
                    samplers: people(&s.samplers),
                    party_words: validate_party_words(party_words)?,
                    sample_id: Some(sample_id.clone()),
                }));
                (body, s.enterprise_id, s.inspection_id)
            }
            IssueRequest::ExportNotice { sample_id, recipients } => {
                let recipients = maskcheck_domain::failed_chain::validate_recipients(recipients)?;
                let s = self.failed_sample(sample_id)?;
                let exporter = self.store().enterprise(&s.input.enterprise_id)?.is_some_and(|e| e.data.exporter);
                let Some(r) = s.result.clone() else {
                    return Err(AppError::new(ErrorCode::Validation, "样品尚无检验结果").about(sample_id.clone()));
                };
                let body = DocBody::ExportNotice(Box::new(ExportNoticeContent {
                    recipients,
                    basis: maskcheck_domain::failed_chain::NOTICE_BASIS.into(),
                    exporter,
                    product_name: s.input.product_name.clone(),
                    trademark: s.input.trademark.clone(),
                    spec_model: s.input.spec_model.clone(),
                    batch_or_date: s.input.batch_or_date.clone(),
                    sampled_on: s.input.sampled_on,
                    standard: s.input.standard.clone(),
                    failing_items: maskcheck_domain::casework::failing_items_text(&r),
                    lab: r.lab.clone(),
                    report_number: r.report_number.clone(),
                    nonconforming_quantity: r.nonconforming_quantity,
                    measures_taken: r.post_measures.clone(),
                    sample_id: sample_id.clone(),
                }));
                (body, s.input.enterprise_id, s.input.inspection_id)
            }
            IssueRequest::ServiceProof { document_id } => {
                let d = self
                    .store()
                    .document(document_id)?
                    .ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: document_id.clone() })?;
                let served: DocContent = serde_json::from_str(&d.content).map_err(json_err)?;
                let body = DocBody::ServiceProof(ServiceContent {
                    served_title: d.kind.title_zh().into(),
                    served_number: d.number.clone(),
                    recipient: served.party.name.clone(),
                    place: served.party.address.clone(),
                    served_at: None,
                    method: None,
                });
                (body, d.enterprise_id, d.inspection_id)
            }
        };
        let party = self.party(&enterprise_id)?;
        Ok((
            DocContent { number: number.to_string(), issued_on: on, issuer, party, body },
            enterprise_id,
            inspection_id,
        ))
    }

    /// What a rectification notice for a finished inspection offers before the inspector edits it: the usual
    /// deadline and one correction per finding, in the document's words.
    pub fn notice_defaults(&self, inspection_id: &str) -> Result<NoticeDefaults> {
        self.finished_inspection(inspection_id)?;
        let findings: Vec<String> =
            self.store().findings(inspection_id)?.into_iter().map(|(_, text, _)| text).collect();
        Ok(NoticeDefaults {
            deadline: today() + chrono::Duration::days(document_rules::NOTICE_TERM_DAYS),
            corrections: document_rules::proposed_corrections(&findings),
        })
    }

    /// A seal or seizure starting today for the longest period the law allows, the goods kept where the
    /// enterprise produces.
    pub fn measure_defaults(&self, inspection_id: &str) -> Result<MeasureDefaults> {
        let (enterprise_id, _) = self.finished_inspection(inspection_id)?;
        self.measure_defaults_at(&enterprise_id, vec![])
    }

    /// A seal of the failing batch: the sampled product on the list, with the nonconforming quantity when known.
    pub fn measure_defaults_for_sample(&self, sample_id: &str) -> Result<MeasureDefaults> {
        let s = self.failed_sample(sample_id)?;
        let quantity = s.result.as_ref().and_then(|r| r.nonconforming_quantity).unwrap_or(0) as f64;
        let goods = vec![GoodsRow {
            name: s.input.product_name.clone(),
            spec: s.input.spec_model.clone(),
            batch: s.input.batch_or_date.clone(),
            quantity,
            unit: "只".into(),
            note: String::new(),
        }];
        self.measure_defaults_at(&s.input.enterprise_id, goods)
    }

    /// A failed sample (a seal may follow one); any other is refused.
    fn failed_sample(&self, sample_id: &str) -> Result<crate::SampleDto> {
        let s = self.sample(sample_id)?;
        match &s.result {
            Some(r) if r.verdict == maskcheck_domain::casework::LabVerdict::Fail => Ok(s),
            _ => Err(AppError::new(ErrorCode::Validation, "只有检验不合格的样品才能据以查封、扣押").about(sample_id)),
        }
    }

    fn measure_defaults_at(&self, enterprise_id: &str, goods: Vec<GoodsRow>) -> Result<MeasureDefaults> {
        let enterprise_id = enterprise_id.to_string();
        let e = self
            .store()
            .enterprise(&enterprise_id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Enterprise, id: enterprise_id.clone() })?;
        let from = today();
        Ok(MeasureDefaults {
            from,
            until: document_rules::last_day_of_measure(from),
            goods_place: e.data.address().unwrap_or_default().to_string(),
            goods,
        })
    }

    /// The pages the request would print, without issuing anything.
    pub fn preview_document(&self, req: &IssueRequest) -> Result<DocPreviewDto> {
        let on = today();
        let kind = kind_of(req);
        let year = chrono::Datelike::year(&on);
        // The device id is read first: the store's lock is held for the whole statement that peeks.
        let device = self.device_id()?;
        let serial = self.store().peek_serial(kind, year, &device)?;
        let number = format_number(&self.profile()?.unit_abbr, kind, year, &serial);
        let (content, _, _) = self.content(req, &number, on)?;
        let model = maskcheck_docs::build_model(&content);
        let laid = maskcheck_docs::lay_out(&model);
        let fallback = matches!(serial, maskcheck_domain::document::Serial::Fallback { .. });
        Ok(preview_of(model.title, number, fallback, &laid))
    }

    /// Issues a document: allocates its number, renders the PDF, stores the PDF under `documents/` and the frozen
    /// record with the PDF's SHA-256 — all or nothing, in one durable transaction.
    pub fn issue_document(&self, req: &IssueRequest) -> Result<IssuedDto> {
        self.issue(req, None)
    }

    /// Corrects an issued document (更正): the corrected one is issued from `req` pointing at it, and the old one
    /// is revoked with `reason`, in one transaction; the old stays on file, marked. Extensions and releases are
    /// revoked and decided anew instead (each is counted once against its decision).
    pub fn amend_document(&self, id: &str, reason: &str, req: &IssueRequest) -> Result<IssuedDto> {
        let old = self.document(id)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::field(FieldError::new(Field::Reason, Rule::Required, "")));
        }
        if old.state == DocState::Revoked || !old.kind.amendable() || kind_of(req) != old.kind {
            return Err(AppError::new(ErrorCode::Validation, format!("{} 不能更正", old.number)).about(id));
        }
        self.issue(req, Some((id, reason)))
    }

    /// What a correction of a document is issued from: its kind and the record it was issued for.
    pub fn document_source(&self, id: &str) -> Result<DocSourceDto> {
        let r = self
            .store()
            .document(id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: id.into() })?;
        let content: DocContent = serde_json::from_str(&r.content).map_err(json_err)?;
        let sample_id = match &content.body {
            DocBody::SamplingRecord(s) => s.sample_id.clone(),
            DocBody::CoerciveMeasure(m) => m.sample_id.clone(),
            DocBody::ExportNotice(n) => Some(n.sample_id.clone()),
            _ => None,
        };
        Ok(DocSourceDto { kind: r.kind, amendable: r.kind.amendable(), inspection_id: r.inspection_id, sample_id })
    }

    fn issue(&self, req: &IssueRequest, amends: Option<(&str, &str)>) -> Result<IssuedDto> {
        let device = self.device_id()?;
        let profile = self.profile()?;
        let on = today();
        let kind = kind_of(req);
        // Built (and validated) before the transaction, so a refused request allocates no serial; the number is
        // the only thing the transaction adds.
        let (mut content, enterprise_id, inspection_id) = self.content(req, PREVIEW_NUMBER, on)?;
        // A sample has one sampling record while it stands: printing it again opens it, a correction revokes it.
        if let IssueRequest::SamplingRecord { sample_id, .. } = req {
            if let Some(held) = self
                .sampling_record_of(sample_id, &enterprise_id)?
                .filter(|h| Some(h.id.as_str()) != amends.map(|a| a.0))
            {
                return Err(AppError::new(
                    ErrorCode::Validation,
                    format!("该样品已签发抽样记录 {}；如需更正请先撤销该记录", held.number),
                )
                .about(held.id));
            }
        }
        let rectification = match req {
            IssueRequest::RectificationNotice { deadline, .. } => match &content.body {
                DocBody::RectificationNotice(n) => Some((deadline.unwrap_or(on), n.corrections.clone())),
                _ => None,
            },
            _ => None,
        };
        let dir = self.data_dir().join("documents");
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io(&dir, e))?;
        let unix = chrono::Utc::now().timestamp();
        let (id, rendered, sha) = self.store().write_durable(|tx| {
            let year = chrono::Datelike::year(&on);
            let serial = tx.allocate_serial(kind, year, &device)?;
            content.number = format_number(&profile.unit_abbr, kind, year, &serial);
            let rendered =
                maskcheck_docs::render(&content, unix).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
            let sha = sha256_hex(&rendered.pdf);
            let meta = new_meta(tx, &device)?;
            let path = dir.join(format!("{}.pdf", meta.id));
            // The file is in place before the record commits; a failed commit leaves only an unreferenced file.
            self.vault().write(&path, &rendered.pdf).map_err(|e| AppError::io(&path, e))?;
            tx.insert_document(&DocumentRecord {
                meta: meta.clone(),
                kind,
                number: content.number.clone(),
                enterprise_id: enterprise_id.clone(),
                inspection_id: inspection_id.clone(),
                content: serde_json::to_string(&content).map_err(json_err)?,
                pdf_sha256: sha.clone(),
                pdf_size: Some(rendered.pdf.len() as u64),
                pages: rendered.pages as u32,
                amends_id: amends.map(|(old, _)| old.to_string()),
                issued_at: meta.created_at.clone(),
            })?;
            if let Some((old, reason)) = amends {
                let rmeta = new_meta(tx, &device)?;
                tx.revoke_document(&rmeta, old, &format!("已由{}更正：{reason}", content.number))?;
            }
            if let Some((deadline, corrections)) = &rectification {
                let rmeta = new_meta(tx, &device)?;
                tx.insert_rectification(&RectificationRecord {
                    meta: rmeta,
                    document_id: meta.id.clone(),
                    enterprise_id: enterprise_id.clone(),
                    deadline: deadline.to_string(),
                    corrections: serde_json::to_string(corrections).map_err(json_err)?,
                    open: true,
                })?;
            }
            Ok::<_, AppError>((meta.id, rendered, sha))
        })?;
        Ok(IssuedDto {
            document: self.document(&id)?,
            pages: rendered.pages as u32,
            bytes: rendered.pdf.len() as u32,
            pdf_sha256: sha,
            missing: rendered.missing.iter().map(|c| c.to_string()).collect(),
        })
    }

    /// Number blocks this device may draw serials from (assigned by the bureau; delivered by bundles later).
    pub fn number_blocks(&self) -> Result<Vec<NumberBlock>> {
        Ok(self.store().number_blocks()?)
    }

    pub fn add_number_block(&self, block: NumberBlock) -> Result<Vec<NumberBlock>> {
        let device = self.device_id()?;
        if block.first == 0 || block.last < block.first || !(2000..=2100).contains(&block.year) {
            return Err(AppError::field(FieldError::new(
                Field::NumberBlock,
                Rule::DateOrder,
                format!("{}–{}", block.first, block.last),
            )));
        }
        self.store().write(|tx| {
            let mut all = tx.number_blocks()?;
            all.push(block);
            if blocks_overlap(&all) {
                return Err(AppError::field(FieldError::new(
                    Field::NumberBlock,
                    Rule::Overlap,
                    format!("{}年 {}–{}", block.year, block.first, block.last),
                )));
            }
            let meta = new_meta(tx, &device)?;
            tx.insert_number_block(&meta, &block)?;
            Ok::<_, AppError>(())
        })?;
        self.number_blocks()
    }

    /// A file of the issued PDF the system's viewer can open, after checking it against its hash: the stored file
    /// in a plain directory; in an encrypted one, a decrypted copy in the user's runtime directory (memory-backed
    /// `XDG_RUNTIME_DIR` where there is one), owner-only, never in the data directory.
    pub fn document_viewable(&self, id: &str) -> Result<PathBuf> {
        let bytes = self.document_pdf(id)?;
        if !self.vault().is_sealed() {
            return Ok(self.pdf_path(id));
        }
        let dir = view_dir();
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io(&dir, e))?;
        let path = dir.join(format!("{id}.pdf"));
        crate::device::write_secret(&path, &bytes).map_err(|e| AppError::io(&path, e))?;
        Ok(path)
    }

    pub fn pdf_path(&self, document_id: &str) -> PathBuf {
        self.data_dir().join("documents").join(format!("{document_id}.pdf"))
    }

    /// The stored PDF of an issued document, checked against the SHA-256 recorded when it was issued.
    pub fn document_pdf(&self, id: &str) -> Result<Vec<u8>> {
        let d = self
            .store()
            .document(id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: id.into() })?;
        let path = self.pdf_path(id);
        // At most the size recorded at issue (a cap for documents issued before sizes were recorded).
        let max = d.pdf_size.unwrap_or(MAX_PDF_BYTES);
        // A sealed file is its content plus age's header and 16 bytes a 64 KiB chunk.
        let sealed_max = if self.vault().is_sealed() { max + max / 4096 + 4096 } else { max };
        let raw = read_stored_file(&path, sealed_max)?;
        let bytes = self.vault().unseal(raw).map_err(|e| AppError::io(&path, e))?;
        let sha = sha256_hex(&bytes);
        if sha != d.pdf_sha256 {
            return Err(AppError::new(
                ErrorCode::Storage,
                format!("{} 与签发时的 SHA-256 不符，文件已被改动", path.display()),
            ));
        }
        Ok(bytes)
    }

    /// Copies the issued PDF to `dest` (保存为 PDF).
    /// Written to a file beside `dest` and renamed, so an interrupted save never leaves half a PDF under the name.
    pub fn save_document_pdf(&self, id: &str, dest: &Path) -> Result<()> {
        let bytes = self.document_pdf(id)?;
        maskcheck_sheets::export::write_file(dest, &bytes).map_err(|e| AppError::io(dest, e))
    }

    pub fn document(&self, id: &str) -> Result<DocumentDto> {
        let d = self
            .store()
            .document(id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: id.into() })?;
        let f = DocumentFilter {
            inspection_id: d.inspection_id.as_deref(),
            enterprise_id: Some(&d.enterprise_id),
            ..Default::default()
        };
        self.documents(&f)?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: id.into() }.into())
    }

    pub fn documents(&self, f: &DocumentFilter<'_>) -> Result<Vec<DocumentDto>> {
        self.documents_in(f, None)
    }

    /// The 文书 page: every document of this device, by kind, enterprise and where it stands.
    pub fn documents_in(&self, f: &DocumentFilter<'_>, state: Option<DocState>) -> Result<Vec<DocumentDto>> {
        let rows = self.store().documents(f)?;
        Ok(rows
            .into_iter()
            .map(|r| DocumentDto {
                state: doc_state(r.kind, r.revoked.is_some(), r.served_at.is_some()),
                needs_service: r.kind.needs_service(),
                amendable: r.kind.amendable() && r.revoked.is_none(),
                pdf_path: self.pdf_path(&r.id).display().to_string(),
                id: r.id,
                kind: r.kind,
                title: r.kind.title_zh().into(),
                number: r.number,
                enterprise_id: r.enterprise_id,
                enterprise_name: r.enterprise_name,
                inspection_id: r.inspection_id,
                issued_at: r.issued_at,
                revoked: r.revoked,
                served_at: r.served_at.as_deref().map(zh_time),
                amends_id: r.amends_id,
            })
            .filter(|d| state.is_none_or(|s| d.state == s))
            .collect())
    }

    /// The sampling record in force for a sample (not revoked), if one was issued.
    pub fn sampling_record_of(&self, sample_id: &str, enterprise_id: &str) -> Result<Option<DocumentDto>> {
        let f = DocumentFilter {
            kind: Some(DocKind::SamplingRecord),
            enterprise_id: Some(enterprise_id),
            ..Default::default()
        };
        for d in self.documents_in(&f, None)?.into_iter().filter(|d| d.state != DocState::Revoked) {
            let Some(record) = self.store().document(&d.id)? else { continue };
            let content: DocContent = serde_json::from_str(&record.content).map_err(json_err)?;
            if matches!(&content.body, DocBody::SamplingRecord(s) if s.sample_id.as_deref() == Some(sample_id)) {
                return Ok(Some(d));
            }
        }
        Ok(None)
    }

    /// Revokes an issued document (撤销): the document stays, marked, with the reason; its rectification no
    /// longer counts.
    pub fn revoke_document(&self, id: &str, reason: &str) -> Result<DocumentDto> {
        let device = self.device_id()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::field(FieldError::new(Field::Reason, Rule::Required, "")));
        }
        self.store().write(|tx| {
            tx.document(id)?.ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: id.into() })?;
            let meta = new_meta(tx, &device)?;
            tx.revoke_document(&meta, id, reason)?;
            Ok::<_, AppError>(())
        })?;
        self.document(id)
    }

    /// Records how and when a document was served (送达), with a photo of the signed paper if given.
    pub fn record_service(&self, input: &ServiceInput) -> Result<DocumentDto> {
        let device = self.device_id()?;
        let facts = document_rules::ServiceFacts {
            method: input.method,
            recipient: &input.recipient,
            refusal: input.refusal.as_deref(),
            witness: input.witness.as_deref(),
            consented: input.consented,
            photo: input.scan_path.as_deref().is_some_and(|p| !p.is_empty()),
        };
        let (recipient, refusal, witness, mut errors) = match document_rules::validate_service(&facts) {
            Ok((r, refusal, witness)) => (r, refusal, witness, Vec::new()),
            Err(e) => (String::new(), None, None, e.0),
        };
        let served_at = match input.served_at.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => now_text(),
            Some(t) => match chrono::DateTime::parse_from_rfc3339(t) {
                Ok(at) => at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false),
                Err(_) => {
                    errors.push(FieldError::new(Field::ServedAt, Rule::DateFormat, t));
                    String::new()
                }
            },
        };
        if !errors.is_empty() {
            return Err(ValidationErrors(errors).into());
        }
        let scan = match input.scan_path.as_deref().filter(|p| !p.is_empty()) {
            Some(p) => Some(self.store_attachment_file(Path::new(p))?),
            None => None,
        };
        self.store().write(|tx| {
            tx.document(&input.document_id)?
                .ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: input.document_id.clone() })?;
            if let Some(a) = &scan {
                tx.upsert_attachment(a, &now_text())?;
            }
            let meta = new_meta(tx, &device)?;
            tx.insert_service(&ServiceRecord {
                meta,
                document_id: input.document_id.clone(),
                served_at,
                method: input.method.zh().to_string(),
                recipient: recipient.clone(),
                scan_hash: scan.as_ref().map(|a| a.hash.clone()),
                refusal: refusal.clone(),
                witness: witness.clone(),
                consented: input.consented,
            })?;
            Ok::<_, AppError>(())
        })?;
        self.document(&input.document_id)
    }
}

/// The fact a seal after a failed sample states: the product and batch, the lab and its report, what failed
/// against which standard; each part only when it is known.
fn failed_sample_fact(s: &crate::SampleDto) -> String {
    let i = &s.input;
    let mut product = i.product_name.trim().to_string();
    let details: Vec<String> = [("规格型号", &i.spec_model), ("生产日期或批号", &i.batch_or_date)]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}：{}", v.trim()))
        .collect();
    if !details.is_empty() {
        product.push_str(&format!("（{}）", details.join("，")));
    }
    let Some(r) = &s.result else { return product };
    let by = match (r.lab.trim(), r.report_number.trim()) {
        ("", "") => String::new(),
        (lab, "") => format!("经{lab}检验，"),
        ("", report) => format!("经检验（检验报告编号：{report}），"),
        (lab, report) => format!("经{lab}检验（检验报告编号：{report}），"),
    };
    let standard = if i.standard.trim().is_empty() { "标准".to_string() } else { i.standard.trim().to_string() };
    let items = maskcheck_domain::casework::failing_items_text(r);
    format!("{}本局在你单位抽取的{product}，{by}{items}项目不符合{standard}的要求。", zh_date(i.sampled_on))
}

fn kind_of(req: &IssueRequest) -> DocKind {
    match req {
        IssueRequest::InspectionRecord { .. } => DocKind::InspectionRecord,
        IssueRequest::RectificationNotice { .. } => DocKind::RectificationNotice,
        IssueRequest::CoerciveMeasure { .. } => DocKind::CoerciveMeasure,
        IssueRequest::MeasureExtension { .. } => DocKind::MeasureExtension,
        IssueRequest::MeasureRelease { .. } => DocKind::MeasureRelease,
        IssueRequest::SamplingRecord { .. } => DocKind::SamplingRecord,
        IssueRequest::ServiceProof { .. } => DocKind::ServiceProof,
        IssueRequest::ExportNotice { .. } => DocKind::ExportNotice,
    }
}

fn preview_of(title: String, number: String, fallback: bool, laid: &Laid) -> DocPreviewDto {
    DocPreviewDto {
        title,
        number,
        fallback,
        pages: laid
            .pages
            .iter()
            .map(|p| PreviewPage {
                texts: p
                    .texts
                    .iter()
                    .map(|t| PreviewText {
                        x: t.x,
                        y: t.y,
                        size: t.size,
                        bold: t.weight == maskcheck_docs::fonts::Weight::Bold,
                        text: t.text.clone(),
                    })
                    .collect(),
                rules: p
                    .rules
                    .iter()
                    .map(|r| PreviewRule { x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2, dashed: r.dashed })
                    .collect(),
            })
            .collect(),
        missing: laid.missing.iter().map(|c| c.to_string()).collect(),
    }
}

/// An issued document is a few hundred KB; 64 MB is far past any real one (the cap when no size was recorded).
const MAX_PDF_BYTES: u64 = 64 << 20;

/// Where decrypted copies of issued PDFs are put for the system's viewer; emptied when the `App` that wrote them
/// closes (a lock, the window's end), so they outlive the viewing only as long as the session.
pub(crate) fn view_dir() -> PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
    base.join(format!("maskcheck-view-{}", std::process::id()))
}

/// Reads a file of the data directory's own store, trusting nothing about it: a symlink (to `/dev/zero`, say) or
/// any other non-regular file is refused before it is opened, and at most `max` bytes are read.
pub(crate) fn read_stored_file(path: &Path, max: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path).map_err(|e| AppError::io(path, e))?;
    if !meta.file_type().is_file() {
        return Err(AppError::new(
            ErrorCode::Storage,
            format!("{} 不是普通文件（可能被替换为链接或设备），拒绝读取", path.display()),
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| AppError::io(path, e))?;
    if bytes.len() as u64 > max {
        return Err(AppError::new(
            ErrorCode::Storage,
            format!("{} 超过 {} MB，不是本程序签发的文书", path.display(), max >> 20),
        ));
    }
    Ok(bytes)
}

/// The provisions stored with a finished finding: `{duty, order, penalty}`, or (findings frozen before the three
/// were separated) a list of keys, read as duties without an order power.
pub(crate) fn stored_law(json: &str) -> Result<FindingLaw> {
    if let Ok(law) = serde_json::from_str::<FindingLaw>(json) {
        return Ok(law);
    }
    let keys: Vec<String> = serde_json::from_str(json).map_err(json_err)?;
    Ok(FindingLaw { duty: keys, order: None, penalty: Vec::new() })
}
