//! The test items of the mask standards and their limits (`assets/standards/test-items.json`), for the lab-result
//! form: a failing item is picked from the list of the sample's standard and printed with the standard's limit
//! beside the measured value. A limit is shipped only where a source was found (`docs/standards.md`); otherwise the
//! item is listed without one and the form says to read the standard.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

const DATA: &str = include_str!("../../../assets/standards/test-items.json");

#[derive(Deserialize)]
struct Data {
    standards: Vec<StandardDef>,
}

#[derive(Deserialize)]
struct StandardDef {
    code: String,
    title: String,
    items: Vec<ItemDef>,
}

#[derive(Deserialize)]
struct ItemDef {
    key: String,
    name: String,
    limits: Vec<LimitDef>,
}

#[derive(Deserialize)]
struct LimitDef {
    /// The grade or kind the limit is for (`KN95`, `Ⅱ级`, `防护口罩`); None: every product of the standard.
    when: Option<String>,
    limit: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StandardSummary {
    pub code: String,
    pub title: String,
}

/// One test item as the form offers it, with the limit for the product's grade when the data has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestItem {
    pub key: String,
    pub name: String,
    pub limit: Option<String>,
}

fn data() -> Data {
    // Checked by the tests below; the file is compiled in.
    serde_json::from_str(DATA).unwrap_or(Data { standards: Vec::new() })
}

/// `GB/T 32610—2016`, `gb/t32610-2016` and `GB/T 32610-2016` name one standard.
fn same_code(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        crate::text::to_half_width(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if matches!(c, '—' | '–' | '－') { '-' } else { c.to_ascii_uppercase() })
            .collect()
    };
    norm(a) == norm(b)
}

fn same_grade(a: &str, b: &str) -> bool {
    // Roman numerals typed as letters or as the numeral characters: `II级`, `Ⅱ级` and `2级` are one grade.
    let norm = |s: &str| {
        crate::text::normalise_code(s)
            .replace("III", "3")
            .replace("II", "2")
            .replace(['I', 'Ⅰ'], "1")
            .replace('Ⅱ', "2")
            .replace('Ⅲ', "3")
    };
    norm(a) == norm(b)
}

/// The standards the data knows, in its order.
pub fn standards() -> Vec<StandardSummary> {
    data().standards.into_iter().map(|s| StandardSummary { code: s.code, title: s.title }).collect()
}

/// The test items of `standard` (empty when the data does not know it), each with the limit for `grade`: the one
/// for that grade, the one for every product, or — when the grade is not given or not listed — every grade's limit.
pub fn test_items(standard: &str, grade: Option<&str>) -> Vec<TestItem> {
    let Some(def) = data().standards.into_iter().find(|s| same_code(&s.code, standard)) else { return Vec::new() };
    def.items
        .into_iter()
        .map(|i| {
            let for_grade = grade.filter(|g| !g.trim().is_empty()).and_then(|g| {
                i.limits.iter().find(|l| l.when.as_deref().is_some_and(|w| same_grade(w, g))).map(|l| l.limit.clone())
            });
            let general = i.limits.iter().find(|l| l.when.is_none()).map(|l| l.limit.clone());
            let every = (!i.limits.is_empty()).then(|| {
                i.limits
                    .iter()
                    .map(|l| match &l.when {
                        Some(w) => format!("{w} {}", l.limit),
                        None => l.limit.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join("；")
            });
            TestItem { key: i.key, name: i.name, limit: for_grade.or(general).or(every) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_loads_with_unique_keys_and_no_empty_limit() {
        let d: Data = serde_json::from_str(DATA).expect("test-items.json");
        assert!(d.standards.len() >= 6);
        for s in &d.standards {
            let mut keys: Vec<&str> = s.items.iter().map(|i| i.key.as_str()).collect();
            keys.sort_unstable();
            let n = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), n, "{}: duplicate item key", s.code);
            assert!(s.items.iter().flat_map(|i| &i.limits).all(|l| !l.limit.trim().is_empty()), "{}", s.code);
        }
    }

    #[test]
    fn the_limit_follows_the_grade() {
        let limit = |standard: &str, grade: Option<&str>, key: &str| {
            test_items(standard, grade).into_iter().find(|i| i.key == key).and_then(|i| i.limit)
        };
        let table: [(&str, Option<&str>, &str, Option<&str>); 8] = [
            ("GB 2626-2019", Some("KN95"), "filtration", Some("≥95%")),
            ("GB 2626—2019", Some("kn100"), "filtration", Some("≥99.97%")),
            ("GB 19083-2010", Some("2级"), "filtration", Some("≥99%")),
            ("YY 0469-2011", None, "bacterialFiltration", Some("≥95%")),
            ("YY/T 0969-2013", Some("任意"), "ventilationResistance", Some("≤49 Pa/cm²")),
            ("GB/T 32610-2016", Some("II级"), "filtrationSalt", Some("≥95%")),
            ("GB 2626-2019", Some("KN95"), "inhalationResistance", None),
            ("GB/T 32610-2016", None, "protection", Some("A级 ≥90%；B级 ≥85%；C级 ≥75%；D级 ≥65%")),
        ];
        for (standard, grade, key, want) in table {
            assert_eq!(limit(standard, grade, key).as_deref(), want, "{standard} {grade:?} {key}");
        }
        assert!(test_items("Q/XYZ 001-2020", None).is_empty(), "an enterprise standard has no shipped items");
    }
}
