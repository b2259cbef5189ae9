//! The sheet reader fuzzed (issue 14): mutations of a real workbook — its bytes, its sheet's declared dimension
//! and its cell references — must give a table or a `SheetError`, never a panic, an abort or a runaway
//! allocation. Bounded by the case count, so it runs in every CI build.

use std::io::{Read, Write};
use std::path::Path;

use maskcheck_sheets::parse::parse_rows;
use maskcheck_sheets::read_roster;
use proptest::prelude::*;

/// A small real roster written by rust_xlsxwriter, as (part name, bytes) of its zip package.
fn real_parts() -> Vec<(String, Vec<u8>)> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["企业名称", "统一社会信用代码", "所在县区", "成立日期"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for r in 1..6u32 {
        ws.write_string(r, 0, format!("口罩厂{r}")).expect("w");
        ws.write_string(r, 1, maskcheck_domain::sample::sample_uscc(u64::from(r), 0)).expect("w");
        ws.write_string(r, 2, "卫滨区").expect("w");
        ws.write_number_with_format(r, 3, 44_000.0 + f64::from(r), &date).expect("w");
    }
    let bytes = wb.save_to_buffer().expect("save");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("part");
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("read");
            (f.name().to_string(), b)
        })
        .collect()
}

fn write_parts(path: &Path, parts: &[(String, Vec<u8>)]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
    for (name, body) in parts {
        z.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).expect("start");
        z.write_all(body).expect("write");
    }
    z.finish().expect("finish");
}

/// Reading must end in a table or an error; the table's rows must parse.
fn read_survives(path: &Path) {
    if let Ok(table) = read_roster(path, None) {
        let _ = parse_rows(&table);
    }
}

fn cell_ref() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..20, 0u32..20).prop_map(|(c, r)| format!("{}{}", (b'A' + c as u8) as char, r + 1)),
        Just("XFD1048576".to_string()),
        Just("P1048576".to_string()),
        Just("A0".to_string()),
        Just("ZZZZ99999999999".to_string()),
        Just("".to_string()),
        "[A-Z]{1,4}[0-9]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_dimension_and_cell_refs(dim in cell_ref(), refs in proptest::collection::vec((0usize..40, cell_ref()), 1..6)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut parts = real_parts();
        for (name, body) in &mut parts {
            if name.starts_with("xl/worksheets/") {
                let mut xml = String::from_utf8(body.clone()).expect("utf8");
                if let Some(i) = xml.find("<dimension ref=\"") {
                    let end = xml[i + 16..].find('"').map(|e| i + 16 + e).expect("end");
                    xml.replace_range(i + 16..end, &dim);
                }
                // Replace the n-th cell reference with a generated one.
                for (n, r) in &refs {
                    let positions: Vec<usize> = xml.match_indices("<c r=\"").map(|(i, _)| i + 6).collect();
                    if let Some(&start) = positions.get(n % positions.len().max(1)) {
                        let end = xml[start..].find('"').map(|e| start + e).expect("end");
                        xml.replace_range(start..end, r);
                    }
                }
                *body = xml.into_bytes();
            }
        }
        let path = dir.path().join("m.xlsx");
        write_parts(&path, &parts);
        read_survives(&path);
    }

    #[test]
    fn flipped_bytes_of_the_sheet_xml(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut parts = real_parts();
        for (name, body) in &mut parts {
            if name.starts_with("xl/worksheets/") || name == "xl/sharedStrings.xml" {
                for (i, b) in &flips {
                    let at = i.index(body.len());
                    body[at] = *b;
                }
            }
        }
        let path = dir.path().join("f.xlsx");
        write_parts(&path, &parts);
        read_survives(&path);
    }

    #[test]
    fn flipped_bytes_of_the_whole_file(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..10)) {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = dir.path().join("src.xlsx");
        write_parts(&src, &real_parts());
        let mut bytes = std::fs::read(&src).expect("read");
        for (i, b) in &flips {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        let path = dir.path().join("b.xlsx");
        std::fs::write(&path, &bytes).expect("write");
        read_survives(&path);
    }
}

/// A unit's appendix 4 and 5 as this app writes them (the workbook a bureau reads for its roll-up), as parts.
fn report_parts() -> Vec<(String, Vec<u8>)> {
    use maskcheck_domain::appendix::{Appendix4Row, Appendix5Row};
    use maskcheck_domain::casework::CaseCategory;
    use maskcheck_sheets::appendix_book::{write_appendices, AppendixSheet};
    let mut a4: Vec<Appendix4Row> = CaseCategory::ALL
        .iter()
        .map(|c| Appendix4Row { category: Some(*c), cases: 2, filed: 1, fines_wan: 0.5, ..Default::default() })
        .collect();
    a4.push(Appendix4Row {
        inspectors: Some(30),
        operators: Some(12),
        cases: 14,
        filed: 7,
        fines_wan: 3.5,
        ..Default::default()
    });
    let row = |i: usize| Appendix5Row {
        product_name: format!("口罩{i}"),
        spec_model: "175mm×95mm".into(),
        enterprise: format!("第{i}口罩厂"),
        result: if i == 1 { "不合格" } else { "合格" }.into(),
        failing_items: if i == 1 { "细菌过滤效率（BFE）" } else { "" }.into(),
        nonconforming_quantity: String::new(),
        reached_market: String::new(),
        market_direction: String::new(),
        post_measures: String::new(),
        help_measures: String::new(),
        production_status: "在产".into(),
        scale: "小型".into(),
        founded_on: "2020年2月10日".into(),
    };
    let a5: Vec<Appendix5Row> = (0..3).map(row).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.xlsx");
    write_appendices(
        &path,
        "红旗区市场监督管理局",
        "2026年11月30日",
        &[AppendixSheet::Four(&a4), AppendixSheet::Five(&a5)],
    )
    .expect("write");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("part");
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("read");
            (f.name().to_string(), b)
        })
        .collect()
}

/// Reading a unit's report must end in its tables or an error; tables that read are checked by the domain's rules.
fn report_survives(path: &Path) {
    if let Ok(report) = maskcheck_sheets::report_read::read_sent_report(path) {
        if let Some(a4) = report.appendix4 {
            let _ = maskcheck_domain::rollup::check_appendix4(&a4.rows);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, failure_persistence: None, ..ProptestConfig::default() })]

    /// The roll-up's reader on mutated reports: cell references moved anywhere, texts and figures replaced by
    /// anything, bytes flipped.
    #[test]
    fn mutated_unit_reports(
        refs in proptest::collection::vec((0usize..200, cell_ref()), 0..6),
        texts in proptest::collection::vec((0usize..200, ".{0,12}"), 0..6),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut parts = report_parts();
        for (name, body) in &mut parts {
            if !name.starts_with("xl/worksheets/") {
                continue;
            }
            let mut xml = String::from_utf8(body.clone()).expect("utf8");
            for (n, r) in &refs {
                let positions: Vec<usize> = xml.match_indices("<c r=\"").map(|(i, _)| i + 6).collect();
                if let Some(&start) = positions.get(n % positions.len().max(1)) {
                    let end = xml[start..].find('"').map(|e| start + e).expect("end");
                    xml.replace_range(start..end, r);
                }
            }
            for (n, t) in &texts {
                let positions: Vec<usize> = xml.match_indices("<v>").map(|(i, _)| i + 3).collect();
                if let Some(&start) = positions.get(n % positions.len().max(1)) {
                    let end = xml[start..].find('<').map(|e| start + e).expect("end");
                    let escaped = t.replace('&', "&amp;").replace('<', "&lt;");
                    xml.replace_range(start..end, &escaped);
                }
            }
            let mut bytes = xml.into_bytes();
            for (i, b) in &flips {
                let at = i.index(bytes.len());
                bytes[at] = *b;
            }
            *body = bytes;
        }
        let path = dir.path().join("u.xlsx");
        write_parts(&path, &parts);
        report_survives(&path);
    }
}

/// The committed corpus, `fuzz/corpus/sheets/`: the seeds (a roster, a unit's appendix 4/5 workbook) and every file a
/// fuzz run ever found a fault with, kept so each build reads it again. `UPDATE_CORPUS=1` writes the seeds anew.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/sheets");
    if std::env::var_os("UPDATE_CORPUS").is_some() {
        std::fs::create_dir_all(&dir).expect("corpus dir");
        write_parts(&dir.join("roster.xlsx"), &real_parts());
        write_parts(&dir.join("unit-report.xlsx"), &report_parts());
    }
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fuzz/corpus/sheets")
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "the corpus holds its seeds");
    files
}

/// A corpus file (or its mutation) read both as a roster and as a unit's report, under its own extension.
fn corpus_file_survives(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    read_survives(&path);
    report_survives(&path);
}

#[test]
fn every_corpus_file_reads_or_refuses() {
    for (name, bytes) in corpus() {
        corpus_file_survives(&name, &bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any corpus file with bytes replaced and its end cut anywhere.
    #[test]
    fn mutated_corpus_files(
        pick in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let files = corpus();
        let (name, bytes) = &files[pick.index(files.len())];
        let mut bytes = bytes.clone();
        for (i, b) in &flips {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        if let Some(c) = cut {
            bytes.truncate(c.index(bytes.len()));
        }
        corpus_file_survives(name, &bytes);
    }
}
