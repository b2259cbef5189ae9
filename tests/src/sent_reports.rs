//! Appendix 4 workbooks as units send them to the bureau, for the roll-up tests of the app, the CLI and the
//! window: one typed by hand in the seed's layout, and one with a word where a figure goes.

use std::path::Path;

use maskcheck_domain::rollup::{APPENDIX4_HEADERS, APPENDIX4_ROW_HEADER};

/// Appendix 4's rows in the seed's words and order.
pub const LABELS: [&str; 8] = [
    "价格类案件",
    "质量类案件",
    "不正当竞争类案件",
    "知识产权类案件",
    "药械资质类案件",
    "虚假广告类案件",
    "其他案件",
    "合计",
];

/// A unit's appendix 4 with 立案 of the 质量类 row (Excel row 4, column 其中：立案(件)) typed as "两件".
pub fn appendix4_with_a_word_for_a_figure(path: &Path, unit: &str) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, format!("填报单位（盖章）：{unit}")).expect("unit");
    for (c, h) in std::iter::once(APPENDIX4_ROW_HEADER).chain(APPENDIX4_HEADERS).enumerate() {
        ws.write_string(1, c as u16, h).expect("header");
    }
    for (r, label) in LABELS.iter().enumerate() {
        ws.write_string(2 + r as u32, 0, *label).expect("label");
    }
    ws.write_string(3, 4, "两件").expect("a word where a number goes");
    wb.save(path).expect("save");
}

/// A county's appendix 4 typed by hand in the seed's layout: title and unit lines merged across, the header over
/// two rows with merged cells (the row name spans both; 出动执法人员 and its unit split), figures typed, some as
/// text, a dash for nothing, a note under the table. `quality` is (查办, 立案, 结案, 罚没) and `total` the typed 合计.
pub fn hand_typed_appendix4(path: &Path, unit: &str, quality: (f64, f64, f64, f64), total: (f64, f64, f64, f64)) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").expect("name");
    let f = Format::new();
    ws.merge_range(0, 0, 0, 9, "附件4\n口罩案件查处情况统计表", &f).expect("title");
    ws.merge_range(1, 0, 1, 5, &format!("填报单位（盖章）：{unit}"), &f).expect("unit");
    ws.merge_range(1, 6, 1, 9, "2026年 11月 30日", &f).expect("date");
    ws.merge_range(2, 0, 3, 0, "查办案件情况", &f).expect("row header");
    let top = [
        "出动执法人员",
        "检查经营者数",
        "查办案件 (件)(包",
        "其中：立案",
        "结案",
        "罚没",
        "案值",
        "查获口罩",
        "移送公安机",
    ];
    let bottom = [
        "(人次) 累计",
        "(户/人) 累计",
        "括立案和 简易案件)",
        "(件)",
        "(件)",
        "(万元)",
        "(万元)",
        "(万只) 累计",
        "关案件数 (件)累计",
    ];
    for (c, (t, b)) in top.iter().zip(bottom).enumerate() {
        ws.write_string(2, 1 + c as u16, *t).expect("top");
        ws.write_string(3, 1 + c as u16, b).expect("bottom");
    }
    for (i, label) in LABELS.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_string(r, 0, *label).expect("label");
        let (cases, filed, closed, fines) = match *label {
            "质量类案件" => quality,
            "合计" => total,
            _ => (0.0, 0.0, 0.0, 0.0),
        };
        if *label == "合计" {
            ws.write_number(r, 1, 12.0).expect("inspectors");
            ws.write_string(r, 2, "5").expect("operators typed as text");
        }
        ws.write_number(r, 3, cases).expect("cases");
        ws.write_number(r, 4, filed).expect("filed");
        ws.write_number(r, 5, closed).expect("closed");
        ws.write_number(r, 6, fines).expect("fines");
        ws.write_string(r, 9, "—").expect("dash");
    }
    ws.write_string(13, 0, "注：本表按月报送。").expect("note");
    wb.save(path).expect("save");
}
