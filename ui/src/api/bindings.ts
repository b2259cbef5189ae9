// Generated from Rust by ts-rs (maskcheck_app::bindings). Do not edit: run
// `UPDATE_BINDINGS=1 cargo test -p maskcheck-app --test app bindings` to regenerate.

export type ErrorCode = "validation" | "notFound" | "notSetUp" | "alreadySetUp" | "databaseTooNew" | "io" | "unreadableFile" | "cancelled" | "storage";

export type AppError = { code: ErrorCode, message: string, fields: Array<FieldError>, };

/**
 * Every field a user can get wrong. The UI maps each to its label (`fields.<name>`).
 */
export type Field = "name" | "uscc" | "county" | "productionAddress" | "registeredAddress" | "legalRep" | "contact" | "phone" | "foundedOn" | "kind" | "number" | "holder" | "scope" | "issuer" | "issuedOn" | "validUntil" | "category" | "standard" | "grade" | "registrationCertNo" | "reason" | "unitName" | "unitAbbr" | "inspectorName" | "certNo" | "medical" | "exporter" | "scale" | "productionStatus" | "dailyCapacity" | "note";

/**
 * Every rule a field can break. The UI maps each to a sentence (`rules.<name>`) with `detail` filled in.
 */
export type Rule = "required" | "tooLong" | "controlChars" | "usccLength" | "usccCharset" | "usccAreaCode" | "usccCheckChar" | "usccDuplicate" | "certificatePattern" | "certificateYear" | "certificateClass" | "dateOrder" | "dateInFuture" | "dateFormat" | "numberFormat" | "unknownValue" | "duplicateInFile";

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

export type SetupStatus = { profile: ProfileDto | null, dataDir: string, };

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
dailyCapacityWan: number | null, note: string | null, };

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

export type EnterpriseDetailDto = { enterprise: EnterpriseDto, licences: Array<LicenceDto>, products: Array<ProductDto>, };

export type DashboardDto = { enterpriseCount: number, 
/**
 * Enterprises holding a licence that has expired.
 */
expiredLicences: number, 
/**
 * Enterprises holding a licence that expires within 30 days.
 */
expiringLicences: number, };

export type DemoSummary = { enterprises: number, licences: number, products: number, };

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
skipInvalid: boolean, };

export type ImportPreviewDto = { path: string, sheet: string, sheetNames: Array<string>, headerRows: Array<number>, columns: Array<ColumnMapping>, counts: ImportCounts, 
/**
 * Every row that is not a plain insert, and the first inserts.
 */
rows: Array<PlannedRow>, omittedInserts: number, skippedEmpty: number, notesFromRow: number | null, };

export type ImportResultDto = { counts: ImportCounts, inserted: number, updated: number, 
/**
 * Rows not imported (errors and duplicates), with why.
 */
skipped: Array<PlannedRow>, };

export type ExportResultDto = { path: string, rows: number, };

/**
 * Progress of a long task: `done` of `total` rows.
 */
export type ProgressDto = { done: number, total: number, };
