//! Percentages: a numeral followed by `%`, `percent`, `per cent`, `pct`, `pc` (unit
//! `percent`, value 0–100), or by `percentage points`, `pp`, `basis points` (unit
//! `percentage_point`; basis points are converted, 25 bp = 0.25 points).
//!
//! Why: a stake of "49%" and a change of "3 percentage points" are different claims, and
//! "49%" covers [48.5, 49.5] by rounding.

use super::token::Tokens;

/// Unit of a percentage.
pub const PERCENT: &str = "percent";
/// Unit of a difference between percentages.
pub const POINT: &str = "percentage_point";

/// A percent sign or word after a numeral ending before token `k`: (unit, end token,
/// factor to apply to the value).
pub fn suffix(t: &Tokens, k: usize) -> Option<(&'static str, usize, f64)> {
    let mut end;
    if matches!(t.punct(k), Some('%' | '％')) {
        end = k + 1;
    } else {
        let lc = t.lc(k);
        match lc.as_str() {
            "percent" | "percents" | "pct" | "percentage" => end = k + 1,
            "pc" if t.attached(k) => end = k + 1,
            "per" if t.is_word(k + 1, "cent") => end = k + 2,
            "pp" | "ppt" | "ppts" if t.attached(k) => return Some((POINT, k + 1, 1.0)),
            "basis" if t.is_any(k + 1, &["point", "points"]) => return Some((POINT, k + 2, 0.01)),
            "bps" | "bp" => return Some((POINT, k + 1, 0.01)),
            _ => return None,
        }
    }
    if t.is_any(end, &["point", "points", "pts"]) {
        end += 1;
        return Some((POINT, end, 1.0));
    }
    Some((PERCENT, end, 1.0))
}

/// The start token of a percent word written before its number ("percent of 10", "per
/// cent of twenty-two") when numeral token `i` follows it, provided no number stands
/// before the percent word (then it is "10 percent of 200", a percent of something).
pub fn inverted_prefix(t: &Tokens, i: usize) -> Option<usize> {
    if i < 2 || !t.is_word(i - 1, "of") {
        return None;
    }
    let k = i - 2;
    let start = match t.lc(k).as_str() {
        "percent" | "percents" => k,
        "cent" | "cents" if k >= 1 && t.is_word(k - 1, "per") => k - 1,
        _ => return None,
    };
    let before_is_number =
        start >= 1 && (t.is_num(start - 1) || t.punct(start - 1).is_some_and(|c| c == '%'));
    (!before_is_number).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn percent_forms() {
        for (s, k, end) in [
            ("49%", 1, 2),
            ("125 per cent", 1, 3),
            ("14 percent", 1, 2),
            ("6.3pct", 3, 4),
            ("24pc", 1, 2),
            ("18 %", 1, 2),
        ] {
            let t = tokenize(s);
            assert_eq!(suffix(&t, k), Some((PERCENT, end, 1.0)), "{s}");
        }
    }

    #[test]
    fn points_are_not_percent() {
        let t = tokenize("3 percentage points");
        assert_eq!(suffix(&t, 1), Some((POINT, 3, 1.0)));
        let t = tokenize("25 basis points");
        assert_eq!(suffix(&t, 1), Some((POINT, 3, 0.01)));
    }

    #[test]
    fn a_percent_word_can_come_before_its_number() {
        let t = tokenize("per cent of 210");
        assert_eq!(inverted_prefix(&t, 3), Some(0));
        let t = tokenize("10 percent of 200");
        assert_eq!(inverted_prefix(&t, 3), None);
    }

    #[test]
    fn spaced_pc_is_not_percent() {
        let t = tokenize("24 pc users");
        assert_eq!(suffix(&t, 1), None);
    }
}
