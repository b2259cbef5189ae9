//! The `maskcheck` binary as a user runs it: arguments in, text or JSON out, exit status.

use std::process::{Command, Output};

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_maskcheck")).arg("--data-dir").arg(dir).args(args).output().expect("run")
}

fn init(dir: &std::path::Path) {
    init_as(dir, "张三", "HA0001", "inspector");
}

#[test]
fn add_list_show_with_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let before = run(dir.path(), &["enterprise", "add", "--name", "甲", "--uscc", "91350100M000100Y43"]);
    assert_eq!(before.status.code(), Some(2), "not set up is an unusable invocation");
    init(dir.path());

    let add = run(
        dir.path(),
        &[
            "enterprise",
            "add",
            "--name",
            "康达口罩厂",
            "--uscc",
            "91350100m000100y43",
            "--county",
            "卫滨区",
            "--medical",
        ],
    );
    assert_eq!(add.status.code(), Some(0));
    let id = String::from_utf8(add.stdout).expect("utf8").trim().to_string();
    assert_eq!(id.len(), 36, "prints the new id");

    let bad = run(dir.path(), &["enterprise", "add", "--name", "乙", "--uscc", "91350100M000100Y44"]);
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("统一社会信用代码校验位错误"), "{stderr}");

    let dup = run(dir.path(), &["--json", "enterprise", "add", "--name", "丙", "--uscc", "91350100M000100Y43"]);
    assert_eq!(dup.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_slice(&dup.stderr).expect("json error");
    assert_eq!(err["fields"][0]["rule"], "usccDuplicate");
    assert_eq!(err["fields"][0]["detail"], "康达口罩厂");

    let list = run(dir.path(), &["enterprise", "list", "--query", "口罩", "--json"]);
    assert_eq!(list.status.code(), Some(0));
    let page: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["id"], id.as_str());

    let show = run(dir.path(), &["enterprise", "show", &id]);
    assert!(String::from_utf8_lossy(&show.stdout).contains("名称：康达口罩厂"));
    let missing = run(dir.path(), &["enterprise", "show", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(run(dir.path(), &["enterprise", "add", "--name", "甲"]).status.code(), Some(2));
    assert_eq!(run(dir.path(), &["frobnicate"]).status.code(), Some(2));
}

#[test]
fn env_var_selects_the_data_dir() {
    let dir = tempfile::tempdir().expect("tempdir");
    init(dir.path());
    let add = run(dir.path(), &["enterprise", "add", "--name", "环境变量口罩厂", "--uscc", "91350100M000100Y43"]);
    assert_eq!(add.status.code(), Some(0));
    // Another directory set in the environment would not hold this enterprise: the list proves which was read.
    let out = Command::new(env!("CARGO_BIN_EXE_maskcheck"))
        .env("MASKCHECK_DATA_DIR", dir.path())
        .env("HOME", dir.path().join("elsewhere"))
        .args(["enterprise", "list", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("环境变量口罩厂"));
}

/// `inspection void` refuses a finished inspection (frozen) and an unknown id, writing nothing.
#[test]
fn only_a_draft_can_be_voided() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(run(dir.path(), &["demo", "--enterprises", "5", "--seed", "1"]).status.code(), Some(0));
    let list = run(dir.path(), &["inspection", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let finished = rows[0]["id"].as_str().expect("an inspection").to_string();
    let out = run(dir.path(), &["inspection", "void", &finished, "--reason", "录错了"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("已完结"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(dir.path(), &["inspection", "void", "no-such-id", "--reason", "录错了"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("未找到检查记录"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = run(dir.path(), &["inspection", "list", "--json"]);
    assert_eq!(after.stdout, list.stdout, "nothing written");
}

#[test]
fn demo_fills_a_fresh_data_dir() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["--json", "demo", "--enterprises", "50", "--seed", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(s["enterprises"], 50);
    let list = run(dir.path(), &["enterprise", "list", "--json"]);
    let page: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(page["total"], 50);

    let inspections = run(dir.path(), &["inspection", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&inspections.stdout).expect("json");
    let first = &rows[0];
    assert_eq!(first["finished"], true);
    assert!(first["findings"].as_u64().unwrap_or(0) >= 1, "{first}");
    let id = first["id"].as_str().expect("id");
    let show = run(dir.path(), &["inspection", "show", id]);
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(text.contains("状态：已完结") && text.contains("依据：《"), "{text}");
    let json = run(dir.path(), &["inspection", "show", id, "--json"]);
    let i: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert!(!i["draft"]["findings"].as_array().expect("findings").is_empty());
    assert_eq!(i["photos"].as_array().map(Vec::len), Some(1));
}

fn roster_with_one_bad_row(path: &std::path::Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["单位名称", "社会信用代码", "法人代表"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("w");
    }
    ws.write_string(1, 0, "康达口罩有限公司").expect("w");
    ws.write_string(1, 1, "91350100M000100Y43").expect("w");
    ws.write_string(2, 0, "错误口罩厂").expect("w");
    ws.write_string(2, 1, "91350100M000100Y44").expect("w");
    wb.save(path).expect("save");
}

#[test]
fn roster_import_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    init(dir.path());
    let file = dir.path().join("名录.xlsx");
    roster_with_one_bad_row(&file);
    let f = file.to_str().expect("utf8");

    let dry = run(dir.path(), &["roster", "import", f, "--dry-run", "--skip-invalid"]);
    assert_eq!(dry.status.code(), Some(0));
    let out = String::from_utf8_lossy(&dry.stdout);
    assert!(out.contains("新增 1") && out.contains("错误 1") && out.contains("第 3 行 [社会信用代码]"), "{out}");

    let refused = run(dir.path(), &["roster", "import", f]);
    assert_eq!(refused.status.code(), Some(1));
    let list = run(dir.path(), &["enterprise", "list", "--json"]);
    let page: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(page["total"], 0, "nothing written");

    let ok = run(dir.path(), &["--json", "roster", "import", f, "--skip-invalid"]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let done: serde_json::Value = serde_json::from_slice(&ok.stdout).expect("json");
    assert_eq!((done["inserted"].as_u64(), done["skipped"][0]["row"].as_u64()), (Some(1), Some(3)));

    let csv = dir.path().join("fake.xlsx");
    std::fs::write(&csv, "a,b\n1,2\n").expect("write");
    let bad_file = run(dir.path(), &["roster", "import", csv.to_str().expect("utf8")]);
    assert_eq!(bad_file.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_file.stderr).contains("fake.xlsx"));

    let out = dir.path().join("附件3.xlsx");
    let exported = run(dir.path(), &["roster", "export", out.to_str().expect("utf8"), "--appendix3"]);
    assert_eq!(exported.status.code(), Some(0));
    assert!(out.exists());
}

#[test]
fn demo_documents_are_listed_written_as_pdf_and_followed_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(run(dir.path(), &["demo", "--enterprises", "60"]).status.success());
    let out = run(dir.path(), &["--json", "doc", "list", "--kind", "rectification-notice"]);
    assert!(out.status.success());
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let docs = docs.as_array().expect("array");
    assert!(!docs.is_empty());
    assert!(docs.iter().all(|d| d["kind"] == "rectificationNotice"));
    // The demo has every kind of document: the seal of a failed batch and a notice's proof of service too.
    let all: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "doc", "list"]).stdout).expect("json");
    for kind in [
        "inspectionRecord",
        "rectificationNotice",
        "coerciveMeasure",
        "measureExtension",
        "measureRelease",
        "exportNotice",
        "samplingRecord",
        "serviceProof",
    ] {
        assert!(all.as_array().expect("array").iter().any(|d| d["kind"] == kind), "the demo issues a {kind}");
    }
    let measures: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "measure", "list"]).stdout).expect("json");
    assert_eq!(measures[0]["measure"], "seal", "{measures}");
    let due: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "measure", "list", "--due"]).stdout).expect("json");
    assert_eq!(due, serde_json::json!([]), "a seal made today does not end within the week");
    let id = measures[0]["documentId"].as_str().expect("id");
    let shown = String::from_utf8_lossy(&run(dir.path(), &["measure", "show", id]).stdout).to_string();
    assert!(shown.contains("查封") && shown.contains("10000只"), "{shown}");
    // The demo released the passing batch's seal and extended the failing one's: a second extension is refused
    // (exit 1, nothing issued), a release of the extended one is issued.
    let list = measures.as_array().expect("array");
    let released = list.iter().find(|m| !m["releasedOn"].is_null()).expect("a released seal");
    let extended = list.iter().find(|m| !m["extendedUntil"].is_null()).expect("an extended seal");
    let shown = run(dir.path(), &["measure", "show", released["documentId"].as_str().expect("id")]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains("解除"), "{shown:?}");
    let extended_id = extended["documentId"].as_str().expect("id");
    let docs_before = run(dir.path(), &["--json", "doc", "list"]).stdout;
    let until = extended["until"].as_str().expect("until");
    let again = run(dir.path(), &["measure", "extend", extended_id, "--until", until, "--reason", "再次延长"]);
    assert_eq!(again.status.code(), Some(1), "{again:?}");
    assert!(String::from_utf8_lossy(&again.stderr).contains("只能延长一次"), "{again:?}");
    assert_eq!(run(dir.path(), &["--json", "doc", "list"]).stdout, docs_before, "a refusal writes nothing");
    // The demo's quality case was decided by the ordinary procedure: its publicity is due in twenty working days.
    let publicity = run(dir.path(), &["case", "publicity"]);
    let text = String::from_utf8_lossy(&publicity.stdout).to_string();
    assert!(text.contains("共 1 件待公示") && text.contains("公示期限"), "{text}");
    let xlsx = dir.path().join("公示.xlsx");
    let out = run(dir.path(), &["--json", "case", "publicity", "--out", xlsx.to_str().expect("path")]);
    let done: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(done["rows"], 1, "{done}");
    assert!(xlsx.exists());
    // The demo's failed batch: sales stopped, one buyer recalled, one still to deal with.
    let chains = String::from_utf8_lossy(&run(dir.path(), &["sample", "followups"]).stdout).to_string();
    assert!(chains.contains("共 1 个不合格样品") && chains.contains("康泰医疗器械经营部（1000只）"), "{chains}");
    // A notice corrected from the CLI: the corrected one issued, the original revoked; no reason, nothing written.
    let notice = &docs[0];
    let request = dir.path().join("amend.json");
    let body = serde_json::json!({
        "kind": "rectificationNotice",
        "inspectionId": notice["inspectionId"],
        "deadline": null,
        "corrections": ["立即更换标签"],
    });
    std::fs::write(&request, body.to_string()).expect("request");
    let notice_id = notice["id"].as_str().expect("id");
    let req = request.to_str().expect("path");
    let refused = run(dir.path(), &["doc", "amend", notice_id, "--reason", " ", "--file", req]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let amended = run(dir.path(), &["doc", "amend", notice_id, "--reason", "改正期限有误", "--file", req]);
    assert!(String::from_utf8_lossy(&amended.stdout).contains("原文书已撤销"), "{amended:?}");
    // Appendices 4 and 5 of the demo's records.
    let a4 = dir.path().join("附件4.xlsx");
    let out = run(dir.path(), &["stats", "export", "--appendix", "4", "--out", a4.to_str().expect("path")]);
    assert!(out.status.success() && a4.exists(), "{out:?}");
    let figures = String::from_utf8_lossy(&run(dir.path(), &["stats", "cases"]).stdout).to_string();
    assert!(figures.contains("质量类案件") && figures.contains("合计"), "{figures}");
    let bad = run(dir.path(), &["stats", "export", "--appendix", "6", "--out", a4.to_str().expect("path")]);
    assert_eq!(bad.status.code(), Some(2), "clap refuses an appendix that does not exist: {bad:?}");
    let all = dir.path().join("附件3-5.xlsx");
    let out = run(dir.path(), &["stats", "export", "--appendix", "all", "--out", all.to_str().expect("path")]);
    assert!(out.status.success() && all.exists(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("附件3、4、5"), "{out:?}");
    stats_roll_up_from_the_command_line(&a4);
    let release =
        run(dir.path(), &["measure", "release", extended_id, "--ground", "decided", "--reason", "已作出行政处罚决定"]);
    assert!(release.status.success(), "{release:?}");
    assert!(String::from_utf8_lossy(&release.stdout).contains("解除"), "{release:?}");
    let out = run(dir.path(), &["--json", "doc", "list", "--state", "awaiting-service"]);
    let waiting: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let waiting = waiting.as_array().expect("array");
    assert!(!waiting.is_empty() && waiting.iter().all(|d| d["state"] == "awaitingService"), "{waiting:?}");
    assert!(waiting.iter().all(|d| d["kind"] != "inspectionRecord"), "a record signed on site is not served");
    let id = docs[0]["id"].as_str().expect("id");
    let pdf = dir.path().join("notice.pdf");
    let out = run(dir.path(), &["doc", "pdf", id, "--out", pdf.to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    assert_eq!(run(dir.path(), &["doc", "pdf", "no-such-id", "--out", "x.pdf"]).status.code(), Some(1));

    let out = run(dir.path(), &["--json", "followup", "list"]);
    let open: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(open.as_array().expect("array").len(), docs.len(), "every demo notice is open");
    let out = run(dir.path(), &["--json", "followup", "list", "--overdue"]);
    let overdue: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(overdue.as_array().expect("array").is_empty(), "demo deadlines are today or later");
}

/// A bureau reads a unit's appendix 4 (the one exported above): a preview, then --apply, then the roll-up. A
/// workbook with a bad cell is refused with its row and column, exit 1, and the roll-up is unchanged; an
/// inspector's laptop does not roll up.
fn stats_roll_up_from_the_command_line(a4: &std::path::Path) {
    let bureau = tempfile::tempdir().expect("tempdir");
    init_as(bureau.path(), "局端", "HA9900", "bureau");
    let file = a4.to_str().expect("path");
    let preview = run(bureau.path(), &["stats", "receive", file]);
    assert!(preview.status.success(), "{preview:?}");
    assert!(String::from_utf8_lossy(&preview.stdout).contains("预览，未导入"), "{preview:?}");
    let none: serde_json::Value =
        serde_json::from_slice(&run(bureau.path(), &["--json", "stats", "rollup"]).stdout).expect("json");
    assert_eq!(none["units"].as_array().map(Vec::len), Some(0), "a preview keeps nothing");
    let applied = run(bureau.path(), &["stats", "receive", file, "--unit", "卫滨区市场监督管理局", "--apply"]);
    assert!(applied.status.success(), "{applied:?}");
    let rollup: serde_json::Value =
        serde_json::from_slice(&run(bureau.path(), &["--json", "stats", "rollup"]).stdout).expect("json");
    assert_eq!(rollup["units"][0]["unit"], "卫滨区市场监督管理局", "{rollup}");
    assert_eq!(rollup["units"][0]["source"], "workbook");

    let bad = bureau.path().join("红旗区.xlsx");
    maskcheck_tests::sent_reports::appendix4_with_a_word_for_a_figure(&bad, "红旗区市场监督管理局");
    let refused = run(bureau.path(), &["stats", "receive", bad.to_str().expect("path"), "--apply"]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("第4行") && said.contains("其中：立案(件)") && said.contains("两件"), "{said}");
    let after: serde_json::Value =
        serde_json::from_slice(&run(bureau.path(), &["--json", "stats", "rollup"]).stdout).expect("json");
    assert_eq!(after["units"].as_array().map(Vec::len), Some(1), "the refusal kept nothing");

    let inspector = tempfile::tempdir().expect("tempdir");
    init_as(inspector.path(), "张三", "HA0001", "inspector");
    assert_eq!(run(inspector.path(), &["stats", "rollup"]).status.code(), Some(1), "an inspector does not roll up");
}

fn init_as(dir: &std::path::Path, name: &str, cert: &str, role: &str) {
    let out = init_with(dir, name, cert, role, None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `init` with a passphrase in `MASKCHECK_PASSPHRASE`, or none (the variable removed).
fn init_with(dir: &std::path::Path, name: &str, cert: &str, role: &str, passphrase: Option<&str>) -> Output {
    let unit = ["--unit-name", "卫滨区市场监督管理局", "--unit-abbr", "卫", "--county", "卫滨区"];
    let person = ["--inspector", name, "--cert", cert, "--role", role];
    run_with(dir, passphrase, &[&["init"][..], &unit[..], &person[..]].concat())
}

/// Enrolment and bundles from the command line, with their exit codes: 0 applied (or already), 1 refused, 2
/// unreadable.
#[test]
fn enrol_and_exchange_bundles_from_the_command_line() {
    let bureau = tempfile::tempdir().expect("tempdir");
    let laptop = tempfile::tempdir().expect("tempdir");
    init_as(bureau.path(), "局端", "HA9000", "bureau");
    init_as(laptop.path(), "张三", "HA0001", "inspector");
    let shown: serde_json::Value =
        serde_json::from_slice(&run(laptop.path(), &["--json", "device", "show"]).stdout).expect("json");
    let (id, fp) = (shown["id"].as_str().expect("id"), shown["fingerprint"].as_str().expect("fingerprint"));
    let card = laptop.path().join("card.json");
    assert_eq!(
        run(laptop.path(), &["device", "identity", "--out", card.to_str().expect("path")]).status.code(),
        Some(0)
    );
    let enrolled = run(bureau.path(), &["device", "enrol", card.to_str().expect("path")]);
    assert_eq!(enrolled.status.code(), Some(0), "{}", String::from_utf8_lossy(&enrolled.stderr));
    let groups = fp[..32].to_uppercase();
    assert!(String::from_utf8_lossy(&enrolled.stdout).contains(&groups[..4]), "prints the fingerprint");
    run(bureau.path(), &["enterprise", "add", "--name", "康达口罩厂", "--uscc", "91350100M000100Y43"]);
    let bundle = bureau.path().join("to-laptop.mcb");
    let out = run(bureau.path(), &["bundle", "export", "--out", bundle.to_str().expect("path"), "--to", id]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let b = bundle.to_str().expect("path");

    let refused = run(laptop.path(), &["bundle", "import", b]);
    assert_eq!(refused.status.code(), Some(1), "the bureau's key is not confirmed yet");
    let bureau_fp: serde_json::Value =
        serde_json::from_slice(&run(bureau.path(), &["--json", "device", "show"]).stdout).expect("json");
    let bfp = bureau_fp["fingerprint"].as_str().expect("fp");
    assert!(String::from_utf8_lossy(&refused.stderr).contains(&bfp[..4].to_uppercase()), "shows it to read aloud");
    let list = run(laptop.path(), &["enterprise", "list", "--json"]);
    let page: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(page["total"], 0, "a refusal writes nothing");

    let inspect = run(laptop.path(), &["bundle", "inspect", b]);
    assert_eq!(inspect.status.code(), Some(0), "{}", String::from_utf8_lossy(&inspect.stderr));
    let ok = run(laptop.path(), &["bundle", "import", b, "--accept-bureau", bfp]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let again = run(laptop.path(), &["bundle", "import", b]);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stdout).contains("已导入过"));
    let page: serde_json::Value =
        serde_json::from_slice(&run(laptop.path(), &["enterprise", "list", "--json"]).stdout).expect("json");
    assert_eq!(page["total"], 1, "the bureau's roster arrived");
    for review in ["quarantine", "conflicts"] {
        let out = run(laptop.path(), &["--json", "bundle", review]);
        assert_eq!(out.status.code(), Some(0), "{review}: {}", String::from_utf8_lossy(&out.stderr));
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(rows, serde_json::json!([]), "{review}: a clean import leaves nothing for a person");
    }

    let garbage = laptop.path().join("garbage.mcb");
    std::fs::write(&garbage, b"not a bundle at all").expect("write");
    assert_eq!(run(laptop.path(), &["bundle", "import", garbage.to_str().expect("path")]).status.code(), Some(2));
    let numbers = run(
        bureau.path(),
        &[
            "numbers",
            "assign",
            "--device",
            id,
            "--kind",
            "rectification-notice",
            "--year",
            "2026",
            "--from",
            "1",
            "--to",
            "50",
        ],
    );
    assert_eq!(numbers.status.code(), Some(0), "{}", String::from_utf8_lossy(&numbers.stderr));
    let overlap = run(
        bureau.path(),
        &[
            "numbers",
            "assign",
            "--device",
            id,
            "--kind",
            "rectification-notice",
            "--year",
            "2026",
            "--from",
            "40",
            "--to",
            "60",
        ],
    );
    assert_eq!(overlap.status.code(), Some(1));
    let listed: serde_json::Value =
        serde_json::from_slice(&run(bureau.path(), &["--json", "device", "list"]).stdout).expect("json");
    assert_eq!(listed[0]["id"], id);
}

/// Killing the process in the middle of an import leaves all of the bundle or none of it: the import is one
/// transaction, and the files it stages are moved in only inside it.
#[test]
fn killing_an_import_midway_leaves_all_or_nothing() {
    let bureau = tempfile::tempdir().expect("tempdir");
    init_as(bureau.path(), "局端", "HA9000", "bureau");
    assert_eq!(run(bureau.path(), &["demo", "--enterprises", "1000", "--seed", "4"]).status.code(), Some(0));
    let bfp: serde_json::Value =
        serde_json::from_slice(&run(bureau.path(), &["--json", "device", "show"]).stdout).expect("json");
    let bfp = bfp["fingerprint"].as_str().expect("fp").to_string();
    // Kills spread over the whole import, as measured on this machine by a first, complete run (fractions of it).
    let mut full_ms = None;
    // What the whole bundle brings: the bureau forwards the enterprises of the laptop's county only.
    let mut whole = 0;
    let mut outcomes = Vec::new();
    for fraction in [1.0f64, 0.3, 0.6, 0.8, 0.9, 0.97] {
        let laptop = tempfile::tempdir().expect("tempdir");
        init_as(laptop.path(), "张三", "HA0001", "inspector");
        let card = laptop.path().join("card.json");
        run(laptop.path(), &["device", "identity", "--out", card.to_str().expect("path")]);
        let shown: serde_json::Value =
            serde_json::from_slice(&run(laptop.path(), &["--json", "device", "show"]).stdout).expect("json");
        let id = shown["id"].as_str().expect("id").to_string();
        assert_eq!(run(bureau.path(), &["device", "enrol", card.to_str().expect("path")]).status.code(), Some(0));
        let bundle = laptop.path().join("big.mcb");
        let out = run(bureau.path(), &["bundle", "export", "--out", bundle.to_str().expect("path"), "--to", &id]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let mut child = Command::new(env!("CARGO_BIN_EXE_maskcheck"))
            .arg("--data-dir")
            .arg(laptop.path())
            .args(["bundle", "import", bundle.to_str().expect("path"), "--accept-bureau", &bfp])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let started = std::time::Instant::now();
        let delay = match full_ms {
            None => {
                assert!(child.wait().expect("wait").success(), "the calibrating import completes");
                full_ms = Some(started.elapsed().as_millis() as u64);
                let page: serde_json::Value =
                    serde_json::from_slice(&run(laptop.path(), &["enterprise", "list", "--json"]).stdout)
                        .expect("json");
                whole = page["total"].as_u64().expect("total");
                assert!(whole > 0, "the laptop's county has enterprises in the demo");
                continue;
            }
            Some(ms) => (ms as f64 * fraction) as u64,
        };
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let list = run(laptop.path(), &["enterprise", "list", "--json"]);
        assert_eq!(
            list.status.code(),
            Some(0),
            "the database opens after the kill: {}",
            String::from_utf8_lossy(&list.stderr)
        );
        let page: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
        let total = page["total"].as_u64().expect("total");
        assert!(total == 0 || total == whole, "killed after {delay} ms: {total} of {whole} enterprises");
        // Whatever happened, importing again completes it.
        let again = run(laptop.path(), &["bundle", "import", bundle.to_str().expect("path"), "--accept-bureau", &bfp]);
        assert_eq!(again.status.code(), Some(0), "{}", String::from_utf8_lossy(&again.stderr));
        let page: serde_json::Value =
            serde_json::from_slice(&run(laptop.path(), &["enterprise", "list", "--json"]).stdout).expect("json");
        assert_eq!(page["total"], whole);
        outcomes.push((delay, total));
    }
    eprintln!("full import {full_ms:?} ms; killed after (ms, enterprises present): {outcomes:?}");
}

/// Samples and cases from the command line: recorded from JSON files holding the window's inputs, listed and
/// shown with the window's DTOs; a file that is not that input names the file and the line, and writes nothing.
#[test]
fn samples_and_cases_are_recorded_and_listed_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    init(dir.path());
    run(dir.path(), &["enterprise", "add", "--name", "康达口罩厂", "--uscc", "91350100M000100Y43"]);
    let list: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "enterprise", "list"]).stdout).expect("json");
    let enterprise = list["rows"][0]["id"].as_str().expect("id").to_string();
    let today = chrono::Local::now().date_naive().to_string();
    let sample = serde_json::json!({
        "enterpriseId": enterprise, "inspectionId": null, "productName": "KN95 防护口罩", "trademark": "康达",
        "specModel": "折叠式", "batchOrDate": "20261101", "manufacturer": "康达口罩厂", "quantity": "40 只",
        "baseQuantity": "2000 只", "testSamples": "20 只", "reserveSamples": "20 只", "place": "成品仓库",
        "sampledOn": today, "sampledTime": "09:40:00", "sealNumbers": "WB-0001、WB-0002",
        "basis": "口罩质量专项整治监督抽查", "testingBody": "河南省医疗器械检验所",
        "samplers": [{ "name": "张三", "certNo": "HA0001" }, { "name": "李四", "certNo": "HA0002" }]
    });
    let file = dir.path().join("sample.json");
    std::fs::write(&file, sample.to_string()).expect("write");
    let out = run(dir.path(), &["--json", "sample", "add", "--file", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let id = added["id"].as_str().expect("id").to_string();

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"verdict\": \"maybe\"\n}").expect("write");
    let refused = run(dir.path(), &["sample", "result", &id, "--file", bad.to_str().expect("path")]);
    assert_ne!(refused.status.code(), Some(0));
    let says = String::from_utf8_lossy(&refused.stderr).to_string();
    assert!(says.contains("bad.json") && says.contains("第 2 行"), "{says}");
    let fail = dir.path().join("fail.json");
    let result = serde_json::json!({
        "verdict": "fail", "failingItems": "过滤效率", "nonconformingQuantity": 2000, "reachedMarket": false,
        "marketDirection": "", "postMeasures": "", "helpMeasures": ""
    });
    std::fs::write(&fail, result.to_string()).expect("write");
    let out = run(dir.path(), &["sample", "result", &id, "--file", fail.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let shown = String::from_utf8_lossy(&run(dir.path(), &["sample", "show", &id]).stdout).to_string();
    assert!(shown.contains("不合格：过滤效率"), "{shown}");
    let listed: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "sample", "list"]).stdout).expect("json");
    assert_eq!(listed[0]["result"]["verdict"], "fail");

    let case = serde_json::json!({
        "enterpriseId": enterprise, "inspectionId": null, "title": "康达口罩厂生产不合格口罩案", "category": "quality",
        "procedure": "filed", "openedOn": today, "closedOn": null, "finesWan": 1.5, "valueWan": 0.8,
        "masksSeizedWan": 0.2, "referredToPolice": false, "inspectorsDispatched": 2, "operatorsChecked": 1
    });
    let file = dir.path().join("case.json");
    std::fs::write(&file, case.to_string()).expect("write");
    let out = run(dir.path(), &["--json", "case", "save", "--file", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let saved: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let case_id = saved["id"].as_str().expect("id");
    let shown = String::from_utf8_lossy(&run(dir.path(), &["case", "show", case_id]).stdout).to_string();
    assert!(shown.contains("罚没 1.50 万元") && shown.contains("办理中"), "{shown}");
    assert_eq!(run(dir.path(), &["case", "show", "no-such-case"]).status.code(), Some(1));
}

/// The batch's buyers from a sales-ledger spreadsheet: a ledger with a bad line is refused on --apply (exit 1,
/// the row named, nothing written); a clean one adds its buyers to the chain.
#[test]
fn ledger_buyers_are_added_only_from_a_clean_ledger() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(run(dir.path(), &["demo", "--enterprises", "20"]).status.success());
    let samples: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "sample", "list"]).stdout).expect("json");
    let failed = samples
        .as_array()
        .expect("array")
        .iter()
        .find(|s| s["result"]["verdict"] == "fail")
        .expect("a failed sample")
        .clone();
    let id = failed["id"].as_str().expect("id");
    let batch = failed["input"]["batchOrDate"].as_str().expect("batch");
    let write = |name: &str, quantity: &str| {
        let path = dir.path().join(name);
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["购货单位", "所在地", "批号", "数量", "销售日期"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).expect("header");
        }
        for (c, v) in ["新设药店", "演示市", batch, quantity, "2026-11-02"].iter().enumerate() {
            ws.write_string(1, c as u16, *v).expect("cell");
        }
        wb.save(&path).expect("save");
        path
    };
    let before = run(dir.path(), &["--json", "sample", "show", id]).stdout;
    let bad = write("bad.xlsx", "三千");
    let out = run(dir.path(), &["sample", "ledger", id, "--file", bad.to_str().expect("path"), "--apply"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("第 2 行"), "{out:?}");
    assert_eq!(run(dir.path(), &["--json", "sample", "show", id]).stdout, before, "a refusal writes nothing");
    let good = write("good.xlsx", "800");
    let preview = run(dir.path(), &["sample", "ledger", id, "--file", good.to_str().expect("path")]);
    assert!(String::from_utf8_lossy(&preview.stdout).contains("新设药店"), "{preview:?}");
    let out = run(dir.path(), &["sample", "ledger", id, "--file", good.to_str().expect("path"), "--apply"]);
    assert!(out.status.success(), "{out:?}");
    let shown: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "sample", "show", id]).stdout).expect("json");
    let trail = shown["result"]["chain"]["trail"].as_array().expect("trail");
    assert!(trail.iter().any(|b| b["buyer"] == "新设药店" && b["quantity"] == 800), "{trail:?}");
}

/// The campaign board and a 双随机 draw from the command line: a preview, the same seed kept with --apply, the
/// plan listed and re-run to the same list; a task marked done; an inspector's laptop draws nothing (exit 1).
#[test]
fn campaign_board_and_spot_check_draw_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    init_as(dir.path(), "局端", "HA9900", "bureau");
    assert!(run(dir.path(), &["demo", "--enterprises", "80", "--seed", "3"]).status.success());
    let draw = [
        "plan",
        "draw",
        "--title",
        "经营企业双随机",
        "--size",
        "20%",
        "--kind",
        "seller",
        "--inspector",
        "张三:HA0001",
        "--inspector",
        "李四:HA0002",
        "--seed",
        "20261124",
    ];
    let preview = run(dir.path(), &draw);
    assert!(preview.status.success(), "{preview:?}");
    let said = String::from_utf8_lossy(&preview.stdout);
    assert!(said.contains("种子 20261124") && said.contains("预览，未保存"), "{said}");
    let plans: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "plan", "list"]).stdout).expect("json");
    assert_eq!(plans.as_array().map(Vec::len), Some(0), "a preview keeps nothing");
    let mut apply = draw.to_vec();
    apply.push("--apply");
    let kept = run(dir.path(), &apply);
    assert!(kept.status.success(), "{kept:?}");
    let first_line = |s: &str| s.lines().nth(1).unwrap_or_default().to_string();
    assert_eq!(
        first_line(&String::from_utf8_lossy(&kept.stdout)),
        first_line(&said),
        "the same seed, the same first check"
    );
    let plans: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "plan", "list"]).stdout).expect("json");
    let id = plans[0]["planId"].as_str().expect("plan id").to_string();
    let verify = run(dir.path(), &["plan", "verify", &id]);
    assert!(verify.status.success() && String::from_utf8_lossy(&verify.stdout).contains("一致"), "{verify:?}");

    let set = run(
        dir.path(),
        &["campaign", "set", "nm01", "--status", "done", "--note", "已成立工作专班", "--record", "实施方案"],
    );
    assert!(set.status.success(), "{set:?}");
    let board: serde_json::Value =
        serde_json::from_slice(&run(dir.path(), &["--json", "campaign", "board"]).stdout).expect("json");
    let tasks = board["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), 15);
    assert_eq!(tasks[0]["status"], "done");
    assert_eq!(tasks[0]["light"], "done");
    let bad = run(dir.path(), &["campaign", "set", "nm99", "--status", "done"]);
    assert_eq!(bad.status.code(), Some(1), "{bad:?}");

    let inspector = tempfile::tempdir().expect("tempdir");
    init_as(inspector.path(), "张三", "HA0001", "inspector");
    assert_eq!(run(inspector.path(), &apply).status.code(), Some(1), "an inspector draws nothing");
}

fn run_with(dir: &std::path::Path, passphrase: Option<&str>, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_maskcheck"));
    c.arg("--data-dir").arg(dir).args(args).env_remove("MASKCHECK_PASSPHRASE");
    if let Some(p) = passphrase {
        c.env("MASKCHECK_PASSPHRASE", p);
    }
    c.output().expect("run")
}

use maskcheck_tests::at_rest::{assert_hidden, snapshot as tree};

/// Encryption at rest from the command line: `MASKCHECK_PASSPHRASE` (or `--passphrase-file`) creates an encrypted
/// data directory and opens it; without it a new directory is made plain with a warning on stderr; a wrong or
/// missing passphrase exits 1 and changes nothing; `key encrypt` encrypts a plain directory in place.
#[test]
fn a_passphrase_encrypts_a_new_data_directory_and_opens_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let pass = "卫滨区 口令 2026";
    let init = |d: &std::path::Path, p: Option<&str>| init_with(d, "张三", "HA0001", "inspector", p);
    let out = init(&data, Some(pass));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("未加密"), "no warning when encrypted");
    let add = ["enterprise", "add", "--name", "亭湖区绝密口罩有限公司", "--uscc", "91350100M000100Y43"];
    assert!(run_with(&data, Some(pass), &add).status.success());
    let status = run_with(&data, None, &["--json", "key", "status"]);
    let s: serde_json::Value = serde_json::from_slice(&status.stdout).expect("json");
    assert_eq!(s["state"], "encrypted", "status works while locked");
    let before = tree(&data);
    let locked = run_with(&data, None, &["enterprise", "list"]);
    assert_eq!(locked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&locked.stderr).contains("MASKCHECK_PASSPHRASE"));
    let wrong = run_with(&data, Some("卫滨区 口令 2027"), &["--json", "enterprise", "list"]);
    assert_eq!(wrong.status.code(), Some(1));
    let e: serde_json::Value = serde_json::from_slice(&wrong.stderr).expect("json error");
    assert_eq!(e["code"], "wrongPassphrase");
    assert_eq!(tree(&data), before, "a refused open changed a file");
    let file = dir.path().join("pass.txt");
    std::fs::write(&file, format!("{pass}\n")).expect("file");
    let list = run_with(&data, None, &["--passphrase-file", file.to_str().expect("utf8"), "enterprise", "list"]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("绝密口罩"), "{}", String::from_utf8_lossy(&list.stderr));
    assert_hidden(&data, "绝密口罩");

    // Without a passphrase a new directory is plain, and stderr says so; `key encrypt` encrypts it in place.
    let plain = dir.path().join("plain");
    let out = init(&plain, None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("未加密"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(run_with(&plain, None, &add).status.success());
    let short = run_with(&plain, Some("short"), &["key", "encrypt"]);
    assert_eq!(short.status.code(), Some(1), "a short passphrase is refused");
    let enc = run_with(&plain, Some(pass), &["--json", "key", "encrypt"]);
    assert!(enc.status.success(), "{}", String::from_utf8_lossy(&enc.stderr));
    let r: serde_json::Value = serde_json::from_slice(&enc.stdout).expect("json");
    assert!(r["rowsChecked"].as_u64().expect("rows") > 0);
    assert_hidden(&plain, "绝密口罩");
    assert!(String::from_utf8_lossy(&run_with(&plain, Some(pass), &["enterprise", "list"]).stdout).contains("绝密口罩"));
    let idle = run_with(&plain, Some(pass), &["key", "idle-lock", "5"]);
    assert!(idle.status.success());
    let new = dir.path().join("new.txt");
    std::fs::write(&new, "另一个口令 2027").expect("new");
    assert!(run_with(&plain, Some(pass), &["key", "change", "--new-passphrase-file", new.to_str().expect("utf8")])
        .status
        .success());
    assert_eq!(
        run_with(&plain, Some(pass), &["enterprise", "list"]).status.code(),
        Some(1),
        "the old one no longer opens it"
    );
    assert!(run_with(&plain, Some("另一个口令 2027"), &["enterprise", "list"]).status.success());
}

/// A forgotten passphrase from the command line: the laptop writes its recovery file without the passphrase; only
/// its bureau's key opens it (`key recover`), and the key file it writes installs on the laptop (`key install`).
#[test]
fn the_bureau_recovers_a_laptops_passphrase_from_the_command_line() {
    let bureau = tempfile::tempdir().expect("tempdir");
    let laptop = tempfile::tempdir().expect("tempdir");
    let scratch = tempfile::tempdir().expect("tempdir");
    let pass = "卫滨区 口令 2026";
    init_as(bureau.path(), "局端", "HA9000", "bureau");
    assert!(init_with(laptop.path(), "张三", "HA0001", "inspector", Some(pass)).status.success());
    let p = |name: &str| scratch.path().join(name).display().to_string();
    let shown: serde_json::Value =
        serde_json::from_slice(&run_with(laptop.path(), Some(pass), &["--json", "device", "show"]).stdout)
            .expect("json");
    let id = shown["id"].as_str().expect("id").to_string();
    assert!(run_with(laptop.path(), Some(pass), &["device", "identity", "--out", &p("card.json")]).status.success());
    assert!(run(bureau.path(), &["device", "enrol", &p("card.json")]).status.success());
    assert!(run(bureau.path(), &["bundle", "export", "--out", &p("first.mcb"), "--to", &id]).status.success());
    let bfp: serde_json::Value =
        serde_json::from_slice(&run(bureau.path(), &["--json", "device", "show"]).stdout).expect("json");
    let bfp = bfp["fingerprint"].as_str().expect("fp");
    let ok = run_with(laptop.path(), Some(pass), &["bundle", "import", &p("first.mcb"), "--accept-bureau", bfp]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));

    let req = run_with(laptop.path(), None, &["key", "recovery-file", "--out", &p("recovery.json")]);
    assert!(req.status.success(), "written while locked: {}", String::from_utf8_lossy(&req.stderr));
    std::fs::write(p("new.txt"), "局端重设的口令 0815\n").expect("new");
    let own = run_with(
        laptop.path(),
        Some(pass),
        &[
            "--json",
            "key",
            "recover",
            &p("recovery.json"),
            "--new-passphrase-file",
            &p("new.txt"),
            "--out",
            &p("k.json"),
        ],
    );
    assert_eq!(own.status.code(), Some(1), "the laptop's own keys do not open it");
    let e: serde_json::Value = serde_json::from_slice(&own.stderr).expect("json");
    assert_eq!(e["code"], "recoveryRefused");
    let rec = run(
        bureau.path(),
        &["key", "recover", &p("recovery.json"), "--new-passphrase-file", &p("new.txt"), "--out", &p("k.json")],
    );
    assert!(rec.status.success(), "{}", String::from_utf8_lossy(&rec.stderr));
    let wrong = run_with(laptop.path(), Some("not the bureau's"), &["key", "install", &p("k.json")]);
    assert_eq!(wrong.status.code(), Some(1));
    let install = run_with(laptop.path(), Some("局端重设的口令 0815"), &["key", "install", &p("k.json")]);
    assert!(install.status.success(), "{}", String::from_utf8_lossy(&install.stderr));
    assert_eq!(run_with(laptop.path(), Some(pass), &["enterprise", "list"]).status.code(), Some(1));
    assert!(run_with(laptop.path(), Some("局端重设的口令 0815"), &["enterprise", "list"]).status.success());
}
