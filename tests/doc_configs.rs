//! Every `toml` example in the README and docs/ is a config a user can copy: each must
//! load with `claimcheck config --show --config FILE` (exit 0).

use std::process::Command;

fn toml_blocks(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("```toml\n") {
        let body = &rest[start + 8..];
        let Some(end) = body.find("```") else { break };
        // Examples inside list items are indented; TOML does not mind, but strip it.
        let text: Vec<&str> = body[..end].lines().map(str::trim_start).collect();
        out.push(text.join("\n"));
        rest = &body[end + 3..];
    }
    out
}

#[test]
fn every_config_example_in_the_docs_loads() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = vec![format!("{root}/README.md")];
    for e in std::fs::read_dir(format!("{root}/docs")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            files.push(p.to_string_lossy().to_string());
        }
    }
    files.sort();
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, block) in toml_blocks(&text).into_iter().enumerate() {
            // A `[[facts]]`-only block is a facts file, loaded with --facts.
            let path = dir.path().join(format!("example{n}.toml"));
            std::fs::write(&path, &block).unwrap();
            let facts_only = block
                .lines()
                .filter(|l| l.trim_start().starts_with('['))
                .all(|l| l.trim() == "[[facts]]");
            let out = if facts_only {
                Command::new(env!("CARGO_BIN_EXE_claimcheck"))
                    .args(["check", "--facts"])
                    .arg(&path)
                    .arg(format!("{root}/seeds"))
                    .output()
                    .unwrap()
            } else {
                Command::new(env!("CARGO_BIN_EXE_claimcheck"))
                    .args(["config", "--show", "--config"])
                    .arg(&path)
                    .output()
                    .unwrap()
            };
            assert!(
                out.status.code() != Some(2),
                "{f}: toml example {i} does not load:\n{block}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            n += 1;
        }
    }
    assert!(n >= 2, "found only {n} toml examples");
}
