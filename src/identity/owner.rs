//! Who owns a figure when no lexicon family names its subject: a possessive right
//! before it ("Kiptum's 2:00:35"), the subject of its clause ("Sabharwal had 8,200
//! hours"), the company whose shares moved, the place a tally is counted in, the
//! organisation a percentage is a share of.

use crate::resolve::{EntityKind, EntityMention, NameMap};

/// The name that owns a figure through a possessive in the same clause just before it
/// ("Kiptum's 2:00:35", "Xiaomi's 800 km"), canonical.
pub fn possessive_owner(
    text: &str,
    entities: &[EntityMention],
    names: &NameMap,
    window_start: usize,
    fig_start: usize,
) -> Option<String> {
    let i = entities.partition_point(|e| e.start < fig_start);
    let e = entities[..i].last()?;
    if !e.possessive || e.end < window_start {
        return None;
    }
    let gap = text.get(e.end..fig_start)?;
    let close = gap.len() <= 24 && !gap.contains([',', ';', '.', '(', ')', ':']);
    close.then(|| names.canonical(&e.canonical).to_string())
}

/// Verbs whose subject holds, makes or reaches the figure right after them ("Sabharwal
/// had 8,200 hours", "Kiptum ran 2:00:35", "the Tories lost 251 seats"), besides the
/// regular past tenses.
const CLAUSE_VERBS: &[&str] = &[
    "has", "had", "have", "holds", "held", "logged", "scored", "won", "made", "spent", "earned",
    "took", "taken", "got", "gets", "ran", "hit", "reached", "recorded", "posted", "clocked",
    "totalled", "totaled", "employs", "owns", "carried", "carries", "lost", "fell", "rose", "grew",
    "gave", "kept", "saw", "sold", "bought", "paid", "led", "beat", "cut", "will", "would", "is",
    "was", "are", "were", "gains", "loses", "wins", "takes", "could", "can", "may", "might",
    "should", "must", "secured", "secures",
];

/// Verbs that report what someone else states: their subject is a source, not an owner.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "stated",
    "wrote",
    "according",
    "estimated",
    "estimates",
    "believes",
    "believed",
    "thinks",
    "claimed",
    "claims",
    "announced",
];

/// Whether a word reads as a finite verb that can take the figure as its object.
fn is_verb(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    !REPORTING.contains(&w.as_str()) && (CLAUSE_VERBS.contains(&w.as_str()) || w.ends_with("ed"))
}

/// Whether a stretch of words holds a reporting verb.
fn reports(gap: &str) -> bool {
    gap.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| REPORTING.contains(&w.as_str()))
}

/// The name that is the subject of the figure's clause: a name and a verb right before
/// the figure ("Sabharwal had 8,200 hours", "the Tories lost 251 seats", "The pilot,
/// Marta Quell, had …", "Marta Quell, who had …"); else the name that opens the clause
/// ("Labour's vote share has gone up by under 2 points"), the one a trailing or fronted
/// "with N" phrase leans on ("the Lib Dems have their best tally, with 71 seats"; "With
/// 71 seats, the Lib Dems …"), or the one "they" or "it" at the clause's start points
/// back to. A clause whose verb reports ("officials said 10 …") names no owner.
pub fn clause_subject(
    text: &str,
    entities: &[EntityMention],
    names: &NameMap,
    window: (usize, usize),
    fig: (usize, usize),
    amount: bool,
) -> Option<String> {
    let canon = |e: &EntityMention| names.canonical(&e.canonical).to_string();
    if let Some(e) = verb_subject(text, entities, window.0, fig.0) {
        return (!doubtful(text, e, names)).then(|| canon(e));
    }
    // "Ardel had rejected a first bid of €45 million": an amount further along a clause
    // is mostly a deal between its subject and someone else.
    if amount {
        return None;
    }
    // "predicts 13 seats for Nigel Farage's Reform party": the name the figure is for.
    if let Some(e) = beneficiary(text, entities, fig.1, window.1) {
        return (!doubtful(text, e, names)).then(|| canon(e));
    }
    // "the 419 Tony Blair won": the subject of a relative clause right after the figure.
    let i = entities.partition_point(|e| e.start < fig.1);
    if let Some(e) = entities.get(i).filter(|e| e.start < window.1) {
        let gap = text.get(fig.1..e.start).unwrap_or("x");
        let verb = text
            .get(e.end..window.1)
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| is_verb(w.trim_end_matches([',', '.'])));
        if gap == " " && verb && !e.possessive {
            return (!doubtful(text, e, names)).then(|| canon(e));
        }
    }
    let lead = text.get(window.0..fig.0)?;
    let (cut, end) = clause_start(lead);
    let clause = &lead[cut..];
    let words: Vec<&str> = clause.split_whitespace().collect();
    let first = words
        .first()
        .map(|w| w.to_ascii_lowercase())
        .unwrap_or_default();
    // "… Reform UK, forecast to take 13 seats": a participle phrase after a comma leans
    // on the name right before the comma.
    let participle =
        first.ends_with("ed") || matches!(first.as_str(), "forecast" | "set" | "poised" | "tipped");
    if cut > 0 && participle && words.get(1) == Some(&"to") {
        let before = lead[..end].trim_end();
        let i = entities.partition_point(|e| e.start < window.0 + before.len());
        // The name may stop short of a suffix it does not keep ("Reform UK").
        let next_to_comma = |e: &&EntityMention| {
            e.start >= window.0
                && text.get(e.end..window.0 + before.len()).is_some_and(|g| {
                    g.split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                        && g.split_whitespace().count() <= 1
                })
        };
        if let Some(e) = entities[..i].last().filter(next_to_comma) {
            return (!doubtful(text, e, names)).then(|| canon(e));
        }
    }
    if first == "with" && words.len() <= 2 {
        if cut == 0 {
            // "With 71 seats, the Lib Dems have …": the clause after the phrase.
            let rest = text.get(fig.1..window.1)?;
            let comma = rest.find(',')?;
            let at = fig.1 + comma + 1;
            return opening_entity(text, entities, at, window.1).map(canon);
        }
        return previous_clause_entity(text, entities, window.0, lead, end, false).map(canon);
    }
    if matches!(first.as_str(), "they" | "it" | "he" | "she") && cut > 0 {
        if reports(clause) {
            return None;
        }
        return previous_clause_entity(text, entities, window.0, lead, end, false).map(canon);
    }
    // "The Conservatives, by contrast, hit a record low, winning just 119 seats": a
    // participle leans on the sentence's subject.
    if cut > 0 && first.ends_with("ing") && first.len() > 4 {
        return previous_clause_entity(text, entities, window.0, lead, end, true)
            .filter(|e| !doubtful(text, e, names))
            .map(canon);
    }
    let e = opening_entity(text, entities, window.0 + cut, fig.0)?;
    if doubtful(text, e, names) {
        return None;
    }
    let gap = text.get(e.end..fig.0)?;
    let words = gap.split_whitespace().count();
    ((1..=10).contains(&words) && !reports(gap)).then(|| canon(e))
}

/// The name right after "for" behind a figure, through a chain of possessives ("13
/// seats for Nigel Farage's Reform party" → Reform).
fn beneficiary<'a>(
    text: &str,
    entities: &'a [EntityMention],
    fig_end: usize,
    limit: usize,
) -> Option<&'a EntityMention> {
    let rest = text.get(fig_end..limit)?;
    // "scored 58 times for England": past the word the count leaves out.
    let rest = rest.strip_prefix(" times").unwrap_or(rest);
    let after_for = rest.strip_prefix(" for ")?;
    let mut at = limit.min(text.len()) - after_for.len();
    let skipped = after_for.len() - after_for.trim_start_matches("the ").len();
    at += skipped;
    let i = entities.partition_point(|e| e.start < at);
    let mut found: Option<&EntityMention> = None;
    for e in &entities[i..] {
        let gap = text.get(at..e.start)?;
        // The first name right after "for"; a possessive hands on to the next one
        // ("Nigel Farage's far-right Reform UK").
        if gap.split_whitespace().count() > if found.is_some() { 2 } else { 0 }
            || gap.contains([',', ';', '.'])
        {
            break;
        }
        found = Some(e);
        if !e.possessive {
            break;
        }
        at = e.end;
        let t = text.get(at..).unwrap_or("");
        at += t.len() - t.trim_start_matches(['\'', '’', 's']).len();
    }
    found.filter(|e| !e.possessive)
}

/// Whether a name is too doubtful to own a figure: one capitalised word that opens a
/// sentence ("Flames engulfed the 44-storey building") and no other document names.
fn doubtful(text: &str, e: &EntityMention, names: &NameMap) -> bool {
    let opens = text.get(..e.start).is_none_or(|b| {
        let b = b.trim_end();
        b.is_empty() || b.ends_with(['.', '!', '?', '\n', '"'])
    });
    opens && !e.surface.contains(' ') && names.documents_naming(names.canonical(&e.canonical)) < 2
}

/// A name right before the figure with a verb between them (see [`clause_subject`]).
fn verb_subject<'a>(
    text: &str,
    entities: &'a [EntityMention],
    window_start: usize,
    fig_start: usize,
) -> Option<&'a EntityMention> {
    let i = entities.partition_point(|e| e.start < fig_start);
    let e = entities[..i].last()?;
    if e.end < window_start || e.possessive {
        return None;
    }
    let gap = text.get(e.end..fig_start)?;
    let lead = text
        .get(window_start..e.start)
        .unwrap_or("")
        .to_ascii_lowercase();
    let appositive = lead.trim_end().ends_with(',') && gap.starts_with(", ");
    let relative = gap.starts_with(", who ") || gap.starts_with(", which ");
    let gap = if relative {
        gap[2..].split_once(' ').map_or("", |(_, rest)| rest)
    } else if appositive {
        &gap[2..]
    } else {
        gap
    };
    if gap.contains([',', ';', '.', '(', ')', ':', '"', '“']) {
        return None;
    }
    // "the jet that crashed in Ahmedabad had …": a name after a preposition is not the
    // clause's subject.
    let prev = lead.split_whitespace().next_back().unwrap_or("");
    if matches!(
        prev,
        "in" | "at" | "on" | "from" | "of" | "to" | "near" | "for" | "by" | "with" | "into"
    ) {
        return None;
    }
    let mut words = gap.split_whitespace();
    let verb = words.next()?;
    (is_verb(verb) && words.count() <= 3).then_some(e)
}

/// Where the clause that ends `lead` starts (after the last comma, semicolon, colon or
/// dash, or the last "while", "and", "but", "whereas"; 0 when none), and where the
/// clause before it ends (before that mark).
fn clause_start(lead: &str) -> (usize, usize) {
    let mut cut = lead
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '—' | '–'))
        .map_or((0, 0), |(i, c)| (i + c.len_utf8(), i));
    let lower = lead.to_ascii_lowercase();
    for c in [" while ", " and ", " but ", " whereas "] {
        if let Some(i) = lower.rfind(c) {
            if i + c.len() - 1 > cut.0 {
                // ", and they …": the comma before the word ends the clause too.
                let end = lower[..i].trim_end_matches(',').len();
                cut = (i + c.len() - 1, end);
            }
        }
    }
    cut
}

/// The name that opens the clause at `at` (past spaces and "the"), if it ends before
/// `limit`; past a possessive that qualifies another name ("Rishi Sunak's
/// Conservatives").
fn opening_entity<'a>(
    text: &str,
    entities: &'a [EntityMention],
    at: usize,
    limit: usize,
) -> Option<&'a EntityMention> {
    let rest = text.get(at..limit)?;
    let trimmed = rest.trim_start();
    let mut pos = at + (rest.len() - trimmed.len());
    for det in ["the ", "The "] {
        if trimmed.starts_with(det) {
            pos += det.len();
        }
    }
    // "In Scotland the SNP suffered …": past a phrase of place or time that opens it.
    let opener = ["In ", "At ", "On ", "After ", "Across ", "Outside "]
        .iter()
        .find(|p| text.get(pos..).is_some_and(|t| t.starts_with(**p)));
    if let Some(p) = opener {
        let i = entities.partition_point(|e| e.start < pos + p.len());
        let place = entities.get(i).filter(|e| e.start == pos + p.len())?;
        return opening_entity(text, entities, place.end, limit)
            .or_else(|| opening_entity(text, entities, place.end + 1, limit));
    }
    let i = entities.partition_point(|e| e.start < pos);
    let e = entities
        .get(i)
        .filter(|e| e.start == pos && e.end <= limit)?;
    if e.possessive {
        if let Some(next) = entities.get(i + 1).filter(|n| n.end <= limit) {
            let gap = text.get(e.end..next.start).unwrap_or("x");
            let gap = gap.trim_start_matches(['\'', '’']).trim_start_matches('s');
            if gap.trim().is_empty() {
                return Some(next);
            }
        }
    }
    Some(e)
}

/// The name that opens the clause before the one that starts at `cut` of `lead` (the
/// first clause of the sentence when `first`).
fn previous_clause_entity<'a>(
    text: &str,
    entities: &'a [EntityMention],
    window_start: usize,
    lead: &str,
    end: usize,
    first: bool,
) -> Option<&'a EntityMention> {
    let before = lead.get(..end)?;
    let start = if first { 0 } else { clause_start(before).0 };
    opening_entity(
        text,
        entities,
        window_start + start,
        window_start + before.len(),
    )
    .filter(|e| !reports(text.get(e.end..window_start + before.len()).unwrap_or("")))
}

/// The company whose shares or stock a figure is about: a name right before "shares",
/// "stock" or "share price" in the clause before the figure ("Credit Suisse shares
/// plunged nearly 30%", "Tesla's stock rose 5%").
pub fn shares_owner(
    text: &str,
    entities: &[EntityMention],
    names: &NameMap,
    window_start: usize,
    fig_start: usize,
) -> Option<String> {
    let lo = entities.partition_point(|e| e.start < window_start);
    let hi = entities.partition_point(|e| e.start < fig_start);
    for e in entities[lo..hi].iter().rev() {
        let after = text.get(e.end..fig_start)?;
        let rest = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
            .unwrap_or(after);
        let rest = rest.trim_start();
        let shares = ["shares", "stock", "share price", "stock price"]
            .iter()
            .any(|w| rest.starts_with(w));
        let tail = &rest[rest.find(' ').unwrap_or(rest.len())..];
        if shares && !tail.contains([',', ';', '.', ':', '(']) && after.len() < 80 {
            return Some(names.canonical(&e.canonical).to_string());
        }
        if after.contains(['.', ';']) {
            break;
        }
    }
    None
}

/// The place a sentence opens on ("In Wales, Labour took its total to 27 seats"):
/// canonical, never a person.
pub fn scene_place(
    text: &str,
    entities: &[EntityMention],
    names: &NameMap,
    sentence_start: usize,
    fig_start: usize,
) -> Option<String> {
    let i = entities.partition_point(|e| e.start < sentence_start);
    let e = entities.get(i).filter(|e| e.end <= fig_start)?;
    let lead = text.get(sentence_start..e.start)?.trim();
    let after = text.get(e.end..fig_start)?;
    let name = names.canonical(&e.canonical);
    let person = e.kind == EntityKind::Person || names.kind(name) == EntityKind::Person;
    (matches!(lead, "In" | "In the") && after.trim_start().starts_with(',') && !person)
        .then(|| name.to_string())
}

/// The place named by "in X" after a figure in the same clause ("died in Kerr County"),
/// or by "In X," opening its sentence: canonical, never a person.
pub fn place_owner(
    text: &str,
    entities: &[EntityMention],
    names: &NameMap,
    sentence_start: usize,
    fig_start: usize,
    (fig_end, limit): (usize, usize),
) -> Option<String> {
    let place = |e: &EntityMention| {
        let name = names.canonical(&e.canonical);
        (e.kind != EntityKind::Person && names.kind(name) != EntityKind::Person)
            .then(|| name.to_string())
    };
    let reach = limit.min(fig_end + 80);
    let first = entities.partition_point(|e| e.start < fig_end);
    for e in entities[first..].iter().take_while(|e| e.start < reach) {
        let Some(gap) = text.get(fig_end..e.start) else {
            break;
        };
        if gap.contains([';', '.', '(', ')', ',', ':']) {
            break;
        }
        let lower = gap.to_ascii_lowercase();
        let lower = lower.trim_end();
        if lower.ends_with(" in")
            || lower.ends_with(" in the")
            || lower == "in"
            || lower == "in the"
        {
            return place(e);
        }
    }
    // "In Kerr County, 84 people died."
    if let Some(p) = scene_place(text, entities, names, sentence_start, fig_start) {
        return Some(p);
    }
    let i = entities.partition_point(|e| e.start < sentence_start);
    let e = entities.get(i).filter(|e| e.end <= fig_start)?;
    let lead = text.get(sentence_start..e.start)?.trim();
    let after = text.get(e.end..fig_start)?;
    // "Bangkok city authorities said that … 47 are still missing": the authorities of a
    // place count that place's toll.
    let words: Vec<&str> = after.split_whitespace().take(4).collect();
    let authority = words.iter().position(|w| {
        matches!(
            *w,
            "authorities" | "officials" | "police" | "government" | "administration" | "council"
        )
    });
    let said = authority
        .and_then(|k| words.get(k + 1))
        .is_some_and(|w| matches!(*w, "said" | "say" | "says" | "reported" | "confirmed"));
    (lead.is_empty() && e.kind != EntityKind::Org && said)
        .then(|| place(e))
        .flatten()
}

/// Whether the figure ending at `end` is followed by "of" and an organisation's name
/// (not a possessive: "14% of Apple's revenue" is a share of something else).
pub fn percent_of_name(
    text: &str,
    end: usize,
    entities: &[EntityMention],
    names: &NameMap,
) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let Some(after_of) = rest.strip_prefix(" of ") else {
        return false;
    };
    let at = end + (rest.len() - after_of.len());
    let i = entities.partition_point(|e| e.start < at);
    entities.get(i).is_some_and(|e| {
        e.start == at
            && !e.possessive
            && names.kind(names.canonical(&e.canonical)) != EntityKind::Person
            && e.kind != EntityKind::Person
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::resolve::{find_entities, merge_names};
    use crate::segment::segment;

    /// The owner each rule finds for the figure `fig` of `text`.
    fn owners(text: &str, fig: &str) -> (Option<String>, Option<String>, Option<String>) {
        let seg = segment(text);
        let entities = find_entities(text, &seg);
        let names = merge_names(std::slice::from_ref(&entities), &Config::default());
        let at = text.find(fig).unwrap();
        (
            possessive_owner(text, &entities, &names, 0, at),
            clause_subject(
                text,
                &entities,
                &names,
                (0, text.len()),
                (at, at + fig.len()),
                false,
            ),
            shares_owner(text, &entities, &names, 0, at),
        )
    }

    #[test]
    fn a_figure_for_a_name_is_that_names() {
        let (_, c, _) = owners(
            "The poll predicts 13 seats for Nigel Farage's Reform party.",
            "13 seats",
        );
        assert_eq!(c.as_deref(), Some("Reform"));
        let (_, c, _) = owners(
            "Their tally may have been dented by Reform UK, forecast to take 13 seats.",
            "13 seats",
        );
        assert_eq!(c.as_deref(), Some("Reform"));
        let (_, c, _) = owners("He has scored 58 times for England.", "58");
        assert_eq!(c.as_deref(), Some("England"));
    }

    #[test]
    fn a_possessive_owns_the_figure_after_it() {
        let (p, _, _) = owners("Kiptum's 2:00:35 stunned the field.", "2:00:35");
        assert_eq!(p.as_deref(), Some("Kiptum"));
    }

    #[test]
    fn the_clause_subject_owns_what_it_holds() {
        for t in [
            "Marta Quell had 6,400 hours of experience.",
            "The pilot, Marta Quell, had 6,400 hours of experience.",
            "Our pilot Marta Quell, who had 6,400 hours, landed it.",
        ] {
            let (_, c, _) = owners(t, "6,400");
            assert_eq!(c.as_deref(), Some("Marta Quell"), "{t}");
        }
        // A name after a preposition, or a verb that is not one of holding, owns nothing.
        let (_, c, _) = owners("The jet that crashed in Ahmedabad had 242 people.", "242");
        assert_eq!(c, None);
        let (_, c, _) = owners("Marta Quell said 6,400 hours was plenty.", "6,400");
        assert_eq!(c, None);
    }

    #[test]
    fn clauses_past_dashes_and_commas_name_their_subject() {
        let (_, c, _) = owners("GENEVA – Keller Chemicals cut 1,200 jobs.", "1,200");
        assert_eq!(c.as_deref(), Some("Keller Chemicals"));
        let (_, c, _) = owners(
            "The Liberal Democrats have their best tally since 1923, with 71 seats.",
            "71 seats",
        );
        assert_eq!(c.as_deref(), Some("Liberal Democrats"));
        let (_, c, _) = owners(
            "With 71 seats, the Liberal Democrats are third.",
            "71 seats",
        );
        assert_eq!(c.as_deref(), Some("Liberal Democrats"));
        let (_, c, _) = owners("Kerr County officials said 10 campers are missing.", "10");
        assert_eq!(c, None);
        for (t, fig) in [
            (
                "The Conservatives' share fell by 20 points, and they lost 251 seats.",
                "251",
            ),
            (
                "The Conservatives, by contrast, hit a low, winning just 119 seats.",
                "119",
            ),
            (
                "Rishi Sunak's Conservatives suffered their worst defeat, winning only 121 seats.",
                "121",
            ),
        ] {
            let (_, c, _) = owners(t, fig);
            assert_eq!(c.as_deref(), Some("Conservatives"), "{t}");
        }
    }

    #[test]
    fn shares_belong_to_their_company() {
        let (_, _, s) = owners("Credit Suisse shares plunged nearly 30% this week.", "30%");
        assert_eq!(s.as_deref(), Some("Credit Suisse"));
    }
}
