//! Building a prose view: the Markdown and HTML readers copy runs of the source into the
//! view (or insert decoded text) through [`ViewBuilder`], which records the
//! [`OffsetMap`] that takes view offsets back to source offsets.

use crate::document::OffsetMap;

/// Accumulates the prose view of one source and the map back into it.
#[derive(Debug)]
pub(crate) struct ViewBuilder<'a> {
    source: &'a str,
    text: String,
    /// (view, source, view_len, source_len) runs, merged when contiguous.
    runs: Vec<(usize, usize, usize, usize)>,
}

impl<'a> ViewBuilder<'a> {
    /// An empty view of `source`.
    pub(crate) fn new(source: &'a str) -> Self {
        ViewBuilder {
            source,
            text: String::with_capacity(source.len()),
            runs: Vec::new(),
        }
    }

    /// The view built so far.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Copies `source[start..end]` into the view verbatim. Ranges that are out of bounds
    /// or off char boundaries are ignored rather than trusted.
    pub(crate) fn copy(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let Some(s) = self.source.get(start..end) else {
            return;
        };
        let view = self.text.len();
        self.text.push_str(s);
        let len = end - start;
        if let Some(last) = self.runs.last_mut() {
            let (lv, ls, lvl, lsl) = *last;
            if lvl == lsl && lv + lvl == view && ls + lsl == start {
                last.2 += len;
                last.3 += len;
                return;
            }
        }
        self.runs.push((view, start, len, len));
    }

    /// Puts `s` into the view as standing for `source[at..at + source_len]` (a decoded
    /// entity, an escape, a collapsed whitespace run, or a newline for a block tag).
    pub(crate) fn insert(&mut self, s: &str, at: usize, source_len: usize) {
        if s.is_empty() {
            return;
        }
        let at = at.min(self.source.len());
        let source_len = source_len.min(self.source.len() - at);
        // A run copied verbatim is a plain copy, which keeps offsets inside it exact.
        if self.source.get(at..at + source_len) == Some(s) {
            self.copy(at, at + source_len);
            return;
        }
        let view = self.text.len();
        self.text.push_str(s);
        self.runs.push((view, at, s.len(), source_len));
    }

    /// The finished view and its map.
    pub(crate) fn finish(self) -> (String, OffsetMap) {
        let mut map = OffsetMap::identity();
        let identity = self.runs.len() == 1
            && self.runs[0].0 == 0
            && self.runs[0].1 == 0
            && self.runs[0].2 == self.runs[0].3;
        if !identity {
            for (view, source, view_len, source_len) in self.runs {
                map.push(view, source, view_len, source_len);
            }
        }
        (self.text, map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_copies_merge_into_one_run() {
        let src = "abcdef";
        let mut b = ViewBuilder::new(src);
        b.copy(1, 3);
        b.copy(3, 5);
        let (text, map) = b.finish();
        assert_eq!(text, "bcde");
        assert_eq!(map.pieces().len(), 1);
        assert_eq!(map.to_source(0, false), 1);
        assert_eq!(map.to_source(4, true), 5);
    }

    #[test]
    fn decoded_text_maps_to_the_whole_entity() {
        let src = "&#36;5";
        let mut b = ViewBuilder::new(src);
        b.insert("$", 0, 5);
        b.copy(5, 6);
        let (text, map) = b.finish();
        assert_eq!(text, "$5");
        assert_eq!(map.to_source(0, false), 0);
        assert_eq!(map.to_source(2, true), 6);
    }

    #[test]
    fn ranges_off_char_boundaries_are_ignored() {
        let src = "€5";
        let mut b = ViewBuilder::new(src);
        b.copy(1, 3);
        b.copy(0, 99);
        assert_eq!(b.text(), "");
    }

    #[test]
    fn a_whole_source_copy_is_the_identity_map() {
        let mut b = ViewBuilder::new("abc");
        b.copy(0, 3);
        let (_, map) = b.finish();
        assert!(map.pieces().is_empty());
    }
}
