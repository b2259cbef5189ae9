//! Draws laid-out pages with printpdf: the two faces embedded as subsets (only the glyphs used), text kept
//! extractable (ToUnicode), the PDF's dates set to the issue time.

use std::sync::OnceLock;

use printpdf::{
    Line, LineDashPattern, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Pt, TextItem, TextMatrix,
};

use crate::fonts::{Weight, BOLD, REGULAR};
use crate::layout::{Laid, PAGE_H};
use crate::DocsError;

fn parsed(weight: Weight) -> Result<&'static ParsedFont, DocsError> {
    static REG: OnceLock<Option<ParsedFont>> = OnceLock::new();
    static BLD: OnceLock<Option<ParsedFont>> = OnceLock::new();
    let (cell, bytes) = match weight {
        Weight::Regular => (&REG, REGULAR),
        Weight::Bold => (&BLD, BOLD),
    };
    cell.get_or_init(|| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()))
        .as_ref()
        .ok_or(DocsError::Font("无法读取文书字体"))
}

/// PDF metadata: title and the moment of issue (printpdf would otherwise write 1970).
pub struct PdfMeta<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// Unix seconds.
    pub issued_at: i64,
}

pub fn render_pdf(laid: &Laid, meta: &PdfMeta<'_>) -> Result<Vec<u8>, DocsError> {
    let mut doc = PdfDocument::new(meta.title);
    let regular = doc.add_font(parsed(Weight::Regular)?);
    let bold = doc.add_font(parsed(Weight::Bold)?);
    let when = printpdf::OffsetDateTime::from_unix_timestamp(meta.issued_at).map_err(DocsError::Pdf)?;
    doc.metadata.info.creation_date = when;
    doc.metadata.info.modification_date = when;
    doc.metadata.info.metadata_date = when;
    doc.metadata.info.author = meta.author.to_string();
    doc.metadata.info.creator = "maskcheck".into();
    doc.metadata.info.producer = "maskcheck (printpdf)".into();

    let mut pages = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let mut ops = Vec::with_capacity(page.texts.len() * 4 + page.rules.len() * 2 + 8);
        ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        for rule in &page.rules {
            let dash = if rule.dashed { [4.0, 3.0].as_slice() } else { [].as_slice() };
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern { offset: 0.0, pattern: dash.iter().copied().collect() },
            });
            ops.push(Op::SetOutlineThickness { pt: Pt(rule.width) });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint { p: Point { x: Pt(rule.x1), y: Pt(PAGE_H - rule.y1) }, bezier: false },
                        LinePoint { p: Point { x: Pt(rule.x2), y: Pt(PAGE_H - rule.y2) }, bezier: false },
                    ],
                    is_closed: false,
                },
            });
        }
        ops.push(Op::StartTextSection);
        let mut current: Option<(Weight, f32)> = None;
        for t in &page.texts {
            if current != Some((t.weight, t.size)) {
                let id = match t.weight {
                    Weight::Regular => regular.clone(),
                    Weight::Bold => bold.clone(),
                };
                ops.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(t.size) });
                current = Some((t.weight, t.size));
            }
            // `Tm`, not `Td`: positions are absolute, `Td` would move relative to the previous line.
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(t.x), Pt(PAGE_H - t.y)) });
            ops.push(Op::ShowText { items: vec![TextItem::Text(t.text.clone())] });
        }
        ops.push(Op::EndTextSection);
        pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    let mut warnings = Vec::new();
    let options = PdfSaveOptions { subset_fonts: true, ..PdfSaveOptions::default() };
    Ok(doc.with_pages(pages).save(&options, &mut warnings))
}
