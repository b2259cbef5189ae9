//! The made-up appendix 5 of the benchmarks (the example's whole-process run and the criterion bench), the same
//! rule as `scripts/appendix5_xlsxwriter.py`.

use maskcheck_domain::appendix::Appendix5Row;

/// Row `i` of the benchmark table: every tenth product fails, with its trail and measures.
pub fn row(i: usize) -> Appendix5Row {
    let fail = i.is_multiple_of(10);
    let s = |v: &str| if fail { v.to_string() } else { String::new() };
    Appendix5Row {
        product_name: format!("一次性使用口罩{i}"),
        spec_model: "175mm×95mm".into(),
        enterprise: format!("新乡市卫滨区第{}口罩有限公司", i % 500),
        result: if fail { "不合格" } else { "合格" }.into(),
        failing_items: s("细菌过滤效率（BFE）"),
        nonconforming_quantity: s("5000"),
        reached_market: s("是"),
        market_direction: s("卫滨区惠民大药房（新乡市卫滨区）3000只；红旗区康泰医疗器械经营部（新乡市红旗区）2000只"),
        post_measures: s("责令停止销售，召回3000只，在购货单位查封2000只"),
        help_measures: "标准宣贯".into(),
        production_status: "在产".into(),
        scale: "小型".into(),
        founded_on: "2020年2月10日".into(),
    }
}
