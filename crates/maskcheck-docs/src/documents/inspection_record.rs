//! 现场检查笔录: who, when, where, what was checked and every finding, signed on each side.

use maskcheck_domain::document::{DocContent, DocKind, InspectionRecordContent};

use super::{fact_line, people};
use crate::model::{Block, DocModel, Table};

pub(super) fn model(c: &DocContent, r: &InspectionRecordContent) -> DocModel {
    let title = DocKind::InspectionRecord.title_zh();
    let p = &c.party;
    let mut blocks = vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Fields(vec![
            ("检查时间".into(), format!("{} 至 {}", r.started_at, r.ended_at)),
            ("检查地点".into(), r.place.clone()),
            ("当事人".into(), p.name.clone()),
            ("统一社会信用代码".into(), p.uscc.clone()),
            ("住所（地址）".into(), p.address.clone()),
            ("法定代表人".into(), p.legal_rep.clone()),
            ("联系电话".into(), p.phone.clone()),
            ("执法人员".into(), people(&r.inspectors)),
            ("企业在场人员".into(), r.representative.clone()),
        ]),
        Block::Paragraph(format!(
            "执法人员向当事人出示了执法证件，表明身份，告知当事人依法享有陈述、申辩和申请回避的权利及如实提供材料、配合检查的义务。当事人在场人员{}表示清楚，不申请回避。",
            r.representative
        )),
        Block::Heading("检查情况：".into()),
    ];
    blocks.extend(r.checked.iter().map(|l| Block::Paragraph(l.clone())));
    blocks.push(Block::Heading("发现问题：".into()));
    if r.findings.is_empty() {
        blocks.push(Block::Paragraph("本次检查未发现问题。".into()));
    } else {
        let rows = r
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let basis = f.bases.iter().map(|b| b.citation.as_str()).collect::<Vec<_>>().join("；");
                vec![(i + 1).to_string(), fact_line(f), basis]
            })
            .collect();
        blocks.push(Block::Table(Table::new(&[("序号", 2), ("问题", 14), ("依据", 8)], rows)));
    }
    blocks.push(Block::Plain("以上笔录经当事人核对，与事实相符。".into()));
    blocks.push(Block::SignLines(vec![
        "当事人（签名）：".into(),
        "执法人员（签名）：".into(),
        "记录人（签名）：".into(),
    ]));
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 12.0, blocks }
}
