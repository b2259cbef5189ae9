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

/// Who a duty binds. The same shortfall breaks a different provision (or none) for each: a seller's intake
/// check is 产品质量法第三十三条, a medical maker's is the device regulation, a non-medical maker's is no legal
/// duty at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DutyHolder {
    /// 非医用口罩生产者
    Maker,
    /// 销售者 (shops, wholesalers, online stores of non-medical masks)
    Seller,
    /// 医疗器械注册人、生产企业 (medical masks are class II devices)
    DeviceMaker,
    /// 医疗器械经营企业
    DeviceOperator,
}

impl DutyHolder {
    pub fn label_zh(self) -> &'static str {
        match self {
            DutyHolder::Maker => "生产者",
            DutyHolder::Seller => "销售者",
            DutyHolder::DeviceMaker => "医疗器械注册人、生产企业",
            DutyHolder::DeviceOperator => "医疗器械经营企业",
        }
    }
}

/// The three provisions of a finding, which are never the same article: the duty broken, the power to order
/// its correction, and the penalty (for a case; never printed as the rule broken).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FindingLaw {
    /// The provisions that set the duty. Empty: no legal duty is broken; a management gap the campaign asks
    /// the enterprise to correct, worded as a correction requested, never as "违反了…的规定".
    pub duty: Vec<String>,
    /// The provision that empowers an order to correct (责令改正). None with a duty: the law sets the duty but
    /// no order power, so the correction is requested, not ordered.
    pub order: Option<String>,
    pub penalty: Vec<String>,
}

impl FindingLaw {
    pub fn gap() -> Self {
        Self::default()
    }

    pub fn new(duty: &[&str], order: Option<&str>, penalty: &[&str]) -> Self {
        Self {
            duty: duty.iter().map(|k| k.to_string()).collect(),
            order: order.map(str::to_string),
            penalty: penalty.iter().map(|k| k.to_string()).collect(),
        }
    }

    /// Breaks a legal duty (as opposed to a management gap).
    pub fn is_offence(&self) -> bool {
        !self.duty.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.duty.iter().chain(self.order.iter()).chain(self.penalty.iter()).map(String::as_str)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItem {
    pub key: String,
    pub text: String,
    pub law: FindingLaw,
    /// The holder the item's duty binds, when not the template's (a seller's medical masks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub holder: Option<DutyHolder>,
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
    /// Who the template's duties bind.
    pub holder: DutyHolder,
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
            for b in i.law.keys() {
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

/// Every catalogue key the templates, the finding rules and the documents cite.
pub fn keys_in_use() -> Result<Vec<String>, CatalogueError> {
    let catalogue = builtin_catalogue()?;
    let mut keys: Vec<String> = crate::legal_rules::KEYS_IN_USE.iter().map(|k| k.to_string()).collect();
    for t in TEMPLATES.iter().map(|(_, json)| parse_template(json, &catalogue)) {
        for i in t?.sections.iter().flat_map(|s| &s.items) {
            keys.extend(i.law.keys().map(str::to_string));
        }
    }
    keys.sort();
    keys.dedup();
    Ok(keys)
}

/// Checks a catalogue (the shipped one, or a bureau's edited copy) holds every key in use: a missing key would
/// print a bare key on a legal document. Err lists the missing keys.
pub fn check_complete(catalogue: &LegalCatalogue) -> Result<(), CatalogueError> {
    let missing: Vec<String> = keys_in_use()?.into_iter().filter(|k| catalogue.get(k).is_none()).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(CatalogueError(format!("法律依据目录缺少以下条目：{}", missing.join("、"))))
    }
}

pub fn builtin_templates() -> Result<Vec<ChecklistTemplate>, CatalogueError> {
    let catalogue = builtin_catalogue()?;
    TEMPLATES.iter().map(|(_, json)| parse_template(json, &catalogue)).collect()
}

/// A template of a bureau's own (a file in its data directory, or one its bundle brought): parsed against the
/// catalogue in use, and never reusing a shipped template's key at a version the app already ships (an inspection
/// names its template by key and version, and that pair must always mean one list of checks).
pub fn parse_bureau_template(json: &str, catalogue: &LegalCatalogue) -> Result<ChecklistTemplate, CatalogueError> {
    let t = parse_template(json, catalogue)?;
    if let Some(shipped) = builtin_templates()?.into_iter().find(|b| b.key == t.key && b.version >= t.version) {
        return Err(CatalogueError(format!(
            "检查表 {} 第 {} 版与软件自带的第 {} 版冲突：自定义检查表须使用更高的版本号",
            t.key, t.version, shipped.version
        )));
    }
    Ok(t)
}

/// A bureau's catalogue and templates as its bundle carries them, checked before any is used: the catalogue
/// complete (every key the rules and documents cite), each template's bases in the catalogue that will be in use.
/// Returns the catalogue (None: the bundle carries none, the current one stays) and the templates.
pub fn check_bureau_data(
    catalogue: Option<&str>,
    templates: &[String],
    current: &LegalCatalogue,
) -> Result<(Option<LegalCatalogue>, Vec<ChecklistTemplate>), CatalogueError> {
    let incoming = catalogue.map(parse_catalogue).transpose()?;
    if let Some(c) = &incoming {
        check_complete(c)?;
    }
    let in_use = incoming.as_ref().unwrap_or(current);
    let templates = templates.iter().map(|t| parse_bureau_template(t, in_use)).collect::<Result<Vec<_>, _>>()?;
    Ok((incoming, templates))
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
        let item = |key: &str, basis: &str| {
            format!(
                r#"{{"key":"{key}","text":"t","law":{{"duty":["{basis}"],"order":"pql-54","penalty":[]}},"answer":"passFail"}}"#
            )
        };
        let tpl = |items: Vec<String>| {
            format!(
                r#"{{"key":"x","version":1,"title":"x","medical":false,"holder":"maker","sections":[{{"key":"s","title":"s","items":[{}]}}]}}"#,
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

    #[test]
    fn every_key_in_use_resolves_in_the_shipped_catalogue_and_an_edited_copy() {
        let cat = builtin_catalogue().expect("catalogue");
        check_complete(&cat).expect("complete");
        assert!(keys_in_use().expect("keys").len() > 30);
        // A bureau's edited copy: texts may change, keys may not go missing.
        let mut edited = cat.clone();
        edited.entries.iter_mut().for_each(|e| e.text.push_str("（本局注）"));
        check_complete(&edited).expect("edited texts are fine");
        edited.entries.retain(|e| e.key != "pql-54");
        let err = check_complete(&edited).expect_err("missing");
        assert!(err.0.contains("pql-54"), "{err}");
    }

    #[test]
    fn a_bureaus_catalogue_and_templates_are_checked_before_use() {
        let cat = builtin_catalogue().expect("catalogue");
        let json = |c: &LegalCatalogue| serde_json::to_string(c).expect("json");
        let mut noted = cat.clone();
        noted.entries.iter_mut().for_each(|e| e.text.push_str("（本局注）"));
        let mut short = cat.clone();
        short.entries.retain(|e| e.key != "pql-54");
        let shipped = TEMPLATES[0].1.to_string();
        let newer = shipped.replacen(r#""version": 1"#, r#""version": 2"#, 1);
        let citing_gone = newer.replace("pql-54", "gone-1");
        // (what, catalogue, templates, Ok(catalogue replaced, templates) or Err(words the refusal names))
        type Case<'a> = (&'a str, Option<String>, Vec<String>, Result<(bool, usize), &'a str>);
        let table: Vec<Case> = vec![
            ("nothing carried", None, vec![], Ok((false, 0))),
            ("edited texts", Some(json(&noted)), vec![], Ok((true, 0))),
            ("a key missing", Some(json(&short)), vec![], Err("pql-54")),
            ("not JSON", Some("{".into()), vec![], Err("法律依据")),
            ("a newer version of a shipped template", None, vec![newer.clone()], Ok((false, 1))),
            ("a shipped version rewritten", None, vec![shipped], Err("更高的版本号")),
            ("a template citing what the catalogue lacks", None, vec![citing_gone], Err("gone-1")),
            (
                "a template checked against the catalogue it arrives with",
                Some(json(&short)),
                vec![newer],
                Err("pql-54"),
            ),
        ];
        assert!(TEMPLATES[0].1.contains(r#""version": 1"#), "the shipped template's version as the table edits it");
        for (what, catalogue, templates, expected) in table {
            match (check_bureau_data(catalogue.as_deref(), &templates, &cat), expected) {
                (Ok((c, t)), Ok((replaced, n))) => assert_eq!((c.is_some(), t.len()), (replaced, n), "{what}"),
                (Err(e), Err(says)) => assert!(e.0.contains(says), "{what}: {e}"),
                (got, want) => panic!("{what}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn catalogue_texts_mark_every_omission_and_name_parts_cited() {
        for e in builtin_catalogue().expect("catalogue").entries {
            assert!(!e.text.trim().is_empty(), "{}", e.key);
            assert!(!e.text.contains("..."), "{}: an omission is written ……", e.key);
            assert!(e.article.starts_with('第'), "{}: {}", e.key, e.article);
        }
        let cat = builtin_catalogue().expect("catalogue");
        let item = |k: &str| cat.get(k).map(|e| e.article.clone()).unwrap_or_default();
        assert_eq!(item("pql-18"), "第十八条第（四）项");
        assert_eq!(item("apl-28"), "第二十八条第一款");
        assert!(cat.get("auc-9").is_some_and(|e| e.law.contains("2025")), "false publicity: 2025 numbering");
    }
}
