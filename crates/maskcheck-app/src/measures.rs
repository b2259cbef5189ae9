//! Seals and seizures (查封、扣押): each issued decision not revoked, with what followed it (an extension, a
//! release), so the dashboard follows the last day of each measure in force beside the rectifications (a measure
//! must be released, extended or turned into a decision before it ends).

use chrono::NaiveDate;
use maskcheck_domain::document::{
    CoerciveContent, DecisionRef, DocBody, DocContent, DocKind, DocState, GoodsRow, Measure, ReleaseGround,
};
use maskcheck_domain::followup::{urgency, Urgency};
use maskcheck_domain::measure_rules::{Followed, MAX_EXTENSION_DAYS};
use maskcheck_domain::Entity;
use maskcheck_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

use crate::documents::json_err;
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
    /// The last day as it stands: the extension's when there is one.
    pub until: NaiveDate,
    /// The last day the decision itself set.
    pub decided_until: NaiveDate,
    pub extended_until: Option<NaiveDate>,
    pub released_on: Option<NaiveDate>,
    /// In force, not yet extended, and its decided period not over: an extension may still be decided.
    pub may_extend: bool,
    pub goods: Vec<GoodsRow>,
    pub goods_place: String,
    pub urgency: Urgency,
    /// Negative when the period has ended.
    pub days_left: i32,
}

impl MeasureDto {
    pub fn in_force(&self) -> bool {
        self.released_on.is_none()
    }
}

/// What an extension or a release form offers for a decision.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeasureFollowDefaults {
    pub measure: MeasureDto,
    /// The longest extension the law allows (thirty days after the decided last day).
    pub longest_until: NaiveDate,
    pub grounds: Vec<ReleaseGround>,
    /// The release's day as the form starts it (the app's clock, not the window's).
    pub today: NaiveDate,
}

/// A decision in force with the record it belongs to.
pub(crate) struct HeldDecision {
    pub decision: DecisionRef,
    pub content: CoerciveContent,
    pub enterprise_id: String,
    pub inspection_id: Option<String>,
}

impl App {
    /// A seal or seizure decision that is not revoked, as the documents that follow it refer to it.
    pub(crate) fn decision_in_force(&self, id: &str) -> Result<HeldDecision> {
        let listed = self.document(id)?;
        if listed.state == DocState::Revoked {
            return Err(AppError::new(ErrorCode::Validation, format!("决定书 {} 已撤销", listed.number)).about(id));
        }
        let record = self
            .store()
            .document(id)?
            .ok_or_else(|| StoreError::NotFound { entity: Entity::Document, id: id.into() })?;
        let content: DocContent = serde_json::from_str(&record.content).map_err(json_err)?;
        let DocBody::CoerciveMeasure(m) = content.body else {
            return Err(
                AppError::new(ErrorCode::Validation, format!("{} 不是实施行政强制措施决定书", record.number)).about(id)
            );
        };
        Ok(HeldDecision {
            decision: DecisionRef {
                id: record.meta.id,
                number: record.number,
                issued_on: content.issued_on,
                measure: m.measure,
                from: m.from,
                until: m.until,
            },
            content: m,
            enterprise_id: record.enterprise_id,
            inspection_id: record.inspection_id,
        })
    }

    /// The extension and release in force (not revoked) that point at a decision.
    pub(crate) fn followed(&self, decision_id: &str, enterprise_id: &str) -> Result<Followed> {
        let mut followed = Followed::default();
        for kind in [DocKind::MeasureExtension, DocKind::MeasureRelease] {
            let f = DocumentFilter { kind: Some(kind), enterprise_id: Some(enterprise_id), ..Default::default() };
            // Listed first: the store's lock is released before each document is read.
            let rows = self.store().documents(&f)?;
            for d in rows.into_iter().filter(|d| d.revoked.is_none()) {
                let Some(record) = self.store().document(&d.id)? else { continue };
                let content: DocContent = serde_json::from_str(&record.content).map_err(json_err)?;
                match content.body {
                    DocBody::MeasureExtension(x) if x.decision.id == decision_id => {
                        followed.extended_until = Some(x.new_until)
                    }
                    DocBody::MeasureRelease(r) if r.decision.id == decision_id => {
                        followed.released_on = Some(r.released_on)
                    }
                    _ => {}
                }
            }
        }
        Ok(followed)
    }

    /// Every seal and seizure not revoked, the earliest end first; `due_only`: those in force that ended or end
    /// within 7 days.
    pub fn measures(&self, due_only: bool) -> Result<Vec<MeasureDto>> {
        let filter = DocumentFilter { kind: Some(DocKind::CoerciveMeasure), ..Default::default() };
        let mut out = Vec::new();
        for d in self.documents_in(&filter, None)?.into_iter().filter(|d| d.state != DocState::Revoked) {
            out.push(self.measure(&d.id)?);
        }
        out.retain(|m| !due_only || (m.in_force() && m.urgency != Urgency::Later));
        out.sort_by_key(|m| m.until);
        Ok(out)
    }

    /// One seal or seizure with what followed it.
    pub fn measure(&self, decision_id: &str) -> Result<MeasureDto> {
        let held = self.decision_in_force(decision_id)?;
        let followed = self.followed(decision_id, &held.enterprise_id)?;
        let name = self.store().enterprise(&held.enterprise_id)?.map(|e| e.data.name).unwrap_or_default();
        let until = followed.last_day(&held.decision);
        let today = today();
        Ok(MeasureDto {
            document_id: held.decision.id.clone(),
            number: held.decision.number.clone(),
            enterprise_id: held.enterprise_id,
            enterprise_name: name,
            measure: held.decision.measure,
            from: held.decision.from,
            until,
            decided_until: held.decision.until,
            extended_until: followed.extended_until,
            released_on: followed.released_on,
            may_extend: followed.released_on.is_none()
                && followed.extended_until.is_none()
                && today <= held.decision.until,
            goods: held.content.goods,
            goods_place: held.content.goods_place,
            urgency: urgency(until, today),
            days_left: i32::try_from((until - today).num_days()).unwrap_or(i32::MAX),
        })
    }

    /// What the extension and release forms start from.
    pub fn measure_follow_defaults(&self, decision_id: &str) -> Result<MeasureFollowDefaults> {
        let m = self.measure(decision_id)?;
        Ok(MeasureFollowDefaults {
            longest_until: m.decided_until + chrono::Duration::days(MAX_EXTENSION_DAYS),
            grounds: ReleaseGround::ALL.to_vec(),
            today: today(),
            measure: m,
        })
    }
}
