//! Text normalisation shared by every rule: inspectors type on Chinese IMEs that produce full-width letters,
//! digits and spaces, and spreadsheets carry stray whitespace.

/// Maps full-width ASCII variants (U+FF01..U+FF5E) and the ideographic space to their half-width forms.
pub fn to_half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Normalises a code (USCC, certificate number): half-width, no whitespace at all, upper-case ASCII.
pub fn normalise_code(s: &str) -> String {
    to_half_width(s).chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect()
}

/// Normalises free text: NFC, trimmed of whitespace and of invisible format characters at either end (a BOM
/// pasted from a CSV); inner text kept verbatim (HTML and SQL metacharacters included).
pub fn normalise_text(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = s.nfc().collect();
    nfc.trim_matches(|c: char| c.is_whitespace() || is_invisible_format(c)).to_string()
}

/// An optional text field: empty after trimming means absent.
pub fn optional_text(s: Option<&str>) -> Option<String> {
    s.map(normalise_text).filter(|t| !t.is_empty())
}

/// True when the text contains control characters other than tab and newline (never legitimate in a roster).
pub fn has_control_chars(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
}

/// Bidirectional controls: they make a name read differently from how it is stored (U+202E turns `exe.txt`
/// into `txt.exe` on screen), so no field accepts them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no space on screen: zero-width space/joiners, word joiner, BOM, soft hyphen, and the
/// bidi controls. Two names that differ only by these look identical to an inspector.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}')
        || is_bidi_control(c)
}

/// Line breaks of every kind (a newline splits one record over two lines of a tab-separated list).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// What the one text rule refuses in a value that is not empty after trimming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Nothing visible: only zero-width or format characters.
    InvisibleOnly,
    /// A bidi override or isolate, anywhere.
    BidiControl(char),
    /// A zero-width character inside the value.
    Invisible(char),
    /// A line break in a single-line field (names, addresses, codes).
    LineBreak,
    /// Any other control character.
    Control,
}

/// The one text rule every name, address and free text passes (after `normalise_text`): single-line fields
/// refuse line breaks; every field refuses bidi controls, inner zero-width characters and invisible-only values.
pub fn text_problems(v: &str, multiline: bool) -> Vec<TextProblem> {
    let mut out = Vec::new();
    if !v.is_empty() && v.chars().all(|c| c.is_whitespace() || is_invisible_format(c)) {
        return vec![TextProblem::InvisibleOnly];
    }
    if let Some(c) = v.chars().find(|c| is_bidi_control(*c)) {
        out.push(TextProblem::BidiControl(c));
    }
    if let Some(c) = v.chars().find(|c| is_invisible_format(*c) && !is_bidi_control(*c)) {
        out.push(TextProblem::Invisible(c));
    }
    if !multiline && v.chars().any(is_line_break) {
        out.push(TextProblem::LineBreak);
    }
    if v.chars().any(|c| c.is_control() && !is_line_break(c) && c != '\t') {
        out.push(TextProblem::Control);
    }
    out
}

/// A code point as the messages write it: `U+202E`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_width_table() {
        for (input, want) in [
            ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
            ("ａｂｃ　ＸＹＺ", "abc XYZ"),
            ("南京（江宁）", "南京(江宁)"),
            ("plain", "plain"),
        ] {
            assert_eq!(to_half_width(input), want, "{input}");
        }
    }

    #[test]
    fn code_normalisation_table() {
        for (input, want) in [
            (" 91350100m000100y43 ", "91350100M000100Y43"),
            ("９１３５ ０１００ｍ０００１００ｙ４３", "91350100M000100Y43"),
            ("苏械注准２０２０２１４０００１", "苏械注准20202140001"),
        ] {
            assert_eq!(normalise_code(input), want, "{input}");
        }
    }

    #[test]
    fn control_chars() {
        assert!(has_control_chars("a\u{0}b"));
        assert!(!has_control_chars("a\tb\nc"));
    }

    #[test]
    fn text_rule_table() {
        use TextProblem::*;
        let cases: Vec<(&str, bool, Vec<TextProblem>)> = vec![
            ("康达口罩厂", false, vec![]),
            ("\u{200B}\u{200C}\u{FEFF}", false, vec![InvisibleOnly]),
            ("康达\u{202E}厂", false, vec![BidiControl('\u{202E}')]),
            ("康\u{200D}达", false, vec![Invisible('\u{200D}')]),
            ("康达\n口罩厂", false, vec![LineBreak]),
            ("康达\n口罩厂", true, vec![]),
            ("康达\u{2028}厂", false, vec![LineBreak]),
            ("a\u{7}b", false, vec![Control]),
            ("a\tb", false, vec![]),
        ];
        for (input, multiline, want) in cases {
            assert_eq!(text_problems(input, multiline), want, "{input:?}");
        }
    }

    #[test]
    fn normalise_trims_bom_and_composes() {
        assert_eq!(normalise_text("\u{FEFF} 康达 \u{200B}"), "康达");
        // e + combining acute composes to é (NFC), so two spellings of one name are one name.
        assert_eq!(normalise_text("Caf\u{65}\u{301}"), "Caf\u{E9}");
    }
}
