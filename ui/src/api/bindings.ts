// Generated from Rust by ts-rs (maskcheck_app::bindings). Do not edit: run
// `UPDATE_BINDINGS=1 cargo test -p maskcheck-app --test app bindings` to regenerate.

export type ErrorCode = "validation" | "notFound" | "noData" | "notSetUp" | "alreadySetUp" | "databaseTooNew" | "needsUpgrade" | "io" | "unreadableFile" | "fileTooLarge" | "catalogueRefused" | "bundleRefused" | "bureauUnconfirmed" | "bureauOnly" | "databaseDamaged" | "cancelled" | "locked" | "wrongPassphrase" | "alreadyEncrypted" | "notEncrypted" | "recoveryRefused" | "storage";

export type Entity = "enterprise" | "licence" | "product" | "inspection" | "document" | "sample" | "case" | "openRectification" | "device" | "conflict";

export type AppError = { code: ErrorCode, message: string, fields: Array<FieldError>, 
/**
 * The kind of record a not-found or frozen error is about.
 */
entity: Entity | null, 
/**
 * What the error is about, as data in no language: a file path or a record id.
 */
subject: string | null, };

/**
 * Every field a user can get wrong. The UI maps each to its label (`fields.<name>`).
 */
export type Field = "name" | "uscc" | "county" | "productionAddress" | "registeredAddress" | "legalRep" | "contact" | "phone" | "foundedOn" | "kind" | "number" | "holder" | "scope" | "issuer" | "issuedOn" | "validUntil" | "category" | "standard" | "grade" | "registrationCertNo" | "reason" | "unitName" | "unitAbbr" | "inspectorName" | "certNo" | "medical" | "exporter" | "scale" | "productionStatus" | "dailyCapacity" | "note" | "inspectors" | "place" | "representative" | "startedAt" | "findings" | "deadline" | "corrections" | "reinspectedOn" | "productName" | "quantity" | "baseQuantity" | "batchOrDate" | "sampledOn" | "failingItems" | "marketDirection" | "caseTitle" | "fines" | "caseValue" | "masksSeized" | "openedOn" | "closedOn" | "goods" | "measureUntil" | "numberBlock" | "contactPhone" | "servedAt" | "serviceMethod" | "sealNumbers" | "samplingBasis" | "testingBody" | "sampledTime" | "partyOpinion" | "witness" | "content" | "role" | "reportNumber" | "releasedOn" | "penaltyNumber" | "penaltyFacts" | "penaltyBasis" | "penaltyContent" | "decidedOn" | "publishedOn" | "buyer" | "buyerPlace" | "soldQuantity" | "soldOn" | "stopSalesOn" | "recipients" | "drawSize" | "planTitle" | "drawSeed" | "passphrase" | "passphraseConfirm" | "idleLockMinutes";

/**
 * Every rule a field can break. The UI maps each to a sentence (`rules.<name>`) with `detail` filled in.
 */
export type Rule = "required" | "tooLong" | "controlChars" | "usccLength" | "usccCharset" | "usccAreaCode" | "usccCheckChar" | "usccDuplicate" | "certificatePattern" | "certificateYear" | "certificateClass" | "dateOrder" | "dateInFuture" | "dateFormat" | "numberFormat" | "unknownValue" | "duplicateInFile" | "tooFewInspectors" | "duplicateInspector" | "unconfirmed" | "frozen" | "notNegative" | "overlap" | "tooLongPeriod" | "invisibleOnly" | "bidiControl" | "invisibleChar" | "lineBreak" | "dateTooEarly" | "dateTooLate" | "dateNotReal" | "unknownCounty" | "fixedAtSetup" | "witnessOrPhoto" | "consentRequired" | "alreadyExtended" | "alreadyReleased" | "measureEnded" | "witnessRequired" | "noneSoldWithBuyers" | "outOfRange" | "nothingToDraw" | "tooShort" | "mismatch";

/**
 * One broken rule on one field; `detail` carries what the sentence needs (a count, a character, a holder).
 */
export type FieldError = { field: Field, rule: Rule, detail: string, };

export type Role = "inspector" | "bureau";

export type ProfileInput = { unitName: string, 
/**
 * Used in document numbers: `{unit_abbr}市监…〔2026〕12号`.
 */
unitAbbr: string, county: string, inspectorName: string, 
/**
 * 执法证号
 */
certNo: string, role: Role, };

export type ProfileDto = { unitName: string, unitAbbr: string, county: string, inspectorName: string, certNo: string, role: Role, deviceId: string, publicKey: string, };

export type SetupStatus = { profile: ProfileDto | null, dataDir: string, 
/**
 * Why the bureau's legal-basis catalogue in the data directory was refused (a key in use is missing, or it
 * cannot be read), checked at start so the window says so before any document is attempted.
 */
catalogueError: AppError | null, 
/**
 * What the integrity check found wrong with the database file when it was opened: the window stays read-only
 * and offers the backups.
 */
damaged: Array<string> | null, 
/**
 * Answered while the window's opening still checks the file (read from a read-only connection): `damaged` is
 * not known yet, and the window asks again once the check has settled.
 */
checking: boolean, };

export type EnterpriseKind = "maker" | "seller";

/**
 * 企业规模
 */
export type Scale = "large" | "medium" | "small" | "micro";

/**
 * 生产状况: 在产 / 停产 / 转产
 */
export type ProductionStatus = "producing" | "stopped" | "converted";

/**
 * What a user (or an import) submits for an enterprise; every text as typed.
 */
export type EnterpriseInput = { name: string, uscc: string, county: string | null, productionAddress: string | null, registeredAddress: string | null, legalRep: string | null, contact: string | null, phone: string | null, kind: EnterpriseKind, medical: boolean, exporter: boolean, scale: Scale | null, productionStatus: ProductionStatus | null, foundedOn: string | null, 
/**
 * 日产能 in 万只 (ten-thousands of masks a day).
 */
dailyCapacityWan: number | null, note: string | null, 
/**
 * The user confirmed `county` as a county the unit did not know yet (not stored).
 */
newCounty?: boolean, };

/**
 * A roster query: a search fragment and filters, one page at a time.
 */
export type EnterpriseQuery = { 
/**
 * A fragment of the name, USCC or an address (any two characters or more; one character is a prefix).
 */
text: string | null, county: string | null, kind: EnterpriseKind | null, licence: LicenceFilter | null, includeVoided: boolean, offset: number, limit: number, };

/**
 * Roster filter by licence status.
 */
export type LicenceFilter = "expired" | "expiring";

export type LicenceKind = "businessLicence" | "deviceRegistration" | "deviceFiling" | "deviceProductionLicence" | "other";

/**
 * The state of a licence on a given day.
 */
export type LicenceState = "valid" | "noExpiry" | "expiring" | "expired";

export type LicenceInput = { kind: LicenceKind, number: string, holder: string | null, scope: string | null, issuedOn: string | null, 
/**
 * None means 长期 (no expiry).
 */
validUntil: string | null, issuer: string | null, };

/**
 * 产品类别, as appendix 3 groups them, plus the three medical kinds.
 */
export type ProductCategory = "dailyProtective" | "knSeries" | "children" | "medicalDisposable" | "medicalSurgical" | "medicalProtective" | "other";

export type ProductInput = { name: string, category: ProductCategory, 
/**
 * 执行标准, e.g. `GB 2626-2019`.
 */
standard: string | null, 
/**
 * e.g. `KN95`, `I级`.
 */
grade: string | null, 
/**
 * 规格型号
 */
specification: string | null, registrationCertNo: string | null, };

export type VoidDto = { reason: string, at: string, };

export type EnterpriseDto = { id: string, version: string, origin: string, data: EnterpriseInput, void: VoidDto | null, createdAt: string, updatedAt: string, };

export type EnterpriseRowDto = { id: string, name: string, uscc: string, county: string | null, productionAddress: string | null, kind: EnterpriseKind, medical: boolean, earliestExpiry: string | null, 
/**
 * The worst state among its licences today (None when it has no licence with an expiry).
 */
licenceState: LicenceState | null, voided: boolean, };

export type EnterprisePageDto = { rows: Array<EnterpriseRowDto>, total: number, };

export type LicenceDto = { id: string, enterpriseId: string, data: LicenceInput, state: LicenceState, void: VoidDto | null, };

export type ProductDto = { id: string, enterpriseId: string, data: ProductInput, void: VoidDto | null, };

export type EnterpriseDetailDto = { enterprise: EnterpriseDto, licences: Array<LicenceDto>, products: Array<ProductDto>, 
/**
 * A rectification is still open: production may not resume (不得恢复生产) until a re-inspection clears it.
 */
productionBarred: boolean, };

export type DashboardDto = { enterpriseCount: number, 
/**
 * Enterprises holding a licence that has expired.
 */
expiredLicences: number, 
/**
 * Enterprises holding a licence that expires within 30 days.
 */
expiringLicences: number, };

export type DemoSummary = { enterprises: number, licences: number, products: number, inspections: number, 
/**
 * Documents issued for the demo inspections (notices, on-site records, a sampling record).
 */
documents: number, samples: number, cases: number, };

/**
 * A column of a roster spreadsheet that maps to an enterprise field.
 */
export type RosterColumn = "serial" | "name" | "uscc" | "county" | "productionAddress" | "registeredAddress" | "legalRep" | "contact" | "phone" | "contactAndPhone" | "kind" | "medical" | "exporter" | "scale" | "productionStatus" | "foundedOn" | "dailyCapacity" | "category" | "standard" | "inspectionNote" | "note";

/**
 * One column of the found table: its position, its header as written, and the field it maps to.
 */
export type ColumnMapping = { index: number, header: string, column: RosterColumn | null, };

export type RowError = { 
/**
 * The header text of the column, as written in the file.
 */
column: string, error: FieldError, };

export type FieldChange = { field: Field, old: string, new: string, };

export type ImportAction = { "kind": "insert" } | { "kind": "update", id: string, changes: Array<FieldChange>, } | { "kind": "unchanged", id: string, } | { "kind": "duplicate", first_row: number, } | { "kind": "error" };

export type ImportCounts = { inserts: number, updates: number, unchanged: number, duplicates: number, errors: number, };

export type PlannedRow = { row: number, name: string, uscc: string, action: ImportAction, errors: Array<RowError>, };

export type ImportOptions = { path: string, 
/**
 * The sheet to read; None takes the first with a recognisable header.
 */
sheet: string | null, 
/**
 * The column mapping as the user corrected it; None uses the one found.
 */
columns: Array<ColumnMapping> | null, 
/**
 * Import the valid rows and list the others, instead of refusing the whole file.
 */
skipInvalid: boolean, 
/**
 * Every row in the preview and the result (the CLI's `--all`); otherwise the first of each kind.
 */
allRows?: boolean, 
/**
 * Counties the user confirmed as new (the preview lists those it does not know).
 */
newCounties?: Array<string>, };

export type ImportPreviewDto = { path: string, sheet: string, sheetNames: Array<string>, headerRows: Array<number>, columns: Array<ColumnMapping>, counts: ImportCounts, 
/**
 * Every row that is not a plain insert, and the first inserts.
 */
rows: Array<PlannedRow>, omittedInserts: number, 
/**
 * Rows of the other kinds left out of `rows` (beyond the first of each kind).
 */
omittedRows: number, 
/**
 * Counties in the file the unit does not know (and the user has not confirmed): their rows are errors until
 * confirmed.
 */
newCounties: Array<string>, skippedEmpty: number, notesFromRow: number | null, };

export type ImportResultDto = { counts: ImportCounts, inserted: number, updated: number, 
/**
 * Rows not imported (errors and duplicates), with why: the first of each kind unless all rows were asked for.
 */
skipped: Array<PlannedRow>, omittedSkipped: number, };

export type ExportResultDto = { path: string, rows: number, };

/**
 * Progress of a long task: `done` of `total` rows (`total` 0 while it is not yet known).
 */
export type ProgressDto = { done: number, total: number, };

export type AnswerType = "passFail" | "number" | "date" | "text" | "rows";

export type ChecklistItem = { key: string, text: string, law: FindingLaw, 
/**
 * The holder the item's duty binds, when not the template's (a seller's medical masks).
 */
holder?: DutyHolder, answer: AnswerType, };

export type ChecklistSection = { key: string, title: string, items: Array<ChecklistItem>, };

export type ChecklistTemplate = { key: string, version: number, title: string, medical: boolean, 
/**
 * Who the template's duties bind.
 */
holder: DutyHolder, sections: Array<ChecklistSection>, };

export type LegalBasis = { key: string, law: string, article: string, text: string, };

/**
 * Who a duty binds. The same shortfall breaks a different provision (or none) for each: a seller's intake
 * check is 产品质量法第三十三条, a medical maker's is the device regulation, a non-medical maker's is no legal
 * duty at all.
 */
export type DutyHolder = "maker" | "seller" | "deviceMaker" | "deviceOperator";

/**
 * The three provisions of a finding, which are never the same article: the duty broken, the power to order
 * its correction, and the penalty (for a case; never printed as the rule broken).
 */
export type FindingLaw = { 
/**
 * The provisions that set the duty. Empty: no legal duty is broken; a management gap the campaign asks
 * the enterprise to correct, worded as a correction requested, never as "违反了…的规定".
 */
duty: Array<string>, 
/**
 * The provision that empowers an order to correct (责令改正). None with a duty: the law sets the duty but
 * no order power, so the correction is requested, not ordered.
 */
order: string | null, penalty: Array<string>, };

export type Verdict = "pass" | "fail" | "notApplicable";

export type ItemAnswer = { verdict: Verdict | null, note: string | null, 
/**
 * For number, date and text items.
 */
value: string | null, };

export type Inspector = { name: string, certNo: string, };

/**
 * A licence of the enterprise as checked on site.
 */
export type LicenceCheck = { licenceId: string, kind: LicenceKind, number: string, validUntil: string | null, sighted: boolean, scopeMismatch: boolean, holderMismatch: boolean, note: string | null, 
/**
 * Expired on the inspection date: judged by [`mark_expired`] on every save (the window shows it, never
 * re-judges it).
 */
expired: boolean, };

export type Material = "meltblown" | "spunbond" | "earLoop" | "noseWire" | "other";

/**
 * One intake batch (进货批次) of a raw material.
 */
export type IntakeRow = { id: string, material: Material, supplier: string, batch: string, quantity: number | null, unit: string, receivedOn: string | null, certificateSeen: boolean, reportSeen: boolean, 
/**
 * Claimed filtration efficiency in percent (meltblown).
 */
claimedFiltration: number | null, recordOk: boolean, note: string | null, };

export type LabelElement = "chineseName" | "makerName" | "makerAddress" | "productionDate" | "shelfLife" | "certificate" | "standardNumber" | "grade" | "registrationCertNo" | "productionLicenceNo" | "modelSpec" | "storageConditions";

/**
 * One product taken from the shelf and its label checked.
 */
export type LabelCheck = { id: string, productName: string, category: ProductCategory, standard: string | null, grade: string | null, registrationCertNo: string | null, present: Array<LabelElement>, note: string | null, };

/**
 * A finding (发现问题): proposed by a rule (its key says which), edited and confirmed by the inspector.
 */
export type Finding = { 
/**
 * `licence:<id>:expired`, `intake:<row>:report`, `label:<row>:missing:standardNumber`, `item:<key>`, or
 * `manual:<n>` for one the inspector added.
 */
key: string, text: string, 
/**
 * The duty broken, the order power and the penalty (`legal_rules`); all empty for a management gap.
 * Drafts saved before the three were separated carry `basis`; the rules re-propose them on the next save.
 */
law: FindingLaw, confirmed: boolean, 
/**
 * The inspector changed the text: a new proposal for the same key does not overwrite it.
 */
edited: boolean, };

export type InspectionDraft = { place: string, startedAt: string | null, endedAt: string | null, 
/**
 * 企业在场人员 (the representative present).
 */
representative: string, inspectors: Array<Inspector>, answers: { [key in string]?: ItemAnswer }, licences: Array<LicenceCheck>, intake: Array<IntakeRow>, labels: Array<LabelCheck>, findings: Array<Finding>, };

export type TemplateSummary = { key: string, version: number, title: string, medical: boolean, };

export type CatalogueSource = "shipped" | "dataDir" | "bureau";

export type TemplateInUse = { key: string, version: number, title: string, source: CatalogueSource, };

/**
 * What the settings page shows: the catalogue in use, where it comes from, and the templates beside it.
 */
export type CatalogueInfoDto = { source: CatalogueSource, 
/**
 * The file, when the catalogue is one in the data directory.
 */
path: string | null, 
/**
 * The bureau device whose bundle brought it.
 */
fromDevice: string | null, entries: number, templates: Array<TemplateInUse>, };

export type BackupReason = "daily" | "beforeBundle" | "beforeUpgrade" | "manual" | "beforeEncryption" | "replaced";

export type BackupHolds = { schema: number, enterprises: number, inspections: number, documents: number, samples: number, cases: number, attachments: number, latest: string | null, };

export type BackupDto = { file: string, bytes: number, 
/**
 * When it was written, in this computer's local time with its offset.
 */
writtenAt: string, 
/**
 * Why it was made: daily, before a bundle import, before a schema upgrade, or by hand.
 */
reason: BackupReason, 
/**
 * What it holds; `None` when it cannot be read as a database.
 */
holds: BackupHolds | null, };

export type RestoreDto = { 
/**
 * The copy now in use, with what it holds.
 */
restored: BackupDto, 
/**
 * Where the database it replaced was set aside.
 */
replaced: string, oldDeviceId: string, newDeviceId: string, };

export type DirState = "new" | "plain" | "encrypted";

export type EncryptionDto = { state: DirState, 
/**
 * Minutes without input after which the window locks (encrypted directories only).
 */
idleLockMinutes: number | null, 
/**
 * Whether the key is also sealed to a bureau, which can then recover a forgotten passphrase.
 */
recoverable: boolean, 
/**
 * The fingerprint (groups of four) of the bureau that can recover it.
 */
recoveryBureau: string | null, };

export type EncryptReportDto = { 
/**
 * Tables and rows of the encrypted database checked against the plain one.
 */
tablesChecked: number, rowsChecked: number, 
/**
 * Files (photos, evidence, issued PDFs, device keys) and backups sealed.
 */
filesSealed: number, backupsSealed: number, };

export type RecoveredDto = { deviceId: string, unitName: string, person: string, };

/**
 * What the window shows at start and after a lock: whether the data directory is open in this process, and its
 * encryption.
 */
export type SessionDto = { 
/**
 * Encrypted and not (or no longer) unlocked: the unlock screen.
 */
locked: boolean, encryption: EncryptionDto, dataDir: string, };

/**
 * A seal or seizure's editable defaults (`App::measure_defaults`).
 */
export type MeasureDefaults = { from: string, 
/**
 * The last day the law allows without an extension.
 */
until: string, 
/**
 * Where the goods are kept: the enterprise's production address, to be corrected on site.
 */
goodsPlace: string, 
/**
 * The list as it starts: the failing batch for a seal after a failed sample, else empty.
 */
goods: Array<GoodsRow>, };

export type MeasureDto = { documentId: string, number: string, enterpriseId: string, enterpriseName: string, measure: Measure, from: string, 
/**
 * The last day as it stands: the extension's when there is one.
 */
until: string, 
/**
 * The last day the decision itself set.
 */
decidedUntil: string, extendedUntil: string | null, releasedOn: string | null, 
/**
 * In force, not yet extended, and its decided period not over: an extension may still be decided.
 */
mayExtend: boolean, goods: Array<GoodsRow>, goodsPlace: string, urgency: Urgency, 
/**
 * Negative when the period has ended.
 */
daysLeft: number, };

/**
 * What an extension or a release form offers for a decision.
 */
export type MeasureFollowDefaults = { measure: MeasureDto, 
/**
 * The longest extension the law allows (thirty days after the decided last day).
 */
longestUntil: string, grounds: Array<ReleaseGround>, 
/**
 * The release's day as the form starts it (the app's clock, not the window's).
 */
today: string, };

/**
 * The record a document was issued for, so a correction is issued from the same one.
 */
export type DocSourceDto = { kind: DocKind, amendable: boolean, inspectionId: string | null, sampleId: string | null, };

export type StandardSummary = { code: string, title: string, };

/**
 * One test item as the form offers it, with the limit for the product's grade when the data has one.
 */
export type TestItem = { key: string, name: string, limit: string | null, };

/**
 * One failing test item: its key and name in the standard's list, the limit shown beside it, the measured value.
 */
export type FailingItem = { key: string, name: string, limit: string | null, measured: string, };

export type PhotoDto = { id: string, 
/**
 * What it shows: an item key, `intake:<row>`, `label:<row>`, `licence:<id>`.
 */
target: string, caption: string, hash: string, originalName: string, size: number, 
/**
 * A small JPEG as a data URL.
 */
thumbnail: string, };

export type InspectionDto = { id: string, enterpriseId: string, enterpriseName: string, enterpriseUscc: string, template: ChecklistTemplate, finished: boolean, draft: InspectionDraft, createdAt: string, updatedAt: string, finishedAt: string | null, amendsId: string | null, photos: Array<PhotoDto>, };

export type DocKind = "inspectionRecord" | "rectificationNotice" | "coerciveMeasure" | "samplingRecord" | "serviceProof" | "measureExtension" | "measureRelease" | "exportNotice";

/**
 * Where an issued document stands, for the 文书 page's filter and tags.
 */
export type DocState = "awaitingService" | "done" | "revoked";

export type Measure = "seal" | "seize";

/**
 * Why a seal or seizure is released: the items of 行政强制法第二十八条第一款.
 */
export type ReleaseGround = "noOffence" | "unrelated" | "decided" | "expired" | "noLongerNeeded";

/**
 * How a document was served (送达方式, 民事诉讼法第八十八至九十五条). A legal record stores its Chinese name from
 * here, never a label in the window's language.
 */
export type ServiceMethod = "direct" | "left" | "post" | "electronic" | "public";

/**
 * A line of the 财物清单.
 */
export type GoodsRow = { name: string, spec: string, batch: string, quantity: number, unit: string, note: string, };

/**
 * A range of serials the bureau gave this device for one year (inclusive).
 */
export type NumberBlock = { year: number, first: number, last: number, };

/**
 * What the inspector asks to issue. The same request previews and issues, so the paper matches the preview.
 */
export type IssueRequest = { "kind": "inspectionRecord", inspectionId: string, 
/**
 * What the party said, recorded now; each `None` prints a blank line to write by hand.
 */
partyWords: PartyWords, } | { "kind": "rectificationNotice", inspectionId: string, 
/**
 * `None`: correct immediately.
 */
deadline: string | null, corrections: Array<string>, } | { "kind": "coerciveMeasure", inspectionId: string | null, sampleId: string | null, measure: Measure, goods: Array<GoodsRow>, goodsPlace: string, from: string, until: string, 
/**
 * The on-site record: the party's statement and defence, a refusal, absence, a witness.
 */
partyWords: PartyWords, } | { "kind": "measureExtension", decisionId: string, newUntil: string, reason: string, } | { "kind": "measureRelease", decisionId: string, ground: ReleaseGround, reason: string, releasedOn: string, } | { "kind": "samplingRecord", sampleId: string, partyWords: PartyWords, } | { "kind": "serviceProof", documentId: string, } | { "kind": "exportNotice", sampleId: string, recipients: Array<string>, };

/**
 * The notice's editable defaults (`App::notice_defaults`).
 */
export type NoticeDefaults = { deadline: string, corrections: Array<string>, };

/**
 * What the party said on the record, in its own words (行政强制法第十八条第（八）项: the record is signed or sealed
 * by the party, a refusal is noted; 第（九）项: a witness signs when the party is absent). Nothing here is ever
 * pre-printed: `None` prints a blank line the party writes on by hand.
 */
export type PartyWords = { 
/**
 * The answer on recusal (是否申请回避), 现场检查笔录 only.
 */
recusal: string | null, 
/**
 * The opinion on the record or on the sampling.
 */
opinion: string | null, 
/**
 * The party refused to sign or seal: the record says so, and the witness signs.
 */
refusedToSign: boolean, 
/**
 * A witness present because the party refused or was absent.
 */
witness: string | null, 
/**
 * The party was not there (行政强制法第十八条第（九）项): a witness signs instead.
 */
absent: boolean, };

/**
 * Who signs and where to appeal: kept per data directory, editable by the unit.
 */
export type DocSettings = { reconsiderationBody: string, court: string, contactPerson: string, contactPhone: string, };

export type PreviewText = { x: number, y: number, size: number, bold: boolean, text: string, };

export type PreviewRule = { x1: number, y1: number, x2: number, y2: number, dashed: boolean, };

export type PreviewPage = { texts: Array<PreviewText>, rules: Array<PreviewRule>, };

/**
 * The pages exactly as they will print (positions in points on A4), and the characters the font lacks.
 */
export type DocPreviewDto = { title: string, 
/**
 * The number issuing now would print (the preview prints it too).
 */
number: string, 
/**
 * No number block is left: `number` is this device's tagged fallback (`卫市监责改〔2026〕B8524043-1号`),
 * and the window says so, and how to get a block, before the inspector confirms.
 */
fallback: boolean, pages: Array<PreviewPage>, missing: Array<string>, };

export type DocumentDto = { id: string, kind: DocKind, title: string, number: string, enterpriseId: string, enterpriseName: string, inspectionId: string | null, issuedAt: string, revoked: string | null, servedAt: string | null, state: DocState, 
/**
 * A notice or decision, which takes effect once served: it has a 送达回证.
 */
needsService: boolean, 
/**
 * May be corrected by issuing the corrected document in its place (not revoked, a kind that allows it).
 */
amendable: boolean, amendsId: string | null, pdfPath: string, };

export type IssuedDto = { document: DocumentDto, pages: number, bytes: number, pdfSha256: string, 
/**
 * Characters the font could not show (printed as an empty box): the window says so.
 */
missing: Array<string>, };

export type ServiceInput = { documentId: string, 
/**
 * When it was served, as the inspector's local time with offset; None: now, stamped by the app (the window
 * never supplies a legal record's time, and never in UTC).
 */
servedAt: string | null, method: ServiceMethod, recipient: string, 
/**
 * A photo of the signed paper (JPEG or PNG), if any.
 */
scanPath: string | null, 
/**
 * 留置送达: the reason the party gave for refusing it, and the witness present.
 */
refusal: string | null, witness: string | null, 
/**
 * 电子送达: the party consented and signed the confirmation.
 */
consented: boolean, };

/**
 * How a deadline stands on a given day.
 */
export type Urgency = "overdue" | "dueSoon" | "later";

export type FollowupDto = { rectificationId: string, documentId: string, number: string, enterpriseId: string, enterpriseName: string, deadline: string, urgency: Urgency, 
/**
 * Negative when overdue.
 */
daysLeft: number, corrections: Array<string>, };

/**
 * One correction ordered by the notice, as verified on re-inspection.
 */
export type VerifiedCorrection = { correction: string, done: boolean, note: string, };

export type ReinspectionInput = { rectificationId: string, date: string, inspectors: Array<Inspector>, verified: Array<VerifiedCorrection>, note: string, };

export type ReinspectionResultDto = { complete: boolean, 
/**
 * Still barred after this re-inspection (another rectification open, or this one incomplete).
 */
productionBarred: boolean, };

export type SampleInput = { enterpriseId: string, inspectionId: string | null, productName: string, trademark: string, specModel: string, 
/**
 * 生产日期或批号
 */
batchOrDate: string, manufacturer: string, 
/**
 * 抽样数量
 */
quantity: string, 
/**
 * 抽样基数
 */
baseQuantity: string, 
/**
 * 检验样品 / 备用样品 (sealed)
 */
testSamples: string, reserveSamples: string, place: string, sampledOn: string, 
/**
 * Time of day the samples were drawn (sampling record); absent in samples recorded before it was asked.
 */
sampledTime: string | null, 
/**
 * 封条编号: the numbers of the seals on the test and reserve samples.
 */
sealNumbers: string, 
/**
 * 抽样依据或任务来源 (e.g. the campaign's sampling task).
 */
basis: string, 
/**
 * 承检机构: the laboratory that tests the samples.
 */
testingBody: string, samplers: Array<Inspector>, 
/**
 * 执行标准 of the sampled product (`GB 2626-2019`): the lab-result form lists its test items.
 */
standard: string, 
/**
 * 级别 (`KN95`, `Ⅱ级`, `防护口罩`): picks the limit of an item that depends on it.
 */
grade: string, };

export type LabVerdict = "pass" | "fail";

/**
 * The lab result and what followed (appendix 5 columns 抽查结果 … 对企业帮扶措施).
 */
export type SampleResultInput = { verdict: LabVerdict, 
/**
 * 不合格项目 as appendix 5 prints them (e.g. 过滤效率): the failing items' names, or typed where the standard's
 * items are not known.
 */
failingItems: string, 
/**
 * Each failing item with the standard's limit and the measured value, as the lab report gives them.
 */
failing: Array<FailingItem>, 
/**
 * 检验报告编号
 */
reportNumber: string, 
/**
 * The laboratory that issued the report.
 */
lab: string, 
/**
 * 不合格产品的批次数量（只）
 */
nonconformingQuantity: number | null, reachedMarket: boolean, 
/**
 * 不合格产品流入市场方向
 */
marketDirection: string, 
/**
 * 后处理措施
 */
postMeasures: string, 
/**
 * 对企业帮扶措施
 */
helpMeasures: string, 
/**
 * What the failure started: stop sales, the batch's trail, each buyer's outcome.
 */
chain: FailedChain, };

export type SampleDto = { id: string, enterpriseName: string, input: SampleInput, result: SampleResultInput | null, 
/**
 * The sampling record issued for it and in force.
 */
record: DocumentDto | null, createdAt: string, };

/**
 * What became of the goods a buyer took (each buyer is a follow-up until it is not `Pending`).
 */
export type BuyerOutcome = "pending" | "recalled" | "sealed" | "soldOut";

/**
 * One buyer of the failing batch, from the enterprise's sales ledger.
 */
export type TrailBuyer = { buyer: string, 
/**
 * Where the buyer is (county, city or province): the direction appendix 5 prints.
 */
place: string, 
/**
 * 只
 */
quantity: number, soldOn: string, outcome: BuyerOutcome, note: string, };

/**
 * The steps after a failed sample, recorded on the sample.
 */
export type FailedChain = { 
/**
 * The day the enterprise was ordered to stop selling the batch (责令停止销售).
 */
stopSalesOn: string | null, 
/**
 * The buyers the sales ledger shows.
 */
trail: Array<TrailBuyer>, 
/**
 * The ledgers were checked and show no sale of the batch: the trail is complete though empty.
 */
noneSold: boolean, };

/**
 * A step still open, as the dashboard lists it.
 */
export type OpenStep = { "step": "stopSales" } | { "step": "trail" } | { "step": "buyer", buyer: string, quantity: number, } | { "step": "exportNotice" };

export type ChainFollowupDto = { sampleId: string, enterpriseId: string, enterpriseName: string, productName: string, batch: string, steps: Array<OpenStep>, };

/**
 * What a ledger gives: the buyers of the batch, the lines in error, the lines of other batches left out.
 */
export type TrailPlan = { buyers: Array<TrailBuyer>, errors: Array<LedgerError>, otherBatches: number, };

/**
 * A line that cannot become a buyer: its row, the column as the ledger names it, the rule.
 */
export type LedgerError = { row: number, error: FieldError, };

/**
 * One row of appendix 4: a category, or 合计 (`category: None`).
 *
 * 出动执法人员 and 检查经营者数 are the period's visits, which belong to no case category (most lead to no case):
 * they are figures of 合计 only, and blank in the category rows. Every other column of 合计 is the sum of its rows.
 */
export type Appendix4Row = { category: CaseCategory | null, 
/**
 * 出动执法人员(人次)累计: each inspector on each visit of the period (合计 only).
 */
inspectors: number | null, 
/**
 * 检查经营者数(户/人)累计: the operators checked, one per visit (合计 only). 累计 counts a second visit to
 * the same operator again, as the roll-up must: a county's figure is the sum of its inspectors'.
 */
operators: number | null, 
/**
 * 查办案件（件）（包括立案和简易案件）
 */
cases: number, 
/**
 * 其中：立案（件）
 */
filed: number, 
/**
 * 结案（件）
 */
closed: number, 
/**
 * 罚没（万元）
 */
finesWan: number, 
/**
 * 案值（万元）
 */
valueWan: number, 
/**
 * 查获口罩（万只）累计
 */
masksWan: number, 
/**
 * 移送公安机关案件数（件）累计
 */
referred: number, };

/**
 * One row of appendix 5, every cell as it prints.
 */
export type Appendix5Row = { productName: string, specModel: string, enterprise: string, 
/**
 * 合格 / 不合格 / 待检验
 */
result: string, failingItems: string, 
/**
 * 不合格产品的批次数量（只）
 */
nonconformingQuantity: string, 
/**
 * 是 / 否 (blank until the result)
 */
reachedMarket: string, marketDirection: string, postMeasures: string, helpMeasures: string, productionStatus: string, scale: string, 
/**
 * 新企业成立时间
 */
foundedOn: string, };

/**
 * Which appendix to write: one, or all three in one workbook.
 */
export type AppendixChoice = "three" | "four" | "five" | "all";

/**
 * Where a unit's figures come from.
 */
export type FiguresSource = "records" | "workbook";

/**
 * One unit's line of the roll-up.
 */
export type UnitFiguresDto = { unit: string, source: FiguresSource, 
/**
 * The workbook's file name and 填报时间, and when it was read in.
 */
fileName: string | null, reportedOn: string | null, importedAt: string | null, 
/**
 * Seven categories then 合计.
 */
appendix4: Array<Appendix4Row>, 
/**
 * Appendix 5's rows: products sampled, of which failed.
 */
sampled: number, failed: number, };

export type RollupDto = { units: Array<UnitFiguresDto>, 
/**
 * The sum of the units' appendix 4.
 */
total: Array<Appendix4Row>, sampled: number, failed: number, 
/**
 * Units this bureau knows (its enrolled devices' units) with no figures for the period.
 */
missing: Array<string>, };

/**
 * A bad cell of a sent workbook: the sheet, Excel row, column header and rule.
 */
export type SentCellErrorDto = { sheet: string, row: number, column: string, rule: string, };

/**
 * What a unit's workbook would add, before anything is kept.
 */
export type SentReportPreviewDto = { file: string, unit: string, reportedOn: string, appendix4: Array<Appendix4Row> | null, sampled: number, failed: number, errors: Array<SentCellErrorDto>, 
/**
 * When this unit's earlier workbook for the same period was read in: this one replaces it.
 */
replaces: string | null, 
/**
 * The unit is one of this bureau's (an enrolled device's unit); a stranger's table is allowed, but said.
 */
knownUnit: boolean, };

export type TaskList = "nonMedical" | "medical";

/**
 * 完成时间: a date, 即时办理 or 长期坚持.
 */
export type Due = { "on": string } | "atOnce" | "ongoing";

/**
 * What the records can count of a task.
 */
export type TaskMeasure = "makersInspected" | "makersSampled" | "failedFollowedUp" | "penaltiesPublished" | "rectificationsClosed" | "planVisited";

export type CampaignTask = { key: string, list: TaskList, number: number, title: string, items: Array<string>, owners: string, due: Due, 
/**
 * What the records count of it (none, one, or several: 抽查 counts the makers sampled and the 双随机 plan).
 */
measures: Array<TaskMeasure>, };

export type TaskStatus = "notStarted" | "inProgress" | "done";

/**
 * A measured task's count: `done` of `of`.
 */
export type Progress = { done: number, of: number, };

/**
 * One measure of a task for a unit.
 */
export type Measured = { measure: TaskMeasure, progress: Progress, };

/**
 * The board's colour of a task.
 */
export type Light = "done" | "overdue" | "dueSoon" | "open";

export type EvidenceKind = "note" | "record" | "file";

/**
 * Evidence of a task: a note, a record (a document number, a case, a sample) or a file kept by its hash.
 */
export type Evidence = { kind: EvidenceKind, 
/**
 * The record's id or number, or the file's SHA-256.
 */
reference: string, label: string, };

export type TaskRowDto = { task: CampaignTask, status: TaskStatus, note: string, evidence: Array<Evidence>, 
/**
 * What the records count of the task for the unit, measure by measure.
 */
measured: Array<Measured>, light: Light, updatedAt: string | null, };

export type CampaignBoardDto = { unit: string, 
/**
 * The units this device may show (a bureau: itself and its units; an inspector: its own).
 */
units: Array<string>, tasks: Array<TaskRowDto>, };

/**
 * A unit's status of a task, as set from the board or the CLI. `file` adds a file as evidence.
 */
export type TaskStatusInput = { taskKey: string, unit: string | null, status: TaskStatus, note: string, evidence: Array<Evidence>, file: string | null, };

/**
 * How many to draw: a count, or a share of the candidates in percent (rounded up).
 */
export type DrawSize = { "count": number } | { "percent": number };

/**
 * Who may be drawn: the enterprises of these counties (all when empty), of these kinds (all when empty).
 */
export type DrawCriteria = { counties: Array<string>, kinds: Array<EnterpriseKind>, };

/**
 * One drawn enterprise and the two inspectors drawn to check it.
 */
export type DrawnCheck = { 
/**
 * 1-based order of the draw.
 */
position: number, enterpriseId: string, uscc: string, name: string, inspectors: Array<Inspector>, };

/**
 * What to draw. Without a seed, one is made from the clock and shown, so the draw can be re-run. The seed is text:
 * a 64-bit number does not fit a JavaScript number.
 */
export type DrawRequest = { title: string, seed: string | null, criteria: DrawCriteria, size: DrawSize, inspectors: Array<Inspector>, };

export type DrawPreviewDto = { 
/**
 * The seed used, as text (a u64 does not fit a JavaScript number).
 */
seed: string, candidates: number, checks: Array<DrawnCheck>, };

export type SpotCheckDto = { position: number, enterpriseId: string, enterpriseName: string, county: string | null, inspectors: Array<Inspector>, visitedOn: string | null, };

export type SpotPlanDto = { planId: string, title: string, seed: string, drawnOn: string, checks: Array<SpotCheckDto>, visited: number, 
/**
 * This device made the draw and holds its candidates: it can be re-run here.
 */
canVerify: boolean, };

/**
 * A draw re-run from its record: the same list, or where it differs.
 */
export type DrawVerificationDto = { planId: string, same: boolean, candidates: number, checks: Array<DrawnCheck>, };

/**
 * The check areas of the checklists (the sections every template shares).
 */
export type FindingArea = "licences" | "intake" | "outbound" | "labels" | "ledger" | "other";

/**
 * A week (from its Monday) and how many things fell in it.
 */
export type WeekCount = { weekStart: string, count: number, };

/**
 * A name and how many times it occurs.
 */
export type NamedCount = { name: string, count: number, };

export type AreaCount = { area: FindingArea, count: number, };

export type UnitRectifications = { unit: string, open: number, 
/**
 * Of the open ones, past their deadline.
 */
overdue: number, };

export type UnitCoverage = { unit: string, 
/**
 * The unit's non-medical makers, inspected and sampled.
 */
makers: number, inspected: number, sampled: number, };

export type ChartsDto = { inspectionsPerWeek: Array<WeekCount>, findingsByArea: Array<AreaCount>, failingItems: Array<NamedCount>, rectifications: Array<UnitRectifications>, coverage: Array<UnitCoverage>, };

/**
 * 案件类别: the rows of appendix 4.
 */
export type CaseCategory = "price" | "quality" | "unfairCompetition" | "intellectualProperty" | "drugDeviceQualification" | "falseAdvertising" | "other";

export type Procedure = "filed" | "simple";

/**
 * A case (案件) with every figure appendix 4 sums. Money in 万元, masks in 万只.
 */
export type CaseInput = { enterpriseId: string | null, inspectionId: string | null, title: string, category: CaseCategory, procedure: Procedure, openedOn: string, closedOn: string | null, 
/**
 * 罚没（万元）
 */
finesWan: number, 
/**
 * 案值（万元）
 */
valueWan: number, 
/**
 * 查获口罩（万只）
 */
masksSeizedWan: number, referredToPolice: boolean, 
/**
 * 出动执法人员（人次）
 */
inspectorsDispatched: number, 
/**
 * 检查经营者数（户/人）
 */
operatorsChecked: number, 
/**
 * The penalty decision, once made (行政处罚决定书): what the publicity entry repeats.
 */
penalty?: PenaltyDecision | null, 
/**
 * The day the penalty was published in the national enterprise credit publicity system.
 */
publishedOn?: string | null, };

export type CaseDto = { id: string, enterpriseName: string | null, input: CaseInput, 
/**
 * The penalty's publicity deadline (twenty working days), when it must be published.
 */
publicity: PublicityDue | null, 
/**
 * The device that opened it (a bureau counts it to that device's unit).
 */
origin: string, createdAt: string, updatedAt: string, };

/**
 * The penalty decision (行政处罚决定书) as the publicity entry repeats it.
 */
export type PenaltyDecision = { 
/**
 * 行政处罚决定书文号
 */
number: string, 
/**
 * 作出行政处罚决定的日期
 */
decidedOn: string, 
/**
 * 违法事实 (as the decision states them)
 */
facts: string, 
/**
 * 处罚依据 (the provisions applied)
 */
basis: string, 
/**
 * 处罚内容 (e.g. 没收不合格口罩2000只，罚款人民币5万元)
 */
content: string, 
/**
 * A warning and nothing else: not published (第二条第二款).
 */
warningOnly: boolean, };

/**
 * Where a case's publicity stands.
 */
export type PublicityDue = { deadline: string, 
/**
 * Every year the period spans is in the shipped holiday calendar (otherwise weekends only were skipped).
 */
calendarKnown: boolean, publishedOn: string | null, urgency: Urgency, daysLeft: number, };

export type InspectionRowDto = { id: string, enterpriseId: string, enterpriseName: string, templateKey: string, finished: boolean, createdAt: string, finishedAt: string | null, findings: number, };

/**
 * A device as the window and the CLI show it.
 */
export type DeviceDto = { id: string, role: Role, unit: string, person: string, fingerprint: string, 
/**
 * The first 32 hex digits in groups of four, to read aloud.
 */
fingerprintGroups: string, 
/**
 * `self`, `enrolled`, `bureau` (the pinned bureau) or `registry` (from the bureau's registry).
 */
trust: string, revoked: string | null, };

/**
 * What an export wrote.
 */
export type BundleExportDto = { bundleId: string, recipient: string, seq: number, rows: number, attachments: number, path: string, };

/**
 * What an import did (or, for an already applied bundle, that it did nothing).
 */
export type BundleImportDto = { bundleId: string, sender: string, alreadyApplied: boolean, new: number, updated: number, unchanged: number, conflicts: number, quarantined: number, attachments: number, };

/**
 * Progress of an export or import: `done` of `total` (KiB, or rows while applying).
 */
export type SyncProgressDto = { stage: SyncStage, done: number, total: number, };

/**
 * Which part of a bundle's journey a progress report is about.
 */
export type SyncStage = "write" | "read" | "apply";

/**
 * A bundle's header, shown without applying it.
 */
export type BundleHeaderDto = { bundleId: string, sender: string, recipient: string, seq: number, schema: number, createdAt: string, rows: number, attachments: number, };

export type ConflictDto = { id: number, table: string, rowId: string, field: string, keptValue: string | null, keptVersion: string, lostValue: string | null, lostVersion: string, foundAt: string, };

/**
 * Why a row was set aside instead of applied: a closed list the window words in its own language.
 */
export type QuarantineReason = "futureClock" | "sameClockOtherContent" | "issuedDocumentChanged" | "duplicateNumber" | "databaseRefused" | "invalidRow";

export type QuarantineDto = { bundleId: string, table: string, rowId: string, reason: QuarantineReason, 
/**
 * What the reason is about (a clock, another document's id, the database's refusal), as data.
 */
detail: string, 
/**
 * The rules a row broke (reason `invalidRow`), for the window to word in its own language.
 */
fields: Array<FieldError>, foundAt: string, };

export type BundleLogDto = { bundleId: string, 
/**
 * `in` or `out`.
 */
direction: string, peer: string, seq: number, at: string, 
/**
 * The counts recorded for it (JSON).
 */
summary: string, };

export type AssignedBlockDto = { 
/**
 * None: the device's own block (added on the device itself).
 */
device: string | null, 
/**
 * None: for every kind of document.
 */
kind: DocKind | null, year: number, first: number, last: number, };

/**
 * What the top bar shows: changes not yet acknowledged by the bureau (a laptop), and the last bundle each way.
 */
export type SyncStatusDto = { 
/**
 * Rows changed here that the pinned bureau has not acknowledged; None on a bureau or before one is confirmed.
 */
unsynced: number | null, lastIn: string | null, lastOut: string | null, openConflicts: number, };
