//! Whole-corpus checking time, stage by stage, over generated story clusters.
//!
//! `cargo bench --bench check` generates ≥ 10,000 articles of ~3 KB as stories covered
//! by several outlets each (agreeing, hedged, rounded and conflicting figures about the
//! same people and companies, among filler sentences with figures of their own; see
//! `common/mod.rs`), writes them as Markdown files with front matter to a temporary
//! folder, and times on one thread:
//!
//! - each stage on its own, in pipeline order: load the folder, segment, extract
//!   mentions, find entities, build claims (names merged across documents, subject,
//!   attribute, time scope), group, diff, render the report as JSON; each stage's share
//!   of their sum;
//! - the whole `claimcheck::check` as users run it, and load + check + JSON, in
//!   articles/s;
//! - one new article checked against the archive, as `check --changed` does in
//!   editorial CI: the binary when it has `--changed`, and the library both from scratch
//!   and with the archive's per-document analyses kept from an earlier run.
//!
//! Settings (environment): `CLAIMCHECK_BENCH_ARTICLES` (default 10000),
//! `CLAIMCHECK_BENCH_RUNS` timed runs per stage (default 3), `CLAIMCHECK_BENCH_WARMUP`
//! (default 1), `CLAIMCHECK_BENCH_SEED` (default 20250613).

mod common;

use claimcheck::attribute::Lexicon;
use claimcheck::diff::diff_groups;
use claimcheck::extract::{extract_mentions, ExtractContext};
use claimcheck::group::group_claims;
use claimcheck::pipeline::{analyse, claims_of, report_of, Analysis};
use claimcheck::resolve::find_entities;
use claimcheck::segment::segment;
use claimcheck::{load_paths, Config, Document};
use common::{article_for_outlet, env_usize, Rng, Story, Timing};
use std::path::{Path, PathBuf};
use std::process::Command;
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
    let archive = dir.path().join("archive");
    let (paths, bytes, stories) = match write_corpus(&archive, seed, target_articles) {
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

    // Load: walk the folder, read, detect format, front matter, prose view.
    let mut docs: Vec<Document> = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        let (d, errors) = load_paths(std::slice::from_ref(&archive));
        assert!(errors.is_empty(), "load errors: {errors:?}");
        docs = d;
        docs.len()
    });
    stages.push(Stage {
        name: "load",
        timing,
        items: docs.len(),
    });
    let articles = docs.len();

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

    let mut mentions = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        mentions = docs
            .iter()
            .map(|d| {
                let ctx = ExtractContext {
                    config: &config,
                    published: d.published.as_deref(),
                };
                extract_mentions(&d.text, &ctx)
            })
            .collect::<Vec<_>>();
        mentions.len()
    });
    stages.push(Stage {
        name: "extract mentions",
        timing,
        items: mentions.iter().map(Vec::len).sum(),
    });

    let mut entities = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        entities = docs
            .iter()
            .zip(&segs)
            .map(|(d, s)| find_entities(&d.text, s))
            .collect::<Vec<_>>();
        entities.len()
    });
    stages.push(Stage {
        name: "find entities",
        timing,
        items: entities.iter().map(Vec::len).sum(),
    });

    let analyses: Vec<Analysis> = segs
        .into_iter()
        .zip(mentions)
        .zip(entities)
        .map(|((segmentation, mentions), entities)| Analysis {
            segmentation,
            mentions,
            entities,
        })
        .collect();
    let mut claims = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        claims = claims_of(&docs, &analyses, &config);
        claims.len()
    });
    stages.push(Stage {
        name: "claims (merge, attach)",
        timing,
        items: claims.len(),
    });

    let lexicon = Lexicon::new(&config).expect("built-in lexicon");
    let mut groups = Vec::new();
    let timing = Timing::measure(warmup, runs, || {
        groups = group_claims(
            &claims,
            |a| lexicon.group_key(a),
            config.matching.same_quantity_ratio,
        );
        groups.len()
    });
    stages.push(Stage {
        name: "group",
        timing,
        items: groups.iter().filter(|g| g.claims.len() >= 2).count(),
    });

    let mut findings = 0;
    let timing = Timing::measure(warmup, runs, || {
        let f = diff_groups(&groups, &claims, &config, &lexicon);
        findings = f.len();
        f
    });
    stages.push(Stage {
        name: "diff",
        timing,
        items: findings,
    });

    let report = report_of(&docs, claims, &config);
    let mut json_bytes = 0;
    let timing = Timing::measure(warmup, runs, || {
        let s = serde_json::to_string(&report).unwrap_or_default();
        json_bytes = s.len();
        s
    });
    stages.push(Stage {
        name: "render json",
        timing,
        items: json_bytes,
    });

    print_stages(&stages, articles, bytes);
    let s = &report.summary;
    println!(
        "\nreport: {} claims, {} groups of 2+, {} errors, {} warnings, {} infos",
        s.claims, s.groups, s.errors, s.warnings, s.infos
    );
    drop(report);

    // The whole library call, then as the CLI runs it (load + check + JSON).
    println!();
    let check = Timing::measure(warmup, runs, || claimcheck::check(&docs, &config));
    print_whole("claimcheck::check", &check, articles, bytes);
    let end_to_end = Timing::measure(0, runs, || {
        let (d, _) = load_paths(std::slice::from_ref(&archive));
        let r = claimcheck::check(&d, &config);
        serde_json::to_string(&r).unwrap_or_default().len()
    });
    print_whole("load + check + render json", &end_to_end, articles, bytes);

    // One new article against the archive.
    println!();
    let new_path = dir.path().join("new_article.md");
    let new_text = {
        let mut rng = Rng::new(seed ^ 0x5eed);
        let story = Story::random(&mut rng);
        article_for_outlet(&mut rng, &story, 0, 3_000)
    };
    if let Err(e) = std::fs::write(&new_path, &new_text) {
        eprintln!("cannot write the new article: {e}");
        std::process::exit(2);
    }
    changed_library(&docs, &analyses, &new_path, &config, runs);
    drop(analyses);
    drop(docs);
    changed_binary(&archive, &new_path, runs);
}

/// `--changed` through the library: from scratch, and with the archive's analyses kept.
fn changed_library(
    docs: &[Document],
    analyses: &[Analysis],
    new_path: &Path,
    config: &Config,
    runs: usize,
) {
    let (new_docs, errors) = load_paths(&[new_path.to_path_buf()]);
    if !errors.is_empty() || new_docs.is_empty() {
        eprintln!("cannot load the new article: {errors:?}");
        return;
    }
    let mut all: Vec<Document> = docs.to_vec();
    all.extend(new_docs.iter().cloned());
    let scratch = Timing::measure(0, runs, || claimcheck::check(&all, config));
    println!(
        "{:<40} best {:>8.3} s  median {:>8.3} s",
        "one new article, library, from scratch",
        scratch.best(),
        scratch.median()
    );
    let cached = Timing::measure(0, runs, || {
        let mut a: Vec<Analysis> = analyses.to_vec();
        a.extend(new_docs.iter().map(|d| analyse(d, config)));
        let claims = claims_of(&all, &a, config);
        report_of(&all, claims, config)
    });
    println!(
        "{:<40} best {:>8.3} s  median {:>8.3} s",
        "one new article, library, analyses kept",
        cached.best(),
        cached.median()
    );
}

/// `claimcheck check --changed NEW ARCHIVE NEW` through the release binary, when it has
/// that option.
fn changed_binary(archive: &Path, new_path: &Path, runs: usize) {
    let bin = env!("CARGO_BIN_EXE_claimcheck");
    let help = Command::new(bin).args(["check", "--help"]).output();
    let has_changed = help
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("--changed"))
        .unwrap_or(false);
    if !has_changed {
        println!("one new article, binary: `claimcheck check --changed` not available yet");
        return;
    }
    let run = || {
        Command::new(bin)
            .arg("check")
            .arg("--format")
            .arg("json")
            .arg("--changed")
            .arg(new_path)
            .arg("--")
            .arg(archive)
            .arg(new_path)
            .output()
    };
    match run() {
        Ok(o) if o.status.code().is_some_and(|c| c <= 1) => {}
        Ok(o) => {
            println!(
                "one new article, binary: exit {:?}: {}",
                o.status.code(),
                String::from_utf8_lossy(&o.stderr)
            );
            return;
        }
        Err(e) => {
            println!("one new article, binary: cannot run {bin}: {e}");
            return;
        }
    }
    let t = Timing::measure(0, runs, run);
    println!(
        "{:<40} best {:>8.3} s  median {:>8.3} s",
        "one new article, binary --changed",
        t.best(),
        t.median()
    );
}

fn print_whole(name: &str, t: &Timing, articles: usize, bytes: usize) {
    println!(
        "{name:<40} best {:>8.3} s  median {:>8.3} s  cpu {:>8.3} s  {:>8.0} articles/s  {:>6.1} MB/s",
        t.best(),
        t.median(),
        t.median_cpu(),
        articles as f64 / t.median(),
        bytes as f64 / 1e6 / t.median()
    );
}

fn print_stages(stages: &[Stage], articles: usize, bytes: usize) {
    let total: f64 = stages.iter().map(|s| s.timing.median()).sum();
    println!(
        "{:<24} {:>10} {:>10} {:>10} {:>7} {:>12} {:>12}",
        "stage", "best s", "median s", "cpu s", "share", "articles/s", "items"
    );
    for s in stages {
        let m = s.timing.median();
        println!(
            "{:<24} {:>10.3} {:>10.3} {:>10.3} {:>6.1}% {:>12.0} {:>12}",
            s.name,
            s.timing.best(),
            m,
            s.timing.median_cpu(),
            100.0 * m / total,
            articles as f64 / m,
            s.items
        );
    }
    println!(
        "{:<24} {:>10} {:>10.3} {:>10} {:>6.1}% {:>12.0} {:>12}",
        "sum of stages",
        "",
        total,
        "",
        100.0,
        articles as f64 / total,
        format!("{:.1} MB/s", bytes as f64 / 1e6 / total)
    );
}

/// Writes the story clusters as Markdown files; returns their paths (sorted), the total
/// bytes and the number of stories.
fn write_corpus(
    dir: &Path,
    seed: u64,
    target_articles: usize,
) -> std::io::Result<(Vec<PathBuf>, usize, usize)> {
    std::fs::create_dir_all(dir)?;
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
