//! The campaign's responsibility lists (appendices 1 and 2 of the city notice): twelve tasks for non-medical masks and
//! three for medical ones, shipped as data (`assets/campaign/tasks.json`) with their owners and deadlines — a date,
//! 即时办理 (at once) or 长期坚持 (ongoing). Per unit a task has a status and evidence; where the records can measure
//! it they do, and the measure is what the board shows, never a typed percentage. The deadline colour follows the
//! same rule as elsewhere: done green, overdue red, due within a week (or at once and still open) amber.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TaskList {
    /// 附件1 非医用口罩产品质量提升专项整治行动责任清单
    NonMedical,
    /// 附件2 医用口罩产品质量提升专项整治行动责任清单
    Medical,
}

/// 完成时间: a date, 即时办理 or 长期坚持.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Due {
    On(NaiveDate),
    AtOnce,
    Ongoing,
}

/// What the records can count of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TaskMeasure {
    /// 全面排查生产企业: the non-medical makers of the unit's counties with a finished inspection.
    MakersInspected,
    /// 抽查全部生产企业: the non-medical makers with a sample taken.
    MakersSampled,
    /// 不合格产品后处理: failed samples whose chain (stop sales, trail, buyers, notice) is complete.
    FailedFollowedUp,
    /// 行政处罚信息公示: penalties due for publicity that were published.
    PenaltiesPublished,
    /// 督促企业及时整改到位 (medical): rectifications of medical-device operators closed.
    RectificationsClosed,
    /// 双随机 plan: the drawn enterprises visited.
    PlanVisited,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignTask {
    pub key: String,
    pub list: TaskList,
    pub number: u8,
    pub title: String,
    pub items: Vec<String>,
    pub owners: String,
    pub due: Due,
    /// What the records count of it (none, one, or several: 抽查 counts the makers sampled and the 双随机 plan).
    #[serde(default)]
    pub measures: Vec<TaskMeasure>,
}

/// One measure of a task for a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Measured {
    pub measure: TaskMeasure,
    pub progress: Progress,
}

#[derive(Deserialize)]
struct Shipped {
    tasks: Vec<CampaignTask>,
}

/// The fifteen tasks of the notice, in its order.
pub fn shipped_tasks() -> Vec<CampaignTask> {
    let shipped: Shipped = serde_json::from_str(include_str!("../../../assets/campaign/tasks.json"))
        .unwrap_or_else(|e| panic!("assets/campaign/tasks.json does not parse (a build defect, tested): {e}"));
    shipped.tasks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TaskStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

/// A measured task's count: `done` of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub done: u32,
    pub of: u32,
}

impl Progress {
    /// Complete when everything counted is done (and there was something to count).
    pub fn complete(&self) -> bool {
        self.of > 0 && self.done >= self.of
    }
}

/// The board's colour of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Light {
    /// Marked done, or measured complete: green.
    Done,
    /// Past its date and not done: red.
    Overdue,
    /// Due within seven days, or 即时办理 with something still open: amber.
    DueSoon,
    /// Not due yet, or ongoing.
    Open,
}

/// Days before a dated task turns amber.
pub const DUE_SOON_DAYS: i64 = 7;

/// The colour of a task for a unit: done when marked done or every measure complete; otherwise by its deadline.
pub fn light(due: Due, status: TaskStatus, measured: &[Measured], today: NaiveDate) -> Light {
    if status == TaskStatus::Done || (!measured.is_empty() && measured.iter().all(|m| m.progress.complete())) {
        return Light::Done;
    }
    match due {
        Due::On(d) if today > d => Light::Overdue,
        Due::On(d) if (d - today).num_days() <= DUE_SOON_DAYS => Light::DueSoon,
        Due::AtOnce if measured.iter().any(|m| m.progress.done < m.progress.of) => Light::DueSoon,
        _ => Light::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fifteen_tasks_of_the_notice_ship_with_owners_and_deadlines() {
        let tasks = shipped_tasks();
        assert_eq!(tasks.iter().filter(|t| t.list == TaskList::NonMedical).count(), 12);
        assert_eq!(tasks.iter().filter(|t| t.list == TaskList::Medical).count(), 3);
        let survey = tasks.iter().find(|t| t.title == "全面排查生产企业").expect("task 2");
        assert_eq!(survey.due, Due::On(NaiveDate::from_ymd_opt(2021, 4, 10).expect("date")));
        assert_eq!(survey.measures, [TaskMeasure::MakersInspected]);
        assert!(tasks.iter().all(|t| !t.owners.is_empty() && !t.items.is_empty()));
        let keys: std::collections::BTreeSet<&str> = tasks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys.len(), 15, "keys are unique");
    }

    #[test]
    fn the_colour_follows_status_measure_and_deadline() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let on = Due::On(d("2026-12-01"));
        let p = |done, of| vec![Measured { measure: TaskMeasure::MakersInspected, progress: Progress { done, of } }];
        type Case = (Due, TaskStatus, Vec<Measured>, &'static str, Light);
        let two = vec![
            Measured { measure: TaskMeasure::MakersSampled, progress: Progress { done: 4, of: 4 } },
            Measured { measure: TaskMeasure::PlanVisited, progress: Progress { done: 1, of: 3 } },
        ];
        let cases: [Case; 10] = [
            (on, TaskStatus::NotStarted, vec![], "2026-11-20", Light::Open),
            (on, TaskStatus::InProgress, vec![], "2026-11-24", Light::DueSoon),
            (on, TaskStatus::InProgress, two, "2026-11-20", Light::Open),
            (on, TaskStatus::InProgress, p(3, 5), "2026-12-02", Light::Overdue),
            (on, TaskStatus::NotStarted, p(5, 5), "2026-12-02", Light::Done),
            (on, TaskStatus::Done, p(1, 5), "2026-12-02", Light::Done),
            (Due::AtOnce, TaskStatus::InProgress, p(1, 2), "2026-11-24", Light::DueSoon),
            (Due::AtOnce, TaskStatus::NotStarted, p(0, 0), "2026-11-24", Light::Open),
            (Due::Ongoing, TaskStatus::InProgress, p(1, 9), "2030-01-01", Light::Open),
            (Due::Ongoing, TaskStatus::NotStarted, vec![], "2030-01-01", Light::Open),
        ];
        for (due, status, measured, today, want) in cases {
            assert_eq!(light(due, status, &measured, d(today)), want, "{due:?} {status:?} {measured:?} {today}");
        }
    }
}
