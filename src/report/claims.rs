//! Claim listings for `claimcheck extract`: one line per claim for people, the JSON
//! contract object, or JSON Lines.

use crate::claim::{Claim, Interval, Kind, Qualifier};
use crate::diff::format_amount;
use crate::document::Document;
use crate::finding::DocumentInfo;
use serde::Serialize;
use std::io::{self, Write};

/// The output formats of `claimcheck extract`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimFormat {
    /// One readable line per claim.
    Human,
    /// `{"version", "documents", "claims"}` as DESIGN.md specifies.
    Json,
    /// One claim object per line.
    Jsonl,
}

/// The `extract --format json` object, fields in contract order.
#[derive(Serialize)]
struct ClaimListing<'a> {
    version: u32,
    documents: Vec<DocumentInfo>,
    claims: &'a [Claim],
}

/// Writes `claims` (sorted by document and offset) in `format`.
pub fn render_claims(
    docs: &[Document],
    claims: &[Claim],
    format: ClaimFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ClaimFormat::Human => {
            for c in claims {
                writeln!(out, "{}", claim_line(c))?;
            }
        }
        ClaimFormat::Json => {
            let documents = DocumentInfo::list(docs);
            let v = ClaimListing {
                version: 1,
                documents,
                claims,
            };
            serde_json::to_writer_pretty(&mut *out, &v)?;
            writeln!(out)?;
        }
        ClaimFormat::Jsonl => {
            for c in claims {
                serde_json::to_writer(&mut *out, c)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// `seeds/a.txt:4:264: money "nearly $14 billion" = 13.58–14 billion USD (nearly) · Scale AI
/// · valuation · as of 2025-06`.
pub fn claim_line(c: &Claim) -> String {
    let mut line = format!(
        "{}:{}:{}: {} {:?} = {}",
        c.doc,
        c.span.line,
        c.span.column,
        c.kind.as_str(),
        c.text,
        describe_value(c)
    );
    if c.qualifier != Qualifier::None {
        line.push_str(&format!(" ({})", c.qualifier.as_str()));
    }
    for part in [&c.subject, &c.attribute].into_iter().flatten() {
        line.push_str(" · ");
        line.push_str(part);
    }
    if let Some(t) = &c.as_of {
        line.push_str(&format!(" · as of {t}"));
    }
    line
}

/// The value of a claim for people: the date it states, or its interval with unit.
pub fn describe_value(c: &Claim) -> String {
    if let (Some(d), Kind::Date | Kind::Year) = (&c.date, c.kind) {
        return d.clone();
    }
    let unit = match c.kind {
        Kind::Percent => match c.unit.as_deref() {
            Some("percentage_point") => Some(" percentage points"),
            _ => Some("%"),
        },
        _ => None,
    };
    let num = |v: f64| {
        if c.kind == Kind::Money || v.abs() >= 1e6 {
            format_amount(v, None)
        } else {
            let s = format!("{v:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let suffix = match (unit, c.kind) {
        (Some(u), _) => u.to_string(),
        (None, _) => match c.unit.as_deref() {
            Some(u) => format!(" {u}"),
            None => String::new(),
        },
    };
    let per = c
        .per
        .as_deref()
        .map(|p| format!(" per {p}"))
        .unwrap_or_default();
    format!("{}{suffix}{per}", interval_text(&c.value, c.qualifier, num))
}

fn interval_text(v: &Interval, q: Qualifier, num: impl Fn(f64) -> String) -> String {
    // "more than" and "less than" leave the figure itself out; "at least" keeps it.
    let (above, below) = match q {
        Qualifier::MoreThan => ("> ", "< "),
        Qualifier::LessThan => ("> ", "< "),
        _ => ("≥ ", "≤ "),
    };
    match (v.low, v.point, v.high) {
        (Some(l), _, Some(h)) if l == h => num(l),
        // Bounds too close for four significant digits: show them in full.
        (Some(l), _, Some(h)) if num(l) == num(h) => format!("{l}–{h}"),
        (Some(l), _, Some(h)) => format!("{}–{}", num(l), num(h)),
        (Some(l), _, None) => format!("{above}{}", num(l)),
        (None, _, Some(h)) => format!("{below}{}", num(h)),
        (None, Some(p), None) => num(p),
        (None, None, None) => "?".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::pipeline::extract;

    #[test]
    fn a_claim_line_shows_interval_hedge_and_subject() {
        let doc = Document::from_text("a.txt", "Scale was valued at nearly $14 billion.");
        let claims = extract(&doc, &Config::default());
        let line = claim_line(&claims[0]);
        assert!(
            line.starts_with("a.txt:1:21: money \"nearly $14 billion\" = "),
            "{line}"
        );
        assert!(
            line.contains("billion USD (nearly) · Scale · valuation"),
            "{line}"
        );
    }
}
