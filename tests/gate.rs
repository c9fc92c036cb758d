//! `claimcheck check` as an editorial CI gate, end to end: a newsroom repository in a
//! temporary directory, the real binary, real extraction and grouping.

use std::path::PathBuf;
use std::process::Command;

const MEETING: &str = "---
title: Meta takes 49% of Scale AI
date: 2025-06-13
---
# Meta takes 49% of Scale AI

Meta will invest $14.3 billion in Scale AI for a 49% stake.

Scale AI was valued at $29 billion in the deal.

Scale AI chief executive Alexandr Wang, 28, will join Meta.
";

const PROFILE: &str = "---
title: Who is Alexandr Wang
date: 2025-06-13
---
# Who is Alexandr Wang

Alexandr Wang, 27, is the founder of Scale AI.
";

const NEW_VALUATION: &str = "---
title: Inside the Scale AI deal
date: 2025-06-13
---
# Inside the Scale AI deal

Scale AI was valued at $10 billion in the deal.
";

/// Line of "$10 billion" in NEW_VALUATION.
const NEW_VALUATION_LINE: usize = 7;

const MEETING_PATH: &str = "archive/2025-06-13-meta-scale.md";
const PROFILE_PATH: &str = "archive/2025-06-13-wang-profile.md";
const NEW_PATH: &str = "news/2025-06-13-valuation.md";

struct Newsroom {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Newsroom {
    fn new() -> Self {
        let room = Newsroom {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        room.write(MEETING_PATH, MEETING);
        room.write(PROFILE_PATH, PROFILE);
        room
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, text).expect("write");
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_in("", None, args)
    }

    /// Runs in a subdirectory, optionally as a GitHub Actions job whose workspace is
    /// the newsroom root.
    fn run_in(&self, subdir: &str, workspace: Option<&str>, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
        cmd.args(args)
            .current_dir(self.path(subdir))
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_WORKSPACE");
        if let Some(ws) = workspace {
            cmd.env("GITHUB_WORKSPACE", self.path(ws));
        }
        let out = cmd.output().expect("run claimcheck");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn git(&self, args: &[&str]) {
        let ok = Command::new("git")
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        assert!(ok, "git {args:?}");
    }
}

impl Run {
    fn annotations(&self, level: &str, file: &str) -> Vec<&str> {
        let prefix = format!("::{level} file={file},");
        self.stdout
            .lines()
            .filter(|l| l.starts_with(&prefix))
            .collect()
    }
}

fn with(base: &[&str], more: &[&str]) -> Vec<String> {
    base.iter().chain(more).map(|s| s.to_string()).collect()
}

fn run(room: &Newsroom, args: Vec<String>) -> Run {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    room.run(&refs)
}

#[test]
fn archive_conflict_is_found_before_any_baseline() {
    let room = Newsroom::new();
    let r = room.run(&["check", "--format", "github", "archive"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(
        r.annotations("error", PROFILE_PATH).len(),
        1,
        "{}",
        r.stdout
    );
    assert_eq!(
        r.annotations("error", MEETING_PATH).len(),
        1,
        "{}",
        r.stdout
    );
}

#[test]
fn new_contradiction_fails_with_an_annotation_on_its_line() {
    let room = Newsroom::new();
    let w = room.run(&["check", "--write-baseline", "baseline.json", "archive"]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    let baseline = std::fs::read_to_string(room.path("baseline.json")).expect("baseline");
    assert!(baseline.contains("Alexandr Wang"), "{baseline}");

    let clean = room.run(&["check", "--baseline", "baseline.json", "archive"]);
    assert_eq!(clean.code, 0, "{}\n{}", clean.stdout, clean.stderr);

    room.write(NEW_PATH, NEW_VALUATION);
    let r = room.run(&[
        "check",
        "--baseline",
        "baseline.json",
        "--format",
        "github",
        "archive",
        "news",
    ]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let here = r.annotations("error", NEW_PATH);
    assert_eq!(here.len(), 1, "{}", r.stdout);
    assert!(
        here[0].contains(&format!(",line={NEW_VALUATION_LINE},")),
        "{}",
        here[0]
    );
    assert!(
        here[0].contains("$29 billion"),
        "names the other figure: {}",
        here[0]
    );
    assert!(
        r.annotations("error", PROFILE_PATH).is_empty(),
        "the baselined age conflict is not new: {}",
        r.stdout
    );
}

#[test]
fn suppression_with_a_reason_lets_it_pass() {
    let room = Newsroom::new();
    room.run(&["check", "--write-baseline", "baseline.json", "archive"]);
    let suppressed = NEW_VALUATION.replace(
        "Scale AI was valued at $10 billion",
        "<!-- claimcheck-disable-next-line: the AP figure is older -->\nScale AI was valued at $10 billion",
    );
    room.write(NEW_PATH, &suppressed);
    let r = room.run(&[
        "check",
        "--baseline",
        "baseline.json",
        "--format",
        "github",
        "archive",
        "news",
    ]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("unused-suppression"), "{}", r.stdout);
}

#[test]
fn unused_suppression_is_a_warning_at_its_line() {
    let room = Newsroom::new();
    let text = PROFILE.replace(
        "# Who is Alexandr Wang\n",
        "# Who is Alexandr Wang\n<!-- claimcheck-disable-next-line -->\nHe grew up in Los Alamos.\n",
    );
    room.write(PROFILE_PATH, &text);
    let r = room.run(&["check", "--format", "github", "archive"]);
    let warnings = r.annotations("warning", PROFILE_PATH);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("line=6,") && w.contains("unused-suppression")),
        "{}",
        r.stdout
    );
    let sarif = room.run(&["check", "--format", "sarif", "archive"]);
    assert!(sarif.stdout.contains("\"ruleId\": \"unused-suppression\""));
}

#[test]
fn editing_lines_above_a_baselined_claim_does_not_make_it_new() {
    let room = Newsroom::new();
    let w = room.run(&["check", "--write-baseline", "baseline.json", "archive"]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    let edited = PROFILE.replace(
        "# Who is Alexandr Wang\n",
        "# Who is Alexandr Wang\n\n*Updated with comment from Meta.*\n\nHe grew up in Los Alamos.\n",
    );
    room.write(PROFILE_PATH, &edited);
    let r = room.run(&["check", "--baseline", "baseline.json", "archive"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("baseline-entry-gone"), "{}", r.stdout);
}

#[test]
fn fixed_baseline_entry_is_listed_as_info() {
    let room = Newsroom::new();
    room.run(&["check", "--write-baseline", "baseline.json", "archive"]);
    room.write(PROFILE_PATH, &PROFILE.replace("Wang, 27,", "Wang, 28,"));
    let r = room.run(&["check", "--baseline", "baseline.json", "archive"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("info[baseline-entry-gone]"),
        "{}",
        r.stdout
    );
}

#[test]
fn malformed_config_exits_2_naming_the_key_file_and_line() {
    let room = Newsroom::new();
    room.write("claimcheck.toml", "[hedges]\napprox = \"wide\"\n");
    let r = room.run(&["check", "archive"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("claimcheck.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("hedges.approx"), "{}", r.stderr);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);

    room.write("claimcheck.toml", "dollar = \"USD\"\nfail-fast = true\n");
    let r = room.run(&["check", "archive"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("fail-fast"), "{}", r.stderr);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

#[test]
fn config_in_a_parent_directory_is_used() {
    let room = Newsroom::new();
    room.write("claimcheck.toml", "[hedges]\napprox = 0.25\n");
    std::fs::create_dir_all(room.path("archive")).expect("mkdir");
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["config", "--show"])
        .current_dir(room.path("archive"))
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("approx = 0.25"), "{text}");
    assert!(text.contains("nearly = 0.03"), "defaults shown: {text}");
}

#[test]
fn missing_path_exits_2() {
    let room = Newsroom::new();
    let r = room.run(&["check", "archive/no-such-article.md"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("no-such-article.md"), "{}", r.stderr);
}

#[test]
fn usage_error_exits_2() {
    let room = Newsroom::new();
    assert_eq!(
        room.run(&["check", "--fail-on", "fatal", "archive"]).code,
        2
    );
    assert_eq!(
        room.run(&["check", "--baseline", "nope.json", "archive"])
            .code,
        2
    );
}

#[test]
fn fail_on_and_exit_zero_decide_the_exit_code() {
    let room = Newsroom::new();
    room.write("claimcheck.toml", "[severity]\nage = \"warning\"\n");
    assert_eq!(room.run(&["check", "archive"]).code, 0);
    assert_eq!(
        room.run(&["check", "--fail-on", "warning", "archive"]).code,
        1
    );
    assert_eq!(room.run(&["check", "--fail-on", "info", "archive"]).code, 1);
    assert_eq!(
        room.run(&["check", "--fail-on", "warning", "--exit-zero", "archive"])
            .code,
        0
    );
    room.write("claimcheck.toml", "");
    assert_eq!(room.run(&["check", "archive"]).code, 1);
    assert_eq!(
        room.run(&["check", "--fail-on", "never", "archive"]).code,
        0
    );
    assert_eq!(room.run(&["check", "--exit-zero", "archive"]).code, 0);
}

#[test]
fn changed_reports_only_findings_involving_changed_files() {
    let room = Newsroom::new();
    room.write(NEW_PATH, NEW_VALUATION);
    let base = ["check", "--format", "github", "archive", "news"];
    let r = run(&room, with(&base, &["--changed", NEW_PATH]));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(r.annotations("error", NEW_PATH).len(), 1, "{}", r.stdout);
    assert!(
        r.annotations("error", PROFILE_PATH).is_empty(),
        "{}",
        r.stdout
    );

    let r = run(&room, with(&base, &["--changed", PROFILE_PATH]));
    assert_eq!(r.code, 1);
    assert!(r.annotations("error", NEW_PATH).is_empty(), "{}", r.stdout);
    assert_eq!(
        r.annotations("error", PROFILE_PATH).len(),
        1,
        "{}",
        r.stdout
    );

    let r = run(&room, with(&base, &["--changed", "README.md"]));
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn changed_since_a_git_ref_covers_new_untracked_articles() {
    let room = Newsroom::new();
    room.git(&["init", "-q"]);
    room.git(&["config", "user.email", "desk@example.com"]);
    room.git(&["config", "user.name", "desk"]);
    room.git(&["add", "."]);
    room.git(&["commit", "-q", "-m", "archive"]);
    room.write(NEW_PATH, NEW_VALUATION);
    let r = room.run(&[
        "check",
        "--changed-since",
        "HEAD",
        "--format",
        "github",
        "archive",
        "news",
    ]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(r.annotations("error", NEW_PATH).len(), 1, "{}", r.stdout);
    assert!(
        r.annotations("error", PROFILE_PATH).is_empty(),
        "{}",
        r.stdout
    );
}

#[test]
fn house_fact_given_as_bounds_flags_the_article() {
    let room = Newsroom::new();
    room.write(NEW_PATH, NEW_VALUATION);
    room.write(
        "facts.toml",
        "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\nlow = 28.5e9\nhigh = 29.5e9\nunit = \"USD\"\nsource = \"Meta filing\"\n",
    );
    let r = room.run(&["check", "--facts", "facts.toml", "--format", "json", "news"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let facts: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["verdict"] == "fact_conflict")
        .collect();
    assert_eq!(facts.len(), 1, "{}", r.stdout);
    assert_eq!(facts[0]["severity"], "error");
    assert!(
        facts[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Meta filing")),
        "{}",
        facts[0]
    );

    let ok = room.run(&["check", "--facts", "facts.toml", "archive"]);
    assert!(!ok.stdout.contains("fact_conflict"), "{}", ok.stdout);
}

#[test]
fn house_fact_given_as_text_in_the_config() {
    let room = Newsroom::new();
    room.write(NEW_PATH, NEW_VALUATION);
    room.write(
        "claimcheck.toml",
        "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\nvalue = \"$29 billion\"\nas-of = \"2025-06\"\n",
    );
    let r = room.run(&["check", "--format", "github", "news"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("fact_conflict"), "{}", r.stdout);
}

#[test]
fn fact_without_a_value_is_a_config_error() {
    let room = Newsroom::new();
    room.write(
        "claimcheck.toml",
        "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\n",
    );
    let r = room.run(&["check", "archive"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("facts[0]"), "{}", r.stderr);
}

#[test]
fn excluded_and_ignored_paths_take_no_part() {
    let room = Newsroom::new();
    room.write(
        "claimcheck.toml",
        "exclude = [\"archive/*-wang-profile.md\"]\n",
    );
    let r = room.run(&["check", "archive"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);

    room.write(
        "claimcheck.toml",
        "[[ignore]]\npath = \"archive/*-wang-profile.md\"\nattributes = [\"age\"]\n",
    );
    let r = room.run(&["check", "archive"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);

    room.write(
        "claimcheck.toml",
        "[[ignore]]\npath = \"archive/*-wang-profile.md\"\nattributes = [\"valuation\"]\n",
    );
    assert_eq!(room.run(&["check", "archive"]).code, 1);
}

#[test]
fn human_output_quotes_the_line_and_sums_up() {
    let room = Newsroom::new();
    let r = room.run(&["check", "archive"]);
    assert!(r.stdout.contains("error["), "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!("--> {PROFILE_PATH}:7:")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Alexandr Wang, 27, is the founder"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("2 documents,") && r.stdout.contains("1 error,"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn every_format_renders_the_real_pipeline() {
    let room = Newsroom::new();
    room.write(NEW_PATH, NEW_VALUATION);
    for format in ["human", "markdown", "json", "github", "sarif", "junit"] {
        let r = room.run(&["check", "--format", format, "archive", "news"]);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(!r.stdout.is_empty(), "{format}");
    }
}

#[test]
fn annotations_name_files_from_the_workspace_root() {
    let room = Newsroom::new();
    room.write(&format!("site/{MEETING_PATH}"), MEETING);
    room.write(&format!("site/{PROFILE_PATH}"), PROFILE);
    let r = room.run_in(
        "site",
        Some(""),
        &["check", "--format", "github", "archive"],
    );
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(
        r.annotations("error", &format!("site/{PROFILE_PATH}"))
            .len(),
        1,
        "{}",
        r.stdout
    );
}

#[test]
fn baseline_inside_the_checked_directory_is_not_read_as_an_article() {
    let room = Newsroom::new();
    let w = room.run(&[
        "check",
        "--write-baseline",
        "archive/baseline.json",
        "archive",
    ]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    let r = room.run(&["check", "--baseline", "archive/baseline.json", "archive"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("2 documents"), "{}", r.stdout);
}

#[test]
fn without_paths_the_current_directory_is_checked_within_include() {
    let room = Newsroom::new();
    room.write(
        "notes/draft.md",
        "---\ndate: 2025-06-13\n---\nAlexandr Wang, 31, is the founder of Scale AI.\n",
    );
    room.write("claimcheck.toml", "include = [\"archive/**\"]\n");
    let r = room.run(&["check", "--format", "github"]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(
        r.annotations("error", PROFILE_PATH).len(),
        1,
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("notes/draft.md"), "{}", r.stdout);
}
