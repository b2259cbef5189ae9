//! Importing a bundle: decrypt and stage it, verify the signature against the enrolled key, check the sender and
//! the bundle, back up, then in one transaction plan each page of rows (pure, `maskcheck_sync::plan`, against
//! what this device holds, earlier pages included) and apply the plan — all of the bundle or none of it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use maskcheck_domain::record_rules::validate_record;
use maskcheck_domain::Role;
use maskcheck_store::{decode_record, SyncRead, Tx, LATEST_SCHEMA, LEGAL_CATALOGUE};
use maskcheck_sync::plan::{plan_row, Local, Op, Planned};
use maskcheck_sync::{read_bundle, FieldVersion, Incoming, QuarantineReason, Records, Row, SignedCard, SyncTable};

use crate::sync_bundles::{
    quiet, refused, sync_err, BundleImportDto, Counting, Staging, SyncProgress, SyncProgressDto, SyncStage,
};
use crate::sync_devices::{card_error, normalise_fingerprint, peer_card, peer_record};
use crate::{now_ms, now_text, App, AppError, ErrorCode, Result};

/// A row that breaks a rule typed input meets is set aside before it is planned, with its field errors as data.
fn invalid_row(row: &Row, today: chrono::NaiveDate) -> Option<Planned> {
    let errors = decode_record(row.table.name(), &row.values).and_then(|r| validate_record(&r, today)).err()?;
    let detail = serde_json::to_string(&errors.0).unwrap_or_default();
    Some(Planned { op: Op::Quarantine { reason: QuarantineReason::InvalidRow, detail }, conflicts: Vec::new() })
}

/// The pure plan of every row of one page, from what the transaction holds now.
/// The page's rows move into the result (no copy: a year is 2,400 rows of maps).
fn plan_page(tx: &Tx<'_>, page: Records, now: i64) -> Result<Vec<(Row, Planned)>> {
    let today = crate::today();
    let mut by_row: BTreeMap<(SyncTable, String), Vec<FieldVersion>> = BTreeMap::new();
    for f in page.field_versions {
        by_row.entry((f.table, f.id.clone())).or_default().push(f);
    }
    let mut rows = page.rows;
    // Parents before children, whatever order the sender used.
    rows.sort_by_key(|r| SyncTable::ALL.iter().position(|t| *t == r.table));
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(planned) = invalid_row(&row, today) {
            out.push((row, planned));
            continue;
        }
        let table = row.table.name();
        let local = Local {
            row: tx.row_values(table, row.id())?,
            fields: tx.field_clocks(table, row.id())?.into_iter().map(|(f, v, b)| (f, (v, b))).collect(),
            number_taken_by: match (row.table, row.text("number")) {
                (SyncTable::Document, Some(n)) => tx.document_with_number(n)?.filter(|id| id != row.id()),
                _ => None,
            },
        };
        let fields = by_row.get(&(row.table, row.id().to_string())).map(Vec::as_slice).unwrap_or_default();
        let planned = plan_row(&row, fields, &local, now);
        out.push((row, planned));
    }
    Ok(out)
}

/// Files that move into the store when the import commits: destination → staged source.
#[derive(Default)]
struct Moves(BTreeMap<PathBuf, PathBuf>);

impl Moves {
    fn add(&mut self, staged: PathBuf, dest: PathBuf) {
        if staged.is_file() && !dest.is_file() {
            self.0.insert(dest, staged);
        }
    }

    /// Renames each staged file into place (the staging directory is on the same disk); a file wanted in two
    /// places is copied from where it went first.
    fn run(&self) -> Result<()> {
        let mut moved: BTreeMap<&Path, &Path> = BTreeMap::new();
        for (to, from) in &self.0 {
            if let Some(dir) = to.parent() {
                std::fs::create_dir_all(dir).map_err(|e| AppError::io(dir, e))?;
            }
            let source = moved.get(from.as_path()).copied().unwrap_or(from.as_path());
            let done = if source == from.as_path() {
                std::fs::rename(from, to)
            } else {
                Err(std::io::ErrorKind::NotFound.into())
            };
            done.or_else(|_| std::fs::copy(source, to).map(drop)).map_err(|e| AppError::io(to, e))?;
            moved.entry(from.as_path()).or_insert(to.as_path());
        }
        Ok(())
    }

    /// Makes the moved files and their names durable before the database commits the rows that point at them (a
    /// power cut must not leave a committed photo row over an empty file): one `syncfs` of the data directory's
    /// filesystem rather than an fsync per file.
    fn make_durable(&self, data_dir: &Path) -> Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        let dir = std::fs::File::open(data_dir).map_err(|e| AppError::io(data_dir, e))?;
        rustix::fs::syncfs(&dir).map_err(|e| AppError::io(data_dir, e.into()))
    }
}

impl App {
    /// The sender's card and whether it is to be pinned now as the bureau: an enrolled or registered device, or
    /// (the first time) a bureau whose fingerprint the inspector, or a county bureau's clerk for its city,
    /// confirmed with `accept_bureau`.
    fn sender_card(&self, sender: &str, meta: &Records, accept_bureau: Option<&str>) -> Result<(SignedCard, bool)> {
        if let Some(p) = self.store().peer(sender)? {
            if let (Some(at), reason) = (&p.revoked_at, &p.revoke_reason) {
                return Err(refused(format!(
                    "发送设备 {sender} 已于 {at} 被吊销（{}），其同步包不再接受",
                    reason.clone().unwrap_or_default()
                )));
            }
            return Ok((peer_card(&p)?, false));
        }
        let offered = meta
            .devices
            .iter()
            .find(|c| c.card.device_id == sender && c.card.role == "bureau")
            .ok_or_else(|| refused(format!("发送设备 {sender} 未在本机登记，同步包不予导入")))?;
        let card = offered.verified().map_err(card_error)?;
        // One bureau is pinned: an inspector's own bureau, or a county bureau's city.
        if self.store().peers()?.iter().any(|p| p.trust == "bureau") {
            return Err(refused(format!("发送设备 {sender} 未在本机登记，同步包不予导入")));
        }
        let fp = card.fingerprint().map_err(card_error)?;
        let confirmed = accept_bureau.map(normalise_fingerprint).is_some_and(|a| a.len() >= 32 && fp.starts_with(&a));
        if !confirmed {
            let groups = maskcheck_sync::fingerprint_groups(&fp);
            let whose = if self.profile()?.role == Role::Bureau { "上级局" } else { "局端" };
            let msg = format!(
                "首次导入{whose}同步包：请与{whose}核对其指纹 {groups}，确认后用 --accept-bureau 指纹 导入（在窗口中确认）"
            );
            return Err(AppError::new(ErrorCode::BureauUnconfirmed, msg).about(groups));
        }
        Ok((offered.clone(), true))
    }

    /// Imports one bundle: all of it or none of it, after a backup of the database.
    pub fn import_bundle(&self, path: &Path, accept_bureau: Option<&str>) -> Result<BundleImportDto> {
        self.import_bundle_in_batch(path, accept_bureau, &mut true, &quiet)
    }

    /// One bundle of several imported in turn, each all or nothing: `backup` starts true and is cleared by the first
    /// bundle that applies, so one backup covers the batch (a bureau importing fifty laptops' bundles would
    /// otherwise copy its growing database fifty times).
    pub fn import_bundle_in_batch(
        &self,
        path: &Path,
        accept_bureau: Option<&str>,
        backup: &mut bool,
        progress: SyncProgress<'_>,
    ) -> Result<BundleImportDto> {
        let me = self.device_id()?;
        let identity = self.age_identity()?;
        // Removed when this import ends, applied or not (the files it kept were moved into the store).
        let mut staging = Staging::new(self.data_dir(), self.vault())?;
        let f = std::fs::File::open(path).map_err(|e| AppError::io(path, e))?;
        let total = f.metadata().map(|m| m.len()).unwrap_or_default();
        let input = std::io::BufReader::with_capacity(1 << 20, f);
        let counted = Counting { inner: input, done: 0, total, reported: 0, progress };
        let incoming = read_bundle(counted, &identity, &mut staging).map_err(|e| sync_err(path, e))?;
        staging.finish_records()?;
        let h = incoming.header.clone();
        let (card, pin) = self.sender_card(&h.sender, &incoming.meta, accept_bureau)?;
        incoming.verify(&card.card.verifying_key().map_err(card_error)?).map_err(|e| sync_err(path, e))?;
        if h.recipient != me {
            return Err(refused(format!("同步包是发给设备 {} 的，不是本机（{me}）", h.recipient)));
        }
        if h.schema > LATEST_SCHEMA {
            return Err(refused(format!(
                "同步包来自更新版本的程序（数据库版本 {}，本机 {LATEST_SCHEMA}），请先升级程序",
                h.schema
            )));
        }
        if h.schema < LATEST_SCHEMA - 1 {
            return Err(refused(format!("同步包来自过旧版本的程序（数据库版本 {}），请发送方先升级", h.schema)));
        }
        let mut out =
            BundleImportDto { bundle_id: h.bundle_id.clone(), sender: h.sender.clone(), ..Default::default() };
        match self.store().received(&h.bundle_id, &h.sender, h.seq)? {
            Some((id, _, _)) if id == h.bundle_id => {
                out.already_applied = true;
                return Ok(out);
            }
            Some((id, _, seq)) => {
                return Err(refused(format!("发送设备的第 {seq} 号同步包已导入过（{id}）：这是重放或伪造的同步包")));
            }
            None => {}
        }
        // Every page must read as rows before anything is written, a backup included: a signed page that is not
        // rows is a refusal, never half an import.
        if incoming.pages > 0 {
            for page in staging.pages()? {
                page.map_err(|e| sync_err(path, e))?;
            }
        }
        // A copy before anything changes (kept beside the database's migration backups).
        if std::mem::take(backup) {
            let backups = self.data_dir().join("backups");
            std::fs::create_dir_all(&backups).map_err(|e| AppError::io(&backups, e))?;
            self.write_backup(&backups.join(format!("before-bundle-{}.db", h.bundle_id)))?;
            self.rotate()?;
        }
        self.apply_bundle(&incoming, &card, pin, &staging, &mut out, progress)?;
        if pin {
            // The bureau is known now: the key of an encrypted laptop is sealed to it for recovery.
            self.seal_recovery_to_bureau()?;
        }
        Ok(out)
    }

    fn apply_bundle(
        &self,
        incoming: &Incoming,
        sender: &SignedCard,
        pin: bool,
        staging: &Staging,
        out: &mut BundleImportDto,
        progress: SyncProgress<'_>,
    ) -> Result<()> {
        let h = &incoming.header;
        let me = self.device_id()?;
        let at = now_text();
        let now = now_ms();
        let mut moves = Moves::default();
        let mut seen = BTreeSet::new();
        let mut applied_rows = 0;
        self.store().write(|tx| {
            tx.set_applying(true)?;
            if pin {
                tx.upsert_peer(&peer_record(sender, "bureau", &at)?)?;
            }
            let pages = if incoming.pages > 0 { Some(staging.pages()?) } else { None };
            for page in pages.into_iter().flatten() {
                let page = page.map_err(|e| AppError::new(ErrorCode::UnreadableFile, e.to_string()))?;
                // Attachments first: the page's rows point at them.
                for a in &page.attachments {
                    let file = staging.dir.join(&a.hash);
                    if file.is_file() {
                        moves.add(file, self.attachment_path(&a.hash));
                        let record = maskcheck_store::AttachmentRecord {
                            hash: a.hash.clone(),
                            size: a.size,
                            mime: a.mime.clone(),
                            original_name: a.original_name.clone(),
                        };
                        tx.upsert_attachment(&record, &at)?;
                        if seen.insert(a.hash.clone()) {
                            out.attachments += 1;
                        }
                    }
                }
                let page_rows = page.rows.len() as u64;
                let planned_page = plan_page(tx, page, now)?;
                // The page under one savepoint; when the database refuses one of its rows, the page is undone and
                // applied again with a savepoint per row, so that row alone is quarantined. (A savepoint per row
                // always made every page journal each page of the database it touched once per row.)
                let whole = tx.attempt(|tx| {
                    planned_page
                        .iter()
                        .map(|(row, planned)| {
                            let kind = write_op(tx, h, row, planned, &at)?;
                            insert_conflicts(tx, h, row, planned, &at)?;
                            Ok(kind)
                        })
                        .collect::<maskcheck_store::Result<Vec<_>>>()
                })?;
                match whole {
                    Ok(kinds) => {
                        for (kind, (_, planned)) in kinds.into_iter().zip(&planned_page) {
                            count(out, Ok(kind));
                            out.conflicts += planned.conflicts.len() as u64;
                        }
                    }
                    Err(_) => {
                        for (row, planned) in &planned_page {
                            self.apply_row(tx, h, row, planned, &at, out)?;
                        }
                    }
                }
                for (row, planned) in &planned_page {
                    // An issued PDF that came with its document goes where the document is read from.
                    if row.table == SyncTable::Document && matches!(planned.op, Op::Insert { .. }) {
                        if let Some(hash) = row.text("pdf_sha256") {
                            moves.add(staging.dir.join(hash), self.pdf_path(row.id()));
                        }
                    }
                }
                applied_rows += page_rows;
                progress(SyncProgressDto { stage: SyncStage::Apply, done: applied_rows, total: h.rows });
            }
            if sender.card.role == "bureau" {
                // The bureau's catalogue and templates; ones that fail the checks are set aside, the rest applies.
                if let Some(refusal) = self.apply_bureau_data(tx, &incoming.meta, (&h.sender, h.seq))? {
                    let carried = serde_json::json!({ "catalogue": incoming.meta.catalogue, "templates": incoming.meta.templates });
                    let row = carried.as_object().cloned().unwrap_or_default();
                    let reason = (QuarantineReason::InvalidRow.as_str(), refusal.as_str());
                    tx.insert_quarantine(&h.bundle_id, LEGAL_CATALOGUE, "legal-basis", reason, &row, &at)?;
                    out.quarantined += 1;
                }
                for c in &incoming.meta.devices {
                    let Ok(card) = c.verified() else { continue };
                    if card.device_id == me || card.device_id == sender.card.device_id {
                        continue;
                    }
                    tx.upsert_peer(&peer_record(c, "registry", &at)?)?;
                }
                for r in &incoming.meta.revocations {
                    if r.device_id != me {
                        let _ = tx.attempt(|tx| tx.revoke_peer(&r.device_id, &r.reason, &r.at))?;
                    }
                }
            }
            for ack in incoming.meta.acks.iter().filter(|a| a.sender == me) {
                tx.set_peer_acked(&h.sender, ack.through)?;
            }
            if let Some(max) = &h.clock_max {
                tx.observe_clock(max, &me, now)?;
            }
            let counts = serde_json::to_string(&serde_json::json!({
                "new": out.new, "updated": out.updated, "unchanged": out.unchanged,
                "conflicts": out.conflicts, "quarantined": out.quarantined, "attachments": out.attachments,
            }))
            .unwrap_or_default();
            tx.log_bundle_in(&h.bundle_id, &h.sender, h.seq, (h.from_change, h.through_change), &at, &counts)?;
            tx.set_applying(false)?;
            // The files move in while the transaction is still open: if a move fails, nothing is committed.
            moves.run()?;
            moves.make_durable(self.data_dir())
        })
    }

    /// Applies one planned row under a savepoint; a row the database refuses is set aside in the quarantine.
    /// One row under its own savepoint: a row the database refuses (a frozen record, a broken constraint) is set
    /// aside in the quarantine, not lost.
    fn apply_row(
        &self,
        tx: &mut Tx<'_>,
        h: &maskcheck_sync::BundleHeader,
        row: &Row,
        planned: &Planned,
        at: &str,
        out: &mut BundleImportDto,
    ) -> Result<()> {
        let applied = tx.attempt(|tx| write_op(tx, h, row, planned, at))?;
        if let Err(e) = &applied {
            let reason = (QuarantineReason::DatabaseRefused.as_str(), e.to_string());
            tx.insert_quarantine(&h.bundle_id, row.table.name(), row.id(), (reason.0, &reason.1), &row.values, at)?;
        }
        count(out, applied.map_err(|_| ()));
        insert_conflicts(tx, h, row, planned, at)?;
        out.conflicts += planned.conflicts.len() as u64;
        Ok(())
    }
}

/// What a planned row does to the database; says which count it adds to.
fn write_op(
    tx: &mut Tx<'_>,
    h: &maskcheck_sync::BundleHeader,
    row: &Row,
    planned: &Planned,
    at: &str,
) -> maskcheck_store::Result<Applied> {
    let table = row.table.name();
    match &planned.op {
        Op::Insert { row, fields } => {
            tx.insert_row(table, &row.values)?;
            let clocks = fields.iter().map(|f| (f.field.as_str(), f.version.as_str(), f.base.as_deref()));
            tx.put_new_row_clocks(table, row.id(), clocks)?;
            Ok(Applied::New)
        }
        Op::Update { id, set, fields, .. } => {
            tx.update_row(table, id, set)?;
            for f in fields {
                tx.put_field_clock(table, &f.id, &f.field, &f.version, f.base.as_deref())?;
            }
            Ok(Applied::Updated)
        }
        Op::Unchanged => Ok(Applied::Unchanged),
        Op::Quarantine { reason, detail } => {
            tx.insert_quarantine(&h.bundle_id, table, row.id(), (reason.as_str(), detail), &row.values, at)?;
            Ok(Applied::Quarantined)
        }
    }
}

/// How a row was applied.
#[derive(Debug, Clone, Copy)]
enum Applied {
    New,
    Updated,
    Unchanged,
    Quarantined,
}

/// Adds a row to the import's counts; `Err` is a row the database refused, quarantined.
fn count(out: &mut BundleImportDto, applied: std::result::Result<Applied, ()>) {
    match applied {
        Ok(Applied::New) => out.new += 1,
        Ok(Applied::Updated) => out.updated += 1,
        Ok(Applied::Unchanged) => out.unchanged += 1,
        Ok(Applied::Quarantined) | Err(()) => out.quarantined += 1,
    }
}

/// The conflicts a row's merge found, kept for a person to decide.
fn insert_conflicts(
    tx: &mut Tx<'_>,
    h: &maskcheck_sync::BundleHeader,
    row: &Row,
    planned: &Planned,
    at: &str,
) -> maskcheck_store::Result<()> {
    for c in &planned.conflicts {
        tx.insert_conflict(
            row.table.name(),
            row.id(),
            &c.field,
            (&c.kept, &c.kept_version),
            (&c.lost, &c.lost_version),
            &h.bundle_id,
            at,
        )?;
    }
    Ok(())
}
