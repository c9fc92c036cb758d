//! Counts (kind `count`, unit = the counted plural noun lower-cased): `200 employees`,
//! `more than 100,000 contractors`, `roughly 200 full-time employees` (modifiers are
//! skipped to find the noun), `two older brothers`, `1.907 billion people`, `tens of
//! thousands of workers`. A number followed by no counted noun stays kind `number`.
//!
//! Why: "200 employees" laid off and "200 contractors" hired are different claims; the
//! noun is what lets claims about the same headcount be grouped.

use super::token::Tokens;

/// Plural nouns that do not end in `s`.
const IRREGULAR: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "police",
    "personnel",
    "cattle",
    "sheep",
    "deer",
    "fish",
    "crew",
    "aircraft",
    "livestock",
    "offspring",
    "feet",
    "thanks",
    "teeth",
    "mice",
    "geese",
];

/// Words ending in `s` that are not plural nouns, or plurals that measure rather than count.
const NOT_COUNTED: &[&str] = &[
    "is",
    "was",
    "has",
    "as",
    "its",
    "his",
    "hers",
    "this",
    "thus",
    "us",
    "yes",
    "plus",
    "less",
    "unless",
    "across",
    "always",
    "perhaps",
    "besides",
    "towards",
    "afterwards",
    "whereas",
    "does",
    "goes",
    "times",
    "miles",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "inches",
    "yards",
    "tons",
    "tonnes",
    "acres",
    "hectares",
    "degrees",
    "gallons",
    "litres",
    "liters",
    "kilograms",
    "grams",
    "pounds",
    "ounces",
    "km",
    "kms",
    "mins",
    "hrs",
    "secs",
    "yrs",
    "says",
    "remains",
    "seems",
    "means",
    "makes",
    "takes",
    "comes",
    "becomes",
    "gets",
    "gives",
    "goes",
    "runs",
    "stands",
    "sits",
    "lies",
    "falls",
    "rises",
    "ends",
    "begins",
    "starts",
    "shows",
    "marks",
    "holds",
    "leads",
    "owns",
    "includes",
    "represents",
    "accounts",
    "amounts",
    "totals",
    "equals",
    "compares",
    "reaches",
    "hits",
    "tops",
    "percents",
    "ones",
    "others",
    "whereabouts",
    "news",
    "series",
    "species",
    "analysis",
    "basis",
    "crisis",
    "status",
    "bonus",
    "campus",
    "census",
    "virus",
    "focus",
    "chaos",
    "alias",
    "atlas",
    "canvas",
    "gas",
    "bias",
    "thesis",
    "lens",
    "axis",
    "tennis",
    "physics",
    "economics",
    "politics",
    "mathematics",
    "statistics",
    "ethics",
    "athletics",
    "olympics",
    "whose",
    "always",
    "sometimes",
    "nevertheless",
    "nonetheless",
    "besides",
    "regardless",
];

/// Words that end a noun phrase before any counted noun.
const STOP: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "than",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "per",
    "into",
    "over",
    "under",
    "after",
    "before",
    "since",
    "during",
    "about",
    "around",
    "between",
    "through",
    "while",
    "when",
    "where",
    "if",
    "so",
    "not",
    "no",
    "also",
    "only",
    "just",
    "be",
    "been",
    "being",
    "were",
    "are",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "do",
    "did",
    "had",
    "have",
    "having",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "there",
    "here",
    "then",
    "now",
    "ago",
    "later",
    "earlier",
    "each",
    "every",
    "all",
    "some",
    "any",
    "more",
    "most",
    "less",
    "least",
    "very",
    "too",
    "up",
    "down",
    "out",
    "off",
    "away",
    "again",
    "yet",
    "still",
    "even",
    "both",
    "either",
    "neither",
    "what",
    "how",
    "why",
    "according",
    "including",
    "compared",
    "amid",
    "against",
    "among",
    "within",
    "without",
    "until",
    "till",
    "via",
    "versus",
    "vs",
    "says",
    "said",
    "old",
    "year",
    "years",
];

/// Known modifiers that do not follow the adjective endings below.
const MODIFIERS: &[&str] = &[
    "new",
    "old",
    "young",
    "other",
    "additional",
    "extra",
    "big",
    "small",
    "major",
    "key",
    "senior",
    "junior",
    "top",
    "male",
    "female",
    "local",
    "foreign",
    "former",
    "current",
    "full",
    "part",
    "more",
    "fewer",
    "adult",
    "civilian",
    "armed",
    "unarmed",
    "human",
    "private",
    "public",
    "total",
    "own",
    "rival",
    "tech",
    "staff",
    "migrant",
    "refugee",
    "police",
    "army",
    "navy",
    "student",
    "child",
    "teenage",
    "senior",
    "elderly",
    "baby",
    "unique",
    "daily",
    "monthly",
    "weekly",
    "early",
    "late",
    "high",
    "low",
    "main",
    "open",
    "paid",
    "unpaid",
    "white",
    "black",
    "red",
    "blue",
    "green",
    "top",
    "best",
    "few",
];

fn adjective_like(w: &str) -> bool {
    if MODIFIERS.contains(&w) {
        return true;
    }
    if w.len() < 4 || STOP.contains(&w) {
        return false;
    }
    [
        "al", "ed", "er", "ful", "ive", "ic", "ous", "ary", "ant", "ent", "ble", "ish", "ian",
        "ese", "est", "ing", "ly", "less", "ile", "ior",
    ]
    .iter()
    .any(|s| w.ends_with(s))
}

/// Whether `w` (lower-cased) is a plural noun that can be counted.
fn plural_noun(w: &str) -> bool {
    if IRREGULAR.contains(&w) {
        return true;
    }
    w.len() >= 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !w.ends_with("'s")
        && !NOT_COUNTED.contains(&w)
        && !STOP.contains(&w)
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

/// A word or hyphen chain (`full-time`, `co-founders`) at token `i`: (lower-cased text,
/// end token), or `None` when it is not a plain lower-case word (capitalised proper
/// names are not counted nouns, except plural demonyms such as `Americans`).
fn chain(t: &Tokens, i: usize) -> Option<(String, usize)> {
    if !t.is_word_tok(i) {
        return None;
    }
    let mut s = t.lc(i).as_str().to_string();
    if s.is_empty() {
        return None;
    }
    let mut end = i + 1;
    while t.is_hyphen(end) && t.attached(end) && t.attached(end + 1) && t.is_word_tok(end + 1) {
        let w = t.lc(end + 1);
        if w.as_str().is_empty() {
            break;
        }
        s.push('-');
        s.push_str(w.as_str());
        end += 2;
    }
    if t.is_cap(i) && !(s.ends_with("ans") || s.ends_with("ers")) {
        return None;
    }
    Some((s, end))
}

/// A counted noun written as a hyphenated adjective before the noun it describes ("a
/// 40-storey block", "a 200-seat plane", "a five-star hotel"): the noun in the plural,
/// and the token after it.
pub fn hyphen_adjective(t: &Tokens, k: usize) -> Option<(String, usize)> {
    if !(t.is_dash(k) && t.attached(k) && t.attached(k + 1) && t.is_word_tok(k + 1)) {
        return None;
    }
    let w = t.s(k + 1);
    let lower = w.chars().all(|c| c.is_ascii_lowercase());
    if !lower || w.len() < 3 || STOP.contains(&w) || !t.is_word_tok(k + 2) {
        return None;
    }
    // "a 5,000-strong crowd": the size of the noun after it, which is what is counted.
    if w == "strong" {
        let noun = t.lc(k + 2);
        let noun = noun.as_str();
        if noun.is_empty() || !noun.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        return Some((noun.to_string(), k + 3));
    }
    Some((format!("{w}s"), k + 2))
}

/// The counted noun after a number ending before token `k`: (noun, end token).
/// `of_ok` lets it follow `of` (`tens of thousands of workers`).
pub fn noun_after(t: &Tokens, k: usize, of_ok: bool) -> Option<(String, usize)> {
    let mut j = k;
    if of_ok && t.is_word(j, "of") {
        j += 1;
        if t.is_any(
            j,
            &["the", "its", "their", "his", "her", "our", "these", "those"],
        ) {
            j += 1;
        }
    }
    // Skip up to three modifiers before the noun: adjectives ("older"), one noun adjunct
    // ("job cuts") and capitalised proper modifiers ("Liverpool fans", "UK adults").
    let mut adjuncts = 0;
    for _ in 0..4 {
        let Some((w, end)) = chain(t, j) else {
            let lc = t.lc(j);
            let proper = t.is_cap(j)
                && !lc.as_str().is_empty()
                && !STOP.contains(&lc.as_str())
                && super::date::month(lc.as_str()).is_none();
            if proper && adjuncts < 2 {
                adjuncts += 1;
                j += 1;
                continue;
            }
            return None;
        };
        if w.contains('-') {
            let last = w.rsplit('-').next().unwrap_or("");
            if plural_noun(last) && !adjective_like(&w) {
                return Some((w, end));
            }
            j = end;
            continue;
        }
        if plural_noun(&w) {
            return Some((w, end));
        }
        if !adjective_like(&w) {
            let adjunct = w.len() >= 3 && !STOP.contains(&w.as_str()) && !w.ends_with('s');
            if !adjunct || adjuncts >= 1 {
                return None;
            }
            adjuncts += 1;
        }
        j = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    fn noun(s: &str) -> Option<String> {
        let t = tokenize(s);
        noun_after(&t, 1, true).map(|n| n.0)
    }

    #[test]
    fn finds_the_plural_noun() {
        assert_eq!(noun("200 employees").as_deref(), Some("employees"));
        assert_eq!(
            noun("200 full-time employees").as_deref(),
            Some("employees")
        );
        assert_eq!(noun("2 older brothers").as_deref(), Some("brothers"));
        assert_eq!(noun("3 people").as_deref(), Some("people"));
    }

    #[test]
    fn noun_adjuncts_and_proper_modifiers() {
        assert_eq!(noun("96 Liverpool fans").as_deref(), Some("fans"));
        assert_eq!(noun("5 job cuts").as_deref(), Some("cuts"));
        assert_eq!(noun("10 died in clashes"), None);
    }

    #[test]
    fn verbs_and_measures_are_not_counted() {
        assert_eq!(noun("5 has been"), None);
        assert_eq!(noun("5 times more"), None);
        assert_eq!(noun("5 miles"), None);
        assert_eq!(noun("5 were laid off"), None);
    }

    #[test]
    fn of_phrases() {
        let t = tokenize("thousands of workers");
        assert_eq!(
            noun_after(&t, 1, true).map(|n| n.0).as_deref(),
            Some("workers")
        );
    }
}
