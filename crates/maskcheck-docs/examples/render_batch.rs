//! Whole-process timing: renders N copies of the sample rectification notice into OUTDIR (a fresh process each
//! run, fonts parsed once), as `scripts/bench-docs.sh` does beside LibreOffice.

use maskcheck_docs::{render, samples};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().unwrap_or_else(|| "1".into()).parse()?;
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/batch".into()));
    std::fs::create_dir_all(&out)?;
    let content = samples::notice(3);
    for i in 0..n {
        let r = render(&content, 1_795_400_000)?;
        std::fs::write(out.join(format!("notice-{i}.pdf")), r.pdf)?;
    }
    Ok(())
}
