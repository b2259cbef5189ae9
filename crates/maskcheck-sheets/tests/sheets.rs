//! Reading messy real-world rosters and writing the campaign's tables, against real files.

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};
use maskcheck_domain::roster_import::{plan_import, ImportAction};
use maskcheck_domain::{Field, Rule};
use maskcheck_sheets::export::{write_appendix3, Appendix3Row, APPENDIX3_COLUMNS, APPENDIX3_TITLE};
use maskcheck_sheets::parse::parse_rows;
use maskcheck_sheets::{read_roster, stream_roster, RosterColumn, SheetError, SheetTable, Streamed};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
}

fn uscc(n: u64) -> String {
    maskcheck_domain::sample::sample_uscc(n, 0)
}

/// A roster as a county bureau lays it out by hand: title and unit lines, a merged two-row header with a group
/// header over 联系人/电话, full-width characters, a formula, dates as cells, serials and text, an empty row, a bad
/// USCC, a duplicate USCC, a bad date, and notes under the table.
fn messy_roster(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("口罩企业").expect("name");
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.merge_range(0, 0, 0, 7, "新乡市非医用口罩生产企业名录", &plain).expect("title");
    ws.write_string(1, 0, "填报单位：卫滨区市场监督管理局    日期：2021年3月25日").expect("unit");
    for (c, h) in
        [(0, "序号"), (1, "企业名称"), (2, "统一社会信用代码"), (3, "生产地址"), (6, "成立时间"), (7, "是否出口")]
    {
        ws.merge_range(2, c, 3, c, h, &plain).expect("vertical merge");
    }
    ws.merge_range(2, 4, 2, 5, "联系方式", &plain).expect("group header");
    ws.write_string(3, 4, "联系人").expect("sub");
    ws.write_string(3, 5, "电话").expect("sub");
    let fullwidth = maskcheck_domain::text::to_half_width(&uscc(1))
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c })
        .collect::<String>();
    // Row 5: full-width USCC, phone as a number, date cell.
    ws.write_number(4, 0, 1).expect("w");
    ws.write_string(4, 1, " 新乡市卫滨区康达口罩有限公司 ").expect("w");
    ws.write_string(4, 2, &fullwidth).expect("w");
    ws.write_string(4, 3, "新乡市卫滨区平原路１８号").expect("w");
    ws.write_string(4, 4, "张三").expect("w");
    ws.write_number(4, 5, 13812345678.0).expect("w");
    ws.write_datetime_with_format(4, 6, ExcelDateTime::from_ymd(2021, 3, 25).expect("d"), &date).expect("w");
    ws.write_string(4, 7, "是").expect("w");
    // Row 6: the name is a formula with its cached result; the date an Excel serial.
    ws.write_number(5, 0, 2).expect("w");
    ws.write_formula(5, 1, Formula::new("=\"新乡市\"&\"安心防护用品厂\"").set_result("新乡市安心防护用品厂"))
        .expect("w");
    ws.write_string(5, 2, uscc(2)).expect("w");
    ws.write_number(5, 6, 44000.0).expect("w");
    ws.write_string(5, 7, "否").expect("w");
    // Row 7 is wholly empty. Row 8: bad check character. Row 9: row 5's USCC again (lower case).
    ws.write_number(7, 0, 3).expect("w");
    ws.write_string(7, 1, "丙口罩厂").expect("w");
    let mut bad = uscc(3);
    let last = bad.pop().expect("char");
    bad.push(if last == '0' { '1' } else { '0' });
    ws.write_string(7, 2, &bad).expect("w");
    ws.write_string(7, 6, "2021年3月25日").expect("w");
    ws.write_number(8, 0, 4).expect("w");
    ws.write_string(8, 1, "丁口罩厂").expect("w");
    ws.write_string(8, 2, uscc(1).to_lowercase()).expect("w");
    ws.write_string(8, 6, "2021.3.25").expect("w");
    // Row 10: a date nobody can read.
    ws.write_number(9, 0, 5).expect("w");
    ws.write_string(9, 1, "戊口罩厂").expect("w");
    ws.write_string(9, 2, uscc(5)).expect("w");
    ws.write_string(9, 6, "去年").expect("w");
    // Notes under the table.
    ws.write_string(10, 0, "注：1. 本表由各县区市场监管局填报。").expect("w");
    ws.write_string(11, 0, "填表人：李四").expect("w");
    wb.save(path).expect("save");
}

/// The streamed read hands over exactly the rows and counts the whole read finds, for .xlsx (streamed) and .xls
/// (read whole, then handed over), and stops when told to.
#[test]
fn streaming_a_roster_gives_what_reading_it_whole_gives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let messy = dir.path().join("messy.xlsx");
    messy_roster(&messy);
    for path in [messy.clone(), fixture("roster.xls")] {
        let whole = read_roster(&path, None).expect("read");
        let mut heads = Vec::new();
        let mut rows = Vec::new();
        let end = stream_roster(&path, None, |e| {
            match e {
                Streamed::Head(t) => heads.push(t),
                Streamed::Rows(r) => rows.extend(r),
            }
            true
        })
        .expect("stream");
        assert_eq!(heads.len(), 1, "{path:?}");
        assert_eq!(heads[0].columns, whole.columns, "{path:?}");
        assert_eq!(rows, whole.rows, "{path:?}");
        assert_eq!(SheetTable { rows: whole.rows.clone(), ..end }, whole, "{path:?}");
    }
    let mut events = 0;
    stream_roster(&messy, None, |_| {
        events += 1;
        false
    })
    .expect("stopped");
    assert_eq!(events, 1, "nothing is handed over after a refusal");
}

#[test]
fn a_messy_roster_gives_the_right_preview() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("messy.xlsx");
    messy_roster(&path);
    let table = read_roster(&path, None).expect("read");
    assert_eq!(table.sheet, "口罩企业");
    assert_eq!(table.header_rows, vec![3, 4]);
    let mapped: Vec<(String, Option<RosterColumn>)> =
        table.columns.iter().map(|c| (c.header.clone(), c.column)).collect();
    assert!(mapped.contains(&("联系人".into(), Some(RosterColumn::Contact))), "{mapped:?}");
    assert!(mapped.contains(&("电话".into(), Some(RosterColumn::Phone))), "{mapped:?}");
    assert!(mapped.contains(&("成立时间".into(), Some(RosterColumn::FoundedOn))), "{mapped:?}");
    assert_eq!(table.rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![5, 6, 8, 9, 10]);
    assert_eq!((table.skipped_empty, table.notes_from_row), (1, Some(11)));

    let parsed = parse_rows(&table);
    let first = &parsed[0].input;
    assert_eq!(first.phone.as_deref(), Some("13812345678"));
    assert_eq!(first.founded_on, chrono::NaiveDate::from_ymd_opt(2021, 3, 25));
    assert!(first.exporter);
    assert_eq!(parsed[1].input.name, "新乡市安心防护用品厂", "the formula's value");
    assert_eq!(parsed[1].input.founded_on, chrono::NaiveDate::from_ymd_opt(2020, 6, 18), "serial 44000");

    let plan = plan_import(parsed, today(), &Default::default(), |_| None);
    let actions: Vec<(u32, ImportAction)> = plan.iter().map(|p| (p.row, p.action.clone())).collect();
    assert_eq!(
        actions,
        vec![
            (5, ImportAction::Insert),
            (6, ImportAction::Insert),
            (8, ImportAction::Error),
            (9, ImportAction::Duplicate { first_row: 5 }),
            (10, ImportAction::Error),
        ]
    );
    assert_eq!(plan[0].uscc, uscc(1), "full-width normalised");
    assert_eq!(plan[0].write.as_ref().map(|w| w.name.as_str()), Some("新乡市卫滨区康达口罩有限公司"), "trimmed");
    let e = &plan[2].errors[0];
    assert_eq!(
        (e.column.as_str(), e.error.field, e.error.rule),
        ("统一社会信用代码", Field::Uscc, Rule::UsccCheckChar)
    );
    let e = &plan[4].errors[0];
    assert_eq!((e.column.as_str(), e.error.rule, e.error.detail.as_str()), ("成立时间", Rule::DateFormat, "去年"));
}

#[test]
fn a_legacy_xls_is_read() {
    let table = read_roster(&fixture("roster.xls"), None).expect("xls");
    assert_eq!(table.header_rows, vec![2]);
    let plan = plan_import(parse_rows(&table), today(), &Default::default(), |_| None);
    assert_eq!(plan.len(), 2);
    assert_eq!(plan[0].action, ImportAction::Insert);
    assert_eq!(plan[0].write.as_ref().and_then(|w| w.phone.clone()).as_deref(), Some("13812345678"));
    assert_eq!(plan[1].action, ImportAction::Error, "91350100M000100Y44 has a wrong check character");
}

#[test]
fn unreadable_files_give_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A 1 MB CSV renamed to .xlsx.
    let csv = dir.path().join("roster.xlsx");
    let line = "企业名称,统一社会信用代码,地址\n新乡市康达口罩有限公司,91350100M000100Y43,新乡市平原路18号\n";
    std::fs::write(&csv, line.repeat(1_048_576 / line.len() + 1)).expect("csv");
    // A valid workbook cut in half.
    let good = dir.path().join("good.xlsx");
    messy_roster(&good);
    let bytes = std::fs::read(&good).expect("read");
    let corrupt = dir.path().join("corrupt.xlsx");
    std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).expect("write");
    // A workbook whose only sheet is empty.
    let empty = dir.path().join("empty.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet();
    wb.save(&empty).expect("save");
    let txt = dir.path().join("roster.txt");
    std::fs::write(&txt, "x").expect("write");

    let check = |path: &Path, sheet: Option<&str>, want: &str| {
        let err = read_roster(path, sheet).expect_err("must fail");
        let msg = err.to_string();
        assert!(msg.contains(&path.display().to_string()), "names the file: {msg}");
        assert!(msg.contains(want), "{msg} should say {want}");
        err
    };
    assert!(matches!(check(&csv, None, "CSV"), SheetError::NotASpreadsheet { .. }));
    assert!(matches!(check(&corrupt, None, "损坏"), SheetError::Unreadable { .. }));
    assert!(matches!(check(&empty, None, "找不到名录表头"), SheetError::NoHeader { .. }));
    assert!(matches!(check(&fixture("encrypted.xlsx"), None, "密码"), SheetError::Encrypted { .. }));
    assert!(matches!(check(&good, Some("Sheet9"), "口罩企业"), SheetError::NoSuchSheet { .. }));
    assert!(matches!(check(&dir.path().join("missing.xlsx"), None, "无法读取"), SheetError::Unreadable { .. }));
    assert!(matches!(check(&txt, None, ".txt"), SheetError::NotASpreadsheet { .. }));
}

fn sample_rows() -> Vec<Appendix3Row> {
    let row = |name: &str, n: u64, capacity: Option<f64>| Appendix3Row {
        name: name.into(),
        uscc: uscc(n),
        county: "卫滨区".into(),
        production_address: "新乡市卫滨区平原路18号".into(),
        legal_rep: "王五".into(),
        contact_and_phone: "张三 13812345678".into(),
        category: "日常防护".into(),
        standard: "GB/T 32610-2016".into(),
        daily_capacity_wan: capacity,
        exporter: "否".into(),
        scale: "小型".into(),
        production_status: "在产".into(),
        founded_on: "2021-03-25".into(),
        inspection: "".into(),
        note: "0012".into(),
    };
    vec![
        row("新乡市卫滨区康达口罩有限公司", 1, Some(12.5)),
        row("=SUM(A1:A9)", 2, None),
        row("<b>厂</b>", 3, Some(0.0)),
    ]
}

#[test]
fn appendix3_round_trips_cell_by_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("附件3.xlsx");
    let rows = sample_rows();
    write_appendix3(&path, "卫滨区市场监督管理局", "2026年11月23日", &rows).expect("write");

    let mut wb = open_workbook_auto(&path).expect("open");
    let range = wb.worksheet_range("附件3").expect("sheet");
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0), Data::String(APPENDIX3_TITLE.into()));
    assert_eq!(cell(1, 0), Data::String("填报单位（盖章）：卫滨区市场监督管理局".into()));
    assert_eq!(cell(1, 8), Data::String("填报时间：2026年11月23日".into()));
    for (c, (h, _)) in APPENDIX3_COLUMNS.iter().enumerate() {
        assert_eq!(cell(2, c as u32), Data::String((*h).into()));
    }
    for (i, r) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        let want: Vec<Data> = vec![
            Data::Float((i + 1) as f64),
            Data::String(r.name.clone()),
            Data::String(r.uscc.clone()),
            Data::String(r.county.clone()),
            Data::String(r.production_address.clone()),
            Data::String(r.legal_rep.clone()),
            Data::String(r.contact_and_phone.clone()),
            Data::String(r.category.clone()),
            Data::String(r.standard.clone()),
            r.daily_capacity_wan.map(Data::Float).unwrap_or(Data::Empty),
            Data::String(r.exporter.clone()),
            Data::String(r.scale.clone()),
            Data::String(r.production_status.clone()),
            Data::String(r.founded_on.clone()),
            if r.inspection.is_empty() { Data::Empty } else { Data::String(r.inspection.clone()) },
            Data::String(r.note.clone()),
        ];
        let got: Vec<Data> = (0..16).map(|c| cell(row, c)).collect();
        assert_eq!(got, want, "row {row}");
    }
    // The `=` name is text, never a formula.
    let formulas = wb.worksheet_formula("附件3").expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula was written");

    // And the appendix 3 layout is recognised as a roster to import.
    let table = read_roster(&path, None).expect("read back");
    assert_eq!(table.header_rows, vec![3]);
    let parsed = parse_rows(&table);
    assert_eq!(
        parsed.iter().map(|p| p.input.name.clone()).collect::<Vec<_>>(),
        rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>()
    );
    assert_eq!(parsed[0].input.daily_capacity_wan, Some(12.5));
    assert_eq!(parsed[0].input.contact.as_deref(), Some("张三"));
}
