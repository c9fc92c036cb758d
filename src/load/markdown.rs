//! Markdown: front matter gives the metadata, and the body's syntax is taken out of the
//! prose view while every figure keeps an exact map back into the `.md` bytes.
//!
//! Not prose: YAML (`---`) or TOML (`+++`) front matter, heading `#`s, emphasis markers,
//! link and image destinations (`[text](url)` keeps `text`), reference definitions and
//! footnote references, inline code and fenced or indented code blocks, HTML comments and
//! tags, table pipes and delimiter rows, list and blockquote markers, bare URLs. Each
//! source line break stays a newline in the view, so view line N is source line N.

use super::date::normalize_date;
use super::entities;
use super::view::ViewBuilder;
use crate::document::{Document, Format};
use std::collections::HashMap;

/// Metadata read from front matter.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Meta {
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

/// A Markdown document with its prose view and front-matter metadata.
pub fn markdown_document(id: String, source: String) -> Document {
    let (body_start, meta) = front_matter(&source).unwrap_or_default();
    let mut reader = Reader::default();
    let (text, map) = reader.view(&source, body_start);
    Document {
        id,
        text,
        map,
        format: Format::Markdown,
        published: meta.published,
        title: meta.title.or(reader.first_heading),
        url: meta.url,
        origin: None,
        source,
    }
}

/// The byte where the body starts and the metadata, when `source` opens with front
/// matter that is closed.
fn front_matter(source: &str) -> Option<(usize, Meta)> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = line_ranges(source).into_iter();
    let (first_start, first_end, _) = lines.next()?;
    let first = source.get(first_start + bom..first_end)?.trim_end();
    let (closers, toml): (&[&str], bool) = match first {
        "---" => (&["---", "..."], false),
        "+++" => (&["+++"], true),
        _ => return None,
    };
    let body_from = lines.clone().next()?.0;
    for (ls, le, next) in lines {
        let line = source.get(ls..le)?.trim_end();
        if closers.contains(&line) {
            let content = source.get(body_from..ls)?;
            let meta = if toml {
                toml_meta(content)
            } else {
                yaml_meta(content)
            };
            return Some((next, meta));
        }
    }
    None
}

/// What is wrong with the front matter `source` opens with, as (1-based line, message):
/// a fence never closed (the block is then read as text), TOML that does not parse, a
/// YAML line that is not `key: value`, a date that is not one. Each problem would
/// otherwise lose the metadata silently.
pub fn front_matter_problems(source: &str) -> Vec<(usize, String)> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let ranges = line_ranges(source);
    let Some(&(fs, fe, _)) = ranges.first() else {
        return Vec::new();
    };
    let first = source.get(fs + bom..fe).unwrap_or("").trim_end();
    let (closers, toml): (&[&str], bool) = match first {
        "---" => (&["---", "..."], false),
        "+++" => (&["+++"], true),
        _ => return Vec::new(),
    };
    let Some(close) = ranges
        .iter()
        .skip(1)
        .position(|&(ls, le, _)| closers.contains(&source.get(ls..le).unwrap_or("").trim_end()))
    else {
        return vec![(
            1,
            format!(
                "front matter opened with `{first}` is never closed; the whole file is read \
                 as text and its metadata is lost"
            ),
        )];
    };
    let body = &ranges[1..=close];
    let mut out = Vec::new();
    if toml {
        let to = ranges[close + 1].0;
        let from = body.first().map_or(to, |r| r.0);
        let content = source.get(from..to).unwrap_or("");
        if let Err(e) = content.parse::<toml::Table>() {
            let line = e.span().map_or(0, |sp| {
                content
                    .get(..sp.start)
                    .unwrap_or(content)
                    .matches('\n')
                    .count()
            });
            out.push((
                line + 2,
                format!(
                    "TOML front matter does not parse ({}); its metadata is ignored",
                    e.message().trim()
                ),
            ));
            return out;
        }
    }
    for (i, &(ls, le, _)) in body.iter().enumerate() {
        let line = source.get(ls..le).unwrap_or("");
        let number = i + 2;
        if toml {
            if let Some((k, v)) = line.split_once('=') {
                let key = k.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
                let v = v.trim().trim_matches(['"', '\'']);
                if DATE_KEYS.contains(&key.as_str()) && normalize_date(v).is_none() {
                    out.push((
                        number,
                        format!("`{key}` {v:?} is not a date; the publication date is unknown"),
                    ));
                }
            }
            continue;
        }
        if line.trim().is_empty() || line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            out.push((
                number,
                format!(
                    "YAML front matter line {:?} is not `key: value`; ignored",
                    line.trim()
                ),
            ));
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
        let value = yaml_scalar(value.trim());
        if DATE_KEYS.contains(&key.as_str())
            && !value.is_empty()
            && normalize_date(&value).is_none()
        {
            out.push((
                number,
                format!("`{key}` {value:?} is not a date; the publication date is unknown"),
            ));
        }
    }
    out
}

fn pick_meta(title: Option<String>, date: Option<String>, url: Option<String>) -> Meta {
    Meta {
        title: title.filter(|t| !t.is_empty()),
        published: date.and_then(|d| normalize_date(&d)),
        url: url.filter(|u| !u.is_empty()),
    }
}

const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "pubdate",
    "publishdate",
    "published_at",
    "date_published",
    "publication_date",
];
const URL_KEYS: &[&str] = &["url", "source", "link", "canonical", "canonical_url"];

/// Simple `key: value` lines of YAML front matter; nested and list values are skipped.
fn yaml_meta(content: &str) -> Meta {
    let mut fields: HashMap<String, String> = HashMap::new();
    for line in content.lines() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
        let value = yaml_scalar(value.trim());
        if !value.is_empty() {
            fields.entry(key).or_insert(value);
        }
    }
    let get = |keys: &[&str]| keys.iter().find_map(|k| fields.get(*k).cloned());
    pick_meta(get(TITLE_KEYS), get(DATE_KEYS), get(URL_KEYS))
}

/// A YAML scalar as text: quotes removed, a trailing comment dropped from plain values.
fn yaml_scalar(v: &str) -> String {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q) {
            if let Some(end) = inner.rfind(q) {
                let inner = &inner[..end];
                return if q == '"' {
                    inner.replace("\\\"", "\"")
                } else {
                    inner.replace("''", "'")
                };
            }
        }
    }
    let plain = match v.find(" #") {
        Some(i) => &v[..i],
        None => v,
    };
    if plain.starts_with(['|', '>', '[', '{', '&', '*', '!']) {
        return String::new();
    }
    plain.trim().to_string()
}

/// TOML front matter, read with the `toml` crate; dates may be TOML datetimes.
fn toml_meta(content: &str) -> Meta {
    let Ok(table) = content.parse::<toml::Table>() else {
        return Meta::default();
    };
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            table
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(k))
                .and_then(|(_, v)| match v {
                    toml::Value::String(s) => Some(s.trim().to_string()),
                    toml::Value::Datetime(d) => Some(d.to_string()),
                    toml::Value::Integer(i) => Some(i.to_string()),
                    _ => None,
                })
        })
    };
    pick_meta(get(TITLE_KEYS), get(DATE_KEYS), get(URL_KEYS))
}

/// (content start, content end without `\r`, start of the next line) for each line.
fn line_ranges(source: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = source.as_bytes();
    while start < bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[start..]).map(|i| start + i);
        let end = nl.unwrap_or(bytes.len());
        let content_end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        let next = nl.map_or(bytes.len(), |i| i + 1);
        out.push((start, content_end, next));
        start = next;
    }
    out
}

/// Block state carried from line to line.
#[derive(Debug, Default)]
struct Reader {
    /// Inside a fenced code block: the fence character and length.
    fence: Option<(u8, usize)>,
    /// Inside an HTML comment that spans lines.
    comment: bool,
    /// Inside a `<script>` or `<style>` element that spans lines.
    raw: Option<&'static str>,
    /// Inside an indented code block.
    indented_code: bool,
    /// The previous line was blank (or there was none).
    prev_blank: bool,
    /// Inside a list, where indented lines continue items rather than start code.
    list: bool,
    /// Inside a table's body rows.
    table: bool,
    /// Text of the first `#` heading, the title when front matter gives none.
    first_heading: Option<String>,
}

/// Limits recursion into nested link texts.
const MAX_LINK_DEPTH: usize = 8;

impl Reader {
    fn view(&mut self, source: &str, body_start: usize) -> (String, crate::document::OffsetMap) {
        let mut b = ViewBuilder::new(source);
        let lines = line_ranges(source);
        self.prev_blank = true;
        let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
        for (idx, &(ls, le, next)) in lines.iter().enumerate() {
            if ls >= body_start {
                let ls = if ls == 0 { bom } else { ls };
                let next_line = lines.get(idx + 1).and_then(|&(s, e, _)| source.get(s..e));
                self.line(&mut b, source, ls, le, next_line);
            }
            if next > le && source.as_bytes().get(next - 1) == Some(&b'\n') {
                b.copy(next - 1, next);
            }
        }
        b.finish()
    }

    fn line(
        &mut self,
        b: &mut ViewBuilder,
        src: &str,
        ls: usize,
        le: usize,
        next_line: Option<&str>,
    ) {
        let Some(line) = src.get(ls..le) else {
            return;
        };
        if self.comment || self.raw.is_some() {
            // Continue the construct that spans lines; block syntax does not apply.
            let ctx = LineCtx::new(src, ls, le, false);
            self.inline(b, &ctx, ls, le, 0);
            return;
        }
        let indent = indent_width(line);
        let trimmed = line.trim();
        if let Some((fc, flen)) = self.fence {
            if indent < 4 && is_fence_close(trimmed, fc, flen) {
                self.fence = None;
            }
            return;
        }
        if trimmed.is_empty() {
            self.prev_blank = true;
            self.table = false;
            return;
        }
        if indent < 4 {
            if let Some(f) = fence_open(trimmed) {
                self.fence = Some(f);
                self.prev_blank = false;
                return;
            }
        }
        if indent >= 4 && (self.indented_code || (self.prev_blank && !self.list)) {
            self.indented_code = true;
            return;
        }
        self.indented_code = false;
        let was_blank = std::mem::replace(&mut self.prev_blank, false);
        if indent < 4 && (is_rule_or_underline(trimmed) || is_delimiter_row(trimmed)) {
            if is_delimiter_row(trimmed) {
                self.table = true;
            }
            return;
        }
        if indent < 4 && is_reference_definition(trimmed) {
            return;
        }
        let bytes = src.as_bytes();
        // Blockquote markers.
        let mut p = ls;
        loop {
            while p < le && matches!(bytes[p], b' ' | b'\t') {
                p += 1;
            }
            if p < le && bytes[p] == b'>' {
                p += 1;
                continue;
            }
            break;
        }
        // List marker, then a task box.
        let mut is_item = false;
        if let Some(after) = list_marker(bytes, p, le, was_blank || self.list) {
            p = after;
            is_item = true;
            for task in ["[ ] ", "[x] ", "[X] "] {
                if src.get(p..).is_some_and(|r| r.starts_with(task)) {
                    p += task.len();
                }
            }
        }
        // Footnote definition marker `[^1]:`.
        if src.get(p..le).is_some_and(|r| r.starts_with("[^")) {
            if let Some(close) = src.get(p..le).and_then(|r| r.find("]:")) {
                p += close + 2;
            }
        }
        if is_item {
            self.list = true;
        } else if indent == 0 && was_blank {
            self.list = false;
        }
        // ATX heading: leading `#`s and an optional closing run of `#`s.
        let mut end = le;
        let hashes = bytes[p..le].iter().take_while(|&&c| c == b'#').count();
        let mut heading = false;
        if (1..=6).contains(&hashes)
            && (p + hashes == le || matches!(bytes[p + hashes], b' ' | b'\t'))
        {
            heading = hashes == 1;
            p += hashes;
            while p < le && matches!(bytes[p], b' ' | b'\t') {
                p += 1;
            }
            let t = src[p..le].trim_end();
            end = p + t.len();
            let closing = t.len() - t.trim_end_matches('#').len();
            if closing > 0 {
                let before = &t[..t.len() - closing];
                if before.is_empty() || before.ends_with([' ', '\t']) {
                    end = p + before.trim_end().len();
                }
            }
        }
        let table_row = line.contains('|')
            && (self.table || next_line.is_some_and(|n| is_delimiter_row(n.trim())));
        if !table_row {
            self.table = false;
        }
        let ctx = LineCtx::new(src, p, end, table_row);
        let before = b.text().len();
        self.inline(b, &ctx, p, end, 0);
        if heading && self.first_heading.is_none() {
            let t = b.text().get(before..).unwrap_or("").trim();
            if !t.is_empty() {
                self.first_heading = Some(t.to_string());
            }
        }
    }

    /// Copies the prose of `src[start..end]` into the view, dropping inline syntax.
    fn inline(
        &mut self,
        b: &mut ViewBuilder,
        ctx: &LineCtx,
        start: usize,
        end: usize,
        depth: usize,
    ) {
        let src = ctx.src;
        let bytes = src.as_bytes();
        let mut i = start;
        let mut run = start;
        while i < end {
            if self.comment {
                b.copy(run, i);
                match find_from(src, i, end, "-->") {
                    Some(p) => {
                        i = p + 3;
                        self.comment = false;
                    }
                    None => i = end,
                }
                run = i;
                continue;
            }
            if let Some(tag) = self.raw {
                b.copy(run, i);
                match find_close_tag(src, i, end, tag) {
                    Some(after) => {
                        i = after;
                        self.raw = None;
                    }
                    None => i = end,
                }
                run = i;
                continue;
            }
            let c = bytes[i];
            match c {
                b'\\' => {
                    let next = bytes.get(i + 1).copied();
                    if i + 1 < end && next.is_some_and(|n| n.is_ascii_punctuation()) {
                        b.copy(run, i);
                        b.insert(&src[i + 1..i + 2], i, 2);
                        i += 2;
                        run = i;
                    } else if i + 1 == end {
                        // A backslash hard line break.
                        b.copy(run, i);
                        i += 1;
                        run = i;
                    } else {
                        i += 1;
                    }
                }
                b'`' => {
                    let n = run_len(bytes, i, end, b'`');
                    match ctx.code_close(i, n, end) {
                        Some(close) => {
                            b.copy(run, i);
                            i = close + n;
                            run = i;
                        }
                        None => i += n,
                    }
                }
                b'!' if bytes.get(i + 1) == Some(&b'[') && i + 1 < end => {
                    match ctx.link(i + 1, end) {
                        Some((ts, te, after)) if depth < MAX_LINK_DEPTH => {
                            b.copy(run, i);
                            self.inline(b, ctx, ts, te, depth + 1);
                            i = after;
                            run = i;
                        }
                        _ => i += 1,
                    }
                }
                b'[' => {
                    if bytes.get(i + 1) == Some(&b'^') {
                        if let Some(close) = ctx.close_of(i).filter(|&c| c < end) {
                            b.copy(run, i);
                            i = close + 1;
                            run = i;
                            continue;
                        }
                    }
                    match ctx.link(i, end) {
                        Some((ts, te, after)) if depth < MAX_LINK_DEPTH => {
                            b.copy(run, i);
                            self.inline(b, ctx, ts, te, depth + 1);
                            i = after;
                            run = i;
                        }
                        _ => i += 1,
                    }
                }
                b'<' => match self.angle(ctx, i, end) {
                    Some(after) => {
                        b.copy(run, i);
                        i = after;
                        run = i;
                    }
                    None => i += 1,
                },
                b'&' => match entities::decode_at(&src[..end], i) {
                    Some((text, len)) => {
                        b.copy(run, i);
                        b.insert(&text, i, len);
                        i += len;
                        run = i;
                    }
                    None => i += 1,
                },
                b'*' | b'_' | b'~' => {
                    let n = run_len(bytes, i, end, c);
                    if is_emphasis(src, ctx.start, i, n, end, c) {
                        b.copy(run, i);
                        run = i + n;
                    }
                    i += n;
                }
                b'|' if ctx.table => {
                    b.copy(run, i);
                    let outer = src[ctx.start..i].trim().is_empty()
                        || src[i + 1..ctx.end].trim().is_empty();
                    if !outer {
                        b.insert("\t", i, 1);
                    }
                    i += 1;
                    run = i;
                }
                b'h' | b'w' => match bare_url(src, i, end) {
                    Some(after) => {
                        b.copy(run, i);
                        i = after;
                        run = i;
                    }
                    None => i += 1,
                },
                _ => i += 1,
            }
        }
        b.copy(run, end.max(run));
    }

    /// What `<` at `i` starts: a comment, an autolink or an HTML tag, all dropped. Returns
    /// the offset after it, or `None` when the `<` is literal text.
    fn angle(&mut self, ctx: &LineCtx, i: usize, end: usize) -> Option<usize> {
        let src = ctx.src;
        let rest = src.get(i..end)?;
        if rest.starts_with("<!--") {
            self.comment = true;
            return Some(i + 4);
        }
        let gt = ctx.next_gt(i, end)? - i;
        let inner = &rest[1..gt];
        if inner.is_empty() || inner.contains('<') {
            return None;
        }
        let first = inner.as_bytes()[0];
        // Autolinks: `<https://…>` and `<name@example.com>`.
        if !inner.contains(char::is_whitespace) {
            if let Some(colon) = inner.find(':') {
                let scheme = &inner[..colon];
                if scheme.len() >= 2
                    && first.is_ascii_alphabetic()
                    && scheme
                        .bytes()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
                {
                    return Some(i + gt + 1);
                }
            }
            if inner.contains('@') && inner.contains('.') {
                return Some(i + gt + 1);
            }
        }
        let closing = first == b'/';
        let name_start = usize::from(closing);
        let name: String = inner[name_start..]
            .bytes()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
            .map(|c| c.to_ascii_lowercase() as char)
            .collect();
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            return None;
        }
        if !closing && !inner.ends_with('/') {
            self.raw = match name.as_str() {
                "script" => Some("script"),
                "style" => Some("style"),
                _ => None,
            };
        }
        Some(i + gt + 1)
    }
}

/// Bracket matches and code-span closers of one line.
struct LineCtx<'a> {
    src: &'a str,
    start: usize,
    end: usize,
    table: bool,
    /// `[` → matching `]`, `(` → matching `)`.
    closers: HashMap<usize, usize>,
    /// Backtick run length → start offsets of runs of that length, ascending.
    ticks: HashMap<usize, Vec<usize>>,
    /// Offsets of `>`, ascending.
    gts: Vec<usize>,
}

impl<'a> LineCtx<'a> {
    fn new(src: &'a str, start: usize, end: usize, table: bool) -> Self {
        let bytes = src.as_bytes();
        let mut closers = HashMap::new();
        let mut ticks: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut squares = Vec::new();
        let mut parens = Vec::new();
        let gts = memchr::memchr_iter(b'>', &bytes[start..end])
            .map(|p| start + p)
            .collect();
        let mut i = start;
        while i < end {
            match bytes[i] {
                b'\\' => i += 1,
                b'[' => squares.push(i),
                b']' => {
                    if let Some(o) = squares.pop() {
                        closers.insert(o, i);
                    }
                }
                b'(' => parens.push(i),
                b')' => {
                    if let Some(o) = parens.pop() {
                        closers.insert(o, i);
                    }
                }
                b'`' => {
                    let n = run_len(bytes, i, end, b'`');
                    ticks.entry(n).or_default().push(i);
                    i += n;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        LineCtx {
            src,
            start,
            end,
            table,
            closers,
            ticks,
            gts,
        }
    }

    /// The first `>` after `at` and before `end`.
    fn next_gt(&self, at: usize, end: usize) -> Option<usize> {
        let idx = self.gts.partition_point(|&p| p <= at);
        self.gts.get(idx).copied().filter(|&p| p < end)
    }

    fn close_of(&self, open: usize) -> Option<usize> {
        self.closers.get(&open).copied()
    }

    /// The start of the next backtick run of exactly `n` after the run at `at`.
    fn code_close(&self, at: usize, n: usize, end: usize) -> Option<usize> {
        let runs = self.ticks.get(&n)?;
        let idx = runs.partition_point(|&p| p <= at);
        runs.get(idx).copied().filter(|&p| p + n <= end)
    }

    /// A link or image at `open` (a `[`): its text range and the offset after it.
    /// `[text](dest)`, `[text][ref]` and `[text][]` are links; a lone `[text]` is literal.
    fn link(&self, open: usize, end: usize) -> Option<(usize, usize, usize)> {
        let close = self.close_of(open).filter(|&c| c < end)?;
        let after = close + 1;
        match self.src.as_bytes().get(after) {
            Some(b'(') | Some(b'[') if after < end => {
                let tail = self.close_of(after).filter(|&c| c < end)?;
                Some((open + 1, close, tail + 1))
            }
            _ => None,
        }
    }
}

fn run_len(bytes: &[u8], at: usize, end: usize, c: u8) -> usize {
    bytes[at..end].iter().take_while(|&&b| b == c).count()
}

fn find_from(src: &str, from: usize, end: usize, needle: &str) -> Option<usize> {
    src.get(from..end)?.find(needle).map(|p| from + p)
}

/// The offset after `</tag …>` at or after `from`, matched case-insensitively.
fn find_close_tag(src: &str, from: usize, end: usize, tag: &str) -> Option<usize> {
    let hay = src.get(from..end)?.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &hay[i..]) {
        let at = i + p;
        let rest = &hay[at..];
        if rest.len() > tag.len() + 1
            && rest[1] == b'/'
            && rest[2..2 + tag.len()].eq_ignore_ascii_case(tag.as_bytes())
        {
            let gt = memchr::memchr(b'>', rest).map_or(hay.len(), |g| at + g + 1);
            return Some(from + gt);
        }
        i = at + 1;
    }
    None
}

/// Whether a run of `n` × `c` at `at` opens or closes emphasis (CommonMark's flanking
/// rules; `_` inside a word and a single `~` are literal).
fn is_emphasis(src: &str, line_start: usize, at: usize, n: usize, end: usize, c: u8) -> bool {
    if c == b'~' && n < 2 {
        return false;
    }
    let prev = src[line_start.min(at)..at].chars().next_back();
    let next = src[at + n..end.max(at + n)].chars().next();
    let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let left = !ws(next) && (!punct(next) || ws(prev) || punct(prev));
    let right = !ws(prev) && (!punct(prev) || ws(next) || punct(next));
    if c == b'_' {
        (left && (!right || punct(prev))) || (right && (!left || punct(next)))
    } else {
        left || right
    }
}

/// A bare `http(s)://` or `www.` URL at `at`: the offset after it (trailing sentence
/// punctuation stays prose).
fn bare_url(src: &str, at: usize, end: usize) -> Option<usize> {
    let rest = src.get(at..end)?;
    if !(rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
        return None;
    }
    if src[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || c == '<' || c == '|')
        .unwrap_or(rest.len());
    let mut url = &rest[..len];
    // A `)` closes the URL's own `(` or else belongs to the prose around it.
    let mut unbalanced = url
        .matches(')')
        .count()
        .saturating_sub(url.matches('(').count());
    loop {
        let t = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '*', '_']);
        let t = match t.strip_suffix(')') {
            Some(shorter) if unbalanced > 0 => {
                unbalanced -= 1;
                shorter
            }
            _ => t,
        };
        if t.len() == url.len() {
            break;
        }
        url = t;
    }
    let min = if rest.starts_with("www.") { 5 } else { 9 };
    (url.len() >= min).then_some(at + url.len())
}

fn indent_width(line: &str) -> usize {
    let mut w = 0;
    for c in line.bytes() {
        match c {
            b' ' => w += 1,
            b'\t' => w += 4 - w % 4,
            _ => break,
        }
    }
    w
}

fn fence_open(trimmed: &str) -> Option<(u8, usize)> {
    let c = *trimmed.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = trimmed.bytes().take_while(|&b| b == c).count();
    if n < 3 || (c == b'`' && trimmed[n..].contains('`')) {
        return None;
    }
    Some((c, n))
}

fn is_fence_close(trimmed: &str, c: u8, n: usize) -> bool {
    let run = trimmed.bytes().take_while(|&b| b == c).count();
    run >= n && trimmed.len() == run
}

/// A thematic break (`***`, `- - -`) or a setext underline (`===`, `---`).
fn is_rule_or_underline(trimmed: &str) -> bool {
    let first = trimmed.as_bytes()[0];
    match first {
        b'=' | b'-' if trimmed.bytes().all(|c| c == first) => true,
        b'-' | b'*' | b'_' => {
            trimmed
                .bytes()
                .all(|c| c == first || c == b' ' || c == b'\t')
                && trimmed.bytes().filter(|&c| c == first).count() >= 3
        }
        _ => false,
    }
}

/// A table delimiter row such as `| --- | :---: |`.
fn is_delimiter_row(trimmed: &str) -> bool {
    if !trimmed.contains('|') && !trimmed.contains('-') {
        return false;
    }
    let inner = trimmed.trim_matches('|');
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    trimmed.contains('|')
        && !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim_start_matches(':').trim_end_matches(':');
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
}

/// `[label]: destination` (a link reference definition, not a footnote).
fn is_reference_definition(trimmed: &str) -> bool {
    if !trimmed.starts_with('[') || trimmed.starts_with("[^") {
        return false;
    }
    match trimmed.find("]:") {
        Some(i) => i > 1 && !trimmed[1..i].contains(']'),
        None => false,
    }
}

/// A list marker (`-`, `*`, `+`, `1.`, `1)`) at `p`: the offset after it and its space.
/// An ordered marker other than `1.` only counts after a blank line or inside a list, so
/// a wrapped line that begins with `2019.` stays prose.
fn list_marker(bytes: &[u8], p: usize, end: usize, may_start_any: bool) -> Option<usize> {
    let c = *bytes.get(p).filter(|_| p < end)?;
    let after_marker = |q: usize| -> Option<usize> {
        if q == end {
            return Some(q);
        }
        if matches!(bytes[q], b' ' | b'\t') {
            Some(q + 1)
        } else {
            None
        }
    };
    if matches!(c, b'-' | b'*' | b'+') {
        return after_marker(p + 1);
    }
    let digits = bytes[p..end]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 || digits > 9 || p + digits >= end {
        return None;
    }
    if !matches!(bytes[p + digits], b'.' | b')') {
        return None;
    }
    let is_one = &bytes[p..p + digits] == b"1";
    if !(may_start_any || is_one) {
        return None;
    }
    after_marker(p + digits + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(src: &str) -> String {
        markdown_document("t.md".into(), src.into()).text
    }

    fn maps_exactly(src: &str, figure: &str) {
        let d = markdown_document("t.md".into(), src.into());
        let v = d
            .text
            .find(figure)
            .unwrap_or_else(|| panic!("{figure:?} not in {:?}", d.text));
        let (s, e) = d.source_range(v, v + figure.len());
        assert_eq!(&d.source[s..e], figure, "view {:?}", d.text);
    }

    #[test]
    fn emphasis_markers_are_not_prose_and_figures_map_back() {
        assert_eq!(
            view("Valued at **$14.3 billion** in _June_."),
            "Valued at $14.3 billion in June."
        );
        maps_exactly("Valued at **$14.3 billion** in _June_.", "$14.3 billion");
    }

    #[test]
    fn intraword_underscores_and_lone_operators_stay() {
        assert_eq!(
            view("snake_case and 5 * 3 and ~5%"),
            "snake_case and 5 * 3 and ~5%"
        );
        assert_eq!(view("~~old~~ new"), "old new");
    }

    #[test]
    fn headings_lose_their_hashes_and_the_first_is_the_title() {
        let d = markdown_document(
            "t.md".into(),
            "# Scale AI deal #\n\n## More\n#1 seller".into(),
        );
        assert_eq!(d.text, "Scale AI deal\n\nMore\n#1 seller");
        assert_eq!(d.title.as_deref(), Some("Scale AI deal"));
    }

    #[test]
    fn links_keep_their_text_and_lose_their_destinations() {
        assert_eq!(
            view("See [the report](https://x.com/2024/05 \"t\") and ![chart of 5%](c.png) [ref][1] [^2]."),
            "See the report and chart of 5% ref ."
        );
        assert_eq!(view("[1]: https://example.com/2019\nok"), "\nok");
        assert_eq!(view("a [sic] b"), "a [sic] b");
    }

    #[test]
    fn code_is_not_prose() {
        assert_eq!(view("Run `x = 5` now"), "Run  now");
        assert_eq!(view("a\n```\nlet x = 5;\n```\nb"), "a\n\n\n\nb");
        assert_eq!(view("a\n\n    let x = 5;\nb"), "a\n\n\nb");
        assert_eq!(view("unclosed ` tick 5"), "unclosed ` tick 5");
    }

    #[test]
    fn html_comments_and_tags_are_not_prose() {
        assert_eq!(view("a <!-- 5 -->b <span class=\"x\">c</span>"), "a b c");
        assert_eq!(view("a <!-- 5\n6 --> b"), "a \n b");
        assert_eq!(view("<script>\nvar x = 5;\n</script>\nok"), "\n\n\nok");
        assert_eq!(view("1 < 2 and a<b"), "1 < 2 and a<b");
    }

    #[test]
    fn lists_blockquotes_and_tasks_lose_their_markers() {
        assert_eq!(
            view("- one\n* two\n> - [x] three\n1. four"),
            "one\ntwo\nthree\nfour"
        );
    }

    #[test]
    fn a_wrapped_line_starting_with_a_year_keeps_it() {
        assert_eq!(
            view("It was founded in\n2019. Then"),
            "It was founded in\n2019. Then"
        );
        assert_eq!(view("Items:\n\n2. second"), "Items:\n\nsecond");
    }

    #[test]
    fn tables_lose_pipes_and_delimiter_rows() {
        assert_eq!(
            view("| Year | Revenue |\n|---|:---:|\n| 2024 | $5 billion |\n\nafter | pipe"),
            " Year \t Revenue \n\n 2024 \t $5 billion \n\nafter | pipe"
        );
        maps_exactly(
            "| 2024 | $5 billion |\n|---|---|\n| 2025 | **$6 billion** |",
            "$6 billion",
        );
    }

    #[test]
    fn escapes_and_entities_decode_and_map_to_their_source() {
        assert_eq!(view(r"\*not emphasis\* AT&amp;T"), "*not emphasis* AT&T");
        maps_exactly("Cost &#36;5 million", "5 million");
    }

    #[test]
    fn rules_and_setext_underlines_are_not_prose() {
        assert_eq!(view("Title\n=====\ntext\n\n* * *\n"), "Title\n\ntext\n\n\n");
    }

    #[test]
    fn bare_urls_are_not_prose_but_trailing_punctuation_is() {
        assert_eq!(
            view("See https://x.com/2024/05/a. Then <https://y.com/1>."),
            "See . Then ."
        );
    }

    #[test]
    fn yaml_front_matter_gives_metadata_and_no_prose() {
        let d = markdown_document(
            "t.md".into(),
            "---\ntitle: \"Meta invests: $14.3B\"\ndate: 2025-06-13T10:00:00Z\nsource: https://ex.com/a # c\ntags:\n  - ai\n---\nBody $5.\n".into(),
        );
        assert_eq!(d.title.as_deref(), Some("Meta invests: $14.3B"));
        assert_eq!(d.published.as_deref(), Some("2025-06-13"));
        assert_eq!(d.url.as_deref(), Some("https://ex.com/a"));
        assert_eq!(d.text, "\n\n\n\n\n\n\nBody $5.\n");
    }

    #[test]
    fn toml_front_matter_gives_metadata_and_no_prose() {
        let d = markdown_document(
            "t.md".into(),
            "+++\ntitle = \"Deal\"\ndate = 2025-06-13T10:00:00Z\nurl = \"https://ex.com\"\n+++\nBody".into(),
        );
        assert_eq!(d.title.as_deref(), Some("Deal"));
        assert_eq!(d.published.as_deref(), Some("2025-06-13"));
        assert_eq!(d.url.as_deref(), Some("https://ex.com"));
        assert_eq!(d.text, "\n\n\n\n\nBody");
    }

    #[test]
    fn front_matter_problems_name_their_line_and_never_panic() {
        for odd in [
            "",
            "---",
            "---\n",
            "---\n---",
            "+++\n+++\n",
            "---\r\n---\r\n",
            "\u{feff}---\nx\n",
            "+++\nt = 'é\n+++\n",
            "---\n: \n---\n",
        ] {
            let _ = front_matter_problems(odd);
        }
        assert!(front_matter_problems("---\ntitle: A\n---\nbody\n").is_empty());
        let p = front_matter_problems("---\ntitle: A\ndate: soon\n---\n");
        assert_eq!(p[0].0, 3, "{p:?}");
        let p = front_matter_problems("+++\ntitle = \"A\"\nbad =\n+++\n");
        assert_eq!(p[0].0, 3, "{p:?}");
    }

    #[test]
    fn unclosed_front_matter_is_ordinary_text() {
        let d = markdown_document("t.md".into(), "---\ntitle: x\nbody".into());
        assert_eq!(d.title, None);
        assert_eq!(d.text, "\ntitle: x\nbody");
    }

    #[test]
    fn crlf_line_ends_keep_one_newline_per_line() {
        assert_eq!(view("# A\r\nb **5%**\r\n"), "A\nb 5%\n");
    }
}
