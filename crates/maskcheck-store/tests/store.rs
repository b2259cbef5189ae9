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
    match Store::open(&db, &dir.path().join("backups")) {
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
    let mut store = Store::open(&dir.path().join("s.db"), &dir.path().join("b")).expect("open");
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
