//! The passphrase that encrypts a data directory. It is used as typed (no trimming or normalising: the same keys
//! must open it on every start), so the rule only asks for enough length that guessing it at Argon2id's cost of
//! half a second a try is hopeless, and for the same text twice when it is chosen.

use crate::field_error::{Field, FieldError, Rule, ValidationErrors};

/// At least this many characters (a Chinese character counts as one).
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A new passphrase and its confirmation.
pub fn check_new_passphrase(passphrase: &str, confirm: &str) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    if passphrase.is_empty() {
        errors.push(FieldError::new(Field::Passphrase, Rule::Required, ""));
    } else if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        errors.push(FieldError::new(Field::Passphrase, Rule::TooShort, MIN_PASSPHRASE_CHARS.to_string()));
    } else if passphrase != confirm {
        errors.push(FieldError::new(Field::PassphraseConfirm, Rule::Mismatch, ""));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A passphrase, its confirmation, and the field and rule refused (none: accepted).
    type Case = (&'static str, &'static str, Option<(Field, Rule)>);

    #[test]
    fn passphrase_rule_table() {
        let cases: &[Case] = &[
            ("", "", Some((Field::Passphrase, Rule::Required))),
            ("1234567", "1234567", Some((Field::Passphrase, Rule::TooShort))),
            ("口罩检查七个字", "口罩检查七个字", Some((Field::Passphrase, Rule::TooShort))),
            ("口罩质量现场检查", "口罩质量现场检查", None),
            ("correct horse", "correct horse", None),
            ("correct horse", "correct hors", Some((Field::PassphraseConfirm, Rule::Mismatch))),
            (" 12345678", "12345678", Some((Field::PassphraseConfirm, Rule::Mismatch))),
        ];
        for (p, c, want) in cases {
            let got = check_new_passphrase(p, c).err().map(|e| (e.0[0].field, e.0[0].rule));
            assert_eq!(got, *want, "{p:?} / {c:?}");
        }
    }
}
