//! Appendices 4 and 5 of the campaign notice as a clerk sends them: the title merged over the table, 填报单位
//! and date, bordered cells with wrapped headers, widths that fit, the header frozen and repeated on every printed
//! page, A4 landscape fitted to the width. Texts are written as text; figures in 万元 and 万只 with two decimals.

use std::path::Path;

use maskcheck_domain::appendix::{Appendix4Row, Appendix5Row};
use rust_xlsxwriter::{FormatAlign, Workbook, Worksheet, XlsxError};

use crate::export::{cell_format, font, header, save, write_err};
use crate::SheetError;

pub const APPENDIX4_TITLE: &str = "口罩案件查处情况统计表";
pub const APPENDIX5_TITLE: &str = "口罩专项抽查/抽检情况统计表";

/// Appendix 4's columns in the seed's wording and order (the first names the row).
pub const APPENDIX4_COLUMNS: &[(&str, f64)] = &[
    ("查办案件情况", 18.0),
    ("出动执法人员（人次）累计", 12.0),
    ("检查经营者数（户/人）累计", 12.0),
    ("查办案件（件）（包括立案和简易案件）", 14.0),
    ("其中：立案（件）", 10.0),
    ("结案（件）", 10.0),
    ("罚没（万元）", 10.0),
    ("案值（万元）", 10.0),
    ("查获口罩（万只）累计", 12.0),
    ("移送公安机关案件数（件）累计", 14.0),
];

/// Appendix 5's columns in the seed's order.
pub const APPENDIX5_COLUMNS: &[(&str, f64)] = &[
    ("序号", 6.0),
    ("产品名称", 18.0),
    ("规格型号", 12.0),
    ("抽查企业名称", 26.0),
    ("抽查结果", 8.0),
    ("不合格项目", 14.0),
    ("不合格产品的批次数量（只）", 12.0),
    ("不合格产品是否流入市场", 10.0),
    ("不合格产品流入市场方向", 28.0),
    ("后处理措施", 24.0),
    ("对企业帮扶措施", 18.0),
    ("企业生产状况", 8.0),
    ("企业规模", 8.0),
    ("新企业成立时间", 14.0),
];

/// The rows of appendix 4 in the seed's wording.
pub fn appendix4_row_label(r: &Appendix4Row) -> &'static str {
    r.category.map(|c| c.row_zh()).unwrap_or("合计")
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

/// Writes appendix 4: the seven categories and 合计, in the seed's order.
pub fn write_appendix4(path: &Path, unit: &str, date: &str, rows: &[Appendix4Row]) -> Result<(), SheetError> {
    let err = write_err(path);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("附件4").map_err(&err)?;
    let first = frame(ws, APPENDIX4_TITLE, unit, date, APPENDIX4_COLUMNS).map_err(&err)?;
    let text = cell_format();
    let count = cell_format().set_num_format("0").set_align(FormatAlign::Right);
    let wan = cell_format().set_num_format("0.00").set_align(FormatAlign::Right);
    for (i, r) in rows.iter().enumerate() {
        let row = first + i as u32;
        let label = if r.category.is_none() { text.clone().set_bold() } else { text.clone() };
        ws.write_string_with_format(row, 0, appendix4_row_label(r), &label).map_err(&err)?;
        let counts = [r.inspectors, r.operators, r.cases, r.filed, r.closed];
        for (c, v) in counts.iter().enumerate() {
            ws.write_number_with_format(row, 1 + c as u16, f64::from(*v), &count).map_err(&err)?;
        }
        for (c, v) in [r.fines_wan, r.value_wan, r.masks_wan].iter().enumerate() {
            ws.write_number_with_format(row, 6 + c as u16, *v, &wan).map_err(&err)?;
        }
        ws.write_number_with_format(row, 9, f64::from(r.referred), &count).map_err(&err)?;
    }
    save(&mut wb, path)
}

/// Writes appendix 5: one row per sampled product, numbered.
pub fn write_appendix5(path: &Path, unit: &str, date: &str, rows: &[Appendix5Row]) -> Result<(), SheetError> {
    let err = write_err(path);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("附件5").map_err(&err)?;
    let first = frame(ws, APPENDIX5_TITLE, unit, date, APPENDIX5_COLUMNS).map_err(&err)?;
    let text = cell_format();
    for (i, r) in rows.iter().enumerate() {
        let row = first + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &text).map_err(&err)?;
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
            ws.write_string_with_format(row, 1 + c as u16, v.as_str(), &text).map_err(&err)?;
        }
    }
    save(&mut wb, path)
}
