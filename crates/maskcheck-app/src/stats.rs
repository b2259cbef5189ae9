//! The campaign's statistics tables from this device's records (an inspector's own, or all a bureau merged):
//! appendix 4 (cases by category) and appendix 5 (every sampled product), as figures for the window and as the
//! workbooks a clerk sends up. Appendix 3 is the roster's export (`export.rs`).

use std::path::Path;

use maskcheck_domain::appendix::{appendix4, appendix5_row, Appendix4Row, Appendix5Row, EnterpriseFacts, Period};
use maskcheck_sheets::appendix45::{write_appendix4, write_appendix5};

use crate::export::ExportResultDto;
use crate::{today, App, AppError, ErrorCode, Result};

impl App {
    /// Appendix 4 of the cases opened in the period: seven categories, then 合计.
    pub fn appendix4(&self, period: Period) -> Result<Vec<Appendix4Row>> {
        let cases: Vec<_> = self.cases()?.into_iter().map(|c| c.input).collect();
        Ok(appendix4(&cases, period))
    }

    /// Appendix 5: each product sampled in the period, oldest first.
    pub fn appendix5(&self, period: Period) -> Result<Vec<Appendix5Row>> {
        let mut samples: Vec<_> =
            self.samples(None)?.into_iter().filter(|s| period.contains(s.input.sampled_on)).collect();
        samples.sort_by(|a, b| (a.input.sampled_on, &a.created_at).cmp(&(b.input.sampled_on, &b.created_at)));
        let mut rows = Vec::with_capacity(samples.len());
        for s in &samples {
            let e = self.store().enterprise(&s.input.enterprise_id)?;
            let facts = EnterpriseFacts {
                name: e.as_ref().map(|e| e.data.name.as_str()).unwrap_or(&s.enterprise_name),
                production_status: e.as_ref().and_then(|e| e.data.production_status),
                scale: e.as_ref().and_then(|e| e.data.scale),
                founded_on: e.as_ref().and_then(|e| e.data.founded_on),
            };
            rows.push(appendix5_row(&s.input, s.result.as_ref(), &facts));
        }
        Ok(rows)
    }

    /// Writes appendix 3, 4 or 5 of the period to `dest`, with this unit as 填报单位 and today as 填报时间.
    pub fn export_appendix(&self, appendix: u8, period: Period, dest: &Path) -> Result<ExportResultDto> {
        let unit = self.profile()?.unit_name;
        let date = maskcheck_domain::dates::zh_date(today());
        let path = dest.display().to_string();
        match appendix {
            3 => self.export_roster(&path, true),
            4 => {
                let rows = self.appendix4(period)?;
                write_appendix4(dest, &unit, &date, &rows)?;
                Ok(ExportResultDto { path, rows: rows.len() as u32 })
            }
            5 => {
                let rows = self.appendix5(period)?;
                write_appendix5(dest, &unit, &date, &rows)?;
                Ok(ExportResultDto { path, rows: rows.len() as u32 })
            }
            other => Err(AppError::new(ErrorCode::Validation, format!("没有附件{other}：统计表为附件3、4、5"))),
        }
    }
}
