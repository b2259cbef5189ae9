//! End-to-end: the built desktop app in a real window (Xvfb), driven through tauri-driver and WebKitWebDriver.
//! Screenshots of each step land in `target/e2e/<test>/`. Run by scripts/test.sh (feature `e2e`).

use maskcheck_app::App;
use maskcheck_domain::EnterpriseInput;
use maskcheck_tests::at_rest::assert_hidden;
use maskcheck_tests::driver::{Driver, Session};

const GOOD_USCC: &str = "91350100M000100Y43";
const BAD_USCC: &str = "91350100M000100Y44";
/// The passphrase the window's first run encrypts the data directory with.
const PASS: &str = "卫滨区 口令 2026";

/// The first run in the window, encrypted with [`PASS`] (a passphrase too short is refused on its field first).
fn setup_through_the_window(s: &mut Session) {
    s.find("[data-testid=setup-unit-name]");
    s.type_into("[data-testid=setup-unit-name]", "卫滨区市场监督管理局");
    s.type_into("[data-testid=setup-unit-abbr]", "卫");
    s.type_into("[data-testid=setup-county]", "卫滨区");
    s.type_into("[data-testid=setup-inspector]", "张三");
    s.type_into("[data-testid=setup-cert]", "HA0001");
    s.type_into("[data-testid=setup-passphrase]", "short");
    s.type_into("[data-testid=setup-passphrase-confirm]", "short");
    s.click_css("[data-testid=setup-submit]");
    let error = s.wait_text(".el-form-item__error", |t| !t.is_empty());
    assert!(error.contains("口令") && error.contains('8'), "{error}");
    s.type_into("[data-testid=setup-passphrase]", PASS);
    s.type_into("[data-testid=setup-passphrase-confirm]", PASS);
    s.screenshot("setup");
    s.click_css("[data-testid=setup-submit]");
    s.wait_text("[data-testid=top-inspector]", |t| t.contains("张三"));
}

#[test]
fn add_an_enterprise_with_a_wrong_uscc_correct_it_and_find_it() {
    let driver = Driver::start();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::launch(&driver, dir.path(), "roster");
    setup_through_the_window(&mut s);
    s.screenshot("dashboard-empty");
    s.find("[data-testid=dashboard-empty]");

    // Other enterprises already in the roster, so the search has something to tell apart.
    {
        let app = App::open_with(dir.path(), Some(PASS)).expect("open alongside the window");
        for (name, first17) in
            [("红旗区安心防护用品有限公司", "91410700MA1000001"), ("牧野区德康医疗器械有限公司", "91410700MA1000002")]
        {
            let uscc = format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("charset"));
            app.create_enterprise(EnterpriseInput::new(name, uscc)).expect("seed");
        }
    }

    s.click_css("[data-testid=nav-roster]");
    s.wait_text("[data-testid=roster-total]", |t| t.contains('2'));
    s.click_css("[data-testid=roster-add]");
    s.type_into("[data-testid=ent-name]", "新乡市卫滨区康达口罩有限公司");
    s.type_into("[data-testid=ent-uscc]", BAD_USCC);
    s.type_into("[data-testid=ent-address]", "新乡市卫滨区平原路18号");
    s.click_css("[data-testid=ent-save]");
    let error = s.wait_text("[data-testid=enterprise-form] .el-form-item__error", |t| !t.is_empty());
    assert_eq!(error, "统一社会信用代码校验位错误（应为 3，实际为 4）");
    s.screenshot("wrong-uscc");

    s.type_into("[data-testid=ent-uscc]", GOOD_USCC);
    s.click_css("[data-testid=ent-save]");
    s.wait_text("[data-testid=detail-name]", |t| t == "新乡市卫滨区康达口罩有限公司");
    s.screenshot("saved-detail");
    s.click_until_gone(".el-drawer__close-btn", "[data-testid=detail-name]");

    s.type_into("[data-testid=roster-search]", "康达");
    s.wait_text("[data-testid=roster-total]", |t| t.contains("共 1 条"));
    let names = s.texts("[data-testid=roster-row-name]");
    assert_eq!(names, vec!["新乡市卫滨区康达口罩有限公司"]);
    s.screenshot("found-by-two-characters");

    // HTML typed into a name is stored verbatim and shown as text, never as markup.
    s.type_into("[data-testid=roster-search]", "");
    s.click_css("[data-testid=roster-add]");
    s.type_into("[data-testid=ent-name]", "<b>粗体</b><img src=x onerror=alert(1)>厂");
    s.type_into("[data-testid=ent-uscc]", "91410700MA10000030");
    s.click_css("[data-testid=ent-save]");
    let error = s.wait_text("[data-testid=enterprise-form] .el-form-item__error", |t| !t.is_empty());
    assert!(error.contains("统一社会信用代码"), "{error}");
    let uscc = format!("91410700MA1000003{}", maskcheck_domain::uscc::check_char("91410700MA1000003").expect("cs"));
    s.type_into("[data-testid=ent-uscc]", &uscc);
    s.click_css("[data-testid=ent-save]");
    s.wait_text("[data-testid=detail-name]", |t| t == "<b>粗体</b><img src=x onerror=alert(1)>厂");
    let bold = s.execute(
        "return document.querySelectorAll('[data-testid=detail-name] b, [data-testid=detail-name] img').length",
    );
    assert_eq!(bold.as_i64(), Some(0), "markup must not be interpreted");
    s.screenshot("html-shown-as-text");

    // English is not in the start-up bundle: choosing it loads its catalogue, and the window speaks it.
    s.click_until_gone(".el-drawer__close-btn", "[data-testid=detail-name]");
    choose_language(&s, "en");
    s.wait_text("[data-testid=nav-roster]", |t| t.ends_with("Enterprises"));
    s.wait_text("[data-testid=roster-total]", |t| t == "4 in all");
    s.screenshot("english");
    choose_language(&s, "zh-CN");
    s.wait_text("[data-testid=nav-roster]", |t| t.ends_with("企业名录"));
}

/// Chooses the window's language in the top bar's select, as a person picking an option does.
fn choose_language(s: &Session, language: &str) {
    s.execute(&format!(
        "const l = document.querySelector('[data-testid=language]'); l.value = '{language}'; \
         l.dispatchEvent(new Event('change', {{ bubbles: true }}))"
    ));
}

/// A county's roster as it arrives: a title row, a header, two good rows and one with a bad USCC.
fn roster_with_a_bad_row(path: &std::path::Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "卫滨区口罩生产企业名录（2021年3月）").expect("w");
    for (c, h) in ["序号", "单位名称", "社会信用代码", "生产地址", "法人代表", "成立日期"].iter().enumerate()
    {
        ws.write_string(1, c as u16, *h).expect("w");
    }
    let rows = [
        ("新乡市卫滨区瑞丰口罩有限公司", "91410700MA1000041", "新乡市卫滨区金穗大道9号"),
        ("新乡市红旗区嘉禾防护用品厂", "91410700MA1000042", "新乡市红旗区向阳路3号"),
    ];
    for (i, (name, first17, address)) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        let uscc = format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("cs"));
        ws.write_number(r, 0, (i + 1) as f64).expect("w");
        ws.write_string(r, 1, *name).expect("w");
        ws.write_string(r, 2, &uscc).expect("w");
        ws.write_string(r, 3, *address).expect("w");
        ws.write_string(r, 5, "2021年3月25日").expect("w");
    }
    ws.write_number(4, 0, 3.0).expect("w");
    ws.write_string(4, 1, "错误代码口罩厂").expect("w");
    ws.write_string(4, 2, "91410700MA10000439").expect("w");
    wb.save(path).expect("save");
}

#[test]
fn import_a_roster_with_one_bad_row() {
    let driver = Driver::start();
    let dir = tempfile::tempdir().expect("tempdir");
    App::open(dir.path()).expect("open").setup(maskcheck_app::demo_profile()).expect("setup");
    let file = dir.path().join("卫滨区名录.xlsx");
    roster_with_a_bad_row(&file);

    let mut s = Session::launch(&driver, dir.path(), "import");
    s.click_css("[data-testid=nav-roster]");
    s.click_css("[data-testid=roster-import]");
    s.type_into("[data-testid=import-path]", &file.display().to_string());
    s.click_css("[data-testid=import-preview]");
    let counts = s.wait_text("[data-testid=import-counts]", |t| t.contains("错误 1"));
    assert!(counts.contains("新增 2"), "{counts}");
    s.click_css("[data-testid=import-only-errors]");
    let detail = s.wait_text("[data-testid=import-row-detail]", |t| !t.is_empty());
    assert!(detail.contains("[社会信用代码]") && detail.contains("校验位错误"), "{detail}");
    let row = s.execute("return document.querySelector('[data-testid=import-rows] .bad-row td').innerText");
    assert_eq!(row.as_str().map(str::trim), Some("5"), "the sheet row number of the bad row");
    let tag = s.execute("return document.querySelector('[data-testid=import-rows] .bad-row .el-tag').className");
    assert!(tag.as_str().unwrap_or_default().contains("el-tag--danger"), "an error is marked red: {tag}");
    s.screenshot("preview-with-error");

    s.click_css("[data-testid=import-skip]");
    s.click_css("[data-testid=import-confirm]");
    let done = s.wait_text("[data-testid=import-result]", |t| t.contains("导入完成"));
    assert!(done.contains("新增 2") && done.contains("跳过 1"), "{done}");
    s.screenshot("imported");
    s.click_until_gone("[data-testid=import-result] button", "[data-testid=import-result]");

    s.type_into("[data-testid=roster-search]", "嘉禾");
    s.wait_text("[data-testid=roster-total]", |t| t.contains("共 1 条"));
    let names = s.texts("[data-testid=roster-row-name]");
    assert_eq!(names, vec!["新乡市红旗区嘉禾防护用品厂"]);
    s.screenshot("found-imported");
}

#[test]
fn hostile_spreadsheets_cost_a_message_not_the_window() {
    let driver = Driver::start();
    let dir = tempfile::tempdir().expect("tempdir");
    App::open(dir.path()).expect("open").setup(maskcheck_app::demo_profile()).expect("setup");
    let bomb = dir.path().join("炸弹.xlsx");
    maskcheck_tests::hostile_files::zip_bomb(&bomb, 70);
    let broken = dir.path().join("损坏.xlsx");
    maskcheck_tests::hostile_files::bad_shared_string(&broken);
    let far = dir.path().join("远处单元格.xlsx");
    maskcheck_tests::hostile_files::far_cell(&far, 1_048_575, 16_383);

    let mut s = Session::launch(&driver, dir.path(), "hostile");
    s.click_css("[data-testid=nav-roster]");
    s.click_css("[data-testid=roster-import]");
    for (file, want, shot) in [(&bomb, "超出可导入的范围", "zip-bomb"), (&broken, "可能已损坏", "parser-panic")]
    {
        s.type_into("[data-testid=import-path]", &file.display().to_string());
        s.click_css("[data-testid=import-preview]");
        let msg = s.wait_text("[data-testid=import-error]", |t| t.contains(want));
        assert!(msg.contains(file.file_name().and_then(|n| n.to_str()).unwrap_or("?")), "names the file: {msg}");
        s.screenshot(shot);
    }
    // The window is still alive and the next, merely odd, file imports.
    s.type_into("[data-testid=import-path]", &far.display().to_string());
    s.click_css("[data-testid=import-preview]");
    let counts = s.wait_text("[data-testid=import-counts]", |t| t.contains("新增"));
    assert!(counts.contains("新增 3"), "{counts}");
    assert!(!counts.contains("跳过空行"), "a stray far cell is not a million skipped rows: {counts}");
    s.screenshot("far-cell-preview");
}

/// A medical maker whose registration certificate expired last month, with one product: returns (dir, app).
fn medical_maker_data_dir() -> tempfile::TempDir {
    use maskcheck_domain::{LicenceInput, LicenceKind, ProductCategory, ProductInput};
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    app.setup(maskcheck_domain::ProfileInput {
        unit_name: "卫滨区市场监督管理局".into(),
        unit_abbr: "卫".into(),
        county: "卫滨区".into(),
        inspector_name: "张三".into(),
        cert_no: "HA0001".into(),
        role: maskcheck_domain::Role::Inspector,
    })
    .expect("setup");
    let first17 = "91410700MA1000061";
    let mut e = EnterpriseInput::new(
        "新乡市卫滨区康宁医用口罩有限公司",
        format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("cs")),
    );
    e.medical = true;
    e.production_address = Some("新乡市卫滨区华兰大道1号".into());
    let id = app.create_enterprise(e).expect("enterprise").id;
    let lic = LicenceInput {
        kind: LicenceKind::DeviceRegistration,
        number: "豫械注准20212140061".into(),
        holder: None,
        scope: None,
        issued_on: None,
        valid_until: Some(maskcheck_app::today() - chrono::Duration::days(30)),
        issuer: Some("河南省药品监督管理局".into()),
    };
    app.save_licence(&id, None, lic).expect("licence");
    let product = ProductInput {
        name: "一次性使用医用口罩".into(),
        category: ProductCategory::MedicalDisposable,
        standard: Some("YY/T 0969-2013".into()),
        grade: None,
        specification: Some("17.5cm×9.5cm".into()),
        registration_cert_no: Some("豫械注准20212140061".into()),
    };
    app.save_product(&id, None, product).expect("product");
    dir
}

fn section_shot(s: &mut Session, key: &str) {
    s.execute(&format!("document.querySelector('[data-testid=section-{key}]').scrollIntoView()"));
    std::thread::sleep(std::time::Duration::from_millis(200));
    s.screenshot(&format!("section-{key}"));
}

#[test]
fn inspect_a_medical_maker_and_finish_with_three_findings() {
    let driver = Driver::start();
    let dir = medical_maker_data_dir();
    let mut s = Session::launch(&driver, dir.path(), "inspection");
    s.click_css("[data-testid=nav-roster]");
    s.type_into("[data-testid=roster-search]", "康宁");
    s.wait_text("[data-testid=roster-total]", |t| t.contains("共 1 条"));
    s.click_css("[data-testid=roster-row-name]");
    s.click_css("[data-testid=start-inspection] .el-button-group > .el-button:first-child");
    s.wait_text("[data-testid=inspection-title]", |t| t == "新乡市卫滨区康宁医用口罩有限公司");

    // The expired registration certificate is proposed at once.
    s.wait_text("[data-testid=section-findings] .el-card__header", |t| t.contains("（1）"));
    let first = s.execute("return document.querySelector('[data-testid=finding-text]').value");
    assert!(first.as_str().unwrap_or_default().contains("已于"), "{first}");
    s.type_into("[data-testid=inspector-1-name]", "李四");
    s.type_into("[data-testid=inspector-1-cert]", "HA0002");
    s.type_into("[data-testid=insp-representative]", "王五（厂长）");
    section_shot(&mut s, "basics");
    section_shot(&mut s, "licences");

    s.click_css("[data-testid=intake-add]");
    s.type_into("[data-testid=intake-supplier]", "某熔喷布有限公司");
    s.type_into("[data-testid=intake-batch]", "MB-2611");
    s.click_css("[data-testid=intake-report]");
    section_shot(&mut s, "intake");
    section_shot(&mut s, "outbound");

    s.click_css("[data-testid=label-0-standardNumber]");
    section_shot(&mut s, "labels");
    section_shot(&mut s, "ledger");
    section_shot(&mut s, "other");

    let findings = s.wait_text("[data-testid=section-findings] .el-card__header", |t| t.contains("（3）"));
    assert!(findings.contains("发现问题"), "{findings}");
    s.click_css("[data-testid=findings-confirm-all]");
    s.wait_text("[data-testid=autosave-state]", |t| t.contains("已自动保存"));
    s.click_css("[data-testid=inspection-finish]");
    s.click_css(".el-message-box__btns .el-button--primary");
    s.wait_text("[data-testid=inspection-status]", |t| t.contains("完结"));

    assert_eq!(s.texts("[data-testid=finding]").len(), 3);
    let all =
        s.execute("return [...document.querySelectorAll('[data-testid=finding-text]')].map(t => t.value).join('\\n')");
    let all = all.as_str().unwrap_or_default();
    assert!(all.contains("医疗器械注册证（豫械注准20212140061）已于"), "{all}");
    assert!(all.contains("熔喷布（供应商：某熔喷布有限公司，批号：MB-2611）进货时未查验检验报告"), "{all}");
    assert!(all.contains("标签未标注执行标准编号"), "{all}");
    let bases = s.texts("[data-testid=finding-basis]");
    // The duty broken and the power to order its correction: never the penalty article as the rule broken.
    assert!(bases[0].contains("违反《医疗器械监督管理条例》（国务院令第739号）第十三条"), "{bases:?}");
    assert!(!bases.iter().any(|b| b.contains("第八十一条")), "{bases:?}");
    assert!(bases[1].contains("第三十五条") && bases[1].contains("责令改正依据"), "{bases:?}");
    assert!(bases[2].contains("第三十九条") || bases[2].contains("第二十七条"), "{bases:?}");
    section_shot(&mut s, "findings");
}

/// The pid of the running desktop app (started by WebKitWebDriver), found by its executable.
fn app_pid() -> Option<u32> {
    let exe = maskcheck_tests::driver::app_binary();
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        (std::fs::read_link(format!("/proc/{pid}/exe")).ok()? == exe).then_some(pid)
    })
}

#[test]
fn killing_the_app_while_typing_loses_nothing_autosaved() {
    let driver = Driver::start();
    let dir = medical_maker_data_dir();
    {
        let app = App::open(dir.path()).expect("open");
        let id = app.list_enterprises(maskcheck_domain::EnterpriseQuery::default()).expect("list").rows[0].id.clone();
        app.start_inspection(&id, "medicalMaker", None).expect("draft");
    }
    let mut s = Session::launch(&driver, dir.path(), "crash");
    s.click_css("[data-testid=draft-open]");
    s.type_into("[data-testid=insp-place]", "新乡市卫滨区华兰大道1号二号车间");
    s.type_into("[data-testid=insp-representative]", "赵六（质量负责人）");
    s.wait_text("[data-testid=autosave-state]", |t| t.contains("已自动保存"));
    // "Autosaved" means stored: the indicator still shows the previous save (the start time, set on opening) while
    // the next waits out its 300 ms, so the kill waits until the database, read from here as another process
    // would, holds what was typed.
    let stored = || {
        let ro = App::open_read_only(dir.path()).expect("read-only");
        let id = ro.list_inspections(None, true).expect("drafts")[0].id.clone();
        let d = ro.inspection(&id).expect("draft").draft;
        (d.place, d.representative)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while stored() != ("新乡市卫滨区华兰大道1号二号车间".to_string(), "赵六（质量负责人）".to_string())
    {
        assert!(std::time::Instant::now() < deadline, "what was typed was never autosaved");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    s.screenshot("typed");
    let pid = app_pid().expect("the app is running");
    let status = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status().expect("kill");
    assert!(status.success());
    drop(s);

    let mut s = Session::launch(&driver, dir.path(), "crash-reopened");
    s.click_css("[data-testid=draft-open]");
    s.wait_text("[data-testid=inspection-title]", |t| t.contains("康宁"));
    let value = |css: &str| {
        s.execute(&format!("return document.querySelector('{css}').value")).as_str().unwrap_or_default().to_string()
    };
    assert_eq!(value("[data-testid=insp-place]"), "新乡市卫滨区华兰大道1号二号车间");
    assert_eq!(value("[data-testid=insp-representative]"), "赵六（质量负责人）");
    s.screenshot("reopened-draft");

    // Keyboard: on an item, "2" answers 不合格 and the finding appears beside the expired licence.
    s.execute("document.querySelector('[data-testid=\"item-outbound.records\"]').focus()");
    s.type_into_focused("2");
    s.wait_text("[data-testid=section-findings] .el-card__header", |t| t.contains("（2）"));
    let texts =
        s.execute("return [...document.querySelectorAll('[data-testid=finding-text]')].map(t => t.value).join('|')");
    assert!(texts.as_str().unwrap_or_default().contains("每批产品有出厂检验记录：不符合要求"), "{texts}");
}

/// The medical maker inspected and finished (through the app, as the inspection test does in the window).
fn finished_inspection_data_dir() -> tempfile::TempDir {
    use maskcheck_domain::inspection::Inspector;
    let dir = medical_maker_data_dir();
    let app = App::open(dir.path()).expect("open");
    let enterprise = app.list_enterprises(Default::default()).expect("list").rows[0].id.clone();
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
    dir
}

#[test]
fn issue_a_notice_follow_it_up_and_clear_the_enterprise_by_reinspection() {
    let driver = Driver::start();
    let dir = finished_inspection_data_dir();
    let mut s = Session::launch(&driver, dir.path(), "followup");
    s.click_css("[data-testid=nav-inspections]");
    s.click_css("[data-testid=inspection-list] .el-table__row td .cell");
    s.wait_text("[data-testid=inspection-status]", |t| t.contains("完结"));

    // Issue the rectification notice with its (default, seven-day) deadline, from the preview.
    s.click_css("[data-testid=issue-notice]");
    let preview = s.wait_text("[data-testid=doc-preview]", |t| t.contains("责令改正通知书"));
    assert!(preview.contains("新乡市卫滨区康宁医用口罩有限公司"), "{preview}");
    // No number block on this laptop: before confirming, the window says which fallback number will print.
    let fallback = s.wait_text("[data-testid=issue-fallback-number]", |t| t.contains("备用编号"));
    assert!(fallback.contains("卫市监责改〔") && fallback.contains("-1号"), "{fallback}");
    s.screenshot("notice-preview");
    s.click_css("[data-testid=issue-confirm]");
    let number = s.wait_text("[data-testid=document-number]", |t| t.contains("卫市监责改〔"));
    s.screenshot("notice-issued");

    // The on-site record: blank lines for the party by default, its own words when the inspector records them.
    s.click_css("[data-testid=issue-record]");
    let blank = s.wait_text("[data-testid=doc-preview]", |t| t.contains("现场检查笔录"));
    assert!(!blank.contains("不申请回避"), "nothing the party did not say is pre-printed: {blank}");
    s.click_css("[data-testid=party-recorded]");
    s.type_into("[data-testid=party-recusal]", "不申请回避。");
    s.type_into("[data-testid=party-opinion]", "以上记录属实。");
    s.click_css("[data-testid=party-refused]");
    s.type_into("[data-testid=party-witness]", "赵六");
    s.wait_text("[data-testid=doc-preview]", |t| {
        t.contains("不申请回避。")
            && t.contains("以上记录属实。")
            && t.contains("当事人拒绝签名或盖章")
            && t.contains("见证人赵六签名")
    });
    s.screenshot("record-party-words");
    s.click_css("[data-testid=issue-confirm]");
    s.wait_text("[data-testid=documents-card]", |t| t.contains("卫市监检录〔"));

    // The 文书 page: both documents, the notice awaiting service; serve it from the list.
    s.click_css("[data-testid=nav-documents]");
    let table = s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("待送达") && t.contains("现场检查笔录"));
    assert!(table.contains(&number), "{table}");
    let wide = s.execute("const m = document.querySelector('.main'); return m.scrollWidth > m.clientWidth");
    assert_eq!(wide, serde_json::json!(false), "no horizontal scrolling at 1366x768");
    s.screenshot("documents-page");
    s.click_css("[data-testid=docs-serve]");
    s.type_into("[data-testid=service-recipient]", "王五");
    s.screenshot("service-dialog");
    s.click_css("[data-testid=service-submit]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("已送达") && !t.contains("待送达"));
    s.screenshot("document-served");
    // Its 送达回证, issued from the same engine and listed beside it (opening it needs a PDF viewer: not here).
    s.click_css("[data-testid=docs-proof]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("送达回证") && t.contains("卫市监送达〔"));
    s.click_css("[data-testid=docs-state]");
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.execute(
        "[...document.querySelectorAll('.el-select-dropdown__item')].find(e => e.textContent.includes('待送达')).click()",
    );
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("没有符合条件的文书"));

    // The dashboard lists it among the follow-ups; the enterprise may not resume production.
    s.click_css("[data-testid=nav-dashboard]");
    let row = s.wait_text("[data-testid=followup-row]", |t| t.contains("康宁") && t.contains("7 天后到期"));
    let due = (maskcheck_app::today() + chrono::Duration::days(7)).to_string();
    assert!(row.contains(&number) && row.contains(&format!("期限 {due}")), "{row}");
    s.screenshot("dashboard-followup");
    s.click_css("[data-testid=followup-enterprise]");
    s.wait_text("[data-testid=production-barred]", |t| t.contains("不得恢复生产"));
    s.screenshot("enterprise-barred");
    s.execute("document.querySelector('.el-drawer__close-btn').click()");
    std::thread::sleep(std::time::Duration::from_millis(400));

    // Re-inspection finds every correction done.
    s.click_css("[data-testid=followup-reinspect]");
    s.type_into("[data-testid=reinspect-name-1]", "李四");
    s.type_into("[data-testid=reinspect-cert-1]", "HA0002");
    s.click_css("[data-testid=reinspect-done-0]");
    s.screenshot("reinspection");
    s.click_css("[data-testid=reinspect-save]");
    s.wait_text("[data-testid=followups-empty]", |t| t.contains("没有需要跟进的整改"));
    s.screenshot("followups-cleared");

    // The enterprise is cleared.
    s.click_css("[data-testid=nav-roster]");
    s.type_into("[data-testid=roster-search]", "康宁");
    s.wait_text("[data-testid=roster-total]", |t| t.contains("共 1 条"));
    s.click_css("[data-testid=roster-row-name]");
    s.wait_text("[data-testid=detail-name]", |t| t.contains("康宁"));
    let barred = s.execute("return !!document.querySelector('[data-testid=production-barred]')");
    assert_eq!(barred, serde_json::json!(false));
    s.screenshot("enterprise-cleared");
}

/// Sync in the real window, both sides: the inspector confirms the bureau's fingerprint in a dialog and exports
/// its finished inspection; the bureau (a second app start on another data directory) imports it and sees the
/// inspection and the bundle in its history.
#[test]
fn a_bundle_carries_an_inspection_from_the_laptop_to_the_bureau() {
    let laptop = finished_inspection_data_dir();
    let bureau = tempfile::tempdir().expect("tempdir");
    let bureau_app = App::open(bureau.path()).expect("open");
    bureau_app
        .setup(maskcheck_domain::ProfileInput {
            unit_name: "卫滨区市场监督管理局".into(),
            unit_abbr: "卫".into(),
            county: "卫滨区".into(),
            inspector_name: "王局".into(),
            cert_no: "HA9000".into(),
            role: maskcheck_domain::Role::Bureau,
        })
        .expect("bureau");
    let laptop_app = App::open(laptop.path()).expect("open");
    let card = laptop.path().join("card.json");
    laptop_app.write_identity(&card).expect("identity");
    let laptop_id = bureau_app.enrol_device(&card).expect("enrol").id;
    // The bureau prints with its own catalogue (a note on one text); its bundle carries it to the laptop.
    let mut noted = maskcheck_domain::checklist::builtin_catalogue().expect("catalogue");
    noted.entries[0].text.push_str("（本局注）");
    std::fs::write(bureau.path().join("legal-basis.json"), serde_json::to_string(&noted).expect("json"))
        .expect("catalogue");
    let first = bureau.path().join("to-laptop.mcb");
    bureau_app.export_bundle(&first, Some(&laptop_id)).expect("first bureau bundle");
    let groups = bureau_app.device_show().expect("bureau").fingerprint_groups;
    drop(laptop_app);

    let driver = Driver::start();
    let out = laptop.path().join("to-bureau.mcb");
    {
        let mut s = Session::launch(&driver, laptop.path(), "sync-laptop");
        s.click_css("[data-testid=nav-sync]");
        s.wait_text("[data-testid=sync-fingerprint]", |t| t.len() >= 39);
        s.wait_text("[data-testid=sync-catalogue]", |t| t.contains("软件自带"));
        s.type_into("[data-testid=sync-import-path]", &first.display().to_string());
        s.click_css("[data-testid=sync-import]");
        let dialog = s.wait_text(".confirm-bureau", |t| t.contains(&groups));
        assert!(dialog.contains("核对"), "{dialog}");
        s.screenshot("confirm-bureau-fingerprint");
        s.click_css(".confirm-bureau .el-button--primary");
        s.wait_text("[data-testid=sync-imported]", |t| t.contains("新增"));
        s.wait_text("[data-testid=sync-export-bureau]", |t| t.contains("卫滨区市场监督管理局"));
        s.type_into("[data-testid=sync-export-path]", &out.display().to_string());
        s.click_css("[data-testid=sync-export]");
        s.wait_inner_text("[data-testid=sync-history]", |t| t.contains("发出"));
        // The catalogue in use is now the bureau's.
        s.wait_text("[data-testid=sync-catalogue]", |t| t.contains("局端下发"));
        s.screenshot("laptop-sync-page");
    }
    assert!(out.is_file(), "the bundle was written");

    let mut s = Session::launch(&driver, bureau.path(), "sync-bureau");
    s.click_css("[data-testid=nav-sync]");
    s.wait_text("[data-testid=sync-devices]", |t| t.contains("已登记"));
    s.execute("document.querySelector('[data-testid=sync-device-list]').scrollIntoView()");
    s.wait_inner_text("[data-testid=sync-device-list]", |t| t.contains("张三"));
    s.screenshot("bureau-devices");
    s.execute("document.querySelector('[data-testid=sync-bundles]').scrollIntoView()");
    s.type_into("[data-testid=sync-import-path]", &out.display().to_string());
    // The progress bar shows while the bundle is read and merged (it goes when the import ends).
    s.execute(
        "window.__sawProgress = false; new MutationObserver(() => { if \
         (document.querySelector('[data-testid=sync-progress] .el-progress')) window.__sawProgress = true }) \
         .observe(document.body, { childList: true, subtree: true })",
    );
    s.click_css("[data-testid=sync-import]");
    let done = s.wait_text("[data-testid=sync-imported]", |t| t.contains("新增"));
    assert!(!done.contains("隔离 1"), "{done}");
    assert_eq!(s.execute("return window.__sawProgress"), serde_json::json!(true), "progress was shown");
    s.execute("document.querySelector('[data-testid=sync-history]').scrollIntoView()");
    s.wait_inner_text("[data-testid=sync-history]", |t| t.contains("收到") && t.contains(&laptop_id));
    s.screenshot("bureau-sync-page");
    s.wait_inner_text("[data-testid=top-sync]", |t| t.contains("上次收到") && !t.contains("上次收到 —"));
    s.execute("window.scrollTo(0, 0); document.querySelector('.main').scrollTop = 0");
    s.screenshot("bureau-top-bar");
    s.click_css("[data-testid=nav-inspections]");
    s.wait_inner_text("[data-testid=inspection-list]", |t| t.contains("康宁医用口罩"));
    s.screenshot("bureau-sees-the-inspection");
}

/// 设置 and an empty 文书 page at 1366x768: the empty page says what to do next; the unit's name and the phone its
/// documents print are edited and kept; the catalogue, the data directory and the backups are shown.
#[test]
fn the_settings_page_edits_the_unit_and_shows_where_the_data_lives() {
    let dir = medical_maker_data_dir();
    let driver = Driver::start();
    let mut s = Session::launch(&driver, dir.path(), "settings");
    s.click_css("[data-testid=nav-documents]");
    s.wait_text("[data-testid=docs-empty]", |t| t.contains("去现场检查"));
    s.screenshot("documents-empty");
    s.click_css("[data-testid=nav-settings]");
    s.wait_text("[data-testid=sync-catalogue]", |t| t.contains("软件自带"));
    let shown = s.wait_text("[data-testid=settings-data-dir]", |t| !t.is_empty());
    assert_eq!(shown, dir.path().display().to_string());
    let wide = s.execute("const m = document.querySelector('.main'); return m.scrollWidth > m.clientWidth");
    assert_eq!(wide, serde_json::json!(false), "no horizontal scrolling at 1366x768");
    s.screenshot("settings");
    s.type_into("[data-testid=settings-unit-name]", "新乡市卫滨区市场监督管理局");
    s.click_css("[data-testid=settings-profile-save]");
    s.wait_text("[data-testid=top-unit]", |t| t == "新乡市卫滨区市场监督管理局");
    s.type_into("[data-testid=settings-contact-phone]", "0373-5012345");
    s.click_css("[data-testid=settings-documents-save]");
    std::thread::sleep(std::time::Duration::from_millis(500));
    s.screenshot("settings-saved");
    drop(s);
    let app = App::open(dir.path()).expect("open");
    assert_eq!(app.doc_settings().expect("settings").contact_phone, "0373-5012345", "the documents print it");
    assert_eq!(app.setup_status().expect("status").profile.expect("profile").unit_name, "新乡市卫滨区市场监督管理局");
}

/// 抽样 in the real window at 1366x768: from the empty page, a sampling with every field of the record, its record
/// printed on site, then the lab's failing result.
#[test]
fn sample_a_product_print_its_record_and_record_a_failing_result() {
    let dir = medical_maker_data_dir();
    let driver = Driver::start();
    let mut s = Session::launch(&driver, dir.path(), "samples");
    s.click_css("[data-testid=nav-samples]");
    s.wait_text("[data-testid=samples-empty]", |t| t.contains("新建抽样"));
    s.screenshot("samples-empty");
    s.click_css("[data-testid=samples-new]");
    s.click_css("[data-testid=enterprise-picker]");
    s.type_into("[data-testid=enterprise-picker] input", "康宁");
    s.wait_text(".enterprise-picker-dropdown .el-select-dropdown__item", |t| t.contains("康宁"));
    s.click_css(".enterprise-picker-dropdown .el-select-dropdown__item");
    // The app fills what it knows: the maker, the place, the date and time, the first sampler.
    s.wait_text("[data-testid=sample-form]", |_| {
        s.execute("return document.querySelector('[data-testid=sample-manufacturer]').value")
            == serde_json::json!("新乡市卫滨区康宁医用口罩有限公司")
    });
    for (field, value) in [
        ("productName", "KN95 医用防护口罩"),
        ("specModel", "折叠式"),
        ("batchOrDate", "20261101"),
        ("quantity", "40 只"),
        ("baseQuantity", "2000 只"),
        ("testSamples", "20 只"),
        ("reserveSamples", "20 只"),
        ("sealNumbers", "WB-0001、WB-0002"),
        ("basis", "口罩质量专项整治监督抽查"),
        ("testingBody", "河南省医疗器械检验所"),
    ] {
        s.type_into(&format!("[data-testid=sample-{field}]"), value);
    }
    s.click_css("[data-testid=sample-standard]");
    s.type_into("[data-testid=sample-standard] input", "19083");
    s.wait_inner_text(".standard-picker-dropdown", |t| t.contains("GB 19083-2010"));
    s.execute(
        "[...document.querySelectorAll('.standard-picker-dropdown .el-select-dropdown__item')] \
         .find(e => e.textContent.includes('GB 19083-2010')).click()",
    );
    s.type_into("[data-testid=sample-grade]", "1级");
    s.type_into("[data-testid=sampler-name-1]", "李四");
    s.type_into("[data-testid=sampler-cert-1]", "HA0002");
    s.screenshot("sample-form");
    s.click_css("[data-testid=sample-save]");
    // The sampling record, previewed with the sample's fields, issued while the party is there.
    let preview = s.wait_text("[data-testid=doc-preview]", |t| t.contains("抽样记录"));
    assert!(preview.contains("WB-0001") && preview.contains("河南省医疗器械检验所"), "{preview}");
    s.screenshot("sampling-record-preview");
    s.click_css("[data-testid=issue-confirm]");
    s.wait_inner_text("[data-testid=samples-table]", |t| t.contains("待检验") && t.contains("KN95"));
    let wide = s.execute("const m = document.querySelector('.main'); return m.scrollWidth > m.clientWidth");
    assert_eq!(wide, serde_json::json!(false), "no horizontal scrolling at 1366x768");
    s.click_css("[data-testid=sample-record-result]");
    s.click_css("[data-testid=result-fail]");
    s.type_into("[data-testid=result-report]", "HN2026-0458");
    // The items of GB 19083-2010, the limit for grade 1 beside the one that failed.
    let items = s.wait_text("[data-testid=result-items]", |t| t.contains("气流阻力") && t.contains("≥95%"));
    assert!(items.contains("≤343.2 Pa"), "{items}");
    s.click_css("[data-testid=result-item-filtration]");
    s.type_into("[data-testid=result-measured-filtration]", "87.3%");
    s.screenshot("sample-result");
    s.click_css("[data-testid=result-save]");
    s.wait_text("[data-testid=sample-failed]", |t| t.contains("不合格：过滤效率"));
    s.wait_text("[data-testid=sample-open-record]", |t| t.contains("打开抽样记录"));
    s.screenshot("sample-failed");

    // The failed sample opens a quality case with its facts; the case officer adds the fine and closes it.
    s.click_css("[data-testid=sample-open-case]");
    let title = s.wait_text("[data-testid=case-form]", |t| t.contains("质量"));
    assert!(title.contains("新乡市卫滨区康宁医用口罩有限公司"), "{title}");
    let typed = s.execute("return document.querySelector('[data-testid=case-title]').value");
    assert_eq!(
        typed,
        serde_json::json!("新乡市卫滨区康宁医用口罩有限公司涉嫌生产、销售不合格KN95 医用防护口罩（过滤效率不合格）案")
    );
    s.type_into("[data-testid=case-fines] input", "1.5");
    let today = maskcheck_app::today().to_string();
    s.type_into("[data-testid=case-closed-on] input", &today);
    s.execute("document.querySelector('[data-testid=case-title]').focus()");
    s.screenshot("case-from-sample");
    s.click_css("[data-testid=case-save]");
    let row = s.wait_inner_text("[data-testid=cases-table]", |t| t.contains("过滤效率不合格") && t.contains("结案"));
    assert!(row.contains("1.50") && row.contains("质量"), "{row}");
    let wide = s.execute("const m = document.querySelector('.main'); return m.scrollWidth > m.clientWidth");
    assert_eq!(wide, serde_json::json!(false), "no horizontal scrolling at 1366x768");
    s.screenshot("cases-page");
    drop(s);
    let app = App::open(dir.path()).expect("open");
    let samples = app.samples(None).expect("samples");
    assert_eq!(samples.len(), 1);
    let result = samples[0].result.as_ref().expect("result");
    assert_eq!((result.failing_items.as_str(), result.report_number.as_str()), ("过滤效率", "HN2026-0458"));
    let failing = &result.failing[0];
    assert_eq!((failing.limit.as_deref(), failing.measured.as_str()), (Some("≥95%"), "87.3%"));
    assert_eq!((samples[0].input.standard.as_str(), samples[0].input.grade.as_str()), ("GB 19083-2010", "1级"));
    let records = app
        .documents_in(
            &maskcheck_app::DocumentFilter {
                kind: Some(maskcheck_domain::document::DocKind::SamplingRecord),
                ..Default::default()
            },
            None,
        )
        .expect("documents");
    assert_eq!(records.len(), 1, "the sampling record was issued");
    let cases = app.cases().expect("cases");
    assert_eq!(cases.len(), 1);
    let c = &cases[0].input;
    assert_eq!((c.fines_wan, c.closed_on), (1.5, Some(maskcheck_app::today())));
    assert_eq!(c.enterprise_id.as_deref(), Some(samples[0].input.enterprise_id.as_str()), "the facts are linked");
}

/// 查封 from a finished inspection in the real window: the goods and where they are kept, the period the app
/// proposes (the longest the law allows); the decision and its list of goods printed, read back with pdftotext.
#[test]
fn seal_the_goods_of_a_finished_inspection_and_print_the_decision() {
    let dir = finished_inspection_data_dir();
    {
        // A seizure made 26 days ago ends in three days: the dashboard follows it beside the rectifications.
        let app = App::open(dir.path()).expect("open");
        let inspection = app.list_inspections(None, false).expect("list")[0].id.clone();
        let from = maskcheck_app::today() - chrono::Duration::days(26);
        let goods = vec![maskcheck_domain::document::GoodsRow {
            name: "KN95 口罩（旧批次）".into(),
            spec: String::new(),
            batch: "20261001".into(),
            quantity: 500.0,
            unit: "只".into(),
            note: String::new(),
        }];
        app.issue_document(&maskcheck_app::IssueRequest::CoerciveMeasure {
            inspection_id: Some(inspection),
            sample_id: None,
            measure: maskcheck_domain::document::Measure::Seize,
            goods,
            goods_place: "本局暂存仓库".into(),
            from,
            until: maskcheck_domain::document_rules::last_day_of_measure(from),
            party_words: Default::default(),
        })
        .expect("seizure");
    }
    let driver = Driver::start();
    let mut s = Session::launch(&driver, dir.path(), "measure");
    let row = s.wait_text("[data-testid=measure-row]", |t| t.contains("3 天后到期"));
    assert!(row.contains("扣押") && row.contains("康宁"), "{row}");
    std::thread::sleep(std::time::Duration::from_millis(500));
    s.screenshot("dashboard-measure-ending");
    s.click_css("[data-testid=nav-inspections]");
    s.wait_inner_text("[data-testid=inspection-list]", |t| t.contains("康宁"));
    s.click_css("[data-testid=inspection-list] .el-table__row .cell");
    s.click_css("[data-testid=issue-measure]");
    s.wait_text("[data-testid=measure-form]", |t| t.contains("财物清单"));
    let place = s.execute("return document.querySelector('[data-testid=measure-place]').value");
    assert_eq!(place, serde_json::json!("新乡市卫滨区华兰大道1号"), "the enterprise's production address");
    s.type_into("[data-testid=goods-name-0]", "KN95 医用防护口罩（批号 20261101）");
    s.type_into("[data-testid=goods-quantity-0] input", "2000");
    s.type_into("[data-testid=measure-place]", "成品仓库东侧货架");
    let preview = s.wait_text("[data-testid=doc-preview]", |t| t.contains("成品仓库东侧货架") && t.contains("2000"));
    assert!(preview.contains("实施行政强制措施决定书") && preview.contains("查封"), "{preview}");
    s.screenshot("seal-preview");
    s.click_css("[data-testid=issue-confirm]");
    s.wait_text("[data-testid=documents-card]", |t| t.contains("卫市监强制〔"));
    s.screenshot("seal-issued");

    // The party refuses the decision: left at the address, with the reason it gave and a witness.
    s.click_css("[data-testid=nav-documents]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("待送达"));
    // The table may still re-render under the first click (seen once in three runs): click until the dialog opens.
    for _ in 0..5 {
        s.click_css("[data-testid=docs-serve]");
        std::thread::sleep(std::time::Duration::from_millis(400));
        if s.is_visible("[data-testid=service-form]") {
            break;
        }
    }
    s.click_css("[data-testid=service-method]");
    s.wait_inner_text(".service-method-dropdown", |t| t.contains("留置送达"));
    s.execute(
        "[...document.querySelectorAll('.service-method-dropdown .el-select-dropdown__item')] \
         .find(e => e.textContent.includes('留置送达')).click()",
    );
    s.type_into("[data-testid=service-recipient]", "王五");
    s.click_css("[data-testid=service-submit]");
    s.wait_text("[data-testid=service-form]", |t| t.contains("原因为必填项") && t.contains("留置送达须有见证人"));
    s.screenshot("service-left-refused");
    s.type_into("[data-testid=service-refusal]", "认为样品抽取不公，拒绝签收");
    s.type_into("[data-testid=service-witness]", "华兰社区居委会主任李某");
    s.click_css("[data-testid=service-submit]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("已送达"));
    s.screenshot("service-left");
    drop(s);

    let app = App::open(dir.path()).expect("open");
    let kind = Some(maskcheck_domain::document::DocKind::CoerciveMeasure);
    let docs = app.documents_in(&maskcheck_app::DocumentFilter { kind, ..Default::default() }, None).expect("docs");
    assert_eq!(docs.len(), 2, "the seizure made before and the seal made in the window");
    assert_eq!(docs[0].state, maskcheck_domain::document::DocState::Done, "served by leaving it, with its witness");
    assert_eq!(docs[1].state, maskcheck_domain::document::DocState::AwaitingService, "the seizure is not served yet");
    assert_eq!(app.measures(true).expect("due").len(), 1, "only the seizure ends within the week");
    let pdf = dir.path().join("decision.pdf");
    app.save_document_pdf(&docs[0].id, &pdf).expect("pdf");
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout).replace(char::is_whitespace, "");
    let until = maskcheck_domain::document_rules::last_day_of_measure(maskcheck_app::today());
    let until = maskcheck_domain::document::zh_date(until).replace(char::is_whitespace, "");
    for needle in ["实施行政强制措施决定书", "财物清单", "KN95医用防护口罩", "成品仓库东侧货架", until.as_str()]
    {
        assert!(text.contains(needle), "the printed decision says {needle}: {text}");
    }
}

/// A re-inspection that finds the rectification incomplete offers a case, opened with the notice named and the
/// enterprise and inspection linked.
#[test]
fn an_incomplete_rectification_escalates_to_a_case() {
    let dir = finished_inspection_data_dir();
    let number = {
        let app = App::open(dir.path()).expect("open");
        let inspection = app.list_inspections(None, false).expect("list")[0].id.clone();
        let notice = maskcheck_app::IssueRequest::RectificationNotice {
            inspection_id: inspection.clone(),
            deadline: Some(maskcheck_app::today()),
            corrections: vec!["立即取得医疗器械注册证。".into()],
        };
        let number = app.issue_document(&notice).expect("notice").document.number;
        // 10,000 masks were seized on the same visit: the case counts them (查获口罩 1.00 万只).
        let from = maskcheck_app::today();
        app.issue_document(&maskcheck_app::IssueRequest::CoerciveMeasure {
            inspection_id: Some(inspection),
            sample_id: None,
            measure: maskcheck_domain::document::Measure::Seize,
            goods: vec![maskcheck_domain::document::GoodsRow {
                name: "一次性使用医用口罩".into(),
                spec: String::new(),
                batch: "20261101".into(),
                quantity: 10_000.0,
                unit: "只".into(),
                note: String::new(),
            }],
            goods_place: "本局暂存仓库".into(),
            from,
            until: maskcheck_domain::document_rules::last_day_of_measure(from),
            party_words: Default::default(),
        })
        .expect("seizure");
        number
    };
    let driver = Driver::start();
    let mut s = Session::launch(&driver, dir.path(), "escalation");
    s.wait_text("[data-testid=followup-row]", |t| t.contains("今天到期"));
    s.click_css("[data-testid=followup-reinspect]");
    s.type_into("[data-testid=reinspect-name-1]", "李四");
    s.type_into("[data-testid=reinspect-cert-1]", "HA0002");
    s.click_css("[data-testid=reinspect-save]");
    s.wait_text(".el-message-box", |t| t.contains("整改未完成"));
    s.screenshot("offer-case");
    s.click_css(".el-message-box .el-button--primary");
    s.wait_text("[data-testid=case-form]", |t| t.contains("康宁"));
    let title = s.execute("return document.querySelector('[data-testid=case-title]').value");
    assert_eq!(
        title,
        serde_json::json!(format!("新乡市卫滨区康宁医用口罩有限公司未按责令改正通知书（{number}）要求改正案"))
    );
    s.click_css("[data-testid=case-save]");
    s.wait_inner_text("[data-testid=cases-table]", |t| t.contains("要求改正案") && t.contains("办理中"));
    s.screenshot("case-from-rectification");
    drop(s);
    let app = App::open(dir.path()).expect("open");
    let case = &app.cases().expect("cases")[0].input;
    assert_eq!(case.masks_seized_wan, 1.0, "from the seizure's list");
    // Counted from the visits: two inspectors at the inspection, two at the re-inspection; one enterprise.
    assert_eq!((case.inspectors_dispatched, case.operators_checked), (4, 1));
}

/// The whole chain of a failing batch in the real window, each step screenshotted: a medical maker's sampled KN95
/// fails filtration efficiency; the batch is sealed from the failed sample (decision, list and on-site record read
/// back with pdftotext); two buyers from the sales ledger are recorded; a rectification is ordered; the
/// re-inspection finds it incomplete and opens a quality case, closed with a fine; the seal is released. The
/// dashboard shows each follow-up appear and clear.
#[test]
fn a_failed_kn95_is_sealed_traced_rectified_and_closed_as_a_case() {
    let dir = finished_inspection_data_dir();
    let sample_id = {
        let app = App::open(dir.path()).expect("open");
        let enterprise = app.list_enterprises(Default::default()).expect("list").rows[0].id.clone();
        let inspection = app.list_inspections(None, false).expect("list")[0].id.clone();
        let mut input = app.sample_defaults(&enterprise, Some(&inspection)).expect("defaults");
        input.product_name = "KN95 医用防护口罩".into();
        input.spec_model = "折叠式".into();
        input.batch_or_date = "20261101".into();
        input.quantity = "40只".into();
        input.base_quantity = "20000只".into();
        input.test_samples = "20只".into();
        input.reserve_samples = "20只".into();
        input.seal_numbers = "WB-0001、WB-0002".into();
        input.basis = "口罩质量专项整治监督抽查".into();
        input.testing_body = "河南省医疗器械检验所".into();
        input.standard = "GB 19083-2010".into();
        input.grade = "1级".into();
        input
            .samplers
            .push(maskcheck_domain::inspection::Inspector { name: "李四".into(), cert_no: "HA0002".into() });
        app.create_sample(&input).expect("sample").id
    };
    let driver = Driver::start();
    let mut s = Session::launch(&driver, dir.path(), "chain");
    s.wait_text("[data-testid=followups-empty]", |t| !t.is_empty());
    let wide = |s: &mut Session| {
        let w = s.execute("const m = document.querySelector('.main'); return m.scrollWidth > m.clientWidth");
        assert_eq!(w, serde_json::json!(false), "no horizontal scrolling at 1366x768");
    };

    // 1. The lab's result: filtration efficiency fails.
    s.click_css("[data-testid=nav-samples]");
    s.wait_inner_text("[data-testid=samples-table]", |t| t.contains("待检验"));
    s.click_css("[data-testid=sample-record-result]");
    s.click_css("[data-testid=result-fail]");
    s.type_into("[data-testid=result-report]", "HN2026-0458");
    s.wait_text("[data-testid=result-items]", |t| t.contains("过滤效率"));
    s.click_css("[data-testid=result-item-filtration]");
    s.type_into("[data-testid=result-measured-filtration]", "87.3%");
    s.click_css("[data-testid=result-save]");
    s.wait_text("[data-testid=sample-failed]", |t| t.contains("不合格：过滤效率"));
    wide(&mut s);
    s.screenshot("chain-1-failed");
    s.click_css("[data-testid=nav-dashboard]");
    let row = s.wait_text("[data-testid=chain-row]", |t| t.contains("责令停止销售") && t.contains("追查产品流向"));
    assert!(row.contains("康宁") && row.contains("20261101"), "{row}");
    std::thread::sleep(std::time::Duration::from_millis(500));
    s.screenshot("chain-2-dashboard-failed");

    // 2. Seal the batch from the failed sample: the batch is on the list already; the party states its case.
    s.click_css("[data-testid=nav-samples]");
    s.wait_inner_text("[data-testid=samples-table]", |t| t.contains("不合格"));
    s.click_css("[data-testid=sample-seal]");
    s.wait_text("[data-testid=measure-form]", |t| t.contains("财物清单"));
    let name = s.execute("return document.querySelector('[data-testid=goods-name-0]').value");
    assert_eq!(name, serde_json::json!("KN95 医用防护口罩"), "the failing batch is on the list");
    s.type_into("[data-testid=goods-quantity-0] input", "12000");
    s.type_into("[data-testid=measure-place]", "成品仓库二号库");
    s.click_css("[data-testid=party-recorded]");
    s.type_into("[data-testid=party-opinion]", "对检验结果有异议，申请复检。");
    let preview = s.wait_text("[data-testid=doc-preview]", |t| {
        t.contains("成品仓库二号库") && t.contains("申请复检") && t.contains("HN2026-0458")
    });
    assert!(preview.contains("过滤效率项目不符合GB 19083-2010"), "the lab's result is the fact: {preview}");
    s.screenshot("chain-3-seal-preview");
    s.click_css("[data-testid=issue-confirm]");
    std::thread::sleep(std::time::Duration::from_millis(800));

    // 3. The batch's trail: sales stopped, two buyers from the ledger, one recalled at once.
    s.wait_inner_text("[data-testid=samples-table]", |t| t.contains("不合格"));
    s.click_css("[data-testid=sample-chain]");
    s.wait_text("[data-testid=chain-form]", |t| t.contains("产品流向"));
    let today = maskcheck_app::today().to_string();
    // Sales were stopped today: picked in the date panel (which closes then; it would cover the buttons under it).
    s.click_css("[data-testid=chain-stop-sales] input");
    for _ in 0..20 {
        if s.is_visible(".el-picker-panel .el-date-table td.today") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.click_css(".el-picker-panel .el-date-table td.today");
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.screenshot("chain-4-stop-sales");
    for (i, (buyer, place, quantity)) in
        [("卫滨区惠民大药房", "新乡市卫滨区", "3000"), ("红旗区康泰医疗器械经营部", "新乡市红旗区", "5000")]
            .into_iter()
            .enumerate()
    {
        s.click_css("[data-testid=chain-add-buyer]");
        s.type_into(&format!("[data-testid=chain-buyer-{i}]"), buyer);
        s.type_into(&format!("[data-testid=chain-place-{i}]"), place);
        s.type_into(&format!("[data-testid=chain-quantity-{i}] input"), quantity);
    }
    s.click_css("[data-testid=chain-outcome-0]");
    s.wait_inner_text(".chain-outcome-dropdown-0", |t| t.contains("已召回"));
    s.execute(
        "[...document.querySelectorAll('.chain-outcome-dropdown-0 .el-select-dropdown__item')] \
         .find(e => e.textContent.includes('已召回')).click()",
    );
    s.execute("document.querySelector('[data-testid=chain-buyer-0]').focus()");
    s.screenshot("chain-5-trail");
    s.click_css("[data-testid=chain-save]");
    s.wait_inner_text("[data-testid=samples-table]", |t| t.contains("不合格"));
    s.click_css("[data-testid=nav-dashboard]");
    let row = s.wait_text("[data-testid=chain-row]", |t| t.contains("红旗区康泰医疗器械经营部（5000只）"));
    assert!(!row.contains("责令停止销售") && !row.contains("惠民"), "only the pending buyer is left: {row}");
    std::thread::sleep(std::time::Duration::from_millis(500));
    s.screenshot("chain-5-dashboard-buyer");

    // 4. Order rectification from the inspection; it joins the follow-ups.
    s.click_css("[data-testid=nav-inspections]");
    s.click_css("[data-testid=inspection-list] .el-table__row td .cell");
    s.wait_text("[data-testid=inspection-status]", |t| t.contains("完结"));
    s.click_css("[data-testid=issue-notice]");
    s.wait_text("[data-testid=doc-preview]", |t| t.contains("责令改正通知书"));
    s.click_css("[data-testid=issue-confirm]");
    s.wait_text("[data-testid=document-number]", |t| t.contains("卫市监责改〔"));
    s.click_css("[data-testid=nav-dashboard]");
    s.wait_text("[data-testid=followup-row]", |t| t.contains("7 天后到期"));
    std::thread::sleep(std::time::Duration::from_millis(500));
    s.screenshot("chain-6-dashboard-rectification");

    // 5. The re-inspection finds it incomplete: a quality case opens with the facts linked; it closes with a fine.
    s.click_css("[data-testid=followup-reinspect]");
    s.type_into("[data-testid=reinspect-name-1]", "李四");
    s.type_into("[data-testid=reinspect-cert-1]", "HA0002");
    s.click_css("[data-testid=reinspect-save]");
    s.wait_text(".el-message-box", |t| t.contains("整改未完成"));
    s.click_css(".el-message-box .el-button--primary");
    s.wait_text("[data-testid=case-form]", |t| t.contains("康宁"));
    s.screenshot("chain-7-case-opened");
    s.click_css("[data-testid=case-save]");
    s.wait_inner_text("[data-testid=cases-table]", |t| t.contains("要求改正案") && t.contains("办理中"));
    s.click_css("[data-testid=case-edit]");
    s.wait_text("[data-testid=case-form]", |t| t.contains("康宁"));
    s.type_into("[data-testid=case-fines] input", "5");
    s.type_into("[data-testid=case-closed-on] input", &today);
    s.execute("document.querySelector('[data-testid=case-title]').focus()");
    s.click_css("[data-testid=case-save]");
    let row = s.wait_inner_text("[data-testid=cases-table]", |t| t.contains("结案"));
    assert!(row.contains("5.00") && row.contains("质量"), "{row}");
    wide(&mut s);
    s.screenshot("chain-8-case-closed");

    // 6. The second buyer's goods are sealed there; the seal at the maker is released once the case is decided.
    s.click_css("[data-testid=nav-samples]");
    s.wait_inner_text("[data-testid=samples-table]", |t| t.contains("不合格"));
    s.click_css("[data-testid=sample-chain]");
    s.wait_text("[data-testid=chain-form]", |t| t.contains("产品流向"));
    s.click_css("[data-testid=chain-outcome-1]");
    s.wait_inner_text(".chain-outcome-dropdown-1", |t| t.contains("已查封"));
    s.execute(
        "[...document.querySelectorAll('.chain-outcome-dropdown-1 .el-select-dropdown__item')] \
         .find(e => e.textContent.includes('已查封')).click()",
    );
    s.click_css("[data-testid=chain-save]");
    s.wait_inner_text("[data-testid=samples-table]", |t| t.contains("不合格"));
    s.click_css("[data-testid=nav-documents]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("实施行政强制措施决定书"));
    s.click_css("[data-testid=docs-release]");
    s.wait_text("[data-testid=measure-follow-form]", |t| t.contains("解除理由"));
    s.type_into("[data-testid=release-reason]", "已对不合格产品作出没收的处理决定");
    s.wait_text("[data-testid=doc-preview]", |t| t.contains("解除查封决定书") && t.contains("第二十八条"));
    s.screenshot("chain-9-release-preview");
    s.click_css("[data-testid=issue-confirm]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("解除查封（扣押）决定书"));
    let offered =
        s.execute("return document.querySelectorAll('[data-testid=docs-release], [data-testid=docs-extend]').length");
    assert_eq!(offered, serde_json::json!(0), "a released seal offers neither extension nor release");
    wide(&mut s);
    s.screenshot("chain-10-documents");

    // The chain is done: the dashboard no longer lists it; the rectification stays until a complete re-inspection.
    s.click_css("[data-testid=nav-dashboard]");
    s.wait_text("[data-testid=dashboard-followups]", |t| t.contains("整改") || t.contains("到期"));
    let chains = s.execute("return document.querySelectorAll('[data-testid=chain-row]').length");
    assert_eq!(chains, serde_json::json!(0), "every buyer dealt with: the chain left the dashboard");
    s.click_css("[data-testid=followup-reinspect]");
    s.type_into("[data-testid=reinspect-name-1]", "李四");
    s.type_into("[data-testid=reinspect-cert-1]", "HA0002");
    s.click_css("[data-testid=reinspect-done-0]");
    s.click_css("[data-testid=reinspect-save]");
    s.wait_text("[data-testid=followups-empty]", |t| !t.is_empty());
    s.screenshot("chain-11-dashboard-clear");

    // The 统计 page: appendix 4's quality row and 合计 carry the case and its fine; appendix 5 the failed KN95.
    s.click_css("[data-testid=nav-stats]");
    let a4 = s.wait_inner_text("[data-testid=stats-a4]", |t| t.contains("合计") && t.contains("5.00"));
    assert!(a4.contains("质量"), "{a4}");
    let a5 = s.wait_inner_text("[data-testid=stats-a5]", |t| t.contains("KN95"));
    assert!(a5.contains("不合格") && a5.contains("红旗区康泰医疗器械经营部"), "{a5}");
    wide(&mut s);
    std::thread::sleep(std::time::Duration::from_millis(400));
    s.screenshot("chain-12-stats");
    drop(s);

    let app = App::open(dir.path()).expect("open");
    let sample = app.sample(&sample_id).expect("sample");
    let result = sample.result.expect("result");
    assert_eq!(
        result.market_direction,
        "卫滨区惠民大药房（新乡市卫滨区）3000只；红旗区康泰医疗器械经营部（新乡市红旗区）5000只"
    );
    assert_eq!(result.post_measures, "责令停止销售，召回3000只，在购货单位查封5000只");
    let kind = Some(maskcheck_domain::document::DocKind::CoerciveMeasure);
    let decision =
        &app.documents_in(&maskcheck_app::DocumentFilter { kind, ..Default::default() }, None).expect("docs")[0];
    let pdf = dir.path().join("seal.pdf");
    app.save_document_pdf(&decision.id, &pdf).expect("pdf");
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout).replace(char::is_whitespace, "");
    for needle in [
        "实施行政强制措施决定书",
        "过滤效率项目不符合GB19083-2010的要求",
        "财物清单",
        "KN95医用防护口罩",
        "12000",
        "成品仓库二号库",
        "查封现场笔录",
        "对检验结果有异议，申请复检。",
    ] {
        assert!(text.contains(needle), "the printed decision says {needle}: {text}");
    }
    let m = app.measure(&decision.id).expect("measure");
    assert_eq!(m.released_on, Some(maskcheck_app::today()));
    let case = &app.cases().expect("cases")[0].input;
    assert_eq!((case.fines_wan, case.closed_on.is_some()), (5.0, true));
    assert_eq!((case.inspectors_dispatched, case.operators_checked), (4, 1), "the inspection and the re-inspection");
}

/// From the 文书 page: a seal is extended by its own decision (the new last day and the reason on the preview),
/// and a notice is corrected (更正): the corrected one issued, the original revoked with the reason.
#[test]
fn extend_a_seal_and_correct_a_notice_from_the_documents_page() {
    let dir = finished_inspection_data_dir();
    {
        let app = App::open(dir.path()).expect("open");
        let inspection = app.list_inspections(None, false).expect("list")[0].id.clone();
        let from = maskcheck_app::today();
        app.issue_document(&maskcheck_app::IssueRequest::CoerciveMeasure {
            inspection_id: Some(inspection.clone()),
            sample_id: None,
            measure: maskcheck_domain::document::Measure::Seal,
            goods: vec![maskcheck_domain::document::GoodsRow {
                name: "一次性使用医用口罩".into(),
                spec: String::new(),
                batch: "20261101".into(),
                quantity: 8000.0,
                unit: "只".into(),
                note: String::new(),
            }],
            goods_place: "成品仓库".into(),
            from,
            until: maskcheck_domain::document_rules::last_day_of_measure(from),
            party_words: Default::default(),
        })
        .expect("seal");
        app.issue_document(&maskcheck_app::IssueRequest::RectificationNotice {
            inspection_id: inspection,
            deadline: Some(from + chrono::Duration::days(7)),
            corrections: vec!["取得医疗器械注册证".into()],
        })
        .expect("notice");
    }
    let driver = Driver::start();
    let mut s = Session::launch(&driver, dir.path(), "documents-follow");
    s.click_css("[data-testid=nav-documents]");
    s.wait_inner_text("[data-testid=docs-table]", |t| {
        t.contains("实施行政强制措施决定书") && t.contains("责令改正通知书")
    });

    s.click_css("[data-testid=docs-extend]");
    s.wait_text("[data-testid=measure-follow-form]", |t| t.contains("延长理由"));
    let longest = (maskcheck_domain::document_rules::last_day_of_measure(maskcheck_app::today())
        + chrono::Duration::days(30))
    .to_string();
    assert!(s.wait_text("[data-testid=measure-follow-form]", |t| t.contains(&longest)).contains("最长可延长至"));
    s.type_into("[data-testid=extension-reason]", "检验结果尚未出具，案情复杂");
    let preview =
        s.wait_text("[data-testid=doc-preview]", |t| t.contains("延长查封期限决定书") && t.contains("案情复杂"));
    assert!(preview.contains("第二十五条"), "{preview}");
    s.screenshot("extension-preview");
    s.click_css("[data-testid=issue-confirm]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("延长查封（扣押）期限决定书"));
    let extend = s.execute("return document.querySelectorAll('[data-testid=docs-extend]').length");
    assert_eq!(extend, serde_json::json!(0), "extended once: no second extension is offered");

    // 更正 the notice: the reason first, then the same dialog; the original is revoked.
    let row = s.execute(
        "const rows = [...document.querySelectorAll('[data-testid=docs-table] .el-table__body tr')]; \
         return rows.findIndex(r => r.textContent.includes('责令改正通知书'))",
    );
    let index = row.as_i64().expect("the notice's row");
    s.execute(&format!(
        "[...document.querySelectorAll('[data-testid=docs-table] .el-table__body tr')][{index}] \
         .querySelector('[data-testid=docs-amend]').click()"
    ));
    s.wait_text(".el-message-box", |t| t.contains("更正原因"));
    s.type_into(".el-message-box input", "改正期限有误");
    s.click_css(".el-message-box .el-button--primary");
    s.wait_text("[data-testid=issue-amends]", |t| t.contains("改正期限有误"));
    s.wait_text("[data-testid=doc-preview]", |t| t.contains("责令改正通知书"));
    s.screenshot("amend-preview");
    s.click_css("[data-testid=issue-confirm]");
    s.wait_inner_text("[data-testid=docs-table]", |t| t.contains("已撤销"));
    s.screenshot("amended");
    drop(s);

    let app = App::open(dir.path()).expect("open");
    let notices = app
        .documents_in(
            &maskcheck_app::DocumentFilter {
                kind: Some(maskcheck_domain::document::DocKind::RectificationNotice),
                ..Default::default()
            },
            None,
        )
        .expect("notices");
    assert_eq!(notices.len(), 2);
    let (new, old) = (&notices[0], &notices[1]);
    assert_eq!(new.amends_id.as_deref(), Some(old.id.as_str()));
    assert!(old.revoked.as_deref().is_some_and(|r| r.contains("改正期限有误")), "{old:?}");
    let seal = &app.measures(false).expect("measures")[0];
    assert_eq!(seal.extended_until.map(|d| d.to_string()), Some(longest));
}

/// The page fits 1366×768 without scrolling sideways.
fn wide(s: &mut Session) {
    let wide = s.execute("const m = document.querySelector('.main'); return m.scrollWidth > m.clientWidth");
    assert_eq!(wide, serde_json::json!(false), "no horizontal scrolling at 1366x768");
}

/// Waits (up to 10 s) for a file the window writes.
fn wait_file(path: &std::path::Path) {
    for _ in 0..100 {
        if path.is_file() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{} was not written", path.display());
}

/// The 统计 page in the real window: an inspector exports appendix 4 (the file is read back by a bureau and equals
/// the figures shown); the bureau's 汇总 tab previews a unit's workbook with a bad cell (row and column named,
/// import disabled), then reads the good one and shows the unit beside the total.
#[test]
fn export_appendix_four_and_roll_up_a_units_workbook_from_the_stats_page() {
    let driver = Driver::start();
    let inspector = tempfile::tempdir().expect("tempdir");
    let exported = inspector.path().join("附件4-口罩案件查处情况统计表.xlsx");
    let shown_total = {
        let app = App::open(inspector.path()).expect("open");
        app.load_demo(30, 5).expect("demo");
        let rows = app.appendix4(maskcheck_domain::appendix::Period::default(), None).expect("figures");
        rows.last().expect("合计").clone()
    };
    {
        let mut s = Session::launch(&driver, inspector.path(), "stats");
        s.click_css("[data-testid=nav-stats]");
        s.wait_inner_text("[data-testid=stats-a4]", |t| t.contains("合计"));
        s.click_css("[data-testid=stats-export-choice]");
        s.wait_text(".stats-choice-dropdown", |t| t.contains("附件4"));
        s.execute(
            "[...document.querySelectorAll('.stats-choice-dropdown .el-select-dropdown__item')] \
             .find(e => e.textContent.includes('附件4')).click()",
        );
        s.type_into("[data-testid=stats-export-path]", &exported.display().to_string());
        s.click_css("[data-testid=stats-export]");
        wait_file(&exported);
        wide(&mut s);
        s.screenshot("stats-exported");
    }

    let bureau = tempfile::tempdir().expect("tempdir");
    let app = App::open(bureau.path()).expect("open");
    app.setup(maskcheck_app::bureau_person("局端", "HA9900", maskcheck_domain::Role::Bureau)).expect("setup");
    let read = app
        .preview_sent_report(&exported, maskcheck_domain::appendix::Period::default(), None)
        .expect("the exported workbook reads back");
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(
        read.appendix4.as_ref().and_then(|a| a.last()),
        Some(&shown_total),
        "the file holds what the page showed"
    );
    drop(app);

    let bad = bureau.path().join("红旗区附件4.xlsx");
    maskcheck_tests::sent_reports::appendix4_with_a_word_for_a_figure(&bad, "红旗区市场监督管理局");

    let mut s = Session::launch(&driver, bureau.path(), "rollup");
    s.click_css("[data-testid=nav-stats]");
    s.click_css("#tab-rollup");
    s.type_into("[data-testid=rollup-receive-path]", &bad.display().to_string());
    s.click_css("[data-testid=rollup-preview]");
    let errors = s.wait_inner_text("[data-testid=rollup-errors]", |t| t.contains("两件"));
    assert!(errors.contains("其中：立案(件)") && errors.contains('4'), "{errors}");
    let disabled = s.execute("return document.querySelector('[data-testid=rollup-apply]').disabled");
    assert_eq!(disabled, serde_json::Value::Bool(true), "a table with errors cannot be imported");
    s.screenshot("rollup-bad-cell");
    s.type_into("[data-testid=rollup-receive-path]", &exported.display().to_string());
    s.type_into("[data-testid=rollup-receive-unit]", "卫滨区市场监督管理局");
    s.click_css("[data-testid=rollup-preview]");
    s.wait_inner_text("[data-testid=rollup-preview-result]", |t| t.contains("卫滨区市场监督管理局"));
    s.click_css("[data-testid=rollup-apply]");
    let table = s.wait_inner_text("[data-testid=rollup-table]", |t| t.contains("卫滨区市场监督管理局"));
    assert!(table.contains("合计") && table.contains(&shown_total.cases.to_string()), "{table}");
    wide(&mut s);
    s.screenshot("rollup-received");
}

/// The bureau's 统计 page with demo data: the charts drawn and saved as PNG into a folder; the campaign board with
/// a task marked done; a 双随机 draw previewed, kept and re-run from the window. Screenshots of each tab.
#[test]
fn charts_campaign_board_and_a_spot_check_draw_on_the_stats_page() {
    let driver = Driver::start();
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let app = App::open(dir.path()).expect("open");
        app.setup(maskcheck_app::bureau_person("局端", "HA9900", maskcheck_domain::Role::Bureau)).expect("setup");
        app.load_demo(120, 7).expect("demo");
    }
    let mut s = Session::launch(&driver, dir.path(), "stats-bureau");
    s.click_css("[data-testid=nav-stats]");
    s.wait_inner_text("[data-testid=stats-a4]", |t| t.contains("合计"));
    wide(&mut s);
    s.screenshot("tables");

    s.click_css("#tab-charts");
    s.find("[data-testid=stats-charts] canvas");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let drawn = s.execute("return document.querySelectorAll('[data-testid=stats-charts] canvas').length");
    assert_eq!(drawn, serde_json::json!(5), "five charts");
    let pngs = dir.path().join("图表");
    std::fs::create_dir_all(&pngs).expect("folder");
    s.type_into("[data-testid=charts-folder]", &pngs.display().to_string());
    s.click_css("[data-testid=charts-save-all]");
    let coverage = pngs.join("各单位生产企业检查抽查覆盖.png");
    wait_file(&coverage);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let saved: Vec<_> = std::fs::read_dir(&pngs).expect("dir").map(|e| e.expect("entry").path()).collect();
    assert_eq!(saved.len(), 5, "{saved:?}");
    for p in &saved {
        let bytes = std::fs::read(p).expect("png");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 2000, "{} is a drawn PNG", p.display());
    }
    wide(&mut s);
    s.screenshot("charts");

    s.click_css("#tab-board");
    s.wait_inner_text("[data-testid=campaign-board]", |t| t.contains("全面排查生产企业") && t.contains("2021-04-10"));
    s.click_css("[data-testid=campaign-edit-nm01]");
    s.click_css("[data-testid=task-status-done]");
    s.type_into("[data-testid=task-note]", "已成立工作专班，制定实施方案");
    s.type_into("[data-testid=task-record]", "新市监〔2026〕1号");
    s.click_css("[data-testid=task-save]");
    s.wait_text("[data-testid=campaign-light-nm01]", |t| t.contains("完成"));
    let survey = s.wait_text("[data-testid=campaign-light-nm02]", |t| !t.is_empty());
    assert!(["逾期", "完成"].contains(&survey.as_str()), "due 2021-04-10: {survey}");
    wide(&mut s);
    s.screenshot("board");

    s.click_css("#tab-spot");
    s.type_into("[data-testid=spot-title]", "2026年11月经营企业双随机检查");
    s.type_into("[data-testid=spot-name-0]", "张三");
    s.type_into("[data-testid=spot-cert-0]", "HA0001");
    s.type_into("[data-testid=spot-name-1]", "李四");
    s.type_into("[data-testid=spot-cert-1]", "HA0002");
    s.type_into("[data-testid=spot-seed]", "20261124");
    s.click_css("[data-testid=spot-preview]");
    let preview = s.wait_inner_text("[data-testid=spot-preview-result]", |t| t.contains("20261124"));
    assert!(preview.contains("张三（HA0001）"), "{preview}");
    s.click_css("[data-testid=spot-commit]");
    let plan = s.wait_inner_text("[data-testid=spot-plan]", |t| t.contains("2026年11月经营企业双随机检查"));
    assert!(plan.contains("随机种子 20261124"), "{plan}");
    s.click_css("[data-testid=spot-verify]");
    s.wait_text(".el-message--success", |t| t.contains("一致"));
    wide(&mut s);
    s.screenshot("spot-checks");
    drop(s);
    let app = App::open(dir.path()).expect("open");
    let plans = app.spot_plans().expect("plans");
    assert_eq!(plans.len(), 1);
    assert!(app.verify_draw(&plans[0].plan_id).expect("verify").same);
}

/// A failing disk in the real window: the damaged database opens read-only with a banner that stays; the 设置 page
/// lists the backups with what each holds; restoring the day's copy (after a warning about the new device
/// identity) brings the data back and the banner goes.
#[test]
fn a_damaged_database_is_read_only_until_a_backup_is_restored_from_the_settings_page() {
    let driver = Driver::start();
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let app = App::open(dir.path()).expect("open");
        app.load_demo(300, 4).expect("demo");
    }
    drop(App::open(dir.path()).expect("the next start takes the day's copy"));
    let db = dir.path().join("maskcheck.db");
    maskcheck_tests::records::damage_database(&db);

    let mut s = Session::launch(&driver, dir.path(), "damaged");
    let banner = s.wait_text("[data-testid=database-damaged]", |t| t.contains("只读"));
    assert!(banner.contains("备份"), "{banner}");
    s.screenshot("read-only-banner");
    s.click_css("[data-testid=nav-settings]");
    let row = s.wait_inner_text("[data-testid=settings-data]", |t| t.contains("每日备份") && t.contains("企业 300 家"));
    assert!(row.contains("恢复"), "{row}");
    s.screenshot("backups");
    s.click_css("[data-testid=backup-restore]");
    s.wait_text(".el-message-box", |t| t.contains("新的设备身份"));
    s.click_css(".el-message-box__btns .el-button--primary");
    s.wait_text(".el-message-box", |t| t.contains("已恢复"));
    s.click_css(".el-message-box__btns .el-button--primary");
    s.wait_text("[data-testid=top-inspector]", |t| !t.is_empty());
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(s.try_find("[data-testid=database-damaged]").is_none(), "the banner went with the damage");
    s.screenshot("restored");
    drop(s);
    let app = App::open(dir.path()).expect("open");
    assert!(app.setup_status().expect("status").damaged.is_none());
    assert!(app.backups().expect("backups").iter().any(|b| b.reason == maskcheck_app::BackupReason::Replaced));
}

/// A lost laptop leaks nothing, in the real window: the first run encrypts; the lock button and the idle lock show
/// the unlock screen, where a wrong passphrase is refused and the right one opens the data again.
#[test]
fn an_encrypted_laptop_locks_by_hand_and_when_idle_and_unlocks_with_its_passphrase() {
    let driver = Driver::start();
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "新乡市卫滨区保密口罩有限公司";
    let mut s = Session::launch(&driver, dir.path(), "lock");
    setup_through_the_window(&mut s);
    assert!(s.try_find("[data-testid=unencrypted-warning]").is_none(), "no warning on an encrypted laptop");
    App::open_with(dir.path(), Some(PASS))
        .expect("open alongside")
        .create_enterprise(EnterpriseInput::new(name, GOOD_USCC))
        .expect("enterprise");
    s.click_css("[data-testid=lock-now]");
    s.find("[data-testid=unlock-passphrase]");
    s.screenshot("locked");
    s.type_into("[data-testid=unlock-passphrase]", "卫滨区 口令 2027");
    s.click_css("[data-testid=unlock-submit]");
    let error = s.wait_text("[data-testid=unlock-error]", |t| !t.is_empty());
    assert!(error.contains("口令不正确"), "{error}");
    s.screenshot("wrong-passphrase");
    s.type_into("[data-testid=unlock-passphrase]", PASS);
    s.click_css("[data-testid=unlock-submit]");
    s.wait_text("[data-testid=top-inspector]", |t| t.contains("张三"));
    s.click_css("[data-testid=nav-roster]");
    s.wait_text("[data-testid=roster-row-name]", |t| t == name);
    s.screenshot("unlocked");
    drop(s);
    assert_hidden(dir.path(), name);
    assert_hidden(dir.path(), GOOD_USCC);

    // The idle lock: a minute without a key or a click, and the window locks by itself.
    App::open_with(dir.path(), Some(PASS)).expect("open").set_idle_lock(1).expect("one minute");
    let mut s = Session::launch(&driver, dir.path(), "lock-idle");
    s.type_into("[data-testid=unlock-passphrase]", PASS);
    s.click_css("[data-testid=unlock-submit]");
    s.wait_text("[data-testid=top-inspector]", |t| t.contains("张三"));
    let started = std::time::Instant::now();
    while s.try_find("[data-testid=unlock-passphrase]").is_none() {
        assert!(started.elapsed() < std::time::Duration::from_secs(120), "the window did not lock when idle");
        std::thread::sleep(std::time::Duration::from_secs(2));
    }
    assert!(started.elapsed() >= std::time::Duration::from_secs(45), "locked before a minute: {:?}", started.elapsed());
    s.screenshot("locked-when-idle");
}

/// A plain laptop (made before encryption existed) shows a warning that stays; from it, the 设置 page encrypts the
/// data in place, and the warning goes.
#[test]
fn a_plain_laptop_warns_until_its_data_is_encrypted_from_the_settings_page() {
    let driver = Driver::start();
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "新乡市卫滨区明文口罩有限公司";
    {
        let app = App::open(dir.path()).expect("plain");
        app.setup(maskcheck_app::demo_profile()).expect("setup");
        app.create_enterprise(EnterpriseInput::new(name, GOOD_USCC)).expect("enterprise");
    }
    let mut s = Session::launch(&driver, dir.path(), "encrypt");
    let warning = s.wait_text("[data-testid=unencrypted-warning]", |t| t.contains("未加密"));
    assert!(warning.contains("笔记本丢失"), "{warning}");
    s.screenshot("plain-warning");
    s.click_css("[data-testid=unencrypted-go]");
    s.type_into("[data-testid=encrypt-passphrase]", PASS);
    s.type_into("[data-testid=encrypt-confirm]", "不一样的口令 2026");
    s.click_css("[data-testid=encrypt-submit]");
    s.wait_text(".el-message-box", |t| t.contains("加密"));
    s.click_css(".el-message-box__btns .el-button--primary");
    let error = s.wait_text("[data-testid=settings-encryption] .el-form-item__error", |t| !t.is_empty());
    assert!(error.contains("不一致"), "{error}");
    s.type_into("[data-testid=encrypt-confirm]", PASS);
    s.click_css("[data-testid=encrypt-submit]");
    s.wait_text(".el-message-box", |t| t.contains("加密"));
    s.click_css(".el-message-box__btns .el-button--primary");
    s.wait_text("[data-testid=encryption-state]", |t| t.contains("已加密"));
    s.find("[data-testid=lock-now]");
    assert!(s.try_find("[data-testid=unencrypted-warning]").is_none(), "the warning went");
    s.screenshot("encrypted");
    drop(s);
    assert_eq!(App::dir_state(dir.path()), maskcheck_app::DirState::Encrypted);
    assert_hidden(dir.path(), name);
}

/// A forgotten passphrase in the real windows: the locked laptop writes its recovery file; the bureau's 设置 page
/// opens it and writes a key file under a new passphrase; the laptop's unlock screen installs it and opens.
#[test]
fn a_forgotten_passphrase_is_recovered_through_the_bureau_in_the_windows() {
    let root = tempfile::tempdir().expect("tempdir");
    let (laptop, bureau) = (root.path().join("laptop"), root.path().join("bureau"));
    let person = |name: &str, cert: &str, role| maskcheck_app::bureau_person(name, cert, role);
    let (laptop_app, _) = App::create_data_dir(
        &laptop,
        person("张三", "HA0001", maskcheck_domain::Role::Inspector),
        Some(PASS),
        Some(PASS),
    )
    .expect("laptop");
    let (bureau_app, _) =
        App::create_data_dir(&bureau, person("王局", "HA9000", maskcheck_domain::Role::Bureau), None, None)
            .expect("bureau");
    let card = root.path().join("card.json");
    laptop_app.write_identity(&card).expect("identity");
    let laptop_id = bureau_app.enrol_device(&card).expect("enrol").id;
    let first = root.path().join("first.mcb");
    bureau_app.export_bundle(&first, Some(&laptop_id)).expect("export");
    let fp = bureau_app.device_show().expect("bureau").fingerprint_groups;
    laptop_app.import_bundle(&first, Some(&fp)).expect("the bureau is pinned");
    drop((laptop_app, bureau_app));

    let driver = Driver::start();
    let request = root.path().join("recovery.json");
    {
        let mut s = Session::launch(&driver, &laptop, "recover-laptop");
        s.find("[data-testid=unlock-passphrase]");
        s.click_css("[data-testid=unlock-forgot-toggle]");
        let forgot = s.wait_text("[data-testid=unlock-forgot]", |t| t.contains("局端"));
        assert!(forgot.contains(&fp), "names the bureau that can recover it: {forgot}");
        s.type_into("[data-testid=unlock-recovery-out]", &request.display().to_string());
        s.click_css("[data-testid=unlock-write-recovery]");
        wait_file(&request);
        s.screenshot("recovery-file-written");
    }
    let key_file = root.path().join("new-key.json");
    let new = "局端重设的口令 0815";
    {
        let mut s = Session::launch(&driver, &bureau, "recover-bureau");
        s.click_css("[data-testid=nav-settings]");
        s.type_into("[data-testid=recover-file]", &request.display().to_string());
        s.type_into("[data-testid=recover-out]", &key_file.display().to_string());
        s.type_into("[data-testid=recover-passphrase]", new);
        s.type_into("[data-testid=recover-confirm]", new);
        s.click_css("[data-testid=recover-submit]");
        let done = s.wait_text(".el-message-box", |t| t.contains("张三"));
        assert!(done.contains(&laptop_id), "{done}");
        s.screenshot("key-file-made");
        s.click_css(".el-message-box__btns .el-button--primary");
        wait_file(&key_file);
    }
    let mut s = Session::launch(&driver, &laptop, "recover-install");
    s.find("[data-testid=unlock-passphrase]");
    s.click_css("[data-testid=unlock-forgot-toggle]");
    s.type_into("[data-testid=unlock-key-file]", &key_file.display().to_string());
    s.type_into("[data-testid=unlock-key-passphrase]", new);
    s.click_css("[data-testid=unlock-install]");
    s.wait_text("[data-testid=top-inspector]", |t| t.contains("张三"));
    s.screenshot("unlocked-with-the-new-passphrase");
    drop(s);
    assert_eq!(App::open_with(&laptop, Some(PASS)).err().expect("old").code, maskcheck_app::ErrorCode::WrongPassphrase);
    App::open_with(&laptop, Some(new)).expect("the new passphrase opens it");
}
