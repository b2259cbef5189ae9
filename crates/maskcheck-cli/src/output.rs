//! Human and JSON output.

use maskcheck_app::{AppError, EnterpriseDetailDto, EnterprisePageDto, ImportPreviewDto, ImportResultDto};
use maskcheck_domain::roster_import::{ImportCounts, PlannedRow};
use serde::Serialize;

pub fn print<T: Serialize>(json: bool, value: &T, human: impl FnOnce() -> String) {
    if json {
        println!("{}", serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")));
    } else {
        println!("{}", human());
    }
}

pub fn error(e: &AppError, json: bool) {
    if json {
        eprintln!("{}", serde_json::to_string_pretty(e).unwrap_or_default());
        return;
    }
    eprintln!("错误：{}", e.message);
}

pub fn enterprise_table(page: &EnterprisePageDto) -> String {
    let mut out = format!("共 {} 家\n", page.total);
    for r in &page.rows {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}{}\n",
            r.id,
            r.uscc,
            r.county.as_deref().unwrap_or("-"),
            r.name,
            if r.voided { "（已作废）" } else { "" }
        ));
    }
    out.trim_end().to_string()
}

pub fn enterprise_detail(d: &EnterpriseDetailDto) -> String {
    let e = &d.enterprise.data;
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let mut out = format!(
        "名称：{}\n统一社会信用代码：{}\n县区：{}\n生产地址：{}\n法定代表人：{}\n联系电话：{}\n",
        e.name,
        e.uscc,
        opt(&e.county),
        opt(&e.production_address),
        opt(&e.legal_rep),
        opt(&e.phone)
    );
    if let Some(v) = &d.enterprise.void {
        out.push_str(&format!("已作废：{}\n", v.reason));
    }
    for l in &d.licences {
        out.push_str(&format!(
            "证照：{:?} {} 有效期至 {}\n",
            l.data.kind,
            l.data.number,
            l.data.valid_until.map(|d| d.to_string()).unwrap_or_else(|| "长期".into())
        ));
    }
    for p in &d.products {
        out.push_str(&format!("产品：{} {}\n", p.data.name, p.data.standard.clone().unwrap_or_default()));
    }
    out.trim_end().to_string()
}

fn counts_line(c: &ImportCounts) -> String {
    format!("新增 {}，更新 {}，未变 {}，重复 {}，错误 {}", c.inserts, c.updates, c.unchanged, c.duplicates, c.errors)
}

fn problem_lines(rows: &[PlannedRow]) -> String {
    let mut out = String::new();
    for r in rows {
        for e in &r.errors {
            out.push_str(&format!("\n第 {} 行 [{}] {}", r.row, e.column, e.error.message_zh()));
        }
    }
    out
}

pub fn import_preview(p: &ImportPreviewDto) -> String {
    let header = p.header_rows.iter().map(u32::to_string).collect::<Vec<_>>().join("–");
    format!(
        "{}（工作表“{}”，表头第 {header} 行）\n预览：{}{}",
        p.path,
        p.sheet,
        counts_line(&p.counts),
        problem_lines(&p.rows)
    )
}

pub fn import_result(r: &ImportResultDto) -> String {
    let skipped = if r.skipped.is_empty() {
        String::new()
    } else {
        format!("\n跳过 {} 行：{}", r.skipped.len(), problem_lines(&r.skipped))
    };
    format!("已导入：新增 {}，更新 {}（{}）{skipped}", r.inserted, r.updated, counts_line(&r.counts))
}
