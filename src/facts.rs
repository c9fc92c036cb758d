//! House facts: figures a newsroom has verified (`[[facts]]` in `claimcheck.toml` or a
//! `--facts` file). Every claim about the same subject and attribute whose interval
//! cannot overlap the fact becomes an error finding naming the fact. Runs after `check`,
//! on its claims; pure apart from nothing (no I/O here).

use crate::claim::{Claim, Interval};
use crate::config::Config;
use crate::extract::{extract_mentions, ExtractContext};
use crate::finding::{Finding, Severity, Verdict};
use crate::fingerprint::fingerprint;
use crate::identity::time::AsOf;
use serde::{Deserialize, Serialize};

/// One verified figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Fact {
    /// The canonical subject ("Scale AI").
    pub subject: String,
    /// The attribute ("valuation").
    pub attribute: String,
    /// The figure as text ("nearly $14 billion"), read by the extractor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Lower bound in base units, instead of or overriding `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper bound in base units, instead of or overriding `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// The unit ("USD", "percent", "year"); taken from `value` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The time the figure refers to (`2025`, `2025-06`, `2025-06-13`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Where the fact comes from, quoted in findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The severity of a claim contradicting it; `error` when not given. `[severity]`
    /// of the attribute never applies to fact conflicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

/// A facts file: `[[facts]]` entries only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FactsFile {
    /// The facts it lists.
    pub facts: Vec<Fact>,
    /// The line each fact's `subject` is written on (filled when read from a file).
    #[serde(skip)]
    pub lines: Vec<usize>,
}

/// A fact with its value read into an interval.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedFact {
    /// The fact as written.
    pub fact: Fact,
    /// Its interval in base units.
    pub value: Interval,
    /// Its unit, from the fact or its value text.
    pub unit: Option<String>,
    /// The time it refers to, read from `as-of`.
    pub as_of: Option<AsOf>,
}

/// Reads a fact's value: `low`/`high` when given, else the first figure in `value`.
/// The error says what is missing or unreadable.
pub fn resolve_fact(fact: &Fact, config: &Config) -> Result<ResolvedFact, String> {
    let mut unit = fact.unit.clone();
    let mut value = None;
    let as_of = match &fact.as_of {
        None => None,
        Some(a) => match AsOf::parse(a) {
            Some(t) if t.time().is_none() => Some(t),
            _ => {
                return Err(format!(
                    "`as-of = {a:?}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
                ));
            }
        },
    };
    if let Some(text) = &fact.value {
        let ctx = ExtractContext {
            config,
            published: fact.as_of.as_deref(),
        };
        let mentions = extract_mentions(text, &ctx);
        let whole = text.trim().trim_end_matches('.').trim_end();
        let lead = text.len() - text.trim_start().len();
        let covers = |m: &crate::claim::Mention| m.start <= lead && m.end >= lead + whole.len();
        if mentions.len() > 1 || mentions.first().is_some_and(|m| !covers(m)) {
            let read: Vec<String> = mentions
                .iter()
                .map(|m| format!("{:?}", text.get(m.start..m.end).unwrap_or("")))
                .collect();
            return Err(format!(
                "`value = {text:?}` is not one figure (read as {}); write the figure alone, \
                 e.g. \"$29 billion\", \"49%\" or \"2012\"",
                read.join(" and ")
            ));
        }
        match mentions.into_iter().next() {
            Some(m) => {
                if unit.is_none() {
                    unit = m.unit.clone();
                }
                value = Some(m.value);
            }
            None if fact.low.is_none() && fact.high.is_none() => {
                return Err(format!(
                    "no figure found in `value = {text:?}`; write it as digits, e.g. \"$29 billion\""
                ));
            }
            None => {}
        }
    }
    if let Some(v) = fact
        .low
        .into_iter()
        .chain(fact.high)
        .find(|v| !v.is_finite())
    {
        return Err(format!("bound {v} is not a finite number"));
    }
    if fact.low.is_some() || fact.high.is_some() {
        let point = match (fact.low, fact.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (l, h) => l.or(h),
        };
        if let (Some(l), Some(h)) = (fact.low, fact.high) {
            if l > h {
                return Err(format!("low {l} is above high {h}"));
            }
        }
        value = Some(Interval::new(fact.low, point, fact.high));
    }
    match value {
        Some(value) => Ok(ResolvedFact {
            fact: fact.clone(),
            value,
            unit,
            as_of,
        }),
        None => Err("needs `value` or `low`/`high`".to_string()),
    }
}

/// Whether `s` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date (no time of day).
pub fn is_iso_date(s: &str) -> bool {
    AsOf::parse(s).is_some_and(|t| t.time().is_none())
}

/// Every fact resolved, or the first error naming the fact by position and subject.
pub fn resolve_facts(facts: &[Fact], config: &Config) -> Result<Vec<ResolvedFact>, String> {
    facts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            resolve_fact(f, config)
                .map_err(|e| format!("facts[{i}] ({} {}): {e}", f.subject, f.attribute))
        })
        .collect()
}

/// The error findings of claims that contradict a fact, one per claim and fact.
pub fn check_facts(facts: &[ResolvedFact], claims: &[Claim], config: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    for rf in facts {
        let subject = canonical(&rf.fact.subject, config);
        for c in claims {
            let (Some(cs), Some(ca)) = (&c.subject, &c.attribute) else {
                continue;
            };
            if canonical(cs, config) != subject || !ca.eq_ignore_ascii_case(&rf.fact.attribute) {
                continue;
            }
            if let (Some(a), Some(b)) = (&rf.unit, &c.unit) {
                if !a.eq_ignore_ascii_case(b) {
                    continue;
                }
            }
            if let (Some(a), Some(b)) = (&rf.as_of, &c.as_of) {
                if !a.compatible(b) {
                    continue;
                }
            }
            if rf.value.overlaps(&c.value)
                || rf.value.relative_gap(&c.value) <= config.matching.tolerance
            {
                continue;
            }
            out.push(fact_finding(rf, c));
        }
    }
    out
}

fn fact_finding(rf: &ResolvedFact, c: &Claim) -> Finding {
    let label = fact_label(rf);
    let mut message = format!(
        "{:?} contradicts the house fact: {} {} is {}",
        c.text, rf.fact.subject, rf.fact.attribute, label
    );
    if let Some(a) = &rf.as_of {
        message.push_str(&format!(" (as of {a})"));
    }
    if let Some(s) = &rf.fact.source {
        message.push_str(&format!(", source: {s}"));
    }
    Finding {
        fingerprint: fingerprint(&[
            "fact",
            &rf.fact.subject,
            &rf.fact.attribute,
            &label,
            &c.doc,
            &c.text,
        ]),
        verdict: Verdict::FactConflict,
        severity: rf.fact.severity.unwrap_or(Severity::Error),
        subject: c.subject.clone(),
        attribute: c.attribute.clone(),
        claims: vec![c.id.clone()],
        message,
    }
}

/// The fact's value as people read it: its text, or its bounds.
pub fn fact_label(rf: &ResolvedFact) -> String {
    if let (Some(v), None, None) = (&rf.fact.value, rf.fact.low, rf.fact.high) {
        return v.clone();
    }
    let unit = rf
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    match (rf.value.low, rf.value.high) {
        (Some(l), Some(h)) if l == h => format!("{}{unit}", number(l)),
        (Some(l), Some(h)) => format!("{} to {}{unit}", number(l), number(h)),
        (Some(l), None) => format!("at least {}{unit}", number(l)),
        (None, Some(h)) => format!("at most {}{unit}", number(h)),
        (None, None) => "any value".to_string(),
    }
}

/// A number without a trailing `.0`, with thousands kept plain.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e17 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The canonical, lower-cased form of a name under the config's aliases.
pub fn canonical(name: &str, config: &Config) -> String {
    let n = name.trim();
    for (canon, others) in &config.aliases {
        if canon.eq_ignore_ascii_case(n) || others.iter().any(|o| o.eq_ignore_ascii_case(n)) {
            return canon.to_lowercase();
        }
    }
    n.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Kind, Span};

    fn claim(subject: &str, attribute: &str, low: f64, high: f64) -> Claim {
        Claim {
            id: format!("c{low}"),
            unit: Some("USD".into()),
            subject: Some(subject.into()),
            attribute: Some(attribute.into()),
            ..Claim::new(
                "a.md",
                Span {
                    start: 0,
                    end: 3,
                    line: 1,
                    column: 1,
                },
                "$13 billion",
                Kind::Money,
                Interval::new(Some(low), Some((low + high) / 2.0), Some(high)),
            )
        }
    }

    fn fact(low: f64, high: f64) -> Fact {
        Fact {
            subject: "Scale AI".into(),
            attribute: "valuation".into(),
            value: None,
            low: Some(low),
            high: Some(high),
            unit: Some("USD".into()),
            as_of: None,
            source: Some("CFO interview".into()),
            severity: None,
        }
    }

    #[test]
    fn claim_outside_the_fact_is_an_error_naming_the_fact() {
        let config = Config::default();
        let facts = resolve_facts(&[fact(13.58e9, 14e9)], &config).unwrap();
        let claims = [claim("Scale AI", "valuation", 12.5e9, 13.5e9)];
        let found = check_facts(&facts, &claims, &config);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].verdict, Verdict::FactConflict);
        assert!(
            found[0].message.contains("CFO interview"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn claim_overlapping_the_fact_passes() {
        let config = Config::default();
        let facts = resolve_facts(&[fact(13.58e9, 14e9)], &config).unwrap();
        let claims = [claim("Scale AI", "valuation", 13.5e9, 14.5e9)];
        assert!(check_facts(&facts, &claims, &config).is_empty());
    }

    #[test]
    fn other_subjects_and_attributes_are_not_compared() {
        let config = Config::default();
        let facts = resolve_facts(&[fact(13.58e9, 14e9)], &config).unwrap();
        let claims = [
            claim("Meta", "valuation", 1e12, 1e12),
            claim("Scale AI", "revenue", 1e9, 1e9),
        ];
        assert!(check_facts(&facts, &claims, &config).is_empty());
    }

    #[test]
    fn aliases_match_the_fact_subject() {
        let mut config = Config::default();
        config
            .aliases
            .insert("Scale AI".into(), vec!["Scale".into()]);
        let facts = resolve_facts(&[fact(13.58e9, 14e9)], &config).unwrap();
        let claims = [claim("Scale", "valuation", 1e9, 1e9)];
        assert_eq!(check_facts(&facts, &claims, &config).len(), 1);
    }

    #[test]
    fn different_time_scope_is_not_a_contradiction() {
        let config = Config::default();
        let mut f = fact(13.58e9, 14e9);
        f.as_of = Some("2025".into());
        let facts = resolve_facts(&[f], &config).unwrap();
        let mut c = claim("Scale AI", "valuation", 7e9, 7e9);
        c.as_of = AsOf::parse("2021");
        assert!(check_facts(&facts, &[c.clone()], &config).is_empty());
        c.as_of = AsOf::parse("2025-06");
        assert_eq!(check_facts(&facts, &[c], &config).len(), 1);
    }

    #[test]
    fn fact_without_a_value_is_an_error() {
        let mut f = fact(1.0, 2.0);
        f.low = None;
        f.high = None;
        let err = resolve_facts(&[f], &Config::default()).unwrap_err();
        assert!(err.contains("facts[0]"), "{err}");
    }

    #[test]
    fn inverted_bounds_are_an_error() {
        let err = resolve_facts(&[fact(2.0, 1.0)], &Config::default()).unwrap_err();
        assert!(err.contains("above"), "{err}");
    }

    #[test]
    fn label_shows_bounds_with_unit() {
        let rf = resolve_fact(&fact(13e9, 14e9), &Config::default()).unwrap();
        assert_eq!(fact_label(&rf), "13000000000 to 14000000000 USD");
    }

    #[test]
    fn infinite_or_nan_bounds_are_an_error() {
        let err = resolve_facts(&[fact(f64::NAN, 1.0)], &Config::default()).unwrap_err();
        assert!(err.contains("finite"), "{err}");
        assert!(resolve_facts(&[fact(1.0, f64::INFINITY)], &Config::default()).is_err());
    }
}
