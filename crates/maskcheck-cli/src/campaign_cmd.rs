//! `campaign` (the responsibility lists' board) and `plan` (双随机 draws).

use maskcheck_app::{App, AppError, ErrorCode, Evidence, EvidenceKind, TaskStatusInput};
use maskcheck_domain::campaign::{Due, Light, TaskStatus};
use maskcheck_domain::inspection::Inspector;
use maskcheck_domain::spot_check::{DrawCriteria, DrawSize};
use maskcheck_domain::EnterpriseKind;

use crate::args::{BackupCommand, CampaignCommand, PlanCommand, TaskStatusArg};
use crate::output::{self, esc};

fn due_text(d: Due) -> String {
    match d {
        Due::On(d) => d.format("%Y-%m-%d").to_string(),
        Due::AtOnce => "即时办理".into(),
        Due::Ongoing => "长期坚持".into(),
    }
}

fn light_text(l: Light) -> &'static str {
    match l {
        Light::Done => "完成",
        Light::Overdue => "逾期",
        Light::DueSoon => "临期",
        Light::Open => "进行中",
    }
}

fn status_text(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::NotStarted => "未开始",
        TaskStatus::InProgress => "推进中",
        TaskStatus::Done => "已完成",
    }
}

pub fn campaign(app: &App, cmd: CampaignCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        CampaignCommand::Board { unit } => {
            let board = app.campaign_board(unit.as_deref())?;
            output::print(json, &board, || {
                let mut out = format!("{}\n键\t任务\t完成时间\t状态\t统计\t提示\n", board.unit);
                for t in &board.tasks {
                    let progress: Vec<String> =
                        t.measured.iter().map(|m| format!("{}/{}", m.progress.done, m.progress.of)).collect();
                    let progress = progress.join("，");
                    out.push_str(&format!(
                        "{}\t{}{}. {}\t{}\t{}\t{}\t{}\n",
                        t.task.key,
                        if t.task.key.starts_with("md") { "医用" } else { "非医用" },
                        t.task.number,
                        esc(&t.task.title),
                        due_text(t.task.due),
                        status_text(t.status),
                        progress,
                        light_text(t.light)
                    ));
                }
                out
            });
        }
        CampaignCommand::Set { task, status, note, unit, record, file } => {
            let status = match status {
                TaskStatusArg::NotStarted => TaskStatus::NotStarted,
                TaskStatusArg::InProgress => TaskStatus::InProgress,
                TaskStatusArg::Done => TaskStatus::Done,
            };
            let evidence = record
                .into_iter()
                .map(|r| Evidence { kind: EvidenceKind::Record, label: r.clone(), reference: r })
                .collect();
            let input = TaskStatusInput {
                task_key: task,
                unit,
                status,
                note,
                evidence,
                file: file.map(|f| f.display().to_string()),
            };
            let row = app.set_task_status(&input)?;
            output::print(json, &row, || {
                format!("已更新：{}（{}，{}）", row.task.title, status_text(row.status), light_text(row.light))
            });
        }
    }
    Ok(())
}

fn size_of(s: &str) -> Result<DrawSize, AppError> {
    let bad = || AppError::new(ErrorCode::Validation, format!("抽取数量“{s}”应为家数（如 20）或比例（如 10%）"));
    match s.trim().strip_suffix('%') {
        Some(p) => p.trim().parse().map(DrawSize::Percent).map_err(|_| bad()),
        None => s.trim().parse().map(DrawSize::Count).map_err(|_| bad()),
    }
}

fn inspector_of(s: &str) -> Result<Inspector, AppError> {
    let (name, cert) = s
        .split_once([':', '：'])
        .ok_or_else(|| AppError::new(ErrorCode::Validation, format!("执法人员“{s}”应写作 姓名:执法证号")))?;
    Ok(Inspector { name: name.trim().into(), cert_no: cert.trim().into() })
}

pub fn plan(app: &App, cmd: PlanCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        PlanCommand::Draw { title, size, county, kind, inspector, seed, apply } => {
            let request = maskcheck_app::DrawRequest {
                title,
                seed,
                criteria: DrawCriteria {
                    counties: county,
                    kinds: kind.into_iter().map(EnterpriseKind::from).collect(),
                },
                size: size_of(&size)?,
                inspectors: inspector.iter().map(|i| inspector_of(i)).collect::<Result<_, _>>()?,
            };
            if apply {
                let plan = app.commit_draw(&request)?;
                output::print(json, &plan, || {
                    let mut out = format!("已保存抽取计划“{}”（种子 {}）：\n", plan.title, plan.seed);
                    for c in &plan.checks {
                        out.push_str(&check_line(c.position, &c.enterprise_name, &c.inspectors));
                    }
                    out
                });
            } else {
                let preview = app.preview_draw(&request)?;
                output::print(json, &preview, || {
                    let mut out = format!(
                        "从 {} 家企业中抽取 {} 家（种子 {}；预览，未保存，加 --apply --seed {} 保存同一结果）：\n",
                        preview.candidates,
                        preview.checks.len(),
                        preview.seed,
                        preview.seed
                    );
                    for c in &preview.checks {
                        out.push_str(&check_line(c.position, &c.name, &c.inspectors));
                    }
                    out
                });
            }
        }
        PlanCommand::List => {
            let plans = app.spot_plans()?;
            output::print(json, &plans, || {
                let mut out = String::new();
                for p in &plans {
                    out.push_str(&format!(
                        "{}\t{}\t{}\t种子 {}\t已检查 {}/{}\n",
                        p.plan_id,
                        esc(&p.title),
                        p.drawn_on,
                        p.seed,
                        p.visited,
                        p.checks.len()
                    ));
                }
                out
            });
        }
        PlanCommand::Verify { plan } => {
            let v = app.verify_draw(&plan)?;
            output::print(json, &v, || {
                if v.same {
                    format!("重新抽取结果一致：{} 家候选企业，{} 家抽中", v.candidates, v.checks.len())
                } else {
                    "重新抽取结果与保存的计划不一致".to_string()
                }
            });
            if !v.same {
                return Err(AppError::new(ErrorCode::Validation, "重新抽取结果与保存的计划不一致"));
            }
        }
    }
    Ok(())
}

fn check_line(position: u32, name: &str, inspectors: &[Inspector]) -> String {
    let people: Vec<String> = inspectors.iter().map(|i| format!("{}（{}）", i.name, i.cert_no)).collect();
    format!("{position}\t{}\t{}\n", esc(name), people.join("、"))
}

fn backup_line(b: &maskcheck_app::BackupDto) -> String {
    let holds = b
        .holds
        .as_ref()
        .map(|h| {
            format!(
                "企业 {} 家，检查 {} 次，文书 {} 份，抽样 {} 个，案件 {} 件",
                h.enterprises, h.inspections, h.documents, h.samples, h.cases
            )
        })
        .unwrap_or_else(|| "无法读取".into());
    format!("{}\t{:?}\t{}\t{}\n", b.written_at, b.reason, holds, b.file)
}

pub fn backup(app: &App, cmd: BackupCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        BackupCommand::List => {
            let list = app.backups()?;
            output::print(json, &list, || list.iter().map(backup_line).collect());
        }
        BackupCommand::Now { to } => {
            let copy = app.backup_to_folder(&to)?;
            output::print(json, &copy, || format!("已备份：{}", backup_line(&copy)));
        }
        BackupCommand::Restore { file } => {
            let r = app.restore_backup(&file)?;
            output::print(json, &r, || {
                format!(
                    "已恢复：{}原数据库已另存为 {}\n本机已启用新的设备身份 {}（原 {}）：请将身份卡（device identity --out）发给局端重新登记\n",
                    backup_line(&r.restored),
                    r.replaced,
                    r.new_device_id,
                    r.old_device_id
                )
            });
        }
    }
    Ok(())
}
