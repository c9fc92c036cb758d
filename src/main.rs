//! The `claimcheck` binary: parses arguments, runs the library, picks a renderer and
//! maps the outcome to an exit code (0 clean, 1 findings, 2 usage or input error).

use claimcheck::baseline::{baseline_from, read_baseline, write_baseline, Baseline};
use claimcheck::changed::{changed_since, ChangedSet};
use claimcheck::config_file::{
    find_config, load_config, load_facts_file, select_paths, show_config, PathMatcher,
};
use claimcheck::facts::resolve_facts;
use claimcheck::gate::{apply_gate, gate_fails, FailOn, GateSettings};
use claimcheck::report::{
    render, render_claims, ClaimFormat, OutputFormat, RenderOptions, RepoPaths,
};
use claimcheck::{check, extract_all, load_paths, Config, Document, Error, Severity};
use clap::{Args, Parser, Subcommand, ValueEnum};
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
}

#[derive(Subcommand)]
enum Command {
    /// List every numeric and dated claim in the inputs.
    Extract {
        /// Files or directories to read; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
        format: ExtractFormat,
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

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to read; `-` reads standard input. Default: `.`.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Fail (exit 1) on findings at or above this severity.
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    fail_on: FailLevel,
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
    /// Report only findings that involve one of these files.
    #[arg(long, value_name = "PATH", num_args = 1.., conflicts_with = "changed_since")]
    changed: Vec<PathBuf>,
    /// Report only findings that involve a file changed since this git ref (plus
    /// untracked files).
    #[arg(long, value_name = "GITREF")]
    changed_since: Option<String>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Markdown,
    Json,
    Github,
    Sarif,
    Junit,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailLevel {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Human,
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimcheck: {e}");
            ExitCode::from(2)
        }
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
        Command::Config { show, config } => {
            let (config, _) = match effective_config(config.as_deref()) {
                Ok(c) => c,
                Err(e) => return Ok(usage_error(&e)),
            };
            let mut out = std::io::stdout().lock();
            if show {
                write!(out, "{}", show_config(&config))?;
            } else {
                writeln!(
                    out,
                    "use `claimcheck config --show` to print the effective config"
                )?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            paths,
            format,
            config,
        } => {
            let (config, _) = match effective_config(config.as_deref()) {
                Ok(c) => c,
                Err(e) => return Ok(usage_error(&e)),
            };
            let (docs, errors) = load_paths(&paths);
            for e in &errors {
                eprintln!("claimcheck: {e}");
            }
            let claims = extract_all(&docs, &config);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let format = match format {
                ExtractFormat::Human => ClaimFormat::Human,
                ExtractFormat::Json => ClaimFormat::Json,
                ExtractFormat::Jsonl => ClaimFormat::Jsonl,
            };
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

/// `claimcheck explain FILE:LINE[:COL] [PATHS…]`.
fn run_explain(
    target: &str,
    paths: Vec<PathBuf>,
    config: Option<&Path>,
) -> std::io::Result<ExitCode> {
    let (config, _) = match effective_config(config) {
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
    let mut out = std::io::stdout().lock();
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

/// Whether two paths name the same file (as written, or once resolved).
fn same_file(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.trim_start_matches("./").to_string();
    strip(a) == strip(b)
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}

fn usage_error(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("claimcheck: {e}");
    ExitCode::from(2)
}

/// The config from `--config`, else the `claimcheck.toml` found from the current
/// directory up, else the defaults; with the directory globs are relative to.
fn effective_config(path: Option<&Path>) -> Result<(Config, PathBuf), Error> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let found = match path {
        Some(p) => Some(p.to_path_buf()),
        None => find_config(&cwd),
    };
    match found {
        Some(p) => {
            let config = load_config(&p)?;
            let base = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| cwd.clone(), Path::to_path_buf);
            Ok((config, base))
        }
        None => Ok((Config::default(), cwd)),
    }
}

fn run_check(args: CheckArgs) -> std::io::Result<ExitCode> {
    let (mut config, base) = match effective_config(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(&e)),
    };
    for f in &args.facts {
        match load_facts_file(f, &config) {
            Ok(file) => config.facts.extend(file.facts),
            Err(e) => return Ok(usage_error(&e)),
        }
    }
    let facts = match resolve_facts(&config.facts, &config) {
        Ok(f) => f,
        Err(e) => return Ok(usage_error(&e)),
    };
    let matcher = |globs: &[String]| PathMatcher::new(globs, Some(&base));
    let (include, exclude) = match (matcher(&config.include), matcher(&config.exclude)) {
        (Ok(i), Ok(e)) => (i, e),
        (Err(e), _) | (_, Err(e)) => return Ok(usage_error(&format!("config: {e}"))),
    };
    let mut ignore = Vec::new();
    for rule in &config.ignore {
        match matcher(std::slice::from_ref(&rule.path)) {
            Ok(m) => ignore.push((m, rule.clone())),
            Err(e) => return Ok(usage_error(&format!("config: ignore: {e}"))),
        }
    }
    let baseline: Option<Baseline> = match &args.baseline {
        Some(p) => match read_baseline(p) {
            Ok(b) => Some(b),
            Err(e) => return Ok(usage_error(&e)),
        },
        None => None,
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let changed: Option<ChangedSet> = if let Some(r) = &args.changed_since {
        match changed_since(r, &cwd) {
            Ok(c) => Some(c),
            Err(e) => return Ok(usage_error(&e)),
        }
    } else if !args.changed.is_empty() {
        Some(ChangedSet::new(args.changed.iter().cloned(), &cwd))
    } else {
        None
    };

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    // The gate's own files (baseline, facts, config) are never articles, even when a
    // directory walk meets them.
    let own_files = ChangedSet::new(
        args.baseline
            .iter()
            .chain(&args.write_baseline)
            .chain(&args.facts)
            .chain(&args.config)
            .cloned(),
        &cwd,
    );
    let wanted = |id: &str| select_paths(id, &include, &exclude) && !own_files.contains_doc(id);
    let (docs, errors) = load_paths(&paths);
    let docs: Vec<Document> = docs
        .into_iter()
        .filter(|d| d.id == "-" || wanted(&d.id))
        .collect();
    let errors: Vec<Error> = errors
        .into_iter()
        .filter(|e| e.path.as_ref().is_none_or(|p| wanted(&p.to_string_lossy())))
        .collect();
    for e in &errors {
        eprintln!("claimcheck: {e}");
    }

    let report = check(&docs, &config);

    if let Some(path) = &args.write_baseline {
        let gated = apply_gate(
            report,
            &docs,
            &config,
            &GateSettings {
                facts: &facts,
                ignore: &ignore,
                baseline: None,
                changed: None,
            },
        );
        let b = baseline_from(&gated.report.findings, &gated.report.claims);
        if let Err(e) = write_baseline(path, &b) {
            return Ok(usage_error(&e));
        }
        eprintln!(
            "claimcheck: wrote {} findings to {}",
            b.findings.len(),
            path.display()
        );
        return Ok(if errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        });
    }

    let gated = apply_gate(
        report,
        &docs,
        &config,
        &GateSettings {
            facts: &facts,
            ignore: &ignore,
            baseline: baseline.as_ref(),
            changed: changed.as_ref(),
        },
    );
    let fail_on = match args.fail_on {
        FailLevel::Error => FailOn::At(Severity::Error),
        FailLevel::Warning => FailOn::At(Severity::Warning),
        FailLevel::Info => FailOn::At(Severity::Info),
        FailLevel::Never => FailOn::Never,
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let opts = RenderOptions {
        color,
        all: args.all,
        fail_on,
        repo: github_workspace(),
        ..RenderOptions::default()
    };
    let format = match args.format {
        CheckFormat::Human => OutputFormat::Human,
        CheckFormat::Markdown => OutputFormat::Markdown,
        CheckFormat::Json => OutputFormat::Json,
        CheckFormat::Github => OutputFormat::Github,
        CheckFormat::Sarif => OutputFormat::Sarif,
        CheckFormat::Junit => OutputFormat::Junit,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    render(&gated, &docs, format, &opts, &mut out)?;
    out.flush()?;
    Ok(if !errors.is_empty() {
        ExitCode::from(2)
    } else if gate_fails(&gated, fail_on) && !args.exit_zero {
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
