//! End-to-end: the built desktop app in a real window (Xvfb), driven through tauri-driver and WebKitWebDriver.
//! Screenshots of each step land in `target/e2e/<test>/`. Run by scripts/test.sh (feature `e2e`).

use maskcheck_app::App;
use maskcheck_domain::EnterpriseInput;
use maskcheck_tests::driver::{Driver, Session};

const GOOD_USCC: &str = "91350100M000100Y43";
const BAD_USCC: &str = "91350100M000100Y44";

fn setup_through_the_window(s: &mut Session) {
    s.find("[data-testid=setup-unit-name]");
    s.screenshot("setup");
    s.type_into("[data-testid=setup-unit-name]", "卫滨区市场监督管理局");
    s.type_into("[data-testid=setup-unit-abbr]", "卫");
    s.type_into("[data-testid=setup-county]", "卫滨区");
    s.type_into("[data-testid=setup-inspector]", "张三");
    s.type_into("[data-testid=setup-cert]", "HA0001");
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
        let app = App::open(dir.path()).expect("open alongside the window");
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
    s.click_css(".el-drawer__close-btn");
    s.wait_gone("[data-testid=detail-name]");

    s.type_into("[data-testid=roster-search]", "康达");
    s.wait_text("[data-testid=roster-total]", |t| t.contains("共 1 条"));
    let names: Vec<String> = s.find_all("[data-testid=roster-row-name]").iter().map(|e| s.text(e)).collect();
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
}
