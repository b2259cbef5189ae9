//! Sync through the app API: a bureau and two inspectors in temporary data directories exchange real bundles
//! (real age encryption, real signatures, real SQLite). Every refusal leaves the database files byte for byte as
//! they were.

use std::path::{Path, PathBuf};

use maskcheck_app::{App, ErrorCode};
use maskcheck_domain::{EnterpriseInput, EnterpriseQuery, Role};
use sha2::{Digest, Sha256};

struct Site {
    dir: tempfile::TempDir,
    app: App,
}

fn site(name: &str, cert: &str, role: Role) -> Site {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    app.setup(maskcheck_app::bureau_person(name, cert, role)).expect("setup");
    Site { dir, app }
}

impl Site {
    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn id(&self) -> String {
        self.app.device_show().expect("device").id
    }

    /// The database and its write-ahead log, hashed: what "nothing changed" means.
    fn db_hash(&self) -> String {
        let mut h = Sha256::new();
        for f in ["maskcheck.db", "maskcheck.db-wal"] {
            h.update(std::fs::read(self.dir.path().join(f)).unwrap_or_default());
        }
        format!("{:x}", h.finalize())
    }

    fn export(&self, to: &Site, name: &str) -> PathBuf {
        let out = self.file(name);
        self.app.export_bundle(&out, Some(&to.id())).expect("export");
        out
    }

    fn enterprise(&self, uscc: &str) -> maskcheck_app::EnterpriseDto {
        let page = self
            .app
            .list_enterprises(maskcheck_domain::EnterpriseQuery { text: Some(uscc.into()), ..Default::default() })
            .expect("list");
        let id = page.rows.first().unwrap_or_else(|| panic!("{uscc} not on this site")).id.clone();
        self.app.enterprise_detail(&id).expect("detail").enterprise
    }
}

/// The bureau with two enrolled inspectors, each of whom has accepted the bureau's first bundle.
fn campaign() -> (Site, Site, Site) {
    let bureau = site("局端", "HA9000", Role::Bureau);
    let a = site("张三", "HA0001", Role::Inspector);
    let b = site("李四", "HA0002", Role::Inspector);
    for s in [&a, &b] {
        let card = s.file("identity.json");
        s.app.write_identity(&card).expect("identity");
        let enrolled = bureau.app.enrol_device(&card).expect("enrol");
        assert_eq!(
            enrolled.fingerprint,
            s.app.device_show().expect("show").fingerprint,
            "the same fingerprint both sides"
        );
    }
    let mut e = EnterpriseInput::new("新乡市卫滨区康达口罩厂", "91350100M000100Y43");
    e.county = Some("卫滨区".into());
    e.phone = Some("13800000000".into());
    bureau.app.create_enterprise(e).expect("roster");
    let fp = bureau.app.device_show().expect("bureau").fingerprint_groups;
    for s in [&a, &b] {
        let first = bureau.export(s, &format!("first-{}.mcb", s.id()));
        s.app.import_bundle(&first, Some(&fp)).expect("accept the bureau");
    }
    (bureau, a, b)
}

#[test]
fn the_first_bureau_bundle_waits_for_its_fingerprint() {
    let bureau = site("局端", "HA9000", Role::Bureau);
    let a = site("张三", "HA0001", Role::Inspector);
    let card = a.file("identity.json");
    a.app.write_identity(&card).expect("identity");
    bureau.app.enrol_device(&card).expect("enrol");
    let bundle = bureau.export(&a, "first.mcb");
    let before = a.db_hash();
    let err = a.app.import_bundle(&bundle, None).expect_err("unconfirmed");
    assert_eq!(err.code, ErrorCode::BureauUnconfirmed);
    let groups = bureau.app.device_show().expect("show").fingerprint_groups;
    assert!(err.message.contains(&groups), "shows the fingerprint to read aloud: {}", err.message);
    assert_eq!(err.subject.as_deref(), Some(groups.as_str()), "the window reads it as data");
    let wrong = a.app.import_bundle(&bundle, Some("0000 0000 0000 0000 0000 0000 0000 0000")).expect_err("wrong");
    assert_eq!(wrong.code, ErrorCode::BureauUnconfirmed);
    assert_eq!(a.db_hash(), before, "a refusal writes nothing");
    let ok = a.app.import_bundle(&bundle, Some(&groups)).expect("confirmed");
    assert!(!ok.already_applied);
    assert!(a.app.devices().expect("devices").iter().any(|d| d.trust == "bureau" && d.id == bureau.id()), "pinned");
}

#[test]
fn two_inspectors_edits_merge_per_field_and_a_clash_is_kept_for_a_person() {
    let (bureau, a, b) = campaign();
    let uscc = "91350100M000100Y43";
    // A corrects the phone, B adds a note: different fields, both survive.
    let mut ea = a.enterprise(uscc);
    ea.data.phone = Some("13911112222".into());
    a.app.update_enterprise(&ea.id, ea.data.clone()).expect("A edits");
    let mut eb = b.enterprise(uscc);
    eb.data.note = Some("厂区已搬迁至新址".into());
    b.app.update_enterprise(&eb.id, eb.data.clone()).expect("B edits");
    assert_eq!(a.app.sync_status().expect("status").unsynced, Some(1), "A's edit waits for the bureau");
    let from_a = a.export(&bureau, "a1.mcb");
    let from_b = b.export(&bureau, "b1.mcb");
    // Any order.
    let rb = bureau.app.import_bundle(&from_b, None).expect("B's bundle");
    let ra = bureau.app.import_bundle(&from_a, None).expect("A's bundle");
    assert_eq!((ra.conflicts, rb.conflicts), (0, 0));
    let merged = bureau.enterprise(uscc);
    assert_eq!(merged.data.phone.as_deref(), Some("13911112222"));
    assert_eq!(merged.data.note.as_deref(), Some("厂区已搬迁至新址"));

    // Re-importing changes nothing.
    let before = bureau.db_hash();
    assert!(bureau.app.import_bundle(&from_a, None).expect("again").already_applied);
    assert_eq!(bureau.db_hash(), before);

    // Everyone converges once the bureau sends its state back (and A's edit is acknowledged).
    for s in [&a, &b] {
        let back = bureau.export(s, &format!("back-{}.mcb", s.id()));
        s.app.import_bundle(&back, None).expect("back");
        let status = s.app.sync_status().expect("status");
        assert!(status.last_in.is_some() && status.last_out.is_some());
        let e = s.enterprise(uscc);
        assert_eq!((e.data.phone.as_deref(), e.data.note.as_deref()), (Some("13911112222"), Some("厂区已搬迁至新址")));
    }

    // Both change the phone: the later one wins, the other is kept in the conflicts list.
    let mut ea = a.enterprise(uscc);
    ea.data.phone = Some("13700000001".into());
    a.app.update_enterprise(&ea.id, ea.data.clone()).expect("A again");
    // Clocks count milliseconds, and within one the device id breaks the tie: B edits in a later one, so that
    // "later" is B's (the test failed once when both edits fell in the same millisecond).
    std::thread::sleep(std::time::Duration::from_millis(3));
    let mut eb = b.enterprise(uscc);
    eb.data.phone = Some("13700000002".into());
    b.app.update_enterprise(&eb.id, eb.data.clone()).expect("B again");
    let ra = bureau.app.import_bundle(&a.export(&bureau, "a2.mcb"), None).expect("A2");
    let rb = bureau.app.import_bundle(&b.export(&bureau, "b2.mcb"), None).expect("B2");
    assert_eq!(ra.conflicts + rb.conflicts, 1, "{ra:?} {rb:?}");
    assert_eq!(bureau.enterprise(uscc).data.phone.as_deref(), Some("13700000002"), "B's edit is the later one");
    let conflicts = bureau.app.sync_conflicts().expect("conflicts");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, "phone");
    assert_eq!(conflicts[0].lost_value.as_deref(), Some("13700000001"), "A's value is kept, not dropped");

    // The clerk decides for A's value: a new edit at the bureau, which reaches both laptops.
    assert!(bureau.app.resolve_conflict(conflicts[0].id, true).expect("decide").is_empty());
    assert_eq!(bureau.enterprise(uscc).data.phone.as_deref(), Some("13700000001"));
    for s in [&a, &b] {
        s.app.import_bundle(&bureau.export(s, &format!("decided-{}.mcb", s.id())), None).expect("decision");
        assert_eq!(s.enterprise(uscc).data.phone.as_deref(), Some("13700000001"));
    }
}

fn flip(path: &Path, at: usize) -> PathBuf {
    let mut bytes = std::fs::read(path).expect("read");
    let i = at.min(bytes.len() - 1);
    bytes[i] ^= 0x20;
    let out = path.with_extension(format!("flip{at}"));
    std::fs::write(&out, bytes).expect("write");
    out
}

#[test]
fn every_refusal_leaves_the_database_untouched() {
    let (bureau, a, b) = campaign();
    let mut e = a.enterprise("91350100M000100Y43");
    e.data.phone = Some("13911112222".into());
    a.app.update_enterprise(&e.id, e.data.clone()).expect("edit");
    let good = a.export(&bureau, "good.mcb");
    let len = std::fs::read(&good).expect("read").len();
    let truncated = bureau.file("truncated.mcb");
    std::fs::write(&truncated, &std::fs::read(&good).expect("read")[..len / 2]).expect("write");
    // A bundle A made for B: the bureau cannot even decrypt it.
    let a_card = a.file("identity.json");
    let b_card = b.file("identity.json");
    let _ = (a_card, b_card);
    let for_b = {
        // A knows B from the bureau's registry.
        a.export(&b, "for-b.mcb")
    };
    // A flip in age's own header (the recipient stanza) cannot be told from a file for someone else.
    let before = bureau.db_hash();
    let err = bureau.app.import_bundle(&flip(&good, 40), None).expect_err("header flip");
    assert!(matches!(err.code, ErrorCode::BundleRefused | ErrorCode::UnreadableFile), "{}", err.message);
    assert_eq!(bureau.db_hash(), before, "a header flip wrote something");
    let cases: Vec<(&str, PathBuf, ErrorCode)> = vec![
        ("a flipped byte after the header", flip(&good, 300), ErrorCode::UnreadableFile),
        ("a flipped byte in the middle", flip(&good, len / 2), ErrorCode::UnreadableFile),
        ("a flipped last byte", flip(&good, len - 1), ErrorCode::UnreadableFile),
        ("a truncated file", truncated, ErrorCode::UnreadableFile),
        ("a bundle for another device", for_b, ErrorCode::BundleRefused),
    ];
    for (what, file, code) in cases {
        let before = bureau.db_hash();
        let err = bureau.app.import_bundle(&file, None).expect_err(what);
        assert_eq!(err.code, code, "{what}: {}", err.message);
        assert_eq!(bureau.db_hash(), before, "{what} wrote something");
    }
    // A revoked sender.
    bureau.app.revoke_device(&a.id(), "笔记本遗失").expect("revoke");
    let before = bureau.db_hash();
    let err = bureau.app.import_bundle(&good, None).expect_err("revoked");
    assert_eq!(err.code, ErrorCode::BundleRefused);
    assert!(err.message.contains("吊销"), "{}", err.message);
    assert_eq!(bureau.db_hash(), before);
}

/// A bundle made by hand with `sender`'s real keys (or a stranger's), for what the app itself never writes.
fn craft(
    sender: &Site,
    recipient: &Site,
    key: Option<&ed25519_dalek::SigningKey>,
    tweak: impl FnOnce(&mut maskcheck_sync::BundleHeader, &mut maskcheck_sync::Records),
    name: &str,
) -> PathBuf {
    struct NoFiles;
    impl maskcheck_sync::AttachmentSource for NoFiles {
        fn open(&self, _: &str) -> std::io::Result<Box<dyn std::io::Read + '_>> {
            Err(std::io::ErrorKind::NotFound.into())
        }
    }
    let hex = std::fs::read_to_string(sender.dir.path().join("device.key")).expect("key");
    let bytes: Vec<u8> =
        (0..64).step_by(2).map(|i| u8::from_str_radix(&hex.trim()[i..i + 2], 16).expect("hex")).collect();
    let own = ed25519_dalek::SigningKey::from_bytes(&bytes.try_into().expect("32 bytes"));
    let mut header = maskcheck_sync::BundleHeader {
        format: maskcheck_sync::FORMAT,
        schema: maskcheck_store_schema(),
        bundle_id: format!("crafted-{name}"),
        sender: sender.id(),
        seq: 1000,
        recipient: recipient.id(),
        from_change: 0,
        through_change: 0,
        clock_min: None,
        clock_max: None,
        created_at: "2026-11-24T10:00:00+08:00".into(),
        rows: 0,
        attachments: 0,
        payload_sha256: String::new(),
    };
    let mut records = maskcheck_sync::Records::default();
    tweak(&mut header, &mut records);
    let to = recipient.app.device_card().expect("card").card.recipient().expect("recipient");
    let out = sender.file(name);
    let mut f = std::fs::File::create(&out).expect("create");
    let spool = maskcheck_sync::Spool::of(&records).expect("spool");
    let key = key.unwrap_or(&own);
    maskcheck_sync::write_bundle(&mut f, header, spool, &[], &NoFiles, key, &to, &mut |_, _| ()).expect("write");
    out
}

fn maskcheck_store_schema() -> i64 {
    // The schema this build writes: the bundle header carries the sender's.
    maskcheck_app::App::schema_version()
}

fn row(table: maskcheck_sync::SyncTable, pairs: &[(&str, serde_json::Value)]) -> maskcheck_sync::Row {
    maskcheck_sync::Row { table, values: pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect() }
}

#[test]
fn forged_replayed_and_newer_bundles_are_refused() {
    let (bureau, a, _b) = campaign();
    let stranger = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let applied = a.export(&bureau, "applied.mcb");
    bureau.app.import_bundle(&applied, None).expect("a real bundle");
    let cases: Vec<(&str, PathBuf, &str)> = vec![
        ("re-signed by an unknown key", craft(&a, &bureau, Some(&stranger), |_, _| {}, "forged.mcb"), "签名不符"),
        ("a replay of an applied number", craft(&a, &bureau, None, |h, _| h.seq = 1, "replay.mcb"), "已导入过"),
        (
            "a newer schema",
            craft(&a, &bureau, None, |h, _| h.schema = maskcheck_app::App::schema_version() + 1, "newer.mcb"),
            "升级",
        ),
    ];
    for (what, file, says) in cases {
        let before = bureau.db_hash();
        let err = bureau.app.import_bundle(&file, None).expect_err(what);
        assert_eq!(err.code, ErrorCode::BundleRefused, "{what}: {}", err.message);
        assert!(err.message.contains(says), "{what}: {}", err.message);
        assert_eq!(bureau.db_hash(), before, "{what} wrote something");
    }
}

/// The content of an issued rectification notice numbered `number` (`edited`: one correction reworded).
fn notice(number: &str, edited: bool) -> String {
    let mut content = maskcheck_docs::samples::notice(1);
    content.number = number.into();
    if let (true, maskcheck_domain::document::DocBody::RectificationNotice(n)) = (edited, &mut content.body) {
        n.corrections[0].push_str("（改）");
    }
    serde_json::to_string(&content).expect("json")
}

#[test]
fn rows_that_cannot_be_trusted_are_quarantined_not_applied() {
    let (bureau, a, _b) = campaign();
    // A real issued document from A, then the same id with other content, and another with the same number.
    let e = a.enterprise("91350100M000100Y43");
    let doc = |id: &str, content: &str, number: &str| {
        row(
            maskcheck_sync::SyncTable::Document,
            &[
                ("id", id.into()),
                ("origin", a.id().into()),
                ("version", format!("{:015}.{:010}.{}", 1_795_000_000_000i64, 0, a.id()).into()),
                ("deleted", 0.into()),
                ("kind", "rectificationNotice".into()),
                ("number", number.into()),
                ("enterprise_id", e.id.clone().into()),
                ("inspection_id", serde_json::Value::Null),
                ("content", content.into()),
                ("pages", 1.into()),
                ("amends_id", serde_json::Value::Null),
                ("issued_at", "2026-11-24T10:00:00+08:00".into()),
                ("pdf_sha256", "a".repeat(64).into()),
                ("pdf_size", 100.into()),
            ],
        )
    };
    let future = format!("{:015}.{:010}.{}", 4_102_444_800_000i64, 0, a.id());
    let first = craft(
        &a,
        &bureau,
        None,
        |h, r| {
            h.seq = 50;
            r.rows.push(doc("doc-1", &notice("卫市监责改〔2026〕1号", false), "卫市监责改〔2026〕1号"));
        },
        "doc1.mcb",
    );
    let r = bureau.app.import_bundle(&first, None).expect("the document");
    assert_eq!((r.new, r.quarantined), (1, 0));
    let second = craft(
        &a,
        &bureau,
        None,
        |h, r| {
            h.seq = 51;
            r.rows.push(doc("doc-1", &notice("卫市监责改〔2026〕1号", true), "卫市监责改〔2026〕1号"));
            r.rows.push(doc("doc-2", &notice("卫市监责改〔2026〕1号", false), "卫市监责改〔2026〕1号"));
            let mut late = doc("doc-3", &notice("卫市监责改〔2026〕3号", false), "卫市监责改〔2026〕3号");
            late.values.insert("version".into(), future.clone().into());
            r.rows.push(late);
        },
        "doc2.mcb",
    );
    let r = bureau.app.import_bundle(&second, None).expect("applied, with quarantine");
    assert_eq!((r.new, r.quarantined), (0, 3), "{r:?}");
    let q = bureau.app.sync_quarantine().expect("quarantine");
    use maskcheck_sync::QuarantineReason as Q;
    let reasons: Vec<(Q, &str)> = q.iter().map(|q| (q.reason, q.detail.as_str())).collect();
    assert_eq!(reasons[0], (Q::IssuedDocumentChanged, ""));
    assert_eq!(reasons[1], (Q::DuplicateNumber, "doc-1"), "names the document already holding the number");
    assert_eq!(reasons[2].0, Q::FutureClock);
}

/// An enterprise row as laptop `a` would send it (columns it leaves out are empty).
fn enterprise_row(a: &Site, id: &str, name: &str, uscc: &str, version: String) -> maskcheck_sync::Row {
    row(
        maskcheck_sync::SyncTable::Enterprise,
        &[
            ("id", id.into()),
            ("origin", a.id().into()),
            ("version", version.into()),
            ("deleted", 0.into()),
            ("name", name.into()),
            ("uscc", uscc.into()),
            ("county", "卫滨区".into()),
            ("kind", "maker".into()),
            ("medical", 0.into()),
            ("exporter", 0.into()),
            ("created_at", "2026-11-24T10:00:00+08:00".into()),
            ("updated_at", "2026-11-24T10:00:00+08:00".into()),
        ],
    )
}

/// A page of rows is applied under one savepoint; a row the database refuses (here a second enterprise with a USCC
/// the bureau already holds, which only the unique index catches) undoes the page, which is applied again row by
/// row: that row alone is quarantined, the rows around it are applied, the counts say so.
#[test]
fn a_row_the_database_refuses_is_quarantined_and_the_rest_of_its_page_applied() {
    let (bureau, a, _b) = campaign();
    let version = format!("{:015}.{:010}.{}", 1_795_000_000_000i64, 0, a.id());
    let enterprise = |id: &str, name: &str, uscc: &str| enterprise_row(&a, id, name, uscc, version.clone());
    let held = "91350100M000100Y43";
    let fresh = |n: u64| maskcheck_domain::sample::sample_uscc(n, 0);
    let file = craft(
        &a,
        &bureau,
        None,
        |h, r| {
            h.seq = 60;
            r.rows.push(enterprise("e-before", "新乡市甲口罩厂", &fresh(71)));
            r.rows.push(enterprise("e-clash", "新乡市另一康达厂", held));
            r.rows.push(enterprise("e-after", "新乡市乙口罩厂", &fresh(72)));
        },
        "clash.mcb",
    );
    let r = bureau.app.import_bundle(&file, None).expect("applied, one row set aside");
    assert_eq!((r.new, r.quarantined), (2, 1), "{r:?}");
    let q = bureau.app.sync_quarantine().expect("quarantine");
    assert_eq!(q.len(), 1);
    assert_eq!((q[0].reason, q[0].row_id.as_str()), (maskcheck_sync::QuarantineReason::DatabaseRefused, "e-clash"));
    for (uscc, name) in
        [(fresh(71), "新乡市甲口罩厂"), (fresh(72), "新乡市乙口罩厂"), (held.to_string(), "新乡市卫滨区康达口罩厂")]
    {
        assert_eq!(bureau.enterprise(&uscc).data.name, name, "applied and findable");
    }
}

/// A finished inspection of `uscc` on `s`, with one finding the inspector wrote.
fn finished_inspection(s: &Site, uscc: &str) -> String {
    maskcheck_tests::records::finished_inspection(&s.app, &s.enterprise(uscc).id)
}

#[test]
fn a_number_block_reaches_the_laptop_and_its_next_notice_uses_it() {
    let (bureau, a, b) = campaign();
    let year = chrono::Datelike::year(&maskcheck_app::today());
    let kind = maskcheck_domain::document::DocKind::RectificationNotice;
    let block = maskcheck_domain::document::NumberBlock { year, first: 100, last: 199 };
    bureau.app.assign_numbers(&a.id(), kind, block).expect("assign");
    let overlap = maskcheck_domain::document::NumberBlock { year, first: 150, last: 250 };
    let err = bureau.app.assign_numbers(&b.id(), kind, overlap).expect_err("overlaps A's block");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(a.app.export_bundle(&a.file("x.mcb"), None).is_ok(), "the laptop exports to its pinned bureau");
    bureau.app.import_bundle(&a.file("x.mcb"), None).expect("A's bundle");
    let blocks = bureau.export(&a, "blocks.mcb");
    a.app.import_bundle(&blocks, None).expect("blocks arrive");
    let inspection = finished_inspection(&a, "91350100M000100Y43");
    let notice = maskcheck_app::IssueRequest::RectificationNotice {
        inspection_id: inspection,
        deadline: None,
        corrections: vec!["立即分区存放。".into()],
    };
    let issued = a.app.issue_document(&notice).expect("notice");
    assert_eq!(issued.document.number, format!("卫市监责改〔{year}〕100号"), "the bureau's block, not the fallback");
    // And B, whom the block was not for, still prints its device-tagged fallback.
    let back = bureau.export(&b, "b-blocks.mcb");
    b.app.import_bundle(&back, None).expect("B imports");
    let inspection = finished_inspection(&b, "91350100M000100Y43");
    let issued = b.app.issue_document(&maskcheck_app::IssueRequest::RectificationNotice {
        inspection_id: inspection,
        deadline: None,
        corrections: vec!["立即分区存放。".into()],
    });
    let number = issued.expect("B's notice").document.number;
    assert!(number.contains('-'), "B has no block: {number}");
    // The documents reach the bureau with their PDFs, and A's number stays unique there.
    let r = bureau.app.import_bundle(&a.export(&bureau, "docs.mcb"), None).expect("A's documents");
    assert!(r.new >= 1 && r.quarantined == 0, "{r:?}");
    let docs = bureau.app.documents(&Default::default()).expect("documents");
    let d = docs.iter().find(|d| d.number.ends_with("〕100号")).expect("A's notice at the bureau");
    assert!(!bureau.app.document_pdf(&d.id).expect("its PDF, checked against its hash").is_empty());
}

/// The bureau sends a laptop what concerns its county: an enterprise of another county, and another inspector's
/// inspection of it, stay at the bureau; those of the laptop's county arrive with their history.
#[test]
fn the_bureau_forwards_what_concerns_the_laptops_county() {
    let (bureau, a, b) = campaign();
    let first17 = "91410702MA1000063";
    let uscc = format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("check"));
    let mut other = EnterpriseInput::new("新乡市红旗区恒安防护用品厂", uscc);
    other.county = Some("红旗区".into());
    other.new_county = Some(true); // confirmed as new: the bureau knows only 卫滨区 so far
    bureau.app.create_enterprise(other.clone()).expect("another county");
    // B inspects the 卫滨区 enterprise; its inspection reaches the bureau and then A (same county).
    let inspection = finished_inspection(&b, "91350100M000100Y43");
    bureau.app.import_bundle(&b.export(&bureau, "b-insp.mcb"), None).expect("B's inspection");
    a.app.import_bundle(&bureau.export(&a, "to-a.mcb"), None).expect("to A");
    assert!(a.app.inspection(&inspection).is_ok(), "the history of an enterprise of A's county arrives");
    let page =
        a.app.list_enterprises(EnterpriseQuery { text: Some(other.uscc.clone()), ..Default::default() }).expect("list");
    assert_eq!(page.total, 0, "an enterprise of another county stays at the bureau");
}

/// What a killed import left in `staging/` goes with the next import once it is an hour old; a directory another
/// import is writing now stays.
#[test]
fn a_killed_imports_staging_is_cleared_later() {
    let (bureau, a, _b) = campaign();
    let staging = bureau.dir.path().join("staging");
    let (old, fresh) = (staging.join("old"), staging.join("fresh"));
    for d in [&old, &fresh] {
        std::fs::create_dir_all(d).expect("dir");
        std::fs::write(d.join("photo"), b"half a photo").expect("write");
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::open(&old).expect("open").set_modified(two_hours_ago).expect("age it");
    bureau.app.import_bundle(&a.export(&bureau, "clean.mcb"), None).expect("import");
    assert!(!old.exists(), "the stale staging is gone");
    assert!(fresh.exists(), "a live one stays");
}

/// A county bureau of `county` (its own unit and abbreviation).
fn county_bureau(county: &str, abbr: &str, cert: &str) -> Site {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    let mut p = maskcheck_app::bureau_person("局端", cert, Role::Bureau);
    p.unit_name = format!("{county}市场监督管理局");
    p.unit_abbr = abbr.into();
    p.county = county.into();
    app.setup(p).expect("setup");
    Site { dir, app }
}

/// `superior` enrols `below` (an inspector under a county, or a county under the city); `below` pins `superior`
/// on its first bundle, after confirming the fingerprint.
fn enrol_under(superior: &Site, below: &Site) {
    let card = below.file("identity.json");
    below.app.write_identity(&card).expect("identity");
    superior.app.enrol_device(&card).expect("enrol");
    let fp = superior.app.device_show().expect("show").fingerprint_groups;
    let first = superior.export(below, &format!("first-{}.mcb", below.id()));
    let err = below.app.import_bundle(&first, None).expect_err("the first bundle waits for the fingerprint");
    assert_eq!(err.code, ErrorCode::BureauUnconfirmed);
    below.app.import_bundle(&first, Some(&fp)).expect("pinned");
}

/// County bureaus merge their inspectors and send upward; the city merges its counties, and sends each county only
/// what concerns it. A registry card never downgrades a device the city enrolled itself.
#[test]
fn a_city_merges_its_counties_and_sends_each_only_its_own() {
    let city = county_bureau("新乡市", "新", "HA9900");
    let weibin = county_bureau("卫滨区", "卫", "HA9000");
    let hongqi = county_bureau("红旗区", "红", "HA9100");
    let a = site("张三", "HA0001", Role::Inspector);
    let mut p = maskcheck_app::bureau_person("李四", "HA0101", Role::Inspector);
    p.unit_name = "红旗区市场监督管理局".into();
    p.unit_abbr = "红".into();
    p.county = "红旗区".into();
    let b = {
        let dir = tempfile::tempdir().expect("tempdir");
        let app = App::open(dir.path()).expect("open");
        app.setup(p).expect("setup");
        Site { dir, app }
    };
    for county in [&weibin, &hongqi] {
        enrol_under(&city, county);
    }
    enrol_under(&weibin, &a);
    enrol_under(&hongqi, &b);
    let check = |first17: &str| format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("check"));
    let (wb, hq) = (check("91410703MA1000071"), check("91410702MA1000063"));
    let mut e = EnterpriseInput::new("新乡市卫滨区康达口罩厂", wb.clone());
    e.county = Some("卫滨区".into());
    weibin.app.create_enterprise(e).expect("卫滨区 roster");
    let mut e = EnterpriseInput::new("新乡市红旗区恒安防护用品厂", hq.clone());
    e.county = Some("红旗区".into());
    hongqi.app.create_enterprise(e).expect("红旗区 roster");
    // Each county's roster reaches its inspector, who inspects; the inspection goes up to the county and then to
    // the city (each exports to its pinned bureau without naming it).
    let mut inspections = Vec::new();
    for (county, s, uscc) in [(&weibin, &a, &wb), (&hongqi, &b, &hq)] {
        s.app.import_bundle(&county.export(s, "roster.mcb"), None).expect("roster arrives");
        inspections.push(finished_inspection(s, uscc));
        let up = s.file("up.mcb");
        s.app.export_bundle(&up, None).expect("to the county");
        county.app.import_bundle(&up, None).expect("the county merges its inspector");
        let up = county.file("up.mcb");
        county.app.export_bundle(&up, None).expect("to the city");
        let r = city.app.import_bundle(&up, None).expect("the city merges the county");
        assert!(r.new >= 3 && r.quarantined == 0, "{r:?}");
    }
    for id in &inspections {
        assert!(city.app.inspection(id).is_ok(), "every county's inspection is at the city");
    }
    // The city's registry now knows the inspectors; the counties it enrolled stay enrolled.
    let devices = city.app.devices().expect("devices");
    for county in [&weibin, &hongqi] {
        let d = devices.iter().find(|d| d.id == county.id()).expect("county");
        assert_eq!(d.trust, "enrolled", "not downgraded by a registry card");
    }
    assert!(devices.iter().any(|d| d.id == a.id() && d.trust == "registry"), "{devices:?}");
    // Down again: 卫滨区 gets nothing of 红旗区.
    let r = weibin.app.import_bundle(&city.export(&weibin, "down.mcb"), None).expect("down");
    assert_eq!(r.quarantined, 0, "{r:?}");
    let page = weibin.app.list_enterprises(EnterpriseQuery { text: Some(hq.clone()), ..Default::default() });
    assert_eq!(page.expect("list").total, 0, "another county's enterprise stays at the city");
    assert!(weibin.app.inspection(&inspections[1]).is_err(), "and so does its inspection");
}

/// A bundle larger than a page (a county's roster of 1,201 enterprises: three pages) arrives whole, and the
/// progress the window shows runs to the end of the file and of the rows.
#[test]
fn a_bundle_of_many_pages_arrives_whole_with_its_progress() {
    let (bureau, a, _) = campaign();
    for i in 0..1201 {
        let first17 = format!("9141070{:010}", 3_000_000 + i);
        let uscc = format!("{first17}{}", maskcheck_domain::uscc::check_char(&first17).expect("check"));
        let mut e = EnterpriseInput::new(format!("卫滨区第{i}号口罩经营部"), uscc);
        e.county = Some("卫滨区".into());
        bureau.app.create_enterprise(e).expect("roster");
    }
    let heard = std::sync::Mutex::new(Vec::new());
    let out = a.file("roster.mcb");
    let report = |p: maskcheck_app::SyncProgressDto| heard.lock().expect("lock").push(p);
    bureau.app.export_bundle_reporting(&out, Some(&a.id()), &report).expect("export");
    let r = a.app.import_bundle_in_batch(&out, None, &mut true, &report).expect("import");
    assert_eq!(r.new, 1201, "{r:?}");
    let total = a.app.list_enterprises(EnterpriseQuery::default()).expect("list").total;
    assert_eq!(total, 1202, "every page applied, with the enterprise sent before");
    let heard = heard.into_inner().expect("lock");
    let last = |stage| heard.iter().rev().find(|p| p.stage == stage).copied().expect("heard");
    use maskcheck_app::SyncStage::{Apply, Read, Write};
    for stage in [Write, Read, Apply] {
        let p = last(stage);
        assert!(p.total > 0 && p.done == p.total, "{stage:?} ends at the whole: {p:?}");
    }
    assert_eq!(last(Apply).total, r.new + r.unchanged, "the enterprise A already had comes again, unacknowledged");
    assert!(heard.iter().filter(|p| p.stage == Apply).count() >= 3, "one report per page at least");
}

#[test]
fn rows_that_break_the_rules_of_typed_input_are_quarantined_with_their_field_errors() {
    use maskcheck_domain::{Field, Rule};
    let (bureau, a, _b) = campaign();
    let e = a.enterprise("91350100M000100Y43");
    let clock = |n: i64| format!("{:015}.{:010}.{}", 1_795_000_000_000i64 + n, 0, a.id());
    let maker = |id: &str, uscc: &str, n: i64| enterprise_row(&a, id, "某某口罩厂", uscc, clock(n));
    let one_inspector = maskcheck_domain::inspection::InspectionDraft {
        place: "生产车间".into(),
        started_at: Some("2026-11-24T09:00".into()),
        ended_at: Some("2026-11-24T10:00".into()),
        representative: "王五".into(),
        inspectors: vec![maskcheck_domain::inspection::Inspector { name: "甲".into(), cert_no: "HA0001".into() }],
        answers: Default::default(),
        licences: vec![],
        intake: vec![],
        labels: vec![],
        findings: vec![],
    };
    let inspection = row(
        maskcheck_sync::SyncTable::Inspection,
        &[
            ("id", "insp-forged".into()),
            ("origin", a.id().into()),
            ("version", clock(3).into()),
            ("deleted", 0.into()),
            ("enterprise_id", e.id.clone().into()),
            ("template_key", "nonMedicalMaker".into()),
            ("template_version", 1.into()),
            ("status", "finished".into()),
            ("draft", serde_json::to_string(&one_inspector).expect("json").into()),
            ("amends_id", serde_json::Value::Null),
            ("created_at", "2026-11-24T10:00:00+08:00".into()),
            ("updated_at", "2026-11-24T10:00:00+08:00".into()),
            ("finished_at", "2026-11-24T10:00:00+08:00".into()),
        ],
    );
    let not_a_document = row(
        maskcheck_sync::SyncTable::Document,
        &[
            ("id", "doc-forged".into()),
            ("origin", a.id().into()),
            ("version", clock(4).into()),
            ("deleted", 0.into()),
            ("kind", "rectificationNotice".into()),
            ("number", "卫市监责改〔2026〕9号".into()),
            ("enterprise_id", e.id.clone().into()),
            ("inspection_id", serde_json::Value::Null),
            ("content", r#"{"number":"卫市监责改〔2026〕9号"}"#.into()),
            ("pages", 1.into()),
            ("amends_id", serde_json::Value::Null),
            ("issued_at", "2026-11-24T10:00:00+08:00".into()),
            ("pdf_sha256", "a".repeat(64).into()),
            ("pdf_size", 100.into()),
        ],
    );
    let file = craft(
        &a,
        &bureau,
        None,
        |h, r| {
            h.seq = 60;
            r.rows.push(maker("ent-good", "91410703MA00012347", 1));
            r.rows.push(maker("ent-forged", "91350100M000100Y44", 2));
            r.rows.push(inspection);
            r.rows.push(not_a_document);
        },
        "invalid.mcb",
    );
    let r = bureau.app.import_bundle(&file, None).expect("applied, with quarantine");
    assert_eq!((r.new, r.quarantined), (1, 3), "{r:?}");
    let backups = bureau.app.backups().expect("backups");
    assert!(backups.iter().any(|b| b.file.ends_with("before-bundle-crafted-invalid.mcb.db")), "{backups:?}");
    let q = bureau.app.sync_quarantine().expect("quarantine");
    type Broken<'a> = (&'a str, maskcheck_sync::QuarantineReason, Vec<(Field, Rule)>);
    let broken: Vec<Broken> =
        q.iter().map(|q| (q.row_id.as_str(), q.reason, q.fields.iter().map(|f| (f.field, f.rule)).collect())).collect();
    use maskcheck_sync::QuarantineReason::InvalidRow;
    assert_eq!(
        broken,
        vec![
            ("ent-forged", InvalidRow, vec![(Field::Uscc, Rule::UsccCheckChar)]),
            ("insp-forged", InvalidRow, vec![(Field::Inspectors, Rule::TooFewInspectors)]),
            ("doc-forged", InvalidRow, vec![(Field::Content, Rule::UnknownValue)]),
        ]
    );
    assert!(q[0].detail.contains("统一社会信用代码校验位错误"), "the CLI reads the rule in Chinese: {}", q[0].detail);
    let held = |uscc: &str| {
        bureau
            .app
            .list_enterprises(maskcheck_domain::EnterpriseQuery { text: Some(uscc.into()), ..Default::default() })
            .expect("list")
            .rows
            .len()
    };
    assert_eq!((held("91410703MA00012347"), held("91350100M000100Y44")), (1, 0), "the valid maker only");
}

#[test]
fn the_bureaus_catalogue_and_templates_reach_the_laptop_and_a_broken_one_is_set_aside() {
    use maskcheck_app::CatalogueSource;
    use maskcheck_domain::checklist::builtin_catalogue;
    let (bureau, a, _b) = campaign();
    // The bureau's own catalogue (a note on one text) and a second version of the makers' checklist.
    let mut noted = builtin_catalogue().expect("catalogue");
    noted.entries.iter_mut().filter(|e| e.key == "pql-27").for_each(|e| e.text.push_str("（本局注）"));
    std::fs::write(bureau.file("legal-basis.json"), serde_json::to_string(&noted).expect("json")).expect("write");
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/checklists/nonMedicalMaker.v1.json"
    ))
    .expect("template");
    let v2 = shipped.replacen(r#""version": 1"#, r#""version": 2"#, 1).replacen("现场检查", "现场检查（2026 年版）", 1);
    std::fs::create_dir_all(bureau.file("checklists")).expect("dir");
    std::fs::write(bureau.file("checklists/nonMedicalMaker.v2.json"), &v2).expect("write");
    assert_eq!(bureau.app.catalogue_info().expect("info").source, CatalogueSource::DataDir);

    let older = bureau.export(&a, "older.mcb");
    let with = bureau.export(&a, "with-catalogue.mcb");
    // The bureau goes back to the shipped texts; this later bundle says so.
    std::fs::remove_file(bureau.file("legal-basis.json")).expect("rm");
    std::fs::remove_dir_all(bureau.file("checklists")).expect("rm");
    let without = bureau.export(&a, "shipped-again.mcb");

    a.app.import_bundle(&with, None).expect("import");
    let info = a.app.catalogue_info().expect("info");
    assert_eq!((info.source, info.from_device.as_deref()), (CatalogueSource::Bureau, Some(bureau.id().as_str())));
    let pql27 = a.app.legal_catalogue().expect("catalogue").into_iter().find(|e| e.key == "pql-27").expect("pql-27");
    assert!(pql27.text.ends_with("（本局注）"), "the documents print the bureau's text: {}", pql27.text);
    let e = a.enterprise("91350100M000100Y43");
    let started = a.app.start_inspection(&e.id, "nonMedicalMaker", None).expect("start");
    assert_eq!(started.template.version, 2, "a new inspection starts from the bureau's version");

    // A crafted bureau bundle whose catalogue lacks a key the documents cite: set aside, nothing else changes.
    let mut short = noted.clone();
    short.entries.retain(|e| e.key != "pql-54");
    let broken = craft(
        &bureau,
        &a,
        None,
        |h, r| {
            h.seq = 90;
            r.catalogue = Some(serde_json::to_string(&short).expect("json"));
        },
        "short.mcb",
    );
    let r = a.app.import_bundle(&broken, None).expect("applied, with the catalogue set aside");
    assert_eq!(r.quarantined, 1, "{r:?}");
    let q = a.app.sync_quarantine().expect("quarantine");
    assert_eq!((q[0].table.as_str(), q[0].reason), ("legal_catalogue", maskcheck_sync::QuarantineReason::InvalidRow));
    assert!(q[0].detail.contains("pql-54"), "names the missing key: {}", q[0].detail);
    let still = a.app.legal_catalogue().expect("catalogue").into_iter().find(|e| e.key == "pql-54");
    assert!(still.is_some(), "the catalogue in use keeps every key");
    assert_eq!(a.app.catalogue_info().expect("info").source, CatalogueSource::Bureau);

    // A version of a template once received never changes its checks.
    let edited = v2.replacen("（2026 年版）", "（改）", 1);
    let rewritten = craft(
        &bureau,
        &a,
        None,
        |h, r| {
            h.seq = 91;
            r.catalogue = Some(serde_json::to_string(&noted).expect("json"));
            r.templates = vec![edited];
        },
        "rewritten.mcb",
    );
    assert_eq!(a.app.import_bundle(&rewritten, None).expect("import").quarantined, 1);
    let q = a.app.sync_quarantine().expect("quarantine");
    assert!(q.iter().any(|q| q.detail.contains("新的版本号")), "{q:?}");
    assert!(a.app.inspection_templates().expect("templates").iter().any(|t| t.title.ends_with("（2026 年版）")));

    // The bureau's later bundle (shipped texts again) applies; an earlier one opened after it changes nothing.
    a.app.import_bundle(&without, None).expect("import");
    assert_eq!(a.app.catalogue_info().expect("info").source, CatalogueSource::Shipped);
    a.app.import_bundle(&older, None).expect("import");
    assert_eq!(a.app.catalogue_info().expect("info").source, CatalogueSource::Shipped, "older than what is held");
    // The inspection started on version 2 still reads with version 2 (a template is named by key and version).
    assert_eq!(a.app.inspection(&started.id).expect("inspection").template.version, 2);
}

/// Opens a quality case with a fine on the enterprise an inspector just inspected.
fn quality_case(s: &Site, inspection_id: &str, fines_wan: f64) {
    let inspection = s.app.inspection(inspection_id).expect("inspection");
    let mut case = s.app.new_case();
    case.enterprise_id = Some(inspection.enterprise_id.clone());
    case.inspection_id = Some(inspection_id.to_string());
    case.title = "生产不符合标准的口罩案".into();
    case.category = maskcheck_domain::casework::CaseCategory::Quality;
    case.procedure = maskcheck_domain::casework::Procedure::Filed;
    case.fines_wan = fines_wan;
    case.value_wan = fines_wan / 2.0;
    s.app.save_case(None, &case).expect("case");
}

/// Appendix 4's figure columns (出动执法人员 … 移送公安) of every row, read back from an exported workbook.
fn appendix4_figures(path: &Path) -> Vec<[f64; 9]> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).expect("open");
    let range = book.worksheet_range("附件4").expect("sheet");
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    rows[3..11]
        .iter()
        .map(|r| {
            let mut out = [0.0; 9];
            for (c, v) in out.iter_mut().enumerate() {
                *v = match &r[1 + c] {
                    Data::Float(f) => *f,
                    Data::Int(i) => *i as f64,
                    Data::Empty => 0.0,
                    other => panic!("not a figure: {other:?}"),
                };
            }
            out
        })
        .collect()
}

/// The sync journey carried on to the statistics: two inspectors each inspect and open a case; the bureau merges
/// both bundles, and its appendix 4 is the sum of the two inspectors' own exports (an inspector's laptop also holds
/// its colleague's records once the bureau forwards them, and still exports only its own). The county's workbook
/// then goes up to a city beside a county's hand-typed one, and the city's roll-up is their sum.
#[test]
fn the_bureaus_appendix_four_is_the_sum_of_its_inspectors_and_the_city_adds_up_its_counties() {
    use maskcheck_app::AppendixChoice;
    use maskcheck_domain::appendix::Period;
    let (bureau, a, b) = campaign();
    for (s, fine) in [(&a, 1.5), (&b, 0.25)] {
        let id = finished_inspection(s, "91350100M000100Y43");
        quality_case(s, &id, fine);
        bureau.app.import_bundle(&s.export(&bureau, "up.mcb"), None).expect("the bureau merges");
    }
    // The bureau forwards B's records to A's laptop (they concern A's county).
    a.app.import_bundle(&bureau.export(&a, "down.mcb"), None).expect("down");
    assert_eq!(a.app.cases().expect("cases").len(), 2, "A's laptop holds B's case too");
    let mut sum = vec![[0.0; 9]; 8];
    for s in [&a, &b] {
        let out = s.file("附件4.xlsx");
        s.app.export_appendix(AppendixChoice::Four, Period::default(), None, &out).expect("own export");
        let figures = appendix4_figures(&out);
        assert_eq!(figures[7][2], 1.0, "each inspector reports its own case only");
        for (row, f) in sum.iter_mut().zip(figures) {
            for (s, v) in row.iter_mut().zip(f) {
                *s += v;
            }
        }
    }
    let merged = bureau.file("附件4.xlsx");
    bureau.app.export_appendix(AppendixChoice::Four, Period::default(), None, &merged).expect("bureau export");
    let at_bureau = appendix4_figures(&merged);
    for (r, (got, want)) in at_bureau.iter().zip(&sum).enumerate() {
        for c in 0..9 {
            assert!((got[c] - want[c]).abs() < 1e-9, "row {r} column {c}: bureau {} ≠ inspectors' {}", got[c], want[c]);
        }
    }
    assert_eq!(at_bureau[7][0], 4.0, "two inspectors on each of the two inspections");

    // Up to the city: this county's workbook (made by the app) and 红旗区's typed by hand.
    let city = county_bureau("新乡市", "新", "HA9900");
    let typed = city.file("红旗区.xlsx");
    maskcheck_tests::sent_reports::hand_typed_appendix4(
        &typed,
        "红旗区市场监督管理局",
        (3.0, 2.0, 1.0, 1.25),
        (3.0, 2.0, 1.0, 1.25),
    );
    for f in [&merged, &typed] {
        let preview = city.app.preview_sent_report(f, Period::default(), None).expect("preview");
        assert!(preview.errors.is_empty(), "{:?}", preview.errors);
        city.app.apply_sent_report(f, Period::default(), None).expect("kept");
    }
    let rollup = city.app.rollup(Period::default()).expect("rollup");
    let total = rollup.total.last().expect("合计");
    assert_eq!(total.cases as f64, at_bureau[7][2] + 3.0);
    assert_eq!(total.filed as f64, at_bureau[7][3] + 2.0);
    assert!((total.fines_wan - (at_bureau[7][5] + 1.25)).abs() < 1e-9);
    assert_eq!(total.inspectors.map(f64::from), Some(at_bureau[7][0] + 12.0));
    assert_eq!(rollup.units.len(), 2);
}

/// A 双随机 plan drawn on the bureau reaches each laptop with the checks of its county only; the laptop's visit
/// comes back and the bureau's plan shows the check visited.
#[test]
fn a_drawn_plan_reaches_the_laptops_of_its_county_and_comes_back_visited() {
    use maskcheck_domain::inspection::Inspector;
    use maskcheck_domain::spot_check::{DrawCriteria, DrawSize};
    let (bureau, a, _b) = campaign();
    let check = |first17: &str| format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("check"));
    let mut e = EnterpriseInput::new("新乡市红旗区恒安防护用品厂", check("91410702MA1000063"));
    e.county = Some("红旗区".into());
    e.new_county = Some(true);
    bureau.app.create_enterprise(e).expect("another county's maker");
    let people = vec![
        Inspector { name: "张三".into(), cert_no: "HA0001".into() },
        Inspector { name: "李四".into(), cert_no: "HA0002".into() },
    ];
    let plan = bureau
        .app
        .commit_draw(&maskcheck_app::DrawRequest {
            title: "生产企业双随机".into(),
            seed: Some("42".into()),
            criteria: DrawCriteria { counties: vec![], kinds: vec![maskcheck_domain::EnterpriseKind::Maker] },
            size: DrawSize::Count(2),
            inspectors: people,
        })
        .expect("draw");
    assert_eq!(plan.checks.len(), 2, "both makers drawn");
    a.app.import_bundle(&bureau.export(&a, "plan.mcb"), None).expect("the plan arrives");
    let at_a = a.app.spot_plans().expect("plans");
    assert_eq!(at_a.len(), 1);
    let counties: Vec<Option<&str>> = at_a[0].checks.iter().map(|c| c.county.as_deref()).collect();
    assert_eq!(counties, [Some("卫滨区")], "only the laptop's county");
    assert!(!at_a[0].can_verify, "the draw's record stays with the bureau");
    assert_eq!(at_a[0].seed, "42");
    // A visits the drawn maker; the bureau sees it visited.
    finished_inspection(&a, "91350100M000100Y43");
    assert_eq!(a.app.spot_plans().expect("plans")[0].visited, 1);
    bureau.app.import_bundle(&a.export(&bureau, "visit.mcb"), None).expect("back");
    let at_bureau = bureau.app.spot_plans().expect("plans");
    assert_eq!(at_bureau[0].visited, 1);
    assert!(bureau.app.verify_draw(&plan.plan_id).expect("verify").same);
}
