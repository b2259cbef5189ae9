//! The layout model: what a document says, block by block, before it is set on pages. Builders in
//! `documents/` fill it from issued content; `layout` sets it; snapshot tests pin it.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocModel {
    /// Shown in the running header of continuation pages.
    pub title: String,
    pub number: String,
    /// Body size in points: 16 (三号) for letters, 12 (小四) for forms.
    pub body_pt: f32,
    pub blocks: Vec<Block>,
    /// A line the party signs at the foot of every page (a 笔录 is signed page by page, so no page can be swapped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_sign: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Block {
    /// The issuing unit above the title, centred.
    Unit(String),
    /// The document title, bold and centred.
    Title(String),
    /// The document number, right-aligned under the title.
    Number(String),
    /// `某某公司：`, flush left.
    Addressee(String),
    /// Body text: two-character first-line indent, justified.
    Paragraph(String),
    /// Flush-left text, not justified (form lines).
    Plain(String),
    /// A bold run-in heading.
    Heading(String),
    /// Numbered items: `1．…`, each set as an indented paragraph.
    List(Vec<String>),
    Table(Table),
    /// Label and value pairs in a bordered two-column grid.
    Fields(Vec<(String, String)>),
    /// A form to fill on paper: a wider label column, and rows tall enough to write or seal in.
    Form(Vec<FormRow>),
    /// Issuing unit and date, right-aligned, with room for the seal.
    Signature {
        unit: String,
        date: String,
    },
    /// Lines to sign on paper: `当事人（签名）：`, each followed by a rule and `年  月  日`.
    SignLines(Vec<String>),
    /// A cut line and the receipt the party signs.
    Receipt {
        title: String,
        lines: Vec<String>,
    },
    /// Vertical space in body lines.
    Gap(f32),
    /// Start a new page (e.g. the goods list that travels with a decision).
    PageBreak,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormRow {
    pub label: String,
    pub value: String,
    /// The row's height in lines at least (a company seal needs about 45 mm).
    pub lines: usize,
}

impl FormRow {
    pub fn new(label: &str, value: impl Into<String>, lines: usize) -> FormRow {
        FormRow { label: label.into(), value: value.into(), lines }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Per row, the least height in lines (none: as tall as the text).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub min_lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub title: String,
    /// Relative width.
    pub weight: u16,
}

impl Table {
    pub fn new(columns: &[(&str, u16)], rows: Vec<Vec<String>>) -> Table {
        Table {
            columns: columns.iter().map(|(t, w)| Column { title: (*t).to_string(), weight: *w }).collect(),
            rows,
            min_lines: Vec::new(),
        }
    }
}
