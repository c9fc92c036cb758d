//! Segmentation: splits a document's prose into sentences, marks page chrome (time
//! stamps, outlet lines, newsletter and comment widgets, repeated lines) that yields no
//! claims, and groups sentences into story segments so that unrelated stories in one file
//! (a "Related Articles" block, a second story after a time stamp) never pool their
//! entities.
//!
//! Sits between loading and extraction; works on the prose view of a document.

use crate::text::MONTH_NAMES;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A sentence of the prose view, with the story segment it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// First byte in the prose view.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Story segment (0 = the first story of the document).
    pub segment: usize,
    /// Whether the sentence is page chrome rather than article text.
    pub chrome: bool,
    /// Whether the sentence opens a paragraph (first sentence of a line).
    pub paragraph_start: bool,
}

/// A document's sentences in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmentation {
    /// Sentences sorted by offset, chrome included (flagged).
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.start <= offset);
        let i = idx.checked_sub(1)?;
        (offset < self.sentences[i].end.max(self.sentences[i].start + 1)).then_some(i)
    }
}

/// What kind of line a paragraph is, for chrome and story boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// Article prose.
    Prose,
    /// A short heading-like line (subhead, headline, outlet name): kept, no boundary.
    Heading,
    /// Page chrome that opens a new story when prose follows (time stamps, "Related").
    Boundary,
    /// Page chrome (widgets, repeated lines).
    Chrome,
}

/// Splits a document's prose into sentences, segments and chrome.
pub fn segment(text: &str) -> Segmentation {
    segment_with(text, false)
}

/// Splits a document's prose into sentences, segments and chrome. With `soft_wraps`
/// (Markdown), a paragraph runs to the next blank line and a line break inside it ends a
/// sentence only after sentence-final punctuation.
pub fn segment_with(text: &str, soft_wraps: bool) -> Segmentation {
    let lines = if soft_wraps {
        split_paragraphs(text)
    } else {
        split_lines(text)
    };
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &(s, e) in &lines {
        *counts.entry(text[s..e].trim()).or_default() += 1;
    }
    let mut out = Vec::new();
    let mut segment = 0usize;
    let mut seen_prose = false;
    let mut pending_boundary = false;
    for &(s, e) in &lines {
        let line = text[s..e].trim();
        let repeated = counts.get(line).copied().unwrap_or(0) > 1 && word_count(line) <= 12;
        let kind = if repeated {
            if is_boundary_line(line) {
                LineKind::Boundary
            } else {
                LineKind::Chrome
            }
        } else {
            classify_line(line)
        };
        match kind {
            LineKind::Boundary => pending_boundary = true,
            LineKind::Prose | LineKind::Heading => {
                if pending_boundary && seen_prose {
                    segment += 1;
                    seen_prose = false;
                }
                pending_boundary = false;
                if kind == LineKind::Prose {
                    seen_prose = true;
                }
            }
            LineKind::Chrome => {}
        }
        let chrome = matches!(kind, LineKind::Boundary | LineKind::Chrome);
        let first = out.len();
        split_sentences_into(text, s, e, segment, chrome, soft_wraps, &mut out);
        if let Some(sent) = out.get_mut(first) {
            sent.paragraph_start = true;
        }
    }
    Segmentation { sentences: out }
}

/// How far (in bytes) around a figure the per-figure stages look for triggers, names and
/// time cues. Real sentences are shorter; the bound keeps run-on text linear.
pub const FIGURE_RADIUS: usize = 320;

/// The part of `sentence` within [`FIGURE_RADIUS`] bytes of the figure at `fig`, on
/// character boundaries of `text`.
pub fn figure_window(text: &str, sentence: &Sentence, fig: (usize, usize)) -> (usize, usize) {
    let mut lo = sentence.start.max(fig.0.saturating_sub(FIGURE_RADIUS));
    let mut hi = sentence
        .end
        .min(fig.1.saturating_add(FIGURE_RADIUS))
        .max(lo);
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    (lo.min(fig.0), hi.max(fig.1.min(text.len())))
}

/// Splits `text` into sentences (all in segment 0, none chrome).
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    split_sentences_into(text, 0, text.len(), 0, false, false, &mut out);
    out
}

/// Blank-line separated paragraphs, each as one range.
fn split_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (s, e) in split_lines_all(text) {
        if text[s..e].trim().is_empty() {
            out.extend(open.take());
        } else {
            open = Some(open.map_or((s, e), |(a, _)| (a, e)));
        }
    }
    out.extend(open);
    out
}

/// Every line, blank ones included.
fn split_lines_all(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push((start, i));
        start = i + 1;
    }
    out.push((start, text.len()));
    out
}

fn split_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            if !text[start..i].trim().is_empty() {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Words that, alone or nearly alone on a line, are widget labels rather than prose.
const WIDGET_LINES: &[&str] = &[
    "advertisement",
    "comments",
    "no comments yet",
    "hashtags",
    "share",
    "share this article",
    "share this",
    "print",
    "email",
    "subscribe",
    "sign up",
    "log in",
    "read more",
    "read next",
    "trending",
    "most read",
    "most popular",
    "top stories",
    "latest news",
    "follow us",
    "menu",
    "search",
    "skip to content",
    "photo",
    "video",
    "listen",
];

/// Phrases that mark newsletter, cookie and subscription boilerplate.
const BOILERPLATE_MARKERS: &[&str] = &[
    "your inbox",
    "newsletter",
    "subscribe",
    "sign up for",
    "all rights reserved",
    "cookie",
    "click here",
    "follow us on",
    "terms of use",
    "privacy policy",
    "copyright ©",
    "can do for you",
    "download the app",
];

/// Headers that introduce other stories.
const RELATED_HEADERS: &[&str] = &[
    "related articles",
    "related stories",
    "related news",
    "related",
    "more stories",
    "more from",
    "you may also like",
    "recommended",
    "recommended stories",
    "also read",
    "see also",
    "more on this story",
    "other news",
];

fn classify_line(line: &str) -> LineKind {
    if is_boundary_line(line) {
        return LineKind::Boundary;
    }
    let lower = line.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let words = word_count(line);
    if WIDGET_LINES.contains(&bare) {
        return LineKind::Chrome;
    }
    let has_figure = line.bytes().any(|b| b.is_ascii_digit());
    if (words <= 8 || (words <= 20 && !has_figure))
        && BOILERPLATE_MARKERS.iter().any(|m| lower.contains(m))
    {
        return LineKind::Chrome;
    }
    // "- The Star", "– Reuters": an attribution line of a few words.
    if words <= 5 && (line.starts_with("- ") || line.starts_with("– ") || line.starts_with("— "))
    {
        return LineKind::Chrome;
    }
    let ends_like_sentence = line
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with(['.', '!', '?', ':', ';']);
    if !ends_like_sentence && words <= 6 {
        return LineKind::Heading;
    }
    LineKind::Prose
}

/// A line that stands for a time stamp or a "Related" header: chrome that separates
/// stories.
fn is_boundary_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if RELATED_HEADERS.contains(&bare) {
        return true;
    }
    is_relative_time_stamp(bare) || is_date_stamp(bare)
}

/// "3 hours ago", "yesterday", "just now", "an hour ago".
fn is_relative_time_stamp(s: &str) -> bool {
    if matches!(s, "just now" | "yesterday" | "today") {
        return true;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() == 3 && words[2] == "ago" {
        let n_ok = words[0].chars().all(|c| c.is_ascii_digit()) || matches!(words[0], "a" | "an");
        let unit = words[1].trim_end_matches('s');
        return n_ok
            && matches!(
                unit,
                "second"
                    | "sec"
                    | "minute"
                    | "min"
                    | "hour"
                    | "hr"
                    | "day"
                    | "week"
                    | "month"
                    | "year"
            );
    }
    false
}

/// A line that is only a date or time ("Dec.02 2025", "June 13, 2025 10:30 AM",
/// "2025-06-13", "Updated 13 Jun 2025").
fn is_date_stamp(s: &str) -> bool {
    if s.is_empty() || s.len() > 48 {
        return false;
    }
    let mut has_digit = false;
    // A bare number ("49", "2024") is not a stamp: it needs a month or weekday name, a
    // clock time or an ISO date.
    let mut dated = s.contains(':') || {
        let b = s.as_bytes();
        b.len() == 10 && b[4] == b'-' && b[7] == b'-'
    };
    for tok in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '/' | '-' | ':')) {
        if tok.is_empty() {
            continue;
        }
        if tok.chars().all(|c| c.is_ascii_digit()) {
            has_digit = true;
            continue;
        }
        let t = tok.trim_end_matches(|c: char| c.is_ascii_digit());
        let is_month = MONTH_NAMES
            .iter()
            .chain(&["sept"])
            .any(|m| t.len() >= 3 && m.starts_with(t));
        let is_day = DAYS.iter().any(|d| t.len() >= 3 && d.starts_with(t));
        let is_filler = matches!(
            t,
            "am" | "pm"
                | "gmt"
                | "utc"
                | "et"
                | "pt"
                | "bst"
                | "updated"
                | "published"
                | "posted"
                | "on"
                | "at"
                | "th"
                | "st"
                | "nd"
                | "rd"
        );
        if t.len() < tok.len() {
            has_digit = true;
        }
        if !(is_month || is_day || is_filler) {
            return false;
        }
        dated |= is_month || is_day;
    }
    has_digit && dated
}

const DAYS: &[&str] = &crate::text::WEEKDAY_NAMES;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr",
    "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx",
    "est", "dept", "mt", "ft", "a.m", "p.m", "al",
];

fn split_sentences_into(
    text: &str,
    start: usize,
    end: usize,
    segment: usize,
    chrome: bool,
    soft_wraps: bool,
    out: &mut Vec<Sentence>,
) {
    let bytes = text.as_bytes();
    let mut s = start;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        let boundary = match b {
            // Inside a soft-wrapped paragraph a line break is a space, unless the line
            // ends a sentence.
            b'\n' => !soft_wraps || line_ends_sentence(&text[s..i]),
            b'!' | b'?' => next_starts_sentence(bytes, i + 1, end, true),
            b'.' => period_ends_sentence(text, s, i, end),
            _ => false,
        };
        if boundary {
            // Keep closing quotes and brackets with the sentence they close.
            let mut j = i + 1;
            while j < end && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            while j + 2 < end && (text[j..].starts_with('’') || text[j..].starts_with('”')) {
                j += 3;
            }
            push_sentence(text, s, j, segment, chrome, out);
            s = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push_sentence(text, s, end, segment, chrome, out);
}

/// Whether a line's text ends with sentence-final punctuation (before closing quotes).
fn line_ends_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(['"', '\'', '’', '”', ')']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

fn period_ends_sentence(text: &str, sent_start: usize, i: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Decimal point or version number: digit.digit.
    if i > 0 && i + 1 < end && bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit() {
        return false;
    }
    // The word before the period.
    // The separator may be a multi-byte space (U+00A0, U+2009): step over all of it.
    // Only the last few characters matter (the longest abbreviation is short), so a long
    // run without spaces is not rescanned at every period.
    let mut from = sent_start.max(i.saturating_sub(12));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let word_start = text[from..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map(|(p, c)| from + p + c.len_utf8())
        .unwrap_or(from);
    let word = text[word_start..i].to_ascii_lowercase();
    let followed_by_space = i + 1 >= end || bytes[i + 1].is_ascii_whitespace();
    if followed_by_space {
        if ABBREVIATIONS.contains(&word.as_str()) {
            // "Scale AI Inc. said" ends nothing; but "in the U.S. The" does.
            return matches!(
                word.as_str(),
                "u.s" | "u.k" | "u.n" | "etc" | "inc" | "corp" | "co" | "ltd"
            ) && next_starts_sentence(bytes, i + 1, end, false)
                && next_word_is_sentence_opener(text, i + 1, end);
        }
        // A single capital initial ("J. Smith").
        if word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic() {
            return false;
        }
        return next_starts_sentence(bytes, i + 1, end, true);
    }
    // "wunderkind.Wang": a period glued to the next sentence's capitalised word.
    if i + 2 < end
        && bytes[i + 1].is_ascii_uppercase()
        && bytes[i + 2].is_ascii_lowercase()
        && i > 1
        && bytes[i - 1].is_ascii_lowercase()
        && bytes[i - 2].is_ascii_lowercase()
    {
        return true;
    }
    false
}

fn next_word_is_sentence_opener(text: &str, from: usize, end: usize) -> bool {
    let rest = text[from..end].trim_start();
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        w.as_str(),
        "The"
            | "A"
            | "An"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "In"
            | "But"
            | "This"
            | "That"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "On"
            | "At"
            | "As"
            | "After"
    )
}

fn next_starts_sentence(bytes: &[u8], mut j: usize, end: usize, lenient: bool) -> bool {
    if j >= end {
        return true;
    }
    if !bytes[j].is_ascii_whitespace() && !matches!(bytes[j], b'"' | b'\'' | 0xE2) {
        return false;
    }
    while j < end && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    if j >= end {
        return true;
    }
    let b = bytes[j];
    b.is_ascii_uppercase()
        || b.is_ascii_digit()
        || matches!(b, b'"' | b'\'' | b'(' | b'$' | 0xE2 | 0xC2)
        || (lenient && b >= 0x80)
}

fn push_sentence(
    text: &str,
    start: usize,
    end: usize,
    segment: usize,
    chrome: bool,
    out: &mut Vec<Sentence>,
) {
    let s = &text[start..end];
    let trimmed_start = start + (s.len() - s.trim_start().len());
    let trimmed_end = end - (s.len() - s.trim_end().len());
    if trimmed_end > trimmed_start {
        out.push(Sentence {
            start: trimmed_start,
            end: trimmed_end,
            segment,
            chrome,
            paragraph_start: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn decimals_and_abbreviations_do_not_end_sentences() {
        let t = "Mr. Wang paid $14.3 billion. Dr. Guo left in 2018. It grew.";
        assert_eq!(
            sentences(t),
            vec![
                "Mr. Wang paid $14.3 billion.",
                "Dr. Guo left in 2018.",
                "It grew."
            ]
        );
    }

    #[test]
    fn a_period_glued_to_a_capitalised_word_ends_a_sentence() {
        let t = "he was a wunderkind.Wang, who dropped out, won.";
        assert_eq!(
            sentences(t),
            vec!["he was a wunderkind.", "Wang, who dropped out, won."]
        );
    }

    #[test]
    fn initials_and_us_abbreviation_stay_inside() {
        let t = "K. Shanmugam will take over. The U.S. economy grew 2%.";
        assert_eq!(
            sentences(t),
            vec!["K. Shanmugam will take over.", "The U.S. economy grew 2%."]
        );
    }

    #[test]
    fn time_stamps_and_related_headers_start_new_stories() {
        let t = "Main story says $5 billion.\nMore text here about it.\nRelated Articles\n\nThe Star\n3 hours ago\n- The Star\nOther story headline\nOther story body has 23.5% of it.";
        let seg = segment(t);
        let find = |needle: &str| {
            seg.sentences
                .iter()
                .find(|s| t[s.start..s.end].contains(needle))
                .unwrap()
                .clone()
        };
        assert_eq!(find("$5 billion").segment, 0);
        assert!(find("3 hours ago").chrome);
        assert!(find("- The Star").chrome);
        assert!(find("Related Articles").chrome);
        assert_eq!(find("23.5%").segment, 1);
        assert!(!find("23.5%").chrome);
    }

    #[test]
    fn subheads_do_not_split_a_story() {
        let t =
            "Intro sentence with words here.\nAI whisperer\nMore of the same story follows here.";
        let seg = segment(t);
        assert!(seg.sentences.iter().all(|s| s.segment == 0));
    }

    #[test]
    fn repeated_date_lines_and_newsletter_lines_are_chrome() {
        let t = "Daily stocks & crypto headlines, free to your inbox\nBody text is here today.\nDec.02 2025\n\nDec.02 2025\n";
        let seg = segment(t);
        let chrome: Vec<&str> = seg
            .sentences
            .iter()
            .filter(|s| s.chrome)
            .map(|s| &t[s.start..s.end])
            .collect();
        assert!(chrome.iter().any(|s| s.contains("inbox")));
        assert!(chrome.iter().any(|s| s.contains("Dec.02")));
        assert!(!chrome.iter().any(|s| s.contains("Body")));
    }

    #[test]
    fn multibyte_spaces_before_abbreviations_are_safe() {
        assert_eq!(sentences("\u{a0}Sept. 12."), vec!["Sept. 12."]);
    }

    #[test]
    fn soft_wrapped_paragraphs_keep_sentences_whole() {
        let t = "Scale AI was valued at\nnearly $14 billion last week.\nIt grew.\n\nNext paragraph here.";
        let seg = segment_with(t, true);
        let texts: Vec<&str> = seg.sentences.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            texts,
            vec![
                "Scale AI was valued at\nnearly $14 billion last week.",
                "It grew.",
                "Next paragraph here."
            ]
        );
    }

    #[test]
    fn date_stamps_are_recognised() {
        assert!(is_date_stamp("dec.02 2025"));
        assert!(is_date_stamp("june 13, 2025 10:30 am"));
        assert!(!is_date_stamp("june 13, 2025 was a big day"));
        assert!(!is_date_stamp("49"));
        assert!(!is_date_stamp("2024"));
        assert!(is_date_stamp("2025-06-13"));
        assert!(is_relative_time_stamp("3 hours ago"));
    }
}
