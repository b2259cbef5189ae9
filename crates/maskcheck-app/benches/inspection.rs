//! Opening a large inspection (50 checklist items answered, 30 intake rows, 40 photos) and autosaving one answer.
//! `cargo bench -p maskcheck-app --bench inspection`

use criterion::{criterion_group, criterion_main, Criterion};
use maskcheck_app::App;
use maskcheck_domain::inspection::{IntakeRow, ItemAnswer, Material, Verdict};

fn big_inspection(app: &App, dir: &std::path::Path) -> String {
    app.load_demo(20, 3).expect("demo");
    let id = app.list_enterprises(Default::default()).expect("list").rows[0].id.clone();
    let started = app.start_inspection(&id, "nonMedicalMaker", None).expect("start");
    let mut d = started.draft;
    for i in 0..50 {
        d.answers.insert(
            format!("extra.{i}"),
            ItemAnswer { verdict: Some(Verdict::Pass), note: Some(format!("第{i}项")), value: None },
        );
    }
    for i in 0..30 {
        d.intake.push(IntakeRow {
            id: format!("r{i}"),
            material: Material::Meltblown,
            supplier: format!("供应商{i}"),
            batch: format!("MB{i:04}"),
            quantity: Some(1.0),
            unit: "吨".into(),
            received_on: None,
            certificate_seen: true,
            report_seen: i % 3 != 0,
            claimed_filtration: Some(95.0),
            record_ok: true,
            note: None,
        });
    }
    app.save_inspection(&started.id, d).expect("save");
    for i in 0..40u32 {
        let p = dir.join(format!("p{i}.jpg"));
        image::RgbImage::from_fn(1600, 1200, |x, y| image::Rgb([(x + i) as u8, y as u8, (i * 5) as u8]))
            .save(&p)
            .expect("jpg");
        app.attach_photo(&started.id, "labels", &p.display().to_string(), "").expect("photo");
    }
    started.id
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::open(dir.path()).expect("open");
    let id = big_inspection(&app, dir.path());
    let opened = app.inspection(&id).expect("open");
    assert_eq!((opened.draft.intake.len(), opened.photos.len()), (30, 40));
    c.bench_function("open inspection (50 answers, 30 intake rows, 40 photos)", |b| {
        b.iter(|| app.inspection(&id).expect("open"))
    });
    let mut draft = opened.draft;
    let mut n = 0u64;
    c.bench_function("autosave one answer (findings re-proposed)", |b| {
        b.iter(|| {
            n += 1;
            draft.answers.insert(
                "outbound.records".into(),
                ItemAnswer { verdict: Some(Verdict::Pass), note: Some(n.to_string()), value: None },
            );
            app.save_inspection(&id, draft.clone()).expect("save")
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
