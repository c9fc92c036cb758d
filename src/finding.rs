//! What comparison produces: verdicts, severities and findings, plus the `Report` that
//! carries documents, claims and findings to the renderers.

use crate::claim::Claim;
use crate::document::Document;
use serde::{Deserialize, Serialize};

/// The outcome of comparing one group of claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// All intervals overlap.
    Agree,
    /// Disjoint intervals for the same time scope.
    Conflict,
    /// Disjoint intervals whose time scopes are unknown or vague.
    ConflictScopeUncertain,
    /// Disjoint intervals at explicitly different times: a timeline, not an error.
    TimeScoped,
    /// A figure contradicts another through arithmetic (age vs birth year, stake ×
    /// valuation vs investment).
    DerivedConflict,
    /// A figure contradicts a house fact from the config or a facts file.
    FactConflict,
}

impl Verdict {
    /// The snake_case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::ConflictScopeUncertain => "conflict_scope_uncertain",
            Verdict::TimeScoped => "time_scoped",
            Verdict::DerivedConflict => "derived_conflict",
            Verdict::FactConflict => "fact_conflict",
        }
    }
}

/// How much a finding matters; ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Listed only with `--all`.
    None,
    /// Worth a look (time-scoped changes).
    Info,
    /// Probably wrong somewhere (uncertain scope, derived conflicts).
    Warning,
    /// Cannot all be true.
    Error,
}

impl Severity {
    /// The snake_case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One compared group and what was decided about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable fingerprint from subject, attribute, normalized values and documents.
    pub fingerprint: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Its severity.
    pub severity: Severity,
    /// The canonical subject of the group.
    pub subject: Option<String>,
    /// The attribute of the group.
    pub attribute: Option<String>,
    /// Ids of the claims involved, in report order.
    pub claims: Vec<String>,
    /// One line saying what disagrees and why.
    pub message: String,
}

/// Document metadata as it appears in JSON output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// The document id.
    pub id: String,
    /// Publication date, if known.
    pub published: Option<String>,
    /// Title, if known.
    pub title: Option<String>,
}

impl DocumentInfo {
    /// The metadata of `docs`, sorted by id.
    pub fn list(docs: &[Document]) -> Vec<DocumentInfo> {
        let mut out: Vec<DocumentInfo> = docs
            .iter()
            .map(|d| DocumentInfo {
                id: d.id.clone(),
                published: d.published.clone(),
                title: d.title.clone(),
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }
}

/// Counts for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Documents read.
    pub documents: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Groups of two or more comparable claims.
    pub groups: usize,
    /// Claims compared with a claim of another document (in a group spanning two or
    /// more documents); the others had no counterpart, no subject or no quantity
    /// (`claimcheck explain FILE:LINE` says which).
    pub compared: usize,
    /// Findings at severity error.
    pub errors: usize,
    /// Findings at severity warning.
    pub warnings: usize,
    /// Findings at severity info.
    pub infos: usize,
}

/// Everything a renderer needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Output contract version.
    pub version: u32,
    /// The documents read, sorted by id.
    pub documents: Vec<DocumentInfo>,
    /// Every claim, sorted by document and offset.
    pub claims: Vec<Claim>,
    /// Findings, most severe first, then by subject and attribute.
    pub findings: Vec<Finding>,
    /// Counts.
    pub summary: Summary,
}
