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

impl App {
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
        let mut summary = DemoSummary { enterprises: 0, licences: 0, products: 0 };
        self.store().write(|tx| {
            for serial in start..start + u64::from(enterprises) {
                let e = validate_enterprise(&sample_enterprise(&mut rng, serial), today)?.into_inner();
                let meta = new_meta(tx, &device)?;
                tx.insert_enterprise(&meta, &e)?;
                let (licences, products) = sample_licences_and_products(&mut rng, &e, serial, today);
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
        Ok(summary)
    }
}
