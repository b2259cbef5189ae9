//! What an inspector does, through maskcheck-app, on real data directories.

use maskcheck_app::{App, ErrorCode};
use maskcheck_domain::{EnterpriseInput, EnterpriseQuery, ProfileInput, Role};

fn profile() -> ProfileInput {
    ProfileInput {
        unit_name: "卫滨区市场监督管理局".into(),
        unit_abbr: "卫".into(),
        county: "卫滨区".into(),
        inspector_name: "李四".into(),
        cert_no: "HA0002".into(),
        role: Role::Inspector,
    }
}

#[test]
fn a_roster_survives_closing_and_reopening_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let id = {
        let app = App::open(dir.path()).expect("open");
        app.setup(profile()).expect("setup");
        app.create_enterprise(EnterpriseInput::new("新乡市康达口罩厂", "91350100M000100Y43")).expect("create").id
    };
    let app = App::open(dir.path()).expect("reopen");
    assert_eq!(app.setup_status().expect("status").profile.expect("profile").inspector_name, "李四");
    let q = EnterpriseQuery { text: Some("康达".into()), ..Default::default() };
    assert_eq!(app.list_enterprises(q).expect("list").rows[0].id, id);
}

#[test]
fn a_database_from_a_newer_app_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let app = App::open(dir.path()).expect("open");
        app.setup(profile()).expect("setup");
    }
    let db = dir.path().join("maskcheck.db");
    set_user_version(&db, 99);
    let before = std::fs::read(&db).expect("read");
    let err = App::open(dir.path()).err().expect("refused");
    assert_eq!(err.code, ErrorCode::DatabaseTooNew);
    assert!(err.message.contains("99"), "{}", err.message);
    assert_eq!(std::fs::read(&db).expect("read"), before, "the file is untouched");
}

/// Writes SQLite's user_version field (a big-endian u32 at byte offset 60 of the header) directly, as a newer
/// build would have left it; the header is documented in https://www.sqlite.org/fileformat.html.
fn set_user_version(db: &std::path::Path, v: u32) {
    let mut bytes = std::fs::read(db).expect("read");
    bytes[60..64].copy_from_slice(&v.to_be_bytes());
    std::fs::write(db, bytes).expect("write");
}
