//! What the words around a figure say about what it states: a part of another figure
//! ("450 of the 1,180 cuts"), an increment ("another 20 deaths"), a forecast, an offer,
//! a restatement in other units, the span of play it is counted over, the age of a
//! thing rather than a person. Each is a pure function of the text around the figure.

use crate::claim::{Kind, Mention};
use crate::text::has_words;

/// Whether a figure counts an addition rather than a level ("another 20 deaths", "29
/// more bodies", "50 more cases", "12 new cases"): it states nothing about the total.
pub fn is_increment(lead: &str, text: &str, after: &str) -> bool {
    let last = lead.split_whitespace().next_back().unwrap_or("");
    let word_after = |s: &str| {
        s.split_whitespace().next().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
    };
    let second = text.split_whitespace().nth(1).map(str::to_ascii_lowercase);
    last.eq_ignore_ascii_case("another")
        || matches!(
            second.as_deref(),
            Some("more" | "new" | "additional" | "further")
        )
        || matches!(
            word_after(after).as_deref(),
            Some("more" | "additional" | "further")
        )
}

/// Whether the text right after a figure makes it a part of another figure ("450 of
/// the 1,180 cuts", "two of its 12 plants").
pub fn is_partitive(after: &str) -> bool {
    let rest = after.trim_start();
    // Skip a counted noun and its modifiers: "450 Austin jobs among 1,180 cuts".
    let rest = rest
        .split_once(" of ")
        .or_else(|| rest.split_once(" among "))
        .filter(|(head, _)| head.split_whitespace().count() <= 2 && !head.contains([',', ';']))
        .map_or(rest, |(_, tail)| tail);
    let rest = rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("among "))
        .unwrap_or(rest);
    if rest.len() == after.trim_start().len() {
        return false;
    }
    let rest = rest.trim_start();
    let rest = ["the ", "its ", "their ", "those ", "these ", "his ", "her "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
        .unwrap_or(rest);
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

/// Verbs of founding that make an age "at N" the age at a founding.
pub const FOUNDING_VERBS: &[&str] = &[
    "founded",
    "co-founded",
    "cofounded",
    "started",
    "launched",
    "set up",
    "established",
];

/// Nouns that an age can qualify without being a person's age ("the eight-year-old
/// company", "a 30-year-old law").
const AGED_THINGS: &[&str] = &[
    "company",
    "firm",
    "startup",
    "start-up",
    "business",
    "group",
    "brand",
    "bank",
    "building",
    "bridge",
    "church",
    "house",
    "plant",
    "factory",
    "mine",
    "law",
    "rule",
    "policy",
    "program",
    "programme",
    "record",
    "tradition",
    "dispute",
    "war",
    "conflict",
    "rivalry",
    "partnership",
    "alliance",
    "agreement",
    "treaty",
    "festival",
    "network",
    "platform",
    "app",
    "product",
    "model",
    "car",
    "vehicle",
    "ship",
    "aircraft",
    "plane",
    "tree",
    "painting",
    "debt",
    "bond",
    "franchise",
    "team",
    "club",
    "league",
    "mystery",
];

/// Whether the word right after an age names a thing, not a person.
pub fn ages_a_thing(after: &str) -> bool {
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    AGED_THINGS.contains(&word.as_str())
}

/// Whether a count is followed straight away by "of the"/"of its" ("one of the largest
/// layoffs", "two of its plants"): a part of a group, not a count of the whole.
pub fn is_part_of_group(after: &str) -> bool {
    let lower = after.to_ascii_lowercase();
    [
        "of the ",
        "of its ",
        "of their ",
        "of those ",
        "of these ",
        "of our ",
        "of his ",
        "of her ",
    ]
    .iter()
    .any(|p| lower.strip_prefix(' ').is_some_and(|r| r.starts_with(p)))
}

/// Words that make a figure a forecast, guidance or target rather than a fact.
const FORECAST_CUES: &[&str] = &[
    "expects",
    "expected",
    "expect",
    "forecast",
    "forecasts",
    "forecasting",
    "projected",
    "projects",
    "projection",
    "guided",
    "guidance",
    "outlook",
    "predicted",
    "predicts",
    "anticipates",
    "anticipated",
    "targets",
    "target of",
    "aims",
    "is set to",
    "could reach",
    "will reach",
    "would reach",
    "estimates",
    "consensus",
    // A conditional amount ("could end up costing", "would rise to", "should those
    // add-ons be triggered") is not the amount itself.
    "could",
    "would",
    "might",
    "potentially",
    "should those",
    // "over the next six seasons": a span still to come.
    "next",
    "pencilled",
    "penciled",
];

/// The span of play or work a count is counted over, when the clause names it with a
/// figure ("14 goals and seven assists in 42 matches", "24 goals in 132 appearances"):
/// counts over different spans are different quantities.
pub fn played_in(text: &str, mentions: &[Mention], mi: usize, limit: usize) -> Option<String> {
    let m = &mentions[mi];
    if !matches!(m.kind, Kind::Count | Kind::Number) {
        return None;
    }
    let mut from = m.end;
    for n in mentions[mi + 1..].iter().take(4) {
        if n.start >= limit {
            break;
        }
        let gap = text.get(from..n.start)?;
        if gap.contains([';', '.', ':', '(', ')']) {
            break;
        }
        if gap.ends_with(" in ") && n.kind == Kind::Count {
            let over = text.get(n.start..n.end)?;
            return Some(format!("in {}", over.to_lowercase()));
        }
        // "28 goals and 12 assists in 30 games" share the games; "48 goals less than
        // Shearer's record of 260 goals in 441 matches" does not.
        let joined = matches!(
            gap.trim().trim_end_matches(',').trim(),
            "" | "and" | ", and" | "with" | "plus" | "or"
        );
        if !joined {
            break;
        }
        from = n.end;
    }
    None
}

/// Whether the text between two figures makes the second a restatement of the first in
/// other units: an opening bracket or "or", with an optional hedge ("(about", ", or
/// roughly", "or").
pub fn is_restatement(gap: &str) -> bool {
    let g = gap.trim().to_ascii_lowercase();
    let g = [
        "about",
        "around",
        "roughly",
        "some",
        "approximately",
        "nearly",
        "almost",
    ]
    .iter()
    .find_map(|h| g.strip_suffix(h))
    .unwrap_or(&g)
    .trim()
    .to_string();
    matches!(g.as_str(), "(" | "[" | ", or" | "or" | "(or" | "/")
}

/// Words that make an amount a bid rather than the agreed price.
const OFFER_CUES: &[&str] = &[
    "offer",
    "offers",
    "offered",
    "offering",
    "bid",
    "bids",
    "bidding",
    "proposal",
    "proposed",
    "weighing",
    "counteroffer",
];

/// Whether the clause around an amount (the last eight words before it, the first three
/// after) makes it an offer or bid.
pub fn is_offer(lead: &str, after: &str) -> bool {
    let lower = lead.to_ascii_lowercase();
    let clause = lower.rsplit([';', '.', ',']).next().unwrap_or(&lower);
    let before = clause.split_whitespace().rev().take(8);
    let after_lower = after.to_ascii_lowercase();
    let next = after_lower
        .split([';', '.', ','])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(3);
    before
        .chain(next)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| OFFER_CUES.contains(&w))
}

/// Whether the clause before a figure (the last ten words) makes it a forecast.
pub fn is_forecast(lead: &str) -> bool {
    let lower = lead.to_ascii_lowercase();
    let clause = lower.rsplit([';', '.']).next().unwrap_or(&lower);
    let words: Vec<&str> = clause.split_whitespace().collect();
    let tail = words[words.len().saturating_sub(10)..].join(" ");
    FORECAST_CUES.iter().any(|c| has_words(&tail, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_and_increments_state_nothing_about_the_whole() {
        assert!(is_partitive(" of the 1,180 cuts"));
        assert!(is_partitive(" Austin jobs among 1,180 cuts"));
        assert!(!is_partitive(" jobs in Austin"));
        assert!(is_part_of_group(" of the largest layoffs"));
        assert!(is_increment("rose by another", "20 deaths", ""));
        assert!(is_increment("", "29 more bodies", ""));
        assert!(!is_increment("killed", "29 people", " on Sunday"));
    }

    #[test]
    fn forecasts_and_offers_are_not_the_figure() {
        assert!(is_forecast("The company expects revenue of"));
        assert!(is_forecast("inflation is projected at"));
        assert!(!is_forecast("Revenue rose to"));
        assert!(is_offer("UBS's first offer was only", " billion"));
        assert!(!is_offer("UBS agreed to pay", " for the bank"));
    }

    #[test]
    fn a_bracket_or_or_restates_a_figure() {
        assert!(is_restatement(" (about "));
        assert!(is_restatement(", or roughly "));
        assert!(!is_restatement(" and "));
    }

    #[test]
    fn an_age_can_qualify_a_thing() {
        assert!(ages_a_thing(" company"));
        assert!(!ages_a_thing(" striker"));
    }
}
