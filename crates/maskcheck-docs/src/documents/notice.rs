//! 责令改正通知书: facts found, provisions breached, the order to correct (immediately or before a date), the
//! numbered corrections, appeal rights, contact, and a receipt the party signs.

use maskcheck_domain::document::{zh_date, DocContent, DocKind, NoticeContent};

use super::{appeal, citations, cited, fact_line, issued, people};
use crate::model::{Block, DocModel};

pub(super) fn model(c: &DocContent, n: &NoticeContent) -> DocModel {
    let title = DocKind::RectificationNotice.title_zh();
    let bases = citations(&n.facts);
    let when = match n.deadline {
        None => "立即".to_string(),
        Some(d) => format!("于{}前", zh_date(d)),
    };
    let mut blocks = vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Gap(0.5),
        Block::Addressee(format!("{}：", c.party.name)),
        Block::Paragraph(format!(
            "{}，本局执法人员{}对你单位（统一社会信用代码：{}；地址：{}）进行现场检查，发现你单位存在下列问题：",
            zh_date(n.inspected_on),
            people(&n.inspectors),
            c.party.uscc,
            c.party.address
        )),
        Block::List(n.facts.iter().map(fact_line).collect()),
    ];
    if !bases.is_empty() {
        blocks.push(Block::Paragraph(format!("上述行为违反了{}的规定。", cited(&bases))));
    }
    blocks.push(Block::Paragraph(format!(
        "依据{}的规定，现责令你单位{when}改正上述违法行为，并按下列要求整改：",
        n.order_basis.citation
    )));
    blocks.push(Block::List(n.corrections.clone()));
    blocks.push(Block::Paragraph(
        "整改完成后请书面报告本局，本局将进行复查。复查整改不到位的，一律不得恢复生产；逾期不改正的，本局将依法处理。"
            .into(),
    ));
    if !bases.is_empty() {
        blocks.push(Block::Heading("相关法律规定".into()));
        for b in &bases {
            blocks.push(Block::Paragraph(format!("{}：{}", b.citation, b.text)));
        }
        blocks.push(Block::Paragraph(format!("{}：{}", n.order_basis.citation, n.order_basis.text)));
    }
    blocks.push(Block::Paragraph(appeal(c, "通知书")));
    blocks
        .push(Block::Paragraph(format!("联系人：{}　　联系电话：{}", c.issuer.contact_person, c.issuer.contact_phone)));
    blocks.push(Block::Signature { unit: c.issuer.unit_name.clone(), date: issued(c) });
    blocks.push(Block::Receipt {
        title: "回　　执".into(),
        lines: vec![format!("{}已收到{}《{title}》（{}）。", c.party.name, c.issuer.unit_name, c.number)],
    });
    blocks.push(Block::SignLines(vec!["受送达人（签名或盖章）：".into()]));
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 16.0, blocks }
}
