//! The github format: GitHub Actions workflow commands, one annotation per claim of
//! every finding (`::error file=…,line=…,col=…,endColumn=…,title=…::message`), so each
//! article in a pull request is marked where its figure stands, with the competing
//! figures in the message. Notices with a place become annotations too.

use super::{headline, others_summary, Context};
use crate::finding::Severity;
use std::io::{self, Write};

pub(super) fn render(ctx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in ctx.findings() {
        let Some(level) = command(f.severity) else {
            continue;
        };
        let title = format!("claimcheck {}: {}", f.verdict.as_str(), headline(f));
        for c in ctx.claims_of(f) {
            let (path, line, col, end) = ctx.place(c);
            let mut message = f.message.clone();
            let others = others_summary(ctx, f, c);
            if !others.is_empty() {
                message.push_str("\nOther sources:\n");
                message.push_str(&others.join("\n"));
            }
            writeln!(
                out,
                "::{level} file={},line={},col={col},endColumn={end},title={}::{}",
                property(&path),
                line,
                property(&title),
                data(&message)
            )?;
        }
    }
    for n in &ctx.report.notices {
        let Some(level) = command(n.severity) else {
            continue;
        };
        let title = format!("claimcheck {}", n.kind.as_str());
        match (&n.doc, n.line) {
            (Some(doc), Some(line)) => writeln!(
                out,
                "::{level} file={},line={line},col={},title={}::{}",
                property(&ctx.repo_path(doc)),
                n.column.unwrap_or(1),
                property(&title),
                data(&n.message)
            )?,
            _ => writeln!(
                out,
                "::{level} title={}::{}",
                property(&title),
                data(&n.message)
            )?,
        }
    }
    Ok(())
}

/// The workflow command of a severity; none for agreeing groups.
fn command(s: Severity) -> Option<&'static str> {
    match s {
        Severity::Error => Some("error"),
        Severity::Warning => Some("warning"),
        Severity::Info => Some("notice"),
        Severity::None => None,
    }
}

/// Escapes a command's message (`%`, CR, LF).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_escapes_percent_and_line_breaks() {
        assert_eq!(data("49%\r\nnext"), "49%25%0D%0Anext");
    }

    #[test]
    fn property_also_escapes_colon_and_comma() {
        assert_eq!(property("a: b, 5%"), "a%3A b%2C 5%25");
    }
}
