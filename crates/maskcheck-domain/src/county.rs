//! 所在县（市、区）: one of the counties the unit knows (its own, from setup, and those already on its roster), or
//! one the user confirms as new. A typo ("卫宾区") would otherwise become a county of its own in every list and in
//! the statistics tables.

use crate::field_error::{Field, FieldError, Rule};
use crate::text::to_half_width;

/// The counties a unit knows, and those the user confirmed as new for this input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownCounties {
    known: Vec<String>,
    confirmed_new: Vec<String>,
}

fn key(county: &str) -> String {
    to_half_width(county).chars().filter(|c| !c.is_whitespace()).collect()
}

impl KnownCounties {
    pub fn new(known: impl IntoIterator<Item = String>) -> Self {
        let mut known: Vec<String> =
            known.into_iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        known.sort();
        known.dedup();
        Self { known, confirmed_new: Vec::new() }
    }

    /// The same, with `new` confirmed by the user as counties to add.
    pub fn confirming(mut self, new: impl IntoIterator<Item = String>) -> Self {
        self.confirmed_new.extend(new.into_iter().map(|c| key(&c)));
        self
    }

    pub fn is_known(&self, county: &str) -> bool {
        let k = key(county);
        self.known.iter().any(|c| key(c) == k) || self.confirmed_new.contains(&k)
    }

    /// The error for a county neither known nor confirmed; the detail lists the known ones.
    pub fn check(&self, county: Option<&str>) -> Option<FieldError> {
        let county = county.map(str::trim).filter(|c| !c.is_empty())?;
        if self.known.is_empty() || self.is_known(county) {
            return None;
        }
        Some(FieldError::new(Field::County, Rule::UnknownCounty, format!("{county}；已知：{}", self.known.join("、"))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn county_table() {
        let k = KnownCounties::new(["卫滨区".to_string(), "红旗区".into(), "卫滨区".into()]);
        for (county, want) in [
            (None, None),
            (Some(""), None),
            (Some("卫滨区"), None),
            (Some(" 红旗区 "), None),
            (Some("卫宾区"), Some(Rule::UnknownCounty)),
            (Some("牧野区"), Some(Rule::UnknownCounty)),
        ] {
            assert_eq!(k.check(county).map(|e| e.rule), want, "{county:?}");
        }
        let e = k.check(Some("卫宾区")).expect("unknown");
        assert_eq!(
            e.message_zh(),
            "所在县（市、区）不是本单位已知的县区（卫宾区；已知：卫滨区、红旗区），如确为新县区请确认"
        );
        assert_eq!(k.clone().confirming(["牧野区".to_string()]).check(Some("牧野区")), None);
        assert_eq!(KnownCounties::default().check(Some("任何区")), None, "nothing known yet: nothing to compare");
    }
}
