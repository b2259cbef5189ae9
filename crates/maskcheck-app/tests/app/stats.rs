//! The statistics tables as files: every header cell against the seed's own wording, every figure against sums
//! computed here from the records, and a unit's workbook read back for the roll-up (the app's layout and the
//! seed's, typed by hand), with a bad one refused cell by cell and nothing kept.

use std::path::Path;

use calamine::{Data, Reader};
use maskcheck_app::{App, AppendixChoice, ErrorCode};
use maskcheck_domain::appendix::Period;
use maskcheck_domain::casework::{CaseCategory, LabVerdict, Procedure};
use maskcheck_domain::Role;

/// The seed notice, as shipped with the app.
fn seed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/seeds/001_a0a7767a7ceaf96b.txt");
    std::fs::read_to_string(path).expect("the seed notice ships in assets/seeds")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The header cells of a table in the seed: the tab-separated line that starts with `first`, whitespace removed.
fn seed_header(first: &str) -> Vec<String> {
    let seed = seed();
    let line = seed.lines().find(|l| l.starts_with(first)).unwrap_or_else(|| panic!("no {first} line in the seed"));
    line.split('\t').map(squeeze).filter(|c| !c.is_empty()).collect()
}

fn grid(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto(path).expect("open");
    let range = book.worksheet_range(sheet).unwrap_or_else(|e| panic!("sheet {sheet}: {e}"));
    range.rows().map(|r| r.to_vec()).collect()
}

fn num(grid: &[Vec<Data>], r: usize, c: usize) -> f64 {
    match &grid[r][c] {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("row {r} column {c} is not a number: {other:?}"),
    }
}

use maskcheck_tests::sent_reports::{hand_typed_appendix4, LABELS};

/// The three appendices in one workbook (demo records): headers as the seed words them; appendix 4's category rows
/// are sums of the cases, its 合计 the sum of the rows and of the visits counted here from the records; appendix
/// 5's failed rows carry their results and trails.
#[test]
fn all_three_appendices_in_one_workbook_agree_with_the_seed_and_with_sums_of_the_records() {
    let (dir, app) = super::app();
    app.load_demo(60, 11).expect("demo");
    // A re-inspection of three inspectors: a visit of its own.
    let open = app.followups(None, false).expect("followups");
    let f = open.first().expect("the demo orders a rectification");
    let reinspected = f.enterprise_id.clone();
    let inspectors = ["张三", "李四", "王五"]
        .iter()
        .enumerate()
        .map(|(i, n)| maskcheck_domain::inspection::Inspector { name: (*n).into(), cert_no: format!("HA000{i}") })
        .collect();
    let verified = f
        .corrections
        .iter()
        .map(|c| maskcheck_domain::followup::VerifiedCorrection {
            correction: c.clone(),
            done: false,
            note: String::new(),
        })
        .collect();
    app.reinspect(&maskcheck_domain::followup::ReinspectionInput {
        rectification_id: f.rectification_id.clone(),
        date: maskcheck_app::today(),
        inspectors,
        verified,
        note: "尚未整改完毕".into(),
    })
    .expect("re-inspect");
    let path = dir.path().join("附件3-5.xlsx");
    app.export_appendix(AppendixChoice::All, Period::default(), None, &path).expect("all three");
    let names = calamine::open_workbook_auto(&path).expect("open").sheet_names().to_vec();
    assert_eq!(names, ["附件3", "附件4", "附件5"]);

    // Appendix 4: title, unit line, the header cell by cell as in the seed.
    let a4 = grid(&path, "附件4");
    assert_eq!(a4[0][0].to_string(), "口罩案件查处情况统计表");
    assert!(a4[1][0].to_string().starts_with("填报单位（盖章）："), "{}", a4[1][0]);
    let header: Vec<String> = a4[2].iter().map(|c| squeeze(&c.to_string())).collect();
    assert_eq!(header, seed_header("查办案件情况"), "appendix 4's header is the seed's, character for character");
    for (i, want) in LABELS.iter().enumerate() {
        assert_eq!(a4[3 + i][0].to_string(), *want);
    }
    let seed_rows: Vec<String> =
        seed().lines().skip_while(|l| !l.starts_with("查办案件情况")).skip(1).take(8).map(squeeze).collect();
    assert_eq!(seed_rows, LABELS, "and its rows the seed's");

    let cases: Vec<_> = app.cases().expect("cases").into_iter().map(|c| c.input).collect();
    let categories = [
        CaseCategory::Price,
        CaseCategory::Quality,
        CaseCategory::UnfairCompetition,
        CaseCategory::IntellectualProperty,
        CaseCategory::DrugDeviceQualification,
        CaseCategory::FalseAdvertising,
        CaseCategory::Other,
    ];
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let mut total = [0.0f64; 7];
    for (i, cat) in categories.iter().enumerate() {
        let of: Vec<_> = cases.iter().filter(|c| c.category == *cat).collect();
        assert_eq!(a4[3 + i][1], Data::Empty, "visits belong to 合计 only");
        let want = [
            of.len() as f64,
            of.iter().filter(|c| c.procedure == Procedure::Filed).count() as f64,
            of.iter().filter(|c| c.closed_on.is_some()).count() as f64,
            round(of.iter().map(|c| c.fines_wan).sum()),
            round(of.iter().map(|c| c.value_wan).sum()),
            round(of.iter().map(|c| c.masks_seized_wan).sum()),
            of.iter().filter(|c| c.referred_to_police).count() as f64,
        ];
        for (c, w) in want.iter().enumerate() {
            assert_eq!(num(&a4, 3 + i, 3 + c), *w, "{cat:?} column {}", 3 + c);
            total[c] += w;
        }
        assert!(num(&a4, 3 + i, 4) <= num(&a4, 3 + i, 3), "立案 ≤ 查办");
    }
    for (c, w) in total.iter().enumerate() {
        assert_eq!(num(&a4, 10, 3 + c), round(*w), "合计 column {}", 3 + c);
    }
    // 出动执法人员: every inspector of every finished inspection, re-inspection and sampling visit of its own;
    // 检查经营者数: one operator checked per visit (累计). Counted here from the app's lists and the
    // re-inspection this test made.
    let mut inspectors = 0usize;
    let mut operators = Vec::new();
    for row in app.list_inspections(None, false).expect("inspections") {
        if row.finished {
            inspectors += app.inspection(&row.id).expect("inspection").draft.inspectors.len();
            operators.push(row.enterprise_id.clone());
        }
    }
    for s in app.samples(None).expect("samples") {
        if s.input.inspection_id.is_none() {
            inspectors += s.input.samplers.len();
            operators.push(s.input.enterprise_id.clone());
        }
    }
    // The demo re-inspects nothing; the re-inspection made above is one visit of three.
    inspectors += 3;
    operators.push(reinspected);
    assert_eq!(num(&a4, 10, 1), inspectors as f64, "出动执法人员");
    assert_eq!(num(&a4, 10, 2), operators.len() as f64, "检查经营者数");

    // Appendix 5: the header as in the seed (whose last cell is the 填报时间 line beside the table).
    let a5 = grid(&path, "附件5");
    let header: Vec<String> = a5[2].iter().map(|c| squeeze(&c.to_string())).collect();
    let mut seed5 = seed_header("序号\t产品名称");
    assert_eq!(seed5.pop().as_deref(), Some("填报时间："), "the seed's date line, printed above the table here");
    assert_eq!(header, seed5, "appendix 5's header is the seed's, character for character");
    assert!(a5[1].iter().any(|c| c.to_string().starts_with("填报时间：")), "{:?}", a5[1]);
    let samples = app.samples(None).expect("samples");
    assert_eq!(a5.len() - 3, samples.len());
    let failed: Vec<_> =
        samples.iter().filter(|s| s.result.as_ref().is_some_and(|r| r.verdict == LabVerdict::Fail)).collect();
    let failed_rows: Vec<&Vec<Data>> = a5[3..].iter().filter(|r| r[4] == "不合格").collect();
    assert_eq!(failed_rows.len(), failed.len());
    for s in &failed {
        let r = s.result.as_ref().expect("result");
        let row = failed_rows.iter().find(|row| row[5].to_string() == r.failing_items).expect("its row");
        assert_eq!(row[6].to_string(), r.nonconforming_quantity.map(|q| q.to_string()).unwrap_or_default());
        assert_eq!(row[7].to_string(), "是", "the trail shows buyers");
        assert_eq!(row[8].to_string(), r.market_direction);
        assert!(row[9].to_string().contains("责令停止销售"), "{:?}", row[9]);
    }

    // Appendix 3: each maker with its latest inspection.
    let a3 = grid(&path, "附件3");
    assert_eq!(a3[0][0].to_string(), "非医用口罩生产企业情况统计表");
    assert!(a3[3..].iter().any(|r| r[14].to_string().contains("检查，")), "检查情况 from the inspections");

    // One appendix alone is one sheet.
    let one = dir.path().join("附件4.xlsx");
    assert_eq!(app.export_appendix(AppendixChoice::Four, Period::default(), None, &one).expect("4").rows, 8);
    assert_eq!(calamine::open_workbook_auto(&one).expect("open").sheet_names(), ["附件4"]);
    assert_eq!(AppendixChoice::parse("6").expect_err("no appendix 6").code, ErrorCode::Validation);
}

fn bureau() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    let mut p = maskcheck_app::bureau_person("局端", "HA9900", Role::Bureau);
    p.unit_name = "新乡市市场监督管理局".into();
    p.county = "新乡市".into();
    app.setup(p).expect("setup");
    (dir, app)
}

/// The city reads a county's workbook made by this app and one typed by hand in the seed's layout; the roll-up is
/// their sum beside each unit's figures, and lists the unit that has not reported. A hand-typed table whose 合计
/// is wrong is refused with its row and column named, and nothing is kept; an inspector cannot roll up at all.
#[test]
fn a_city_adds_up_two_counties_workbooks_and_refuses_a_wrong_total() {
    let (dir, city) = bureau();
    // 卫滨区 runs the app: its own appendix 4 from its records.
    let (_weibin_dir, weibin) = super::app();
    weibin.load_demo(30, 5).expect("demo");
    let made = dir.path().join("卫滨区附件4.xlsx");
    weibin.export_appendix(AppendixChoice::Four, Period::default(), None, &made).expect("export");
    let weibin_rows = weibin.appendix4(Period::default(), None).expect("figures");
    // 红旗区 typed its table by hand.
    let typed = dir.path().join("红旗区附件4.xlsx");
    hand_typed_appendix4(&typed, "红旗区市场监督管理局", (3.0, 2.0, 1.0, 1.25), (3.0, 2.0, 1.0, 1.25));

    let preview = city.preview_sent_report(&typed, Period::default(), None).expect("preview");
    assert_eq!(preview.errors.len(), 0, "{:?}", preview.errors);
    assert_eq!(preview.unit, "红旗区市场监督管理局");
    let total = preview.appendix4.as_ref().and_then(|a| a.last().cloned()).expect("合计");
    assert_eq!(
        (total.cases, total.filed, total.fines_wan, total.inspectors, total.operators),
        (3, 2, 1.25, Some(12), Some(5))
    );
    assert_eq!(city.rollup(Period::default()).expect("rollup").units.len(), 0, "a preview keeps nothing");
    city.apply_sent_report(&typed, Period::default(), None).expect("apply");
    city.apply_sent_report(&made, Period::default(), None).expect("apply the app's");

    let rollup = city.rollup(Period::default()).expect("rollup");
    let units: Vec<&str> = rollup.units.iter().map(|u| u.unit.as_str()).collect();
    assert_eq!(units, ["卫滨区市场监督管理局", "红旗区市场监督管理局"]);
    let sum = rollup.total.last().expect("合计");
    let w = weibin_rows.last().expect("卫滨区 合计");
    assert_eq!(sum.cases, w.cases + 3);
    assert_eq!(sum.filed, w.filed + 2);
    assert_eq!(sum.inspectors, Some(w.inspectors.unwrap_or(0) + 12));
    assert!((sum.fines_wan - ((w.fines_wan + 1.25) * 100.0).round() / 100.0).abs() < 1e-9);
    for (i, row) in rollup.total.iter().enumerate() {
        let by_units: u32 = rollup.units.iter().map(|u| u.appendix4[i].cases).sum();
        assert_eq!(row.cases, by_units, "row {i} is the sum of the units'");
    }
    assert!(rollup.missing.is_empty(), "the city knows no other unit yet: {:?}", rollup.missing);

    // A second copy with a wrong 合计: refused, its cells named, nothing replaced.
    let wrong = dir.path().join("红旗区附件4-改.xlsx");
    hand_typed_appendix4(&wrong, "红旗区市场监督管理局", (3.0, 4.0, 1.0, 1.25), (2.0, 4.0, 1.0, 1.25));
    let preview = city.preview_sent_report(&wrong, Period::default(), None).expect("preview");
    let named: Vec<(u32, &str)> = preview.errors.iter().map(|e| (e.row, e.column.as_str())).collect();
    assert!(named.contains(&(6, "其中：立案(件)")), "立案 above 查办 on the 质量类 row (Excel row 6): {named:?}");
    assert!(named.contains(&(12, "查办案件(件)(包括立案和简易案件)")), "合计 not the sum (row 12): {named:?}");
    assert!(preview.replaces.is_some(), "it would replace the earlier one");
    let db = dir.path().join("maskcheck.db");
    let before = std::fs::read(&db).expect("db");
    let err = city.apply_sent_report(&wrong, Period::default(), None).expect_err("refused");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("红旗区附件4-改.xlsx") && err.message.contains("第"), "{}", err.message);
    assert_eq!(std::fs::read(&db).expect("db"), before, "a refusal writes nothing");
    assert_eq!(city.rollup(Period::default()).expect("rollup").total.last().expect("合计").cases, sum.cases);

    // The roll-up as the city sends it up: appendix 4 the sum, appendix 5 every unit's rows.
    let out = dir.path().join("新乡市附件4-5.xlsx");
    city.export_rollup(Period::default(), &out).expect("export");
    let a4 = grid(&out, "附件4");
    assert_eq!(num(&a4, 10, 3), f64::from(sum.cases));

    // An inspector's laptop does not roll up.
    let err = weibin.rollup(Period::default()).expect_err("inspector");
    assert_eq!(err.code, ErrorCode::BureauOnly);
    // A file that holds neither table says so, naming the file.
    let roster = dir.path().join("roster.xlsx");
    weibin.export_roster(&roster.display().to_string(), false).expect("roster");
    let err = city.preview_sent_report(&roster, Period::default(), None).expect_err("not a report");
    assert_eq!(err.code, ErrorCode::UnreadableFile);
    assert!(err.message.contains("roster.xlsx"), "{}", err.message);
}
