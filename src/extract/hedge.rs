//! Hedges and bounds: the words around a figure that make it approximate (`about`,
//! `roughly`, `an estimated`, `~`), just below (`nearly`, `almost`, `just under`), a lower
//! bound (`more than`, `at least`, `or more`) or an upper bound (`up to`, `less than`,
//! `no more than`). The qualifier goes into the mention and the hedge into its span.
//!
//! Why: "nearly $14 billion" and "$14 billion" are different claims; without the hedge
//! an interval comparison flags agreements as conflicts and misses real ones.

use super::token::Tokens;
use crate::claim::Qualifier;

use Qualifier::{Approx, AtLeast, AtMost, LessThan, MoreThan, Nearly};

/// Hedge phrases that stand right before a figure, longest first within a first word.
const PREFIXES: &[(&[&str], Qualifier)] = &[
    (&["less", "or", "equal", "than"], AtMost),
    (&["less", "or", "equal", "to"], AtMost),
    (&["smaller", "or", "equal", "than"], AtMost),
    (&["smaller", "or", "equal", "to"], AtMost),
    (&["lower", "or", "equal", "than"], AtMost),
    (&["lower", "or", "equal", "to"], AtMost),
    (&["fewer", "or", "equal", "than"], AtMost),
    (&["fewer", "or", "equal", "to"], AtMost),
    (&["greater", "or", "equal", "than"], AtLeast),
    (&["greater", "or", "equal", "to"], AtLeast),
    (&["bigger", "or", "equal", "than"], AtLeast),
    (&["bigger", "or", "equal", "to"], AtLeast),
    (&["higher", "or", "equal", "than"], AtLeast),
    (&["higher", "or", "equal", "to"], AtLeast),
    (&["larger", "or", "equal", "than"], AtLeast),
    (&["larger", "or", "equal", "to"], AtLeast),
    (&["more", "or", "equal", "than"], AtLeast),
    (&["more", "or", "equal", "to"], AtLeast),
    (&["at", "least", "or", "equal", "to"], AtLeast),
    (&["at", "most", "or", "equal", "to"], AtMost),
    (&["less", "than", "or", "equal", "to"], AtMost),
    (&["fewer", "than", "or", "equal", "to"], AtMost),
    (&["greater", "than", "or", "equal", "to"], AtLeast),
    (&["more", "than", "or", "equal", "to"], AtLeast),
    (&["no", "more", "than"], AtMost),
    (&["not", "more", "than"], AtMost),
    (&["no", "less", "than"], AtLeast),
    (&["not", "less", "than"], AtLeast),
    (&["no", "fewer", "than"], AtLeast),
    (&["not", "fewer", "than"], AtLeast),
    (&["a", "minimum", "of"], AtLeast),
    (&["a", "maximum", "of"], AtMost),
    (&["just", "under"], Nearly),
    (&["just", "below"], Nearly),
    (&["just", "shy", "of"], Nearly),
    (&["close", "to"], Nearly),
    (&["just", "over"], MoreThan),
    (&["just", "above"], MoreThan),
    (&["well", "over"], MoreThan),
    (&["well", "above"], MoreThan),
    (&["more", "than"], MoreThan),
    (&["greater", "than"], MoreThan),
    (&["higher", "than"], MoreThan),
    (&["larger", "than"], MoreThan),
    (&["in", "excess", "of"], MoreThan),
    (&["upwards", "of"], MoreThan),
    (&["upward", "of"], MoreThan),
    (&["less", "than"], LessThan),
    (&["fewer", "than"], LessThan),
    (&["lower", "than"], LessThan),
    (&["smaller", "than"], LessThan),
    (&["at", "least"], AtLeast),
    (&["at", "most"], AtMost),
    (&["up", "to"], AtMost),
    (&["as", "many", "as"], AtMost),
    (&["as", "much", "as"], AtMost),
    (&["an", "estimated"], Approx),
    (&["nearly"], Nearly),
    (&["almost"], Nearly),
    (&["about"], Approx),
    (&["around"], Approx),
    (&["roughly"], Approx),
    (&["approximately"], Approx),
    (&["approx"], Approx),
    (&["circa"], Approx),
    (&["estimated"], Approx),
    (&["some"], Approx),
    (&["over"], MoreThan),
    (&["above"], MoreThan),
    (&["exceeding"], MoreThan),
    (&["exceeds"], MoreThan),
    (&["exceed"], MoreThan),
    (&["exceeded"], MoreThan),
    (&["surpassing"], MoreThan),
    (&["surpasses"], MoreThan),
    (&["surpassed"], MoreThan),
    (&["surpass"], MoreThan),
    (&["passes"], MoreThan),
    (&["passed"], MoreThan),
    (&["tops"], MoreThan),
    (&["topped"], MoreThan),
    (&["under"], LessThan),
    (&["below"], LessThan),
];

/// Verbs of upward movement: after them `up to` says where a figure went, not a bound
/// ("rose up to 5%", but "cut up to 700 jobs").
const RISING: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "jumped",
    "jump",
    "jumps",
    "went",
    "go",
    "goes",
    "going",
    "back",
    "increased",
    "grew",
    "soared",
    "surged",
    "moved",
    "edged",
    "inched",
    "crept",
    "shot",
    "spiked",
    "bounced",
    "rebounded",
    "ticked",
];

/// Hedge phrases after a figure: `or more`, `or so`, `and above`.
const SUFFIXES: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], AtLeast),
    (&["or", "greater"], AtLeast),
    (&["or", "higher"], AtLeast),
    (&["or", "above"], AtLeast),
    (&["or", "over"], AtLeast),
    (&["and", "above"], AtLeast),
    (&["and", "more"], AtLeast),
    (&["and", "up"], AtLeast),
    (&["or", "less"], AtMost),
    (&["or", "fewer"], AtMost),
    (&["or", "lower"], AtMost),
    (&["or", "below"], AtMost),
    (&["or", "under"], AtMost),
    (&["and", "below"], AtMost),
    (&["and", "under"], AtMost),
    (&["or", "so"], Approx),
];

/// The hedge that ends right before token `i`, not reaching before token `floor`:
/// (qualifier, first token of the hedge).
pub fn prefix(t: &Tokens, i: usize, floor: usize) -> Option<(Qualifier, usize)> {
    if i == 0 || i <= floor {
        return None;
    }
    // Symbols: ~5, <= 30, >= 50, ≈ 10.
    match t.punct(i - 1) {
        Some('~' | '≈') => return Some((Approx, i - 1)),
        Some('≤') => return Some((AtMost, i - 1)),
        Some('≥') => return Some((AtLeast, i - 1)),
        Some('=') if i >= 2 && i - 2 >= floor => match t.punct(i - 2) {
            Some('<') => return Some((AtMost, i - 2)),
            Some('>') => return Some((AtLeast, i - 2)),
            _ => {}
        },
        Some('<') => return Some((LessThan, i - 1)),
        Some('>') => return Some((MoreThan, i - 1)),
        _ => {}
    }
    if !t.is_word_tok(i - 1) {
        return None;
    }
    for (words, q) in PREFIXES {
        let n = words.len();
        if n > i || i - n < floor {
            continue;
        }
        let s = i - n;
        if words.iter().enumerate().all(|(k, w)| t.is_word(s + k, w)) {
            // "rose up to 5%", "back up to 4.8 percent": a movement, not a bound.
            if words[0] == "up" && s > 0 && t.is_any(s - 1, RISING) {
                return None;
            }
            return Some((*q, s));
        }
    }
    // "above magnitude 5", "at least category 3": a hedge before a unit word that
    // precedes its number.
    if UNIT_BEFORE_NUMBER.iter().any(|u| t.is_word(i - 1, u)) {
        return prefix(t, i - 1, floor);
    }
    None
}

/// Unit words written before their number ("magnitude 6.8", "category 4", "level 3").
const UNIT_BEFORE_NUMBER: &[&str] = &[
    "magnitude",
    "category",
    "level",
    "grade",
    "tier",
    "stage",
    "phase",
    "force",
    "class",
];

/// The hedge that starts at token `i` after a figure: (qualifier, end token).
pub fn suffix(t: &Tokens, i: usize) -> Option<(Qualifier, usize)> {
    if t.is_punct(i, '+') && t.attached(i) {
        return Some((AtLeast, i + 1));
    }
    if t.is_dash(i) && t.attached(i) && t.is_word(i + 1, "plus") && t.attached(i + 1) {
        return Some((AtLeast, i + 2));
    }
    if !t.is_word_tok(i) {
        return None;
    }
    for (words, q) in SUFFIXES {
        if words.iter().enumerate().all(|(k, w)| t.is_word(i + k, w)) {
            // "or more than 30" belongs to the next figure.
            let after = i + words.len();
            if super::numeral::starts_numeral(t, after) {
                continue;
            }
            if t.is_word(after, "than") {
                // "200 or greater than" closes the phrase; "or more than 30" opens the next.
                if t.is_boundary(after + 1) || t.is_punct(after + 1, ',') {
                    return Some((*q, after + 1));
                }
                continue;
            }
            return Some((*q, after));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn a_hedge_reaches_over_a_unit_word_before_the_number() {
        let t = tokenize("aftershocks above magnitude 5 followed");
        // tokens: aftershocks(0) above(1) magnitude(2) 5(3)
        assert_eq!(prefix(&t, 3, 0), Some((MoreThan, 1)));
        let t = tokenize("a magnitude 5 quake");
        assert_eq!(prefix(&t, 2, 0), None);
    }

    #[test]
    fn longest_hedge_wins() {
        let t = tokenize("no more than 5");
        assert_eq!(prefix(&t, 3, 0), Some((AtMost, 0)));
        let t = tokenize("just under 5");
        assert_eq!(prefix(&t, 2, 0), Some((Nearly, 0)));
    }

    #[test]
    fn hedge_never_reaches_before_floor() {
        let t = tokenize("more than 5");
        assert_eq!(prefix(&t, 2, 1), None);
    }

    #[test]
    fn symbols_are_hedges() {
        let t = tokenize("<= 30");
        assert_eq!(prefix(&t, 2, 0), Some((AtMost, 0)));
        let t = tokenize("~5");
        assert_eq!(prefix(&t, 1, 0), Some((Approx, 0)));
    }

    #[test]
    fn trailing_bounds() {
        let t = tokenize("500 or more people");
        assert_eq!(suffix(&t, 1), Some((AtLeast, 3)));
        let t = tokenize("100+ staff");
        assert_eq!(suffix(&t, 1), Some((AtLeast, 2)));
    }
}
