//! Times of day and race times. A time of day (`1:39 PM IST`, `0809 UTC`, `5:57 p.m.
//! EDT`, `3.30 am`, `6 p.m.`, `10:35`) is kind `time`: its value is minutes after
//! midnight as written, its unit the zone as written (`IST`, `UTC`, `local`), and its
//! `date` the ISO time with the zone's offset when the zone is known (`13:39+05:30`), so
//! that times in different zones can be compared in UTC. A clock reading with seconds and
//! no am/pm or zone (`2:01:53`, `1:59:40.2`) is a race or finishing time: a duration in
//! seconds. A bare four-digit time (`1339`) counts only with a zone or `hrs` after it.
//!
//! Why: "took off at 1:38 p.m." against "1:39 PM local time", and "2:01:52" against
//! "2:01:53", are disagreements news copy makes and readers check.

use super::token::Tokens;

/// A time read at a token: what it states and the token after it.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A time of day: minutes after midnight, the zone label, its UTC offset in minutes.
    TimeOfDay {
        /// Minutes after midnight, as written.
        minutes: f64,
        /// The zone as written (`IST`, `UTC`, `local`), when stated.
        zone: Option<&'static str>,
        /// One past the last token.
        end: usize,
    },
    /// A race time: seconds.
    Race {
        /// The time in seconds.
        seconds: f64,
        /// One past the last token.
        end: usize,
    },
}

/// Zone abbreviations news uses, with their offset from UTC in minutes (`None` when the
/// abbreviation does not fix one: `ET` is EDT or EST).
pub fn zone_offset(zone: &str) -> Option<i32> {
    Some(match zone {
        "UTC" | "GMT" | "Z" => 0,
        "IST" => 330,
        "EDT" => -240,
        "EST" | "CDT" => -300,
        "CST" | "MDT" => -360,
        "MST" | "PDT" => -420,
        "PST" => -480,
        "BST" | "CET" | "WAT" => 60,
        "CEST" | "EET" | "SAST" | "CAT" => 120,
        "EEST" | "MSK" | "EAT" => 180,
        "GST" => 240,
        "PKT" => 300,
        "ICT" | "WIB" => 420,
        "HKT" | "SGT" | "AWST" => 480,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        "NZST" => 720,
        "NZDT" => 780,
        _ => return None,
    })
}

const ZONES: &[&str] = &[
    "UTC", "GMT", "IST", "EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "BST", "CET",
    "WAT", "CEST", "EET", "SAST", "CAT", "EEST", "MSK", "EAT", "GST", "PKT", "ICT", "WIB", "HKT",
    "SGT", "AWST", "JST", "KST", "AEST", "AEDT", "NZST", "NZDT", "ET", "PT", "CT", "MT",
];

/// The zone after a time at token `k`: (label, end token). "local time" is `local`;
/// "Indian time" is `IST`.
fn zone(t: &Tokens, k: usize) -> Option<(&'static str, usize)> {
    let word = t.s(k);
    if let Some(z) = ZONES.iter().find(|z| **z == word) {
        return Some((z, k + 1));
    }
    if t.is_word(k, "local") && t.is_word(k + 1, "time") {
        return Some(("local", k + 2));
    }
    if t.is_word(k, "indian") && t.is_word(k + 1, "time") {
        return Some(("IST", k + 2));
    }
    None
}

/// am/pm after a time at token `k`: (is pm, end token).
fn meridiem(t: &Tokens, k: usize) -> Option<(bool, usize)> {
    if t.is_any(k, &["am", "pm"]) {
        return Some((t.is_word(k, "pm"), k + 1));
    }
    if t.is_any(k, &["a", "p"]) && t.is_punct(k + 1, '.') && t.is_word(k + 2, "m") {
        let e = if t.is_punct(k + 3, '.') && t.attached(k + 3) {
            k + 4
        } else {
            k + 3
        };
        return Some((t.is_word(k, "p"), e));
    }
    None
}

/// Two-digit minutes or seconds after a separator at token `k`.
fn two_digits(t: &Tokens, k: usize, sep: char) -> Option<u64> {
    (t.is_punct(k, sep) && t.attached(k) && t.attached(k + 1) && t.ndigits(k + 1) == 2)
        .then(|| t.int(k + 1))
        .flatten()
        .filter(|v| *v < 60)
}

/// The time that starts at token `i`, when there is one.
pub fn parse(t: &Tokens, i: usize) -> Option<Reading> {
    let h = t.int(i)?;
    let digits = t.ndigits(i);
    // "1339 IST", "0809 UTC", "2340 GMT", "1339 hrs": a four-digit time needs a zone.
    if digits == 4 {
        let (hh, mm) = (h / 100, h % 100);
        if hh > 23 || mm > 59 {
            return None;
        }
        let (label, end) = zone(t, i + 1).or_else(|| {
            t.is_any(i + 1, &["hrs", "hours"])
                .then_some(("local", i + 2))
                .filter(|_| !t.attached(i + 1))
        })?;
        return Some(Reading::TimeOfDay {
            minutes: (hh * 60 + mm) as f64,
            zone: Some(label),
            end,
        });
    }
    if digits > 2 || h > 24 {
        return None;
    }
    let mut end = i + 1;
    let mut minutes = 0;
    let mut clock = false;
    if let Some(m) = two_digits(t, end, ':') {
        minutes = m;
        end += 2;
        clock = true;
        if let Some(s) = two_digits(t, end, ':') {
            // "2:01:53": hours, minutes, seconds; "1:59:40.2" with tenths.
            let mut seconds = (h * 3600 + m * 60 + s) as f64;
            end += 2;
            if t.is_punct(end, '.') && t.attached(end) && t.attached(end + 1) && t.is_num(end + 1) {
                let frac = t.s(end + 1);
                seconds += format!("0.{frac}").parse::<f64>().unwrap_or(0.0);
                end += 2;
            }
            if meridiem(t, end).is_none() && zone(t, end).is_none() && h <= 9 {
                return Some(Reading::Race { seconds, end });
            }
        }
    } else if t.is_punct(end, '.') && t.attached(end) && t.ndigits(end + 1) == 2 {
        // "3.30 am", "10.35 am", "00.11 GMT": a dotted time needs am/pm or a zone.
        let m = t.int(end + 1).filter(|m| *m < 60)?;
        if meridiem(t, end + 2).is_none() && zone(t, end + 2).is_none() {
            return None;
        }
        minutes = m;
        end += 2;
        clock = true;
    }
    let mut hour = h;
    if let Some((pm, e)) = meridiem(t, end) {
        if h == 0 || h > 12 {
            return None;
        }
        hour = match (pm, h) {
            (true, 12) => 12,
            (true, _) => h + 12,
            (false, 12) => 0,
            (false, _) => h,
        };
        end = e;
        clock = true;
    }
    if !clock || hour > 23 {
        return None;
    }
    let label = zone(t, end);
    if let Some((_, e)) = label {
        end = e;
    }
    Some(Reading::TimeOfDay {
        minutes: (hour * 60 + minutes) as f64,
        zone: label.map(|(z, _)| z),
        end,
    })
}

/// The ISO form of a time of day with its zone's offset when known ("13:39+05:30",
/// "08:09Z", "13:38" for an unknown zone).
pub fn iso(minutes: f64, zone: Option<&str>) -> String {
    let m = minutes as i64;
    let base = format!("{:02}:{:02}", m / 60, m % 60);
    match zone.and_then(zone_offset) {
        Some(0) => format!("{base}Z"),
        Some(o) => format!(
            "{base}{}{:02}:{:02}",
            if o < 0 { '-' } else { '+' },
            o.abs() / 60,
            o.abs() % 60
        ),
        None => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn read(s: &str) -> Option<Reading> {
        let t = tokenize(s);
        parse(&t, 0)
    }

    fn time(s: &str) -> (f64, Option<&'static str>) {
        match read(s) {
            Some(Reading::TimeOfDay { minutes, zone, .. }) => (minutes, zone),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn times_of_day_in_news_forms() {
        assert_eq!(time("1:39 PM IST"), (13.0 * 60.0 + 39.0, Some("IST")));
        assert_eq!(time("1339 IST"), (13.0 * 60.0 + 39.0, Some("IST")));
        assert_eq!(time("0809 UTC"), (8.0 * 60.0 + 9.0, Some("UTC")));
        assert_eq!(time("5:57 p.m. EDT"), (17.0 * 60.0 + 57.0, Some("EDT")));
        assert_eq!(
            time("3.30 am Indian Time"),
            (3.0 * 60.0 + 30.0, Some("IST"))
        );
        assert_eq!(time("6 p.m."), (18.0 * 60.0, None));
        assert_eq!(time("00.11 GMT on Saturday"), (11.0, Some("GMT")));
        assert_eq!(time("12 am"), (0.0, None));
        assert_eq!(
            time("1:39 PM local time"),
            (13.0 * 60.0 + 39.0, Some("local"))
        );
    }

    #[test]
    fn race_times_are_durations() {
        assert_eq!(
            read("2:01:53 in Valencia"),
            Some(Reading::Race {
                seconds: 2.0 * 3600.0 + 60.0 + 53.0,
                end: 5
            })
        );
        match read("1:59:40.2") {
            Some(Reading::Race { seconds, .. }) => assert!((seconds - 7180.2).abs() < 1e-9),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn numbers_that_are_not_times() {
        assert_eq!(read("1339 people"), None);
        assert_eq!(read("3.30 percent"), None);
        assert_eq!(read("6.25 per cent"), None);
        assert_eq!(read("25 points"), None);
        assert_eq!(read("13 pm"), None);
    }

    #[test]
    fn iso_carries_the_offset() {
        assert_eq!(iso(13.0 * 60.0 + 39.0, Some("IST")), "13:39+05:30");
        assert_eq!(iso(8.0 * 60.0 + 9.0, Some("UTC")), "08:09Z");
        assert_eq!(iso(17.0 * 60.0 + 57.0, Some("EDT")), "17:57-04:00");
        assert_eq!(iso(13.0 * 60.0 + 38.0, None), "13:38");
    }
}
