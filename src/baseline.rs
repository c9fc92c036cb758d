//! Baselines: the findings a newsroom has accepted, recorded by their content
//! fingerprints (subject, attribute, values, documents; no line numbers), so the gate
//! fails only on new ones and an edit above a claim does not make it new. Written as
//! sorted JSON, atomically (temp file + rename).

use crate::claim::Claim;
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, Severity, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The baseline file format version.
pub const BASELINE_VERSION: u32 = 1;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version.
    pub version: u32,
    /// Accepted findings, sorted by fingerprint.
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding; everything but `fingerprint` is there for people reading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// The finding's content fingerprint.
    pub fingerprint: String,
    /// Its verdict when recorded.
    pub verdict: Verdict,
    /// Its severity when recorded.
    pub severity: Severity,
    /// Its subject.
    pub subject: Option<String>,
    /// Its attribute.
    pub attribute: Option<String>,
    /// The figures as stated, sorted.
    pub values: Vec<String>,
    /// The documents involved, sorted.
    pub docs: Vec<String>,
    /// The distinct value intervals of its claims, sorted: a later finding on the same
    /// subject and attribute whose every claim falls in one of them is this finding
    /// still (an article agreeing with one side joined it). Empty in older baselines,
    /// where `values` (the texts) are compared instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intervals: Vec<RecordedInterval>,
}

/// A value interval as recorded in a baseline (base units; `null` for an open side).
#[derive(Debug, Clone, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct RecordedInterval {
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// Unit (`USD`, `percent`, …).
    pub unit: Option<String>,
}

impl RecordedInterval {
    fn of(c: &Claim) -> Self {
        RecordedInterval {
            low: c.value.low,
            high: c.value.high,
            unit: c.unit.clone(),
        }
    }

    /// Whether the claim's interval overlaps this one, in the same unit.
    fn covers(&self, c: &Claim) -> bool {
        let below = |a: Option<f64>, b: Option<f64>| matches!((a, b), (Some(a), Some(b)) if a < b);
        self.unit == c.unit && !below(self.high, c.value.low) && !below(c.value.high, self.low)
    }
}

/// A baseline of the findings that reach a severity (severity `none` is never recorded).
pub fn baseline_from(findings: &[Finding], claims: &[Claim]) -> Baseline {
    let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut entries: Vec<BaselineEntry> = findings
        .iter()
        .filter(|f| f.severity > Severity::None)
        .map(|f| {
            let cs: Vec<&Claim> = f
                .claims
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .collect();
            let values: BTreeSet<String> = cs.iter().map(|c| c.text.clone()).collect();
            let docs: BTreeSet<String> = cs.iter().map(|c| c.doc.clone()).collect();
            let mut intervals: Vec<RecordedInterval> =
                cs.iter().map(|c| RecordedInterval::of(c)).collect();
            intervals.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            intervals.dedup();
            BaselineEntry {
                fingerprint: f.fingerprint.clone(),
                verdict: f.verdict,
                severity: f.severity,
                subject: f.subject.clone(),
                attribute: f.attribute.clone(),
                values: values.into_iter().collect(),
                docs: docs.into_iter().collect(),
                intervals,
            }
        })
        .collect();
    entries.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
    entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    Baseline {
        version: BASELINE_VERSION,
        findings: entries,
    }
}

/// Findings not in the baseline, how many were, and the entries that matched none.
///
/// A finding is in the baseline when its fingerprint is, or when an entry about the
/// same subject and attribute already holds each of its values: an article that agrees
/// with one side of an accepted conflict does not make it new, a new differing value
/// does.
pub fn apply_baseline(
    findings: Vec<Finding>,
    claims: &[Claim],
    baseline: &Baseline,
) -> (Vec<Finding>, usize, Vec<BaselineEntry>) {
    let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut used: BTreeSet<usize> = BTreeSet::new();
    let mut new = Vec::new();
    let mut old = 0;
    for f in findings {
        let exact = baseline
            .findings
            .iter()
            .position(|e| e.fingerprint == f.fingerprint);
        let matched = exact.or_else(|| {
            let cs: Vec<&Claim> = f
                .claims
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .collect();
            baseline
                .findings
                .iter()
                .position(|e| same_disagreement(e, &f, &cs))
        });
        match matched {
            Some(i) => {
                used.insert(i);
                old += 1;
            }
            None => new.push(f),
        }
    }
    let gone = baseline
        .findings
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, e)| e.clone())
        .collect();
    (new, old, gone)
}

/// Whether `entry` records the disagreement `f` (with claims `cs`) shows: the same
/// subject, attribute and kind of verdict, and no value it did not hold.
fn same_disagreement(entry: &BaselineEntry, f: &Finding, cs: &[&Claim]) -> bool {
    if entry.subject != f.subject
        || entry.attribute != f.attribute
        || entry.verdict != f.verdict
        || cs.is_empty()
        || f.verdict == Verdict::FactConflict
    {
        return false;
    }
    cs.iter().all(|c| {
        if entry.intervals.is_empty() {
            entry.values.contains(&c.text)
        } else {
            entry.intervals.iter().any(|r| r.covers(c))
        }
    })
}

/// Reads a baseline file.
pub fn read_baseline(path: &Path) -> Result<Baseline, Error> {
    let text = crate::fsio::read_regular(path)?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        Error::new(
            path,
            ErrorKind::Other(format!("invalid baseline (line {}): {e}", e.line())),
        )
    })?;
    if b.version != BASELINE_VERSION {
        return Err(Error::new(
            path,
            ErrorKind::Other(format!(
                "baseline version {} is not supported (expected {BASELINE_VERSION})",
                b.version
            )),
        ));
    }
    Ok(b)
}

/// Writes a baseline as pretty JSON through a temporary file in the same directory,
/// renamed over the target, so a reader never sees half a file (see
/// [`write_atomic`](crate::fsio::write_atomic): a symlink is written through).
pub fn write_baseline(path: &Path, baseline: &Baseline) -> Result<(), Error> {
    let mut text = serde_json::to_string_pretty(baseline)
        .map_err(|e| Error::new(path, ErrorKind::Write(std::io::Error::other(e))))?;
    text.push('\n');
    crate::fsio::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(fp: &str) -> Finding {
        Finding {
            fingerprint: fp.into(),
            verdict: Verdict::Conflict,
            severity: Severity::Error,
            subject: Some("Scale AI".into()),
            attribute: Some("valuation".into()),
            claims: vec![],
            message: String::new(),
        }
    }

    #[test]
    fn only_findings_missing_from_the_baseline_are_new() {
        let b = baseline_from(&[finding("b"), finding("a")], &[]);
        assert_eq!(b.findings[0].fingerprint, "a");
        let (new, old, gone) = apply_baseline(vec![finding("a"), finding("c")], &[], &b);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].fingerprint, "c");
        assert_eq!(old, 1);
        assert_eq!(gone.len(), 1);
        assert_eq!(gone[0].fingerprint, "b");
    }

    #[test]
    fn an_old_baseline_without_intervals_matches_by_value_text() {
        let claim = |id: &str, text: &str, v: f64| Claim {
            id: id.into(),
            ..Claim::new(
                "a.md",
                crate::claim::Span {
                    start: 0,
                    end: 1,
                    line: 1,
                    column: 1,
                },
                text,
                crate::claim::Kind::Money,
                crate::claim::Interval::exact(v),
            )
        };
        let claims = [
            claim("x", "$1", 1.0),
            claim("y", "$2", 2.0),
            claim("z", "$3", 3.0),
        ];
        let mut f = finding("a");
        f.claims = vec!["x".into(), "y".into()];
        let mut b = baseline_from(std::slice::from_ref(&f), &claims);
        b.findings[0].intervals.clear();
        let mut later = finding("changed");
        later.claims = vec!["x".into(), "y".into()];
        assert_eq!(apply_baseline(vec![later.clone()], &claims, &b).1, 1);
        later.claims.push("z".into());
        assert_eq!(apply_baseline(vec![later], &claims, &b).1, 0);
    }

    #[test]
    fn agreeing_groups_are_not_recorded() {
        let mut f = finding("a");
        f.severity = Severity::None;
        assert!(baseline_from(&[f], &[]).findings.is_empty());
    }

    #[test]
    fn baseline_round_trips_through_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        let b = baseline_from(&[finding("a")], &[]);
        write_baseline(&path, &b).unwrap();
        assert_eq!(read_baseline(&path).unwrap(), b);
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "temporary file left behind");
    }

    #[test]
    fn malformed_baseline_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, "{\"version\": 1}").unwrap();
        let err = read_baseline(&path).unwrap_err().to_string();
        assert!(err.contains("b.json"), "{err}");
    }
}
