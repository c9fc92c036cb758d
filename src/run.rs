//! The `check` command's wiring, as a library call: [`CheckOptions`] (what the flags
//! say) → [`run_check`] → a [`CheckRun`] (the gated report, the documents it quotes,
//! input errors and warnings). It reads the config, facts and baseline, loads and
//! selects the documents, runs [`check`] and the [`gate`](mod@crate::gate),
//! and writes a baseline when asked. The binary only renders the result and picks the
//! exit code.

use crate::baseline::{baseline_from, read_baseline, write_baseline};
use crate::cache::Cache;
use crate::changed::{changed_since, ChangedSet};
use crate::claim::Claim;
use crate::config::Config;
use crate::config_file::{
    did_you_mean, effective_config, load_facts_file, select_paths, PathMatcher,
};
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::facts::{canonical, resolve_facts};
use crate::gate::{apply_gate, GateReport, GateSettings};
use crate::load::load_paths;
use crate::pipeline::{check, check_cached};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What one `claimcheck check` run is asked to do.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Files or directories to read; `-` reads standard input. Empty means `.`.
    pub paths: Vec<PathBuf>,
    /// The config file; `None` looks for `claimcheck.toml` from `cwd` up.
    pub config: Option<PathBuf>,
    /// Extra house-fact files.
    pub facts: Vec<PathBuf>,
    /// The baseline whose findings do not fail the run.
    pub baseline: Option<PathBuf>,
    /// Where to record the current findings as a baseline instead of gating.
    pub write_baseline: Option<PathBuf>,
    /// Pull-request mode: report only findings that involve these files.
    pub changed: Vec<PathBuf>,
    /// Pull-request mode with the archive named apart: when given, `paths` are the
    /// changed files and these are the archive they are compared with.
    pub archive: Vec<PathBuf>,
    /// Pull-request mode from git: files changed since this ref, plus untracked ones.
    pub changed_since: Option<String>,
    /// Accept a run with no input documents (otherwise an error).
    pub allow_empty: bool,
    /// The directory relative paths are read against.
    pub cwd: PathBuf,
    /// Keep each document's analysis in this folder and reuse it in later runs.
    pub cache: Option<PathBuf>,
}

/// What a run produced, for the caller to render.
#[derive(Debug)]
pub struct CheckRun {
    /// The documents checked, sorted by id (renderers quote their lines).
    pub docs: Vec<Document>,
    /// The report after the gate.
    pub report: GateReport,
    /// Inputs that could not be read; the run exits 2 when there are any.
    pub input_errors: Vec<Error>,
    /// Problems that do not stop the run, one line each, for standard error.
    pub warnings: Vec<String>,
    /// With `write_baseline`: the file written and how many findings it records.
    pub wrote_baseline: Option<(PathBuf, usize)>,
}

/// Runs `check` as the options say. An `Err` is a usage, config or baseline error
/// (exit 2) and nothing was checked.
pub fn run_check(opts: &CheckOptions) -> Result<CheckRun, Error> {
    let cwd = &opts.cwd;
    let loaded = effective_config(opts.config.as_deref(), cwd)?;
    let mut config = loaded.config;
    let base = loaded.base;
    // Where each fact is written, for warnings: (file, line).
    let config_name = loaded
        .path
        .as_ref()
        .map_or_else(String::new, |p| p.display().to_string());
    let mut fact_origins: Vec<(String, usize)> = loaded
        .fact_lines
        .iter()
        .map(|&l| (config_name.clone(), l))
        .collect();
    for f in &opts.facts {
        let file = load_facts_file(f, &config)?;
        fact_origins.extend(file.lines.iter().map(|&l| (f.display().to_string(), l)));
        config.facts.extend(file.facts);
    }
    let facts = resolve_facts(&config.facts, &config).map_err(Error::msg)?;
    let matcher = |globs: &[String]| PathMatcher::new(globs, Some(&base));
    let config_error = |e: String| Error {
        path: loaded.path.clone(),
        kind: ErrorKind::Config(e),
    };
    let include = matcher(&config.include).map_err(config_error)?;
    let exclude = matcher(&config.exclude).map_err(config_error)?;
    let mut ignore = Vec::new();
    for rule in &config.ignore {
        let m = matcher(std::slice::from_ref(&rule.path))
            .map_err(|e| config_error(format!("ignore: {e}")))?;
        ignore.push((m, rule.clone()));
    }
    let baseline = opts.baseline.as_deref().map(read_baseline).transpose()?;
    let changed: Option<ChangedSet> = match &opts.changed_since {
        Some(r) => Some(changed_since(r, cwd)?),
        None if !opts.changed.is_empty() => {
            Some(ChangedSet::new(opts.changed.iter().cloned(), cwd))
        }
        None if !opts.archive.is_empty() => {
            if opts.paths.is_empty() {
                return Err(Error::msg(
                    "--archive: no changed files given after the options (the pre-commit \
                     hook passes the staged files there)",
                ));
            }
            Some(ChangedSet::new(opts.paths.iter().cloned(), cwd))
        }
        None => None,
    };

    let mut warnings = Vec::new();
    if !opts.changed.is_empty() {
        if opts.paths.is_empty() {
            return Err(Error::msg(
                "--changed needs the archive to compare the changed files with: give its \
                 path after the options (`claimcheck check --changed news/a.md articles/`, or \
                 `.` for the current directory)",
            ));
        }
        // The old `--changed A B archive/` form: B is now read as archive, say so (an
        // archive given as files only is taken as meant).
        let has_dir = opts.paths.iter().any(|p| p.is_dir());
        for p in opts.paths.iter().filter(|_| has_dir) {
            if p.as_os_str() != "-" && p.is_file() {
                warnings.push(format!(
                    "{} is read as part of the archive, not as a changed file; give \
                     `--changed` once per changed file",
                    p.display()
                ));
            }
        }
    }
    let paths = if !opts.archive.is_empty() {
        // The changed files are read too, in case the archive paths do not reach them.
        opts.archive.iter().chain(&opts.paths).cloned().collect()
    } else if opts.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        opts.paths.clone()
    };
    // The gate's own files (baseline, facts, config) are never articles, even when a
    // directory walk meets them.
    let own_files = ChangedSet::new(
        opts.baseline
            .iter()
            .chain(&opts.write_baseline)
            .chain(&opts.facts)
            .chain(&opts.config)
            .cloned(),
        cwd,
    );
    let wanted = |id: &str| select_paths(id, &include, &exclude) && !own_files.contains_doc(id);
    let (docs, errors) = load_paths(&paths);
    let read = docs.len();
    let docs: Vec<Document> = docs
        .into_iter()
        .filter(|d| d.file() == "-" || wanted(d.file()))
        .collect();
    let (input_warnings, input_errors): (Vec<Error>, Vec<Error>) = errors
        .into_iter()
        .filter(|e| e.path.as_ref().is_none_or(|p| wanted(&p.to_string_lossy())))
        .partition(Error::is_warning);
    // Warnings print as `warning: …`; the caller prefixes `claimcheck: warning: `.
    warnings.extend(input_warnings.iter().map(|w| {
        w.to_string()
            .strip_prefix("warning: ")
            .map(str::to_string)
            .unwrap_or_default()
    }));

    if docs.is_empty() && input_errors.is_empty() && !opts.allow_empty {
        return Err(no_documents(
            &paths,
            read,
            &config.include,
            &config.exclude,
            loaded.path.as_deref(),
        ));
    }

    let report = match &opts.cache {
        Some(dir) => {
            let cache = Cache::new(cwd.join(dir), &config);
            let (report, cache_warnings) = check_cached(&docs, &config, &cache);
            warnings.extend(cache_warnings);
            report
        }
        None => check(&docs, &config),
    };
    warnings.extend(unmatched_fact_subjects(
        &config,
        &report.claims,
        &fact_origins,
    ));
    let mut settings = GateSettings {
        facts: &facts,
        ignore: &ignore,
        baseline: baseline.as_ref(),
        changed: changed.as_ref(),
    };
    if let Some(path) = &opts.write_baseline {
        settings.baseline = None;
        settings.changed = None;
        let gated = apply_gate(report, &docs, &config, &settings);
        let b = baseline_from(&gated.report.findings, &gated.report.claims);
        write_baseline(path, &b)?;
        return Ok(CheckRun {
            docs,
            report: gated,
            input_errors,
            warnings,
            wrote_baseline: Some((path.clone(), b.findings.len())),
        });
    }
    let report = apply_gate(report, &docs, &config, &settings);
    Ok(CheckRun {
        docs,
        report,
        input_errors,
        warnings,
        wrote_baseline: None,
    })
}

/// A warning for each house fact whose subject no claim of the run is about (a typo
/// there means the fact is never checked), naming where it is written.
fn unmatched_fact_subjects(
    config: &Config,
    claims: &[Claim],
    origins: &[(String, usize)],
) -> Vec<String> {
    let subjects: BTreeSet<&str> = claims.iter().filter_map(|c| c.subject.as_deref()).collect();
    let canon: BTreeSet<String> = subjects.iter().map(|s| canonical(s, config)).collect();
    let names: Vec<String> = subjects.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    for (i, f) in config.facts.iter().enumerate() {
        if canon.contains(&canonical(&f.subject, config)) {
            continue;
        }
        let at = origins
            .get(i)
            .map_or_else(String::new, |(file, line)| format!("{file}:{line}: "));
        let hint = did_you_mean(&f.subject, &names)
            .map_or_else(String::new, |n| format!("; did you mean {n:?}?"));
        out.push(format!(
            "{at}house fact subject {:?} matches no subject in the documents checked, so \
             its {} is checked against nothing{hint}",
            f.subject, f.attribute
        ));
    }
    out
}

/// The error of a run with nothing to check: the paths tried, and the globs that
/// left nothing of what they held.
fn no_documents(
    paths: &[PathBuf],
    read: usize,
    include: &[String],
    exclude: &[String],
    config: Option<&Path>,
) -> Error {
    let list = |v: &[String]| {
        v.iter()
            .map(|g| format!("{g:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let tried = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut msg = format!("no input documents: nothing to check in {tried}");
    if read == 0 {
        msg.push_str(" (no .md, .markdown, .html, .htm, .txt, .json or .jsonl file there)");
    } else {
        let file = config.map_or_else(|| "the config".to_string(), |p| p.display().to_string());
        msg.push_str(&format!(
            "; {read} document{} read, none selected by {file}",
            if read == 1 { "" } else { "s" }
        ));
        if !include.is_empty() {
            msg.push_str(&format!(" (include = [{}]", list(include)));
            if !exclude.is_empty() {
                msg.push_str(&format!(", exclude = [{}]", list(exclude)));
            }
            msg.push(')');
        } else if !exclude.is_empty() {
            msg.push_str(&format!(" (exclude = [{}])", list(exclude)));
        }
    }
    msg.push_str("; pass --allow-empty if an empty run is expected");
    Error::msg(msg)
}

/// Whether two paths name the same file (as written, or once resolved).
pub fn same_file(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.trim_start_matches("./").to_string();
    strip(a) == strip(b)
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}
