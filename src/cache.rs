//! The archive cache: each document's [`Analysis`] (sentences, figures, names) kept on
//! disk, so that a run over an archive that barely changed — a pull-request check of one
//! new article — analyses only the new or edited documents. It sits beside the pipeline:
//! [`crate::pipeline::check_cached`] asks it before analysing a document.
//!
//! An entry is a JSON file `DIR/xx/KEY.json`, where KEY hashes (128 bits) the
//! document's prose, format and publication date, the effective configuration and
//! claimcheck's version, so an edit to any of them is a miss, never a stale answer.
//! A folder of files was chosen over an embedded database: no new dependency, entries
//! are written and read by many threads without a lock, and deleting the folder is a
//! valid way to clear it. Writes go to a temporary file in the same folder, then are
//! renamed over the entry: a crash mid-write leaves at worst a stray temporary file
//! (never read), and two runs writing the same entry write the same bytes. An entry
//! that cannot be read back (truncated, edited, from another format) is a warning, and
//! the document is analysed again and the entry rewritten.

use crate::analysis::Analysis;
use crate::config::Config;
use crate::document::{Document, Format};
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The folder `claimcheck check --cache` uses when no other is named.
pub const DEFAULT_DIR: &str = ".claimcheck-cache";

/// A cache folder and the part of every key that comes from the run (version and
/// configuration).
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    run_key: String,
}

/// What one entry file holds: its key (checked on reading) and the analysis.
#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    analysis: Analysis,
}

impl Cache {
    /// A cache in `dir` (created when first written) for runs with `config`.
    pub fn new(dir: impl Into<PathBuf>, config: &Config) -> Self {
        let config = serde_json::to_string(config).unwrap_or_default();
        Cache {
            dir: dir.into(),
            run_key: format!("{}\u{0}{config}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// The folder of the cache.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The key of a document's analysis: 32 hex digits.
    pub fn key(&self, doc: &Document) -> String {
        let format = match doc.format {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::JsonRecord => "json",
        };
        let parts: [&str; 4] = [
            &self.run_key,
            format,
            doc.published.as_deref().unwrap_or("\u{0}"),
            &doc.text,
        ];
        // Two independent 64-bit hashes: SipHash (fixed keys) and FNV-1a.
        let mut sip = std::collections::hash_map::DefaultHasher::new();
        parts.hash(&mut sip);
        format!(
            "{:016x}{}",
            sip.finish(),
            crate::fingerprint::fingerprint(&parts)
        )
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(&key[..2]).join(format!("{key}.json"))
    }

    /// The cached analysis of `key`: `Ok(None)` when there is none, `Err` (a message
    /// naming the entry) when the entry exists but cannot be used.
    pub fn get(&self, key: &str) -> Result<Option<Analysis>, String> {
        let path = self.path(key);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        match serde_json::from_slice::<Entry>(&bytes) {
            Ok(entry) if entry.key == key => Ok(Some(entry.analysis)),
            Ok(_) => Err(format!("{}: entry of another document", path.display())),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Stores `analysis` under `key`, atomically (temporary file, then rename). An
    /// analysis holding a value JSON cannot carry exactly (an infinite bound) is not
    /// stored.
    pub fn put(&self, key: &str, analysis: &Analysis) -> std::io::Result<()> {
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if !analysis
            .mentions
            .iter()
            .all(|m| finite(m.value.low) && finite(m.value.high) && finite(m.value.point))
        {
            return Ok(());
        }
        let path = self.path(key);
        let folder = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(folder)?;
        // Unique per process and write: two documents of the same text (copies) are
        // written by two threads at once, each renaming its own file.
        static WRITES: AtomicUsize = AtomicUsize::new(0);
        let n = WRITES.fetch_add(1, Ordering::Relaxed);
        let tmp = folder.join(format!(".{key}.{}.{n}.tmp", std::process::id()));
        let entry = serde_json::to_vec(&Entry {
            key: key.to_string(),
            analysis: analysis.clone(),
        })
        .map_err(std::io::Error::other)?;
        let written = std::fs::File::create(&tmp).and_then(|mut f| {
            f.write_all(&entry)?;
            f.sync_data()
        });
        match written.and_then(|()| std::fs::rename(&tmp, &path)) {
            Ok(()) => Ok(()),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }
}

/// Removes the cache folder `dir` and everything in it; a missing folder is no error.
/// Returns whether there was one.
pub fn clear(dir: &Path) -> std::io::Result<bool> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::text_document;
    use crate::pipeline::analyse;

    #[test]
    fn an_entry_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        let cache = Cache::new(dir.path(), &config);
        let doc = text_document(
            "a.txt".into(),
            "Wang, 28, sold 49% of Scale AI for $14.3 billion in 2025.".into(),
        );
        let key = cache.key(&doc);
        assert_eq!(key.len(), 32);
        assert_eq!(cache.get(&key), Ok(None));
        let a = analyse(&doc, &config);
        cache.put(&key, &a).unwrap();
        assert_eq!(cache.get(&key), Ok(Some(a)));
    }

    #[test]
    fn copies_written_at_once_all_land() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        let cache = Cache::new(dir.path(), &config);
        let doc = text_document("a.txt".into(), "It cost $5.".into());
        let key = cache.key(&doc);
        let a = analyse(&doc, &config);
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..8).map(|_| s.spawn(|| cache.put(&key, &a))).collect();
            for h in handles {
                h.join().unwrap().unwrap();
            }
        });
        assert_eq!(cache.get(&key), Ok(Some(a)));
    }

    #[test]
    fn the_key_changes_with_text_config_and_date() {
        let config = Config::default();
        let cache = Cache::new("x", &config);
        let mut doc = text_document("a.txt".into(), "It cost $5.".into());
        let key = cache.key(&doc);
        doc.published = Some("2025-01-01".into());
        assert_ne!(cache.key(&doc), key);
        let other = text_document("b.txt".into(), "It cost $6.".into());
        assert_ne!(cache.key(&other), key);
        let mut changed = config.clone();
        changed.matching.tolerance += 0.01;
        let plain = text_document("a.txt".into(), "It cost $5.".into());
        assert_ne!(Cache::new("x", &changed).key(&plain), key);
        // The id is not part of the key: a copy of an article shares its analysis.
        let copy = text_document("c.txt".into(), "It cost $5.".into());
        assert_eq!(cache.key(&copy), key);
    }

    #[test]
    fn a_corrupt_entry_is_an_error_not_a_result() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::default();
        let cache = Cache::new(dir.path(), &config);
        let doc = text_document("a.txt".into(), "It cost $5.".into());
        let key = cache.key(&doc);
        cache.put(&key, &analyse(&doc, &config)).unwrap();
        let path = cache.path(&key);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        assert!(cache.get(&key).is_err());
        assert!(clear(dir.path()).unwrap());
        assert_eq!(cache.get(&key), Ok(None));
    }
}
