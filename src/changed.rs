//! Pull-request mode: the set of changed files (`--changed PATH…`, or from git with
//! `--changed-since REF`), and whether a document is one of them. The whole archive is
//! still checked; only findings that involve a changed file are reported. Git is run
//! here and nowhere else.

use crate::error::{Error, ErrorKind};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Changed files as absolute, normalized paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedSet {
    paths: BTreeSet<PathBuf>,
}

impl ChangedSet {
    /// The set of `paths`, each taken relative to `base` unless absolute.
    pub fn new(paths: impl IntoIterator<Item = PathBuf>, base: &Path) -> Self {
        ChangedSet {
            paths: paths.into_iter().map(|p| absolute(&base.join(p))).collect(),
        }
    }

    /// Whether the document id (a path as given, relative to the current directory)
    /// is a changed file.
    pub fn contains_doc(&self, doc_id: &str) -> bool {
        let cwd = std::env::current_dir().unwrap_or_default();
        self.paths.contains(&absolute(&cwd.join(doc_id)))
    }

    /// How many files changed.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether no file changed.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// The canonical path when it exists, else the path with `.` and `..` folded.
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Files changed since `gitref` in the repository around `cwd`: `git diff --name-only
/// REF` plus untracked files not ignored (`git ls-files --others --exclude-standard`).
pub fn changed_since(gitref: &str, cwd: &Path) -> Result<ChangedSet, Error> {
    let root = git(cwd, &["rev-parse", "--show-toplevel"])?;
    let root = PathBuf::from(root.trim());
    let diff = git(&root, &["diff", "--name-only", gitref, "--"])?;
    let others = git(
        &root,
        &["ls-files", "--others", "--exclude-standard", "--full-name"],
    )?;
    let paths = diff
        .lines()
        .chain(others.lines())
        .filter(|l| !l.is_empty())
        .map(PathBuf::from);
    Ok(ChangedSet::new(paths, &root))
}

fn git(dir: &Path, args: &[&str]) -> Result<String, Error> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Error::msg(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        return Err(Error {
            path: None,
            kind: ErrorKind::Other(format!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_dotted_paths_name_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("news")).unwrap();
        std::fs::write(dir.path().join("news/a.md"), "x").unwrap();
        let set = ChangedSet::new([PathBuf::from("./news/../news/a.md")], dir.path());
        let abs = dir.path().join("news/a.md");
        assert!(set.contains_doc(&abs.to_string_lossy()));
        assert!(!set.contains_doc(&dir.path().join("news/b.md").to_string_lossy()));
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn git_reports_modified_and_untracked_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let run = |args: &[&str]| {
            let ok = Command::new("git")
                .arg("-C")
                .arg(d)
                .args(args)
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false);
            assert!(ok, "git {args:?}");
        };
        run(&["init", "-q"]);
        run(&["config", "user.email", "t@example.com"]);
        run(&["config", "user.name", "t"]);
        std::fs::write(d.join("old.md"), "a").unwrap();
        std::fs::write(d.join("same.md"), "a").unwrap();
        run(&["add", "."]);
        run(&["commit", "-q", "-m", "init"]);
        std::fs::write(d.join("old.md"), "b").unwrap();
        std::fs::write(d.join("new.md"), "c").unwrap();
        let set = changed_since("HEAD", d).unwrap();
        assert!(set.contains_doc(&d.join("old.md").to_string_lossy()));
        assert!(set.contains_doc(&d.join("new.md").to_string_lossy()));
        assert!(!set.contains_doc(&d.join("same.md").to_string_lossy()));
    }

    #[test]
    fn unknown_ref_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let _ = Command::new("git")
            .arg("-C")
            .arg(d)
            .args(["init", "-q"])
            .output();
        assert!(changed_since("no-such-ref", d).is_err());
    }
}
