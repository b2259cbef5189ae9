//! The TypeScript declarations of every type that crosses IPC, in one file: `ui/src/api/bindings.ts`.
//! A test compares the committed file with this output (run with `UPDATE_BINDINGS=1` to rewrite it).

use maskcheck_domain::casework::{CaseCategory, CaseInput, LabVerdict, Procedure, SampleInput, SampleResultInput};
use maskcheck_domain::checklist::{
    AnswerType, ChecklistItem, ChecklistSection, ChecklistTemplate, DutyHolder, FindingLaw, LegalBasis,
};
use maskcheck_domain::document::{DocKind, GoodsRow, Measure, NumberBlock, PartyWords, ReleaseGround, ServiceMethod};
use maskcheck_domain::followup::{ReinspectionInput, Urgency, VerifiedCorrection};
use maskcheck_domain::inspection::{
    Finding, InspectionDraft, Inspector, IntakeRow, ItemAnswer, LabelCheck, LicenceCheck, Material, Verdict,
};
use maskcheck_domain::roster_import::{FieldChange, ImportAction, ImportCounts, PlannedRow, RowError};
use maskcheck_domain::standards::LabelElement;
use maskcheck_domain::*;
use maskcheck_sheets::{ColumnMapping, RosterColumn};
use ts_rs::TS;

use crate::*;

macro_rules! declarations {
    ($($t:ty),+ $(,)?) => {{
        let mut out = String::from(
            "// Generated from Rust by ts-rs (maskcheck_app::bindings). Do not edit: run\n\
             // `UPDATE_BINDINGS=1 cargo test -p maskcheck-app --test app bindings` to regenerate.\n\n",
        );
        $(
            if let Some(docs) = <$t as TS>::docs() {
                out.push_str(&docs);
            }
            out.push_str("export ");
            out.push_str(&<$t as TS>::decl());
            out.push_str("\n\n");
        )+
        out.trim_end().to_string() + "\n"
    }};
}

pub fn typescript() -> String {
    declarations!(
        ErrorCode,
        Entity,
        AppError,
        Field,
        Rule,
        FieldError,
        Role,
        ProfileInput,
        ProfileDto,
        SetupStatus,
        EnterpriseKind,
        Scale,
        ProductionStatus,
        EnterpriseInput,
        EnterpriseQuery,
        LicenceFilter,
        LicenceKind,
        LicenceState,
        LicenceInput,
        ProductCategory,
        ProductInput,
        VoidDto,
        EnterpriseDto,
        EnterpriseRowDto,
        EnterprisePageDto,
        LicenceDto,
        ProductDto,
        EnterpriseDetailDto,
        DashboardDto,
        DemoSummary,
        RosterColumn,
        ColumnMapping,
        RowError,
        FieldChange,
        ImportAction,
        ImportCounts,
        PlannedRow,
        ImportOptions,
        ImportPreviewDto,
        ImportResultDto,
        ExportResultDto,
        ProgressDto,
        AnswerType,
        ChecklistItem,
        ChecklistSection,
        ChecklistTemplate,
        LegalBasis,
        DutyHolder,
        FindingLaw,
        Verdict,
        ItemAnswer,
        Inspector,
        LicenceCheck,
        Material,
        IntakeRow,
        LabelElement,
        LabelCheck,
        Finding,
        InspectionDraft,
        TemplateSummary,
        crate::CatalogueSource,
        crate::TemplateInUse,
        crate::CatalogueInfoDto,
        crate::BackupDto,
        crate::MeasureDefaults,
        crate::MeasureDto,
        crate::MeasureFollowDefaults,
        crate::DocSourceDto,
        maskcheck_domain::lab_items::StandardSummary,
        maskcheck_domain::lab_items::TestItem,
        maskcheck_domain::casework::FailingItem,
        PhotoDto,
        InspectionDto,
        DocKind,
        maskcheck_domain::document::DocState,
        Measure,
        ReleaseGround,
        ServiceMethod,
        GoodsRow,
        NumberBlock,
        IssueRequest,
        NoticeDefaults,
        PartyWords,
        DocSettings,
        PreviewText,
        PreviewRule,
        PreviewPage,
        DocPreviewDto,
        DocumentDto,
        IssuedDto,
        ServiceInput,
        Urgency,
        FollowupDto,
        VerifiedCorrection,
        ReinspectionInput,
        ReinspectionResultDto,
        SampleInput,
        LabVerdict,
        SampleResultInput,
        SampleDto,
        maskcheck_domain::failed_chain::BuyerOutcome,
        maskcheck_domain::failed_chain::TrailBuyer,
        maskcheck_domain::failed_chain::FailedChain,
        maskcheck_domain::failed_chain::OpenStep,
        crate::ChainFollowupDto,
        maskcheck_domain::ledger::TrailPlan,
        maskcheck_domain::ledger::LedgerError,
        maskcheck_domain::appendix::Appendix4Row,
        maskcheck_domain::appendix::Appendix5Row,
        crate::AppendixChoice,
        crate::FiguresSource,
        crate::UnitFiguresDto,
        crate::RollupDto,
        crate::SentCellErrorDto,
        crate::SentReportPreviewDto,
        maskcheck_domain::campaign::TaskList,
        maskcheck_domain::campaign::Due,
        maskcheck_domain::campaign::TaskMeasure,
        maskcheck_domain::campaign::CampaignTask,
        maskcheck_domain::campaign::TaskStatus,
        maskcheck_domain::campaign::Progress,
        maskcheck_domain::campaign::Measured,
        maskcheck_domain::campaign::Light,
        crate::EvidenceKind,
        crate::Evidence,
        crate::TaskRowDto,
        crate::CampaignBoardDto,
        crate::TaskStatusInput,
        maskcheck_domain::spot_check::DrawSize,
        maskcheck_domain::spot_check::DrawCriteria,
        maskcheck_domain::spot_check::DrawnCheck,
        crate::DrawRequest,
        crate::DrawPreviewDto,
        crate::SpotCheckDto,
        crate::SpotPlanDto,
        crate::DrawVerificationDto,
        CaseCategory,
        Procedure,
        CaseInput,
        CaseDto,
        maskcheck_domain::publicity::PenaltyDecision,
        maskcheck_domain::publicity::PublicityDue,
        InspectionRowDto,
        DeviceDto,
        BundleExportDto,
        BundleImportDto,
        SyncProgressDto,
        SyncStage,
        BundleHeaderDto,
        ConflictDto,
        maskcheck_sync::QuarantineReason,
        QuarantineDto,
        BundleLogDto,
        AssignedBlockDto,
        SyncStatusDto,
    )
}
