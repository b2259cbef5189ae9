//! 延长查封（扣押）期限决定书 and 解除查封（扣押）决定书: each names the decision it follows by number and date,
//! its own legal basis (行政强制法第二十五条 for the extension, 第二十八条 for the release) and the appeal route;
//! the release lists the goods going back to the party.

use maskcheck_domain::document::{zh_date, DecisionRef, DocContent, ExtensionContent, ReleaseContent};

use super::{appeal, coercive::goods_table, issued};
use crate::model::{Block, DocModel};

fn decided(d: &DecisionRef) -> String {
    let m = d.measure.zh();
    format!(
        "本局于{}作出{}《实施行政强制措施决定书》，对你单位的有关财物实施{m}，{m}期限自{}起至{}止。",
        zh_date(d.issued_on),
        d.number,
        zh_date(d.from),
        zh_date(d.until)
    )
}

fn head(c: &DocContent, title: &str) -> Vec<Block> {
    vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Gap(0.5),
        Block::Addressee(format!("{}：", c.party.name)),
    ]
}

pub(super) fn extension(c: &DocContent, x: &ExtensionContent) -> DocModel {
    let m = x.decision.measure.zh();
    let title = format!("延长{m}期限决定书");
    let basis = x.basis.iter().map(|b| b.citation.as_str()).collect::<Vec<_>>().join("、");
    let mut blocks = head(c, &title);
    blocks.extend([
        Block::Paragraph(decided(&x.decision)),
        Block::Paragraph(format!("延长理由：{}", x.reason)),
        Block::Paragraph(format!(
            "依据{basis}第一款的规定，经本局负责人批准，本局决定将上述{m}期限延长至{}。{m}场所：{}。在{m}期间，你单位不得使用、销售、转移、损毁、隐匿被{m}的财物。",
            zh_date(x.new_until),
            x.goods_place
        )),
        Block::Paragraph(appeal(c, "决定")),
        Block::Signature { unit: c.issuer.unit_name.clone(), date: issued(c) },
    ]);
    DocModel { title, number: c.number.clone(), body_pt: 16.0, blocks, page_sign: None }
}

pub(super) fn release(c: &DocContent, r: &ReleaseContent) -> DocModel {
    let measure = r.decision.measure;
    let m = measure.zh();
    let title = format!("解除{m}决定书");
    let basis = r.basis.iter().map(|b| b.citation.as_str()).collect::<Vec<_>>().join("、");
    let why = if r.reason.is_empty() {
        r.ground.text_zh(measure)
    } else {
        format!("{}（{}）", r.ground.text_zh(measure), r.reason.trim_end_matches('。'))
    };
    let mut blocks = head(c, &title);
    blocks.extend([
        Block::Paragraph(decided(&r.decision)),
        Block::Paragraph(format!(
            "因{why}，依据{basis}第一款{}的规定，本局决定自{}起解除{m}，被{m}的财物（详见所附清单）予以退还。",
            r.ground.item_zh(),
            zh_date(r.released_on)
        )),
        Block::Paragraph(appeal(c, "决定")),
        Block::Signature { unit: c.issuer.unit_name.clone(), date: issued(c) },
        Block::PageBreak,
        Block::Title(format!("解除{m}财物清单")),
        Block::Number(format!("（{}附件）", c.number)),
        Block::Plain(format!("当事人：{}　　原{m}场所：{}", c.party.name, r.goods_place)),
        goods_table(&r.goods),
        Block::Plain("本清单一式两份，一份交当事人，一份由本局存档。".into()),
        Block::SignLines(vec!["当事人（签收）：".into(), "执法人员（签名）：".into()]),
    ]);
    DocModel { title, number: c.number.clone(), body_pt: 16.0, blocks, page_sign: None }
}
