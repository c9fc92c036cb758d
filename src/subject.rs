//! Subject: picks the entity a figure is about from the names around it, guided by the
//! attribute's role: apposition and "the 28-year-old X" for people, possessives
//! ("Scale's valuation"), "in X"/"of X" for the target of a stake or investment, the
//! clause's subject, and anaphora ("the company", "he") back to the story's last name of
//! the right kind.
//!
//! Sits after entity resolution and attribute classification.

use crate::attribute::SubjectRole;
use crate::claim::Kind;
use crate::resolve::{EntityKind, EntityMention, NameMap};
use crate::segment::figure_window;
use crate::segment::Segmentation;
use crate::text::has_words;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Everything subject choice looks at for one figure.
#[derive(Debug, Clone, Copy)]
pub struct SubjectQuery<'a> {
    /// The document's prose view.
    pub text: &'a str,
    /// The document's sentences.
    pub seg: &'a Segmentation,
    /// The document's entity mentions, sorted by start.
    pub entities: &'a [EntityMention],
    /// Corpus-wide canonical names.
    pub names: &'a NameMap,
    /// Index of the figure's sentence.
    pub sentence: usize,
    /// The figure's byte range in the view.
    pub figure: (usize, usize),
    /// The trigger phrase's byte range in the view, if a phrase chose the attribute.
    pub trigger: Option<(usize, usize)>,
    /// The attribute's subject role.
    pub role: SubjectRole,
    /// The figure's kind.
    pub kind: Kind,
    /// Per-document answers shared by all figures of the document.
    pub memo: &'a SubjectMemo,
}

/// Words that refer back to an organisation named earlier.
const ORG_ANAPHORA: &[&str] = &[
    "the company",
    "the firm",
    "the startup",
    "the start-up",
    "the group",
    "the business",
    "the lender",
    "the bank",
    "the carrier",
    "the retailer",
    "the maker",
    "its",
    "it",
    "the company's",
    "the firm's",
    "the startup's",
    "his company",
    "her company",
];

/// Words that refer back to a person named earlier.
const PERSON_ANAPHORA: &[&str] = &[
    "he",
    "she",
    "his",
    "her",
    "him",
    "the founder",
    "the co-founder",
    "the executive",
    "the billionaire",
    "the chief executive",
    "the ceo",
];

/// Phrases that point to an event other than the story's own.
const OTHER_EVENT: &[&str] = &[
    "that quake",
    "that earthquake",
    "that storm",
    "that flood",
    "that fire",
    "that disaster",
    "that attack",
    "that crash",
    "that blast",
    "that explosion",
    "that hurricane",
    "that typhoon",
    "that cyclone",
    "that eruption",
    "that outbreak",
    "the earlier quake",
    "the earlier earthquake",
    "the previous quake",
    "the previous earthquake",
];

/// How many names back an anaphor's antecedent is looked for.
const SALIENCE_SPAN: usize = 300;

/// Per-document answers that do not depend on the figure, computed once.
#[derive(Debug, Default)]
pub struct SubjectMemo {
    mains: RefCell<BTreeMap<usize, Option<String>>>,
    story_in: RefCell<BTreeMap<usize, bool>>,
}

impl SubjectMemo {
    /// Whether segment `segment` names the corpus's story `story`.
    fn segment_names(&self, q: &SubjectQuery<'_>, segment: usize, story: &str) -> bool {
        *self
            .story_in
            .borrow_mut()
            .entry(segment)
            .or_insert_with(|| {
                q.entities
                    .iter()
                    .any(|e| e.segment == segment && q.names.canonical(&e.canonical) == story)
            })
    }

    /// The most mentioned fitting name of a segment (see `main_entity`).
    fn segment_main(
        &self,
        q: &SubjectQuery<'_>,
        segment: usize,
        fits: impl Fn(&EntityMention) -> bool,
    ) -> Option<String> {
        self.mains
            .borrow_mut()
            .entry(segment)
            .or_insert_with(|| main_entity(q, segment, fits))
            .clone()
    }
}

/// The canonical name of the figure's subject, if one can be decided.
pub fn choose_subject(q: &SubjectQuery<'_>) -> Option<String> {
    let s = &q.seg.sentences[q.sentence];
    // Only names near the figure count, so run-on text stays linear.
    let (wlo, whi) = figure_window(q.text, s, q.figure);
    let lo = q.entities.partition_point(|e| e.start < wlo);
    let hi = q.entities.partition_point(|e| e.start < whi);
    let in_sentence: Vec<&EntityMention> = q.entities[lo..hi]
        .iter()
        .filter(|e| e.end <= q.figure.0 || e.start >= q.figure.1)
        .filter(|e| !is_modifier(q.text, e))
        // "according to the Bloomberg Billionaires Index": a cited source is never the
        // subject (a name that "said" something may well be).
        .filter(|e| !is_cited(q.text, e))
        .collect();
    // "The Austin networking veteran posted …": a description built on a name points
    // back to the story's subject.
    let described = q.entities[lo..hi]
        .iter()
        .any(|e| e.end <= q.figure.0 && is_modifier(q.text, e));
    let kind = |e: &EntityMention| {
        let k = q.names.kind(q.names.canonical(&e.canonical));
        if k == EntityKind::Unknown {
            e.kind
        } else {
            k
        }
    };
    let canon = |e: &EntityMention| q.names.canonical(&e.canonical).to_string();
    let fits = |e: &EntityMention, role: SubjectRole| match role {
        SubjectRole::Person => kind(e) == EntityKind::Person,
        SubjectRole::Org | SubjectRole::Target => kind(e) != EntityKind::Person,
        SubjectRole::Stake => true,
        SubjectRole::Event => kind(e) != EntityKind::Person,
        SubjectRole::Any => true,
    };
    let anchor = q.trigger.map_or(q.figure.0, |t| t.0.min(q.figure.0));
    let anchor_end = q.trigger.map_or(q.figure.1, |t| t.1.max(q.figure.1));

    match q.role {
        SubjectRole::Person => {
            // "Wang, 28," / "Wang, just 28": a name right before the figure (an age in
            // apposition marks a person even when the name alone does not).
            if let Some(e) = in_sentence.iter().rev().find(|e| e.end <= q.figure.0) {
                let gap = &q.text[e.end..q.figure.0];
                if (kind(e) == EntityKind::Person
                    || (q.kind == Kind::Age && kind(e) != EntityKind::Org))
                    && gap
                        .trim()
                        .trim_start_matches(',')
                        .split_whitespace()
                        .count()
                        <= 2
                    && gap.contains(',')
                {
                    return Some(canon(e));
                }
            }
            // "the 28-year-old Wang": a name right after the figure.
            if let Some(e) = in_sentence.iter().find(|e| e.start >= q.figure.1) {
                let gap = &q.text[q.figure.1..e.start];
                if (kind(e) == EntityKind::Person
                    || (q.kind == Kind::Age && kind(e) != EntityKind::Org))
                    && gap.split_whitespace().count() <= 2
                    && !gap.contains([',', ';'])
                {
                    return Some(canon(e));
                }
            }
            // "the 28-year-old parlayed …": the figure names someone introduced before.
            let lead = q.text[wlo..q.figure.0].trim_end().to_ascii_lowercase();
            if lead.ends_with(" the") || lead == "the" {
                return salient(q, lo, s.segment, |e| fits(e, SubjectRole::Person));
            }
        }
        SubjectRole::Target | SubjectRole::Stake => {
            // "co-founded Scale AI in 2016", "acquire Tessellate for $2 billion": the
            // object right after the trigger.
            if let Some((t0, t1)) = q.trigger.filter(|t| t.1 <= q.figure.0) {
                if let Some(e) = in_sentence.iter().find(|e| e.start >= t1) {
                    let gap = &q.text[t1..e.start];
                    if t0 < e.start
                        && e.end <= q.figure.0
                        && gap.split_whitespace().count() <= 1
                        && !gap.contains([',', ';'])
                        && fits(e, SubjectRole::Target)
                    {
                        return Some(canon(e));
                    }
                }
            }
            // "the $8.4 billion Credit Suisse was worth": a name between the figure and
            // its trigger.
            if let Some((t0, _)) = q.trigger.filter(|t| t.0 >= q.figure.1) {
                let between = in_sentence
                    .iter()
                    .find(|e| e.start >= q.figure.1 && e.end <= t0 && fits(e, SubjectRole::Target));
                if let Some(e) = between.filter(|e| q.text[q.figure.1..e.start].trim().is_empty()) {
                    return Some(canon(e));
                }
            }
            // "Credit Suisse shares closed at …, which valued the bank at $8 billion": an
            // anaphor right after the trigger points to the organisation named last
            // before it in the sentence.
            if let Some((t0, t1)) = q.trigger.filter(|t| t.1 <= q.figure.0) {
                let object = q.text[t1..q.figure.0].trim().to_ascii_lowercase();
                let anaphor = ORG_ANAPHORA.iter().any(|a| {
                    object == *a || object.strip_prefix(a).is_some_and(|r| r.trim() == "at")
                });
                if anaphor {
                    if let Some(e) = in_sentence
                        .iter()
                        .rev()
                        .find(|e| e.end <= t0 && kind(e) == EntityKind::Org)
                    {
                        return Some(canon(e));
                    }
                }
            }
            // "a business Zuckerberg now owns 49% of, …": a stranded preposition points
            // back past the clause's subject to the thing owned, the organisation
            // named last before it.
            let rest = q.text[anchor_end..whi.max(anchor_end)].trim_start();
            let stranded = ["of", "in"].iter().any(|p| {
                rest.strip_prefix(p).is_some_and(|r| {
                    r.trim_start().is_empty() || r.trim_start().starts_with([',', '.', ';', ')'])
                })
            });
            if stranded {
                if let Some(e) = in_sentence
                    .iter()
                    .rev()
                    .find(|e| e.end <= anchor && kind(e) != EntityKind::Person)
                {
                    return Some(canon(e));
                }
            }
            // "a 49% stake in Scale", "investment from Meta in Scale".
            for e in in_sentence.iter().filter(|e| e.start >= anchor_end) {
                let gap = q.text[anchor_end..e.start].to_ascii_lowercase();
                if gap.split_whitespace().count() > 8 || gap.contains([';', '.']) {
                    break;
                }
                let last = gap.split_whitespace().last().unwrap_or("");
                if matches!(last, "in" | "into" | "of" | "for") && fits(e, SubjectRole::Target) {
                    return Some(canon(e));
                }
            }
        }
        SubjectRole::Org => {
            // "employs about 3,000 people in Austin": a place right after the figure
            // narrows it to that place.
            let counted = matches!(q.kind, Kind::Count | Kind::Number);
            if let Some(e) = in_sentence
                .iter()
                .find(|e| counted && e.start >= anchor_end)
            {
                let gap = q.text[anchor_end..e.start].to_ascii_lowercase();
                if gap.split_whitespace().count() <= 2
                    && gap.trim_end().ends_with(" in")
                    && kind(e) == EntityKind::Unknown
                {
                    return Some(canon(e));
                }
            }
        }
        SubjectRole::Event => {
            // "the 2019 Palmora earthquake, which killed 212": a name close before the
            // figure that is neither a source ("the ministry said") nor a place inside
            // the story ("in Corvena") names another event.
            // Names between the trigger and the figure count too ("the death toll from
            // the blast at the Keller Chemicals plant rose to 17").
            let local = in_sentence.iter().rev().find(|e| {
                e.end <= q.figure.0
                    && fits(e, SubjectRole::Event)
                    && q.text[e.end..q.figure.0].split_whitespace().count() <= 6
                    && !is_source(q.text, e)
                    && !is_location_inside(q.text, wlo, e)
            });
            if let Some(e) = local {
                return Some(canon(e));
            }
            // "That quake was weaker, at magnitude 6.4": a distal demonstrative points to
            // the other event named last, never to the story's own.
            let lead = q.text[wlo..anchor.max(wlo)].to_ascii_lowercase();
            if OTHER_EVENT.iter().any(|p| has_words(&lead, p)) {
                let story = q.names.story();
                return salient(q, lo, s.segment, |e| {
                    fits(e, SubjectRole::Event)
                        && Some(q.names.canonical(&e.canonical)) != story
                        && !is_source(q.text, e)
                });
            }
            // The corpus's story, when this segment speaks of it; else the segment's own.
            if let Some(story) = q.names.story() {
                if q.memo.segment_names(q, s.segment, story) {
                    return Some(story.to_string());
                }
            }
            return q
                .memo
                .segment_main(q, s.segment, |e| fits(e, SubjectRole::Event));
        }
        _ => {}
    }
    // A possessive right before the trigger or figure: "Scale's valuation".
    if let Some(e) = in_sentence.iter().rev().find(|e| e.end <= anchor) {
        let gap = &q.text[e.end..anchor];
        if e.possessive && gap.split_whitespace().count() <= 4 && fits(e, q.role) {
            return Some(canon(e));
        }
    }
    // The nearest fitting name before the figure in the same clause, then after it.
    let before = in_sentence
        .iter()
        .rev()
        .filter(|e| e.end <= anchor)
        .find(|e| fits(e, q.role));
    if let Some(e) = before {
        return Some(canon(e));
    }
    // An anaphor before the figure refers back to the story's last fitting name.
    let sent_lower = q.text[wlo..anchor.max(wlo)].to_ascii_lowercase();
    let anaphora: &[&str] = match q.role {
        SubjectRole::Person => PERSON_ANAPHORA,
        SubjectRole::Org | SubjectRole::Target | SubjectRole::Stake => ORG_ANAPHORA,
        _ => &[],
    };
    if described || anaphora.iter().any(|a| has_words(&sent_lower, a)) {
        // "the company" points to an organisation named before, if there is one.
        let strict = |e: &EntityMention| match q.role {
            SubjectRole::Org | SubjectRole::Target | SubjectRole::Stake => {
                kind(e) == EntityKind::Org
            }
            _ => fits(e, q.role),
        };
        // "he" may point to a surname never given in full ("Wang, 31, runs it. He …").
        let loose = |e: &EntityMention| match q.role {
            SubjectRole::Person => kind(e) != EntityKind::Org,
            _ => fits(e, q.role),
        };
        if let Some(name) = salient(q, lo, s.segment, strict)
            .or_else(|| salient(q, lo, s.segment, |e| fits(e, q.role)))
            .or_else(|| salient(q, lo, s.segment, loose))
        {
            return Some(name);
        }
    }
    let after = in_sentence
        .iter()
        .filter(|e| e.start >= anchor_end)
        .find(|e| fits(e, q.role));
    if let Some(e) = after {
        return Some(canon(e));
    }
    // "Revenue rose to 4.2bn dollars": a company figure with no name in its sentence is
    // about the company the story is about.
    if matches!(q.role, SubjectRole::Org | SubjectRole::Target) {
        return salient(q, lo, s.segment, |e| kind(e) == EntityKind::Org);
    }
    None
}

/// Whether a name only modifies a noun inside a description ("the Austin networking
/// veteran", "the Tahoe house"): preceded by "the" and followed by a lower-case word.
fn is_modifier(text: &str, e: &EntityMention) -> bool {
    // An organisation or a multi-word name is named, not used as a modifier: "The Walt
    // Disney Company cut 7,000 jobs".
    if e.kind == EntityKind::Org || e.canonical.contains(' ') {
        return false;
    }
    let the = near(text, e.start, 8, true)
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w == "the" || w == "The");
    let next = text[e.end..].chars().nth(1);
    the && !e.possessive && text[e.end..].starts_with(' ') && next.is_some_and(|c| c.is_lowercase())
}

/// The name an anaphor most likely points back to: of the fitting names mentioned in
/// the story before entity `upto`, the most mentioned one among those of the last three
/// sentences (the latest on a tie).
fn salient(
    q: &SubjectQuery<'_>,
    upto: usize,
    segment: usize,
    fits: impl Fn(&EntityMention) -> bool,
) -> Option<String> {
    // The last few hundred names are plenty to find an antecedent.
    let before: Vec<&EntityMention> = q.entities[upto.saturating_sub(SALIENCE_SPAN)..upto]
        .iter()
        .filter(|e| e.segment == segment && fits(e))
        .collect();
    let last_sentence = before.last()?.sentence;
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, e) in before.iter().enumerate() {
        let c = counts.entry(q.names.canonical(&e.canonical)).or_default();
        c.0 += 1;
        c.1 = i;
    }
    before
        .iter()
        .filter(|e| e.sentence + 3 > last_sentence)
        .map(|e| q.names.canonical(&e.canonical))
        .max_by_key(|n| counts[n])
        .map(str::to_string)
}

/// The most mentioned fitting name of a story segment.
fn main_entity(
    q: &SubjectQuery<'_>,
    segment: usize,
    fits: impl Fn(&EntityMention) -> bool,
) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in q
        .entities
        .iter()
        .filter(|e| e.segment == segment && fits(e) && !is_source(q.text, e))
    {
        *counts.entry(q.names.canonical(&e.canonical)).or_default() += 1;
    }
    // Weighted by how many documents name it, so that articles about one event agree on
    // its name even when each mentions local places more often.
    counts
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .max_by_key(|(n, c)| (*c * q.names.documents_naming(n), std::cmp::Reverse(*n)))
        .map(|(n, _)| n.to_string())
}

/// Whether a name is the source of a statement ("the Interior Ministry said",
/// "according to Reuters").
fn is_source(text: &str, e: &EntityMention) -> bool {
    // Only a few words on each side matter.
    let after = near(text, e.end, 24, false)
        .trim_start()
        .to_ascii_lowercase();
    let before = near(text, e.start, 24, true)
        .trim_end()
        .to_ascii_lowercase();
    [
        "said",
        "says",
        "told",
        "reported",
        "reports",
        "announced",
        "estimated",
        "confirmed",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || before.ends_with("according to")
        || before.ends_with("according to the")
}

/// Whether a name is cited as a source: "according to (the) X".
fn is_cited(text: &str, e: &EntityMention) -> bool {
    let before = near(text, e.start, 24, true)
        .trim_end()
        .to_ascii_lowercase();
    before.ends_with("according to") || before.ends_with("according to the")
}

/// Up to `n` bytes of `text` after (or, with `back`, before) `at`, on char boundaries.
fn near(text: &str, at: usize, n: usize, back: bool) -> &str {
    let (mut a, mut b) = if back {
        (at.saturating_sub(n), at)
    } else {
        (at, (at + n).min(text.len()))
    };
    while !text.is_char_boundary(a) {
        a += 1;
    }
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text.get(a..b.max(a)).unwrap_or("")
}

/// Whether a name is introduced as a place inside the story ("in Corvena").
fn is_location_inside(text: &str, sentence_start: usize, e: &EntityMention) -> bool {
    let before = near(text, e.start, 24, true);
    let before = if e.start - sentence_start < 24 {
        &text[sentence_start..e.start]
    } else {
        before
    };
    let before = before.trim_end().to_ascii_lowercase();
    [
        "in", "at", "near", "from", "to", "across", "around", "of", "outside", "inside", "within",
        "off",
    ]
    .iter()
    .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
}

#[cfg(test)]
mod tests {
    use crate::claim::Claim;
    use crate::config::Config;
    use crate::load::text_document;
    use crate::pipeline::extract;

    fn subject_of(text: &str, figure: &str) -> Option<String> {
        let doc = text_document("a.txt".into(), text.into());
        let claims: Vec<Claim> = extract(&doc, &Config::default());
        claims
            .into_iter()
            .find(|c| c.text == figure)
            .unwrap_or_else(|| panic!("no claim {figure:?}"))
            .subject
    }

    #[test]
    fn an_age_in_apposition_names_its_person() {
        let s = subject_of("Scale AI founder Alexandr Wang, 28, met investors.", "28");
        assert_eq!(s.as_deref(), Some("Alexandr Wang"));
    }

    #[test]
    fn a_stake_belongs_to_the_company_it_is_in() {
        let s = subject_of(
            "Meta agreed to invest $14.3 billion for a 49% stake in Scale AI.",
            "49%",
        );
        assert_eq!(s.as_deref(), Some("Scale AI"));
    }

    #[test]
    fn an_anaphor_points_back_to_the_last_company() {
        let s = subject_of(
            "Keller Chemicals makes resins in Texas. The company employs about 2,300 people.",
            "about 2,300 people",
        );
        assert_eq!(s.as_deref(), Some("Keller Chemicals"));
    }

    #[test]
    fn a_valuation_names_the_company_it_values() {
        // A name between the figure and a trigger after it.
        let s = subject_of(
            "Acme Bank agreed to buy rival Keller Bank for less than the $8.4 billion Keller Bank was worth.",
            "$8.4 billion",
        );
        assert_eq!(s.as_deref(), Some("Keller Bank"));
        // "the bank" right after the trigger: the organisation named before it.
        let s = subject_of(
            "Acme Bank agreed to buy it. Keller Bank shares closed at 1.86 francs, which valued the bank at $8 billion.",
            "$8 billion",
        );
        assert_eq!(s.as_deref(), Some("Keller Bank"));
    }

    #[test]
    fn a_cited_source_is_never_the_subject() {
        let s = subject_of(
            "Wang is worth $3.6 billion, according to Forbes.",
            "$3.6 billion",
        );
        assert_ne!(s.as_deref(), Some("Forbes"));
    }
}
