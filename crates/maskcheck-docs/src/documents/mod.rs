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
fn citations(facts: &[Fact]) -> Vec<&Citation> {
    let mut out: Vec<&Citation> = Vec::new();
    for c in facts.iter().flat_map(|f| &f.bases) {
        if !out.iter().any(|o| o.citation == c.citation) {
            out.push(c);
        }
    }
    out
}

fn cited(list: &[&Citation]) -> String {
    list.iter().map(|c| c.citation.as_str()).collect::<Vec<_>>().join("、")
}

fn fact_line(f: &Fact) -> String {
    if f.bases.is_empty() {
        f.text.clone()
    } else {
        let refs = f.bases.iter().map(|b| b.citation.as_str()).collect::<Vec<_>>().join("、");
        format!("{}（涉嫌违反{refs}）", f.text.trim_end_matches('。'))
    }
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
