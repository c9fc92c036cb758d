//! Ranges and changes: `between 3 and 5`, `3-5`, `3 to 5 million` (the scale and the
//! unit distribute over both ends), `$3 billion to $5 billion`, `60th to 70th`, and
//! `from 125 per cent to 55 per cent` after a verb of change (two mentions, the second
//! pointing at the first).
//!
//! Why: "3 to 5 million" is one claim about an interval, while "cut from 125% to 55%"
//! states two values at two times; reading either as the other invents conflicts.

use super::token::Tokens;
use super::Core;

/// A word that opens a range to the left of its first figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// `between X and Y`
    Between,
    /// `from X to Y`
    From,
}

/// `between` or `from` right before token `start` (not before `floor`).
pub fn opener(t: &Tokens, start: usize, floor: usize) -> Option<(Opener, usize)> {
    if start == 0 || start - 1 < floor {
        return None;
    }
    if t.is_word(start - 1, "between") {
        return Some((Opener::Between, start - 1));
    }
    if t.is_word(start - 1, "from") {
        return Some((Opener::From, start - 1));
    }
    None
}

/// The first token of a range's second figure when a connector stands at token `k`.
pub fn connector(t: &Tokens, k: usize, left: Option<(Opener, usize)>) -> Option<usize> {
    match left.map(|l| l.0) {
        Some(Opener::Between) if t.is_word(k, "and") || t.is_dash(k) => Some(k + 1),
        Some(Opener::From) if t.is_any(k, &["to", "through"]) || t.is_dash(k) => Some(k + 1),
        Some(_) => None,
        None if t.is_dash(k) || t.is_any(k, &["to", "through"]) => Some(k + 1),
        None if t.is_punct(k, '~') && t.attached(k) && t.attached(k + 1) => Some(k + 1),
        None => None,
    }
}

/// Joins two figures into a range when their units agree, sharing scale and unit:
/// the two ends as they are to be read.
pub(crate) fn join(
    t: &Tokens,
    a: &Core,
    b: &Core,
    conn: usize,
    left: Option<(Opener, usize)>,
) -> Option<(Core, Core)> {
    if a.num.ordinal != b.num.ordinal || a.num.vague.is_some() || b.num.vague.is_some() {
        return None;
    }
    if a.num.fraction || b.num.fraction {
        return None;
    }
    let (mut a, mut b) = (a.clone(), b.clone());
    // Units must agree; a missing unit is shared from the other end.
    match (&a.currency, &b.currency) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(x), None) => {
            if b.percent.is_some() {
                return None;
            }
            b.currency = Some(x.clone());
        }
        (None, Some(y)) => {
            if a.percent.is_some() {
                return None;
            }
            a.currency = Some(y.clone());
        }
        _ => {}
    }
    match (a.percent, b.percent) {
        (Some(x), Some(y)) if x.0 != y.0 => return None,
        (None, Some(y)) => a.percent = Some(y),
        // "fell 1.2% to 7,540": a percent before `to` and a bare figure after it are a
        // change and a level; only `between`/`from` make the percent carry forward.
        (Some(_), None) if left.is_none() && !t.is_dash(conn - 1) => return None,
        (Some(x), None) => b.percent = Some(x),
        _ => {}
    }
    // "rose by 5% to 20%": the change `by` states and the level it reached.
    if left.is_none() && a.start > 0 && t.is_word(a.start - 1, "by") && !t.is_dash(conn - 1) {
        return None;
    }
    // "3 to 5 million": the scale of the second end applies to the first.
    if !a.num.scaled && b.num.scaled && a.num.value * b.num.scale <= b.num.value {
        a.num.value *= b.num.scale;
        a.num.half *= b.num.scale;
        a.num.scale = b.num.scale;
        a.num.scaled = true;
    }
    let x = a.num.value;
    let y = b.num.value;
    let dash = t.is_dash(conn - 1);
    match left {
        Some(_) => {}
        None if dash => {
            // "3-2" is a score, "1-800" a code: a dash range rises.
            if y <= x {
                return None;
            }
        }
        None => {
            if y <= x {
                return None;
            }
        }
    }
    Some((a, b))
}

/// "eight or nine euros", "two or three per cent": a bare figure coordinated with `or`
/// shares the unit and scale of the next one. Returns whether it did.
pub(crate) fn share_with_alternative(t: &Tokens, a: &mut Core, b: &Core) -> bool {
    let bare = a.currency.is_none() && a.percent.is_none() && !a.num.ordinal && !a.num.fraction;
    if !bare || !(b.currency.is_some() || b.percent.is_some()) || b.num.ordinal {
        return false;
    }
    if !t.is_word(a.end, "or") {
        return false;
    }
    a.currency = b.currency.clone();
    a.minor = b.minor;
    a.percent = b.percent;
    if !a.num.scaled && b.num.scaled && a.num.value * b.num.scale <= b.num.value * 10.0 {
        a.num.value *= b.num.scale;
        a.num.half *= b.num.scale;
        a.num.scale = b.num.scale;
        a.num.scaled = true;
    }
    true
}

/// Verbs after which `from X to Y` states a change, not a range.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "increased",
    "increase",
    "increases",
    "increasing",
    "decreased",
    "decrease",
    "decreases",
    "declined",
    "decline",
    "declines",
    "dropped",
    "drop",
    "drops",
    "grew",
    "grow",
    "grows",
    "grown",
    "growing",
    "jumped",
    "jumps",
    "climbed",
    "climbs",
    "slipped",
    "slid",
    "cut",
    "cuts",
    "raised",
    "raise",
    "raises",
    "lowered",
    "lower",
    "reduced",
    "reduce",
    "reduces",
    "boosted",
    "expanded",
    "shrank",
    "shrunk",
    "soared",
    "surged",
    "plunged",
    "plummeted",
    "tumbled",
    "dipped",
    "went",
    "up",
    "down",
    "changed",
    "moved",
    "revised",
    "widened",
    "narrowed",
    "doubled",
    "tripled",
    "slashed",
    "trimmed",
    "hiked",
    "upgraded",
    "downgraded",
    "swung",
    "shifted",
    "lifted",
    "eased",
    "sank",
    "spiked",
    "ballooned",
];

/// Whether token `k` is a verb of change (`rose`, `cut`, `climbed`).
pub fn is_change_verb(t: &Tokens, k: usize) -> bool {
    CHANGE_VERBS.iter().any(|v| t.is_word(k, v))
}

/// Whether a joined `from X to Y` is a change: `X` greater than `Y`, or a verb of change
/// shortly before `from`.
pub fn is_change(
    t: &Tokens,
    _a_start: usize,
    left: Option<(Opener, usize)>,
    x: f64,
    y: f64,
) -> bool {
    let Some((Opener::From, f)) = left else {
        return false;
    };
    if y < x {
        return true;
    }
    (f.saturating_sub(5)..f).any(|k| is_change_verb(t, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn between_opens_and_and_connects() {
        let t = tokenize("between 3 and 5");
        let l = opener(&t, 1, 0);
        assert_eq!(l, Some((Opener::Between, 0)));
        assert_eq!(connector(&t, 2, l), Some(3));
    }

    #[test]
    fn a_change_by_and_the_level_it_reached_are_no_range() {
        use crate::extract::numeral::parse_numeral;
        let t = tokenize("fell 1.2% to 7,540");
        let core = |i: usize, end_extra: usize| {
            let num = parse_numeral(&t, i, false).unwrap();
            Core {
                start: i,
                end: num.end + end_extra,
                num,
                currency: None,
                minor: false,
                percent: (end_extra == 1).then_some(("percent", 1.0)),
            }
        };
        let (a, b) = (core(1, 1), core(6, 0));
        assert!(join(&t, &a, &b, 6, None).is_none());
    }

    #[test]
    fn and_alone_is_no_range() {
        let t = tokenize("3 and 5");
        assert_eq!(connector(&t, 1, None), None);
    }

    #[test]
    fn change_needs_from_and_a_verb_or_a_fall() {
        let t = tokenize("it rose from 5 to 7");
        let l = opener(&t, 3, 0);
        assert!(is_change(&t, 3, l, 5.0, 7.0));
        let t = tokenize("open from 5 to 7");
        let l = opener(&t, 2, 0);
        assert!(!is_change(&t, 2, l, 5.0, 7.0));
        assert!(is_change(&t, 2, l, 7.0, 5.0));
    }
}
