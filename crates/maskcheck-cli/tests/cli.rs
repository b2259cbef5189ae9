//! The `maskcheck` binary as a user runs it: arguments in, text or JSON out, exit status.

use std::process::{Command, Output};

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_maskcheck")).arg("--data-dir").arg(dir).args(args).output().expect("run")
}

fn init(dir: &std::path::Path) {
    let out = run(
        dir,
        &[
            "init",
            "--unit-name",
            "卫滨区市场监督管理局",
            "--unit-abbr",
            "卫",
            "--county",
            "卫滨区",
            "--inspector",
            "张三",
            "--cert",
            "HA0001",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
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
    let out = Command::new(env!("CARGO_BIN_EXE_maskcheck"))
        .env("MASKCHECK_DATA_DIR", dir.path())
        .args(["enterprise", "list", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
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
}
