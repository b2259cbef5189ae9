//! Adding up the units' tables (county → city): the checks a table must pass before it is added, and the sum.
//! A table comes from the records a bureau merged or from a workbook a unit sent; both are checked by the same
//! rules, so a typed table with a wrong 合计 is refused the same way whichever way it came in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::appendix::{wan2, Appendix4Row, Appendix5Row};
use crate::casework::CaseCategory;

/// Appendix 4's figure columns in the seed's order and wording (the seed prints them with half-width brackets).
pub const APPENDIX4_HEADERS: [&str; 9] = [
    "出动执法人员(人次)累计",
    "检查经营者数(户/人)累计",
    "查办案件(件)(包括立案和简易案件)",
    "其中：立案(件)",
    "结案(件)",
    "罚没(万元)",
    "案值(万元)",
    "查获口罩(万只)累计",
    "移送公安机关案件数(件)累计",
];

/// The first column of appendix 4, naming the row.
pub const APPENDIX4_ROW_HEADER: &str = "查办案件情况";

/// A rule a table broke: which row (its label), which column (header) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TableError {
    pub row: String,
    pub column: String,
    pub rule: String,
}

fn label(r: &Appendix4Row) -> &'static str {
    r.category.map(CaseCategory::row_zh).unwrap_or("合计")
}

/// The figures of a row by column (visit columns as 0 when blank), money and masks as they print.
fn figures(r: &Appendix4Row) -> [f64; 9] {
    [
        f64::from(r.inspectors.unwrap_or(0)),
        f64::from(r.operators.unwrap_or(0)),
        f64::from(r.cases),
        f64::from(r.filed),
        f64::from(r.closed),
        r.fines_wan,
        r.value_wan,
        r.masks_wan,
        f64::from(r.referred),
    ]
}

/// Checks a whole appendix 4 (seven categories then 合计): 立案 and 结案 within 查办 on every row; 合计's case
/// columns equal to the sum of the rows (to the cent of 万元); 合计's visit columns at least the rows' (visits that
/// led to no case count in 合计 only).
pub fn check_appendix4(rows: &[Appendix4Row]) -> Vec<TableError> {
    let mut errors = Vec::new();
    let err = |row: &Appendix4Row, col: usize, rule: String| TableError {
        row: label(row).to_string(),
        column: APPENDIX4_HEADERS[col].to_string(),
        rule,
    };
    for r in rows {
        if r.filed > r.cases {
            errors.push(err(r, 3, format!("立案 {} 件多于查办案件 {} 件（立案是查办的一部分）", r.filed, r.cases)));
        }
        if r.closed > r.cases {
            errors.push(err(r, 4, format!("结案 {} 件多于查办案件 {} 件", r.closed, r.cases)));
        }
    }
    let Some((total, categories)) = rows.split_last() else { return errors };
    if total.category.is_some() {
        return errors;
    }
    let mut sum = [0.0; 9];
    for r in categories {
        for (s, v) in sum.iter_mut().zip(figures(r)) {
            *s += v;
        }
    }
    let typed = figures(total);
    for col in 0..9 {
        let (want, got) = (wan2(sum[col]), wan2(typed[col]));
        if col < 2 {
            if got + 0.001 < want {
                errors.push(err(total, col, format!("合计 {got} 小于各类案件之和 {want}")));
            }
        } else if (want - got).abs() > 0.001 {
            errors.push(err(total, col, format!("合计 {got} 不等于各行之和 {want}")));
        }
    }
    errors
}

/// The sum of several units' appendix 4 (each seven categories then 合计), row by row and column by column.
pub fn sum_appendix4<'a>(tables: impl IntoIterator<Item = &'a [Appendix4Row]>) -> Vec<Appendix4Row> {
    let mut out: Vec<Appendix4Row> = CaseCategory::ALL
        .iter()
        .map(|c| Appendix4Row { category: Some(*c), ..Default::default() })
        .chain(std::iter::once(Appendix4Row { inspectors: Some(0), operators: Some(0), ..Default::default() }))
        .collect();
    for table in tables {
        for r in table {
            if let Some(o) = out.iter_mut().find(|o| o.category == r.category) {
                o.add(r);
            }
        }
    }
    for r in &mut out {
        r.fines_wan = wan2(r.fines_wan);
        r.value_wan = wan2(r.value_wan);
        r.masks_wan = wan2(r.masks_wan);
    }
    out
}

/// Appendix 5's results as the seed words them.
pub const RESULTS: [&str; 3] = ["合格", "不合格", "待检验"];

/// The rules a row of appendix 5 a unit sent must pass: (column header, rule) for each it breaks.
pub fn check_appendix5_row(r: &Appendix5Row) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if r.product_name.trim().is_empty() {
        out.push(("产品名称", "不能为空".to_string()));
    }
    if r.enterprise.trim().is_empty() {
        out.push(("抽查企业名称", "不能为空".to_string()));
    }
    if !RESULTS.contains(&r.result.trim()) {
        out.push(("抽查结果", format!("“{}”应为合格、不合格或待检验", r.result)));
    }
    if r.result.trim() == "不合格" && r.failing_items.trim().is_empty() {
        out.push(("不合格项目", "不合格的样品须写明不合格项目".to_string()));
    }
    if !["", "是", "否"].contains(&r.reached_market.trim()) {
        out.push(("不合格产品是否流入市场", format!("“{}”应为是或否", r.reached_market)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casework::CaseCategory::*;

    fn table(quality: (u32, u32, u32, f64), total: (u32, u32, u32, f64), visits: Option<u32>) -> Vec<Appendix4Row> {
        let mut rows: Vec<Appendix4Row> =
            CaseCategory::ALL.iter().map(|c| Appendix4Row { category: Some(*c), ..Default::default() }).collect();
        let q = rows.iter_mut().find(|r| r.category == Some(Quality)).expect("quality");
        (q.cases, q.filed, q.closed, q.fines_wan) = quality;
        let (cases, filed, closed, fines_wan) = total;
        rows.push(Appendix4Row {
            category: None,
            inspectors: visits,
            operators: visits.map(|v| v / 2),
            cases,
            filed,
            closed,
            fines_wan,
            ..Default::default()
        });
        rows
    }

    type Case = (&'static str, Vec<Appendix4Row>, Vec<(&'static str, &'static str)>);

    #[test]
    fn a_table_is_checked_row_by_row_and_its_total_against_its_rows() {
        let cases: Vec<Case> = vec![
            ("consistent", table((3, 2, 1, 1.5), (3, 2, 1, 1.5), Some(10)), vec![]),
            (
                "立案 above 查办",
                table((1, 2, 0, 0.0), (1, 2, 0, 0.0), None),
                vec![("质量类案件", "其中：立案(件)"), ("合计", "其中：立案(件)")],
            ),
            (
                "合计 typed wrong",
                table((3, 2, 1, 1.5), (4, 2, 1, 1.25), Some(4)),
                vec![("合计", "查办案件(件)(包括立案和简易案件)"), ("合计", "罚没(万元)")],
            ),
        ];
        for (name, rows, want) in cases {
            let got: Vec<(String, String)> = check_appendix4(&rows).into_iter().map(|e| (e.row, e.column)).collect();
            let want: Vec<(String, String)> = want.iter().map(|(r, c)| (r.to_string(), c.to_string())).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn the_sum_of_tables_adds_every_row_and_keeps_the_total_the_sum_of_its_rows() {
        let a = table((3, 2, 1, 1.5), (3, 2, 1, 1.5), Some(10));
        let b = table((1, 1, 1, 0.25), (1, 1, 1, 0.25), None);
        let sum = sum_appendix4([a.as_slice(), b.as_slice()]);
        let q = sum.iter().find(|r| r.category == Some(Quality)).expect("quality");
        assert_eq!((q.cases, q.filed, q.closed, q.fines_wan), (4, 3, 2, 1.75));
        let total = sum.last().expect("total");
        assert_eq!((total.cases, total.fines_wan, total.inspectors, total.operators), (4, 1.75, Some(10), Some(5)));
        assert!(check_appendix4(&sum).is_empty(), "{:?}", check_appendix4(&sum));
    }
}
