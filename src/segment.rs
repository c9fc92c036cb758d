//! Segmentation: splits a document's prose into sentences, groups sentences into story
//! segments, and marks page chrome (bylines, time stamps, newsletter lines) that yields
//! no claims.

use serde::Serialize;

/// A sentence of the prose view, with the story segment it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// First byte in the prose view.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Story segment (0 = the first story of the document).
    pub segment: usize,
    /// Whether the sentence is page chrome rather than article text.
    pub chrome: bool,
}

/// Splits `text` into sentences.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => {
                i + 1 >= bytes.len() || bytes[i + 1] == b' ' || bytes[i + 1] == b'\n'
            }
            _ => false,
        };
        if boundary {
            push_sentence(text, start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_sentence(text, start, text.len(), &mut out);
    out
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let trimmed_start = start + (s.len() - s.trim_start().len());
    let trimmed_end = end - (s.len() - s.trim_end().len());
    if trimmed_end > trimmed_start {
        out.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
            segment: 0,
            chrome: false,
        });
    }
}
