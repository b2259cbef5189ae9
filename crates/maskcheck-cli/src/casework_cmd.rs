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
        StatsCommand::Export { appendix, from, to, out } => {
            let done = app.export_appendix(appendix, Period { from, to }, &out)?;
            output::print(json, &done, || format!("已导出附件{appendix}（{} 行）：{}", done.rows, done.path));
        }
        StatsCommand::Cases { from, to } => {
            let rows = app.appendix4(Period { from, to })?;
            output::print(json, &rows, || {
                let mut out = "查办案件情况\t出动执法人员\t检查经营者数\t查办案件\t立案\t结案\t罚没（万元）\t案值（万元）\t查获口罩（万只）\t移送公安\n".to_string();
                for r in &rows {
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{:.2}\t{:.2}\t{:.2}\t{}\n",
                        maskcheck_app::appendix4_row_label(r),
                        r.inspectors,
                        r.operators,
                        r.cases,
                        r.filed,
                        r.closed,
                        r.fines_wan,
                        r.value_wan,
                        r.masks_wan,
                        r.referred
                    ));
                }
                out
            });
        }
    }
    Ok(())
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
