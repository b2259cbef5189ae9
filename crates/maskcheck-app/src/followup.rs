//! Follow-ups: open rectifications by deadline (the dashboard shows the overdue and those due within 7 days), and
//! the re-inspection (复查) that closes one when every ordered correction is verified done.

use chrono::NaiveDate;
use maskcheck_domain::followup::{urgency, validate_reinspection, ReinspectionInput, Urgency};
use maskcheck_domain::Entity;
use maskcheck_store::{FollowupRow, ReinspectionRecord, StoreError};
use serde::Serialize;
use ts_rs::TS;

use crate::roster::new_meta;
use crate::{today, App, AppError, ErrorCode, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowupDto {
    pub rectification_id: String,
    pub document_id: String,
    pub number: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub deadline: NaiveDate,
    pub urgency: Urgency,
    /// Negative when overdue.
    pub days_left: i32,
    pub corrections: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReinspectionResultDto {
    pub complete: bool,
    /// Still barred after this re-inspection (another rectification open, or this one incomplete).
    pub production_barred: bool,
}

fn dto(r: FollowupRow, today: NaiveDate) -> Result<FollowupDto> {
    let deadline = NaiveDate::parse_from_str(&r.deadline, "%Y-%m-%d")
        .map_err(|e| AppError::new(ErrorCode::Storage, format!("整改期限无法读取：{e}")))?;
    let corrections = serde_json::from_str(&r.corrections)
        .map_err(|e| AppError::new(ErrorCode::Storage, format!("整改事项无法读取：{e}")))?;
    Ok(FollowupDto {
        rectification_id: r.rectification_id,
        document_id: r.document_id,
        number: r.number,
        enterprise_id: r.enterprise_id,
        enterprise_name: r.enterprise_name,
        deadline,
        urgency: urgency(deadline, today),
        days_left: i32::try_from((deadline - today).num_days()).unwrap_or(i32::MAX),
        corrections,
    })
}

impl App {
    /// Open rectifications, earliest deadline first; `due_only`: only the overdue and those due within 7 days.
    pub fn followups(&self, enterprise_id: Option<&str>, due_only: bool) -> Result<Vec<FollowupDto>> {
        let today = today();
        let rows = self.store().followups(enterprise_id)?;
        let all = rows.into_iter().map(|r| dto(r, today)).collect::<Result<Vec<_>>>()?;
        Ok(all.into_iter().filter(|f| !due_only || f.urgency != Urgency::Later).collect())
    }

    /// Records a re-inspection; when every correction was verified done the rectification closes and, if it was
    /// the last one open, the enterprise may resume production.
    pub fn reinspect(&self, input: &ReinspectionInput) -> Result<ReinspectionResultDto> {
        let device = self.device_id()?;
        validate_reinspection(input, today())?;
        let json = serde_json::to_string(input).map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        let complete = input.complete();
        let enterprise_id = self.store().write(|tx| {
            let (enterprise_id, _) = tx.open_rectification(&input.rectification_id)?.ok_or_else(|| {
                StoreError::NotFound { entity: Entity::OpenRectification, id: input.rectification_id.clone() }
            })?;
            let meta = new_meta(tx, &device)?;
            tx.insert_reinspection(&ReinspectionRecord {
                meta,
                rectification_id: input.rectification_id.clone(),
                date: input.date.to_string(),
                input: json.clone(),
                complete,
            })?;
            Ok::<_, AppError>(enterprise_id)
        })?;
        Ok(ReinspectionResultDto { complete, production_barred: self.store().production_barred(&enterprise_id)? })
    }
}
