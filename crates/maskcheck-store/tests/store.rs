//! The store against real SQLite files.

use maskcheck_domain::{EnterpriseInput, EnterpriseQuery};
use maskcheck_store::{schema_dump, RecordMeta, Store, StoreError, LATEST_SCHEMA};

fn meta(id: &str) -> RecordMeta {
    RecordMeta {
        id: id.into(),
        origin: "dev1".into(),
        version: "000000000000001.00000000.dev1".into(),
        deleted: false,
        created_at: "2026-11-23T10:00:00+08:00".into(),
        updated_at: "2026-11-23T10:00:00+08:00".into(),
    }
}

#[test]
fn schema_snapshot() {
    let store = Store::open_in_memory().expect("open");
    insta::assert_snapshot!(schema_dump(&store).expect("dump"));
}

#[test]
fn a_newer_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("m.db");
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.pragma_update(None, "user_version", LATEST_SCHEMA + 1).expect("version");
    }
    let before = std::fs::read(&db).expect("read");
    match Store::open(&db, &dir.path().join("backups"), None) {
        Err(StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (LATEST_SCHEMA + 1, LATEST_SCHEMA))
        }
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
    assert_eq!(std::fs::read(&db).expect("read"), before);
    assert!(!dir.path().join("m.db-wal").exists(), "no WAL was created");
}

#[test]
fn the_search_index_follows_insert_update_and_a_failed_transaction() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(&dir.path().join("s.db"), &dir.path().join("b"), None).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let find = |store: &Store, text: &str| {
        let q = EnterpriseQuery { text: Some(text.into()), ..Default::default() };
        store.list_enterprises(&q, today).expect("list").total
    };
    store
        .write(|tx| tx.insert_enterprise(&meta("a"), &EnterpriseInput::new("康达口罩厂", "91350100M000100Y43")))
        .expect("insert");
    assert_eq!(find(&store, "康达"), 1);
    let failed: Result<(), StoreError> = store.write(|tx| {
        tx.insert_enterprise(&meta("b"), &EnterpriseInput::new("安心口罩厂", "91410700MA10000030"))?;
        // The same USCC again violates the unique index: the whole transaction rolls back.
        tx.insert_enterprise(&meta("c"), &EnterpriseInput::new("安心口罩二厂", "91410700MA10000030"))
    });
    assert!(failed.is_err());
    assert_eq!(find(&store, "安心"), 0, "nothing of the failed transaction remains, index included");
    store
        .write(|tx| {
            tx.update_enterprise(
                "a",
                "000000000000002.00000000.dev1",
                "t",
                &EnterpriseInput::new("德康口罩厂", "91350100M000100Y43"),
            )
        })
        .expect("update");
    assert_eq!((find(&store, "康达"), find(&store, "德康")), (0, 1));
}

#[test]
fn every_earlier_schema_migrates_with_its_data_and_a_backup() {
    for from in 1..LATEST_SCHEMA as usize {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("old.db");
        {
            let mut conn = rusqlite::Connection::open(&db).expect("open");
            maskcheck_store::migrate_to(&mut conn, from).expect("old schema");
            conn.execute(
                "INSERT INTO enterprise (id, origin, version, name, uscc, kind, medical, exporter, created_at, updated_at)
                 VALUES ('e1', 'd', 'v', '旧库口罩厂', '91350100M000100Y43', 'maker', 0, 0, 't', 't')",
                [],
            )
            .expect("row");
        }
        let store = Store::open(&db, &dir.path().join("backups"), None).expect("migrate");
        assert_eq!(store.enterprise("e1").expect("get").expect("kept").data.name, "旧库口罩厂", "from schema {from}");
        let backups = std::fs::read_dir(dir.path().join("backups")).expect("backups").count();
        assert_eq!(backups, 1, "from schema {from}");
    }
}

/// A database made by every earlier schema is kept as a file (`tests/fixtures/schema-N.db`, one row in it): an old
/// migration edited by mistake, or a new schema without its fixture, fails here. `UPDATE_FIXTURES=1` writes the
/// fixture of a version that has none (once, when a migration is added); existing fixtures are never rewritten.
#[test]
fn every_schema_fixture_opens_and_migrates_with_its_data() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for version in 1..LATEST_SCHEMA as usize {
        let fixture = fixtures.join(format!("schema-{version}.db"));
        if !fixture.exists() && std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(&fixtures).expect("fixtures");
            let mut conn = rusqlite::Connection::open(&fixture).expect("open");
            maskcheck_store::migrate_to(&mut conn, version).expect("old schema");
            conn.execute(
                "INSERT INTO enterprise (id, origin, version, name, uscc, kind, medical, exporter, created_at, updated_at)
                 VALUES ('e1', 'd', 'v', '旧库口罩厂', '91350100M000100Y43', 'maker', 0, 0, 't', 't')",
                [],
            )
            .expect("row");
            conn.pragma_update(None, "journal_mode", "DELETE").expect("journal");
            // Small pages: the fixtures are committed, and every table and index takes at least one page.
            conn.execute_batch("PRAGMA page_size = 512; VACUUM").expect("vacuum");
        }
        assert!(fixture.exists(), "no fixture for schema {version}: run once with UPDATE_FIXTURES=1 and commit it");
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("maskcheck.db");
        std::fs::copy(&fixture, &db).expect("copy");
        let found: i64 = rusqlite::Connection::open(&db)
            .expect("open")
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(found, version as i64, "the fixture of schema {version} is that schema");
        let store = Store::open(&db, &dir.path().join("backups"), None).expect("migrate");
        assert_eq!(
            store.enterprise("e1").expect("get").expect("kept").data.name,
            "旧库口罩厂",
            "from schema {version}"
        );
        let latest: i64 = rusqlite::Connection::open(&db)
            .expect("open")
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(latest, LATEST_SCHEMA, "migrated from schema {version}");
    }
}

/// A draft inspection of enterprise `e`.
fn draft_inspection(id: &str) -> maskcheck_store::InspectionRecord {
    maskcheck_store::InspectionRecord {
        meta: meta(id),
        enterprise_id: "e".into(),
        template_key: "nonMedicalMaker".into(),
        template_version: 1,
        finished: false,
        draft: "{}".into(),
        amends_id: None,
        finished_at: None,
    }
}

#[test]
fn a_finished_inspection_cannot_be_changed_or_deleted() {
    let mut store = Store::open_in_memory().expect("open");
    store
        .write(|tx| {
            tx.insert_enterprise(&meta("e"), &EnterpriseInput::new("甲", "91350100M000100Y43"))?;
            let r = draft_inspection("i");
            tx.insert_inspection(&r)?;
            tx.save_draft("i", "v2", "t2", r#"{"place":"厂区"}"#)?;
            tx.finish_inspection(
                "i",
                "v3",
                "t3",
                r#"{"place":"厂区"}"#,
                &[(meta("f1"), "k".into(), "问题".into(), "[]".into())],
            )
        })
        .expect("draft, save, finish");
    let again = store.write(|tx| tx.save_draft("i", "v4", "t4", "{}"));
    assert!(matches!(again, Err(StoreError::Frozen(_))), "{again:?}");
    let delete = store.write(|tx| tx.delete_inspection("i"));
    assert!(matches!(delete, Err(StoreError::Frozen(_))), "{delete:?}");
    let findings = store.write(|tx| tx.delete_findings("i"));
    assert!(matches!(findings, Err(StoreError::Frozen(maskcheck_store::Frozen::Inspection))), "{findings:?}");
    let void = store.write(|tx| tx.void_draft("i", "v5", "t5", "录错了"));
    assert!(matches!(void, Err(StoreError::Frozen(maskcheck_store::Frozen::Inspection))), "{void:?}");
    assert_eq!(store.findings("i").expect("findings").len(), 1, "the finding is still there");
    let record = store.inspection("i").expect("get").expect("still there");
    assert!(record.finished);
    assert_eq!(record.draft, r#"{"place":"厂区"}"#);
    assert_eq!(store.findings("i").expect("findings").len(), 1);
}

/// A draft started by mistake is voided, never deleted: it leaves every read, stays in the table, and can no
/// longer be saved or voided again.
#[test]
fn a_voided_draft_is_kept_but_gone_for_readers() {
    let mut store = Store::open_in_memory().expect("open");
    store
        .write(|tx| {
            tx.insert_enterprise(&meta("e"), &EnterpriseInput::new("甲", "91350100M000100Y43"))?;
            tx.insert_inspection(&draft_inspection("i"))
        })
        .expect("draft");
    store.write(|tx| tx.void_draft("i", "v2", "t2", "录错了企业")).expect("void");
    assert!(store.inspection("i").expect("get").is_none(), "gone for readers");
    assert!(store.inspections(None, false).expect("list").is_empty(), "gone from lists");
    let save = store.write(|tx| tx.save_draft("i", "v3", "t3", r#"{"place":"x"}"#));
    assert!(matches!(save, Err(StoreError::NotFound { entity: maskcheck_domain::Entity::Inspection, .. })), "{save:?}");
    let twice = store.write(|tx| tx.void_draft("i", "v4", "t4", "再次"));
    assert!(matches!(twice, Err(StoreError::NotFound { .. })), "{twice:?}");
    assert_eq!(store.inspection_rows_kept().expect("count"), 1, "kept, never deleted");
}

fn document(id: &str, number: &str) -> maskcheck_store::DocumentRecord {
    maskcheck_store::DocumentRecord {
        meta: meta(id),
        kind: maskcheck_domain::document::DocKind::RectificationNotice,
        number: number.into(),
        enterprise_id: "e".into(),
        inspection_id: None,
        content: r#"{"number":"x"}"#.into(),
        pdf_sha256: "a".repeat(64),
        pdf_size: Some(1),
        pages: 1,
        amends_id: None,
        issued_at: "2026-11-23T10:00:00+08:00".into(),
    }
}

#[test]
fn an_issued_document_cannot_be_changed_or_deleted_only_revoked() {
    let mut store = Store::open_in_memory().expect("open");
    store
        .write(|tx| {
            tx.insert_enterprise(&meta("e"), &EnterpriseInput::new("甲", "91350100M000100Y43"))?;
            tx.insert_document(&document("d", "盐市监责改〔2026〕1号"))
        })
        .expect("issue");
    let update = store.write(|tx| tx.overwrite_document_content("d", r#"{"number":"y"}"#));
    assert!(matches!(update, Err(StoreError::Frozen(_))), "{update:?}");
    let delete = store.write(|tx| tx.delete_document("d"));
    assert!(matches!(delete, Err(StoreError::Frozen(_))), "{delete:?}");
    let same_number = store.write(|tx| tx.insert_document(&document("d2", "盐市监责改〔2026〕1号")));
    assert!(same_number.is_err(), "a number is unique");
    store.write(|tx| tx.revoke_document(&meta("r"), "d", "当事人名称有误")).expect("revoke");
    let rows = store.documents(&Default::default()).expect("list");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].revoked.as_deref(), Some("当事人名称有误"));
    assert_eq!(store.document("d").expect("get").expect("kept").content, r#"{"number":"x"}"#);
}

/// Ten laptops issue 1,000 notices each while offline: each has a block of 100 serials from the bureau, then
/// falls back to serials tagged with its own id. Merged, the 10,000 numbers hold no duplicate.
#[test]
fn ten_laptops_issuing_offline_never_collide() {
    use maskcheck_domain::document::{format_number, DocKind, NumberBlock};
    let mut all = std::collections::HashSet::new();
    let mut fallbacks = 0;
    for laptop in 0..10u32 {
        let mut store = Store::open_in_memory().expect("open");
        let device = uuid::Uuid::now_v7().to_string();
        let block = NumberBlock { year: 2026, first: laptop * 100 + 1, last: laptop * 100 + 100 };
        store.write(|tx| tx.insert_number_block(&meta(&format!("b{laptop}")), &block)).expect("block");
        for _ in 0..1000 {
            let serial =
                store.write(|tx| tx.allocate_serial(DocKind::RectificationNotice, 2026, &device)).expect("allocate");
            if matches!(serial, maskcheck_domain::document::Serial::Fallback { .. }) {
                fallbacks += 1;
            }
            let number = format_number("盐", DocKind::RectificationNotice, 2026, &serial);
            assert!(all.insert(number.clone()), "duplicate {number}");
        }
    }
    assert_eq!(all.len(), 10_000);
    assert_eq!(fallbacks, 9_000, "each laptop used its 100 block serials first");
}

/// Schema 4 widens every stored clock stamp to a 10-digit counter (text order = clock order), frozen rows
/// included, and leaves their freeze triggers as they were.
#[test]
fn schema_4_widens_clock_stamps_of_frozen_rows_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("v3.db");
    {
        let mut conn = rusqlite::Connection::open(&db).expect("open");
        maskcheck_store::migrate_to(&mut conn, 3).expect("schema 3");
        conn.execute_batch(
            "INSERT INTO enterprise (id, origin, version, name, uscc, kind, medical, exporter, created_at, updated_at)
             VALUES ('e', 'd', '001764000000000.00000007.d', '甲', '91350100M000100Y43', 'maker', 0, 0, 't', 't');
             INSERT INTO inspection (id, origin, version, deleted, enterprise_id, template_key, template_version, status, draft, created_at, updated_at)
             VALUES ('i', 'd', '001764000000000.00000008.d', 0, 'e', 'nonMedicalMaker', 1, 'finished', '{}', 't', 't');
             INSERT INTO finding (id, origin, version, deleted, inspection_id, position, key, text, basis, created_at)
             VALUES ('f', 'd', '001764000000000.00000009.d', 0, 'i', 0, 'k', '问题', '[]', 't');",
        )
        .expect("v3 rows");
    }
    let mut store = Store::open(&db, &dir.path().join("backups"), None).expect("migrate");
    assert_eq!(store.enterprise("e").expect("e").expect("e").meta.version, "001764000000000.0000000007.d");
    let i = store.inspection("i").expect("i").expect("i");
    assert_eq!(i.meta.version, "001764000000000.0000000008.d");
    assert!(i.finished);
    let again = store.write(|tx| tx.delete_findings("i"));
    assert!(matches!(again, Err(StoreError::Frozen(_))), "{again:?}");
}

/// What trust a peer has after a second card for it arrives: a card learnt from a bureau's registry never replaces
/// one this device enrolled or pinned itself; enrolment or pinning does replace a registry card.
#[test]
fn a_registry_card_never_downgrades_an_enrolled_or_pinned_peer() {
    let cases = [
        ("enrolled", "registry", "enrolled"),
        ("bureau", "registry", "bureau"),
        ("registry", "registry", "registry"),
        ("registry", "enrolled", "enrolled"),
        ("registry", "bureau", "bureau"),
    ];
    for (first, then, want) in cases {
        let mut store = Store::open_in_memory().expect("open");
        let peer = |trust: &str| maskcheck_store::PeerRecord {
            device_id: "0123456789abcdef".into(),
            role: "inspector".into(),
            card: format!("{{\"from\":\"{trust}\"}}"),
            fingerprint: "0123456789abcdef00".into(),
            trust: trust.into(),
            enrolled_at: "2026-11-24 09:00:00".into(),
            revoked_at: None,
            revoke_reason: None,
            acked_change: 0,
            sent_seq: 0,
        };
        store.write(|tx| tx.upsert_peer(&peer(first))).expect("first");
        store.write(|tx| tx.upsert_peer(&peer(then))).expect("then");
        let got = store.peer("0123456789abcdef").expect("read").expect("there");
        assert_eq!((got.trust.as_str(), got.card.contains(want)), (want, true), "{first} then {then}");
    }
}

/// A batch (a roster import) skips the per-row triggers and search-index writes: what it records at the end must be
/// what single writes record — the same changed rows, one clock per field, the same search hits — and
/// the bookkeeping runs even when the batch's closure fails.
#[test]
fn a_batch_records_what_single_writes_record() {
    use maskcheck_store::SyncRead;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let rows = [("a", "康达口罩厂", "91350100M000100Y43"), ("b", "安心口罩厂", "91410700MA10000030")];
    let outcome = |batch: bool| {
        let mut store = Store::open_in_memory().expect("open");
        store
            .write(|tx| tx.insert_enterprise(&meta("old"), &EnterpriseInput::new("旧名称厂", "91110000100000000T")))
            .expect("first");
        let mut renamed = EnterpriseInput::new("新名称厂", "91110000100000000T");
        renamed.phone = Some("0373-1234567".into());
        let v2 = "000000000000002.00000000.dev1";
        store
            .write(|tx| {
                if batch {
                    tx.enterprise_batch(|b| {
                        for (id, name, uscc) in rows {
                            b.insert(&meta(id), &EnterpriseInput::new(name, uscc))?;
                        }
                        b.update("old", v2, "2026-11-23T11:00:00+08:00", &renamed)
                    })
                } else {
                    for (id, name, uscc) in rows {
                        tx.insert_enterprise(&meta(id), &EnterpriseInput::new(name, uscc))?;
                    }
                    tx.update_enterprise("old", v2, "2026-11-23T11:00:00+08:00", &renamed)
                }
            })
            .expect("write");
        let mut changes = store.changed_rows(0, store.last_change().expect("last"), true).expect("changes");
        changes.sort();
        let mut clocks: Vec<_> = ["a", "b", "old"]
            .iter()
            .flat_map(|id| store.field_clocks("enterprise", id).expect("clocks").into_iter().map(move |c| (*id, c)))
            .collect();
        clocks.sort();
        let hits: Vec<u64> = ["康达", "安心口罩", "新名称", "旧名称", "91410700"]
            .iter()
            .map(|t| {
                let q = EnterpriseQuery { text: Some((*t).into()), ..Default::default() };
                store.list_enterprises(&q, today).expect("list").total
            })
            .collect();
        (changes, clocks, hits)
    };
    let single = outcome(false);
    let batch = outcome(true);
    assert_eq!(single.2, vec![1, 1, 1, 0, 1], "single writes: search");
    assert_eq!(single.0.len(), 3, "three rows changed");
    // 19 fields per row: every one has a clock; the renamed row's name and phone have the update's, based on the
    // insert's clock.
    assert_eq!(single.1.len(), 3 * 19);
    let name = single.1.iter().find(|(id, c)| *id == "old" && c.0 == "name").expect("name clock");
    assert_eq!(
        (name.1 .1.as_str(), name.1 .2.as_deref()),
        ("000000000000002.00000000.dev1", Some(meta("x").version.as_str()))
    );
    assert_eq!(batch, single);

    // A failing closure: the bookkeeping still ran (bulk mode off, changes recorded) for what was written.
    let mut store = Store::open_in_memory().expect("open");
    let failed: Result<(), StoreError> = store.write(|tx| {
        let r = tx.enterprise_batch(|b| {
            b.insert(&meta("a"), &EnterpriseInput::new("康达口罩厂", "91350100M000100Y43"))?;
            b.update(
                "missing",
                "000000000000002.00000000.dev1",
                "2026-11-23T11:00:00+08:00",
                &EnterpriseInput::new("x", "91350100M000100Y43"),
            )
        });
        assert!(matches!(r, Err(StoreError::NotFound { .. })), "{r:?}");
        Ok(())
    });
    failed.expect("commit what the batch wrote");
    assert_eq!(store.changed_rows(0, store.last_change().expect("last"), true).expect("changes").len(), 1);
    assert_eq!(store.field_clocks("enterprise", "a").expect("clocks").len(), 19);
    store
        .write(|tx| tx.insert_enterprise(&meta("b"), &EnterpriseInput::new("安心口罩厂", "91410700MA10000030")))
        .expect("a single insert after the batch");
    assert_eq!(
        store.changed_rows(0, store.last_change().expect("last"), true).expect("changes").len(),
        2,
        "triggers on again"
    );
}

/// A batch writes its rows a few dozen per statement and settles their changes, clocks and search entries every few
/// thousand rows: a batch crossing both (with remainders) records every row once, as single writes would.
#[test]
fn a_long_batch_records_every_row_once() {
    use maskcheck_store::SyncRead;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let n: u64 = 8_300;
    let name = |i: u64| format!("卫滨区第{i}口罩厂");
    let mut store = Store::open_in_memory().expect("open");
    store
        .write(|tx| {
            tx.enterprise_batch(|b| {
                for i in 0..n {
                    let uscc = maskcheck_domain::sample::sample_uscc(i, 0);
                    b.insert(&meta(&format!("id{i}")), &EnterpriseInput::new(name(i), &uscc))?;
                }
                Ok::<_, StoreError>(())
            })
        })
        .expect("batch");
    let changes = store.changed_rows(0, store.last_change().expect("last"), true).expect("changes");
    assert_eq!(changes.len() as u64, n, "one change per row");
    assert_eq!(changes.first().map(|c| c.1.as_str()), Some("id0"), "in insert order");
    for i in [0, 63, 64, 8_191, 8_192, n - 1] {
        assert_eq!(store.field_clocks("enterprise", &format!("id{i}")).expect("clocks").len(), 19, "row {i}");
        let q = EnterpriseQuery { text: Some(name(i)), ..Default::default() };
        let hits = store.list_enterprises(&q, today).expect("list");
        assert!(hits.rows.iter().any(|r| r.name == name(i)), "row {i} is found by its name");
    }
    assert_eq!(store.list_enterprises(&EnterpriseQuery::default(), today).expect("all").total, n);
}

/// Schema 12 spelled two CHECKs as comparisons instead of IN lists: they refuse and accept what they did.
#[test]
fn the_roster_checks_accept_and_refuse_as_before() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("m.db");
    drop(Store::open(&path, dir.path(), None).expect("create"));
    let conn = rusqlite::Connection::open(&path).expect("open");
    let table = [
        (Some("large"), Some("producing"), true),
        (Some("micro"), Some("converted"), true),
        (None, Some("stopped"), true),
        (Some("medium"), None, true),
        (None, None, true),
        (Some("huge"), None, false),
        (Some("Large"), None, false),
        (None, Some("closed"), false),
        (Some(""), Some("producing"), false),
    ];
    for (i, (scale, status, ok)) in table.into_iter().enumerate() {
        let r = conn.execute(
            "INSERT INTO enterprise (id, origin, version, name, uscc, kind, medical, exporter, scale,
                production_status, created_at, updated_at)
             VALUES (?1, 'dev1', 'v', '厂', ?2, 'maker', 0, 0, ?3, ?4, 'now', 'now')",
            rusqlite::params![format!("c{i}"), format!("91350100M000{i:05}X"), scale, status],
        );
        assert_eq!(r.is_ok(), ok, "{scale:?} {status:?}: {r:?}");
    }
}
