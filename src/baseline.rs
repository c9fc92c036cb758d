//! Baselines: the findings a newsroom has accepted, recorded by their content
//! fingerprints (subject, attribute, values, documents; no line numbers), so the gate
//! fails only on new ones and an edit above a claim does not make it new. Written as
//! sorted JSON, atomically (temp file + rename).

use crate::claim::Claim;
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, Severity, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
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
            BaselineEntry {
                fingerprint: f.fingerprint.clone(),
                verdict: f.verdict,
                severity: f.severity,
                subject: f.subject.clone(),
                attribute: f.attribute.clone(),
                values: values.into_iter().collect(),
                docs: docs.into_iter().collect(),
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
pub fn apply_baseline(
    findings: Vec<Finding>,
    baseline: &Baseline,
) -> (Vec<Finding>, usize, Vec<BaselineEntry>) {
    let known: BTreeSet<&str> = baseline
        .findings
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let seen: BTreeSet<String> = findings.iter().map(|f| f.fingerprint.clone()).collect();
    let (old, new): (Vec<Finding>, Vec<Finding>) = findings
        .into_iter()
        .partition(|f| known.contains(f.fingerprint.as_str()));
    let gone = baseline
        .findings
        .iter()
        .filter(|e| !seen.contains(&e.fingerprint))
        .cloned()
        .collect();
    (new, old.len(), gone)
}

/// Reads a baseline file.
pub fn read_baseline(path: &Path) -> Result<Baseline, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))?;
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
/// renamed over the target, so a reader never sees half a file.
pub fn write_baseline(path: &Path, baseline: &Baseline) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::new(path, ErrorKind::Io(e));
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "baseline".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        let mut text = serde_json::to_string_pretty(baseline).map_err(std::io::Error::other)?;
        text.push('\n');
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
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
        let (new, old, gone) = apply_baseline(vec![finding("a"), finding("c")], &b);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].fingerprint, "c");
        assert_eq!(old, 1);
        assert_eq!(gone.len(), 1);
        assert_eq!(gone[0].fingerprint, "b");
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
