// Generated from Rust by `commands!` (src-tauri/src/commands.rs). Do not edit: run
// `UPDATE_BINDINGS=1 cargo test --workspace --features "$MASKCHECK_FEATURES" --bin maskcheck-desktop` to regenerate.
import type { Channel } from '@tauri-apps/api/core'
import type { Appendix4Row, Appendix5Row, AppendixChoice, AssignedBlockDto, BackupDto, BundleExportDto, BundleImportDto, BundleLogDto, CampaignBoardDto, CaseDto, CaseInput, CatalogueInfoDto, ChainFollowupDto, ChartsDto, ConflictDto, DashboardDto, DemoSummary, DeviceDto, DocKind, DocPreviewDto, DocSettings, DocSourceDto, DocState, DocumentDto, DrawPreviewDto, DrawRequest, DrawVerificationDto, EncryptReportDto, EncryptionDto, EnterpriseDetailDto, EnterpriseDto, EnterpriseInput, EnterprisePageDto, EnterpriseQuery, ExportResultDto, FailedChain, FollowupDto, ImportOptions, ImportPreviewDto, ImportResultDto, InspectionDraft, InspectionDto, InspectionRowDto, IssueRequest, IssuedDto, LegalBasis, LicenceDto, LicenceInput, MeasureDefaults, MeasureDto, MeasureFollowDefaults, NoticeDefaults, NumberBlock, PhotoDto, ProductDto, ProductInput, ProfileDto, ProfileInput, ProgressDto, QuarantineDto, RecoveredDto, ReinspectionInput, ReinspectionResultDto, RestoreDto, RollupDto, SampleDto, SampleInput, SampleResultInput, SentReportPreviewDto, ServiceInput, SessionDto, SetupStatus, SpotPlanDto, StandardSummary, SyncProgressDto, SyncStatusDto, TaskRowDto, TaskStatusInput, TemplateSummary, TestItem, TrailPlan } from './bindings'

/** Every command the desktop shell registers: its arguments (as the UI sends them) and its result. */
export interface Commands {
  setup_status: { args: Record<string, never>; returns: SetupStatus }
  setup_status_settled: { args: Record<string, never>; returns: SetupStatus }
  setup: { args: { input: ProfileInput; passphrase: string | null; confirm: string | null }; returns: ProfileDto }
  session: { args: Record<string, never>; returns: SessionDto }
  unlock: { args: { passphrase: string }; returns: SessionDto }
  lock: { args: Record<string, never>; returns: SessionDto }
  encrypt_data_dir: { args: { passphrase: string; confirm: string }; returns: EncryptReportDto }
  passphrase_change: { args: { old: string; new: string; confirm: string }; returns: null }
  idle_lock_set: { args: { minutes: number }; returns: EncryptionDto }
  recovery_file_write: { args: { out: string }; returns: RecoveredDto }
  recovery_open: { args: { file: string; passphrase: string; confirm: string; out: string }; returns: RecoveredDto }
  recovery_install: { args: { file: string; passphrase: string }; returns: SessionDto }
  profile_update: { args: { input: ProfileInput }; returns: ProfileDto }
  load_demo: { args: { enterprises: number }; returns: DemoSummary }
  dashboard: { args: Record<string, never>; returns: DashboardDto }
  enterprise_list: { args: { query: EnterpriseQuery }; returns: EnterprisePageDto }
  enterprise_counties: { args: Record<string, never>; returns: Array<string> }
  enterprise_detail: { args: { id: string }; returns: EnterpriseDetailDto }
  enterprise_create: { args: { input: EnterpriseInput }; returns: EnterpriseDto }
  enterprise_update: { args: { id: string; input: EnterpriseInput }; returns: EnterpriseDto }
  enterprise_void: { args: { id: string; reason: string }; returns: EnterpriseDto }
  licence_save: { args: { enterpriseId: string; id: string | null; input: LicenceInput }; returns: LicenceDto }
  licence_void: { args: { id: string; reason: string }; returns: null }
  product_save: { args: { enterpriseId: string; id: string | null; input: ProductInput }; returns: ProductDto }
  product_void: { args: { id: string; reason: string }; returns: null }
  roster_import_preview: { args: { options: ImportOptions }; returns: ImportPreviewDto }
  roster_import_commit: { args: { options: ImportOptions; progress: Channel<ProgressDto> }; returns: ImportResultDto }
  task_cancel: { args: Record<string, never>; returns: null }
  roster_export: { args: { path: string; appendix3: boolean }; returns: ExportResultDto }
  inspection_templates: { args: Record<string, never>; returns: Array<TemplateSummary> }
  legal_catalogue: { args: Record<string, never>; returns: Array<LegalBasis> }
  catalogue_info: { args: Record<string, never>; returns: CatalogueInfoDto }
  backup_to_folder: { args: { folder: string }; returns: BackupDto }
  backup_restore: { args: { file: string }; returns: RestoreDto }
  backup_list: { args: Record<string, never>; returns: Array<BackupDto> }
  inspection_start: { args: { enterpriseId: string; templateKey: string; amends: string | null }; returns: InspectionDto }
  inspection_get: { args: { id: string }; returns: InspectionDto }
  inspection_save: { args: { id: string; draft: InspectionDraft }; returns: InspectionDraft }
  inspection_void: { args: { id: string; reason: string }; returns: null }
  inspection_finish: { args: { id: string }; returns: InspectionDto }
  inspection_list: { args: { enterpriseId: string | null; draftsOnly: boolean }; returns: Array<InspectionRowDto> }
  inspection_attach_photo: { args: { id: string; target: string; path: string; caption: string }; returns: PhotoDto }
  document_preview: { args: { request: IssueRequest }; returns: DocPreviewDto }
  notice_defaults: { args: { inspectionId: string }; returns: NoticeDefaults }
  document_issue: { args: { request: IssueRequest }; returns: IssuedDto }
  document_amend: { args: { id: string; reason: string; request: IssueRequest }; returns: IssuedDto }
  document_source: { args: { id: string }; returns: DocSourceDto }
  document_list: { args: { inspectionId: string | null; enterpriseId: string | null }; returns: Array<DocumentDto> }
  document_search: { args: { kind: DocKind | null; state: DocState | null; enterpriseId: string | null }; returns: Array<DocumentDto> }
  document_open: { args: { id: string }; returns: null }
  document_save: { args: { id: string; dest: string }; returns: null }
  document_revoke: { args: { id: string; reason: string }; returns: DocumentDto }
  document_service: { args: { input: ServiceInput }; returns: DocumentDto }
  doc_settings_get: { args: Record<string, never>; returns: DocSettings }
  doc_settings_set: { args: { settings: DocSettings }; returns: DocSettings }
  number_block_list: { args: Record<string, never>; returns: Array<NumberBlock> }
  number_block_add: { args: { block: NumberBlock }; returns: Array<NumberBlock> }
  followup_list: { args: { enterpriseId: string | null; dueOnly: boolean }; returns: Array<FollowupDto> }
  reinspect: { args: { input: ReinspectionInput }; returns: ReinspectionResultDto }
  sample_defaults: { args: { enterpriseId: string; inspectionId: string | null }; returns: SampleInput }
  mask_standards: { args: Record<string, never>; returns: Array<StandardSummary> }
  test_items: { args: { standard: string; grade: string | null }; returns: Array<TestItem> }
  sample_create: { args: { input: SampleInput }; returns: SampleDto }
  sample_result: { args: { id: string; result: SampleResultInput }; returns: SampleDto }
  sample_list: { args: { enterpriseId: string | null }; returns: Array<SampleDto> }
  measure_list: { args: { dueOnly: boolean }; returns: Array<MeasureDto> }
  measure_follow_defaults: { args: { decisionId: string }; returns: MeasureFollowDefaults }
  measure_defaults: { args: { inspectionId: string }; returns: MeasureDefaults }
  measure_defaults_for_sample: { args: { sampleId: string }; returns: MeasureDefaults }
  case_new: { args: Record<string, never>; returns: CaseInput }
  case_from_rectification: { args: { rectificationId: string }; returns: CaseInput }
  case_from_sample: { args: { sampleId: string }; returns: CaseInput }
  case_save: { args: { id: string | null; input: CaseInput }; returns: CaseDto }
  device_show: { args: Record<string, never>; returns: DeviceDto }
  device_list: { args: Record<string, never>; returns: Array<DeviceDto> }
  device_write_identity: { args: { path: string }; returns: DeviceDto }
  device_read_identity: { args: { path: string }; returns: DeviceDto }
  device_enrol: { args: { path: string }; returns: DeviceDto }
  device_revoke: { args: { id: string; reason: string }; returns: DeviceDto }
  bundle_export: { args: { path: string; to: string | null; progress: Channel<SyncProgressDto> }; returns: BundleExportDto }
  bundle_import: { args: { path: string; acceptBureau: string | null; progress: Channel<SyncProgressDto> }; returns: BundleImportDto }
  bundle_history: { args: Record<string, never>; returns: Array<BundleLogDto> }
  sync_status: { args: Record<string, never>; returns: SyncStatusDto }
  sync_conflicts: { args: Record<string, never>; returns: Array<ConflictDto> }
  sync_resolve: { args: { id: number; takeOther: boolean }; returns: Array<ConflictDto> }
  sync_quarantine: { args: Record<string, never>; returns: Array<QuarantineDto> }
  numbers_assign: { args: { device: string; kind: DocKind; block: NumberBlock }; returns: AssignedBlockDto }
  numbers_list: { args: Record<string, never>; returns: Array<AssignedBlockDto> }
  case_list: { args: Record<string, never>; returns: Array<CaseDto> }
  sample_chain_save: { args: { id: string; chain: FailedChain }; returns: SampleDto }
  sample_ledger_preview: { args: { id: string; path: string }; returns: TrailPlan }
  chain_followups: { args: Record<string, never>; returns: Array<ChainFollowupDto> }
  stats_appendix4: { args: { from: string | null; to: string | null; unit: string | null }; returns: Array<Appendix4Row> }
  stats_appendix5: { args: { from: string | null; to: string | null; unit: string | null }; returns: Array<Appendix5Row> }
  stats_export: { args: { appendix: AppendixChoice; from: string | null; to: string | null; unit: string | null; path: string }; returns: ExportResultDto }
  stats_rollup: { args: { from: string | null; to: string | null }; returns: RollupDto }
  stats_rollup_export: { args: { from: string | null; to: string | null; path: string }; returns: ExportResultDto }
  stats_receive_preview: { args: { path: string; from: string | null; to: string | null; unit: string | null }; returns: SentReportPreviewDto }
  stats_receive_apply: { args: { path: string; from: string | null; to: string | null; unit: string | null }; returns: SentReportPreviewDto }
  stats_charts: { args: { from: string | null; to: string | null; unit: string | null }; returns: ChartsDto }
  chart_save_png: { args: { path: string; dataUrl: string }; returns: null }
  campaign_board: { args: { unit: string | null }; returns: CampaignBoardDto }
  campaign_set: { args: { input: TaskStatusInput }; returns: TaskRowDto }
  spot_draw_preview: { args: { request: DrawRequest }; returns: DrawPreviewDto }
  spot_draw_commit: { args: { request: DrawRequest }; returns: SpotPlanDto }
  spot_plans: { args: Record<string, never>; returns: Array<SpotPlanDto> }
  spot_verify: { args: { planId: string }; returns: DrawVerificationDto }
  case_publicity_list: { args: { pendingOnly: boolean }; returns: Array<CaseDto> }
  case_publicity_export: { args: { path: string; pendingOnly: boolean }; returns: ExportResultDto }
}
