//! Deterministic, realistic sample data (names, addresses, valid USCCs) for demos, tests and benchmarks.
//! Pure: the same seed gives the same roster on every machine.

use crate::enterprise::{EnterpriseInput, EnterpriseKind, ProductionStatus, Scale};

/// SplitMix64: small, fast, good enough for sample data (not for keys).
pub struct SampleRng(u64);

impl SampleRng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub const COUNTIES: &[&str] = &[
    "卫滨区",
    "红旗区",
    "牧野区",
    "凤泉区",
    "长垣市",
    "获嘉县",
    "原阳县",
    "延津县",
    "封丘县",
    "卫辉市",
    "辉县市",
    "新乡县",
];
const BRAND_CHARS: &[&str] = &[
    "康", "达", "安", "心", "德", "恒", "信", "华", "美", "瑞", "丰", "嘉", "禾", "永", "佳", "洁", "健", "民", "盛",
    "源", "宏", "博", "天", "和", "亿", "润", "泽", "金", "盾", "卫", "护", "宇", "鑫", "隆", "昌", "泰", "兴", "利",
    "通", "顺",
];
const TRADES: &[&str] = &["口罩", "防护用品", "医疗器械", "卫生材料", "无纺布制品", "劳保用品", "日用品", "商贸"];
const SUFFIXES: &[&str] = &["有限公司", "有限责任公司", "厂", "经营部", "科技有限公司"];
const ROADS: &[&str] =
    &["平原", "人民", "和平", "建设", "金穗", "华兰", "新中", "劳动", "胜利", "宏力", "东明", "向阳", "解放", "自由"];
const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"];

const USCC_CHARSET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// A valid USCC unique to `serial` (area 4107xx, organisation code derived from the serial).
pub fn sample_uscc(serial: u64, county: usize) -> String {
    let mut org = [b'0'; 7];
    let mut n = serial;
    for slot in org.iter_mut().rev() {
        *slot = USCC_CHARSET[(n % 31) as usize];
        n /= 31;
    }
    let first17 = format!("914107{:02}MA{}", county % 100, String::from_utf8_lossy(&org));
    let check = crate::uscc::check_char(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

/// The `serial`-th enterprise of a sample roster.
pub fn sample_enterprise(rng: &mut SampleRng, serial: u64) -> EnterpriseInput {
    let county_idx = rng.below(COUNTIES.len());
    let county = COUNTIES[county_idx];
    let brand = format!("{}{}", rng.pick(BRAND_CHARS), rng.pick(BRAND_CHARS));
    let trade = rng.pick(TRADES);
    let kind = if trade == "商贸" || rng.below(3) == 0 { EnterpriseKind::Seller } else { EnterpriseKind::Maker };
    let name = format!("新乡市{county}{brand}{trade}{}", rng.pick(SUFFIXES));
    let address = format!("新乡市{county}{}路{}号", rng.pick(ROADS), 1 + rng.below(300));
    let person = format!("{}{}{}", rng.pick(SURNAMES), rng.pick(GIVEN), rng.pick(GIVEN));
    let founded = chrono::NaiveDate::from_ymd_opt(
        2000 + rng.below(25) as i32,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    );
    EnterpriseInput {
        name,
        uscc: sample_uscc(serial, county_idx),
        county: Some(county.to_string()),
        production_address: Some(address.clone()),
        registered_address: Some(address),
        legal_rep: Some(person.clone()),
        contact: Some(person),
        phone: Some(format!("1{}{:09}", 3 + rng.below(7), rng.below(1_000_000_000))),
        kind,
        medical: trade == "医疗器械" || rng.below(5) == 0,
        exporter: rng.below(10) == 0,
        scale: Some([Scale::Large, Scale::Medium, Scale::Small, Scale::Micro][rng.below(4)]),
        production_status: Some(
            [ProductionStatus::Producing, ProductionStatus::Stopped, ProductionStatus::Converted][rng.below(3)],
        ),
        founded_on: founded,
        daily_capacity_wan: (kind == EnterpriseKind::Maker).then(|| (rng.below(5000) as f64) / 100.0),
        note: None,
        new_county: None,
    }
}

/// A licence and product set for a sample enterprise: its business licence, and for medical makers a
/// registration certificate whose expiry is spread around `today` (some expired, some expiring soon).
pub fn sample_licences_and_products(
    rng: &mut SampleRng,
    e: &EnterpriseInput,
    serial: u64,
    today: chrono::NaiveDate,
) -> (Vec<crate::LicenceInput>, Vec<crate::ProductInput>) {
    use crate::{LicenceInput, LicenceKind, ProductCategory, ProductInput};
    let mut licences = vec![LicenceInput {
        kind: LicenceKind::BusinessLicence,
        number: e.uscc.clone(),
        holder: Some(e.name.clone()),
        scope: Some("口罩、劳动防护用品的生产与销售".into()),
        issued_on: e.founded_on,
        valid_until: None,
        issuer: Some("新乡市市场监督管理局".into()),
    }];
    let mut products = Vec::new();
    if e.kind == EnterpriseKind::Maker {
        if e.medical {
            let until = today + chrono::Duration::days(rng.below(800) as i64 - 100);
            licences.push(LicenceInput {
                kind: LicenceKind::DeviceRegistration,
                number: format!("豫械注准{}214{:04}", 2019 + rng.below(6), serial % 10_000),
                holder: Some(e.name.clone()),
                scope: Some("医用外科口罩".into()),
                issued_on: Some(until - chrono::Duration::days(5 * 365)),
                valid_until: Some(until),
                issuer: Some("河南省药品监督管理局".into()),
            });
            products.push(ProductInput {
                name: "医用外科口罩".into(),
                category: ProductCategory::MedicalSurgical,
                standard: Some("YY 0469-2011".into()),
                grade: None,
                specification: Some("17.5cm×9.5cm".into()),
                registration_cert_no: Some(licences[1].number.clone()),
            });
        } else {
            let (name, category, standard, grade) = [
                ("日常防护型口罩", ProductCategory::DailyProtective, "GB/T 32610-2016", "I级"),
                ("KN95 防护口罩", ProductCategory::KnSeries, "GB 2626-2019", "KN95"),
                ("儿童口罩", ProductCategory::Children, "GB/T 38880-2020", "防护型"),
            ][rng.below(3)];
            products.push(ProductInput {
                name: name.into(),
                category,
                standard: Some(standard.into()),
                grade: Some(grade.into()),
                specification: None,
                registration_cert_no: None,
            });
        }
    }
    (licences, products)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_valid_unique_and_deterministic() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let mut rng = SampleRng::new(7);
        let mut seen = std::collections::HashSet::new();
        for i in 0..2_000 {
            let e = sample_enterprise(&mut rng, i);
            assert!(crate::validate_enterprise(&e, today).is_ok(), "{e:?}");
            assert!(seen.insert(e.uscc.clone()), "duplicate {}", e.uscc);
        }
        let a = sample_enterprise(&mut SampleRng::new(1), 0);
        let b = sample_enterprise(&mut SampleRng::new(1), 0);
        assert_eq!(a, b);
    }
}
