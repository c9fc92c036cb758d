//! Plain text: the prose view is the text as read.

use crate::document::{Document, Format, OffsetMap};

/// A plain-text document. The view is the source itself (identity map), except that a
/// leading byte-order mark is left out of the view.
pub fn text_document(id: String, source: String) -> Document {
    let mut doc = Document::from_text(id, source);
    doc.format = Format::Text;
    if let Some(rest) = doc.source.strip_prefix('\u{feff}') {
        let bom = doc.source.len() - rest.len();
        doc.text = rest.to_string();
        let mut map = OffsetMap::identity();
        map.push(0, bom, rest.len(), rest.len());
        doc.map = map;
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_its_own_prose_view() {
        let d = text_document("a.txt".into(), "Paid $5.\n".into());
        assert_eq!(d.text, d.source);
        assert_eq!(d.source_range(5, 7), (5, 7));
    }

    #[test]
    fn a_byte_order_mark_is_not_prose() {
        let d = text_document("a.txt".into(), "\u{feff}Paid $5.".into());
        assert_eq!(d.text, "Paid $5.");
        let (s, e) = d.source_range(5, 7);
        assert_eq!(&d.source[s..e], "$5");
    }
}
