//! CLI behaviour as data: each `tests/cases/*.toml` is a sequence of steps played in one
//! scratch directory. A step writes its files, runs `claimcheck ARGS`, and the command,
//! exit code, stdout and stderr of every step are pinned in one snapshot named after the
//! case (`tests/snapshots/cli_cases__NAME.snap`, reviewed with `cargo insta review`).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::process::{Command, Stdio};

/// One case file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    step: Vec<Step>,
}

/// One command of a case, after writing its files.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    args: Vec<String>,
    #[serde(default)]
    files: BTreeMap<String, String>,
}

fn play(case: &Case) -> String {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut transcript = String::new();
    for step in &case.step {
        for (rel, text) in &step.files {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text.trim_start_matches('\n')).unwrap();
        }
        let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(&step.args)
            .current_dir(root)
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_WORKSPACE")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let root_str = root.to_string_lossy();
        let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(root_str.as_ref(), "[ROOT]");
        transcript.push_str(&format!(
            "$ claimcheck {}\nexit: {}\n--- stdout\n{}--- stderr\n{}\n",
            step.args.join(" "),
            out.status.code().map_or("signal".into(), |c| c.to_string()),
            clean(&out.stdout),
            clean(&out.stderr),
        ));
    }
    transcript
}

#[test]
fn every_cli_case() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 11, "cases: {paths:?}");
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let case: Case =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, play(&case));
    }
}
