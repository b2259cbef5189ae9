//! maskcheck's enforcement documents. A builder in [`documents`] turns issued content (from
//! `maskcheck-domain`) into a [`model::DocModel`]; [`layout`] sets it on A4 pages with Chinese line breaking;
//! [`render`] draws the pages as a PDF with the bundled Noto Serif CJK SC subset. No IO: bytes in, bytes out.

pub mod documents;
pub mod fonts;
pub mod layout;
pub mod linebreak;
pub mod model;
pub mod render;
pub mod samples;

pub use documents::build_model;
pub use layout::{lay_out, Laid};
pub use render::{render_pdf, PdfMeta};

#[derive(Debug, thiserror::Error)]
pub enum DocsError {
    #[error("{0}")]
    Font(&'static str),
    #[error("PDF 生成失败：{0}")]
    Pdf(&'static str),
}

/// A rendered document: the PDF and the characters the font could not show (reported, never dropped).
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub missing: Vec<char>,
}

/// Content → model → pages → PDF.
pub fn render(content: &maskcheck_domain::document::DocContent, issued_at: i64) -> Result<Rendered, DocsError> {
    let model = build_model(content);
    let laid = lay_out(&model);
    let meta =
        PdfMeta { title: &format!("{} {}", model.title, model.number), author: &content.issuer.unit_name, issued_at };
    let pdf = render_pdf(&laid, &meta)?;
    Ok(Rendered { pdf, pages: laid.pages.len(), missing: laid.missing })
}
