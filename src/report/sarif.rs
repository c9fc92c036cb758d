//! The sarif format: SARIF 2.1.0 for GitHub code scanning and other viewers. One rule
//! per verdict and gate notice; one result per claim of every finding (so each article
//! is marked where its figure stands), the finding's other claims as related
//! locations, and content fingerprints that survive edits above a claim.

use super::{full_message, others_summary, Context};
use crate::finding::{Severity, Verdict};
use crate::fingerprint::fingerprint;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Where people can read about the tool.
/// The project's repository (`repository` in Cargo.toml), where SARIF viewers link the
/// tool; left out of the log when the package names none, rather than a dead link
/// (claimcheck is not published on crates.io).
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// Every rule: id, short description, default severity.
const RULES: &[(&str, &str, Severity)] = &[
    (
        "conflict",
        "Sources give disjoint figures for the same time scope",
        Severity::Error,
    ),
    (
        "conflict_scope_uncertain",
        "Sources give disjoint figures and their time scopes are unknown or vague",
        Severity::Warning,
    ),
    (
        "time_scoped",
        "A figure differs at explicitly different times",
        Severity::Info,
    ),
    (
        "derived_conflict",
        "A figure contradicts another through arithmetic",
        Severity::Warning,
    ),
    (
        "fact_conflict",
        "A figure contradicts a house fact",
        Severity::Error,
    ),
    ("agree", "All sources agree", Severity::None),
    (
        "unused-suppression",
        "A claimcheck suppression comment suppresses no finding",
        Severity::Warning,
    ),
    (
        "baseline-entry-gone",
        "A baselined finding no longer occurs",
        Severity::Info,
    ),
];

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
        Severity::None => "none",
    }
}

fn rule_index(id: &str) -> usize {
    RULES.iter().position(|r| r.0 == id).unwrap_or(0)
}

fn location(uri: &str, line: usize, start: usize, end: Option<usize>) -> Value {
    // `uri` is already the repository path of the document.
    // SARIF lines and columns are 1-based; a claim never says 0, but stay valid if so.
    let start = start.max(1);
    let mut region = json!({"startLine": line.max(1), "startColumn": start});
    if let Some(e) = end {
        region["endColumn"] = json!(e.max(start + 1));
    }
    json!({"physicalLocation": {
        "artifactLocation": {"uri": uri_escape(uri)},
        "region": region
    }})
}

pub(super) fn render(ctx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|(id, text, sev)| {
            json!({
                "id": id,
                "name": id.replace(['-', '_'], " "),
                "shortDescription": {"text": text},
                "defaultConfiguration": {"level": level(*sev)}
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in ctx.findings() {
        let id = f.verdict.as_str();
        let claims = ctx.claims_of(f);
        for (i, c) in claims.iter().enumerate() {
            let (path, line, col, end) = ctx.place(c);
            let mut text = full_message(f);
            let others = others_summary(ctx, f, c);
            if !others.is_empty() {
                text.push_str(&format!(" Other sources: {}.", others.join("; ")));
            }
            let related: Vec<Value> = claims
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .take(super::OTHERS_SHOWN)
                .map(|(j, o)| {
                    let (p, line, s, e) = ctx.place(o);
                    let mut l = location(&p, line, s, Some(e));
                    l["id"] = json!(j);
                    l["message"] =
                        json!({"text": format!("{}, as of {}", o.text, super::as_of_label(o))});
                    l
                })
                .collect();
            let mut result = json!({
                "ruleId": id,
                "ruleIndex": rule_index(id),
                "level": level(f.severity),
                "message": {"text": text},
                "locations": [location(&path, line, col, Some(end))],
                "partialFingerprints": {
                    "claimcheckFinding/v1": f.fingerprint,
                    "claimcheckClaim/v1": fingerprint(&[&f.fingerprint, &c.doc, &c.text]),
                },
                "properties": {
                    "subject": f.subject,
                    "attribute": f.attribute,
                    "verdict": id,
                }
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            if f.verdict == Verdict::Agree {
                result["kind"] = json!("pass");
            }
            results.push(result);
        }
    }
    // GitHub code scanning rejects a whole file when one result has no location, so
    // notices without a place (a fixed baseline entry) are tool notifications instead.
    let mut notifications = Vec::new();
    for n in &ctx.report.notices {
        let id = n.kind.as_str();
        let (Some(doc), Some(line)) = (&n.doc, n.line) else {
            notifications.push(json!({
                "descriptor": {"id": id},
                "level": level(n.severity),
                "message": {"text": n.message},
            }));
            continue;
        };
        let mut result = json!({
            "ruleId": id,
            "ruleIndex": rule_index(id),
            "level": level(n.severity),
            "message": {"text": n.message},
            "partialFingerprints": {"claimcheckNotice/v1": n.fingerprint},
        });
        result["locations"] = json!([location(
            &ctx.repo_path(doc),
            line,
            n.column.unwrap_or(1),
            None
        )]);
        results.push(result);
    }
    let mut driver = json!({
        "name": "claimcheck",
        "version": ctx.opts.tool_version,
        "rules": rules
    });
    if !INFORMATION_URI.is_empty() {
        driver["informationUri"] = json!(INFORMATION_URI);
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications
            }],
            "results": results
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// A relative path as a URI reference: characters outside the unreserved and path
/// sets percent-encoded.
fn uri_escape(p: &str) -> String {
    let mut out = String::new();
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_spaces_and_non_ascii() {
        assert_eq!(uri_escape("news/é a.md"), "news/%C3%A9%20a.md");
    }

    #[test]
    fn every_verdict_has_a_rule() {
        for v in [
            Verdict::Agree,
            Verdict::Conflict,
            Verdict::ConflictScopeUncertain,
            Verdict::TimeScoped,
            Verdict::DerivedConflict,
            Verdict::FactConflict,
        ] {
            assert!(RULES.iter().any(|r| r.0 == v.as_str()), "{v:?}");
        }
    }
}
