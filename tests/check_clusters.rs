//! The whole `check` pipeline on story clusters (several outlets on one story each, with
//! planted agreements, conflicts, hedged near-misses and time-scoped changes) and on the
//! user's seed articles: the verdicts the clusters' ground truth (`tests/clusters/
//! *.expected.md`) calls for, a snapshot of the report in every output format, and
//! byte-identical output whatever the order of the inputs.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const CORPORA: &[&str] = &[
    "seeds",
    "fixtures/clusters/acquisition",
    "fixtures/clusters/disaster",
    "fixtures/clusters/results",
];

const FORMATS: &[&str] = &["human", "markdown", "json", "github", "sarif", "junit"];

fn run(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_WORKSPACE")
        .output()
        .expect("run claimcheck");
    (
        String::from_utf8(out.stdout).expect("utf-8 output"),
        out.status.code().unwrap_or(-1),
    )
}

fn findings(corpus: &str) -> Vec<(String, String, String)> {
    let (json, _) = run(&["check", "--format", "json", corpus]);
    let v: Value = serde_json::from_str(&json).expect("json report");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["verdict"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
                f["attribute"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn has(found: &[(String, String, String)], verdict: &str, subject: &str, attribute: &str) -> bool {
    found
        .iter()
        .any(|(v, s, a)| v == verdict && s == subject && a == attribute)
}

fn count(found: &[(String, String, String)], verdict: &str) -> usize {
    found.iter().filter(|(v, _, _)| v == verdict).count()
}

#[test]
fn acquisition_cluster_flags_the_planted_conflicts_and_nothing_else() {
    let f = findings("fixtures/clusters/acquisition");
    assert!(
        has(&f, "conflict", "Tessellate Robotics", "ownership_stake"),
        "{f:?}"
    );
    assert!(has(&f, "conflict", "Daniel Okafor", "age"), "{f:?}");
    assert!(
        has(&f, "derived_conflict", "Ruth Castellanos", "age"),
        "{f:?}"
    );
    assert!(
        has(&f, "time_scoped", "Tessellate Robotics", "valuation"),
        "{f:?}"
    );
    assert_eq!(count(&f, "conflict"), 2, "{f:?}");
    // Daniela Okoro (56) is another person than Daniel Okafor (41/42).
    assert!(!f.iter().any(|(_, s, _)| s == "Daniela Okoro"), "{f:?}");
}

#[test]
fn results_cluster_flags_revenue_and_keeps_percentages_apart() {
    let f = findings("fixtures/clusters/results");
    assert!(has(&f, "conflict", "Norvane Systems", "revenue"), "{f:?}");
    assert!(
        has(
            &f,
            "conflict_scope_uncertain",
            "Norvane Systems",
            "headcount"
        ),
        "{f:?}"
    );
    assert_eq!(count(&f, "conflict"), 1, "{f:?}");
    assert_eq!(count(&f, "conflict_scope_uncertain"), 1, "{f:?}");
}

#[test]
fn disaster_cluster_flags_the_same_day_toll_difference_and_shows_growing_tolls_as_timelines() {
    let f = findings("fixtures/clusters/disaster");
    // 78 on Monday against 81 as of Monday evening: two reports of one day may be two
    // updates of a running toll, so the difference is flagged with an uncertain scope.
    assert!(
        f.iter()
            .any(|(v, _, a)| v == "conflict_scope_uncertain" && a == "deaths"),
        "{f:?}"
    );
    assert!(!f.iter().any(|(v, _, _)| v == "conflict"), "{f:?}");
    assert!(
        f.iter()
            .any(|(v, _, a)| v == "time_scoped" && a == "injuries"),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(v, _, a)| v == "time_scoped" && a == "evacuated"),
        "{f:?}"
    );
}

#[test]
fn seeds_flag_the_valuation_and_agree_on_the_deal() {
    let f = findings("seeds");
    assert!(
        has(&f, "conflict_scope_uncertain", "Scale AI", "valuation"),
        "{f:?}"
    );
    let (json, _) = run(&["check", "--all", "--format", "json", "seeds"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let agree: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["verdict"] == "agree")
        .map(|f| {
            (
                f["subject"].as_str().unwrap_or_default().to_string(),
                f["attribute"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        agree.contains(&("Scale AI".into(), "investment_amount".into())),
        "{agree:?}"
    );
    assert!(
        agree.contains(&("Scale AI".into(), "ownership_stake".into())),
        "{agree:?}"
    );
    // No group mixes Alexandr Wang with Lawrence Wong or Wang Yi.
    for c in v["claims"].as_array().unwrap() {
        if c["subject"] == "Alexandr Wang" {
            let s = c["sentence"].as_str().unwrap_or_default();
            assert!(
                !s.contains("Lawrence Wong") && !s.contains("Wang Yi"),
                "{s}"
            );
        }
    }
    // The layoffs' 14% and Wang's estimated 14% stake are different groups.
    let attrs: Vec<(&str, &str)> = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["text"].as_str().is_some_and(|t| t.contains("14%")))
        .map(|c| {
            (
                c["text"].as_str().unwrap_or_default(),
                c["attribute"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(attrs.contains(&("14%", "layoffs_percent")), "{attrs:?}");
    assert!(
        attrs.contains(&("an estimated 14%", "ownership_stake")),
        "{attrs:?}"
    );
}

#[test]
fn report_snapshots_in_every_format() {
    for corpus in CORPORA {
        for format in FORMATS {
            let mut args = vec!["check", "--format", format, corpus];
            if *format == "human" {
                args.extend(["--color", "never"]);
            }
            let (mut text, code) = run(&args);
            assert!(code == 0 || code == 1, "{corpus} {format}: exit {code}");
            if *format == "json" {
                // The claims of a corpus are covered by the claim tables of
                // fixtures/claims; here the findings and summary are what is reviewed.
                let mut v: Value = serde_json::from_str(&text).unwrap();
                v.as_object_mut().unwrap().remove("claims");
                text = serde_json::to_string_pretty(&v).unwrap();
            }
            let name = format!(
                "{}_{format}",
                Path::new(corpus)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("corpus")
            );
            insta::with_settings!({filters => vec![(r#""version": "\d+\.\d+\.\d+""#, r#""version": "[version]""#)]}, {
                insta::assert_snapshot!(name, text);
            });
        }
    }
}

#[test]
fn output_is_identical_across_runs_and_input_orders() {
    for corpus in CORPORA {
        let (a, _) = run(&["check", "--all", "--format", "json", corpus]);
        let (b, _) = run(&["check", "--all", "--format", "json", corpus]);
        assert_eq!(a, b, "{corpus}: two runs differ");
        let mut files: Vec<String> =
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(corpus))
                .unwrap()
                .map(|e| format!("{corpus}/{}", e.unwrap().file_name().to_string_lossy()))
                .collect();
        files.sort();
        files.reverse();
        let mut args = vec!["check", "--all", "--format", "json"];
        args.extend(files.iter().map(String::as_str));
        let (c, _) = run(&args);
        assert_eq!(a, c, "{corpus}: file order changes the output");
    }
}

#[test]
fn stories_checked_together_keep_apart() {
    // One run over every story finds exactly what the separate runs find: no figure of
    // one story joins a group of another.
    let mut separate: Vec<(String, String, String)> =
        CORPORA.iter().flat_map(|c| findings(c)).collect();
    separate.sort();
    let (json, _) = run(&["check", "--format", "json", "seeds", "fixtures/clusters"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let mut together: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["verdict"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
                f["attribute"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    together.sort();
    assert_eq!(separate, together);
}

#[test]
fn clusters_with_errors_fail_the_gate() {
    let (_, code) = run(&["check", "fixtures/clusters/acquisition"]);
    assert_eq!(code, 1);
    let (_, code) = run(&["check", "seeds"]);
    assert_eq!(code, 0, "the seeds hold warnings only");
    let (_, code) = run(&["check", "--fail-on", "warning", "seeds"]);
    assert_eq!(code, 1);
}

#[test]
fn annotations_for_json_records_point_at_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        concat!(
            r#"{"id": "a-1", "published": "2025-06-13", "text": "Acme Corp chief executive Jane Roe, 54, spoke."}"#,
            "\n",
            r#"{"id": "a-2", "published": "2025-06-13", "text": "Acme Corp chief executive Jane Roe, 57, spoke."}"#,
            "\n"
        ),
    )
    .unwrap();
    let path = feed.to_string_lossy().to_string();
    let (out, code) = run(&["check", "--format", "github", &path]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("file={path},line=1,")), "{out}");
    assert!(out.contains(&format!("file={path},line=2,")), "{out}");
    assert!(!out.contains("file=a-1"), "{out}");
}

#[test]
fn an_age_at_founding_and_the_founding_year_check_a_later_age() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    std::fs::write(
        &a,
        "---\ndate: 2025-06-13\n---\nSince he co-founded Acme Robotics at 19, Jon Vale has grown it. Acme Robotics was founded in 2016.\n",
    )
    .unwrap();
    let b = dir.path().join("b.md");
    std::fs::write(
        &b,
        "---\ndate: 2025-06-13\n---\nAcme Robotics chief executive Jon Vale, 35, spoke on Monday.\n",
    )
    .unwrap();
    let (json, _) = run(&[
        "check",
        "--format",
        "json",
        &a.to_string_lossy(),
        &b.to_string_lossy(),
    ]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let derived: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["verdict"] == "derived_conflict" && f["subject"] == "Jon Vale")
        .collect();
    assert_eq!(derived.len(), 1, "{json}");
}
