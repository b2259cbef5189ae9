//! Roster exports: every field (re-importable), or appendix 3 of the campaign notice.

use std::path::Path;

use maskcheck_domain::{EnterpriseInput, EnterpriseKind, ProductCategory, ProductInput, ProductionStatus, Scale};
use maskcheck_sheets::export::{write_appendix3, write_plain, Appendix3Row};
use serde::Serialize;
use ts_rs::TS;

use crate::{today, App, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResultDto {
    pub path: String,
    pub rows: u32,
}

fn yes_no(b: bool) -> String {
    if b { "是" } else { "否" }.into()
}

fn scale_zh(s: Option<Scale>) -> String {
    s.map(Scale::zh).unwrap_or_default().into()
}

fn status_zh(s: Option<ProductionStatus>) -> String {
    s.map(ProductionStatus::zh).unwrap_or_default().into()
}

fn date_zh(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y年%-m月%-d日").to_string()).unwrap_or_default()
}

fn joined(items: impl Iterator<Item = String>) -> String {
    let mut v: Vec<String> = items.filter(|s| !s.is_empty()).collect();
    v.dedup();
    v.join("、")
}

const PLAIN_COLUMNS: &[(&str, f64)] = &[
    ("企业名称", 30.0),
    ("统一社会信用代码", 22.0),
    ("所在县（市、区）", 12.0),
    ("生产地址", 30.0),
    ("住所", 30.0),
    ("法定代表人", 10.0),
    ("联系人", 10.0),
    ("联系电话", 16.0),
    ("企业类型", 10.0),
    ("是否医用", 8.0),
    ("是否出口", 8.0),
    ("企业规模", 8.0),
    ("生产状况", 8.0),
    ("成立日期", 14.0),
    ("日产能（万只）", 10.0),
    ("备注", 20.0),
];

fn plain_row(e: &EnterpriseInput) -> Vec<String> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    vec![
        e.name.clone(),
        e.uscc.clone(),
        o(&e.county),
        o(&e.production_address),
        o(&e.registered_address),
        o(&e.legal_rep),
        o(&e.contact),
        o(&e.phone),
        match e.kind {
            EnterpriseKind::Maker => "生产企业",
            EnterpriseKind::Seller => "经营企业",
        }
        .into(),
        yes_no(e.medical),
        yes_no(e.exporter),
        scale_zh(e.scale),
        status_zh(e.production_status),
        date_zh(e.founded_on),
        e.daily_capacity_wan.map(|n| format!("{n:.2}")).unwrap_or_default(),
        o(&e.note),
    ]
}

pub(crate) fn appendix3_row(e: &EnterpriseInput, products: &[ProductInput]) -> Appendix3Row {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    Appendix3Row {
        name: e.name.clone(),
        uscc: e.uscc.clone(),
        county: o(&e.county),
        production_address: o(&e.production_address),
        legal_rep: o(&e.legal_rep),
        contact_and_phone: format!("{} {}", o(&e.contact), o(&e.phone)).trim().to_string(),
        category: joined(products.iter().map(|p| {
            match p.category {
                ProductCategory::DailyProtective => "日常防护",
                ProductCategory::KnSeries => "KN系列",
                ProductCategory::Children => "儿童",
                _ => "其他",
            }
            .to_string()
        })),
        standard: joined(products.iter().map(|p| {
            format!("{} {}", p.standard.clone().unwrap_or_default(), p.grade.clone().unwrap_or_default())
                .trim()
                .to_string()
        })),
        daily_capacity_wan: e.daily_capacity_wan,
        exporter: yes_no(e.exporter),
        scale: scale_zh(e.scale),
        production_status: status_zh(e.production_status),
        founded_on: date_zh(e.founded_on),
        inspection: String::new(),
        note: o(&e.note),
    }
}

impl App {
    /// Writes the live roster to `path`: every field, or (appendix3) the non-medical makers as appendix 3.
    pub fn export_roster(&self, path: &str, appendix3: bool) -> Result<ExportResultDto> {
        let store = self.store();
        let enterprises = store.live_enterprises()?;
        let out = Path::new(path);
        let rows = if appendix3 {
            let unit = store.profile()?.map(|p| p.input.unit_name).unwrap_or_default();
            drop(store);
            let rows = self.appendix3_rows(None)?;
            write_appendix3(out, &unit, &date_zh(Some(today())), &rows)?;
            rows.len()
        } else {
            drop(store);
            let rows: Vec<Vec<String>> = enterprises.iter().map(|e| plain_row(&e.data)).collect();
            write_plain(out, "企业名录", PLAIN_COLUMNS, &rows)?;
            rows.len()
        };
        Ok(ExportResultDto { path: path.to_string(), rows: rows as u32 })
    }
}
