//! Attributes: decides what a figure states about its subject (`valuation`, `age`,
//! `layoffs_percent`, …) from trigger phrases near it. The lexicon is data: one TOML file
//! per family under `attributes/`, compiled in, extendable from config
//! (`[attributes] valuation = ["priced the company at"]`).
//!
//! Sits after extraction and entity resolution; the pipeline calls [`Lexicon::classify`]
//! for each figure with its sentence.

use crate::claim::Kind;
use crate::config::Config;
use crate::text::at_word_boundaries;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Which entity a family's figures are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectRole {
    /// A person (age, birth year, net worth).
    Person,
    /// An organisation (revenue, headcount).
    Org,
    /// The thing acted on: "in X", "of X" after the figure, else an organisation
    /// (valuation, investment, stake).
    Target,
    /// An event or place (deaths, injuries): the nearest name, else the story's main one.
    Event,
    /// A share: "in X"/"of X" after the figure, else the holder, person or organisation.
    Stake,
    /// Any named thing.
    Any,
}

/// One attribute family as read from its data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// The attribute name claims carry.
    pub name: String,
    /// Claim kinds the family applies to.
    pub kinds: Vec<Kind>,
    /// Which entity the figure is about.
    pub subject: SubjectRole,
    /// Phrases that precede the figure.
    #[serde(default)]
    pub before: Vec<String>,
    /// Phrases that follow the figure.
    #[serde(default)]
    pub after: Vec<String>,
    /// Count units (counted nouns) that imply the family.
    #[serde(default)]
    pub units: Vec<String>,
    /// The counted nouns this family accepts; empty means any.
    #[serde(default)]
    pub accept_units: Vec<String>,
    /// The family a count in apposition right after this figure takes.
    #[serde(default)]
    pub pair: Option<String>,
    /// Smallest plausible value (figures below it are about something else).
    #[serde(default)]
    pub min: Option<f64>,
    /// Largest plausible value.
    #[serde(default)]
    pub max: Option<f64>,
    /// Metric words that, standing before the trigger in the clause, rename the
    /// attribute ("shares fell 9%" → `share_price_change`, "revenue grew 8%" →
    /// `revenue_growth`).
    #[serde(default)]
    pub refine: std::collections::BTreeMap<String, String>,
    /// Nouns right after the figure that name another thing measured ("aftershock"),
    /// with the attribute they give.
    #[serde(default)]
    pub heads: std::collections::BTreeMap<String, String>,
    /// The attribute whose group this family's figures join (figures stated as a price
    /// and as an investment are compared).
    #[serde(default)]
    pub group: Option<String>,
    /// A running tally that changes from day to day (death tolls, share prices): figures
    /// from articles published on different days refer to different times.
    #[serde(default)]
    pub volatile: bool,
    /// The family states a change ("rose 5%"): a figure right after "to" or "from" is
    /// the level changed to or from, not the change.
    #[serde(default)]
    pub change: bool,
}

/// A figure as classification sees it: its span in the sentence, kind, count unit and
/// value, and the spans of the sentence's other figures.
#[derive(Debug, Clone, Copy)]
pub struct Figure<'a> {
    /// Byte range in the sentence.
    pub span: (usize, usize),
    /// Its kind.
    pub kind: Kind,
    /// Its count unit, if any.
    pub unit: Option<&'a str>,
    /// Its point value, if any.
    pub value: Option<f64>,
    /// Byte ranges of the sentence's other figures.
    pub others: &'a [(usize, usize)],
}

impl Family {
    /// Whether a count of `unit` can be this family's figure: families that name the
    /// nouns they count (`accept_units`) take only those (or no unit).
    pub fn counts(&self, unit: Option<&str>) -> bool {
        match unit {
            Some(u) if !self.accept_units.is_empty() => self
                .accept_units
                .iter()
                .chain(&self.units)
                .any(|a| a.eq_ignore_ascii_case(u)),
            _ => true,
        }
    }

    /// Whether `value` is plausible for this family.
    pub fn admits(&self, value: Option<f64>) -> bool {
        match value {
            Some(v) => self.min.is_none_or(|m| v >= m) && self.max.is_none_or(|m| v <= m),
            None => true,
        }
    }
}

/// The built-in lexicon files, one family each.
const BUILTIN: &[(&str, &str)] = &[
    ("valuation", include_str!("../attributes/valuation.toml")),
    (
        "investment_amount",
        include_str!("../attributes/investment_amount.toml"),
    ),
    (
        "funding_raised",
        include_str!("../attributes/funding_raised.toml"),
    ),
    (
        "acquisition_price",
        include_str!("../attributes/acquisition_price.toml"),
    ),
    (
        "ownership_stake",
        include_str!("../attributes/ownership_stake.toml"),
    ),
    ("net_worth", include_str!("../attributes/net_worth.toml")),
    ("revenue", include_str!("../attributes/revenue.toml")),
    ("profit", include_str!("../attributes/profit.toml")),
    (
        "contract_value",
        include_str!("../attributes/contract_value.toml"),
    ),
    ("price", include_str!("../attributes/price.toml")),
    (
        "layoffs_count",
        include_str!("../attributes/layoffs_count.toml"),
    ),
    (
        "layoffs_percent",
        include_str!("../attributes/layoffs_percent.toml"),
    ),
    ("headcount", include_str!("../attributes/headcount.toml")),
    (
        "contractor_count",
        include_str!("../attributes/contractor_count.toml"),
    ),
    ("deaths", include_str!("../attributes/deaths.toml")),
    ("injuries", include_str!("../attributes/injuries.toml")),
    ("missing", include_str!("../attributes/missing.toml")),
    ("evacuated", include_str!("../attributes/evacuated.toml")),
    ("magnitude", include_str!("../attributes/magnitude.toml")),
    (
        "growth_percent",
        include_str!("../attributes/growth_percent.toml"),
    ),
    (
        "market_share",
        include_str!("../attributes/market_share.toml"),
    ),
    (
        "tariff_rate",
        include_str!("../attributes/tariff_rate.toml"),
    ),
    (
        "founding_year",
        include_str!("../attributes/founding_year.toml"),
    ),
    ("birth_year", include_str!("../attributes/birth_year.toml")),
    ("event_date", include_str!("../attributes/event_date.toml")),
];

/// How far (in words) a trigger before the figure may stand.
const BEFORE_WINDOW: usize = 10;
/// How far (in words) a trigger after the figure may stand.
const AFTER_WINDOW: usize = 3;
/// The score a matching count unit gets (lower is better; a trigger word at distance d
/// scores d).
const UNIT_SCORE: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// Every attribute name a config may refer to (`[severity]`, `[[facts]]`,
/// `[[ignore]]`): the families' names and the names they refine to, the open
/// quantities named by `attributes/synonyms.toml` (the first word of each set), the
/// ages the pipeline gives by kind, and the names `config.attributes` adds.
pub fn attribute_names(config: &Config) -> std::collections::BTreeSet<String> {
    #[derive(Deserialize)]
    struct Sets {
        set: Vec<Set>,
    }
    #[derive(Deserialize)]
    struct Set {
        words: Vec<String>,
    }
    let mut names = std::collections::BTreeSet::new();
    for f in Lexicon::for_config(config).families() {
        names.insert(f.name.clone());
        names.extend(f.refine.values().cloned());
        names.extend(f.heads.values().cloned());
        names.extend(f.group.iter().cloned());
    }
    if let Ok(sets) = toml::from_str::<Sets>(include_str!("../attributes/synonyms.toml")) {
        names.extend(
            sets.set
                .into_iter()
                .filter_map(|s| s.words.into_iter().next()),
        );
    }
    // Given by the pipeline from the claim's kind, not by a family.
    names.extend(["age", "age_at_founding"].map(String::from));
    names.extend(config.attributes.keys().cloned());
    names
}

/// The names built in (without config additions), for telling a typo from a new name.
pub fn builtin_attribute_names() -> std::collections::BTreeSet<String> {
    attribute_names(&Config::default())
}

/// All attribute families with one automaton over their trigger phrases.
#[derive(Debug, Clone)]
pub struct Lexicon {
    families: Vec<Family>,
    automaton: AhoCorasick,
    patterns: Vec<(usize, Side)>,
}

/// The attribute chosen for a figure and the trigger that chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeMatch {
    /// Index of the family in the lexicon.
    pub family: usize,
    /// Byte range of the trigger phrase in the sentence, when a phrase chose it.
    pub trigger: Option<(usize, usize)>,
}

impl Lexicon {
    /// The built-in families plus the extra triggers of `config.attributes` (a new
    /// attribute name there becomes a family of any kind, triggered before the figure).
    pub fn new(config: &Config) -> Result<Lexicon, String> {
        let mut families = Vec::new();
        for (file, text) in BUILTIN {
            let f: Family =
                toml::from_str(text).map_err(|e| format!("attributes/{file}.toml: {e}"))?;
            families.push(f);
        }
        for (name, extra) in &config.attributes {
            if let Some(f) = families.iter_mut().find(|f| &f.name == name) {
                f.before.extend(extra.iter().map(|s| s.to_lowercase()));
            } else {
                families.push(Family {
                    name: name.clone(),
                    kinds: vec![Kind::Money, Kind::Percent, Kind::Count, Kind::Number],
                    subject: SubjectRole::Any,
                    before: extra.iter().map(|s| s.to_lowercase()).collect(),
                    after: Vec::new(),
                    units: Vec::new(),
                    accept_units: Vec::new(),
                    pair: None,
                    refine: Default::default(),
                    heads: Default::default(),
                    group: None,
                    min: None,
                    max: None,
                    volatile: false,
                    change: false,
                });
            }
        }
        let mut phrases = Vec::new();
        let mut patterns = Vec::new();
        for (i, f) in families.iter().enumerate() {
            for p in &f.before {
                phrases.push(p.clone());
                patterns.push((i, Side::Before));
            }
            for p in &f.after {
                phrases.push(p.clone());
                patterns.push((i, Side::After));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .map_err(|e| e.to_string())?;
        Ok(Lexicon {
            families,
            automaton,
            patterns,
        })
    }

    /// The attribute name for a match of `family` whose trigger starts at `at` in
    /// `sentence`, for a figure ending at `fig_end`: the family's name, or the refinement
    /// named by the noun the figure qualifies ("the magnitude 5.4 aftershock"), or by the
    /// nearest metric word before the trigger in the same clause.
    pub fn refine(&self, family: usize, sentence: &str, at: usize, fig_end: usize) -> String {
        let f = &self.families[family];
        if !f.heads.is_empty() {
            let after = sentence.get(fig_end..).unwrap_or("").to_ascii_lowercase();
            let head = after
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .take(2)
                .find_map(|w| f.heads.get(w.trim_start_matches('-')));
            if let Some(name) = head {
                return name.clone();
            }
        }
        if f.refine.is_empty() {
            return f.name.clone();
        }
        let lead = sentence[..at.min(sentence.len())].to_ascii_lowercase();
        let clause_start = lead.rfind([';', ',', '.']).map_or(0, |i| i + 1);
        let clause = &lead[clause_start..];
        let best = f
            .refine
            .iter()
            .filter_map(|(word, name)| {
                clause
                    .match_indices(word.as_str())
                    .filter(|(i, _)| at_word_boundaries(clause, *i, i + word.len()))
                    .map(|(i, _)| i)
                    .last()
                    .map(|i| (i, name))
            })
            .max_by_key(|(i, _)| *i);
        best.map_or_else(|| f.name.clone(), |(_, n)| n.clone())
    }

    /// The attribute name groups use for `attribute`: its family's `group`, else itself.
    pub fn group_key<'a>(&'a self, attribute: &'a str) -> &'a str {
        self.family(attribute)
            .and_then(|i| self.families[i].group.as_deref())
            .unwrap_or(attribute)
    }

    /// The lexicon for `config`: the built-in one, built once per process, when the
    /// config adds no triggers; else built for it (the built-in one if the additions
    /// cannot be compiled).
    pub fn for_config(config: &Config) -> Cow<'static, Lexicon> {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        let builtin = || BUILTIN.get_or_init(Lexicon::builtin);
        if config.attributes.is_empty() {
            Cow::Borrowed(builtin())
        } else {
            Lexicon::new(config).map_or_else(|_| Cow::Borrowed(builtin()), Cow::Owned)
        }
    }

    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::new(&Config::default()).expect("built-in attribute files parse")
    }

    /// The families, in lexicon order.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// The family with this name.
    pub fn family(&self, name: &str) -> Option<usize> {
        self.families.iter().position(|f| f.name == name)
    }

    /// Picks the attribute of the figure at `fig` (byte range in `sentence`) of `kind`
    /// with count unit `unit`: the nearest trigger of a family that takes that kind, a
    /// trigger after the figure within three words or before it within eight, words in
    /// between counted; a matching count unit counts as a near trigger.
    pub fn classify(&self, sentence: &str, figure: &Figure<'_>) -> Option<AttributeMatch> {
        let Figure {
            span: fig,
            kind,
            unit,
            value,
            others,
        } = *figure;
        // A trigger with another figure between it and this one belongs to that one.
        let blocked = |a: usize, b: usize| others.iter().any(|o| o.0 >= a && o.0 < b);
        // (distance, longer phrase first, lexicon order)
        type Rank = (usize, std::cmp::Reverse<usize>, usize);
        let mut best: Option<(Rank, AttributeMatch)> = None;
        let mut consider = |rank: Rank, m: AttributeMatch| {
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                best = Some((rank, m));
            }
        };
        if let Some(u) = unit {
            for (i, f) in self.families.iter().enumerate() {
                if f.kinds.contains(&kind)
                    && f.admits(value)
                    && f.units.iter().any(|x| x.eq_ignore_ascii_case(u))
                {
                    consider(
                        (UNIT_SCORE, std::cmp::Reverse(0), i),
                        AttributeMatch {
                            family: i,
                            trigger: None,
                        },
                    );
                }
            }
        }
        // "holds 34% of the vote": a share of a common noun is no stake in a company
        // (read only when a stake's trigger is near).
        let share_of_thing = || share_of_common_noun(sentence.get(fig.1..).unwrap_or(""));
        for m in self.automaton.find_overlapping_iter(sentence) {
            let (fam, side) = self.patterns[m.pattern().as_usize()];
            let f = &self.families[fam];
            if !f.kinds.contains(&kind)
                || !f.admits(value)
                || !f.counts(unit)
                || !at_word_boundaries(sentence, m.start(), m.end())
                || (f.subject == SubjectRole::Stake && share_of_thing())
            {
                continue;
            }
            let score = match side {
                Side::Before if m.end() <= fig.0 => {
                    let gap = &sentence[m.end()..fig.0];
                    // Distance first: it stops counting past the window, so a long
                    // sentence with many figures stays cheap.
                    let d = words_in(gap, BEFORE_WINDOW);
                    if d > BEFORE_WINDOW || crosses_clause(gap) || blocked(m.end(), fig.0) {
                        continue;
                    }
                    // "1,670 injured, with 68 others missing", "2,376 have been
                    // injured, and 30 others are missing": a trigger right after another
                    // figure is that figure's.
                    let taken = others.iter().any(|o| {
                        o.1 <= m.start()
                            && sentence
                                .get(o.1..m.start())
                                .is_some_and(|g| words_in(g, 4) <= 3 && !g.contains([',', ';']))
                    });
                    if taken && gap.contains(',') {
                        continue;
                    }
                    d
                }
                Side::After if m.start() >= fig.1 => {
                    let gap = &sentence[fig.1..m.start()];
                    let d = words_in(gap, AFTER_WINDOW);
                    if d > AFTER_WINDOW
                        || gap.contains([';', '(', ')'])
                        || blocked(fig.1, m.start())
                    {
                        continue;
                    }
                    d
                }
                _ => continue,
            };
            consider(
                (score, std::cmp::Reverse(m.end() - m.start()), fam),
                AttributeMatch {
                    family: fam,
                    trigger: Some((m.start(), m.end())),
                },
            );
        }
        best.map(|(_, m)| m)
    }
}

/// The number of words in `s`, counted up to `limit + 1` (enough to tell "beyond the
/// window" without walking a long gap to its end).
fn words_in(s: &str, limit: usize) -> usize {
    s.split(|c: char| c.is_whitespace() || c == '—' || c == '–')
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .take(limit.saturating_add(1))
        .count()
}

/// Whether the text between a trigger and a figure crosses into another clause.
fn crosses_clause(gap: &str) -> bool {
    gap.contains(';')
        || gap.contains(" but ")
        || gap.contains(" while ")
        || gap.contains(" whereas ")
        || gap.contains(" and then ")
}

/// Nouns that, after "N% of the", still make the figure a stake ("14% of the company",
/// "14 per cent of the shares").
const OWNED: &[&str] = &[
    "company",
    "firm",
    "business",
    "group",
    "shares",
    "share",
    "stock",
    "equity",
    "capital",
    "bank",
    "lender",
    "startup",
    "start-up",
    "club",
    "team",
    "carmaker",
    "insurer",
    "airline",
    "maker",
    "operator",
    "venture",
    "unit",
    "subsidiary",
];

/// Whether the text right after a percentage makes it a share of a common noun ("of the
/// vote", "of all votes") rather than of an owned company.
fn share_of_common_noun(after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix("of ").map(str::trim_start) else {
        return false;
    };
    let rest = ["the ", "all ", "its ", "their "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
        .unwrap_or(rest);
    let word_end = rest
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(rest.len());
    rest.starts_with(|c: char| c.is_lowercase()) && !OWNED.contains(&&rest[..word_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(sentence: &str, figure: &str, kind: Kind, unit: Option<&str>) -> Option<String> {
        let lx = Lexicon::builtin();
        let s = sentence.find(figure).unwrap();
        lx.classify(
            sentence,
            &Figure {
                span: (s, s + figure.len()),
                kind,
                unit,
                value: None,
                others: &[],
            },
        )
        .map(|m| lx.families()[m.family].name.clone())
    }

    #[test]
    fn every_builtin_family_parses_and_names_match_files() {
        let lx = Lexicon::builtin();
        for (file, _) in BUILTIN {
            assert!(lx.family(file).is_some(), "{file}");
        }
    }

    #[test]
    fn valued_at_is_a_valuation() {
        assert_eq!(
            attr(
                "the company, valued at $13 billion at the time",
                "$13 billion",
                Kind::Money,
                None
            )
            .as_deref(),
            Some("valuation")
        );
        assert_eq!(
            attr("After a brief dip in valuation in 2023, Scale recently rebounded to nearly $14 billion", "nearly $14 billion", Kind::Money, None).as_deref(),
            Some("valuation")
        );
    }

    #[test]
    fn investment_and_stake_in_one_sentence_get_their_own_attributes() {
        let s = "Meta agreed to invest $14.3 billion for a 49% stake in Scale";
        assert_eq!(
            attr(s, "$14.3 billion", Kind::Money, None).as_deref(),
            Some("investment_amount")
        );
        assert_eq!(
            attr(s, "49%", Kind::Percent, None).as_deref(),
            Some("ownership_stake")
        );
    }

    #[test]
    fn layoffs_percent_and_stake_percent_differ() {
        let s = "Scale AI laid off 14% of its workforce";
        assert_eq!(
            attr(s, "14%", Kind::Percent, None).as_deref(),
            Some("layoffs_percent")
        );
        let s = "Wang holds an estimated 14% stake.";
        assert_eq!(
            attr(s, "an estimated 14%", Kind::Percent, None).as_deref(),
            Some("ownership_stake")
        );
    }

    #[test]
    fn count_units_imply_their_family() {
        let s = "Scale's workforce includes more than 100,000 contractors who annotate data";
        assert_eq!(
            attr(
                s,
                "more than 100,000 contractors",
                Kind::Count,
                Some("contractors")
            )
            .as_deref(),
            Some("contractor_count")
        );
    }

    #[test]
    fn death_tolls_before_and_after() {
        assert_eq!(
            attr(
                "The quake killed at least 112 people",
                "at least 112 people",
                Kind::Count,
                Some("people")
            )
            .as_deref(),
            Some("deaths")
        );
        assert_eq!(
            attr("with 43 dead and 300 injured", "43", Kind::Number, None).as_deref(),
            Some("deaths")
        );
        assert_eq!(
            attr("with 43 dead and 300 injured", "300", Kind::Number, None).as_deref(),
            Some("injuries")
        );
    }

    #[test]
    fn a_trigger_beyond_another_figure_belongs_to_it() {
        let lx = Lexicon::builtin();
        let s = "In the hamlet, population 160, eleven people died.";
        let f = s.find("160").unwrap();
        let e = s.find("eleven").unwrap();
        let others = [(e, e + 13)];
        let fig = Figure {
            span: (f, f + 3),
            kind: Kind::Number,
            unit: None,
            value: Some(160.0),
            others: &others,
        };
        assert_eq!(lx.classify(s, &fig), None);
    }

    #[test]
    fn unrelated_percent_gets_no_attribute() {
        assert_eq!(
            attr(
                "Muslims account for 23.5% of the world's population",
                "23.5%",
                Kind::Percent,
                None
            ),
            None
        );
    }

    #[test]
    fn config_adds_triggers() {
        let mut cfg = Config::default();
        cfg.attributes
            .insert("valuation".into(), vec!["priced the company at".into()]);
        let lx = Lexicon::new(&cfg).unwrap();
        let s = "investors priced the company at $2 billion";
        let f = s.find("$2").unwrap();
        let fig = Figure {
            span: (f, s.len()),
            kind: Kind::Money,
            unit: None,
            value: Some(2e9),
            others: &[],
        };
        let m = lx.classify(s, &fig).unwrap();
        assert_eq!(lx.families()[m.family].name, "valuation");
    }
}
