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

/// Normalises free text: trimmed; inner text kept verbatim (HTML and SQL metacharacters included).
pub fn normalise_text(s: &str) -> String {
    s.trim().to_string()
}

/// An optional text field: empty after trimming means absent.
pub fn optional_text(s: Option<&str>) -> Option<String> {
    s.map(normalise_text).filter(|t| !t.is_empty())
}

/// True when the text contains control characters other than tab and newline (never legitimate in a roster).
pub fn has_control_chars(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
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
}
