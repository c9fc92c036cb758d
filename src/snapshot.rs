//! Claim snapshots (`claimcheck snapshot`): one file per document in insta's `.snap`
//! format, one line per claim (location, text, kind, interval, unit, subject, quantity,
//! as of), so that a newsroom's CI notices when the figures read from its articles
//! change, and Rust users can review the files with `cargo insta review`.
//!
//! Sits after extraction: [`snapshot_body`] and [`drift`] are pure functions of claims
//! and text; [`run_snapshot`] does the file work (read, compare, write `.snap.new` or
//! accept into `.snap`).

use crate::claim::{Claim, Interval, Kind};
use crate::config::Config;
use crate::document::Document;
use crate::error::Error;
use crate::fsio::write_atomic;
use crate::load::load_paths;
use crate::pipeline::extract_all;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What the fields of a snapshot line are, written into each file's metadata.
pub const LINE_FORMAT: &str =
    "one line per claim: line:column | text | kind | interval | unit | subject | quantity | as of";

/// The body of a document's snapshot: one line per claim, in document order.
pub fn snapshot_body(claims: &[&Claim]) -> String {
    let mut out = String::new();
    for c in claims {
        out.push_str(&claim_line(c));
        out.push('\n');
    }
    out
}

/// `4:264 | nearly $14 billion | money | [13.58 billion, 14 billion] | USD | Scale AI |
/// valuation | -`.
fn claim_line(c: &Claim) -> String {
    let or_dash = |v: Option<&str>| v.map_or_else(|| "-".to_string(), fold);
    format!(
        "{}:{} | {} | {} | {} | {} | {} | {} | {}",
        c.span.line,
        c.span.column,
        fold(&c.text),
        c.kind.as_str(),
        match (&c.date, c.kind) {
            (Some(d), Kind::Date | Kind::Year) => d.clone(),
            _ => interval(&c.value),
        },
        or_dash(c.unit.as_deref()),
        or_dash(c.subject.as_deref()),
        or_dash(c.attribute.as_deref()),
        or_dash(c.as_of.map(|t| t.to_string()).as_deref()),
    )
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "¦")
}

fn interval(v: &Interval) -> String {
    let num = |x: f64| {
        if x.abs() >= 1e6 {
            crate::diff::format_amount(x, None)
        } else {
            let s = format!("{x:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let low = v.low.map_or_else(|| "-inf".to_string(), num);
    let high = v.high.map_or_else(|| "inf".to_string(), num);
    if v.low.is_some() && v.low == v.high {
        low
    } else {
        format!("[{low}, {high}]")
    }
}

/// A snapshot file's text: insta's YAML header (`source`, `description`, `input_file`),
/// then the body.
pub fn snapshot_file(doc: &str, body: &str) -> String {
    format!(
        "---\nsource: claimcheck snapshot\ndescription: \"{LINE_FORMAT}\"\ninput_file: \"{}\"\n---\n{body}",
        doc.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

/// The body of a snapshot file (what follows its header), `None` when it has no header.
pub fn parse_snapshot(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    Some(&rest[end + 5..])
}

/// How the claims of one document changed between two snapshot bodies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drift {
    /// (old line, new line) of a figure whose reading changed at the same place or
    /// with the same text.
    pub changed: Vec<(String, String)>,
    /// Lines only in the new body.
    pub appeared: Vec<String>,
    /// Lines only in the old body.
    pub disappeared: Vec<String>,
    /// (old line, new line) of a figure read the same way at another place.
    pub moved: Vec<(String, String)>,
}

impl Drift {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
            && self.appeared.is_empty()
            && self.disappeared.is_empty()
            && self.moved.is_empty()
    }

    /// A readable account, one figure per line, naming each figure.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        for (old, new) in &self.changed {
            let (o, n) = (fields(old), fields(new));
            out.push_str(&format!("  changed     {} \"{}\"", n[0], o[1]));
            if o[1] != n[1] {
                out.push_str(&format!(" → \"{}\"", n[1]));
            }
            let names = [
                "", "", "kind", "interval", "unit", "subject", "quantity", "as of",
            ];
            let what: Vec<String> = (2..names.len())
                .filter(|&i| o.get(i) != n.get(i))
                .map(|i| {
                    format!(
                        "{} {} → {}",
                        names[i],
                        o.get(i).unwrap_or(&""),
                        n.get(i).unwrap_or(&"")
                    )
                })
                .collect();
            if !what.is_empty() {
                out.push_str(&format!(": {}", what.join("; ")));
            }
            out.push('\n');
            out.push_str(&format!("    - {old}\n    + {new}\n"));
        }
        for (old, new) in &self.moved {
            let (o, n) = (fields(old), fields(new));
            out.push_str(&format!("  moved       \"{}\" {} → {}\n", o[1], o[0], n[0]));
        }
        for l in &self.appeared {
            let f = fields(l);
            out.push_str(&format!("  appeared    {} \"{}\"\n    + {l}\n", f[0], f[1]));
        }
        for l in &self.disappeared {
            let f = fields(l);
            out.push_str(&format!("  disappeared {} \"{}\"\n    - {l}\n", f[0], f[1]));
        }
        out
    }
}

fn fields(line: &str) -> Vec<&str> {
    line.split(" | ").collect()
}

/// Compares two snapshot bodies line by line, pairing a vanished line with a new one
/// when they are the same figure read at another place (moved), or at the same place or
/// with the same text (changed).
pub fn drift(old: &str, new: &str) -> Drift {
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for l in old.lines().filter(|l| !l.trim().is_empty()) {
        *counts.entry(l).or_default() += 1;
    }
    for l in new.lines().filter(|l| !l.trim().is_empty()) {
        match counts.get_mut(l) {
            Some(n) if *n > 0 => *n -= 1,
            _ => added.push(l),
        }
    }
    for l in old.lines().filter(|l| !l.trim().is_empty()) {
        if let Some(n) = counts.get_mut(l) {
            if *n > 0 {
                *n -= 1;
                removed.push(l);
            }
        }
    }
    let mut d = Drift::default();
    let rest_of = |l: &str| {
        l.split_once(" | ")
            .map_or(String::new(), |x| x.1.to_string())
    };
    let place = |l: &str| fields(l)[0].to_string();
    let text = |l: &str| fields(l).get(1).map_or(String::new(), |t| t.to_string());
    for round in 0..3 {
        let mut i = 0;
        while i < removed.len() {
            let r = removed[i];
            let found = added.iter().position(|a| match round {
                0 => rest_of(a) == rest_of(r),
                1 => place(a) == place(r),
                _ => text(a) == text(r),
            });
            match found {
                Some(j) => {
                    let a = added.remove(j);
                    removed.remove(i);
                    if round == 0 {
                        d.moved.push((r.to_string(), a.to_string()));
                    } else {
                        d.changed.push((r.to_string(), a.to_string()));
                    }
                }
                None => i += 1,
            }
        }
    }
    d.appeared = added.into_iter().map(str::to_string).collect();
    d.disappeared = removed.into_iter().map(str::to_string).collect();
    d
}

/// What `claimcheck snapshot` is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotMode {
    /// Write `.snap.new` beside every snapshot that is new or changed.
    Write,
    /// Write nothing; report drift.
    Check,
    /// Accept: write `.snap`, remove `.snap.new`.
    Update,
}

/// The outcome for one document.
#[derive(Debug, Clone)]
pub struct SnapshotOutcome {
    /// The document id.
    pub doc: String,
    /// Its snapshot file (`.snap`).
    pub path: PathBuf,
    /// No accepted snapshot existed.
    pub new: bool,
    /// How the claims differ from the accepted snapshot (empty when they match).
    pub drift: Drift,
}

impl SnapshotOutcome {
    /// Whether the document's claims differ from its accepted snapshot (or it has none).
    pub fn drifted(&self) -> bool {
        self.new || !self.drift.is_empty()
    }
}

/// Where a document's snapshot lives: `DIR/<path with / as _>.snap` with a directory,
/// else `snapshots/<file name>.snap` beside the document (a JSON record's file, with the
/// record id).
pub fn snapshot_path(doc: &Document, dir: Option<&Path>) -> PathBuf {
    let safe = |s: &str| {
        s.trim_start_matches("./")
            .chars()
            .map(|c| match c {
                '/' | '\\' => '_',
                c if c.is_alphanumeric() || "._-".contains(c) => c,
                _ => '-',
            })
            .collect::<String>()
    };
    let file = Path::new(doc.file());
    let record = |prefix: String| match &doc.origin {
        Some(_) => format!("{prefix}__{}.snap", safe(&doc.id)),
        None => format!("{prefix}.snap"),
    };
    match dir {
        Some(d) => d.join(record(safe(doc.file()))),
        None => file
            .parent()
            .unwrap_or(Path::new(""))
            .join("snapshots")
            .join(record(
                file.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            )),
    }
}

/// `path.snap.new`.
pub fn pending_path(snap: &Path) -> PathBuf {
    let mut s = snap.as_os_str().to_owned();
    s.push(".new");
    PathBuf::from(s)
}

/// Snapshots the claims of the documents at `paths` as `mode` says. Input errors and
/// unreadable or unwritable snapshot files are errors.
pub fn run_snapshot(
    paths: &[PathBuf],
    dir: Option<&Path>,
    config: &Config,
    mode: SnapshotMode,
) -> Result<(Vec<SnapshotOutcome>, Vec<Error>), Error> {
    let (docs, errors) = load_paths(paths);
    let (warnings, errors): (Vec<Error>, Vec<Error>) =
        errors.into_iter().partition(Error::is_warning);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    if docs.is_empty() {
        return Err(Error::msg("no input documents to snapshot"));
    }
    if docs.iter().any(|d| d.file() == "-") {
        return Err(Error::msg(
            "snapshot: standard input has no file to keep a snapshot beside",
        ));
    }
    let claims = extract_all(&docs, config);
    let mut by_doc: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in &claims {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    let mut outcomes = Vec::new();
    for doc in &docs {
        let body = snapshot_body(by_doc.get(doc.id.as_str()).map_or(&[][..], |v| v));
        let path = snapshot_path(doc, dir);
        let pending = pending_path(&path);
        let old = match std::fs::read_to_string(&path) {
            Ok(text) => Some(
                parse_snapshot(&text)
                    .ok_or_else(|| Error::msg(format!("{}: not a snapshot file", path.display())))?
                    .to_string(),
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::msg(format!("{}: {e}", path.display()))),
        };
        let drift = drift(old.as_deref().unwrap_or(""), &body);
        let outcome = SnapshotOutcome {
            doc: doc.id.clone(),
            path: path.clone(),
            new: old.is_none(),
            drift,
        };
        let write = |p: &Path| -> Result<(), Error> {
            if let Some(parent) = p.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Error::msg(format!("{}: {e}", parent.display())))?;
            }
            write_atomic(p, snapshot_file(&doc.id, &body).as_bytes())
        };
        match mode {
            SnapshotMode::Check => {}
            SnapshotMode::Write if outcome.drifted() => write(&pending)?,
            SnapshotMode::Update if outcome.drifted() => write(&path)?,
            _ => {}
        }
        if mode != SnapshotMode::Check && !(mode == SnapshotMode::Write && outcome.drifted()) {
            match std::fs::remove_file(&pending) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::msg(format!("{}: {e}", pending.display()))),
            }
        }
        outcomes.push(outcome);
    }
    Ok((outcomes, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "4:10 | $13 billion | money | [12.5 billion, 13.5 billion] | USD | Scale AI | valuation | 2023-11\n5:1 | 27 | age | 27 | year | Alexandr Wang | age | -\n";

    #[test]
    fn a_changed_figure_is_named_with_what_changed() {
        let new = OLD.replace(
            "$13 billion | money | [12.5 billion, 13.5 billion]",
            "$15 billion | money | [14.5 billion, 15.5 billion]",
        );
        let d = drift(OLD, &new);
        assert_eq!(d.changed.len(), 1);
        let text = d.describe();
        assert!(
            text.contains("changed     4:10 \"$13 billion\" → \"$15 billion\": interval [12.5 billion, 13.5 billion] → [14.5 billion, 15.5 billion]"),
            "{text}"
        );
    }

    #[test]
    fn a_figure_read_the_same_elsewhere_moved() {
        let new = OLD.replace("4:10 |", "4:14 |");
        let d = drift(OLD, &new);
        assert_eq!(d.moved.len(), 1);
        assert!(d.changed.is_empty() && d.appeared.is_empty());
    }

    #[test]
    fn new_and_vanished_figures_are_listed() {
        let new = "5:1 | 27 | age | 27 | year | Alexandr Wang | age | -\n6:3 | 49% | percent | [48.5, 49.5] | percent | Scale AI | ownership_stake | -\n";
        let d = drift(OLD, new);
        assert_eq!(d.appeared.len(), 1);
        assert_eq!(d.disappeared.len(), 1);
        assert!(drift(OLD, OLD).is_empty());
    }

    #[test]
    fn the_file_round_trips() {
        let file = snapshot_file("news/a.md", OLD);
        assert_eq!(parse_snapshot(&file), Some(OLD));
    }

    #[test]
    fn snapshots_sit_beside_their_document() {
        let doc = Document::from_text("news/a.md", "");
        assert_eq!(
            snapshot_path(&doc, None),
            PathBuf::from("news/snapshots/a.md.snap")
        );
        assert_eq!(
            snapshot_path(&doc, Some(Path::new("snaps"))),
            PathBuf::from("snaps/news_a.md.snap")
        );
        assert_eq!(
            pending_path(Path::new("x/a.md.snap")),
            PathBuf::from("x/a.md.snap.new")
        );
    }
}
