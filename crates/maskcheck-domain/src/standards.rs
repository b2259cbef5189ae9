//! Mask standards, the grades each defines, and the label elements each product category must carry.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ProductCategory;

/// Grades defined by a standard (matched on its number, year ignored for revisions); None when the standard is
/// unknown or defines no grades.
pub fn grades_of(standard: &str) -> Option<&'static [&'static str]> {
    let s = crate::text::normalise_code(standard);
    let table: &[(&str, &[&str])] = &[
        ("GB2626", &["KN90", "KN95", "KN100", "KP90", "KP95", "KP100"]),
        ("GB/T32610", &["I级", "II级", "III级", "A级", "B级", "C级", "D级"]),
        ("GB/T38880", &["防护型", "卫生型"]),
        ("GB19083", &["1级", "2级", "3级"]),
    ];
    table.iter().find(|(prefix, _)| s.starts_with(prefix)).map(|(_, g)| *g)
}

/// Whether a claimed grade is defined by the standard (`KN95` on GB/T 32610 is not).
pub fn grade_fits(standard: &str, grade: &str) -> bool {
    let g = crate::text::normalise_code(grade).replace('Ⅰ', "I").replace('Ⅱ', "II").replace('Ⅲ', "III");
    match grades_of(standard) {
        Some(grades) => grades.iter().any(|x| crate::text::normalise_code(x) == g),
        None => true,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LabelElement {
    ChineseName,
    MakerName,
    MakerAddress,
    ProductionDate,
    ShelfLife,
    Certificate,
    StandardNumber,
    Grade,
    RegistrationCertNo,
    ProductionLicenceNo,
    ModelSpec,
    StorageConditions,
}

impl LabelElement {
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::ChineseName => "中文产品名称",
            Self::MakerName => "生产者名称",
            Self::MakerAddress => "生产者地址",
            Self::ProductionDate => "生产日期或批号",
            Self::ShelfLife => "保质期（有效期）",
            Self::Certificate => "产品质量检验合格证明",
            Self::StandardNumber => "执行标准编号",
            Self::Grade => "防护等级",
            Self::RegistrationCertNo => "医疗器械注册证编号",
            Self::ProductionLicenceNo => "医疗器械生产许可证编号",
            Self::ModelSpec => "型号规格",
            Self::StorageConditions => "储存条件",
        }
    }
}

/// The label elements a product of `category` under `standard` must carry.
pub fn required_elements(category: ProductCategory, standard: Option<&str>) -> Vec<LabelElement> {
    use LabelElement::*;
    let mut v = vec![ChineseName, MakerName, MakerAddress, ProductionDate, ShelfLife, Certificate, StandardNumber];
    if standard.and_then(grades_of).is_some() || matches!(category, ProductCategory::KnSeries) {
        v.push(Grade);
    }
    if category.is_medical() {
        v.extend([RegistrationCertNo, ProductionLicenceNo, ModelSpec, StorageConditions]);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_table() {
        for (standard, grade, fits) in [
            ("GB 2626-2019", "KN95", true),
            ("GB 2626—2019", "kn95", true),
            ("GB/T 32610-2016", "KN95", false),
            ("GB/T 32610-2016", "Ⅰ级", true),
            ("GB/T 38880-2020", "防护型", true),
            ("GB 19083-2010", "KN95", false),
            ("YY 0469-2011", "任意", true),
            ("Q/XYZ 001-2020", "KN95", true),
        ] {
            assert_eq!(grade_fits(standard, grade), fits, "{standard} {grade}");
        }
    }

    #[test]
    fn medical_labels_need_more() {
        let daily = required_elements(ProductCategory::DailyProtective, Some("GB/T 32610-2016"));
        let surgical = required_elements(ProductCategory::MedicalSurgical, Some("YY 0469-2011"));
        assert!(daily.contains(&LabelElement::Grade) && !daily.contains(&LabelElement::RegistrationCertNo));
        assert!(surgical.contains(&LabelElement::RegistrationCertNo) && !surgical.contains(&LabelElement::Grade));
    }
}
