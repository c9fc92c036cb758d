//! The `claimcheck` binary: parses arguments, runs the library, picks a renderer and
//! maps the outcome to an exit code (0 clean, 1 findings, 2 usage or input error).

use claimcheck::config_file::{effective_config, show_config};
use claimcheck::gate::{gate_fails, FailOn};
use claimcheck::report::{
    render, render_claims, ClaimFormat, ColorChoice, OutputFormat, RenderOptions, RepoPaths,
};
use claimcheck::run::{run_check as run_check_with, same_file, CheckOptions};
use claimcheck::snapshot::{run_snapshot, SnapshotMode};
use claimcheck::{check, extract_all, load_paths, Config, Error, Severity};
use clap::{Args, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Checks whether articles agree on their facts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Threads to analyse documents on (default: one per core). The output is the same
    /// for any number.
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(Subcommand)]
enum Command {
    /// List every numeric and dated claim in the inputs.
    Extract {
        /// Files or directories to read; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimFormat::Human)]
        format: ClaimFormat,
        /// Read this config file instead of the `claimcheck.toml` found from here up.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Compare the claims of the inputs and report where they disagree (the CI gate).
    Check(CheckArgs),
    /// Explain how the figures at FILE:LINE[:COL] were read and whether they were
    /// compared (their quantity, subject and time, the rule and words that decided them,
    /// and their group's verdict or why they were not compared).
    Explain {
        /// The place to explain: `FILE:LINE` or `FILE:LINE:COL` (1-based).
        target: String,
        /// The other documents to compare with. Default: FILE's directory.
        paths: Vec<PathBuf>,
        /// Read this config file instead of the `claimcheck.toml` found from here up.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Keep each document's claims in an insta `.snap` file (`snapshots/` beside it) and
    /// say which figures drifted: new or changed snapshots are written as `.snap.new`.
    Snapshot {
        /// Files or directories to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write nothing; exit 1 when a document's claims differ from its snapshot (or it
        /// has none), with the figures that changed, appeared or disappeared.
        #[arg(long, conflicts_with = "update")]
        check: bool,
        /// Accept the current claims: write `.snap` files and remove `.snap.new` ones.
        #[arg(long)]
        update: bool,
        /// Keep all snapshots in this directory instead of `snapshots/` beside each document.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Read this config file instead of the `claimcheck.toml` found from here up.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print a shell completion script (`claimcheck completions bash > …`).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Manage the archive cache (`check --cache`).
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Show the effective configuration.
    Config {
        /// Print the effective config as TOML, defaults included.
        #[arg(long)]
        show: bool,
        /// Read this config file instead of the `claimcheck.toml` found from here up.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum CacheAction {
    /// Delete the cache folder and everything in it.
    Clear {
        /// The cache folder.
        #[arg(default_value = claimcheck::cache::DEFAULT_DIR)]
        dir: PathBuf,
    },
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to read; `-` reads standard input. Default: `.`.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Fail (exit 1) on findings at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::At(Severity::Error))]
    fail_on: FailOn,
    /// Exit 0 even when findings reach `--fail-on` (errors still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Also list groups whose sources agree.
    #[arg(long)]
    all: bool,
    /// Read this config file instead of the `claimcheck.toml` found from here up.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// House facts (TOML `[[facts]]` entries) every claim must agree with.
    #[arg(long, value_name = "FILE")]
    facts: Vec<PathBuf>,
    /// Fail only on findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only findings that involve this file (repeat for each changed file); the
    /// PATHS are still the whole archive to compare it with.
    #[arg(long, value_name = "FILE", conflicts_with = "changed_since")]
    changed: Vec<PathBuf>,
    /// Compare with the archive at this path (repeatable) and take the PATHS as the
    /// changed files, reporting only findings that involve them: the form of the
    /// pre-commit hook, where the staged files come last.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["changed", "changed_since"])]
    archive: Vec<PathBuf>,
    /// Report only findings that involve a file changed since this git ref (plus
    /// untracked files).
    #[arg(long, value_name = "GITREF")]
    changed_since: Option<String>,
    /// Print only the findings: no summary line, no informational notices (human format).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Exit 0 when no input document is found (by default an error, exit 2).
    #[arg(long)]
    allow_empty: bool,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Keep each document's analysis in DIR (default `.claimcheck-cache`) and reuse it
    /// when the document, config and version are unchanged.
    #[arg(long, value_name = "DIR", num_args = 0..=1,
          default_missing_value = claimcheck::cache::DEFAULT_DIR)]
    cache: Option<PathBuf>,
    /// Neither read nor write the cache, even with `--cache`.
    #[arg(long)]
    no_cache: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.jobs {
        // Only fails when a pool was already built, which nothing here does.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global();
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // Only writing the output fails with an io::Error here; inputs are reported
            // as the library's errors.
            eprintln!("claimcheck: cannot write the output to standard output: {e}");
            ExitCode::from(2)
        }
    }
}

/// Whether standard output was closed when the program started. The Rust runtime then
/// opens `/dev/null` read-write in its place, where a shell's `>/dev/null` opens it
/// write-only; on Linux `/proc` tells the two apart. Elsewhere: never detected.
fn stdout_was_closed() -> bool {
    #[cfg(target_os = "linux")]
    {
        let null = std::fs::read_link("/proc/self/fd/1")
            .is_ok_and(|p| p == std::path::Path::new("/dev/null"));
        let read_write = std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        });
        null && read_write
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Standard output, buffered, such that every write error reaches us: the standard
/// library's handle silently drops writes to a closed standard output, which would lose
/// the report.
fn stdout_writer() -> std::io::Result<Box<dyn Write>> {
    if stdout_was_closed() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotConnected,
            "standard output is closed",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = std::io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map_err(|e| {
                std::io::Error::new(e.kind(), format!("standard output is closed ({e})"))
            })?;
        Ok(Box::new(std::io::BufWriter::new(std::fs::File::from(fd))))
    }
    #[cfg(not(unix))]
    {
        Ok(Box::new(std::io::BufWriter::new(std::io::stdout())))
    }
}

fn run(cli: Cli) -> std::io::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Explain {
            target,
            paths,
            config,
        } => run_explain(&target, paths, config.as_deref()),
        Command::Snapshot {
            paths,
            check,
            update,
            dir,
            config,
        } => {
            let mode = if check {
                SnapshotMode::Check
            } else if update {
                SnapshotMode::Update
            } else {
                SnapshotMode::Write
            };
            run_snapshot_command(&paths, dir.as_deref(), config.as_deref(), mode)
        }
        Command::Completions { shell } => {
            let mut out = stdout_writer()?;
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "claimcheck", &mut out);
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config { show, config } => {
            let loaded = match effective_config(config.as_deref(), &current_dir()) {
                Ok(c) => c,
                Err(e) => return Ok(usage_error(&e)),
            };
            let mut out = stdout_writer()?;
            if show {
                match &loaded.path {
                    Some(p) => writeln!(out, "# loaded from {}", p.display())?,
                    None => writeln!(
                        out,
                        "# no claimcheck.toml found from the current directory up: the defaults"
                    )?,
                }
                write!(out, "{}", show_config(&loaded.config))?;
            } else {
                writeln!(
                    out,
                    "use `claimcheck config --show` to print the effective config"
                )?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Cache {
            action: CacheAction::Clear { dir },
        } => match claimcheck::cache::clear(&dir) {
            Ok(true) => {
                eprintln!("claimcheck: removed the cache {}", dir.display());
                Ok(ExitCode::SUCCESS)
            }
            Ok(false) => {
                eprintln!("claimcheck: no cache at {}", dir.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("claimcheck: cannot remove the cache {}: {e}", dir.display());
                Ok(ExitCode::from(2))
            }
        },
        Command::Extract {
            paths,
            format,
            config,
        } => {
            let config = match config_here(config.as_deref()) {
                Ok(c) => c,
                Err(e) => return Ok(usage_error(&e)),
            };
            let (docs, errors) = load_paths(&paths);
            for e in &errors {
                eprintln!("claimcheck: {e}");
            }
            let errors: Vec<&Error> = errors.iter().filter(|e| !e.is_warning()).collect();
            let claims = extract_all(&docs, &config);
            let mut out = stdout_writer()?;
            render_claims(&docs, &claims, format, &mut out)?;
            out.flush()?;
            Ok(if errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
    }
}

/// `claimcheck snapshot PATHS [--check | --update] [--dir DIR]`.
fn run_snapshot_command(
    paths: &[PathBuf],
    dir: Option<&Path>,
    config: Option<&Path>,
    mode: SnapshotMode,
) -> std::io::Result<ExitCode> {
    let config = match config_here(config) {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(&e)),
    };
    let (outcomes, warnings) = match run_snapshot(paths, dir, &config, mode) {
        Ok(r) => r,
        Err(e) => return Ok(usage_error(&e)),
    };
    for w in &warnings {
        eprintln!("claimcheck: {w}");
    }
    let mut out = stdout_writer()?;
    let drifted: Vec<_> = outcomes.iter().filter(|o| o.drifted()).collect();
    for o in &drifted {
        let path = o.path.display();
        match (mode, o.new) {
            (SnapshotMode::Check, true) => {
                writeln!(out, "{}: no snapshot ({path} missing)", o.doc)?
            }
            (SnapshotMode::Check, false) => writeln!(out, "{}: claims differ from {path}", o.doc)?,
            (SnapshotMode::Write, _) => writeln!(
                out,
                "{}: {} snapshot written to {path}.new",
                o.doc,
                if o.new { "new" } else { "changed" }
            )?,
            (SnapshotMode::Update, _) => writeln!(out, "{}: accepted into {path}", o.doc)?,
        }
        if !o.new {
            write!(out, "{}", o.drift.describe())?;
        }
    }
    let n = drifted.len();
    let total = outcomes.len();
    match mode {
        SnapshotMode::Check if n > 0 => writeln!(
            out,
            "{n} of {total} snapshots drifted; review, then accept with `claimcheck snapshot --update`"
        )?,
        SnapshotMode::Check => writeln!(out, "{total} snapshots match")?,
        SnapshotMode::Write if n > 0 => writeln!(
            out,
            "{n} of {total} snapshots pending as .snap.new; accept with `claimcheck snapshot --update` (or `cargo insta review`)"
        )?,
        SnapshotMode::Write => writeln!(out, "{total} snapshots match")?,
        SnapshotMode::Update => writeln!(out, "{n} of {total} snapshots accepted")?,
    }
    out.flush()?;
    Ok(if mode == SnapshotMode::Check && n > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `claimcheck explain FILE:LINE[:COL] [PATHS…]`.
fn run_explain(
    target: &str,
    paths: Vec<PathBuf>,
    config: Option<&Path>,
) -> std::io::Result<ExitCode> {
    let config = match config_here(config) {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(&e)),
    };
    let Some((file, line, column)) = parse_target(target) else {
        return Ok(usage_error(&format!(
            "explain: `{target}` is not FILE:LINE or FILE:LINE:COL (1-based line and column)"
        )));
    };
    let file = PathBuf::from(file);
    if !file.is_file() {
        return Ok(usage_error(&format!("{}: no such file", file.display())));
    }
    let paths = if paths.is_empty() {
        vec![file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)]
    } else {
        let mut p = paths;
        p.push(file.clone());
        p
    };
    let (mut docs, errors) = load_paths(&paths);
    for e in &errors {
        eprintln!("claimcheck: {e}");
    }
    // The file may be reached through a directory: one copy of each document.
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs.dedup_by(|a, b| same_file(&a.id, &b.id));
    let Some(doc) = docs
        .iter()
        .find(|d| same_file(&d.id, &file.to_string_lossy()))
    else {
        return Ok(usage_error(&format!(
            "{}: not read (is it a supported text, Markdown, HTML or JSON file?)",
            file.display()
        )));
    };
    let report = check(&docs, &config);
    let items = claimcheck::explain::explain(&report, &doc.id, line, column);
    let mut out = stdout_writer()?;
    if items.is_empty() {
        writeln!(
            out,
            "{}:{line}{}: no figure there",
            doc.id,
            column.map_or(String::new(), |c| format!(":{c}"))
        )?;
    } else {
        write!(out, "{}", claimcheck::explain::render_explanations(&items))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `FILE:LINE` or `FILE:LINE:COL` → (file, line, column).
fn parse_target(t: &str) -> Option<(&str, usize, Option<usize>)> {
    let (rest, last) = t.rsplit_once(':')?;
    let last: usize = last.parse().ok()?;
    match rest.rsplit_once(':') {
        Some((file, line)) if line.parse::<usize>().is_ok() && !file.is_empty() => {
            Some((file, line.parse().ok()?, Some(last)))
        }
        _ if !rest.is_empty() => Some((rest, last, None)),
        _ => None,
    }
}

fn usage_error(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("claimcheck: {e}");
    ExitCode::from(2)
}

/// The config from `--config`, else the `claimcheck.toml` found from the current
/// directory up, else the defaults.
fn config_here(path: Option<&Path>) -> Result<Config, Error> {
    Ok(effective_config(path, &current_dir())?.config)
}

fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

fn run_check(args: CheckArgs) -> std::io::Result<ExitCode> {
    let opts = CheckOptions {
        paths: args.paths,
        config: args.config,
        facts: args.facts,
        baseline: args.baseline,
        write_baseline: args.write_baseline,
        changed: args.changed,
        archive: args.archive,
        changed_since: args.changed_since,
        allow_empty: args.allow_empty,
        cwd: current_dir(),
        cache: args.cache.filter(|_| !args.no_cache),
    };
    let run = match run_check_with(&opts) {
        Ok(r) => r,
        Err(e) => return Ok(usage_error(&e)),
    };
    for e in &run.input_errors {
        eprintln!("claimcheck: {e}");
    }
    for w in &run.warnings {
        eprintln!("claimcheck: warning: {w}");
    }
    let input_failed = !run.input_errors.is_empty();
    if let Some((path, n)) = &run.wrote_baseline {
        let findings = if *n == 1 { "finding" } else { "findings" };
        eprintln!("claimcheck: wrote {n} {findings} to {}", path.display());
        return Ok(if input_failed {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        });
    }
    let opts = RenderOptions {
        color: args.color.enabled(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
        all: args.all,
        quiet: args.quiet,
        fail_on: args.fail_on,
        repo: github_workspace(),
        ..RenderOptions::default()
    };
    if let Some(path) = &args.output {
        let mut bytes = Vec::new();
        render(&run.report, &run.docs, args.format, &opts, &mut bytes)?;
        if let Err(e) = claimcheck::fsio::write_atomic(path, &bytes) {
            return Ok(usage_error(&e));
        }
    } else {
        let mut out = stdout_writer()?;
        render(&run.report, &run.docs, args.format, &opts, &mut out)?;
        out.flush()?;
    }
    Ok(if input_failed {
        ExitCode::from(2)
    } else if gate_fails(&run.report, args.fail_on) && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Inside a GitHub Actions job, the workspace (repository root) and where the current
/// directory sits in it, so annotations and SARIF name files from the root.
fn github_workspace() -> Option<RepoPaths> {
    let ws = std::env::var_os("GITHUB_WORKSPACE").filter(|v| !v.is_empty())?;
    let root = std::fs::canonicalize(ws).ok()?;
    let cwd = std::fs::canonicalize(std::env::current_dir().ok()?).ok()?;
    let rel = cwd.strip_prefix(&root).ok()?;
    let mut prefix: String = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    if !prefix.is_empty() {
        prefix.push('/');
    }
    Some(RepoPaths { root, prefix })
}
