//! Tauri commands: each a few lines that call maskcheck-app. Arguments arrive in camelCase from the UI.

use maskcheck_app::{
    App, AppError, DashboardDto, DemoSummary, EnterpriseDetailDto, EnterpriseDto, EnterprisePageDto, ExportResultDto,
    ImportOptions, ImportPreviewDto, ImportResultDto, InspectionDto, InspectionRowDto, LicenceDto, PhotoDto,
    ProductDto, ProfileDto, ProgressDto, SetupStatus, TemplateSummary,
};
use maskcheck_domain::checklist::LegalBasis;
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
    ]
}
