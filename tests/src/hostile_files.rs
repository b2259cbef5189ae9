//! Spreadsheets a hostile or careless sender makes, written by hand so a test controls every byte: used by the
//! CLI's hostile-input tests and the import wizard's end-to-end test.

use std::io::Write;
use std::path::Path;

pub fn uscc(n: u32) -> String {
    let first17 = format!("91350100MA{n:07}");
    format!("{first17}{}", maskcheck_domain::uscc::check_char(&first17).expect("charset"))
}

/// Column letters of a 0-based index (A, …, Z, AA, …, XFD).
pub fn col(mut c: u32) -> String {
    let mut s = Vec::new();
    c += 1;
    while c > 0 {
        s.push(b'A' + ((c - 1) % 26) as u8);
        c = (c - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}

pub fn cell(r: u32, c: u32, v: &str) -> String {
    format!(r#"<c r="{}{}" t="inlineStr"><is><t>{v}</t></is></c>"#, col(c), r + 1)
}

/// A minimal .xlsx package written by hand, so a test controls every byte of the sheet: `rows` writes the
/// `<sheetData>` body into the (deflated) part as it goes, so a large sheet is never held in memory.
pub fn xlsx(path: &Path, dimension: &str, rows: impl FnOnce(&mut dyn Write)) {
    let f = std::fs::File::create(path).expect("create");
    let mut z = zip::ZipWriter::new(f);
    let opt = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, body) in parts {
        z.start_file(name, opt).expect("part");
        z.write_all(body.as_bytes()).expect("write");
    }
    z.start_file("xl/worksheets/sheet1.xml", opt).expect("sheet");
    write!(z, r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>"#).expect("w");
    rows(&mut z);
    z.write_all(b"</sheetData></worksheet>").expect("w");
    z.finish().expect("finish");
}

/// The header row: name, USCC, county.
pub fn header_row(w: &mut dyn Write) {
    write!(
        w,
        r#"<row r="1">{}{}{}</row>"#,
        cell(0, 0, "企业名称"),
        cell(0, 1, "统一社会信用代码"),
        cell(0, 2, "所在县区")
    )
    .expect("w");
}

/// A header and three good rows.
pub fn roster_rows(w: &mut dyn Write) {
    header_row(w);
    for i in 1..=3 {
        write!(
            w,
            r#"<row r="{}">{}{}{}</row>"#,
            i + 1,
            cell(i, 0, &format!("口罩厂{i}")),
            cell(i, 1, &uscc(i)),
            cell(i, 2, "卫滨区")
        )
        .expect("w");
    }
}

/// A tiny roster with one stray cell at 0-based (`r`, `c`): XFD1048576 is (1_048_575, 16_383).
pub fn far_cell(path: &Path, r: u32, c: u32) {
    xlsx(path, &format!("A1:{}{}", col(c), r + 1), |w| {
        roster_rows(w);
        write!(w, r#"<row r="{}">{}</row>"#, r + 1, cell(r, c, "x")).expect("w");
    });
}

/// Over `mb` MB of sheet XML (one enterprise repeated) that deflates to under a megabyte.
pub fn zip_bomb(path: &Path, mb: usize) {
    xlsx(path, "A1:C1", |w| {
        roster_rows(w);
        let row = format!("{}{}", cell(9, 0, "同一家口罩厂"), cell(9, 1, &uscc(9)));
        let mut n = 5u32;
        let mut written = 0usize;
        while written < mb << 20 {
            let line = format!(r#"<row r="{n}">{row}</row>"#);
            w.write_all(line.as_bytes()).expect("w");
            written += line.len();
            n += 1;
        }
    });
}

/// A shared-string index past the (absent) table, which makes calamine panic.
pub fn bad_shared_string(path: &Path) {
    xlsx(path, "A1:B2", |w| {
        roster_rows(w);
        write!(w, r#"<row r="9"><c r="A9" t="s"><v>999</v></c></row>"#).expect("w");
    });
}
