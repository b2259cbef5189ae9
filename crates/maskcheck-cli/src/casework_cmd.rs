//! `maskcheck sample …` and `maskcheck case …`: the records behind appendices 4 and 5, for scripts and tests. New
//! records and lab results are read from a JSON file holding the same input the window sends (`SampleInput`,
//! `SampleResultInput`, `CaseInput`); the JSON output is the window's DTOs.

use std::path::Path;

use maskcheck_app::{App, AppError, CaseDto, ErrorCode, IssueRequest, MeasureDto, SampleDto};
use serde::de::DeserializeOwned;

use crate::args::{CaseCommand, MeasureCommand, SampleCommand, StatsCommand};
use crate::output::{self, esc};

/// The input in a JSON file; a file that is not that input names the file, the line and the column.
pub(crate) fn input<T: DeserializeOwned>(path: &Path) -> Result<T, AppError> {
    let text = std::fs::read_to_string(path).map_err(|e| AppError::io(path, e))?;
    serde_json::from_str(&text).map_err(|e| {
        AppError::new(
            ErrorCode::UnreadableFile,
            format!("{} 第 {} 行第 {} 列：{e}", path.display(), e.line(), e.column()),
        )
        .about(path.display().to_string())
    })
}

fn sample_line(s: &SampleDto) -> String {
    let result = match &s.result {
        None => "待检验".to_string(),
        Some(r) if r.verdict == maskcheck_domain::casework::LabVerdict::Pass => "合格".to_string(),
        Some(r) => format!("不合格：{}", esc(&r.failing_items)),
    };
    format!(
        "{}\t{}\t{}\t{}\t{}\t{result}",
        s.id,
        s.input.sampled_on,
        esc(&s.enterprise_name),
        esc(&s.input.product_name),
        esc(&s.input.batch_or_date)
    )
}

fn case_line(c: &CaseDto) -> String {
    let closed = c.input.closed_on.map(|d| format!("结案 {d}")).unwrap_or_else(|| "办理中".into());
    format!(
        "{}\t{}\t{:?}\t{}\t罚没 {:.2} 万元\t{closed}",
        c.id,
        c.input.opened_on,
        c.input.category,
        esc(&c.input.title),
        c.input.fines_wan
    )
}

fn ledger_errors(plan: &maskcheck_domain::ledger::TrailPlan) -> String {
    plan.errors.iter().map(|e| format!("第 {} 行：{}\n", e.row, e.error.message_zh())).collect()
}

fn chain_line(c: &maskcheck_app::ChainFollowupDto) -> String {
    use maskcheck_domain::failed_chain::OpenStep;
    let steps: Vec<String> = c
        .steps
        .iter()
        .map(|s| match s {
            OpenStep::StopSales => "责令停止销售".to_string(),
            OpenStep::Trail => "追查流向".to_string(),
            OpenStep::Buyer { buyer, quantity } => format!("处理购货单位{buyer}（{quantity}只）"),
            OpenStep::ExportNotice => "通报海关、商务部门".to_string(),
        })
        .collect();
    format!(
        "{}\t{}\t{}\t{}\t待办：{}",
        c.sample_id,
        esc(&c.enterprise_name),
        esc(&c.product_name),
        c.batch,
        steps.join("、")
    )
}

pub fn stats(app: &App, cmd: StatsCommand, json: bool) -> Result<(), AppError> {
    use maskcheck_domain::appendix::Period;
    match cmd {
        StatsCommand::Export { appendix, from, to, unit, out } => {
            let choice = maskcheck_app::AppendixChoice::parse(&appendix)?;
            let done = app.export_appendix(choice, Period { from, to }, unit.as_deref(), &out)?;
            let which = if appendix == "all" { "附件3、4、5".to_string() } else { format!("附件{appendix}") };
            output::print(json, &done, || format!("已导出{which}（{} 行）：{}", done.rows, done.path));
        }
        StatsCommand::Cases { from, to, unit } => {
            let rows = app.appendix4(Period { from, to }, unit.as_deref())?;
            output::print(json, &rows, || {
                let mut out = appendix4_head("查办案件情况");
                for r in &rows {
                    out.push_str(&appendix4_line(maskcheck_app::appendix4_row_label(r), r));
                }
                out
            });
        }
        StatsCommand::Rollup { from, to, out } => {
            let period = Period { from, to };
            let rollup = app.rollup(period)?;
            let written = out.map(|o| app.export_rollup(period, &o)).transpose()?;
            output::print(json, &rollup, || {
                let mut text = appendix4_head("单位（合计行）");
                for u in &rollup.units {
                    let source = match u.source {
                        maskcheck_app::FiguresSource::Records => "（同步记录）".to_string(),
                        maskcheck_app::FiguresSource::Workbook => {
                            format!("（报表 {}）", u.file_name.clone().unwrap_or_default())
                        }
                    };
                    if let Some(t) = u.appendix4.last() {
                        text.push_str(&appendix4_line(&format!("{}{source}", u.unit), t));
                    }
                }
                if let Some(t) = rollup.total.last() {
                    text.push_str(&appendix4_line("合计", t));
                }
                text.push_str(&format!("抽查产品 {} 个，其中不合格 {} 个\n", rollup.sampled, rollup.failed));
                if !rollup.missing.is_empty() {
                    text.push_str(&format!("本期未报送：{}\n", rollup.missing.join("、")));
                }
                if let Some(w) = &written {
                    text.push_str(&format!("已导出汇总表：{}\n", w.path));
                }
                text
            });
        }
        StatsCommand::Receive { file, from, to, unit, apply } => {
            let period = Period { from, to };
            let preview = if apply {
                app.apply_sent_report(&file, period, unit.as_deref())?
            } else {
                app.preview_sent_report(&file, period, unit.as_deref())?
            };
            output::print(json, &preview, || {
                let mut text =
                    format!("{}：填报单位 {}，填报时间 {}\n", preview.file, preview.unit, preview.reported_on);
                if let Some(t) = preview.appendix4.as_ref().and_then(|a| a.last()) {
                    text.push_str(&appendix4_head("附件4"));
                    text.push_str(&appendix4_line("合计", t));
                }
                text.push_str(&format!("附件5：抽查产品 {} 个，其中不合格 {} 个\n", preview.sampled, preview.failed));
                if let Some(at) = &preview.replaces {
                    text.push_str(&format!("将替换 {at} 导入的该单位同期报表\n"));
                }
                if !preview.known_unit {
                    text.push_str("注意：该单位不是本局登记的下级单位\n");
                }
                for e in &preview.errors {
                    text.push_str(&format!("错误：{} 第{}行“{}”：{}\n", e.sheet, e.row, e.column, e.rule));
                }
                text.push_str(if apply {
                    "已导入。\n"
                } else if preview.errors.is_empty() {
                    "预览，未导入；加 --apply 导入。\n"
                } else {
                    "有错误，不能导入；请单位改正后重新报送。\n"
                });
                text
            });
        }
    }
    Ok(())
}

fn appendix4_head(first: &str) -> String {
    format!("{first}\t出动执法人员\t检查经营者数\t查办案件\t立案\t结案\t罚没（万元）\t案值（万元）\t查获口罩（万只）\t移送公安\n")
}

fn appendix4_line(label: &str, r: &maskcheck_domain::appendix::Appendix4Row) -> String {
    let opt = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{:.2}\t{:.2}\t{:.2}\t{}\n",
        label,
        opt(r.inspectors),
        opt(r.operators),
        r.cases,
        r.filed,
        r.closed,
        r.fines_wan,
        r.value_wan,
        r.masks_wan,
        r.referred
    )
}

fn publicity_line(c: &CaseDto) -> String {
    let number = c.input.penalty.as_ref().map(|p| p.number.as_str()).unwrap_or_default();
    let state = match &c.publicity {
        Some(p) => match p.published_on {
            Some(on) => format!("已于 {on} 公示"),
            None if p.days_left < 0 => format!("公示期限 {}（已超期 {} 天）", p.deadline, -p.days_left),
            None => format!("公示期限 {}", p.deadline),
        },
        None => String::new(),
    };
    format!("{}\t{}\t{}\t{state}", c.id, esc(number), esc(c.enterprise_name.as_deref().unwrap_or_default()))
}

pub fn sample(app: &App, cmd: SampleCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        SampleCommand::List { enterprise } => {
            let list = app.samples(enterprise.as_deref())?;
            output::print(json, &list, || {
                let mut out = format!("共 {} 个样品\n", list.len());
                out.push_str(&list.iter().map(sample_line).collect::<Vec<_>>().join("\n"));
                out
            });
        }
        SampleCommand::Show { id } => {
            let s = app.sample(&id)?;
            output::print(json, &s, || sample_line(&s));
        }
        SampleCommand::Add { file } => {
            let s = app.create_sample(&input(&file)?)?;
            output::print(json, &s, || format!("已登记抽样 {}", sample_line(&s)));
        }
        SampleCommand::Result { id, file } => {
            let s = app.record_sample_result(&id, &input(&file)?)?;
            output::print(json, &s, || format!("已记录检验结果 {}", sample_line(&s)));
        }
        SampleCommand::Chain { id, file } => {
            let s = app.save_chain(&id, &input(&file)?)?;
            output::print(json, &s, || format!("已记录后处理 {}", sample_line(&s)));
        }
        SampleCommand::Notify { id, recipients } => {
            let issued = app.issue_document(&IssueRequest::ExportNotice { sample_id: id, recipients })?;
            output::print(json, &issued, || format!("已签发 {}\t{}", issued.document.number, issued.document.id));
        }
        SampleCommand::Ledger { id, file, apply } => {
            let plan = app.ledger_trail(&id, &file)?;
            if apply {
                if !plan.errors.is_empty() {
                    return Err(AppError::new(
                        ErrorCode::Validation,
                        format!(
                            "{}：{} 行有误，未添加任何购货单位\n{}",
                            file.display(),
                            plan.errors.len(),
                            ledger_errors(&plan)
                        ),
                    ));
                }
                let mut chain = app.sample(&id)?.result.map(|r| r.chain).unwrap_or_default();
                chain.trail.extend(plan.buyers.iter().cloned());
                let s = app.save_chain(&id, &chain)?;
                output::print(json, &s, || format!("已添加 {} 个购货单位 {}", plan.buyers.len(), sample_line(&s)));
            } else {
                output::print(json, &plan, || {
                    let mut out = format!(
                        "本批次购货单位 {} 个，其他批次 {} 行，有误 {} 行\n",
                        plan.buyers.len(),
                        plan.other_batches,
                        plan.errors.len()
                    );
                    for b in &plan.buyers {
                        out.push_str(&format!(
                            "{}\t{}\t{}只\t{}\n",
                            esc(&b.buyer),
                            esc(&b.place),
                            b.quantity,
                            b.sold_on
                        ));
                    }
                    out.push_str(&ledger_errors(&plan));
                    out
                });
            }
        }
        SampleCommand::Followups => {
            let list = app.chain_followups()?;
            output::print(json, &list, || {
                let mut out = format!("共 {} 个不合格样品尚有后处理未完成\n", list.len());
                out.push_str(&list.iter().map(chain_line).collect::<Vec<_>>().join("\n"));
                out
            });
        }
    }
    Ok(())
}

pub fn case(app: &App, cmd: CaseCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        CaseCommand::List => {
            let list = app.cases()?;
            output::print(json, &list, || {
                let mut out = format!("共 {} 件案件\n", list.len());
                out.push_str(&list.iter().map(case_line).collect::<Vec<_>>().join("\n"));
                out
            });
        }
        CaseCommand::Show { id } => {
            let c = app.case(&id)?;
            output::print(json, &c, || case_line(&c));
        }
        CaseCommand::Save { id, file } => {
            let c = app.save_case(id.as_deref(), &input(&file)?)?;
            output::print(json, &c, || format!("已保存案件 {}", case_line(&c)));
        }
        CaseCommand::Publicity { all, out: Some(path) } => {
            let done = app.export_publicity(&path, !all)?;
            output::print(json, &done, || format!("已导出 {} 条公示信息：{}", done.rows, done.path));
        }
        CaseCommand::Publicity { all, out: None } => {
            let list = app.publicity(!all)?;
            output::print(json, &list, || {
                let mut out = format!("共 {} 件待公示的行政处罚\n", list.len());
                out.push_str(&list.iter().map(publicity_line).collect::<Vec<_>>().join("\n"));
                out
            });
        }
    }
    Ok(())
}

fn measure_line(m: &MeasureDto) -> String {
    let left = match m.days_left {
        d if d < 0 => format!("已超期 {} 天", -d),
        0 => "今天到期".into(),
        d => format!("{d} 天后到期"),
    };
    let left = match (m.released_on, m.extended_until) {
        (Some(on), _) => format!("已于 {on} 解除"),
        (None, Some(_)) => format!("{left}（已延长）"),
        (None, None) => left,
    };
    format!(
        "{}\t{}\t{}\t{}\t{} 至 {}\t{left}\t{}",
        m.document_id,
        m.number,
        m.measure.zh(),
        esc(&m.enterprise_name),
        m.from,
        m.until,
        esc(&m.goods.iter().map(|g| format!("{}{}{}", g.name, g.quantity, g.unit)).collect::<Vec<_>>().join("、"))
    )
}

pub fn measure(app: &App, cmd: MeasureCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        MeasureCommand::List { due } => {
            let list = app.measures(due)?;
            output::print(json, &list, || {
                let mut out = format!("共 {} 项强制措施\n", list.len());
                out.push_str(&list.iter().map(measure_line).collect::<Vec<_>>().join("\n"));
                out
            });
        }
        MeasureCommand::Show { id } => {
            let m = app.measure(&id)?;
            output::print(json, &m, || measure_line(&m));
        }
        MeasureCommand::Extend { id, until, reason } => {
            let issued =
                app.issue_document(&IssueRequest::MeasureExtension { decision_id: id, new_until: until, reason })?;
            output::print(json, &issued, || format!("已签发 {}\t{}", issued.document.number, issued.document.id));
        }
        MeasureCommand::Release { id, ground, reason, on } => {
            let released_on = on.unwrap_or_else(maskcheck_app::today);
            let req = IssueRequest::MeasureRelease { decision_id: id, ground: ground.ground(), reason, released_on };
            let issued = app.issue_document(&req)?;
            output::print(json, &issued, || format!("已签发 {}\t{}", issued.document.number, issued.document.id));
        }
    }
    Ok(())
}
