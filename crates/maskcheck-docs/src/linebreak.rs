//! Chinese line breaking: any character may end a line, except that closing punctuation never starts one and
//! opening punctuation never ends one (禁则), and Latin words, numbers and standard numbers (`GB 2626-2019`)
//! stay whole. Lines other than a paragraph's last are justified by spreading the gaps between units.

use crate::fonts::{advance_em, Weight};

/// May not start a line.
const CLOSING: &str = "，。、；：？！）》」』】〕〉〗〙”’…—·％%,.;:?!)]}～";
/// May not end a line.
const OPENING: &str = "（《「『【〔〈〖〘“‘([{";

/// Characters that glue to the letters and digits around them inside one Latin word or number.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-./:_+#&@°×~'".contains(c)
}

/// Measures text in points, remembering characters the font lacks (they are drawn as the font's empty box and
/// reported; never dropped).
pub struct Measure {
    pub size: f32,
    pub weight: Weight,
}

impl Measure {
    pub fn char_width(&self, c: char) -> f32 {
        if c == ' ' {
            return advance_em(' ', self.weight).unwrap_or(0.25) * self.size;
        }
        advance_em(c, self.weight).unwrap_or(1.0) * self.size
    }

    pub fn width(&self, s: &str) -> f32 {
        s.chars().map(|c| self.char_width(c)).sum()
    }
}

/// A set line: text pieces at x offsets from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub pieces: Vec<(f32, String)>,
    pub width: f32,
}

impl SetLine {
    pub fn text(&self) -> String {
        self.pieces.iter().map(|(_, s)| s.as_str()).collect()
    }
}

/// Splits text into unbreakable units: a Latin word or number (with a standard's prefix joined to its number),
/// a single CJK character, or a space; closing punctuation joins the unit before it, opening the unit after.
pub fn units(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut atoms: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if word_char(c) && !matches!(c, '.' | ':') {
            let start = i;
            while i < chars.len() && word_char(chars[i]) {
                i += 1;
            }
            // A trailing full stop or colon is punctuation, not part of the word.
            while i > start + 1 && matches!(chars[i - 1], '.' | ':') {
                i -= 1;
            }
            atoms.push(chars[start..i].iter().collect());
            // `GB 2626`, `GB/T 32610`, `YY 0469`: an upper-case prefix, a space, then digits stay on one line.
            let prev = &atoms[atoms.len() - 1];
            let is_prefix = prev.chars().all(|c| c.is_ascii_uppercase() || c == '/') && prev.len() <= 6;
            if is_prefix && i + 1 < chars.len() && chars[i] == ' ' && chars[i + 1].is_ascii_digit() {
                let mut joined = atoms.pop().unwrap_or_default();
                joined.push(' ');
                i += 1;
                let start = i;
                while i < chars.len() && word_char(chars[i]) {
                    i += 1;
                }
                while i > start + 1 && matches!(chars[i - 1], '.' | ':') {
                    i -= 1;
                }
                joined.extend(&chars[start..i]);
                atoms.push(joined);
            }
            continue;
        }
        atoms.push(c.to_string());
        i += 1;
    }

    let mut out: Vec<String> = Vec::new();
    let mut pending_open = String::new();
    for atom in atoms {
        let first = atom.chars().next().unwrap_or(' ');
        if atom.chars().count() == 1 && OPENING.contains(first) {
            pending_open.push_str(&atom);
            continue;
        }
        if atom.chars().count() == 1 && CLOSING.contains(first) && pending_open.is_empty() {
            if let Some(last) = out.last_mut() {
                if last != " " {
                    last.push_str(&atom);
                    continue;
                }
            }
        }
        let mut unit = std::mem::take(&mut pending_open);
        unit.push_str(&atom);
        out.push(unit);
    }
    if !pending_open.is_empty() {
        out.push(pending_open);
    }
    out
}

/// The most extra space justification puts between two units, in ems.
const MAX_SPREAD_EM: f32 = 0.12;

/// A paragraph never ends on a line of one or two characters ("条）", "证。"): the last unit of the line before
/// moves down to keep it company.
fn avoid_short_last_line(lines: &mut [Vec<(String, f32)>], size: f32) {
    let n = lines.len();
    if n < 2 {
        return;
    }
    let last_w: f32 = lines[n - 1].iter().map(|(_, w)| w).sum();
    let chars: usize = lines[n - 1].iter().map(|(u, _)| u.chars().count()).sum();
    // Only in a column wide enough that the line above stays justified within the spread limit once it gives
    // up a unit (a body line holds some 28 characters; a table cell may hold six).
    if chars == 0 || chars > 2 || last_w > size * 2.5 || lines[n - 2].len() < 12 {
        return;
    }
    if let Some(unit) = lines[n - 2].pop() {
        while lines[n - 2].last().is_some_and(|(u, _)| u == " ") {
            lines[n - 2].pop();
        }
        lines[n - 1].insert(0, unit);
    }
}

/// Breaks `text` into lines of at most `width` points; the first line starts `indent` points in.
pub fn break_lines(text: &str, width: f32, indent: f32, m: &Measure, justify: bool) -> Vec<SetLine> {
    // A hard line break starts a new line; only the text's first line carries the indent.
    if let Some((first, rest)) = text.split_once('\n') {
        let mut lines = break_lines(first, width, indent, m, justify);
        lines.extend(break_lines(rest, width, 0.0, m, justify));
        return lines;
    }
    let mut lines: Vec<Vec<(String, f32)>> = Vec::new();
    let mut cur: Vec<(String, f32)> = Vec::new();
    let mut cur_w = 0.0f32;
    let avail = |n: usize| if n == 0 { width - indent } else { width };
    for unit in units(text) {
        let w = m.width(&unit);
        if cur_w + w <= avail(lines.len()) + 0.01 {
            cur_w += w;
            cur.push((unit, w));
            continue;
        }
        if unit == " " {
            continue; // a space at a break disappears
        }
        if !cur.is_empty() {
            while cur.last().is_some_and(|(u, _)| u == " ") {
                cur.pop();
            }
            lines.push(std::mem::take(&mut cur));
            cur_w = 0.0;
        }
        if w <= avail(lines.len()) + 0.01 {
            cur_w = w;
            cur.push((unit, w));
        } else {
            // Longer than a whole line (a very long code): the only place it may be cut.
            for c in unit.chars() {
                let cw = m.char_width(c);
                if cur_w + cw > avail(lines.len()) + 0.01 && !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                    cur_w = 0.0;
                }
                cur_w += cw;
                cur.push((c.to_string(), cw));
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    avoid_short_last_line(&mut lines, m.size);
    let last = lines.len() - 1;
    lines
        .into_iter()
        .enumerate()
        .map(|(n, units)| {
            let start = if n == 0 { indent } else { 0.0 };
            let natural: f32 = units.iter().map(|(_, w)| w).sum();
            let gaps = units.len().saturating_sub(1);
            let extra = avail(n) - natural;
            // Ragged is better than letter-spaced: a line that would need more than a little extra space per gap
            // (one ending before a long standard number or Latin word) is set flush left instead.
            let spread = if justify && n != last && gaps > 0 && extra / (gaps as f32) <= m.size * MAX_SPREAD_EM {
                extra / gaps as f32
            } else {
                0.0
            };
            set_line(units, start, spread)
        })
        .collect()
}

fn set_line(units: Vec<(String, f32)>, start: f32, spread: f32) -> SetLine {
    let mut pieces: Vec<(f32, String)> = Vec::new();
    let mut x = start;
    for (u, w) in units {
        match pieces.last_mut() {
            // Without spreading, consecutive units are one piece (fewer text operators, same result).
            Some((_, s)) if spread == 0.0 => s.push_str(&u),
            _ => pieces.push((x, u)),
        }
        if spread != 0.0 {
            if let Some(last) = pieces.last_mut() {
                last.0 = x;
            }
        }
        x += w + spread;
    }
    let width = x - spread - start;
    SetLine { pieces, width }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Measure {
        Measure { size: 10.0, weight: Weight::Regular }
    }

    #[test]
    fn units_keep_words_numbers_and_punctuation_together() {
        let cases: [(&str, &[&str]); 5] = [
            ("执行GB 2626-2019。", &["执", "行", "GB 2626-2019。"]),
            ("（一）口罩", &["（一）", "口", "罩"]),
            ("标准GB/T 32610，", &["标", "准", "GB/T 32610，"]),
            ("过滤效率95%以上", &["过", "滤", "效", "率", "95%", "以", "上"]),
            ("“三无”产品", &["“三", "无”", "产", "品"]),
        ];
        for (text, want) in cases {
            assert_eq!(units(text), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn no_line_starts_with_closing_or_ends_with_opening_punctuation() {
        // Width for exactly five characters: the sixth is a comma, which must not start line two.
        let text = "一二三四五，六七八九（十一）二三四五六七八九十";
        let lines = break_lines(text, 50.0, 0.0, &m(), true);
        for line in &lines {
            let t = line.text();
            let first = t.chars().next().expect("line");
            let last = t.chars().last().expect("line");
            assert!(!CLOSING.contains(first), "line starts with {first}: {t}");
            assert!(!OPENING.contains(last), "line ends with {last}: {t}");
        }
        assert_eq!(lines.iter().map(SetLine::text).collect::<String>(), text);
    }

    #[test]
    fn standard_numbers_are_never_split() {
        let text = "口罩标签未标明执行标准编号GB 2626-2019及等级KN95。";
        for width in [75.0, 80.0, 100.0, 130.0, 170.0] {
            let lines = break_lines(text, width, 20.0, &m(), true);
            let joined: Vec<String> = lines.iter().map(SetLine::text).collect();
            assert!(joined.iter().any(|l| l.contains("GB 2626-2019")), "width {width}: {joined:?}");
            assert!(joined.iter().any(|l| l.contains("KN95")), "width {width}: {joined:?}");
        }
    }

    #[test]
    fn justified_lines_fill_the_width_and_the_last_does_not() {
        let text = "经查，你单位生产的一次性使用医用口罩标签未标明执行标准编号，进货查验记录不完整。";
        let lines = break_lines(text, 100.0, 20.0, &m(), true);
        assert!(lines.len() > 2);
        for (n, line) in lines.iter().enumerate() {
            let start = if n == 0 { 20.0 } else { 0.0 };
            if n + 1 < lines.len() {
                assert!((start + line.width - 100.0).abs() < 0.1, "line {n} is {} wide", line.width);
            } else {
                assert!(start + line.width < 100.0);
            }
        }
    }

    #[test]
    fn no_paragraph_ends_on_a_lone_short_line_and_no_line_is_letter_spaced() {
        let m = Measure { size: 16.0, weight: crate::fonts::Weight::Regular };
        let width = 16.0 * 28.0;
        for pad in 0..40 {
            let text = format!("{}违反了《中华人民共和国产品质量法》第二十七条）", "依".repeat(pad));
            let lines = break_lines(&text, width, 32.0, &m, true);
            let last: String =
                lines.last().map(|l| l.pieces.iter().map(|p| p.1.as_str()).collect()).unwrap_or_default();
            assert!(lines.len() == 1 || last.chars().count() >= 3, "pad {pad}: last line {last:?}");
        }
        for pad in 0..40 {
            let text = format!("{}执行标准应为GB 2626-2019或GB/T 32610-2016，防护等级KN95。", "抽".repeat(pad));
            for line in break_lines(&text, width, 32.0, &m, true) {
                let gaps: Vec<f32> = line.pieces.windows(2).map(|w| w[1].0 - w[0].0 - m.width(&w[0].1)).collect();
                assert!(gaps.iter().all(|g| *g <= 16.0 * MAX_SPREAD_EM + 0.01), "pad {pad}: spread {gaps:?}");
            }
        }
    }
}
