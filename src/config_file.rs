//! Reading `claimcheck.toml`: finding it in the current directory or above, parsing it
//! into a [`Config`] with errors that name the key, the file and the line, reading
//! `--facts` files, and matching the path globs the config gives (`include`, `exclude`,
//! `[[ignore]]`) against document ids.

use crate::config::Config;
use crate::error::{Error, ErrorKind};
use crate::facts::{resolve_fact, Fact, FactsFile};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::de::DeserializeOwned;
use std::path::{Component, Path, PathBuf};

/// The name of the config file looked for.
pub const CONFIG_FILE_NAME: &str = "claimcheck.toml";

/// The `claimcheck.toml` in `start` or the nearest directory above it.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(CONFIG_FILE_NAME))
        .find(|p| p.is_file())
}

/// The config a run uses, and where it came from.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    /// The parsed config (the defaults when no file was found).
    pub config: Config,
    /// The file it was read from; `None` when the defaults are used.
    pub path: Option<PathBuf>,
    /// The directory the config's path globs are relative to.
    pub base: PathBuf,
    /// The line each of the config's `[[facts]]` names its subject on.
    pub fact_lines: Vec<usize>,
}

/// The config from `path` when given, else the `claimcheck.toml` found from `cwd` up,
/// else the defaults.
pub fn effective_config(path: Option<&Path>, cwd: &Path) -> Result<LoadedConfig, Error> {
    let found = match path {
        Some(p) => Some(p.to_path_buf()),
        None => find_config(cwd),
    };
    match found {
        Some(p) => {
            let (config, text) = load_config_text(&p)?;
            let fact_lines = fact_lines(&text, config.facts.len());
            let base = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf);
            Ok(LoadedConfig {
                config,
                path: Some(p),
                base,
                fact_lines,
            })
        }
        None => Ok(LoadedConfig {
            config: Config::default(),
            path: None,
            base: cwd.to_path_buf(),
            fact_lines: Vec::new(),
        }),
    }
}

/// Reads and parses a config file; facts in it are checked to have a readable value.
pub fn load_config(path: &Path) -> Result<Config, Error> {
    load_config_text(path).map(|(config, _)| config)
}

/// [`load_config`], also returning the text read.
fn load_config_text(path: &Path) -> Result<(Config, String), Error> {
    let text = crate::fsio::read_regular(path)?;
    let config: Config = parse_toml(&text, path)?;
    check_numbers(&text, &config).map_err(|e| Error::new(path, ErrorKind::Config(e)))?;
    check_rates(&config.rates).map_err(|e| Error::new(path, ErrorKind::Config(e)))?;
    validate_config(&text, &config).map_err(|e| Error::new(path, ErrorKind::Config(e)))?;
    check_facts_in(&text, path, &config.facts, &config)?;
    Ok((config, text))
}

/// The 1-based line of the config file where each fact's `subject` is written (its
/// `[[facts]]` header when the key cannot be found), in order.
pub fn fact_lines(text: &str, n: usize) -> Vec<usize> {
    (0..n)
        .map(|i| {
            key_line(text, "facts", Some(i), "subject")
                .or_else(|| header_line(text, "facts", i))
                .unwrap_or(1)
        })
        .collect()
}

/// One number to check: table, key, value, its range in words, and whether the value is
/// in it.
type NumberCheck = (
    &'static str,
    &'static str,
    f64,
    &'static str,
    fn(f64) -> bool,
);

/// Checks every tunable number is finite and in its range; the message names the
/// dotted key and its line.
fn check_numbers(text: &str, config: &Config) -> Result<(), String> {
    let h = &config.hedges;
    let m = &config.matching;
    let checks: [NumberCheck; 6] = [
        ("hedges", "approx", h.approx, "from 0 up to 1", |v| {
            (0.0..1.0).contains(&v)
        }),
        ("hedges", "nearly", h.nearly, "from 0 up to 1", |v| {
            (0.0..1.0).contains(&v)
        }),
        (
            "matching",
            "name-similarity",
            m.name_similarity,
            "above 0, at most 1",
            |v| v > 0.0 && v <= 1.0,
        ),
        (
            "matching",
            "tolerance",
            m.tolerance,
            "from 0 up to 1",
            |v| (0.0..1.0).contains(&v),
        ),
        (
            "matching",
            "same-quantity-ratio",
            m.same_quantity_ratio,
            "1 or more",
            |v| v >= 1.0,
        ),
        (
            "rates",
            "tolerance",
            config.rates.tolerance,
            "from 0 up to 1",
            |v| (0.0..1.0).contains(&v),
        ),
    ];
    for (table, key, v, range, ok) in checks {
        let problem = if !v.is_finite() {
            let shown = if v.is_nan() {
                "nan".to_string()
            } else {
                format!("{v}")
            };
            format!("{shown} is not a number; it must be {range}")
        } else if !ok(v) {
            format!("{v} is out of range; it must be {range}")
        } else {
            continue;
        };
        let dotted = format!("{table}.{key}");
        return Err(match key_line(text, table, None, key) {
            Some(l) => format!("line {l}: `{dotted}`: {problem}"),
            None => format!("`{dotted}`: {problem}"),
        });
    }
    Ok(())
}

/// Checks the names and values serde cannot: dates, currency codes and attribute
/// names. The message starts `line N: `key`:` and offers the closest known name.
fn validate_config(text: &str, config: &Config) -> Result<(), String> {
    let at = |line: Option<usize>, key: &str, msg: String| match line {
        Some(l) => format!("line {l}: `{key}`: {msg}"),
        None => format!("`{key}`: {msg}"),
    };
    if let Some(d) = &config.reference_date {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            return Err(at(
                key_line(text, "", None, "reference-date"),
                "reference-date",
                format!("{d:?} is not a date: write YYYY-MM-DD, e.g. \"2025-06-30\""),
            ));
        }
    }
    let d = &config.dollar;
    if !(d.len() == 3 && d.chars().all(|c| c.is_ascii_uppercase())) {
        return Err(at(
            key_line(text, "", None, "dollar"),
            "dollar",
            format!("{d:?} is not an ISO 4217 currency code (three capital letters, e.g. \"USD\")"),
        ));
    }
    for (i, names) in config.distinct.iter().enumerate() {
        if names.len() < 2 || names.iter().any(|n| n.trim().is_empty()) {
            return Err(at(
                key_line(text, "", None, "distinct"),
                "distinct",
                format!("entry {i} ({names:?}) must list two or more names that are never merged"),
            ));
        }
    }
    for (canon, others) in &config.aliases {
        if canon.trim().is_empty() || others.iter().any(|n| n.trim().is_empty()) {
            return Err(at(
                key_line(text, "aliases", None, canon),
                &format!("aliases.{canon}"),
                "a name is empty".into(),
            ));
        }
    }
    let builtin = crate::attribute::builtin_attribute_names();
    for (name, phrases) in &config.attributes {
        if !builtin.contains(name) {
            if let Some(close) = did_you_mean(name, &builtin) {
                return Err(at(
                    key_line(text, "attributes", None, name),
                    &format!("attributes.{name}"),
                    format!(
                        "unknown attribute {name:?}; did you mean {close:?}? (a new attribute \
                         needs a name not this close to a built-in one)"
                    ),
                ));
            }
        }
        if phrases.iter().any(|p| p.trim().is_empty()) {
            return Err(at(
                key_line(text, "attributes", None, name),
                &format!("attributes.{name}"),
                "an empty trigger phrase would match everywhere".into(),
            ));
        }
    }
    let known = crate::attribute::attribute_names(config);
    for name in config.severity.keys() {
        check_attribute(name, &known).map_err(|m| {
            at(
                key_line(text, "severity", None, name),
                &format!("severity.{name}"),
                m,
            )
        })?;
    }
    for (i, rule) in config.ignore.iter().enumerate() {
        for name in &rule.attributes {
            check_attribute(name, &known).map_err(|m| {
                at(
                    key_line(text, "ignore", Some(i), "attributes"),
                    &format!("ignore[{i}].attributes"),
                    m,
                )
            })?;
        }
    }
    check_fact_names(text, &config.facts, &known)
}

/// Checks each fact names a known attribute and a subject.
fn check_fact_names(
    text: &str,
    facts: &[Fact],
    known: &std::collections::BTreeSet<String>,
) -> Result<(), String> {
    for (i, f) in facts.iter().enumerate() {
        let line = |key: &str| {
            key_line(text, "facts", Some(i), key)
                .or_else(|| header_line(text, "facts", i))
                .map_or(String::new(), |l| format!("line {l}: "))
        };
        check_attribute(&f.attribute, known)
            .map_err(|m| format!("{}`facts[{i}].attribute`: {m}", line("attribute")))?;
        if f.subject.trim().is_empty() {
            return Err(format!(
                "{}`facts[{i}].subject`: the subject is empty",
                line("subject")
            ));
        }
    }
    Ok(())
}

/// `Ok` for a known attribute name, else the error with the closest known name.
fn check_attribute(name: &str, known: &std::collections::BTreeSet<String>) -> Result<(), String> {
    if known.contains(name) {
        return Ok(());
    }
    Err(match did_you_mean(name, known) {
        Some(close) => format!("unknown attribute {name:?}; did you mean {close:?}?"),
        None => format!(
            "unknown attribute {name:?}; known attributes: {}",
            known
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// The known name closest to `name`, when close enough to be what was meant.
pub fn did_you_mean<'a>(
    name: &str,
    known: impl IntoIterator<Item = &'a String>,
) -> Option<&'a str> {
    let lower = name.to_lowercase();
    known
        .into_iter()
        .map(|k| {
            let kl = k.to_lowercase();
            let prefix = kl.starts_with(&lower) || lower.starts_with(&kl);
            let score = strsim::jaro_winkler(&lower, &kl).max(if prefix && lower.len() >= 4 {
                0.9
            } else {
                0.0
            });
            (score, k)
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k.as_str())
}

/// The 1-based line of `key = …` in table `table` ("" for the top level; for an array
/// of tables, its `nth` entry).
pub fn key_line(text: &str, table: &str, nth: Option<usize>, key: &str) -> Option<usize> {
    let mut header = String::new();
    let mut index = 0usize;
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for (i, raw) in text.split('\n').enumerate() {
        let l = raw.trim();
        if let Some(h) = l.strip_prefix("[[") {
            header = h.split("]]").next().unwrap_or("").trim().to_string();
            let c = counts.entry(header.clone()).or_default();
            index = *c;
            *c += 1;
            continue;
        }
        if let Some(h) = l.strip_prefix('[') {
            header = h.split(']').next().unwrap_or("").trim().to_string();
            index = 0;
            continue;
        }
        if header != table || nth.is_some_and(|n| n != index) {
            continue;
        }
        if let Some((k, _)) = l.split_once('=') {
            if k.trim().trim_matches(|c| c == '"' || c == '\'') == key {
                return Some(i + 1);
            }
        }
    }
    None
}

/// The 1-based line of the `nth` `[[table]]` header.
fn header_line(text: &str, table: &str, nth: usize) -> Option<usize> {
    let header = format!("[[{table}]]");
    text.split('\n')
        .enumerate()
        .filter(|(_, l)| l.trim().starts_with(&header))
        .nth(nth)
        .map(|(n, _)| n + 1)
}

/// Checks `[rates]`: three-letter upper-case codes, positive finite rates, a readable
/// date and a tolerance between 0 and 1.
fn check_rates(r: &crate::config::Rates) -> Result<(), String> {
    for (code, rate) in &r.usd {
        let code_ok = code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase());
        if !code_ok {
            return Err(format!(
                "`rates.usd.{code}`: not an ISO 4217 currency code (three capital letters)"
            ));
        }
        if !(rate.is_finite() && *rate > 0.0) {
            return Err(format!(
                "`rates.usd.{code}`: the rate must be a positive number"
            ));
        }
    }
    if let Some(d) = &r.date {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            return Err(format!("`rates.date`: \"{d}\" is not a YYYY-MM-DD date"));
        }
    }
    if !(0.0..1.0).contains(&r.tolerance) {
        return Err("`rates.tolerance`: must be between 0 and 1".into());
    }
    Ok(())
}

/// Reads a `--facts` file (`[[facts]]` entries), checking each has a readable value.
pub fn load_facts_file(path: &Path, config: &Config) -> Result<FactsFile, Error> {
    let text = crate::fsio::read_regular(path)?;
    let mut file: FactsFile = parse_toml(&text, path)?;
    let known = crate::attribute::attribute_names(config);
    check_fact_names(&text, &file.facts, &known)
        .map_err(|e| Error::new(path, ErrorKind::Config(e)))?;
    check_facts_in(&text, path, &file.facts, config)?;
    file.lines = fact_lines(&text, file.facts.len());
    Ok(file)
}

/// Checks every fact has a readable value; the error names the line of the fact's
/// `[[facts]]` header.
fn check_facts_in(text: &str, path: &Path, facts: &[Fact], config: &Config) -> Result<(), Error> {
    for (i, f) in facts.iter().enumerate() {
        if let Err(e) = resolve_fact(f, config) {
            let key = if e.contains("as-of") {
                "as-of"
            } else if e.contains("value") {
                "value"
            } else {
                "low"
            };
            let line = key_line(text, "facts", Some(i), key)
                .or_else(|| header_line(text, "facts", i))
                .map(|n| format!("line {n}: "))
                .unwrap_or_default();
            return Err(Error::new(
                path,
                ErrorKind::Config(format!(
                    "{line}`facts[{i}]` ({} {}): {e}",
                    f.subject, f.attribute
                )),
            ));
        }
    }
    Ok(())
}

/// Parses TOML into `T`; an error says `line N: key: problem`.
pub fn parse_toml<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_string();
        let located = match e.span() {
            Some(span) => {
                let (line, key) = locate(text, span.start);
                match key {
                    Some(k) => format!("line {line}: `{k}`: {message}"),
                    None => format!("line {line}: {message}"),
                }
            }
            None => message,
        };
        Error::new(path, ErrorKind::Config(located))
    })
}

/// The 1-based line of `offset` and the dotted key written on that line (with the
/// enclosing `[table]` header), when the line holds `key = …` or a header.
fn locate(text: &str, offset: usize) -> (usize, Option<String>) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let lines: Vec<&str> = text.split('\n').collect();
    let this = lines.get(line - 1).map_or("", |l| l.trim());
    let header = lines
        .iter()
        .take(line.saturating_sub(1))
        .rev()
        .map(|l| l.trim())
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    if this.starts_with('[') {
        return (
            line,
            Some(
                this.trim_matches(|c| c == '[' || c == ']')
                    .trim()
                    .to_string(),
            ),
        );
    }
    let key = this
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty());
    let full = match (header, key) {
        (Some(h), Some(k)) => Some(format!("{h}.{k}")),
        (None, Some(k)) => Some(k),
        (h, None) => h,
    };
    (line, full)
}

/// Path globs matched against document ids, relative to a base directory (the config
/// file's) when one is given. A glob without `/` matches a file name at any depth.
#[derive(Debug, Clone)]
pub struct PathMatcher {
    set: GlobSet,
    base: Option<PathBuf>,
    empty: bool,
}

impl PathMatcher {
    /// Compiles `globs`; the error names the bad glob.
    pub fn new(globs: &[String], base: Option<&Path>) -> Result<Self, String> {
        let mut b = GlobSetBuilder::new();
        for g in globs {
            let pattern = if g.contains('/') {
                g.trim_start_matches("./")
                    .trim_start_matches('/')
                    .to_string()
            } else {
                format!("**/{g}")
            };
            let glob = GlobBuilder::new(&pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("bad glob {g:?}: {e}"))?;
            b.add(glob);
            // `dir/**` also matches the files of `dir/` itself and below; `dir` alone
            // matches everything under it.
            if !g.contains(['*', '?', '[', '{']) {
                if let Ok(g2) = GlobBuilder::new(&format!("{pattern}/**"))
                    .literal_separator(true)
                    .build()
                {
                    b.add(g2);
                }
            }
        }
        let set = b.build().map_err(|e| e.to_string())?;
        Ok(PathMatcher {
            set,
            base: base.and_then(|p| std::fs::canonicalize(p).ok()),
            empty: globs.is_empty(),
        })
    }

    /// Whether no glob was given.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Whether the document id (a path as given) matches one of the globs.
    pub fn matches(&self, doc_id: &str) -> bool {
        if self.empty {
            return false;
        }
        let plain = normalize(Path::new(doc_id));
        if self.set.is_match(&plain) {
            return true;
        }
        if let Some(base) = &self.base {
            if let Ok(abs) = std::fs::canonicalize(doc_id) {
                if let Ok(rel) = abs.strip_prefix(base) {
                    return self.set.is_match(rel);
                }
            }
        }
        false
    }
}

/// A path without `.` components or leading `./`.
fn normalize(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// Keeps the documents (by id) that pass `include` (when given) and not `exclude`.
pub fn select_paths(id: &str, include: &PathMatcher, exclude: &PathMatcher) -> bool {
    (include.is_empty() || include.matches(id)) && !exclude.matches(id)
}

/// The effective config as TOML, every default written out.
pub fn show_config(config: &Config) -> String {
    let mut s = toml::to_string_pretty(config).unwrap_or_else(|e| format!("# {e}\n"));
    if config.reference_date.is_none() {
        s.insert_str(
            0,
            "# reference-date: unset (each document's publication date)\n",
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        parse_toml::<Config>(text, Path::new("claimcheck.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn rates_are_checked() {
        let ok =
            parse("[rates]\ndate = \"2023-06-15\"\nusd = { EUR = 1.08, GBP = 1.27 }\n").unwrap();
        assert_eq!(ok.rates.to_usd("GBP"), Some(1.27));
        assert_eq!(ok.rates.to_usd("USD"), Some(1.0));
        assert_eq!(ok.rates.to_usd("JPY"), None);
        let bad = parse("[rates]\nusd = { euro = 1.08 }\n").unwrap();
        assert!(check_rates(&bad.rates)
            .unwrap_err()
            .contains("rates.usd.euro"));
        let bad = parse("[rates]\nusd = { EUR = -1.0 }\n").unwrap();
        assert!(check_rates(&bad.rates).is_err());
    }

    #[test]
    fn unknown_key_names_the_key_file_and_line() {
        let err = parse("[hedges]\napprox = 0.2\nnearlyy = 0.1\n").unwrap_err();
        assert!(err.contains("claimcheck.toml"), "{err}");
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("nearlyy"), "{err}");
    }

    #[test]
    fn wrong_type_names_the_dotted_key_and_line() {
        let err = parse("dollar = \"USD\"\n\n[hedges]\napprox = \"wide\"\n").unwrap_err();
        assert!(err.contains("line 4"), "{err}");
        assert!(err.contains("hedges.approx"), "{err}");
    }

    #[test]
    fn gate_settings_parse() {
        let c = parse(
            "include = [\"articles/**\"]\nexclude = [\"drafts/**\"]\n\
             [severity]\nage = \"warning\"\n\
             [[ignore]]\npath = \"archive/**\"\nattributes = [\"age\"]\n\
             [[facts]]\nsubject = \"Scale AI\"\nattribute = \"valuation\"\nlow = 13.5e9\nhigh = 14e9\n",
        )
        .unwrap();
        assert_eq!(c.include, vec!["articles/**"]);
        assert_eq!(
            c.severity.get("age"),
            Some(&crate::finding::Severity::Warning)
        );
        assert_eq!(c.ignore[0].attributes, vec!["age"]);
        assert_eq!(c.facts[0].high, Some(14e9));
    }

    #[test]
    fn bad_severity_is_an_error() {
        let err = parse("[severity]\nage = \"fatal\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn shown_config_parses_back_to_itself() {
        let mut c = Config::default();
        c.exclude.push("drafts/**".into());
        let shown = show_config(&c);
        assert_eq!(parse(&shown).unwrap(), c);
        assert!(shown.contains("approx = 0.1"), "{shown}");
    }

    #[test]
    fn config_is_found_in_a_parent_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE_NAME), "").unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(find_config(&sub), Some(dir.path().join(CONFIG_FILE_NAME)));
    }

    #[test]
    fn globs_match_relative_ids_and_bare_names() {
        let m = PathMatcher::new(&["archive/**".into(), "*.draft.md".into()], None).unwrap();
        assert!(m.matches("archive/2020/a.md"));
        assert!(m.matches("./archive/a.md"));
        assert!(m.matches("news/x.draft.md"));
        assert!(!m.matches("news/archive.md"));
        let dir = PathMatcher::new(&["archive".into()], None).unwrap();
        assert!(dir.matches("archive/a.md"));
    }

    #[test]
    fn include_and_exclude_select_documents() {
        let inc = PathMatcher::new(&["news/**".into()], None).unwrap();
        let exc = PathMatcher::new(&["news/drafts/**".into()], None).unwrap();
        assert!(select_paths("news/a.md", &inc, &exc));
        assert!(!select_paths("news/drafts/a.md", &inc, &exc));
        assert!(!select_paths("other/a.md", &inc, &exc));
        let none = PathMatcher::new(&[], None).unwrap();
        assert!(select_paths("other/a.md", &none, &none));
    }

    #[test]
    fn distinct_needs_two_names_and_aliases_no_empty_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(
            &path,
            "dollar = \"USD\"\ndistinct = [[\"Alexandr Wang\"]]\n",
        )
        .unwrap();
        let err = load_config(&path).unwrap_err().to_string();
        assert!(err.contains("line 2: `distinct`: entry 0"), "{err}");
        std::fs::write(&path, "[aliases]\n\"Scale AI\" = [\"\"]\n").unwrap();
        let err = load_config(&path).unwrap_err().to_string();
        assert!(
            err.contains("line 2: `aliases.Scale AI`: a name is empty"),
            "{err}"
        );
    }

    #[test]
    fn near_misses_get_the_closest_known_name() {
        let known: Vec<String> = ["valuation", "founding_year", "age"]
            .map(String::from)
            .to_vec();
        assert_eq!(did_you_mean("valuaton", &known), Some("valuation"));
        assert_eq!(did_you_mean("founded", &known), Some("founding_year"));
        assert_eq!(did_you_mean("weather", &known), None);
    }

    #[test]
    fn key_line_finds_keys_in_tables_and_array_entries() {
        let text = "a = 1\n[severity]\nage = \"info\"\n[[facts]]\nsubject = \"A\"\n[[facts]]\n\"subject\" = \"B\"\n";
        assert_eq!(key_line(text, "", None, "a"), Some(1));
        assert_eq!(key_line(text, "severity", None, "age"), Some(3));
        assert_eq!(key_line(text, "facts", Some(1), "subject"), Some(7));
        assert_eq!(key_line(text, "facts", Some(2), "subject"), None);
    }

    #[test]
    fn fact_without_a_value_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(
            &path,
            "[[facts]]\nsubject = \"A\"\nattribute = \"age\"\nlow = 1.0\n\n[[facts]]\nsubject = \"B\"\nattribute = \"age\"\n",
        )
        .unwrap();
        let err = load_config(&path).unwrap_err().to_string();
        assert!(err.contains("line 6"), "{err}");
        assert!(err.contains("facts[1]"), "{err}");
    }
}
