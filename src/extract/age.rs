//! Ages (kind `age`, unit = time unit, usually `year`): `28-year-old`, `29 years old`,
//! `ten months old`, `3 years of age`, `87 yo`, `aged 28`, `age 87`, `at the age of 19`,
//! and a bare number in apposition to a name (`Wang, 28,`, `Wang, just 28,`) or after
//! `turned` or a sentence-initial `At 19,`; and a decade of life after a possessive
//! (`in his late 30s` = 37–39, `her early 20s` = 20–23, `their mid-40s` = 43–46).
//!
//! Why: "Wang, 27" against "the 28-year-old Wang" is a conflict the report must show.

use super::duration;
use super::numeral::Numeral;
use super::token::Tokens;

/// A decade of life at the numeral token `i` ("in his late 30s"): (first token, end
/// token, lowest age, highest age). Needs a possessive (his, her, their) before it.
pub fn decade(t: &Tokens, i: usize, floor: usize) -> Option<(usize, usize, f64, f64)> {
    let n = t.int(i)?;
    if t.ndigits(i) != 2 || n % 10 != 0 || n < 10 {
        return None;
    }
    let plural = t.s(i + 1) == "s" && t.attached(i + 1);
    if !plural {
        return None;
    }
    let n = n as f64;
    let (mut lo, mut hi) = (n, n + 9.0);
    let mut k = i;
    if k >= 2 && t.is_dash(k - 1) && t.attached(k) && t.is_word(k - 2, "mid") {
        (lo, hi) = (n + 3.0, n + 6.0);
        k -= 2;
    } else if k >= 1 && t.is_any(k - 1, &["early", "mid", "late"]) {
        (lo, hi) = match t.lc(k - 1).as_str() {
            "early" => (n, n + 3.0),
            "mid" => (n + 3.0, n + 6.0),
            _ => (n + 7.0, n + 9.0),
        };
        k -= 1;
    }
    if k == 0 || !t.is_any(k - 1, &["his", "her", "their"]) {
        return None;
    }
    let mut s = k - 1;
    if s >= 1 && t.is_word(s - 1, "in") {
        s -= 1;
    }
    (s >= floor).then_some((s, i + 2, lo, hi))
}

/// An age unit after a numeral ending before token `k`: (unit, end token).
pub fn suffix(t: &Tokens, k: usize) -> Option<(&'static str, usize)> {
    if t.is_any(k, &["yo"]) {
        return Some(("year", k + 1));
    }
    let u = duration::suffix(t, k)?;
    let mut j = u.end;
    if t.is_dash(j) && t.attached(j) {
        j += 1;
    }
    if t.is_word(j, "old") {
        return Some((u.unit, j + 1));
    }
    if t.is_word(u.end, "of") && t.is_word(u.end + 1, "age") {
        return Some((u.unit, u.end + 2));
    }
    None
}

/// An age phrase before a numeral starting at token `i`: the first token of the span.
pub fn prefix(t: &Tokens, i: usize, floor: usize) -> Option<usize> {
    let ok = |s: usize| s >= floor;
    if i >= 4
        && ok(i - 4)
        && t.is_word(i - 4, "at")
        && t.is_word(i - 3, "the")
        && t.is_word(i - 2, "age")
        && t.is_word(i - 1, "of")
    {
        return Some(i - 4);
    }
    if i >= 2 && ok(i - 2) && t.is_word(i - 2, "at") && t.is_word(i - 1, "age") {
        return Some(i - 2);
    }
    if i >= 1 && ok(i - 1) && t.is_any(i - 1, &["aged", "age", "ages"]) {
        return Some(i - 1);
    }
    None
}

/// Whether a bare small number reads as a person's age from its context:
/// `Wang, 28,`, `Wang, just 28.`, `turned 30`, `At 19,`.
pub fn in_context(t: &Tokens, n: &Numeral) -> bool {
    if n.plain.filter(|v| (1..=120).contains(v)).is_none() {
        return false;
    }
    let i = n.start;
    let after_ok = |k: usize| {
        k >= t.len()
            || matches!(t.punct(k), Some(',' | '.' | ';' | ')' | '–' | '—'))
            || t.is_any(k, &["when", "at"]) && k >= 2 && t.is_any(k - 2, &["was", "is"])
    };
    if !after_ok(n.end) {
        return at_age(t, n);
    }
    if at_age(t, n) {
        return true;
    }
    let mut b = i;
    if b >= 1
        && t.is_any(
            b - 1,
            &["just", "only", "now", "still", "then", "nearly", "almost"],
        )
    {
        b -= 1;
    }
    // Apposition to a capitalised name: "Wang, 28," / "Guo, now 30,".
    if b >= 2 && t.is_punct(b - 1, ',') && t.is_cap(b - 2) && !t.sentence_start(b - 2) {
        let lc = t.lc(b - 2);
        if !is_not_a_name(lc.as_str()) {
            return true;
        }
    }
    if b >= 2 && t.is_punct(b - 1, ',') && t.is_cap(b - 2) && t.sentence_start(b - 2) {
        // At a sentence start a one-word opener ("However, 28 ...") is no name: require
        // the closing comma of an apposition.
        let lc = t.lc(b - 2);
        if !is_not_a_name(lc.as_str()) && t.is_punct(n.end, ',') {
            return true;
        }
    }
    if b >= 1 && t.is_any(b - 1, &["turned", "turns", "turning"]) {
        return true;
    }
    // "is just 28," / "was only 19."
    if b < i && b >= 1 && t.is_any(b - 1, &["is", "was"]) {
        return true;
    }
    // "he was 27." / "she is 60,": a personal pronoun as the subject.
    if b >= 2
        && t.is_any(b - 1, &["is", "was", "turns", "turned"])
        && t.is_any(b - 2, &["he", "she", "i"])
    {
        return true;
    }
    // "At 19, he ..." at a sentence start.
    if i >= 1 && t.is_word(i - 1, "at") && t.sentence_start(i - 1) && t.is_punct(n.end, ',') {
        return true;
    }
    false
}

/// "dropped out at 19 to pursue", "left at 19." (not a price or a level: "closed at 19").
fn at_age(t: &Tokens, n: &Numeral) -> bool {
    let i = n.start;
    if n.plain.filter(|v| (1..=120).contains(v)).is_none() {
        return false;
    }
    if i >= 2 && t.is_word(i - 1, "at") && !t.sentence_start(i - 1) {
        let before = t.lc(i - 2);
        let level = matches!(
            before.as_str(),
            "closed"
                | "close"
                | "opened"
                | "open"
                | "traded"
                | "trading"
                | "trades"
                | "stood"
                | "stands"
                | "peaked"
                | "ended"
                | "priced"
                | "fixed"
                | "capped"
                | "set"
                | "rated"
                | "ranked"
                | "valued"
                | "pegged"
                | "held"
                | "kept"
                | "remained"
                | "level"
                | "rate"
                | "rates"
                | "price"
                | "prices"
                | "number"
                | "no"
                | "arrived"
                | "started"
                | "starts"
                | "start"
                | "finished"
                | "landed"
                | "came"
                | "comes"
                | "sits"
                | "sat"
                | "unchanged"
                | "steady"
                | "flat"
                | "is"
                | "was"
                | "be"
        ) || t.is_num(i - 2)
            || t.punct(i - 2).is_some();
        let next = t.lc(n.end);
        let clause_end = n.end >= t.len()
            || matches!(t.punct(n.end), Some(',' | '.' | ';'))
            || matches!(next.as_str(), "to" | "when" | "after" | "before" | "while");
        if !level && clause_end && t.is_word_tok(i - 2) {
            return true;
        }
    }
    false
}

fn is_not_a_name(w: &str) -> bool {
    matches!(
        w,
        "however"
            | "meanwhile"
            | "also"
            | "and"
            | "but"
            | "so"
            | "yet"
            | "in"
            | "on"
            | "at"
            | "by"
            | "since"
            | "of"
            | "for"
            | "to"
            | "from"
            | "until"
            | "through"
            | "page"
            | "chapter"
            | "section"
            | "article"
            | "part"
            | "number"
            | "no"
            | "vol"
            | "volume"
            | "issue"
            | "round"
            | "game"
            | "episode"
            | "season"
            | "week"
            | "day"
            | "year"
            | "step"
            | "phase"
            | "stage"
            | "level"
            | "room"
            | "floor"
            | "gate"
            | "row"
            | "table"
            | "figure"
            | "item"
            | "verse"
            | "line"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decades_of_life_after_a_possessive() {
        let t = crate::extract::token::tokenize("a man in his late 30s walked");
        assert_eq!(decade(&t, 5, 0), Some((2, 7, 37.0, 39.0)));
        let t = crate::extract::token::tokenize("in her mid-40s");
        assert_eq!(decade(&t, 4, 0).map(|d| (d.2, d.3)), Some((43.0, 46.0)));
        let t = crate::extract::token::tokenize("prices of the 1930s and 30s");
        assert_eq!(decade(&t, 5, 0), None);
    }
    use crate::extract::numeral::parse_numeral;
    use crate::extract::token::tokenize;

    #[test]
    fn year_old_forms() {
        let t = tokenize("28-year-old");
        assert_eq!(suffix(&t, 1), Some(("year", 5)));
        let t = tokenize("ten months old");
        assert_eq!(suffix(&t, 1), Some(("month", 3)));
        let t = tokenize("3 years of age");
        assert_eq!(suffix(&t, 1), Some(("year", 4)));
        let t = tokenize("87 yo man");
        assert_eq!(suffix(&t, 1), Some(("year", 2)));
    }

    #[test]
    fn aged_and_age_prefixes() {
        let t = tokenize("at the age of 19");
        assert_eq!(prefix(&t, 4, 0), Some(0));
        let t = tokenize("aged 28");
        assert_eq!(prefix(&t, 1, 0), Some(0));
    }

    #[test]
    fn apposition_to_a_name() {
        let s = "Meta has tapped Wang, just 28, to lead";
        let t = tokenize(s);
        let n = parse_numeral(&t, 6, false).unwrap();
        assert!(in_context(&t, &n));
        let s = "In Ohio, 28 people died";
        let t = tokenize(s);
        let n = parse_numeral(&t, 3, false).unwrap();
        assert!(!in_context(&t, &n));
    }

    #[test]
    fn page_numbers_are_not_ages() {
        let s = "see the text on Page, 12, below";
        let t = tokenize(s);
        let n = parse_numeral(&t, 6, false).unwrap();
        assert!(!in_context(&t, &n));
    }
}
