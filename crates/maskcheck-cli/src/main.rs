//! `maskcheck`: the same use cases as the desktop app, headless.
//! Exit status: 0 success; 1 input rejected, nothing written; 2 unusable invocation or unreadable file.

mod args;
mod campaign_cmd;
mod casework_cmd;
mod key_cmd;
mod output;
mod sync_cmd;

use std::process::ExitCode;

use clap::Parser;
use maskcheck_app::{App, AppError, ErrorCode};

use args::{
    Cli, Command, DocCommand, DocKindArg, EnterpriseCommand, FollowupCommand, InspectionCommand, RosterCommand,
};

// An import allocates and frees millions of small strings (cells, validated fields, statement parameters): glibc's
// allocator spent a quarter of a 100,000-row import consolidating and unlinking chunks (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&e, json);
            ExitCode::from(exit_status(e.code))
        }
    }
}

fn exit_status(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::Validation
        | ErrorCode::NotFound
        | ErrorCode::AlreadySetUp
        | ErrorCode::Cancelled
        | ErrorCode::BundleRefused
        | ErrorCode::BureauOnly
        | ErrorCode::BureauUnconfirmed
        | ErrorCode::Locked
        | ErrorCode::WrongPassphrase
        | ErrorCode::RecoveryRefused
        | ErrorCode::AlreadyEncrypted
        | ErrorCode::NotEncrypted => 1,
        ErrorCode::NotSetUp
        | ErrorCode::NoData
        | ErrorCode::NeedsUpgrade
        | ErrorCode::DatabaseTooNew
        | ErrorCode::DatabaseDamaged
        | ErrorCode::Io
        | ErrorCode::UnreadableFile
        | ErrorCode::CatalogueRefused
        | ErrorCode::FileTooLarge
        | ErrorCode::Storage => 2,
    }
}

fn run(cli: Cli) -> Result<(), AppError> {
    let dir = maskcheck_app::resolve_data_dir(cli.data_dir);
    // Only init and demo create a data directory; reads open it read-only, so they work on a read-only copy
    // and a mistyped --data-dir is reported instead of becoming an empty store.
    let pass = key_cmd::passphrase(cli.passphrase_file.as_deref())?;
    let pass = pass.as_deref();
    if let Command::Key(k) = &cli.command {
        if key_cmd::without_app(&dir, k, pass, cli.json)?.is_some() {
            return Ok(());
        }
    }
    let app = match &cli.command {
        Command::Init(_) | Command::Demo { .. } => {
            key_cmd::warn_if_created_plain(&dir, pass);
            App::open_with(&dir, pass)?
        }
        c if c.writes() => App::open_existing_with(&dir, pass)?,
        _ => App::open_read_only_with(&dir, pass)?,
    };
    let json = cli.json;
    match cli.command {
        Command::Key(cmd) => key_cmd::with_app(&app, cmd, pass, json)?,
        Command::Init(a) => {
            let p = app.setup(a.into_input())?;
            output::print(json, &p, || {
                format!("已完成设置：{} · {}（设备 {}）", p.unit_name, p.inspector_name, p.device_id)
            })
        }
        Command::Roster(RosterCommand::Import { file, sheet, dry_run, skip_invalid, all, new_counties }) => {
            let opts = maskcheck_app::ImportOptions {
                path: file.display().to_string(),
                sheet,
                columns: None,
                skip_invalid,
                all_rows: Some(all),
                new_counties: Some(new_counties),
            };
            let (preview, done) = app.import_file(opts, dry_run)?;
            match done {
                Some(done) => output::print(json, &done, || output::import_result(&done, all)),
                None => {
                    output::print(json, &preview, || output::import_preview(&preview, all));
                    let c = &preview.counts;
                    if c.errors + c.duplicates > 0 && !skip_invalid {
                        // The same counts as the preview's summary line, in the same words.
                        return Err(AppError::new(
                            ErrorCode::Validation,
                            format!("错误 {} 行，重复 {} 行，未导入任何数据", c.errors, c.duplicates),
                        ));
                    }
                }
            }
        }
        Command::Roster(RosterCommand::Export { file, appendix3 }) => {
            let out = app.export_roster(&file.display().to_string(), appendix3)?;
            output::print(json, &out, || format!("已导出 {} 家企业到 {}", out.rows, out.path))
        }
        Command::Inspection(InspectionCommand::List { enterprise }) => {
            let rows = app.list_inspections(enterprise.as_deref(), false)?;
            output::print(json, &rows, || output::inspection_table(&rows))
        }
        Command::Inspection(InspectionCommand::Show { id }) => {
            let i = app.inspection(&id)?;
            let catalogue = app.legal_catalogue()?;
            output::print(json, &output::InspectionWithLaw::new(&i, &catalogue), || {
                output::inspection_detail(&i, &catalogue)
            })
        }
        Command::Device(cmd) => crate::sync_cmd::device(&app, cmd, json)?,
        Command::Sample(cmd) => crate::casework_cmd::sample(&app, cmd, json)?,
        Command::Case(cmd) => crate::casework_cmd::case(&app, cmd, json)?,
        Command::Measure(cmd) => crate::casework_cmd::measure(&app, cmd, json)?,
        Command::Stats(cmd) => crate::casework_cmd::stats(&app, cmd, json)?,
        Command::Campaign(cmd) => crate::campaign_cmd::campaign(&app, cmd, json)?,
        Command::Backup(cmd) => crate::campaign_cmd::backup(&app, cmd, json)?,
        Command::Plan(cmd) => crate::campaign_cmd::plan(&app, cmd, json)?,
        Command::Catalogue => {
            let info = app.catalogue_info()?;
            output::print(json, &info, || output::catalogue_info(&info))
        }
        Command::Bundle(cmd) => crate::sync_cmd::bundle(&app, cmd, json)?,
        Command::Numbers(cmd) => crate::sync_cmd::numbers(&app, cmd, json)?,
        Command::Inspection(InspectionCommand::Void { id, reason }) => {
            app.void_inspection(&id, &reason)?;
            output::print(json, &serde_json::json!({ "voided": id }), || format!("已作废检查草稿：{id}"))
        }
        Command::Doc(DocCommand::List { kind, state }) => {
            let kind = kind.map(DocKindArg::kind);
            let filter = maskcheck_app::DocumentFilter { kind, ..Default::default() };
            let rows = app.documents_in(&filter, state.map(crate::args::DocStateArg::state))?;
            output::print(json, &rows, || output::document_table(&rows))
        }
        Command::Doc(DocCommand::Pdf { id, out, force }) => {
            if out.exists() && !force {
                return Err(AppError::new(
                    ErrorCode::Validation,
                    format!("{} 已存在；要覆盖请加 --force", out.display()),
                ));
            }
            app.save_document_pdf(&id, &out)?;
            output::print(json, &serde_json::json!({ "id": id, "out": out }), || format!("已写出 {}", out.display()))
        }
        Command::Doc(DocCommand::Amend { id, reason, file }) => {
            let req: maskcheck_app::IssueRequest = crate::casework_cmd::input(&file)?;
            let issued = app.amend_document(&id, &reason, &req)?;
            output::print(json, &issued, || {
                format!("已签发更正文书 {}\t{}（原文书已撤销）", issued.document.number, issued.document.id)
            })
        }
        Command::Followup(FollowupCommand::List { overdue }) => {
            let mut rows = app.followups(None, false)?;
            if overdue {
                rows.retain(|f| f.urgency == maskcheck_domain::followup::Urgency::Overdue);
            }
            output::print(json, &rows, || output::followup_table(&rows))
        }
        Command::Demo { enterprises, seed } => {
            let s = app.load_demo(enterprises, seed)?;
            output::print(json, &s, || {
                format!(
                    "演示数据：企业 {} 家，证照 {} 份，产品 {} 个，已完结检查 {} 次，文书 {} 份，抽样 {} 个，案件 {} 件",
                    s.enterprises, s.licences, s.products, s.inspections, s.documents, s.samples, s.cases
                )
            })
        }
        Command::Enterprise(EnterpriseCommand::Add(a)) => {
            let e = app.create_enterprise(a.into_input())?;
            output::print(json, &e, || e.id.clone())
        }
        Command::Enterprise(EnterpriseCommand::List(a)) => {
            let page = app.list_enterprises(a.into_query())?;
            output::print(json, &page, || output::enterprise_table(&page))
        }
        Command::Enterprise(EnterpriseCommand::Show { id }) => {
            let d = app.enterprise_detail(&id)?;
            output::print(json, &d, || output::enterprise_detail(&d))
        }
        Command::Enterprise(EnterpriseCommand::Void { id, reason }) => {
            let e = app.void_enterprise(&id, &reason)?;
            output::print(json, &e, || format!("已作废：{}", e.data.name))
        }
    }
    Ok(())
}
