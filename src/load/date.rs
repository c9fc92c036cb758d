//! Publication dates from metadata, normalized to `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
//!
//! Accepts ISO 8601 dates and timestamps (`2025-06-13T10:00:00Z`, `2025-06-13 10:00`),
//! RFC 2822 (`Fri, 13 Jun 2025 10:00:00 +0000`) and written dates (`June 13, 2025`,
//! `13 June 2025`, `Friday, June 13th, 2025`, `June 2025`). A timestamp keeps the calendar
//! date it was written with, in its own offset. Anything else is `None`: a missing date is
//! never an error.

use crate::text::MONTH_NAMES;
use chrono::{DateTime, Datelike, NaiveDate};

/// The date `s` names, normalized, or `None` when it cannot be read.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    iso(s)
        .or_else(|| {
            DateTime::parse_from_rfc2822(s)
                .ok()
                .map(|d| ymd(d.date_naive()))
        })
        .or_else(|| written(s))
}

fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `YYYY-MM-DD` (optionally followed by a time), `YYYY/MM/DD`, `YYYYMMDD`, `YYYY-MM`, `YYYY`.
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = digits(0..4)?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    if b.len() == 4 {
        return Some(format!("{year:04}"));
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        // Basic format `20250613`, optionally with `T103000Z`.
        if b.len() == 8 || b[8] == b'T' {
            let d = NaiveDate::from_ymd_opt(year as i32, digits(4..6)?, digits(6..8)?)?;
            return Some(ymd(d));
        }
        return None;
    }
    let sep = b[4];
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let month = digits(5..7)?;
    if b.len() == 7 {
        return (1..=12)
            .contains(&month)
            .then(|| format!("{year:04}-{month:02}"));
    }
    if b.get(7) != Some(&sep) {
        return None;
    }
    let day = digits(8..10)?;
    // What follows the date must be a time or an offset, not more digits.
    if let Some(&next) = b.get(10) {
        if !matches!(next, b'T' | b't' | b' ' | b'Z' | b'z' | b'+' | b'-') {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).map(ymd)
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u32 + 1)
}

/// Written dates: a month name, a four-digit year and optionally a day, in either order,
/// with weekday names, ordinal suffixes and times ignored.
fn written(s: &str) -> Option<String> {
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for token in s.split(|c: char| c.is_whitespace() || c == ',') {
        let token = token.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        if token.is_empty() || token.contains(':') {
            continue;
        }
        if let Some(m) = month_number(token) {
            if month.replace(m).is_some() {
                return None;
            }
            continue;
        }
        let number = token
            .strip_suffix("st")
            .or_else(|| token.strip_suffix("nd"))
            .or_else(|| token.strip_suffix("rd"))
            .or_else(|| token.strip_suffix("th"))
            .unwrap_or(token);
        if !number.is_empty() && number.bytes().all(|c| c.is_ascii_digit()) {
            match number.len() {
                4 if year.is_none() => year = number.parse::<i32>().ok(),
                1 | 2 if day.is_none() => day = number.parse::<u32>().ok(),
                _ => return None,
            }
        }
        // Other words (weekdays, "at", time zone names) carry no date.
    }
    let (month, year) = (month?, year?);
    if !(1000..=2999).contains(&year) {
        return None;
    }
    match day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d).map(ymd),
        None => Some(format!("{year:04}-{month:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Option<String> {
        normalize_date(s)
    }

    #[test]
    fn iso_timestamps_keep_their_written_date() {
        assert_eq!(n("2025-06-13T10:00:00Z").as_deref(), Some("2025-06-13"));
        assert_eq!(
            n("2025-06-13T23:30:00-05:00").as_deref(),
            Some("2025-06-13")
        );
        assert_eq!(n("2025-06-13 10:00").as_deref(), Some("2025-06-13"));
        assert_eq!(n("20250613").as_deref(), Some("2025-06-13"));
        assert_eq!(n("2025/06/13").as_deref(), Some("2025-06-13"));
    }

    #[test]
    fn partial_iso_dates_keep_their_precision() {
        assert_eq!(n("2025-06").as_deref(), Some("2025-06"));
        assert_eq!(n("2025").as_deref(), Some("2025"));
    }

    #[test]
    fn rfc_2822_dates_parse() {
        assert_eq!(
            n("Fri, 13 Jun 2025 10:00:00 +0000").as_deref(),
            Some("2025-06-13")
        );
    }

    #[test]
    fn written_dates_parse_in_either_order() {
        assert_eq!(n("June 13, 2025").as_deref(), Some("2025-06-13"));
        assert_eq!(n("13 June 2025").as_deref(), Some("2025-06-13"));
        assert_eq!(
            n("Friday, June 13th, 2025 at 10:00 ET").as_deref(),
            Some("2025-06-13")
        );
        assert_eq!(n("Sept. 3, 2024").as_deref(), Some("2024-09-03"));
        assert_eq!(n("June 2025").as_deref(), Some("2025-06"));
    }

    #[test]
    fn impossible_or_unreadable_dates_are_none() {
        assert_eq!(n("2025-02-30"), None);
        assert_eq!(n("2025-13"), None);
        assert_eq!(n("February 30, 2025"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n("06/13/2025"), None);
        assert_eq!(n(""), None);
        assert_eq!(n("2025-06-1399"), None);
        assert_eq!(n("é2025"), None);
    }
}
