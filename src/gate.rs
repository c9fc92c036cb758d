//! The editorial CI gate: takes the [`Report`] that `check` produced and applies what
//! a newsroom configured — house facts, per-path ignores, per-attribute severities,
//! inline suppressions, a baseline and pull-request mode — giving a [`GateReport`] for
//! the renderers and the exit decision. Pure: files are read by the caller.

use crate::baseline::{apply_baseline, Baseline};
use crate::changed::ChangedSet;
use crate::claim::Claim;
use crate::config::{Config, IgnoreRule};
use crate::config_file::PathMatcher;
use crate::document::Document;
use crate::facts::{check_facts, ResolvedFact};
use crate::finding::{Finding, Report, Severity};
use crate::fingerprint::fingerprint;
use crate::suppress::{
    apply_ignore_rules, apply_suppressions_used, parse_suppressions, DirectiveKind,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a gate run adds to a report that is not a finding about claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// A suppression directive that suppressed no finding.
    UnusedSuppression,
    /// A baseline entry that no longer occurs (the discrepancy was fixed).
    BaselineEntryGone,
}

impl NoticeKind {
    /// The kebab-case rule id used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::UnusedSuppression => "unused-suppression",
            NoticeKind::BaselineEntryGone => "baseline-entry-gone",
        }
    }
}

/// A gate diagnostic not tied to claims: an unused suppression, a fixed baseline entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    /// What it is.
    pub kind: NoticeKind,
    /// How much it matters (`warning` for unused suppressions, `info` for gone entries).
    pub severity: Severity,
    /// The document it is in, when it has a place.
    pub doc: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based character column.
    pub column: Option<usize>,
    /// One line for people.
    pub message: String,
    /// Stable fingerprint (no line numbers).
    pub fingerprint: String,
}

/// A report after the gate: findings left to show, notices, and what was filtered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateReport {
    /// The report; its findings are the ones left, its summary counts them.
    #[serde(flatten)]
    pub report: Report,
    /// Unused suppressions and baseline entries that no longer occur.
    pub notices: Vec<Notice>,
    /// Findings hidden by an inline suppression.
    pub suppressed: usize,
    /// The suppressions used, each with the claims it took out of findings (those
    /// claims appear nowhere else in the report).
    pub suppressions: Vec<UsedSuppression>,
    /// Findings hidden because the baseline lists them.
    pub baselined: usize,
}

/// An inline suppression that took claims out of findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsedSuppression {
    /// The document it stands in.
    pub doc: String,
    /// 1-based line of the directive.
    pub line: usize,
    /// The directive (`claimcheck-disable-next-line`, `claimcheck-disable`).
    pub directive: &'static str,
    /// The reason given, if any.
    pub reason: Option<String>,
    /// The claims it suppressed.
    pub claims: Vec<Claim>,
}

impl GateReport {
    /// A report with nothing filtered and no notices.
    pub fn plain(report: Report) -> Self {
        GateReport {
            report,
            notices: Vec::new(),
            suppressed: 0,
            suppressions: Vec::new(),
            baselined: 0,
        }
    }
}

/// The settings of one gate run, read from config and flags by the caller.
#[derive(Debug, Clone, Copy, Default)]
pub struct GateSettings<'a> {
    /// House facts, resolved.
    pub facts: &'a [ResolvedFact],
    /// `[[ignore]]` rules with their compiled path globs.
    pub ignore: &'a [(PathMatcher, IgnoreRule)],
    /// The baseline to subtract, if any.
    pub baseline: Option<&'a Baseline>,
    /// Pull-request mode: report only findings that touch these files.
    pub changed: Option<&'a ChangedSet>,
}

/// When the gate fails: at findings of this severity or above, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Fail at findings at or above this severity.
    At(Severity),
    /// Never fail on findings.
    Never,
}

/// `--fail-on error|warning|info|never`: the levels, named as on the command line.
impl clap::ValueEnum for FailOn {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            FailOn::At(Severity::Error),
            FailOn::At(Severity::Warning),
            FailOn::At(Severity::Info),
            FailOn::Never,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(match self {
            FailOn::At(Severity::Error) => "error",
            FailOn::At(Severity::Warning) => "warning",
            FailOn::At(Severity::Info) => "info",
            FailOn::At(Severity::None) => return None,
            FailOn::Never => "never",
        }))
    }
}

/// Applies facts, ignores, severities, suppressions, baseline and changed files to a
/// report, in that order, and re-sorts and recounts its findings.
pub fn apply_gate(
    report: Report,
    docs: &[Document],
    config: &Config,
    settings: &GateSettings<'_>,
) -> GateReport {
    let Report {
        version,
        documents,
        claims,
        mut findings,
        mut summary,
    } = report;

    findings.extend(check_facts(settings.facts, &claims, config));
    let findings = apply_ignore_rules(findings, &claims, docs, settings.ignore);
    let findings = apply_severities(findings, &config.severity);

    let suppressions: Vec<_> = docs.iter().flat_map(parse_suppressions).collect();
    let (findings, suppressed, unused, used) =
        apply_suppressions_used(findings, &claims, &suppressions);
    // Suppressed claims leave the report's claim list for the list of suppressions.
    let taken: std::collections::BTreeSet<&String> = used.values().flatten().collect();
    let (claims, out): (Vec<Claim>, Vec<Claim>) =
        claims.into_iter().partition(|c| !taken.contains(&c.id));
    let used_suppressions: Vec<UsedSuppression> = used
        .iter()
        .filter_map(|(&i, ids)| {
            let s = suppressions.get(i)?;
            Some(UsedSuppression {
                doc: s.doc.clone(),
                line: s.line,
                directive: directive_name(s.kind),
                reason: s.reason.clone(),
                claims: out
                    .iter()
                    .filter(|c| ids.contains(&c.id))
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    let mut notices: Vec<Notice> = unused
        .iter()
        .filter_map(|&i| suppressions.get(i))
        .map(|s| {
            let what = directive_name(s.kind);
            Notice {
                kind: NoticeKind::UnusedSuppression,
                severity: Severity::Warning,
                doc: Some(s.doc.clone()),
                line: Some(s.line),
                column: Some(s.column),
                message: format!("unused suppression: `{what}` suppresses no finding"),
                fingerprint: fingerprint(&[
                    "unused-suppression",
                    &s.doc,
                    what,
                    s.reason.as_deref().unwrap_or(""),
                ]),
            }
        })
        .collect();

    let (mut findings, baselined) = match settings.baseline {
        Some(b) => {
            let (new, old, gone) = apply_baseline(findings, &claims, b);
            notices.extend(gone.into_iter().map(|e| Notice {
                kind: NoticeKind::BaselineEntryGone,
                severity: Severity::Info,
                doc: None,
                line: None,
                column: None,
                message: format!(
                    "baseline entry no longer occurs: {} {} ({}) in {}",
                    e.subject.as_deref().unwrap_or("?"),
                    e.attribute.as_deref().unwrap_or("?"),
                    e.values.join(" vs "),
                    e.docs.join(", ")
                ),
                fingerprint: e.fingerprint,
            }));
            (new, old)
        }
        None => (findings, 0),
    };

    if let Some(changed) = settings.changed {
        let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
        // A JSON record is changed when its file is.
        let files: BTreeMap<&str, &str> = docs.iter().map(|d| (d.id.as_str(), d.file())).collect();
        let file_of = |doc: &'_ str| -> String { files.get(doc).map_or(doc, |f| *f).to_string() };
        findings.retain(|f| {
            f.claims.iter().any(|id| {
                by_id
                    .get(id.as_str())
                    .is_some_and(|c| changed.contains_doc(&file_of(&c.doc)))
            })
        });
        notices.retain(|n| match (&n.kind, &n.doc) {
            (_, Some(doc)) => changed.contains_doc(&file_of(doc)),
            (NoticeKind::BaselineEntryGone, None) => true,
            (_, None) => false,
        });
    }

    name_records_by_file(&mut findings, &claims, docs);
    sort_findings(&mut findings);
    notices.sort_by(|a, b| {
        (&a.doc, a.line, a.column, &a.fingerprint).cmp(&(&b.doc, b.line, b.column, &b.fingerprint))
    });
    summary.errors = count(&findings, Severity::Error);
    summary.warnings = count(&findings, Severity::Warning);
    summary.infos = count(&findings, Severity::Info);
    GateReport {
        report: Report {
            version,
            documents,
            claims,
            findings,
            summary,
        },
        notices,
        suppressed: suppressed.len(),
        suppressions: used_suppressions,
        baselined,
    }
}

fn directive_name(kind: DirectiveKind) -> &'static str {
    match kind {
        DirectiveKind::DisableNextLine => "claimcheck-disable-next-line",
        DirectiveKind::Disable => "claimcheck-disable",
    }
}

/// In findings' messages, a JSON record's place (`in wire-002:1`) becomes its file and
/// line with the record id beside it (`in articles/wire.jsonl:2 (record wire-002)`),
/// since the id is no path.
fn name_records_by_file(findings: &mut [Finding], claims: &[Claim], docs: &[Document]) {
    let origins: BTreeMap<&str, (&str, usize)> = docs
        .iter()
        .filter_map(|d| {
            d.origin
                .as_ref()
                .map(|(f, l)| (d.id.as_str(), (f.as_str(), *l)))
        })
        .collect();
    if origins.is_empty() {
        return;
    }
    let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for f in findings {
        for id in &f.claims {
            let Some(c) = by_id.get(id.as_str()) else {
                continue;
            };
            let Some((file, line)) = origins.get(c.doc.as_str()) else {
                continue;
            };
            let from = format!(" in {}:{}", c.doc, c.span.line);
            let file = file.trim_start_matches("./");
            let to = format!(" in {file}:{line} (record {})", c.doc);
            f.message = replace_whole(&f.message, &from, &to);
        }
    }
}

/// `text` with each `from` not followed by a digit replaced by `to`.
fn replace_whole(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(from) {
        let after = &rest[i + from.len()..];
        out.push_str(&rest[..i]);
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            out.push_str(from);
        } else {
            out.push_str(to);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn count(findings: &[Finding], s: Severity) -> usize {
    findings.iter().filter(|f| f.severity == s).count()
}

/// Gives findings of a configured attribute that configured severity (agreeing groups,
/// severity `none`, stay as they are; a house-fact conflict keeps the severity its fact
/// gives, `error` by default).
pub fn apply_severities(
    mut findings: Vec<Finding>,
    overrides: &BTreeMap<String, Severity>,
) -> Vec<Finding> {
    for f in &mut findings {
        if f.severity == Severity::None || f.verdict == crate::finding::Verdict::FactConflict {
            continue;
        }
        if let Some(s) = f.attribute.as_ref().and_then(|a| overrides.get(a)) {
            f.severity = *s;
        }
    }
    findings
}

/// Most severe first, then subject, attribute and fingerprint.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.subject.cmp(&b.subject))
            .then_with(|| a.attribute.cmp(&b.attribute))
            .then_with(|| a.fingerprint.cmp(&b.fingerprint))
    });
}

/// Whether the run fails: a finding, or an unused suppression, at or above `fail_on`.
/// Baseline entries that no longer occur never fail a run.
pub fn gate_fails(report: &GateReport, fail_on: FailOn) -> bool {
    let FailOn::At(level) = fail_on else {
        return false;
    };
    let level = level.max(Severity::Info);
    report.report.findings.iter().any(|f| f.severity >= level)
        || report
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::UnusedSuppression && n.severity >= level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::baseline::baseline_from;
    use crate::claim::{Interval, Kind, Span};
    use crate::finding::{Summary, Verdict};

    fn claim(id: &str, doc: &str, line: usize, v: f64) -> Claim {
        Claim {
            id: id.into(),
            unit: Some("year".into()),
            subject: Some("Alexandr Wang".into()),
            attribute: Some("age".into()),
            ..Claim::new(
                doc,
                Span {
                    start: 0,
                    end: 2,
                    line,
                    column: 1,
                },
                &format!("{v}"),
                Kind::Age,
                Interval::exact(v),
            )
        }
    }

    fn report() -> Report {
        Report {
            version: 1,
            documents: vec![],
            claims: vec![claim("x", "a.md", 3, 27.0), claim("y", "b.md", 1, 28.0)],
            findings: vec![Finding {
                fingerprint: "f1".into(),
                verdict: Verdict::Conflict,
                severity: Severity::Error,
                subject: Some("Alexandr Wang".into()),
                attribute: Some("age".into()),
                claims: vec!["x".into(), "y".into()],
                message: "27 vs 28".into(),
            }],
            summary: Summary::default(),
        }
    }

    #[test]
    fn conflict_fails_at_error_and_not_when_never() {
        let g = apply_gate(report(), &[], &Config::default(), &GateSettings::default());
        assert_eq!(g.report.summary.errors, 1);
        assert!(gate_fails(&g, FailOn::At(Severity::Error)));
        assert!(!gate_fails(&g, FailOn::Never));
    }

    #[test]
    fn severity_override_lowers_below_fail_on() {
        let mut config = Config::default();
        config.severity.insert("age".into(), Severity::Warning);
        let g = apply_gate(report(), &[], &config, &GateSettings::default());
        assert_eq!(g.report.findings[0].severity, Severity::Warning);
        assert!(!gate_fails(&g, FailOn::At(Severity::Error)));
        assert!(gate_fails(&g, FailOn::At(Severity::Warning)));
    }

    #[test]
    fn suppression_hides_the_finding_and_unused_one_is_a_warning() {
        let docs = [
            Document::from_text(
                "a.md",
                "\n<!-- claimcheck-disable-next-line: older -->\nWang, 27\n",
            ),
            Document::from_text("b.md", "<!-- claimcheck-disable -->\n"),
        ];
        let g = apply_gate(
            report(),
            &docs,
            &Config::default(),
            &GateSettings::default(),
        );
        assert!(g.report.findings.is_empty());
        assert_eq!(g.suppressed, 1);
        assert_eq!(g.notices.len(), 0, "the block in b.md covers claim y too");

        let docs = [
            Document::from_text(
                "a.md",
                "\n<!-- claimcheck-disable-next-line -->\nWang, 27\n",
            ),
            Document::from_text("c.md", "<!-- claimcheck-disable-next-line -->\nx\n"),
        ];
        let g = apply_gate(
            report(),
            &docs,
            &Config::default(),
            &GateSettings::default(),
        );
        assert_eq!(g.notices.len(), 1);
        assert_eq!(g.notices[0].kind, NoticeKind::UnusedSuppression);
        assert_eq!(g.notices[0].doc.as_deref(), Some("c.md"));
        assert!(!gate_fails(&g, FailOn::At(Severity::Error)));
        assert!(gate_fails(&g, FailOn::At(Severity::Warning)));
    }

    #[test]
    fn baselined_finding_passes_and_gone_entry_is_info() {
        let r = report();
        let mut b = baseline_from(&r.findings, &r.claims);
        let mut extra = b.findings[0].clone();
        extra.fingerprint = "fixed".into();
        b.findings.push(extra);
        let settings = GateSettings {
            baseline: Some(&b),
            ..GateSettings::default()
        };
        let g = apply_gate(r, &[], &Config::default(), &settings);
        assert!(g.report.findings.is_empty());
        assert_eq!(g.baselined, 1);
        assert_eq!(g.notices.len(), 1);
        assert_eq!(g.notices[0].kind, NoticeKind::BaselineEntryGone);
        assert!(!gate_fails(&g, FailOn::At(Severity::Info)));
    }

    #[test]
    fn changed_mode_keeps_only_findings_touching_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md").to_string_lossy().into_owned();
        let mut r = report();
        r.claims[0].doc = a.clone();
        let elsewhere = ChangedSet::new([dir.path().join("z.md")], dir.path());
        let settings = GateSettings {
            changed: Some(&elsewhere),
            ..GateSettings::default()
        };
        let g = apply_gate(r.clone(), &[], &Config::default(), &settings);
        assert!(g.report.findings.is_empty());
        let here = ChangedSet::new([dir.path().join("a.md")], dir.path());
        let settings = GateSettings {
            changed: Some(&here),
            ..GateSettings::default()
        };
        let g = apply_gate(r, &[], &Config::default(), &settings);
        assert_eq!(g.report.findings.len(), 1);
    }
}
