//! A loaded article: its text as read, the prose view the extractor reads, and the map
//! from view offsets back to offsets in the text as read.
//!
//! Loading (file formats, directories, standard input) is in `load`; this module only
//! holds the data and the offset arithmetic every later stage needs.

use serde::Serialize;

/// The format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown, optionally with YAML or TOML front matter.
    Markdown,
    /// An HTML page.
    Html,
    /// One record of a JSON or JSONL file.
    JsonRecord,
}

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The id claims refer to: the path as given, or a JSONL record's `id`.
    pub id: String,
    /// The content as read; claim spans are byte offsets into it.
    pub source: String,
    /// The prose the extractor reads: visible text only, markup removed, block
    /// boundaries turned into newlines.
    pub text: String,
    /// How to turn an offset in `text` into an offset in `source`.
    pub map: OffsetMap,
    /// The format it was read as.
    pub format: Format,
    /// Publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) from metadata, if any.
    pub published: Option<String>,
    /// Title from metadata, if any.
    pub title: Option<String>,
    /// Source URL from metadata, if any.
    pub url: Option<String>,
    /// For a record of a JSON or JSONL file: the file and the 1-based line the record
    /// starts on, where CI annotations point (the record's id is no path).
    pub origin: Option<(String, usize)>,
}

impl Document {
    /// A plain-text document whose prose view is the whole text.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let source: String = text.into();
        Document {
            id: id.into(),
            text: source.clone(),
            map: OffsetMap::identity(),
            source,
            format: Format::Text,
            published: None,
            title: None,
            url: None,
            origin: None,
        }
    }

    /// The file the document was read from: a JSON record's file, else its id (the
    /// path as given, or `-`). Path globs and changed sets match this, never a record id.
    pub fn file(&self) -> &str {
        self.origin
            .as_ref()
            .map_or(self.id.as_str(), |(f, _)| f.as_str())
    }

    /// Sets the publication date (builder style).
    pub fn with_published(mut self, published: impl Into<String>) -> Self {
        self.published = Some(published.into());
        self
    }

    /// Maps a byte range of `text` to the byte range of `source` it was read from.
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map.to_source(start, false);
        let e = self.map.to_source(end, true).max(s);
        (s, e)
    }
}

/// Piecewise map from prose-view offsets to source offsets. Each piece says: view bytes
/// from `view` on were copied from source bytes from `source` on, one for one, until the
/// next piece. An empty map is the identity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

/// One copied run of the prose view (see [`OffsetMap`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Offset in the view where the run starts.
    pub view: usize,
    /// Offset in the source the run was copied from.
    pub source: usize,
    /// Length of the run in the source (differs from the view when an entity such as
    /// `&amp;` was decoded, or when text was inserted, e.g. a newline for a block tag).
    pub source_len: usize,
    /// Length of the run in the view.
    pub view_len: usize,
}

impl OffsetMap {
    /// The identity map (view = source).
    pub fn identity() -> Self {
        OffsetMap { pieces: Vec::new() }
    }

    /// Appends a run; runs must be pushed in view order.
    pub fn push(&mut self, view: usize, source: usize, view_len: usize, source_len: usize) {
        self.pieces.push(Piece {
            view,
            source,
            source_len,
            view_len,
        });
    }

    /// The runs of the map, in view order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Maps a view offset to a source offset. `is_end` picks, for an offset on the
    /// boundary of two runs, the end of the earlier run rather than the start of the next.
    pub fn to_source(&self, view: usize, is_end: bool) -> usize {
        if self.pieces.is_empty() {
            return view;
        }
        let idx = self.pieces.partition_point(|p| {
            if is_end {
                p.view < view
            } else {
                p.view <= view
            }
        });
        let p = if idx == 0 {
            self.pieces[0]
        } else {
            self.pieces[idx - 1]
        };
        let delta = view.saturating_sub(p.view);
        if p.view_len == p.source_len {
            p.source + delta.min(p.source_len)
        } else if delta == 0 {
            p.source
        } else {
            // A decoded or inserted run maps as a whole.
            p.source + p.source_len
        }
    }
}

/// Line starts of a text, for turning byte offsets into 1-based line and column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and character column of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(text.len());
        let column = text
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(end - start)
            + 1;
        (line, column)
    }
}

/// Line and column lookups for offsets that mostly come in increasing order: counts
/// characters only from the previous lookup on the same line, so a long single-line file
/// with many figures stays linear.
#[derive(Debug, Clone)]
pub struct LineCursor {
    index: LineIndex,
    last: Option<(usize, usize, usize)>,
}

impl LineCursor {
    /// A cursor over `text`'s lines.
    pub fn new(text: &str) -> Self {
        LineCursor {
            index: LineIndex::new(text),
            last: None,
        }
    }

    /// The 1-based line and character column of byte `offset` in `text`.
    pub fn line_col(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.index.starts.partition_point(|&s| s <= offset).max(1);
        let result = match self.last {
            Some((off, l, col)) if l == line && off <= offset && text.is_char_boundary(off) => {
                let end = offset.min(text.len());
                let more = text.get(off..end).map_or(end - off, |s| s.chars().count());
                (line, col + more)
            }
            _ => self.index.line_col(text, offset),
        };
        self.last = Some((offset, result.0, result.1));
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map_returns_offsets_unchanged() {
        let d = Document::from_text("a", "hello $5 world");
        assert_eq!(d.source_range(6, 8), (6, 8));
    }

    #[test]
    fn map_follows_copied_runs() {
        // source: "<p>Paid $5</p>", view: "Paid $5"
        let mut m = OffsetMap::identity();
        m.push(0, 3, 7, 7);
        assert_eq!(m.to_source(5, false), 8);
        assert_eq!(m.to_source(7, true), 10);
    }

    #[test]
    fn the_cursor_agrees_with_the_index_in_any_order() {
        let text = "ab\n€€ $5 and $6\nx €7";
        let idx = LineIndex::new(text);
        let mut cur = LineCursor::new(text);
        for needle in ["$5", "$6", "€7", "$5", "ab"] {
            let off = text.find(needle).unwrap();
            assert_eq!(cur.line_col(text, off), idx.line_col(text, off), "{needle}");
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\n€€ $5";
        let idx = LineIndex::new(text);
        let off = text.find('$').unwrap();
        assert_eq!(idx.line_col(text, off), (2, 4));
        assert_eq!(idx.line_col(text, 0), (1, 1));
    }
}
