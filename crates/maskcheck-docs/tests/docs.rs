//! The documents as a reader sees them: layout models pinned by snapshots, the PDFs read back with poppler's
//! `pdftotext` and `pdffonts`, font coverage of 通用规范汉字表, and long content flowing onto more pages.

use std::path::PathBuf;
use std::process::Command;

use maskcheck_docs::fonts::{advance_em, Weight};
use maskcheck_docs::{build_model, lay_out, render, samples};
use maskcheck_domain::document::{DocBody, DocContent};

const ISSUED_AT: i64 = 1_795_400_000;

fn all_samples() -> Vec<(&'static str, DocContent)> {
    vec![
        ("inspection_record", samples::inspection_record()),
        ("rectification_notice", samples::notice(3)),
        ("coercive_measure", samples::coercive()),
        ("sampling_record", samples::sampling()),
        ("service_proof", samples::service()),
        ("measure_extension", samples::extension()),
        ("measure_release", samples::release()),
        ("export_notice", samples::export_notice()),
    ]
}

fn write_pdf(name: &str, content: &DocContent) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docs");
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let path = dir.join(format!("{name}.pdf"));
    let r = render(content, ISSUED_AT).expect("renders");
    std::fs::write(&path, r.pdf).expect("write pdf");
    path
}

fn pdftotext(path: &PathBuf, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg("-raw").arg(path).arg("-").output().expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {}", path.display());
    // `-raw` keeps content-stream order (a table cell stays whole); justified lines may come back with spaces
    // between characters, so compare without whitespace.
    String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn layout_models_are_pinned() {
    for (name, content) in all_samples() {
        insta::assert_debug_snapshot!(name, build_model(&content));
    }
}

#[test]
fn every_pdf_reads_back_with_party_number_and_every_finding() {
    for (name, content) in all_samples() {
        let path = write_pdf(name, &content);
        let text = pdftotext(&path, None);
        assert!(text.contains(&squeeze(&content.party.name)), "{name}: party name");
        assert!(text.contains(&squeeze(&content.number)), "{name}: number");
        let facts = match &content.body {
            DocBody::RectificationNotice(n) => {
                assert!(text.contains("2026年12月7日前"), "{name}: deadline");
                n.facts.clone()
            }
            DocBody::InspectionRecord(r) => r.findings.clone(),
            DocBody::CoerciveMeasure(c) => {
                for g in &c.goods {
                    assert!(text.contains(&squeeze(&g.name)), "{name}: goods {}", g.name);
                }
                // The on-site record carries the party's statement in its own words.
                assert!(text.contains("查封现场笔录") && text.contains("当事人的陈述和申辩"), "{name}: record");
                assert!(text.contains(&squeeze(c.party_words.opinion.as_deref().unwrap_or("-"))), "{name}: words");
                c.facts.clone()
            }
            DocBody::MeasureExtension(x) => {
                // The decision it follows, the new last day, its own basis (the extension clause) and the reason.
                for want in
                    ["延长查封期限决定书", "盐市监强制〔2026〕3号", "2027年1月21日", "第二十五条第一款", "负责人批准"]
                {
                    assert!(text.contains(want), "{name}: {want}");
                }
                assert!(text.contains(&squeeze(x.reason.trim_end_matches('。'))), "{name}: reason");
                vec![]
            }
            DocBody::ExportNotice(n) => {
                // Addressed to customs and commerce; the maker, the product, what failed and what was done.
                for want in
                    ["盐城海关、盐城市商务局", "涉嫌出口不合格产品", "过滤效率", "JS2026-1203", "12000只", "召回3000只"]
                {
                    assert!(text.contains(want), "{name}: {want}");
                }
                assert!(text.contains(&squeeze(&n.product_name)), "{name}: product");
                vec![]
            }
            DocBody::MeasureRelease(r) => {
                for want in [
                    "解除查封决定书",
                    "盐市监强制〔2026〕3号",
                    "第二十八条第一款第（一）项",
                    "予以退还",
                    "解除查封财物清单",
                ] {
                    assert!(text.contains(want), "{name}: {want}");
                }
                for g in &r.goods {
                    assert!(text.contains(&squeeze(&g.name)), "{name}: goods {}", g.name);
                }
                vec![]
            }
            DocBody::SamplingRecord(s) => {
                assert!(text.contains(&squeeze(&s.base_quantity)), "{name}: base quantity");
                vec![]
            }
            DocBody::ServiceProof(s) => {
                assert!(text.contains(&squeeze(&s.served_number)), "{name}: served number");
                vec![]
            }
        };
        for f in facts {
            let want = squeeze(f.text.trim_end_matches('。'));
            assert!(text.contains(&want), "{name}: finding {want}");
        }
    }
}

#[test]
fn fonts_are_embedded_subset_with_tounicode() {
    let path = write_pdf("fonts", &samples::notice(3));
    let out = Command::new("pdffonts").arg(&path).output().expect("pdffonts runs");
    let listing = String::from_utf8_lossy(&out.stdout);
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert_eq!(fonts.len(), 2, "{listing}");
    for line in fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type... emb sub uni object ID: the three flags precede the last two columns.
        let flags = &cols[cols.len() - 5..cols.len() - 2];
        assert_eq!(flags, ["yes", "yes", "yes"], "{line}");
        assert!(line.contains("NotoSerifCJKsc"), "{line}");
    }
}

#[test]
fn a_notice_of_a_few_findings_stays_small() {
    let r = render(&samples::notice(3), ISSUED_AT).expect("renders");
    assert!(r.pdf.len() < 200 * 1024, "{} bytes", r.pdf.len());
    assert!(r.missing.is_empty());
}

#[test]
fn thirty_findings_flow_onto_pages_with_headers_and_numbers() {
    let content = samples::notice(30);
    let laid = lay_out(&build_model(&content));
    let pages = laid.pages.len();
    assert!(pages >= 4, "{pages} pages");
    let path = write_pdf("notice-30", &content);
    for page in 1..=pages {
        let text = pdftotext(&path, Some(page));
        assert!(text.contains(&format!("第{page}页共{pages}页")), "page {page}: {text}");
        if page > 1 {
            assert!(text.contains("责令改正通知书盐市监责改〔2026〕12号"), "page {page} header: {text}");
        }
    }
    let all = pdftotext(&path, None);
    for (i, f) in content_facts(&content).iter().enumerate() {
        assert!(
            all.contains(&format!("{}．{}", i + 1, squeeze(&f.chars().take(12).collect::<String>()))),
            "finding {}",
            i + 1
        );
    }
}

fn content_facts(c: &DocContent) -> Vec<String> {
    match &c.body {
        DocBody::RectificationNotice(n) => n.facts.iter().map(|f| f.text.clone()).collect(),
        _ => vec![],
    }
}

#[test]
fn text_stays_inside_the_page_margins() {
    for (name, content) in all_samples().into_iter().chain([("notice30", samples::notice(30))]) {
        let laid = lay_out(&build_model(&content));
        for (n, page) in laid.pages.iter().enumerate() {
            for t in &page.texts {
                let m = maskcheck_docs::linebreak::Measure { size: t.size, weight: t.weight };
                let right = t.x + m.width(&t.text);
                assert!(t.x >= 79.0 && right <= 595.3 - 73.0, "{name} p{}: {:?} ends at {right}", n + 1, t.text);
                assert!(t.y > 60.0 && t.y < 841.9 - 40.0, "{name} p{}: {:?} at y {}", n + 1, t.text, t.y);
            }
        }
    }
}

#[test]
fn the_fonts_cover_the_8105_general_standard_characters() {
    let list = include_str!("../../../assets/fonts/tongyong-8105.txt");
    let chars: Vec<char> = list.split_whitespace().filter_map(|l| l.chars().next()).collect();
    assert_eq!(chars.len(), 8105);
    for weight in [Weight::Regular, Weight::Bold] {
        let missing: String = chars.iter().filter(|c| advance_em(**c, weight).is_none()).collect();
        assert!(missing.is_empty(), "{weight:?} lacks {missing}");
    }
    for c in "，。、；：？！（）《》“”〔〕【】—…·①②③℃±×≤≥ABCxyz0123456789%".chars()
    {
        assert!(advance_em(c, Weight::Regular).is_some(), "lacks {c}");
    }
}

#[test]
fn a_character_the_font_lacks_is_reported_not_dropped() {
    let mut content = samples::notice(1);
    content.party.name = "盐城市𠀾记口罩厂".into(); // U+2003E lies outside 通用规范汉字表
    let r = render(&content, ISSUED_AT).expect("still renders");
    assert_eq!(r.missing, vec!['𠀾']);
}

/// Sentences only the party can say are never pre-printed (issue 9); the notice words a management gap as a
/// correction requested, and only the facts with an order power are ordered corrected.
#[test]
fn nothing_the_party_did_not_say_is_pre_printed() {
    let forbidden = ["不申请回避", "与事实相符", "对抽样过程无异议", "一律不得恢复生产"];
    let pdf_text = |name: &str, content: &DocContent| pdftotext(&write_pdf(&format!("said-{name}"), content), None);
    for (name, content) in all_samples() {
        let text = pdf_text(name, &content);
        for f in forbidden {
            assert!(!text.contains(f), "{name} pre-prints “{f}”");
        }
    }
    let notice = pdf_text("notice", &samples::notice(3));
    assert!(notice.contains("上述第1、3项行为违反了"), "{notice}");
    assert!(notice.contains("上述第2项不符合口罩质量专项整治工作的要求"), "{notice}");
    assert!(!notice.contains("第三十三条"), "a maker's intake is not a seller's duty: {notice}");
    let coercive = pdf_text("coercive", &samples::coercive());
    assert!(coercive.contains("第七十条的规定，并依照"), "the power, then the procedure: {coercive}");
}

/// The party's words print when they are recorded, and only then; a refusal to sign is noted and the witness
/// named (行政强制法第十八条第（八）、（九）项); the service proof's method is a row of tick boxes.
#[test]
fn the_party_words_print_as_recorded() {
    use maskcheck_domain::document::{DocBody, PartyWords};
    let mut record = samples::inspection_record();
    let blank = pdftotext(&write_pdf("words-blank", &record), None);
    assert!(!blank.contains("拒绝签名或盖章（"), "{blank}");
    assert!(blank.contains("见证人（当事人拒绝签名或不在场时）签名"), "{blank}");
    if let DocBody::InspectionRecord(r) = &mut record.body {
        r.party_words = PartyWords {
            recusal: Some("不申请回避。".into()),
            opinion: Some("以上记录与事实相符。\n另：仓库钥匙由陈立明保管。".into()),
            refused_to_sign: true,
            witness: Some("工业园区管委会王平".into()),
            absent: false,
        };
    }
    let said = pdftotext(&write_pdf("words-said", &record), None);
    for words in [
        "不申请回避。",
        "以上记录与事实相符。",
        "另：仓库钥匙由陈立明保管。",
        "当事人拒绝签名或盖章（执法人员注明）",
        "见证人工业园区管委会王平签名",
    ] {
        assert!(said.contains(words), "“{words}” missing: {said}");
    }
    let mut service = samples::service();
    let boxes = pdftotext(&write_pdf("service-blank", &service), None);
    assert!(boxes.contains("□直接送达□留置送达□邮寄送达□电子送达□公告送达"), "{boxes}");
    if let DocBody::ServiceProof(s) = &mut service.body {
        s.method = Some("留置送达".into());
    }
    let ticked = pdftotext(&write_pdf("service-left", &service), None);
    assert!(ticked.contains("□直接送达■留置送达□邮寄送达"), "{ticked}");
    for (name, content) in all_samples() {
        let r = render(&content, ISSUED_AT).expect("renders");
        assert!(r.missing.is_empty(), "{name} prints characters the font lacks: {:?}", r.missing);
    }
}

/// The service proof's signing cell holds a company seal (40–42 mm across), and its labels fit their column.
#[test]
fn the_service_proof_has_room_for_a_seal() {
    let laid = maskcheck_docs::layout::lay_out(&build_model(&samples::service()));
    assert_eq!(laid.pages.len(), 1, "one sheet");
    let page = &laid.pages[0];
    let label = page.texts.iter().find(|t| t.text == "受送达人签名或盖章").expect("signing label");
    // The horizontal rules around the signing row: the nearest above and below the label.
    let mut ys: Vec<f32> = page.rules.iter().filter(|r| (r.y1 - r.y2).abs() < 0.01).map(|r| r.y1).collect();
    ys.sort_by(f32::total_cmp);
    let above = ys.iter().rev().find(|y| **y < label.y).expect("rule above");
    let below = ys.iter().find(|y| **y > label.y).expect("rule below");
    let mm = (below - above) / maskcheck_docs::layout::MM;
    assert!(mm >= 44.0, "signing cell is {mm:.1} mm tall");
    for l in ["送达文书名称及文号", "受送达人签名或盖章", "拒收事由及日期", "见证人签名及日期"]
    {
        assert!(page.texts.iter().any(|t| t.text == l), "label “{l}” is broken across lines");
    }
}

/// The page each run of text starts on.
fn page_of(laid: &maskcheck_docs::layout::Laid, needle: &str) -> Option<usize> {
    laid.pages.iter().position(|p| p.texts.iter().map(|t| t.text.as_str()).collect::<String>().contains(needle))
}

/// Signature groups stay whole, with the text they sign, at every length that used to split them (issue 9).
#[test]
fn signature_groups_never_split_or_stand_alone() {
    use maskcheck_domain::document::DocBody;
    for extra in 0..40 {
        let mut record = samples::inspection_record();
        if let DocBody::InspectionRecord(r) = &mut record.body {
            r.checked.extend((0..extra).map(|n| format!("补充检查情况第{n}条：查看了生产车间和成品仓库。")));
        }
        let laid = maskcheck_docs::layout::lay_out(&build_model(&record));
        let opinion = page_of(&laid, "当事人对本笔录的意见").expect("opinion");
        let party =
            laid.pages.iter().position(|p| p.texts.iter().any(|t| t.text == "当事人（签名或盖章）：")).expect("party");
        let last = laid
            .pages
            .iter()
            .rposition(|p| p.texts.iter().map(|t| t.text.as_str()).collect::<String>().contains("执法证号"))
            .expect("signs");
        assert_eq!((opinion, party, last), (party, party, party), "record with {extra} extra lines");
        // A 笔录 is signed page by page: every page carries the party's line at its foot.
        for (n, page) in laid.pages.iter().enumerate() {
            assert!(
                page.texts.iter().any(|t| t.text == "本页当事人（签名或盖章）："),
                "record with {extra} extra lines: page {} has no signature line",
                n + 1
            );
        }
        let mut sampling = samples::sampling();
        if let DocBody::SamplingRecord(s) = &mut sampling.body {
            s.product_name = format!("{}{}", s.product_name, "（加长品名）".repeat(extra));
        }
        let laid = maskcheck_docs::layout::lay_out(&build_model(&sampling));
        let opinion = page_of(&laid, "被抽样单位对抽样过程的意见").expect("opinion");
        let party = page_of(&laid, "被抽样单位（签名或盖章）").expect("party");
        assert_eq!(opinion, party, "sampling record with {extra}");
    }
    for findings in 1..15 {
        let laid = maskcheck_docs::layout::lay_out(&build_model(&samples::notice(findings)));
        let receipt = page_of(&laid, "已收到").expect("receipt");
        let sign = page_of(&laid, "受送达人（签名或盖章）").expect("sign");
        assert_eq!(receipt, sign, "notice with {findings} findings");
    }
}

/// Keeping the paragraph before a signature with it moves its last lines only: no page before the signature is
/// left mostly blank (the 决定书's first page was a quarter empty).
#[test]
fn no_large_blank_before_a_signature() {
    for (name, content) in all_samples() {
        let laid = maskcheck_docs::layout::lay_out(&build_model(&content));
        for (n, page) in laid.pages.iter().enumerate().take(laid.pages.len().saturating_sub(1)) {
            let next_starts_with_title =
                laid.pages[n + 1].texts.iter().any(|t| t.text.contains("清单") || t.text.contains("现场笔录"));
            if next_starts_with_title {
                continue; // a page break before an annex (the goods list, the on-site record) is intended
            }
            let lowest = page
                .texts
                .iter()
                .filter(|t| t.y < maskcheck_docs::layout::PAGE_H - 80.0)
                .map(|t| t.y)
                .fold(0.0, f32::max);
            assert!(lowest > maskcheck_docs::layout::PAGE_H * 0.72, "{name} page {}: text ends at {lowest}", n + 1);
        }
    }
}
