//! The chain a failed sample starts, as the dashboard follows it: for each failed sample, the steps still open
//! (stop sales, the batch's trail, each buyer not yet dealt with). Recorded on the sample's result, so it travels
//! in bundles with it and the appendix 5 columns fill themselves from it.

use maskcheck_domain::casework::{LabVerdict, SampleResultInput};
use maskcheck_domain::document::{DocBody, DocContent, DocKind, DocState};
use maskcheck_domain::failed_chain::{open_steps, FailedChain, OpenStep};
use maskcheck_domain::ledger::{plan_trail, TrailPlan};
use serde::Serialize;
use ts_rs::TS;

use crate::{App, AppError, ErrorCode, Result, SampleDto};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainFollowupDto {
    pub sample_id: String,
    pub enterprise_id: String,
    pub enterprise_name: String,
    pub product_name: String,
    pub batch: String,
    pub steps: Vec<OpenStep>,
}

impl App {
    /// Records the chain of a failed sample (the rest of its result unchanged).
    pub fn save_chain(&self, sample_id: &str, chain: &FailedChain) -> Result<SampleDto> {
        let sample = self.sample(sample_id)?;
        let result = match sample.result {
            Some(r) if r.verdict == LabVerdict::Fail => r,
            _ => {
                return Err(AppError::new(
                    ErrorCode::Validation,
                    "只有检验不合格的样品才有后处理（停止销售、流向追查）",
                )
                .about(sample_id))
            }
        };
        // The derived columns are derived again from the new chain, not kept from the old one.
        let derived = maskcheck_domain::failed_chain::post_measures_text(&result.chain);
        let post_measures = if result.post_measures == derived { String::new() } else { result.post_measures };
        self.record_sample_result(sample_id, &SampleResultInput { chain: chain.clone(), post_measures, ..result })
    }

    /// The buyers of a failed sample's batch from the enterprise's sales-ledger spreadsheet, as a plan with the
    /// lines in error; nothing is written (the window adds them to the chain, which is saved as typed ones are).
    pub fn ledger_trail(&self, sample_id: &str, path: &std::path::Path) -> Result<TrailPlan> {
        let s = self.sample(sample_id)?;
        let lines = maskcheck_sheets::ledger::read_ledger(path)?;
        Ok(plan_trail(&lines, &s.input.batch_or_date, crate::today()))
    }

    /// The notice to customs and commerce issued for a sample and in force, if any.
    pub fn export_notice_of(&self, sample_id: &str, enterprise_id: &str) -> Result<Option<crate::DocumentDto>> {
        let f = crate::DocumentFilter {
            kind: Some(DocKind::ExportNotice),
            enterprise_id: Some(enterprise_id),
            ..Default::default()
        };
        for d in self.documents_in(&f, None)?.into_iter().filter(|d| d.state != DocState::Revoked) {
            let Some(record) = self.store().document(&d.id)? else { continue };
            let content: DocContent = serde_json::from_str(&record.content).map_err(crate::documents::json_err)?;
            if matches!(&content.body, DocBody::ExportNotice(n) if n.sample_id == sample_id) {
                return Ok(Some(d));
            }
        }
        Ok(None)
    }

    /// Failed samples with steps still open, the enterprise's name first.
    pub fn chain_followups(&self) -> Result<Vec<ChainFollowupDto>> {
        let mut out = Vec::new();
        for s in self.samples(None)? {
            let Some(result) = &s.result else { continue };
            if result.verdict != LabVerdict::Fail {
                continue;
            }
            let mut steps = open_steps(&result.chain);
            let exporter = self.store().enterprise(&s.input.enterprise_id)?.is_some_and(|e| e.data.exporter);
            if exporter && self.export_notice_of(&s.id, &s.input.enterprise_id)?.is_none() {
                steps.push(OpenStep::ExportNotice);
            }
            if steps.is_empty() {
                continue;
            }
            out.push(ChainFollowupDto {
                sample_id: s.id,
                enterprise_id: s.input.enterprise_id,
                enterprise_name: s.enterprise_name,
                product_name: s.input.product_name,
                batch: s.input.batch_or_date,
                steps,
            });
        }
        Ok(out)
    }
}
