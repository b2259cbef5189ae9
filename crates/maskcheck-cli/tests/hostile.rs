//! Hostile files and careless hands (issue 14): every file is generated here, run through the real `maskcheck`
//! binary, and checked for exit status, message and an unchanged database. Memory cases run under an
//! address-space limit of 300 MB (`ulimit -v`): a reader that trusted a file's declared size would abort.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const MEMORY_LIMIT_KB: u64 = 300 * 1024;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_maskcheck")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin()).arg("--data-dir").arg(dir).args(args).output().expect("run")
}

/// Runs the CLI with its address space capped at 300 MB.
fn run_capped(dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KB}; exec \"$0\" \"$@\""))
        .arg(bin())
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(
        dir.path(),
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
    assert!(out.status.success(), "{}", text(&out));
    dir
}

fn enterprise_count(dir: &Path) -> u64 {
    let out = run(dir, &["--json", "enterprise", "list", "--limit", "1"]);
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    v["total"].as_u64().expect("total")
}

use maskcheck_tests::hostile_files::{cell, uscc, xlsx};

#[test]
fn a_far_cell_in_a_tiny_file_costs_nothing() {
    // One stray cell at the sheet's last row, far right (XFD) or in column P: the table is read from the cells
    // that exist, and the import goes through under the memory cap.
    for (r, c) in [(1_048_575u32, 16_383u32), (1_048_575, 15)] {
        let dir = data_dir();
        let file = dir.path().join("far.xlsx");
        maskcheck_tests::hostile_files::far_cell(&file, r, c);
        assert!(std::fs::metadata(&file).expect("meta").len() < 8_000, "a tiny file");
        let out = run_capped(dir.path(), &["roster", "import", file.to_str().expect("utf8")]);
        assert_eq!(out.status.code(), Some(0), "{}{r} {c}", text(&out));
        assert!(text(&out).contains("新增 3"), "{}", text(&out));
        assert_eq!(enterprise_count(dir.path()), 3);
    }
}

/// The import reads a sheet as a stream of rows; a hand-edited sheet whose rows are stored out of order is read
/// again whole and sorted, so each row keeps its own number and nothing is counted twice.
#[test]
fn rows_stored_out_of_order_are_imported_once_each_with_their_numbers() {
    let dir = data_dir();
    let file = dir.path().join("disordered.xlsx");
    let row = |r: u32, name: &str, n: u32| {
        format!(r#"<row r="{}">{}{}{}</row>"#, r + 1, cell(r, 0, name), cell(r, 1, &uscc(n)), cell(r, 2, "卫滨区"))
    };
    xlsx(&file, "A1:C40", |w| {
        maskcheck_tests::hostile_files::header_row(w);
        // Rows 2 to 35 in order (past the header search), then row 40, then row 36 with a bad USCC.
        for r in 1..35 {
            w.write_all(row(r, &format!("口罩厂{r}"), r).as_bytes()).expect("w");
        }
        w.write_all(row(39, "最后一厂", 39).as_bytes()).expect("w");
        let bad = format!(
            r#"<row r="36">{}{}{}</row>"#,
            cell(35, 0, "错码厂"),
            cell(35, 1, "91350100MA0000000X"),
            cell(35, 2, "卫滨区")
        );
        w.write_all(bad.as_bytes()).expect("w");
    });
    let out = run(dir.path(), &["roster", "import", "--dry-run", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1), "a row with an error: {}", text(&out));
    assert!(text(&out).contains("新增 35，更新 0，未变 0，重复 0，错误 1"), "{}", text(&out));
    assert!(text(&out).contains("第 36 行"), "the bad row is named by its own number: {}", text(&out));
    let out = run(dir.path(), &["roster", "import", "--skip-invalid", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(enterprise_count(dir.path()), 35);
}

#[test]
fn a_zip_bomb_is_refused_while_reading() {
    let dir = data_dir();
    let file = dir.path().join("bomb.xlsx");
    // 70 MB of sheet XML (over the 64 MB limit) that deflates to well under 1 MB.
    maskcheck_tests::hostile_files::zip_bomb(&file, 70);
    let out = run_capped(dir.path(), &["roster", "import", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let msg = text(&out);
    assert!(msg.contains("bomb.xlsx") && msg.contains("超出可导入的范围") && msg.contains("64 MB"), "{msg}");
    assert!(msg.len() < 1_000, "one message, not a preview of every row: {} bytes", msg.len());
    assert_eq!(enterprise_count(dir.path()), 0, "nothing written");
}

#[test]
fn sixteen_thousand_header_cells_are_matched() {
    let dir = data_dir();
    let file = dir.path().join("wide.xlsx");
    xlsx(&file, "A1:XFD4", |w| {
        let mut header = String::from(r#"<row r="1">"#);
        for c in 0..16_384 {
            let h = match c {
                0 => "企业名称".to_string(),
                1 => "统一社会信用代码".to_string(),
                n => format!("备用列{n}"),
            };
            header.push_str(&cell(0, c, &h));
        }
        header.push_str("</row>");
        w.write_all(header.as_bytes()).expect("w");
        for i in 1..=3 {
            write!(
                w,
                r#"<row r="{}">{}{}</row>"#,
                i + 1,
                cell(i, 0, &format!("宽表口罩厂{i}")),
                cell(i, 1, &uscc(100 + i))
            )
            .expect("w");
        }
    });
    let out = run_capped(dir.path(), &["roster", "import", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(enterprise_count(dir.path()), 3);
}

#[test]
fn dates_are_real_and_plausible_with_the_rule_in_the_message() {
    let dir = data_dir();
    let file = dir.path().join("dates.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["企业名称", "统一社会信用代码", "成立日期"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("h");
    }
    enum V {
        DateCell(f64),
        Number(f64),
        Text(&'static str),
    }
    let cases = [
        (V::DateCell(-1.0), "成立日期不是真实存在的日期（Excel 日期序号 -1，早于1900年1月1日）"),
        (V::DateCell(0.0), "成立日期不是真实存在的日期（Excel 日期序号 0，早于1900年1月1日）"),
        (V::DateCell(60.0), "成立日期不是真实存在的日期（Excel 日期序号 60，即1900年2月29日，1900年不是闰年）"),
        (V::Number(60.0), "成立日期不是真实存在的日期（Excel 日期序号 60，即1900年2月29日，1900年不是闰年）"),
        (V::Text("9999-12-31"), "成立日期不能晚于今天"),
        (V::DateCell(100.0), "成立日期不能早于1949年10月1日"),
        (V::Number(1e308), "成立日期不是可识别的日期（1e308）"),
    ];
    for (i, (v, _)) in cases.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, format!("日期口罩厂{r}")).expect("w");
        ws.write_string(r, 1, uscc(200 + r)).expect("w");
        match v {
            V::DateCell(n) => ws.write_number_with_format(r, 2, *n, &date).map(|_| ()),
            V::Number(n) => ws.write_number(r, 2, *n).map(|_| ()),
            V::Text(t) => ws.write_string(r, 2, *t).map(|_| ()),
        }
        .expect("w");
    }
    wb.save(&file).expect("save");
    let out = run(dir.path(), &["roster", "import", file.to_str().expect("utf8"), "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let msg = text(&out);
    for (i, (_, want)) in cases.iter().enumerate() {
        assert!(msg.contains(&format!("第 {} 行 [成立日期] {want}", i + 2)), "row {}: {want}\n{msg}", i + 2);
    }
    assert!(!msg.contains("1899"), "no date before 1900 is shown as if it were one: {msg}");
    assert!(msg.contains(&format!("错误 {} 行，重复 0 行，未导入任何数据", cases.len())), "{msg}");
    assert_eq!(enterprise_count(dir.path()), 0);
}

#[test]
fn deceptive_names_are_refused_with_the_reason() {
    let dir = data_dir();
    let cases = [
        ("\u{200B}\u{200C}\u{FEFF}", "名称只有不可见字符"),
        ("康达\u{202E}厂", "改变文字显示方向的控制字符 U+202E"),
        ("康\u{200D}达口罩厂", "零宽字符 U+200D"),
        ("康达\u{FEFF}口罩厂", "零宽字符 U+FEFF"),
        ("康达\n口罩厂", "名称不能换行"),
    ];
    for (name, want) in cases {
        let out = run(dir.path(), &["enterprise", "add", "--name", name, "--uscc", &uscc(300)]);
        assert_eq!(out.status.code(), Some(1), "{name:?}: {}", text(&out));
        assert!(text(&out).contains(want), "{name:?}: {}", text(&out));
    }
    assert_eq!(enterprise_count(dir.path()), 0);
    // A BOM pasted at either end is trimmed, not refused.
    let out = run(dir.path(), &["enterprise", "add", "--name", "\u{FEFF}康达口罩厂 ", "--uscc", &uscc(300)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let list = run(dir.path(), &["enterprise", "list"]);
    assert!(String::from_utf8_lossy(&list.stdout).lines().any(|l| l.ends_with("\t康达口罩厂")));
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(run(dir.path(), &["demo", "--enterprises", "300"]).status.success());
    for args in
        [vec!["enterprise", "list", "--limit", "100000"], vec!["--json", "enterprise", "list", "--limit", "100000"]]
    {
        let mut child = Command::new(bin())
            .arg("--data-dir")
            .arg(dir.path())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut one = [0u8; 1];
        std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut one).expect("first byte");
        drop(child.stdout.take()); // what `| head -c1` does
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: no panic, no message: {stderr}");
    }
}

#[test]
fn export_to_a_pipe_writes_the_workbook_and_no_internal_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(run(dir.path(), &["demo", "--enterprises", "20"]).status.success());
    let out = run(dir.path(), &["roster", "export", "/dev/stdout"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("ZipWriter") && !stderr.contains("Io("), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "the workbook went to the pipe");
}

#[test]
fn the_data_directory_is_only_created_by_init() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("typo");
    for args in [
        vec!["enterprise", "list"],
        vec!["doc", "list"],
        vec!["enterprise", "add", "--name", "甲", "--uscc", "91350100M000100Y43"],
    ] {
        let out = run(&missing, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out).contains("没有 maskcheck 的数据"), "{}", text(&out));
        assert!(!missing.exists(), "{args:?} created {}", missing.display());
    }
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").expect("write");
    let out = run(&file, &["enterprise", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("是一个文件，不是目录"), "{}", text(&out));
}

/// Runs the CLI as a user who may read but not write the data directory: `nobody` when the tests run as root
/// (root writes through any permission bits), else the current user after the write bits are removed.
fn run_without_write(dir: &Path, args: &[&str]) -> Output {
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false);
    let mut perms: Vec<(PathBuf, u32)> = vec![(dir.to_path_buf(), 0o555)];
    for e in std::fs::read_dir(dir).expect("ls").flatten() {
        perms.push((e.path(), if e.path().is_dir() { 0o555 } else { 0o444 }));
    }
    for (p, mode) in &perms {
        std::fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(*mode)).expect("chmod");
    }
    let out = if root {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(bin())
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .output()
            .expect("setpriv")
    } else {
        run(dir, args)
    };
    for (p, _) in &perms {
        let mode = if p.is_dir() { 0o755 } else { 0o644 };
        let _ = std::fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(mode));
    }
    out
}

#[test]
fn a_read_only_data_directory_can_be_listed() {
    let parent = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(parent.path(), std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let dir = parent.path().join("data");
    assert!(run(&dir, &["demo", "--enterprises", "30"]).status.success());
    let before = std::fs::read(dir.join("maskcheck.db")).expect("db");
    for args in [vec!["enterprise", "list"], vec!["doc", "list"], vec!["followup", "list"]] {
        let out = run_without_write(&dir, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
    }
    let out = run_without_write(&dir, &["enterprise", "add", "--name", "甲", "--uscc", "91350100M000100Y43"]);
    assert_ne!(out.status.code(), Some(0), "a write to a read-only directory fails");
    assert_eq!(std::fs::read(dir.join("maskcheck.db")).expect("db"), before, "the database is unchanged");
}

#[test]
fn a_stored_pdf_replaced_by_a_device_is_refused_and_outputs_are_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(run(dir.path(), &["demo", "--enterprises", "20"]).status.success());
    let list = run(dir.path(), &["--json", "doc", "list"]);
    let docs: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let id = docs[0]["id"].as_str().expect("id").to_string();

    let out_pdf = dir.path().join("out.pdf");
    std::fs::write(&out_pdf, b"keep me").expect("write");
    let refused = run(dir.path(), &["doc", "pdf", &id, "--out", out_pdf.to_str().expect("utf8")]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("--force"));
    assert_eq!(std::fs::read(&out_pdf).expect("read"), b"keep me");
    let forced = run(dir.path(), &["doc", "pdf", &id, "--out", out_pdf.to_str().expect("utf8"), "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced));
    assert!(std::fs::read(&out_pdf).expect("read").starts_with(b"%PDF"));

    let stored = dir.path().join("documents").join(format!("{id}.pdf"));
    std::fs::remove_file(&stored).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", &stored).expect("symlink");
    let fresh = dir.path().join("fresh.pdf");
    let out = run_capped(dir.path(), &["doc", "pdf", &id, "--out", fresh.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("不是普通文件"), "{}", text(&out));
    assert!(!fresh.exists());
}

#[test]
fn a_file_that_makes_the_parser_panic_is_a_damaged_file() {
    let dir = data_dir();
    let file = dir.path().join("sst.xlsx");
    maskcheck_tests::hostile_files::bad_shared_string(&file);
    let out = run(dir.path(), &["roster", "import", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("sst.xlsx") && stderr.contains("可能已损坏"), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("index out of bounds"), "{stderr}");
    assert_eq!(enterprise_count(dir.path()), 0);
}

#[test]
fn a_header_of_formulas_without_values_says_so() {
    let dir = data_dir();
    let file = dir.path().join("formulas.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    // Written by a program: the header cells are formulas whose results Excel never computed.
    ws.write_formula(0, 0, "=CONCATENATE(\"企业\",\"名称\")").expect("f");
    ws.write_formula(0, 1, "=CONCATENATE(\"统一社会\",\"信用代码\")").expect("f");
    ws.write_string(1, 0, "公式口罩厂").expect("w");
    ws.write_string(1, 1, uscc(400)).expect("w");
    wb.save(&file).expect("save");
    let out = run(dir.path(), &["roster", "import", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("表头是公式"), "{}", text(&out));
    assert_eq!(enterprise_count(dir.path()), 0);
}

#[test]
fn a_county_the_unit_does_not_know_is_confirmed_or_refused() {
    let dir = data_dir();
    let add = |county: &str, extra: &[&str]| {
        let mut args =
            vec!["enterprise", "add", "--name", "县区口罩厂", "--uscc", "91350100M000100Y43", "--county", county];
        args.extend(extra);
        run(dir.path(), &args)
    };
    let typo = add("卫宾区", &[]);
    assert_eq!(typo.status.code(), Some(1), "{}", text(&typo));
    assert!(text(&typo).contains("不是本单位已知的县区（卫宾区；已知：卫滨区）"), "{}", text(&typo));
    assert_eq!(enterprise_count(dir.path()), 0);
    assert_eq!(add("红旗区", &["--new-county"]).status.code(), Some(0));

    let file = dir.path().join("counties.xlsx");
    xlsx(&file, "A1:C3", |w| {
        maskcheck_tests::hostile_files::header_row(w);
        write!(w, r#"<row r="2">{}{}{}</row>"#, cell(1, 0, "牧野口罩厂"), cell(1, 1, &uscc(500)), cell(1, 2, "牧野区"))
            .expect("w");
    });
    let refused = run(dir.path(), &["roster", "import", file.to_str().expect("utf8")]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    assert!(text(&refused).contains("[所在县区] 所在县（市、区）不是本单位已知的县区（牧野区"), "{}", text(&refused));
    let confirmed = run(dir.path(), &["roster", "import", file.to_str().expect("utf8"), "--new-county", "牧野区"]);
    assert_eq!(confirmed.status.code(), Some(0), "{}", text(&confirmed));
    assert_eq!(enterprise_count(dir.path()), 2);
}

/// `UPDATE_CORPUS=1` adds the hostile workbooks made here to the committed fuzz corpus (`fuzz/corpus/sheets/`), where
/// the sheet reader's fuzz test reads and mutates them in every build. Small ones only: the zip bomb at 8 MB of XML.
#[test]
fn hostile_workbooks_join_the_fuzz_corpus() {
    let dir = maskcheck_tests::workspace_root().join("fuzz/corpus/sheets");
    if std::env::var_os("UPDATE_CORPUS").is_some() {
        std::fs::create_dir_all(&dir).expect("corpus");
        maskcheck_tests::hostile_files::far_cell(&dir.join("far-cell.xlsx"), 1_048_575, 16_383);
        maskcheck_tests::hostile_files::zip_bomb(&dir.join("zip-bomb-8mb.xlsx"), 8);
        maskcheck_tests::hostile_files::bad_shared_string(&dir.join("bad-shared-string.xlsx"));
    }
    for name in ["far-cell.xlsx", "zip-bomb-8mb.xlsx", "bad-shared-string.xlsx"] {
        let f = dir.join(name);
        assert!(f.is_file(), "{} is in the corpus", f.display());
        assert!(std::fs::metadata(&f).expect("meta").len() < 1 << 20, "{name} stays small");
    }
}
