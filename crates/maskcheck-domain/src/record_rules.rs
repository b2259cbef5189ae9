//! The rules a record arriving in a sync bundle must meet: the same ones typed input meets in the window and the
//! CLI, so a forged or damaged bundle cannot put into the database what no inspector could have typed. The store
//! decodes a bundle row's columns into a [`Record`]; [`validate_record`] applies the domain's validators to it.

use chrono::NaiveDate;

use crate::casework::{
    validate_case, validate_sample, validate_sample_result, CaseInput, SampleInput, SampleResultInput,
};
use crate::document::{validate_party_words, DocBody, DocContent, DocKind};
use crate::document_rules::{validate_measure, validate_notice};
use crate::field_error::{Checker, Field, FieldError, Rule, ValidationErrors};
use crate::followup::{validate_reinspection, ReinspectionInput};
use crate::inspection::{validate_for_finish, InspectionDraft};
use crate::{validate_enterprise, validate_licence, validate_product, EnterpriseInput, LicenceInput, ProductInput};

/// One free text of a record that has no input type of its own (a finding's text, a revocation's reason).
#[derive(Debug, Clone, PartialEq)]
pub struct TextField {
    pub field: Field,
    pub value: Option<String>,
    pub required: bool,
    pub max: usize,
}

/// A bundle row as the domain sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Enterprise(EnterpriseInput),
    Licence(LicenceInput),
    Product(ProductInput),
    Inspection {
        draft: Box<InspectionDraft>,
        finished: bool,
    },
    Sample {
        input: Box<SampleInput>,
        result: Option<SampleResultInput>,
    },
    Case(CaseInput),
    Reinspection(ReinspectionInput),
    /// An issued document: its frozen content and the kind and number its row files it under.
    Document {
        kind: DocKind,
        number: String,
        content: Box<DocContent>,
    },
    Rectification {
        deadline: NaiveDate,
        corrections: Vec<String>,
    },
    Texts(Vec<TextField>),
    /// A drawn spot check: the two inspectors drawn to visit the enterprise.
    SpotCheck(Vec<crate::inspection::Inspector>),
}

/// The records of a bundle are checked against the receiver's day plus one: a record made late in the evening on
/// a laptop whose clock runs a little ahead is not from the future (the one-day clock rule covers the rest).
fn tolerant(today: NaiveDate) -> NaiveDate {
    today.succ_opt().unwrap_or(today)
}

/// Checks a record by the rules its typed input meets; every broken rule is reported at once.
pub fn validate_record(record: &Record, today: NaiveDate) -> Result<(), ValidationErrors> {
    let today = tolerant(today);
    match record {
        Record::Enterprise(e) => validate_enterprise(e, today).map(drop),
        Record::Licence(l) => validate_licence(l, today).map(drop),
        Record::Product(p) => validate_product(p).map(drop),
        Record::Inspection { draft, finished: true } => validate_for_finish(draft),
        Record::Inspection { finished: false, .. } => Ok(()),
        Record::Sample { input, result } => {
            let mut errors = validate_sample(input, today).err().map(|e| e.0).unwrap_or_default();
            if let Some(Err(e)) = result.as_ref().map(validate_sample_result) {
                errors.extend(e.0);
            }
            finish(errors)
        }
        Record::Case(c) => validate_case(c, today),
        Record::Reinspection(r) => validate_reinspection(r, today),
        Record::Document { kind, number, content } => validate_document(*kind, number, content),
        Record::Rectification { deadline: _, corrections } => {
            let mut c = Checker::default();
            if corrections.iter().all(|l| l.trim().is_empty()) {
                c.push(Field::Corrections, Rule::Required, "");
            }
            for l in corrections.iter().filter(|l| !l.trim().is_empty()) {
                c.required(Field::Corrections, l, 500);
            }
            c.finish(())
        }
        Record::SpotCheck(inspectors) => {
            let mut c = Checker::default();
            crate::inspection::check_inspectors(&mut c, inspectors);
            c.finish(())
        }
        Record::Texts(texts) => {
            let mut c = Checker::default();
            for t in texts {
                match (&t.value, t.required) {
                    (Some(v), true) => drop(c.required(t.field, v, t.max)),
                    (None, true) => c.push(t.field, Rule::Required, ""),
                    (v, false) => drop(c.optional(t.field, v.as_deref(), t.max)),
                }
            }
            c.finish(())
        }
    }
}

fn finish(errors: Vec<FieldError>) -> Result<(), ValidationErrors> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}

/// An issued document: the content is what its row says it is (kind and number), and what the issuing rules
/// demanded of it holds (a notice's facts, deadline and corrections; a measure's goods, place and period; the
/// party's words under the text rule).
fn validate_document(kind: DocKind, number: &str, content: &DocContent) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    if content.body.kind() != kind {
        errors.push(FieldError::new(Field::Kind, Rule::UnknownValue, content.body.kind().as_str()));
    }
    if content.number != number || number.trim().is_empty() {
        errors.push(FieldError::new(Field::Number, Rule::UnknownValue, content.number.clone()));
    }
    let body = match &content.body {
        DocBody::RectificationNotice(n) => {
            validate_notice(n.facts.len(), n.deadline, &n.corrections, content.issued_on).map(drop)
        }
        DocBody::CoerciveMeasure(m) => validate_measure(&m.goods, &m.goods_place, m.from, m.until)
            .and_then(|_| crate::document::validate_measure_words(&m.party_words))
            .map(drop),
        // The decision it follows may not be on this device yet: what the content itself must satisfy.
        DocBody::MeasureExtension(x) => crate::measure_rules::validate_extension(
            &x.decision,
            crate::measure_rules::Followed::default(),
            x.new_until,
            &x.reason,
            content.issued_on,
        )
        .map(drop),
        DocBody::MeasureRelease(r) => crate::measure_rules::validate_release(
            &r.decision,
            crate::measure_rules::Followed::default(),
            r.released_on,
            &r.reason,
            content.issued_on,
        )
        .map(drop),
        DocBody::InspectionRecord(r) => validate_party_words(&r.party_words).map(drop),
        DocBody::SamplingRecord(s) => validate_party_words(&s.party_words).map(drop),
        DocBody::ServiceProof(_) => Ok(()),
        DocBody::ExportNotice(n) => crate::failed_chain::validate_recipients(&n.recipients).map(drop),
    };
    if let Err(e) = body {
        errors.extend(e.0);
    }
    finish(errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspection::Inspector;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn rules(record: &Record) -> Vec<(Field, Rule)> {
        match validate_record(record, d("2026-11-24")) {
            Ok(()) => Vec::new(),
            Err(e) => e.0.iter().map(|f| (f.field, f.rule)).collect(),
        }
    }

    fn text(field: Field, value: Option<&str>, required: bool) -> Record {
        Record::Texts(vec![TextField { field, value: value.map(Into::into), required, max: 10 }])
    }

    fn case(opened: &str, fines: f64) -> Record {
        Record::Case(CaseInput {
            enterprise_id: None,
            inspection_id: None,
            title: "案".into(),
            category: crate::casework::CaseCategory::Quality,
            procedure: crate::casework::Procedure::Filed,
            opened_on: d(opened),
            closed_on: None,
            fines_wan: fines,
            value_wan: 0.0,
            masks_seized_wan: 0.0,
            referred_to_police: false,
            inspectors_dispatched: 2,
            operators_checked: 1,
            penalty: None,
            published_on: None,
        })
    }

    #[test]
    fn a_record_meets_the_rules_of_its_typed_input() {
        let mut bad_uscc = EnterpriseInput::new("某口罩厂", "91350100M000100Y44");
        let good = EnterpriseInput::new("某口罩厂", "91350100M000100Y43");
        bad_uscc.founded_on = Some(d("2030-01-01"));
        let two = vec![
            Inspector { name: "甲".into(), cert_no: "A1".into() },
            Inspector { name: "乙".into(), cert_no: "A2".into() },
        ];
        let draft = |inspectors: Vec<Inspector>| InspectionDraft {
            place: "车间".into(),
            started_at: Some("2026-11-20T09:00".into()),
            ended_at: None,
            representative: "张三".into(),
            inspectors,
            answers: Default::default(),
            licences: vec![],
            intake: vec![],
            labels: vec![],
            findings: vec![],
        };
        type Case = (&'static str, Record, Vec<(Field, Rule)>);
        let table: Vec<Case> = vec![
            ("valid maker", Record::Enterprise(good.clone()), vec![]),
            (
                "forged USCC and a founding in the future",
                Record::Enterprise(bad_uscc),
                vec![(Field::Uscc, Rule::UsccCheckChar), (Field::FoundedOn, Rule::DateInFuture)],
            ),
            (
                "an empty name with a bidi override",
                Record::Enterprise(EnterpriseInput { name: "\u{202e}".into(), ..good }),
                vec![(Field::Name, Rule::InvisibleOnly)],
            ),
            (
                "a finished inspection by one inspector",
                Record::Inspection { draft: Box::new(draft(two[..1].to_vec())), finished: true },
                vec![(Field::Inspectors, Rule::TooFewInspectors)],
            ),
            (
                "a draft is not yet held to the finishing rules",
                Record::Inspection { draft: Box::new(draft(vec![])), finished: false },
                vec![],
            ),
            (
                "a finished inspection by two",
                Record::Inspection { draft: Box::new(draft(two)), finished: true },
                vec![],
            ),
            ("a case opened tomorrow (a clock a little ahead)", case("2026-11-25", 1.0), vec![]),
            ("a case opened next week", case("2026-12-01", 1.0), vec![(Field::OpenedOn, Rule::DateInFuture)]),
            ("negative fines", case("2026-11-01", -3.0), vec![(Field::Fines, Rule::NotNegative)]),
            ("a finding's text", text(Field::Findings, Some("未查验"), true), vec![]),
            ("a finding without text", text(Field::Findings, None, true), vec![(Field::Findings, Rule::Required)]),
            ("a caption with a line break", text(Field::Note, Some("a\nb"), false), vec![]),
            (
                "a reason with a zero-width space",
                text(Field::Reason, Some("重\u{200b}复"), true),
                vec![(Field::Reason, Rule::InvisibleChar)],
            ),
            (
                "too long",
                text(Field::Reason, Some("一二三四五六七八九十十一"), true),
                vec![(Field::Reason, Rule::TooLong)],
            ),
            (
                "a rectification without corrections",
                Record::Rectification { deadline: d("2026-12-01"), corrections: vec![" ".into()] },
                vec![(Field::Corrections, Rule::Required)],
            ),
        ];
        for (what, record, expected) in table {
            assert_eq!(rules(&record), expected, "{what}");
        }
    }
}
