//! Sets a [`DocModel`] on A4 pages: official margins (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm,
//! right 26 mm), wrapped and justified text, bordered tables that repeat their header on a new page, a running
//! header on continuation pages and `第 N 页 共 M 页` at the foot of every page. Pure: positions only.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::fonts::{has_glyph, Weight};
use crate::linebreak::{break_lines, Measure};
use crate::model::{Block, DocModel, Table};

pub const MM: f32 = 72.0 / 25.4;
pub const PAGE_W: f32 = 210.0 * MM;
pub const PAGE_H: f32 = 297.0 * MM;
const TOP: f32 = 37.0 * MM;
const BOTTOM: f32 = 35.0 * MM;
const LEFT: f32 = 28.0 * MM;
const RIGHT: f32 = 26.0 * MM;
const TEXT_W: f32 = PAGE_W - LEFT - RIGHT;

/// Text at a baseline; coordinates in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextRun {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub weight: Weight,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleLine {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub width: f32,
    pub dashed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Page {
    pub texts: Vec<TextRun>,
    pub rules: Vec<RuleLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Laid {
    pub pages: Vec<Page>,
    /// Characters the font has no glyph for: drawn as an empty box, and reported to the user.
    pub missing: Vec<char>,
}

struct Setter {
    pages: Vec<Page>,
    y: f32,
    body: f32,
    lh: f32,
    missing: BTreeSet<char>,
    /// From this line of the next paragraph on, keep this much height together (the lines before a signature).
    keep_from: Option<(usize, f32)>,
}

impl Setter {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let n = self.pages.len() - 1;
        &mut self.pages[n]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Makes room for `h` points, starting a new page when the current one is full.
    fn ensure(&mut self, h: f32) {
        if self.y + h > PAGE_H - BOTTOM + 0.01 && self.y > TOP + 0.01 {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, baseline: f32, size: f32, weight: Weight, text: String) {
        for c in text.chars() {
            if !has_glyph(c) {
                self.missing.insert(c);
            }
        }
        self.page().texts.push(TextRun { x, y: baseline, size, weight, text });
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, dashed: bool) {
        self.page().rules.push(RuleLine { x1, y1, x2, y2, width: 0.6, dashed });
    }

    /// Sets wrapped text in the column `[x, x + width]`, line by line, breaking pages between lines.
    fn flow(&mut self, text: &str, width: f32, indent: f32, m: &Measure, lh: f32, align: Align) {
        let x = LEFT;
        for (n, line) in break_lines(text, width, indent, m, align == Align::Justified).into_iter().enumerate() {
            if let Some((_, h)) = self.keep_from.filter(|(from, _)| *from == n) {
                self.keep_from = None;
                self.ensure(h.min(PAGE_H - TOP - BOTTOM));
            }
            self.ensure(lh);
            let baseline = self.y + baseline_in(lh, m.size);
            let shift = match align {
                Align::Left | Align::Justified => 0.0,
                Align::Centre => (width - line.width) / 2.0,
                Align::Right => width - line.width,
            };
            // Centred and right-aligned lines start at the column edge; only left-set lines carry an indent.
            let origin = if matches!(align, Align::Left | Align::Justified) {
                0.0
            } else {
                line.pieces.first().map(|p| p.0).unwrap_or(0.0)
            };
            for (dx, piece) in line.pieces {
                self.text(x + shift + dx - origin, baseline, m.size, m.weight, piece);
            }
            self.y += lh;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Justified,
    Left,
    Centre,
    Right,
}

/// Where the baseline sits in a line box of height `lh` for text of `size`.
fn baseline_in(lh: f32, size: f32) -> f32 {
    (lh - size) / 2.0 + size * 0.88
}

pub fn lay_out(model: &DocModel) -> Laid {
    let body = model.body_pt;
    let mut s = Setter {
        pages: vec![Page::default()],
        y: TOP,
        body,
        lh: body * 1.75,
        missing: BTreeSet::new(),
        keep_from: None,
    };
    let regular = Measure { size: body, weight: Weight::Regular };
    let bold = Measure { size: body, weight: Weight::Bold };
    for (i, block) in model.blocks.iter().enumerate() {
        let lh = s.lh;
        // A signature never stands alone on a page (GB/T 9704): the last two lines of the paragraph before it go
        // with it (the whole paragraph would leave a large blank on a page that had room for most of it).
        if let (Block::Paragraph(t), Some(Block::Signature { .. })) = (block, model.blocks.get(i + 1)) {
            let lines = break_lines(t, TEXT_W, body * 2.0, &regular, true).len();
            let kept = lines.min(2);
            s.keep_from = Some((lines - kept, lh * (kept as f32 + 3.5)));
        }
        // A signature group never splits and never stands alone on a page: the text it signs (the receipt, the
        // party's opinion and its write-in line) moves with it.
        if let Some(h) = signed_group_height(model, i, &regular, lh) {
            s.ensure(h.min(PAGE_H - TOP - BOTTOM));
        }
        match block {
            Block::Unit(t) => {
                let m = Measure { size: body * 1.25, weight: Weight::Bold };
                s.flow(t, TEXT_W, 0.0, &m, m.size * 1.6, Align::Centre);
            }
            Block::Title(t) => {
                let size = if body >= 15.0 { 22.0 } else { 18.0 };
                let m = Measure { size, weight: Weight::Bold };
                s.flow(t, TEXT_W, 0.0, &m, size * 1.6, Align::Centre);
                s.y += lh * 0.3;
            }
            Block::Number(t) => s.flow(t, TEXT_W, 0.0, &regular, lh, Align::Right),
            Block::Addressee(t) | Block::Plain(t) => s.flow(t, TEXT_W, 0.0, &regular, lh, Align::Left),
            Block::Paragraph(t) => s.flow(t, TEXT_W, body * 2.0, &regular, lh, Align::Justified),
            Block::Heading(t) => s.flow(t, TEXT_W, 0.0, &bold, lh, Align::Left),
            Block::List(items) => {
                for (n, item) in items.iter().enumerate() {
                    s.flow(&format!("{}．{item}", n + 1), TEXT_W, body * 2.0, &regular, lh, Align::Justified);
                }
            }
            Block::Table(t) => table(&mut s, t, true),
            Block::Fields(pairs) => {
                let t =
                    Table::new(&[("", 1), ("", 3)], pairs.iter().map(|(k, v)| vec![k.clone(), v.clone()]).collect());
                table(&mut s, &t, false);
            }
            Block::Form(rows) => {
                let mut t = Table::new(
                    &[("", 1), ("", 2)],
                    rows.iter().map(|r| vec![r.label.clone(), r.value.clone()]).collect(),
                );
                t.min_lines = rows.iter().map(|r| r.lines).collect();
                table(&mut s, &t, false);
            }
            Block::Signature { unit, date } => {
                s.ensure(lh * 4.0);
                s.y += lh * 1.5;
                let right = TEXT_W - body * 2.0;
                s.flow(unit, right, 0.0, &regular, lh, Align::Right);
                s.flow(date, right, 0.0, &regular, lh, Align::Right);
            }
            Block::SignLines(labels) => {
                s.ensure(lh * 1.5 * labels.len() as f32);
                for label in labels {
                    s.ensure(lh * 1.5);
                    s.y += lh * 0.5;
                    let baseline = s.y + baseline_in(lh, body);
                    let w = regular.width(label);
                    s.text(LEFT, baseline, body, Weight::Regular, label.clone());
                    let date = "年　　月　　日";
                    let date_w = regular.width(date);
                    s.rule(LEFT + w + 2.0, baseline + 2.0, LEFT + TEXT_W - date_w - body, baseline + 2.0, false);
                    s.text(LEFT + TEXT_W - date_w, baseline, body, Weight::Regular, date.into());
                    s.y += lh;
                }
            }
            Block::Receipt { title, lines } => {
                let needed = lh * (2.5 + lines.len() as f32 * 1.5);
                s.ensure(needed.min(PAGE_H - TOP - BOTTOM));
                s.y += lh * 0.5;
                let y = s.y;
                s.rule(LEFT, y, LEFT + TEXT_W, y, true);
                s.y += lh * 0.3;
                s.flow(title, TEXT_W, 0.0, &bold, lh, Align::Centre);
                for line in lines {
                    s.flow(line, TEXT_W, body * 2.0, &regular, lh, Align::Justified);
                }
            }
            Block::Gap(n) => s.y += lh * n,
            Block::PageBreak => s.new_page(),
        }
    }
    furnish(&mut s.pages, model);
    Laid { pages: s.pages, missing: s.missing.into_iter().collect() }
}

/// The height of block `i` and everything up to the signature lines it belongs to, when block `i` starts such
/// a group: at most two blocks of text (a receipt, or an opinion label and its write-in line) right before them.
fn signed_group_height(model: &DocModel, i: usize, regular: &Measure, lh: f32) -> Option<f32> {
    let height = |b: &Block| -> Option<f32> {
        match b {
            Block::Plain(t) => Some(break_lines(t, TEXT_W, 0.0, regular, false).len() as f32 * lh),
            Block::Paragraph(t) => Some(break_lines(t, TEXT_W, regular.size * 2.0, regular, true).len() as f32 * lh),
            Block::Receipt { lines, .. } => Some(lh * (2.5 + lines.len() as f32 * 1.5)),
            _ => None,
        }
    };
    let blocks = &model.blocks;
    let first = height(blocks.get(i)?)?;
    let (between, signs) = match (blocks.get(i + 1), blocks.get(i + 2)) {
        (Some(Block::SignLines(l)), _) => (0.0, l),
        (Some(b), Some(Block::SignLines(l))) => (height(b)?, l),
        _ => return None,
    };
    Some(first + between + lh * 1.5 * signs.len() as f32)
}

fn table(s: &mut Setter, t: &Table, header: bool) {
    let size = if s.body >= 15.0 { s.body * 0.75 } else { s.body };
    let m = Measure { size, weight: Weight::Regular };
    let mb = Measure { size, weight: Weight::Bold };
    let lh = size * 1.45;
    let pad = 4.0;
    let total: f32 = t.columns.iter().map(|c| f32::from(c.weight)).sum::<f32>().max(1.0);
    let widths: Vec<f32> = t.columns.iter().map(|c| TEXT_W * f32::from(c.weight) / total).collect();
    let head: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
    let mut first_row_on_page = true;
    let draw = |cells: &[String], m: &Measure, min: usize| {
        let broken: Vec<_> =
            cells.iter().zip(&widths).map(|(c, w)| break_lines(c, w - 2.0 * pad, 0.0, m, false)).collect();
        let rows = broken.iter().map(Vec::len).max().unwrap_or(1).max(min).max(1);
        let h = rows as f32 * lh + 2.0 * pad;
        (broken, h)
    };
    let set_row = |s: &mut Setter, broken: Vec<Vec<crate::linebreak::SetLine>>, h: f32, m: &Measure| {
        let top = s.y;
        let mut x = LEFT;
        s.rule(LEFT, top, LEFT + TEXT_W, top, false);
        for (lines, w) in broken.into_iter().zip(&widths) {
            for (n, line) in lines.into_iter().enumerate() {
                let baseline = top + pad + n as f32 * lh + baseline_in(lh, size);
                for (dx, piece) in line.pieces {
                    s.text(x + pad + dx, baseline, size, m.weight, piece);
                }
            }
            s.rule(x, top, x, top + h, false);
            x += w;
        }
        s.rule(LEFT + TEXT_W, top, LEFT + TEXT_W, top + h, false);
        s.rule(LEFT, top + h, LEFT + TEXT_W, top + h, false);
        s.y = top + h;
    };
    let head_cells = draw(&head, &mb, 1);
    let min = |i: usize| t.min_lines.get(i).copied().unwrap_or(1);
    for (i, row) in t.rows.iter().map(Some).chain(std::iter::once(None)).enumerate() {
        if header && first_row_on_page {
            let (broken, h) = head_cells.clone();
            let next_h = row.map(|r| draw(r, &m, min(i)).1).unwrap_or(0.0);
            s.ensure(h + next_h);
            set_row(s, broken, h, &mb);
            first_row_on_page = false;
        }
        let Some(row) = row else { break };
        let (broken, h) = draw(row, &m, min(i));
        let before = s.pages.len();
        s.ensure(h);
        if s.pages.len() != before && header {
            let (hb, hh) = head_cells.clone();
            set_row(s, hb, hh, &mb);
        }
        set_row(s, broken, h, &m);
    }
    s.y += s.lh * 0.3;
}

/// Running header on continuation pages and the page number on every page.
fn furnish(pages: &mut [Page], model: &DocModel) {
    let total = pages.len();
    let size = 10.5;
    let m = Measure { size, weight: Weight::Regular };
    for (n, page) in pages.iter_mut().enumerate() {
        if n > 0 {
            let head = format!("{}　{}", model.title, model.number);
            let y = TOP - 12.0 * MM;
            page.texts.push(TextRun { x: LEFT, y, size, weight: Weight::Regular, text: head });
            page.rules.push(RuleLine {
                x1: LEFT,
                y1: y + 4.0,
                x2: LEFT + TEXT_W,
                y2: y + 4.0,
                width: 0.5,
                dashed: false,
            });
        }
        if let Some(label) = &model.page_sign {
            let y = PAGE_H - BOTTOM + 7.0 * MM;
            let w = m.width(label);
            page.texts.push(TextRun { x: LEFT, y, size, weight: Weight::Regular, text: label.clone() });
            page.rules.push(RuleLine {
                x1: LEFT + w + 2.0,
                y1: y + 2.0,
                x2: LEFT + w + 2.0 + 50.0 * MM,
                y2: y + 2.0,
                width: 0.5,
                dashed: false,
            });
        }
        let foot = format!("第 {} 页 共 {total} 页", n + 1);
        let x = LEFT + (TEXT_W - m.width(&foot)) / 2.0;
        page.texts.push(TextRun { x, y: PAGE_H - BOTTOM + 14.0 * MM, size, weight: Weight::Regular, text: foot });
    }
}
