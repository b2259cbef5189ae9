//! Builds inspectors' years for the sync benchmarks (`scripts/bench-sync.sh`): LAPTOPS laptops enrolled with one
//! bureau, each with INSPECTIONS finished inspections (one finding each, an on-site record and a rectification
//! notice each) and PHOTOS photos of about 400 KB; then exports each laptop's bundle for the bureau
//! (`year.mcb`, `year-2.mcb` …) and, for the bare peers, the same rows as JSON (`rows.json`, `rows-2.json` …).
//!
//! `cargo run --release -p maskcheck-app --example sync_year -- OUT INSPECTIONS PHOTOS [LAPTOPS]`

use std::path::{Path, PathBuf};

use maskcheck_app::{App, IssueRequest};
use maskcheck_domain::inspection::{Finding, Inspector};
use maskcheck_domain::sample::{sample_enterprise, SampleRng};
use maskcheck_domain::Role;

/// A PNG of noise of about 400 KB (noise does not compress), different for each `n`.
fn photo(dir: &Path, n: u32) -> PathBuf {
    let mut rng = SampleRng::new(u64::from(n) + 1);
    let side = 365;
    let img = image::RgbImage::from_fn(side, side, |_, _| {
        let v = rng.next_u64();
        image::Rgb([v as u8, (v >> 8) as u8, (v >> 16) as u8])
    });
    let path = dir.join(format!("photo-{n}.png"));
    img.save(&path).expect("png");
    path
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = PathBuf::from(args.get(1).expect("OUT"));
    let inspections: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(400);
    let photos: u32 = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let laptops: u32 = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(1);
    let _ = std::fs::remove_dir_all(&out);
    let bureau_dir = out.join("bureau0");
    std::fs::create_dir_all(&bureau_dir).expect("dir");
    let bureau = App::open(&bureau_dir).expect("bureau");
    bureau.setup(maskcheck_app::bureau_person("局端", "HA9000", Role::Bureau)).expect("setup");
    for n in 1..=laptops {
        let suffix = if n == 1 { String::new() } else { format!("-{n}") };
        one_laptop(&out, &bureau, &bureau_dir, &suffix, n, inspections, photos);
    }
}

#[allow(clippy::too_many_arguments)]
/// Laptop `n`: enrolled, its year made, its bundle exported as `year{suffix}.mcb` with `rows{suffix}.json`.
fn one_laptop(out: &Path, bureau: &App, bureau_dir: &Path, suffix: &str, n: u32, inspections: u32, photos: u32) {
    let (laptop_dir, raw) = (out.join(format!("laptop{suffix}")), out.join(format!("raw{suffix}")));
    for d in [&laptop_dir, &raw] {
        std::fs::create_dir_all(d).expect("dir");
    }
    let laptop = App::open(&laptop_dir).expect("laptop");
    laptop.setup(maskcheck_app::bureau_person("张三", &format!("HA{n:04}"), Role::Inspector)).expect("setup");
    let card = out.join(format!("card{suffix}.json"));
    laptop.write_identity(&card).expect("card");
    let laptop_id = bureau.enrol_device(&card).expect("enrol").id;
    let first = out.join(format!("first{suffix}.mcb"));
    bureau.export_bundle(&first, Some(&laptop_id)).expect("first");
    let fp = bureau.device_show().expect("bureau").fingerprint_groups;
    laptop.import_bundle(&first, Some(&fp)).expect("accept");

    let mut rng = SampleRng::new(7 + u64::from(n));
    let per = photos.div_ceil(inspections.max(1));
    let mut made = 0;
    for i in 0..inspections {
        let mut e = sample_enterprise(&mut rng, u64::from(n) * 100_000 + u64::from(i) + 1);
        e.county = Some("卫滨区".into());
        let id = laptop.create_enterprise(e).expect("enterprise").id;
        let started = laptop.start_inspection(&id, "nonMedicalMaker", None).expect("start");
        while made < photos && made < per * (i + 1) {
            let p = photo(&raw, made);
            laptop.attach_photo(&started.id, "general", &p.display().to_string(), "现场").expect("photo");
            made += 1;
        }
        let mut d = started.draft;
        d.place = "生产车间".into();
        d.representative = "王五（厂长）".into();
        d.inspectors[1] = Inspector { name: "李四".into(), cert_no: format!("HB{n:04}") };
        d.findings.push(Finding {
            key: "manual:1".into(),
            text: "成品仓库口罩未分区存放。".into(),
            law: Default::default(),
            confirmed: true,
            edited: true,
        });
        let mut d = laptop.save_inspection(&started.id, d).expect("save");
        for f in &mut d.findings {
            f.confirmed = true;
        }
        laptop.save_inspection(&started.id, d).expect("confirm");
        laptop.finish_inspection(&started.id).expect("finish");
        laptop
            .issue_document(&IssueRequest::InspectionRecord {
                inspection_id: started.id.clone(),
                party_words: Default::default(),
            })
            .expect("record");
        laptop
            .issue_document(&IssueRequest::RectificationNotice {
                inspection_id: started.id.clone(),
                deadline: None,
                corrections: vec!["立即分区存放。".into()],
            })
            .expect("notice");
    }
    let bundle = out.join(format!("year{suffix}.mcb"));
    let r = laptop.export_bundle(&bundle, None).expect("export");
    // The bare peers' inputs: the same rows (read back from the bundle with the bureau's key) and the same files.
    let identity: age::x25519::Identity =
        std::fs::read_to_string(bureau_dir.join("device.age")).expect("key").trim().parse().expect("identity");
    /// Keeps the pages of rows; the files are already on disk for the plain copy.
    struct Pages(Vec<u8>);
    impl maskcheck_sync::AttachmentSink for Pages {
        fn create(&mut self, _: &str) -> std::io::Result<Box<dyn std::io::Write + '_>> {
            Ok(Box::new(std::io::sink()))
        }
        fn keep(&mut self, _: &str) -> std::io::Result<()> {
            Ok(())
        }
        fn records(&mut self) -> std::io::Result<Box<dyn std::io::Write + '_>> {
            Ok(Box::new(&mut self.0))
        }
    }
    let f = std::io::BufReader::new(std::fs::File::open(&bundle).expect("bundle"));
    let mut pages = Pages(Vec::new());
    maskcheck_sync::read_bundle(f, &identity, &mut pages).expect("read back");
    let mut all = Vec::new();
    for page in maskcheck_sync::read_pages(pages.0.as_slice()) {
        all.extend(page.expect("page").rows);
    }
    let rows = serde_json::to_vec(&all).expect("json");
    std::fs::write(out.join(format!("rows{suffix}.json")), rows).expect("rows");
    println!(
        "{}: {} rows, {} attachments, {} bytes; photos in {}",
        bundle.display(),
        r.rows,
        r.attachments,
        std::fs::metadata(&bundle).map(|m| m.len()).unwrap_or(0),
        laptop_dir.join("attachments").display()
    );
}
