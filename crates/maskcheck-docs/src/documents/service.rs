//! 送达回证: which document was served, on whom, where, when and how, and the signatures. A form filled in on
//! paper at the door: the method as tick boxes, a signing cell tall enough for a company seal, a person who signs
//! for the recipient and how they are related, the reason and date of a refusal, and the witness to it
//! (民事诉讼法第八十七条至第八十九条, applied to administrative documents by 行政处罚法第六十一条).

use maskcheck_domain::document::{DocContent, DocKind, ServiceContent, ServiceMethod};

use crate::model::{Block, DocModel, FormRow};

/// A company seal is 40–42 mm across: seven 12-point lines (≈ 46 mm) hold it.
const SEAL_LINES: usize = 7;
const WHEN: &str = "　　　　年　　月　　日　　时　　分";
const DATE: &str = "　　　　年　　月　　日";

/// `■直接送达　□留置送达 …`: every method with its box, filled where the method is already known (the font has
/// □ and ■, not ☐ and ☑).
fn method_boxes(known: Option<&str>) -> String {
    ServiceMethod::ALL
        .iter()
        .map(|m| format!("{}{}", if known == Some(m.zh()) { '■' } else { '□' }, m.zh()))
        .collect::<Vec<_>>()
        .join("　")
}

pub(super) fn model(c: &DocContent, s: &ServiceContent) -> DocModel {
    let title = DocKind::ServiceProof.title_zh();
    let blocks = vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Form(vec![
            FormRow::new("送达文书名称及文号", format!("《{}》{}", s.served_title, s.served_number), 1),
            FormRow::new("受送达人", s.recipient.clone(), 1),
            FormRow::new("送达地点", s.place.clone(), 1),
            FormRow::new("送达方式", method_boxes(s.method.as_deref()), 2),
            FormRow::new("送达时间", s.served_at.clone().unwrap_or_else(|| WHEN.into()), 1),
            FormRow::new("受送达人签名或盖章", "", SEAL_LINES),
            FormRow::new("代收人签名及与受送达人关系", format!("代收人：{}关系：", "　".repeat(8)), 2),
            FormRow::new("拒收事由及日期", format!("事由：\n日期：{WHEN}"), 2),
            FormRow::new("见证人签名及日期", format!("{}{DATE}", "　".repeat(6)), 2),
            FormRow::new("送达人签名", String::new(), 2),
            FormRow::new("备注", String::new(), 1),
        ]),
        Block::Plain(
            "注：受送达人拒绝签收的，送达人应在本回证上记明拒收事由和日期，由送达人、见证人签名或者盖章，将文书留在受送达人的住所。"
                .into(),
        ),
    ];
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 12.0, blocks, page_sign: None }
}
