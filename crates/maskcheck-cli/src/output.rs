//! Human and JSON output.

use maskcheck_app::{
    AppError, EnterpriseDetailDto, EnterprisePageDto, ImportPreviewDto, ImportResultDto, InspectionDto,
    InspectionRowDto,
};
use maskcheck_domain::roster_import::{ImportCounts, PlannedRow};
use serde::Serialize;

pub fn print<T: Serialize>(json: bool, value: &T, human: impl FnOnce() -> String) {
    if json {
        emit(&serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")));
    } else {
        emit(&human());
    }
}

/// Writes a result to stdout. A reader that went away (`| head`) ends the program quietly with success, as
/// the Unix tools do, instead of a panic; any other write failure is reported once.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "错误：无法写出结果（{e}）");
            std::process::exit(2);
        }
    }
}

pub fn error(e: &AppError, json: bool) {
    use std::io::Write;
    let text =
        if json { serde_json::to_string_pretty(e).unwrap_or_default() } else { format!("错误：{}", e.message) };
    // stderr closed too: nothing left to tell; the exit status still says it.
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// A user's text in one field of a tab-separated line: tabs, line breaks and other control characters are
/// shown escaped (`\t`, `\n`, `\u{7}`), so one record is always one line with the same number of fields.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || maskcheck_domain::text::is_invisible_format(c)
                || maskcheck_domain::text::is_line_break(c) =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

pub fn enterprise_table(page: &EnterprisePageDto) -> String {
    let mut out = format!("共 {} 家\n", page.total);
    for r in &page.rows {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}{}\n",
            r.id,
            esc(&r.uscc),
            esc(r.county.as_deref().unwrap_or("-")),
            esc(&r.name),
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

/// How many rows of each kind of problem the text output lists (`--all` lists every one).
const FIRST_OF_EACH_KIND: usize = 10;

/// The rows' problems, the first ten of each kind (field and rule) unless `all`, then how many more there are.
fn problem_lines(rows: &[PlannedRow], all: bool) -> String {
    let mut shown: std::collections::HashMap<(maskcheck_domain::Field, String), usize> = Default::default();
    let mut hidden = 0usize;
    let mut out = String::new();
    for r in rows {
        for e in &r.errors {
            let n = shown.entry((e.error.field, format!("{:?}", e.error.rule))).or_default();
            *n += 1;
            if all || *n <= FIRST_OF_EACH_KIND {
                out.push_str(&format!("\n第 {} 行 [{}] {}", r.row, esc(&e.column), esc(&e.error.message_zh())));
            } else {
                hidden += 1;
            }
        }
    }
    if hidden > 0 {
        out.push_str(&format!("\n……另有 {hidden} 处同类问题未列出（加 --all 列出全部）"));
    }
    out
}

fn omitted_line(n: u32) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("\n……另有 {n} 行只计入数量、未逐行列出（加 --all 列出全部）")
    }
}

pub fn import_preview(p: &ImportPreviewDto, all: bool) -> String {
    let header = p.header_rows.iter().map(u32::to_string).collect::<Vec<_>>().join("–");
    format!(
        "{}（工作表“{}”，表头第 {header} 行）\n预览：{}{}",
        p.path,
        p.sheet,
        counts_line(&p.counts),
        problem_lines(&p.rows, all)
    ) + &omitted_line(p.omitted_rows)
}

pub fn import_result(r: &ImportResultDto, all: bool) -> String {
    let skipped = if r.skipped.is_empty() {
        String::new()
    } else {
        format!("\n跳过 {} 行：{}", r.skipped.len(), problem_lines(&r.skipped, all))
    };
    format!("已导入：新增 {}，更新 {}（{}）{skipped}", r.inserted, r.updated, counts_line(&r.counts))
        + &omitted_line(r.omitted_skipped)
}

pub fn inspection_table(rows: &[InspectionRowDto]) -> String {
    let mut out = format!("共 {} 次检查\n", rows.len());
    for r in rows {
        let state = if r.finished { "已完结" } else { "草稿" };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t发现问题 {} 项\n",
            r.id,
            &r.created_at[..r.created_at.len().min(16)],
            state,
            esc(&r.enterprise_name),
            r.findings
        ));
    }
    out.trim_end().to_string()
}

pub fn inspection_detail(i: &InspectionDto, catalogue: &[maskcheck_domain::checklist::LegalBasis]) -> String {
    let d = &i.draft;
    let inspectors: Vec<String> = d.inspectors.iter().map(|p| format!("{}（{}）", p.name, p.cert_no)).collect();
    let mut out = format!(
        "{}（{}）\n检查表：{}\n状态：{}\n时间：{} 至 {}\n地点：{}\n执法人员：{}\n企业在场人员：{}\n发现问题 {} 项：",
        i.enterprise_name,
        i.enterprise_uscc,
        i.template.title,
        if i.finished { "已完结" } else { "草稿" },
        d.started_at.clone().unwrap_or_default(),
        d.ended_at.clone().unwrap_or_default(),
        d.place,
        inspectors.join("、"),
        d.representative,
        d.findings.len()
    );
    let cite = |k: &String| catalogue.iter().find(|b| &b.key == k).map(|b| b.citation()).unwrap_or_else(|| k.clone());
    for (n, f) in d.findings.iter().enumerate() {
        let law = &f.law;
        let basis = if law.is_offence() {
            let duty: Vec<String> = law.duty.iter().map(cite).collect();
            let order = law.order.as_ref().map(cite).map(|o| format!("；责令改正依据：{o}")).unwrap_or_default();
            format!("违反：{}{order}", duty.join("、"))
        } else {
            "不违反法律规定，属专项整治要求整改的事项".to_string()
        };
        out.push_str(&format!("\n{}. {}\n   {basis}", n + 1, esc(&f.text)));
    }
    out
}

pub fn document_table(rows: &[maskcheck_app::DocumentDto]) -> String {
    let mut out = format!("共 {} 份文书\n", rows.len());
    for d in rows {
        use maskcheck_domain::document::DocState;
        let state = match d.state {
            DocState::Revoked => "已撤销",
            DocState::AwaitingService => "待送达",
            DocState::Done if d.served_at.is_some() => "已送达",
            DocState::Done => "已签发",
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            d.id,
            &d.issued_at[..d.issued_at.len().min(16)],
            d.title,
            d.number,
            esc(&d.enterprise_name),
            state
        ));
    }
    out
}

pub fn followup_table(rows: &[maskcheck_app::FollowupDto]) -> String {
    let mut out = format!("共 {} 项待跟进的整改\n", rows.len());
    for f in rows {
        let when = if f.days_left < 0 {
            format!("逾期 {} 天", -f.days_left)
        } else {
            maskcheck_domain::followup::due_in_words(i64::from(f.days_left))
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            f.deadline,
            when,
            f.number,
            esc(&f.enterprise_name),
            f.rectification_id
        ));
    }
    out
}

/// `inspection show --json`: the inspection and the text of every provision its findings cite, so a script
/// never has to resolve catalogue keys itself.
#[derive(Serialize)]
pub struct InspectionWithLaw<'a> {
    #[serde(flatten)]
    pub inspection: &'a InspectionDto,
    pub citations: std::collections::BTreeMap<String, maskcheck_domain::checklist::LegalBasis>,
}

impl<'a> InspectionWithLaw<'a> {
    pub fn new(inspection: &'a InspectionDto, catalogue: &[maskcheck_domain::checklist::LegalBasis]) -> Self {
        let citations = inspection
            .draft
            .findings
            .iter()
            .flat_map(|f| f.law.keys())
            .filter_map(|k| catalogue.iter().find(|b| b.key == k))
            .map(|b| (b.key.clone(), b.clone()))
            .collect();
        Self { inspection, citations }
    }
}

/// Where the catalogue and templates in use come from, in the words of the settings page.
pub fn catalogue_info(info: &maskcheck_app::CatalogueInfoDto) -> String {
    use maskcheck_app::CatalogueSource;
    let source = |s: CatalogueSource| match s {
        CatalogueSource::Shipped => "软件自带".to_string(),
        CatalogueSource::DataDir => "本机数据目录".to_string(),
        CatalogueSource::Bureau => "局端下发".to_string(),
    };
    let mut out = format!("法律依据目录：{}，{} 条", source(info.source), info.entries);
    if let Some(p) = &info.path {
        out.push_str(&format!("（{}）", esc(p)));
    }
    if let Some(d) = &info.from_device {
        out.push_str(&format!("（来自设备 {d}）"));
    }
    for t in &info.templates {
        out.push_str(&format!("\n检查表：{}\t{} 第 {} 版\t{}", t.key, esc(&t.title), t.version, source(t.source)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn user_text_stays_on_one_tab_separated_field() {
        for (input, want) in [
            ("康达口罩厂", "康达口罩厂"),
            ("a\tb", "a\\tb"),
            ("第一行\n第二行\r", "第一行\\n第二行\\r"),
            ("x\u{7}y\u{202E}z", "x\\u{7}y\\u{202e}z"),
        ] {
            assert_eq!(esc(input), want, "{input:?}");
        }
    }
}
