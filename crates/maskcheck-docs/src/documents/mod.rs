//! Builders: issued content → layout model, one file per document kind. Every word comes from the content
//! (which the app fills from the records); nothing here is retyped by a user.

mod coercive;
mod inspection_record;
mod notice;
mod sampling;
mod service;

use maskcheck_domain::document::{zh_date, Citation, DocBody, DocContent, Fact, Person};

use crate::model::DocModel;

pub fn build_model(c: &DocContent) -> DocModel {
    match &c.body {
        DocBody::InspectionRecord(b) => inspection_record::model(c, b),
        DocBody::RectificationNotice(b) => notice::model(c, b),
        DocBody::CoerciveMeasure(b) => coercive::model(c, b),
        DocBody::SamplingRecord(b) => sampling::model(c, b),
        DocBody::ServiceProof(b) => service::model(c, b),
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

fn cited(list: &[&Citation]) -> String {
    list.iter().map(|c| c.citation.as_str()).collect::<Vec<_>>().join("、")
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

fn appeal(c: &DocContent, what: &str) -> String {
    format!(
        "如不服本{what}，可以在收到本{what}之日起六十日内向{}申请行政复议，也可以在六个月内依法向{}提起行政诉讼。",
        c.issuer.reconsideration_body, c.issuer.court
    )
}

fn issued(c: &DocContent) -> String {
    zh_date(c.issued_on)
}
