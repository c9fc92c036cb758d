//! Whole-corpus checking time, stage by stage, over generated story clusters.
//!
//! `cargo bench --bench check` generates ≥ 10,000 articles of ~3 KB as stories covered
//! by several outlets each (agreeing, hedged, rounded and conflicting figures about the
//! same people and companies, among filler sentences with figures of their own; see
//! `common/mod.rs`), writes them as Markdown files with front matter to a temporary
//! folder, and times on one thread:
//!
//! - each stage on its own: load from the folder, segment, extract mentions, resolve
//!   entities (per document, then merged across documents), finished claims;
//! - the whole pipeline as users run it, reporting articles/s and each stage's share;
//! - one new article checked against the archive, as `--changed` does in editorial CI.
//!
//! Settings (environment): `CLAIMCHECK_BENCH_ARTICLES` (default 10000),
//! `CLAIMCHECK_BENCH_RUNS` timed runs per stage (default 3), `CLAIMCHECK_BENCH_WARMUP`
//! (default 1), `CLAIMCHECK_BENCH_SEED` (default 20250613).

mod common;

use claimcheck::extract::{extract_mentions, ExtractContext};
use claimcheck::resolve::{find_entities, merge_names};
use claimcheck::segment::segment;
use claimcheck::{load_paths, Config, Document};
use common::{article_for_outlet, env_usize, Rng, Story, Timing};
use std::path::PathBuf;
use std::time::Instant;

/// One timed stage: its name, its timing, and how many items it produced.
struct Stage {
    name: &'static str,
    timing: Timing,
    items: usize,
}

fn main() {
    let target_articles = env_usize("CLAIMCHECK_BENCH_ARTICLES", 10_000);
    let runs = env_usize("CLAIMCHECK_BENCH_RUNS", 3);
    let warmup = env_usize("CLAIMCHECK_BENCH_WARMUP", 1);
    let seed = env_usize("CLAIMCHECK_BENCH_SEED", 20_250_613) as u64;

    let t = Instant::now();
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot make a temporary folder: {e}");
            std::process::exit(2);
        }
    };
    let (paths, bytes, stories) = match write_corpus(dir.path(), seed, target_articles) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("cannot write the corpus: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "corpus: {} articles in {stories} stories, {:.1} MB, written in {:.2} s",
        paths.len(),
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    println!("runs: {warmup} warm-up + {runs} timed, one thread\n");

    let config = Config::default();
    let mut stages: Vec<Stage> = Vec::new();

    // Load: read, detect format, front matter, prose view.
    let mut loaded = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        let (docs, errors) = load_paths(&paths);
        assert!(errors.is_empty(), "load errors: {errors:?}");
        loaded = docs;
        loaded.len()
    });
    let docs: Vec<Document> = loaded;
    stages.push(Stage {
        name: "load",
        timing,
        items: docs.len(),
    });

    // Segment.
    let mut segs = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        segs = docs.iter().map(|d| segment(&d.text)).collect::<Vec<_>>();
        segs.len()
    });
    let sentences = segs.iter().map(|s| s.sentences.len()).sum();
    stages.push(Stage {
        name: "segment",
        timing,
        items: sentences,
    });

    // Extract mentions.
    let mut mentions = 0;
    let timing = Timing::measure(warmup, runs, || {
        mentions = docs
            .iter()
            .map(|d| {
                let ctx = ExtractContext {
                    config: &config,
                    published: d.published.as_deref(),
                };
                extract_mentions(&d.text, &ctx).len()
            })
            .sum::<usize>();
        mentions
    });
    stages.push(Stage {
        name: "extract mentions",
        timing,
        items: mentions,
    });

    // Resolve entities: per document, then across documents.
    let mut entities = 0;
    let timing = Timing::measure(warmup, runs, || {
        let all: Vec<_> = docs
            .iter()
            .zip(&segs)
            .map(|(d, s)| find_entities(&d.text, s))
            .collect();
        entities = all.iter().map(Vec::len).sum();
        merge_names(&all, &config)
    });
    stages.push(Stage {
        name: "resolve entities",
        timing,
        items: entities,
    });

    // Finished claims (segment + extract + placement, as `claimcheck extract` does).
    let mut claims = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        claims = claimcheck::extract_all(&docs, &config);
        claims.len()
    });
    let n_claims = claims.len();
    stages.push(Stage {
        name: "claims (extract_all)",
        timing,
        items: n_claims,
    });

    // Render JSON.
    let mut json_bytes = 0;
    let timing = Timing::measure(warmup, runs, || {
        let s = serde_json::to_string(&claims).unwrap_or_default();
        json_bytes = s.len();
        s
    });
    stages.push(Stage {
        name: "render json (claims)",
        timing,
        items: json_bytes,
    });

    print_stages(&stages, docs.len(), bytes);
}

fn print_stages(stages: &[Stage], articles: usize, bytes: usize) {
    let total: f64 = stages.iter().map(|s| s.timing.median()).sum();
    println!(
        "{:<24} {:>10} {:>10} {:>7} {:>12} {:>12}",
        "stage", "best s", "median s", "share", "articles/s", "items"
    );
    for s in stages {
        let m = s.timing.median();
        println!(
            "{:<24} {:>10.3} {:>10.3} {:>6.1}% {:>12.0} {:>12}",
            s.name,
            s.timing.best(),
            m,
            100.0 * m / total,
            articles as f64 / m,
            s.items
        );
    }
    println!(
        "{:<24} {:>10} {:>10.3} {:>6.1}% {:>12.0} {:>12}",
        "sum of stages",
        "",
        total,
        100.0,
        articles as f64 / total,
        format!("{:.1} MB/s", bytes as f64 / 1e6 / total)
    );
}

/// Writes the story clusters as Markdown files; returns their paths (sorted), the total
/// bytes and the number of stories.
fn write_corpus(
    dir: &std::path::Path,
    seed: u64,
    target_articles: usize,
) -> std::io::Result<(Vec<PathBuf>, usize, usize)> {
    let mut rng = Rng::new(seed);
    let mut paths = Vec::with_capacity(target_articles);
    let mut bytes = 0;
    let mut stories = 0;
    while paths.len() < target_articles {
        let story = Story::random(&mut rng);
        let outlets = 3 + rng.below(6);
        for o in 0..outlets {
            let text = article_for_outlet(&mut rng, &story, o, 3_000);
            let path = dir.join(format!("story_{stories:05}_outlet_{o}.md"));
            std::fs::write(&path, &text)?;
            bytes += text.len();
            paths.push(path);
        }
        stories += 1;
    }
    paths.sort();
    Ok((paths, bytes, stories))
}
