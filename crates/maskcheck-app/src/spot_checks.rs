//! 双随机 planning on the bureau: draw enterprises from the roster and pair inspectors by the domain's published
//! procedure, preview, then keep the draw (with its candidates, so anyone can re-run it) and its checks, which
//! travel to the laptops of each enterprise's county in the bureau's bundles. The campaign board measures the plan
//! by the checks visited since they were drawn.

use maskcheck_domain::inspection::Inspector;
use maskcheck_domain::spot_check::{draw, Candidate, DrawCriteria, DrawSize, DrawnCheck};
use maskcheck_domain::Role;
use maskcheck_store::{SpotCheckRow, SpotDrawRecord};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::roster::new_meta;
use crate::{now_text, today, App, AppError, ErrorCode, Result};

/// What to draw. Without a seed, one is made from the clock and shown, so the draw can be re-run. The seed is text:
/// a 64-bit number does not fit a JavaScript number.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DrawRequest {
    pub title: String,
    pub seed: Option<String>,
    pub criteria: DrawCriteria,
    pub size: DrawSize,
    pub inspectors: Vec<Inspector>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DrawPreviewDto {
    /// The seed used, as text (a u64 does not fit a JavaScript number).
    pub seed: String,
    pub candidates: u32,
    pub checks: Vec<DrawnCheck>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpotCheckDto {
    pub position: u32,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub county: Option<String>,
    pub inspectors: Vec<Inspector>,
    pub visited_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpotPlanDto {
    pub plan_id: String,
    pub title: String,
    pub seed: String,
    pub drawn_on: String,
    pub checks: Vec<SpotCheckDto>,
    pub visited: u32,
    /// This device made the draw and holds its candidates: it can be re-run here.
    pub can_verify: bool,
}

/// A draw re-run from its record: the same list, or where it differs.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DrawVerificationDto {
    pub plan_id: String,
    pub same: bool,
    pub candidates: u32,
    pub checks: Vec<DrawnCheck>,
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))
}

impl App {
    /// The live enterprises matching the criteria.
    fn draw_candidates(&self, criteria: &DrawCriteria) -> Result<Vec<Candidate>> {
        Ok(self
            .store()
            .live_enterprises()?
            .into_iter()
            .filter(|e| criteria.kinds.is_empty() || criteria.kinds.contains(&e.data.kind))
            .filter(|e| {
                criteria.counties.is_empty() || e.data.county.as_ref().is_some_and(|c| criteria.counties.contains(c))
            })
            .map(|e| Candidate { enterprise_id: e.meta.id, uscc: e.data.uscc, name: e.data.name })
            .collect())
    }

    fn seed_of(req: &DrawRequest) -> Result<u64> {
        match req.seed.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => s.parse().map_err(|_| {
                AppError::field(maskcheck_domain::FieldError::new(
                    maskcheck_domain::Field::DrawSeed,
                    maskcheck_domain::Rule::NumberFormat,
                    s,
                ))
            }),
            None => Ok(chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default() as u64),
        }
    }

    /// The draw the request gives, kept nowhere.
    pub fn preview_draw(&self, req: &DrawRequest) -> Result<DrawPreviewDto> {
        let seed = Self::seed_of(req)?;
        let candidates = self.draw_candidates(&req.criteria)?;
        let checks = draw(&candidates, &req.inspectors, req.size, seed)?;
        Ok(DrawPreviewDto { seed: seed.to_string(), candidates: candidates.len() as u32, checks })
    }

    /// Draws and keeps the plan: the draw's record (seed, criteria, candidates, inspectors) and one check per drawn
    /// enterprise, in one transaction. A bureau's act: an inspector's laptop receives plans, it does not draw them.
    pub fn commit_draw(&self, req: &DrawRequest) -> Result<SpotPlanDto> {
        if self.profile()?.role != Role::Bureau {
            return Err(AppError::new(ErrorCode::BureauOnly, "双随机抽取由局端进行，结果随同步包下发到执法人员"));
        }
        let title = req.title.trim();
        if title.is_empty() {
            return Err(AppError::field(maskcheck_domain::FieldError::new(
                maskcheck_domain::Field::PlanTitle,
                maskcheck_domain::Rule::Required,
                "",
            )));
        }
        let seed = Self::seed_of(req)?;
        let candidates = self.draw_candidates(&req.criteria)?;
        let checks = draw(&candidates, &req.inspectors, req.size, seed)?;
        let device = self.device_id()?;
        let plan_id = uuid::Uuid::now_v7().to_string();
        let drawn_on = today().format("%Y-%m-%d").to_string();
        let record = SpotDrawRecord {
            id: plan_id.clone(),
            title: title.to_string(),
            seed: seed as i64,
            criteria: json(&req.criteria)?,
            size: json(&req.size)?,
            candidates: json(&candidates)?,
            inspectors: json(&req.inspectors)?,
            drawn_at: now_text(),
        };
        self.store().write(|tx| {
            tx.insert_spot_draw(&record)?;
            for c in &checks {
                let meta = new_meta(tx, &device)?;
                tx.insert_spot_check(&SpotCheckRow {
                    meta,
                    plan_id: plan_id.clone(),
                    plan_title: title.to_string(),
                    seed: seed as i64,
                    position: c.position,
                    enterprise_id: c.enterprise_id.clone(),
                    enterprise_name: String::new(),
                    county: None,
                    inspectors: json(&c.inspectors)?,
                    drawn_on: drawn_on.clone(),
                    visited_on: None,
                })?;
            }
            Ok::<_, AppError>(())
        })?;
        self.spot_plans()?
            .into_iter()
            .find(|p| p.plan_id == plan_id)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, plan_id))
    }

    /// The plans held here, newest first: drawn here, or received in the bureau's bundles (a laptop holds the
    /// checks of its county).
    pub fn spot_plans(&self) -> Result<Vec<SpotPlanDto>> {
        let rows = self.store().spot_checks()?;
        let mut plans: Vec<SpotPlanDto> = Vec::new();
        for r in rows {
            let check = SpotCheckDto {
                position: r.position,
                enterprise_id: r.enterprise_id.clone(),
                enterprise_name: r.enterprise_name.clone(),
                county: r.county.clone(),
                inspectors: parse(&r.inspectors)?,
                visited_on: r.visited_on.clone(),
            };
            match plans.iter_mut().find(|p| p.plan_id == r.plan_id) {
                Some(p) => p.checks.push(check),
                None => {
                    let can_verify = self.store().spot_draw(&r.plan_id)?.is_some();
                    plans.push(SpotPlanDto {
                        plan_id: r.plan_id.clone(),
                        title: r.plan_title.clone(),
                        seed: (r.seed as u64).to_string(),
                        drawn_on: r.drawn_on.clone(),
                        checks: vec![check],
                        visited: 0,
                        can_verify,
                    })
                }
            }
        }
        for p in &mut plans {
            p.visited = p.checks.iter().filter(|c| c.visited_on.is_some()).count() as u32;
        }
        Ok(plans)
    }

    /// Re-runs a draw from its record (the candidates and inspectors as they were, the seed, the size) and says
    /// whether it gives the checks that were kept.
    pub fn verify_draw(&self, plan_id: &str) -> Result<DrawVerificationDto> {
        let record = self.store().spot_draw(plan_id)?.ok_or_else(|| {
            AppError::new(ErrorCode::NotFound, format!("本机没有抽取记录 {plan_id}（抽取在局端进行）"))
        })?;
        let candidates: Vec<Candidate> = parse(&record.candidates)?;
        let inspectors: Vec<Inspector> = parse(&record.inspectors)?;
        let size: DrawSize = parse(&record.size)?;
        let checks = draw(&candidates, &inspectors, size, record.seed as u64)?;
        let kept: Vec<(u32, String, Vec<Inspector>)> = self
            .store()
            .spot_checks()?
            .into_iter()
            .filter(|r| r.plan_id == plan_id)
            .map(|r| Ok((r.position, r.enterprise_id, parse(&r.inspectors)?)))
            .collect::<Result<_>>()?;
        let again: Vec<(u32, String, Vec<Inspector>)> =
            checks.iter().map(|c| (c.position, c.enterprise_id.clone(), c.inspectors.clone())).collect();
        Ok(DrawVerificationDto {
            plan_id: plan_id.to_string(),
            same: kept == again,
            candidates: candidates.len() as u32,
            checks,
        })
    }
}
