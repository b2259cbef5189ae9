use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use maskcheck_domain::{EnterpriseInput, EnterpriseKind, EnterpriseQuery, LicenceFilter, ProfileInput, Role};

#[derive(Parser)]
#[command(name = "maskcheck", version, about = "口罩质量现场检查 — 命令行")]
pub struct Cli {
    /// Data directory (default: the platform's app-data dir)
    #[arg(long, global = true, env = "MASKCHECK_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Machine-readable JSON output
    #[arg(long, global = true)]
    pub json: bool,
    /// A file whose first line is the data directory's passphrase (else MASKCHECK_PASSPHRASE); a new data
    /// directory is encrypted with it, an encrypted one opened with it
    #[arg(long, global = true)]
    pub passphrase_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// First-run setup: unit, inspector, role; creates the device key pair
    Init(InitArgs),
    /// The enterprise roster
    #[command(subcommand)]
    Enterprise(EnterpriseCommand),
    /// On-site inspections
    #[command(subcommand)]
    Inspection(InspectionCommand),
    /// Import a roster spreadsheet, or export the roster
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Issued enforcement documents
    #[command(subcommand)]
    Doc(DocCommand),
    /// Rectifications to follow up (open, by deadline)
    #[command(subcommand)]
    Followup(FollowupCommand),
    /// Samples (抽样) and their lab results
    #[command(subcommand)]
    Sample(SampleCommand),
    /// Cases (案件)
    #[command(subcommand)]
    Case(CaseCommand),
    /// Seals and seizures in force (查封、扣押), the earliest end first
    #[command(subcommand)]
    Measure(MeasureCommand),
    /// The campaign's statistics tables (appendices 3, 4, 5) from this device's records
    #[command(subcommand)]
    Stats(StatsCommand),
    /// The campaign board: the responsibility lists' tasks (appendices 1–2) per unit, measured from the records
    #[command(subcommand)]
    Campaign(CampaignCommand),
    /// 双随机 spot-check plans: a reproducible random draw of enterprises and inspector pairs
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Backups of the database: list what each holds, copy to a folder, restore one
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Encryption at rest: status, encrypt a plain directory, passphrase, idle lock, recovery through the bureau
    #[command(subcommand)]
    Key(KeyCommand),
    /// This device's identity, and (on the bureau) the devices it enrols
    #[command(subcommand)]
    Device(DeviceCommand),
    /// The legal-basis catalogue and checklist templates in use, and where they come from
    Catalogue,
    /// Sync bundles: signed, encrypted files exchanged with the bureau
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// Document number blocks: assigned by the bureau per device and kind
    #[command(subcommand)]
    Numbers(NumbersCommand),
    /// Fill the data directory with a realistic demo roster (sets up a demo profile when none exists)
    Demo {
        #[arg(long, default_value_t = 200)]
        enterprises: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

impl Command {
    /// Commands that change the data directory (they open it for writing; every other one reads only).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Command::Init(_)
                | Command::Demo { .. }
                | Command::Enterprise(EnterpriseCommand::Add(_) | EnterpriseCommand::Void { .. })
                | Command::Roster(RosterCommand::Import { .. })
                | Command::Inspection(InspectionCommand::Void { .. })
                // Device keys are made on first use; bundles write history, peers and records.
                | Command::Device(_)
                | Command::Bundle(BundleCommand::Export { .. } | BundleCommand::Import { .. } | BundleCommand::Inspect { .. })
                | Command::Numbers(NumbersCommand::Assign { .. })
                | Command::Sample(SampleCommand::Add { .. } | SampleCommand::Result { .. } | SampleCommand::Chain { .. } | SampleCommand::Notify { .. } | SampleCommand::Ledger { apply: true, .. })
                | Command::Stats(StatsCommand::Receive { apply: true, .. })
                | Command::Campaign(CampaignCommand::Set { .. })
                | Command::Backup(BackupCommand::Now { .. } | BackupCommand::Restore { .. })
                | Command::Key(_)
                | Command::Plan(PlanCommand::Draw { apply: true, .. })
                | Command::Case(CaseCommand::Save { .. })
                | Command::Doc(DocCommand::Amend { .. })
                | Command::Measure(MeasureCommand::Extend { .. } | MeasureCommand::Release { .. })
        )
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Inspector,
    Bureau,
}

#[derive(Args)]
pub struct InitArgs {
    #[arg(long)]
    unit_name: String,
    #[arg(long)]
    unit_abbr: String,
    #[arg(long)]
    county: String,
    #[arg(long)]
    inspector: String,
    #[arg(long)]
    cert: String,
    #[arg(long, value_enum, default_value = "inspector")]
    role: RoleArg,
}

impl InitArgs {
    pub fn into_input(self) -> ProfileInput {
        ProfileInput {
            unit_name: self.unit_name,
            unit_abbr: self.unit_abbr,
            county: self.county,
            inspector_name: self.inspector,
            cert_no: self.cert,
            role: match self.role {
                RoleArg::Inspector => Role::Inspector,
                RoleArg::Bureau => Role::Bureau,
            },
        }
    }
}

#[derive(Subcommand)]
pub enum EnterpriseCommand {
    /// Add an enterprise; prints its id
    Add(AddArgs),
    /// List or search the roster
    List(ListArgs),
    /// Show one enterprise with its licences and products
    Show { id: String },
    /// Void an enterprise with a reason
    Void {
        id: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Maker,
    Seller,
}

impl From<KindArg> for EnterpriseKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Maker => EnterpriseKind::Maker,
            KindArg::Seller => EnterpriseKind::Seller,
        }
    }
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long)]
    name: String,
    #[arg(long)]
    uscc: String,
    #[arg(long)]
    county: Option<String>,
    /// Production address
    #[arg(long)]
    address: Option<String>,
    #[arg(long, value_enum, default_value = "maker")]
    kind: KindArg,
    #[arg(long)]
    medical: bool,
    /// Confirm --county as a county the unit does not know yet
    #[arg(long)]
    new_county: bool,
}

impl AddArgs {
    pub fn into_input(self) -> EnterpriseInput {
        EnterpriseInput {
            county: self.county,
            production_address: self.address,
            kind: self.kind.into(),
            medical: self.medical,
            new_county: self.new_county.then_some(true),
            ..EnterpriseInput::new(self.name, self.uscc)
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LicenceArg {
    Expired,
    Expiring,
}

#[derive(Args)]
pub struct ListArgs {
    /// A fragment of the name, USCC or address
    #[arg(long)]
    query: Option<String>,
    #[arg(long)]
    county: Option<String>,
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    #[arg(long, value_enum)]
    licence: Option<LicenceArg>,
    #[arg(long)]
    include_voided: bool,
    #[arg(long, default_value_t = 50)]
    limit: u32,
    #[arg(long, default_value_t = 0)]
    offset: u32,
}

impl ListArgs {
    pub fn into_query(self) -> EnterpriseQuery {
        EnterpriseQuery {
            text: self.query,
            county: self.county,
            kind: self.kind.map(Into::into),
            licence: self.licence.map(|l| match l {
                LicenceArg::Expired => LicenceFilter::Expired,
                LicenceArg::Expiring => LicenceFilter::Expiring,
            }),
            include_voided: self.include_voided,
            offset: self.offset,
            limit: self.limit,
        }
    }
}

#[derive(Subcommand)]
pub enum RosterCommand {
    /// Import enterprises from .xlsx/.xlsm/.xls/.ods: prints the preview; with errors writes nothing (exit 1)
    Import {
        file: PathBuf,
        /// The sheet to read (default: the first with a roster header)
        #[arg(long)]
        sheet: Option<String>,
        /// Only show what would happen
        #[arg(long)]
        dry_run: bool,
        /// Import the valid rows and list the skipped ones
        #[arg(long)]
        skip_invalid: bool,
        /// List every problem row (by default the first ten of each kind)
        #[arg(long)]
        all: bool,
        /// Confirm a county the file names that the unit does not know yet (repeatable)
        #[arg(long = "new-county")]
        new_counties: Vec<String>,
    },
    /// Export the roster (every field), or appendix 3 (non-medical makers)
    Export {
        file: PathBuf,
        #[arg(long)]
        appendix3: bool,
    },
}

#[derive(Subcommand)]
pub enum InspectionCommand {
    /// List inspections, newest first
    List {
        #[arg(long)]
        enterprise: Option<String>,
    },
    /// Show one inspection with its findings
    Show { id: String },
    /// Void a draft started by mistake (kept, never deleted; a finished inspection is frozen)
    Void {
        id: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DocKindArg {
    InspectionRecord,
    RectificationNotice,
    CoerciveMeasure,
    SamplingRecord,
    ServiceProof,
    MeasureExtension,
    MeasureRelease,
    ExportNotice,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DocStateArg {
    AwaitingService,
    Done,
    Revoked,
}

impl DocStateArg {
    pub fn state(self) -> maskcheck_domain::document::DocState {
        use maskcheck_domain::document::DocState;
        match self {
            DocStateArg::AwaitingService => DocState::AwaitingService,
            DocStateArg::Done => DocState::Done,
            DocStateArg::Revoked => DocState::Revoked,
        }
    }
}

impl DocKindArg {
    pub fn kind(self) -> maskcheck_domain::document::DocKind {
        use maskcheck_domain::document::DocKind;
        match self {
            DocKindArg::InspectionRecord => DocKind::InspectionRecord,
            DocKindArg::RectificationNotice => DocKind::RectificationNotice,
            DocKindArg::CoerciveMeasure => DocKind::CoerciveMeasure,
            DocKindArg::SamplingRecord => DocKind::SamplingRecord,
            DocKindArg::ServiceProof => DocKind::ServiceProof,
            DocKindArg::MeasureExtension => DocKind::MeasureExtension,
            DocKindArg::MeasureRelease => DocKind::MeasureRelease,
            DocKindArg::ExportNotice => DocKind::ExportNotice,
        }
    }
}

#[derive(Subcommand)]
pub enum DocCommand {
    /// List issued documents, newest first
    List {
        #[arg(long, value_enum)]
        kind: Option<DocKindArg>,
        /// Where it stands: awaiting service (a notice or decision not yet served), done, or revoked
        #[arg(long, value_enum)]
        state: Option<DocStateArg>,
    },
    /// Write the issued PDF of a document (checked against its recorded SHA-256)
    Pdf {
        id: String,
        #[arg(long)]
        out: std::path::PathBuf,
        /// Replace the file at --out if there is one
        #[arg(long)]
        force: bool,
    },
    /// Correct a document (更正): issue the corrected one from a JSON file holding an IssueRequest of the same
    /// kind; the original is revoked with the reason, in the same transaction
    Amend {
        id: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum DeviceCommand {
    /// This device: id, role, unit and fingerprint
    Show,
    /// Write this device's identity card, for the bureau to enrol
    Identity {
        #[arg(long)]
        out: PathBuf,
    },
    /// Enrol a device from its identity card (bureau); compare the printed fingerprint with the device's own
    Enrol { file: PathBuf },
    /// Revoke an enrolled device: its bundles are refused from now on
    Revoke {
        id: String,
        #[arg(long, default_value = "吊销")]
        reason: String,
    },
    /// The devices this one knows
    List,
}

#[derive(Subcommand)]
pub enum NumbersCommand {
    /// Assign serials FROM..=TO of KIND in YEAR to an enrolled device (bureau)
    Assign {
        #[arg(long)]
        device: String,
        #[arg(long, value_enum)]
        kind: DocKindArg,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        from: u32,
        #[arg(long)]
        to: u32,
    },
    /// Every number block, with the device and kind it is for
    List,
}

#[derive(Subcommand)]
pub enum BundleCommand {
    /// Write a bundle of everything the recipient has not acknowledged
    Export {
        #[arg(long)]
        out: PathBuf,
        /// Recipient device (default: the confirmed bureau)
        #[arg(long)]
        to: Option<String>,
    },
    /// Import bundles, in any order; a bundle already applied changes nothing
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Confirm the bureau's fingerprint on the first bureau bundle (read it with the bureau)
        #[arg(long)]
        accept_bureau: Option<String>,
    },
    /// Show a bundle's header without applying it
    Inspect { file: PathBuf },
    /// Rows set aside by imports, with the reason and the rules they broke
    Quarantine,
    /// Concurrent edits of the same field: the value kept and the one that lost
    Conflicts,
}

#[derive(Subcommand)]
pub enum SampleCommand {
    /// Samples, newest first
    List {
        /// Only this enterprise's
        #[arg(long)]
        enterprise: Option<String>,
    },
    Show {
        id: String,
    },
    /// Record a sampling from a JSON file holding a SampleInput (the window's form)
    Add {
        #[arg(long)]
        file: PathBuf,
    },
    /// Record (or correct) the lab result from a JSON file holding a SampleResultInput
    Result {
        id: String,
        #[arg(long)]
        file: PathBuf,
    },
    /// Record what a failed sample started (stop sales, the batch's buyers) from a JSON file holding a FailedChain
    Chain {
        id: String,
        #[arg(long)]
        file: PathBuf,
    },
    /// Failed samples with steps still open (stop sales, trail, buyers to recall or seal, notice)
    Followups,
    /// The batch's buyers from the enterprise's sales ledger (.xlsx): a preview; --apply adds them to the chain
    /// (refused, nothing written, while any line is in error)
    Ledger {
        id: String,
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        apply: bool,
    },
    /// Tell customs and commerce of a failed sample's product and maker: issues 不合格口罩产品信息通报函
    Notify {
        id: String,
        /// An office notified (repeat: --to 新乡海关 --to 新乡市商务局)
        #[arg(long = "to", required = true)]
        recipients: Vec<String>,
    },
}

#[derive(Subcommand)]
pub enum MeasureCommand {
    List {
        /// Only those ended or ending within 7 days
        #[arg(long)]
        due: bool,
    },
    /// One measure, by the id of its decision
    Show { id: String },
    /// Extend a measure in force (once, by at most 30 days): issues 延长查封（扣押）期限决定书
    Extend {
        /// The id of the decision
        id: String,
        /// The new last day (YYYY-MM-DD)
        #[arg(long)]
        until: chrono::NaiveDate,
        #[arg(long)]
        reason: String,
    },
    /// Release a measure: issues 解除查封（扣押）决定书
    Release {
        /// The id of the decision
        id: String,
        /// The item of 行政强制法第二十八条第一款
        #[arg(long, value_enum)]
        ground: ReleaseGroundArg,
        #[arg(long, default_value = "")]
        reason: String,
        /// The day it is released (default today)
        #[arg(long)]
        on: Option<chrono::NaiveDate>,
    },
}

/// 行政强制法第二十八条第一款: （一）no-offence （二）unrelated （三）decided （四）expired （五）no-longer-needed
#[derive(Clone, Copy, ValueEnum)]
pub enum ReleaseGroundArg {
    NoOffence,
    Unrelated,
    Decided,
    Expired,
    NoLongerNeeded,
}

impl ReleaseGroundArg {
    pub fn ground(self) -> maskcheck_domain::document::ReleaseGround {
        use maskcheck_domain::document::ReleaseGround as G;
        match self {
            Self::NoOffence => G::NoOffence,
            Self::Unrelated => G::Unrelated,
            Self::Decided => G::Decided,
            Self::Expired => G::Expired,
            Self::NoLongerNeeded => G::NoLongerNeeded,
        }
    }
}

#[derive(Subcommand)]
pub enum StatsCommand {
    /// Write appendix 3 (makers), 4 (cases), 5 (samples) or all three in one workbook, as the clerk sends them
    Export {
        /// 3, 4, 5 or all
        #[arg(long, value_parser = ["3", "4", "5", "all"])]
        appendix: String,
        /// First day of the period (YYYY-MM-DD)
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Last day of the period (YYYY-MM-DD)
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// On a bureau: only this unit's records (the unit name on its devices' cards)
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Appendix 4's figures (cases by category and 合计) for the period
    Cases {
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        #[arg(long)]
        unit: Option<String>,
    },
    /// On a bureau: each unit's appendix 4 合计 beside the sum, and the units that have sent nothing
    Rollup {
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// Also write the summed appendix 4 and every unit's appendix 5 rows as one workbook
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// On a bureau: read the appendix 4/5 workbook a unit sent, for the period's roll-up (a preview; --apply keeps it)
    Receive {
        file: PathBuf,
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// The sending unit, when the workbook's 填报单位 is blank or differs
        #[arg(long)]
        unit: Option<String>,
        /// Keep it (refused, with nothing written, when the preview has errors)
        #[arg(long)]
        apply: bool,
    },
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// The backups kept in the data directory, newest first, with what each holds
    List,
    /// Copy the database and its attachments into a new folder under FOLDER (a USB stick)
    Now {
        #[arg(long)]
        to: PathBuf,
    },
    /// Restore a backup: the current database is set aside, this device takes a new identity for sync
    Restore { file: PathBuf },
}

#[derive(Subcommand)]
pub enum CampaignCommand {
    /// The tasks with their deadline, status, measure and colour, for a unit (this device's by default)
    Board {
        #[arg(long)]
        unit: Option<String>,
    },
    /// Set a unit's status of a task, with a note and evidence (a record's number, a file)
    Set {
        /// The task's key (nm01 … nm12, md01 … md03), as `campaign board` lists them
        task: String,
        #[arg(long, value_enum)]
        status: TaskStatusArg,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        unit: Option<String>,
        /// A record as evidence: a document number, a case or sample id
        #[arg(long)]
        record: Vec<String>,
        /// A file as evidence (kept in the data directory by its hash)
        #[arg(long)]
        file: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TaskStatusArg {
    NotStarted,
    InProgress,
    Done,
}

#[derive(Subcommand)]
pub enum PlanCommand {
    /// Draw enterprises and inspector pairs at random (a preview; --apply keeps the plan, on a bureau)
    Draw {
        #[arg(long)]
        title: String,
        /// How many: a count (20) or a share of the candidates (10%)
        #[arg(long)]
        size: String,
        /// Only enterprises of these counties (repeat the option)
        #[arg(long)]
        county: Vec<String>,
        /// Only makers or only sellers
        #[arg(long, value_enum)]
        kind: Vec<KindArg>,
        /// An inspector as NAME:CERT (at least two; repeat the option)
        #[arg(long, required = true)]
        inspector: Vec<String>,
        /// The seed (a number); one is made from the clock and printed when none is given
        #[arg(long)]
        seed: Option<String>,
        #[arg(long)]
        apply: bool,
    },
    /// The plans held here, each drawn check and whether it was visited
    List,
    /// Re-run a draw from its record and say whether it gives the same list
    Verify { plan: String },
}

#[derive(Subcommand)]
pub enum CaseCommand {
    /// Cases, with category, fines and whether closed
    List,
    Show {
        id: String,
    },
    /// Open a case, or update one with --id, from a JSON file holding a CaseInput
    Save {
        #[arg(long)]
        id: Option<String>,
        #[arg(long)]
        file: PathBuf,
    },
    /// Penalties to publish (行政处罚信息公示) with their 20-working-day deadline; --out writes the entries as .xlsx
    Publicity {
        /// Every case that must be published, not only those awaiting publication
        #[arg(long)]
        all: bool,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum FollowupCommand {
    /// Open rectifications, earliest deadline first
    List {
        /// Only those past their deadline
        #[arg(long)]
        overdue: bool,
    },
}

/// Encryption of the data directory. The passphrase comes from `MASKCHECK_PASSPHRASE` or `--passphrase-file`.
#[derive(Subcommand)]
pub enum KeyCommand {
    /// Whether the data directory is encrypted, its idle lock, and whether the bureau can recover it
    Status,
    /// Encrypt a plain data directory in place (a backup first; the plain files go only once the encrypted
    /// copies are checked)
    Encrypt,
    /// Change the passphrase (the current one as usual, the new one from a file)
    Change {
        #[arg(long)]
        new_passphrase_file: PathBuf,
    },
    /// Minutes without input after which the window locks (1–240)
    IdleLock { minutes: u32 },
    /// Write the recovery file to hand to the bureau when the passphrase is forgotten (no passphrase needed)
    RecoveryFile {
        #[arg(long)]
        out: PathBuf,
    },
    /// On the bureau: open a laptop's recovery file and write a new key file for it under a new passphrase
    Recover {
        file: PathBuf,
        #[arg(long)]
        new_passphrase_file: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// On the laptop: install the key file the bureau wrote (the passphrase is the one the bureau set)
    Install { file: PathBuf },
}
