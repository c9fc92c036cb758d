//! The junit format: JUnit XML for CI test dashboards. Three test suites, so the counts
//! match the report: `claimcheck.groups` has one test case per group of claims compared
//! (agreeing ones pass), `claimcheck.checks` one per derived or house-fact conflict, and
//! `claimcheck.suppressions` one per unused suppression. A case fails when its severity
//! reaches the `--fail-on` level, with the quotes in the failure body.

use super::{as_of_label, full_message, rel_path, topic, Context};
use crate::finding::Verdict;
use crate::gate::NoticeKind;
use std::io::{self, Write};

struct Case {
    suite: &'static str,
    classname: String,
    name: String,
    file: Option<String>,
    failure: Option<(String, String, String)>,
    output: Option<String>,
}

pub(super) fn render(ctx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut cases = Vec::new();
    for f in &ctx.report.report.findings {
        let claims = ctx.claims_of(f);
        let mut body = String::new();
        for c in &claims {
            let place = match ctx.record_origin(c) {
                Some(_) => ctx.location(c),
                None => format!("{}:{}:{}", rel_path(&c.doc), c.span.line, c.span.column),
            };
            body.push_str(&format!(
                "{place}: {} · hedge {} · as of {}\n    {}\n",
                c.text,
                c.qualifier.as_str(),
                as_of_label(c),
                c.sentence
            ));
        }
        let message = full_message(f);
        let (failure, output) = if ctx.fails(f.severity) {
            (Some((f.verdict.as_str().to_string(), message, body)), None)
        } else {
            (
                None,
                Some(format!("{}: {message}\n{body}", f.severity.as_str())),
            )
        };
        let suite = match f.verdict {
            Verdict::DerivedConflict | Verdict::FactConflict => "claimcheck.checks",
            _ => "claimcheck.groups",
        };
        cases.push(Case {
            suite,
            classname: format!("claimcheck.{}", f.verdict.as_str()),
            name: topic(f),
            file: claims.first().map(|c| ctx.file_line(c).0),
            failure,
            output,
        });
    }
    for n in &ctx.report.notices {
        if n.kind != NoticeKind::UnusedSuppression {
            continue;
        }
        let place = match (&n.doc, n.line) {
            (Some(d), Some(l)) => format!("{}:{l}", rel_path(d)),
            _ => String::new(),
        };
        let failure = ctx.fails(n.severity).then(|| {
            (
                n.kind.as_str().to_string(),
                n.message.clone(),
                place.clone(),
            )
        });
        cases.push(Case {
            suite: "claimcheck.suppressions",
            classname: format!("claimcheck.{}", n.kind.as_str()),
            name: format!("suppression at {place}"),
            file: n.doc.as_deref().map(rel_path),
            output: failure.is_none().then(|| n.message.clone()),
            failure,
        });
    }
    let failures = |cs: &[&Case]| cs.iter().filter(|c| c.failure.is_some()).count();
    let all: Vec<&Case> = cases.iter().collect();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="claimcheck" tests="{}" failures="{}" errors="0">"#,
        all.len(),
        failures(&all)
    )?;
    for suite in [
        "claimcheck.groups",
        "claimcheck.checks",
        "claimcheck.suppressions",
    ] {
        let cs: Vec<&Case> = cases.iter().filter(|c| c.suite == suite).collect();
        if cs.is_empty() && suite != "claimcheck.groups" {
            continue;
        }
        writeln!(
            out,
            r#"  <testsuite name="{suite}" tests="{}" failures="{}" errors="0" skipped="0">"#,
            cs.len(),
            failures(&cs)
        )?;
        for c in cs {
            write_case(c, out)?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

fn write_case(c: &Case, out: &mut dyn Write) -> io::Result<()> {
    let file = c
        .file
        .as_deref()
        .map(|f| format!(r#" file="{}""#, escape(f)))
        .unwrap_or_default();
    write!(
        out,
        r#"    <testcase classname="{}" name="{}"{file}"#,
        escape(&c.classname),
        escape(&c.name)
    )?;
    if c.failure.is_none() && c.output.is_none() {
        return writeln!(out, "/>");
    }
    writeln!(out, ">")?;
    if let Some((kind, message, body)) = &c.failure {
        writeln!(
            out,
            r#"      <failure type="{}" message="{}">{}</failure>"#,
            escape(kind),
            escape(message),
            escape(body)
        )?;
    }
    if let Some(o) = &c.output {
        writeln!(out, "      <system-out>{}</system-out>", escape(o))?;
    }
    writeln!(out, "    </testcase>")
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
