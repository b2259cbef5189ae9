//! `maskcheck device …` and `maskcheck bundle …`: enrolment and sync bundles.

use maskcheck_app::{App, AppError, BundleImportDto, DeviceDto};

use crate::args::{BundleCommand, DeviceCommand, NumbersCommand};
use crate::output::{self, esc};

fn device_line(d: &DeviceDto) -> String {
    let revoked = d.revoked.as_deref().map(|r| format!("\t已吊销：{}", esc(r))).unwrap_or_default();
    format!(
        "{}\t{:?}\t{}\t{}\t{}\t指纹 {}{revoked}",
        d.id,
        d.role,
        d.trust,
        esc(&d.unit),
        esc(&d.person),
        d.fingerprint_groups
    )
}

pub fn device(app: &App, cmd: DeviceCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        DeviceCommand::Show => {
            let d = app.device_show()?;
            output::print(json, &d, || device_line(&d));
        }
        DeviceCommand::Identity { out } => {
            let d = app.write_identity(&out)?;
            output::print(json, &d, || format!("已写出身份卡 {}；指纹 {}", out.display(), d.fingerprint_groups));
        }
        DeviceCommand::Enrol { file } => {
            let d = app.enrol_device(&file)?;
            output::print(json, &d, || {
                format!("已登记设备 {}（{}）；指纹 {}", d.id, esc(&d.person), d.fingerprint_groups)
            });
        }
        DeviceCommand::Revoke { id, reason } => {
            let d = app.revoke_device(&id, &reason)?;
            output::print(json, &d, || format!("已吊销设备 {}", d.id));
        }
        DeviceCommand::List => {
            let list = app.devices()?;
            output::print(json, &list, || list.iter().map(device_line).collect::<Vec<_>>().join("\n"));
        }
    }
    Ok(())
}

fn import_line(path: &std::path::Path, r: &BundleImportDto) -> String {
    if r.already_applied {
        return format!("{}：已导入过，未作改动", path.display());
    }
    format!(
        "{}：新增 {}，更新 {}，未变 {}，冲突 {}，隔离 {}，附件 {}",
        path.display(),
        r.new,
        r.updated,
        r.unchanged,
        r.conflicts,
        r.quarantined,
        r.attachments
    )
}

pub fn bundle(app: &App, cmd: BundleCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        BundleCommand::Export { out, to } => {
            let r = app.export_bundle(&out, to.as_deref())?;
            output::print(json, &r, || {
                format!(
                    "已写出同步包 {}（发给 {}，第 {} 号）：记录 {}，附件 {}",
                    r.path, r.recipient, r.seq, r.rows, r.attachments
                )
            });
        }
        BundleCommand::Import { files, accept_bureau } => {
            // One bundle after another, each all or nothing; the first refusal stops (the rest are untouched).
            // One backup before the first bundle that applies covers the batch.
            let mut backup = true;
            let mut done = Vec::new();
            for f in &files {
                let r = app.import_bundle_in_batch(f, accept_bureau.as_deref(), &mut backup, &maskcheck_app::quiet)?;
                if !json {
                    output::print(false, &r, || import_line(f, &r));
                }
                done.push(r);
            }
            if json {
                output::print(true, &done, String::new);
            }
        }
        BundleCommand::Inspect { file } => {
            let h = app.inspect_bundle(&file)?;
            output::print(json, &h, || {
                format!(
                    "同步包 {}：发送 {} → 接收 {}，第 {} 号，数据库版本 {}，{}，记录 {}，附件 {}",
                    h.bundle_id, h.sender, h.recipient, h.seq, h.schema, h.created_at, h.rows, h.attachments
                )
            });
        }
        BundleCommand::Quarantine => {
            let list = app.sync_quarantine()?;
            output::print(json, &list, || {
                list.iter()
                    .map(|q| {
                        let detail = if q.detail.is_empty() { String::new() } else { format!("：{}", esc(&q.detail)) };
                        format!(
                            "{}\t{} {}\t{}{detail}\t同步包 {}",
                            q.found_at,
                            q.table,
                            q.row_id,
                            q.reason.zh(),
                            q.bundle_id
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        BundleCommand::Conflicts => {
            let list = app.sync_conflicts()?;
            output::print(json, &list, || {
                list.iter()
                    .map(|c| {
                        let v = |v: &Option<String>| esc(v.as_deref().unwrap_or("（空）"));
                        format!(
                            "{}\t{}\t{} {} {}\t保留 {}\t未采用 {}",
                            c.id,
                            c.found_at,
                            c.table,
                            c.row_id,
                            c.field,
                            v(&c.kept_value),
                            v(&c.lost_value)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}

pub fn numbers(app: &App, cmd: NumbersCommand, json: bool) -> Result<(), AppError> {
    match cmd {
        NumbersCommand::Assign { device, kind, year, from, to } => {
            let block = maskcheck_domain::document::NumberBlock { year, first: from, last: to };
            let b = app.assign_numbers(&device, kind.kind(), block)?;
            output::print(json, &b, || {
                format!("已分配：设备 {device}，{}年 {}–{}（随下一个同步包发出）", b.year, b.first, b.last)
            });
        }
        NumbersCommand::List => {
            let list = app.assigned_numbers()?;
            output::print(json, &list, || {
                list.iter()
                    .map(|b| {
                        let kind = b.kind.map(|k| k.title_zh()).unwrap_or("全部文书");
                        format!(
                            "{}\t{kind}\t{}年\t{}–{}",
                            b.device.as_deref().unwrap_or("本机"),
                            b.year,
                            b.first,
                            b.last
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}
