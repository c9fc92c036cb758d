//! Traps: digits that are not claims. URLs, e-mail addresses, `@handles` and
//! `#hashtags`; times of day (`2 pm`, `10:30`); phone numbers; numbers glued to letters
//! (`G7`, `5G`, `F-35`, `GPT-3`, `Covid-19`, `29km`); version and model names
//! (`Llama 4`, `iPhone 15`, `Windows 11`); and a pronoun `one` (`the one you mentioned`).
//!
//! Why: a report that flags "Llama 4" against "Llama 3" as a conflict teaches its users
//! to ignore it.

use super::numeral::Numeral;
use super::token::Tokens;

/// Suffixes that may be written onto digits and still leave a figure.
const DIGIT_SUFFIXES: &[&str] = &[
    "st", "nd", "rd", "th", "s", "k", "K", "M", "b", "B", "bn", "mn", "mln", "bln", "bil", "mil",
    "tn", "trn", "cr", "pct", "pc", "pp", "ppt", "ppts", "bps", "bp", "e", "E", "yo", "p", "hrs",
    "hr", "min", "mins", "secs", "yrs", "yr", "x", "USD", "EUR", "GBP", "JPY", "CNY", "HKD", "SGD",
    "AUD", "CAD", "INR", "CHF", "million", "billion", "trillion", "thousand", "am", "pm",
    // Units of measure written onto the number (256GB, 100km, 938hp) leave a figure.
    "km", "kms", "kg", "kgs", "cm", "mm", "mi", "ft", "lb", "lbs", "oz", "mph", "kph", "kmh", "GB",
    "MB", "TB", "KB", "Gb", "Mb", "GHz", "MHz", "Hz", "MW", "GW", "kW", "KW", "kWh", "MWh", "GWh",
    "TWh", "hp", "bhp", "ml", "mL", "cc", "ha", "sq", "sqft", "Nm", "g", "mg", "l", "L", "kbps",
    "Mbps", "Gbps", "kHz", "Hz", "mpg", "Ma", "Ga", "Myr", "Gyr", "C", "F",
    // Currencies written after the amount with letters of their script.
    "元", "円", "원",
];

/// Words written onto the front of digits that still leave a figure (currencies, `mid-`).
/// (Country letters before `$`, as in `US$5`, never touch the digits: the `$` does.)
const DIGIT_PREFIXES: &[&str] = &[
    "RM", "Rs", "Rp", "USD", "EUR", "GBP", "CAD", "AUD", "SGD", "HKD", "JPY", "CNY", "RMB", "INR",
    "mid", "Mid", "early", "late", "pre", "post", "FY",
];

/// Whether the number at token `i` is a non-claim; returns the token to resume at.
pub fn skip(t: &Tokens, i: usize) -> Option<usize> {
    if let (true, e) = web_chunk(t, i) {
        return Some(e);
    }
    skip_number(t, i)
}

/// Whether the whitespace-delimited chunk around token `i` is a URL, an e-mail address,
/// a handle or a hashtag, and the token where the chunk (or the part looked at) ends.
pub fn web_chunk(t: &Tokens, i: usize) -> (bool, usize) {
    let (a, b) = chunk(t, i);
    let text = t.text.get(t.start(a)..t.end(b - 1)).unwrap_or("");
    let web = text.contains("://")
        || text.starts_with("www.")
        || text.starts_with('#') && text.len() > 1
        || text.starts_with('@') && text.len() > 1
        || text.contains(".com")
        || text.contains(".org")
        || (text.contains('@') && text.find('@').is_some_and(|p| p > 0 && p + 1 < text.len()));
    (web, b)
}

/// The checks of [`skip`] that need only the tokens next to a number.
pub fn skip_number(t: &Tokens, i: usize) -> Option<usize> {
    if !t.is_num(i) {
        return None;
    }
    if let Some(e) = time_of_day(t, i) {
        return Some(e);
    }
    if let Some(e) = phone(t, i) {
        return Some(e);
    }
    // "1/0": a division by zero states no number; "24/7" means always.
    if t.is_punct(i + 1, '/')
        && t.attached(i + 1)
        && t.attached(i + 2)
        && (t.s(i + 2) == "0" || t.s(i) == "24" && t.s(i + 2) == "7")
        && !t.is_punct(i + 3, '/')
    {
        return Some(i + 3);
    }
    if let Some(e) = score(t, i) {
        return Some(e);
    }
    if let Some(e) = street_address(t, i) {
        return Some(e);
    }
    glued_to_letters(t, i)
}

/// Words before a dashed pair of small numbers that make it a result (`won 3-1`).
const SCORE_BEFORE: &[&str] = &[
    "won",
    "win",
    "wins",
    "winning",
    "lost",
    "lose",
    "loses",
    "losing",
    "drew",
    "draw",
    "beat",
    "beats",
    "beating",
    "defeated",
    "trailed",
    "trailing",
    "led",
    "leading",
    "lead",
    "score",
    "scored",
    "scoreline",
    "finished",
    "ended",
    "edged",
    "thrashed",
    "routed",
    "voted",
    "vote",
];

/// Words after a dashed pair of small numbers that make it a result (`a 2-2 draw`).
const SCORE_AFTER: &[&str] = &[
    "win",
    "victory",
    "defeat",
    "loss",
    "draw",
    "lead",
    "scoreline",
    "aggregate",
    "thrashing",
    "drubbing",
    "rout",
    "home",
    "away",
    "vote",
    "verdict",
    "ruling",
    "decision",
    "majority",
    "split",
    "tie",
    "result",
    "advantage",
    "deficit",
    "comeback",
];

/// A result written as two small numbers joined by a dash (`won 3-1`, `a 2-2 draw`, `a
/// 5-4 ruling`): a score or a tally, never a range or two quantities. A falling or level
/// pair is never a range; a rising one is a result when a word of the game or the vote
/// stands next to it. Returns the token after the pair.
fn score(t: &Tokens, i: usize) -> Option<usize> {
    let small = |k: usize| t.is_num(k) && t.ndigits(k) <= 2;
    if !(small(i) && t.is_dash(i + 1) && t.attached(i + 1) && small(i + 2) && t.attached(i + 2)) {
        return None;
    }
    let e = i + 3;
    // Dates, codes and figures go on (`3-1-2020`, `10-4.5`, `3-5%`, `2-3pm`).
    let glued_after = t.attached(e)
        && (t.is_word_tok(e)
            || t.is_num(e)
            || t.is_punct(e, '%')
            || matches!(t.punct(e), Some('.' | ',' | '/' | '-' | '–'))
                && t.is_num(e + 1)
                && t.attached(e + 1));
    let glued_before =
        i > 0 && t.attached(i) && !matches!(t.punct(i - 1), Some('(' | '"' | '“' | '\'' | '‘'));
    if glued_after || glued_before {
        return None;
    }
    let (a, b) = (t.int(i)?, t.int(i + 2)?);
    let before = i > 0 && t.is_any(i - 1, SCORE_BEFORE)
        || i > 1
            && t.is_any(i - 2, SCORE_BEFORE)
            && t.is_any(i - 1, &["a", "by", "them", "him", "her", "it"]);
    let after = t.is_any(e, SCORE_AFTER);
    let unit_after = t.is_any(e, &["percent", "per", "pct", "points", "pts"]);
    (a >= b && !unit_after || before || after).then_some(e)
}

/// Street suffixes that end an address after its house number.
const STREETS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "terrace",
    "crescent",
    "highway",
    "hwy",
    "square",
    "parkway",
    "pkwy",
    "close",
    "gardens",
    "row",
    "strasse",
    "straße",
];

/// A house number (`221 Baker Street`, `10 Downing St`, `1600 Pennsylvania Avenue NW`):
/// a bare number of at most five digits followed by one to three capitalised words, the
/// last a street suffix. Returns the token after the suffix.
fn street_address(t: &Tokens, i: usize) -> Option<usize> {
    if t.ndigits(i) > 5 || t.attached(i + 1) {
        return None;
    }
    for k in i + 1..i + 4 {
        if !(t.is_word_tok(k) && t.is_cap(k)) {
            return None;
        }
        if k > i + 1 && t.is_any(k, STREETS) {
            return Some(k + 1);
        }
    }
    None
}

/// The whitespace-delimited chunk around token `i`: (first, one past last), looking at
/// most 1 KiB either way so that text without spaces (CJK) stays linear.
fn chunk(t: &Tokens, i: usize) -> (usize, usize) {
    let text = t.text;
    let (s, e) = (t.start(i), t.end(i));
    let mut lo = s.saturating_sub(1024);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (e + 1024).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let cs = text
        .get(lo..s)
        .and_then(|w| w.rfind(char::is_whitespace).map(|p| lo + p))
        .unwrap_or(lo);
    let ce = text
        .get(e..hi)
        .and_then(|w| w.find(char::is_whitespace).map(|p| e + p))
        .unwrap_or(hi);
    let mut a = i;
    while a > 0 && t.end(a - 1) > cs {
        a -= 1;
    }
    let mut b = i + 1;
    while b < t.len() && t.start(b) < ce {
        b += 1;
    }
    (a, b)
}

fn time_of_day(t: &Tokens, i: usize) -> Option<usize> {
    let h = t.int(i)?;
    if t.ndigits(i) > 2 || h > 24 {
        return None;
    }
    let mut end = i + 1;
    let mut clock = false;
    let dotted = t.is_punct(end, '.')
        && t.attached(end)
        && t.ndigits(end + 1) == 2
        && t.is_any(end + 2, &["am", "pm", "a", "p"]);
    if dotted
        || t.is_punct(end, ':') && t.attached(end) && t.is_num(end + 1) && t.ndigits(end + 1) == 2
    {
        end += 2;
        clock = true;
        if t.is_punct(end, ':') && t.attached(end) && t.is_num(end + 1) {
            end += 2;
        }
    }
    // am, pm, a.m., p.m., o'clock
    let k = end;
    if t.is_any(k, &["am", "pm"]) && (clock || h <= 12) {
        return Some(k + 1);
    }
    if t.is_any(k, &["a", "p"]) && t.is_punct(k + 1, '.') && t.is_word(k + 2, "m") {
        let e = if t.is_punct(k + 3, '.') { k + 4 } else { k + 3 };
        return Some(e);
    }
    if t.is_word(k, "o") && t.is_word(k + 2, "clock") {
        return Some(k + 3);
    }
    clock.then_some(end)
}

fn phone(t: &Tokens, i: usize) -> Option<usize> {
    let mut digits = t.ndigits(i);
    let mut groups = 1;
    let mut j = i + 1;
    // Phone numbers have a handful of groups; the cap keeps long digit chains linear.
    while groups < 8 {
        let sep = t.punct(j);
        let is_sep = matches!(sep, Some('-' | '.' | ')' | '/')) && t.attached(j);
        if is_sep && t.is_num(j + 1) && t.ndigits(j + 1) >= 2 {
            digits += t.ndigits(j + 1);
            groups += 1;
            j += 2;
        } else if t.is_num(j) && groups > 1 && t.ndigits(j) >= 3 && !t.attached(j) {
            digits += t.ndigits(j);
            groups += 1;
            j += 1;
        } else if sep == Some(')') && t.is_num(j + 1) && t.ndigits(j + 1) >= 3 {
            digits += t.ndigits(j + 1);
            groups += 1;
            j += 2;
        } else {
            break;
        }
    }
    let plus = i > 0 && (t.is_punct(i - 1, '+') || t.is_punct(i - 1, '('));
    (digits >= 9 && groups >= 3 || plus && digits >= 9 && groups >= 2).then_some(j)
}

fn glued_to_letters(t: &Tokens, i: usize) -> Option<usize> {
    // Letters before: G7, MP3, Dec31 is handled as a date before traps run.
    let rand = t.s(i.saturating_sub(1)) == "R" && super::money::rand_amount(t, i);
    if i > 0
        && t.attached(i)
        && t.is_word_tok(i - 1)
        && !DIGIT_PREFIXES.contains(&t.s(i - 1))
        && !rand
    {
        return Some(chunk(t, i).1);
    }
    // Letters-hyphen before: GPT-3, F-35, Covid-19 (not mid-2024, not twenty-1, and not a
    // lower-case word such as "magnitude-6.8" or "top-5": names carry a capital).
    if i > 1
        && t.attached(i)
        && t.is_dash(i - 1)
        && t.attached(i - 1)
        && t.is_word_tok(i - 2)
        && t.s(i - 2).chars().any(char::is_uppercase)
        && !DIGIT_PREFIXES.contains(&t.s(i - 2))
        && !super::numeral::starts_number_word(t.lc(i - 2).as_str())
    {
        return Some(chunk_end_alnum(t, i));
    }
    // Letters after, other than a unit or scale: 5G, 3D, 29km.
    let mut k = i + 1;
    while k < i + 16
        && (t.is_punct(k, ',') || t.is_punct(k, '.'))
        && t.attached(k)
        && t.is_num(k + 1)
        && t.attached(k + 1)
    {
        k += 2;
    }
    // "1.2m people": a lower-case m before a counted noun is millions, not metres.
    let million = super::numeral::m_is_million(t, k);
    // "45m2", "120km²": areas.
    let area = matches!(t.s(k), "m" | "km")
        && t.attached(k + 1)
        && (t.s(k + 1) == "2" || t.is_punct(k + 1, '²'));
    if t.is_word_tok(k) && t.attached(k) && !DIGIT_SUFFIXES.contains(&t.s(k)) && !million && !area {
        return Some(chunk_end_alnum(t, k));
    }
    None
}

fn chunk_end_alnum(t: &Tokens, i: usize) -> usize {
    let mut b = i + 1;
    while b < t.len() && t.attached(b) && t.kind(b) != Some(super::token::TokKind::Punct) {
        b += 1;
    }
    b
}

/// Whether a bare number is part of a product, model or version name: a capitalised or
/// camel-case word right before a one- or two-digit number, not at a sentence start
/// (`Llama 4`, `iPhone 15`, `Windows 11`).
pub fn model_name(t: &Tokens, n: &Numeral) -> bool {
    let Some(v) = n.plain else {
        return false;
    };
    let i = n.start;
    if i == 0 || t.attached(i) || !t.is_word_tok(i - 1) {
        return false;
    }
    let w = t.s(i - 1);
    // camelCase (iPhone) or an acronym (FTSE, S&P) names a product or an index.
    let acronym = w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase());
    let mixed = w.chars().any(char::is_lowercase) && w.chars().skip(1).any(char::is_uppercase);
    let camel = mixed || acronym && !(1900..=2100).contains(&v);
    let cap = t.is_cap(i - 1);
    if !(cap || camel) {
        return false;
    }
    if v >= 100 && !camel && !named_hundreds(t, n) {
        return false;
    }
    if v >= 10_000 {
        return false;
    }
    let lc = t.lc(i - 1);
    if super::date::month(lc.as_str()).is_some()
        || super::numeral::starts_number_word(lc.as_str())
        || matches!(
            lc.as_str(),
            "in" | "at"
                | "on"
                | "by"
                | "of"
                | "for"
                | "from"
                | "to"
                | "and"
                | "or"
                | "but"
                | "with"
                | "about"
                | "around"
                | "over"
                | "under"
                | "nearly"
                | "almost"
                | "some"
                | "than"
                | "just"
                | "only"
                | "all"
                | "top"
                | "the"
                | "its"
                | "our"
                | "their"
                | "his"
                | "her"
                | "had"
                | "has"
                | "have"
                | "was"
                | "were"
                | "is"
                | "are"
                | "after"
                | "before"
                | "since"
                | "until"
                | "during"
                | "fell"
                | "rose"
                | "cut"
                | "hired"
                | "killed"
                | "injured"
                | "lost"
                | "won"
        )
        || FUNCTION_WORDS.contains(&lc.as_str())
    {
        return false;
    }
    true
}

/// Whether a bare three-digit number follows a capitalised name inside a sentence
/// (`Boeing 787`, `Porsche 911`, `Fortune 500 firms`): part of the name, even before a
/// noun. Not after a capitalised first word (`Some 500 people`) nor a function word.
pub fn named_hundreds(t: &Tokens, n: &Numeral) -> bool {
    let Some(v) = n.plain else {
        return false;
    };
    let i = n.start;
    if !(100..1000).contains(&v) || i == 0 || t.attached(i) || !t.is_cap(i - 1) {
        return false;
    }
    let lc = t.lc(i - 1);
    !t.sentence_start(i - 1)
        && t.s(i - 1).len() > 2
        && !t.is_punct(n.end, '%')
        && super::date::month(lc.as_str()).is_none()
        && !FUNCTION_WORDS.contains(&lc.as_str())
        && !super::numeral::starts_number_word(lc.as_str())
}

/// Whether a bare number names one thing of a numbered series (`flight 302`, `Route 66`,
/// `gate 12`, `Section 230`, `Chapter 11`): an identifier, not a quantity.
pub fn series_number(t: &Tokens, n: &Numeral) -> bool {
    n.plain.is_some()
        && n.start > 0
        && !t.attached(n.start)
        && t.is_any(
            n.start - 1,
            &[
                "flight",
                "route",
                "room",
                "gate",
                "platform",
                "highway",
                "interstate",
                "bus",
                "channel",
                "section",
                "chapter",
                "article",
                "clause",
                "rule",
                "resolution",
                "proposition",
                "amendment",
                "no",
                "number",
                "pier",
                "terminal",
                "ward",
                "block",
                "lot",
                "unit",
                "exit",
                "junction",
                "track",
                "episode",
                "season",
                "volume",
            ],
        )
        && !(t.is_punct(n.start - 1, '.') || t.is_word(n.start - 1, "no") && t.is_cap(n.start))
}

/// Whether a bare number of three or four digits is a model before its series letters
/// (`737 MAX`, `the 911 GT3`): an upper-case word of two to four letters follows that is
/// not an era, a zone or a time.
pub fn model_suffix(t: &Tokens, n: &Numeral) -> bool {
    let Some(v) = n.plain else {
        return false;
    };
    let k = n.end;
    if !(100..10_000).contains(&v) || t.attached(k) || !t.is_word_tok(k) {
        return false;
    }
    let w = t.s(k);
    (2..=4).contains(&w.len())
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && !matches!(
            w,
            "BC" | "AD"
                | "BCE"
                | "CE"
                | "GMT"
                | "UTC"
                | "ET"
                | "EST"
                | "EDT"
                | "PST"
                | "PDT"
                | "CET"
                | "BST"
                | "IST"
                | "AM"
                | "PM"
                | "HRS"
        )
}

/// Words that, capitalised at a sentence start, introduce a figure rather than name a
/// product ("Another 20 left", "Roughly 30 came").
const FUNCTION_WORDS: &[&str] = &[
    "another",
    "roughly",
    "approximately",
    "exactly",
    "fewer",
    "more",
    "less",
    "above",
    "below",
    "those",
    "these",
    "every",
    "each",
    "between",
    "if",
    "when",
    "while",
    "as",
    "like",
    "including",
    "per",
    "last",
    "next",
    "first",
    "up",
    "so",
    "yet",
    "then",
    "now",
    "still",
    "even",
    "nearly",
    "also",
    "already",
    "then",
    "here",
    "there",
    "only",
    "about",
    "around",
    "almost",
    "some",
    "over",
    "under",
    "at",
    "by",
    "with",
    "without",
    "after",
    "since",
    "during",
    "within",
    "across",
    "among",
    "against",
    "towards",
    "toward",
    "via",
    "say",
    "says",
    "said",
    "see",
    "note",
    "total",
    "totalling",
    "totaling",
    "age",
    "aged",
    "ages",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "being",
    "hit",
    "reached",
    "topped",
];

/// Whether an ordinal or fraction word ending before token `end` is the first half of a
/// compound adjective (`a third-party seller`, `second-hand cars`, `first-class mail`,
/// `a second-degree burn`): a kind of thing, not a rank or a share.
pub fn ordinal_compound(t: &Tokens, end: usize) -> bool {
    t.is_hyphen(end)
        && t.attached(end)
        && t.attached(end + 1)
        && t.is_any(
            end + 1,
            &[
                "party",
                "parties",
                "hand",
                "class",
                "rate",
                "degree",
                "generation",
                "person",
                "guessing",
                "string",
                "tier",
                "world",
            ],
        )
}

/// Whether a bare `one` is a pronoun (`the one you mentioned`, `which one`).
pub fn pronoun_one(t: &Tokens, n: &Numeral) -> bool {
    if !(n.words && n.end == n.start + 1 && t.is_word(n.start, "one")) {
        return false;
    }
    let i = n.start;
    if i > 0
        && t.is_any(
            i - 1,
            &[
                "the", "which", "this", "that", "each", "any", "every", "no", "another", "some",
                "someone", "last", "only", "right", "wrong", "big", "new", "little", "good",
                "same", "a",
            ],
        )
    {
        return true;
    }
    t.is_any(i + 1, &["another", "day", "way"])
        || (t.is_punct(i + 1, '\'') || t.is_punct(i + 1, '’')) && t.is_word(i + 2, "s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numeral::parse_numeral;
    use crate::extract::token::tokenize;

    fn skipped(s: &str, i: usize) -> bool {
        let t = tokenize(s);
        skip(&t, i).is_some()
    }

    #[test]
    fn web_things_are_skipped() {
        assert!(skipped("see https://x.com/a/123 now", 8));
        assert!(skipped("mail bob99@example.com", 2));
        assert!(skipped("#2025goals", 1));
        assert!(skipped("@user123", 1));
    }

    #[test]
    fn times_of_day_are_skipped() {
        assert!(skipped("at 2 pm", 1));
        assert!(skipped("at 10:30", 1));
        assert!(skipped("at 2 p.m.", 1));
        assert!(!skipped("at 2 percent", 1));
    }

    #[test]
    fn phone_numbers_are_skipped() {
        assert!(skipped("call 555-123-4567", 1));
        assert!(skipped("+1-222-2222-2222", 1));
        assert!(!skipped("2025-06-13", 0));
    }

    #[test]
    fn glued_names_are_skipped() {
        assert!(skipped("the G7 summit", 2));
        assert!(skipped("GPT-3 model", 2));
        assert!(skipped("Covid-19 cases", 2));
        assert!(skipped("a 5G network", 1));
        assert!(!skipped("mid-2024", 2));
        assert!(!skipped("$5bn", 1));
    }

    #[test]
    fn model_names_are_not_figures() {
        for (s, i) in [("Meta released Llama 4 today", 3), ("the new iPhone 15", 3)] {
            let t = tokenize(s);
            let n = parse_numeral(&t, i, false).unwrap();
            assert!(model_name(&t, &n), "{s}");
        }
        let t = tokenize("In 2016 it grew");
        let n = parse_numeral(&t, 1, false).unwrap();
        assert!(!model_name(&t, &n));
    }

    #[test]
    fn scores_and_tallies_are_skipped() {
        assert!(skipped("United won 3-1 on Sunday", 2));
        assert!(skipped("a 2-2 draw", 1));
        assert!(skipped("the court's 5-4 ruling", 4));
        assert!(skipped("they lost 1-2 at home", 2));
        assert!(!skipped("for 2-3 days", 1));
        assert!(!skipped("born 3-1-2020", 1));
    }

    #[test]
    fn house_numbers_are_skipped() {
        assert!(skipped("lives at 221 Baker Street now", 2));
        assert!(skipped("10 Downing St", 0));
        assert!(!skipped("sold 221 Boeing jets", 1));
    }

    #[test]
    fn pronoun_one() {
        let t = tokenize("The one you mentioned");
        let n = parse_numeral(&t, 1, false).unwrap();
        assert!(super::pronoun_one(&t, &n));
    }
}
