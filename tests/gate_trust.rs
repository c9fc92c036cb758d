//! "A gate an editor can trust" (issue 9), end to end: each test plays an editor's steps
//! in a scratch newsroom repository (a temporary directory, real files, the built
//! binary) and pins what they see on stdout and stderr and the exit code.

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// A scratch newsroom repository.
struct Repo {
    dir: tempfile::TempDir,
}

/// What one run printed and how it exited.
#[derive(Debug)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Repo {
    fn new() -> Self {
        Repo {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, text).expect("write");
        self
    }

    fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, |_| {})
    }

    fn run_with(&self, args: &[&str], tweak: impl FnOnce(&mut Command)) -> Out {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_WORKSPACE")
            .stdin(Stdio::null());
        tweak(&mut cmd);
        let out = cmd.output().expect("run claimcheck");
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Out {
    /// Asserts the exit code, and that stdout and stderr contain each piece.
    fn expect(&self, code: i32, stdout: &[&str], stderr: &[&str]) -> &Self {
        assert_eq!(self.code, code, "exit code\n{self:#?}");
        for s in stdout {
            assert!(self.stdout.contains(s), "stdout lacks {s:?}\n{self:#?}");
        }
        for s in stderr {
            assert!(self.stderr.contains(s), "stderr lacks {s:?}\n{self:#?}");
        }
        self
    }

    fn lacks(&self, s: &str) -> &Self {
        assert!(
            !self.stdout.contains(s) && !self.stderr.contains(s),
            "output has {s:?}\n{self:#?}"
        );
        self
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e})\n{self:#?}"))
    }
}

fn article(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2025-06-13\n---\n# {title}\n\n{body}\n")
}

/// Three Markdown articles and a wire file of two JSONL records, about Scale AI's value.
fn wire_room() -> Repo {
    let r = Repo::new();
    r.write(
        "articles/a.md",
        &article("Deal", "Scale AI was valued at $29 billion in the deal."),
    )
    .write(
        "articles/b.md",
        &article("Deal again", "Scale AI was valued at $29 billion in the deal."),
    )
    .write(
        "articles/c.md",
        &article("Deal too", "Scale AI was valued at $29 billion in the deal."),
    )
    .write(
        "articles/wire.jsonl",
        concat!(
            r#"{"id": "wire-001", "date": "2025-06-13", "text": "Scale AI was valued at $29 billion in the deal."}"#,
            "\n",
            r#"{"id": "wire-002", "date": "2025-06-13", "text": "Scale AI was valued at $10 billion in the deal."}"#,
            "\n"
        ),
    );
    r
}

// 1. Include globs match files: the records of a JSONL file under `articles/` are read.
#[test]
fn include_glob_keeps_the_records_of_a_jsonl_file_under_it() {
    let r = wire_room();
    r.write("claimcheck.toml", "include = [\"articles/**\"]\n");
    let out = r.run(&["check", "articles/"]);
    out.expect(1, &["5 documents", "wire-002"], &[]);
    let ids: Vec<String> = r.run(&["check", "--format", "json", "articles/"]).json()["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "articles/a.md",
            "articles/b.md",
            "articles/c.md",
            "wire-001",
            "wire-002"
        ]
    );
    // An exclude or ignore glob naming the file takes its records out too.
    r.write(
        "claimcheck.toml",
        "include = [\"articles/**\"]\nexclude = [\"articles/*.jsonl\"]\n",
    );
    r.run(&["check", "articles/"])
        .expect(0, &["3 documents"], &[])
        .lacks("wire-002");
    r.write(
        "claimcheck.toml",
        "[[ignore]]\npath = \"articles/wire.jsonl\"\n",
    );
    r.run(&["check", "articles/"])
        .expect(0, &["5 documents"], &[]);
}

// 1. Records read from standard input belong to `-`, which globs never filter out.
#[test]
fn include_glob_keeps_records_read_from_standard_input() {
    let r = wire_room();
    r.write("claimcheck.toml", "include = [\"articles/**\"]\n");
    let wire = r.path("articles/wire.jsonl");
    r.run_with(&["check", "-", "articles/a.md"], |cmd| {
        cmd.stdin(std::fs::File::open(&wire).unwrap());
    })
    .expect(1, &["3 documents", "wire-002"], &[]);
}

// 1. Pull-request mode: a changed JSONL file is the change of its records.
#[test]
fn changing_a_jsonl_file_reports_its_records_findings() {
    let r = wire_room();
    r.run(&[
        "check",
        "--changed",
        "articles/wire.jsonl",
        "--",
        "articles/",
    ])
    .expect(1, &["wire-002"], &[]);
}

// 8. No input documents is an error naming what was tried, unless --allow-empty.
#[test]
fn an_empty_run_is_an_error_naming_the_paths_and_globs() {
    let r = Repo::new();
    r.write(
        "articles/a.md",
        &article("Deal", "Scale AI was valued at $29 billion."),
    );
    std::fs::create_dir_all(r.path("empty")).unwrap();
    r.run(&["check", "empty"]).expect(
        2,
        &[],
        &[
            "claimcheck: no input documents: nothing to check in empty",
            "--allow-empty",
        ],
    );
    r.write("claimcheck.toml", "include = [\"news/**\"]\n");
    r.run(&["check", "articles/"]).expect(
        2,
        &[],
        &[
            "1 document read, none selected by",
            "claimcheck.toml (include = [\"news/**\"])",
        ],
    );
    r.run(&["check", "--allow-empty", "articles/"])
        .expect(0, &["0 documents"], &[]);
    r.run(&["check", "--write-baseline", "b.json", "empty"])
        .expect(2, &[], &["no input documents"]);
}

// 2. Typos in names and values in the config and facts files are errors naming the
// key, the file and the line, with the closest known name.
#[test]
fn typos_in_config_names_and_values_are_errors_with_a_suggestion() {
    let r = wire_room();
    let cases: &[(&str, &[&str])] = &[
        (
            "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"founded\"\nvalue = \"2016\"\n",
            &[
                "claimcheck.toml: invalid config: line 3: `facts[0].attribute`: unknown attribute \"founded\"; did you mean \"founding_year\"?",
            ],
        ),
        (
            "[severity]\nage = \"info\"\nfounding_yeer = \"warning\"\n",
            &["line 3: `severity.founding_yeer`: unknown attribute \"founding_yeer\"; did you mean \"founding_year\"?"],
        ),
        (
            "[attributes]\nvaluaton = [\"price tag\"]\n",
            &["line 2: `attributes.valuaton`: unknown attribute \"valuaton\"; did you mean \"valuation\"?"],
        ),
        (
            "[[ignore]]\npath = \"archive/**\"\nattributes = [\"ages\"]\n",
            &["line 3: `ignore[0].attributes`: unknown attribute \"ages\"; did you mean \"age\"?"],
        ),
        (
            "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"founding_year\"\nvalue = \"twenty twelve\"\n",
            &["line 4: `facts[0]` (Scale AI founding_year): `value = \"twenty twelve\"` is not one figure"],
        ),
        (
            "reference-date = \"June 30\"\n",
            &["line 1: `reference-date`: \"June 30\" is not a date: write YYYY-MM-DD"],
        ),
        (
            "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\nvalue = \"$29 billion\"\nas-of = \"June 2025\"\n",
            &["line 5: `facts[0]` (Scale AI valuation): `as-of = \"June 2025\"` is not a date"],
        ),
    ];
    for (config, stderr) in cases {
        r.write("claimcheck.toml", config);
        r.run(&["check", "articles/"]).expect(2, &[], stderr);
    }
    // The same checks hold in a --facts file.
    std::fs::remove_file(r.path("claimcheck.toml")).unwrap();
    r.write(
        "house/facts.toml",
        "[[facts]]\nsubject = \"Scale AI\"\n\nattribute = \"valuaton\"\nvalue = \"$29 billion\"\n",
    );
    r.run(&["check", "--facts", "house/facts.toml", "articles/"]).expect(
        2,
        &[],
        &["house/facts.toml: invalid config: line 4: `facts[0].attribute`: unknown attribute \"valuaton\"; did you mean \"valuation\"?"],
    );
}

// 2. A fact whose subject matches nothing in the run is a warning naming it and its line.
#[test]
fn a_fact_about_an_unknown_subject_is_a_warning_naming_it() {
    let r = wire_room();
    r.write(
        "claimcheck.toml",
        "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\nvalue = \"$29 billion\"\n\n\
         [[facts]]\nsubject = \"Scal AI\"\nattribute = \"valuation\"\nvalue = \"$20 billion\"\n",
    );
    let out = r.run(&["check", "articles/"]);
    out.expect(
        1,
        &["fact_conflict", "wire-002"],
        &["claimcheck: warning: ", "claimcheck.toml:7: house fact subject \"Scal AI\" matches no subject in the documents checked", "did you mean \"Scale AI\"?"],
    );
    assert!(
        !out.stderr.contains("\"Scale AI\" matches no subject"),
        "{out:#?}"
    );
}

// 4. A baselined conflict stays accepted when an article agreeing with one side joins
// it; a new disagreeing value is new.
#[test]
fn a_baseline_survives_an_agreeing_article_joining_the_conflict() {
    let r = wire_room();
    r.run(&[
        "check",
        "--write-baseline",
        ".claimcheck-baseline.json",
        "articles/",
    ])
    .expect(0, &[], &["wrote 1 finding"]);
    r.run(&[
        "check",
        "--baseline",
        ".claimcheck-baseline.json",
        "articles/",
    ])
    .expect(0, &["5 documents"], &[]);
    r.write(
        "articles/d.md",
        &article("Deal, later", "Scale AI was valued at $29bn in the deal."),
    );
    r.run(&[
        "check",
        "--baseline",
        ".claimcheck-baseline.json",
        "articles/",
    ])
    .expect(0, &["6 documents"], &[])
    .lacks("baseline-entry-gone");
    r.write(
        "articles/e.md",
        &article(
            "Deal, wrong",
            "Scale AI was valued at $45 billion in the deal.",
        ),
    );
    r.run(&[
        "check",
        "--baseline",
        ".claimcheck-baseline.json",
        "articles/",
    ])
    .expect(1, &["error[conflict]", "$45 billion", "articles/e.md"], &[]);
}

// 6. A suppressed figure appears in no finding, note, message or annotation: only in
// the suppressions used.
#[test]
fn a_suppressed_figure_is_quoted_nowhere() {
    let r = Repo::new();
    r.write(
        "articles/a.md",
        &article("Deal", "Scale AI was valued at $29 billion in the deal."),
    )
    .write(
        "articles/b.md",
        &article("Deal again", "Scale AI was valued at $29 billion in the deal."),
    )
    .write(
        "articles/c.md",
        &article("Deal, low", "Scale AI was valued at $10 billion in the deal."),
    )
    .write(
        "articles/old.md",
        &article(
            "Deal, old",
            "<!-- claimcheck-disable-next-line: corrected later -->\nScale AI was valued at $45 billion in the deal.",
        ),
    );
    for format in ["human", "markdown", "github", "junit", "sarif"] {
        r.run(&["check", "--format", format, "articles/"])
            .expect(1, &["$10 billion"], &[])
            .lacks("$45 billion");
    }
    let mut json = r.run(&["check", "--format", "json", "articles/"]).json();
    let used = json["suppressions"].take();
    let rest = json.to_string();
    assert!(
        rest.contains("$10 billion") && !rest.contains("$45 billion"),
        "{rest}"
    );
    assert_eq!(used[0]["doc"], "articles/old.md", "{json:#}");
    assert_eq!(used[0]["line"], 7);
    assert_eq!(used[0]["reason"], "corrected later");
    assert_eq!(used[0]["claims"][0]["text"], "$45 billion");
}

// 7. `--changed FILE` takes one file per flag: the archive path after it stays the
// archive; leaving the archive out by accident is an error.
#[test]
fn changed_takes_one_file_and_leaves_the_archive_path_alone() {
    let r = wire_room();
    r.write(
        "notes/todo.md",
        &article("Todo", "Scale AI was valued at $1 billion in the deal."),
    );
    // `articles/` is the archive, not a changed file: notes/ is not read.
    let out = r.run(&["check", "--changed", "articles/wire.jsonl", "articles/"]);
    out.expect(1, &["5 documents", "wire-002"], &[])
        .lacks("$1 billion");
    r.run(&[
        "check",
        "--changed",
        "articles/a.md",
        "--changed",
        "articles/wire.jsonl",
        "articles/",
    ])
    .expect(1, &["5 documents", "wire-002"], &[]);
    r.run(&["check", "--changed", "articles/wire.jsonl"])
        .expect(
            2,
            &[],
            &["--changed needs the archive to compare the changed files with"],
        );
    // A file after the flag is part of the archive, and the run says so.
    r.run(&[
        "check",
        "--changed",
        "articles/wire.jsonl",
        "articles/a.md",
        "articles/",
    ])
    .expect(
        1,
        &["wire-002"],
        &["warning: articles/a.md is read as part of the archive, not as a changed file"],
    );
}

// 9. A JSON record's figures are located by its file and line, with the record id
// beside it, in every output for people and CI.
#[test]
fn json_records_are_located_by_their_file_and_line() {
    let r = wire_room();
    let place = "articles/wire.jsonl:2 (record wire-002)";
    r.run(&["check", "articles/"])
        .expect(1, &[&format!("--> {place}"), place], &[])
        .lacks(" wire-002:1");
    r.run(&["check", "--format", "markdown", "articles/"])
        .expect(
            1,
            &["[articles/wire.jsonl:2 (record wire-002)](articles/wire.jsonl#L2)"],
            &[],
        )
        .lacks("(wire-002#");
    let junit = r.run(&["check", "--format", "junit", "articles/"]);
    junit.expect(1, &[place], &[]).lacks(" wire-002:1");
    r.run(&["check", "--all", "articles/"])
        .expect(1, &[place], &[]);
}

// 10. A house-fact conflict is an error whatever `[severity]` says of its attribute;
// only the fact itself can set another severity.
#[test]
fn severity_of_an_attribute_does_not_downgrade_a_house_fact_conflict() {
    let r = Repo::new();
    r.write(
        "articles/a.md",
        &article("Deal", "Scale AI was valued at $29 billion in the deal."),
    );
    let fact =
        "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\nvalue = \"$14 billion\"\n";
    r.write(
        "claimcheck.toml",
        &format!("[severity]\nvaluation = \"info\"\n\n{fact}"),
    );
    r.run(&["check", "articles/"])
        .expect(1, &["error[fact_conflict]", "1 error"], &[]);
    r.write(
        "claimcheck.toml",
        &format!("[severity]\nvaluation = \"info\"\n\n{fact}severity = \"warning\"\n"),
    );
    r.run(&["check", "articles/"])
        .expect(0, &["warning[fact_conflict]", "1 warning"], &[]);
    r.write("claimcheck.toml", &format!("{fact}severity = \"fatal\"\n"));
    r.run(&["check", "articles/"])
        .expect(2, &[], &["line 5", "severity"]);
}

/// The hook's `entry` as `.pre-commit-hooks.yaml` declares it.
fn hook_entry() -> Vec<String> {
    let hooks = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .unwrap();
    let line = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry:"))
        .expect("an entry");
    line.split_whitespace().map(String::from).collect()
}

// 5. The pre-commit hook takes `args:` (baseline, fail-on, config) and the staged files,
// composed the way pre-commit composes them: entry, then args, then the files.
#[test]
fn the_pre_commit_hook_takes_args_and_the_staged_files() {
    let r = wire_room();
    r.write("claimcheck-ci.toml", "include = [\"articles/**\"]\n");
    r.run(&[
        "check",
        "--write-baseline",
        ".claimcheck-baseline.json",
        "articles/",
    ])
    .expect(0, &[], &[]);
    let entry = hook_entry();
    assert_eq!(entry[0], "claimcheck");
    let compose = |args: &[&str], files: &[&str]| -> Out {
        let mut all: Vec<&str> = entry[1..].iter().map(String::as_str).collect();
        all.extend(args);
        all.extend(files);
        r.run(&all)
    };
    let args = [
        "--baseline",
        ".claimcheck-baseline.json",
        "--fail-on",
        "warning",
        "--config",
        "claimcheck-ci.toml",
    ];
    // Staged articles whose conflict is baselined pass.
    compose(&args, &["articles/a.md", "articles/wire.jsonl"])
        .expect(0, &["5 documents"], &[])
        .lacks("error[");
    // A staged article with a new contradiction fails, against the whole archive.
    r.write(
        "articles/new.md",
        &article("New", "Scale AI was valued at $45 billion in the deal."),
    );
    compose(&args, &["articles/new.md"]).expect(1, &["$45 billion", "articles/new.md"], &[]);
    // A baselined house-fact conflict written with `articles/` stays accepted when the
    // hook walks `.`: ids never start with `./`, so fingerprints match.
    r.write(
        "facts.toml",
        "[[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\nvalue = \"$10 billion\"\n",
    );
    std::fs::remove_file(r.path("articles/new.md")).unwrap();
    r.run(&[
        "check",
        "--facts",
        "facts.toml",
        "--write-baseline",
        ".claimcheck-baseline.json",
        "articles/",
    ])
    .expect(0, &[], &["wrote 5 findings"]);
    compose(
        &[
            "--facts",
            "facts.toml",
            "--baseline",
            ".claimcheck-baseline.json",
        ],
        &["articles/a.md"],
    )
    .expect(0, &[], &[])
    .lacks("fact_conflict");
    // Without args too.
    compose(&[], &["articles/a.md"]).expect(1, &["wire-002"], &[]);
}

// 12. Every number in the config is range-checked; the error names key, file and line.
#[test]
fn config_numbers_out_of_range_are_errors_naming_the_key_and_line() {
    let r = wire_room();
    let cases: &[(&str, &str)] = &[
        (
            "[hedges]\napprox = nan\n",
            "line 2: `hedges.approx`: nan is not a number",
        ),
        (
            "[hedges]\napprox = -5\n",
            "line 2: `hedges.approx`: -5 is out of range",
        ),
        (
            "[hedges]\napprox = inf\n",
            "line 2: `hedges.approx`: inf is not a number",
        ),
        (
            "[hedges]\nnearly = 1.5\n",
            "line 2: `hedges.nearly`: 1.5 is out of range",
        ),
        (
            "[matching]\ntolerance = nan\n",
            "line 2: `matching.tolerance`: nan is not a number",
        ),
        (
            "\n[matching]\nname-similarity = 2\n",
            "line 3: `matching.name-similarity`: 2 is out of range",
        ),
        (
            "[matching]\nsame-quantity-ratio = 0.5\n",
            "line 2: `matching.same-quantity-ratio`: 0.5 is out of range",
        ),
        (
            "[rates]\ntolerance = nan\nusd = { EUR = 1.1 }\n",
            "line 2: `rates.tolerance`",
        ),
    ];
    for (config, stderr) in cases {
        r.write("claimcheck.toml", config);
        r.run(&["check", "articles/"]).expect(
            2,
            &[],
            &["claimcheck.toml: invalid config: ", stderr],
        );
    }
}

/// Runs with a deadline, so a run that would hang fails the test instead.
fn run_within(r: &Repo, args: &[&str], secs: u64) -> Out {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(r.path(""))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run claimcheck");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed().as_secs() >= secs {
            child.kill().ok();
            child.wait().ok();
            panic!("claimcheck {args:?} still running after {secs}s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

// 12. A FIFO given as an article, a baseline, a config or a facts file is refused at
// once, never opened (it would block forever).
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_wherever_a_file_is_expected() {
    let r = wire_room();
    let made = Command::new("mkfifo")
        .arg(r.path("pipe.md"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let refused = "pipe.md: not a regular file (a FIFO, socket or device); refused";
    run_within(&r, &["check", "pipe.md", "articles/"], 10).expect(2, &[], &[refused]);
    for flag in ["--baseline", "--config", "--facts"] {
        run_within(&r, &["check", flag, "pipe.md", "articles/"], 10).expect(2, &[], &[refused]);
    }
}

// 12. Baseline writes: a failure says what could not be written; a stale temporary
// file is reused, not piled up; a symlinked baseline is written through to its target.
#[cfg(unix)]
#[test]
fn baseline_writes_report_failures_reuse_temp_files_and_follow_symlinks() {
    let r = wire_room();
    r.run(&[
        "check",
        "--write-baseline",
        "missing/dir/b.json",
        "articles/",
    ])
    .expect(2, &[], &["missing/dir/b.json: cannot write: "])
    .lacks("cannot read");

    r.write(
        "ci/.b.json.claimcheck-tmp",
        "half a baseline from a killed run",
    );
    r.write(
        "ci/.b.json.4242.tmp",
        "half a baseline from an older version",
    );
    r.run(&["check", "--write-baseline", "ci/b.json", "articles/"])
        .expect(0, &[], &["wrote 1 finding"]);
    let left: Vec<String> = std::fs::read_dir(r.path("ci"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["b.json"]);

    std::os::unix::fs::symlink("ci/b.json", r.path("link.json")).unwrap();
    r.run(&["check", "--write-baseline", "link.json", "articles/"])
        .expect(0, &[], &[]);
    let meta = std::fs::symlink_metadata(r.path("link.json")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    r.run(&["check", "--baseline", "link.json", "articles/"])
        .expect(0, &[], &[]);
}

// 12. Front-matter problems are warnings naming the file and line; the article is
// still checked.
#[test]
fn front_matter_problems_are_warnings_naming_file_and_line() {
    let r = wire_room();
    r.write(
        "articles/open.md",
        "---\ntitle: Never closed\ndate: 2025-06-13\n\nScale AI was valued at $29 billion.\n",
    )
    .write(
        "articles/bad-toml.md",
        "+++\ntitle = \"Deal\nDate = 2025-06-13\n+++\nScale AI was valued at $29 billion.\n",
    )
    .write(
        "articles/bad-yaml.md",
        "---\ntitle: Deal\nthis line is no field\ndate: some day soon\n---\nScale AI was valued at $29 billion.\n",
    );
    r.run(&["check", "articles/"]).expect(
        1,
        &["8 documents"],
        &[
            "claimcheck: warning: articles/open.md:1: front matter opened with `---` is never closed",
            "claimcheck: warning: articles/bad-toml.md:2: TOML front matter does not parse",
            "claimcheck: warning: articles/bad-yaml.md:3: YAML front matter line \"this line is no field\" is not `key: value`",
            "claimcheck: warning: articles/bad-yaml.md:4: `date` \"some day soon\" is not a date",
        ],
    );
    // extract warns the same way and still exits 0.
    r.run(&["extract", "articles/open.md"]).expect(
        0,
        &["$29 billion"],
        &["warning: articles/open.md:1: front matter"],
    );
}

// 12. A report that cannot be written is exit 2 with a message, never lost silently.
#[cfg(unix)]
#[test]
fn a_report_that_cannot_be_written_is_an_error() {
    let r = wire_room();
    let bin = env!("CARGO_BIN_EXE_claimcheck");
    let sh = |redirect: &str| -> Out {
        r.run_with(&[], |cmd| {
            *cmd = Command::new("sh");
            cmd.arg("-c")
                .arg(format!("exec \"$0\" check articles/ {redirect}"))
                .arg(bin)
                .current_dir(r.path(""))
                .env("NO_COLOR", "1");
        })
    };
    #[cfg(target_os = "linux")]
    sh(">&-").expect(
        2,
        &[],
        &["claimcheck: cannot write the output to standard output: standard output is closed"],
    );
    // Sending the report to /dev/null on purpose is not an error.
    sh(">/dev/null").expect(1, &[], &[]);
    if std::path::Path::new("/dev/full").exists() {
        sh(">/dev/full").expect(
            2,
            &[],
            &["claimcheck: cannot write the output to standard output: No space left on device"],
        );
    }
}

// 11. What a Vale/typos/ruff user expects: --quiet, --output, config --show naming its
// file, completions, a summary counting agreeing groups, singular wording, JUnit counts
// that match the groups, and no dead SARIF link.
#[test]
fn the_flags_a_linter_user_expects_are_there() {
    let r = wire_room();
    r.write(
        "articles/stake.md",
        &article("Stake", "Meta took a 49% stake in Scale AI."),
    )
    .write(
        "articles/stake2.md",
        &article("Stake too", "Meta took a 49% stake in Scale AI.\n\n<!-- claimcheck-disable-next-line -->\nNothing here."),
    );
    // The summary counts agreeing groups; one unused suppression is singular.
    let out = r.run(&["check", "articles/"]);
    out.expect(
        1,
        &["2 groups (1 agree): 1 error, 0 warnings, 0 info (1 unused suppression)"],
        &[],
    );
    // --quiet: only the findings.
    let quiet = r.run(&["check", "--quiet", "articles/"]);
    quiet.expect(1, &["error[conflict]", "warning[unused-suppression]"], &[]);
    assert!(!quiet.stdout.contains("documents,"), "{quiet:#?}");
    // --output FILE: the report goes to the file, stdout stays empty, the exit code holds.
    let to_file = r.run(&[
        "check",
        "--format",
        "json",
        "--output",
        "report.json",
        "articles/",
    ]);
    to_file.expect(1, &[], &[]);
    assert!(to_file.stdout.is_empty(), "{to_file:#?}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(r.path("report.json")).unwrap()).unwrap();
    assert_eq!(json["summary"]["errors"], 1);
    r.run(&["check", "--output", "no/such/dir/r.txt", "articles/"])
        .expect(2, &[], &["no/such/dir/r.txt: cannot write"]);
    // config --show names the file it loaded.
    r.write("claimcheck.toml", "[hedges]\napprox = 0.2\n");
    r.run(&["config", "--show"]).expect(
        0,
        &["# loaded from ", "claimcheck.toml", "approx = 0.2"],
        &[],
    );
    std::fs::remove_file(r.path("claimcheck.toml")).unwrap();
    r.run(&["config", "--show"])
        .expect(0, &["# no claimcheck.toml found", "approx = 0.1"], &[]);
    // Shell completions.
    for shell in ["bash", "zsh", "fish"] {
        r.run(&["completions", shell])
            .expect(0, &["claimcheck", "baseline", "changed-since"], &[]);
    }
    // JUnit: the groups suite has one case per group, agreeing ones passing.
    r.run(&["check", "--format", "junit", "articles/"]).expect(
        1,
        &[
            r#"<testsuite name="claimcheck.groups" tests="2" failures="1""#,
            r#"<testsuite name="claimcheck.suppressions" tests="1""#,
        ],
        &[],
    );
    // SARIF names no dead link (claimcheck is not on crates.io).
    r.run(&["check", "--format", "sarif", "articles/"])
        .expect(1, &["\"name\": \"claimcheck\""], &[])
        .lacks("crates.io");
    // Writing a baseline of one finding says so in the singular.
    r.run(&["check", "--write-baseline", "b.json", "articles/"])
        .expect(0, &[], &["wrote 1 finding to b.json"]);
}
