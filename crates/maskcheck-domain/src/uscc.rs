//! 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015).

use crate::text::normalise_code;

const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a USCC is wrong; each names the rule broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsccError {
    /// Not exactly 18 characters after normalisation (the count found).
    Length(usize),
    /// A character outside `0-9 A-H J-N P-R T U W-Y` (I, O, Z, S, V are never used).
    Charset { position: usize, found: char },
    /// Positions 3–8 are the administrative area code and must be digits.
    AreaCode { position: usize, found: char },
    /// The 18th character does not match the weighted checksum.
    CheckChar { expected: char, found: char },
}

fn value_of(c: char) -> Option<u32> {
    CHARSET.find(c).map(|i| i as u32)
}

/// Computes the check character for the first 17 characters (already normalised and in the charset).
pub fn check_char(first17: &str) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += value_of(c)? * w;
    }
    let v = (31 - sum % 31) % 31;
    CHARSET.chars().nth(v as usize)
}

/// Validates a USCC given in any case and width; returns it normalised to upper-case ASCII.
pub fn validate_uscc(input: &str) -> Result<String, UsccError> {
    let code = normalise_code(input);
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(UsccError::Length(chars.len()));
    }
    for (i, &c) in chars.iter().enumerate() {
        if value_of(c).is_none() {
            return Err(UsccError::Charset { position: i + 1, found: c });
        }
    }
    for (i, &c) in chars.iter().enumerate().take(8).skip(2) {
        if !c.is_ascii_digit() {
            return Err(UsccError::AreaCode { position: i + 1, found: c });
        }
    }
    let first17: String = chars[..17].iter().collect();
    let expected = check_char(&first17).unwrap_or('?');
    if chars[17] != expected {
        return Err(UsccError::CheckChar { expected, found: chars[17] });
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uscc_table() {
        let cases: &[(&str, Result<&str, UsccError>)] = &[
            ("91350100M000100Y43", Ok("91350100M000100Y43")),
            ("91350100m000100y43", Ok("91350100M000100Y43")),
            ("９１３５０１００Ｍ０００１００Ｙ４３", Ok("91350100M000100Y43")),
            (" 91350100M000100Y43\t", Ok("91350100M000100Y43")),
            ("91350100M000100Y44", Err(UsccError::CheckChar { expected: '3', found: '4' })),
            ("91350100M000100Y4", Err(UsccError::Length(17))),
            ("", Err(UsccError::Length(0))),
            ("91350100M000100I43", Err(UsccError::Charset { position: 16, found: 'I' })),
            ("9135A100M000100Y43", Err(UsccError::AreaCode { position: 5, found: 'A' })),
        ];
        for (input, want) in cases {
            assert_eq!(validate_uscc(input).as_deref().map_err(Clone::clone), want.clone(), "{input}");
        }
    }

    #[test]
    fn check_char_of_known_codes() {
        assert_eq!(check_char("91350100M000100Y4"), Some('3'));
        // A generated code always validates.
        let c = check_char("91320100MA1XXXXX0").expect("charset");
        assert!(validate_uscc(&format!("91320100MA1XXXXX0{c}")).is_ok());
    }
}
