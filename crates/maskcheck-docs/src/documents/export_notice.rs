//! 不合格口罩产品信息通报函: a letter to customs and commerce naming the nonconforming product, its maker and
//! what failed, as the campaign asks (将不合格口罩产品和生产企业等信息及时通报给商务、海关部门).

use maskcheck_domain::document::{zh_date, DocContent, DocKind, ExportNoticeContent};

use super::issued;
use crate::model::{Block, DocModel};

pub(super) fn model(c: &DocContent, n: &ExportNoticeContent) -> DocModel {
    let title = DocKind::ExportNotice.title_zh();
    let or_dash = |s: &str| if s.trim().is_empty() { "—".to_string() } else { s.trim().to_string() };
    let report = match (n.lab.trim(), n.report_number.trim()) {
        ("", "") => "—".to_string(),
        (lab, "") => lab.to_string(),
        ("", number) => format!("检验报告编号：{number}"),
        (lab, number) => format!("{lab}（检验报告编号：{number}）"),
    };
    let quantity = n.nonconforming_quantity.map(|q| format!("{q}只")).unwrap_or_else(|| "—".into());
    let export = if n.exporter {
        "该企业为出口企业，涉嫌出口不合格产品，现将线索移送你单位依法处理。"
    } else {
        ""
    };
    let blocks = vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Gap(0.5),
        Block::Addressee(format!("{}：", n.recipients.join("、"))),
        Block::Paragraph(format!(
            "根据{}的要求，现将本局监督抽查中发现的不合格口罩产品及其生产企业信息通报如下。{export}",
            n.basis
        )),
        Block::Fields(vec![
            ("生产企业".into(), c.party.name.clone()),
            ("统一社会信用代码".into(), c.party.uscc.clone()),
            ("地址".into(), c.party.address.clone()),
            ("产品名称".into(), n.product_name.clone()),
            ("商标".into(), or_dash(&n.trademark)),
            ("规格型号".into(), or_dash(&n.spec_model)),
            ("生产日期或批号".into(), or_dash(&n.batch_or_date)),
            ("抽样日期".into(), zh_date(n.sampled_on)),
            ("执行标准".into(), or_dash(&n.standard)),
            ("不合格项目".into(), n.failing_items.clone()),
            ("检验机构及报告".into(), report),
            ("不合格产品数量".into(), quantity),
            ("已采取的措施".into(), or_dash(&n.measures_taken)),
        ]),
        Block::Paragraph(format!("联系人：{}，联系电话：{}。", c.issuer.contact_person, c.issuer.contact_phone)),
        Block::Signature { unit: c.issuer.unit_name.clone(), date: issued(c) },
    ];
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 16.0, blocks, page_sign: None }
}
