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

/// Finished inspections in a demo data set: one per ten enterprises, at most this many.
const MAX_DEMO_INSPECTIONS: usize = 30;

impl App {
    /// Finished inspections with typical findings and a label photo, made through the same use cases as on site.
    fn demo_inspections(&self, makers: &[(String, bool)], rng: &mut SampleRng) -> Result<u32> {
        use maskcheck_domain::inspection::{Inspector, IntakeRow, Material};
        let photo = self.data_dir().join("demo-label.png");
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
        }
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
        let mut summary = DemoSummary { enterprises: 0, licences: 0, products: 0, inspections: 0 };
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
                    let l = validate_licence(&l)?;
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
        summary.inspections = self.demo_inspections(&makers, &mut rng)?;
        Ok(summary)
    }
}
