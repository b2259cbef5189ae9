//! Checklist templates (检查表) and the legal-basis catalogue (法律依据), shipped as data in `assets/` and
//! validated at load: keys unique, every legal-basis reference resolves.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AnswerType {
    /// 合格 / 不合格 / 不适用, with a note.
    PassFail,
    Number,
    Date,
    Text,
    /// Rows of a dedicated table (intake batches, label checks).
    Rows,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    pub key: String,
    pub text: String,
    pub basis: Vec<String>,
    pub answer: AnswerType,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistSection {
    pub key: String,
    pub title: String,
    pub items: Vec<ChecklistItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistTemplate {
    pub key: String,
    pub version: u32,
    pub title: String,
    pub medical: bool,
    pub sections: Vec<ChecklistSection>,
}

impl ChecklistTemplate {
    pub fn item(&self, key: &str) -> Option<&ChecklistItem> {
        self.sections.iter().flat_map(|s| &s.items).find(|i| i.key == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LegalBasis {
    pub key: String,
    pub law: String,
    pub article: String,
    pub text: String,
}

impl LegalBasis {
    /// `《中华人民共和国产品质量法》第二十七条`
    pub fn citation(&self) -> String {
        format!("{}{}", self.law, self.article)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalCatalogue {
    pub version: u32,
    pub entries: Vec<LegalBasis>,
}

impl LegalCatalogue {
    pub fn get(&self, key: &str) -> Option<&LegalBasis> {
        self.entries.iter().find(|e| e.key == key)
    }
}

/// Templates compiled into the binary from `assets/checklists/` (key → JSON).
const TEMPLATES: &[(&str, &str)] = &[
    ("nonMedicalMaker.v1", include_str!("../../../assets/checklists/nonMedicalMaker.v1.json")),
    ("medicalMaker.v1", include_str!("../../../assets/checklists/medicalMaker.v1.json")),
    ("seller.v1", include_str!("../../../assets/checklists/seller.v1.json")),
];
const CATALOGUE: &str = include_str!("../../../assets/legal-basis.json");

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("检查表或法律依据数据有误：{0}")]
pub struct CatalogueError(pub String);

pub fn parse_catalogue(json: &str) -> Result<LegalCatalogue, CatalogueError> {
    let c: LegalCatalogue = serde_json::from_str(json).map_err(|e| CatalogueError(format!("法律依据：{e}")))?;
    let mut seen = HashSet::new();
    for e in &c.entries {
        if !seen.insert(e.key.as_str()) {
            return Err(CatalogueError(format!("法律依据键重复：{}", e.key)));
        }
    }
    Ok(c)
}

/// Parses a template and checks it against the catalogue.
pub fn parse_template(json: &str, catalogue: &LegalCatalogue) -> Result<ChecklistTemplate, CatalogueError> {
    let t: ChecklistTemplate = serde_json::from_str(json).map_err(|e| CatalogueError(format!("检查表：{e}")))?;
    let mut keys = HashSet::new();
    for s in &t.sections {
        if !keys.insert(format!("section:{}", s.key)) {
            return Err(CatalogueError(format!("{}：栏目键重复 {}", t.key, s.key)));
        }
        for i in &s.items {
            if !keys.insert(i.key.clone()) {
                return Err(CatalogueError(format!("{}：检查项键重复 {}", t.key, i.key)));
            }
            for b in &i.basis {
                if catalogue.get(b).is_none() {
                    return Err(CatalogueError(format!("{}：检查项 {} 引用了不存在的法律依据 {b}", t.key, i.key)));
                }
            }
        }
    }
    Ok(t)
}

pub fn builtin_catalogue() -> Result<LegalCatalogue, CatalogueError> {
    parse_catalogue(CATALOGUE)
}

pub fn builtin_templates() -> Result<Vec<ChecklistTemplate>, CatalogueError> {
    let catalogue = builtin_catalogue()?;
    TEMPLATES.iter().map(|(_, json)| parse_template(json, &catalogue)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_loads_with_unique_keys_and_resolving_bases() {
        let templates = builtin_templates().expect("templates");
        let keys: Vec<&str> = templates.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, vec!["nonMedicalMaker", "medicalMaker", "seller"]);
        for t in &templates {
            let sections: Vec<&str> = t.sections.iter().map(|s| s.key.as_str()).collect();
            assert!(
                sections.contains(&"licences") && sections.contains(&"intake") && sections.contains(&"labels"),
                "{}",
                t.key
            );
            assert!(t.sections.iter().all(|s| !s.items.is_empty()), "{}", t.key);
        }
        assert!(templates[1].item("licences.registration").is_some(), "medical makers check registration");
    }

    #[test]
    fn broken_templates_are_refused() {
        let cat = builtin_catalogue().expect("catalogue");
        let item =
            |key: &str, basis: &str| format!(r#"{{"key":"{key}","text":"t","basis":["{basis}"],"answer":"passFail"}}"#);
        let tpl = |items: Vec<String>| {
            format!(
                r#"{{"key":"x","version":1,"title":"x","medical":false,"sections":[{{"key":"s","title":"s","items":[{}]}}]}}"#,
                items.join(",")
            )
        };
        assert!(parse_template(&tpl(vec![item("a", "pql-27")]), &cat).is_ok());
        let dup = parse_template(&tpl(vec![item("a", "pql-27"), item("a", "pql-27")]), &cat).expect_err("dup");
        assert!(dup.0.contains("重复"), "{dup}");
        let dangling = parse_template(&tpl(vec![item("a", "nope-1")]), &cat).expect_err("dangling");
        assert!(dangling.0.contains("nope-1"), "{dangling}");
        assert!(parse_template("{", &cat).is_err());
        assert!(parse_catalogue(r#"{"version":1,"entries":[{"key":"a","law":"l","article":"1","text":"t"},{"key":"a","law":"l","article":"2","text":"t"}]}"#).is_err());
    }
}
