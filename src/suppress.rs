//! Inline suppressions and per-path ignores: where an editor has accepted a
//! discrepancy. Reads `<!-- claimcheck-disable-next-line -->`,
//! `<!-- claimcheck-disable -->` … `<!-- claimcheck-enable -->` (each with an optional
//! `: reason`) from a document's source by line, and drops findings with a claim on a
//! suppressed line. Runs after `check`; pure.

use crate::claim::Claim;
use crate::config::IgnoreRule;
use crate::config_file::PathMatcher;
use crate::document::Document;
use crate::finding::{Finding, Verdict};
use regex::Regex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Which directive a suppression comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DirectiveKind {
    /// `claimcheck-disable-next-line`: the next non-blank line.
    DisableNextLine,
    /// `claimcheck-disable` up to `claimcheck-enable` or the end of the document.
    Disable,
}

/// One suppression directive and the lines it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// The document it stands in.
    pub doc: String,
    /// 1-based line of the directive.
    pub line: usize,
    /// 1-based character column of the directive.
    pub column: usize,
    /// Which directive.
    pub kind: DirectiveKind,
    /// The reason given after a colon, if any.
    pub reason: Option<String>,
    /// First suppressed line (1-based, inclusive).
    pub first: usize,
    /// Last suppressed line (inclusive; `usize::MAX` for an unclosed block).
    pub last: usize,
}

fn directive_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"<!--\s*claimcheck-(disable-next-line|disable|enable)\b\s*(?::\s*((?s:.*?)))?\s*-->",
        )
        .expect("static regex")
    })
}

/// Every suppression directive of a document, in line order.
pub fn parse_suppressions(doc: &Document) -> Vec<Suppression> {
    let lines: Vec<&str> = doc.source.split('\n').collect();
    let mut out = Vec::new();
    let mut open: Option<Suppression> = None;
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        // Most lines hold no directive: skip the regex for them.
        if memchr::memmem::find(line.as_bytes(), b"claimcheck-").is_none() {
            continue;
        }
        for cap in directive_re().captures_iter(line) {
            let (Some(whole), Some(which)) = (cap.get(0), cap.get(1)) else {
                continue;
            };
            let column = line
                .get(..whole.start())
                .map_or(1, |s| s.chars().count() + 1);
            let reason = cap
                .get(2)
                .map(|m| m.as_str().trim().to_string())
                .filter(|r| !r.is_empty());
            match which.as_str() {
                "disable-next-line" => {
                    let target = lines
                        .iter()
                        .enumerate()
                        .skip(i + 1)
                        .find(|(_, l)| !l.trim().is_empty())
                        .map_or(n + 1, |(j, _)| j + 1);
                    out.push(Suppression {
                        doc: doc.id.clone(),
                        line: n,
                        column,
                        kind: DirectiveKind::DisableNextLine,
                        reason,
                        first: target,
                        last: target,
                    });
                }
                "disable" => {
                    if let Some(s) = open.take() {
                        // A second disable closes the first block where it starts.
                        out.push(Suppression { last: n, ..s });
                    }
                    open = Some(Suppression {
                        doc: doc.id.clone(),
                        line: n,
                        column,
                        kind: DirectiveKind::Disable,
                        reason,
                        first: n,
                        last: usize::MAX,
                    });
                }
                _ => {
                    if let Some(s) = open.take() {
                        out.push(Suppression { last: n, ..s });
                    }
                }
            }
        }
    }
    out.extend(open);
    out.sort_by_key(|s| (s.line, s.column));
    out
}

/// The lines (first, last) a claim covers.
fn claim_lines(c: &Claim) -> (usize, usize) {
    (c.span.line, c.span.line + c.text.matches('\n').count())
}

/// Splits findings into those kept and those suppressed, and returns the indices of
/// suppressions that suppressed nothing. A claim on a suppressed line leaves its
/// finding; the finding is suppressed when what remains no longer disagrees (see
/// [`without_claims`]). `claims` resolves the findings' claim ids.
pub fn apply_suppressions(
    findings: Vec<Finding>,
    claims: &[Claim],
    suppressions: &[Suppression],
) -> (Vec<Finding>, Vec<Finding>, Vec<usize>) {
    let (kept, suppressed, unused, _) = apply_suppressions_used(findings, claims, suppressions);
    (kept, suppressed, unused)
}

/// Findings kept, findings suppressed, unused suppressions (indices), and for each used
/// suppression the ids of the claims it took out of findings.
pub type SuppressionOutcome = (
    Vec<Finding>,
    Vec<Finding>,
    Vec<usize>,
    BTreeMap<usize, BTreeSet<String>>,
);

/// [`apply_suppressions`], also saying which claims each used suppression took out of
/// findings (suppression index → claim ids, sorted).
pub fn apply_suppressions_used(
    findings: Vec<Finding>,
    claims: &[Claim],
    suppressions: &[Suppression],
) -> SuppressionOutcome {
    // Nothing to apply: skip indexing every claim of the run.
    if suppressions.is_empty() {
        return (findings, Vec::new(), Vec::new(), BTreeMap::new());
    }
    let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut used: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    for f in findings {
        let covering = |c: &Claim| -> Vec<usize> {
            let (first, last) = claim_lines(c);
            suppressions
                .iter()
                .enumerate()
                .filter(|(_, s)| s.doc == c.doc && first <= s.last && last >= s.first)
                .map(|(i, _)| i)
                .collect()
        };
        let mut hit = false;
        for id in &f.claims {
            if let Some(c) = by_id.get(id.as_str()) {
                for i in covering(c) {
                    hit = true;
                    used.entry(i).or_default().insert(c.id.clone());
                }
            }
        }
        if !hit {
            kept.push(f);
            continue;
        }
        match without_claims(f.clone(), &by_id, |c| !covering(c).is_empty()) {
            Some(rest) => kept.push(rest),
            None => suppressed.push(f),
        }
    }
    let unused = (0..suppressions.len())
        .filter(|i| !used.contains_key(i))
        .collect();
    (kept, suppressed, unused, used)
}

/// Removes from findings the claims that `[[ignore]]` rules leave out (see
/// [`without_claims`]).
pub fn apply_ignore_rules(
    findings: Vec<Finding>,
    claims: &[Claim],
    docs: &[Document],
    rules: &[(PathMatcher, IgnoreRule)],
) -> Vec<Finding> {
    if rules.is_empty() {
        return findings;
    }
    let by_id: BTreeMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
    // Globs match files: a JSON record is where its file is.
    let files: BTreeMap<&str, &str> = docs.iter().map(|d| (d.id.as_str(), d.file())).collect();
    let ignored = |c: &Claim| {
        let file = files.get(c.doc.as_str()).copied().unwrap_or(&c.doc);
        rules.iter().any(|(m, r)| {
            m.matches(file)
                && (r.attributes.is_empty()
                    || c.attribute
                        .as_deref()
                        .is_some_and(|a| r.attributes.iter().any(|x| x == a)))
        })
    };
    findings
        .into_iter()
        .filter_map(|f| without_claims(f, &by_id, ignored))
        .collect()
}

/// The finding without the claims `remove` picks, or `None` when nothing is left to
/// report: fewer than two claims, or remaining claims that all overlap. Derived and
/// house-fact findings go as soon as one of their claims goes.
pub fn without_claims(
    mut f: Finding,
    by_id: &BTreeMap<&str, &Claim>,
    remove: impl Fn(&Claim) -> bool,
) -> Option<Finding> {
    let before = f.claims.len();
    let removed: Vec<&Claim> = f
        .claims
        .iter()
        .filter_map(|id| by_id.get(id.as_str()).copied())
        .filter(|c| remove(c))
        .collect();
    f.claims
        .retain(|id| by_id.get(id.as_str()).is_none_or(|c| !remove(c)));
    if f.claims.len() == before {
        return Some(f);
    }
    let interval_verdict = matches!(
        f.verdict,
        Verdict::Conflict | Verdict::ConflictScopeUncertain | Verdict::TimeScoped
    );
    // A derived conflict needs every figure of its arithmetic, a fact conflict its one
    // claim: without one of them there is nothing left to report.
    if !interval_verdict || f.claims.len() < 2 {
        return None;
    }
    let left: Vec<&Claim> = f
        .claims
        .iter()
        .filter_map(|id| by_id.get(id.as_str()).copied())
        .collect();
    let any_disjoint = left
        .iter()
        .enumerate()
        .any(|(i, a)| left.iter().skip(i + 1).any(|b| !a.value.overlaps(&b.value)));
    if !any_disjoint {
        return None;
    }
    // The message was written with every claim: say it again with the ones left, so a
    // figure taken out is quoted nowhere.
    f.message = without_quotes(&f.message, &removed).unwrap_or_else(|| restate(&f, &left));
    Some(f)
}

/// The message without the parts (`; `-separated) that quote a removed claim, when that
/// leaves its head and a disagreement; `None` when it cannot be cut that way.
fn without_quotes(message: &str, removed: &[&Claim]) -> Option<String> {
    let quotes = |p: &str, c: &Claim| {
        p.contains(&format!("\"{}\" (", c.text))
            && p.contains(&format!(" in {}:{}", c.doc, c.span.line))
    };
    let pieces: Vec<&str> = message.split("; ").collect();
    if !removed.iter().any(|c| pieces.iter().any(|p| quotes(p, c))) {
        return Some(message.to_string());
    }
    if removed.iter().any(|c| quotes(pieces[0], c)) {
        return None;
    }
    let kept: Vec<&str> = pieces
        .into_iter()
        .filter(|p| !removed.iter().any(|c| quotes(p, c)))
        .collect();
    let cut = kept.join("; ");
    let disagreement = cut.contains(" vs ") || cut.contains("differing: ");
    disagreement.then_some(cut)
}

/// A finding's message for the claims `left` in it: what most sources say and which
/// differ, each with its time scope and place.
fn restate(f: &Finding, left: &[&Claim]) -> String {
    let head = match (f.subject.as_deref(), f.attribute.as_deref()) {
        (Some(s), Some(a)) => format!("{s} {}", a.replace('_', " ")),
        (Some(s), None) => s.to_string(),
        (None, Some(a)) => a.replace('_', " "),
        (None, None) => "figures".to_string(),
    };
    let when = |c: &Claim| match &c.as_of {
        Some(t) => format!("as of {t}"),
        None => "time unknown".to_string(),
    };
    let describe = |c: &Claim| format!("\"{}\" ({}) in {}:{}", c.text, when(c), c.doc, c.span.line);
    // The value most documents state, and how many state it.
    let mut docs_by_text: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in left {
        docs_by_text.entry(&c.text).or_default().insert(&c.doc);
    }
    let Some(major) = left.iter().max_by_key(|c| {
        (
            docs_by_text[c.text.as_str()].len(),
            std::cmp::Reverse(c.id.as_str()),
        )
    }) else {
        return head;
    };
    let n = docs_by_text[major.text.as_str()].len();
    let mut seen = BTreeSet::new();
    let others: Vec<String> = left
        .iter()
        .filter(|c| !c.value.overlaps(&major.value))
        .filter(|c| seen.insert((c.doc.as_str(), c.text.as_str())))
        .map(|c| describe(c))
        .collect();
    if n <= 1 {
        format!("{head}: {} vs {}", describe(major), others.join("; "))
    } else {
        format!(
            "{head}: {n} sources say \"{}\" ({}); differing: {}",
            major.text,
            when(major),
            others.join("; ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Interval, Kind, Span};
    use crate::finding::Severity;

    fn claim(id: &str, doc: &str, line: usize, v: f64) -> Claim {
        Claim {
            id: id.into(),
            subject: Some("Alexandr Wang".into()),
            attribute: Some("age".into()),
            ..Claim::new(
                doc,
                Span {
                    start: 0,
                    end: 1,
                    line,
                    column: 1,
                },
                "27",
                Kind::Age,
                Interval::exact(v),
            )
        }
    }

    fn finding(ids: &[&str]) -> Finding {
        Finding {
            fingerprint: ids.join("-"),
            verdict: Verdict::Conflict,
            severity: Severity::Error,
            subject: Some("Alexandr Wang".into()),
            attribute: Some("age".into()),
            claims: ids.iter().map(|s| s.to_string()).collect(),
            message: "ages differ".into(),
        }
    }

    #[test]
    fn next_line_directive_covers_the_next_non_blank_line_and_keeps_its_reason() {
        let doc = Document::from_text(
            "a.md",
            "intro\n<!-- claimcheck-disable-next-line: the AP figure is older -->\n\nWang, 27\n",
        );
        let s = parse_suppressions(&doc);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].line, s[0].first, s[0].last), (2, 4, 4));
        assert_eq!(s[0].reason.as_deref(), Some("the AP figure is older"));
    }

    #[test]
    fn disable_block_runs_to_enable_or_end() {
        let doc = Document::from_text(
            "a.md",
            "<!-- claimcheck-disable -->\na\nb\n<!--claimcheck-enable-->\nc\n<!-- claimcheck-disable: old -->\nd\n",
        );
        let s = parse_suppressions(&doc);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].first, s[0].last), (1, 4));
        assert_eq!((s[1].first, s[1].last), (6, usize::MAX));
        assert_eq!(s[1].reason.as_deref(), Some("old"));
    }

    #[test]
    fn lookalike_comments_are_not_directives() {
        let doc = Document::from_text("a.md", "<!-- claimcheck-disabled -->\n<!-- disable -->\n");
        assert!(parse_suppressions(&doc).is_empty());
    }

    #[test]
    fn finding_with_a_claim_on_a_suppressed_line_is_suppressed() {
        let claims = [claim("x", "a.md", 4, 27.0), claim("y", "b.md", 2, 28.0)];
        let doc = Document::from_text("a.md", "\n\n<!-- claimcheck-disable-next-line -->\nx\n");
        let sups = parse_suppressions(&doc);
        let (kept, gone, unused) = apply_suppressions(vec![finding(&["x", "y"])], &claims, &sups);
        assert!(kept.is_empty());
        assert_eq!(gone.len(), 1);
        assert!(unused.is_empty());
    }

    #[test]
    fn suppression_in_another_document_is_unused() {
        let claims = [claim("x", "a.md", 4, 27.0), claim("y", "b.md", 2, 28.0)];
        let doc = Document::from_text("c.md", "<!-- claimcheck-disable-next-line -->\nx\n");
        let sups = parse_suppressions(&doc);
        let (kept, _, unused) = apply_suppressions(vec![finding(&["x", "y"])], &claims, &sups);
        assert_eq!(kept.len(), 1);
        assert_eq!(unused, vec![0]);
    }

    #[test]
    fn ignored_claim_leaves_a_two_claim_conflict_empty() {
        let claims = [
            claim("x", "archive/old.md", 1, 27.0),
            claim("y", "news/new.md", 1, 28.0),
        ];
        let rule = IgnoreRule {
            path: "archive/**".into(),
            attributes: vec!["age".into()],
        };
        let m = PathMatcher::new(std::slice::from_ref(&rule.path), None).unwrap();
        let out = apply_ignore_rules(vec![finding(&["x", "y"])], &claims, &[], &[(m, rule)]);
        assert!(out.is_empty());
    }

    #[test]
    fn ignored_claim_keeps_a_conflict_among_the_rest() {
        let claims = [
            claim("x", "archive/old.md", 1, 27.0),
            claim("y", "news/a.md", 1, 28.0),
            claim("z", "news/b.md", 1, 29.0),
        ];
        let rule = IgnoreRule {
            path: "archive/**".into(),
            attributes: vec![],
        };
        let m = PathMatcher::new(std::slice::from_ref(&rule.path), None).unwrap();
        let out = apply_ignore_rules(vec![finding(&["x", "y", "z"])], &claims, &[], &[(m, rule)]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].claims, vec!["y", "z"]);
    }

    #[test]
    fn ignore_rule_for_another_attribute_changes_nothing() {
        let claims = [
            claim("x", "archive/old.md", 1, 27.0),
            claim("y", "b.md", 1, 28.0),
        ];
        let rule = IgnoreRule {
            path: "archive/**".into(),
            attributes: vec!["valuation".into()],
        };
        let m = PathMatcher::new(std::slice::from_ref(&rule.path), None).unwrap();
        let out = apply_ignore_rules(vec![finding(&["x", "y"])], &claims, &[], &[(m, rule)]);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn suppressing_one_figure_keeps_the_conflict_among_the_others() {
        let claims = [
            claim("x", "a.md", 2, 27.0),
            claim("y", "b.md", 1, 28.0),
            claim("z", "c.md", 1, 29.0),
        ];
        let doc = Document::from_text("a.md", "<!-- claimcheck-disable-next-line -->\nx\n");
        let sups = parse_suppressions(&doc);
        let (kept, gone, unused) =
            apply_suppressions(vec![finding(&["x", "y", "z"])], &claims, &sups);
        assert!(gone.is_empty());
        assert!(unused.is_empty(), "it did suppress a figure");
        assert_eq!(kept[0].claims, vec!["y", "z"]);
    }

    #[test]
    fn derived_conflict_goes_with_any_of_its_figures() {
        let claims = [
            claim("x", "a.md", 2, 27.0),
            claim("y", "b.md", 1, 28.0),
            claim("z", "c.md", 1, 29.0),
        ];
        let mut f = finding(&["x", "y", "z"]);
        f.verdict = Verdict::DerivedConflict;
        let doc = Document::from_text("a.md", "<!-- claimcheck-disable-next-line -->\nx\n");
        let (kept, gone, _) = apply_suppressions(vec![f], &claims, &parse_suppressions(&doc));
        assert!(kept.is_empty());
        assert_eq!(gone.len(), 1);
    }
}
