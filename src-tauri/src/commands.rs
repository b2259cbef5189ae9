//! Tauri commands: each a few lines that call maskcheck-app. Arguments arrive in camelCase from the UI.
//!
//! Every command is declared once, in `commands!` below: the macro makes the `#[tauri::command]`, registers it in
//! the handler, and records its name, arguments and result for `ui/src/api/commands.ts`, so renaming a command or
//! changing an argument breaks the UI's type check (a test fails while the committed file is stale).

use chrono::NaiveDate;
use maskcheck_app::{
    AppError, BackupDto, CatalogueInfoDto, DashboardDto, DemoSummary, EnterpriseDetailDto, EnterpriseDto,
    EnterprisePageDto, ExportResultDto, ImportOptions, ImportPreviewDto, ImportResultDto, InspectionDto,
    InspectionRowDto, LicenceDto, PhotoDto, ProductDto, ProfileDto, ProgressDto, SetupStatus, TemplateSummary,
};
use maskcheck_app::{AppendixChoice, RestoreDto, RollupDto, SentReportPreviewDto};
use maskcheck_app::{
    AssignedBlockDto, BundleExportDto, BundleImportDto, BundleLogDto, ConflictDto, DeviceDto, QuarantineDto,
    SyncProgressDto,
};
use maskcheck_app::{
    CampaignBoardDto, ChartsDto, DrawPreviewDto, DrawRequest, DrawVerificationDto, SpotPlanDto, TaskRowDto,
    TaskStatusInput,
};
use maskcheck_app::{
    CaseDto, ChainFollowupDto, DocPreviewDto, DocSettings, DocSourceDto, DocumentDto, FollowupDto, IssueRequest,
    IssuedDto, MeasureDefaults, MeasureDto, MeasureFollowDefaults, ReinspectionResultDto, SampleDto, ServiceInput,
};
use maskcheck_app::{EncryptReportDto, EncryptionDto, RecoveredDto, SessionDto};
use maskcheck_domain::appendix::{Appendix4Row, Appendix5Row, Period};
use maskcheck_domain::casework::{CaseInput, SampleInput, SampleResultInput};
use maskcheck_domain::checklist::LegalBasis;
use maskcheck_domain::document::{DocKind, DocState, NumberBlock};
use maskcheck_domain::failed_chain::FailedChain;
use maskcheck_domain::followup::ReinspectionInput;
use maskcheck_domain::inspection::InspectionDraft;
use maskcheck_domain::lab_items::{StandardSummary, TestItem};
use maskcheck_domain::ledger::TrailPlan;
use maskcheck_domain::{EnterpriseInput, EnterpriseQuery, LicenceInput, ProductInput, ProfileInput};
use tauri::ipc::Channel;
use tauri::State;

pub use crate::session::Shell;

type Cmd<T> = Result<T, AppError>;

/// One command as the UI sees it: its name, its arguments (camelCase, with their TypeScript types) and its result.
#[cfg(test)]
pub struct Signature {
    pub name: &'static str,
    pub args: Vec<(String, String)>,
    pub returns: String,
}

/// Tauri's rename of a Rust argument (`enterprise_id`) to the key the UI sends (`enterpriseId`).
#[cfg(test)]
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `fn name([injected: Type] app, arg: Type, …; channel: Message) -> Result { body }`, `@main` before `fn` for
/// a command that must run on the main thread. `app` is the opened `App` (`#shell s` instead names the `Shell`
/// itself, for the commands that open, lock and create the data directory; `#read app` is an `App` to read from,
/// the read-only one while the start's opening still checks the file: only for commands that never write);
/// injected arguments (the `AppHandle`) do not come from the UI; a channel argument streams `Message`s to it.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $(@$main:ident)? fn $name:ident($([$($inj:ident: $ity:ty),*])? $(#$sh:ident)? $app:ident $(, $arg:ident: $ty:ty)* $(; $ch:ident: $cty:ty)?) -> $ret:ty $body:block
    )*) => {
        $(
            commands!(@one [$($main)?] $(#[doc = $doc])* fn $name(
                shell: State<'_, Shell>, $($($inj: $ity,)*)? $($arg: $ty,)* $($ch: Channel<$cty>,)?
            ) -> Cmd<$ret> {
                let held = commands!(@hold [$($sh)?] shell);
                let $app = &*held;
                $body
            });
        )*

        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        #[cfg(test)]
        pub fn signatures() -> Vec<Signature> {
            use ts_rs::TS;
            vec![$(Signature {
                name: stringify!($name),
                args: vec![
                    $((camel(stringify!($arg)), <$ty as TS>::name()),)*
                    $((camel(stringify!($ch)), format!("Channel<{}>", <$cty as TS>::name())),)?
                ],
                returns: <$ret as TS>::name(),
            }),*]
        }
    };
    (@hold [] $shell:ident) => {
        $shell.app()?
    };
    (@hold [read] $shell:ident) => {
        $shell.reader()?
    };
    (@hold [shell] $shell:ident) => {
        $shell.inner()
    };
    (@one [] $(#[doc = $doc:literal])* fn $($rest:tt)*) => {
        $(#[doc = $doc])*
        #[tauri::command(async)]
        fn $($rest)*
    };
    (@one [main] $(#[doc = $doc:literal])* fn $($rest:tt)*) => {
        $(#[doc = $doc])*
        #[tauri::command]
        fn $($rest)*
    };
}

commands! {
    /// The start's setup status; while the opening still checks the file it says so (`checking`), and the window
    /// asks `setup_status_settled` for the verdict.
    fn setup_status(#shell s) -> SetupStatus {
        s.setup_status()
    }

    /// The setup status once the data directory's opening has settled: whether the file is damaged.
    fn setup_status_settled(#shell s) -> SetupStatus {
        s.setup_status_settled()
    }

    /// The first run: creates the data directory (encrypted with the passphrase; plain when none is sent, which
    /// the window does only when "do not encrypt" is ticked) and sets it up.
    fn setup(#shell s, input: ProfileInput, passphrase: Option<String>, confirm: Option<String>) -> ProfileDto {
        s.create(input, passphrase.as_deref(), confirm.as_deref())
    }

    /// Whether the data directory is open or locked, and its encryption (works while locked).
    fn session(#shell s) -> SessionDto {
        s.session()
    }

    fn unlock(#shell s, passphrase: String) -> SessionDto {
        s.unlock(&passphrase)
    }

    /// Locks the window (idle, or by hand): the database closes and its key is forgotten.
    fn lock(#shell s) -> SessionDto {
        s.lock()
    }

    fn encrypt_data_dir(#shell s, passphrase: String, confirm: String) -> EncryptReportDto {
        s.encrypt(&passphrase, &confirm)
    }

    fn passphrase_change(app, old: String, new: String, confirm: String) -> () {
        app.change_passphrase(&old, &new, &confirm)
    }

    fn idle_lock_set(app, minutes: u32) -> EncryptionDto {
        app.set_idle_lock(minutes)
    }

    /// Writes the recovery file for the bureau (works while locked).
    fn recovery_file_write(#shell s, out: String) -> RecoveredDto {
        s.write_recovery_file(&out)
    }

    /// On the bureau: a laptop's recovery file opened, a new key file written for it under a new passphrase.
    fn recovery_open(app, file: String, passphrase: String, confirm: String, out: String) -> RecoveredDto {
        app.recover_passphrase(std::path::Path::new(&file), &passphrase, &confirm, std::path::Path::new(&out))
    }

    /// On the laptop: the key file the bureau made installed, then unlocked with the passphrase it was made with.
    fn recovery_install(#shell s, file: String, passphrase: String) -> SessionDto {
        s.install_keyring(&file, &passphrase)
    }

    /// The 设置 page's edit of the unit and inspector (the role stays).
    fn profile_update(app, input: ProfileInput) -> ProfileDto {
        app.update_profile(input)
    }

    fn load_demo(#shell s, enterprises: u32) -> DemoSummary {
        s.demo(enterprises)
    }

    fn dashboard(#read app) -> DashboardDto {
        app.dashboard()
    }

    fn enterprise_list(#read app, query: EnterpriseQuery) -> EnterprisePageDto {
        app.list_enterprises(query)
    }

    fn enterprise_counties(#read app) -> Vec<String> {
        app.counties()
    }

    fn enterprise_detail(app, id: String) -> EnterpriseDetailDto {
        app.enterprise_detail(&id)
    }

    fn enterprise_create(app, input: EnterpriseInput) -> EnterpriseDto {
        app.create_enterprise(input)
    }

    fn enterprise_update(app, id: String, input: EnterpriseInput) -> EnterpriseDto {
        app.update_enterprise(&id, input)
    }

    fn enterprise_void(app, id: String, reason: String) -> EnterpriseDto {
        app.void_enterprise(&id, &reason)
    }

    fn licence_save(app, enterprise_id: String, id: Option<String>, input: LicenceInput) -> LicenceDto {
        app.save_licence(&enterprise_id, id.as_deref(), input)
    }

    fn licence_void(app, id: String, reason: String) -> () {
        app.void_licence(&id, &reason)
    }

    fn product_save(app, enterprise_id: String, id: Option<String>, input: ProductInput) -> ProductDto {
        app.save_product(&enterprise_id, id.as_deref(), input)
    }

    fn product_void(app, id: String, reason: String) -> () {
        app.void_product(&id, &reason)
    }

    fn roster_import_preview(app, options: ImportOptions) -> ImportPreviewDto {
        app.import_preview(options)
    }

    fn roster_import_commit(app, options: ImportOptions; progress: ProgressDto) -> ImportResultDto {
        // A closed channel (window reloaded) must not stop the import, so send errors are ignored.
        app.import_commit(options, &|done, total| drop(progress.send(ProgressDto { done, total })))
    }

    /// Runs on the main thread, not the pool a running import occupies, so a cancel is never queued behind it.
    @main fn task_cancel(app) -> () {
        app.cancel();
        Ok(())
    }

    fn roster_export(app, path: String, appendix3: bool) -> ExportResultDto {
        app.export_roster(&path, appendix3)
    }

    fn inspection_templates(app) -> Vec<TemplateSummary> {
        app.inspection_templates()
    }

    fn legal_catalogue(app) -> Vec<LegalBasis> {
        app.legal_catalogue()
    }

    fn catalogue_info(app) -> CatalogueInfoDto {
        app.catalogue_info()
    }

    fn backup_to_folder(app, folder: String) -> BackupDto {
        app.backup_to_folder(std::path::Path::new(&folder))
    }

    fn backup_restore(app, file: String) -> RestoreDto {
        app.restore_backup(std::path::Path::new(&file))
    }

    fn backup_list(app) -> Vec<BackupDto> {
        app.backups()
    }

    fn inspection_start(app, enterprise_id: String, template_key: String, amends: Option<String>) -> InspectionDto {
        app.start_inspection(&enterprise_id, &template_key, amends.as_deref())
    }

    fn inspection_get(app, id: String) -> InspectionDto {
        app.inspection(&id)
    }

    fn inspection_save(app, id: String, draft: InspectionDraft) -> InspectionDraft {
        app.save_inspection(&id, draft)
    }

    fn inspection_void(app, id: String, reason: String) -> () {
        app.void_inspection(&id, &reason)
    }

    fn inspection_finish(app, id: String) -> InspectionDto {
        app.finish_inspection(&id)
    }

    fn inspection_list(#read app, enterprise_id: Option<String>, drafts_only: bool) -> Vec<InspectionRowDto> {
        app.list_inspections(enterprise_id.as_deref(), drafts_only)
    }

    fn inspection_attach_photo(app, id: String, target: String, path: String, caption: String) -> PhotoDto {
        app.attach_photo(&id, &target, &path, &caption)
    }

    fn document_preview(app, request: IssueRequest) -> DocPreviewDto {
        app.preview_document(&request)
    }

    fn notice_defaults(app, inspection_id: String) -> maskcheck_app::NoticeDefaults {
        app.notice_defaults(&inspection_id)
    }

    fn document_issue(app, request: IssueRequest) -> IssuedDto {
        app.issue_document(&request)
    }

    fn document_amend(app, id: String, reason: String, request: IssueRequest) -> IssuedDto {
        app.amend_document(&id, &reason, &request)
    }

    fn document_source(app, id: String) -> DocSourceDto {
        app.document_source(&id)
    }

    fn document_list(app, inspection_id: Option<String>, enterprise_id: Option<String>) -> Vec<DocumentDto> {
        let f = maskcheck_app::DocumentFilter {
            inspection_id: inspection_id.as_deref(),
            enterprise_id: enterprise_id.as_deref(),
            ..Default::default()
        };
        app.documents(&f)
    }

    /// The 文书 page: every document of this device by kind, enterprise and where it stands.
    fn document_search(app, kind: Option<DocKind>, state: Option<DocState>, enterprise_id: Option<String>) -> Vec<DocumentDto> {
        let f = maskcheck_app::DocumentFilter { kind, enterprise_id: enterprise_id.as_deref(), ..Default::default() };
        app.documents_in(&f, state)
    }

    /// Opens the issued PDF in the system's viewer (to read or print it), after checking it against its hash.
    fn document_open([handle: tauri::AppHandle] app, id: String) -> () {
        use tauri_plugin_opener::OpenerExt;
        let path = app.document_viewable(&id)?;
        handle
            .opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| AppError::new(maskcheck_app::ErrorCode::Io, format!("无法打开 {}：{e}", path.display())))
    }

    fn document_save(app, id: String, dest: String) -> () {
        app.save_document_pdf(&id, std::path::Path::new(&dest))
    }

    fn document_revoke(app, id: String, reason: String) -> DocumentDto {
        app.revoke_document(&id, &reason)
    }

    fn document_service(app, input: ServiceInput) -> DocumentDto {
        app.record_service(&input)
    }

    fn doc_settings_get(app) -> DocSettings {
        app.doc_settings()
    }

    fn doc_settings_set(app, settings: DocSettings) -> DocSettings {
        app.set_doc_settings(settings)
    }

    fn number_block_list(app) -> Vec<NumberBlock> {
        app.number_blocks()
    }

    fn number_block_add(app, block: NumberBlock) -> Vec<NumberBlock> {
        app.add_number_block(block)
    }

    fn followup_list(#read app, enterprise_id: Option<String>, due_only: bool) -> Vec<FollowupDto> {
        app.followups(enterprise_id.as_deref(), due_only)
    }

    fn reinspect(app, input: ReinspectionInput) -> ReinspectionResultDto {
        app.reinspect(&input)
    }

    fn sample_defaults(app, enterprise_id: String, inspection_id: Option<String>) -> SampleInput {
        app.sample_defaults(&enterprise_id, inspection_id.as_deref())
    }

    fn mask_standards(app) -> Vec<StandardSummary> {
        Ok::<_, AppError>(app.mask_standards())
    }

    fn test_items(app, standard: String, grade: Option<String>) -> Vec<TestItem> {
        Ok::<_, AppError>(app.test_items(&standard, grade.as_deref()))
    }

    fn sample_create(app, input: SampleInput) -> SampleDto {
        app.create_sample(&input)
    }

    fn sample_result(app, id: String, result: SampleResultInput) -> SampleDto {
        app.record_sample_result(&id, &result)
    }

    fn sample_list(app, enterprise_id: Option<String>) -> Vec<SampleDto> {
        app.samples(enterprise_id.as_deref())
    }

    fn measure_list(#read app, due_only: bool) -> Vec<MeasureDto> {
        app.measures(due_only)
    }

    fn measure_follow_defaults(app, decision_id: String) -> MeasureFollowDefaults {
        app.measure_follow_defaults(&decision_id)
    }
    fn measure_defaults(app, inspection_id: String) -> MeasureDefaults {
        app.measure_defaults(&inspection_id)
    }

    fn measure_defaults_for_sample(app, sample_id: String) -> MeasureDefaults {
        app.measure_defaults_for_sample(&sample_id)
    }

    fn case_new(app) -> CaseInput {
        Ok::<_, AppError>(app.new_case())
    }

    fn case_from_rectification(app, rectification_id: String) -> CaseInput {
        app.case_from_rectification(&rectification_id)
    }

    fn case_from_sample(app, sample_id: String) -> CaseInput {
        app.case_from_sample(&sample_id)
    }

    fn case_save(app, id: Option<String>, input: CaseInput) -> CaseDto {
        app.save_case(id.as_deref(), &input)
    }

    fn device_show(app) -> DeviceDto {
        app.device_show()
    }

    fn device_list(app) -> Vec<DeviceDto> {
        app.devices()
    }

    fn device_write_identity(app, path: String) -> DeviceDto {
        app.write_identity(std::path::Path::new(&path))
    }

    fn device_read_identity(app, path: String) -> DeviceDto {
        app.read_identity(std::path::Path::new(&path))
    }

    fn device_enrol(app, path: String) -> DeviceDto {
        app.enrol_device(std::path::Path::new(&path))
    }

    fn device_revoke(app, id: String, reason: String) -> DeviceDto {
        app.revoke_device(&id, &reason)
    }

    fn bundle_export(app, path: String, to: Option<String>; progress: SyncProgressDto) -> BundleExportDto {
        app.export_bundle_reporting(std::path::Path::new(&path), to.as_deref(), &|p| drop(progress.send(p)))
    }

    fn bundle_import(app, path: String, accept_bureau: Option<String>; progress: SyncProgressDto) -> BundleImportDto {
        let report = |p| drop(progress.send(p));
        app.import_bundle_in_batch(std::path::Path::new(&path), accept_bureau.as_deref(), &mut true, &report)
    }

    fn bundle_history(app) -> Vec<BundleLogDto> {
        app.bundle_history()
    }

    fn sync_status(#read app) -> maskcheck_app::SyncStatusDto {
        app.sync_status()
    }

    fn sync_conflicts(app) -> Vec<ConflictDto> {
        app.sync_conflicts()
    }

    fn sync_resolve(app, id: u32, take_other: bool) -> Vec<ConflictDto> {
        app.resolve_conflict(i64::from(id), take_other)
    }

    fn sync_quarantine(app) -> Vec<QuarantineDto> {
        app.sync_quarantine()
    }

    fn numbers_assign(app, device: String, kind: DocKind, block: NumberBlock) -> AssignedBlockDto {
        app.assign_numbers(&device, kind, block)
    }

    fn numbers_list(app) -> Vec<AssignedBlockDto> {
        app.assigned_numbers()
    }

    fn case_list(app) -> Vec<CaseDto> {
        app.cases()
    }

    fn sample_chain_save(app, id: String, chain: FailedChain) -> SampleDto {
        app.save_chain(&id, &chain)
    }

    fn sample_ledger_preview(app, id: String, path: String) -> TrailPlan {
        app.ledger_trail(&id, std::path::Path::new(&path))
    }

    fn chain_followups(#read app) -> Vec<ChainFollowupDto> {
        app.chain_followups()
    }

    fn stats_appendix4(app, from: Option<NaiveDate>, to: Option<NaiveDate>, unit: Option<String>) -> Vec<Appendix4Row> {
        app.appendix4(Period { from, to }, unit.as_deref())
    }

    fn stats_appendix5(app, from: Option<NaiveDate>, to: Option<NaiveDate>, unit: Option<String>) -> Vec<Appendix5Row> {
        app.appendix5(Period { from, to }, unit.as_deref())
    }

    fn stats_export(app, appendix: AppendixChoice, from: Option<NaiveDate>, to: Option<NaiveDate>, unit: Option<String>,
        path: String) -> ExportResultDto {
        app.export_appendix(appendix, Period { from, to }, unit.as_deref(), std::path::Path::new(&path))
    }

    fn stats_rollup(app, from: Option<NaiveDate>, to: Option<NaiveDate>) -> RollupDto {
        app.rollup(Period { from, to })
    }

    fn stats_rollup_export(app, from: Option<NaiveDate>, to: Option<NaiveDate>, path: String) -> ExportResultDto {
        app.export_rollup(Period { from, to }, std::path::Path::new(&path))
    }

    fn stats_receive_preview(app, path: String, from: Option<NaiveDate>, to: Option<NaiveDate>,
        unit: Option<String>) -> SentReportPreviewDto {
        app.preview_sent_report(std::path::Path::new(&path), Period { from, to }, unit.as_deref())
    }

    fn stats_receive_apply(app, path: String, from: Option<NaiveDate>, to: Option<NaiveDate>,
        unit: Option<String>) -> SentReportPreviewDto {
        app.apply_sent_report(std::path::Path::new(&path), Period { from, to }, unit.as_deref())
    }

    fn stats_charts(app, from: Option<NaiveDate>, to: Option<NaiveDate>, unit: Option<String>) -> ChartsDto {
        app.stats_charts(Period { from, to }, unit.as_deref())
    }

    fn chart_save_png(app, path: String, data_url: String) -> () {
        app.save_chart_png(std::path::Path::new(&path), &data_url)
    }

    fn campaign_board(app, unit: Option<String>) -> CampaignBoardDto {
        app.campaign_board(unit.as_deref())
    }

    fn campaign_set(app, input: TaskStatusInput) -> TaskRowDto {
        app.set_task_status(&input)
    }

    fn spot_draw_preview(app, request: DrawRequest) -> DrawPreviewDto {
        app.preview_draw(&request)
    }

    fn spot_draw_commit(app, request: DrawRequest) -> SpotPlanDto {
        app.commit_draw(&request)
    }

    fn spot_plans(app) -> Vec<SpotPlanDto> {
        app.spot_plans()
    }

    fn spot_verify(app, plan_id: String) -> DrawVerificationDto {
        app.verify_draw(&plan_id)
    }

    fn case_publicity_list(#read app, pending_only: bool) -> Vec<CaseDto> {
        app.publicity(pending_only)
    }

    fn case_publicity_export(app, path: String, pending_only: bool) -> ExportResultDto {
        app.export_publicity(std::path::Path::new(&path), pending_only)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMANDS_TS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/api/commands.ts");

    /// The TypeScript of every command: `Commands[name]` is its arguments and result.
    fn typescript() -> String {
        let sigs = signatures();
        let builtin = ["string", "number", "boolean", "null", "bigint", "Array", "Record", "Channel", "never"];
        let mut types = std::collections::BTreeSet::new();
        let all = sigs.iter().flat_map(|s| s.args.iter().map(|(_, t)| t.as_str()).chain([s.returns.as_str()]));
        for t in all {
            for word in t.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()) {
                if !builtin.contains(&word) {
                    types.insert(word.to_string());
                }
            }
        }
        let mut out = String::from(
            "// Generated from Rust by `commands!` (src-tauri/src/commands.rs). Do not edit: run\n\
             // `UPDATE_BINDINGS=1 cargo test --workspace --features \"$MASKCHECK_FEATURES\" --bin maskcheck-desktop` to regenerate.\n\
             import type { Channel } from '@tauri-apps/api/core'\n",
        );
        out.push_str(&format!(
            "import type {{ {} }} from './bindings'\n\n",
            types.into_iter().collect::<Vec<_>>().join(", ")
        ));
        out.push_str(
            "/** Every command the desktop shell registers: its arguments (as the UI sends them) and its result. */\n",
        );
        out.push_str("export interface Commands {\n");
        for s in &sigs {
            let args = if s.args.is_empty() {
                "Record<string, never>".to_string()
            } else {
                format!("{{ {} }}", s.args.iter().map(|(n, t)| format!("{n}: {t}")).collect::<Vec<_>>().join("; "))
            };
            out.push_str(&format!("  {}: {{ args: {args}; returns: {} }}\n", s.name, s.returns));
        }
        out.push_str("}\n");
        out
    }

    #[test]
    fn commands_ts_is_fresh() {
        let want = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(COMMANDS_TS, &want).expect("write commands.ts");
        }
        let have = std::fs::read_to_string(COMMANDS_TS).unwrap_or_default();
        assert!(have == want, "ui/src/api/commands.ts is stale: run UPDATE_BINDINGS=1 cargo test --workspace --features \"$MASKCHECK_FEATURES\" --bin maskcheck-desktop");
    }

    #[test]
    fn arguments_are_named_as_tauri_sends_them() {
        for (snake, want) in [("id", "id"), ("enterprise_id", "enterpriseId"), ("appendix3", "appendix3")] {
            assert_eq!(camel(snake), want);
        }
        let names: Vec<&str> = signatures().iter().map(|s| s.name).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(names.len(), unique.len(), "a command declared twice");
    }
}
