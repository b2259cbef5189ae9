//! 现场检查笔录: who, when, where, what was checked and every finding, signed on each side.

use maskcheck_domain::document::{DocContent, DocKind, InspectionRecordContent};

use super::{fact_line, party_sign_off, people, said};
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
        Block::Paragraph(
            "执法人员向当事人出示了执法证件，表明身份，告知当事人依法享有陈述、申辩和申请回避的权利及如实提供材料、配合检查的义务。"
                .into(),
        ),
        // What the party answers is the party's to write (nothing it did not say is pre-printed).
        Block::Plain(format!("当事人在场人员{}对是否申请回避的意见（本人填写）：", r.representative)),
        said(r.party_words.recusal.as_deref()),
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
                let basis = if f.is_offence() {
                    f.duty.iter().map(|b| b.citation.as_str()).collect::<Vec<_>>().join("；")
                } else {
                    "不违反法律规定，属专项整治要求整改的事项".to_string()
                };
                vec![(i + 1).to_string(), fact_line(f), basis]
            })
            .collect();
        blocks.push(Block::Table(Table::new(&[("序号", 2), ("问题", 14), ("依据", 8)], rows)));
    }
    blocks.extend(party_sign_off(
        "当事人对本笔录的意见（本人填写；拒绝签名的，由执法人员注明）：",
        &r.party_words,
        "当事人",
        &r.inspectors,
    ));
    DocModel {
        title: title.into(),
        number: c.number.clone(),
        body_pt: 12.0,
        blocks,
        page_sign: Some("本页当事人（签名或盖章）：".into()),
    }
}
