//! Ordinals: ranks and positions (`third-largest`, `10th largest`, `35th anniversary`,
//! `twenty-fifth`), kind `ordinal`. Also the ordinal-word lexicon that the numeral
//! grammar uses for fraction denominators (`a third`, `five eighths`).
//!
//! Why: "the third-largest bank" and "the 10th largest" are claims about rank that
//! sources contradict as often as amounts.

use super::token::Tokens;

/// An ordinal word: its value, whether it multiplies (`hundredth`), whether plural.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OrdinalWord {
    /// The rank it names (`fifth` → 5).
    pub value: f64,
    /// Whether it is a scale ordinal (`hundredth`, `millionth`) that multiplies.
    pub scale: bool,
    /// Whether it is written in the plural (`fifths`), i.e. a fraction.
    pub plural: bool,
}

/// The ordinal word `w` (lower-cased), singular or plural.
pub fn ordinal_word(w: &str) -> Option<OrdinalWord> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("th") || s == "third" || s == "second" || s.ends_with("first") => {
            (s, true)
        }
        _ => (w, false),
    };
    let (value, scale) = match stem {
        "first" => (1.0, false),
        "second" => (2.0, false),
        "third" => (3.0, false),
        "fourth" => (4.0, false),
        "fifth" => (5.0, false),
        "sixth" => (6.0, false),
        "seventh" => (7.0, false),
        "eighth" => (8.0, false),
        "ninth" | "nineth" => (9.0, false),
        "tenth" => (10.0, false),
        "eleventh" => (11.0, false),
        "twelfth" => (12.0, false),
        "thirteenth" => (13.0, false),
        "fourteenth" => (14.0, false),
        "fifteenth" => (15.0, false),
        "sixteenth" => (16.0, false),
        "seventeenth" => (17.0, false),
        "eighteenth" => (18.0, false),
        "nineteenth" => (19.0, false),
        "twentieth" => (20.0, false),
        "thirtieth" => (30.0, false),
        "fortieth" => (40.0, false),
        "fiftieth" => (50.0, false),
        "sixtieth" => (60.0, false),
        "seventieth" => (70.0, false),
        "eightieth" => (80.0, false),
        "ninetieth" => (90.0, false),
        "hundredth" => (1e2, true),
        "thousandth" => (1e3, true),
        "millionth" => (1e6, true),
        "billionth" => (1e9, true),
        "trillionth" => (1e12, true),
        _ => return None,
    };
    Some(OrdinalWord {
        value,
        scale,
        plural,
    })
}

/// A standalone ordinal word (`third`, `twenty-fifth`) at token `i`: (value, end token).
/// Plurals are fractions, not ranks, and `second` right after a number is time.
pub fn standalone_ordinal(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    let lc = t.lc(i);
    let w = lc.as_str();
    if let Some(o) = ordinal_word(w) {
        if o.plural {
            return None;
        }
        // "one hundredth" style values are parsed by the numeral grammar; a bare scale
        // ordinal ("hundredth") is rank 100.
        return Some((o.value, i + 1));
    }
    None
}

/// Whether a hyphenated superlative follows an ordinal (`third-largest`): the end token
/// to include in the span.
pub fn superlative_suffix(t: &Tokens, end: usize) -> Option<usize> {
    if t.is_dash(end) && t.attached(end) && t.attached(end + 1) && t.is_word_tok(end + 1) {
        let lc = t.lc(end + 1);
        let w = lc.as_str();
        if w.ends_with("est") || matches!(w, "most" | "least" | "ranked" | "place" | "placed") {
            return Some(end + 2);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    #[test]
    fn ordinal_words_singular_and_plural() {
        assert_eq!(ordinal_word("fifth").map(|o| o.value), Some(5.0));
        assert!(ordinal_word("fifths").is_some_and(|o| o.plural));
        assert!(ordinal_word("millionth").is_some_and(|o| o.scale));
        assert_eq!(ordinal_word("fifty"), None);
    }

    #[test]
    fn hyphenated_superlative_is_part_of_the_rank() {
        let t = tokenize("third-largest bank");
        assert_eq!(standalone_ordinal(&t, 0), Some((3.0, 1)));
        assert_eq!(superlative_suffix(&t, 1), Some(3));
    }
}
