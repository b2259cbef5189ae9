//! Demo data for newcomers, tests and benchmarks: a realistic roster, deterministic by seed.

use maskcheck_domain::sample::{sample_enterprise, sample_licences_and_products, SampleRng};
use maskcheck_domain::{validate_enterprise, validate_licence, validate_product, ProfileInput, Role};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::roster::new_meta;
use crate::{today, App, AppError, Result};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSummary {
    pub enterprises: u32,
    pub licences: u32,
    pub products: u32,
    pub inspections: u32,
    /// Documents issued for the demo inspections (notices, on-site records, a sampling record).
    pub documents: u32,
    pub samples: u32,
    pub cases: u32,
}

/// The profile a demo data directory gets when it has none yet.
pub fn demo_profile() -> ProfileInput {
    ProfileInput {
        unit_name: "新乡市卫滨区市场监督管理局（演示）".into(),
        unit_abbr: "卫".into(),
        county: "卫滨区".into(),
        inspector_name: "演示执法员".into(),
        cert_no: "DEMO0001".into(),
        role: Role::Inspector,
    }
}

/// A person of the 卫滨区 bureau in a given role: the sites of the sync tests, examples and benchmarks.
pub fn bureau_person(name: &str, cert: &str, role: Role) -> ProfileInput {
    ProfileInput {
        unit_name: "卫滨区市场监督管理局".into(),
        unit_abbr: "卫".into(),
        county: "卫滨区".into(),
        inspector_name: name.into(),
        cert_no: cert.into(),
        role,
    }
}

/// Finished inspections in a demo data set: one per ten enterprises, at most this many.
const MAX_DEMO_INSPECTIONS: usize = 30;
/// Documents are issued for the first few finished inspections only: enough to show every kind.
const MAX_DEMO_DOCUMENTS: usize = 8;

impl App {
    /// Finished inspections with typical findings and a label photo, made through the same use cases as on site.
    fn demo_inspections(
        &self,
        makers: &[(String, bool)],
        rng: &mut SampleRng,
        finished: &mut Vec<(String, String)>,
    ) -> Result<u32> {
        use maskcheck_domain::inspection::{Inspector, IntakeRow, Material};
        // Made outside the data directory (an encrypted one keeps no plain picture), attached, then removed.
        let photo = std::env::temp_dir().join(format!("maskcheck-demo-label-{}.png", uuid::Uuid::now_v7()));
        if !makers.is_empty() && !photo.exists() {
            let img = image::RgbImage::from_fn(640, 480, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 180]));
            img.save(&photo).map_err(|e| AppError::new(crate::ErrorCode::Io, format!("演示照片：{e}")))?;
        }
        for (n, (id, medical)) in makers.iter().enumerate() {
            let template = if *medical { "medicalMaker" } else { "nonMedicalMaker" };
            let started = self.start_inspection(id, template, None)?;
            let mut d = started.draft;
            d.inspectors[1] = Inspector { name: "演示协查员".into(), cert_no: "DEMO0002".into() };
            d.representative = "企业负责人".into();
            d.intake.push(IntakeRow {
                id: format!("demo-{n}"),
                material: Material::Meltblown,
                supplier: "演示熔喷布有限公司".into(),
                batch: format!("MB{:04}", rng.below(10_000)),
                quantity: Some(1.0 + rng.below(5) as f64),
                unit: "吨".into(),
                received_on: Some(today()),
                certificate_seen: true,
                report_seen: rng.below(2) == 0,
                claimed_filtration: Some(95.0),
                record_ok: true,
                note: None,
            });
            if let Some(l) = d.labels.first_mut() {
                if rng.below(2) == 0 {
                    l.present.retain(|e| *e != maskcheck_domain::standards::LabelElement::StandardNumber);
                }
            }
            let saved = self.save_inspection(&started.id, d)?;
            let mut d = saved;
            d.findings.iter_mut().for_each(|f| f.confirmed = true);
            self.save_inspection(&started.id, d)?;
            self.attach_photo(&started.id, "labels.products", &photo.display().to_string(), "抽查产品标签")?;
            self.finish_inspection(&started.id)?;
            finished.push((id.clone(), started.id.clone()));
        }
        let _ = std::fs::remove_file(&photo);
        Ok(makers.len() as u32)
    }

    /// Adds `enterprises` sample enterprises with licences and products in one transaction; sets up a demo
    /// profile first when the data directory has none. Every record passes the same validation as user input.
    pub fn load_demo(&self, enterprises: u32, seed: u64) -> Result<DemoSummary> {
        if self.store().profile()?.is_none() {
            self.setup(demo_profile())?;
        }
        let device = self.device_id()?;
        let today = today();
        // Serials continue after what is there, so a second demo load adds new USCCs instead of colliding.
        let start = u64::from(self.dashboard()?.enterprise_count) + seed.wrapping_mul(1_000_003) % 10_000_000;
        let mut rng = SampleRng::new(seed);
        let mut summary = DemoSummary {
            enterprises: 0,
            licences: 0,
            products: 0,
            inspections: 0,
            documents: 0,
            samples: 0,
            cases: 0,
        };
        let mut makers = Vec::new();
        self.store().write(|tx| {
            for serial in start..start + u64::from(enterprises) {
                let e = validate_enterprise(&sample_enterprise(&mut rng, serial), today)?.into_inner();
                let meta = new_meta(tx, &device)?;
                tx.insert_enterprise(&meta, &e)?;
                let (licences, products) = sample_licences_and_products(&mut rng, &e, serial, today);
                if e.kind == maskcheck_domain::EnterpriseKind::Maker
                    && makers.len() < MAX_DEMO_INSPECTIONS.min(enterprises as usize / 10 + 1)
                {
                    makers.push((meta.id.clone(), e.medical));
                }
                for l in licences {
                    let l = validate_licence(&l, today)?;
                    let m = new_meta(tx, &device)?;
                    tx.insert_licence(&m, &meta.id, l.get())?;
                    summary.licences += 1;
                }
                for p in products {
                    let p = validate_product(&p)?;
                    let m = new_meta(tx, &device)?;
                    tx.insert_product(&m, &meta.id, p.get())?;
                    summary.products += 1;
                }
                summary.enterprises += 1;
            }
            Ok::<_, AppError>(())
        })?;
        let mut finished = Vec::new();
        summary.inspections = self.demo_inspections(&makers, &mut rng, &mut finished)?;
        self.demo_casework(&finished, &mut summary)?;
        Ok(summary)
    }

    /// For the first finished inspections: an on-site record and, when there are findings, a rectification notice
    /// (deadlines spread over the coming weeks); a sample with its lab result; a case.
    fn demo_casework(&self, finished: &[(String, String)], summary: &mut DemoSummary) -> Result<()> {
        use crate::IssueRequest;
        use maskcheck_domain::casework::{
            CaseCategory, CaseInput, LabVerdict, Procedure, SampleInput, SampleResultInput,
        };
        use maskcheck_domain::inspection::Inspector;
        let samplers = vec![
            Inspector { name: demo_profile().inspector_name, cert_no: demo_profile().cert_no },
            Inspector { name: "演示协查员".into(), cert_no: "DEMO0002".into() },
        ];
        for (n, (enterprise, inspection)) in finished.iter().take(MAX_DEMO_DOCUMENTS).enumerate() {
            // The party's answers as it gave them, recorded when printing.
            let party_words = maskcheck_domain::document::PartyWords {
                recusal: Some("不申请回避。".into()),
                opinion: (n % 2 == 0).then(|| "以上记录属实。".into()),
                ..Default::default()
            };
            self.issue_document(&IssueRequest::InspectionRecord { inspection_id: inspection.clone(), party_words })?;
            summary.documents += 1;
            if !self.store().findings(inspection)?.is_empty() {
                let deadline = today() + chrono::Duration::days(n as i64 * 3);
                let notice = self.issue_document(&IssueRequest::RectificationNotice {
                    inspection_id: inspection.clone(),
                    deadline: Some(deadline),
                    corrections: vec!["按发现问题逐项整改，整改完成后书面报告。".into()],
                })?;
                summary.documents += 1;
                if n == 0 {
                    // The first notice served on the spot, with its 送达回证.
                    self.record_service(&crate::ServiceInput {
                        document_id: notice.document.id.clone(),
                        served_at: None,
                        method: maskcheck_domain::document::ServiceMethod::Direct,
                        recipient: "演示企业负责人".into(),
                        scan_path: None,
                        refusal: None,
                        witness: None,
                        consented: false,
                    })?;
                    self.issue_document(&IssueRequest::ServiceProof { document_id: notice.document.id })?;
                    summary.documents += 1;
                }
            }
            if n < 2 {
                let s = self.create_sample(&SampleInput {
                    enterprise_id: enterprise.clone(),
                    inspection_id: Some(inspection.clone()),
                    product_name: "一次性使用口罩".into(),
                    trademark: "演示".into(),
                    spec_model: "17.5cm×9.5cm".into(),
                    batch_or_date: format!("2026110{}", n + 1),
                    manufacturer: "同被抽样单位".into(),
                    quantity: "60只".into(),
                    base_quantity: "10000只".into(),
                    test_samples: "40只".into(),
                    reserve_samples: "20只".into(),
                    place: "成品仓库".into(),
                    sampled_on: today(),
                    sampled_time: chrono::NaiveTime::from_hms_opt(10 + n as u32, 30, 0),
                    seal_numbers: format!("XX-2026-{:04}、XX-2026-{:04}", 2 * n + 1, 2 * n + 2),
                    basis: "口罩质量专项整治监督抽查任务".into(),
                    testing_body: "河南省医疗器械检验所".into(),
                    samplers: samplers.clone(),
                    standard: "YY/T 0969-2013".into(),
                    grade: String::new(),
                })?;
                self.issue_document(&IssueRequest::SamplingRecord {
                    sample_id: s.id.clone(),
                    party_words: Default::default(),
                })?;
                summary.documents += 1;
                let fail = n == 1;
                // The failing item as the lab reports it, with the standard's limit from the shipped list.
                let failing: Vec<maskcheck_domain::casework::FailingItem> = self
                    .test_items("YY/T 0969-2013", None)
                    .into_iter()
                    .filter(|i| fail && i.key == "bacterialFiltration")
                    .map(|i| maskcheck_domain::casework::FailingItem {
                        key: i.key,
                        name: i.name,
                        limit: i.limit,
                        measured: "91.2%".into(),
                    })
                    .collect();
                self.record_sample_result(
                    &s.id,
                    &SampleResultInput {
                        verdict: if fail { LabVerdict::Fail } else { LabVerdict::Pass },
                        failing_items: if fail { "细菌过滤效率".into() } else { String::new() },
                        nonconforming_quantity: fail.then_some(10_000),
                        reached_market: false,
                        market_direction: String::new(),
                        // Filled from the chain: 责令停止销售, the quantities recalled and sealed.
                        post_measures: String::new(),
                        help_measures: "指导企业完善出厂检验".into(),
                        // Sales stopped today; the ledger shows two buyers, one already recalled, one to follow.
                        chain: if fail { demo_chain(today()) } else { Default::default() },
                        failing,
                        report_number: format!("YJ2026-{:04}", 100 + n),
                        lab: "河南省医疗器械检验所".into(),
                    },
                )?;
                summary.samples += 1;
                // The sampled batch was sealed until the result came back: a failing batch stays sealed a month
                // longer while the case is built (one extension); a passing one is released.
                let from = today();
                // The failing batch's decision states the lab's result; the passing one's, the inspection's findings.
                let seal = self.issue_document(&IssueRequest::CoerciveMeasure {
                    inspection_id: Some(inspection.clone()),
                    sample_id: fail.then(|| s.id.clone()),
                    measure: maskcheck_domain::document::Measure::Seal,
                    goods: vec![maskcheck_domain::document::GoodsRow {
                        name: "一次性使用口罩".into(),
                        spec: "17.5cm×9.5cm".into(),
                        batch: format!("2026110{}", n + 1),
                        quantity: 10_000.0,
                        unit: "只".into(),
                        note: String::new(),
                    }],
                    goods_place: "成品仓库".into(),
                    from,
                    until: maskcheck_domain::document_rules::last_day_of_measure(from),
                    party_words: Default::default(),
                })?;
                let follow = if fail {
                    IssueRequest::MeasureExtension {
                        decision_id: seal.document.id,
                        new_until: maskcheck_domain::document_rules::last_day_of_measure(from)
                            + chrono::Duration::days(30),
                        reason: "检验不合格，需进一步查明不合格产品的数量和流向，案情复杂".into(),
                    }
                } else {
                    IssueRequest::MeasureRelease {
                        decision_id: seal.document.id,
                        ground: maskcheck_domain::document::ReleaseGround::NoOffence,
                        reason: format!("检验报告YJ2026-{:04}结论为合格", 100 + n),
                        released_on: today(),
                    }
                };
                self.issue_document(&follow)?;
                summary.documents += 2;
                if fail {
                    // Customs and commerce are told of the nonconforming product and its maker.
                    self.issue_document(&IssueRequest::ExportNotice {
                        sample_id: s.id.clone(),
                        recipients: vec!["演示海关".into(), "演示市商务局".into()],
                    })?;
                    summary.documents += 1;
                }
                self.save_case(
                    None,
                    &CaseInput {
                        enterprise_id: Some(enterprise.clone()),
                        inspection_id: Some(inspection.clone()),
                        title: format!("演示案件{}", n + 1),
                        category: if fail { CaseCategory::Quality } else { CaseCategory::DrugDeviceQualification },
                        procedure: if fail { Procedure::Filed } else { Procedure::Simple },
                        opened_on: today(),
                        closed_on: None,
                        fines_wan: 0.5,
                        value_wan: 1.2,
                        masks_seized_wan: if fail { 1.0 } else { 0.0 },
                        referred_to_police: false,
                        inspectors_dispatched: 2,
                        operators_checked: 1,
                        // The failing batch's case decided by the ordinary procedure today: its publicity is due
                        // within twenty working days.
                        penalty: fail.then(|| maskcheck_domain::publicity::PenaltyDecision {
                            number: format!("演市监处罚〔2026〕{}号", n + 1),
                            decided_on: today(),
                            facts: "生产、销售细菌过滤效率不符合YY/T 0969-2013的一次性使用口罩".into(),
                            basis: "《中华人民共和国产品质量法》第四十九条".into(),
                            content: "没收不合格口罩10000只，罚款人民币5000元".into(),
                            warning_only: false,
                        }),
                        published_on: None,
                    },
                )?;
                summary.cases += 1;
            }
        }
        Ok(())
    }
}

/// The trail of the demo's failing batch: two buyers from the sales ledger, one recalled, one still to follow.
fn demo_chain(today: chrono::NaiveDate) -> maskcheck_domain::failed_chain::FailedChain {
    use maskcheck_domain::failed_chain::{BuyerOutcome, FailedChain, TrailBuyer};
    let buyer = |name: &str, place: &str, quantity: u64, outcome: BuyerOutcome| TrailBuyer {
        buyer: name.into(),
        place: place.into(),
        quantity,
        sold_on: today - chrono::Duration::days(10),
        outcome,
        note: String::new(),
    };
    FailedChain {
        stop_sales_on: Some(today),
        trail: vec![
            buyer("演示区惠民大药房", "演示市演示区", 2000, BuyerOutcome::Recalled),
            buyer("演示县康泰医疗器械经营部", "演示市演示县", 1000, BuyerOutcome::Pending),
        ],
        none_sold: false,
    }
}
