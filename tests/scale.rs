//! Scale: the output does not depend on the number of threads or the order of the
//! inputs, and an archive that repeats a story in many copies gets one finding per
//! disagreement, not one per pair of copies.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes `copies` lightly varied copies of every file of `sources` into `dir`, and
/// returns their paths in the order written.
fn syndicate(dir: &Path, sources: &[PathBuf], copies: usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (n, src) in sources.iter().enumerate() {
        let text = std::fs::read_to_string(src).expect("fixture is readable");
        let name = src.file_name().expect("a file name").to_string_lossy();
        for i in 0..copies {
            let body = format!(
                "{}\n\nReprinted by outlet {}.\n",
                text.trim_end(),
                ["A", "B", "C"][i % 3]
            );
            let path = dir.join(format!("s{n}-copy{i}-{name}"));
            std::fs::write(&path, body).expect("copy is written");
            out.push(path);
        }
    }
    out
}

/// The files of a folder of the repository, sorted.
fn files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("folder exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    v
}

/// `claimcheck ARGS` in `dir`: its standard output.
fn run(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("claimcheck runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn output_is_the_same_for_any_thread_count_and_input_order() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut sources = files("seeds");
    sources.extend(files("fixtures/clusters/disaster"));
    let paths = syndicate(tmp.path(), &sources, 4);
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The same files named in another order: reversed, odd positions first.
    let reversed: Vec<&str> = names.iter().rev().map(String::as_str).collect();
    let shuffled: Vec<&str> = reversed
        .iter()
        .skip(1)
        .step_by(2)
        .chain(reversed.iter().step_by(2))
        .copied()
        .collect();
    let ordered: Vec<&str> = names.iter().map(String::as_str).collect();
    for cmd in [["check", "--all"], ["extract", "--format=json"]] {
        let with = |jobs: &str, files: &[&str]| {
            let mut args: Vec<&str> = cmd.to_vec();
            args.extend(["--format", "json", "--jobs", jobs]);
            if cmd[0] == "extract" {
                args.retain(|a| *a != "--format=json");
            }
            args.extend(files);
            run(tmp.path(), &args)
        };
        let one = with("1", &ordered);
        assert!(!one.is_empty());
        assert_eq!(one, with("4", &ordered), "{cmd:?}: --jobs 1 vs 4");
        assert_eq!(one, with("2", &shuffled), "{cmd:?}: shuffled inputs");
        assert_eq!(one, with("4", &["."]), "{cmd:?}: the folder");
    }
}

#[test]
fn a_deal_repeated_in_many_copies_is_one_derived_finding() {
    let tmp = tempfile::tempdir().expect("temp dir");
    syndicate(tmp.path(), &files("seeds"), 12);
    let out = run(tmp.path(), &["check", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let derived: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "derived_conflict")
        .collect();
    // One deal ("$14.3 billion for 49%") against one stated valuation ("nearly $14
    // billion"), each side stated by 12 copies: one finding naming all 36 claims.
    assert_eq!(derived.len(), 1, "{derived:?}");
    assert_eq!(derived[0]["claims"].as_array().map(Vec::len), Some(36));
    let message = derived[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("and 11 other sources"), "{message}");
}

/// The findings' (verdict, subject, attribute) of `check --format json --all DIR`.
fn findings(dir: &Path) -> Vec<(String, String, String)> {
    let out = run(dir, &["check", "--format", "json", "--all", "."]);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let mut f: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("verdict"), s("subject"), s("attribute"))
        })
        .collect();
    f.sort();
    f
}

#[test]
fn findings_do_not_grow_with_copies() {
    let mut sources = files("seeds");
    sources.extend(files("fixtures/clusters/acquisition"));
    let few = tempfile::tempdir().expect("temp dir");
    syndicate(few.path(), &sources, 2);
    let many = tempfile::tempdir().expect("temp dir");
    syndicate(many.path(), &sources, 9);
    let f = findings(few.path());
    assert!(f.iter().any(|x| x.0 == "derived_conflict"), "{f:?}");
    assert_eq!(f, findings(many.path()));
}

#[test]
fn a_baseline_holds_when_more_copies_arrive() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let seeds = files("seeds");
    syndicate(tmp.path(), &seeds, 3);
    let baseline = tmp.path().join("baseline.json");
    let baseline = baseline.to_str().expect("utf-8 path");
    run(tmp.path(), &["check", "--write-baseline", baseline, "."]);
    // Three more copies of every article, named apart from the first three.
    let more = tmp.path().join("more");
    std::fs::create_dir(&more).expect("folder");
    syndicate(&more, &seeds, 3);
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--fail-on", "warning", "--baseline", baseline, "."])
        .current_dir(tmp.path())
        .output()
        .expect("claimcheck runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// `claimcheck ARGS` in `dir`: its standard output and standard error.
fn run_both(dir: &Path, args: &[&str]) -> (Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("claimcheck runs");
    (
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_cached_run_prints_what_an_uncached_run_prints() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let archive = tmp.path().join("archive");
    std::fs::create_dir(&archive).expect("folder");
    let mut sources = files("seeds");
    sources.extend(files("fixtures/clusters/results"));
    syndicate(&archive, &sources, 2);
    let check = ["check", "--format", "json", "--all", "archive"];
    let (plain, _) = run_both(tmp.path(), &check);
    let cached: Vec<&str> = check.iter().copied().chain(["--cache"]).collect();
    let (cold, err) = run_both(tmp.path(), &cached);
    assert_eq!(plain, cold, "{err}");
    let cache = tmp.path().join(".claimcheck-cache");
    assert!(cache.is_dir());
    let (warm, err) = run_both(tmp.path(), &cached);
    assert_eq!(plain, warm, "{err}");
    assert!(!err.contains("cache"), "{err}");
    // A corrupt entry is a warning; its document is analysed again.
    let entry = std::fs::read_dir(&cache)
        .expect("cache folder")
        .flat_map(|d| std::fs::read_dir(d.expect("entry").path()).expect("subfolder"))
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("an entry");
    std::fs::write(&entry, "{\"key\": \"trunc").expect("entry overwritten");
    let (again, err) = run_both(tmp.path(), &cached);
    assert_eq!(plain, again);
    assert!(err.contains("cache entry unusable"), "{err}");
    // --no-cache reads nothing: clearing then running with it leaves no folder.
    let (_, err) = run_both(tmp.path(), &["cache", "clear"]);
    assert!(err.contains("removed the cache"), "{err}");
    assert!(!cache.exists());
    let no_cache: Vec<&str> = cached.iter().copied().chain(["--no-cache"]).collect();
    assert_eq!(run_both(tmp.path(), &no_cache).0, plain);
    assert!(!cache.exists());
}

#[test]
fn a_run_killed_while_writing_the_cache_leaves_it_usable() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let archive = tmp.path().join("archive");
    std::fs::create_dir(&archive).expect("folder");
    let mut sources = files("seeds");
    sources.extend(files("fixtures/clusters/disaster"));
    syndicate(&archive, &sources, 12);
    let check = ["check", "--format", "json", "archive"];
    let (plain, _) = run_both(tmp.path(), &check);
    let cached: Vec<&str> = check.iter().copied().chain(["--cache"]).collect();
    // Killed at several moments of its run: whatever it left, the next run is right.
    for wait_ms in [5, 40, 150] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(&cached)
            .current_dir(tmp.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("claimcheck runs");
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        let (next, err) = run_both(tmp.path(), &cached);
        assert_eq!(plain, next, "killed after {wait_ms} ms: {err}");
        assert!(!err.contains("unusable"), "{err}");
    }
}
