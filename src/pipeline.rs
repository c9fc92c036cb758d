//! The pipeline glue: runs segmentation, extraction and entity resolution on each
//! document, merges names across documents, turns mentions into claims with subject,
//! attribute and time scope, and (for `check`) groups and diffs them into a report.

use crate::attribute::{Figure, Lexicon, SubjectRole};
use crate::cache::Cache;
use crate::claim::{Claim, Interval, Kind, Mention, Span};
use crate::claim::{Identity, SubjectRule};
use crate::config::Config;
use crate::diff::diff_groups;
use crate::document::{Document, Format, LineCursor};
use crate::extract::date::names_weekday;
use crate::extract::{extract_mentions, ExtractContext};
use crate::finding::{DocumentInfo, Finding, Report, Severity, Summary, Verdict};
use crate::group::group_claims;
use crate::identity::cues::{
    ages_a_thing, is_forecast, is_increment, is_offer, is_part_of_group, is_partitive,
    is_restatement, played_in, FOUNDING_VERBS,
};
use crate::identity::owner::{
    clause_subject, percent_of_name, place_owner, possessive_owner, scene_place, shares_owner,
};
use crate::identity::quantity::open_quantity;
use crate::identity::story::story_labels;
use crate::identity::time::AsOf;
use crate::identity::unit::{unit_of, wrap_day, Dimension};
use crate::resolve::{find_entities, merge_names, EntityMention, NameMap};
use crate::segment::{figure_window, segment_with};
use crate::subject::{choose_subject, SubjectMemo, SubjectQuery};
use crate::text::find_words;
use crate::timescope::{as_of, period_of, time_mentions, ScopeContext, TimeMention};
use rayon::prelude::*;

/// Kept here for callers of the earlier `pipeline::fingerprint`; it lives in [`crate::fingerprint`].
pub use crate::fingerprint::fingerprint;

pub use crate::analysis::Analysis;

/// Runs segmentation, extraction and in-document entity resolution on one document.
pub fn analyse(doc: &Document, config: &Config) -> Analysis {
    let ctx = ExtractContext {
        config,
        published: doc.published.as_deref(),
    };
    let segmentation = segment_with(&doc.text, doc.format == Format::Markdown);
    let mentions = extract_mentions(&doc.text, &ctx);
    let entities = find_entities(&doc.text, &segmentation);
    Analysis {
        segmentation,
        mentions,
        entities,
    }
}

/// Every claim of one document, sorted by offset.
pub fn extract(doc: &Document, config: &Config) -> Vec<Claim> {
    extract_all(std::slice::from_ref(doc), config)
}

/// Every claim of every document, sorted by document id and offset, with names merged
/// across the documents.
pub fn extract_all(docs: &[Document], config: &Config) -> Vec<Claim> {
    // Each document on its own, on every core; collected in document order.
    let analyses: Vec<Analysis> = docs.par_iter().map(|d| analyse(d, config)).collect();
    // Each analysis is dropped as soon as its document's claims are built.
    build_all(docs, analyses, config)
}

/// [`check`] with each document's analysis read from `cache` when it holds it, and
/// written there when it does not. Also returns a warning for each cache entry that
/// could not be read or written (its document is analysed anyway): the report is the
/// one [`check`] gives.
pub fn check_cached(docs: &[Document], config: &Config, cache: &Cache) -> (Report, Vec<String>) {
    let results: Vec<(Analysis, Option<String>)> = docs
        .par_iter()
        .map(|d| {
            let key = cache.key(d);
            let mut warning = None;
            match cache.get(&key) {
                Ok(Some(a)) => return (a, None),
                Ok(None) => {}
                Err(e) => warning = Some(format!("cache entry unusable, analysed again: {e}")),
            }
            let a = analyse(d, config);
            if let Err(e) = cache.put(&key, &a) {
                warning.get_or_insert_with(|| {
                    format!("cannot write the cache in {}: {e}", cache.dir().display())
                });
            }
            (a, warning)
        })
        .collect();
    let mut warnings = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut analyses = Vec::with_capacity(results.len());
    for (a, w) in results {
        analyses.push(a);
        // An unwritable folder fails alike for every document: said once.
        warnings.extend(w.filter(|w| seen.insert(w.clone())));
    }
    let claims = build_all(docs, analyses, config);
    (report_of(docs, claims, config), warnings)
}

/// Turns analyses into sorted claims: merges names, then builds each document's claims.
pub fn claims_of(docs: &[Document], analyses: &[Analysis], config: &Config) -> Vec<Claim> {
    build_all(docs, analyses.iter().collect(), config)
}

/// [`claims_of`] over owned or borrowed analyses, one per document.
fn build_all<A>(docs: &[Document], analyses: Vec<A>, config: &Config) -> Vec<Claim>
where
    A: std::borrow::Borrow<Analysis> + Send,
{
    let lexicon = Lexicon::for_config(config);
    let (names, stories) = {
        let entity_lists: Vec<&[EntityMention]> = analyses
            .iter()
            .map(|a| a.borrow().entities.as_slice())
            .collect();
        let names = merge_names(&entity_lists, config);
        // Open quantities with no owner in their sentence are about the story their
        // document tells.
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let stories = story_labels(&entity_lists, &texts, &names);
        (names, stories)
    };
    let per_doc: Vec<Vec<Claim>> = docs
        .par_iter()
        .zip(analyses)
        .zip(&stories)
        .map(|((d, a), story)| {
            let mut claims = build_claims(d, a.borrow(), &names, &lexicon, config);
            for c in &mut claims {
                if c.subject_rule == SubjectRule::Story {
                    c.subject = Some(story.clone());
                }
                c.story = Some(story.clone());
            }
            claims
        })
        .collect();
    let mut claims: Vec<Claim> = Vec::with_capacity(per_doc.iter().map(Vec::len).sum());
    for c in per_doc {
        claims.extend(c);
    }
    sort_claims(&mut claims);
    claims
}

/// The one ordering users see: document id, then offset.
pub fn sort_claims(claims: &mut [Claim]) {
    claims.sort_by(|a, b| {
        (&a.doc, a.span.start, a.span.end, &a.id).cmp(&(&b.doc, b.span.start, b.span.end, &b.id))
    });
}

/// Checks documents against each other: every group of two or more claims with its
/// verdict (agreeing groups included, verdict `agree`), plus derived conflicts. Findings
/// are sorted most severe first, then by subject, attribute and fingerprint.
pub fn check(docs: &[Document], config: &Config) -> Report {
    let claims = extract_all(docs, config);
    report_of(docs, claims, config)
}

/// Groups and diffs already-built claims into a report.
pub fn report_of(docs: &[Document], claims: Vec<Claim>, config: &Config) -> Report {
    let lexicon = Lexicon::for_config(config);
    let groups = group_claims(
        &claims,
        |a| lexicon.group_key(a),
        config.matching.same_quantity_ratio,
    );
    let mut findings = diff_groups(&groups, &claims, config, &lexicon);
    sort_findings(&mut findings);
    let documents = DocumentInfo::list(docs);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let compared = groups
        .iter()
        .filter(|g| {
            let first = &claims[g.claims[0]].doc;
            g.claims.iter().any(|&i| &claims[i].doc != first)
        })
        .map(|g| g.claims.len())
        .sum();
    let summary = Summary {
        documents: documents.len(),
        claims: claims.len(),
        groups: groups.iter().filter(|g| g.claims.len() >= 2).count(),
        compared,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
    };
    Report {
        version: 1,
        documents,
        claims,
        findings,
        summary,
    }
}

/// Most severe first, then subject, attribute, fingerprint.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.severity),
            &a.subject,
            &a.attribute,
            &a.fingerprint,
        )
            .cmp(&(
                std::cmp::Reverse(b.severity),
                &b.subject,
                &b.attribute,
                &b.fingerprint,
            ))
    });
}

impl Report {
    /// Drops the findings whose verdict is `agree` (what `check` prints without `--all`).
    pub fn drop_agreements(&mut self) {
        self.findings.retain(|f| f.verdict != Verdict::Agree);
    }
}

fn build_claims(
    doc: &Document,
    an: &Analysis,
    names: &NameMap,
    lexicon: &Lexicon,
    config: &Config,
) -> Vec<Claim> {
    let seg = &an.segmentation;
    let mut lines = LineCursor::new(&doc.source);
    let memo = SubjectMemo::default();
    let times: Vec<TimeMention> = time_mentions(&doc.text, &an.mentions, seg);
    let figures: Vec<(usize, usize)> = an
        .mentions
        .iter()
        .filter(|m| !matches!(m.kind, Kind::Year | Kind::Date | Kind::Ordinal | Kind::Time))
        .map(|m| (m.start, m.end))
        .collect();
    let scope = ScopeContext {
        text: &doc.text,
        seg,
        times: &times,
        figures: &figures,
        published: doc.published.as_deref().and_then(AsOf::parse),
    };
    let mut out: Vec<Claim> = Vec::new();
    // (sentence, view range, family) of the previous claim, for appositions.
    let mut prev: Option<(usize, usize, Option<usize>, Option<String>)> = None;
    let mut claim_of_mention: Vec<Option<usize>> = vec![None; an.mentions.len()];
    // The previous claim and where its figure ends, for conversions in brackets.
    let mut last: Option<(usize, usize)> = None;
    for (mi, m) in an.mentions.iter().enumerate() {
        // "Labour has 412 seats, a gain of 214": a bare number right after a counted
        // figure counts the same noun.
        let elided = elided_count(&doc.text, &an.mentions, mi);
        let m = elided.as_ref().unwrap_or(m);
        let Some(si) = seg.sentence_at(m.start) else {
            continue;
        };
        let sentence = &seg.sentences[si];
        if sentence.chrome {
            continue;
        }
        let mut claim = make_claim(doc, &mut lines, m, sentence);
        let unit = unit_of(m.kind, m.unit.as_deref());
        claim.dimension = unit.dimension;
        claim.base = unit.to_base(&m.value);
        // Amounts meet across currencies only through configured rates.
        if m.kind == Kind::Money {
            if let Some(rate) = m.unit.as_deref().and_then(|c| config.rates.to_usd(c)) {
                let f = |x: Option<f64>| x.map(|x| x * rate);
                claim.base = Interval::new(f(m.value.low), f(m.value.point), f(m.value.high));
                claim.compared_in = Some("USD".into());
            }
        }
        if unit.dimension == Dimension::ClockTime {
            claim.base = wrap_day(claim.base);
        }
        // Everything per figure looks only this far around it, so that run-on text
        // stays linear.
        let (base, limit) = figure_window(&doc.text, sentence, (m.start, m.end));
        let sent_text = &doc.text[base..limit];
        let fig = (m.start - base, m.end.min(limit) - base);
        let mut family = None;
        let mut trigger = None;
        let mut role = SubjectRole::Any;
        if m.kind == Kind::Age {
            // "dropped out at 19", "co-founded it at age 19": an age at an event, not now.
            let lead = doc.text[base..m.start].to_ascii_lowercase();
            let last_words: Vec<&str> = lead.split_whitespace().rev().take(2).collect();
            let at_event = claim.text.to_ascii_lowercase().starts_with("at ")
                || last_words.first() == Some(&"at")
                || last_words == ["age", "at"];
            if !at_event && !ages_a_thing(doc.text.get(m.end..limit).unwrap_or("")) {
                claim.attribute = Some("age".into());
                role = SubjectRole::Person;
            } else if at_event {
                // "Since he co-founded Scale at 19": the age at a founding, with what was
                // founded as the claim's object.
                if let Some(at) = FOUNDING_VERBS
                    .iter()
                    .filter_map(|v| find_words(&lead, v).last().map(|i| (i, i + v.len())))
                    .max()
                {
                    claim.attribute = Some("age_at_founding".into());
                    role = SubjectRole::Person;
                    claim.object = choose_subject(&SubjectQuery {
                        text: &doc.text,
                        seg,
                        entities: &an.entities,
                        names,
                        sentence: si,
                        figure: (m.start, m.end),
                        trigger: Some((base + at.0, base + at.1)),
                        role: SubjectRole::Target,
                        kind: m.kind,
                        memo: &memo,
                    });
                }
            }
        } else if let Some(am) = (m.kind != Kind::Date
            // A weekday's date was read from the tense of its clause: good enough to
            // compare as info, never as a lexicon fact.
            || !names_weekday(&claim.text))
        .then(|| {
            lexicon.classify(
                sent_text,
                &Figure {
                    span: fig,
                    kind: m.kind,
                    unit: m.unit.as_deref(),
                    value: m.value.point,
                    others: &window_figures(&figures, (base, limit), m),
                },
            )
        })
        .flatten()
        {
            let f = &lexicon.families()[am.family];
            let lead = doc.text.get(base..m.start).unwrap_or("");
            let level = lead
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.eq_ignore_ascii_case("to") || w.eq_ignore_ascii_case("from"));
            if !(f.change && level) {
                family = Some(am.family);
                trigger = am.trigger.map(|(a, b)| (a + base, b + base));
                claim.attribute = Some(lexicon.refine(
                    am.family,
                    sent_text,
                    am.trigger.map_or(fig.0, |t| t.0),
                    fig.1,
                ));
                role = f.subject;
            }
        }
        // "paying $2 billion for nearly 50% of Tessellate Robotics": a share of a named
        // organisation is a stake in it.
        if claim.attribute.is_none() && m.kind == Kind::Percent {
            if let Some(stake) = lexicon.family("ownership_stake") {
                if percent_of_name(&doc.text, m.end, &an.entities, names) {
                    family = Some(stake);
                    trigger = None;
                    claim.attribute = Some("ownership_stake".into());
                    role = lexicon.families()[stake].subject;
                }
            }
        }
        // "About 450 of the 1,180 cuts": a part of a whole states nothing about the whole.
        let after = doc.text.get(m.end..limit).unwrap_or("");
        // A bare "one" is mostly a determiner or pronoun ("one camp counselor", "only
        // one survived"): too weak to compare.
        let bare_one = matches!(m.kind, Kind::Count | Kind::Number)
            && m.unit.is_none()
            && claim.text.eq_ignore_ascii_case("one");
        // "Of those bodies, 22 adults and 10 children are still unidentified": figures of
        // a sentence that opens on a part of something counted before.
        let of_those = {
            let opening = doc.text.get(sentence.start..m.start).unwrap_or("");
            let lower = opening.trim_start().to_ascii_lowercase();
            [
                "of those ",
                "of these ",
                "of them",
                "of the dead",
                "of the victims",
                "among them",
                "among those ",
            ]
            .iter()
            .any(|p| lower.starts_with(p))
                && opening.contains(',')
        };
        let partitive = bare_one
            || of_those
            || is_partitive(after)
            || (matches!(m.kind, Kind::Count | Kind::Number) && is_part_of_group(after))
            || is_increment(
                doc.text.get(base..m.start).unwrap_or(""),
                &claim.text,
                after,
            );
        // "Photo caption: Mourners in Moulay Brahim on September 9": the time of a
        // picture, not of the events the story tells.
        let photo_time = matches!(m.kind, Kind::Date | Kind::Year | Kind::Time)
            && is_caption(doc.text.get(sentence.start..m.start).unwrap_or(""));
        let partitive = partitive || photo_time;
        if partitive {
            claim.attribute = None;
            family = None;
        }
        // "expects revenue of $4.0bn", "projected to reach $3.1 trillion": a forecast is
        // not the figure itself.
        if let Some(a) = &claim.attribute {
            if is_forecast(doc.text.get(base..m.start).unwrap_or("")) {
                claim.attribute = Some(format!("{a}_forecast"));
            } else if m.kind == Kind::Money
                && is_offer(doc.text.get(base..m.start).unwrap_or(""), after)
            {
                // "UBS's first offer was only $1 billion": a bid is not the agreed price,
                // and bids move during talks.
                claim.attribute = Some(format!("{a}_offer"));
                claim.volatile = true;
            }
        }
        // "14% of its workforce—roughly 200 employees": a count in apposition restates
        // the figure before it.
        if let Some((psi, pend, Some(pfam), psubject)) = &prev {
            let gap = doc.text.get(*pend..m.start).unwrap_or("x");
            let apposition = *psi == si
                && gap
                    .trim()
                    .chars()
                    .all(|c| matches!(c, ',' | '—' | '–' | '-' | '(' | ' '))
                && matches!(m.kind, Kind::Count | Kind::Number);
            if apposition {
                if let Some(pair) = lexicon.families()[*pfam].pair.as_deref() {
                    if let Some(pi) = lexicon.family(pair) {
                        family = Some(pi);
                        trigger = None;
                        claim.attribute = Some(pair.to_string());
                        claim.subject = psubject.clone();
                        role = lexicon.families()[pi].subject;
                    }
                }
            }
        }
        // Every other figure of the main story: an open quantity read from its words.
        if claim.attribute.is_none()
            && !partitive
            && sentence.segment == 0
            && m.kind != Kind::Ordinal
        {
            if let Some(q) =
                open_quantity(sent_text, fig, m.kind, m.unit.as_deref(), unit.dimension)
            {
                let possessive = possessive_owner(&doc.text, &an.entities, names, base, m.start);
                // A running tally (cases, deaths) belongs to its event or place, and the name
                // that opens its clause is mostly the agency that counts it.
                let actor = (!q.volatile)
                    .then(|| {
                        clause_subject(
                            &doc.text,
                            &an.entities,
                            names,
                            (base, limit),
                            (m.start, m.end),
                            unit.dimension == Dimension::Currency,
                        )
                    })
                    .flatten();
                claim.identity = Some(Identity {
                    quantity_rule: q.rule.to_string(),
                    quantity_words: q.words,
                });
                claim.subject_rule = if possessive.is_some() {
                    SubjectRule::Possessive
                } else if actor.is_some() {
                    SubjectRule::Named
                } else {
                    SubjectRule::Story
                };
                let owner = possessive.or(actor);
                // A forecast is not the figure itself (as for lexicon families above).
                let forecast = is_forecast(doc.text.get(base..m.start).unwrap_or(""));
                claim.attribute = Some(if forecast {
                    format!("{}_forecast", q.name)
                } else {
                    q.name
                });
                claim.volatile = q.volatile;
                // "In Wales, Labour took its total to 27 seats": a count told of one place
                // is that place's part (tallies are placed below).
                let scene = (!q.volatile && unit.dimension == Dimension::Count)
                    .then(|| scene_place(&doc.text, &an.entities, names, sentence.start, m.start))
                    .flatten()
                    .filter(|p| owner.as_ref() != Some(p));
                let owner = match (owner, scene) {
                    (Some(o), Some(p)) => Some(format!("{o} in {p}")),
                    (None, Some(p)) => {
                        claim.subject_rule = SubjectRule::Place;
                        Some(p)
                    }
                    (o, None) => o,
                };
                claim.subject = owner;
                // "cut the repo rate by 0.25%": the change of a rate counts points.
                if q.rate_change {
                    claim.unit = Some(crate::extract::percent::POINT.into());
                    claim.dimension = Dimension::PercentagePoint;
                }
            }
        }
        // "€100m plus up to €20m in add-ons", "$2bn in cash": the part of an amount paid
        // in one form is not the whole.
        if m.kind == Kind::Money {
            if let (Some(a), Some(part)) = (&claim.attribute, paid_in(after)) {
                claim.attribute = Some(format!("{a} in {part}"));
            }
        }
        // An event's tally (deaths, injuries, missing) is about the story, or a place
        // named with it (below); never an agency or outlet cited beside it.
        if claim.identity.is_none()
            && claim.subject.is_none()
            && family.is_some_and(|f| lexicon.families()[f].subject == SubjectRole::Event)
        {
            claim.subject_rule = SubjectRule::Story;
        }
        if claim.attribute.is_some()
            && claim.subject.is_none()
            && claim.subject_rule == SubjectRule::Named
            && claim.identity.is_none()
        {
            claim.subject = choose_subject(&SubjectQuery {
                text: &doc.text,
                seg,
                entities: &an.entities,
                names,
                sentence: si,
                figure: (m.start, m.end),
                trigger,
                role,
                kind: m.kind,
                memo: &memo,
            });
            // No name fits: the figure is about the story its document tells.
            if claim.subject.is_none() && sentence.segment == 0 {
                claim.subject_rule = SubjectRule::Story;
            }
        }
        // "Credit Suisse shares were down 24 percent": a change in shares or stock is the
        // company's whose shares they are.
        if matches!(m.kind, Kind::Percent | Kind::Money) && claim.attribute.is_some() {
            if let Some(owner) = shares_owner(&doc.text, &an.entities, names, base, m.start) {
                claim.subject = Some(owner);
                claim.subject_rule = SubjectRule::Possessive;
            }
        }
        // A tally counted in a place ("six people died in Travis County", "511 deaths in
        // DR Congo") is about that place, not the whole story.
        if family.is_some_and(|f| lexicon.families()[f].volatile) {
            claim.volatile = true;
        }
        let tally = claim.volatile;
        if tally {
            if let Some(place) = place_owner(
                &doc.text,
                &an.entities,
                names,
                sentence.start,
                m.start,
                (m.end, limit),
            ) {
                claim.subject = Some(place);
                claim.subject_rule = SubjectRule::Place;
            }
        }
        if !matches!(m.kind, Kind::Year | Kind::Date) {
            let (when, source) = as_of(&scope, si, (m.start, m.end), m.kind);
            claim.as_of = when;
            claim.as_of_source = source;
            claim.period = period_of(sent_text, fig)
                .map(str::to_string)
                .or_else(|| played_in(&doc.text, &an.mentions, mi, limit));
        }
        // "215,900 yuan ($30,408)", "26 feet (8 meters)", "1,650°C, or 3,000°F": a
        // conversion restates the figure before it and says what it says.
        if let Some((pi, pend)) = last {
            let p: &Claim = &out[pi];
            let convertible = claim.dimension.is_measure()
                || matches!(claim.dimension, Dimension::Currency | Dimension::ClockTime);
            if convertible
                && p.dimension == claim.dimension
                && p.attribute.is_some()
                && is_restatement(doc.text.get(pend..m.start).unwrap_or("x"))
            {
                claim.attribute = p.attribute.clone();
                claim.subject = p.subject.clone();
                claim.subject_rule = p.subject_rule;
                claim.identity = p.identity.clone();
                claim.volatile = p.volatile;
            }
        }
        let reach = trigger.map_or(m.end, |t| t.1.max(m.end));
        prev = Some((si, reach, family, claim.subject.clone()));
        last = Some((out.len(), m.end));
        claim_of_mention[mi] = Some(out.len());
        out.push(claim);
    }
    // "rose to at least 112, up from 78": both ends of a change share what they state.
    for (mi, m) in an.mentions.iter().enumerate() {
        let pair = m
            .change_from
            .and_then(|j| Some((claim_of_mention.get(j).copied()??, claim_of_mention[mi]?)));
        if let Some((a, b)) = pair {
            out[a].in_change = true;
            out[b].in_change = true;
            let (from, to) = if out[a].attribute.is_none() {
                (b, a)
            } else {
                (a, b)
            };
            if out[to].attribute.is_none() && out[from].attribute.is_some() {
                out[to].attribute = out[from].attribute.clone();
                out[to].subject = out[from].subject.clone();
            }
        }
    }
    out
}

/// Whether a sentence opens as a picture's caption ("Photo caption: …", "Pictured: …").
fn is_caption(opening: &str) -> bool {
    let opening = opening.trim_start();
    let lower = opening.get(..16).unwrap_or(opening).to_ascii_lowercase();
    [
        "photo caption",
        "caption:",
        "photo:",
        "picture:",
        "image:",
        "pictured:",
        "file photo",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Forms an amount is paid in, as "N in X" names them.
const PAID_IN: &[&str] = &[
    "add-ons",
    "add-on",
    "bonuses",
    "bonus",
    "incentives",
    "variables",
    "debt",
    "cash",
    "stock",
    "shares",
    "fees",
    "wages",
    "salary",
    "payments",
    "instalments",
    "installments",
    "loans",
    "guarantees",
    "deposits",
    "assets",
    "liabilities",
    "aid",
    "grants",
];

/// The form "in X" right after an amount names ("€20m in add-ons" → "add-ons").
fn paid_in(after: &str) -> Option<&'static str> {
    let rest = after.trim_start().strip_prefix("in ")?.trim_start();
    let rest = rest
        .strip_prefix("potential ")
        .or_else(|| rest.strip_prefix("further "))
        .unwrap_or(rest);
    let word: &str = rest
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .next()
        .unwrap_or("");
    PAID_IN
        .iter()
        .copied()
        .find(|w| word.eq_ignore_ascii_case(w))
}

/// The mention at `mi` read as a count of the noun of the counted figure just before it
/// in its clause ("412 seats, a gain of 214", "412 seats, against the Conservatives'
/// 121"), when it is a bare whole number.
fn elided_count(text: &str, mentions: &[Mention], mi: usize) -> Option<Mention> {
    let m = &mentions[mi];
    let prev = mentions.get(mi.checked_sub(1)?)?;
    if m.kind != Kind::Number || m.unit.is_some() || prev.kind != Kind::Count {
        return None;
    }
    let noun = prev.unit.as_ref()?;
    let gap = text.get(prev.end..m.start)?;
    let whole = m.value.point.is_some_and(|v| v.fract() == 0.0 && v > 1.0);
    let after = text.get(m.end..).unwrap_or("").trim_start();
    // A noun of its own after it ("214 more", "121 of them") is not elided.
    // "… short of the 419 Tony Blair won": a name and its verb after the number.
    let relative = after.starts_with(char::is_uppercase)
        && after.split_whitespace().take(4).skip(1).any(|w| {
            matches!(
                w,
                "won" | "had" | "took" | "scored" | "held" | "secured" | "got"
            )
        });
    let bare = after.is_empty()
        || after.starts_with([',', '.', ';', ')', ':'])
        || after.starts_with("and ")
        || relative;
    if !whole || !bare || gap.len() > 60 || gap.contains(['.', ';', ':', '(', ')']) {
        return None;
    }
    let mut e = m.clone();
    e.kind = Kind::Count;
    e.unit = Some(noun.clone());
    Some(e)
}

/// The other figures within a window, as byte ranges relative to its start.
fn window_figures(
    figures: &[(usize, usize)],
    window: (usize, usize),
    m: &Mention,
) -> Vec<(usize, usize)> {
    let lo = figures.partition_point(|f| f.0 < window.0);
    figures[lo..]
        .iter()
        .take_while(|f| f.1 <= window.1)
        .filter(|f| (f.0, f.1) != (m.start, m.end))
        .map(|f| (f.0 - window.0, f.1 - window.0))
        .collect()
}

fn make_claim(
    doc: &Document,
    lines: &mut LineCursor,
    m: &Mention,
    sentence: &crate::segment::Sentence,
) -> Claim {
    let (start, end) = doc.source_range(m.start, m.end);
    let (line, column) = lines.line_col(&doc.source, start);
    // An HTML figure quotes what a reader sees (`1,200 people`), never the tags and
    // references its bytes hold (`1,200</b> people`); its span still points into the page.
    let text = if doc.format == Format::Html {
        fold_whitespace(doc.text.get(m.start..m.end).unwrap_or_default())
    } else {
        doc.source.get(start..end).unwrap_or_default().to_string()
    };
    // The quoted sentence, cut around the figure when it runs on.
    let (lo, hi) = figure_window(&doc.text, sentence, (m.start, m.end));
    let mut sentence_text = String::new();
    if lo > sentence.start {
        sentence_text.push('…');
    }
    sentence_text.push_str(&fold_whitespace(doc.text.get(lo..hi).unwrap_or_default()));
    if hi < sentence.end {
        sentence_text.push('…');
    }
    Claim {
        sentence: sentence_text,
        unit: m.unit.clone(),
        qualifier: m.qualifier,
        date: m.date.clone(),
        per: m.per.clone(),
        segment: sentence.segment,
        ..Claim::new(
            &doc.id,
            Span {
                start,
                end,
                line,
                column,
            },
            &text,
            m.kind,
            m.value,
        )
    }
}

/// Collapses runs of whitespace to one space.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::text_document;

    /// The claims of one plain-text document published on `date`.
    fn claims(text: &str, date: &str) -> Vec<Claim> {
        let mut doc = text_document("a.txt".into(), text.into());
        doc.published = Some(date.into());
        extract(&doc, &Config::default())
    }

    fn find<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim {text:?} in {claims:?}"))
    }

    #[test]
    fn a_part_of_a_whole_gets_no_quantity() {
        let c = claims(
            "Keller will cut 1,180 jobs. About 450 of the 1,180 cuts fall in Austin.",
            "2025-03-05",
        );
        assert!(find(&c, "About 450").attribute.is_none());
        assert!(find(&c, "1,180 jobs").attribute.is_some());
    }

    #[test]
    fn games_played_belong_to_the_figures_they_follow() {
        let c = claims(
            "He scored 28 goals and 12 assists in 30 games. He is 48 goals short of the record of 260 goals in 441 matches.",
            "2023-08-11",
        );
        assert_eq!(find(&c, "28 goals").period.as_deref(), Some("in 30 games"));
        assert_eq!(
            find(&c, "12 assists").period.as_deref(),
            Some("in 30 games")
        );
        assert_eq!(find(&c, "48 goals").period, None);
        assert_eq!(
            find(&c, "260 goals").period.as_deref(),
            Some("in 441 matches")
        );
    }

    #[test]
    fn a_weekday_is_a_date_but_never_a_lexicon_fact() {
        let c = claims(
            "The quake struck on Friday night, killing 2,000 people.",
            "2023-09-10",
        );
        let day = find(&c, "Friday night");
        assert_eq!(day.date.as_deref(), Some("2023-09-08"));
        assert_ne!(day.attribute.as_deref(), Some("event_date"));
    }

    #[test]
    fn a_count_told_of_one_place_is_that_places() {
        let c = claims(
            "Labour won 412 seats. In Wales, Labour took its total to 27 seats.",
            "2024-07-05",
        );
        assert_eq!(
            find(&c, "27 seats").subject.as_deref(),
            Some("Labour in Wales")
        );
        assert_eq!(find(&c, "412 seats").subject.as_deref(), Some("Labour"));
    }

    #[test]
    fn a_count_in_a_relative_clause_is_its_subjects() {
        let c = claims(
            "Labour's 412 seats fall a little short of the 419 Tony Blair won in 1997.",
            "2024-07-05",
        );
        let blair = find(&c, "419");
        assert_eq!(blair.unit.as_deref(), Some("seats"));
        assert_eq!(blair.subject.as_deref(), Some("Tony Blair"));
    }

    #[test]
    fn a_captions_date_is_the_pictures() {
        let c = claims(
            "Photo caption: Mourners beside a quake victim in Moulay Brahim on September 9, 2023.\n\nMourners beside a quake victim in Moulay Brahim on September 10, 2023.",
            "2023-09-10",
        );
        assert_eq!(find(&c, "September 9, 2023").attribute, None);
        // The same words outside a caption date the quake.
        assert!(find(&c, "September 10, 2023").attribute.is_some());
        assert!(is_caption("Pictured: the rescue"));
        assert!(!is_caption("The quake struck"));
    }

    #[test]
    fn an_amount_paid_in_a_form_is_a_part_of_the_price() {
        let c = claims(
            "Bayern agreed to pay Tottenham €100m plus up to €20m in add-ons for Kane.",
            "2023-08-11",
        );
        let whole = find(&c, "€100m").attribute.clone().unwrap();
        let part = find(&c, "up to €20m").attribute.clone().unwrap();
        assert_eq!(part, format!("{whole} in add-ons"));
        assert_eq!(paid_in(" in cash and stock"), Some("cash"));
        assert_eq!(paid_in(" in 2023"), None);
    }

    #[test]
    fn a_forecast_is_its_own_quantity() {
        let c = claims(
            "Keller posted revenue of $4.2 billion. It expects revenue of $4.6 billion next year.",
            "2025-03-05",
        );
        let fact = find(&c, "$4.2 billion").attribute.clone().unwrap();
        let forecast = find(&c, "$4.6 billion").attribute.clone().unwrap();
        assert_eq!(forecast, format!("{fact}_forecast"));
    }

    #[test]
    fn an_open_figure_gets_a_quantity_owner_and_time() {
        let c = claims(
            "Marta Quell had 6,400 hours of flying experience when the glider came down.",
            "2026-05-14",
        );
        let h = find(&c, "6,400 hours");
        assert_eq!(h.subject.as_deref(), Some("Marta Quell"));
        assert_eq!(h.subject_rule, SubjectRule::Named);
        assert_eq!(h.attribute.as_deref(), Some("experience"));
        assert_eq!(
            h.as_of.map(|t| t.to_string()).as_deref(),
            Some("2026-05-14")
        );
    }
}
