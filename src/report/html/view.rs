//! The HTML report's data, before any markup: sources, counts, the fact matrix (one row
//! per compared subject · quantity, one cell per source), a card per finding and the
//! timeline of a time-scoped group. Plain values only, so tests check what the page
//! says without parsing HTML; `template` turns a [`Page`] into markup.

use super::super::spread::{describe_difference, describe_relative, spread, Standing};
use super::super::{as_of_label, full_message, headline, rel_path, Context};
use crate::claim::{AsOf, Claim};
use crate::finding::{Finding, Severity, Verdict};
use std::collections::BTreeMap;

/// Everything the page shows.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// The page title.
    pub title: String,
    /// The documents, in report order; matrix columns follow it.
    pub sources: Vec<Source>,
    /// Header counts.
    pub counts: Counts,
    /// Fact matrix rows, most severe first.
    pub rows: Vec<Row>,
    /// One card per finding shown.
    pub cards: Vec<Card>,
    /// Every quote a matrix cell or card points at, by its element id.
    pub quotes: Vec<Quote>,
    /// The distinct subjects of the rows, sorted, for the subject filter.
    pub subjects: Vec<String>,
}

/// A document, as the header and the matrix columns name it.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The document id.
    pub id: String,
    /// A short column label ("000" for `seeds/000_29876e78d10f7530.txt`).
    pub label: String,
    /// Its title, when known.
    pub title: Option<String>,
    /// The outlet (host of its URL) or, without one, its file.
    pub outlet: String,
    /// Its publication date, when known.
    pub published: Option<String>,
}

/// The header's counts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counts {
    /// Figures extracted.
    pub figures: usize,
    /// Groups compared.
    pub groups: usize,
    /// Groups whose sources agree.
    pub agreeing: usize,
    /// Conflicts (plain, uncertain scope, derived, house fact).
    pub conflicts: usize,
    /// Time-scoped groups (timelines).
    pub timelines: usize,
    /// Figures compared with no other source.
    pub uncompared: usize,
}

/// How a matrix cell compares with the other sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CellState {
    /// Every figure of the source agrees with what most sources say.
    Agrees,
    /// A figure refers to another time.
    OtherTime,
    /// A figure differs at the same or an unknown time.
    Differs,
    /// The source states no figure for the row.
    NotStated,
}

impl CellState {
    /// CSS class and filter name.
    pub fn as_str(self) -> &'static str {
        match self {
            CellState::Agrees => "agrees",
            CellState::OtherTime => "time",
            CellState::Differs => "differs",
            CellState::NotStated => "missing",
        }
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            CellState::Agrees => "agrees",
            CellState::OtherTime => "different time",
            CellState::Differs => "differs",
            CellState::NotStated => "not stated",
        }
    }
}

/// A fact matrix row: one compared subject · quantity.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The subject ("Scale AI"), or "(unknown)".
    pub subject: String,
    /// The quantity ("valuation"), or "(unknown)".
    pub quantity: String,
    /// The most severe verdict among the row's findings.
    pub verdict: Verdict,
    /// Its severity.
    pub severity: Severity,
    /// One cell per source, in the order of [`Page::sources`].
    pub cells: Vec<Cell>,
    /// The element id of the row's card, when a card is shown.
    pub card: Option<String>,
}

/// What one source states for a row.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    /// The colour of the cell.
    pub state: CellState,
    /// The figures, as stated, in document order.
    pub values: Vec<CellValue>,
}

/// One figure in a cell.
#[derive(Debug, Clone)]
pub(crate) struct CellValue {
    /// The figure as stated ("nearly $14 billion").
    pub text: String,
    /// Its standing against the majority.
    pub standing: Standing,
    /// The element id of its quote.
    pub quote: String,
}

/// A finding, as a card.
#[derive(Debug, Clone)]
pub(crate) struct Card {
    /// Element id.
    pub id: String,
    /// "Scale AI valuation: sources disagree".
    pub headline: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The severity.
    pub severity: Severity,
    /// The finding's message.
    pub message: String,
    /// What most sources say: the figure and the sources stating a matching one.
    pub majority: Option<(String, Vec<String>)>,
    /// Who differs and by how much.
    pub dissent: Vec<DissentLine>,
    /// Every claim of the finding, quoted.
    pub quotes: Vec<String>,
    /// The timeline of a time-scoped group.
    pub timeline: Option<Timeline>,
}

/// One source that differs from the majority.
#[derive(Debug, Clone)]
pub(crate) struct DissentLine {
    /// The figure as stated.
    pub text: String,
    /// The source's label.
    pub source: String,
    /// Its time scope.
    pub as_of: String,
    /// "$1 billion", when both are in one unit.
    pub absolute: Option<String>,
    /// "7.7%".
    pub relative: Option<String>,
    /// Whether it lies beyond rounding and hedges.
    pub beyond_hedge: bool,
    /// Another time, or a real difference.
    pub standing: Standing,
}

/// A claim's sentence with its figure marked.
#[derive(Debug, Clone)]
pub(crate) struct Quote {
    /// Element id (`q3`).
    pub id: String,
    /// The sentence before the figure.
    pub before: String,
    /// The figure as it appears in the sentence.
    pub figure: String,
    /// The sentence after the figure.
    pub after: String,
    /// `path:line`.
    pub location: String,
    /// A relative link to the file.
    pub href: String,
    /// The source's label.
    pub source: String,
    /// The claim's time scope for people.
    pub as_of: String,
}

/// An inline SVG timeline: values against as-of dates.
#[derive(Debug, Clone)]
pub(crate) struct Timeline {
    /// Drawing width.
    pub width: f64,
    /// Drawing height.
    pub height: f64,
    /// One mark per dated figure.
    pub points: Vec<TimePoint>,
    /// Date ticks: (x, label).
    pub x_ticks: Vec<(f64, String)>,
    /// Value ticks: (y, label).
    pub y_ticks: Vec<(f64, String)>,
    /// Figures left off for having no date.
    pub undated: Vec<String>,
}

/// One mark on a timeline.
#[derive(Debug, Clone)]
pub(crate) struct TimePoint {
    /// Centre.
    pub x: f64,
    /// Centre.
    pub y: f64,
    /// The interval's top and bottom, when bounded.
    pub bar: Option<(f64, f64)>,
    /// The source's label.
    pub source: String,
    /// "nearly $14 billion, 2023-11 (000)".
    pub title: String,
}

/// Builds the page from a rendering context.
pub(super) fn page(ctx: &Context<'_>) -> Page {
    let report = &ctx.report.report;
    let sources = sources(ctx);
    let labels: BTreeMap<&str, &str> = sources
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect();
    let label = |doc: &str| {
        labels
            .get(doc)
            .map_or_else(|| doc.to_string(), |l| l.to_string())
    };

    let mut quotes = Quotes::default();
    let mut cards = Vec::new();
    let mut card_of: BTreeMap<(String, String), String> = BTreeMap::new();
    for (i, f) in ctx.findings().enumerate() {
        let id = format!("card{}", i + 1);
        card_of.entry(row_key(f)).or_insert_with(|| id.clone());
        cards.push(card(ctx, f, id, &mut quotes, &label));
    }

    let mut rows: Vec<Row> = Vec::new();
    let mut keys: Vec<(String, String)> = Vec::new();
    let plain = report
        .findings
        .iter()
        .filter(|f| !is_cross_check(f.verdict));
    let cross = report.findings.iter().filter(|f| is_cross_check(f.verdict));
    for f in plain.chain(cross) {
        let key = row_key(f);
        // A derived or house-fact check with no group of its own gets a row with all
        // the figures it weighs, every one of them in dispute.
        let claims: Vec<&Claim> = ctx.claims_of(f);
        if is_cross_check(f.verdict) {
            if let Some(i) = keys.iter().position(|k| *k == key) {
                if f.severity > rows[i].severity {
                    rows[i].severity = f.severity;
                    rows[i].verdict = f.verdict;
                }
                continue;
            }
        }
        if claims.is_empty() {
            continue;
        }
        let spread = spread(&claims, f.verdict != Verdict::Conflict);
        let cells = sources
            .iter()
            .map(|s| {
                let values: Vec<CellValue> = claims
                    .iter()
                    .filter(|c| c.doc == s.id)
                    .map(|c| CellValue {
                        text: fold(&c.text),
                        standing: match &spread {
                            _ if is_cross_check(f.verdict) => Standing::Differs,
                            Some(sp) => sp.standing(c),
                            None => Standing::Agrees,
                        },
                        quote: quotes.id(ctx, c, &label),
                    })
                    .collect();
                let state = if values.is_empty() {
                    CellState::NotStated
                } else if f.verdict == Verdict::Agree {
                    CellState::Agrees
                } else if is_cross_check(f.verdict) {
                    CellState::Differs
                } else {
                    match values.iter().map(|v| v.standing).max() {
                        Some(Standing::Differs) => CellState::Differs,
                        Some(Standing::OtherTime) => CellState::OtherTime,
                        _ => CellState::Agrees,
                    }
                };
                Cell { state, values }
            })
            .collect();
        let (subject, quantity) = key.clone();
        rows.push(Row {
            card: card_of.get(&key).cloned(),
            subject,
            quantity,
            verdict: f.verdict,
            severity: f.severity,
            cells,
        });
        keys.push(key);
    }
    rows.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.subject.cmp(&b.subject))
            .then_with(|| a.quantity.cmp(&b.quantity))
    });
    let mut subjects: Vec<String> = rows.iter().map(|r| r.subject.clone()).collect();
    subjects.sort();
    subjects.dedup();

    let s = &report.summary;
    let counts = Counts {
        figures: report.claims.len().max(s.claims),
        groups: s.groups,
        agreeing: count(report.findings.iter(), |v| v == Verdict::Agree),
        conflicts: count(report.findings.iter(), |v| {
            !matches!(v, Verdict::Agree | Verdict::TimeScoped)
        }),
        timelines: count(report.findings.iter(), |v| v == Verdict::TimeScoped),
        uncompared: report.claims.len().max(s.claims).saturating_sub(s.compared),
    };
    let title = match sources.first().and_then(|s| s.title.clone()) {
        Some(t) if sources.len() == 1 => format!("claimcheck: {t}"),
        _ => format!(
            "claimcheck: {} source{}",
            sources.len(),
            if sources.len() == 1 { "" } else { "s" }
        ),
    };
    Page {
        title,
        sources,
        counts,
        rows,
        cards,
        quotes: quotes.list,
        subjects,
    }
}

/// Derived and house-fact findings check figures against others; their rows merge into
/// the group of the same subject · quantity.
fn is_cross_check(v: Verdict) -> bool {
    matches!(v, Verdict::DerivedConflict | Verdict::FactConflict)
}

fn count<'a>(findings: impl Iterator<Item = &'a Finding>, pred: impl Fn(Verdict) -> bool) -> usize {
    findings.filter(|f| pred(f.verdict)).count()
}

/// (subject, quantity) as people read them.
fn row_key(f: &Finding) -> (String, String) {
    (
        f.subject.clone().unwrap_or_else(|| "(unknown)".into()),
        f.attribute
            .as_deref()
            .map_or_else(|| "(unknown)".into(), |a| a.replace('_', " ")),
    )
}

/// The documents with their short labels.
fn sources(ctx: &Context<'_>) -> Vec<Source> {
    ctx.report
        .report
        .documents
        .iter()
        .map(|d| {
            let doc = ctx.docs.get(d.id.as_str());
            let outlet = doc
                .and_then(|d| d.url.as_deref())
                .and_then(host)
                .unwrap_or_else(|| doc.map_or_else(|| rel_path(&d.id), |d| rel_path(d.file())));
            Source {
                id: d.id.clone(),
                label: ctx.label(&d.id),
                title: d.title.clone(),
                outlet,
                published: d.published.clone(),
            }
        })
        .collect()
}

/// The host of a URL: `https://www.example.com/a` → `www.example.com`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| host.to_string())
}

/// Whitespace folded to single spaces.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quotes the page holds, once each.
#[derive(Default)]
struct Quotes {
    list: Vec<Quote>,
    by_claim: BTreeMap<String, String>,
}

impl Quotes {
    /// The element id of a claim's quote, adding it the first time.
    fn id(&mut self, ctx: &Context<'_>, c: &Claim, label: &dyn Fn(&str) -> String) -> String {
        if let Some(id) = self.by_claim.get(&c.id) {
            return id.clone();
        }
        let id = format!("q{}", self.list.len() + 1);
        let (before, figure, after) = split_sentence(c);
        let (path, line) = ctx.file_line(c);
        self.list.push(Quote {
            id: id.clone(),
            before,
            figure,
            after,
            location: ctx.short_location(c),
            href: format!("{path}#L{line}"),
            source: label(&c.doc),
            as_of: as_of_label(c),
        });
        self.by_claim.insert(c.id.clone(), id.clone());
        id
    }
}

/// The claim's sentence split around its figure (first occurrence, whitespace folded);
/// without a sentence that holds it, the figure alone.
pub(crate) fn split_sentence(c: &Claim) -> (String, String, String) {
    let sentence = fold(&c.sentence);
    let text = fold(&c.text);
    match sentence.find(&text) {
        Some(i) if !text.is_empty() => (
            sentence[..i].to_string(),
            text.clone(),
            sentence[i + text.len()..].to_string(),
        ),
        _ if sentence.is_empty() => (String::new(), text, String::new()),
        _ => (format!("{sentence} ["), text, "]".to_string()),
    }
}

fn card(
    ctx: &Context<'_>,
    f: &Finding,
    id: String,
    quotes: &mut Quotes,
    label: &dyn Fn(&str) -> String,
) -> Card {
    let mut claims = ctx.claims_of(f);
    if f.verdict == Verdict::TimeScoped {
        claims.sort_by(|a, b| (a.as_of.is_none(), &a.as_of).cmp(&(b.as_of.is_none(), &b.as_of)));
    }
    // Derived and house-fact checks compare figures of several quantities: their
    // majority is not meaningful.
    let sp = if is_cross_check(f.verdict) {
        None
    } else {
        spread(&claims, f.verdict != Verdict::Conflict)
    };
    let majority = sp.as_ref().filter(|s| !s.dissent.is_empty()).map(|s| {
        (
            fold(&s.anchor.text),
            s.majority_docs().into_iter().map(label).collect(),
        )
    });
    let dissent = sp
        .as_ref()
        .map(|s| {
            s.dissent
                .iter()
                .map(|d| DissentLine {
                    text: fold(&d.claim.text),
                    source: label(&d.claim.doc),
                    as_of: as_of_label(d.claim),
                    absolute: d.absolute.map(|a| describe_difference(a, s.anchor)),
                    relative: d.relative.map(describe_relative),
                    beyond_hedge: d.beyond_hedge,
                    standing: d.standing,
                })
                .collect()
        })
        .unwrap_or_default();
    let timeline = (f.verdict == Verdict::TimeScoped)
        .then(|| timeline(&claims, label))
        .flatten();
    Card {
        headline: headline(f),
        verdict: f.verdict,
        severity: f.severity,
        message: if f.message.is_empty() {
            String::new()
        } else {
            full_message(f)
        },
        majority,
        dissent,
        quotes: claims.iter().map(|c| quotes.id(ctx, c, label)).collect(),
        timeline,
        id,
    }
}

/// Days since 1970 for a time scope (a year or a month at its first day).
fn as_of_days(t: AsOf) -> f64 {
    t.minutes_since_1970() as f64 / 1440.0
}

const TL_WIDTH: f64 = 560.0;
const TL_HEIGHT: f64 = 200.0;
const TL_LEFT: f64 = 90.0;
const TL_RIGHT: f64 = 30.0;
const TL_TOP: f64 = 16.0;
const TL_BOTTOM: f64 = 36.0;

/// Lays out the dated figures of a time-scoped group.
fn timeline(claims: &[&Claim], label: &dyn Fn(&str) -> String) -> Option<Timeline> {
    let mut dated = Vec::new();
    let mut undated = Vec::new();
    for c in claims {
        let value = c.value.point.or(c.value.low).or(c.value.high);
        match (c.as_of.map(as_of_days), value) {
            (Some(x), Some(v)) => dated.push((x, v, *c)),
            _ => undated.push(format!("{} ({})", fold(&c.text), label(&c.doc))),
        }
    }
    if dated.is_empty() {
        return None;
    }
    let (x0, x1) = bounds(dated.iter().map(|d| d.0));
    let values = dated.iter().flat_map(|(_, v, c)| {
        [Some(*v), c.value.low, c.value.high]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
    });
    let (mut y0, mut y1) = bounds(values);
    if y0 == y1 {
        y0 -= y0.abs().max(1.0) * 0.1;
        y1 += y1.abs().max(1.0) * 0.1;
    }
    let plot_w = TL_WIDTH - TL_LEFT - TL_RIGHT;
    let plot_h = TL_HEIGHT - TL_TOP - TL_BOTTOM;
    let sx = |x: f64| {
        if x1 == x0 {
            TL_LEFT + plot_w / 2.0
        } else {
            TL_LEFT + (x - x0) / (x1 - x0) * plot_w
        }
    };
    let sy = |y: f64| TL_TOP + (y1 - y) / (y1 - y0) * plot_h;
    let points = dated
        .iter()
        .map(|(x, v, c)| TimePoint {
            x: round(sx(*x)),
            y: round(sy(*v)),
            bar: match (c.value.low, c.value.high) {
                (Some(l), Some(h)) if l != h => Some((round(sy(h)), round(sy(l)))),
                _ => None,
            },
            source: label(&c.doc),
            title: format!(
                "{}, {} ({})",
                fold(&c.text),
                c.as_of.map_or_else(|| "?".to_string(), |t| t.to_string()),
                label(&c.doc)
            ),
        })
        .collect();
    let mut x_ticks: Vec<(f64, String)> = Vec::new();
    for (x, _, c) in &dated {
        let t = round(sx(*x));
        let name = c.as_of.map(|t| t.to_string()).unwrap_or_default();
        if !x_ticks.iter().any(|(_, n)| *n == name) {
            x_ticks.push((t, name));
        }
    }
    let y_ticks = [y0, (y0 + y1) / 2.0, y1]
        .iter()
        .map(|v| {
            (
                round(sy(*v)),
                crate::diff::format_amount(*v, None).to_string(),
            )
        })
        .collect();
    Some(Timeline {
        width: TL_WIDTH,
        height: TL_HEIGHT,
        points,
        x_ticks,
        y_ticks,
        undated,
    })
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::super::super::short_label;
    use super::*;

    #[test]
    fn hashed_file_names_are_labelled_by_their_number() {
        assert_eq!(short_label("seeds/000_29876e78d10f7530.txt"), "000");
        assert_eq!(short_label("fixtures/a/01-wire.md"), "01-wire");
        assert_eq!(short_label("-"), "-");
    }

    #[test]
    fn hosts_come_from_urls() {
        assert_eq!(
            host("https://www.example.com/a/b?c").as_deref(),
            Some("www.example.com")
        );
        assert_eq!(host("not a url"), None);
    }

    #[test]
    fn as_of_dates_of_any_precision_are_placed() {
        let days = |s: &str| as_of_days(AsOf::parse(s).unwrap());
        assert_eq!(days("1970-01-02"), 1.0);
        assert_eq!(days("1971"), 365.0);
        assert_eq!(days("1971-02"), 396.0);
    }
}
