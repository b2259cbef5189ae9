//! Use cases of maskcheck-app against a real SQLite database in a temporary data directory.

use maskcheck_app::{App, ErrorCode};
use maskcheck_domain::{
    EnterpriseInput, EnterpriseKind, EnterpriseQuery, Field, LicenceFilter, LicenceInput, LicenceKind, LicenceState,
    ProfileInput, Role, Rule,
};

fn profile() -> ProfileInput {
    ProfileInput {
        unit_name: "卫滨区市场监督管理局".into(),
        unit_abbr: "卫".into(),
        county: "卫滨区".into(),
        inspector_name: "张三".into(),
        cert_no: "HA0001".into(),
        role: Role::Inspector,
    }
}

#[path = "app/backups.rs"]
mod backups;
#[path = "app/campaign.rs"]
mod campaign;
#[path = "app/encryption.rs"]
mod encryption;
#[path = "app/stats.rs"]
mod stats;

fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    app.setup(profile()).expect("setup");
    (dir, app)
}

fn search(app: &App, text: &str) -> Vec<String> {
    let q = EnterpriseQuery { text: Some(text.into()), ..Default::default() };
    app.list_enterprises(q).expect("list").rows.into_iter().map(|r| r.name).collect()
}

#[test]
fn setup_makes_a_device_and_runs_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    assert!(app.setup_status().expect("status").profile.is_none());
    let err = app.create_enterprise(EnterpriseInput::new("厂", "91350100M000100Y43")).expect_err("not set up");
    assert_eq!(err.code, ErrorCode::NotSetUp);
    let p = app.setup(profile()).expect("setup");
    assert_eq!(p.device_id.len(), 16);
    assert_eq!(p.public_key.len(), 64);
    assert!(dir.path().join("device.key").exists());
    assert_eq!(app.setup(profile()).expect_err("twice").code, ErrorCode::AlreadySetUp);
    let bad = ProfileInput { unit_name: "".into(), ..profile() };
    let dir2 = tempfile::tempdir().expect("tempdir");
    let e = App::open(dir2.path()).expect("open").setup(bad).expect_err("empty unit");
    assert_eq!((e.code, e.fields[0].field, e.fields[0].rule), (ErrorCode::Validation, Field::UnitName, Rule::Required));
    // The 设置 page edits the unit; the role stays, and a refused edit changes nothing.
    let renamed =
        app.update_profile(ProfileInput { unit_name: "新乡市卫滨区市场监督管理局".into(), ..profile() });
    assert_eq!(renamed.expect("renamed").unit_name, "新乡市卫滨区市场监督管理局");
    let to_bureau = ProfileInput { role: maskcheck_domain::Role::Bureau, unit_name: "别的局".into(), ..profile() };
    let e = app.update_profile(to_bureau).expect_err("the role is fixed");
    assert_eq!((e.code, e.fields[0].field, e.fields[0].rule), (ErrorCode::Validation, Field::Role, Rule::FixedAtSetup));
    assert_eq!(app.setup_status().expect("s").profile.expect("p").unit_name, "新乡市卫滨区市场监督管理局");
}

#[test]
fn create_search_edit_void() {
    let (_d, app) = app();
    let mut input = EnterpriseInput::new("新乡市卫滨区康达防护用品有限公司", "９１３５０１００ｍ０００１００ｙ４３");
    input.production_address = Some("新乡市卫滨区平原路18号".into());
    input.county = Some("卫滨区".into());
    let e = app.create_enterprise(input.clone()).expect("create");
    assert_eq!(e.data.uscc, "91350100M000100Y43");
    assert_eq!(e.origin, app.setup_status().expect("s").profile.expect("p").device_id);

    for (q, hits) in [("康达", 1), ("平原", 1), ("0100M", 1), ("0100m", 1), ("防护用品", 1), ("口罩", 0), ("康", 1)]
    {
        assert_eq!(search(&app, q).len(), hits, "search {q}");
    }

    input.name = "新乡市卫滨区安康口罩厂".into();
    app.update_enterprise(&e.id, input).expect("update");
    assert_eq!(search(&app, "康达").len(), 0, "the index follows the edit");
    assert_eq!(search(&app, "安康"), vec!["新乡市卫滨区安康口罩厂"]);

    let err = app.void_enterprise(&e.id, "  ").expect_err("reason required");
    assert_eq!(err.fields[0].field, Field::Reason);
    let v = app.void_enterprise(&e.id, "企业已注销").expect("void");
    assert_eq!(v.void.expect("void").reason, "企业已注销");
    assert_eq!(search(&app, "安康").len(), 0, "voided enterprises are hidden by default");
    let all = app
        .list_enterprises(EnterpriseQuery { text: Some("安康".into()), include_voided: true, ..Default::default() })
        .expect("list");
    assert!(all.rows[0].voided);
}

#[test]
fn duplicate_uscc_names_the_holder_and_writes_nothing() {
    let (_d, app) = app();
    app.create_enterprise(EnterpriseInput::new("甲口罩厂", "91350100M000100Y43")).expect("first");
    let err = app.create_enterprise(EnterpriseInput::new("乙口罩厂", "91350100m000100y43")).expect_err("dup");
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!((err.fields[0].field, err.fields[0].rule), (Field::Uscc, Rule::UsccDuplicate));
    assert!(err.message.contains("甲口罩厂"), "{}", err.message);
    assert_eq!(app.dashboard().expect("dash").enterprise_count, 1);
}

#[test]
fn bad_input_is_refused_or_kept_verbatim() {
    let (_d, app) = app();
    let cases: Vec<(EnterpriseInput, Option<(Field, Rule)>)> = vec![
        (EnterpriseInput::new("厂", "91350100M000100Y44"), Some((Field::Uscc, Rule::UsccCheckChar))),
        (EnterpriseInput::new("", "91350100M000100Y43"), Some((Field::Name, Rule::Required))),
        (EnterpriseInput::new("厂".repeat(10_000), "91350100M000100Y43"), Some((Field::Name, Rule::TooLong))),
    ];
    for (input, want) in cases {
        let err = app.create_enterprise(input).expect_err("refused");
        assert_eq!(want, Some((err.fields[0].field, err.fields[0].rule)));
    }
    assert_eq!(app.dashboard().expect("dash").enterprise_count, 0, "nothing half-written");

    let meta = "<b>'\"; DROP TABLE enterprise; --%_\\";
    let mut input = EnterpriseInput::new(format!("{meta}口罩厂"), "91350100M000100Y43");
    for f in [
        &mut input.county,
        &mut input.production_address,
        &mut input.registered_address,
        &mut input.legal_rep,
        &mut input.contact,
        &mut input.phone,
        &mut input.note,
    ] {
        *f = Some(meta.to_string());
    }
    input.new_county = Some(true); // a county of that name is new to the unit: confirmed
    let e = app.create_enterprise(input).expect("stored verbatim");
    let back = app.enterprise_detail(&e.id).expect("detail").enterprise.data;
    assert_eq!(back.name, format!("{meta}口罩厂"));
    assert_eq!(back.legal_rep.as_deref(), Some(meta));
    assert_eq!(search(&app, "DROP TABLE").len(), 1);
    assert_eq!(search(&app, "%_").len(), 0, "wildcards are not patterns");
}

#[test]
fn licence_state_and_filters() {
    let (_d, app) = app();
    let today = maskcheck_app::today();
    let mk = |name: &str, uscc: &str| app.create_enterprise(EnterpriseInput::new(name, uscc)).expect("create").id;
    let a = mk("甲医用口罩厂", "91350100M000100Y43");
    let b = mk("乙医用口罩厂", &valid_uscc("91410700MA1000001"));
    let c = mk("丙口罩厂", &valid_uscc("91410700MA1000002"));
    let lic = |days: i64| LicenceInput {
        kind: LicenceKind::DeviceRegistration,
        number: "豫械注准20202140001".into(),
        holder: None,
        scope: None,
        issued_on: None,
        valid_until: Some(today + chrono::Duration::days(days)),
        issuer: None,
    };
    let l = app.save_licence(&a, None, lic(-30)).expect("expired licence");
    assert_eq!(l.state, LicenceState::Expired);
    app.save_licence(&b, None, lic(10)).expect("expiring licence");
    app.save_licence(&c, None, lic(400)).expect("valid licence");
    let names = |f| -> Vec<String> {
        let q = EnterpriseQuery { licence: Some(f), ..Default::default() };
        app.list_enterprises(q).expect("list").rows.into_iter().map(|r| r.name).collect()
    };
    assert_eq!(names(LicenceFilter::Expired), vec!["甲医用口罩厂"]);
    assert_eq!(names(LicenceFilter::Expiring), vec!["乙医用口罩厂"]);
    let d = app.dashboard().expect("dash");
    assert_eq!((d.enterprise_count, d.expired_licences, d.expiring_licences), (3, 1, 1));
    let bad = LicenceInput { number: "豫械注准123".into(), ..lic(1) };
    assert_eq!(app.save_licence(&a, None, bad).expect_err("format").fields[0].rule, Rule::CertificatePattern);
    app.void_licence(&l.id, "证照已更换").expect("void licence");
    assert_eq!(names(LicenceFilter::Expired), Vec::<String>::new());
}

#[test]
fn filters_by_county_and_kind() {
    let (_d, app) = app();
    let mut a = EnterpriseInput::new("甲", valid_uscc("91410700MA1000011"));
    a.county = Some("卫滨区".into());
    let mut b = EnterpriseInput::new("乙", valid_uscc("91410700MA1000012"));
    b.county = Some("红旗区".into());
    b.kind = EnterpriseKind::Seller;
    app.create_enterprise(a).expect("a");
    // 红旗区 is neither the unit's county nor on its roster: refused until confirmed, and nothing is written.
    let err = app.create_enterprise(b.clone()).expect_err("unknown county");
    assert_eq!(err.fields[0].rule, Rule::UnknownCounty, "{err:?}");
    assert_eq!(app.counties().expect("counties"), vec!["卫滨区"]);
    b.new_county = Some(true);
    app.create_enterprise(b).expect("b, confirmed");
    let mut c = EnterpriseInput::new("丙", valid_uscc("91410700MA1000013"));
    c.kind = EnterpriseKind::Seller;
    c.county = Some("红旗区".into());
    app.create_enterprise(c).expect("红旗区 is known now");
    let q = |county: Option<&str>, kind| EnterpriseQuery { county: county.map(Into::into), kind, ..Default::default() };
    assert_eq!(app.list_enterprises(q(Some("红旗区"), None)).expect("l").total, 2);
    assert_eq!(app.list_enterprises(q(None, Some(EnterpriseKind::Maker))).expect("l").rows[0].name, "甲");
    assert_eq!(app.counties().expect("counties"), vec!["卫滨区", "红旗区"]);
}

fn valid_uscc(first17: &str) -> String {
    format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("charset"))
}

#[test]
fn bindings_are_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/bindings.ts");
    let want = maskcheck_app::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &want).expect("write bindings");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p maskcheck-app --test app bindings`"
    );
}

#[test]
fn demo_data_is_valid_and_searchable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    let s = app.load_demo(300, 7).expect("demo");
    assert_eq!(s.enterprises, 300);
    assert!(s.licences >= 300 && s.products > 0, "{s:?}");
    assert!(app.setup_status().expect("status").profile.is_some(), "a demo profile was set up");
    let d = app.dashboard().expect("dash");
    assert_eq!(d.enterprise_count, 300);
    assert!(d.expired_licences > 0 && d.expiring_licences > 0, "{d:?}");
    let again = app.load_demo(300, 7).expect("a second load adds, never collides");
    assert_eq!((again.enterprises, app.dashboard().expect("dash").enterprise_count), (300, 600));
    let q = EnterpriseQuery { text: Some("口罩".into()), ..Default::default() };
    assert!(app.list_enterprises(q).expect("list").total > 0);
}

/// A small roster file: a title row, a header, three good rows and one with a bad USCC.
fn roster_file(dir: &std::path::Path, bad: bool) -> String {
    let path = dir.join(if bad { "roster-bad.xlsx" } else { "roster.xlsx" });
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "卫滨区口罩企业名录").expect("w");
    for (c, h) in ["序号", "企业名称", "统一社会信用代码", "地址", "法人代表"].iter().enumerate() {
        ws.write_string(1, c as u16, *h).expect("w");
    }
    let rows = [
        ("新乡市卫滨区康达口罩有限公司", valid_uscc("91410700MA1000021")),
        ("新乡市红旗区安心防护用品厂", valid_uscc("91410700MA1000022")),
        ("牧野区德康医疗器械有限公司", valid_uscc("91410700MA1000023")),
    ];
    for (i, (name, uscc)) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).expect("w");
        ws.write_string(r, 1, *name).expect("w");
        ws.write_string(r, 2, uscc).expect("w");
        ws.write_string(r, 3, "新乡市平原路18号").expect("w");
    }
    if bad {
        ws.write_string(5, 1, "错误代码口罩厂").expect("w");
        ws.write_string(5, 2, "91410700MA1000024X").expect("w");
    }
    wb.save(&path).expect("save");
    path.display().to_string()
}

fn opts(path: &str, skip_invalid: bool) -> maskcheck_app::ImportOptions {
    maskcheck_app::ImportOptions {
        path: path.into(),
        sheet: None,
        columns: None,
        skip_invalid,
        all_rows: None,
        new_counties: None,
    }
}

#[test]
fn import_previews_then_commits_all_or_nothing() {
    let (dir, app) = app();
    let path = roster_file(dir.path(), true);
    let preview = app.import_preview(opts(&path, false)).expect("preview");
    assert_eq!((preview.counts.inserts, preview.counts.errors), (3, 1));
    let bad = preview.rows.iter().find(|r| !r.errors.is_empty()).expect("bad row");
    assert_eq!((bad.row, bad.errors[0].column.as_str()), (6, "统一社会信用代码"));
    assert_eq!(app.dashboard().expect("d").enterprise_count, 0, "a preview writes nothing");

    let err = app.import_commit(opts(&path, false), &|_, _| {}).expect_err("errors refuse the file");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("第 6 行"), "{}", err.message);
    assert_eq!(app.dashboard().expect("d").enterprise_count, 0, "nothing half-written");

    let done = app.import_commit(opts(&path, true), &|_, _| {}).expect("skip invalid");
    assert_eq!((done.inserted, done.skipped.len()), (3, 1));
    assert_eq!(search(&app, "康达"), vec!["新乡市卫滨区康达口罩有限公司"]);

    let again = app.import_preview(opts(&roster_file(dir.path(), false), false)).expect("again");
    assert_eq!((again.counts.inserts, again.counts.unchanged), (0, 3), "re-importing changes nothing");
}

/// A roster of `n` valid rows (two columns) and, when `bad_at` is given, an invalid USCC in that data row.
fn long_roster(dir: &std::path::Path, n: u64, bad_at: Option<u64>) -> String {
    let path = dir.join(format!("roster-{n}-{bad_at:?}.xlsx"));
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "企业名称").expect("w");
    ws.write_string(0, 1, "统一社会信用代码").expect("w");
    for i in 0..n {
        let r = 1 + i as u32;
        ws.write_string(r, 0, format!("卫滨区第{i}口罩厂")).expect("w");
        let uscc =
            if bad_at == Some(i) { "91410700MA1000024X".into() } else { maskcheck_domain::sample::sample_uscc(i, 0) };
        ws.write_string(r, 1, uscc).expect("w");
    }
    wb.save(&path).expect("save");
    path.display().to_string()
}

/// The import writes rows while it reads the next ones: a bad row found after thousands were written (past the
/// point where their search entries and change log are written too) or a cancel must still leave nothing behind.
#[test]
fn rows_written_before_a_refusal_or_a_cancel_are_all_rolled_back() {
    let (dir, app) = app();
    let changes = || {
        let store = maskcheck_store::Store::open_read_only(&dir.path().join("maskcheck.db"), None).expect("store");
        store.changed_rows(0, store.last_change().expect("last"), true).expect("changes").len()
    };
    let before = changes();
    let n = 10_000;
    let bad = long_roster(dir.path(), n, Some(n - 2));
    // Written and indexed before the bad row is read.
    let early = "卫滨区第100口罩厂".to_string();
    let err = app.import_commit(opts(&bad, false), &|_, _| {}).expect_err("a bad row refuses the file");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains(&format!("第 {} 行", n)), "{}", err.message);
    assert_eq!(app.dashboard().expect("d").enterprise_count, 0, "nothing half-written");
    assert!(search(&app, &early).is_empty(), "no search entry left");
    assert_eq!(changes(), before, "no change left to send");

    let good = long_roster(dir.path(), n, None);
    let cancelled = app.import_commit(opts(&good, false), &|done, _| {
        if done > 5_000 {
            app.cancel();
        }
    });
    assert_eq!(cancelled.expect_err("cancelled").code, ErrorCode::Cancelled);
    assert_eq!(app.dashboard().expect("d").enterprise_count, 0, "a cancel writes nothing");

    let done = app.import_commit(opts(&bad, true), &|_, _| {}).expect("skip the bad row");
    assert_eq!((done.inserted, done.skipped.len()), (n as u32 - 1, 1));
    assert_eq!(app.dashboard().expect("d").enterprise_count, n as u32 - 1);
    assert_eq!(search(&app, &early), vec![early.clone()]);
    assert_eq!(changes(), before + n as usize - 1, "one change per row");
}

#[test]
fn a_plain_export_reimports_unchanged_and_appendix3_is_readable() {
    let (dir, app) = app();
    app.load_demo(40, 9).expect("demo");
    let plain = dir.path().join("名录.xlsx").display().to_string();
    let out = app.export_roster(&plain, false).expect("export");
    assert_eq!(out.rows, 40);
    let back = app.import_preview(opts(&plain, false)).expect("reimport");
    assert_eq!((back.counts.unchanged, back.counts.inserts, back.counts.errors), (40, 0, 0), "{:?}", back.rows.first());

    let a3 = dir.path().join("附件3.xlsx").display().to_string();
    let out = app.export_roster(&a3, true).expect("appendix 3");
    let makers = app
        .list_enterprises(EnterpriseQuery { kind: Some(EnterpriseKind::Maker), limit: 1000, ..Default::default() })
        .expect("list")
        .rows
        .iter()
        .filter(|r| !r.medical)
        .count();
    assert_eq!(out.rows as usize, makers);
    let preview = app.import_preview(opts(&a3, false)).expect("appendix 3 is a roster too");
    assert_eq!(preview.header_rows, vec![3]);
    // Same enterprises: nothing new, nothing wrong; its 产品类别/执行标准 columns land in the note.
    let c = &preview.counts;
    assert_eq!((c.inserts, c.errors, (c.unchanged + c.updates) as usize), (0, 0, makers));
}

#[test]
fn an_unreadable_file_is_a_clear_error() {
    let (dir, app) = app();
    let path = dir.path().join("x.xlsx");
    std::fs::write(&path, "企业名称,统一社会信用代码\n").expect("write");
    let err = app.import_preview(opts(&path.display().to_string(), false)).expect_err("csv");
    assert_eq!(err.code, ErrorCode::UnreadableFile);
    assert!(err.message.contains("x.xlsx"), "{}", err.message);
    assert_eq!(err.subject.as_deref(), Some(path.display().to_string().as_str()), "the file, as data");
}

/// A draft started by mistake is voided with a reason: it leaves the lists, cannot be saved or finished, and a
/// blank reason is refused with nothing written.
#[test]
fn a_draft_is_voided_not_deleted() {
    let (_dir, app) = app();
    let enterprise = medical_maker(&app);
    let started = app.start_inspection(&enterprise, "medicalMaker", None).expect("start");
    let blank = app.void_inspection(&started.id, "  ").expect_err("reason required");
    assert_eq!(blank.fields[0].rule, Rule::Required);
    assert_eq!(app.list_inspections(None, true).expect("list").len(), 1, "a refused void writes nothing");
    app.void_inspection(&started.id, "选错了企业").expect("void");
    assert!(app.list_inspections(None, false).expect("list").is_empty());
    let save = app.save_inspection(&started.id, started.draft.clone()).expect_err("gone");
    assert_eq!(save.code, ErrorCode::NotFound);
    assert_eq!(app.finish_inspection(&started.id).expect_err("gone").code, ErrorCode::NotFound);
}

/// Not-found and frozen errors name their record by a closed enum and the id as data, so the window words them in
/// its own language; they are never recognised by their message text.
#[test]
fn errors_name_their_record_by_enum() {
    use maskcheck_domain::Entity;
    let (_dir, app) = app();
    let cases: Vec<(&str, maskcheck_app::AppError, Entity)> = vec![
        ("enterprise", app.enterprise_detail("nope").expect_err("none"), Entity::Enterprise),
        ("inspection", app.inspection("nope").expect_err("none"), Entity::Inspection),
        ("document", app.document("nope").expect_err("none"), Entity::Document),
        ("sample", app.sample("nope").expect_err("none"), Entity::Sample),
    ];
    for (name, err, entity) in cases {
        assert_eq!(
            (err.code, err.entity, err.subject.as_deref()),
            (ErrorCode::NotFound, Some(entity), Some("nope")),
            "{name}"
        );
    }
    let enterprise = medical_maker(&app);
    let started = app.start_inspection(&enterprise, "medicalMaker", None).expect("start");
    let inspection = started.id;
    let mut draft = started.draft;
    draft.place = "车间".into();
    draft.representative = "陈立明".into();
    draft.inspectors[1] = maskcheck_domain::inspection::Inspector { name: "李四".into(), cert_no: "HA0002".into() };
    for f in &mut draft.findings {
        f.confirmed = true;
    }
    app.save_inspection(&inspection, draft.clone()).expect("save");
    app.finish_inspection(&inspection).expect("finish");
    let frozen = app.save_inspection(&inspection, draft).expect_err("frozen");
    assert_eq!((frozen.code, frozen.entity), (ErrorCode::Validation, Some(Entity::Inspection)));
}

/// A medical maker whose registration certificate expired last month, with one product.
fn medical_maker(app: &App) -> String {
    let mut e = EnterpriseInput::new("新乡市卫滨区康宁医用口罩有限公司", valid_uscc("91410700MA1000051"));
    e.medical = true;
    e.production_address = Some("新乡市卫滨区华兰大道1号".into());
    let id = app.create_enterprise(e).expect("enterprise").id;
    let expired = LicenceInput {
        kind: LicenceKind::DeviceRegistration,
        number: "豫械注准20212140051".into(),
        holder: None,
        scope: None,
        issued_on: None,
        valid_until: Some(maskcheck_app::today() - chrono::Duration::days(30)),
        issuer: None,
    };
    app.save_licence(&id, None, expired).expect("licence");
    let product = maskcheck_domain::ProductInput {
        name: "一次性使用医用口罩".into(),
        category: maskcheck_domain::ProductCategory::MedicalDisposable,
        standard: Some("YY/T 0969-2013".into()),
        grade: None,
        specification: Some("17.5cm×9.5cm".into()),
        registration_cert_no: Some("豫械注准20212140051".into()),
    };
    app.save_product(&id, None, product).expect("product");
    id
}

#[test]
fn an_inspection_proposes_findings_and_freezes_when_finished() {
    use maskcheck_domain::inspection::{Inspector, IntakeRow, Material};
    use maskcheck_domain::standards::LabelElement;
    let (dir, app) = app();
    let enterprise = medical_maker(&app);
    let started = app.start_inspection(&enterprise, "medicalMaker", None).expect("start");
    assert_eq!(started.draft.inspectors[0].name, "张三", "the profile's inspector first");
    let keys = |d: &maskcheck_domain::inspection::InspectionDraft| {
        d.findings.iter().map(|f| f.key.split(':').next_back().unwrap_or_default().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(keys(&started.draft), vec!["expired"], "the expired registration is proposed at once");

    let mut draft = started.draft.clone();
    draft.intake.push(IntakeRow {
        id: "r1".into(),
        material: Material::Meltblown,
        supplier: "某熔喷布有限公司".into(),
        batch: "MB-2611".into(),
        quantity: Some(1.5),
        unit: "吨".into(),
        received_on: None,
        certificate_seen: true,
        report_seen: false,
        claimed_filtration: Some(95.0),
        record_ok: true,
        note: None,
    });
    draft.labels[0].present.retain(|e| *e != LabelElement::StandardNumber);
    draft.representative = "王五（厂长）".into();
    let saved = app.save_inspection(&started.id, draft).expect("autosave");
    assert_eq!(keys(&saved), vec!["expired", "report", "StandardNumber"]);
    // The duty broken and the order power, never the penalty article as the duty (issue 9).
    let laws: Vec<(Vec<String>, Option<String>)> =
        saved.findings.iter().map(|f| (f.law.duty.clone(), f.law.order.clone())).collect();
    let law = |duty: &[&str], order: &str| (duty.iter().map(|d| d.to_string()).collect(), Some(order.to_string()));
    assert_eq!(
        laws,
        vec![law(&["mdr-13"], "apl-28"), law(&["mdr-35", "mpr-31"], "mpr-76"), law(&["mdr-39"], "mdr-88")]
    );

    let err = app.finish_inspection(&started.id).expect_err("one inspector");
    assert!(err.fields.iter().any(|f| f.rule == Rule::TooFewInspectors), "{err:?}");
    let mut draft = saved.clone();
    draft.inspectors[1] = Inspector { name: "李四".into(), cert_no: "HA0002".into() };
    let saved = app.save_inspection(&started.id, draft).expect("second inspector");
    let err = app.finish_inspection(&started.id).expect_err("unconfirmed");
    assert_eq!(err.fields[0].rule, Rule::Unconfirmed);
    let mut draft = saved.clone();
    for f in &mut draft.findings {
        f.confirmed = true;
    }
    app.save_inspection(&started.id, draft.clone()).expect("confirmed");

    // A photo, attached twice, is stored once.
    let photo = dir.path().join("label.png");
    image::RgbImage::from_pixel(1200, 900, image::Rgb([200, 30, 30])).save(&photo).expect("png");
    let p = photo.display().to_string();
    let a = app.attach_photo(&started.id, "label:x", &p, "标签正面").expect("attach");
    let b = app.attach_photo(&started.id, "intake:r1", &p, "").expect("attach again");
    assert_eq!(a.hash, b.hash);
    assert!(a.thumbnail.starts_with("data:image/jpeg;base64,"));
    let stored: usize =
        walk(&dir.path().join("attachments")).into_iter().filter(|p| !p.to_string_lossy().contains("thumbs")).count();
    assert_eq!(stored, 1, "one original for two links");
    let not_image = dir.path().join("x.png");
    std::fs::write(&not_image, "text").expect("write");
    assert_eq!(
        app.attach_photo(&started.id, "t", &not_image.display().to_string(), "").expect_err("text").code,
        ErrorCode::UnreadableFile
    );

    let done = app.finish_inspection(&started.id).expect("finish");
    assert!(done.finished && done.finished_at.is_some());
    assert_eq!(done.photos.len(), 2);
    let err = app.save_inspection(&started.id, draft).expect_err("frozen");
    assert_eq!(err.fields[0].rule, Rule::Frozen);
    let rows = app.list_inspections(Some(&enterprise), false).expect("list");
    assert_eq!((rows.len(), rows[0].findings, rows[0].finished), (1, 3, true));
    assert!(app.list_inspections(None, true).expect("drafts").is_empty());

    // A correction is a new draft that points at the frozen record; the record itself is unchanged.
    let correction = app.start_inspection(&enterprise, "medicalMaker", Some(&started.id)).expect("amend");
    assert_eq!(correction.amends_id.as_deref(), Some(started.id.as_str()));
    assert!(!correction.finished);
    assert_eq!(app.inspection(&started.id).expect("original").draft.findings.len(), 3);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let (dir, app) = app();
    let source = tempfile::tempdir().expect("tempdir");
    let src = App::open(source.path()).expect("open");
    src.load_demo(2500, 4).expect("demo");
    let file = dir.path().join("big.xlsx").display().to_string();
    src.export_roster(&file, false).expect("export");
    // The demo's roster spans the city's counties: confirmed as new, as the wizard lets a user do.
    let preview = app.import_preview(opts(&file, false)).expect("preview");
    assert!(!preview.new_counties.is_empty(), "the counties the unit does not know are listed");
    let opts = |file: &str, skip: bool| maskcheck_app::ImportOptions {
        new_counties: Some(preview.new_counties.clone()),
        ..opts(file, skip)
    };
    let err = app
        .import_commit(opts(&file, false), &|done, _| {
            if done >= 1000 {
                app.cancel()
            }
        })
        .expect_err("cancelled");
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_eq!(app.dashboard().expect("d").enterprise_count, 0, "rolled back");
    let done = app.import_commit(opts(&file, false), &|_, _| {}).expect("a new import is not cancelled");
    assert_eq!(done.inserted, 2500);
}

/// A finished inspection of the medical maker with its one proposed finding (the expired registration).
fn finished_inspection(app: &App) -> (String, String) {
    use maskcheck_domain::inspection::Inspector;
    let enterprise = medical_maker(app);
    let started = app.start_inspection(&enterprise, "medicalMaker", None).expect("start");
    let mut draft = started.draft.clone();
    draft.inspectors[1] = Inspector { name: "李四".into(), cert_no: "HA0002".into() };
    draft.representative = "王五（厂长）".into();
    draft.place = "生产车间".into();
    let mut draft = app.save_inspection(&started.id, draft).expect("save");
    for f in &mut draft.findings {
        f.confirmed = true;
    }
    app.save_inspection(&started.id, draft).expect("confirm");
    app.finish_inspection(&started.id).expect("finish");
    (enterprise, started.id)
}

#[test]
fn a_notice_is_issued_frozen_followed_up_and_cleared_by_reinspection() {
    use maskcheck_app::IssueRequest;
    use maskcheck_domain::followup::{ReinspectionInput, Urgency, VerifiedCorrection};
    use maskcheck_domain::inspection::Inspector;
    let (dir, app) = app();
    let (enterprise, inspection) = finished_inspection(&app);
    let deadline = maskcheck_app::today() + chrono::Duration::days(5);

    // Refused input allocates no number and writes nothing.
    let empty = IssueRequest::RectificationNotice {
        inspection_id: inspection.clone(),
        deadline: Some(deadline),
        corrections: vec![" ".into()],
    };
    let err = app.issue_document(&empty).expect_err("no corrections");
    assert_eq!((err.fields[0].field, err.fields[0].rule), (Field::Corrections, Rule::Required));
    assert!(app.documents(&Default::default()).expect("list").is_empty());

    let req = IssueRequest::RectificationNotice {
        inspection_id: inspection.clone(),
        deadline: Some(deadline),
        corrections: vec!["停止使用过期注册证生产，办理延续注册。".into(), "整改完成后书面报告。".into()],
    };
    let preview = app.preview_document(&req).expect("preview");
    let words: String = preview.pages.iter().flat_map(|p| &p.texts).map(|t| t.text.as_str()).collect();
    assert!(
        words.contains("新乡市卫滨区康宁医用口罩有限公司") && words.contains(&preview.number),
        "the number it will print"
    );
    assert!(app.documents(&Default::default()).expect("list").is_empty(), "a preview issues nothing");

    let issued = app.issue_document(&req).expect("issue");
    let year = chrono::Datelike::year(&maskcheck_app::today());
    let tag = maskcheck_domain::document::device_tag(&app.setup_status().expect("s").profile.expect("p").device_id);
    assert_eq!(issued.document.number, format!("卫市监责改〔{year}〕{tag}-1号"), "no block set: the device's fallback");
    assert!(issued.bytes < 200 * 1024 && issued.missing.is_empty());
    let pdf = app.document_pdf(&issued.document.id).expect("pdf matches its hash");
    assert!(pdf.starts_with(b"%PDF"));

    // Tampering with the stored file is detected.
    let path = dir.path().join("documents").join(format!("{}.pdf", issued.document.id));
    std::fs::write(&path, b"%PDF-1.7 forged").expect("tamper");
    assert_eq!(app.document_pdf(&issued.document.id).expect_err("tampered").code, ErrorCode::Storage);
    std::fs::write(&path, &pdf).expect("restore");

    let due = app.followups(None, true).expect("followups");
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].urgency, due[0].days_left, due[0].corrections.len()), (Urgency::DueSoon, 5, 2));
    assert!(app.enterprise_detail(&enterprise).expect("detail").production_barred);

    let inspectors = vec![
        Inspector { name: "张三".into(), cert_no: "HA0001".into() },
        Inspector { name: "李四".into(), cert_no: "HA0002".into() },
    ];
    let verified = |done: bool| {
        due[0]
            .corrections
            .iter()
            .map(|c| VerifiedCorrection { correction: c.clone(), done, note: String::new() })
            .collect()
    };
    let partial = ReinspectionInput {
        rectification_id: due[0].rectification_id.clone(),
        date: maskcheck_app::today(),
        inspectors: inspectors.clone(),
        verified: verified(false),
        note: "注册证延续申请尚未获批".into(),
    };
    let r = app.reinspect(&partial).expect("incomplete re-inspection");
    assert!(!r.complete && r.production_barred);
    assert_eq!(app.followups(None, true).expect("still open").len(), 1);
    let full = ReinspectionInput { verified: verified(true), ..partial };
    let r = app.reinspect(&full).expect("complete re-inspection");
    assert!(r.complete && !r.production_barred);
    assert!(app.followups(None, false).expect("closed").is_empty());
    assert!(!app.enterprise_detail(&enterprise).expect("detail").production_barred);
    assert_eq!(app.reinspect(&full).expect_err("already closed").code, ErrorCode::NotFound);
}

#[test]
fn number_blocks_come_first_then_the_tagged_fallback_and_every_kind_issues() {
    use maskcheck_app::IssueRequest;
    use maskcheck_domain::document::{DocKind, GoodsRow, Measure};
    let (_dir, app) = app();
    let (enterprise, inspection) = finished_inspection(&app);
    let year = chrono::Datelike::year(&maskcheck_app::today());
    app.add_number_block(maskcheck_domain::document::NumberBlock { year, first: 41, last: 42 }).expect("block");
    let overlap = app.add_number_block(maskcheck_domain::document::NumberBlock { year, first: 42, last: 50 });
    assert_eq!(overlap.expect_err("overlap").fields[0].rule, Rule::Overlap);
    let record = IssueRequest::InspectionRecord { inspection_id: inspection.clone(), party_words: Default::default() };
    // The preview shows the number issuing would print, allocating nothing; a fallback number is flagged.
    let numbers: Vec<String> = (0..3)
        .map(|n| {
            let preview = app.preview_document(&record).expect("preview");
            assert_eq!(app.preview_document(&record).expect("again").number, preview.number, "nothing allocated");
            assert_eq!(preview.fallback, n == 2, "{}", preview.number);
            let issued = app.issue_document(&record).expect("issue").document.number;
            assert_eq!(issued, preview.number, "the preview said what prints");
            issued
        })
        .collect();
    assert_eq!(numbers[0], format!("卫市监检录〔{year}〕41号"));
    assert_eq!(numbers[1], format!("卫市监检录〔{year}〕42号"));
    assert!(numbers[2].contains("-1号"), "{}", numbers[2]);

    let today = maskcheck_app::today();
    let goods = vec![GoodsRow {
        name: "一次性使用医用口罩".into(),
        spec: "17.5cm×9.5cm".into(),
        batch: "2611".into(),
        quantity: 5000.0,
        unit: "只".into(),
        note: String::new(),
    }];
    let too_long = IssueRequest::CoerciveMeasure {
        inspection_id: Some(inspection.clone()),
        sample_id: None,
        measure: Measure::Seal,
        goods: goods.clone(),
        goods_place: "成品仓库".into(),
        from: today,
        until: today + chrono::Duration::days(45),
        party_words: Default::default(),
    };
    assert_eq!(app.issue_document(&too_long).expect_err("45 days").fields[0].rule, Rule::TooLongPeriod);
    let seal = IssueRequest::CoerciveMeasure {
        inspection_id: Some(inspection.clone()),
        sample_id: None,
        measure: Measure::Seal,
        goods,
        goods_place: "成品仓库".into(),
        from: today,
        until: today + chrono::Duration::days(29),
        party_words: Default::default(),
    };
    let decision = app.issue_document(&seal).expect("decision");
    assert_eq!(decision.document.kind, DocKind::CoerciveMeasure);
    assert!(decision.pages >= 2, "the goods list travels on its own page");

    let sample = app
        .create_sample(&maskcheck_domain::casework::SampleInput {
            enterprise_id: enterprise.clone(),
            inspection_id: Some(inspection.clone()),
            product_name: "一次性使用医用口罩".into(),
            trademark: "康宁".into(),
            spec_model: "17.5cm×9.5cm".into(),
            batch_or_date: "20261101".into(),
            manufacturer: "新乡市卫滨区康宁医用口罩有限公司".into(),
            quantity: "60只".into(),
            base_quantity: "5000只".into(),
            test_samples: "40只".into(),
            reserve_samples: "20只".into(),
            place: "成品仓库".into(),
            sampled_on: today,
            sampled_time: chrono::NaiveTime::from_hms_opt(9, 40, 0),
            seal_numbers: "XX-2026-0001、XX-2026-0002".into(),
            basis: "口罩质量专项整治监督抽查任务".into(),
            testing_body: "河南省医疗器械检验所".into(),
            samplers: vec![
                maskcheck_domain::inspection::Inspector { name: "张三".into(), cert_no: "HA0001".into() },
                maskcheck_domain::inspection::Inspector { name: "李四".into(), cert_no: "HA0002".into() },
            ],
            standard: String::new(),
            grade: String::new(),
        })
        .expect("sample");
    let record = app
        .issue_document(&IssueRequest::SamplingRecord { sample_id: sample.id.clone(), party_words: Default::default() })
        .expect("sampling record");
    // One record per sample while it stands: printing again opens it, it is not issued twice.
    assert_eq!(app.sample(&sample.id).expect("sample").record.map(|d| d.id), Some(record.document.id.clone()));
    let again = app.issue_document(&IssueRequest::SamplingRecord {
        sample_id: sample.id.clone(),
        party_words: Default::default(),
    });
    let err = again.expect_err("issued once");
    assert_eq!((err.code, err.subject.as_deref()), (ErrorCode::Validation, Some(record.document.id.as_str())));
    let service =
        app.issue_document(&IssueRequest::ServiceProof { document_id: decision.document.id.clone() }).expect("proof");
    assert_eq!(service.document.kind, DocKind::ServiceProof);
    // The 文书 page's filter: the decision awaits service, the records signed on site do not.
    use maskcheck_domain::document::DocState;
    let awaiting = |app: &maskcheck_app::App| -> Vec<DocKind> {
        let docs = app.documents_in(&Default::default(), Some(DocState::AwaitingService)).expect("list");
        docs.into_iter().map(|d| d.kind).collect()
    };
    assert!(awaiting(&app).contains(&DocKind::CoerciveMeasure));
    assert!(!awaiting(&app).contains(&DocKind::SamplingRecord) && !awaiting(&app).contains(&DocKind::ServiceProof));
    // Left at the address because the party refused it: the reason and a witness (or a photo) are required.
    let left = |refusal: Option<&str>, witness: Option<&str>| maskcheck_app::ServiceInput {
        document_id: decision.document.id.clone(),
        served_at: Some("2026-11-23T15:00:00+08:00".into()),
        method: maskcheck_domain::document::ServiceMethod::Left,
        recipient: "王五".into(),
        scan_path: None,
        refusal: refusal.map(Into::into),
        witness: witness.map(Into::into),
        consented: false,
    };
    let refused = app.record_service(&left(None, None)).expect_err("nothing recorded of the refusal");
    let broken: Vec<_> = refused.fields.iter().map(|f| (f.field, f.rule)).collect();
    assert_eq!(broken, vec![(Field::Reason, Rule::Required), (Field::Witness, Rule::WitnessOrPhoto)]);
    assert!(awaiting(&app).contains(&DocKind::CoerciveMeasure), "a refused service writes nothing");
    let served = app.record_service(&left(Some("拒绝签收"), Some("社区主任李某"))).expect("served");
    // The inspector's local time with its offset, not UTC and not the window's wording.
    assert_eq!(served.served_at.as_deref(), Some("2026年11月23日15时00分"), "shown in local time");
    let bad_time = app.record_service(&maskcheck_app::ServiceInput {
        document_id: decision.document.id.clone(),
        served_at: Some("2026-11-23 15:00".into()),
        method: maskcheck_domain::document::ServiceMethod::Direct,
        recipient: "王五".into(),
        scan_path: None,
        refusal: None,
        witness: None,
        consented: false,
    });
    assert!(bad_time.is_err(), "a time without its offset is refused");
    assert!(!awaiting(&app).contains(&DocKind::CoerciveMeasure), "served");
    let revoked = app.revoke_document(&decision.document.id, "财物清单数量有误").expect("revoke");
    assert_eq!(revoked.revoked.as_deref(), Some("财物清单数量有误"));
    assert_eq!(revoked.state, DocState::Revoked);
    let listed = app.documents_in(&Default::default(), Some(DocState::Revoked)).expect("revoked");
    assert_eq!(listed.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), vec![decision.document.id.as_str()]);
    let all = app.documents(&Default::default()).expect("list");
    let unique: std::collections::HashSet<_> = all.iter().map(|d| &d.number).collect();
    assert_eq!((all.len(), unique.len()), (6, 6), "the refused second sampling record took no number");
}

/// A refused edit writes nothing (issue 9): a licence or product saved under an enterprise it does not belong to
/// is not found, and the record keeps its values.
#[test]
fn a_child_saved_under_another_enterprise_is_refused_and_unchanged() {
    let (_d, app) = app();
    let owner = medical_maker(&app);
    let other = app.create_enterprise(EnterpriseInput::new("乙口罩厂", valid_uscc("91410700MA1000009"))).expect("b").id;
    let detail = app.enterprise_detail(&owner).expect("detail");
    let (licence, product) = (detail.licences[0].clone(), detail.products[0].clone());

    let mut l = licence.data.clone();
    l.number = "豫械注准20212149999".into();
    let err = app.save_licence(&other, Some(&licence.id), l).expect_err("not the owner");
    assert_eq!(err.code, ErrorCode::NotFound, "{err:?}");
    let mut p = product.data.clone();
    p.name = "改名口罩".into();
    let err = app.save_product(&other, Some(&product.id), p).expect_err("not the owner");
    assert_eq!(err.code, ErrorCode::NotFound, "{err:?}");

    let after = app.enterprise_detail(&owner).expect("detail");
    assert_eq!(after.licences[0].data, licence.data, "the licence was not written");
    assert_eq!(after.products[0].data, product.data, "the product was not written");
}

/// A file of thousands of duplicates previews as a summary (issue 14): the counts are exact, the rows listed
/// are the first of each kind, and the refusal says the same numbers as the summary.
#[test]
fn a_preview_of_many_duplicates_is_a_summary_with_agreeing_counts() {
    let (dir, app) = app();
    let path = dir.path().join("dups.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "企业名称").expect("w");
    ws.write_string(0, 1, "统一社会信用代码").expect("w");
    let uscc = valid_uscc("91410700MA1000031");
    for r in 1..=1_501u32 {
        ws.write_string(r, 0, "同一家口罩厂").expect("w");
        ws.write_string(r, 1, &uscc).expect("w");
    }
    wb.save(&path).expect("save");
    let p = app.import_preview(opts(&path.display().to_string(), false)).expect("preview");
    assert_eq!((p.counts.inserts, p.counts.duplicates), (1, 1_500));
    assert_eq!(p.rows.len(), 1 + 1_000, "one insert and the first 1,000 duplicates");
    assert_eq!(p.omitted_rows, 500);
    let all = maskcheck_app::ImportOptions { all_rows: Some(true), ..opts(&path.display().to_string(), false) };
    assert_eq!(app.import_preview(all).expect("all").rows.len(), 1_501);
    let err = app.import_commit(opts(&path.display().to_string(), false), &|_, _| {}).expect_err("refused");
    assert!(err.message.starts_with("错误 0 行，重复 1500 行，未导入任何数据"), "{}", err.message);
    assert_eq!(app.dashboard().expect("dashboard").enterprise_count, 0, "nothing written");
}

/// A bureau's edited catalogue is the one the window shows and the PDFs print; one that lacks a key in use is
/// refused at start (setup status) and for every document, naming the file — never partly used.
#[test]
fn a_bureau_catalogue_is_used_whole_or_refused_at_start() {
    let (dir, app) = app();
    assert!(app.setup_status().expect("status").catalogue_error.is_none(), "the shipped catalogue");
    let shipped = include_str!("../../../assets/legal-basis.json");
    let mut cat: serde_json::Value = serde_json::from_str(shipped).expect("json");
    let entries = cat["entries"].as_array_mut().expect("entries");
    let first = entries[0]["key"].as_str().expect("key").to_string();
    entries[0]["text"] = "局里核对后的条文。".into();
    let path = dir.path().join("legal-basis.json");
    std::fs::write(&path, serde_json::to_string(&cat).expect("json")).expect("write");
    let shown = app.legal_catalogue().expect("edited catalogue");
    assert_eq!(shown.iter().find(|b| b.key == first).expect("entry").text, "局里核对后的条文。", "the window shows it");

    let entries = cat["entries"].as_array_mut().expect("entries");
    let removed = entries.iter().position(|e| e["key"] == "mdr-13").expect("a key the rules cite");
    entries.remove(removed);
    std::fs::write(&path, serde_json::to_string(&cat).expect("json")).expect("write");
    let err = app.setup_status().expect("status").catalogue_error.expect("refused at start");
    assert_eq!(err.code, ErrorCode::CatalogueRefused);
    assert_eq!(err.subject.as_deref(), Some(path.display().to_string().as_str()));
    assert!(err.message.contains("mdr-13"), "names the missing key: {}", err.message);
    assert_eq!(app.legal_catalogue().expect_err("refused").code, ErrorCode::CatalogueRefused);
}

/// A seal is extended once by at most thirty days and released after its decision, each by a decision of its own
/// that names it; a refused one allocates no number and writes nothing; a released measure leaves the dashboard.
#[test]
fn a_seal_is_extended_once_then_released_each_by_its_own_decision() {
    use maskcheck_app::IssueRequest;
    use maskcheck_domain::document::{DocKind, GoodsRow, Measure, PartyWords, ReleaseGround};
    let (_dir, app) = app();
    let (_enterprise, inspection) = finished_inspection(&app);
    let today = maskcheck_app::today();
    let seal = |party_words: PartyWords| IssueRequest::CoerciveMeasure {
        inspection_id: Some(inspection.clone()),
        sample_id: None,
        measure: Measure::Seal,
        goods: vec![GoodsRow {
            name: "KN95 口罩".into(),
            spec: String::new(),
            batch: "20261101".into(),
            quantity: 2000.0,
            unit: "只".into(),
            note: String::new(),
        }],
        goods_place: "成品仓库".into(),
        from: today,
        until: today + chrono::Duration::days(5),
        party_words,
    };
    // The party refused to sign: the on-site record needs a witness.
    let refused = PartyWords { refused_to_sign: true, ..PartyWords::default() };
    let err = app.issue_document(&seal(refused.clone())).expect_err("no witness");
    assert_eq!((err.fields[0].field, err.fields[0].rule), (Field::Witness, Rule::WitnessRequired));
    let absent = PartyWords { absent: true, witness: Some("村委会王平".into()), ..PartyWords::default() };
    let decision = app.issue_document(&seal(absent)).expect("decision").document;
    let count = |app: &App| app.documents(&Default::default()).expect("docs").len();
    let before = count(&app);

    let m = app.measure(&decision.id).expect("measure");
    assert!(m.may_extend && m.in_force() && m.until == today + chrono::Duration::days(5));
    assert_eq!(app.measures(true).expect("due").len(), 1, "ending within the week");

    let extend = |days: i64, reason: &str| IssueRequest::MeasureExtension {
        decision_id: decision.id.clone(),
        new_until: today + chrono::Duration::days(5 + days),
        reason: reason.into(),
    };
    type Case = (&'static str, i64, &'static str, Field, Rule);
    let refusals: Vec<Case> = vec![
        ("thirty-one days", 31, "待检验", Field::MeasureUntil, Rule::TooLongPeriod),
        ("no reason", 10, " ", Field::Reason, Rule::Required),
        ("not later", 0, "待检验", Field::MeasureUntil, Rule::DateOrder),
    ];
    for (what, days, reason, field, rule) in refusals {
        let err = app.issue_document(&extend(days, reason)).expect_err(what);
        assert_eq!((err.fields[0].field, err.fields[0].rule), (field, rule), "{what}");
    }
    assert_eq!(count(&app), before, "a refusal writes nothing");
    let x = app.issue_document(&extend(30, "检验结果尚未出具，案情复杂")).expect("extension");
    assert_eq!(x.document.kind, DocKind::MeasureExtension);
    assert!(x.document.needs_service && x.document.number.contains("延期"), "{}", x.document.number);
    let m = app.measure(&decision.id).expect("extended");
    assert_eq!((m.until, m.extended_until, m.may_extend), (today + chrono::Duration::days(35), Some(m.until), false));
    assert!(app.measures(true).expect("due").is_empty(), "35 days left: no longer due");
    let again = app.issue_document(&extend(20, "再次延长")).expect_err("once only");
    assert_eq!(again.fields[0].rule, Rule::AlreadyExtended);

    let release = |on: chrono::NaiveDate| IssueRequest::MeasureRelease {
        decision_id: decision.id.clone(),
        ground: ReleaseGround::NoOffence,
        reason: "检验结论为合格".into(),
        released_on: on,
    };
    let early = app.issue_document(&release(today - chrono::Duration::days(1))).expect_err("before the decision");
    assert_eq!((early.fields[0].field, early.fields[0].rule), (Field::ReleasedOn, Rule::DateOrder));
    let released = app.issue_document(&release(today)).expect("release");
    assert_eq!(released.document.kind, DocKind::MeasureRelease);
    let m = app.measure(&decision.id).expect("released");
    assert!(!m.in_force() && !m.may_extend && m.released_on == Some(today));
    assert_eq!(app.issue_document(&release(today)).expect_err("twice").fields[0].rule, Rule::AlreadyReleased);
    assert_eq!(count(&app), before + 2);

    // Revoking the release puts the measure back in force; a revoked decision takes nothing more.
    app.revoke_document(&released.document.id, "解除理由有误").expect("revoke release");
    assert!(app.measure(&decision.id).expect("back").in_force());
    app.revoke_document(&decision.id, "决定有误").expect("revoke decision");
    assert_eq!(app.issue_document(&release(today)).expect_err("revoked").code, ErrorCode::Validation);
}

/// A penalty decided by the ordinary procedure must be published within twenty working days of its decision: the
/// case shows the deadline, the dashboard's list holds it until it is published, and the export carries the
/// summary the publicity system takes, text as text.
#[test]
fn a_decided_penalty_is_due_for_publicity_and_exported_as_the_system_takes_it() {
    use calamine::{Data, Reader};
    use maskcheck_domain::casework::{new_case, Procedure};
    use maskcheck_domain::publicity::PenaltyDecision;
    let (dir, app) = app();
    let (enterprise, _) = finished_inspection(&app);
    let today = maskcheck_app::today();
    let decided_on = today - chrono::Duration::days(3);
    let penalty = PenaltyDecision {
        number: "卫市监处罚〔2026〕8号".into(),
        decided_on,
        facts: "生产过滤效率不符合GB 2626-2019的KN95口罩2000只".into(),
        basis: "《中华人民共和国产品质量法》第四十九条".into(),
        content: "没收不合格口罩2000只，罚款人民币5万元".into(),
        warning_only: false,
    };
    let case = maskcheck_domain::casework::CaseInput {
        enterprise_id: Some(enterprise.clone()),
        title: "过滤效率不合格案".into(),
        opened_on: today - chrono::Duration::days(20),
        fines_wan: 5.0,
        penalty: Some(penalty.clone()),
        ..new_case(today)
    };
    // A decision dated before the case was opened is refused and writes nothing.
    let early = maskcheck_domain::casework::CaseInput {
        penalty: Some(PenaltyDecision { decided_on: today - chrono::Duration::days(30), ..penalty.clone() }),
        ..case.clone()
    };
    assert_eq!(app.save_case(None, &early).expect_err("early").fields[0].field, Field::DecidedOn);
    assert!(app.cases().expect("cases").is_empty(), "a refusal writes nothing");

    let saved = app.save_case(None, &case).expect("case");
    let due = saved.publicity.clone().expect("must be published");
    let want = maskcheck_domain::workdays::WorkCalendar::shipped().add_working_days(decided_on, 20).date;
    assert_eq!(due.deadline, want);
    assert!(due.deadline - decided_on >= chrono::Duration::days(26), "twenty working days are four weeks or more");
    assert_eq!(app.publicity(true).expect("pending").len(), 1);

    // The simple procedure is not published.
    let simple = maskcheck_domain::casework::CaseInput { procedure: Procedure::Simple, ..case.clone() };
    assert!(app.save_case(None, &simple).expect("simple").publicity.is_none());

    let path = dir.path().join("公示.xlsx");
    let out = app.export_publicity(&path, true).expect("export");
    assert_eq!(out.rows, 1);
    let mut book = calamine::open_workbook_auto(&path).expect("open");
    let range = book.worksheet_range("行政处罚信息公示").expect("sheet");
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows[0][0], Data::String("行政处罚决定书文号".into()));
    let row = &rows[1];
    let text = |i: usize| match &row[i] {
        Data::String(s) => s.clone(),
        other => panic!("column {i} is not text: {other:?}"),
    };
    assert_eq!(text(0), penalty.number);
    assert_eq!(text(2), app.enterprise_detail(&enterprise).expect("e").enterprise.data.uscc);
    assert_eq!((text(5), text(6), text(7)), (penalty.facts.clone(), penalty.basis.clone(), penalty.content.clone()));
    assert_eq!(text(8), "5.00");
    assert_eq!(text(10), decided_on.format("%Y-%m-%d").to_string());
    assert_eq!(text(11), want.format("%Y-%m-%d").to_string());

    // Once published it leaves the pending list.
    let published = maskcheck_domain::casework::CaseInput { published_on: Some(today), ..case };
    app.save_case(Some(&saved.id), &published).expect("published");
    assert!(app.publicity(true).expect("pending").is_empty());
    assert_eq!(app.publicity(false).expect("all").len(), 1);
}

/// A failed sample starts a chain the dashboard follows until done: stop sales, the batch's buyers, each buyer's
/// goods recalled or sealed. Appendix 5's market and post-processing columns fill themselves from it; a refused
/// chain writes nothing; a passing sample has none.
#[test]
fn a_failed_sample_is_followed_until_sales_stop_and_every_buyer_is_dealt_with() {
    use maskcheck_domain::casework::{LabVerdict, SampleInput, SampleResultInput};
    use maskcheck_domain::failed_chain::{BuyerOutcome, FailedChain, OpenStep, TrailBuyer};
    let (_dir, app) = app();
    let (enterprise, inspection) = finished_inspection(&app);
    let today = maskcheck_app::today();
    let mut input: SampleInput = app.sample_defaults(&enterprise, Some(&inspection)).expect("defaults");
    input.product_name = "KN95 防护口罩".into();
    input.quantity = "60只".into();
    input.base_quantity = "5000只".into();
    input.batch_or_date = "20261101".into();
    input.seal_numbers = "XX-1、XX-2".into();
    input.basis = "专项抽查".into();
    input.testing_body = "省检验所".into();
    input.samplers.push(maskcheck_domain::inspection::Inspector { name: "李四".into(), cert_no: "HA0002".into() });
    let sample = app.create_sample(&input).expect("sample");
    let fail = SampleResultInput {
        verdict: LabVerdict::Fail,
        failing_items: "过滤效率".into(),
        failing: vec![],
        report_number: "R1".into(),
        lab: "省检验所".into(),
        nonconforming_quantity: Some(5000),
        reached_market: false,
        market_direction: String::new(),
        post_measures: String::new(),
        help_measures: String::new(),
        chain: FailedChain::default(),
    };
    app.record_sample_result(&sample.id, &fail).expect("failed");
    let steps = |app: &App| -> Vec<OpenStep> {
        app.chain_followups().expect("followups").into_iter().flat_map(|c| c.steps).collect()
    };
    assert_eq!(steps(&app), vec![OpenStep::StopSales, OpenStep::Trail]);

    let buyer = |name: &str, quantity: u64, outcome: BuyerOutcome| TrailBuyer {
        buyer: name.into(),
        place: "亭湖区".into(),
        quantity,
        sold_on: today,
        outcome,
        note: String::new(),
    };
    let unnamed = FailedChain {
        stop_sales_on: Some(today),
        trail: vec![buyer(" ", 10, BuyerOutcome::Pending)],
        none_sold: false,
    };
    let before = app.sample(&sample.id).expect("sample");
    let err = app.save_chain(&sample.id, &unnamed).expect_err("a buyer without a name");
    assert_eq!((err.fields[0].field, err.fields[0].rule), (Field::Buyer, Rule::Required));
    assert_eq!(app.sample(&sample.id).expect("sample").result, before.result, "a refusal writes nothing");

    let chain = FailedChain {
        stop_sales_on: Some(today),
        trail: vec![
            buyer("惠民大药房", 2000, BuyerOutcome::Recalled),
            buyer("康泰医疗器械店", 1000, BuyerOutcome::Pending),
        ],
        none_sold: false,
    };
    let saved = app.save_chain(&sample.id, &chain).expect("chain");
    let result = saved.result.expect("result");
    assert!(result.reached_market);
    assert_eq!(result.market_direction, "惠民大药房（亭湖区）2000只；康泰医疗器械店（亭湖区）1000只");
    assert_eq!(result.post_measures, "责令停止销售，召回2000只");
    assert_eq!(steps(&app), vec![OpenStep::Buyer { buyer: "康泰医疗器械店".into(), quantity: 1000 }]);

    let done = FailedChain {
        trail: vec![
            buyer("惠民大药房", 2000, BuyerOutcome::Recalled),
            buyer("康泰医疗器械店", 1000, BuyerOutcome::Sealed),
        ],
        ..chain
    };
    let result = app.save_chain(&sample.id, &done).expect("done").result.expect("result");
    assert_eq!(result.post_measures, "责令停止销售，召回2000只，在购货单位查封1000只", "derived again, not kept");
    assert!(steps(&app).is_empty(), "every step done: off the dashboard");

    // An exporting maker: customs and commerce are to be told, a follow-up until the notice is issued.
    let mut e = app.enterprise_detail(&enterprise).expect("enterprise").enterprise.data;
    e.exporter = true;
    app.update_enterprise(&enterprise, e).expect("exporter");
    assert_eq!(steps(&app), vec![OpenStep::ExportNotice]);
    let notice = |recipients: Vec<String>| maskcheck_app::IssueRequest::ExportNotice {
        sample_id: sample.id.clone(),
        recipients,
    };
    let err = app.issue_document(&notice(vec![" ".into()])).expect_err("no office named");
    assert_eq!((err.fields[0].field, err.fields[0].rule), (Field::Recipients, Rule::Required));
    let issued = app.issue_document(&notice(vec!["新乡海关".into(), "新乡市商务局".into()])).expect("notice");
    assert_eq!(issued.document.kind, maskcheck_domain::document::DocKind::ExportNotice);
    assert!(!issued.document.needs_service, "a letter to other offices is not served on the party");
    assert!(steps(&app).is_empty(), "notified: off the dashboard");

    // A passing sample has no chain.
    let passing = app.create_sample(&input).expect("second sample");
    app.record_sample_result(
        &passing.id,
        &SampleResultInput { verdict: LabVerdict::Pass, failing_items: String::new(), ..fail },
    )
    .expect("pass");
    assert_eq!(app.save_chain(&passing.id, &done).expect_err("passed").code, ErrorCode::Validation);
}

/// A correction (更正) issues the corrected document in place of the old one, which is revoked with the reason in
/// the same transaction; the old notice's rectification no longer counts. An extension is revoked and decided
/// anew instead, and a correction of another kind is refused, writing nothing.
#[test]
fn a_correction_replaces_the_document_and_revokes_the_original() {
    use maskcheck_app::IssueRequest;
    use maskcheck_domain::document::{DocKind, DocState};
    let (_dir, app) = app();
    let (_enterprise, inspection) = finished_inspection(&app);
    let notice = |corrections: &str| IssueRequest::RectificationNotice {
        inspection_id: inspection.clone(),
        deadline: Some(maskcheck_app::today() + chrono::Duration::days(7)),
        corrections: vec![corrections.into()],
    };
    let old = app.issue_document(&notice("更换标签")).expect("notice").document;
    let count = |app: &App| app.documents(&Default::default()).expect("docs").len();
    let before = count(&app);
    let record = IssueRequest::InspectionRecord { inspection_id: inspection.clone(), party_words: Default::default() };
    assert_eq!(
        app.amend_document(&old.id, "改正要求有误", &record).expect_err("another kind").code,
        ErrorCode::Validation
    );
    assert_eq!(app.amend_document(&old.id, " ", &notice("x")).expect_err("no reason").fields[0].field, Field::Reason);
    assert_eq!(count(&app), before, "a refused correction writes nothing");

    let new = app.amend_document(&old.id, "改正要求有误", &notice("更换标签并召回已售产品")).expect("amend").document;
    assert_eq!(new.amends_id.as_deref(), Some(old.id.as_str()));
    let old = app.document(&old.id).expect("old");
    assert_eq!(old.state, DocState::Revoked);
    assert!(old.revoked.as_deref().is_some_and(|r| r.contains(&new.number) && r.contains("改正要求有误")), "{old:?}");
    assert!(!old.amendable, "a revoked document is not corrected again");
    let due = app.followups(None, false).expect("followups");
    assert_eq!(due.len(), 1, "only the corrected notice's rectification counts");
    assert_eq!(due[0].number, new.number);
    assert_eq!(app.document_source(&new.id).expect("source").inspection_id.as_deref(), Some(inspection.as_str()));
    assert!(!DocKind::MeasureExtension.amendable() && DocKind::SamplingRecord.amendable());
}

/// Writes a sales ledger as enterprises keep them: a title, then 购货单位 / 地址 / 批号 / 数量 / 销售日期.
fn ledger_file(path: &std::path::Path, rows: &[(&str, &str, &str, &str, &str)]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "2026年11月销售台账").expect("title");
    for (c, h) in ["序号", "购货单位", "地址", "产品批号", "数量（只）", "销售日期"].iter().enumerate()
    {
        ws.write_string(1, c as u16, *h).expect("header");
    }
    for (i, (buyer, place, batch, quantity, date)) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).expect("n");
        ws.write_string(r, 1, *buyer).expect("buyer");
        ws.write_string(r, 2, *place).expect("place");
        ws.write_string(r, 3, *batch).expect("batch");
        match quantity.parse::<f64>() {
            Ok(q) => ws.write_number(r, 4, q).expect("q"),
            Err(_) => ws.write_string(r, 4, *quantity).expect("q"),
        };
        ws.write_string(r, 5, *date).expect("date");
    }
    wb.save(path).expect("save");
}

/// The failing batch's buyers from the enterprise's sales-ledger spreadsheet: the batch's lines become buyers,
/// other batches are left out, a bad line is named by row and rule; nothing is written by the preview.
#[test]
fn the_batch_trail_is_read_from_the_sales_ledger_with_errors_by_row() {
    use maskcheck_domain::casework::{LabVerdict, SampleResultInput};
    let (dir, app) = app();
    app.load_demo(20, 3).expect("demo");
    let failed = app
        .samples(None)
        .expect("samples")
        .into_iter()
        .find(|s| s.result.as_ref().is_some_and(|r| r.verdict == LabVerdict::Fail))
        .expect("the demo's failed sample");
    let batch = failed.input.batch_or_date.clone();
    let path = dir.path().join("台账.xlsx");
    ledger_file(
        &path,
        &[
            ("卫滨区惠民大药房", "新乡市卫滨区", &batch, "3000", "2026-11-10"),
            ("别的批次客户", "新乡市", "20250101", "100", "2026-11-11"),
            ("红旗区康泰医疗器械经营部", "新乡市红旗区", &batch, "5000只", "2026/11/12"),
            ("某超市", "新乡市", &batch, "三千", "2026-11-12"),
        ],
    );
    let before: Option<SampleResultInput> = app.sample(&failed.id).expect("sample").result;
    let plan = app.ledger_trail(&failed.id, &path).expect("plan");
    let buyers: Vec<(&str, u64)> = plan.buyers.iter().map(|b| (b.buyer.as_str(), b.quantity)).collect();
    assert_eq!(buyers, vec![("卫滨区惠民大药房", 3000), ("红旗区康泰医疗器械经营部", 5000)]);
    assert_eq!(plan.other_batches, 1);
    assert_eq!(plan.errors.len(), 1);
    assert_eq!(
        (plan.errors[0].row, plan.errors[0].error.field, plan.errors[0].error.rule),
        (6, Field::SoldQuantity, Rule::NumberFormat)
    );
    assert_eq!(app.sample(&failed.id).expect("sample").result, before, "a preview writes nothing");

    let not_a_ledger = dir.path().join("名录.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "企业名称").expect("cell");
    wb.save(&not_a_ledger).expect("save");
    let err = app.ledger_trail(&failed.id, &not_a_ledger).expect_err("no ledger header");
    assert_eq!(err.code, ErrorCode::UnreadableFile);
    assert!(err.message.contains("购货单位") && err.message.contains("名录.xlsx"), "{}", err.message);
}
