//! HTML: the visible article text as the prose view, mapped back into the page's bytes,
//! and the title and publication date from the page's metadata.
//!
//! A small tolerant tokenizer (unclosed tags, a bare `<` in text, unquoted attributes and
//! upper-case tags are all fine) keeps every token's byte offsets; reader mode
//! (`reader.rs`) decides which tokens are the article; the renderer here turns block
//! elements into newlines, collapses whitespace and decodes character references, and
//! records where each piece of the view came from.

use super::date::normalize_date;
use super::entities;
use super::reader;
use super::view::ViewBuilder;
use crate::document::{Document, Format, OffsetMap};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// An HTML document: visible article text, title, publication date and URL.
pub fn html_document(id: String, source: String) -> Document {
    let toks = tokenize(&source);
    let reading = reader::read(&source, &toks);
    let (text, map) = render(&source, &toks, &reading.visible);
    let meta = metadata(&source, &toks, &reading);
    Document {
        id,
        text,
        map,
        format: Format::Html,
        published: meta.published,
        title: meta.title,
        url: meta.url,
        origin: None,
        source,
    }
}

/// One token of the page. Offsets are bytes of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    /// Character data (entities not yet decoded).
    Text(usize, usize),
    /// A start tag `<name …>` spanning `start..end`; `attrs` is where attributes start.
    /// `name` is lower-case; `flags` are its [`tag_flags`].
    Start {
        name: Cow<'a, str>,
        flags: u16,
        start: usize,
        attrs: usize,
        end: usize,
        self_closing: bool,
    },
    /// An end tag `</name>` spanning `start..end`.
    End {
        name: Cow<'a, str>,
        flags: u16,
        start: usize,
    },
}

/// An inline element (`reader::INLINE`).
pub(super) const INLINE_TAG: u16 = 1;
/// An element without content or end tag (`reader::VOID`).
pub(super) const VOID_TAG: u16 = 2;
/// An element that holds no article text (`reader::SKIPPED`).
pub(super) const SKIPPED_TAG: u16 = 4;
/// An element that starts and ends a paragraph of the view ([`PARAGRAPH`]).
const PARAGRAPH_TAG: u16 = 8;
/// An element that starts and ends a line of the view ([`LINE`]).
const LINE_TAG: u16 = 16;
/// An element whose content is raw text ([`RAW_TEXT`]).
const RAW_TAG: u16 = 32;

/// What the lists of element names say about a lower-case tag name, looked up once per tag
/// instead of comparing it with every entry of every list.
pub(super) fn tag_flags(name: &str) -> u16 {
    static TABLE: OnceLock<HashMap<&'static str, u16, FastHash>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut t: HashMap<&'static str, u16, FastHash> = HashMap::default();
            let lists: [(&[&'static str], u16); 6] = [
                (reader::INLINE, INLINE_TAG),
                (reader::VOID, VOID_TAG),
                (reader::SKIPPED, SKIPPED_TAG),
                (PARAGRAPH, PARAGRAPH_TAG),
                (LINE, LINE_TAG),
                (RAW_TEXT, RAW_TAG),
            ];
            for (list, flag) in lists {
                for name in list {
                    *t.entry(name).or_default() |= flag;
                }
            }
            t
        })
        .get(name)
        .copied()
        .unwrap_or(0)
}

/// A small fast hasher (FxHash) for short keys such as tag names and class values.
#[derive(Default, Clone, Copy)]
pub(super) struct Fx(u64);

impl Fx {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(Self::K);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            self.add(u64::from_le_bytes(v));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut v = [0u8; 8];
            v[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(v) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fx`] hashers.
pub(super) type FastHash = BuildHasherDefault<Fx>;

/// Elements whose content is raw text up to the matching end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements that start and end a paragraph of the view.
const PARAGRAPH: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "ul",
    "ol",
    "dl",
    "pre",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "html",
    "fieldset",
    "center",
    "hgroup",
    "caption",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
];

/// Elements that start and end a line of the view.
const LINE: &[&str] = &[
    "br", "li", "tr", "dt", "dd", "option", "legend", "thead", "tbody", "tfoot",
];

/// Splits `src` into tokens. Never fails: anything that is not a well-formed tag is text.
fn tokenize(src: &str) -> Vec<Tok<'_>> {
    let b = src.as_bytes();
    let mut toks = Vec::with_capacity(src.len() / 32);
    let mut text_start = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let p = i + off;
        let rest = &b[p..];
        let next = rest.get(1).copied().unwrap_or(0);
        // Comments, doctype, CDATA and processing instructions are dropped.
        let skip_to = if rest.starts_with(b"<!--") {
            Some(find_bytes(b, p + 4, b"-->").map_or(b.len(), |e| e + 3))
        } else if rest.starts_with(b"<![CDATA[") {
            Some(find_bytes(b, p + 9, b"]]>").map_or(b.len(), |e| e + 3))
        } else if next == b'!' || next == b'?' {
            Some(memchr::memchr(b'>', &b[p..]).map_or(b.len(), |e| p + e + 1))
        } else {
            None
        };
        if let Some(after) = skip_to {
            push_text(&mut toks, text_start, p);
            i = after;
            text_start = after;
            continue;
        }
        let closing = next == b'/';
        let name_at = p + 1 + usize::from(closing);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = p + 1;
            continue;
        }
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>'))
            .count();
        let raw_name = src.get(name_at..name_at + name_len).unwrap_or("");
        let name: Cow<str> = if raw_name.bytes().any(|c| c.is_ascii_uppercase()) {
            Cow::Owned(raw_name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(raw_name)
        };
        let flags = tag_flags(&name);
        let Some(end) = tag_end(b, name_at + name_len) else {
            // `<` that never closes is text.
            i = p + 1;
            continue;
        };
        push_text(&mut toks, text_start, p);
        if closing {
            toks.push(Tok::End {
                name,
                flags,
                start: p,
            });
            i = end;
            text_start = end;
            continue;
        }
        let self_closing = end >= 2 && b[end - 2] == b'/';
        let raw = !self_closing && flags & RAW_TAG != 0;
        toks.push(Tok::Start {
            name: name.clone(),
            flags,
            start: p,
            attrs: name_at + name_len,
            end,
            self_closing,
        });
        i = end;
        text_start = end;
        if raw {
            let close = find_end_tag(b, end, &name);
            let content_end = close.unwrap_or(b.len());
            push_text(&mut toks, end, content_end);
            match close {
                Some(c) => {
                    let after = memchr::memchr(b'>', &b[c..]).map_or(b.len(), |g| c + g + 1);
                    toks.push(Tok::End {
                        name,
                        flags,
                        start: c,
                    });
                    i = after;
                }
                None => i = b.len(),
            }
            text_start = i;
        }
    }
    push_text(&mut toks, text_start, b.len());
    toks
}

fn push_text(toks: &mut Vec<Tok<'_>>, start: usize, end: usize) {
    if start < end {
        toks.push(Tok::Text(start, end));
    }
}

fn find_bytes(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The offset after the `>` closing a tag whose attributes start at `from`. Quoted
/// attribute values may contain `>`; an unterminated quote falls back to the first `>`.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut last_sig = 0u8;
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) => {
                // Straight to the closing quote; without one, to the fallback below.
                let Some(off) = memchr::memchr(q, &b[i..]) else {
                    break;
                };
                i += off;
                quote = None;
                last_sig = q;
            }
            None => match c {
                b'>' => return Some(i + 1),
                b'"' | b'\'' if last_sig == b'=' => quote = Some(c),
                b'<' if last_sig != b'=' && i > from => {
                    // A new tag starts before this one closed: the `<` was text.
                    return None;
                }
                c if c.is_ascii_whitespace() => {}
                _ => last_sig = c,
            },
        }
        i += 1;
    }
    memchr::memchr(b'>', b.get(from..)?).map(|p| from + p + 1)
}

/// The start of `</name` (any case) at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let n = name.len();
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', b.get(i..)?) {
        let p = i + off;
        if b.get(p + 1) == Some(&b'/')
            && b.get(p + 2..p + 2 + n)
                .is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(p + 2 + n)
                .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
        {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// The attributes of a start tag: lower-case names, decoded values.
pub(super) fn attributes(src: &str, from: usize, end: usize) -> Vec<(String, String)> {
    let mut spans = Vec::new();
    attribute_spans(src, from, end, &mut spans);
    spans
        .into_iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), entities::decode_all(value)))
        .collect()
}

/// The attributes of a start tag as written: names in their own case, values not yet
/// decoded (as [`attributes`] reads them), appended to `out`.
pub(super) fn attribute_spans<'a>(
    src: &'a str,
    from: usize,
    end: usize,
    out: &mut Vec<(&'a str, &'a str)>,
) {
    let b = src.as_bytes();
    let end = end.min(b.len()).saturating_sub(1); // before `>`
    let mut i = from;
    while i < end {
        while i < end && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < end && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/' | b'>') {
            i += 1;
        }
        if ns == i {
            i += 1;
            continue;
        }
        let name = src.get(ns..i).unwrap_or("");
        let mut j = i;
        while j < end && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = "";
        if j < end && b[j] == b'=' {
            j += 1;
            while j < end && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let (vs, ve, next) = if j < end && matches!(b[j], b'"' | b'\'') {
                let q = b[j];
                let close = memchr::memchr(q, &b[j + 1..end]).map(|p| j + 1 + p);
                match close {
                    Some(c) => (j + 1, c, c + 1),
                    None => (j + 1, end, end),
                }
            } else {
                let ve = b[j..end]
                    .iter()
                    .position(|c| c.is_ascii_whitespace())
                    .map_or(end, |p| j + p);
                (j, ve, ve)
            };
            value = src.get(vs..ve).unwrap_or("");
            i = next;
        }
        out.push((name, value));
    }
}

/// The decoded value of attribute `name` (lower-case) among [`attribute_spans`], if the
/// tag has it: the same as [`attr`] of [`attributes`], decoding only what is asked for.
pub(super) fn span_attr<'a>(spans: &[(&'a str, &'a str)], name: &str) -> Option<Cow<'a, str>> {
    spans
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| {
            if v.contains('&') {
                Cow::Owned(entities::decode_all(v))
            } else {
                Cow::Borrowed(*v)
            }
        })
}

/// The value of attribute `name`, if the tag has it.
pub(super) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The break owed before the next visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    None,
    /// Collapsed whitespace at `source[start..end]`.
    Space(usize, usize),
    /// A table cell boundary.
    Cell(usize),
    /// A line break, caused by the tag at the offset.
    Line(usize),
    /// A paragraph break, caused by the tag at the offset.
    Paragraph(usize),
}

impl Pending {
    fn rank(self) -> u8 {
        match self {
            Pending::None => 0,
            Pending::Space(..) => 1,
            Pending::Cell(_) => 2,
            Pending::Line(_) => 3,
            Pending::Paragraph(_) => 4,
        }
    }

    fn raise(&mut self, to: Pending) {
        if to.rank() > self.rank() {
            *self = to;
        }
    }
}

/// Builds the prose view from a token range.
struct Renderer<'a> {
    src: &'a str,
    b: ViewBuilder<'a>,
    pending: Pending,
    pre: usize,
}

/// Renders the tokens reader mode kept; the tags of dropped ones still break lines.
fn render(src: &str, toks: &[Tok<'_>], visible: &[bool]) -> (String, OffsetMap) {
    let mut r = Renderer {
        src,
        b: ViewBuilder::new(src),
        pending: Pending::None,
        pre: 0,
    };
    for (tok, &shown) in toks.iter().zip(visible) {
        match tok {
            Tok::Text(s, e) if shown => r.text(*s, *e),
            Tok::Text(..) => {}
            Tok::Start {
                name, flags, start, ..
            }
            | Tok::End { name, flags, start } => {
                if shown && name == "pre" {
                    if matches!(tok, Tok::Start { .. }) {
                        r.pre += 1;
                    } else {
                        r.pre = r.pre.saturating_sub(1);
                    }
                }
                r.block(name, *flags, *start);
            }
        }
    }
    r.b.finish()
}

impl Renderer<'_> {
    /// Notes the break a tag named `name` at `at` causes, if any.
    fn block(&mut self, name: &str, flags: u16, at: usize) {
        if flags & PARAGRAPH_TAG != 0 {
            self.pending.raise(Pending::Paragraph(at));
        } else if flags & LINE_TAG != 0 {
            self.pending.raise(Pending::Line(at));
        } else if name == "td" || name == "th" {
            self.pending.raise(Pending::Cell(at));
        }
    }

    /// Emits the pending break before visible text.
    fn settle(&mut self) {
        let pending = std::mem::replace(&mut self.pending, Pending::None);
        let view = self.b.text();
        if view.is_empty() {
            return;
        }
        match pending {
            Pending::None => {}
            Pending::Space(s, e) => {
                if !view.ends_with(char::is_whitespace) {
                    self.b.insert(" ", s, e - s);
                }
            }
            Pending::Cell(at) => {
                if !view.ends_with(char::is_whitespace) {
                    self.b.insert("\t", at, 0);
                }
            }
            Pending::Line(at) | Pending::Paragraph(at) => {
                let want = if matches!(pending, Pending::Line(_)) {
                    1
                } else {
                    2
                };
                let have = view.bytes().rev().take_while(|&c| c == b'\n').count();
                for _ in have..want {
                    self.b.insert("\n", at, 0);
                }
            }
        }
    }

    fn copy(&mut self, s: usize, e: usize) {
        if s < e {
            self.settle();
            self.b.copy(s, e);
        }
    }

    /// Character data: whitespace collapsed (except in `<pre>`), references decoded,
    /// no-break spaces read as spaces.
    fn text(&mut self, s: usize, e: usize) {
        let bytes = self.src.as_bytes();
        let mut i = s;
        let mut run = s;
        while i < e {
            let c = bytes[i];
            if self.pre == 0 && matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                self.copy(run, i);
                let ws_end = i + bytes[i..e]
                    .iter()
                    .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
                    .count();
                self.pending.raise(Pending::Space(i, ws_end));
                i = ws_end;
                run = i;
                continue;
            }
            if c == b'&' {
                if let Some((decoded, len)) = entities::decode_at(&self.src[..e], i) {
                    self.copy(run, i);
                    if !decoded.is_empty() {
                        self.settle();
                        self.b.insert(&decoded, i, len);
                    }
                    i += len;
                    run = i;
                    continue;
                }
            }
            if c == 0xC2 && bytes.get(i + 1) == Some(&0xA0) && i + 1 < e {
                self.copy(run, i);
                self.settle();
                self.b.insert(" ", i, 2);
                i += 2;
                run = i;
                continue;
            }
            i += 1;
        }
        self.copy(run, e);
    }
}

/// Title, publication date and URL from the page's metadata.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

/// `<meta>` keys that carry the publication date, most specific first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
];

/// `<meta>` keys that carry the date of the last change: used only when nothing says
/// when the page was published.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
];

/// What the page's metadata says, gathered in one pass.
#[derive(Debug, Default)]
struct Found {
    title: Option<String>,
    og_title: Option<String>,
    site_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    meta_dates: Vec<(usize, String)>,
    modified: Option<String>,
    itemprop_date: Option<String>,
    ld: JsonLd,
    visible_time: Option<String>,
    any_time: Option<String>,
}

fn metadata(src: &str, toks: &[Tok<'_>], reading: &reader::Reading) -> Meta {
    let mut f = Found::default();
    let mut in_svg = 0usize;
    let itemprop = memchr::memmem::Finder::new(b"itemprop");
    for (idx, tok) in toks.iter().enumerate() {
        match tok {
            Tok::Start {
                name,
                attrs,
                end,
                self_closing,
                ..
            } => {
                let name: &str = name;
                if name == "svg" && !self_closing {
                    in_svg += 1;
                }
                if name == "title" && in_svg == 0 && f.title.is_none() {
                    if let Some(Tok::Text(s, e)) = toks.get(idx + 1) {
                        let t = collapse(&entities::decode_all(&src[*s..*e]));
                        f.title = Some(t).filter(|t| !t.is_empty());
                    }
                    continue;
                }
                if !matches!(name, "meta" | "link" | "script" | "time")
                    && itemprop.find(&src.as_bytes()[*attrs..*end]).is_none()
                {
                    continue;
                }
                let a = attributes(src, *attrs, *end);
                let value = attr(&a, "content")
                    .or_else(|| attr(&a, "datetime"))
                    .map(str::trim)
                    .filter(|c| !c.is_empty());
                match attr(&a, "itemprop").map(str::to_ascii_lowercase).as_deref() {
                    Some("datepublished") if f.itemprop_date.is_none() => {
                        f.itemprop_date = value.and_then(normalize_date);
                    }
                    Some("datemodified") if f.modified.is_none() => {
                        f.modified = value.and_then(normalize_date);
                    }
                    _ => {}
                }
                match name {
                    "meta" => {
                        let key = attr(&a, "property")
                            .or_else(|| attr(&a, "name"))
                            .map(str::to_ascii_lowercase);
                        if let (Some(key), Some(content)) = (key, value) {
                            if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
                                f.meta_dates.push((rank, content.to_string()));
                            } else if MODIFIED_META.contains(&key.as_str()) {
                                if f.modified.is_none() {
                                    f.modified = normalize_date(content);
                                }
                            } else if key == "og:title" {
                                f.og_title.get_or_insert(collapse(content));
                            } else if key == "og:site_name" {
                                f.site_name.get_or_insert(collapse(content));
                            } else if key == "og:url" {
                                f.og_url.get_or_insert(content.to_string());
                            }
                        }
                    }
                    "link" => {
                        let canon = attr(&a, "rel").is_some_and(|r| {
                            r.split_ascii_whitespace()
                                .any(|w| w.eq_ignore_ascii_case("canonical"))
                        });
                        if canon {
                            if let Some(h) = attr(&a, "href").filter(|h| !h.trim().is_empty()) {
                                f.canonical.get_or_insert(h.trim().to_string());
                            }
                        }
                    }
                    "script" if attr(&a, "type").is_some_and(|t| t.contains("ld+json")) => {
                        if let Some(Tok::Text(s, e)) = toks.get(idx + 1) {
                            f.ld.read(&src[*s..*e]);
                        }
                    }
                    "time" => {
                        let date = attr(&a, "datetime").and_then(normalize_date);
                        if reading.visible.get(idx + 1).copied().unwrap_or(false)
                            && f.visible_time.is_none()
                        {
                            f.visible_time.clone_from(&date);
                        }
                        if f.any_time.is_none() {
                            f.any_time = date;
                        }
                    }
                    _ => {}
                }
            }
            Tok::End { name, .. } if name == "svg" => in_svg = in_svg.saturating_sub(1),
            _ => {}
        }
    }
    f.meta_dates.sort_by_key(|(rank, _)| *rank);
    let published =
        f.ld.published
            .take()
            .or_else(|| f.meta_dates.iter().find_map(|(_, d)| normalize_date(d)))
            .or(f.itemprop_date.take())
            .or_else(|| reading.dateline.clone())
            .or(f.visible_time.take())
            .or(f.any_time.take())
            .or(f.ld.modified.take())
            .or(f.modified.take());
    let site = f.site_name.clone().or(f.ld.site_name.clone());
    let title = f
        .og_title
        .take()
        .or(f.ld.headline.take())
        .or(f.title.take())
        .map(|t| without_site_name(&t, site.as_deref()));
    Meta {
        title,
        published,
        url: f.canonical.or(f.og_url),
    }
}

/// A title without the site's name around it: `Story | Site`, `Site - Story`. The name
/// comes from `og:site_name` (or the JSON-LD publisher); without it, a last ` | `, ` - `
/// or ` — ` part of one or two words is taken for it.
fn without_site_name(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
    let title = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(rest) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep)) {
                return rest.trim().to_string();
            }
            if let Some(rest) = title.strip_prefix(site).and_then(|t| t.strip_prefix(sep)) {
                return rest.trim().to_string();
            }
        }
        return title.to_string();
    }
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.split_whitespace().count() <= 2 && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// What JSON-LD blocks say: the first `datePublished`, `dateModified`, `headline` and
/// publisher name, searched through nested objects, arrays and `@graph`.
#[derive(Debug, Default)]
struct JsonLd {
    published: Option<String>,
    modified: Option<String>,
    headline: Option<String>,
    site_name: Option<String>,
}

impl JsonLd {
    /// Reads one block; a block that is not valid JSON is searched as text for its dates.
    fn read(&mut self, block: &str) {
        let trimmed = block.trim();
        let trimmed = trimmed
            .strip_prefix("<![CDATA[")
            .and_then(|t| t.strip_suffix("]]>"))
            .unwrap_or(trimmed);
        match serde_json::from_str::<serde_json::Value>(trimmed) {
            Ok(v) => self.visit(&v, 0),
            Err(_) => {
                if self.published.is_none() {
                    self.published = text_search(trimmed, "\"datePublished\"");
                }
                if self.modified.is_none() {
                    self.modified = text_search(trimmed, "\"dateModified\"");
                }
            }
        }
    }

    fn visit(&mut self, v: &serde_json::Value, depth: usize) {
        if depth > 32 {
            return;
        }
        match v {
            serde_json::Value::Object(m) => {
                let get = |k: &str| m.get(k).and_then(|d| d.as_str());
                if self.published.is_none() {
                    self.published = get("datePublished").and_then(normalize_date);
                }
                if self.modified.is_none() {
                    self.modified = get("dateModified").and_then(normalize_date);
                }
                if self.headline.is_none() {
                    self.headline = get("headline").map(collapse).filter(|h| !h.is_empty());
                }
                if self.site_name.is_none() {
                    self.site_name = m
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(|n| n.as_str())
                        .map(collapse);
                }
                m.values().for_each(|v| self.visit(v, depth + 1));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| self.visit(v, depth + 1)),
            _ => {}
        }
    }
}

/// The date after `"key":` in text that is not valid JSON.
fn text_search(text: &str, key: &str) -> Option<String> {
    let at = text.find(key)?;
    let rest = text[at + key.len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let rest = rest.strip_prefix('"')?;
    normalize_date(&rest[..rest.find('"')?])
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(src: &str) -> Document {
        html_document("t.html".into(), src.into())
    }

    fn maps_exactly(src: &str, figure_in_view: &str, figure_in_source: &str) {
        let d = doc(src);
        let v = d
            .text
            .find(figure_in_view)
            .unwrap_or_else(|| panic!("{figure_in_view:?} not in {:?}", d.text));
        let (s, e) = d.source_range(v, v + figure_in_view.len());
        assert_eq!(&d.source[s..e], figure_in_source, "view {:?}", d.text);
    }

    #[test]
    fn blocks_become_newlines_and_inline_tags_vanish() {
        let d = doc("<p>Meta paid <b>$14.3\n   billion</b>.</p><p>Second<br>line</p>");
        assert_eq!(d.text, "Meta paid $14.3 billion.\n\nSecond\nline");
    }

    #[test]
    fn figures_map_back_to_the_page_bytes() {
        maps_exactly(
            "<p>Meta paid <b>$14.3 billion</b>.</p>",
            "$14.3 billion",
            "$14.3 billion",
        );
        maps_exactly(
            "<p>Paid &#36;5&nbsp;million.</p>",
            "$5 million",
            "&#36;5&nbsp;million",
        );
        maps_exactly(
            "<p>Paid\n  <i>£5</i>  million.</p>",
            "£5 million",
            "£5</i>  million",
        );
    }

    #[test]
    fn chrome_scripts_and_hidden_elements_are_not_prose() {
        let d = doc(
            "<html><head><title>T</title><style>p{x:1}</style></head><body>\
             <nav><ul><li>Home</li></ul></nav><script>var a = 5 < 6;</script>\
             <div hidden>5 secret</div><div role=navigation>menu 7</div>\
             <p>Body 9</p><footer>© 2025</footer></body></html>",
        );
        assert_eq!(d.text, "Body 9");
        assert_eq!(d.title.as_deref(), Some("T"));
    }

    #[test]
    fn the_largest_article_is_the_prose() {
        let d = doc("<body><p>Teaser 1</p><article><p>Short</p></article>\
             <article><h1>Main</h1><p>The long story of $5.</p></article></body>");
        assert_eq!(d.text, "Main\n\nThe long story of $5.");
        let d = doc("<body><p>Outside</p><main><p>Inside</p></main></body>");
        assert_eq!(d.text, "Inside");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            doc("<p>AT&amp;T &pound;5 &euro;6 &mdash; it&rsquo;s &#x24;7</p>").text,
            "AT&T £5 €6 — it’s $7"
        );
    }

    #[test]
    fn malformed_markup_is_read_tolerantly() {
        assert_eq!(
            doc("<P>a < b and 1<2</P><DIV class=x>c").text,
            "a < b and 1<2\n\nc"
        );
        assert_eq!(doc("<p>unclosed <b attr=\"x").text, "unclosed <b attr=\"x");
        assert_eq!(doc("<p title='a>b'>ok</p>").text, "ok");
        assert_eq!(doc("<script>never closed").text, "");
    }

    #[test]
    fn pre_keeps_its_whitespace() {
        assert_eq!(doc("<pre>a  b\nc</pre>").text, "a  b\nc");
    }

    #[test]
    fn table_cells_are_separated() {
        assert_eq!(
            doc(
                "<table><tr><td>2024</td><td>$5</td></tr><tr><td>2025</td><td>$6</td></tr></table>"
            )
            .text,
            "2024\t$5\n2025\t$6"
        );
    }

    #[test]
    fn publication_date_prefers_json_ld_then_meta_then_time() {
        let d = doc("<script type=\"application/ld+json\">{\"dateModified\":\"2025-07-01\",\"datePublished\":\"2025-06-01\"}</script>\
             <meta property=\"article:published_time\" content=\"2025-06-02\"><p>x</p>");
        assert_eq!(d.published.as_deref(), Some("2025-06-01"));
        let d = doc("<meta property=\"article:modified_time\" content=\"2025-07-01\"><p>x</p>");
        assert_eq!(d.published.as_deref(), Some("2025-07-01"));
        let d = doc(
            "<meta property=\"article:published_time\" content=\"2025-06-13T10:00:00Z\"><p>x</p>",
        );
        assert_eq!(d.published.as_deref(), Some("2025-06-13"));
        let d = doc("<meta name=date content='June 12, 2025'><p>x</p>");
        assert_eq!(d.published.as_deref(), Some("2025-06-12"));
        let d = doc("<script type=\"application/ld+json\">{\"@graph\":[{\"datePublished\":\"2025-06-11\"}]}</script><p>x</p>");
        assert_eq!(d.published.as_deref(), Some("2025-06-11"));
        let d = doc("<time datetime=\"2020-01-01\">old</time><article><p>x <time datetime=\"2025-06-10T08:00\">today</time></p></article>");
        assert_eq!(d.published.as_deref(), Some("2025-06-10"));
        assert_eq!(doc("<p>x</p>").published, None);
    }

    #[test]
    fn the_title_drops_the_site_name() {
        let d = doc("<title>Old | Site</title><meta property=og:title content='Rates rise again | Daily Planet'>\
             <meta property=og:site_name content='Daily Planet'><p>x</p>");
        assert_eq!(d.title.as_deref(), Some("Rates rise again"));
        let d = doc("<title>Rates rise again as inflation bites - The Planet</title><p>x</p>");
        assert_eq!(
            d.title.as_deref(),
            Some("Rates rise again as inflation bites")
        );
        let d = doc("<title>Cats - Dogs</title><p>x</p>");
        assert_eq!(d.title.as_deref(), Some("Cats - Dogs"));
    }

    #[test]
    fn canonical_link_gives_the_url() {
        let d = doc("<link rel=\"canonical\" href=\"https://ex.com/a\"><meta property=og:url content=https://ex.com/b><p>x</p>");
        assert_eq!(d.url.as_deref(), Some("https://ex.com/a"));
    }
}
