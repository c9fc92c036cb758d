//! The time a figure refers to ([`AsOf`]): a year, a month, a day, or a day with a time
//! of day and, when known, its zone. Parsed once from the ISO forms the loaders and the
//! date extractor write ("2021", "2023-11", "2025-06-13"; with a time of day
//! "2025-06-12T08:09Z", "2025-06-12T13:38+05:30") and written back exactly so, in JSON
//! and reports.
//!
//! A leaf: the claim data, the time-scope stage, the diff, house facts and the reports
//! all compare times through it, and it imports none of them (only chrono and serde).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A time of day, with its offset from UTC when the text names a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Offset east of UTC in minutes ("+05:30" is 330, "Z" is 0); `None` for a local
    /// time whose zone is unknown.
    pub zone: Option<i16>,
}

/// How precisely an [`AsOf`] names its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A year ("2021").
    Year,
    /// A month ("2023-11").
    Month,
    /// A day ("2025-06-13").
    Day,
    /// A minute of a day ("2025-06-12T08:09Z").
    Minute,
}

/// The time a figure refers to: a year, optionally its month, day and time of day.
///
/// Always a real calendar date: a day implies a month, and a time implies a day.
/// Ordered by calendar (a year before its months, a month before its days), with times
/// that carry a zone placed at their instant in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AsOf {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    time: Option<TimeOfDay>,
}

impl AsOf {
    /// A year (four digits: 1000–9999, as the ISO form writes it).
    pub fn year_only(year: i32) -> Option<AsOf> {
        (1000..=9999).contains(&year).then_some(AsOf {
            year,
            month: None,
            day: None,
            time: None,
        })
    }

    /// A month of a year.
    pub fn month_of(year: i32, month: u8) -> Option<AsOf> {
        let y = AsOf::year_only(year)?;
        (1..=12).contains(&month).then_some(AsOf {
            month: Some(month),
            ..y
        })
    }

    /// A calendar day.
    pub fn day_of(year: i32, month: u8, day: u8) -> Option<AsOf> {
        let m = AsOf::month_of(year, month)?;
        NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))?;
        Some(AsOf {
            day: Some(day),
            ..m
        })
    }

    /// A calendar day from a chrono date.
    pub fn from_date(date: NaiveDate) -> Option<AsOf> {
        AsOf::day_of(date.year(), date.month() as u8, date.day() as u8)
    }

    /// This day at a time of day; `None` when `self` is not a day or the time is not
    /// one (hour 0–23, minute 0–59, offset within ±18 hours).
    pub fn at(self, time: TimeOfDay) -> Option<AsOf> {
        let valid = time.hour < 24
            && time.minute < 60
            && time.zone.is_none_or(|z| z.unsigned_abs() <= 18 * 60);
        (self.day.is_some() && valid).then_some(AsOf {
            time: Some(time),
            ..self
        })
    }

    /// Reads an ISO year, month, date or date with time ("2021", "2023-11",
    /// "2025-06-13", "2025-06-12T08:09", "2025-06-12T08:09Z", "2025-06-12T13:38+05:30").
    /// Anything else, or a date that does not exist, is `None`.
    pub fn parse(s: &str) -> Option<AsOf> {
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
        };
        let year = AsOf::year_only(num(0..4)? as i32)?;
        if b.len() == 4 {
            return Some(year);
        }
        if b[4] != b'-' {
            return None;
        }
        let month = AsOf::month_of(year.year, num(5..7)? as u8)?;
        if b.len() == 7 {
            return Some(month);
        }
        if b[7] != b'-' {
            return None;
        }
        let day = AsOf::day_of(year.year, month.month?, num(8..10)? as u8)?;
        if b.len() == 10 {
            return Some(day);
        }
        if b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') {
            return None;
        }
        let (hour, minute) = (num(11..13)? as u8, num(14..16)? as u8);
        let zone = match &b[16..] {
            [] => None,
            [b'Z'] => Some(0),
            [sign @ (b'+' | b'-'), _, _, b':', _, _] if num(20..22)? < 60 => {
                let minutes = (num(17..19)? * 60 + num(20..22)?) as i16;
                Some(if *sign == b'-' { -minutes } else { minutes })
            }
            _ => return None,
        };
        day.at(TimeOfDay { hour, minute, zone })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1–12), when stated.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when stated.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The time of day, when stated.
    pub fn time(&self) -> Option<TimeOfDay> {
        self.time
    }

    /// How precisely the time is named.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (_, _, Some(_)) => Precision::Minute,
            (_, Some(_), None) => Precision::Day,
            (Some(_), None, None) => Precision::Month,
            (None, _, _) => Precision::Year,
        }
    }

    /// The calendar day as written (a year or a month counts as its first day).
    pub fn first_day(&self) -> NaiveDate {
        let (m, d) = (self.month.unwrap_or(1), self.day.unwrap_or(1));
        // Every constructor checks the date.
        NaiveDate::from_ymd_opt(self.year, u32::from(m), u32::from(d)).unwrap_or_default()
    }

    /// The calendar day, when a day is stated.
    pub fn date(&self) -> Option<NaiveDate> {
        self.day.map(|_| self.first_day())
    }

    /// Minutes since 1970-01-01 00:00 of the time's start: a year or a month at its
    /// first day, a day at midnight, a time with a zone at its instant in UTC, a time
    /// without one as written.
    pub fn minutes_since_1970(&self) -> i64 {
        let days = (self.first_day() - NaiveDate::default()).num_days();
        let (clock, zone) = self.time.map_or((0, 0), |t| {
            (
                i64::from(t.hour) * 60 + i64::from(t.minute),
                i64::from(t.zone.unwrap_or(0)),
            )
        });
        days * 1440 + clock - zone
    }

    /// The instant in UTC (minutes since 1970), for a time with a zone only.
    fn utc_instant(&self) -> Option<i64> {
        self.time
            .and_then(|t| t.zone)
            .map(|_| self.minutes_since_1970())
    }

    /// Whether the two can denote the same time: one contains the other. Same year,
    /// and the same month and day where both state them; two times that both carry a
    /// zone must be the same instant in UTC. A time without a zone, or facing a bare
    /// date, is compared only by its day ("2023" and "2023-11" are compatible, "2023-11"
    /// and "2023-12" are not).
    pub fn compatible(&self, other: &AsOf) -> bool {
        if let (Some(a), Some(b)) = (self.utc_instant(), other.utc_instant()) {
            return a == b;
        }
        let agree = |a: Option<u8>, b: Option<u8>| a.is_none() || b.is_none() || a == b;
        self.year == other.year && agree(self.month, other.month) && agree(self.day, other.day)
    }

    /// Whole days between the first days of two times (a year or a month counts as
    /// its first day; a time of day is ignored).
    pub fn days_apart(&self, other: &AsOf) -> i64 {
        (self.first_day() - other.first_day()).num_days().abs()
    }

    /// The key `Ord` sorts by: the date (in UTC for a time with a zone), then the time
    /// of day (likewise), then the zone. It holds every field, so it orders exactly as
    /// `Eq` compares.
    fn sort_key(&self) -> SortKey {
        match self.time {
            Some(t) if t.zone.is_some() => {
                let at = self.minutes_since_1970();
                let date = NaiveDate::default() + chrono::Duration::days(at.div_euclid(1440));
                let clock = at.rem_euclid(1440);
                (
                    date.year(),
                    Some(date.month() as u8),
                    Some(date.day() as u8),
                    Some(((clock / 60) as u8, (clock % 60) as u8, t.zone)),
                )
            }
            _ => (
                self.year,
                self.month,
                self.day,
                self.time.map(|t| (t.hour, t.minute, None)),
            ),
        }
    }
}

/// Year, month, day, and hour, minute and zone: see [`AsOf::sort_key`].
type SortKey = (i32, Option<u8>, Option<u8>, Option<(u8, u8, Option<i16>)>);

impl Ord for AsOf {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for AsOf {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}", t.hour, t.minute)?;
            match t.zone {
                None => {}
                Some(0) => f.write_str("Z")?,
                Some(z) => {
                    let sign = if z < 0 { '-' } else { '+' };
                    let z = z.unsigned_abs();
                    write!(f, "{sign}{:02}:{:02}", z / 60, z % 60)?;
                }
            }
        }
        Ok(())
    }
}

/// Why a string is not an [`AsOf`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseAsOfError(String);

impl fmt::Display for ParseAsOfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[Z|±HH:MM]",
            self.0
        )
    }
}

impl std::error::Error for ParseAsOfError {}

impl FromStr for AsOf {
    type Err = ParseAsOfError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AsOf::parse(s).ok_or_else(|| ParseAsOfError(s.to_string()))
    }
}

impl Serialize for AsOf {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AsOf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> AsOf {
        AsOf::parse(s).unwrap_or_else(|| panic!("{s:?} should parse"))
    }

    #[test]
    fn iso_forms_are_written_back_exactly() {
        for s in [
            "2021",
            "2023-11",
            "2025-06-13",
            "2025-06-12T08:09",
            "2025-06-12T08:09Z",
            "2025-06-12T13:38+05:30",
            "2025-06-12T23:05-04:00",
        ] {
            assert_eq!(at(s).to_string(), s);
            assert_eq!(serde_json::to_string(&at(s)).unwrap(), format!("\"{s}\""));
            assert_eq!(
                serde_json::from_str::<AsOf>(&format!("\"{s}\"")).unwrap(),
                at(s)
            );
        }
    }

    #[test]
    fn parts_and_precision_are_read() {
        let t = at("2025-06-12T13:38+05:30");
        assert_eq!((t.year(), t.month(), t.day()), (2025, Some(6), Some(12)));
        assert_eq!(
            t.time(),
            Some(TimeOfDay {
                hour: 13,
                minute: 38,
                zone: Some(330)
            })
        );
        assert_eq!(at("2021").precision(), Precision::Year);
        assert_eq!(at("2023-11").precision(), Precision::Month);
        assert_eq!(at("2025-06-13").precision(), Precision::Day);
        assert_eq!(t.precision(), Precision::Minute);
    }

    #[test]
    fn malformed_or_impossible_dates_are_refused() {
        for s in [
            "",
            "21",
            "soon",
            "2023-1",
            "2023-13",
            "2023-02-30",
            "2023/11",
            "2025-06-22/2025-06-25",
            "2025-06-13T",
            "2025-06-13T24:00",
            "2025-06-13T10:00+5",
            "2025-06-13 10:00",
            "12:30",
        ] {
            assert_eq!(AsOf::parse(s), None, "{s:?}");
        }
        assert!("2023-13".parse::<AsOf>().is_err());
    }

    #[test]
    fn a_time_contains_the_times_that_contain_it() {
        assert!(at("2023-11").compatible(&at("2023")));
        assert!(at("2023").compatible(&at("2023-11-05")));
        assert!(at("2025-06-13").compatible(&at("2025-06-13")));
        assert!(!at("2023-11").compatible(&at("2025-06-13")));
        assert!(!at("2023-11").compatible(&at("2023-12")));
        assert!(!at("2025-06-12").compatible(&at("2025-06-13")));
        // A time against a bare date: by its day as written.
        assert!(at("2025-06-12T23:30-05:00").compatible(&at("2025-06-12")));
        assert!(!at("2025-06-12T23:30-05:00").compatible(&at("2025-06-13")));
    }

    #[test]
    fn zoned_times_are_compared_in_utc() {
        // 13:38 in India is 08:08 UTC.
        assert!(at("2025-06-12T13:38+05:30").compatible(&at("2025-06-12T08:08Z")));
        assert!(!at("2025-06-12T13:38+05:30").compatible(&at("2025-06-12T08:09Z")));
        // The same instant on two local days.
        assert!(at("2025-06-12T23:30-05:00").compatible(&at("2025-06-13T04:30Z")));
        // Without a zone only the day is compared.
        assert!(at("2025-06-12T13:38").compatible(&at("2025-06-12T08:09Z")));
        assert!(at("2025-06-12T13:38").compatible(&at("2025-06-12T18:00")));
        assert!(!at("2025-06-12T13:38").compatible(&at("2025-06-13T13:38")));
    }

    #[test]
    fn order_is_calendar_order_with_zoned_times_in_utc() {
        let mut v = [
            at("2025-06-13"),
            at("2024"),
            at("2025-06-12T23:30-05:00"),
            at("2025-06-13T01:00Z"),
            at("2023-11"),
            at("2023"),
            at("2025-06"),
        ];
        v.sort();
        let written: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            written,
            [
                "2023",
                "2023-11",
                "2024",
                "2025-06",
                "2025-06-13",
                "2025-06-13T01:00Z",
                "2025-06-12T23:30-05:00",
            ]
        );
        // Dates sort as their ISO strings do.
        for (a, b) in [
            ("2023", "2023-11"),
            ("2023-11", "2024"),
            ("2023-11-30", "2023-12"),
        ] {
            assert_eq!(at(a).cmp(&at(b)), a.cmp(b));
        }
    }

    #[test]
    fn days_apart_counts_from_first_days() {
        assert_eq!(at("2025-06-13").days_apart(&at("2025-06")), 12);
        assert_eq!(at("2024").days_apart(&at("2025")), 366);
        assert_eq!(at("1970-01-02").minutes_since_1970(), 1440);
        assert_eq!(at("1970-01-01T05:30+05:30").minutes_since_1970(), 0);
    }
}
