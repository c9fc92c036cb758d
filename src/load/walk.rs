//! Directories: the article files under a directory, recursively and in sorted order,
//! skipping hidden and ignored files (`.gitignore`, `.ignore`) the way ripgrep does.

use crate::error::{Error, ErrorKind};
use std::path::{Path, PathBuf};

/// Extensions of the files taken from inside a directory; other files are skipped
/// silently (a directory of articles often holds images and notes too).
pub const DIRECTORY_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "json", "jsonl",
];

/// The article files under `root` (each path starts with `root` as given), in sorted
/// order, and an error for each part of the tree that could not be read.
pub fn walk_dir(root: &Path) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .ignore(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(true)
        .parents(true)
        // Honour a `.gitignore` even where the articles are not in a git repository.
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.depth() == 0 {
                    continue;
                }
                let is_file = match entry.file_type() {
                    Some(t) if t.is_file() => true,
                    // A link to a file is taken; a link to a directory is not followed.
                    Some(t) if t.is_symlink() => entry.path().is_file(),
                    _ => false,
                };
                if is_file && has_article_extension(entry.path()) {
                    files.push(entry.into_path());
                }
            }
            Err(e) => {
                if let Some(err) = convert(root, e) {
                    errors.push(err);
                }
            }
        }
    }
    (files, errors)
}

/// Whether `path` ends in one of [`DIRECTORY_EXTENSIONS`] (any case).
pub fn has_article_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        DIRECTORY_EXTENSIONS
            .iter()
            .any(|x| x.eq_ignore_ascii_case(e))
    })
}

/// A walk error as a claimcheck error naming the path that could not be read. Errors in
/// ignore files themselves (a bad glob) are not input errors and are dropped.
fn convert(root: &Path, e: ignore::Error) -> Option<Error> {
    let path = error_path(&e).unwrap_or_else(|| root.to_path_buf());
    e.into_io_error()
        .map(|io| Error::new(path, ErrorKind::Io(io)))
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) if errs.len() == 1 => error_path(&errs[0]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn walk_is_sorted_and_skips_hidden_ignored_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/c")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in [
            "b/c/z.md",
            "b/a.TXT",
            "a.html",
            "photo.jpg",
            ".secret.txt",
            ".hidden/x.txt",
            "skip.txt",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        fs::write(root.join(".gitignore"), "skip.txt\n").unwrap();
        let (files, errors) = walk_dir(root);
        assert!(errors.is_empty());
        let rel: Vec<_> = files
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(rel, ["a.html", "b/a.TXT", "b/c/z.md"]);
    }
}
