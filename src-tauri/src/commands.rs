//! Tauri commands: each a few lines that call maskcheck-app. Arguments arrive in camelCase from the UI.

use maskcheck_app::{
    App, AppError, DashboardDto, DemoSummary, EnterpriseDetailDto, EnterpriseDto, EnterprisePageDto, ExportResultDto,
    ImportOptions, ImportPreviewDto, ImportResultDto, InspectionDto, InspectionRowDto, LicenceDto, PhotoDto,
    ProductDto, ProfileDto, ProgressDto, SetupStatus, TemplateSummary,
};
use maskcheck_app::{
    CaseDto, DocPreviewDto, DocSettings, DocumentDto, FollowupDto, IssueRequest, IssuedDto, ReinspectionResultDto,
    SampleDto, ServiceInput,
};
use maskcheck_domain::casework::{CaseInput, SampleInput, SampleResultInput};
use maskcheck_domain::checklist::LegalBasis;
use maskcheck_domain::document::NumberBlock;
use maskcheck_domain::followup::ReinspectionInput;
use maskcheck_domain::inspection::InspectionDraft;
use maskcheck_domain::{EnterpriseInput, EnterpriseQuery, LicenceInput, ProductInput, ProfileInput};
use tauri::ipc::Channel;
use tauri::State;

/// The opened data directory, or why it could not be opened.
pub struct Shell(pub Result<App, AppError>);

type Cmd<T> = Result<T, AppError>;

fn app<'a>(shell: &'a State<'_, Shell>) -> Cmd<&'a App> {
    shell.0.as_ref().map_err(Clone::clone)
}

#[tauri::command(async)]
fn setup_status(shell: State<'_, Shell>) -> Cmd<SetupStatus> {
    app(&shell)?.setup_status()
}

#[tauri::command(async)]
fn setup(shell: State<'_, Shell>, input: ProfileInput) -> Cmd<ProfileDto> {
    app(&shell)?.setup(input)
}

#[tauri::command(async)]
fn load_demo(shell: State<'_, Shell>, enterprises: u32) -> Cmd<DemoSummary> {
    app(&shell)?.load_demo(enterprises, 1)
}

#[tauri::command(async)]
fn dashboard(shell: State<'_, Shell>) -> Cmd<DashboardDto> {
    app(&shell)?.dashboard()
}

#[tauri::command(async)]
fn enterprise_list(shell: State<'_, Shell>, query: EnterpriseQuery) -> Cmd<EnterprisePageDto> {
    app(&shell)?.list_enterprises(query)
}

#[tauri::command(async)]
fn enterprise_counties(shell: State<'_, Shell>) -> Cmd<Vec<String>> {
    app(&shell)?.counties()
}

#[tauri::command(async)]
fn enterprise_detail(shell: State<'_, Shell>, id: String) -> Cmd<EnterpriseDetailDto> {
    app(&shell)?.enterprise_detail(&id)
}

#[tauri::command(async)]
fn enterprise_create(shell: State<'_, Shell>, input: EnterpriseInput) -> Cmd<EnterpriseDto> {
    app(&shell)?.create_enterprise(input)
}

#[tauri::command(async)]
fn enterprise_update(shell: State<'_, Shell>, id: String, input: EnterpriseInput) -> Cmd<EnterpriseDto> {
    app(&shell)?.update_enterprise(&id, input)
}

#[tauri::command(async)]
fn enterprise_void(shell: State<'_, Shell>, id: String, reason: String) -> Cmd<EnterpriseDto> {
    app(&shell)?.void_enterprise(&id, &reason)
}

#[tauri::command(async)]
fn licence_save(
    shell: State<'_, Shell>,
    enterprise_id: String,
    id: Option<String>,
    input: LicenceInput,
) -> Cmd<LicenceDto> {
    app(&shell)?.save_licence(&enterprise_id, id.as_deref(), input)
}

#[tauri::command(async)]
fn licence_void(shell: State<'_, Shell>, id: String, reason: String) -> Cmd<()> {
    app(&shell)?.void_licence(&id, &reason)
}

#[tauri::command(async)]
fn product_save(
    shell: State<'_, Shell>,
    enterprise_id: String,
    id: Option<String>,
    input: ProductInput,
) -> Cmd<ProductDto> {
    app(&shell)?.save_product(&enterprise_id, id.as_deref(), input)
}

#[tauri::command(async)]
fn product_void(shell: State<'_, Shell>, id: String, reason: String) -> Cmd<()> {
    app(&shell)?.void_product(&id, &reason)
}

#[tauri::command(async)]
fn roster_import_preview(shell: State<'_, Shell>, options: ImportOptions) -> Cmd<ImportPreviewDto> {
    app(&shell)?.import_preview(options)
}

#[tauri::command(async)]
fn roster_import_commit(
    shell: State<'_, Shell>,
    options: ImportOptions,
    progress: Channel<ProgressDto>,
) -> Cmd<ImportResultDto> {
    // A closed channel (window reloaded) must not stop the import, so send errors are ignored.
    app(&shell)?.import_commit(options, &|done, total| drop(progress.send(ProgressDto { done, total })))
}

#[tauri::command]
fn task_cancel(shell: State<'_, Shell>) -> Cmd<()> {
    app(&shell)?.cancel();
    Ok(())
}

#[tauri::command(async)]
fn roster_export(shell: State<'_, Shell>, path: String, appendix3: bool) -> Cmd<ExportResultDto> {
    app(&shell)?.export_roster(&path, appendix3)
}

#[tauri::command(async)]
fn inspection_templates(shell: State<'_, Shell>) -> Cmd<Vec<TemplateSummary>> {
    app(&shell)?.inspection_templates()
}

#[tauri::command(async)]
fn legal_catalogue(shell: State<'_, Shell>) -> Cmd<Vec<LegalBasis>> {
    app(&shell)?.legal_catalogue()
}

#[tauri::command(async)]
fn inspection_start(
    shell: State<'_, Shell>,
    enterprise_id: String,
    template_key: String,
    amends: Option<String>,
) -> Cmd<InspectionDto> {
    app(&shell)?.start_inspection(&enterprise_id, &template_key, amends.as_deref())
}

#[tauri::command(async)]
fn inspection_get(shell: State<'_, Shell>, id: String) -> Cmd<InspectionDto> {
    app(&shell)?.inspection(&id)
}

#[tauri::command(async)]
fn inspection_save(shell: State<'_, Shell>, id: String, draft: InspectionDraft) -> Cmd<InspectionDraft> {
    app(&shell)?.save_inspection(&id, draft)
}

#[tauri::command(async)]
fn inspection_finish(shell: State<'_, Shell>, id: String) -> Cmd<InspectionDto> {
    app(&shell)?.finish_inspection(&id)
}

#[tauri::command(async)]
fn inspection_list(
    shell: State<'_, Shell>,
    enterprise_id: Option<String>,
    drafts_only: bool,
) -> Cmd<Vec<InspectionRowDto>> {
    app(&shell)?.list_inspections(enterprise_id.as_deref(), drafts_only)
}

#[tauri::command(async)]
fn inspection_attach_photo(
    shell: State<'_, Shell>,
    id: String,
    target: String,
    path: String,
    caption: String,
) -> Cmd<PhotoDto> {
    app(&shell)?.attach_photo(&id, &target, &path, &caption)
}

#[tauri::command(async)]
fn document_preview(shell: State<'_, Shell>, request: IssueRequest) -> Cmd<DocPreviewDto> {
    app(&shell)?.preview_document(&request)
}

#[tauri::command(async)]
fn notice_defaults(shell: State<'_, Shell>, inspection_id: String) -> Cmd<maskcheck_app::NoticeDefaults> {
    app(&shell)?.notice_defaults(&inspection_id)
}

#[tauri::command(async)]
fn document_issue(shell: State<'_, Shell>, request: IssueRequest) -> Cmd<IssuedDto> {
    app(&shell)?.issue_document(&request)
}

#[tauri::command(async)]
fn document_list(
    shell: State<'_, Shell>,
    inspection_id: Option<String>,
    enterprise_id: Option<String>,
) -> Cmd<Vec<DocumentDto>> {
    let f = doc_filter(inspection_id.as_deref(), enterprise_id.as_deref());
    app(&shell)?.documents(&f)
}

fn doc_filter<'a>(inspection: Option<&'a str>, enterprise: Option<&'a str>) -> maskcheck_app::DocumentFilter<'a> {
    maskcheck_app::DocumentFilter { inspection_id: inspection, enterprise_id: enterprise, ..Default::default() }
}

/// Opens the issued PDF in the system's viewer (to read or print it), after checking it against its hash.
#[tauri::command(async)]
fn document_open(handle: tauri::AppHandle, shell: State<'_, Shell>, id: String) -> Cmd<()> {
    use tauri_plugin_opener::OpenerExt;
    let app = app(&shell)?;
    app.document_pdf(&id)?;
    let path = app.pdf_path(&id);
    handle
        .opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| AppError::new(maskcheck_app::ErrorCode::Io, format!("无法打开 {}：{e}", path.display())))
}

#[tauri::command(async)]
fn document_save(shell: State<'_, Shell>, id: String, dest: String) -> Cmd<()> {
    app(&shell)?.save_document_pdf(&id, std::path::Path::new(&dest))
}

#[tauri::command(async)]
fn document_revoke(shell: State<'_, Shell>, id: String, reason: String) -> Cmd<DocumentDto> {
    app(&shell)?.revoke_document(&id, &reason)
}

#[tauri::command(async)]
fn document_service(shell: State<'_, Shell>, input: ServiceInput) -> Cmd<DocumentDto> {
    app(&shell)?.record_service(&input)
}

#[tauri::command(async)]
fn doc_settings_get(shell: State<'_, Shell>) -> Cmd<DocSettings> {
    app(&shell)?.doc_settings()
}

#[tauri::command(async)]
fn doc_settings_set(shell: State<'_, Shell>, settings: DocSettings) -> Cmd<DocSettings> {
    app(&shell)?.set_doc_settings(settings)
}

#[tauri::command(async)]
fn number_block_list(shell: State<'_, Shell>) -> Cmd<Vec<NumberBlock>> {
    app(&shell)?.number_blocks()
}

#[tauri::command(async)]
fn number_block_add(shell: State<'_, Shell>, block: NumberBlock) -> Cmd<Vec<NumberBlock>> {
    app(&shell)?.add_number_block(block)
}

#[tauri::command(async)]
fn followup_list(shell: State<'_, Shell>, enterprise_id: Option<String>, due_only: bool) -> Cmd<Vec<FollowupDto>> {
    app(&shell)?.followups(enterprise_id.as_deref(), due_only)
}

#[tauri::command(async)]
fn reinspect(shell: State<'_, Shell>, input: ReinspectionInput) -> Cmd<ReinspectionResultDto> {
    app(&shell)?.reinspect(&input)
}

#[tauri::command(async)]
fn sample_create(shell: State<'_, Shell>, input: SampleInput) -> Cmd<SampleDto> {
    app(&shell)?.create_sample(&input)
}

#[tauri::command(async)]
fn sample_result(shell: State<'_, Shell>, id: String, result: SampleResultInput) -> Cmd<SampleDto> {
    app(&shell)?.record_sample_result(&id, &result)
}

#[tauri::command(async)]
fn sample_list(shell: State<'_, Shell>, enterprise_id: Option<String>) -> Cmd<Vec<SampleDto>> {
    app(&shell)?.samples(enterprise_id.as_deref())
}

#[tauri::command(async)]
fn case_save(shell: State<'_, Shell>, id: Option<String>, input: CaseInput) -> Cmd<CaseDto> {
    app(&shell)?.save_case(id.as_deref(), &input)
}

#[tauri::command(async)]
fn case_list(shell: State<'_, Shell>) -> Cmd<Vec<CaseDto>> {
    app(&shell)?.cases()
}

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        setup_status,
        setup,
        load_demo,
        dashboard,
        enterprise_list,
        enterprise_counties,
        enterprise_detail,
        enterprise_create,
        enterprise_update,
        enterprise_void,
        licence_save,
        licence_void,
        product_save,
        product_void,
        roster_import_preview,
        roster_import_commit,
        task_cancel,
        roster_export,
        inspection_templates,
        legal_catalogue,
        inspection_start,
        inspection_get,
        inspection_save,
        inspection_finish,
        inspection_list,
        inspection_attach_photo,
        document_preview,
        notice_defaults,
        document_issue,
        document_list,
        document_open,
        document_save,
        document_revoke,
        document_service,
        doc_settings_get,
        doc_settings_set,
        number_block_list,
        number_block_add,
        followup_list,
        reinspect,
        sample_create,
        sample_result,
        sample_list,
        case_save,
        case_list,
    ]
}
