//! Cell values as the parser sees them, and the conversions bureaus' spreadsheets need: numbers that are really
//! text (phone numbers, codes), and dates written every which way.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
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
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => if *b { "是" } else { "否" }.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// Excel's day count (1900 date system, including its phantom 1900-02-29) to a date.
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = serial.floor() as i64;
    // Serials before 1900-03-01 are one day off because of the phantom leap day.
    let days = if days < 61 { days + 1 } else { days };
    base.checked_add_signed(chrono::Duration::days(days))
}

/// Parses a date given as a date cell, an Excel serial, or text (`2021-03-25`, `2021/3/25`, `2021.3.25`,
/// `2021年3月25日`, `20210325`), with full-width digits accepted. Err carries the text for the message.
pub fn parse_date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) if *n >= 19_000_101.0 && *n <= 21_001_231.0 => parse_text_date(&cell.text()),
        Cell::Number(n) => from_excel_serial(*n).map(Some).ok_or_else(|| cell.text()),
        Cell::Bool(_) => Err(cell.text()),
        Cell::Text(s) if s.trim().is_empty() => Ok(None),
        Cell::Text(s) => parse_text_date(s),
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
        (Some(y), Some(m), Some(d)) if (1900..=2100).contains(&y) => {
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
        let cases: Vec<(Cell, Result<Option<NaiveDate>, String>)> = vec![
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
            (Cell::Text("2021-02-30".into()), Err("2021-02-30".into())),
            (Cell::Text("去年".into()), Err("去年".into())),
            (Cell::Number(-5.0), Err("-5".into())),
        ];
        for (cell, want) in cases {
            assert_eq!(parse_date(&cell), want, "{cell:?}");
        }
    }

    #[test]
    fn numbers_as_text() {
        assert_eq!(Cell::Number(13812345678.0).text(), "13812345678");
        assert_eq!(Cell::Number(1.5).text(), "1.5");
        assert_eq!(Cell::Text(" 张三 ".into()).text(), "张三");
    }
}
