//! 送达回证: which document was served, on whom, where, when and how, and the signatures.

use maskcheck_domain::document::{DocContent, DocKind, ServiceContent};

use crate::model::{Block, DocModel};

pub(super) fn model(c: &DocContent, s: &ServiceContent) -> DocModel {
    let title = DocKind::ServiceProof.title_zh();
    let blank = "　".repeat(8);
    let blocks = vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Fields(vec![
            ("送达文书名称及文号".into(), format!("《{}》{}", s.served_title, s.served_number)),
            ("受送达人".into(), s.recipient.clone()),
            ("送达地点".into(), s.place.clone()),
            ("送达时间".into(), s.served_at.clone().unwrap_or_else(|| "　　　　年　　月　　日　　时　　分".into())),
            ("送达方式".into(), s.method.clone().unwrap_or_else(|| "直接送达 / 留置送达 / 邮寄送达 / 委托送达".into())),
            ("受送达人签名或盖章".into(), format!("{blank}　　年　　月　　日")),
            ("代收人及代收理由".into(), String::new()),
            ("见证人".into(), String::new()),
            ("送达人".into(), format!("{blank}　　年　　月　　日")),
            ("备注".into(), String::new()),
        ]),
        Block::Plain("注：受送达人拒绝签收的，送达人应注明情况，并可邀请见证人到场见证。".into()),
    ];
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 14.0, blocks }
}
