"""Appendix 5 with N made-up rows written by XlsxWriter in constant_memory mode: the same table, formats and print
setup as maskcheck's (crates/maskcheck-sheets/examples/appendix5_rows.rs makes the same rows by the same rule).

python3 scripts/appendix5_xlsxwriter.py 100000 /tmp/a5-py.xlsx
"""
import sys

import xlsxwriter

COLUMNS = [
    ("序号", 6), ("产品名称", 18), ("规格型号", 12), ("抽查企业名称", 26), ("抽查结果", 8), ("不合格项目", 14),
    ("不合格产品的批次数量(只)", 12), ("不合格产品是否流入市场", 10), ("不合格产品流入市场方向", 28),
    ("后处理措施", 24), ("对企业帮扶措施", 18), ("企业生产状况", 8), ("企业规模", 8), ("新企业成立时间", 14),
]


def row(i):
    fail = i % 10 == 0
    s = lambda v: v if fail else ""
    return [
        f"一次性使用口罩{i}", "175mm×95mm", f"新乡市卫滨区第{i % 500}口罩有限公司", "不合格" if fail else "合格",
        s("细菌过滤效率（BFE）"), s("5000"), s("是"),
        s("卫滨区惠民大药房（新乡市卫滨区）3000只；红旗区康泰医疗器械经营部（新乡市红旗区）2000只"),
        s("责令停止销售，召回3000只，在购货单位查封2000只"), "标准宣贯", "在产", "小型", "2020年2月10日",
    ]


def main():
    n = int(sys.argv[1])
    wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
    ws = wb.add_worksheet("附件5")
    font = {"font_name": "宋体", "font_size": 10}
    cell = wb.add_format({**font, "border": 1, "text_wrap": True, "valign": "vcenter"})
    head = wb.add_format({**font, "border": 1, "text_wrap": True, "valign": "vcenter", "bold": True,
                          "align": "center", "bg_color": "#F2F2F2"})
    title = wb.add_format({**font, "bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    last = len(COLUMNS) - 1
    ws.set_row(0, 32)
    ws.merge_range(0, 0, 0, last, "口罩专项抽查/抽检情况统计表", title)
    ws.merge_range(1, 0, 1, last // 2, "填报单位（盖章）：新乡市市场监督管理局", wb.add_format(font))
    ws.merge_range(1, last // 2 + 1, 1, last, "填报时间：2026年11月24日", wb.add_format({**font, "align": "right"}))
    ws.set_row(2, 48)
    for c, (h, w) in enumerate(COLUMNS):
        ws.write_string(2, c, h, head)
        ws.set_column(c, c, w)
    ws.freeze_panes(3, 0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(2, 2)
    for i in range(n):
        r = 3 + i
        ws.write_number(r, 0, i + 1, cell)
        for c, v in enumerate(row(i)):
            ws.write_string(r, 1 + c, v, cell)
    wb.close()


main()
