//! The pipeline glue: runs segmentation and extraction on a document and turns mentions
//! into finished claims with spans into the text as read.

use crate::claim::{Claim, Mention, Span};
use crate::config::Config;
use crate::document::{Document, LineIndex};
use crate::extract::{extract_mentions, ExtractContext};
use crate::segment::{segment, Sentence};

/// Every claim of one document, sorted by offset.
pub fn extract(doc: &Document, config: &Config) -> Vec<Claim> {
    let ctx = ExtractContext {
        config,
        published: doc.published.as_deref(),
    };
    let sentences = segment(&doc.text).sentences;
    let mentions = extract_mentions(&doc.text, &ctx);
    let lines = LineIndex::new(&doc.source);
    let mut claims: Vec<Claim> = mentions
        .iter()
        .filter_map(|m| {
            let sentence = sentence_of(&sentences, m.start)?;
            if sentence.chrome {
                return None;
            }
            Some(make_claim(doc, &lines, m, sentence))
        })
        .collect();
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    claims
}

/// Every claim of every document, sorted by document id and offset.
pub fn extract_all(docs: &[Document], config: &Config) -> Vec<Claim> {
    let mut claims: Vec<Claim> = docs.iter().flat_map(|d| extract(d, config)).collect();
    claims.sort_by(|a, b| {
        (&a.doc, a.span.start, a.span.end).cmp(&(&b.doc, b.span.start, b.span.end))
    });
    claims
}

fn sentence_of(sentences: &[Sentence], offset: usize) -> Option<&Sentence> {
    let idx = sentences.partition_point(|s| s.start <= offset);
    idx.checked_sub(1).map(|i| &sentences[i])
}

fn make_claim(doc: &Document, lines: &LineIndex, m: &Mention, sentence: &Sentence) -> Claim {
    let (start, end) = doc.source_range(m.start, m.end);
    let (line, column) = lines.line_col(&doc.source, start);
    let text = doc.source.get(start..end).unwrap_or_default().to_string();
    let sentence_text =
        fold_whitespace(&doc.text[sentence.start..sentence.end.max(sentence.start)]);
    Claim {
        id: fingerprint(&[&doc.id, &start.to_string(), &end.to_string(), &text]),
        doc: doc.id.clone(),
        span: Span {
            start,
            end,
            line,
            column,
        },
        text,
        sentence: sentence_text,
        kind: m.kind,
        value: m.value,
        unit: m.unit.clone(),
        qualifier: m.qualifier,
        subject: None,
        attribute: None,
        as_of: None,
        as_of_source: None,
        date: m.date.clone(),
        per: m.per.clone(),
        segment: sentence.segment,
    }
}

/// Collapses runs of whitespace to one space.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A short stable hex fingerprint (FNV-1a 64) of the parts, separated by NUL.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0;
            h = h.wrapping_mul(0x100000001b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}
