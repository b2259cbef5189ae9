//! Records the app, sync and window tests make the way an inspector does, through the app's own API.

use maskcheck_app::App;
use maskcheck_domain::inspection::Inspector;

/// Starts, fills and finishes an inspection of an enterprise (two inspectors, a confirmed finding).
pub fn finished_inspection(app: &App, enterprise_id: &str) -> String {
    let started = app.start_inspection(enterprise_id, "nonMedicalMaker", None).expect("start");
    let mut d = started.draft;
    d.place = "生产车间".into();
    d.representative = "王五（厂长）".into();
    d.inspectors = vec![
        Inspector { name: "张三".into(), cert_no: "HA0001".into() },
        Inspector { name: "赵六".into(), cert_no: "HA0009".into() },
    ];
    d.findings.push(maskcheck_domain::inspection::Finding {
        key: "manual:1".into(),
        text: "成品仓库口罩未分区存放。".into(),
        law: Default::default(),
        confirmed: true,
        edited: true,
    });
    let mut d = app.save_inspection(&started.id, d).expect("save");
    for f in &mut d.findings {
        f.confirmed = true;
    }
    app.save_inspection(&started.id, d).expect("confirm");
    app.finish_inspection(&started.id).expect("finish");
    started.id
}

/// Overwrites the start of two pages in the middle of a database file, as a failing disk sector would: a table's
/// b-tree page no longer reads.
pub fn damage_database(db: &std::path::Path) {
    let mut bytes = std::fs::read(db).expect("db");
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(pages > 8, "a database of {pages} pages");
    for p in [pages / 2, pages / 2 + 1] {
        bytes[p * page..p * page + 200].fill(0xA5);
    }
    std::fs::write(db, bytes).expect("write");
}
