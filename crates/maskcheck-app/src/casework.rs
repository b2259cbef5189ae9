//! Samples (抽样 and their lab results, appendix 5) and cases (案件, appendix 4).

use maskcheck_domain::casework::{
    failing_items_text, validate_case, validate_sample, validate_sample_result, CaseInput, SampleInput,
    SampleResultInput,
};
use maskcheck_domain::inspection::Inspector;
use maskcheck_domain::lab_items::{StandardSummary, TestItem};
use maskcheck_domain::Entity;
use maskcheck_store::{JsonRecord, StoreError};
use serde::Serialize;
use ts_rs::TS;

use crate::roster::new_meta;
use maskcheck_domain::failed_chain::{market_columns, post_measures_text, validate_chain};
use maskcheck_domain::publicity::{publicity_due, PublicityDue};
use maskcheck_domain::workdays::WorkCalendar;

use crate::{now_ms, now_text, today, App, AppError, ErrorCode, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleDto {
    pub id: String,
    pub enterprise_name: String,
    pub input: SampleInput,
    pub result: Option<SampleResultInput>,
    /// The sampling record issued for it and in force.
    pub record: Option<crate::DocumentDto>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseDto {
    pub id: String,
    pub enterprise_name: Option<String>,
    pub input: CaseInput,
    /// The penalty's publicity deadline (twenty working days), when it must be published.
    pub publicity: Option<PublicityDue>,
    /// The device that opened it (a bureau counts it to that device's unit).
    pub origin: String,
    pub created_at: String,
    pub updated_at: String,
}

fn to_json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))
}

fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| AppError::new(ErrorCode::Storage, format!("记录无法读取：{e}")))
}

impl App {
    pub(crate) fn sample_dto(&self, r: JsonRecord) -> Result<SampleDto> {
        let input: SampleInput = from_json(&r.input)?;
        let enterprise_name = self.store().enterprise(&input.enterprise_id)?.map(|e| e.data.name).unwrap_or_default();
        let record = self.sampling_record_of(&r.meta.id, &input.enterprise_id)?;
        Ok(SampleDto {
            id: r.meta.id,
            enterprise_name,
            record,
            input,
            result: r.result.as_deref().map(from_json).transpose()?,
            created_at: r.meta.created_at,
        })
    }

    /// A new sampling's form as the app fills it: today and now in this computer's time zone, the profile's
    /// inspector as first sampler, the enterprise as maker (a maker) and its production address as the place.
    /// Everything else is for the inspector to type.
    pub fn sample_defaults(&self, enterprise_id: &str, inspection_id: Option<&str>) -> Result<SampleInput> {
        let (e, profile) = {
            let s = self.store();
            let e = s
                .enterprise(enterprise_id)?
                .ok_or_else(|| StoreError::NotFound { entity: Entity::Enterprise, id: enterprise_id.into() })?;
            (e, s.profile()?)
        };
        let now = chrono::Local::now();
        let first = profile.map(|p| Inspector { name: p.input.inspector_name, cert_no: p.input.cert_no });
        let blank = || Inspector { name: String::new(), cert_no: String::new() };
        let maker = e.data.kind == maskcheck_domain::EnterpriseKind::Maker;
        Ok(SampleInput {
            enterprise_id: enterprise_id.into(),
            inspection_id: inspection_id.map(Into::into),
            product_name: String::new(),
            trademark: String::new(),
            spec_model: String::new(),
            batch_or_date: String::new(),
            manufacturer: if maker { e.data.name.clone() } else { String::new() },
            quantity: String::new(),
            base_quantity: String::new(),
            test_samples: String::new(),
            reserve_samples: String::new(),
            place: e.data.address().unwrap_or_default().to_string(),
            sampled_on: now.date_naive(),
            sampled_time: chrono::NaiveTime::from_hms_opt(
                chrono::Timelike::hour(&now),
                chrono::Timelike::minute(&now),
                0,
            ),
            seal_numbers: String::new(),
            basis: String::new(),
            testing_body: String::new(),
            samplers: vec![first.unwrap_or_else(blank), blank()],
            standard: String::new(),
            grade: String::new(),
        })
    }

    pub fn create_sample(&self, input: &SampleInput) -> Result<SampleDto> {
        let device = self.device_id()?;
        validate_sample(input, today())?;
        let json = to_json(input)?;
        let id = self.store().write(|tx| {
            tx.enterprise(&input.enterprise_id)?
                .ok_or_else(|| StoreError::NotFound { entity: Entity::Enterprise, id: input.enterprise_id.clone() })?;
            let meta = new_meta(tx, &device)?;
            tx.insert_sample(&JsonRecord {
                meta: meta.clone(),
                enterprise_id: Some(input.enterprise_id.clone()),
                input: json.clone(),
                result: None,
            })?;
            Ok::<_, AppError>(meta.id)
        })?;
        self.sample(&id)
    }

    pub fn sample(&self, id: &str) -> Result<SampleDto> {
        let r =
            self.store().sample(id)?.ok_or_else(|| StoreError::NotFound { entity: Entity::Sample, id: id.into() })?;
        self.sample_dto(r)
    }

    pub fn samples(&self, enterprise_id: Option<&str>) -> Result<Vec<SampleDto>> {
        let rows = self.store().samples(enterprise_id)?;
        rows.into_iter().map(|r| self.sample_dto(r)).collect()
    }

    /// Records (or corrects) the lab result of a sample.
    pub fn record_sample_result(&self, id: &str, result: &SampleResultInput) -> Result<SampleDto> {
        let device = self.device_id()?;
        validate_sample_result(result)?;
        let sample = self.sample(id)?;
        let chain = validate_chain(&result.chain, sample.input.sampled_on, today())?;
        // Appendix 5 prints the names of the items picked from the standard's list, and fills its market and
        // post-processing columns from the chain once the trail is known.
        let (reached_market, market_direction) = if chain.trail.is_empty() && !chain.none_sold {
            (result.reached_market, result.market_direction.clone())
        } else {
            market_columns(&chain)
        };
        let post_measures = match result.post_measures.trim() {
            "" => post_measures_text(&chain),
            typed => typed.to_string(),
        };
        let result = SampleResultInput {
            failing_items: failing_items_text(result),
            reached_market,
            market_direction,
            post_measures,
            chain,
            ..result.clone()
        };
        let json = to_json(&result)?;
        self.store().write(|tx| {
            let version = tx.next_version(&device, now_ms())?;
            tx.set_sample_result(id, &version, &now_text(), &json)?;
            Ok::<_, AppError>(())
        })?;
        self.sample(id)
    }

    /// The mask standards whose test items the lab-result form can list.
    pub fn mask_standards(&self) -> Vec<StandardSummary> {
        maskcheck_domain::lab_items::standards()
    }

    /// A standard's test items, each with its limit for the grade where the shipped data has one.
    pub fn test_items(&self, standard: &str, grade: Option<&str>) -> Vec<TestItem> {
        maskcheck_domain::lab_items::test_items(standard, grade)
    }

    /// A new case's form, opened today in this computer's time zone.
    pub fn new_case(&self) -> CaseInput {
        maskcheck_domain::casework::new_case(today())
    }

    /// A case to open from a failed sample, its facts linked (the window shows it in the case form to complete).
    pub fn case_from_sample(&self, sample_id: &str) -> Result<CaseInput> {
        let s = self.sample(sample_id)?;
        let result = s
            .result
            .filter(|r| r.verdict == maskcheck_domain::casework::LabVerdict::Fail)
            .ok_or_else(|| AppError::new(ErrorCode::Validation, "样品未判定不合格，不能据此立案").about(sample_id))?;
        let case = maskcheck_domain::casework::case_from_failed_sample(&s.input, &result, &s.enterprise_name, today());
        // The sampling visit, when it was not part of the inspection, sent its samplers too.
        let sampling = if s.input.inspection_id.is_none() { s.input.samplers.len() } else { 0 };
        self.with_visits(self.with_masks_seized(case)?, None, sampling)
    }

    /// 出动执法人员（人次） and 检查经营者数 counted from the visits behind the case, not typed: each inspector of
    /// the inspection, of each re-inspection of the rectification and of a separate sampling visit is one 人次; the
    /// enterprise is the one operator checked.
    fn with_visits(&self, case: CaseInput, rectification_id: Option<&str>, extra: usize) -> Result<CaseInput> {
        let mut visits = extra;
        if let Some(iid) = &case.inspection_id {
            if let Ok(i) = self.inspection(iid) {
                visits += i.draft.inspectors.len();
            }
        }
        if let Some(rid) = rectification_id {
            for r in self.store().reinspections(rid)? {
                let input: maskcheck_domain::followup::ReinspectionInput = from_json(&r.input)?;
                visits += input.inspectors.len();
            }
        }
        Ok(CaseInput {
            inspectors_dispatched: u32::try_from(visits).unwrap_or(u32::MAX),
            operators_checked: u32::from(case.enterprise_id.is_some()),
            ..case
        })
    }

    /// 查获口罩 from the seals and seizures in force on the case's enterprise (released goods went back).
    fn with_masks_seized(&self, case: CaseInput) -> Result<CaseInput> {
        let Some(enterprise) = case.enterprise_id.clone() else { return Ok(case) };
        let goods: Vec<_> = self
            .measures(false)?
            .into_iter()
            .filter(|m| m.enterprise_id == enterprise && m.in_force())
            .flat_map(|m| m.goods)
            .collect();
        Ok(CaseInput { masks_seized_wan: maskcheck_domain::casework::masks_wan_in_lists(&goods), ..case })
    }

    /// A case to open when a re-inspection found the rectification incomplete (the rectification is still open).
    pub fn case_from_rectification(&self, rectification_id: &str) -> Result<CaseInput> {
        let f = self.followups(None, false)?.into_iter().find(|f| f.rectification_id == rectification_id).ok_or_else(
            || AppError::new(ErrorCode::Validation, "整改已完成或不存在，不能据此立案").about(rectification_id),
        )?;
        let notice = self.document(&f.document_id)?;
        let case = self.with_masks_seized(maskcheck_domain::casework::case_from_incomplete_rectification(
            &f.enterprise_id,
            &f.enterprise_name,
            notice.inspection_id.as_deref(),
            &f.number,
            today(),
        ))?;
        self.with_visits(case, Some(rectification_id), 0)
    }

    /// Creates a case, or updates it when `id` is given.
    pub fn save_case(&self, id: Option<&str>, input: &CaseInput) -> Result<CaseDto> {
        let device = self.device_id()?;
        validate_case(input, today())?;
        let json = to_json(input)?;
        let id = self.store().write(|tx| {
            let mut meta = new_meta(tx, &device)?;
            if let Some(id) = id {
                meta.id = id.to_string();
            }
            tx.upsert_case(&JsonRecord {
                meta: meta.clone(),
                enterprise_id: input.enterprise_id.clone(),
                input: json.clone(),
                result: None,
            })?;
            Ok::<_, AppError>(meta.id)
        })?;
        self.case(&id)
    }

    pub fn case(&self, id: &str) -> Result<CaseDto> {
        self.cases()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Case, id: id.into() }.into())
    }

    pub fn cases(&self) -> Result<Vec<CaseDto>> {
        let rows = self.store().cases()?;
        rows.into_iter()
            .map(|r| {
                let input: CaseInput = from_json(&r.input)?;
                let enterprise_name = match &input.enterprise_id {
                    Some(id) => self.store().enterprise(id)?.map(|e| e.data.name),
                    None => None,
                };
                Ok(CaseDto {
                    id: r.meta.id,
                    enterprise_name,
                    publicity: publicity_due(&input, WorkCalendar::shipped(), today()),
                    input,
                    origin: r.meta.origin,
                    created_at: r.meta.created_at,
                    updated_at: r.meta.updated_at,
                })
            })
            .collect()
    }
}
