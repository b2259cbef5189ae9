//! The two document faces, compiled in from `assets/fonts/`, and their glyph advances for measuring text.

use std::sync::OnceLock;

use ttf_parser::Face;

pub(crate) const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSerifSC-Regular-subset.otf");
pub(crate) const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSerifSC-Bold-subset.otf");

/// Regular (body, stand-in for 仿宋) or bold (titles, stand-in for 小标宋).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Weight {
    Regular,
    Bold,
}

struct Metrics {
    face: Face<'static>,
    units_per_em: f32,
}

fn metrics(weight: Weight) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    let (cell, bytes) = match weight {
        Weight::Regular => (&REG, REGULAR),
        Weight::Bold => (&BLD, BOLD),
    };
    cell.get_or_init(|| {
        // The bytes are compiled in and checked by the font tests; a parse failure is a build defect.
        #[allow(clippy::expect_used)]
        let face = Face::parse(bytes, 0).expect("the bundled document font parses");
        let units_per_em = f32::from(face.units_per_em());
        Metrics { face, units_per_em }
    })
}

/// Advance of `c` in em, or `None` when the font has no glyph for it.
pub fn advance_em(c: char, weight: Weight) -> Option<f32> {
    let m = metrics(weight);
    let gid = m.face.glyph_index(c)?;
    let adv = m.face.glyph_hor_advance(gid)?;
    Some(f32::from(adv) / m.units_per_em)
}

pub fn has_glyph(c: char) -> bool {
    c.is_whitespace() || metrics(Weight::Regular).face.glyph_index(c).is_some()
}
