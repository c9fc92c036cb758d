//! Durations: a numeral followed by a unit of time (`48 hours`, `five years`, `the next
//! five years`) or joined to it by a hyphen (`three-day`, `10-minute`). Unit = the
//! singular time unit, value = the count of that unit. `3 hours ago` is a point in time
//! (page chrome in most news pages), not a duration: it yields nothing.
//!
//! Why: "a three-day visit" and "a two-day visit" contradict each other.

use super::token::Tokens;

/// The singular time unit of a word (`hours` → `hour`).
pub fn time_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "night" | "nights" => "night",
        "week" | "weeks" => "week",
        "fortnight" | "fortnights" => "fortnight",
        "month" | "months" => "month",
        "year" | "years" | "yr" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "millennium" | "millennia" => "millennium",
        _ => return None,
    })
}

/// A time unit after a numeral ending before token `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeUnit {
    /// Singular unit.
    pub unit: &'static str,
    /// One past the unit word.
    pub end: usize,
    /// Whether `ago` follows (a point in time, not a duration).
    pub ago: bool,
    /// Whether it was joined by a hyphen (`three-day`).
    pub hyphen: bool,
}

/// The time unit after a numeral ending before token `k`.
pub fn suffix(t: &Tokens, k: usize) -> Option<TimeUnit> {
    let (j, hyphen) = if t.is_dash(k) && t.attached(k) && t.attached(k + 1) {
        (k + 1, true)
    } else if t.attached(k) && t.is_word_tok(k) {
        // "48hrs", "10min"
        (k, false)
    } else {
        (k, false)
    };
    let lc = t.lc(j);
    // Geological time: "66 Ma", "1Ga", "a gigaannum" (the case tells `Ma` from `ma`).
    let geological = match t.s(j) {
        "Ma" | "Myr" | "megaannum" | "megaanni" => Some("megayear"),
        "Ga" | "Gyr" | "gigaannum" | "gigaanni" => Some("gigayear"),
        _ => None,
    };
    let unit = match geological {
        Some(u) => u,
        None => time_unit(lc.as_str())?,
    };
    let end = j + 1;
    Some(TimeUnit {
        unit,
        end,
        ago: t.is_word(end, "ago"),
        hyphen,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn spaced_and_hyphenated_units() {
        let t = tokenize("48 hours");
        assert_eq!(suffix(&t, 1).map(|u| u.unit), Some("hour"));
        let t = tokenize("three-day visit");
        let u = suffix(&t, 1).unwrap();
        assert!(u.hyphen && u.unit == "day" && u.end == 3);
    }

    #[test]
    fn ago_is_flagged() {
        let t = tokenize("3 hours ago");
        assert!(suffix(&t, 1).unwrap().ago);
    }
}
