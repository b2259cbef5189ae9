//! Seals and seizures in force (查封、扣押): each issued decision not revoked, with the last day of its period, so
//! the dashboard follows its deadline beside the rectifications (a measure must be released, extended or turned
//! into a decision before it ends).

use chrono::NaiveDate;
use maskcheck_domain::document::{DocBody, DocContent, DocKind, DocState, GoodsRow, Measure};
use maskcheck_domain::followup::{urgency, Urgency};
use serde::Serialize;
use ts_rs::TS;

use crate::{today, App, AppError, DocumentFilter, ErrorCode, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeasureDto {
    pub document_id: String,
    pub number: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub measure: Measure,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub goods: Vec<GoodsRow>,
    pub goods_place: String,
    pub urgency: Urgency,
    /// Negative when the period has ended.
    pub days_left: i32,
}

impl App {
    /// The seals and seizures in force, the earliest end first; `due_only`: those ended or ending within 7 days.
    pub fn measures(&self, due_only: bool) -> Result<Vec<MeasureDto>> {
        let today = today();
        let filter = DocumentFilter { kind: Some(DocKind::CoerciveMeasure), ..Default::default() };
        let mut out = Vec::new();
        for d in self.documents_in(&filter, None)?.into_iter().filter(|d| d.state != DocState::Revoked) {
            let Some(record) = self.store().document(&d.id)? else { continue };
            let content: DocContent = serde_json::from_str(&record.content)
                .map_err(|e| AppError::new(ErrorCode::Storage, format!("文书内容无法读取：{e}")))?;
            let DocBody::CoerciveMeasure(m) = content.body else { continue };
            out.push(MeasureDto {
                document_id: d.id,
                number: d.number,
                enterprise_id: d.enterprise_id,
                enterprise_name: d.enterprise_name,
                measure: m.measure,
                from: m.from,
                until: m.until,
                goods: m.goods,
                goods_place: m.goods_place,
                urgency: urgency(m.until, today),
                days_left: i32::try_from((m.until - today).num_days()).unwrap_or(i32::MAX),
            });
        }
        out.retain(|m| !due_only || m.urgency != Urgency::Later);
        out.sort_by_key(|m| m.until);
        Ok(out)
    }
}
