//! Explain: how each figure at a place in a document was read and whether it was compared
//! — its value and unit, the rule and words that decided its quantity and subject, its
//! time scope, and the group it joined with that group's verdict, or why it was not
//! compared ("no counterpart in another source", "no quantity", "unrelated story").
//! Sits after `check`: it reads a finished [`Report`] and does no I/O.

use crate::claim::AsOfSource;
use crate::claim::{Claim, Kind, SubjectRule};
use crate::finding::{Finding, Report, Verdict};
use std::fmt::Write as _;

/// What explain says about one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'a> {
    /// The figure.
    pub claim: &'a Claim,
    /// The finding of the group it joined (any verdict), when it was grouped.
    pub finding: Option<&'a Finding>,
    /// Why it was not compared, when it was not.
    pub not_compared: Option<String>,
}

/// The figures of document `doc` on `line` (1-based), and at `column` when given (a
/// figure whose span covers that column), in document order.
pub fn explain<'a>(
    report: &'a Report,
    doc: &str,
    line: usize,
    column: Option<usize>,
) -> Vec<Explanation<'a>> {
    report
        .claims
        .iter()
        .filter(|c| c.doc == doc && c.span.line == line)
        .filter(|c| {
            column.is_none_or(|col| {
                col >= c.span.column && col < c.span.column + c.text.chars().count().max(1)
            })
        })
        .map(|c| {
            // Its own group's finding first; a derived or house-fact finding otherwise.
            let holds = |f: &&Finding| f.claims.iter().any(|id| id == &c.id);
            let derived = |f: &&Finding| {
                matches!(f.verdict, Verdict::DerivedConflict | Verdict::FactConflict)
            };
            let finding = report
                .findings
                .iter()
                .filter(holds)
                .find(|f| !derived(f))
                .or_else(|| report.findings.iter().find(holds));
            let not_compared = why_not_compared(report, c, finding);
            Explanation {
                claim: c,
                finding,
                not_compared,
            }
        })
        .collect()
}

/// Every figure not compared with a figure of another source, in report order, with
/// why (what `check --all` lists after its findings).
pub fn not_compared(report: &Report) -> Vec<(&Claim, String)> {
    let mut finding_of: std::collections::HashMap<&str, &Finding> =
        std::collections::HashMap::new();
    for f in &report.findings {
        if matches!(f.verdict, Verdict::DerivedConflict | Verdict::FactConflict) {
            continue;
        }
        for id in &f.claims {
            finding_of.entry(id.as_str()).or_insert(f);
        }
    }
    let doc_of: std::collections::HashMap<&str, &str> = report
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.doc.as_str()))
        .collect();
    report
        .claims
        .iter()
        .filter_map(|c| {
            let f = finding_of.get(c.id.as_str()).copied();
            let across = f.is_some_and(|f| {
                f.claims
                    .iter()
                    .any(|id| doc_of.get(id.as_str()).is_some_and(|d| *d != c.doc))
            });
            if across {
                return None;
            }
            let why = why_not_compared(report, c, f)?;
            Some((c, why))
        })
        .collect()
}

/// Why a figure was not compared with another source, or `None` when it was.
fn why_not_compared(report: &Report, c: &Claim, finding: Option<&Finding>) -> Option<String> {
    if let Some(f) = finding {
        let other_doc = f.claims.iter().any(|id| {
            report
                .claims
                .iter()
                .find(|o| &o.id == id)
                .is_some_and(|o| o.doc != c.doc)
        });
        return (!other_doc).then(|| {
            "no counterpart in another source: only this document states this quantity".to_string()
        });
    }
    Some(
        if c.segment != 0 {
            "it stands in another story of this file (after a 'Related' list or a new headline)"
        } else if c.attribute.is_none() {
            match c.kind {
                Kind::Year => {
                    "a bare year is compared only as a founding year, a birth year or an event date"
                }
                Kind::Ordinal => "ranks are not compared",
                _ if c.text.eq_ignore_ascii_case("one") => {
                    "a bare \"one\" is read as a determiner or pronoun, not a figure to compare"
                }
                _ => {
                    "no quantity could be read from its words (no counted noun, no \"X of N\", no \
                     change or transaction verb, no unit); or it is a part (\"450 of the 1,180\") \
                     or an increment (\"29 more\")"
                }
            }
        } else if c.subject.is_none() {
            "no subject: no name or story could be tied to it"
        } else {
            "no counterpart in another source: no other figure has its subject, quantity and \
             unit dimension"
        }
        .to_string(),
    )
}

/// The explanations as text for people, one block per figure.
pub fn render_explanations(items: &[Explanation<'_>]) -> String {
    let mut out = String::new();
    for e in items {
        let c = e.claim;
        let _ = writeln!(
            out,
            "{}:{}:{}: {} \"{}\"",
            c.doc,
            c.span.line,
            c.span.column,
            c.kind.as_str(),
            c.text
        );
        let hedge = match c.qualifier.as_str() {
            "none" => String::new(),
            q => format!(" ({q})"),
        };
        let unit = c.unit.as_deref().map_or(String::new(), |u| format!(" {u}"));
        let _ = writeln!(
            out,
            "  value      {}{unit}{hedge}, dimension {}",
            interval(c),
            c.dimension.as_str()
        );
        let quantity = match (&c.attribute, &c.identity) {
            (Some(a), Some(id)) if id.quantity_words.is_empty() => {
                format!("{a} (open quantity; rule: {})", id.quantity_rule)
            }
            (Some(a), Some(id)) => format!(
                "{a} (open quantity; rule: {}; words: \"{}\")",
                id.quantity_rule, id.quantity_words
            ),
            (Some(a), None) => format!("{a} (attribute family of the lexicon)"),
            (None, _) => "none".to_string(),
        };
        let _ = writeln!(out, "  quantity   {quantity}");
        let subject = match (&c.subject, c.subject_rule) {
            (Some(s), SubjectRule::Named) if c.identity.is_some() => {
                format!("{s} (the subject of the figure's clause: \"{s} had …\")")
            }
            (Some(s), SubjectRule::Named) => format!("{s} (the name the figure's family fits)"),
            (Some(s), SubjectRule::Possessive) => format!("{s} (owns the figure: \"{s}'s …\")"),
            (Some(s), SubjectRule::Place) => format!("{s} (the place the tally is counted in)"),
            (Some(s), SubjectRule::Story) => {
                format!("{s} (the story its document tells; no name in its sentence)")
            }
            (None, _) => "none".to_string(),
        };
        let _ = writeln!(out, "  subject    {subject}");
        let when = match (&c.as_of, c.as_of_source) {
            (Some(t), Some(src)) => format!("{t} ({})", src.as_str()),
            (Some(t), None) => t.to_string(),
            (None, Some(AsOfSource::Present)) => "now, date unknown (present)".to_string(),
            _ => "unknown".to_string(),
        };
        let _ = writeln!(out, "  as of      {when}");
        match (e.finding, &e.not_compared) {
            (Some(f), None) => {
                let _ = writeln!(
                    out,
                    "  compared   {} figures, verdict {} ({}): {}",
                    f.claims.len(),
                    f.verdict.as_str(),
                    f.severity.as_str(),
                    f.message
                );
            }
            (_, Some(why)) => {
                let _ = writeln!(out, "  not compared: {why}");
            }
            (None, None) => {}
        }
        out.push('\n');
    }
    out
}

fn interval(c: &Claim) -> String {
    let n = |x: Option<f64>| x.map_or("open".to_string(), |v| format!("{v}"));
    match (c.value.low, c.value.high) {
        (l, h) if l == h && l.is_some() => n(l),
        (l, h) => format!("[{}, {}]", n(l), n(h)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Config, Document};

    #[test]
    fn a_compared_figure_names_its_group_and_rule() {
        let docs = vec![
            Document::from_text("a.txt", "The ferry carried 300 passengers on Friday."),
            Document::from_text("b.txt", "The ferry had 320 passengers aboard on Friday."),
        ];
        let report = check(&docs, &Config::default());
        // The line's figures: the count and the weekday.
        let items = explain(&report, "a.txt", 1, None);
        assert_eq!(items.len(), 2);
        let items: Vec<Explanation<'_>> = items
            .into_iter()
            .filter(|i| i.claim.text == "300 passengers")
            .collect();
        assert!(items[0].finding.is_some());
        let text = render_explanations(&items);
        assert!(text.contains("rule: counted noun"), "{text}");
        assert!(text.contains("verdict"), "{text}");
    }

    #[test]
    fn a_lone_figure_says_it_has_no_counterpart() {
        let docs = vec![
            Document::from_text("a.txt", "The ferry carried 300 passengers."),
            Document::from_text("b.txt", "The weather was calm."),
        ];
        let report = check(&docs, &Config::default());
        let items = explain(&report, "a.txt", 1, Some(19));
        assert_eq!(items.len(), 1);
        assert!(
            items[0]
                .not_compared
                .as_deref()
                .is_some_and(|w| w.starts_with("no counterpart")),
            "{items:?}"
        );
    }
}
