//! The campaign board (appendices 1–2): the fifteen shipped tasks for one unit, each with the status and evidence the
//! unit recorded and, where the records can measure it, the measure — makers inspected, makers sampled, failed
//! samples followed up, penalties published, medical operators' rectifications closed, the 双随机 plan visited —
//! and the deadline colour the domain gives.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use maskcheck_domain::campaign::{
    light, shipped_tasks, CampaignTask, Light, Measured, Progress, TaskMeasure, TaskStatus,
};
use maskcheck_domain::casework::LabVerdict;
use maskcheck_domain::{EnterpriseKind, Role};
use maskcheck_store::TaskStatusRecord;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::stats::Scope;
use crate::sync_devices::peer_card;
use crate::{now_text, today, App, AppError, ErrorCode, Result};

/// Evidence of a task: a note, a record (a document number, a case, a sample) or a file kept by its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The record's id or number, or the file's SHA-256.
    pub reference: String,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EvidenceKind {
    Note,
    Record,
    File,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskRowDto {
    pub task: CampaignTask,
    pub status: TaskStatus,
    pub note: String,
    pub evidence: Vec<Evidence>,
    /// What the records count of the task for the unit, measure by measure.
    pub measured: Vec<Measured>,
    pub light: Light,
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignBoardDto {
    pub unit: String,
    /// The units this device may show (a bureau: itself and its units; an inspector: its own).
    pub units: Vec<String>,
    pub tasks: Vec<TaskRowDto>,
}

/// A unit's status of a task, as set from the board or the CLI. `file` adds a file as evidence.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskStatusInput {
    pub task_key: String,
    pub unit: Option<String>,
    pub status: TaskStatus,
    pub note: String,
    pub evidence: Vec<Evidence>,
    pub file: Option<String>,
}

fn status_text(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::NotStarted => "notStarted",
        TaskStatus::InProgress => "inProgress",
        TaskStatus::Done => "done",
    }
}

fn status_of(s: &str) -> TaskStatus {
    match s {
        "done" => TaskStatus::Done,
        "inProgress" => TaskStatus::InProgress,
        _ => TaskStatus::NotStarted,
    }
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))
}

impl App {
    /// The units the board may show: an inspector's own; a bureau's own and every unit it knows.
    fn board_units(&self) -> Result<Vec<String>> {
        let me = self.profile()?;
        let mut units = vec![me.unit_name.clone()];
        if me.role == Role::Bureau {
            let mut others = BTreeSet::new();
            for p in self.store().peers()? {
                if p.trust != "bureau" && p.revoked_at.is_none() {
                    others.insert(peer_card(&p)?.card.unit_name);
                }
            }
            units.extend(others.into_iter().filter(|u| *u != me.unit_name));
        }
        Ok(units)
    }

    /// The counties a unit covers: its own profile's, or those on its devices' cards.
    fn unit_counties(&self, unit: &str) -> Result<BTreeSet<String>> {
        let me = self.profile()?;
        let mut out = BTreeSet::new();
        if me.unit_name == unit {
            out.insert(me.county);
        }
        for p in self.store().peers()? {
            let card = peer_card(&p)?.card;
            if card.unit_name == unit && !card.county.is_empty() {
                out.insert(card.county);
            }
        }
        Ok(out)
    }

    /// The board of one unit (this device's unit when none is named).
    pub fn campaign_board(&self, unit: Option<&str>) -> Result<CampaignBoardDto> {
        let units = self.board_units()?;
        let unit = match unit.map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) if units.iter().any(|k| k == u) => u.to_string(),
            Some(u) => return Err(AppError::new(ErrorCode::NotFound, format!("本机没有单位“{u}”的记录"))),
            None => units[0].clone(),
        };
        let statuses: Vec<TaskStatusRecord> =
            self.store().task_statuses()?.into_iter().filter(|s| s.unit == unit).collect();
        let measures = self.task_measures(&unit)?;
        let today = today();
        let mut tasks = Vec::new();
        for task in shipped_tasks() {
            let saved = statuses.iter().find(|s| s.task_key == task.key);
            let status = saved.map(|s| status_of(&s.status)).unwrap_or_default();
            let measured: Vec<Measured> =
                task.measures.iter().map(|m| Measured { measure: *m, progress: measures.get(*m) }).collect();
            let evidence: Vec<Evidence> = match saved {
                Some(s) => {
                    serde_json::from_str(&s.evidence).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?
                }
                None => vec![],
            };
            tasks.push(TaskRowDto {
                light: light(task.due, status, &measured, today),
                status,
                note: saved.map(|s| s.note.clone()).unwrap_or_default(),
                evidence,
                measured,
                updated_at: saved.map(|s| s.updated_at.clone()),
                task,
            });
        }
        Ok(CampaignBoardDto { unit, units, tasks })
    }

    /// Sets a unit's status, note and evidence of a task; a file given is kept by its hash and added as evidence.
    pub fn set_task_status(&self, input: &TaskStatusInput) -> Result<TaskRowDto> {
        if !shipped_tasks().iter().any(|t| t.key == input.task_key) {
            return Err(AppError::new(ErrorCode::NotFound, format!("没有任务“{}”", input.task_key)));
        }
        let units = self.board_units()?;
        let unit = input.unit.clone().filter(|u| !u.trim().is_empty()).unwrap_or_else(|| units[0].clone());
        if !units.contains(&unit) {
            return Err(AppError::new(ErrorCode::NotFound, format!("本机没有单位“{unit}”的记录")));
        }
        let mut evidence = input.evidence.clone();
        let stored = input.file.as_deref().map(|f| self.store_evidence_file(Path::new(f))).transpose()?;
        if let Some(a) = &stored {
            evidence.push(Evidence {
                kind: EvidenceKind::File,
                reference: a.hash.clone(),
                label: a.original_name.clone(),
            });
        }
        let record = TaskStatusRecord {
            task_key: input.task_key.clone(),
            unit: unit.clone(),
            status: status_text(input.status).into(),
            note: input.note.trim().to_string(),
            evidence: json(&evidence)?,
            updated_at: now_text(),
        };
        self.store().write(|tx| {
            if let Some(a) = &stored {
                tx.upsert_attachment(a, &now_text())?;
            }
            tx.put_task_status(&record)
        })?;
        self.campaign_board(Some(&unit))?
            .tasks
            .into_iter()
            .find(|t| t.task.key == input.task_key)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, input.task_key.clone()))
    }

    /// A unit's makers inspected and sampled (done of the unit's non-medical makers), for the coverage chart.
    pub(crate) fn unit_coverage(&self, unit: &str) -> Result<(Progress, Progress)> {
        let m = self.task_measures(unit)?;
        Ok((m.makers_inspected, m.makers_sampled))
    }

    /// The units the board shows (for the charts per unit).
    pub(crate) fn chart_units(&self) -> Result<Vec<String>> {
        self.board_units()
    }

    /// What the records measure for a unit.
    fn task_measures(&self, unit: &str) -> Result<Measures> {
        let counties = self.unit_counties(unit)?;
        let store = self.store();
        let enterprises = store.live_enterprises()?;
        let inspected: HashSet<String> = store.finished_inspections()?.into_iter().map(|(e, _, _)| e).collect();
        let samples = store.samples(None)?;
        drop(store);
        let in_unit = |county: &Option<String>| county.as_ref().is_some_and(|c| counties.contains(c));
        let makers: Vec<&String> = enterprises
            .iter()
            .filter(|e| e.data.kind == EnterpriseKind::Maker && !e.data.medical && in_unit(&e.data.county))
            .map(|e| &e.meta.id)
            .collect();
        let sampled: HashSet<&str> = samples.iter().filter_map(|s| s.enterprise_id.as_deref()).collect();
        let unit_ids: HashSet<&str> =
            enterprises.iter().filter(|e| in_unit(&e.data.county)).map(|e| e.meta.id.as_str()).collect();
        let open_chains: HashSet<String> = self.chain_followups()?.into_iter().map(|c| c.sample_id).collect();
        let mut failed = Progress { done: 0, of: 0 };
        for s in samples.iter().filter(|s| s.enterprise_id.as_deref().is_some_and(|e| unit_ids.contains(e))) {
            let fail = s
                .result
                .as_deref()
                .and_then(|r| serde_json::from_str::<maskcheck_domain::casework::SampleResultInput>(r).ok())
                .is_some_and(|r| r.verdict == LabVerdict::Fail);
            if fail {
                failed.of += 1;
                failed.done += u32::from(!open_chains.contains(&s.meta.id));
            }
        }
        let scope = Scope::Unit(unit.to_string(), self.units_by_origin()?);
        let mut published = Progress { done: 0, of: 0 };
        for c in self.cases()? {
            if !scope.counts(&c.origin) && !c.input.enterprise_id.as_deref().is_some_and(|e| unit_ids.contains(e)) {
                continue;
            }
            if let Some(p) = &c.publicity {
                published.of += 1;
                published.done += u32::from(p.published_on.is_some());
            }
        }
        let medical: HashSet<&str> = enterprises
            .iter()
            .filter(|e| e.data.medical && in_unit(&e.data.county))
            .map(|e| e.meta.id.as_str())
            .collect();
        let states = self.store().rectification_states()?;
        let of_medical: Vec<bool> = states
            .into_iter()
            .filter(|(_, e, _, _)| medical.contains(e.as_str()))
            .map(|(_, _, open, _)| open)
            .collect();
        let (open, all) = (of_medical.iter().filter(|o| **o).count() as u32, of_medical.len() as u32);
        let plan = self.store().spot_checks()?;
        let plan: Vec<_> = plan.iter().filter(|s| in_unit(&s.county)).collect();
        Ok(Measures {
            makers_inspected: Progress {
                done: makers.iter().filter(|m| inspected.contains(m.as_str())).count() as u32,
                of: makers.len() as u32,
            },
            makers_sampled: Progress {
                done: makers.iter().filter(|m| sampled.contains(m.as_str())).count() as u32,
                of: makers.len() as u32,
            },
            failed_followed_up: failed,
            penalties_published: published,
            rectifications_closed: Progress { done: all - open, of: all },
            plan_visited: Progress {
                done: plan.iter().filter(|s| s.visited_on.is_some()).count() as u32,
                of: plan.len() as u32,
            },
        })
    }
}

struct Measures {
    makers_inspected: Progress,
    makers_sampled: Progress,
    failed_followed_up: Progress,
    penalties_published: Progress,
    rectifications_closed: Progress,
    plan_visited: Progress,
}

impl Measures {
    fn get(&self, m: TaskMeasure) -> Progress {
        match m {
            TaskMeasure::MakersInspected => self.makers_inspected,
            TaskMeasure::MakersSampled => self.makers_sampled,
            TaskMeasure::FailedFollowedUp => self.failed_followed_up,
            TaskMeasure::PenaltiesPublished => self.penalties_published,
            TaskMeasure::RectificationsClosed => self.rectifications_closed,
            TaskMeasure::PlanVisited => self.plan_visited,
        }
    }
}
