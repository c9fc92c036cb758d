//! The data that flows between extraction, resolution and comparison: spans, value
//! intervals, qualifiers, kinds, raw mentions and finished claims.
//!
//! Everything here is plain serializable data; the stages that fill it live in
//! `extract`, `resolve`, `timescope` and `group`.

pub use crate::identity::time::AsOf;
use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into a document's text as read, with the 1-based line
/// and character column of `start` (filled when a claim is finished).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters.
    pub column: usize,
}

/// A value interval in base units. `None` on `low` or `high` means that side is open.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound, `None` when open below.
    pub low: Option<f64>,
    /// Upper bound, `None` when open above.
    pub high: Option<f64>,
    /// The figure as stated (for a range, its midpoint).
    pub point: Option<f64>,
}

impl Interval {
    /// An exact value: low = point = high.
    pub fn exact(v: f64) -> Self {
        Interval {
            low: Some(v),
            high: Some(v),
            point: Some(v),
        }
    }

    /// An interval with every side given.
    pub fn new(low: Option<f64>, point: Option<f64>, high: Option<f64>) -> Self {
        Interval { low, high, point }
    }

    /// Whether two intervals share at least one value (closed-interval semantics; an
    /// open side reaches to infinity).
    pub fn overlaps(&self, other: &Interval) -> bool {
        let lo = max_opt(self.low, other.low);
        let hi = min_opt(self.high, other.high);
        match (lo, hi) {
            (Some(l), Some(h)) => l <= h * (1.0 + 1e-12) + 1e-12,
            _ => true,
        }
    }

    /// The distance between two disjoint intervals relative to their larger magnitude,
    /// 0 when they overlap.
    pub fn relative_gap(&self, other: &Interval) -> f64 {
        if self.overlaps(other) {
            return 0.0;
        }
        let (a_hi, b_lo) = match (self.high, other.low) {
            (Some(h), Some(l)) if h < l => (h, l),
            _ => match (other.high, self.low) {
                (Some(h), Some(l)) => (h, l),
                _ => return 0.0,
            },
        };
        let scale = a_hi.abs().max(b_lo.abs()).max(f64::MIN_POSITIVE);
        (b_lo - a_hi) / scale
    }
}

fn max_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn min_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// How a figure is hedged or bounded in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated plainly.
    None,
    /// "about", "around", "roughly", "an estimated", "~".
    Approx,
    /// "nearly", "almost", "just under", "close to".
    Nearly,
    /// "more than", "over", "above", "upwards of".
    MoreThan,
    /// "at least", "a minimum of".
    AtLeast,
    /// "less than", "under", "below".
    LessThan,
    /// "up to", "at most", "no more than".
    AtMost,
    /// "between 3 and 5", "3-5", "60th to 70th".
    Range,
}

impl Qualifier {
    /// The snake_case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::None => "none",
            Qualifier::Approx => "approx",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

/// What sort of figure a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An amount of money in a currency.
    Money,
    /// A percentage (0-100) or percentage points.
    Percent,
    /// A count of things ("200 employees").
    Count,
    /// A person's age in years.
    Age,
    /// A calendar year.
    Year,
    /// A calendar date or month.
    Date,
    /// A length of time.
    Duration,
    /// A rank or position ("third-largest").
    Ordinal,
    /// A time of day ("1:39 PM IST"); value in minutes after midnight as written.
    Time,
    /// Any other number.
    Number,
}

impl Kind {
    /// The snake_case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Age => "age",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Ordinal => "ordinal",
            Kind::Time => "time",
            Kind::Number => "number",
        }
    }
}

/// A figure found in text, before it is attached to a subject: byte offsets are into the
/// string the extractor was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// First byte of the mention, hedge included.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What sort of figure it is.
    pub kind: Kind,
    /// The normalized interval in base units.
    pub value: Interval,
    /// ISO 4217 code for money, "percent", "percentage_point", a time unit for ages and
    /// durations ("year", "day"), the counted noun for counts when known; `None` otherwise.
    pub unit: Option<String>,
    /// The hedge or bound.
    pub qualifier: Qualifier,
    /// For dates and years, the ISO form of what is stated ("2016", "2023-11",
    /// "2025-06-13", "2025-06-22/2025-06-25").
    pub date: Option<String>,
    /// For rates ("$500 million a year"), the period the amount is per.
    pub per: Option<String>,
    /// For a change "from X to Y", the index in the output of the mention it changes from.
    pub change_from: Option<usize>,
}

impl Mention {
    /// A mention with no unit, qualifier, date or rate.
    pub fn new(start: usize, end: usize, kind: Kind, value: Interval) -> Self {
        Mention {
            start,
            end,
            kind,
            value,
            unit: None,
            qualifier: Qualifier::None,
            date: None,
            per: None,
            change_from: None,
        }
    }
}

impl Claim {
    /// A claim of `kind` and `value`, written as `text` at `span` of document `doc`, with
    /// nothing else known yet: no unit, hedge, sentence, subject, attribute or time scope.
    /// Its id is the fingerprint of document, span and text. Fill the rest with struct
    /// update syntax (`Claim { subject: …, ..Claim::new(…) }`).
    pub fn new(doc: &str, span: Span, text: &str, kind: Kind, value: Interval) -> Claim {
        Claim {
            id: crate::fingerprint::fingerprint(&[
                doc,
                &span.start.to_string(),
                &span.end.to_string(),
                text,
            ]),
            doc: doc.to_string(),
            span,
            text: text.to_string(),
            sentence: String::new(),
            kind,
            value,
            unit: None,
            qualifier: Qualifier::None,
            subject: None,
            attribute: None,
            as_of: None,
            as_of_source: None,
            date: None,
            per: None,
            object: None,
            period: None,
            segment: 0,
            dimension: crate::identity::dimension::Dimension::Number,
            identity: None,
            subject_rule: SubjectRule::Named,
            base: value,
            volatile: false,
            in_change: false,
            compared_in: None,
            story: None,
        }
    }
}

/// A finished claim: a mention placed in its document and sentence, with what it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable fingerprint of document, span and text.
    pub id: String,
    /// The document id (path as given, or a JSONL record's `id`).
    pub doc: String,
    /// Where the figure stands in the document as read.
    pub span: Span,
    /// The surface text of the figure, hedge included.
    pub text: String,
    /// The sentence the figure stands in, whitespace folded.
    pub sentence: String,
    /// What sort of figure it is.
    pub kind: Kind,
    /// The normalized interval.
    pub value: Interval,
    /// The unit (see [`Mention::unit`]).
    pub unit: Option<String>,
    /// The hedge or bound.
    pub qualifier: Qualifier,
    /// The canonical entity the figure is about, when it can be decided.
    pub subject: Option<String>,
    /// What the figure states about the subject (`valuation`, `age`, …).
    pub attribute: Option<String>,
    /// The time the figure refers to: a year, month or date (written as ISO, "2023-11").
    pub as_of: Option<AsOf>,
    /// How `as_of` was decided: `explicit`, `at_the_time`, `published`, `relative`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of_source: Option<AsOfSource>,
    /// For date and year claims, the ISO form of what is stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For rates, the period the amount is per ("year").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// What the figure relates the subject to, when that is another entity (the company
    /// founded, for `age_at_founding`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// For flows, the accounting period counted ("quarter", "half", "year").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The story segment of the document the claim belongs to (0 = the main story).
    pub segment: usize,
    /// What the unit measures (`currency`, `count`, `length`, `duration`, …): figures of
    /// different dimensions are never compared.
    pub dimension: crate::identity::dimension::Dimension,
    /// How the quantity was decided, for open quantities (`explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// How the subject was decided: `named`, `possessive`, `place` or `story`.
    pub subject_rule: SubjectRule,
    /// The value brought to its dimension's base unit (metres, seconds, °C, …).
    #[serde(skip)]
    pub base: Interval,
    /// Whether the quantity is a running tally whose publication day matters.
    #[serde(skip)]
    pub volatile: bool,
    /// Whether the figure is one end of a change its sentence states ("from 78 to 112").
    #[serde(skip)]
    pub in_change: bool,
    /// The currency its base value is in when a configured rate converted it ("USD").
    #[serde(skip)]
    pub compared_in: Option<String>,
    /// The story its document tells (see `identity::story`): figures of other stories
    /// never join its owners.
    #[serde(skip)]
    pub story: Option<String>,
}

/// How a claim's open quantity was decided: the rule and the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// The rule that named the quantity ("counted noun", "the X of N", …).
    pub quantity_rule: String,
    /// The words of the sentence the quantity was read from.
    pub quantity_words: String,
}

/// How a claim's subject was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectRule {
    /// Chosen among the names around the figure for its attribute family (appositions,
    /// possessives, objects, the story's salient name), or none found.
    Named,
    /// A name owning the figure in its sentence ("Kiptum's 2:00:35").
    Possessive,
    /// The place a tally is counted in ("six people died in Travis County").
    Place,
    /// The story the figure's document tells.
    Story,
}

/// How an `as_of` was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// An explicit year or date next to the figure.
    Explicit,
    /// "at the time", resolved to the story's narrative time.
    AtTheTime,
    /// "now", "recently", "currently": the publication date (or unknown without one).
    Present,
    /// "last year", "this year": relative to the publication date.
    Relative,
    /// No cue: the publication date.
    Published,
}

impl AsOfSource {
    /// The snake_case name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            AsOfSource::Explicit => "explicit",
            AsOfSource::AtTheTime => "at_the_time",
            AsOfSource::Present => "present",
            AsOfSource::Relative => "relative",
            AsOfSource::Published => "published",
        }
    }

    /// The source named by `name` (`explicit`, `at_the_time`, `present`, `relative`,
    /// `published`).
    pub fn from_name(name: &str) -> Option<Self> {
        [
            AsOfSource::Explicit,
            AsOfSource::AtTheTime,
            AsOfSource::Present,
            AsOfSource::Relative,
            AsOfSource::Published,
        ]
        .into_iter()
        .find(|s| s.as_str() == name)
    }

    /// Whether the text itself pins the time (rather than the publication default).
    pub fn is_stated(self) -> bool {
        !matches!(self, AsOfSource::Published)
    }
}
