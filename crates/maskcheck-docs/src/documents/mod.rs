//! Builders: issued content → layout model, one file per document kind. Every word comes from the content
//! (which the app fills from the records); nothing here is retyped by a user.

mod coercive;
mod export_notice;
mod inspection_record;
mod measure_followups;
mod notice;
mod sampling;
mod service;

use maskcheck_domain::document::{zh_date, Citation, DocBody, DocContent, Fact, PartyWords, Person};

use crate::model::{Block, DocModel};

pub fn build_model(c: &DocContent) -> DocModel {
    match &c.body {
        DocBody::InspectionRecord(b) => inspection_record::model(c, b),
        DocBody::RectificationNotice(b) => notice::model(c, b),
        DocBody::CoerciveMeasure(b) => coercive::model(c, b),
        DocBody::SamplingRecord(b) => sampling::model(c, b),
        DocBody::ServiceProof(b) => service::model(c, b),
        DocBody::MeasureExtension(b) => measure_followups::extension(c, b),
        DocBody::MeasureRelease(b) => measure_followups::release(c, b),
        DocBody::ExportNotice(b) => export_notice::model(c, b),
    }
}

fn people(list: &[Person]) -> String {
    list.iter().map(|p| format!("{}（执法证号：{}）", p.name, p.cert_no)).collect::<Vec<_>>().join("、")
}

/// Distinct citations of the facts, in first-seen order.
/// Each citation once, in order of first appearance.
fn unique<'a>(list: impl IntoIterator<Item = &'a Citation>) -> Vec<&'a Citation> {
    let mut out: Vec<&Citation> = Vec::new();
    for c in list {
        if !out.iter().any(|o| o.citation == c.citation) {
            out.push(c);
        }
    }
    out
}

/// Every provision the facts cite (duties, then order powers), for the appendix of texts.
fn citations(facts: &[Fact]) -> Vec<&Citation> {
    unique(facts.iter().flat_map(|f| &f.duty).chain(facts.iter().filter_map(|f| f.order.as_ref())))
}

/// `《中华人民共和国行政强制法》第二十四条、第二十五条`: a law named once for its consecutive articles.
fn cited(list: &[&Citation]) -> String {
    let mut out = String::new();
    let mut last_law = "";
    for (i, c) in list.iter().enumerate() {
        let (law, article) = split_citation(&c.citation);
        if i > 0 {
            out.push('、');
        }
        if law != last_law || law.is_empty() {
            out.push_str(law);
        }
        out.push_str(article);
        last_law = law;
    }
    out
}

/// `《…》（2018年修正）` and `第二十七条`: the law with its edition note, and the article.
fn split_citation(c: &str) -> (&str, &str) {
    let Some(close) = c.find('》').map(|i| i + '》'.len_utf8()) else { return ("", c) };
    let rest = &c[close..];
    let law_end = if rest.starts_with('（') { rest.find('）').map(|i| close + i + '）'.len_utf8()) } else { None };
    c.split_at(law_end.unwrap_or(close))
}

fn fact_line(f: &Fact) -> String {
    f.text.clone()
}

/// `第1、3项`: the numbers of the listed facts that `pick` selects.
fn item_numbers(facts: &[Fact], pick: impl Fn(&Fact) -> bool) -> Vec<usize> {
    facts.iter().enumerate().filter(|(_, f)| pick(f)).map(|(i, _)| i + 1).collect()
}

fn items_zh(numbers: &[usize]) -> String {
    format!("第{}项", numbers.iter().map(usize::to_string).collect::<Vec<_>>().join("、"))
}

/// The party's line, then one line per inspector with the certificate number (each signs their own).
fn sign_lines(party: &str, inspectors: &[Person]) -> Vec<String> {
    let mut lines = vec![party.to_string()];
    lines.extend(inspectors.iter().map(|p| format!("执法人员（执法证号：{}）签名：", p.cert_no)));
    lines
}

/// A blank line the party writes on by hand.
const WRITE_IN: &str = "＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿";

/// What the party said, as recorded when printing, or a blank line to write it by hand: never a pre-printed answer.
fn said(words: Option<&str>) -> Block {
    match words {
        Some(w) => Block::Plain(w.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")),
        None => Block::Plain(WRITE_IN.into()),
    }
}

/// The close of a record the party signs: its opinion (recorded or written by hand), then the signature lines —
/// the party's (or the note that it refused, 行政强制法第十八条第（八）项), each inspector's, and a witness's for a
/// party that refused or was absent (第（九）项).
fn party_sign_off(label: &str, words: &PartyWords, party: &str, inspectors: &[Person]) -> Vec<Block> {
    let party_line = if words.absent {
        "当事人不在场（执法人员注明）：".to_string()
    } else if words.refused_to_sign {
        "当事人拒绝签名或盖章（执法人员注明）：".to_string()
    } else {
        format!("{party}（签名或盖章）：")
    };
    let mut lines = sign_lines(&party_line, inspectors);
    lines.push(match &words.witness {
        Some(name) => format!("见证人{name}签名："),
        None => "见证人（当事人拒绝签名或不在场时）签名：".into(),
    });
    vec![Block::Plain(label.into()), said(words.opinion.as_deref()), Block::SignLines(lines)]
}

fn appeal(c: &DocContent, what: &str) -> String {
    format!(
        "如不服本{what}，可以在收到本{what}之日起六十日内向{}申请行政复议，也可以在六个月内依法向{}提起行政诉讼。",
        c.issuer.reconsideration_body, c.issuer.court
    )
}

fn issued(c: &DocContent) -> String {
    zh_date(c.issued_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_law_is_named_once_for_its_consecutive_articles() {
        let c = |s: &str| Citation { citation: s.into(), text: String::new() };
        let list = [
            c("《中华人民共和国行政强制法》第二十四条"),
            c("《中华人民共和国行政强制法》第二十五条"),
            c("《医疗器械监督管理条例》（国务院令第739号）第十三条"),
            c("《中华人民共和国产品质量法》（2018年修正）第二十七条"),
        ];
        let refs: Vec<&Citation> = list.iter().collect();
        assert_eq!(
            cited(&refs),
            "《中华人民共和国行政强制法》第二十四条、第二十五条、《医疗器械监督管理条例》（国务院令第739号）第十三条、《中华人民共和国产品质量法》（2018年修正）第二十七条"
        );
    }
}
