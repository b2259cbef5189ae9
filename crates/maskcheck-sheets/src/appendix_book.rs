//! Appendices 3, 4 and 5 of the campaign notice as a clerk sends them, one sheet each, alone or all three in one
//! workbook: the title merged over the table, 填报单位（盖章） and 填报时间, bordered cells with wrapped headers in
//! the seed's wording, widths that fit, the header frozen and repeated on every printed page, A4 landscape fitted
//! to the width. Texts are written as text; figures in 万元 and 万只 with two decimals.

use std::path::Path;

use maskcheck_domain::appendix::{Appendix4Row, Appendix5Row};
use maskcheck_domain::rollup::{APPENDIX4_HEADERS, APPENDIX4_ROW_HEADER};
use rust_xlsxwriter::{FormatAlign, Workbook, Worksheet, XlsxError};

use crate::export::{cell_format, font, header, save, write_err, Appendix3Row, APPENDIX3_COLUMNS, APPENDIX3_TITLE};
use crate::SheetError;

pub const APPENDIX4_TITLE: &str = "口罩案件查处情况统计表";
pub const APPENDIX5_TITLE: &str = "口罩专项抽查/抽检情况统计表";

/// Appendix 4's columns with their widths: the row's name, then the nine figures in the seed's wording.
pub fn appendix4_columns() -> Vec<(&'static str, f64)> {
    const WIDTHS: [f64; 9] = [12.0, 12.0, 14.0, 10.0, 10.0, 10.0, 10.0, 12.0, 14.0];
    std::iter::once((APPENDIX4_ROW_HEADER, 18.0)).chain(APPENDIX4_HEADERS.iter().copied().zip(WIDTHS)).collect()
}

/// Appendix 5's columns in the seed's order and wording (half-width brackets as the seed prints them).
pub const APPENDIX5_COLUMNS: &[(&str, f64)] = &[
    ("序号", 6.0),
    ("产品名称", 18.0),
    ("规格型号", 12.0),
    ("抽查企业名称", 26.0),
    ("抽查结果", 8.0),
    ("不合格项目", 14.0),
    ("不合格产品的批次数量(只)", 12.0),
    ("不合格产品是否流入市场", 10.0),
    ("不合格产品流入市场方向", 28.0),
    ("后处理措施", 24.0),
    ("对企业帮扶措施", 18.0),
    ("企业生产状况", 8.0),
    ("企业规模", 8.0),
    ("新企业成立时间", 14.0),
];

/// Under appendix 4: why the two visit columns are figures of 合计 only.
pub const APPENDIX4_NOTE: &str =
    "注：出动执法人员、检查经营者数为本期全部检查、复查和抽样（含未立案的）的合计，不分案件类别填写。";

/// The rows of appendix 4 in the seed's wording.
pub fn appendix4_row_label(r: &Appendix4Row) -> &'static str {
    r.category.map(|c| c.row_zh()).unwrap_or("合计")
}

/// One sheet of the book.
pub enum AppendixSheet<'a> {
    Three(&'a [Appendix3Row]),
    Four(&'a [Appendix4Row]),
    Five(&'a [Appendix5Row]),
}

/// Writes the given appendices to `path`, one sheet each (附件3, 附件4, 附件5), with `unit` as 填报单位 and `date`
/// as 填报时间. Appendix 5 streams its rows (constant memory): a city's table may hold every county's samples.
pub fn write_appendices(path: &Path, unit: &str, date: &str, sheets: &[AppendixSheet<'_>]) -> Result<(), SheetError> {
    let err = write_err(path);
    let mut wb = Workbook::new();
    for sheet in sheets {
        match sheet {
            AppendixSheet::Three(rows) => sheet3(wb.add_worksheet(), unit, date, rows),
            AppendixSheet::Four(rows) => sheet4(wb.add_worksheet(), unit, date, rows),
            AppendixSheet::Five(rows) => sheet5(wb.add_worksheet_with_constant_memory(), unit, date, rows),
        }
        .map_err(&err)?;
    }
    save(&mut wb, path)
}

/// Writes appendix 3 alone: one row per maker.
pub fn write_appendix3(path: &Path, unit: &str, date: &str, rows: &[Appendix3Row]) -> Result<(), SheetError> {
    write_appendices(path, unit, date, &[AppendixSheet::Three(rows)])
}

/// Writes appendix 4 alone: the seven categories and 合计.
pub fn write_appendix4(path: &Path, unit: &str, date: &str, rows: &[Appendix4Row]) -> Result<(), SheetError> {
    write_appendices(path, unit, date, &[AppendixSheet::Four(rows)])
}

/// Writes appendix 5 alone: one row per sampled product, numbered.
pub fn write_appendix5(path: &Path, unit: &str, date: &str, rows: &[Appendix5Row]) -> Result<(), SheetError> {
    write_appendices(path, unit, date, &[AppendixSheet::Five(rows)])
}

/// Title, 填报单位 and date, header; print setup. Returns the first row of data.
fn frame(ws: &mut Worksheet, title: &str, unit: &str, date: &str, columns: &[(&str, f64)]) -> Result<u32, XlsxError> {
    let last = (columns.len() - 1) as u16;
    let big = font().set_bold().set_font_size(16).set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter);
    ws.set_row_height(0, 32)?;
    ws.merge_range(0, 0, 0, last, title, &big)?;
    let half = last / 2;
    ws.merge_range(1, 0, 1, half, &format!("填报单位（盖章）：{unit}"), &font())?;
    ws.merge_range(1, half + 1, 1, last, &format!("填报时间：{date}"), &font().set_align(FormatAlign::Right))?;
    header(ws, 2, columns)?;
    ws.set_row_height(2, 48)?;
    ws.set_freeze_panes(3, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(2, 2)?;
    Ok(3)
}

fn sheet3(ws: &mut Worksheet, unit: &str, date: &str, rows: &[Appendix3Row]) -> Result<(), XlsxError> {
    ws.set_name("附件3")?;
    let first = frame(ws, APPENDIX3_TITLE, unit, date, APPENDIX3_COLUMNS)?;
    let text = cell_format();
    let number = cell_format().set_num_format("0.00");
    for (i, r) in rows.iter().enumerate() {
        let row = first + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &text)?;
        let head = [
            &r.name,
            &r.uscc,
            &r.county,
            &r.production_address,
            &r.legal_rep,
            &r.contact_and_phone,
            &r.category,
            &r.standard,
        ];
        for (c, v) in head.iter().enumerate() {
            ws.write_string_with_format(row, 1 + c as u16, v.as_str(), &text)?;
        }
        match r.daily_capacity_wan {
            Some(n) => ws.write_number_with_format(row, 9, n, &number)?,
            None => ws.write_blank(row, 9, &number)?,
        };
        let tail = [&r.exporter, &r.scale, &r.production_status, &r.founded_on, &r.inspection, &r.note];
        for (c, v) in tail.iter().enumerate() {
            ws.write_string_with_format(row, 10 + c as u16, v.as_str(), &text)?;
        }
    }
    Ok(())
}

fn sheet4(ws: &mut Worksheet, unit: &str, date: &str, rows: &[Appendix4Row]) -> Result<(), XlsxError> {
    ws.set_name("附件4")?;
    let columns = appendix4_columns();
    let first = frame(ws, APPENDIX4_TITLE, unit, date, &columns)?;
    let text = cell_format();
    let count = cell_format().set_num_format("0").set_align(FormatAlign::Right);
    let wan = cell_format().set_num_format("0.00").set_align(FormatAlign::Right);
    for (i, r) in rows.iter().enumerate() {
        let row = first + i as u32;
        let label = if r.category.is_none() { text.clone().set_bold() } else { text.clone() };
        ws.write_string_with_format(row, 0, appendix4_row_label(r), &label)?;
        for (c, v) in [r.inspectors, r.operators].iter().enumerate() {
            match v {
                Some(n) => ws.write_number_with_format(row, 1 + c as u16, f64::from(*n), &count)?,
                None => ws.write_blank(row, 1 + c as u16, &count)?,
            };
        }
        for (c, v) in [r.cases, r.filed, r.closed].iter().enumerate() {
            ws.write_number_with_format(row, 3 + c as u16, f64::from(*v), &count)?;
        }
        for (c, v) in [r.fines_wan, r.value_wan, r.masks_wan].iter().enumerate() {
            ws.write_number_with_format(row, 6 + c as u16, *v, &wan)?;
        }
        ws.write_number_with_format(row, 9, f64::from(r.referred), &count)?;
    }
    let note_row = first + rows.len() as u32;
    ws.merge_range(note_row, 0, note_row, (columns.len() - 1) as u16, APPENDIX4_NOTE, &font().set_text_wrap())?;
    ws.set_row_height(note_row, 28)?;
    Ok(())
}

fn sheet5(ws: &mut Worksheet, unit: &str, date: &str, rows: &[Appendix5Row]) -> Result<(), XlsxError> {
    ws.set_name("附件5")?;
    let first = frame(ws, APPENDIX5_TITLE, unit, date, APPENDIX5_COLUMNS)?;
    let text = cell_format();
    let last = (APPENDIX5_COLUMNS.len() - 1) as u16;
    for (i, r) in rows.iter().enumerate() {
        let row = first + i as u32;
        ws.write_number(row, 0, (i + 1) as f64)?;
        let cells = [
            &r.product_name,
            &r.spec_model,
            &r.enterprise,
            &r.result,
            &r.failing_items,
            &r.nonconforming_quantity,
            &r.reached_market,
            &r.market_direction,
            &r.post_measures,
            &r.help_measures,
            &r.production_status,
            &r.scale,
            &r.founded_on,
        ];
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(row, 1 + c as u16, v.as_str())?;
            }
        }
        // The row's cells take the bordered format in one step (empty ones as bordered blanks): rust_xlsxwriter
        // hashes a format each time one is given, and a city's table has a hundred thousand rows of fourteen.
        ws.set_range_format(row, 0, row, last, &text)?;
    }
    Ok(())
}
