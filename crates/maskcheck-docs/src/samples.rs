//! Example content for each document kind: used by the tests, the benchmark and the sample renders in
//! `docs/samples/`. Realistic, but invented: no real enterprise.

use chrono::NaiveDate;
use maskcheck_domain::document::{
    Citation, CoerciveContent, DocBody, DocContent, Fact, GoodsRow, InspectionRecordContent, Issuer, Measure,
    NoticeContent, Party, PartyWords, Person, SamplingContent, ServiceContent,
};
use maskcheck_domain::document::{DecisionRef, ExportNoticeContent, ExtensionContent, ReleaseContent, ReleaseGround};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub fn issuer() -> Issuer {
    Issuer {
        unit_name: "盐城市市场监督管理局".into(),
        reconsideration_body: "盐城市人民政府".into(),
        court: "盐城市亭湖区人民法院".into(),
        contact_person: "王建国".into(),
        contact_phone: "0515-88120000".into(),
    }
}

pub fn party() -> Party {
    Party {
        name: "盐城市康宁医疗用品有限公司".into(),
        uscc: "91350100M000100Y43".into(),
        address: "盐城市亭湖区新兴镇工业园区纬二路8号".into(),
        legal_rep: "陈立明".into(),
        phone: "13905150000".into(),
    }
}

pub fn inspectors() -> Vec<Person> {
    vec![
        Person { name: "王建国".into(), cert_no: "32090001234".into() },
        Person { name: "李晓红".into(), cert_no: "32090005678".into() },
    ]
}

fn cite(citation: &str, text: &str) -> Citation {
    Citation { citation: citation.into(), text: text.into() }
}

pub fn facts(n: usize) -> Vec<Fact> {
    let base = [
        Fact {
            text: "医疗器械注册证（苏械注准20202140001）已于2026年10月15日过期，仍在生产一次性使用医用口罩。".into(),
            duty: vec![cite(
                "《医疗器械监督管理条例》（国务院令第739号）第十三条",
                "第一类医疗器械实行产品备案管理，第二类、第三类医疗器械实行产品注册管理。……",
            )],
            order: Some(cite(
                "《中华人民共和国行政处罚法》（2021年修订）第二十八条第一款",
                "行政机关实施行政处罚时，应当责令当事人改正或者限期改正违法行为。",
            )),
        },
        Fact {
            text: "2026年11月2日购进的熔喷布（批号MB20261102）未查验检测报告，进货查验记录不完整。".into(),
            // A non-medical maker's intake record: a management gap, no provision cited.
            duty: vec![],
            order: None,
        },
        Fact {
            text: "成品仓库抽取的“防护口罩”外包装标签未标明执行标准编号（应为GB 2626-2019或GB/T 32610-2016）及防护等级KN95。"
                .into(),
            duty: vec![cite(
                "《中华人民共和国产品质量法》（2018年修正）第二十七条",
                "产品或者其包装上的标识必须真实，并符合下列要求：……（三）根据产品的特点和使用要求，需要标明产品规格、等级、所含主要成份的名称和含量的，用中文相应予以标明；……",
            )],
            order: Some(cite(
                "《中华人民共和国产品质量法》（2018年修正）第五十四条",
                "产品标识不符合本法第二十七条规定的，责令改正；……",
            )),
        },
    ];
    (0..n).map(|i| base[i % base.len()].clone()).collect()
}

pub fn notice(findings: usize) -> DocContent {
    let facts = facts(findings);
    let corrections = facts
        .iter()
        .map(|f| format!("针对“{}”立即整改并提交整改报告。", f.text.chars().take(18).collect::<String>()))
        .collect();
    DocContent {
        number: "盐市监责改〔2026〕12号".into(),
        issued_on: date(2026, 11, 23),
        issuer: issuer(),
        party: party(),
        body: DocBody::RectificationNotice(NoticeContent {
            inspected_on: date(2026, 11, 23),
            inspectors: inspectors(),
            facts,
            deadline: Some(date(2026, 12, 7)),
            corrections,
        }),
    }
}

pub fn inspection_record() -> DocContent {
    DocContent {
        number: "盐市监检录〔2026〕31号".into(),
        issued_on: date(2026, 11, 23),
        issuer: issuer(),
        party: party(),
        body: DocBody::InspectionRecord(InspectionRecordContent {
            place: "盐城市亭湖区新兴镇工业园区纬二路8号 生产车间及仓库".into(),
            started_at: "2026年11月23日9时30分".into(),
            ended_at: "2026年11月23日11时10分".into(),
            inspectors: inspectors(),
            representative: "陈立明（法定代表人）".into(),
            checked: vec![
                "证照：查看营业执照、医疗器械生产许可证、医疗器械注册证共3件。".into(),
                "原辅材料进货查验：查看熔喷布、纺粘无纺布、耳带进货记录共4批次。".into(),
                "标签标识与执行标准：从成品仓库抽取2个产品查看标签。".into(),
            ],
            findings: facts(3),
            // Printed with blank lines: the party writes its answers by hand.
            party_words: PartyWords::default(),
        }),
    }
}

pub fn coercive() -> DocContent {
    DocContent {
        number: "盐市监强制〔2026〕3号".into(),
        issued_on: date(2026, 11, 23),
        issuer: issuer(),
        party: party(),
        body: DocBody::CoerciveMeasure(CoerciveContent {
            measure: Measure::Seal,
            facts: facts(1),
            // The fact is a medical device's: the device regulation's power, not 产品质量法.
            power: vec![cite(
                "《医疗器械监督管理条例》（国务院令第739号）第七十条",
                "负责药品监督管理的部门在监督检查中有下列职权：……（三）查封、扣押不符合法定要求的医疗器械，违法使用的零配件、原材料以及用于违法生产经营医疗器械的工具、设备；……",
            )],
            procedure: vec![
                cite("《中华人民共和国行政强制法》第二十四条", "行政机关决定实施查封、扣押的，应当履行本法第十八条规定的程序，制作并当场交付查封、扣押决定书和清单。……"),
                cite("《中华人民共和国行政强制法》第二十五条", "查封、扣押的期限不得超过三十日；……"),
            ],
            goods_place: "当事人成品仓库".into(),
            from: date(2026, 11, 23),
            until: date(2026, 12, 22),
            goods: vec![
                GoodsRow {
                    name: "一次性使用医用口罩".into(),
                    spec: "175mm×95mm".into(),
                    batch: "20261101".into(),
                    quantity: 12000.0,
                    unit: "只".into(),
                    note: "纸箱装，每箱2000只".into(),
                },
                GoodsRow {
                    name: "熔喷布".into(),
                    spec: "BFE95 25g/m²".into(),
                    batch: "MB20261102".into(),
                    quantity: 350.5,
                    unit: "千克".into(),
                    note: String::new(),
                },
            ],
            inspectors: inspectors(),
            party_words: PartyWords {
                opinion: Some("我单位对查封无异议，产品已停止销售。".into()),
                ..PartyWords::default()
            },
            sample_id: None,
        }),
    }
}

fn decision() -> DecisionRef {
    DecisionRef {
        id: "decision".into(),
        number: "盐市监强制〔2026〕3号".into(),
        issued_on: date(2026, 11, 23),
        measure: Measure::Seal,
        from: date(2026, 11, 23),
        until: date(2026, 12, 22),
    }
}

pub fn extension() -> DocContent {
    DocContent {
        number: "盐市监延期〔2026〕1号".into(),
        issued_on: date(2026, 12, 18),
        issuer: issuer(),
        party: party(),
        body: DocBody::MeasureExtension(ExtensionContent {
            decision: decision(),
            goods_place: "当事人成品仓库".into(),
            new_until: date(2027, 1, 21),
            reason: "被查封产品的检验结果尚未出具，案情复杂，需继续查封。".into(),
            basis: vec![cite("《中华人民共和国行政强制法》第二十五条", "查封、扣押的期限不得超过三十日；……")],
            inspectors: inspectors(),
        }),
    }
}

pub fn release() -> DocContent {
    let DocBody::CoerciveMeasure(m) = coercive().body else { unreachable!("the coercive sample is a measure") };
    DocContent {
        number: "盐市监解除〔2026〕1号".into(),
        issued_on: date(2026, 12, 20),
        issuer: issuer(),
        party: party(),
        body: DocBody::MeasureRelease(ReleaseContent {
            decision: decision(),
            ground: ReleaseGround::NoOffence,
            reason: "检验报告（WT2026-1203）结论为合格".into(),
            released_on: date(2026, 12, 20),
            goods: m.goods,
            goods_place: m.goods_place,
            basis: vec![cite(
                "《中华人民共和国行政强制法》第二十八条",
                "有下列情形之一的，行政机关应当及时作出解除查封、扣押决定：……",
            )],
            inspectors: inspectors(),
        }),
    }
}

pub fn export_notice() -> DocContent {
    DocContent {
        number: "盐市监通报〔2026〕2号".into(),
        issued_on: date(2026, 12, 2),
        issuer: issuer(),
        party: party(),
        body: DocBody::ExportNotice(Box::new(ExportNoticeContent {
            recipients: vec!["盐城海关".into(), "盐城市商务局".into()],
            basis: maskcheck_domain::failed_chain::NOTICE_BASIS.into(),
            exporter: true,
            product_name: "KN95 防护口罩".into(),
            trademark: "康宁".into(),
            spec_model: "折叠式".into(),
            batch_or_date: "20261101".into(),
            sampled_on: date(2026, 11, 5),
            standard: "GB 2626-2019".into(),
            failing_items: "过滤效率".into(),
            lab: "江苏省纤维检验所".into(),
            report_number: "JS2026-1203".into(),
            nonconforming_quantity: Some(12000),
            measures_taken: "责令停止销售，召回3000只，在购货单位查封5000只".into(),
            sample_id: "sample".into(),
        })),
    }
}

pub fn sampling() -> DocContent {
    DocContent {
        number: "盐市监抽样〔2026〕8号".into(),
        issued_on: date(2026, 11, 23),
        issuer: issuer(),
        party: party(),
        body: DocBody::SamplingRecord(Box::new(SamplingContent {
            product_name: "一次性使用医用口罩".into(),
            trademark: "康宁".into(),
            spec_model: "175mm×95mm 平面耳挂式".into(),
            batch_or_date: "20261101".into(),
            manufacturer: "盐城市康宁医疗用品有限公司".into(),
            quantity: "60只".into(),
            base_quantity: "12000只".into(),
            test_samples: "40只".into(),
            reserve_samples: "20只".into(),
            place: "成品仓库".into(),
            sampled_on: date(2026, 11, 23),
            sampled_time: Some("10:40".into()),
            seal_numbers: "盐市监封〔2026〕0081、0082".into(),
            basis: "盐城市口罩质量专项整治监督抽查任务（盐市监函〔2026〕45号）".into(),
            testing_body: "江苏省医疗器械检验所".into(),
            samplers: inspectors(),
            // Recorded when printing: the party's own words, read back to it.
            party_words: PartyWords {
                opinion: Some("抽样过程我方在场，样品封存情况属实。\n备用样品由我单位保管。".into()),
                ..PartyWords::default()
            },
            sample_id: None,
        })),
    }
}

pub fn service() -> DocContent {
    DocContent {
        number: "盐市监送达〔2026〕15号".into(),
        issued_on: date(2026, 11, 23),
        issuer: issuer(),
        party: party(),
        body: DocBody::ServiceProof(ServiceContent {
            served_title: "责令改正通知书".into(),
            served_number: "盐市监责改〔2026〕12号".into(),
            recipient: "盐城市康宁医疗用品有限公司".into(),
            place: "盐城市亭湖区新兴镇工业园区纬二路8号".into(),
            served_at: None,
            method: None,
        }),
    }
}
