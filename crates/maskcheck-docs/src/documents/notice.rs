//! 责令改正通知书: facts found, provisions breached, the order to correct (immediately or before a date), the
//! numbered corrections, appeal rights, contact, and a receipt the party signs.

use maskcheck_domain::document::{zh_date, DocContent, DocKind, NoticeContent};

use super::{appeal, citations, cited, fact_line, issued, item_numbers, items_zh, people, unique};
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
    // Three kinds of fact, three wordings: an offence with an order power is ordered corrected under that power;
    // a duty the law sets without an order power is requested corrected, citing the duty; a management gap
    // breaks no law and is requested corrected under the campaign's requirements, citing nothing.
    let ordered = item_numbers(&n.facts, |f| f.is_offence() && f.order.is_some());
    let duty_only = item_numbers(&n.facts, |f| f.is_offence() && f.order.is_none());
    let gaps = item_numbers(&n.facts, |f| !f.is_offence());
    let pick = |numbers: &[usize]| numbers.iter().map(|i| &n.facts[i - 1]).collect::<Vec<_>>();
    let all = n.facts.len();
    let which = |numbers: &[usize]| {
        if numbers.len() == all {
            "上述".to_string()
        } else {
            format!("上述{}", items_zh(numbers))
        }
    };
    if !ordered.is_empty() {
        let facts = pick(&ordered);
        let duties = unique(facts.iter().flat_map(|f| &f.duty));
        let orders = unique(facts.iter().filter_map(|f| f.order.as_ref()));
        blocks.push(Block::Paragraph(format!(
            "{}行为违反了{}的规定。依据{}的规定，现责令你单位{when}改正。",
            which(&ordered),
            cited(&duties),
            cited(&orders)
        )));
    }
    if !duty_only.is_empty() {
        let facts = pick(&duty_only);
        let duties = unique(facts.iter().flat_map(|f| &f.duty));
        blocks.push(Block::Paragraph(format!(
            "{}不符合{}的规定，请你单位{when}改正。",
            which(&duty_only),
            cited(&duties)
        )));
    }
    if !gaps.is_empty() {
        blocks
            .push(Block::Paragraph(format!("{}不符合口罩质量专项整治工作的要求，请你单位{when}整改。", which(&gaps))));
    }
    blocks.push(Block::Paragraph("整改要求：".into()));
    blocks.push(Block::List(n.corrections.clone()));
    blocks.push(Block::Paragraph("整改完成后请书面报告本局，本局将进行复查。".into()));
    if !bases.is_empty() {
        blocks.push(Block::Heading("相关法律规定".into()));
        for b in &bases {
            blocks.push(Block::Paragraph(format!("{}：{}", b.citation, b.text)));
        }
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
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 16.0, blocks, page_sign: None }
}
