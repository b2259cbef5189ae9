//! 行政处罚信息公示: the cases whose penalty must be published (ordinary procedure, decided, more than a
//! warning), their twenty-working-day deadline for the dashboard, and the entries as a spreadsheet the clerk
//! uploads to the national enterprise credit publicity system (the summary of 总局令第45号第四条, with the
//! decision's facts and basis, 行政处罚法第五十九条).

use std::path::Path;

use maskcheck_sheets::export::write_plain;

use crate::export::ExportResultDto;
use crate::{App, AppError, CaseDto, ErrorCode, Result};

const COLUMNS: &[(&str, f64)] = &[
    ("行政处罚决定书文号", 24.0),
    ("当事人名称", 30.0),
    ("统一社会信用代码", 22.0),
    ("法定代表人（负责人）", 14.0),
    ("违法行为类型", 14.0),
    ("违法事实", 40.0),
    ("处罚依据", 30.0),
    ("处罚内容", 30.0),
    ("罚没金额（万元）", 12.0),
    ("作出处罚决定机关名称", 24.0),
    ("处罚决定日期", 14.0),
    ("公示截止日期", 14.0),
];

impl App {
    /// Cases whose penalty must be published; `pending_only`: not yet published. Earliest deadline first.
    pub fn publicity(&self, pending_only: bool) -> Result<Vec<CaseDto>> {
        let mut list: Vec<CaseDto> = self
            .cases()?
            .into_iter()
            .filter(|c| c.publicity.as_ref().is_some_and(|p| !pending_only || p.published_on.is_none()))
            .collect();
        list.sort_by_key(|c| c.publicity.as_ref().map(|p| p.deadline));
        Ok(list)
    }

    /// Writes the entries of the cases awaiting publication (or of every case that must be published).
    pub fn export_publicity(&self, dest: &Path, pending_only: bool) -> Result<ExportResultDto> {
        let unit = self.profile()?.unit_name;
        let mut rows = Vec::new();
        for c in self.publicity(pending_only)? {
            let (Some(p), Some(due)) = (&c.input.penalty, &c.publicity) else { continue };
            let e = match &c.input.enterprise_id {
                Some(id) => self.store().enterprise(id)?,
                None => None,
            };
            let (name, uscc, rep) = match e {
                Some(e) => (e.data.name, e.data.uscc, e.data.legal_rep.unwrap_or_default()),
                None => (String::new(), String::new(), String::new()),
            };
            rows.push(vec![
                p.number.clone(),
                name,
                uscc,
                rep,
                c.input.category.row_zh().to_string(),
                p.facts.clone(),
                p.basis.clone(),
                p.content.clone(),
                format!("{:.2}", c.input.fines_wan),
                unit.clone(),
                p.decided_on.format("%Y-%m-%d").to_string(),
                due.deadline.format("%Y-%m-%d").to_string(),
            ]);
        }
        write_plain(dest, "行政处罚信息公示", COLUMNS, &rows)
            .map_err(|e| AppError::new(ErrorCode::Io, format!("{}：{e}", dest.display())))?;
        Ok(ExportResultDto { path: dest.display().to_string(), rows: rows.len() as u32 })
    }
}
