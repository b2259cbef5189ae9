//! Writes a PDF of each document kind (from `samples`) into the directory given, for review and for
//! `docs/samples/` (`scripts/render-samples.sh` turns every page into PNG).

use maskcheck_docs::{render, samples};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/samples".into()));
    std::fs::create_dir_all(&out)?;
    let docs = [
        ("inspection-record", samples::inspection_record()),
        ("rectification-notice", samples::notice(3)),
        ("rectification-notice-30-findings", samples::notice(30)),
        ("coercive-measure", samples::coercive()),
        ("sampling-record", samples::sampling()),
        ("service-proof", samples::service()),
        ("measure-extension", samples::extension()),
        ("measure-release", samples::release()),
        ("export-notice", samples::export_notice()),
    ];
    for (name, content) in docs {
        let r = render(&content, 1_795_400_000)?;
        std::fs::write(out.join(format!("{name}.pdf")), &r.pdf)?;
        println!("{name}: {} pages, {} bytes, missing {:?}", r.pages, r.pdf.len(), r.missing);
    }
    Ok(())
}
