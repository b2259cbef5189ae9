//! On-site inspections: start from a template with the roster's licences and products, autosave the draft (the
//! findings are re-proposed on every save), finish (freeze) once two inspectors and every finding are confirmed.

use chrono::NaiveDate;
use maskcheck_domain::checklist::{ChecklistTemplate, LegalBasis};
use maskcheck_domain::inspection::{
    propose_findings, reconcile, validate_for_finish, Finding, InspectionDraft, Inspector, LabelCheck, LicenceCheck,
};
use maskcheck_domain::standards::required_elements;
use maskcheck_domain::Entity;
use maskcheck_domain::LicenceKind;
use maskcheck_store::{InspectionRecord, StoreError};
use serde::Serialize;
use ts_rs::TS;

use crate::roster::new_meta;
use crate::{now_ms, now_text, today, App, AppError, ErrorCode, PhotoDto, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateSummary {
    pub key: String,
    pub version: u32,
    pub title: String,
    pub medical: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InspectionDto {
    pub id: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub enterprise_uscc: String,
    pub template: ChecklistTemplate,
    pub finished: bool,
    pub draft: InspectionDraft,
    pub created_at: String,
    pub updated_at: String,
    pub finished_at: Option<String>,
    pub amends_id: Option<String>,
    pub photos: Vec<PhotoDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InspectionRowDto {
    pub id: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub template_key: String,
    pub finished: bool,
    pub created_at: String,
    pub finished_at: Option<String>,
    pub findings: u32,
}

fn to_json(d: &InspectionDraft) -> Result<String> {
    serde_json::to_string(d).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))
}

fn from_json(s: &str) -> Result<InspectionDraft> {
    serde_json::from_str(s).map_err(|e| AppError::new(ErrorCode::Storage, format!("检查记录无法读取：{e}")))
}

/// The legal day of the inspection: its start date, else today.
fn inspection_date(d: &InspectionDraft) -> NaiveDate {
    d.started_at.as_deref().and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()).unwrap_or_else(today)
}

impl App {
    pub fn inspection_templates(&self) -> Result<Vec<TemplateSummary>> {
        Ok(self
            .current_templates()?
            .into_iter()
            .map(|(t, _)| TemplateSummary { key: t.key, version: t.version, title: t.title, medical: t.medical })
            .collect())
    }

    /// The catalogue in use (a bureau's edited copy when there is one): the one the window shows is the one the
    /// documents print.
    pub fn legal_catalogue(&self) -> Result<Vec<LegalBasis>> {
        Ok(self.catalogue()?.entries)
    }

    /// Starts a draft inspection of an enterprise: the profile's inspector first, the roster's live licences and
    /// products listed as compliant until the inspector marks what is not.
    pub fn start_inspection(
        &self,
        enterprise_id: &str,
        template_key: &str,
        amends: Option<&str>,
    ) -> Result<InspectionDto> {
        let t = self.template(template_key, None)?;
        let device = self.device_id()?;
        let (enterprise, licences, products, profile) = {
            let s = self.store();
            let e = s
                .enterprise(enterprise_id)?
                .ok_or_else(|| StoreError::NotFound { entity: Entity::Enterprise, id: enterprise_id.into() })?;
            (e, s.licences(enterprise_id)?, s.products(enterprise_id)?, s.profile()?)
        };
        let draft = InspectionDraft {
            place: enterprise.data.address().unwrap_or_default().to_string(),
            started_at: Some(chrono::Local::now().format("%Y-%m-%dT%H:%M").to_string()),
            inspectors: vec![
                profile
                    .map(|p| Inspector { name: p.input.inspector_name, cert_no: p.input.cert_no })
                    .unwrap_or(Inspector { name: String::new(), cert_no: String::new() }),
                Inspector { name: String::new(), cert_no: String::new() },
            ],
            licences: licences
                .iter()
                .filter(|l| l.void.is_none())
                .map(|l| LicenceCheck {
                    licence_id: l.meta.id.clone(),
                    kind: l.data.kind,
                    number: l.data.number.clone(),
                    valid_until: l.data.valid_until,
                    sighted: true,
                    scope_mismatch: false,
                    holder_mismatch: false,
                    note: None,
                    expired: false,
                })
                .collect(),
            labels: products
                .iter()
                .filter(|p| p.void.is_none())
                .map(|p| LabelCheck {
                    id: p.meta.id.clone(),
                    product_name: p.data.name.clone(),
                    category: p.data.category,
                    standard: p.data.standard.clone(),
                    grade: p.data.grade.clone(),
                    registration_cert_no: p.data.registration_cert_no.clone(),
                    present: required_elements(p.data.category, p.data.standard.as_deref()),
                    note: None,
                })
                .collect(),
            ..Default::default()
        };
        let draft = self.with_findings(&t, draft, enterprise_id)?;
        let json = to_json(&draft)?;
        let id = self.store().write(|tx| {
            let meta = new_meta(tx, &device)?;
            let id = meta.id.clone();
            tx.insert_inspection(&InspectionRecord {
                meta,
                enterprise_id: enterprise_id.into(),
                template_key: t.key.clone(),
                template_version: t.version,
                finished: false,
                draft: json,
                amends_id: amends.map(Into::into),
                finished_at: None,
            })?;
            Ok::<_, AppError>(id)
        })?;
        self.inspection(&id)
    }

    /// Re-proposes findings from the rules, keeping the inspector's edits, confirmations and own findings.
    fn with_findings(
        &self,
        t: &ChecklistTemplate,
        mut draft: InspectionDraft,
        enterprise_id: &str,
    ) -> Result<InspectionDraft> {
        let registrations: Vec<String> = {
            let s = self.store();
            let mut v: Vec<String> = s
                .licences(enterprise_id)?
                .into_iter()
                .filter(|l| l.void.is_none() && l.data.kind == LicenceKind::DeviceRegistration)
                .map(|l| l.data.number)
                .collect();
            v.extend(s.products(enterprise_id)?.into_iter().filter_map(|p| p.data.registration_cert_no));
            v
        };
        let on = inspection_date(&draft);
        maskcheck_domain::inspection::mark_expired(&mut draft, on);
        let proposed = propose_findings(t, &draft, on, &registrations);
        draft.findings = reconcile(&draft.findings, proposed);
        Ok(draft)
    }

    pub fn inspection(&self, id: &str) -> Result<InspectionDto> {
        let (r, enterprise) = {
            let s = self.store();
            let r =
                s.inspection(id)?.ok_or_else(|| StoreError::NotFound { entity: Entity::Inspection, id: id.into() })?;
            let e = s.enterprise(&r.enterprise_id)?;
            (r, e)
        };
        let photos = self.photos(id)?;
        Ok(InspectionDto {
            id: r.meta.id,
            enterprise_id: r.enterprise_id,
            enterprise_name: enterprise.as_ref().map(|e| e.data.name.clone()).unwrap_or_default(),
            enterprise_uscc: enterprise.map(|e| e.data.uscc).unwrap_or_default(),
            template: self.template(&r.template_key, Some(r.template_version))?,
            finished: r.finished,
            draft: from_json(&r.draft)?,
            created_at: r.meta.created_at,
            updated_at: r.meta.updated_at,
            finished_at: r.finished_at,
            amends_id: r.amends_id,
            photos,
        })
    }

    /// Autosave: stores the draft as typed, with findings re-proposed, and returns it (without the photos, which
    /// a keystroke does not change). Refused once finished.
    pub fn save_inspection(&self, id: &str, draft: InspectionDraft) -> Result<InspectionDraft> {
        let device = self.device_id()?;
        let r = self
            .store()
            .inspection(id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Inspection, id: id.into() })?;
        if r.finished {
            return Err(StoreError::Frozen(maskcheck_store::Frozen::Inspection).into());
        }
        let t = self.template(&r.template_key, Some(r.template_version))?;
        let draft = self.with_findings(&t, draft, &r.enterprise_id)?;
        let json = to_json(&draft)?;
        self.store().write(|tx| {
            let version = tx.next_version(&device, now_ms())?;
            tx.save_draft(id, &version, &now_text(), &json)?;
            Ok::<_, AppError>(())
        })?;
        Ok(draft)
    }

    /// Voids a draft started by mistake, with the reason: it leaves every list and can no longer be edited, but it
    /// is never deleted. A finished inspection is frozen (an amending inspection corrects it).
    pub fn void_inspection(&self, id: &str, reason: &str) -> Result<()> {
        let reason = crate::roster::void_reason(reason)?;
        let device = self.device_id()?;
        self.store().write(|tx| {
            let version = tx.next_version(&device, now_ms())?;
            tx.void_draft(id, &version, &now_text(), &reason)?;
            Ok::<_, AppError>(())
        })
    }

    /// Finishes (freezes) an inspection: two inspectors with certificate numbers, the place, the representative,
    /// and every finding confirmed; the findings are written as records for the documents to print.
    pub fn finish_inspection(&self, id: &str) -> Result<InspectionDto> {
        let device = self.device_id()?;
        let current = self.inspection(id)?;
        if current.finished {
            return Err(StoreError::Frozen(maskcheck_store::Frozen::Inspection).into());
        }
        let mut draft = self.with_findings(&current.template, current.draft, &current.enterprise_id)?;
        if draft.ended_at.as_deref().is_none_or(str::is_empty) {
            draft.ended_at = Some(chrono::Local::now().format("%Y-%m-%dT%H:%M").to_string());
        }
        validate_for_finish(&draft)?;
        let json = to_json(&draft)?;
        let findings: Vec<Finding> = draft.findings.clone();
        self.store().write(|tx| {
            let version = tx.next_version(&device, now_ms())?;
            let mut rows = Vec::new();
            for f in &findings {
                let basis =
                    serde_json::to_string(&f.law).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
                rows.push((new_meta(tx, &device)?, f.key.clone(), f.text.clone(), basis));
            }
            tx.finish_inspection(id, &version, &now_text(), &json, &rows)?;
            Ok::<_, AppError>(())
        })?;
        self.inspection(id)
    }

    pub fn list_inspections(&self, enterprise_id: Option<&str>, drafts_only: bool) -> Result<Vec<InspectionRowDto>> {
        Ok(self
            .store()
            .inspections(enterprise_id, drafts_only)?
            .into_iter()
            .map(|r| InspectionRowDto {
                id: r.id,
                enterprise_id: r.enterprise_id,
                enterprise_name: r.enterprise_name,
                template_key: r.template_key,
                finished: r.finished,
                created_at: r.created_at,
                finished_at: r.finished_at,
                findings: r.findings,
            })
            .collect())
    }
}
