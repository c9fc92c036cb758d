//! Conformance against the peer suites in `$CLAIMCHECK_EVAL_DIR` (see its README): every
//! case's text goes through the extractor, predictions are written as JSONL with
//! character offsets, and the suite's `score.py` scores them. Prints each suite's
//! value-F1 and fails when a suite falls below its floor in `FLOORS`. Skipped (and
//! passing) when the variable is unset. Extra suites built outside the repository (such
//! as NewsQuant) can be added with `CLAIMCHECK_EVAL_EXTRA=path1:path2`.

use claimcheck::extract::{extract_mentions, ExtractContext};
use claimcheck::{Config, Document, Kind, Mention, Qualifier};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Each gated suite (file stem) and the value-F1 it must keep: the figure last reached,
/// rounded down, so that a regression fails the test.
const FLOORS: &[(&str, f64)] = &[
    ("recognizers-text_Number", 0.93),
    ("recognizers-text_Currency", 0.93),
    ("recognizers-text_Percent", 0.90),
    ("recognizers-text_Age", 0.94),
    ("recognizers-text_DateTime", 0.93),
    ("recognizers-text_NumberRange", 0.94),
    ("recognizers-text_Ordinal", 0.95),
    ("quantulum3_quantities", 0.85),
];

/// Byte offset to character offset.
fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

fn item(text: &str, m: &Mention) -> Value {
    let bounded = matches!(
        m.qualifier,
        Qualifier::Range
            | Qualifier::MoreThan
            | Qualifier::AtLeast
            | Qualifier::LessThan
            | Qualifier::AtMost
    );
    let exact = m.qualifier == Qualifier::None && m.value.low == m.value.high;
    let (low, high) = if bounded || exact {
        (m.value.low, m.value.high)
    } else {
        (None, None)
    };
    let dated = matches!(m.kind, Kind::Date | Kind::Year);
    // A measure's or a count's rate unit is the whole compound ("barrels per day"); money
    // and percentages keep their currency or `percent`, as the peers write them.
    let unit = match (&m.unit, &m.per) {
        (Some(u), Some(p)) if matches!(m.kind, Kind::Number | Kind::Count) => {
            Some(format!("{u} per {p}"))
        }
        (u, _) => u.clone(),
    };
    json!({
        "text": text.get(m.start..m.end).unwrap_or(""),
        "start": char_offset(text, m.start),
        "end": char_offset(text, m.end),
        "kind": m.kind.as_str(),
        "value": if m.kind == Kind::Date { None } else { m.value.point },
        "unit": if dated { None } else { unit },
        "low": if dated { None } else { low },
        "high": if dated { None } else { high },
        "timex": if dated { m.date.clone() } else { None },
    })
}

/// A number with a unit of measure written straight onto its digits ("180ml").
fn is_dimension(text: &str, m: &Mention) -> bool {
    m.kind == Kind::Number
        && m.unit.is_some()
        && text
            .get(m.start..m.end)
            .is_some_and(|s| !s.contains(' ') && s.ends_with(|c: char| c.is_alphabetic()))
}

fn predict(gold: &Path, out: &Path) -> std::io::Result<()> {
    let cfg = Config::default();
    let ctx = ExtractContext {
        config: &cfg,
        published: None,
    };
    let text = std::fs::read_to_string(gold)?;
    // Recognizers' Number models leave a numeral with a unit of measure glued on ("180ml",
    // "29km") to their Dimension model, which these suites do not test.
    let name = gold
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let number_model = name.starts_with("recognizers-text")
        && (name.ends_with("_Number.jsonl") || name.ends_with("_NumberRange.jsonl"));
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line)?;
        let id = case["id"].clone();
        let body = case["text"].as_str().unwrap_or("");
        let doc = Document::from_text("case", body);
        let predicted: Vec<Value> = extract_mentions(&doc.text, &ctx)
            .iter()
            .filter(|m| !(number_model && is_dimension(&doc.text, m)))
            .map(|m| item(&doc.text, m))
            .collect();
        writeln!(w, "{}", json!({"id": id, "predicted": predicted}))?;
    }
    Ok(())
}

fn score(dir: &Path, gold: &Path, pred: &Path, diff: &str) -> Option<(f64, String)> {
    let name = gold.file_name()?.to_string_lossy().to_string();
    let mut cmd = Command::new("python3");
    cmd.arg(dir.join("score.py")).arg(gold).arg(pred);
    cmd.args(["--kind-alias", "count=number"]);
    cmd.args(["--unit-alias", "Dollar=USD", "--unit-alias", "Pound=GBP"]);
    cmd.args(["--unit-alias", "Bitcoin=BTC"]);
    let suite = name
        .trim_end_matches(".jsonl")
        .rsplit('_')
        .next()
        .unwrap_or("");
    if name.starts_with("recognizers-text") && matches!(suite, "Number" | "NumberRange") {
        // The Number models read every numeral, whatever unit follows it: every kind
        // of ours that carries a plain numeric value is a number there.
        for k in ["money", "percent", "age", "duration"] {
            cmd.args(["--kind-alias", &format!("{k}=number")]);
        }
    }
    if name.starts_with("quantulum3") {
        // quantulum3 reads years as plain numbers.
        cmd.args(["--kind-alias", "year=number"]);
    } else {
        cmd.args(["--kind-alias", "year=date"]);
    }
    if name.to_lowercase().contains("newsquant") {
        cmd.args(["--unit-alias", "dollar=USD"]);
        cmd.args([
            "--kind-alias",
            "age=number",
            "--kind-alias",
            "duration=number",
        ]);
        // NewsQuant's gold units are normalized names in the singular ("worker", "mile
        // per hour", "gigabyte"): compare units without plural endings, with the folder's
        // neutral tables of currency names and unit symbols, on both sides alike.
        for table in ["currency-names.aliases", "units.aliases"] {
            let aliases = dir.join(table);
            if aliases.exists() {
                cmd.arg("--unit-alias-file").arg(aliases);
            }
        }
        cmd.arg("--singular-units");
    } else {
        cmd.args(["--unit-alias", "age=year"]);
    }
    if !diff.is_empty() {
        cmd.args(["--diff", diff]);
    }
    let out = cmd.output().ok()?;
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let f1 = stdout
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("overall value-F1:"))?
        .trim()
        .parse()
        .ok()?;
    Some((f1, stdout))
}

#[test]
fn peer_suites_value_f1() {
    let Some(dir) = std::env::var_os("CLAIMCHECK_EVAL_DIR").map(PathBuf::from) else {
        eprintln!("CLAIMCHECK_EVAL_DIR is not set: peer-suite evaluation skipped");
        return;
    };
    let mut suites: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("CLAIMCHECK_EVAL_DIR is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    if let Some(extra) = std::env::var_os("CLAIMCHECK_EVAL_EXTRA") {
        suites.extend(std::env::split_paths(&extra).filter(|p| p.exists()));
    }
    suites.sort();
    let diff = std::env::var("CLAIMCHECK_EVAL_DIFF").unwrap_or_default();
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    for gold in &suites {
        let stem = gold
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let pred = tmp.path().join(format!("{stem}.pred.jsonl"));
        predict(gold, &pred).expect("predictions written");
        let Some((f1, report)) = score(&dir, gold, &pred, &diff) else {
            failures.push(format!("{stem}: score.py gave no figure"));
            continue;
        };
        println!("{stem:45} value-F1 {f1:.3}");
        if !diff.is_empty() {
            println!("{report}");
        }
        if let Some((_, floor)) = FLOORS.iter().find(|(name, _)| *name == stem) {
            if f1 < *floor {
                failures.push(format!("{stem}: value-F1 {f1:.3} < {floor:.2}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Extraction speed on news-like text: the seeds, each as its own document, extracted
/// over and over until about 8 MB have been read. Run with
/// `cargo test --release --test eval throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    seeds.sort();
    let docs: Vec<String> = seeds
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let per_round: usize = docs.iter().map(String::len).sum();
    let rounds = (8 << 20) / per_round.max(1) + 1;
    let cfg = Config::default();
    let ctx = ExtractContext {
        config: &cfg,
        published: None,
    };
    let mut best = f64::MAX;
    let mut count = 0;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        count = 0;
        for _ in 0..rounds {
            for d in &docs {
                count += extract_mentions(d, &ctx).len();
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = (per_round * rounds) as f64 / 1e6;
    println!(
        "{mb:.1} MB in {} documents, {count} mentions, best of 5: {best:.3} s = {:.1} MB/s",
        rounds * docs.len(),
        mb / best
    );
}

/// Tokenizer share of the extraction time (see `throughput`).
#[test]
#[ignore]
fn throughput_tokens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let one: String = std::fs::read_dir(&root)
        .expect("seeds")
        .filter_map(|e| e.ok().and_then(|e| std::fs::read_to_string(e.path()).ok()))
        .collect::<Vec<_>>()
        .join("\n");
    let corpus = one.repeat((8 << 20) / one.len().max(1) + 1);
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let n = claimcheck::extract::token::tokenize(&corpus).len();
        assert!(n > 0);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("tokenize: {:.1} MB/s", corpus.len() as f64 / 1e6 / best);
}
