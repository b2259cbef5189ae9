//! Writing rosters: appendix 3 of the campaign notice (非医用口罩生产企业情况统计表) and a plain export of every
//! field. Every text goes through `write_string`, so a name starting with `=` stays text, never a formula.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

pub use crate::appendix_book::write_appendix3;

use crate::SheetError;

/// Appendix 3's columns in order, with their widths (characters).
pub const APPENDIX3_COLUMNS: &[(&str, f64)] = &[
    ("序号", 6.0),
    ("企业名称", 30.0),
    ("统一社会信用代码", 22.0),
    ("所在县（市、区）", 12.0),
    ("生产地址", 30.0),
    ("法定代表人", 10.0),
    ("联系人及电话", 20.0),
    ("产品类别（日常防护/KN系列/儿童/其他）", 16.0),
    ("执行标准", 18.0),
    ("日产能（万只）", 10.0),
    ("是否出口", 8.0),
    ("企业规模", 8.0),
    ("生产状况（在产/停产/转产）", 12.0),
    ("成立时间", 12.0),
    ("检查情况", 20.0),
    ("备注", 16.0),
];

pub const APPENDIX3_TITLE: &str = "非医用口罩生产企业情况统计表";

/// One enterprise as appendix 3 shows it: every cell already in its display form, capacity as a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Appendix3Row {
    pub name: String,
    pub uscc: String,
    pub county: String,
    pub production_address: String,
    pub legal_rep: String,
    pub contact_and_phone: String,
    pub category: String,
    pub standard: String,
    pub daily_capacity_wan: Option<f64>,
    pub exporter: String,
    pub scale: String,
    pub production_status: String,
    pub founded_on: String,
    pub inspection: String,
    pub note: String,
}

pub(crate) fn write_err(path: &Path) -> impl Fn(XlsxError) -> SheetError + '_ {
    move |e| SheetError::Write { path: path.into(), reason: e.to_string() }
}

pub(crate) fn font() -> Format {
    Format::new().set_font_name("宋体").set_font_size(10)
}

pub(crate) fn cell_format() -> Format {
    font().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::VerticalCenter)
}

pub(crate) fn header_format() -> Format {
    cell_format().set_bold().set_align(FormatAlign::Center).set_background_color(0xF2F2F2)
}

pub(crate) fn header(ws: &mut Worksheet, row: u32, columns: &[(&str, f64)]) -> Result<(), XlsxError> {
    let f = header_format();
    ws.set_row_height(row, 30)?;
    for (c, (h, w)) in columns.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &f)?;
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// Writes a plain table: one header row (frozen), then the rows, every cell as text.
pub fn write_plain(path: &Path, sheet: &str, columns: &[(&str, f64)], rows: &[Vec<String>]) -> Result<(), SheetError> {
    let err = write_err(path);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(&err)?;
    header(ws, 0, columns).map_err(&err)?;
    let text = cell_format();
    for (i, r) in rows.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            ws.write_string_with_format(1 + i as u32, c as u16, v.as_str(), &text).map_err(&err)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(&err)?;
    save(&mut wb, path)
}

/// Builds the workbook in memory and writes it through `write_file`: the zip writer never touches the
/// destination, so a failing destination is one clear error, never the zip crate's own text.
pub(crate) fn save(wb: &mut Workbook, path: &Path) -> Result<(), SheetError> {
    let bytes = wb.save_to_buffer().map_err(write_err(path))?;
    write_file(path, &bytes).map_err(|e| SheetError::Write { path: path.into(), reason: e.to_string() })
}

/// Writes `bytes` to `path`: a regular file (or a new one) is written beside and renamed into place, so an
/// interrupted export never leaves half a workbook under the name; a pipe or device (`/dev/stdout`) is written
/// directly.
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() && !m.is_dir() => {
            return std::fs::OpenOptions::new().write(true).open(path)?.write_all(bytes)
        }
        _ => {}
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
