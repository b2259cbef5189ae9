//! Formats of medical-device certificate numbers (医疗器械注册证, 备案凭证, 生产许可证).

use crate::text::normalise_code;

/// One-character abbreviations of provincial-level regions, as used in certificate numbers.
const PROVINCES: &str = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵黔云滇陕秦甘陇青蒙桂藏宁新港澳台";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertificateError {
    /// The number does not follow the pattern; the pattern is named for the user.
    Pattern(&'static str),
    /// The year part is not a plausible year.
    Year(u32),
    /// Registration certificates cover class II and III devices only (class I is filed, not registered).
    Class(char),
}

pub const REGISTRATION_PATTERN: &str = "{国|省简称}械注{准|进|许}+年份4位+类别1位(2或3)+分类编码2位+流水号4位";
pub const FILING_PATTERN: &str = "{省市简称}械备+年份4位+流水号+号";
pub const PRODUCTION_LICENCE_PATTERN: &str = "{省简称}(食)药监械生产许+年份4位+流水号4位+号";

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

fn check_year(digits: &str) -> Result<(), CertificateError> {
    let year: u32 = digits[..4].parse().unwrap_or(0);
    if !(1990..=2100).contains(&year) {
        return Err(CertificateError::Year(year));
    }
    Ok(())
}

/// 医疗器械注册证编号, e.g. `苏械注准20202140001`, `国械注进20193140123`. Returns the normalised number.
pub fn validate_registration_cert(input: &str) -> Result<String, CertificateError> {
    let code = normalise_code(input);
    let bad = CertificateError::Pattern(REGISTRATION_PATTERN);
    let mut chars = code.chars();
    let region = chars.next().ok_or(bad.clone())?;
    if region != '国' && !PROVINCES.contains(region) {
        return Err(bad);
    }
    let rest = chars.as_str();
    let rest = rest.strip_prefix("械注").ok_or(bad.clone())?;
    let mut chars = rest.chars();
    if !matches!(chars.next(), Some('准' | '进' | '许')) {
        return Err(bad);
    }
    let (digits, tail) = split_digits(chars.as_str());
    if !tail.is_empty() || digits.len() != 11 {
        return Err(bad);
    }
    check_year(digits)?;
    let class = digits.as_bytes()[4] as char;
    if class != '2' && class != '3' {
        return Err(CertificateError::Class(class));
    }
    Ok(code)
}

/// 第一类医疗器械备案凭证编号, e.g. `苏宁械备20200123号`.
pub fn validate_filing_number(input: &str) -> Result<String, CertificateError> {
    let code = normalise_code(input);
    let bad = CertificateError::Pattern(FILING_PATTERN);
    let (prefix, rest) = code.split_once("械备").ok_or(bad.clone())?;
    let n = prefix.chars().count();
    if !(1..=3).contains(&n) || !PROVINCES.contains(prefix.chars().next().ok_or(bad.clone())?) {
        return Err(bad);
    }
    let (digits, tail) = split_digits(rest);
    if tail != "号" || digits.len() < 8 {
        return Err(bad);
    }
    check_year(digits)?;
    Ok(code)
}

/// 医疗器械生产许可证编号, e.g. `苏药监械生产许20200012号` or the older `苏食药监械生产许20150012号`.
pub fn validate_production_licence(input: &str) -> Result<String, CertificateError> {
    let code = normalise_code(input);
    let bad = CertificateError::Pattern(PRODUCTION_LICENCE_PATTERN);
    let mut chars = code.chars();
    let region = chars.next().ok_or(bad.clone())?;
    if !PROVINCES.contains(region) {
        return Err(bad);
    }
    let rest = chars.as_str();
    let rest = rest.strip_prefix("药监械生产许").or_else(|| rest.strip_prefix("食药监械生产许")).ok_or(bad.clone())?;
    let (digits, tail) = split_digits(rest);
    if tail != "号" || digits.len() != 8 {
        return Err(bad);
    }
    check_year(digits)?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_table() {
        let ok =
            ["苏械注准20202140001", "国械注进20193140123", "粤械注准２０２１２１４０５５６", "国械注许20203140001"];
        for n in ok {
            assert!(validate_registration_cert(n).is_ok(), "{n}");
        }
        let bad: &[(&str, CertificateError)] = &[
            ("苏械注准2020214001", CertificateError::Pattern(REGISTRATION_PATTERN)),
            ("X械注准20202140001", CertificateError::Pattern(REGISTRATION_PATTERN)),
            ("苏械备准20202140001", CertificateError::Pattern(REGISTRATION_PATTERN)),
            ("苏械注准20201140001", CertificateError::Class('1')),
            ("苏械注准18002140001", CertificateError::Year(1800)),
            ("苏械注准20202140001号", CertificateError::Pattern(REGISTRATION_PATTERN)),
            ("", CertificateError::Pattern(REGISTRATION_PATTERN)),
        ];
        for (n, e) in bad {
            assert_eq!(validate_registration_cert(n).as_ref().err(), Some(e), "{n}");
        }
    }

    #[test]
    fn filing_table() {
        assert!(validate_filing_number("苏宁械备20200123号").is_ok());
        assert!(validate_filing_number("京械备20210001号").is_ok());
        assert!(validate_filing_number("苏宁械备20200123").is_err());
        assert!(validate_filing_number("械备20200123号").is_err());
    }

    #[test]
    fn production_licence_table() {
        for n in ["苏药监械生产许20200012号", "苏食药监械生产许20150012号", "浙药监械生产许２０２００１２３号"]
        {
            assert!(validate_production_licence(n).is_ok(), "{n}");
        }
        for n in ["苏药监械生产许2020012号", "药监械生产许20200012号", "苏药监械生产许20200012", "苏械生产许20200012号"]
        {
            assert!(validate_production_licence(n).is_err(), "{n}");
        }
    }
}
