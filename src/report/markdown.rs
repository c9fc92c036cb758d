//! The Markdown format: a summary table, then one section per finding with each
//! source's sentence quoted (figure in bold) and a relative link to file and line
//! (`path#L12`), for PR comments and job summaries.

use super::{as_of_label, headline, plural, rel_path, topic, Context};
use crate::claim::Claim;
use crate::finding::Severity;
use std::io::{self, Write};

pub(super) fn render(ctx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let r = &ctx.report.report;
    let s = &r.summary;
    writeln!(out, "## claimcheck")?;
    writeln!(out)?;
    writeln!(
        out,
        "{}, {} ({} compared across sources), {} ({} agree): **{}**, {}, {} info",
        plural(r.documents.len().max(s.documents), "document"),
        plural(r.claims.len().max(s.claims), "claim"),
        s.compared,
        plural(s.groups, "group"),
        r.findings
            .iter()
            .filter(|f| f.verdict == crate::finding::Verdict::Agree)
            .count(),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.infos
    )?;
    let findings: Vec<_> = ctx.findings().collect();
    if !findings.is_empty() {
        writeln!(out)?;
        writeln!(out, "| severity | verdict | subject | values | sources |")?;
        writeln!(out, "| --- | --- | --- | --- | --- |")?;
        for f in &findings {
            let claims = ctx.claims_of(f);
            let values: Vec<String> = claims.iter().map(|c| inline(&c.text)).collect();
            let sources: Vec<String> = claims.iter().map(|c| link(ctx, c)).collect();
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                f.severity.as_str(),
                f.verdict.as_str(),
                cell(&topic(f)),
                cell(&values.join(" · ")),
                cell(&sources.join(", "))
            )?;
        }
    }
    for f in &findings {
        writeln!(out)?;
        writeln!(out, "### {}: {}", f.severity.as_str(), escape(&headline(f)))?;
        writeln!(out)?;
        if !f.message.is_empty() {
            writeln!(out, "{}", escape(&f.message))?;
            writeln!(out)?;
        }
        for c in ctx.claims_of(f) {
            writeln!(
                out,
                "- {} {} · hedge {} · as of {}",
                link(ctx, c),
                inline(&c.text),
                c.qualifier.as_str(),
                escape(&as_of_label(c))
            )?;
            writeln!(out, "  > {}", quote(c))?;
        }
    }
    if !ctx.report.notices.is_empty() {
        writeln!(out)?;
        writeln!(out, "### Notices")?;
        writeln!(out)?;
        for n in &ctx.report.notices {
            let place = match (&n.doc, n.line) {
                (Some(d), Some(l)) => format!(
                    "[{}:{l}]({}#L{l}) ",
                    escape(&rel_path(d)),
                    url_path(&rel_path(d))
                ),
                _ => String::new(),
            };
            let level = if n.severity == Severity::Warning {
                "warning"
            } else {
                n.severity.as_str()
            };
            writeln!(out, "- {level}: {place}{}", escape(&n.message))?;
        }
    }
    if ctx.report.suppressed > 0 || ctx.report.baselined > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} findings suppressed inline, {} in the baseline.",
            ctx.report.suppressed, ctx.report.baselined
        )?;
    }
    Ok(())
}

/// `[a.md:3](a.md#L3)`; for a JSON record, its file and line with the record id.
fn link(ctx: &Context<'_>, c: &Claim) -> String {
    let (p, line) = ctx.file_line(c);
    let label = match ctx.record_origin(c) {
        Some(_) => format!("{p}:{line} (record {})", c.doc),
        None => format!("{p}:{line}"),
    };
    format!("[{}]({}#L{line})", escape(&label), url_path(&p))
}

/// The figure as inline code, whitespace folded, safe inside a table cell.
fn inline(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let ticks = if folded.contains('`') { "`` " } else { "`" };
    let close = if folded.contains('`') { " ``" } else { "`" };
    format!("{ticks}{folded}{close}")
}

/// The claim's sentence, escaped, with the figure in bold (first occurrence).
fn quote(c: &Claim) -> String {
    let text = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
    match c.sentence.find(&text) {
        Some(i) if !text.is_empty() => format!(
            "{}**{}**{}",
            escape(&c.sentence[..i]),
            escape(&text),
            escape(&c.sentence[i + text.len()..])
        ),
        _ => escape(&c.sentence),
    }
}

/// Escapes Markdown punctuation so quoted prose renders as written.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// A table cell: pipes escaped, even inside code spans.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// A relative path as a link target: spaces and parentheses percent-encoded.
fn url_path(p: &str) -> String {
    let mut out = String::new();
    for ch in p.chars() {
        match ch {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '#' => out.push_str("%23"),
            '%' => out.push_str("%25"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_punctuation_is_escaped() {
        assert_eq!(escape("a *b* [c] <d>"), "a \\*b\\* \\[c\\] \\<d\\>");
    }

    #[test]
    fn link_targets_encode_spaces() {
        assert_eq!(
            url_path("news/my story (1).md"),
            "news/my%20story%20%281%29.md"
        );
    }

    #[test]
    fn code_span_survives_backticks() {
        assert_eq!(inline("a`b"), "`` a`b ``");
        assert_eq!(inline("$13\n billion"), "`$13 billion`");
    }
}
