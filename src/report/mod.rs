//! Report renderers: the last stage. Turn a [`GateReport`] (findings, claims, notices)
//! plus the documents (to quote source lines) into text for people (`human`,
//! `markdown`, `html`), for programs (`json`) and for CI systems (`github`, `sarif`,
//! `junit`).
//! Renderers only write; they decide nothing about verdicts or exit codes.

mod claims;
mod github;
mod html;
mod human;
mod json;
mod junit;
mod markdown;
mod sarif;
pub mod spread;

pub use claims::{claim_line, describe_value, render_claims, ClaimFormat};

use crate::claim::AsOfSource;
use crate::claim::Claim;
use crate::document::Document;
use crate::finding::{Finding, Severity, Verdict};
use crate::gate::{FailOn, GateReport};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The output formats of `claimcheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// rustc/ruff-style diagnostics with quoted source lines.
    Human,
    /// A summary table and one section per finding, with relative links.
    Markdown,
    /// The report as DESIGN.md's JSON contract, plus gate fields.
    Json,
    /// GitHub Actions workflow commands (`::error file=…::…`).
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// JUnit XML: one test case per group, per derived or fact conflict, per unused suppression.
    Junit,
    /// One self-contained HTML page: fact matrix, a card per finding, timelines.
    Html,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set to something.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether the output is a terminal and `NO_COLOR`.
    pub fn enabled(self, is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// How to render.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Use ANSI colours (human format only).
    pub color: bool,
    /// Also show agreeing groups (severity `none`).
    pub all: bool,
    /// Human format: only the findings (no summary line, no informational notices).
    pub quiet: bool,
    /// The level at which the run fails (JUnit marks failures from it).
    pub fail_on: FailOn,
    /// The tool version written into SARIF (tests pass a fixed one).
    pub tool_version: String,
    /// Where the current directory sits in the repository CI tools resolve paths
    /// against (`GITHUB_WORKSPACE`): the repository root, and the current directory
    /// relative to it (`site/`). Used by the `github` and `sarif` formats.
    pub repo: Option<RepoPaths>,
}

/// The repository root and the current directory inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoPaths {
    /// The repository root, absolute.
    pub root: std::path::PathBuf,
    /// The current directory relative to the root, `/`-separated, ending in `/`
    /// (empty at the root).
    pub prefix: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            all: false,
            quiet: false,
            fail_on: FailOn::At(Severity::Error),
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            repo: None,
        }
    }
}

/// Writes `report` in `format` to `out`.
pub fn render(
    report: &GateReport,
    docs: &[Document],
    format: OutputFormat,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let ctx = Context::new(report, docs, opts);
    match format {
        OutputFormat::Human => human::render(&ctx, out),
        OutputFormat::Markdown => markdown::render(&ctx, out),
        OutputFormat::Json => json::render(&ctx, out),
        OutputFormat::Github => github::render(&ctx, out),
        OutputFormat::Sarif => sarif::render(&ctx, out),
        OutputFormat::Junit => junit::render(&ctx, out),
        OutputFormat::Html => html::render(&ctx, out),
    }
}

/// What every renderer looks up: claims by id, documents by id, visible findings.
struct Context<'a> {
    report: &'a GateReport,
    opts: &'a RenderOptions,
    claims: BTreeMap<&'a str, &'a Claim>,
    docs: BTreeMap<&'a str, &'a Document>,
}

impl<'a> Context<'a> {
    fn new(report: &'a GateReport, docs: &'a [Document], opts: &'a RenderOptions) -> Self {
        Context {
            report,
            opts,
            claims: report
                .report
                .claims
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            docs: docs.iter().map(|d| (d.id.as_str(), d)).collect(),
        }
    }

    /// Findings to show: all with `--all`, else those with a severity.
    fn findings(&self) -> impl Iterator<Item = &'a Finding> + '_ {
        let all = self.opts.all;
        self.report
            .report
            .findings
            .iter()
            .filter(move |f| all || f.severity > Severity::None)
    }

    /// The claims of a finding, in its order; ids not in the report are skipped.
    fn claims_of(&self, f: &Finding) -> Vec<&'a Claim> {
        f.claims
            .iter()
            .filter_map(|id| self.claims.get(id.as_str()).copied())
            .collect()
    }

    /// The source line (1-based) of a document, without its line break.
    fn line(&self, doc: &str, line: usize) -> Option<&'a str> {
        let d = self.docs.get(doc)?;
        let l = d.source.split('\n').nth(line.checked_sub(1)?)?;
        Some(l.strip_suffix('\r').unwrap_or(l))
    }

    /// A document's path as CI tools resolve it: relative to the repository root when
    /// one is known, else as given (without `./`).
    fn repo_path(&self, doc: &str) -> String {
        let Some(repo) = &self.opts.repo else {
            return rel_path(doc);
        };
        let p = std::path::Path::new(doc);
        if p.is_absolute() {
            return match p.strip_prefix(&repo.root) {
                Ok(r) => rel_path(&r.to_string_lossy()),
                Err(_) => rel_path(doc),
            };
        }
        format!("{}{}", repo.prefix, rel_path(doc))
    }

    /// Where CI tools should point for a claim: (path, line, start column, end column).
    /// A JSON record's claims point at its file and line, since the record id is no path.
    fn place(&self, c: &Claim) -> (String, usize, usize, usize) {
        if let Some((file, line)) = self
            .docs
            .get(c.doc.as_str())
            .and_then(|d| d.origin.as_ref())
        {
            return (self.repo_path(file), *line, 1, 2);
        }
        let (col, end) = columns(c);
        (self.repo_path(&c.doc), c.span.line, col, end)
    }

    /// Where a claim stands, for people: `path:line:col`; for a JSON record, its file
    /// and the record's line there with the record id beside it (the id is no path).
    fn location(&self, c: &Claim) -> String {
        match self.record_origin(c) {
            Some((file, line)) => format!("{}:{line} (record {})", rel_path(file), c.doc),
            None => format!("{}:{}:{}", c.doc, c.span.line, c.span.column),
        }
    }

    /// [`Self::location`] without the column: `path:line`.
    fn short_location(&self, c: &Claim) -> String {
        match self.record_origin(c) {
            Some((file, line)) => format!("{}:{line} (record {})", rel_path(file), c.doc),
            None => format!("{}:{}", c.doc, c.span.line),
        }
    }

    /// The file and line a claim's JSON record starts on, when it is in one.
    fn record_origin(&self, c: &Claim) -> Option<(&'a str, usize)> {
        self.docs
            .get(c.doc.as_str())
            .and_then(|d| d.origin.as_ref())
            .map(|(f, l)| (f.as_str(), *l))
    }

    /// The file and line to link to for a claim (a record's file and line).
    fn file_line(&self, c: &Claim) -> (String, usize) {
        match self.record_origin(c) {
            Some((file, line)) => (rel_path(file), line),
            None => (rel_path(&c.doc), c.span.line),
        }
    }

    /// A short name for a document: [`short_label`] when no other document of the report
    /// has the same, else its relative path.
    fn label(&self, doc: &str) -> String {
        let short = short_label(doc);
        let clash = self
            .report
            .report
            .documents
            .iter()
            .filter(|d| d.id != doc && short_label(&d.id) == short)
            .count();
        if clash == 0 {
            short
        } else {
            rel_path(doc)
        }
    }

    /// Whether a finding fails the run.
    fn fails(&self, severity: Severity) -> bool {
        match self.opts.fail_on {
            FailOn::At(level) => severity > Severity::None && severity >= level,
            FailOn::Never => false,
        }
    }
}

/// The start column and one-past-the-end column (1-based, characters) of a claim on
/// its first line.
fn columns(c: &Claim) -> (usize, usize) {
    let first = c.text.split('\n').next().unwrap_or("");
    let width = first.trim_end_matches('\r').chars().count().max(1);
    (c.span.column, c.span.column + width)
}

/// "Scale AI valuation", or what is known of it.
fn topic(f: &Finding) -> String {
    match (f.subject.as_deref(), f.attribute.as_deref()) {
        (Some(s), Some(a)) => format!("{s} {}", a.replace('_', " ")),
        (Some(s), None) => s.to_string(),
        (None, Some(a)) => a.replace('_', " "),
        (None, None) => "figures".to_string(),
    }
}

/// What a verdict means, in a few words.
fn verdict_phrase(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "sources agree",
        Verdict::Conflict => "sources disagree",
        Verdict::ConflictScopeUncertain => "sources disagree (time scope uncertain)",
        Verdict::TimeScoped => "figure changes over time",
        Verdict::DerivedConflict => "figures contradict each other",
        Verdict::FactConflict => "contradicts a house fact",
    }
}

/// The headline of a finding: "Scale AI valuation: sources disagree".
fn headline(f: &Finding) -> String {
    format!("{}: {}", topic(f), verdict_phrase(f.verdict))
}

/// The finding's message, led by its topic unless it already starts with it.
fn full_message(f: &Finding) -> String {
    let t = topic(f);
    if f.message.is_empty() {
        headline(f)
    } else if f.message.starts_with(&t) {
        f.message.clone()
    } else {
        format!("{t}: {}", f.message)
    }
}

/// "1 error", "2 errors".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The time scope of a claim for people: "2025-06", "2025 (published)", "unknown".
fn as_of_label(c: &Claim) -> String {
    match (&c.as_of, c.as_of_source) {
        (Some(a), Some(s)) if s != AsOfSource::Explicit => {
            format!("{a} ({})", s.as_str().replace('_', " "))
        }
        (Some(a), _) => a.to_string(),
        (None, Some(AsOfSource::Present)) => "now (date unknown)".to_string(),
        (None, Some(AsOfSource::AtTheTime)) => "at the time (unknown)".to_string(),
        (None, _) => "unknown".to_string(),
    }
}

/// A column label: the file name without extension, and without a trailing hash
/// (`000_29876e78d10f7530` → `000`).
fn short_label(id: &str) -> String {
    let name = id.rsplit(['/', '\\']).next().unwrap_or(id);
    let stem = match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => name,
    };
    match stem.split_once(['_', '-']) {
        Some((head, tail))
            if !head.is_empty()
                && tail.len() >= 8
                && tail.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            head.to_string()
        }
        _ => stem.to_string(),
    }
}

/// The document id as a relative path for links and CI tools (no leading `./`).
fn rel_path(doc: &str) -> String {
    let mut p = doc;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.replace('\\', "/")
}

/// The other claims of a finding, for a one-claim annotation: "b.md:5: nearly $14
/// billion as of unknown"; the first [`OTHERS_SHOWN`], then how many more.
fn others_summary(ctx: &Context<'_>, f: &Finding, this: &Claim) -> Vec<String> {
    let others: Vec<&Claim> = ctx
        .claims_of(f)
        .into_iter()
        .filter(|c| c.id != this.id)
        .collect();
    let more = others.len().saturating_sub(OTHERS_SHOWN);
    let mut out: Vec<String> = others
        .into_iter()
        .take(OTHERS_SHOWN)
        .map(|c| {
            let place = match ctx.record_origin(c) {
                Some(_) => ctx.short_location(c),
                None => format!("{}:{}", rel_path(&c.doc), c.span.line),
            };
            format!("{place}: {}, as of {}", c.text, as_of_label(c))
        })
        .collect();
    if more > 0 {
        out.push(format!("and {more} more"));
    }
    out
}

/// How many of a finding's other claims an annotation names: a story repeated in many
/// copies would otherwise make every claim's annotation list every other claim, an
/// output that grows with the square of the copies.
pub(super) const OTHERS_SHOWN: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Report, Summary};

    fn paths(repo: Option<RepoPaths>, doc: &str) -> String {
        let report = GateReport::plain(Report {
            version: 1,
            documents: vec![],
            claims: vec![],
            findings: vec![],
            summary: Summary::default(),
        });
        let opts = RenderOptions {
            repo,
            ..RenderOptions::default()
        };
        Context::new(&report, &[], &opts).repo_path(doc)
    }

    #[test]
    fn ci_paths_are_relative_to_the_repository_root() {
        let repo = RepoPaths {
            root: "/ws".into(),
            prefix: "site/".into(),
        };
        assert_eq!(paths(Some(repo.clone()), "./news/a.md"), "site/news/a.md");
        assert_eq!(paths(Some(repo), "/ws/site/news/a.md"), "site/news/a.md");
        assert_eq!(paths(None, "./news/a.md"), "news/a.md");
    }

    #[test]
    fn topic_is_not_repeated_in_the_message() {
        let mut f = Finding {
            fingerprint: String::new(),
            verdict: Verdict::Conflict,
            severity: Severity::Error,
            subject: Some("Scale AI".into()),
            attribute: Some("ownership_stake".into()),
            claims: vec![],
            message: "Scale AI ownership stake: 49% vs 40%".into(),
        };
        assert_eq!(full_message(&f), "Scale AI ownership stake: 49% vs 40%");
        f.message = "49% vs 40%".into();
        assert_eq!(full_message(&f), "Scale AI ownership stake: 49% vs 40%");
    }
}
