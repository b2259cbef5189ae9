//! The campaign board measured from the records, its statuses and evidence; the 双随机 draw: previewed, kept, re-run
//! to the same list, refused on an inspector's laptop.

use maskcheck_app::{AppendixChoice, ErrorCode, Evidence, EvidenceKind, TaskStatusInput};
use maskcheck_domain::campaign::{Light, TaskMeasure, TaskStatus};
use maskcheck_domain::inspection::Inspector;
use maskcheck_domain::spot_check::{DrawCriteria, DrawSize};
use maskcheck_domain::{EnterpriseKind, EnterpriseQuery, Role};

fn people() -> Vec<Inspector> {
    ["张三:HA0001", "李四:HA0002", "王五:HA0003"]
        .iter()
        .map(|p| {
            let (name, cert) = p.split_once(':').expect("pair");
            Inspector { name: name.into(), cert_no: cert.into() }
        })
        .collect()
}

/// The survey task counts the unit's non-medical makers and those inspected, computed here from the roster and
/// the inspections; marking a task done turns it green and keeps its note and evidence (a file by its hash).
#[test]
fn the_board_measures_the_survey_from_the_records_and_keeps_status_and_evidence() {
    let (dir, app) = super::app();
    // Three non-medical makers and a seller in the unit's county, a maker elsewhere; one maker inspected.
    let check = |first17: &str| format!("{first17}{}", maskcheck_domain::uscc::check_char(first17).expect("check"));
    let mut ids = Vec::new();
    for (i, (county, kind)) in [
        ("卫滨区", EnterpriseKind::Maker),
        ("卫滨区", EnterpriseKind::Maker),
        ("卫滨区", EnterpriseKind::Maker),
        ("卫滨区", EnterpriseKind::Seller),
        ("红旗区", EnterpriseKind::Maker),
    ]
    .into_iter()
    .enumerate()
    {
        let mut e = maskcheck_domain::EnterpriseInput::new(
            format!("新乡市{county}第{i}口罩厂"),
            check(&format!("91410703MA100007{i}")),
        );
        e.county = Some(county.into());
        e.kind = kind;
        e.new_county = Some(true);
        ids.push(app.create_enterprise(e).expect("enterprise").id);
    }
    maskcheck_tests::records::finished_inspection(&app, &ids[0]);
    let county = "卫滨区";
    let page = app
        .list_enterprises(EnterpriseQuery {
            county: Some(county.into()),
            kind: Some(EnterpriseKind::Maker),
            limit: 1000,
            ..Default::default()
        })
        .expect("makers");
    let makers: Vec<_> = page.rows.iter().filter(|r| !r.medical).collect();
    let inspected: std::collections::BTreeSet<String> = app
        .list_inspections(None, false)
        .expect("inspections")
        .into_iter()
        .filter(|i| i.finished)
        .map(|i| i.enterprise_id)
        .collect();
    let want_done = makers.iter().filter(|m| inspected.contains(&m.id)).count() as u32;

    let board = app.campaign_board(None).expect("board");
    assert_eq!(board.unit, "卫滨区市场监督管理局");
    assert_eq!(board.tasks.len(), 15);
    let survey = board.tasks.iter().find(|t| t.task.key == "nm02").expect("survey");
    let m = survey.measured.iter().find(|m| m.measure == TaskMeasure::MakersInspected).expect("measured");
    assert_eq!((m.progress.done, m.progress.of), (want_done, makers.len() as u32));
    assert_eq!((m.progress.done, m.progress.of), (1, 3), "three makers of {county}, one inspected");
    assert_eq!(survey.light, if m.progress.complete() { Light::Done } else { Light::Overdue }, "due 2021-04-10");

    let evidence = dir.path().join("排查情况汇报.txt");
    std::fs::write(&evidence, "全面排查已完成").expect("file");
    let row = app
        .set_task_status(&TaskStatusInput {
            task_key: "nm01".into(),
            unit: None,
            status: TaskStatus::Done,
            note: "已成立工作专班".into(),
            evidence: vec![Evidence {
                kind: EvidenceKind::Record,
                reference: "卫市监〔2026〕1号".into(),
                label: "实施方案".into(),
            }],
            file: Some(evidence.display().to_string()),
        })
        .expect("set");
    assert_eq!((row.status, row.light), (TaskStatus::Done, Light::Done));
    assert_eq!(row.evidence.len(), 2);
    let file = row.evidence.iter().find(|e| e.kind == EvidenceKind::File).expect("file evidence");
    assert_eq!(file.label, "排查情况汇报.txt");
    let kept = dir.path().join("attachments").join(&file.reference[..2]).join(&file.reference);
    assert_eq!(std::fs::read_to_string(kept).expect("kept by its hash"), "全面排查已完成");
    let again = app.campaign_board(None).expect("board");
    assert_eq!(again.tasks.iter().find(|t| t.task.key == "nm01").map(|t| t.note.as_str()), Some("已成立工作专班"));

    let unknown = TaskStatusInput {
        task_key: "nm99".into(),
        unit: None,
        status: TaskStatus::Done,
        note: String::new(),
        evidence: vec![],
        file: None,
    };
    assert_eq!(app.set_task_status(&unknown).expect_err("no such task").code, ErrorCode::NotFound);
    // An inspector draws nothing.
    let req = maskcheck_app::DrawRequest {
        title: "十一月双随机".into(),
        seed: Some("7".into()),
        criteria: DrawCriteria::default(),
        size: DrawSize::Count(3),
        inspectors: people(),
    };
    assert_eq!(app.commit_draw(&req).expect_err("inspector").code, ErrorCode::BureauOnly);
    let _ = AppendixChoice::All;
}

/// A bureau previews a draw with a seed, keeps it, and the same seed gives the same list when re-run from the
/// record; the plan is on the board and counts the drawn enterprises visited since.
#[test]
fn a_draw_is_previewed_kept_and_re_run_to_the_same_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = maskcheck_app::App::open(dir.path()).expect("open");
    app.setup(maskcheck_app::bureau_person("局端", "HA9900", Role::Bureau)).expect("setup");
    app.load_demo(80, 3).expect("demo");
    let req = maskcheck_app::DrawRequest {
        title: "2026年11月经营企业双随机检查".into(),
        seed: Some("20261124".into()),
        criteria: DrawCriteria { counties: vec![], kinds: vec![EnterpriseKind::Seller] },
        size: DrawSize::Percent(20),
        inspectors: people(),
    };
    let preview = app.preview_draw(&req).expect("preview");
    assert_eq!(preview.seed, "20261124");
    assert!(preview.candidates > 0 && !preview.checks.is_empty());
    assert_eq!(preview.checks.len(), (preview.candidates as usize * 20).div_ceil(100));
    assert!(app.spot_plans().expect("plans").is_empty(), "a preview keeps nothing");
    let plan = app.commit_draw(&req).expect("commit");
    let kept: Vec<&str> = plan.checks.iter().map(|c| c.enterprise_id.as_str()).collect();
    let previewed: Vec<&str> = preview.checks.iter().map(|c| c.enterprise_id.as_str()).collect();
    assert_eq!(kept, previewed, "the same seed draws the same list");
    assert!(plan.can_verify);
    let verified = app.verify_draw(&plan.plan_id).expect("verify");
    assert!(verified.same, "re-run from the record");
    let bad_seed = maskcheck_app::DrawRequest { seed: Some("七".into()), ..req.clone() };
    assert_eq!(app.preview_draw(&bad_seed).expect_err("seed").code, ErrorCode::Validation);
    let board = app.campaign_board(None).expect("board");
    let sampling = board.tasks.iter().find(|t| t.task.key == "nm03").expect("nm03");
    let planned = sampling.measured.iter().find(|m| m.measure == TaskMeasure::PlanVisited).expect("plan measure");
    let in_unit = plan.checks.iter().filter(|c| c.county.as_deref() == Some("卫滨区")).count() as u32;
    assert_eq!(planned.progress.of, in_unit, "the unit's county's drawn checks");
}
