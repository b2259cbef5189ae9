//! Cell values as the parser sees them, and the conversions bureaus' spreadsheets need: numbers that are really
//! text (phone numbers, codes), and dates written every which way.

use chrono::NaiveDate;
use maskcheck_domain::Rule;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
    /// A number in a date-formatted cell of the 1900 date system: converted by `from_excel_serial`, which knows
    /// Excel's phantom 1900-02-29, not by the reader.
    DateSerial(f64),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a spurious `.0` (a phone number stored as a number), dates as ISO.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) | Cell::DateSerial(n) => number_text(*n),
            Cell::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A number as a message shows it: integers without `.0` (a phone number stored as a number), and huge or
/// tiny values in scientific notation, so `1e308` never prints 309 digits.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        "非数字".into()
    } else if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else if n != 0.0 && (n.abs() >= 1e15 || n.abs() < 1e-6) {
        format!("{n:e}")
    } else {
        n.to_string()
    }
}

/// Why a serial is not a date, in the words of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SerialError {
    /// Before 1900-01-01 (serials below 1), or Excel's phantom 1900-02-29 (serial 60).
    NotReal(String),
    /// Beyond Excel's last date (9999-12-31).
    OutOfRange(String),
}

/// Excel's day count in the 1900 date system to a date. Serial 1 is 1900-01-01; serial 60 is the 1900-02-29
/// that Excel invented (1900 was not a leap year) and is refused; 61 is 1900-03-01.
pub fn from_excel_serial(serial: f64) -> Result<NaiveDate, SerialError> {
    if !serial.is_finite() || serial >= 2_958_466.0 {
        return Err(SerialError::OutOfRange(number_text(serial)));
    }
    let days = serial.floor() as i64;
    if days < 1 {
        return Err(SerialError::NotReal(format!("Excel 日期序号 {}，早于1900年1月1日", number_text(serial))));
    }
    if days == 60 {
        return Err(SerialError::NotReal("Excel 日期序号 60，即1900年2月29日，1900年不是闰年".into()));
    }
    // Serials before the phantom day count from 1899-12-31, later ones from 1899-12-30.
    let base = NaiveDate::from_ymd_opt(1899, 12, if days < 60 { 31 } else { 30 }).unwrap_or(NaiveDate::MIN);
    base.checked_add_signed(chrono::Duration::days(days)).ok_or_else(|| SerialError::OutOfRange(number_text(serial)))
}

/// A date, nothing, or the rule a cell broke and what the message shows.
pub type DateResult = Result<Option<NaiveDate>, (Rule, String)>;

/// Parses a date given as a date cell, an Excel serial, or text (`2021-03-25`, `2021/3/25`, `2021.3.25`,
/// `2021年3月25日`, `20210325`), with full-width digits accepted. Any real calendar date is returned; whether it
/// is plausible (founded after 1949, not in the future) is the domain's rule (`maskcheck_domain::dates`), the
/// same for every input path. Err carries the rule and what the message shows.
pub fn parse_date(cell: &Cell) -> DateResult {
    let serial = |n: f64| match from_excel_serial(n) {
        Ok(d) => Ok(Some(d)),
        Err(SerialError::NotReal(t)) => Err((Rule::DateNotReal, t)),
        Err(SerialError::OutOfRange(t)) => Err((Rule::DateFormat, t)),
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::DateSerial(n) => serial(*n),
        Cell::Number(n) if (10_000_101.0..=99_991_231.0).contains(n) && n.fract() == 0.0 => {
            parse_text_date(&cell.text()).map_err(|t| (Rule::DateFormat, t))
        }
        Cell::Number(n) => serial(*n),
        Cell::Bool(_) => Err((Rule::DateFormat, cell.text())),
        Cell::Text(s) if s.trim().is_empty() => Ok(None),
        Cell::Text(s) => parse_text_date(s).map_err(|t| (Rule::DateFormat, t)),
    }
}

fn parse_text_date(s: &str) -> Result<Option<NaiveDate>, String> {
    let t = maskcheck_domain::text::to_half_width(s.trim());
    let parts: Vec<&str> = t.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    let ymd = match parts.as_slice() {
        [y, m, d] => (y.parse::<i32>().ok(), m.parse::<u32>().ok(), d.parse::<u32>().ok()),
        [y, m] if t.contains('年') || t.contains('-') || t.contains('/') || t.contains('.') => {
            (y.parse::<i32>().ok(), m.parse::<u32>().ok(), Some(1))
        }
        [compact] if compact.len() == 8 => {
            (compact[..4].parse().ok(), compact[4..6].parse().ok(), compact[6..].parse().ok())
        }
        _ => (None, None, None),
    };
    match ymd {
        (Some(y), Some(m), Some(d)) if (1..=9999).contains(&y) => {
            NaiveDate::from_ymd_opt(y, m, d).map(Some).ok_or_else(|| s.trim().to_string())
        }
        _ => Err(s.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn date_table() {
        let fmt = |t: &str| Err((Rule::DateFormat, t.to_string()));
        let not_real = |t: &str| Err((Rule::DateNotReal, t.to_string()));
        let cases: Vec<(Cell, DateResult)> = vec![
            (Cell::Text("2021-03-25".into()), Ok(d(2021, 3, 25))),
            (Cell::Text("2021/3/25".into()), Ok(d(2021, 3, 25))),
            (Cell::Text("2021.3.25".into()), Ok(d(2021, 3, 25))),
            (Cell::Text("2021年3月25日".into()), Ok(d(2021, 3, 25))),
            (Cell::Text("２０２１年３月２５日".into()), Ok(d(2021, 3, 25))),
            (Cell::Text("2021年3月".into()), Ok(d(2021, 3, 1))),
            (Cell::Text("20210325".into()), Ok(d(2021, 3, 25))),
            (Cell::Number(44280.0), Ok(d(2021, 3, 25))),
            (Cell::Number(20210325.0), Ok(d(2021, 3, 25))),
            (Cell::Date(NaiveDate::from_ymd_opt(2020, 1, 2).expect("d")), Ok(d(2020, 1, 2))),
            (Cell::Empty, Ok(None)),
            (Cell::Text("  ".into()), Ok(None)),
            (Cell::Text("2021-02-30".into()), fmt("2021-02-30")),
            (Cell::Text("去年".into()), fmt("去年")),
            // A real date, however implausible: the domain's range rule says why it is refused.
            (Cell::Text("9999-12-31".into()), Ok(d(9999, 12, 31))),
            (Cell::Number(-5.0), not_real("Excel 日期序号 -5，早于1900年1月1日")),
            (Cell::DateSerial(-1.0), not_real("Excel 日期序号 -1，早于1900年1月1日")),
            (Cell::DateSerial(0.0), not_real("Excel 日期序号 0，早于1900年1月1日")),
            (Cell::DateSerial(60.0), not_real("Excel 日期序号 60，即1900年2月29日，1900年不是闰年")),
            (Cell::Number(60.0), not_real("Excel 日期序号 60，即1900年2月29日，1900年不是闰年")),
            (Cell::DateSerial(1.0), Ok(d(1900, 1, 1))),
            (Cell::DateSerial(59.0), Ok(d(1900, 2, 28))),
            (Cell::DateSerial(61.0), Ok(d(1900, 3, 1))),
            (Cell::DateSerial(2_958_465.0), Ok(d(9999, 12, 31))),
            (Cell::Number(1e308), fmt("1e308")),
            (Cell::Number(f64::NAN), fmt("非数字")),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_date(&cell), want, "{cell:?}");
        }
    }

    #[test]
    fn numbers_as_text() {
        assert_eq!(Cell::Number(13812345678.0).text(), "13812345678");
        assert_eq!(Cell::Number(1.5).text(), "1.5");
        assert_eq!(Cell::Number(1e308).text(), "1e308");
        assert_eq!(Cell::Number(-1.5e20).text(), "-1.5e20");
        assert_eq!(Cell::Text(" 张三 ".into()).text(), "张三");
    }
}
