//! The binary's handling of inputs: bad inputs are reported as
//! `claimcheck: <path>: <problem>` on stderr, the good ones are still processed, and the
//! exit code is 2 when any input failed, 0 otherwise.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `claimcheck extract --format json ARGS` in `dir`, feeding `stdin`.
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["extract", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimcheck runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    input.write_all(stdin).expect("stdin is written");
    drop(input);
    child.wait_with_output().expect("claimcheck finishes")
}

/// The ids of the documents in the JSON output.
fn doc_ids(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    v["documents"]
        .as_array()
        .expect("a documents array")
        .iter()
        .map(|d| d["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("good.txt"), "Meta paid $14.3 billion.\n").unwrap();
    dir
}

#[test]
fn a_missing_path_is_reported_and_the_others_still_load() {
    let dir = setup();
    let out = run(dir.path(), &["missing.txt", "good.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("claimcheck: missing.txt: cannot read: "),
        "{err}"
    );
    assert_eq!(doc_ids(&out), ["good.txt"]);
}

#[test]
fn a_binary_file_is_reported() {
    let dir = setup();
    std::fs::write(
        dir.path().join("photo.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let out = run(dir.path(), &["photo.txt", "good.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim_end(),
        "claimcheck: photo.txt: binary file, not text; skipped"
    );
    assert_eq!(doc_ids(&out), ["good.txt"]);
}

#[test]
fn invalid_utf8_is_reported_with_its_offset() {
    let dir = setup();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 prices rose 5%.\n").unwrap();
    let out = run(dir.path(), &["latin1.txt", "good.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim_end(),
        "claimcheck: latin1.txt: not valid UTF-8 (first bad byte at offset 3); skipped"
    );
    assert_eq!(doc_ids(&out), ["good.txt"]);
}

#[test]
fn an_empty_file_is_a_document_and_not_an_error() {
    let dir = setup();
    std::fs::write(dir.path().join("empty.md"), b"").unwrap();
    let out = run(dir.path(), &["empty.md", "good.txt"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(doc_ids(&out), ["empty.md", "good.txt"]);
}

#[test]
fn a_directory_skips_hidden_ignored_and_other_files() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().join("articles");
    std::fs::create_dir_all(root.join("2025/.drafts")).unwrap();
    std::fs::create_dir_all(root.join("build")).unwrap();
    for (name, text) in [
        ("b.md", "# B\nPaid $5."),
        ("a.txt", "Paid $4."),
        ("2025/c.html", "<p>Paid $6.</p>"),
        ("2025/.drafts/d.txt", "draft"),
        (".hidden.txt", "hidden"),
        ("build/out.txt", "ignored"),
        ("notes.docx", "not an article"),
        ("ignored.txt", "ignored"),
    ] {
        std::fs::write(root.join(name), text).unwrap();
    }
    std::fs::write(root.join(".gitignore"), "build/\nignored.txt\n").unwrap();
    let out = run(dir.path(), &["articles"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        doc_ids(&out),
        ["articles/2025/c.html", "articles/a.txt", "articles/b.md"]
    );
}

#[test]
fn stdin_is_read_for_a_dash_and_its_format_sniffed() {
    let dir = setup();
    let out = run(
        dir.path(),
        &["-", "good.txt"],
        b"<html><head><title>From a pipe</title></head><body><p>Paid $5.</p></body></html>",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doc_ids(&out), ["-", "good.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"][0]["title"], "From a pipe");
}

#[test]
fn a_malformed_jsonl_record_names_its_line_and_the_other_records_load() {
    let dir = setup();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        "{\"id\": \"a\", \"text\": \"Paid $5.\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"Paid $6.\"}\n",
    )
    .unwrap();
    let out = run(dir.path(), &["feed.jsonl"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("claimcheck: feed.jsonl: invalid JSON on line 2: "),
        "{err}"
    );
    assert_eq!(doc_ids(&out), ["a", "c"]);
}

#[test]
fn good_inputs_exit_zero_with_nothing_on_stderr() {
    let dir = setup();
    std::fs::write(
        dir.path().join("page.unknown"),
        "---\ntitle: Sniffed\n---\nPaid **$5**.\n",
    )
    .unwrap();
    let out = run(dir.path(), &["good.txt", "page.unknown"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"][1]["id"], "page.unknown");
    assert_eq!(v["documents"][1]["title"], "Sniffed");
}
