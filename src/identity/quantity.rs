//! Open quantities: what a figure measures when no attribute family of the lexicon
//! claims it, read from the words around it. The rules, most reliable first:
//!
//! 1. a counted noun ("300 passengers", "12 crew members"), refined by the predicate that
//!    follows or precedes it for generic nouns ("242 people on board", "24 others
//!    killed") and by a tally predicate for any noun ("23 girls missing");
//! 2. "the X of N" / "X: N" ("an altitude of 625 feet", "a depth of 8 km");
//! 3. a noun the measure modifies ("a 29-foot wall of water", "a 140-metre span");
//! 4. the time between two events ("five minutes after take-off");
//! 5. a change verb with its direction ("slid 1.2%", "down 24 percent", "cut 25 basis
//!    points");
//! 6. the counted verb of "N times" ("orbited the Earth 4,576 times");
//! 7. for physical measures, the dimension itself ("625 feet" is a length).
//!
//! Words are compared by their stems through the synonym sets of
//! `attributes/synonyms.toml`, so "fell" and "slid" name one quantity, and "storey",
//! "story" and "floor" another. Pure functions of the sentence; no I/O.

use super::unit::Dimension;
use crate::claim::Kind;
use crate::extract::numeral::starts_number_word;
use crate::text::ends_with_ci;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// An open quantity: its canonical name, the rule that read it and the words it read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Canonical name, compared across sources ("aboard", "fall", "length").
    pub name: String,
    /// Which rule decided it.
    pub rule: &'static str,
    /// The words of the sentence it was read from.
    pub words: String,
    /// Whether the quantity is a running tally (tolls, cases).
    pub volatile: bool,
    /// Whether a percentage states a change of a rate, and so counts percentage points
    /// ("cut the repo rate by 0.25%" is 25 basis points).
    pub rate_change: bool,
}

/// The rule name of a quantity read from the dimension alone.
pub const DIMENSION_RULE: &str = "dimension";

/// The rule name of a date's quantity read from the verb before it ("launched on").
pub const DATE_VERB_RULE: &str = "verb of a date";

/// Whether a rule names its quantity weakly (by the unit alone, or a date by a verb
/// that many events share): such figures are compared, but their disagreements are
/// reported as info.
pub fn is_weak_rule(rule: &str) -> bool {
    rule == DIMENSION_RULE || rule == DATE_VERB_RULE
}

#[derive(Deserialize)]
struct SynonymFile {
    set: Vec<SynonymSet>,
}

#[derive(Deserialize)]
struct SynonymSet {
    words: Vec<String>,
    #[serde(default)]
    volatile: bool,
}

/// Stems of synonym words → (set name, volatile).
struct Synonyms {
    by_stem: HashMap<String, (String, bool)>,
}

fn synonyms() -> &'static Synonyms {
    static S: OnceLock<Synonyms> = OnceLock::new();
    S.get_or_init(|| {
        let file: SynonymFile = toml::from_str(include_str!("../../attributes/synonyms.toml"))
            .expect("attributes/synonyms.toml parses");
        let mut by_stem = HashMap::new();
        for set in file.set {
            let name = set.words[0].clone();
            for w in &set.words {
                by_stem
                    .entry(stem_phrase(w))
                    .or_insert((name.clone(), set.volatile));
            }
        }
        Synonyms { by_stem }
    })
}

/// The canonical name of a word or phrase: its synonym set's name, else the phrase in
/// lower case with plural nouns made singular ("headcounts" → "headcount").
pub fn canonical(phrase: &str) -> (String, bool) {
    match synonyms().by_stem.get(&stem_phrase(phrase)) {
        Some((name, v)) => (name.clone(), *v),
        None => (singular(&phrase.to_lowercase()), false),
    }
}

/// The singular of a plural noun by its ending ("bodies" → "body", "orbits" → "orbit").
fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        format!("{s}y")
    } else if let Some(s) = w
        .strip_suffix('s')
        .filter(|s| s.len() > 2 && !s.ends_with('s') && !s.ends_with('u') && !s.ends_with('i'))
    {
        s.to_string()
    } else {
        w.to_string()
    }
}

fn known(phrase: &str) -> Option<(String, bool)> {
    synonyms().by_stem.get(&stem_phrase(phrase)).cloned()
}

/// The direction a change word names ("slid" → "fall", "climbed" → "rise"), if any.
fn direction(word: &str) -> Option<String> {
    known(word)
        .map(|(n, _)| n)
        .filter(|n| matches!(n.as_str(), "fall" | "rise"))
}

/// Whether a word is a numeral, in digits or in words ("25", "two").
fn is_numeral(w: &Word<'_>) -> bool {
    w.text.starts_with(|c: char| c.is_ascii_digit()) || starts_number_word(&w.text.to_lowercase())
}

/// Stems each word of a phrase and joins them with one space.
pub fn stem_phrase(p: &str) -> String {
    let mut out = String::new();
    for w in p.split([' ', '-']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stem(w));
    }
    out
}

/// A light suffix stemmer with the irregular forms news uses for changes and tallies:
/// "slid" → "slide", "fell" → "fall", "bodies" → "bodi", "killed" → "kill".
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let irregular = match w.as_str() {
        "fell" | "fallen" => Some("fall"),
        "slid" => Some("slide"),
        "rose" | "risen" => Some("rise"),
        "lost" => Some("lose"),
        "grew" | "grown" => Some("grow"),
        "sank" | "sunk" => Some("sink"),
        "dead" | "died" | "death" | "deaths" => Some("death"),
        "people" | "persons" => Some("person"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "feet" => Some("foot"),
        "lives" => Some("life"),
        "paid" => Some("pay"),
        "sold" => Some("sell"),
        "bought" => Some("buy"),
        "took" | "taken" | "taking" => Some("take"),
        "became" | "becoming" => Some("become"),
        // "a 33-story high-rise" comes out of a hyphenated adjective as "storys".
        "storeys" | "stories" | "storys" => Some("storey"),
        "story" => Some("storey"),
        "news" | "series" | "species" | "us" | "gas" | "bus" => Some(w.as_str()),
        _ => None,
    };
    let mut s = irregular.map_or_else(|| w.clone(), str::to_string);
    for (suffix, repl) in if irregular.is_some() {
        &[][..]
    } else {
        &[
            ("ies", "y"),
            ("ied", "y"),
            ("sses", "ss"),
            ("ing", ""),
            ("ed", ""),
            ("es", ""),
            ("s", ""),
        ][..]
    } {
        if s.len() > suffix.len() + 2 && s.ends_with(suffix) {
            if *suffix == "es"
                && !(s.ends_with("shes") || s.ends_with("ches") || s.ends_with("xes"))
            {
                continue;
            }
            if *suffix == "s" && (s.ends_with("ss") || s.ends_with("us") || s.ends_with("is")) {
                break;
            }
            s.truncate(s.len() - suffix.len());
            s.push_str(repl);
            break;
        }
    }
    // "planned"/"plan", "rescued"/"rescue": drop a final e and undouble a consonant.
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    let b = s.as_bytes();
    if b.len() > 3 && b[b.len() - 1] == b[b.len() - 2] && !b"lsz".contains(&b[b.len() - 1]) {
        s.pop();
    }
    s
}

/// A word of the window with its byte range; `brk` marks a clause break before it.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    brk: bool,
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut brk = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphabetic() || c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let joiner = matches!(d, '-' | '\'' | '’' | '.' | ',')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphanumeric())
                    && (d != '.' && d != ',' || c.is_ascii_digit());
                if d.is_alphanumeric() || joiner {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Word {
                text: &text[i..end],
                start: i,
                brk,
            });
            brk = false;
        } else if matches!(
            c,
            '.' | ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '!' | '?'
        ) {
            brk = true;
        }
    }
    out
}

/// Function words that never name a quantity.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "from",
    "with",
    "and",
    "or",
    "but",
    "as",
    "than",
    "that",
    "this",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "it",
    "he",
    "she",
    "they",
    "we",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "which",
    "who",
    "some",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "under",
    "more",
    "less",
    "least",
    "most",
    "just",
    "only",
    "all",
    "each",
    "per",
    "cent",
    "percent",
    "into",
    "after",
    "before",
    "since",
    "while",
    "when",
    "then",
    "there",
    "so",
    "also",
    "another",
    "other",
    "others",
    "same",
    "such",
    "up",
    "down",
    "out",
    "off",
    "said",
    "says",
    "according",
    "say",
    "will",
    "would",
    "could",
    "may",
    "might",
    "not",
    "no",
    "roughly",
    "approximately",
    "estimated",
    "nearly",
    "record",
    "total",
    "new",
    "mere",
    "huge",
    "whopping",
    "extra",
    "further",
    "additional",
    "first",
    "last",
    "next",
    "previous",
    "earlier",
    "later",
    "now",
    "still",
    "already",
    "again",
    "ago",
    "including",
    "among",
    "between",
    "within",
    "during",
    "through",
    "across",
    "against",
    "being",
    "what",
    "how",
    "every",
];

fn is_stop(w: &str) -> bool {
    let l = w.to_lowercase();
    STOP.contains(&l.as_str()) || l.chars().any(|c| c.is_ascii_digit())
}

/// Modifiers that order or add up rather than narrow ("6 consecutive hikes", "three
/// separate attacks").
const ORDER_WORDS: &[&str] = &[
    "consecutive",
    "straight",
    "successive",
    "separate",
    "different",
    "individual",
    "total",
    "further",
    "additional",
    "several",
    "various",
    "straight-line",
];

/// Nouns that only frame a figure ("a promise of 1,200 km of range"): the noun after
/// the figure says what is measured.
const FRAMING: &[&str] = &[
    "promise", "claim", "figure", "estimate", "total", "tally", "count", "number",
];

/// Nouns of one-off events in a life or a firm's history, whose year outlets may
/// disagree on ("debut in 2011"); stems.
const EVENT_NOUNS: &[&str] = &[
    "debut",
    "launch",
    "found",
    "foundation",
    "birth",
    "death",
    "retirement",
    "ipo",
    "listing",
    "marriage",
    "wedding",
    "arrival",
    "departure",
    "promotion",
    "relegation",
    "opening",
    "closure",
    "inauguration",
    "independence",
    "premiere",
    "release",
];

/// Nouns that count people without saying what happened to them: the predicate decides.
const GENERIC: &[&str] = &["person", "other", "individual", "those", "one"];

/// Time words, weekdays and months: not quantity words.
fn is_time_word(w: &str) -> bool {
    let l = w.to_lowercase();
    crate::text::MONTH_NAMES.contains(&l.as_str())
        || crate::text::WEEKDAY_NAMES.contains(&l.as_str())
        || [
            "today",
            "yesterday",
            "tomorrow",
            "morning",
            "evening",
            "afternoon",
            "night",
            "week",
            "month",
            "year",
            "day",
            "hour",
            "minute",
            "second",
        ]
        .contains(&stem(&l).as_str())
}

/// A content word that can name a quantity: lower-case, no digit, not a function word.
fn content(w: &Word<'_>) -> bool {
    !is_stop(w.text)
        && !is_time_word(w.text)
        && w.text.chars().next().is_some_and(|c| c.is_lowercase())
}

/// What the figure at `fig` (byte range in `text`, the sentence window) measures, when
/// no lexicon family claimed it. `unit` is the unit word extraction recorded (the
/// counted noun for counts).
pub fn open_quantity(
    text: &str,
    fig: (usize, usize),
    kind: Kind,
    unit: Option<&str>,
    dimension: Dimension,
) -> Option<Quantity> {
    let mut q = quantity_of_words(text, fig, kind, unit, dimension)?;
    // "648 out of 650 seats": the whole the others are parts of ("all 242 passengers"
    // is the count itself).
    let lead = text.get(..fig.0).unwrap_or("").trim_end();
    // "412 of 650 seats" too: the whole after a part's number.
    let part_of = lead.strip_suffix(" of").is_some_and(|l| {
        l.rsplit(' ')
            .next()
            .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ','))
    });
    let whole = dimension == Dimension::Count && (ends_with_ci(lead, " out of") || part_of);
    if whole && !q.name.starts_with("total") {
        q.name = format!("total {}", q.name);
    }
    // "the pilots had nearly 10,000 hours between them", "a combined 9,300 hours": a
    // total of what several people or things each have is not any one's. Counts of
    // events (cases, deaths) are totals anyway, marked or not.
    let summed = !matches!(
        dimension,
        Dimension::ClockTime | Dimension::Count | Dimension::Number
    );
    if summed && is_aggregate(text, fig) && !q.name.starts_with("combined") {
        q.name = format!("combined {}", q.name);
    }
    Some(q)
}

/// Words that end a noun phrase ("the vote despite …", "the vote in Scotland").
const PREPOSITIONS: &[&str] = &[
    "despite", "in", "across", "at", "for", "from", "with", "since", "after", "before", "during",
    "by", "on", "than", "as", "among",
];

/// Nouns that, as "a N of 176 seats", name what a count measures.
const MEASURE_OF: &[&str] = &[
    "majority",
    "gain",
    "gains",
    "loss",
    "losses",
    "increase",
    "decrease",
    "rise",
    "fall",
    "drop",
    "swing",
    "margin",
    "shortfall",
    "deficit",
    "surplus",
    "net",
    "lead",
];

/// Words that make a figure a total over several things.
const AGGREGATE_CUES: &[&str] = &[
    "between them",
    "between the two",
    "combined",
    "in total",
    "altogether",
    "collectively",
    "a total of",
    "in all",
];

/// Whether the clause around the figure says it totals several things.
fn is_aggregate(text: &str, fig: (usize, usize)) -> bool {
    let lead = text.get(..fig.0).unwrap_or("");
    let lo = lead
        .rfind([',', ';', '(', '.'])
        .map_or(0, |i| i + 1)
        .max(fig.0.saturating_sub(80));
    let tail = text.get(fig.1..).unwrap_or("");
    let hi = fig.1
        + tail
            .find([',', ';', ')', '.'])
            .unwrap_or(tail.len())
            .min(60);
    let Some(clause) = text.get(lo..hi) else {
        return false;
    };
    // "Between them, the two pilots had …": a cue that opens the sentence.
    let opening = text
        .trim_start()
        .get(..20)
        .unwrap_or("")
        .to_ascii_lowercase();
    if AGGREGATE_CUES.iter().any(|c| opening.starts_with(c)) {
        return true;
    }
    let lower = clause.to_ascii_lowercase();
    AGGREGATE_CUES.iter().any(|c| {
        lower.match_indices(c).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + c.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The quantity the words around the figure name (see [`open_quantity`]).
fn quantity_of_words(
    text: &str,
    fig: (usize, usize),
    kind: Kind,
    unit: Option<&str>,
    dimension: Dimension,
) -> Option<Quantity> {
    let words = words_of(text);
    let first_after = words.partition_point(|w| w.start < fig.1);
    let before_long: Vec<Word<'_>> = {
        let end = words.partition_point(|w| w.start < fig.0);
        let mut v = Vec::new();
        for w in words[..end].iter().rev() {
            if w.start + w.text.len() > fig.0 {
                continue;
            }
            v.push(*w);
            if w.brk || v.len() >= 10 {
                break;
            }
        }
        v
    };
    let before = &before_long[..before_long.len().min(6)];
    let after: Vec<Word<'_>> = words[first_after..]
        .iter()
        .enumerate()
        .take_while(|(i, w)| *i == 0 || !w.brk)
        .map(|(_, w)| *w)
        .take(8)
        .collect();
    let after_clean = after.first().is_some_and(|w| !w.brk);
    let q = |name: String, rule, words: &str, volatile| {
        Some(Quantity {
            name,
            rule,
            words: words.to_string(),
            volatile,
            rate_change: false,
        })
    };
    // A tally predicate right after or before the figure ("missing", "on board"); the
    // flag says it binds the figure (it stands after, or is a verb before).
    let predicate = || -> Option<(String, bool, String, bool)> {
        if after_clean {
            // Skip the rest of the counted noun phrase and auxiliaries.
            let mut k = 0;
            loop {
                // "10 campers and one counselor are still missing": a coordinated count
                // shares the predicate.
                if after.get(k).is_some_and(|w| w.text == "and")
                    && after.get(k + 1).is_some_and(is_numeral)
                    && k + 2 < after.len()
                {
                    k += 3;
                    continue;
                }
                // "27 girls from Camp Mystic are still missing": a short phrase of place
                // between the noun and its predicate.
                if after.get(k).is_some_and(|w| {
                    matches!(w.text, "from" | "at" | "in" | "on" | "of" | "aboard")
                }) {
                    let verb = (k + 2..after.len().min(k + 7)).find(|&j| {
                        let t = after[j].text.to_lowercase();
                        ["are", "were", "is", "was", "remain", "remained", "still"]
                            .contains(&t.as_str())
                            || known(&t)
                                .is_some_and(|(n, _)| !matches!(n.as_str(), "fall" | "rise"))
                                && (t.ends_with("ed") || t.ends_with("ing") || t == "missing")
                    });
                    if let Some(j) = verb {
                        k = j;
                        continue;
                    }
                }
                if k < after.len()
                    && (Some(after[k].text) == unit
                        || [
                            "were", "was", "are", "is", "have", "had", "been", "members", "member",
                            "still",
                        ]
                        .contains(&after[k].text.to_lowercase().as_str()))
                {
                    k += 1;
                    continue;
                }
                break;
            }
            for n in [2, 1] {
                if k + n <= after.len() {
                    let phrase: Vec<&str> = after[k..k + n].iter().map(|w| w.text).collect();
                    let phrase = phrase.join(" ");
                    if let Some((name, v)) = known(&phrase) {
                        if !matches!(name.as_str(), "fall" | "rise") {
                            return Some((name, v, phrase, true));
                        }
                    }
                }
            }
        }
        // "home to about a million people": a predicate of two words before.
        if let [w0, w1, ..] = before {
            if !w0.brk {
                let phrase = format!("{} {}", w1.text, w0.text);
                if let Some((name, v)) = known(&phrase) {
                    if !matches!(name.as_str(), "fall" | "rise" | "acquisition_price") {
                        return Some((name, v, phrase, false));
                    }
                }
            }
        }
        for w in before.iter().take(3) {
            // "13 people have died and more than 20 girls": the verb of the clause
            // before a coordination is not this figure's.
            if matches!(w.text, "and" | "or" | "but") {
                break;
            }
            if let Some((name, v)) = known(w.text) {
                if matches!(
                    name.as_str(),
                    "deaths" | "injuries" | "rescued" | "evacuated" | "aboard" | "residents"
                ) {
                    // A verb ("rescuing 15 campers") binds its object; a noun ("put
                    // the toll at 38,466 cases") does not.
                    let verb = w.text.ends_with("ed") || w.text.ends_with("ing");
                    return Some((name, v, w.text.to_string(), verb));
                }
            }
            if w.brk {
                break;
            }
        }
        None
    };
    // "4,500 times": extraction leaves "times" out of the count; it counts the verb.
    let times = (dimension == Dimension::Number && unit.is_none())
        .then(|| {
            after
                .first()
                .filter(|w| w.text.eq_ignore_ascii_case("times"))
        })
        .flatten()
        .map(|_| "times");
    // A date names the event of the verb or noun before it ("launched on June 5",
    // "began their mission on June 6, 2024").
    if dimension == Dimension::Date {
        // "against Brentford on Saturday", "at Brentford on Sunday", "face Leeds on
        // Tuesday": the day of a meeting with a named opponent or host.
        if before
            .first()
            .is_some_and(|w| w.text.eq_ignore_ascii_case("on"))
        {
            let names: Vec<&Word<'_>> = before[1..]
                .iter()
                .take(4)
                .take_while(|w| w.text.starts_with(char::is_uppercase))
                .collect();
            let prep = before.get(1 + names.len());
            let meets = prep.is_some_and(|p| {
                matches!(
                    p.text.to_lowercase().as_str(),
                    "against"
                        | "versus"
                        | "vs"
                        | "face"
                        | "faces"
                        | "play"
                        | "plays"
                        | "host"
                        | "hosts"
                        | "visit"
                        | "visits"
                        | "meet"
                        | "meets"
                        | "at"
                )
            });
            let clean = !names.is_empty() && names.iter().skip(1).all(|w| !w.brk);
            if meets && clean {
                let mut opponent: Vec<&str> = names.iter().rev().map(|w| w.text).collect();
                opponent.dedup();
                let opponent = opponent.join(" ");
                return q(
                    format!("day of the meeting with {opponent}"),
                    DATE_VERB_RULE,
                    &opponent,
                    false,
                );
            }
        }
        if before
            .first()
            .is_some_and(|w| w.text.eq_ignore_ascii_case("on"))
        {
            if let Some(v) = before[1..]
                .iter()
                .take(4)
                .find(|w| content(w) && known(w.text).is_some())
            {
                let (name, _) = canonical(v.text);
                return q(name, DATE_VERB_RULE, v.text, false);
            }
        }
        return None;
    }
    // "his senior debut in 2011", "a Spurs debut in 2012": the year of the event the noun
    // right before "in" names (weakly, as a date's verb).
    if dimension == Dimension::Year {
        // "his debut for the club in 2012": past a short phrase after the noun.
        if before.first().is_some_and(|w| w.text == "in") {
            for (k, w) in before.iter().enumerate().skip(1).take(4) {
                if EVENT_NOUNS.contains(&stem(w.text).as_str()) && content(w) {
                    let (name, _) = canonical(w.text);
                    return q(format!("year of {name}"), DATE_VERB_RULE, w.text, false);
                }
                if w.brk || k == 4 {
                    break;
                }
            }
        }
        return None;
    }
    // 1. A counted noun.
    if kind == Kind::Count && dimension == Dimension::Count || times.is_some() {
        if let Some(noun) = unit.or(times) {
            let (name, volatile) = canonical(noun);
            let generic = GENERIC.contains(&stem(noun).as_str());
            if noun == "times" {
                // 6. "orbited the Earth 4,576 times", "raised rates seven times".
                if let Some(v) = before.iter().find(|w| {
                    let s = w.text.to_lowercase();
                    (s.ends_with("ed") || known(&s).is_some()) && content(w)
                }) {
                    let (name, volatile) = canonical(v.text);
                    return q(name, "verb counted by times", v.text, volatile);
                }
                return None;
            }
            // "one of 15 systemically important banks", "one of about 30 banks": the
            // size of a set its subject belongs to, whatever the outlet calls the members.
            let lead = text.get(..fig.0).unwrap_or("").trim_end();
            if [" one of", " one of the", " among", " among the"]
                .iter()
                .any(|p| ends_with_ci(lead, p))
            {
                return q(format!("set of {name}"), "one of N", noun, false);
            }
            // Modifiers between the number and the noun name a narrower thing ("two
            // field hospitals", "10 cabin crew"), unless a synonym set knows the phrase
            // ("confirmed cases" are cases).
            // Names narrow it too ("two NASA astronauts", "12 African countries"), and
            // so does "other" ("two other astronauts" are not all four).
            // Only words after the numeral: "as many as 241 seats" counts seats.
            let numeral = words
                .iter()
                .filter(|w| w.start >= fig.0 && w.start < fig.1)
                .find(|w| is_numeral(w))
                .map_or(fig.0, |w| w.start);
            let modifiers: Vec<String> = words
                .iter()
                .filter(|w| w.start > numeral && w.start < fig.1 && w.text != noun)
                .map(|w| w.text.to_lowercase())
                .filter(|t| {
                    t.chars().all(|c| c.is_alphabetic() || c == '-')
                        && (!is_stop(t) || t == "other")
                        && !t.split('-').any(starts_number_word)
                        && !ORDER_WORDS.contains(&t.as_str())
                })
                .collect();
            // "27 campers and counselors": a coordinated noun counts both together.
            let (name, volatile) = match after.get(..2) {
                Some([and, other])
                    if and.text == "and"
                        && after_clean
                        && !and.brk
                        && content(other)
                        && other.text.ends_with('s') =>
                {
                    (format!("{name} and {}", canonical(other.text).0), volatile)
                }
                _ => (name, volatile),
            };
            let (name, volatile) = if modifiers.is_empty() {
                (name, volatile)
            } else {
                let phrase = format!("{} {noun}", modifiers.join(" "));
                known(&phrase).unwrap_or((format!("{} {name}", modifiers.join(" ")), volatile))
            };
            // "a four-point drop", "up by under two points": points of a share move
            // one way or the other.
            if matches!(stem(noun).as_str(), "point" | "pt") {
                let dir = before
                    .iter()
                    .take(4)
                    .chain(after.iter().take(2))
                    .find_map(|w| direction(w.text));
                if let Some(dir) = dir {
                    return q(format!("point {dir}"), "change in points", noun, false);
                }
            }
            // "48 goals short of Shearer's record", "48 goals less than", "trailing the
            // record by 47 goals": a gap to something else, not a level.
            let gap_after = after_clean
                && after.first().is_some_and(|w| {
                    let t = w.text.to_lowercase();
                    matches!(t.as_str(), "short" | "shy" | "behind" | "adrift")
                        || matches!(t.as_str(), "less" | "fewer")
                            && after.get(1).is_some_and(|n| n.text == "than")
                });
            let gap_before = before.first().is_some_and(|w| w.text == "by")
                && before.iter().skip(1).take(5).any(|w| {
                    matches!(
                        w.text.to_lowercase().as_str(),
                        "trailing" | "trails" | "trailed" | "behind" | "short" | "shy"
                    )
                });
            if gap_after || gap_before {
                return q(format!("{name} short"), "gap", noun, false);
            }
            // "a majority of 176 seats", "a loss of 249 seats": the noun before "of"
            // names what the count measures; "lost 251 seats", "gained nine seats": a
            // change of the count, not its level.
            if let [of, head, ..] = before {
                let h = head.text.to_lowercase();
                if of.text == "of" && !of.brk && MEASURE_OF.contains(&h.as_str()) {
                    // A change names its noun ("seat fall"); a majority or margin is
                    // one thing whatever it is counted in ("a majority of 174").
                    let (measure, _) = canonical(&h);
                    let name = if matches!(measure.as_str(), "fall" | "rise") {
                        format!("{name} {measure}")
                    } else {
                        measure
                    };
                    return q(name, "measure of a count", head.text, false);
                }
            }
            let change = before
                .iter()
                .take(2)
                .enumerate()
                .take_while(|(k, w)| *k == 0 || !w.brk)
                .find_map(|(_, w)| direction(w.text).map(|n| (n, w.text)));
            // "added five assists", "raised three children": a level, not a change.
            let level_verb =
                |v: &str| matches!(v.to_lowercase().as_str(), "added" | "adds" | "raised");
            if let Some((dir, verb)) =
                change.filter(|(_, v)| !generic && !volatile && !level_verb(v))
            {
                return q(format!("{name} {dir}"), "change of a count", verb, false);
            }
            // A tally word before a noun of its own ("put the toll at 38,466 cases")
            // renames only generic people, never another counted thing.
            return match predicate() {
                Some((p, v, words, binds)) if generic || (v && binds) => {
                    let name = if generic || p == name {
                        p
                    } else {
                        format!("{name} {p}")
                    };
                    q(name, "counted noun and predicate", &words, v || volatile)
                }
                _ => q(name, "counted noun", noun, volatile),
            };
        }
    }
    // "5 miles deep", "300 metres long", "80 km away": the adjective after a measure
    // names it before anything else does.
    if dimension.is_measure() && after_clean {
        if let Some(a) = after.first().filter(|w| {
            matches!(
                w.text.to_lowercase().as_str(),
                "deep" | "long" | "high" | "tall" | "wide" | "away" | "thick" | "across"
            )
        }) {
            let (name, v) = canonical(a.text);
            return q(name, "measure adjective", a.text, v);
        }
    }
    // 2. "the X of N", "X: N"; for times, rates and amounts also "X at N" and "X to N"
    // ("took off at 1:39 PM", "trims the repo rate to 6.25%").
    // "a vote share of just 33.8 per cent": past a word that only stresses the figure.
    let stressed = before
        .first()
        .is_some_and(|w| matches!(w.text, "just" | "only" | "merely" | "mere" | "barely"));
    let long = &before_long[usize::from(stressed)..];
    let near = &long[..long.len().min(6)];
    // "cuts repo rate by 25 basis points to 6.25%": the new level of the object before
    // the change; "its vote share rose by … to 34%": past the verb to its subject.
    let by_then_to = match long {
        [to, rest @ ..] if matches!(to.text, "to" | "at") => rest
            .iter()
            .take(5)
            .position(|w| w.text == "by")
            .filter(|&k| rest[..k].iter().any(is_numeral) && !rest[..=k].iter().any(|w| w.brk))
            .map(|k| {
                let verb = rest
                    .get(k + 1)
                    .is_some_and(|w| !w.brk && direction(w.text).is_some());
                let skip = k + 1 + usize::from(verb);
                std::iter::once(*to)
                    .chain(rest[skip..].iter().copied())
                    .collect::<Vec<_>>()
            }),
        _ => None,
    };
    let past_change = by_then_to.as_deref().unwrap_or(near);
    if let [w0, w1, rest @ ..] = past_change {
        let joiner = w0.text.to_lowercase();
        let level = matches!(joiner.as_str(), "at" | "to")
            && (dimension == Dimension::ClockTime
                || matches!(dimension, Dimension::Percent | Dimension::Currency) && joiner == "to"
                || matches!(dimension, Dimension::Percent) && joiner == "at");
        // "projected at 6.7%": a participle before "at"/"to" is no quantity.
        let participle = level && (w1.text.ends_with("ed") || w1.text.ends_with("ing"));
        // A compound the synonym sets know ("repo rate", "took off"), else the head noun.
        let compound = rest
            .first()
            .filter(|w2| !w1.brk && content(w2))
            .map(|w2| format!("{} {}", w2.text, w1.text))
            .and_then(|c| known(&c).map(|k| (k, c)));
        if (level
            || matches!(
                joiner.as_str(),
                "of" | "reached" | "reaching" | "was" | "is"
            ))
            && !w0.brk
            && !participle
            && (content(w1) || compound.is_some())
        {
            // A time of day names its event only through a word the synonym sets know
            // ("took off at"); any verb would split one event's times apart.
            let known_event = compound.is_some() || known(w1.text).is_some();
            let ((name, v), words) =
                compound.unwrap_or_else(|| (canonical(w1.text), w1.text.to_string()));
            let change = matches!(name.as_str(), "fall" | "rise");
            let vague_time = dimension == Dimension::ClockTime && !known_event;
            // "a promise of over 1,200 km of range": a word that only frames the figure
            // gives way to the noun the measure is of.
            let measured_of = (dimension.is_measure() || dimension == Dimension::Currency)
                && FRAMING.iter().any(|f| stem(f) == stem(w1.text))
                && after_clean
                && after.first().is_some_and(|w| w.text == "of")
                && after.get(1).is_some_and(|w| content(w));
            if !vague_time && !measured_of && (!change || (dimension != Dimension::Count && !level))
            {
                return q(name, "the X of N", &words, v);
            }
        }
    }
    if let Some(w0) = before.first() {
        // "Highest altitude reached: 625 feet": a label before a colon.
        let gap = text.get(w0.start + w0.text.len()..fig.0).unwrap_or("");
        if gap.trim() == ":" && content(w0) {
            let (name, v) = canonical(w0.text);
            return q(name, "label", w0.text, v);
        }
    }
    // 4. "five minutes after take-off", "within minutes of departure".
    if dimension == Dimension::Duration && after_clean {
        if let Some(p) = after.first() {
            let prep = p.text.to_lowercase();
            if matches!(prep.as_str(), "after" | "before" | "of" | "into" | "since") {
                let event = |phrase: &str| {
                    known(phrase).is_some_and(|(n, _)| n == "takeoff") || prep != "of"
                };
                let rest: Vec<&Word<'_>> = after[1..]
                    .iter()
                    .filter(|w| {
                        !matches!(
                            stem(w.text).as_str(),
                            "take" | "become" | "the" | "its" | "their" | "a"
                        )
                    })
                    .collect();
                for n in [2, 1] {
                    if rest.len() >= n {
                        let phrase: Vec<&str> = rest[..n].iter().map(|w| w.text).collect();
                        let phrase = phrase.join(" ");
                        let (name, _) = canonical(&phrase);
                        if (n == 1 || known(&phrase).is_some()) && event(&phrase) {
                            return q(
                                format!("time after {name}"),
                                "time between events",
                                &phrase,
                                false,
                            );
                        }
                        if n == 1 && content(rest[0]) {
                            // "8,200 hours of flying": the hours of an activity; "of
                            // flying experience" names its head noun.
                            let head = rest
                                .get(1)
                                .filter(|w| {
                                    content(w)
                                        && !w.brk
                                        && prep == "of"
                                        && known(rest[0].text).is_none()
                                })
                                .map_or(rest[0].text, |w| w.text);
                            let (name, _) = canonical(head);
                            return q(name, "duration of an activity", head, false);
                        }
                    }
                }
            }
            if matches!(prep.as_str(), "in" | "aboard" | "on") {
                // "in the cockpit", "in space": past a determiner.
                let det = after.get(1).is_some_and(|w| {
                    matches!(w.text, "the" | "a" | "an" | "their" | "its" | "his" | "her")
                });
                if let Some(n) = after.get(1 + usize::from(det)).filter(|w| content(w)) {
                    let phrase = format!("{prep} {}", n.text);
                    let (name, _) = canonical(&phrase);
                    return q(name, "duration in a place", &phrase, false);
                }
            }
        }
    }
    // "33.7% of the vote", "a fifth of its revenue": a share of the thing after "of".
    if dimension == Dimension::Percent && after_clean {
        // "a 33.7% share of the vote" says the same as "33.7% of the vote".
        let lead = usize::from(
            after.len() > 1
                && matches!(after[0].text, "share" | "shares")
                && after[1].text == "of"
                && !after[1].brk,
        );
        if let Some(of) = after.get(lead).filter(|w| w.text == "of") {
            // The head of the noun phrase: "of the overall vote" is a share of the vote,
            // "of the seats available" a share of the seats.
            let phrase: Vec<&Word<'_>> = after
                .iter()
                .skip(lead + 1)
                .take(4)
                .skip_while(|w| !content(w) && !w.brk)
                .take_while(|w| content(w) && !PREPOSITIONS.contains(&w.text))
                .take(2)
                .collect();
            let postmodifier = |w: &&Word<'_>| {
                let t = w.text.to_lowercase();
                ["able", "ible", "ed", "wide"]
                    .iter()
                    .any(|s| t.ends_with(s))
                    || matches!(t.as_str(), "remaining" | "left" | "overall" | "combined")
            };
            let noun = match phrase.as_slice() {
                [first, last] if postmodifier(last) => Some(*first),
                _ => phrase.last().copied(),
            }
            .filter(|w| w.start > of.start);
            if let Some(n) = noun {
                let (name, v) = canonical(&format!("share of {}", n.text));
                return q(name, "share of", n.text, v);
            }
        }
    }
    // "a 33.7% vote share", "a 49% stake": a percentage that modifies a known noun.
    if dimension == Dimension::Percent && after_clean {
        for n in [2, 1] {
            if after.len() >= n && after[..n].iter().all(content) {
                let phrase: Vec<&str> = after[..n].iter().map(|w| w.text).collect();
                let phrase = phrase.join(" ");
                if let Some((name, v)) = known(&phrase) {
                    if !matches!(name.as_str(), "fall" | "rise") {
                        return q(name, "measured noun", &phrase, v);
                    }
                }
            }
        }
    }
    // 5. A change verb with its direction, before or after the figure.
    let change = before
        .iter()
        .take(3)
        .chain(after.iter().take(if after_clean { 1 } else { 0 }))
        .enumerate()
        .find_map(|(k, w)| {
            // "up"/"down" only right before the figure ("down 24 percent", not "ended
            // up spending").
            let adverb = matches!(w.text.to_lowercase().as_str(), "up" | "down");
            if adverb && k != 0 {
                return None;
            }
            direction(w.text).map(|n| (n, w.text))
        });
    // "cut the repo rate by 25 basis points", "lowered its forecast by 0.3%": a change
    // verb before its object and "by".
    // Whether that object is a rate ("the repo rate", "bond yields").
    let mut rate_object = false;
    let change = change.or_else(|| {
        before
            .first()
            .filter(|w| w.text.eq_ignore_ascii_case("by") && !w.brk)?;
        let rate = [stem("rate"), stem("yield")];
        for w in before.iter().skip(1).take(5) {
            if let Some(n) = direction(w.text) {
                return Some((n, w.text));
            }
            let determiner = matches!(w.text, "the" | "its" | "their" | "his" | "her" | "a");
            if w.brk || !(content(w) || determiner) {
                return None;
            }
            rate_object |= rate.contains(&stem(w.text));
        }
        None
    });
    // "slipped to 14.6%" states the new level, "from 20%" the old one: not a change.
    let level = before
        .first()
        .is_some_and(|w| matches!(w.text.to_lowercase().as_str(), "to" | "from" | "at"));
    // "rain fell for one night": a duration is not what changed.
    let change = change.filter(|_| dimension != Dimension::Duration);
    if let Some((name, words)) = change.filter(|_| !level) {
        if matches!(
            dimension,
            Dimension::Percent
                | Dimension::PercentagePoint
                | Dimension::BasisPoint
                | Dimension::Currency
        ) || dimension.is_measure()
        {
            // A change of a rate stated in percent moves it by points ("cut the rate by
            // 0.25%", "lifted its interest rate by 0.5 per cent").
            return q(name, "change verb", words, false).map(|c| Quantity {
                rate_change: dimension == Dimension::Percent && rate_object,
                ..c
            });
        }
    }
    // 8. An amount paid or received in a deal ("will pay 103m euros", "for €103m", "a
    // deal worth £108 million", "costing an initial €103m"): a price or fee.
    if dimension == Dimension::Currency {
        let cue = before
            .iter()
            .take(6)
            .find(|w| known(w.text).is_some_and(|(n, _)| n == "acquisition_price"));
        if let Some(w) = cue {
            return q("acquisition_price".into(), "transaction", w.text, false);
        }
        // "joined Keswin from Ardel for €64 million": a move paid for.
        let paid_for = before.first().is_some_and(|w| w.text == "for")
            && before.iter().take(8).any(|w| {
                matches!(
                    w.text.to_lowercase().as_str(),
                    "joined"
                        | "joins"
                        | "signed"
                        | "signs"
                        | "moved"
                        | "moves"
                        | "transferred"
                        | "switched"
                )
            });
        if paid_for {
            return q("acquisition_price".into(), "transaction", "for", false);
        }
    }
    // 3. A noun the measure or amount modifies ("a 29-foot tsunami", "a $100 billion
    // liquidity line"), or "N of X" for an amount ("108 billion dollars of aid").
    let measured = dimension.is_measure() || dimension == Dimension::Currency;
    if measured && after_clean && dimension != Dimension::Duration {
        let of_x = after
            .first()
            .is_some_and(|w| w.text == "of")
            .then(|| after.get(1))
            .flatten();
        if let Some(n) = of_x.or(after.first()).filter(|w| content(w)) {
            if !n.text.ends_with("ed") && !n.text.ends_with("ing") {
                let (name, v) = canonical(n.text);
                return q(name, "measured noun", n.text, v);
            }
        }
    }
    // "$69bn (£56bn) takeover": the noun after a conversion in brackets.
    if measured && dimension != Dimension::Duration {
        let rest = text.get(fig.1..).unwrap_or("");
        if let Some(inner) = rest.strip_prefix(" (") {
            if let Some(close) = inner.find(')').filter(|c| *c < 40) {
                let after_bracket = &inner[close + 1..];
                let first = words_of(after_bracket).into_iter().next();
                if let Some(n) = first.filter(|w| !w.brk && content(w)) {
                    let (name, v) = canonical(n.text);
                    return q(name, "measured noun", n.text, v);
                }
            }
        }
    }
    // 7. A physical measure or a time of day names its own quantity (weakly: see
    // `Quantity::weak`).
    if dimension.is_measure() || dimension == Dimension::ClockTime {
        return q(dimension.as_str().to_string(), DIMENSION_RULE, "", false);
    }
    if let Some(p) = (dimension == Dimension::Count).then(predicate).flatten() {
        return q(p.0, "predicate", &p.2, p.1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantity(
        text: &str,
        fig: &str,
        kind: Kind,
        unit: Option<&str>,
        d: Dimension,
    ) -> Option<String> {
        let s = text.find(fig).unwrap();
        open_quantity(text, (s, s + fig.len()), kind, unit, d).map(|q| q.name)
    }

    #[test]
    fn stems_join_inflections_and_irregular_verbs() {
        assert_eq!(stem("slid"), stem("slide"));
        assert_eq!(stem("killed"), "kill");
        assert_eq!(stem("bodies"), "body");
        assert_eq!(stem("rescued"), stem("rescue"));
        assert_eq!(stem("storeys"), stem("story"));
        assert_eq!(stem("storys"), stem("storey"));
    }

    #[test]
    fn synonyms_name_one_quantity() {
        assert_eq!(canonical("slid").0, canonical("lost").0);
        assert_eq!(canonical("floors").0, canonical("storey").0);
        assert!(canonical("fatalities").1, "tolls are volatile");
    }

    #[test]
    fn generic_people_take_their_predicate() {
        let c = Kind::Count;
        let d = Dimension::Count;
        assert_eq!(
            quantity(
                "with 242 people on board",
                "242 people",
                c,
                Some("people"),
                d
            )
            .as_deref(),
            Some("aboard")
        );
        assert_eq!(
            quantity(
                "The ferry carried 300 people.",
                "300 people",
                c,
                Some("people"),
                d
            )
            .as_deref(),
            Some("aboard")
        );
    }

    #[test]
    fn a_total_over_several_is_its_own_quantity() {
        let d = Dimension::Duration;
        let one = quantity(
            "The captain had 8,200 hours of experience.",
            "8,200 hours",
            Kind::Duration,
            Some("hour"),
            d,
        );
        let both = quantity(
            "The pilots had nearly 10,000 hours of experience between them.",
            "10,000 hours",
            Kind::Duration,
            Some("hour"),
            d,
        );
        let combined = quantity(
            "The pair had a combined flying experience of 9,300 hours.",
            "9,300 hours",
            Kind::Duration,
            Some("hour"),
            d,
        );
        assert!(one.is_some() && one != both, "{one:?} {both:?}");
        assert!(both.as_deref().is_some_and(|b| b.starts_with("combined")));
        assert!(combined
            .as_deref()
            .is_some_and(|b| b.starts_with("combined")));
    }

    #[test]
    fn a_share_names_the_head_of_its_noun_phrase() {
        let p = Kind::Percent;
        let d = Dimension::Percent;
        let overall = quantity("Labour won 34% of the overall vote.", "34%", p, None, d);
        let plain = quantity("Labour won 34% of the vote in England.", "34%", p, None, d);
        assert_eq!(overall, plain);
        assert_eq!(plain, Some(canonical("vote share").0));
        let modified = quantity("Labour won on a 33.7% vote share.", "33.7%", p, None, d);
        assert_eq!(modified, plain);
        let despite = quantity(
            "It won 33.8% of all votes despite that.",
            "33.8%",
            p,
            None,
            d,
        );
        assert_eq!(despite, plain);
    }

    #[test]
    fn a_count_measured_or_changed_is_not_its_level() {
        let c = Kind::Count;
        let d = Dimension::Count;
        let level = quantity("Labour won 412 seats.", "412 seats", c, Some("seats"), d);
        let majority = quantity(
            "Labour has an overall majority of 176 seats.",
            "176 seats",
            c,
            Some("seats"),
            d,
        );
        let lost = quantity(
            "The Tories lost 251 seats.",
            "251 seats",
            c,
            Some("seats"),
            d,
        );
        let loss = quantity(
            "They suffered a loss of 249 seats.",
            "249 seats",
            c,
            Some("seats"),
            d,
        );
        assert!(majority.as_deref().is_some_and(|m| m.contains("majority")));
        assert_ne!(level, majority);
        assert_ne!(level, lost);
        assert_eq!(lost, loss, "a loss and 'lost' are one change");
    }

    #[test]
    fn the_whole_is_not_a_part() {
        let c = Kind::Count;
        let d = Dimension::Count;
        let part = quantity("Labour took 412 seats.", "412 seats", c, Some("seats"), d);
        let whole = quantity(
            "With 648 out of 650 seats declared, Labour led.",
            "650 seats",
            c,
            Some("seats"),
            d,
        );
        assert_eq!(whole, part.map(|p| format!("total {p}")));
    }

    #[test]
    fn coordinated_nouns_count_together() {
        let q = quantity(
            "it mourned 27 campers and counselors.",
            "27 campers",
            Kind::Count,
            Some("campers"),
            Dimension::Count,
        );
        assert_eq!(q.as_deref(), Some("camper and counselor"));
    }

    #[test]
    fn counted_nouns_are_their_own_quantity() {
        let q = quantity(
            "230 passengers and 12 crew",
            "230 passengers",
            Kind::Count,
            Some("passengers"),
            Dimension::Count,
        );
        assert_eq!(q.as_deref(), Some("passengers"));
        // A predicate after a coordinated count, or a verb before, narrows the noun.
        let missing = quantity(
            "Officials said 10 campers and one counselor are still missing.",
            "10 campers",
            Kind::Count,
            Some("campers"),
            Dimension::Count,
        );
        let rescued = quantity(
            "Helicopters flew missions, rescuing 15 campers from the camp.",
            "15 campers",
            Kind::Count,
            Some("campers"),
            Dimension::Count,
        );
        assert!(
            missing.as_deref().is_some_and(|m| m.contains("missing")),
            "{missing:?}"
        );
        assert!(rescued.is_some() && rescued != missing, "{rescued:?}");
        for t in [
            "At least 27 girls from Camp Mystic are still missing.",
            "At least 13 people have died and more than 27 girls from a camp are missing.",
        ] {
            let q = quantity(t, "27 girls", Kind::Count, Some("girls"), Dimension::Count);
            assert!(
                q.as_deref().is_some_and(|m| m.contains("missing")),
                "{t}: {q:?}"
            );
        }
        // A tally word before another counted noun does not rename it.
        let q = quantity(
            "The agency put the toll at 38,466 cases of mpox.",
            "38,466 cases",
            Kind::Count,
            Some("cases"),
            Dimension::Count,
        );
        assert_eq!(q.as_deref(), Some(canonical("cases").0.as_str()));
    }

    #[test]
    fn the_x_of_n_names_the_measure() {
        let q = quantity(
            "at a depth of 8 km",
            "8 km",
            Kind::Number,
            Some("km"),
            Dimension::Length,
        );
        assert_eq!(q.as_deref(), Some("depth"));
    }

    #[test]
    fn an_adjective_after_a_measure_names_it() {
        let a = quantity(
            "The quake was 5 miles deep.",
            "5 miles",
            Kind::Number,
            Some("mile"),
            Dimension::Length,
        );
        let b = quantity(
            "It struck at a depth of 8 km.",
            "8 km",
            Kind::Number,
            Some("km"),
            Dimension::Length,
        );
        assert_eq!(a.as_deref(), Some("depth"));
        assert_eq!(a, b);
    }

    #[test]
    fn a_share_of_something() {
        let a = quantity(
            "Labour won 33.7% of the vote.",
            "33.7%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        let b = quantity(
            "Its vote share was 34%.",
            "34%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        assert_eq!(a.as_deref(), Some("vote share"));
        assert_eq!(a, b);
    }

    #[test]
    fn change_verbs_give_a_direction() {
        let a = quantity(
            "the index slid 1.2%",
            "1.2%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        let b = quantity(
            "shares lost 1.5% on Friday",
            "1.5%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        assert_eq!(a.as_deref(), Some("fall"));
        assert_eq!(a, b);
    }

    #[test]
    fn a_change_verb_reaches_over_its_object() {
        let text = "The central bank cut the repo rate by 0.25% on Friday";
        let s = text.find("0.25%").unwrap();
        let q = open_quantity(text, (s, s + 5), Kind::Percent, None, Dimension::Percent).unwrap();
        assert_eq!(q.name, "fall");
        // A rate moved "by 0.25%" moves by points; a price moved by 0.25% does not.
        assert!(q.rate_change);
        let text = "The firm cut its prices by 0.25% on Friday";
        let s = text.find("0.25%").unwrap();
        let q = open_quantity(text, (s, s + 5), Kind::Percent, None, Dimension::Percent).unwrap();
        assert_eq!(q.name, "fall");
        assert!(!q.rate_change);
        // Not across words that are not its object: "higher than expected by 3%".
        let none = quantity(
            "profits were said to be higher than expected by 3%",
            "3%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        assert_ne!(none.as_deref(), Some("rise"));
    }

    #[test]
    fn a_stressing_word_does_not_hide_the_x_of_n() {
        let q = quantity(
            "Labour has won 411 seats on a vote share of just 33.8 per cent.",
            "33.8 per cent",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        assert_eq!(q.as_deref(), Some("vote share"));
    }

    #[test]
    fn a_new_level_after_a_change_names_the_object() {
        let q = quantity(
            "RBI cuts repo rate by 25 basis points to 6.25%",
            "6.25%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        assert_eq!(q.as_deref(), Some("interest rate"));
    }

    #[test]
    fn the_whole_after_a_parts_number_is_a_total() {
        let q = quantity(
            "Labour has won 412 of 650 seats in Parliament.",
            "650 seats",
            Kind::Count,
            Some("seats"),
            Dimension::Count,
        );
        let out_of = quantity(
            "Labour has won 412 out of 650 seats.",
            "650 seats",
            Kind::Count,
            Some("seats"),
            Dimension::Count,
        );
        assert!(
            q.as_deref().is_some_and(|n| n.starts_with("total")),
            "{q:?}"
        );
        assert_eq!(q, out_of);
    }

    #[test]
    fn up_or_down_before_a_count_is_a_change() {
        let count = |text: &str, fig: &str| {
            quantity(text, fig, Kind::Count, Some("seats"), Dimension::Count)
        };
        let down = count("SNP decline: down 37 seats, to single digits.", "37 seats");
        let lost = count("The SNP lost 38 seats.", "38 seats");
        assert_eq!(down, lost);
        assert_ne!(down, count("The SNP won 9 seats.", "9 seats"));
    }

    #[test]
    fn a_framing_noun_gives_way_to_what_is_measured() {
        let q = quantity(
            "With a promise of over 1,200 kms of range, the car arrives.",
            "over 1,200 kms",
            Kind::Number,
            Some("km"),
            Dimension::Length,
        );
        assert_eq!(q.as_deref(), Some("range"));
    }

    #[test]
    fn a_day_against_a_named_side_is_the_day_of_that_meeting() {
        let date = |text: &str, fig: &str| quantity(text, fig, Kind::Date, None, Dimension::Date);
        let a = date(
            "Spurs open their season against Brentford on Saturday.",
            "Saturday",
        );
        let b = date(
            "The team opens its campaign at Brentford on Sunday.",
            "Sunday",
        );
        assert_eq!(a.as_deref(), Some("day of the meeting with Brentford"));
        assert_eq!(a, b);
        assert_ne!(
            date("The jet came down in Ahmedabad on Thursday.", "Thursday"),
            a
        );
    }

    #[test]
    fn a_gap_to_a_record_is_not_a_level() {
        let count = |text: &str, fig: &str| {
            quantity(text, fig, Kind::Count, Some("goals"), Dimension::Count)
        };
        let a = count(
            "His 213 goals leave him 48 goals short of Shearer's record.",
            "48 goals",
        );
        let b = count(
            "He has 213 goals, 48 goals less than Shearer's record of 260.",
            "48 goals",
        );
        let c = count(
            "He has 213 goals, trailing Shearer's record by 47 goals.",
            "47 goals",
        );
        let level = count("He has 213 goals in all.", "213 goals").unwrap();
        assert_eq!(a, Some(format!("{level} short")));
        assert_eq!(a, b);
        assert_eq!(a, c);
    }

    #[test]
    fn one_of_n_is_the_size_of_a_set_by_its_head_noun() {
        let a = quantity(
            "Credit Suisse is one of 15 systemically important banks in the world",
            "15 systemically important banks",
            Kind::Count,
            Some("banks"),
            Dimension::Count,
        );
        let b = quantity(
            "Credit Suisse is one of about 30 banks regarded as too big to fail",
            "about 30 banks",
            Kind::Count,
            Some("banks"),
            Dimension::Count,
        );
        assert_eq!(a.as_deref(), Some("set of bank"));
        assert_eq!(a, b);
    }

    #[test]
    fn a_rate_set_to_a_level_is_the_rate() {
        let q = quantity(
            "The bank trims the repo rate to 6.25%.",
            "6.25%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        assert_eq!(q.as_deref(), Some("interest rate"));
    }

    #[test]
    fn a_new_level_is_not_a_change() {
        let q = quantity(
            "Operating margin slipped to 14.6%.",
            "14.6%",
            Kind::Percent,
            None,
            Dimension::Percent,
        );
        assert_eq!(q, None);
    }

    #[test]
    fn time_between_events() {
        let a = quantity(
            "five minutes after departure",
            "five minutes",
            Kind::Duration,
            Some("minute"),
            Dimension::Duration,
        );
        let b = quantity(
            "less than a minute after taking off",
            "less than a minute",
            Kind::Duration,
            Some("minute"),
            Dimension::Duration,
        );
        assert_eq!(a.as_deref(), Some("time after departure"));
        assert_eq!(a, b);
    }

    #[test]
    fn a_measure_alone_is_its_dimension() {
        let q = quantity(
            "It flew at 625 feet.",
            "625 feet",
            Kind::Number,
            Some("foot"),
            Dimension::Length,
        );
        assert_eq!(q.as_deref(), Some("length"));
    }

    #[test]
    fn a_time_of_day_takes_its_event() {
        let q = quantity(
            "The jet took off at 1:39 PM.",
            "1:39 PM",
            Kind::Time,
            None,
            Dimension::ClockTime,
        );
        assert_eq!(q.as_deref(), Some("departure"));
        let q = quantity(
            "Splashdown came at 5:57 p.m.",
            "5:57 p.m.",
            Kind::Time,
            None,
            Dimension::ClockTime,
        );
        assert_eq!(q.as_deref(), Some("clock_time"));
        let q = quantity(
            "It was 5:57 p.m.",
            "5:57 p.m.",
            Kind::Time,
            None,
            Dimension::ClockTime,
        );
        assert_eq!(q.as_deref(), Some("clock_time"));
    }

    #[test]
    fn n_times_counts_its_verb() {
        let a = quantity(
            "It orbited the Earth 4,500 times.",
            "4,500",
            Kind::Number,
            None,
            Dimension::Number,
        );
        let b = quantity(
            "They made 4,576 orbits.",
            "4,576 orbits",
            Kind::Count,
            Some("orbits"),
            Dimension::Count,
        );
        assert_eq!(a.as_deref(), Some("orbits"));
        assert_eq!(a, b);
    }

    #[test]
    fn a_date_takes_the_start_before_it() {
        let a = quantity(
            "Starliner, which launched on June 5.",
            "June 5",
            Kind::Date,
            None,
            Dimension::Date,
        );
        let b = quantity(
            "They began their mission on June 6, 2024.",
            "June 6, 2024",
            Kind::Date,
            None,
            Dimension::Date,
        );
        assert_eq!(a.as_deref(), Some("departure"));
        assert_eq!(a, b);
    }

    #[test]
    fn bare_numbers_have_no_quantity() {
        let q = quantity(
            "It was 787 and 8.",
            "787",
            Kind::Number,
            None,
            Dimension::Number,
        );
        assert_eq!(q, None);
    }
}
