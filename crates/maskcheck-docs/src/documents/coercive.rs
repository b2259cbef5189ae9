//! 实施行政强制措施决定书 and its 财物清单 (goods list, two copies): party, reasons, legal basis, duration, the
//! goods and quantities, appeal route.

use maskcheck_domain::document::{zh_date, CoerciveContent, DocContent, DocKind, GoodsRow};

use super::{appeal, fact_line, issued, party_sign_off, people};
use crate::model::{Block, DocModel, Table};

fn quantity(q: f64) -> String {
    if q.fract() == 0.0 {
        format!("{q:.0}")
    } else {
        format!("{q}")
    }
}

/// The 财物清单 table: one line per kind of goods, numbered.
pub(super) fn goods_table(goods: &[GoodsRow]) -> Block {
    Block::Table(Table::new(
        &[("序号", 2), ("财物名称", 8), ("规格型号", 5), ("批号", 5), ("数量", 3), ("单位", 2), ("备注", 4)],
        goods
            .iter()
            .enumerate()
            .map(|(i, g)| {
                vec![
                    (i + 1).to_string(),
                    g.name.clone(),
                    g.spec.clone(),
                    g.batch.clone(),
                    quantity(g.quantity),
                    g.unit.clone(),
                    g.note.clone(),
                ]
            })
            .collect(),
    ))
}

pub(super) fn model(c: &DocContent, d: &CoerciveContent) -> DocModel {
    let title = DocKind::CoerciveMeasure.title_zh();
    let measure = d.measure.zh();
    let power = d.power.iter().map(|b| b.citation.as_str()).collect::<Vec<_>>().join("、");
    // The form and the 30-day limit come from 行政强制法; the power from the law the facts fall under.
    let procedure = if d.procedure.is_empty() {
        String::new()
    } else {
        format!("，并依照{}的规定", super::cited(&d.procedure.iter().collect::<Vec<_>>()))
    };
    let mut blocks = vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Gap(0.5),
        Block::Addressee(format!("{}：", c.party.name)),
        Block::Paragraph(format!(
            "经查，你单位（统一社会信用代码：{}；地址：{}）存在下列情形：",
            c.party.uscc, c.party.address
        )),
        Block::List(d.facts.iter().map(fact_line).collect()),
        Block::Paragraph(format!(
            "依据{power}的规定{procedure}，本局决定对你单位的有关财物实施{measure}（财物详见所附《财物清单》），{measure}场所：{}；{measure}期限自{}起至{}止。",
            d.goods_place,
            zh_date(d.from),
            zh_date(d.until)
        )),
        Block::Paragraph(format!(
            "在{measure}期间，你单位不得使用、销售、转移、损毁、隐匿被{measure}的财物。执法人员：{}。",
            people(&d.inspectors)
        )),
        Block::Paragraph(appeal(c, "决定")),
        Block::Signature { unit: c.issuer.unit_name.clone(), date: issued(c) },
        Block::PageBreak,
        Block::Title("财物清单".into()),
        Block::Number(format!("（{}附件）", c.number)),
        Block::Plain(format!("当事人：{}", c.party.name)),
        goods_table(&d.goods),
        Block::Plain("本清单一式两份，一份交当事人，一份由本局存档。".into()),
        Block::SignLines(vec!["当事人（签名或盖章）：".into(), "执法人员（签名）：".into()]),
        // The on-site record (行政强制法第十八条第（五）至（九）项): what the inspectors told the party, what the
        // party said in its own words (or blank lines), its signature or the note of its refusal or absence, a
        // witness.
        Block::PageBreak,
        Block::Title(format!("{measure}现场笔录")),
        Block::Number(format!("（{}）", c.number)),
        Block::Plain(format!("当事人：{}", c.party.name)),
        Block::Plain(format!("时间：{}　　地点：{}", zh_date(d.from), d.goods_place)),
        Block::Plain(format!("执法人员：{}", people(&d.inspectors))),
        Block::Paragraph(format!(
            "执法人员出示执法证件，当场告知当事人采取{measure}措施的理由、依据以及当事人依法享有的陈述权、申辩权和申请行政复议、提起行政诉讼的权利。"
        )),
    ];
    blocks.extend(party_sign_off("当事人的陈述和申辩：", &d.party_words, &c.party.name, &d.inspectors));
    blocks.retain(|b| !matches!(b, Block::List(l) if l.is_empty()));
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 16.0, blocks, page_sign: None }
}
