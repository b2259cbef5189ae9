//! 抽样记录: the sampled product as the campaign's appendix 5 needs it, the task it is drawn under and the lab that
//! tests it, sealed test and reserve samples with their seal numbers, two samplers, the party's own opinion, and
//! signatures of both sides.

use maskcheck_domain::document::{zh_date, DocContent, DocKind, SamplingContent};

use super::{party_sign_off, people};
use crate::model::{Block, DocModel};

pub(super) fn model(c: &DocContent, s: &SamplingContent) -> DocModel {
    let title = DocKind::SamplingRecord.title_zh();
    let p = &c.party;
    let time = s.sampled_time.clone().unwrap_or_else(|| "　　时　　分".into());
    let mut blocks = vec![
        Block::Unit(c.issuer.unit_name.clone()),
        Block::Title(title.into()),
        Block::Number(c.number.clone()),
        Block::Fields(vec![
            ("抽样依据".into(), s.basis.clone()),
            ("承检机构".into(), s.testing_body.clone()),
            ("被抽样单位".into(), p.name.clone()),
            ("统一社会信用代码".into(), p.uscc.clone()),
            ("地址".into(), p.address.clone()),
            ("法定代表人".into(), p.legal_rep.clone()),
            ("联系电话".into(), p.phone.clone()),
            ("产品名称".into(), s.product_name.clone()),
            ("商标".into(), s.trademark.clone()),
            ("规格型号".into(), s.spec_model.clone()),
            ("生产日期或批号".into(), s.batch_or_date.clone()),
            ("标称生产者".into(), s.manufacturer.clone()),
            ("抽样数量".into(), s.quantity.clone()),
            ("抽样基数".into(), s.base_quantity.clone()),
            ("检验样品（封存）".into(), s.test_samples.clone()),
            ("备用样品（封存）".into(), s.reserve_samples.clone()),
            ("封条编号".into(), s.seal_numbers.clone()),
            ("抽样地点".into(), s.place.clone()),
            ("抽样时间".into(), format!("{} {time}", zh_date(s.sampled_on))),
            ("抽样人员".into(), people(&s.samplers)),
        ]),
        Block::Paragraph(
            "样品由抽样人员在被抽样单位待销（库存）产品中随机抽取，检验样品和备用样品经双方确认后当场封存，封条由双方签字。"
                .into(),
        ),
    ];
    // The party's opinion on the sampling is the party's to give, never pre-printed.
    blocks.extend(party_sign_off(
        "被抽样单位对抽样过程的意见（本单位填写）：",
        &s.party_words,
        "被抽样单位",
        &s.samplers,
    ));
    DocModel { title: title.into(), number: c.number.clone(), body_pt: 12.0, blocks, page_sign: None }
}
