//! Every `claimcheck` command in the README's "Use in CI" section and in docs/ci.md (shell
//! blocks and the `run:` steps of the workflow examples) works when copied verbatim into a
//! newsroom repository: it runs with the built binary on PATH and never exits 2 (usage,
//! config or input error).

use std::path::Path;
use std::process::Command;

/// The commands a reader would copy: `claimcheck …` lines of ```sh blocks, and the
/// `claimcheck …` steps (with `\` continuations) of ```yaml blocks.
fn commands(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("```") {
        let after = &rest[start + 3..];
        let lang_end = after.find('\n').unwrap_or(after.len());
        let lang = after[..lang_end].trim();
        let body_start = (lang_end + 1).min(after.len());
        let Some(end) = after[body_start..].find("```") else {
            break;
        };
        let body = &after[body_start..body_start + end];
        if lang == "sh" || lang == "yaml" {
            let mut lines = body.lines();
            while let Some(line) = lines.next() {
                let l = line.trim();
                let l = l.strip_prefix("- ").unwrap_or(l);
                let l = l.strip_prefix("run:").map_or(l, str::trim);
                if !l.starts_with("claimcheck ") {
                    continue;
                }
                let mut cmd = l.to_string();
                while cmd.ends_with('\\') {
                    cmd.pop();
                    match lines.next() {
                        Some(next) => cmd.push_str(next.trim()),
                        None => break,
                    }
                }
                // A trailing `# comment` in a shell block.
                if let Some(i) = cmd.find("  #").or_else(|| cmd.find(" # ")) {
                    cmd.truncate(i);
                }
                out.push(cmd.trim().replace("${{ github.base_ref }}", "main"));
            }
        }
        rest = &after[body_start + end + 3..];
    }
    out
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn git(root: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "git {args:?}");
}

#[test]
fn every_ci_command_in_the_docs_runs_in_a_newsroom() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let ci_section = readme
        .split("\n## ")
        .find(|s| s.starts_with("Use in CI"))
        .expect("a Use in CI section");
    let ci_md = std::fs::read_to_string(format!("{root}/docs/ci.md")).unwrap();
    let mut cmds = commands(ci_section);
    cmds.extend(commands(&ci_md));
    assert!(cmds.len() >= 8, "found only {cmds:?}");
    for needle in [
        "--changed-since \"origin/main\" articles/",
        "--changed news/a.md --changed news/b.md",
        ">> \"$GITHUB_STEP_SUMMARY\"",
        "--format sarif",
        "--baseline .claimcheck-baseline.json articles/",
    ] {
        assert!(
            cmds.iter().any(|c| c.contains(needle)),
            "no command with {needle:?} in {cmds:#?}"
        );
    }

    let dir = tempfile::tempdir().unwrap();
    let room = dir.path();
    let article = |title: &str, body: &str| {
        format!("---\ntitle: {title}\ndate: 2025-06-13\n---\n# {title}\n\n{body}\n")
    };
    write(
        room,
        "articles/a.md",
        &article("A", "Scale AI was valued at $29 billion."),
    );
    write(
        room,
        "articles/b.md",
        &article("B", "Scale AI was valued at $10 billion."),
    );
    write(
        room,
        "news/a.md",
        &article("C", "Scale AI was valued at $29 billion."),
    );
    git(room, &["init", "-q"]);
    git(room, &["config", "user.email", "desk@example.com"]);
    git(room, &["config", "user.name", "desk"]);
    git(room, &["add", "."]);
    git(room, &["commit", "-q", "-m", "archive"]);
    git(room, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    write(
        room,
        "news/b.md",
        &article("D", "Scale AI was valued at $45 billion."),
    );

    let bin_dir = Path::new(env!("CARGO_BIN_EXE_claimcheck"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |cmd: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .current_dir(room)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env("GITHUB_STEP_SUMMARY", room.join("summary.md"))
            .env_remove("GITHUB_WORKSPACE")
            .output()
            .unwrap()
    };
    // The docs write the baseline before the workflow reads it.
    let first = run("claimcheck check --write-baseline .claimcheck-baseline.json articles/");
    assert_eq!(first.status.code(), Some(0));
    for cmd in &cmds {
        let out = run(cmd);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "`{cmd}` exited {:?}:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
