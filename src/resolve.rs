//! Entity resolution: finds the people, organisations and other named things in a
//! document's prose, resolves short forms to the full name introduced in the same story
//! segment ("Wang" → "Alexandr Wang", "Scale" → "Scale AI"), and merges spellings of the
//! same name across documents ("Alexander Wang" = "Alexandr Wang") without merging
//! different people with similar names (Lawrence Wong, Wang Yi).
//!
//! Sits after segmentation; the pipeline uses its mentions to pick each claim's subject.

use crate::config::Config;
use crate::segment::Segmentation;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What sort of thing a name denotes, as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency or other organisation.
    Org,
    /// Not decided.
    Unknown,
}

/// One occurrence of a name in a document's prose view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// First byte of the name in the prose view.
    pub start: usize,
    /// One past the last byte (possessive excluded).
    pub end: usize,
    /// The name as written.
    pub surface: String,
    /// The canonical name it resolves to.
    pub canonical: String,
    /// Person, organisation or unknown.
    pub kind: EntityKind,
    /// Whether it is written as a possessive ("Scale's").
    pub possessive: bool,
    /// Index of its sentence in the document's segmentation.
    pub sentence: usize,
    /// Story segment.
    pub segment: usize,
}

/// Finds and resolves the names of one document, within its story segments.
pub fn find_entities(text: &str, seg: &Segmentation) -> Vec<EntityMention> {
    let lower_words = lowercase_vocabulary(text);
    let mut mentions = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        if s.chrome {
            continue;
        }
        scan_sentence(
            text,
            s.start,
            s.end,
            si,
            s.segment,
            &lower_words,
            &mut mentions,
        );
    }
    resolve_within_segments(&mut mentions);
    mentions
}

/// Words that occur in lower case somewhere in the text: a capitalised occurrence of one
/// at a sentence start is probably not a name.
fn lowercase_vocabulary(text: &str) -> HashSet<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 1 && w.as_bytes()[0].is_ascii_lowercase())
        .collect()
}

/// Capitalised words that are not names when they stand alone or open a sentence.
const STOP_CAPS: &[&str] = &[
    "Nearly",
    "Almost",
    "Roughly",
    "Approximately",
    "More",
    "Less",
    "Fewer",
    "Up",
    "Just",
    "Quake",
    "Earthquake",
    "Flood",
    "Fire",
    "Storm",
    "Shares",
    "Revenue",
    "Sales",
    "Profit",
    "Operating",
    "Net",
    "Analysts",
    "Investors",
    "Officials",
    "Police",
    "Authorities",
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "His",
    "Her",
    "They",
    "Their",
    "We",
    "Our",
    "I",
    "You",
    "Your",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "Within",
    "Of",
    "To",
    "And",
    "But",
    "Or",
    "Nor",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "Where",
    "After",
    "Before",
    "Since",
    "Until",
    "As",
    "Although",
    "Though",
    "Because",
    "Despite",
    "However",
    "Meanwhile",
    "Even",
    "Also",
    "Still",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Under",
    "Over",
    "About",
    "Around",
    "Some",
    "Many",
    "Most",
    "Several",
    "Other",
    "Others",
    "Another",
    "Both",
    "Either",
    "Neither",
    "Each",
    "Every",
    "All",
    "Any",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sir",
    "Here",
    "There",
    "What",
    "Who",
    "Why",
    "How",
    "Which",
    "Fortunately",
    "Unfortunately",
    "Following",
    "According",
    "Born",
    "Going",
    "Speaking",
    "Addressing",
    "Shortly",
    "Delegations",
    "Talks",
    "Key",
    "Food",
    "Globally",
    "Whilst",
    "Such",
    "Only",
    "Instead",
    "Yes",
    "Indeed",
    "Perhaps",
    "Already",
    "Once",
    "During",
    "Through",
    "Between",
    "Among",
    "Into",
    "Upon",
    "Per",
    "Via",
    "Like",
    "Unlike",
    "Regarding",
    "Including",
    "Amid",
    "Against",
    "Toward",
    "Towards",
    "Across",
    "Behind",
    "Beyond",
    "Above",
    "Below",
    "New",
    "Former",
    "Comments",
    "Photo",
    "Read",
    "Share",
    "Related",
    "Updated",
    "Published",
    "Editor",
    "Note",
    "Sources",
    "Chief",
    "Senior",
    "Junior",
    "Acting",
    "Interim",
    "Vice",
    "Deputy",
    "Executive",
];

/// Titles and roles that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "Chairman",
    "Chairwoman",
    "Chair",
    "President",
    "Premier",
    "Prime",
    "Minister",
    "PM",
    "DPM",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Governor",
    "Gov",
    "Mayor",
    "Judge",
    "Justice",
    "General",
    "Gen",
    "Colonel",
    "Captain",
    "Capt",
    "Pilot",
    "Co-pilot",
    "Copilot",
    "Commander",
    "Coach",
    "Manager",
    "Striker",
    "Midfielder",
    "Defender",
    "Goalkeeper",
    "Astronaut",
    "Inspector",
    "Sergeant",
    "Lieutenant",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Director",
    "Secretary",
    "Ambassador",
    "Commissioner",
    "Chancellor",
    "Founder",
    "Co-founder",
    "Cofounder",
    "Partner",
    "Professor",
    "Prof",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Sheikh",
    "Vice-Premier",
    "Chief",
    "Executive",
    "Officer",
    "Senior",
    "Acting",
    "Deputy",
    "Vice",
    "Foreign",
    "Supreme",
    "Leader",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Analyst",
    "Economist",
    "Coach",
    "Manager",
    "Head",
    "Officials",
    "Official",
    "Chairperson",
    "Treasurer",
    "Investor",
];

/// Name parts that never make a name on their own.
const NOT_NAMES: &[&str] = &[
    // Nationality adjectives ("a Dutch-record fee", "the British passenger") describe,
    // they never own a figure.
    "American",
    "Australian",
    "Brazilian",
    "British",
    "Canadian",
    "Chinese",
    "Dutch",
    "Emirati",
    "English",
    "Ethiopian",
    "European",
    "French",
    "German",
    "Indian",
    "Indonesian",
    "Irish",
    "Israeli",
    "Italian",
    "Japanese",
    "Kenyan",
    "Korean",
    "Mexican",
    "Nigerian",
    "Pakistani",
    "Palestinian",
    "Portuguese",
    "Russian",
    "Saudi",
    "Scottish",
    "South African",
    "Spanish",
    "Swiss",
    "Turkish",
    "Ugandan",
    "Ukrainian",
    "Welsh",
    // Time zones ("2340 GMT") are not names.
    "GMT",
    "UTC",
    "IST",
    "EDT",
    "EST",
    "CDT",
    "CST",
    "PDT",
    "PST",
    "BST",
    "CET",
    "CEST",
    "Fahrenheit",
    "Celsius",
    "Centigrade",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "AI",
    "US",
    "U.S.",
    "UK",
    "EU",
    "UN",
    "GDP",
    "IPO",
    "CEO",
    "CFO",
    "CTO",
    "PM",
    "DPM",
    "GE",
    "OK",
    "TV",
    "PhD",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "Series",
    "Covid-19",
    "COVID-19",
    "Covid",
    "COVID",
    "Inc",
    "Corp",
    "Ltd",
    "LLC",
    "Co",
];

/// Last words that make a name an institution or other organisation and stay part of its
/// short name ("Singapore Exchange" is not "Singapore").
const INSTITUTION_SUFFIXES: &[&str] = &[
    "Bank",
    "Council",
    "Ministry",
    "Department",
    "Office",
    "University",
    "Institute",
    "Laboratory",
    "Commission",
    "Agency",
    "Association",
    "Foundation",
    "Fund",
    "Index",
    "Party",
    "Times",
    "Post",
    "News",
    "Services",
    "Bancorp",
    "Telecom",
    "Chamber",
    "Forum",
    "Authority",
    "Board",
    "Service",
    "Court",
    "Police",
    "Army",
    "Navy",
    "Reserve",
    "Exchange",
    "Committee",
    "Gateway",
    "Bureau",
    "Organisation",
    "Organization",
    "Union",
    "League",
    "Club",
    "Hospital",
    "School",
    "College",
    "Combinator",
];

/// Whether a last word makes a name an organisation (a business descriptor or an
/// institution).
fn is_org_suffix(w: &str) -> bool {
    DROPPABLE_SUFFIXES.contains(&w) || INSTITUTION_SUFFIXES.contains(&w)
}

/// Connectors allowed inside a name ("Department of Labor", "Bank of America").
const CONNECTORS: &[&str] = &[
    "of", "de", "da", "van", "von", "der", "al", "bin", "la", "le", "&", "and", "for",
];

/// Org suffixes that can be dropped to give the short form ("Scale AI" → "Scale").
const DROPPABLE_SUFFIXES: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Ltd",
    "Ltd.",
    "LLC",
    "PLC",
    "plc",
    "AG",
    "SA",
    "NV",
    "GmbH",
    "AI",
    "Labs",
    "Group",
    "Holdings",
    "Technologies",
    "Co",
    "Co.",
    "Company",
    "Industries",
    "Enterprises",
    // Business descriptors a company's short name drops ("Tessellate" for "Tessellate
    // Robotics"); institutions ("Singapore Exchange", "Deutsche Bank") keep theirs.
    "Lab",
    "Technology",
    "Systems",
    "Robotics",
    "Motors",
    "Airlines",
    "Airways",
    "Pharmaceuticals",
    "Therapeutics",
    "Energy",
    "Networks",
    "Software",
    "Solutions",
    "Media",
    "Capital",
    "Partners",
    "Ventures",
    "Analytics",
    "Dynamics",
    "Studios",
    "Entertainment",
    "Communications",
    "Semiconductor",
    "Financial",
    "Insurance",
    "Resources",
    "Chemicals",
    "Chemical",
    "Foods",
    "Brands",
    "Materials",
    "Metals",
    "Mining",
    "Steel",
    "Petroleum",
    "Logistics",
    "Freight",
    "Shipping",
    "Electronics",
    "Devices",
    "Biosciences",
    "Biotech",
    "Pharma",
    "Healthcare",
    "Health",
    "Medical",
    "Retail",
    "Automotive",
    "Aerospace",
    "Engineering",
    "Construction",
    "Properties",
    "Realty",
    "Hotels",
    "Resorts",
    "Games",
    "Interactive",
    "Digital",
    "Semiconductors",
    "Telecommunications",
    "Wireless",
    "Power",
    "Utilities",
    "Textiles",
    "Apparel",
    "Holding",
];

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    possessive: bool,
    /// Separated from the previous token by something other than one space.
    gap: bool,
}

fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let mut last_end = 0usize;
    while let Some(&(i, c)) = it.peek() {
        if c.is_alphanumeric() {
            let ws = i;
            let mut we = i;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() || ((d == '-' || d == '.' || d == '&') && we > ws) {
                    we = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // Trailing '.', '-' belong to punctuation except in "Inc." style abbreviations.
            let mut word = &s[ws..we];
            while word.ends_with(['-', '&']) || (word.ends_with('.') && !is_dotted_abbrev(word)) {
                word = &word[..word.len() - 1];
            }
            let wend = ws + word.len();
            let rest = &s[wend..];
            let possessive = rest.starts_with("'s")
                || rest.starts_with("’s")
                || ((rest.starts_with('\'') || rest.starts_with('’')) && word.ends_with('s'));
            let between = &s[last_end..ws];
            // A single line break inside a wrapped paragraph joins words like a space.
            let gap = out.is_empty() || !matches!(between, " " | "\n" | "\r\n");
            out.push(Tok {
                start: start + ws,
                end: start + wend,
                text: word,
                possessive,
                gap,
            });
            last_end = wend;
            // Skip whatever was consumed beyond the word ('.', '-').
            while let Some(&(j, _)) = it.peek() {
                if j < we {
                    it.next();
                } else {
                    break;
                }
            }
        } else {
            it.next();
        }
    }
    out
}

fn is_dotted_abbrev(word: &str) -> bool {
    matches!(
        word,
        "Inc." | "Corp." | "Co." | "Ltd." | "Jr." | "Sr." | "St."
    ) || (word.len() >= 4 && word.bytes().filter(|&b| b == b'.').count() >= 2)
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

fn is_camel(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_uppercase())
        && w.chars().skip(1).any(|c| c.is_lowercase())
        && w.chars().skip(1).any(|c| c.is_uppercase())
        && !w.contains('-')
}

fn scan_sentence(
    text: &str,
    start: usize,
    end: usize,
    sentence: usize,
    segment: usize,
    lower_words: &HashSet<&str>,
    out: &mut Vec<EntityMention>,
) {
    let toks = tokenize(text, start, end);
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if !is_name_word(t.text) {
            i += 1;
            continue;
        }
        // Grow a run of capitalised words joined by single spaces and connectors.
        let mut j = i;
        while !toks[j].possessive && j + 1 < toks.len() && !toks[j + 1].gap {
            let n = toks[j + 1].text;
            if is_name_word(n) {
                j += 1;
            } else if CONNECTORS.contains(&n)
                && j + 2 < toks.len()
                && !toks[j + 2].gap
                && is_name_word(toks[j + 2].text)
                && n != "and"
                && n != "for"
            {
                j += 2;
            } else {
                break;
            }
        }
        let run = &toks[i..=j];
        for part in split_run(run, i == 0, lower_words) {
            let first = part[0];
            let last = part[part.len() - 1];
            let surface = &text[first.start..last.end];
            let words: Vec<&str> = part.iter().map(|t| t.text).collect();
            out.push(EntityMention {
                start: first.start,
                end: last.end,
                surface: surface.to_string(),
                canonical: normalise_name(&words),
                kind: if org_cue_after(text, last.end) || org_cue_before(text, first.start) {
                    EntityKind::Org
                } else {
                    kind_of(&words)
                },
                possessive: last.possessive,
                sentence,
                segment,
            });
        }
        i = j + 1;
    }
}

/// Words that, right after a name, show it names an organisation ("the Keller Chemicals
/// plant", "Acme shares", "Acme chief executive …").
const ORG_CUES_AFTER: &[&str] = &[
    "plant",
    "factory",
    "facility",
    "refinery",
    "mine",
    "warehouse",
    "store",
    "stores",
    "shares",
    "stock",
    "headquarters",
    "employees",
    "workers",
    "staff",
    "board",
    "chief",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executives",
    "shareholders",
    "investors",
    "subsidiary",
    "unit",
    "division",
    "brand",
];

/// Words that, right before a name, show it names an organisation ("Swiss bank Credit
/// Suisse", "a stake in Acme Robotics").
const ORG_CUES_BEFORE: &[&str] = &[
    "bank",
    "lender",
    "company",
    "firm",
    "carmaker",
    "automaker",
    "insurer",
    "airline",
    "carrier",
    "startup",
    "start-up",
    "retailer",
    "conglomerate",
    "manufacturer",
    "takeover of",
    "merger with",
    "stake in",
    "shares in",
    "shares of",
];

/// Whether the words right before byte `start` show that a name there is an organisation.
fn org_cue_before(text: &str, start: usize) -> bool {
    let lead = text.get(..start).unwrap_or("");
    if !lead.ends_with(' ') {
        return false;
    }
    let lead = lead.trim_end();
    ORG_CUES_BEFORE.iter().any(|c| {
        crate::text::ends_with_ci(lead, c)
            && !lead[..lead.len() - c.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Whether the word after byte `end` is an organisation cue (see [`ORG_CUES_AFTER`]).
fn org_cue_after(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    let word: String = rest
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    rest.starts_with(' ') && ORG_CUES_AFTER.contains(&word.as_str())
}

fn is_name_word(w: &str) -> bool {
    is_capitalised(w) || (w.len() > 1 && is_camel(w))
}

/// Splits a run at titles and non-name words, dropping sentence-initial function words.
fn split_run<'a>(
    run: &'a [Tok<'a>],
    sentence_initial: bool,
    lower_words: &HashSet<&str>,
) -> Vec<&'a [Tok<'a>]> {
    let mut parts = Vec::new();
    let mut s = 0;
    let mut k = 0;
    while k < run.len() {
        let w = run[k].text;
        let lower = w.to_lowercase();
        // Only a lone word is dropped for being common: "Scale AI" keeps "Scale".
        let initial_common = k == 0
            && run.len() == 1
            && sentence_initial
            && lower_words.contains(lower.as_str())
            && !is_acronym(w)
            && !is_camel(w);
        // "Crashed Air India jet's pilots …": a verb that opens a sentence before a name.
        let initial_verb = k == 0
            && run.len() > 1
            && sentence_initial
            && lower.len() >= 6
            && lower.ends_with("ed")
            && !matches!(lower.as_str(), "united" | "limited")
            && lower_words.contains(lower.as_str());
        let suffix_in_run = k > s && is_org_suffix(w);
        let breaker = ((TITLES.contains(&w) || NOT_NAMES.contains(&w)) && !suffix_in_run)
            || STOP_CAPS.contains(&w)
            || initial_common
            || initial_verb;
        if breaker {
            if k > s {
                parts.push(&run[s..k]);
            }
            s = k + 1;
        }
        k += 1;
    }
    if run.len() > s {
        parts.push(&run[s..]);
    }
    // Drop connector-only edges and single lower-case-looking words.
    parts
        .into_iter()
        .map(|p| {
            let mut a = 0;
            let mut b = p.len();
            while a < b && CONNECTORS.contains(&p[a].text) {
                a += 1;
            }
            while b > a && CONNECTORS.contains(&p[b - 1].text) {
                b -= 1;
            }
            &p[a..b]
        })
        .filter(|p| {
            !p.is_empty()
                && p.iter().any(|t| t.text.chars().any(|c| c.is_alphabetic()))
                && (p.len() > 1 || p[0].text.chars().count() > 1)
        })
        .collect()
}

fn normalise_name(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| w.trim_end_matches('.'))
        .map(|w| {
            if matches!(w, "Inc" | "Corp" | "Ltd" | "Co") {
                ""
            } else {
                w
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn kind_of(words: &[&str]) -> EntityKind {
    let last = words[words.len() - 1];
    if words.len() > 1 && is_org_suffix(last) {
        return EntityKind::Org;
    }
    if words.len() == 1 {
        if is_acronym(last) || is_camel(last) {
            return EntityKind::Org;
        }
        return EntityKind::Unknown;
    }
    if words.contains(&"of")
        || words
            .iter()
            .any(|w| is_acronym(w) || w.chars().any(|c| c.is_ascii_digit()))
    {
        return EntityKind::Org;
    }
    if words.len() <= 3
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
    {
        return EntityKind::Person;
    }
    EntityKind::Unknown
}

/// Where a multi-word name was introduced: (start, full name, kind).
type Introduction = (usize, String, EntityKind);

/// Resolves single-word names to a multi-word name of the same segment: a surname to
/// the person ("Wang" → "Alexandr Wang"), a first word to the organisation whose other
/// words are suffixes ("Scale" → "Scale AI"). The nearest earlier introduction wins; a
/// name introduced later in the segment (after a headline) is used when none came before.
fn resolve_within_segments(mentions: &mut [EntityMention]) {
    // (segment, short form) → (start, full name, kind) of each multi-word name it can
    // stand for, in text order.
    let mut index: HashMap<(usize, String), Vec<Introduction>> = HashMap::new();
    for m in mentions.iter().filter(|m| m.canonical.contains(' ')) {
        let parts: Vec<&str> = m.canonical.split(' ').collect();
        let mut forms: Vec<&str> = Vec::new();
        for w in [parts[0], parts[parts.len() - 1]] {
            if short_form_of(w, &m.canonical, m.kind) && !forms.contains(&w) {
                forms.push(w);
            }
        }
        for w in forms {
            index.entry((m.segment, w.to_string())).or_default().push((
                m.start,
                m.canonical.clone(),
                m.kind,
            ));
        }
    }
    for m in mentions.iter_mut() {
        if m.canonical.contains(' ') {
            continue;
        }
        let Some(cands) = index.get(&(m.segment, m.canonical.clone())) else {
            continue;
        };
        // The nearest introduction before the mention, else the nearest after it.
        let at = cands.partition_point(|c| c.0 <= m.start);
        let best = if at > 0 { &cands[at - 1] } else { &cands[0] };
        m.canonical = best.1.clone();
        m.kind = best.2;
    }
}

/// Whether single word `w` can stand for the full name `full`.
fn short_form_of(w: &str, full: &str, kind: EntityKind) -> bool {
    let parts: Vec<&str> = full.split(' ').collect();
    match kind {
        EntityKind::Person => parts.last() == Some(&w) || (parts.len() == 2 && parts[0] == w),
        EntityKind::Org => {
            parts.first() == Some(&w) && parts[1..].iter().all(|p| DROPPABLE_SUFFIXES.contains(p))
        }
        EntityKind::Unknown => false,
    }
}

/// Names sharing one word beyond this many are not paired through it.
const MAX_NAMES_PER_WORD: usize = 60;

/// How entity names map to canonical names across a corpus.
#[derive(Debug, Clone, Default)]
pub struct NameMap {
    map: HashMap<String, String>,
    kinds: HashMap<String, EntityKind>,
    doc_freq: HashMap<String, usize>,
    story: Option<String>,
}

impl NameMap {
    /// The canonical name for `name` (itself when not merged).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.map.get(name).map(String::as_str).unwrap_or(name)
    }

    /// The name the corpus's main story is about: the organisation or place that the
    /// main stories of most documents name (most mentions on a tie).
    pub fn story(&self) -> Option<&str> {
        self.story.as_deref()
    }

    /// How many documents name this canonical name.
    pub fn documents_naming(&self, canonical: &str) -> usize {
        self.doc_freq.get(canonical).copied().unwrap_or(0)
    }

    /// The kind of a canonical name, as the corpus tells it.
    pub fn kind(&self, canonical: &str) -> EntityKind {
        self.kinds
            .get(canonical)
            .copied()
            .unwrap_or(EntityKind::Unknown)
    }
}

/// The initials of a name of several words, its small connecting words left out
/// ("Reserve Bank of India" → "RBI"); none for a name of one word.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| !CONNECTORS.contains(w) && !matches!(*w, "the" | "The"))
        .collect();
    if words.len() < 2 || !words.iter().all(|w| is_capitalised(w)) {
        return None;
    }
    Some(words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Whether `short` is the acronym of the name `long` ("WHO", "World Health
/// Organization").
fn abbreviates(short: &str, long: &str) -> bool {
    !short.contains(' ')
        && is_acronym(short)
        && initials(long).is_some_and(|i| i == acronym_letters(short))
}

/// The letters of an acronym ("U.N." → "UN").
fn acronym_letters(short: &str) -> String {
    short.chars().filter(|c| c.is_alphabetic()).collect()
}

/// The kind of a name from its mentions' votes (person, organisation, unknown). A
/// person is read from the shape of a name alone ("Credit Suisse" has one); an
/// organisation from the words around a mention or its suffix, so a few such mentions
/// outweigh many bare ones.
fn kind_by_votes(v: [usize; 3]) -> EntityKind {
    if v[1] > 0 && v[1] * 4 >= v[0] {
        EntityKind::Org
    } else if v[0] > 0 {
        EntityKind::Person
    } else {
        EntityKind::Unknown
    }
}

/// Merges names across documents: configured aliases first, then spelling variants of
/// people (same number of words, same initials, Jaro-Winkler at or above the configured
/// similarity, identical surname or near-identical given names), then an organisation's
/// short form used bare in one document and in full in another. Pairs listed in
/// `config.distinct` are never merged.
pub fn merge_names<D: AsRef<[EntityMention]>>(all: &[D], config: &Config) -> NameMap {
    // Count each canonical name and its kind votes.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kind_votes: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for m in all.iter().flat_map(|d| d.as_ref()) {
        *counts.entry(m.canonical.as_str()).or_default() += 1;
        let v = kind_votes.entry(m.canonical.as_str()).or_default();
        v[m.kind as usize] += 1;
    }
    let distinct: HashSet<(String, String)> = config
        .distinct
        .iter()
        .flat_map(|g| {
            g.iter()
                .flat_map(move |a| g.iter().map(move |b| (a.clone(), b.clone())))
        })
        .filter(|(a, b)| a != b)
        .collect();
    let names: Vec<&str> = counts.keys().copied().collect();
    let mut parent: HashMap<&str, &str> = names.iter().map(|n| (*n, *n)).collect();
    fn find<'a>(p: &mut HashMap<&'a str, &'a str>, x: &'a str) -> &'a str {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p.insert(x, r);
        r
    }
    let kind_of_name =
        |n: &str| -> EntityKind { kind_by_votes(kind_votes.get(n).copied().unwrap_or_default()) };
    let mut unions: Vec<(&str, &str)> = Vec::new();
    // Configured aliases.
    let mut alias_names: BTreeSet<(String, String)> = BTreeSet::new();
    for (canon, others) in &config.aliases {
        for o in others {
            alias_names.insert((o.clone(), canon.clone()));
        }
    }
    // Only names that share a word can be one entity (a surname, an organisation's first
    // word); a word shared by very many names says little and pairs none of them.
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        for w in n.split(' ') {
            by_word.entry(w).or_default().push(i);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for ids in by_word
        .values()
        .filter(|ids| ids.len() <= MAX_NAMES_PER_WORD)
    {
        for (x, &a) in ids.iter().enumerate() {
            for &b in &ids[x + 1..] {
                if a != b {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    // "RBI" and "Reserve Bank of India": an acronym and the name it abbreviates.
    let mut by_initials: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, n) in names.iter().enumerate().filter(|(_, n)| n.contains(' ')) {
        if let Some(ini) = initials(n) {
            by_initials.entry(ini).or_default().push(i);
        }
    }
    for (i, n) in names.iter().enumerate() {
        if !n.contains(' ') && is_acronym(n) {
            for &j in by_initials
                .get(&acronym_letters(n))
                .into_iter()
                .flatten()
                .take(MAX_NAMES_PER_WORD)
            {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    for (o, canon) in &alias_names {
        if let (Ok(a), Ok(b)) = (
            names.binary_search(&o.as_str()),
            names.binary_search(&canon.as_str()),
        ) {
            pairs.insert((a.min(b), a.max(b)));
        }
    }
    for (ia, ib) in pairs {
        let (a, b) = (names[ia], names[ib]);
        if a == b || distinct.contains(&(a.to_string(), b.to_string())) {
            continue;
        }
        let (ka, kb) = (kind_of_name(a), kind_of_name(b));
        let same = alias_names.contains(&(a.to_string(), b.to_string()))
            || alias_names.contains(&(b.to_string(), a.to_string()))
            || same_person(a, b, ka, kb, config.matching.name_similarity)
            || org_short_form(a, b, ka, kb)
            || org_short_form(b, a, kb, ka)
            || abbreviates(a, b)
            || abbreviates(b, a);
        if same {
            unions.push((a, b));
        }
    }
    for (a, b) in unions {
        let ra = find(&mut parent, a);
        let rb = find(&mut parent, b);
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    // Pick a representative per cluster: configured canonical, else most frequent
    // multi-word name, else most frequent, then lexicographic.
    let mut clusters: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for n in &names {
        let r = find(&mut parent, n);
        clusters.entry(r).or_default().push(n);
    }
    let mut map = HashMap::new();
    let mut kinds = HashMap::new();
    for members in clusters.values() {
        let rep = members
            .iter()
            .copied()
            .max_by_key(|n| {
                (
                    config.aliases.contains_key(*n),
                    n.contains(' '),
                    counts[*n],
                    std::cmp::Reverse(*n),
                )
            })
            .unwrap_or(members[0]);
        let mut votes = [0usize; 3];
        for n in members {
            let v = kind_votes.get(n).copied().unwrap_or_default();
            for k in 0..3 {
                votes[k] += v[k];
            }
        }
        let kind = kind_by_votes(votes);
        for n in members {
            map.insert(n.to_string(), rep.to_string());
        }
        kinds.insert(rep.to_string(), kind);
    }
    // Configured aliases whose canonical name never occurs still rename.
    for (o, canon) in &alias_names {
        map.entry(o.clone()).or_insert_with(|| canon.clone());
    }
    let mut doc_freq: HashMap<String, usize> = HashMap::new();
    for doc in all {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for m in doc.as_ref() {
            let name = map
                .get(&m.canonical)
                .map_or(m.canonical.as_str(), String::as_str);
            if seen.insert(name) {
                *doc_freq.entry(name.to_string()).or_default() += 1;
            }
        }
    }
    let story = story_entity(all, &map, &kinds);
    NameMap {
        map,
        kinds,
        doc_freq,
        story,
    }
}

/// The non-person name that the first story segments of most documents mention (most
/// mentions on a tie, then alphabetical). Needs at least two documents.
fn story_entity<D: AsRef<[EntityMention]>>(
    all: &[D],
    map: &HashMap<String, String>,
    kinds: &HashMap<String, EntityKind>,
) -> Option<String> {
    if all.len() < 2 {
        return None;
    }
    let mut score: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for doc in all {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for m in doc.as_ref().iter().filter(|m| m.segment == 0) {
            let name = map
                .get(&m.canonical)
                .map_or(m.canonical.as_str(), String::as_str);
            if kinds.get(name) == Some(&EntityKind::Person) || m.kind == EntityKind::Person {
                continue;
            }
            let e = score.entry(name).or_default();
            e.1 += 1;
            if seen.insert(name) {
                e.0 += 1;
            }
        }
    }
    score
        .into_iter()
        .filter(|(_, (docs, _))| *docs >= 2)
        .max_by_key(|(n, c)| (*c, std::cmp::Reverse(*n)))
        .map(|(n, _)| n.to_string())
}

fn same_person(a: &str, b: &str, ka: EntityKind, kb: EntityKind, threshold: f64) -> bool {
    if ka == EntityKind::Org || kb == EntityKind::Org {
        return false;
    }
    let pa: Vec<&str> = a.split(' ').collect();
    let mut pb: Vec<&str> = b.split(' ').collect();
    if pa.len() != pb.len() || pa.len() < 2 {
        return false;
    }
    // "Ramesh Vishwaskumar" and "Viswashkumar Ramesh": many names are written with the
    // family name first or last.
    if pa.len() == 2 && pa[0] != pb[0] && (pa[0] == pb[1] || pa[1] == pb[0]) {
        pb.reverse();
    }
    let mut exact = 0;
    for (x, y) in pa.iter().zip(&pb) {
        if x == y {
            exact += 1;
            continue;
        }
        // "Suni Williams" and "Sunita Williams": a short form of the given name, with the
        // family name the same ("Danielle" is not a short form of "Daniel"'s).
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        let feminine = ["le", "lle", "ne", "nne", "la", "na", "ette", "ina"];
        if pa.len() == 2
            && x == &pa[0]
            && pa[1] == pb[1]
            && short.len() >= 3
            && long.len() >= short.len() + 2
            && long.starts_with(short)
            && !feminine.contains(&&long[short.len()..])
        {
            continue;
        }
        if x.chars().next() != y.chars().next() || x.len().min(y.len()) < 4 {
            return false;
        }
        // A spelling variant differs by one letter ("Alexandr"/"Alexander"); "Daniel"
        // and "Danielle" are different people however alike they look.
        let (lx, ly) = (x.to_lowercase(), y.to_lowercase());
        // Long transliterated names vary by two letters ("Vishwaskumar"/"Viswashkumar").
        let edits = if lx.len().min(ly.len()) >= 10 { 2 } else { 1 };
        if strsim::jaro_winkler(&lx, &ly) < threshold || strsim::osa_distance(&lx, &ly) > edits {
            return false;
        }
    }
    exact >= 1
}

fn org_short_form(short: &str, full: &str, ks: EntityKind, kf: EntityKind) -> bool {
    !short.contains(' ')
        && ks != EntityKind::Person
        && kf == EntityKind::Org
        && short_form_of(short, full, EntityKind::Org)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn names(text: &str) -> Vec<(String, String)> {
        let seg = segment(text);
        find_entities(text, &seg)
            .into_iter()
            .map(|m| (m.surface, m.canonical))
            .collect()
    }

    #[test]
    fn surname_resolves_to_full_name_in_the_same_story() {
        let n = names("Scale AI founder Alexandr Wang met investors. Wang, 28, said so.");
        assert!(
            n.contains(&("Wang".into(), "Alexandr Wang".into())),
            "{n:?}"
        );
        assert!(n.contains(&("Scale AI".into(), "Scale AI".into())), "{n:?}");
    }

    #[test]
    fn org_short_form_resolves_to_full_name() {
        let n = names("Meta invested in Scale AI last week. Scale's valuation rose.");
        assert!(n.contains(&("Scale".into(), "Scale AI".into())), "{n:?}");
    }

    #[test]
    fn an_acronym_is_the_name_it_abbreviates() {
        let text = "The Reserve Bank of India cut rates. The RBI said so. The WHO met.";
        let seg = segment(text);
        let found = find_entities(text, &seg);
        let map = merge_names(&[found], &Config::default());
        assert_eq!(map.canonical("RBI"), "Reserve Bank of India");
        assert_eq!(map.canonical("WHO"), "WHO");
        assert!(abbreviates("WHO", "World Health Organization"));
        assert!(!abbreviates("WHO", "World Bank"));
    }

    #[test]
    fn words_around_a_name_outweigh_its_shape() {
        // "Credit Suisse" has the shape of a person's name; "Swiss bank Credit Suisse"
        // and "Credit Suisse shares" say what it is.
        let text = "UBS will buy Swiss bank Credit Suisse. Credit Suisse shares fell. \
                    Credit Suisse said so. Credit Suisse is old. Credit Suisse is big.";
        let seg = segment(text);
        let found = find_entities(text, &seg);
        let map = merge_names(&[found], &Config::default());
        assert_eq!(map.kind("Credit Suisse"), EntityKind::Org);
        assert_eq!(kind_by_votes([9, 0, 0]), EntityKind::Person);
        assert_eq!(kind_by_votes([9, 1, 0]), EntityKind::Person);
        assert_eq!(kind_by_votes([0, 0, 3]), EntityKind::Unknown);
    }

    #[test]
    fn a_verb_opening_a_sentence_is_not_part_of_a_name() {
        let n = names("The jet crashed. Crashed Air India jet's pilots had 9,300 hours.");
        let canon: Vec<&str> = n.iter().map(|(_, c)| c.as_str()).collect();
        assert!(canon.contains(&"Air India"), "{canon:?}");
        let n = names("United Airlines flew. They united.");
        let canon: Vec<&str> = n.iter().map(|(_, c)| c.as_str()).collect();
        assert!(canon.contains(&"United Airlines"), "{canon:?}");
    }

    #[test]
    fn titles_split_names() {
        let n = names("He met Meta CEO Mark Zuckerberg and Prime Minister Lawrence Wong.");
        let canon: Vec<&str> = n.iter().map(|(_, c)| c.as_str()).collect();
        assert!(canon.contains(&"Meta"), "{canon:?}");
        assert!(canon.contains(&"Mark Zuckerberg"), "{canon:?}");
        assert!(canon.contains(&"Lawrence Wong"), "{canon:?}");
    }

    #[test]
    fn different_stories_do_not_share_surnames() {
        let t = "Alexandr Wang runs Scale.\nRelated Articles\n3 hours ago\nForeign Minister Wang Yi spoke today. Wang has called for peace.";
        let n = names(t);
        let last = n.iter().rev().find(|(s, _)| s == "Wang").unwrap();
        assert_eq!(last.1, "Wang Yi");
    }

    #[test]
    fn misspelt_names_merge_across_documents_but_similar_people_do_not() {
        let mk = |c: &str, k| EntityMention {
            start: 0,
            end: 0,
            surface: c.into(),
            canonical: c.into(),
            kind: k,
            possessive: false,
            sentence: 0,
            segment: 0,
        };
        let docs = vec![
            vec![
                mk("Alexandr Wang", EntityKind::Person),
                mk("Alexandr Wang", EntityKind::Person),
            ],
            vec![
                mk("Alexander Wang", EntityKind::Person),
                mk("Lawrence Wong", EntityKind::Person),
            ],
            vec![
                mk("Wang Yi", EntityKind::Person),
                mk("Scale", EntityKind::Unknown),
                mk("Scale AI", EntityKind::Org),
            ],
        ];
        let map = merge_names(&docs, &Config::default());
        assert_eq!(map.canonical("Alexander Wang"), "Alexandr Wang");
        // A short form of the given name is the same person; a feminine form is not.
        let docs = vec![vec![
            mk("Sunita Williams", EntityKind::Person),
            mk("Sunita Williams", EntityKind::Person),
            mk("Suni Williams", EntityKind::Person),
            mk("Danielle Okoye", EntityKind::Person),
            mk("Daniel Okoye", EntityKind::Person),
        ]];
        let short = merge_names(&docs, &Config::default());
        assert_eq!(short.canonical("Suni Williams"), "Sunita Williams");
        assert_ne!(
            short.canonical("Daniel Okoye"),
            short.canonical("Danielle Okoye")
        );
        assert_eq!(map.canonical("Lawrence Wong"), "Lawrence Wong");
        assert_eq!(map.canonical("Wang Yi"), "Wang Yi");
        assert_eq!(map.canonical("Scale"), "Scale AI");
    }

    #[test]
    fn configured_distinct_names_stay_apart() {
        let mk = |c: &str| EntityMention {
            start: 0,
            end: 0,
            surface: c.into(),
            canonical: c.into(),
            kind: EntityKind::Person,
            possessive: false,
            sentence: 0,
            segment: 0,
        };
        let docs = vec![vec![mk("Alexandr Wang"), mk("Alexander Wang")]];
        let cfg = Config {
            distinct: vec![vec!["Alexandr Wang".into(), "Alexander Wang".into()]],
            ..Config::default()
        };
        let map = merge_names(&docs, &cfg);
        assert_eq!(map.canonical("Alexander Wang"), "Alexander Wang");
    }
}
