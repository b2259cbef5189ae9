//! Exporting and importing sync bundles. Export: everything the recipient has not acknowledged, signed and
//! encrypted to it. Import: decrypt, verify, check the sender and the bundle, plan every row (pure,
//! `maskcheck_sync::plan`), back up, then apply the plan in one transaction — all of the bundle or none of it.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use maskcheck_domain::Role;
use maskcheck_store::{PeerRecord, LATEST_SCHEMA};
use maskcheck_sync::plan::{plan_row, Local, Op, Planned};
use maskcheck_sync::{
    read_bundle, read_header, write_bundle, Ack, AttachmentMeta, AttachmentSink, AttachmentSource, BundleHeader,
    FieldVersion, QuarantineReason, Records, Revocation, Row, SignedCard, SyncError, SyncTable, TableKind,
};
use serde::Serialize;
use ts_rs::TS;

use crate::sync_devices::{card_error, normalise_fingerprint, peer_card, peer_record};
use crate::{now_ms, now_text, App, AppError, ErrorCode, Result};

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleExportDto {
    pub bundle_id: String,
    pub recipient: String,
    #[ts(type = "number")]
    pub seq: u64,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub attachments: u64,
    pub path: String,
}

/// What an import did (or, for an already applied bundle, that it did nothing).
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleImportDto {
    pub bundle_id: String,
    pub sender: String,
    pub already_applied: bool,
    #[ts(type = "number")]
    pub new: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    #[ts(type = "number")]
    pub conflicts: u64,
    #[ts(type = "number")]
    pub quarantined: u64,
    #[ts(type = "number")]
    pub attachments: u64,
}

/// A bundle's header, shown without applying it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleHeaderDto {
    pub bundle_id: String,
    pub sender: String,
    pub recipient: String,
    #[ts(type = "number")]
    pub seq: u64,
    #[ts(type = "number")]
    pub schema: i64,
    pub created_at: String,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub attachments: u64,
}

fn refused(msg: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::BundleRefused, msg)
}

fn sync_err(path: &Path, e: SyncError) -> AppError {
    let code = match e {
        SyncError::NotABundle | SyncError::Damaged | SyncError::TooLarge { .. } | SyncError::Io(_) => {
            ErrorCode::UnreadableFile
        }
        _ => ErrorCode::BundleRefused,
    };
    AppError::new(code, format!("{}：{e}", path.display())).about(path.display().to_string())
}

fn table_of(name: &str) -> Option<SyncTable> {
    SyncTable::ALL.into_iter().find(|t| t.name() == name)
}

/// Reads attachments from the store (by hash) and issued PDFs (by the hash recorded for them).
struct Files {
    paths: BTreeMap<String, PathBuf>,
}

impl Files {
    fn path(&self, hash: &str) -> std::io::Result<&PathBuf> {
        self.paths.get(hash).ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
    }
}

impl AttachmentSource for Files {
    fn open(&self, hash: &str) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(std::fs::File::open(self.path(hash)?)?))
    }

    fn len(&self, hash: &str) -> std::io::Result<u64> {
        Ok(std::fs::metadata(self.path(hash)?)?.len())
    }
}

/// Stages incoming attachments in a directory of their own; they move into the store only when the import
/// commits.
struct Staging {
    dir: PathBuf,
}

impl AttachmentSink for Staging {
    fn create(&mut self, hash: &str) -> std::io::Result<Box<dyn Write + '_>> {
        Ok(Box::new(std::io::BufWriter::new(std::fs::File::create(self.dir.join(hash))?)))
    }
    fn keep(&mut self, _hash: &str) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Removes what imports killed midway left in `staging/` (older than an hour: an import running now in another
/// process keeps its own).
fn clear_stale_staging(staging: &Path) {
    let Ok(entries) = std::fs::read_dir(staging) else { return };
    let hour = std::time::Duration::from_secs(3600);
    for e in entries.flatten() {
        let stale =
            e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age > hour);
        if stale {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// The end of the contiguous run of `(from, through]` ranges starting at 0: what we can acknowledge.
fn contiguous(mut ranges: Vec<(u64, u64)>) -> u64 {
    ranges.sort();
    let mut end = 0;
    for (from, through) in ranges {
        if from <= end {
            end = end.max(through);
        }
    }
    end
}

impl App {
    fn peer_or_refuse(&self, id: &str) -> Result<PeerRecord> {
        self.store().peer(id)?.ok_or_else(|| refused(format!("设备 {id} 未在本机登记，不能与其交换同步包")))
    }

    /// The recipient of an export: the named device, or (on a laptop) the pinned bureau.
    fn recipient(&self, to: Option<&str>) -> Result<PeerRecord> {
        if let Some(id) = to {
            return self.peer_or_refuse(id);
        }
        self.store()
            .peers()?
            .into_iter()
            .find(|p| p.trust == "bureau")
            .ok_or_else(|| refused("尚未确认局端：请先导入局里发来的同步包（核对局端指纹），或用 --to 指定接收设备"))
    }

    /// Writes a bundle for `to` (or the pinned bureau) at `out`: every change the recipient has not acknowledged.
    pub fn export_bundle(&self, out: &Path, to: Option<&str>) -> Result<BundleExportDto> {
        let me = self.device_id()?;
        let role = self.profile()?.role;
        let peer = self.recipient(to)?;
        if peer.revoked_at.is_some() {
            return Err(refused(format!("设备 {} 已被吊销，不再向其发送", peer.device_id)));
        }
        let card = peer_card(&peer)?;
        let recipient = card.card.recipient().map_err(card_error)?;
        let (records, attachments, files, through) = self.collect(&peer, role)?;
        let key = self.signing_key()?;
        let seq = peer.sent_seq + 1;
        let clocks = records.rows.iter().map(|r| r.version().to_string());
        let header = BundleHeader {
            format: maskcheck_sync::FORMAT,
            schema: LATEST_SCHEMA,
            bundle_id: uuid::Uuid::now_v7().to_string(),
            sender: me,
            seq,
            recipient: peer.device_id.clone(),
            from_change: peer.acked_change,
            through_change: through,
            clock_min: clocks.clone().min(),
            clock_max: clocks.max(),
            created_at: now_text(),
            rows: records.rows.len() as u64,
            attachments: attachments.len() as u64,
            payload_sha256: String::new(),
        };
        // Written beside and renamed: a cut-off export never leaves half a bundle under the name.
        let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = dir.join(format!(".{}.part", header.bundle_id));
        let written = (|| -> Result<BundleHeader> {
            let f = std::fs::File::create(&tmp).map_err(|e| AppError::io(&tmp, e))?;
            let mut w = std::io::BufWriter::new(f);
            let h = write_bundle(&mut w, header, &records, &attachments, &files, &key, &recipient)
                .map_err(|e| sync_err(out, e))?;
            let f = w.into_inner().map_err(|e| AppError::io(&tmp, e.into_error()))?;
            f.sync_all().map_err(|e| AppError::io(&tmp, e))?;
            std::fs::rename(&tmp, out).map_err(|e| AppError::io(out, e))?;
            Ok(h)
        })();
        let header = match written {
            Ok(h) => h,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        self.store().write(|tx| {
            tx.next_sent_seq(&peer.device_id)?;
            tx.log_bundle_out(
                &header.bundle_id,
                &peer.device_id,
                header.seq,
                (header.from_change, header.through_change),
                &header.created_at,
                header.rows,
                header.attachments,
            )
        })?;
        Ok(BundleExportDto {
            bundle_id: header.bundle_id,
            recipient: peer.device_id,
            seq: header.seq,
            rows: header.rows,
            attachments: header.attachments,
            path: out.display().to_string(),
        })
    }

    /// The records, attachment hashes and their files for `peer`, and the change number they run through.
    fn collect(&self, peer: &PeerRecord, role: Role) -> Result<(Records, Vec<String>, Files, u64)> {
        let store = self.store();
        let through = store.last_change()?;
        let mut records = Records::default();
        let mut paths = BTreeMap::new();
        // The bureau sends an inspector what concerns the inspector's county: its enterprises and everything about
        // them (other inspectors' inspections, open rectifications, samples), and the blocks assigned to it.
        let card = peer_card(peer)?.card;
        let county =
            (role == Role::Bureau && card.role == "inspector" && !card.county.is_empty()).then_some(card.county);
        for (tbl, id) in store.changed_rows(peer.acked_change, through, role == Role::Inspector)? {
            let Some(table) = table_of(tbl) else { continue };
            let Some(values) = store.row_values(tbl, &id)? else { continue };
            if values.get("origin").and_then(|v| v.as_str()) == Some(peer.device_id.as_str())
                && table.kind() != TableKind::Roster
            {
                continue; // the recipient's own record: it has it
            }
            if let Some(county) = &county {
                let keep = match table {
                    SyncTable::NumberBlock => {
                        values.get("device").and_then(|v| v.as_str()) == Some(peer.device_id.as_str())
                    }
                    _ => store.row_county(tbl, &id)?.is_none_or(|c| &c == county),
                };
                if !keep {
                    continue;
                }
            }
            if table.kind() == TableKind::Roster {
                for (field, version, base) in store.field_clocks(tbl, &id)? {
                    records.field_versions.push(FieldVersion { table, id: id.clone(), field, version, base });
                }
            }
            for column in ["hash", "scan_hash"] {
                if let Some(hash) = values.get(column).and_then(|v| v.as_str()) {
                    if let Some(a) = store.attachment(hash)? {
                        paths.insert(hash.to_string(), self.attachment_path(hash));
                        records.attachments.push(AttachmentMeta {
                            hash: a.hash,
                            size: a.size,
                            mime: a.mime,
                            original_name: a.original_name,
                        });
                    }
                }
            }
            if table == SyncTable::Document {
                if let Some(hash) = values.get("pdf_sha256").and_then(|v| v.as_str()) {
                    let pdf = self.pdf_path(&id);
                    if pdf.is_file() {
                        paths.insert(hash.to_string(), pdf);
                    }
                }
            }
            records.rows.push(Row { table, values });
        }
        // Acknowledge what we hold of the recipient's own changes.
        let acked = contiguous(store.received_ranges(&peer.device_id)?);
        records.acks.push(Ack { sender: peer.device_id.clone(), through: acked });
        if role == Role::Bureau {
            // The registry: this bureau's own card and every device it enrolled, with the revocations.
            drop(store);
            records.devices.push(self.device_card()?);
            for p in self.store().peers()? {
                if p.trust == "enrolled" {
                    records.devices.push(peer_card(&p)?);
                }
                if let (Some(at), Some(reason)) = (&p.revoked_at, &p.revoke_reason) {
                    records.revocations.push(Revocation {
                        device_id: p.device_id.clone(),
                        reason: reason.clone(),
                        at: at.clone(),
                    });
                }
            }
        }
        records.attachments.sort_by(|a, b| a.hash.cmp(&b.hash));
        records.attachments.dedup_by(|a, b| a.hash == b.hash);
        let hashes: Vec<String> = paths.keys().cloned().collect();
        Ok((records, hashes, Files { paths }, through))
    }

    /// Shows a bundle's header without applying it (it must be addressed to this device to be read at all).
    pub fn inspect_bundle(&self, path: &Path) -> Result<BundleHeaderDto> {
        let identity = self.age_identity()?;
        let f = std::fs::File::open(path).map_err(|e| AppError::io(path, e))?;
        let h = read_header(std::io::BufReader::new(f), &identity).map_err(|e| sync_err(path, e))?;
        Ok(BundleHeaderDto {
            bundle_id: h.bundle_id,
            sender: h.sender,
            recipient: h.recipient,
            seq: h.seq,
            schema: h.schema,
            created_at: h.created_at,
            rows: h.rows,
            attachments: h.attachments,
        })
    }

    /// The sender's card and whether it is to be pinned now as the bureau: an enrolled or registered device, or
    /// (the first time, on a laptop) a bureau whose fingerprint the inspector confirmed with `accept_bureau`.
    fn sender_card(&self, sender: &str, records: &Records, accept_bureau: Option<&str>) -> Result<(SignedCard, bool)> {
        if let Some(p) = self.store().peer(sender)? {
            if let (Some(at), reason) = (&p.revoked_at, &p.revoke_reason) {
                return Err(refused(format!(
                    "发送设备 {sender} 已于 {at} 被吊销（{}），其同步包不再接受",
                    reason.clone().unwrap_or_default()
                )));
            }
            return Ok((peer_card(&p)?, false));
        }
        let offered = records
            .devices
            .iter()
            .find(|c| c.card.device_id == sender && c.card.role == "bureau")
            .ok_or_else(|| refused(format!("发送设备 {sender} 未在本机登记，同步包不予导入")))?;
        let card = offered.verified().map_err(card_error)?;
        if self.profile()?.role != Role::Inspector || self.store().peers()?.iter().any(|p| p.trust == "bureau") {
            return Err(refused(format!("发送设备 {sender} 未在本机登记，同步包不予导入")));
        }
        let fp = card.fingerprint().map_err(card_error)?;
        let confirmed = accept_bureau.map(normalise_fingerprint).is_some_and(|a| a.len() >= 32 && fp.starts_with(&a));
        if !confirmed {
            let groups = maskcheck_sync::fingerprint_groups(&fp);
            let msg = format!(
                "首次导入局端同步包：请与局里核对局端指纹 {groups}，确认后用 --accept-bureau 指纹 导入（在窗口中确认）"
            );
            return Err(AppError::new(ErrorCode::BureauUnconfirmed, msg).about(groups));
        }
        Ok((offered.clone(), true))
    }

    /// Imports one bundle: all of it or none of it, after a backup of the database.
    pub fn import_bundle(&self, path: &Path, accept_bureau: Option<&str>) -> Result<BundleImportDto> {
        self.import_bundle_in_batch(path, accept_bureau, &mut true)
    }

    /// One bundle of several imported in turn, each all or nothing: `backup` starts true and is cleared by the first
    /// bundle that applies, so one backup covers the batch (a bureau importing fifty laptops' bundles would
    /// otherwise copy its growing database fifty times).
    pub fn import_bundle_in_batch(
        &self,
        path: &Path,
        accept_bureau: Option<&str>,
        backup: &mut bool,
    ) -> Result<BundleImportDto> {
        let me = self.device_id()?;
        let identity = self.age_identity()?;
        clear_stale_staging(&self.data_dir().join("staging"));
        // Removed when this import ends, applied or not (the files it kept were moved into the store).
        let mut staging = Staging { dir: self.data_dir().join("staging").join(uuid::Uuid::now_v7().to_string()) };
        std::fs::create_dir_all(&staging.dir).map_err(|e| AppError::io(&staging.dir, e))?;
        let f = std::fs::File::open(path).map_err(|e| AppError::io(path, e))?;
        let incoming =
            read_bundle(std::io::BufReader::new(f), &identity, &mut staging).map_err(|e| sync_err(path, e))?;
        let h = incoming.header.clone();
        let (card, pin) = self.sender_card(&h.sender, &incoming.records, accept_bureau)?;
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
        let plans = self.plan_bundle(&incoming.records)?;
        // A copy before anything changes (kept beside the database's migration backups).
        if std::mem::take(backup) {
            let backups = self.data_dir().join("backups");
            std::fs::create_dir_all(&backups).map_err(|e| AppError::io(&backups, e))?;
            self.store().backup_to(&backups.join(format!("before-bundle-{}.db", h.bundle_id)))?;
        }
        self.apply_bundle(&incoming.header, &incoming.records, &plans, &card, pin, &staging.dir, &mut out)?;
        Ok(out)
    }

    /// The pure plan of every row, from what this device holds now.
    fn plan_bundle(&self, records: &Records) -> Result<Vec<(Row, Planned)>> {
        let store = self.store();
        let now = now_ms();
        let mut by_row: BTreeMap<(SyncTable, String), Vec<FieldVersion>> = BTreeMap::new();
        for f in &records.field_versions {
            by_row.entry((f.table, f.id.clone())).or_default().push(f.clone());
        }
        let mut rows = records.rows.clone();
        rows.sort_by_key(|r| SyncTable::ALL.iter().position(|t| *t == r.table));
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let table = row.table.name();
            let local = Local {
                row: store.row_values(table, row.id())?,
                fields: store.field_clocks(table, row.id())?.into_iter().map(|(f, v, b)| (f, (v, b))).collect(),
                number_taken_by: match (row.table, row.text("number")) {
                    (SyncTable::Document, Some(n)) => store.document_with_number(n)?.filter(|id| id != row.id()),
                    _ => None,
                },
            };
            let fields = by_row.get(&(row.table, row.id().to_string())).cloned().unwrap_or_default();
            let planned = plan_row(&row, &fields, &local, now);
            out.push((row, planned));
        }
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn apply_bundle(
        &self,
        h: &BundleHeader,
        records: &Records,
        plans: &[(Row, Planned)],
        sender: &SignedCard,
        pin: bool,
        staged: &Path,
        out: &mut BundleImportDto,
    ) -> Result<()> {
        let me = self.device_id()?;
        let at = now_text();
        let mut moved = Vec::new();
        let result = self.store().write(|tx| {
            tx.set_applying(true)?;
            if pin {
                tx.upsert_peer(&peer_record(sender, "bureau", &at)?)?;
            }
            // Attachments first: rows point at them.
            for a in &records.attachments {
                let file = staged.join(&a.hash);
                if file.is_file() {
                    let dest = self.attachment_path(&a.hash);
                    if !dest.is_file() {
                        moved.push((file, dest));
                    }
                    let record = maskcheck_store::AttachmentRecord {
                        hash: a.hash.clone(),
                        size: a.size,
                        mime: a.mime.clone(),
                        original_name: a.original_name.clone(),
                    };
                    tx.upsert_attachment(&record, &at)?;
                    out.attachments += 1;
                }
            }
            for (row, planned) in plans {
                let table = row.table.name();
                let applied = tx.attempt(|tx| match &planned.op {
                    Op::Insert { row, fields } => {
                        tx.insert_row(table, &row.values)?;
                        for f in fields {
                            tx.put_field_clock(table, &f.id, &f.field, &f.version, f.base.as_deref())?;
                        }
                        Ok("new")
                    }
                    Op::Update { id, set, fields, .. } => {
                        tx.update_row(table, id, set)?;
                        for f in fields {
                            tx.put_field_clock(table, &f.id, &f.field, &f.version, f.base.as_deref())?;
                        }
                        Ok("updated")
                    }
                    Op::Unchanged => Ok("unchanged"),
                    Op::Quarantine { reason, detail } => {
                        tx.insert_quarantine(
                            &h.bundle_id,
                            table,
                            row.id(),
                            (reason.as_str(), detail),
                            &row.values,
                            &at,
                        )?;
                        Ok("quarantined")
                    }
                })?;
                match applied {
                    Ok("new") => out.new += 1,
                    Ok("updated") => out.updated += 1,
                    Ok("unchanged") => out.unchanged += 1,
                    Ok(_) => out.quarantined += 1,
                    Err(e) => {
                        // A row the database refuses (a frozen record, a broken constraint) is set aside, not lost.
                        tx.insert_quarantine(
                            &h.bundle_id,
                            table,
                            row.id(),
                            (QuarantineReason::DatabaseRefused.as_str(), &e.to_string()),
                            &row.values,
                            &at,
                        )?;
                        out.quarantined += 1;
                    }
                }
                for c in &planned.conflicts {
                    tx.insert_conflict(
                        table,
                        row.id(),
                        &c.field,
                        (&c.kept, &c.kept_version),
                        (&c.lost, &c.lost_version),
                        &h.bundle_id,
                        &at,
                    )?;
                    out.conflicts += 1;
                }
            }
            if sender.card.role == "bureau" {
                for c in &records.devices {
                    let Ok(card) = c.verified() else { continue };
                    if card.device_id == me || card.device_id == sender.card.device_id {
                        continue;
                    }
                    tx.upsert_peer(&peer_record(c, "registry", &at)?)?;
                }
                for r in &records.revocations {
                    if r.device_id != me {
                        let _ = tx.attempt(|tx| tx.revoke_peer(&r.device_id, &r.reason, &r.at))?;
                    }
                }
            }
            for ack in records.acks.iter().filter(|a| a.sender == me) {
                tx.set_peer_acked(&h.sender, ack.through)?;
            }
            if let Some(max) = &h.clock_max {
                tx.observe_clock(max, &me, now_ms())?;
            }
            let counts = serde_json::to_string(&serde_json::json!({
                "new": out.new, "updated": out.updated, "unchanged": out.unchanged,
                "conflicts": out.conflicts, "quarantined": out.quarantined, "attachments": out.attachments,
            }))
            .unwrap_or_default();
            tx.log_bundle_in(&h.bundle_id, &h.sender, h.seq, (h.from_change, h.through_change), &at, &counts)?;
            tx.set_applying(false)?;
            // The files move in while the transaction is still open: if a move fails, nothing is committed.
            for (from, to) in &moved {
                if let Some(dir) = to.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| AppError::io(dir, e))?;
                }
                std::fs::rename(from, to)
                    .or_else(|_| std::fs::copy(from, to).map(drop))
                    .map_err(|e| AppError::io(to, e))?;
            }
            Ok::<_, AppError>(())
        });
        result?;
        // Issued PDFs that came with their documents go where the documents are read from.
        for (row, planned) in plans {
            if row.table == SyncTable::Document && matches!(planned.op, Op::Insert { .. }) {
                if let Some(hash) = row.text("pdf_sha256") {
                    let from = staged.join(hash);
                    if from.is_file() {
                        let to = self.pdf_path(row.id());
                        if let Some(dir) = to.parent() {
                            std::fs::create_dir_all(dir).map_err(|e| AppError::io(dir, e))?;
                        }
                        std::fs::copy(&from, &to).map_err(|e| AppError::io(&to, e))?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn acknowledgement_is_the_contiguous_run_from_zero() {
        let cases = [
            (vec![], 0),
            (vec![(0, 5)], 5),
            (vec![(5, 9), (0, 5)], 9),
            (vec![(0, 5), (7, 9)], 5),
            (vec![(0, 5), (3, 8), (8, 12)], 12),
        ];
        for (ranges, want) in cases {
            assert_eq!(super::contiguous(ranges.clone()), want, "{ranges:?}");
        }
    }
}
