//! Every tunable number and list in one place: hedge widths, matching tolerances,
//! aliases and extra attribute triggers, and the gate's settings (paths to check,
//! severities, ignores, house facts). Defaults are documented on each field; a
//! `claimcheck.toml` file overrides them (see `config_file`).

use crate::facts::Fact;
use crate::finding::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The effective configuration of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// How hedged figures widen into intervals.
    pub hedges: Hedges,
    /// How claims are matched and compared.
    pub matching: Matching,
    /// Canonical name → other spellings that are the same entity.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Pairs of names that must never be merged.
    pub distinct: Vec<Vec<String>>,
    /// Attribute name → extra trigger phrases.
    pub attributes: BTreeMap<String, Vec<String>>,
    /// What `$` means when the text does not say (ISO 4217 code).
    pub dollar: String,
    /// The date relative expressions and undated documents are read against
    /// (`YYYY-MM-DD`); `None` means each document's own publication date only.
    pub reference_date: Option<String>,
    /// Path globs (relative to the config file) a document must match to be checked;
    /// empty means every document given.
    pub include: Vec<String>,
    /// Path globs (relative to the config file) of documents never checked.
    pub exclude: Vec<String>,
    /// Attribute name → the severity its findings get instead of the verdict's default.
    pub severity: BTreeMap<String, Severity>,
    /// Per-path ignores: claims in matching documents take no part in findings.
    pub ignore: Vec<IgnoreRule>,
    /// House facts every claim about the same subject and attribute must agree with.
    pub facts: Vec<Fact>,
    /// Exchange rates through which amounts in different currencies are compared; none
    /// by default (currencies are then never compared with each other).
    pub rates: Rates,
}

/// `[rates]`: what one unit of each currency was worth in US dollars, on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Rates {
    /// When the rates held (`YYYY-MM-DD`), said in findings that use them.
    pub date: Option<String>,
    /// Converted amounts this fraction apart still agree (rates move; outlets round
    /// conversions). Default 0.03.
    pub tolerance: f64,
    /// ISO 4217 code → US dollars per unit (`EUR = 1.08`).
    pub usd: BTreeMap<String, f64>,
}

impl Default for Rates {
    fn default() -> Self {
        Rates {
            date: None,
            tolerance: 0.03,
            usd: BTreeMap::new(),
        }
    }
}

impl Rates {
    /// US dollars per unit of `code`, when configured (1 for USD once any rate is).
    pub fn to_usd(&self, code: &str) -> Option<f64> {
        if self.usd.is_empty() {
            return None;
        }
        match code {
            "USD" => Some(1.0),
            c => self.usd.get(c).copied(),
        }
    }
}

/// One `[[ignore]]` entry: claims in documents matching `path` whose attribute is in
/// `attributes` (every attribute when empty) are left out of findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct IgnoreRule {
    /// A path glob relative to the config file (`archive/**`).
    pub path: String,
    /// Attributes ignored there; empty means all.
    #[serde(default)]
    pub attributes: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            hedges: Hedges::default(),
            matching: Matching::default(),
            aliases: BTreeMap::new(),
            distinct: Vec::new(),
            attributes: BTreeMap::new(),
            dollar: "USD".to_string(),
            reference_date: None,
            include: Vec::new(),
            exclude: Vec::new(),
            severity: BTreeMap::new(),
            ignore: Vec::new(),
            facts: Vec::new(),
            rates: Rates::default(),
        }
    }
}

/// Widths of hedges, as fractions of the stated figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Hedges {
    /// "about", "around", "roughly", "an estimated": ± this fraction. Default 0.10.
    pub approx: f64,
    /// "nearly", "almost", "just under": up to this fraction below. Default 0.03.
    pub nearly: f64,
    /// Whether a stated figure covers the rounding of its last digit ("$14 billion" is
    /// [13.5e9, 14.5e9]). Default true.
    pub rounding: bool,
}

impl Default for Hedges {
    fn default() -> Self {
        Hedges {
            approx: 0.10,
            nearly: 0.03,
            rounding: true,
        }
    }
}

/// Thresholds of entity resolution and comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Matching {
    /// Jaro-Winkler similarity at or above which two full names of people are one
    /// person (with the same first letters of each part). Default 0.93.
    pub name_similarity: f64,
    /// Disjoint intervals closer than this fraction of their magnitude are reported as
    /// agreeing (float noise, currency rounding). Default 0.0.
    pub tolerance: f64,
    /// Figures of one open quantity whose values lie further apart than this factor are
    /// taken to measure different things and are not compared. Default 1.5.
    pub same_quantity_ratio: f64,
}

impl Default for Matching {
    fn default() -> Self {
        Matching {
            name_similarity: 0.93,
            tolerance: 0.0,
            same_quantity_ratio: 1.5,
        }
    }
}
