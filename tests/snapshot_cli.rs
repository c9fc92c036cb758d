//! `claimcheck snapshot` end to end in a temporary directory: write (pending `.snap.new`),
//! accept, check clean, change a figure in an article, check fails naming it, write and
//! accept again, check clean; and insta's own parser reads the files.

use std::path::Path;
use std::process::{Command, Output};

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimcheck")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const A: &str = "Scale AI was valued at $13 billion in 2023, said Alexandr Wang, 27.\n";
const B: &str = "Scale AI, valued at nearly $14 billion, is led by Alexandr Wang, 28.\n";

fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("news")).unwrap();
    std::fs::write(dir.path().join("news/a.txt"), A).unwrap();
    std::fs::write(dir.path().join("news/b.txt"), B).unwrap();
    dir
}

#[test]
fn write_accept_check_drift_and_accept_again() {
    let dir = newsroom();
    let root = dir.path();
    let snap = root.join("news/snapshots/a.txt.snap");
    let pending = root.join("news/snapshots/a.txt.snap.new");

    // New snapshots wait as .snap.new; check fails until they are accepted.
    let o = claimcheck(root, &["snapshot", "news"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(pending.is_file() && !snap.exists());
    let o = claimcheck(root, &["snapshot", "--check", "news"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("news/a.txt: no snapshot"),
        "{}",
        stdout(&o)
    );

    let o = claimcheck(root, &["snapshot", "--update", "news"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(snap.is_file() && !pending.exists());
    let text = std::fs::read_to_string(&snap).unwrap();
    assert!(
        text.contains(
            "| $13 billion | money | [12.5 billion, 13.5 billion] | USD | Scale AI | valuation |"
        ),
        "{text}"
    );

    let o = claimcheck(root, &["snapshot", "--check", "news"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("2 snapshots match"));

    // An editor changes a figure: check names it, and writes nothing.
    std::fs::write(
        root.join("news/a.txt"),
        A.replace("$13 billion", "$15 billion"),
    )
    .unwrap();
    let o = claimcheck(root, &["snapshot", "--check", "news"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("changed     1:24 \"$13 billion\" → \"$15 billion\": interval [12.5 billion, 13.5 billion] → [14.5 billion, 15.5 billion]"),
        "{out}"
    );
    assert!(out.contains("1 of 2 snapshots drifted"), "{out}");
    assert!(!pending.exists());

    let o = claimcheck(root, &["snapshot", "news"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(pending.is_file(), "{}", stdout(&o));
    assert!(std::fs::read_to_string(&snap)
        .unwrap()
        .contains("$13 billion"));
    let o = claimcheck(root, &["snapshot", "--update", "news"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!pending.exists());
    let o = claimcheck(root, &["snapshot", "--check", "news"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn snapshots_can_be_kept_in_one_directory() {
    let dir = newsroom();
    let o = claimcheck(
        dir.path(),
        &["snapshot", "--update", "--dir", "snaps", "news"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(dir.path().join("snaps/news_a.txt.snap").is_file());
    let o = claimcheck(
        dir.path(),
        &["snapshot", "--check", "--dir", "snaps", "news"],
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn insta_reads_the_snapshot_files() {
    let dir = newsroom();
    let o = claimcheck(dir.path(), &["snapshot", "news"]);
    assert_eq!(o.status.code(), Some(0));
    for path in [
        dir.path().join("news/snapshots/a.txt.snap.new"),
        dir.path().join("news/snapshots/b.txt.snap.new"),
    ] {
        let snap = insta::Snapshot::from_file(&path).expect("insta parses the file");
        let meta = snap.metadata();
        assert_eq!(meta.source(), Some("claimcheck snapshot"));
        assert!(meta.input_file().unwrap().starts_with("news/"));
        let text = snap
            .contents()
            .as_text()
            .expect("a text snapshot")
            .to_string();
        let ours = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.trim_end(),
            claimcheck::snapshot::parse_snapshot(&ours)
                .unwrap()
                .trim_end()
        );
        assert!(text.lines().count() >= 2, "{text}");
    }
}

#[test]
fn standard_input_cannot_be_snapshotted() {
    let dir = newsroom();
    let o = claimcheck(dir.path(), &["snapshot", "-"]);
    assert_eq!(o.status.code(), Some(2));
}
