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
/// had 8,200 hours", "Kiptum ran 2:00:35", "Bellingham scored 14 goals").
const HOLDING_VERBS: &[&str] = &[
    "has", "had", "have", "holds", "held", "logged", "scored", "won", "made", "spent", "earned",
    "took", "got", "gets", "ran", "hit", "reached", "recorded", "posted", "clocked", "totalled",
    "totaled", "employs", "employed", "owns", "owned", "carried", "carries",
];

/// The name that is the subject of the clause right before the figure: a name, a verb
/// of holding or making, and at most two more words ("Sabharwal had 8,200 hours",
/// "Kiptum clocked a time of 2:00:35").
pub fn clause_subject(
    text: &str,
    entities: &[EntityMention],
    names: &NameMap,
    window_start: usize,
    fig_start: usize,
) -> Option<String> {
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
    // "The pilot, Marta Quell, had …" (an apposition) and "Marta Quell, who had …" (a
    // relative clause) set the name off with a comma.
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
    let verb = words.next()?.to_ascii_lowercase();
    let holds = HOLDING_VERBS.contains(&verb.as_str());
    (holds && words.count() <= 2).then(|| names.canonical(&e.canonical).to_string())
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
    let i = entities.partition_point(|e| e.start < sentence_start);
    let e = entities.get(i).filter(|e| e.end <= fig_start)?;
    let lead = text.get(sentence_start..e.start)?.trim();
    let after = text.get(e.end..fig_start)?;
    (matches!(lead, "In" | "In the") && after.trim_start().starts_with(','))
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
            clause_subject(text, &entities, &names, 0, at),
            shares_owner(text, &entities, &names, 0, at),
        )
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
    fn shares_belong_to_their_company() {
        let (_, _, s) = owners("Credit Suisse shares plunged nearly 30% this week.", "30%");
        assert_eq!(s.as_deref(), Some("Credit Suisse"));
    }
}
