//! Exporting a bundle: everything the recipient has not acknowledged, read from the database once a page of rows
//! at a time into a spool, then signed and encrypted to the recipient with the attachments it lacks.

use std::collections::BTreeMap;
use std::path::Path;

use maskcheck_domain::Role;
use maskcheck_store::{PeerRecord, SyncRead, LATEST_SCHEMA};
use maskcheck_sync::{
    write_bundle, Ack, AttachmentMeta, BundleHeader, FieldVersion, Records, Revocation, Row, Spool, SyncTable,
    TableKind, PAGE_ROWS,
};

use crate::sync_bundles::{
    quiet, refused, sync_err, table_of, BundleExportDto, Files, Staging, SyncProgress, SyncProgressDto, SyncStage,
};
use crate::sync_devices::{card_error, peer_card};
use crate::{now_text, App, AppError, Result};

/// What the rows of an export came to.
struct Spooled<'v> {
    files: Files<'v>,
    rows: u64,
    clock_min: Option<String>,
    clock_max: Option<String>,
    through: u64,
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

    /// The recipient of an export: the named device, or the pinned bureau (a laptop's, or a county bureau's city).
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
        self.export_bundle_reporting(out, to, &quiet)
    }

    /// [`App::export_bundle`], reporting progress as the bundle is written.
    pub fn export_bundle_reporting(
        &self,
        out: &Path,
        to: Option<&str>,
        progress: SyncProgress<'_>,
    ) -> Result<BundleExportDto> {
        let me = self.device_id()?;
        let role = self.profile()?.role;
        let peer = self.recipient(to)?;
        if peer.revoked_at.is_some() {
            return Err(refused(format!("设备 {} 已被吊销，不再向其发送", peer.device_id)));
        }
        let card = peer_card(&peer)?;
        let recipient = card.card.recipient().map_err(card_error)?;
        let work = Staging::new(self.data_dir(), self.vault())?;
        let spool_path = work.records_path();
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&spool_path)
            .map_err(|e| AppError::io(&spool_path, e))?;
        let meta = self.bundle_meta(&peer, role)?;
        let file = crate::spool_file::SpoolFile::new(file, self.vault().is_sealed());
        let mut spool = Spool::new(file, &meta).map_err(|e| AppError::io(&spool_path, e))?;
        let spooled = self.spool_rows(&peer, role, &mut spool, &spool_path)?;
        let key = self.signing_key()?;
        let hashes: Vec<String> = spooled.files.paths.keys().cloned().collect();
        let header = BundleHeader {
            format: maskcheck_sync::FORMAT,
            schema: LATEST_SCHEMA,
            bundle_id: uuid::Uuid::now_v7().to_string(),
            sender: me,
            seq: peer.sent_seq + 1,
            recipient: peer.device_id.clone(),
            from_change: peer.acked_change,
            through_change: spooled.through,
            clock_min: spooled.clock_min,
            clock_max: spooled.clock_max,
            created_at: now_text(),
            rows: spooled.rows,
            attachments: hashes.len() as u64,
            payload_sha256: String::new(),
        };
        // Written beside and renamed: a cut-off export never leaves half a bundle under the name.
        let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = dir.join(format!(".{}.part", header.bundle_id));
        let mut report = |done: u64, total: u64| {
            progress(SyncProgressDto { stage: SyncStage::Write, done: done >> 10, total: total >> 10 })
        };
        let written = (|| -> Result<BundleHeader> {
            let f = std::fs::File::create(&tmp).map_err(|e| AppError::io(&tmp, e))?;
            let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
            let h = write_bundle(&mut w, header, spool, &hashes, &spooled.files, &key, &recipient, &mut report)
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

    /// What travels beside the rows: the acknowledgement of what we hold of the recipient's changes, and from a
    /// bureau its registry (its own card and every device it enrolled) with the revocations.
    fn bundle_meta(&self, peer: &PeerRecord, role: Role) -> Result<Records> {
        let acked = contiguous(self.store().received_ranges(&peer.device_id)?);
        let mut meta =
            Records { acks: vec![Ack { sender: peer.device_id.clone(), through: acked }], ..Default::default() };
        if role == Role::Bureau {
            (meta.catalogue, meta.templates) = self.bureau_data_for_bundle()?;
            meta.devices.push(self.device_card()?);
            for p in self.store().peers()? {
                if p.trust == "enrolled" {
                    meta.devices.push(peer_card(&p)?);
                }
                if let (Some(at), Some(reason)) = (&p.revoked_at, &p.revoke_reason) {
                    meta.revocations.push(Revocation {
                        device_id: p.device_id.clone(),
                        reason: reason.clone(),
                        at: at.clone(),
                    });
                }
            }
        }
        Ok(meta)
    }

    /// Spools the rows changed since the recipient's acknowledgement, a page at a time, each page with the field
    /// clocks of its roster rows and the descriptions of the attachments its rows point at.
    fn spool_rows(
        &self,
        peer: &PeerRecord,
        role: Role,
        spool: &mut Spool<crate::spool_file::SpoolFile>,
        spool_path: &Path,
    ) -> Result<Spooled<'_>> {
        let store = self.store();
        let through = store.last_change()?;
        // A bureau sends a device it enrolled (an inspector, or a county bureau under a city) what concerns that
        // device's county: its enterprises and everything about them (other inspectors' inspections, open
        // rectifications, samples), and the blocks assigned to it. Its own superior bureau gets everything.
        let card = peer_card(peer)?.card;
        let county = (role == Role::Bureau && peer.trust != "bureau" && !card.county.is_empty()).then_some(card.county);
        let mut out = Spooled {
            files: Files { paths: BTreeMap::new(), sizes: BTreeMap::new(), vault: self.vault() },
            rows: 0,
            clock_min: None,
            clock_max: None,
            through,
        };
        let mut page = Records::default();
        let mut push = |page: &mut Records| -> Result<()> {
            page.attachments.sort_by(|a, b| a.hash.cmp(&b.hash));
            page.attachments.dedup_by(|a, b| a.hash == b.hash);
            spool.push(page).map_err(|e| AppError::io(spool_path, e))?;
            *page = Records::default();
            Ok(())
        };
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
                    page.field_versions.push(FieldVersion { table, id: id.clone(), field, version, base });
                }
            }
            for column in ["hash", "scan_hash"] {
                if let Some(hash) = values.get(column).and_then(|v| v.as_str()) {
                    if let Some(a) = store.attachment(hash)? {
                        out.files.paths.insert(hash.to_string(), self.attachment_path(hash));
                        out.files.sizes.insert(hash.to_string(), a.size as u64);
                        page.attachments.push(AttachmentMeta {
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
                        out.files.paths.insert(hash.to_string(), pdf);
                        if let Some(n) = values.get("pdf_size").and_then(|v| v.as_u64()) {
                            out.files.sizes.insert(hash.to_string(), n);
                        }
                    }
                }
            }
            let row = Row { table, values };
            let clock = row.version();
            if out.clock_min.as_deref().is_none_or(|m| clock < m) {
                out.clock_min = Some(clock.to_string());
            }
            if out.clock_max.as_deref().is_none_or(|m| clock > m) {
                out.clock_max = Some(clock.to_string());
            }
            page.rows.push(row);
            out.rows += 1;
            if page.rows.len() >= PAGE_ROWS {
                push(&mut page)?;
            }
        }
        if !page.rows.is_empty() {
            push(&mut page)?;
        }
        Ok(out)
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
