//! Extraction throughput on one thread, over a generated news-like corpus.
//!
//! `cargo bench --bench extract` generates ~50 MB of English news prose (deterministic,
//! see `common/mod.rs`), cut into ~3 KB articles, and times:
//!
//! 1. `claimcheck::extract::extract_mentions` on every article (the extractor alone);
//! 2. `claimcheck::extract` on every article as a `Document` (segmentation, extraction,
//!    finished claims with line/column and sentence);
//! 3. `extract_mentions` on the whole corpus as one string (one run: a check that the
//!    extractor stays linear on long input);
//! 4. `claimcheck::extract` on one 100 KB "sentence" of figures without a full stop (one
//!    run: per-figure work that scans the whole sentence shows up here).
//!
//! Each timed part has untimed warm-up runs, then N timed runs; it prints the best and
//! median MB/s of wall time, MB/s of the median CPU time of the thread (steadier when
//! other work shares the machine; Linux only) and mentions (claims) per second.
//!
//! Settings (environment): `CLAIMCHECK_BENCH_MB` corpus size in MB (default 50),
//! `CLAIMCHECK_BENCH_RUNS` timed runs (default 5), `CLAIMCHECK_BENCH_WARMUP` (default 1),
//! `CLAIMCHECK_BENCH_SEED` (default 20250613). `--write-corpus DIR` writes the articles
//! as `DIR/article_NNNNN.txt` and exits (used by `scripts/peers_compare.sh`).

mod common;

use claimcheck::extract::{extract_mentions, ExtractContext};
use claimcheck::{Config, Document};
use common::{corpus, env_usize, Timing};
use std::time::Instant;

const MB: f64 = 1_000_000.0;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb = env_usize("CLAIMCHECK_BENCH_MB", 50);
    let runs = env_usize("CLAIMCHECK_BENCH_RUNS", 5);
    let warmup = env_usize("CLAIMCHECK_BENCH_WARMUP", 1);
    let seed = env_usize("CLAIMCHECK_BENCH_SEED", 20_250_613) as u64;

    let t = Instant::now();
    let (articles, planted) = corpus(seed, mb * 1_000_000, 3_000);
    let bytes: usize = articles.iter().map(String::len).sum();
    let gen_s = t.elapsed().as_secs_f64();

    if let Some(pos) = args.iter().position(|a| a == "--write-corpus") {
        let Some(dir) = args.get(pos + 1) else {
            eprintln!("--write-corpus needs a directory");
            std::process::exit(2);
        };
        if let Err(e) = write_corpus(dir, &articles) {
            eprintln!("cannot write corpus to {dir}: {e}");
            std::process::exit(2);
        }
        println!("wrote {} articles, {bytes} bytes, to {dir}", articles.len());
        return;
    }

    println!(
        "corpus: {} articles, {:.1} MB, {} figures planted (one per {:.0} bytes), generated in {:.2} s",
        articles.len(),
        bytes as f64 / MB,
        planted,
        bytes as f64 / planted.max(1) as f64,
        gen_s
    );
    println!("runs: {warmup} warm-up + {runs} timed, one thread\n");

    let config = Config::default();
    let ctx = ExtractContext {
        config: &config,
        published: None,
    };

    // 1. The extractor alone, article by article.
    let mut mentions = 0;
    let timing = Timing::measure(warmup, runs, || {
        mentions = articles
            .iter()
            .map(|a| extract_mentions(a, &ctx).len())
            .sum::<usize>();
        mentions
    });
    report("extract_mentions, per article", bytes, mentions, &timing);

    // 2. The whole per-document extraction with segmentation and finished claims.
    let docs: Vec<Document> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Document::from_text(format!("article_{i:05}.txt"), a.as_str()))
        .collect();
    let mut claims = 0;
    let timing = Timing::measure(warmup, runs, || {
        claims = docs
            .iter()
            .map(|d| claimcheck::extract(d, &config).len())
            .sum::<usize>();
        claims
    });
    report("claimcheck::extract, per document", bytes, claims, &timing);

    // 3. One long string: catches work that grows faster than the input.
    let whole = articles.concat();
    drop(docs);
    let mut whole_mentions = 0;
    let timing = Timing::measure(0, 1, || {
        whole_mentions = extract_mentions(&whole, &ctx).len();
        whole_mentions
    });
    report(
        "extract_mentions, whole corpus as one string",
        whole.len(),
        whole_mentions,
        &timing,
    );

    // 4. One long sentence packed with figures (a table or list flattened into prose):
    //    catches per-figure work that scans the whole sentence.
    let long = long_sentence(seed, 100_000);
    let doc = Document::from_text("long.txt", long.as_str());
    let mut long_claims = 0;
    let timing = Timing::measure(0, 1, || {
        long_claims = claimcheck::extract(&doc, &config).len();
        long_claims
    });
    report(
        "claimcheck::extract, one 100 KB sentence",
        long.len(),
        long_claims,
        &timing,
    );

    if mentions > 0 {
        println!(
            "\nmentions found: {mentions} (one per {:.0} bytes; {:.0}% of planted figures)",
            bytes as f64 / mentions as f64,
            100.0 * mentions as f64 / planted.max(1) as f64
        );
    } else {
        println!("\nmentions found: 0 (the extractor returned nothing on this corpus)");
    }
}

fn report(name: &str, bytes: usize, items: usize, t: &Timing) {
    let best = t.best();
    let median = t.median();
    println!(
        "{name:<46} best {:>7.1} MB/s  median {:>7.1} MB/s  cpu {:>7.1} MB/s  {:>9.0} items/s  ({items} items, median {:.3} s)",
        bytes as f64 / MB / best,
        bytes as f64 / MB / median,
        bytes as f64 / MB / t.median_cpu(),
        items as f64 / median,
        median
    );
}

/// Figures separated by commas and semicolons, no full stop, about `bytes` long.
fn long_sentence(seed: u64, bytes: usize) -> String {
    let mut rng = common::Rng::new(seed);
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        let figure = match rng.below(4) {
            0 => common::money(&mut rng),
            1 => common::percent(&mut rng),
            2 => common::count(&mut rng),
            _ => common::date(&mut rng),
        };
        s.push_str(&figure);
        s.push_str(if rng.chance(0.5) { ", " } else { "; " });
    }
    s
}

fn write_corpus(dir: &str, articles: &[String]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, a) in articles.iter().enumerate() {
        std::fs::write(format!("{dir}/article_{i:05}.txt"), a)?;
    }
    Ok(())
}
