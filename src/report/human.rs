//! The human format: rustc/ruff-style diagnostics. One block per finding — a headline
//! `error[conflict]: Scale AI valuation: sources disagree`, the competing values side
//! by side with hedge and time scope, how much they differ (the majority's figure and its
//! sources, then each differing figure against it: relative and absolute difference,
//! beyond or within rounding and hedges), then each source line quoted under `--> path:line:col`
//! with the figure underlined — and a summary line.

use super::spread::{describe_difference, describe_relative, spread, Standing};
use super::{as_of_label, columns, headline, plural, Context};
use crate::claim::AsOfSource;
use crate::claim::Claim;
use crate::finding::Severity;
use crate::gate::Notice;
use std::io::{self, Write};

/// Characters of context kept on each side of a figure when a line is long.
const CONTEXT_CHARS: usize = 50;
/// Lines longer than this many characters are cut around the figure.
const MAX_LINE_CHARS: usize = 120;

struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, s: &str, code: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn severity(&self, s: Severity, text: &str) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
            Severity::None => "1;32",
        };
        self.paint(text, code)
    }

    fn gutter(&self, s: &str) -> String {
        self.paint(s, "1;34")
    }
}

fn level_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
        Severity::None => "ok",
    }
}

pub(super) fn render(ctx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    let p = Paint { on: ctx.opts.color };
    for f in ctx.findings() {
        let mut claims = ctx.claims_of(f);
        if f.verdict == crate::finding::Verdict::TimeScoped {
            // A timeline: earliest time scope first, unknown last.
            claims
                .sort_by(|a, b| (a.as_of.is_none(), &a.as_of).cmp(&(b.as_of.is_none(), &b.as_of)));
        }
        let tag = format!("{}[{}]", level_word(f.severity), f.verdict.as_str());
        writeln!(
            out,
            "{}: {}",
            p.severity(f.severity, &tag),
            p.paint(&headline(f), "1")
        )?;
        let width = gutter_width(claims.iter().map(|c| c.span.line));
        value_table(ctx, &p, &claims, width, out)?;
        how_much(ctx, f, &claims, &p, width, out)?;
        for c in &claims {
            quote(ctx, &p, c, width, f.severity, out)?;
        }
        if !f.message.is_empty() {
            writeln!(
                out,
                "{:width$} {} note: {}",
                "",
                p.gutter("="),
                f.message,
                width = width
            )?;
        }
        writeln!(out)?;
    }
    if ctx.opts.all {
        not_compared(ctx, &p, out)?;
    }
    for n in &ctx.report.notices {
        // Quiet: only what can fail the run.
        if ctx.opts.quiet && n.kind != crate::gate::NoticeKind::UnusedSuppression {
            continue;
        }
        notice(ctx, &p, n, out)?;
    }
    if ctx.opts.quiet {
        return Ok(());
    }
    summary(ctx, &p, out)
}

/// With `--all`: every figure not compared with another source, one line each, with why
/// in short (`claimcheck explain FILE:LINE` tells it in full).
fn not_compared(ctx: &Context<'_>, p: &Paint, out: &mut dyn Write) -> io::Result<()> {
    let list = crate::explain::not_compared(&ctx.report.report);
    if list.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        p.paint(
            &format!(
                "not compared with another source ({}; `claimcheck explain FILE:LINE` says why in full):",
                list.len()
            ),
            "1"
        )
    )?;
    for (c, why) in list {
        let short = why.split([':', ';', '(']).next().unwrap_or(&why).trim();
        writeln!(out, "  {}: \"{}\" — {short}", ctx.location(c), c.text)?;
    }
    writeln!(out)
}

fn gutter_width(lines: impl Iterator<Item = usize>) -> usize {
    lines.map(|l| l.to_string().len()).max().unwrap_or(1)
}

/// The competing values, one row per source: value, hedge, as of, place.
fn value_table(
    ctx: &Context<'_>,
    p: &Paint,
    claims: &[&Claim],
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows: Vec<[String; 4]> = claims
        .iter()
        .map(|c| {
            [
                c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                c.qualifier.as_str().to_string(),
                as_of_label(c),
                ctx.short_location(c),
            ]
        })
        .collect();
    let head = ["value", "hedge", "as of", "source"];
    let mut w = head.map(|h| h.chars().count());
    for r in &rows {
        for (i, cell) in r.iter().enumerate() {
            w[i] = w[i].max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            s.push_str(cell);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(w[i] - cell.chars().count() + 3));
            }
        }
        s
    };
    writeln!(
        out,
        "{:width$} {} {}",
        "",
        p.gutter("="),
        p.paint(&line(head), "2"),
        width = width
    )?;
    for r in &rows {
        writeln!(
            out,
            "{:width$}   {}",
            "",
            line([&r[0], &r[1], &r[2], &r[3]]),
            width = width
        )?;
    }
    Ok(())
}

/// How far apart the figures are: the majority's figure with its sources and who
/// differs, then one line per differing figure, "$13 billion (004, as of 2023-11) vs
/// nearly $14 billion (000, now): 7.7% apart as stated ($1 billion), beyond rounding and hedges". Derived and
/// house-fact checks weigh figures of several quantities and get no such line.
fn how_much(
    ctx: &Context<'_>,
    f: &crate::finding::Finding,
    claims: &[&Claim],
    p: &Paint,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::finding::Verdict;
    if matches!(
        f.verdict,
        Verdict::Agree | Verdict::DerivedConflict | Verdict::FactConflict
    ) {
        return Ok(());
    }
    let Some(sp) = spread(claims, f.verdict != Verdict::Conflict) else {
        return Ok(());
    };
    if sp.dissent.is_empty() {
        return Ok(());
    }
    let total = claims
        .iter()
        .map(|c| c.doc.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let docs = sp.majority_docs();
    let dissenters: Vec<String> = sp
        .dissent
        .iter()
        .map(|d| format!("{} ({})", fold(&d.claim.text), ctx.label(&d.claim.doc)))
        .collect();
    // A timeline has no majority (each figure is right for its day), and a tie is none.
    if f.verdict != Verdict::TimeScoped && docs.len() >= 2 && docs.len() * 2 > total {
        let lead = "most sources";
        writeln!(
            out,
            "{:width$} {} {lead}: {} ({} of {total} sources: {}); differ: {}",
            "",
            p.gutter("="),
            fold(&sp.anchor.text),
            docs.len(),
            docs.iter()
                .map(|d| ctx.label(d))
                .collect::<Vec<_>>()
                .join(", "),
            dissenters.join(", "),
            width = width
        )?;
    }
    for d in &sp.dissent {
        let mut line = format!(
            "{} ({}, {}) vs {} ({}, {})",
            fold(&d.claim.text),
            ctx.label(&d.claim.doc),
            when(d.claim),
            fold(&sp.anchor.text),
            ctx.label(&sp.anchor.doc),
            when(sp.anchor)
        );
        if let Some(r) = d.relative {
            // The stated figures' distance; the note's percentage is what is left of it
            // once rounding and hedges are allowed for.
            line.push_str(&format!(": {} apart as stated", describe_relative(r)));
            if let Some(a) = d.absolute {
                line.push_str(&format!(" ({})", describe_difference(a, sp.anchor)));
            }
        }
        line.push_str(if d.beyond_hedge {
            ", beyond rounding and hedges"
        } else {
            ", within rounding and hedges"
        });
        if d.standing == Standing::OtherTime {
            line.push_str(", at another time");
        }
        writeln!(
            out,
            "{:width$} {} how much: {line}",
            "",
            p.gutter("="),
            width = width
        )?;
    }
    Ok(())
}

/// "as of 2023-11", "now", "at the time", "date unknown".
fn when(c: &Claim) -> String {
    match (&c.as_of, c.as_of_source) {
        (Some(a), _) => format!("as of {a}"),
        (None, Some(AsOfSource::Present)) => "now".to_string(),
        (None, Some(AsOfSource::AtTheTime)) => "at the time".to_string(),
        (None, _) => "date unknown".to_string(),
    }
}

/// `--> path:line:col`, the source line, and the figure underlined.
fn quote(
    ctx: &Context<'_>,
    p: &Paint,
    c: &Claim,
    width: usize,
    severity: Severity,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{:width$}{} {}",
        "",
        p.gutter("-->"),
        ctx.location(c),
        width = width
    )?;
    let (start, end) = columns(c);
    underlined_line(
        ctx,
        p,
        &c.doc,
        c.span.line,
        start,
        end,
        width,
        severity,
        out,
    )
}

#[allow(clippy::too_many_arguments)]
fn underlined_line(
    ctx: &Context<'_>,
    p: &Paint,
    doc: &str,
    line: usize,
    start_col: usize,
    end_col: usize,
    width: usize,
    severity: Severity,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(text) = ctx.line(doc, line) else {
        return Ok(());
    };
    let (shown, start, len) = window(text, start_col, end_col);
    writeln!(out, "{:width$} {}", "", p.gutter("|"), width = width)?;
    writeln!(
        out,
        "{} {} {}",
        p.gutter(&format!("{line:>width$}")),
        p.gutter("|"),
        shown,
    )?;
    writeln!(
        out,
        "{:width$} {} {}{}",
        "",
        p.gutter("|"),
        " ".repeat(start),
        p.severity(severity, &"^".repeat(len.max(1))),
        width = width
    )
}

/// The part of a line to show, tabs turned into spaces, with the 0-based character
/// offset and length of the underline in what is shown. Long lines are cut around the
/// figure and marked with `…`.
fn window(text: &str, start_col: usize, end_col: usize) -> (String, usize, usize) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
        .collect();
    let start = start_col.saturating_sub(1).min(chars.len());
    let end = end_col.saturating_sub(1).clamp(start, chars.len());
    if chars.len() <= MAX_LINE_CHARS {
        let shown: String = chars.iter().collect::<String>().trim_end().to_string();
        return (shown, start, end - start);
    }
    let from = start.saturating_sub(CONTEXT_CHARS);
    let to = (end + CONTEXT_CHARS).min(chars.len());
    let mut shown = String::new();
    let mut offset = start - from;
    if from > 0 {
        shown.push('…');
        offset += 1;
    }
    shown.extend(&chars[from..to]);
    if to < chars.len() {
        shown.push('…');
    }
    (shown, offset, end - start)
}

fn notice(ctx: &Context<'_>, p: &Paint, n: &Notice, out: &mut dyn Write) -> io::Result<()> {
    let tag = format!("{}[{}]", level_word(n.severity), n.kind.as_str());
    writeln!(out, "{}: {}", p.severity(n.severity, &tag), n.message)?;
    if let (Some(doc), Some(line)) = (&n.doc, n.line) {
        let col = n.column.unwrap_or(1);
        let width = gutter_width(std::iter::once(line));
        writeln!(
            out,
            "{:width$}{} {doc}:{line}:{col}",
            "",
            p.gutter("-->"),
            width = width
        )?;
        let end = ctx
            .line(doc, line)
            .map_or(col + 1, |l| l.chars().count() + 1);
        underlined_line(ctx, p, doc, line, col, end, width, n.severity, out)?;
    }
    writeln!(out)
}

fn summary(ctx: &Context<'_>, p: &Paint, out: &mut dyn Write) -> io::Result<()> {
    let r = &ctx.report.report;
    let s = &r.summary;
    let agree = r
        .findings
        .iter()
        .filter(|f| f.verdict == crate::finding::Verdict::Agree)
        .count();
    let line = format!(
        "{}, {} ({} compared across sources), {} ({agree} agree): {}, {}, {} info",
        plural(r.documents.len().max(s.documents), "document"),
        plural(r.claims.len().max(s.claims), "claim"),
        s.compared,
        plural(s.groups, "group"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.infos
    );
    let worst = r
        .findings
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(Severity::None);
    write!(out, "{}", p.severity(worst, &line))?;
    let mut extra = Vec::new();
    if ctx.report.suppressed > 0 {
        extra.push(format!("{} suppressed", ctx.report.suppressed));
    }
    if ctx.report.baselined > 0 {
        extra.push(format!("{} in baseline", ctx.report.baselined));
    }
    let unused = ctx
        .report
        .notices
        .iter()
        .filter(|n| n.kind == crate::gate::NoticeKind::UnusedSuppression)
        .count();
    if unused > 0 {
        extra.push(plural(unused, "unused suppression"));
    }
    if !extra.is_empty() {
        write!(out, " ({})", extra.join(", "))?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_line_is_shown_whole_with_underline_under_the_figure() {
        let (shown, at, len) = window("Wang, 27, said", 7, 9);
        assert_eq!(shown, "Wang, 27, said");
        assert_eq!((at, len), (6, 2));
    }

    #[test]
    fn long_line_is_cut_around_the_figure() {
        let text = format!("{}$13 billion{}", "a".repeat(200), "b".repeat(200));
        let (shown, at, len) = window(&text, 201, 212);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(
            shown.chars().skip(at).take(len).collect::<String>(),
            "$13 billion"
        );
    }

    #[test]
    fn tabs_do_not_shift_the_underline() {
        let (shown, at, _) = window("\tWang, 27", 8, 10);
        assert_eq!(shown.chars().nth(at), Some('2'));
    }

    #[test]
    fn columns_past_the_line_end_do_not_panic() {
        let (shown, at, len) = window("short", 40, 50);
        assert_eq!((shown.as_str(), at, len), ("short", 5, 0));
    }
}
