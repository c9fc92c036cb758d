//! Snapshots of the extractor's output on every fixture under `fixtures/extract/` (one
//! behaviour each) and every article under `seeds/`. The snapshot is a projection of
//! each mention: text, kind, value interval, unit, qualifier, date, rate and change
//! origin. Subject, attribute and time scope belong to later stages and are left out.
//! Review changes with `cargo insta review`.

use claimcheck::extract::{extract_mentions, ExtractContext};
use claimcheck::{Config, Document, Mention};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a snapshot shows of one mention.
#[derive(Serialize)]
struct Projected {
    text: String,
    kind: &'static str,
    low: Option<f64>,
    point: Option<f64>,
    high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    qualifier: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    change_from: Option<usize>,
}

fn project(text: &str, m: &Mention) -> Projected {
    Projected {
        text: text.get(m.start..m.end).unwrap_or("").to_string(),
        kind: m.kind.as_str(),
        low: m.value.low,
        point: m.value.point,
        high: m.value.high,
        unit: m.unit.clone(),
        qualifier: m.qualifier.as_str(),
        date: m.date.clone(),
        per: m.per.clone(),
        change_from: m.change_from,
    }
}

/// Fixtures may start with a `published: YYYY-MM-DD` line giving the publication date.
fn mentions_of(path: &Path) -> Vec<Projected> {
    let raw = std::fs::read_to_string(path).expect("fixture is readable UTF-8");
    let (published, body) = match raw.strip_prefix("published: ") {
        Some(rest) => {
            let (date, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (Some(date.trim().to_string()), body.to_string())
        }
        None => (None, raw),
    };
    let doc = Document::from_text(path.display().to_string(), body);
    let cfg = Config::default();
    let ctx = ExtractContext {
        config: &cfg,
        published: published.as_deref(),
    };
    extract_mentions(&doc.text, &ctx)
        .iter()
        .map(|m| project(&doc.text, m))
        .collect()
}

fn files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    v.sort();
    v
}

fn snapshot_dir(prefix: &str, dir: &str) {
    let found = files(dir);
    assert!(!found.is_empty(), "no .txt files under {dir}");
    for path in found {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let name = format!("{prefix}{stem}");
        insta::assert_yaml_snapshot!(name, mentions_of(&path));
    }
}

#[test]
fn extract_fixtures() {
    snapshot_dir("fixture_", "fixtures/extract");
}

#[test]
fn extract_seeds() {
    snapshot_dir("seed_", "seeds");
}
