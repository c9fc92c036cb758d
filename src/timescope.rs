//! Time scope: decides the time a figure refers to (`as_of`). An explicit year or date
//! near the figure ("valued at $7 billion in 2021"); "at the time" → the narrative time
//! set earlier in the story ("In November 2023, …"); "now", "recently", present-tense
//! cues → the publication date; "last year" → the year before it; otherwise the
//! publication date when known, else unknown.
//!
//! Sits after extraction and segmentation; pure function of the sentence, the time
//! mentions of the document and the publication date.

use crate::claim::{Kind, Mention};
use crate::identity::time::AsOf;
use crate::segment::{figure_window, Segmentation};
use crate::text::{ends_with_ci, find_words};

pub use crate::claim::AsOfSource;

/// A year or date mention of a document, placed in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// First byte in the prose view.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The time it names ("2023", "2023-11", "2025-06-13"; a range keeps its start).
    pub at: AsOf,
    /// Sentence index.
    pub sentence: usize,
    /// Whether it sets the scene: it stands in the first words of its sentence.
    pub topic: bool,
}

/// The year and date mentions of a document, in order.
pub fn time_mentions(text: &str, mentions: &[Mention], seg: &Segmentation) -> Vec<TimeMention> {
    mentions
        .iter()
        .filter(|m| matches!(m.kind, Kind::Year | Kind::Date))
        .filter_map(|m| {
            let iso = m.date.as_deref()?;
            let at = AsOf::parse(iso.split('/').next().unwrap_or(iso))?;
            // A weekday dates figures as a relative cue (below), not as a stated date.
            if crate::extract::date::names_weekday(text.get(m.start..m.end)?) {
                return None;
            }
            let sentence = seg.sentence_at(m.start)?;
            let s = &seg.sentences[sentence];
            let lead = text.get(s.start..m.start).unwrap_or("");
            let topic = lead.len() <= 40 && lead.split_whitespace().count() <= 2;
            Some(TimeMention {
                start: m.start,
                end: m.end,
                at,
                sentence,
                topic,
            })
        })
        .collect()
}

/// Words that pin a figure to the publication date.
const PRESENT_CUES: &[&str] = &[
    "now",
    "currently",
    "recently",
    "today",
    "presently",
    "this week",
    "so far",
    "to date",
    "as of now",
    "latest",
];

/// Words that refer back to the narrative time.
// Bare "then" mostly means "next" ("it then raised …"), so it is not a cue.
const THEN_CUES: &[&str] = &["at the time", "at that time", "back then", "at that point"];

/// Relative years: cue → years before the publication year.
const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("last year", 1),
    ("a year earlier", 1),
    ("a year ago", 1),
    ("the previous year", 1),
    ("this year", 0),
    ("two years ago", 2),
];

/// Weekday names, Monday first (chrono's numbering from Monday).
const WEEKDAYS: &[&str] = &crate::text::WEEKDAY_NAMES;

/// The date of the latest weekday `day` (0 = Monday) on or before the publication date
/// (none when the publication names no day).
fn weekday_before(published: AsOf, day: usize) -> Option<AsOf> {
    AsOf::from_date(crate::extract::date::weekday_on_or_before(
        published.date()?,
        day as u32,
    ))
}

/// How far (in words) a cue may stand from the figure.
const CUE_WINDOW: usize = 10;

/// What time-scope decisions read besides the figure: the document's prose and
/// sentences, its year and date mentions, the spans of its other figures, and its
/// publication date.
#[derive(Debug, Clone, Copy)]
pub struct ScopeContext<'a> {
    /// The prose view.
    pub text: &'a str,
    /// The document's sentences.
    pub seg: &'a Segmentation,
    /// Year and date mentions (see [`time_mentions`]).
    pub times: &'a [TimeMention],
    /// Spans of the other figures, sorted.
    pub figures: &'a [(usize, usize)],
    /// Publication date, if known.
    pub published: Option<AsOf>,
}

/// Decides the time scope of the figure of `kind` at `fig` (view offsets) in sentence
/// `sentence`.
pub fn as_of(
    ctx: &ScopeContext<'_>,
    sentence: usize,
    fig: (usize, usize),
    kind: Kind,
) -> (Option<AsOf>, Option<AsOfSource>) {
    let ScopeContext {
        text,
        seg,
        times,
        figures,
        published,
    } = *ctx;
    let s = &seg.sentences[sentence];
    let (base, limit) = figure_window(text, s, fig);
    let sent = &text[base..limit];
    let lower = sent.to_ascii_lowercase();
    let rel = (fig.0 - base, fig.1 - base);
    // (distance, tie-break, value, source)
    let mut best: Option<(usize, u8, Option<AsOf>, AsOfSource)> = None;
    let mut consider = |d: usize, tie: u8, v: Option<AsOf>, src: AsOfSource| {
        if d <= CUE_WINDOW
            && best
                .as_ref()
                .is_none_or(|(bd, bt, _, _)| (d, tie) < (*bd, *bt))
        {
            best = Some((d, tie, v, src));
        }
    };
    let first = times.partition_point(|t| t.start < base);
    let nearby = times[first..]
        .iter()
        .take_while(|t| t.start < limit)
        .filter(|t| t.sentence == sentence && t.end <= limit);
    for t in nearby {
        // An age is a person's age now; a year in the sentence usually dates another
        // event ("the 42-year-old, who founded it in 2017") unless it sets the scene.
        if (t.start < fig.1 && t.end > fig.0) || (kind == Kind::Age && !t.topic) {
            continue;
        }
        // "$4.2 billion, up from $3.9 billion in 2023": a time after figures binds to
        // the nearest one. A time before them sets the scene for all ("in 2021, when it
        // raised $250 million at a valuation of $1.2 billion").
        let (lo, hi) = if t.start >= fig.1 {
            (fig.1, t.start)
        } else {
            (t.end, fig.0)
        };
        let lead = text.get(base..t.start).unwrap_or("").trim_end();
        // "cases since January 2022": the start of a count's period, not its date.
        if ends_with_ci(lead, " since") || lead.eq_ignore_ascii_case("since") {
            continue;
        }
        // "38,466 cases and 1,457 deaths as of August 4": an "as of" after a list of
        // figures dates them all, unless the list compares ("up from", "than").
        let as_of_cue = ends_with_ci(lead, "as of") || ends_with_ci(lead, "as at");
        let i = figures.partition_point(|f| f.0 < lo);
        if t.start >= fig.1 && figures.get(i).is_some_and(|f| f.1 <= hi) {
            let between = text.get(lo..hi).unwrap_or("").to_ascii_lowercase();
            let compares = [" from ", " than ", " compared", " versus ", " vs"]
                .iter()
                .any(|c| between.contains(c));
            if !as_of_cue || compares {
                continue;
            }
        }
        // "… in the fourth quarter of 2023, and said it would cut 1,200 jobs": a time
        // does not reach across a coordinated clause.
        let between = text.get(lo..hi).unwrap_or("");
        if [", and ", ", but ", "; ", ", while "]
            .iter()
            .any(|b| between.contains(b))
        {
            continue;
        }
        let (a, b) = (t.start - base, t.end - base);
        let mut d = distance(sent, rel, (a, b));
        if as_of_cue && a >= rel.1 {
            d = d.min(CUE_WINDOW);
        }
        // "In 2021, …" and "from 2021, when …" set the scene for the whole sentence.
        let scene = t.topic || sent[b..].starts_with(", when") || sent[b..].starts_with(" when");
        if scene && b <= rel.0 {
            d = d.min(CUE_WINDOW);
        }
        // "Keller, founded in 1962, employs 2,300": a time that closes a parenthetical
        // before the figure dates the aside, not the figure.
        if !scene && b <= rel.0 && sent[b..].starts_with(',') && sent[..a].contains(',') {
            continue;
        }
        // A time right after the figure binds tighter than one before it.
        let tie = if a >= rel.1 { 0 } else { 1 };
        consider(d, tie, Some(t.at), AsOfSource::Explicit);
    }
    for cue in THEN_CUES {
        for at in find_words(&lower, cue) {
            let d = distance(sent, rel, (at, at + cue.len()));
            consider(
                d,
                2,
                narrative_time(seg, sentence, times),
                AsOfSource::AtTheTime,
            );
        }
    }
    for cue in PRESENT_CUES {
        for at in find_words(&lower, cue) {
            let d = distance(sent, rel, (at, at + cue.len()));
            consider(d, 3, published, AsOfSource::Present);
        }
    }
    for (cue, back) in RELATIVE_YEARS {
        for at in find_words(&lower, cue) {
            let d = distance(sent, rel, (at, at + cue.len()));
            let v = published.and_then(|p| AsOf::year_only(p.year() - back));
            consider(d, 2, v, AsOfSource::Relative);
        }
    }
    for (i, day) in WEEKDAYS.iter().enumerate() {
        for at in find_words(&lower, day) {
            let d = distance(sent, rel, (at, at + day.len()));
            let tie = if at >= rel.1 { 0 } else { 1 };
            consider(
                d,
                tie,
                published.and_then(|p| weekday_before(p, i)),
                AsOfSource::Relative,
            );
        }
    }
    match best {
        Some((_, _, v, src)) => (v, Some(src)),
        None => match published {
            Some(p) => (Some(p), Some(AsOfSource::Published)),
            None => (None, None),
        },
    }
}

/// The story's time at `sentence`: the latest scene-setting time ("In November 2023, …")
/// before it in the same segment, else the latest time of an earlier sentence.
fn narrative_time(seg: &Segmentation, sentence: usize, times: &[TimeMention]) -> Option<AsOf> {
    let segment = seg.sentences[sentence].segment;
    // Times are in text order and segments are contiguous: walk back from the sentence.
    let upto = times.partition_point(|t| t.sentence < sentence);
    let earlier = || {
        times[..upto]
            .iter()
            .rev()
            .take_while(|t| seg.sentences[t.sentence].segment == segment)
    };
    earlier()
        .find(|t| t.topic)
        .or_else(|| earlier().next())
        .map(|t| t.at)
}

/// Number of words between two byte ranges of `s`.
fn distance(s: &str, a: (usize, usize), b: (usize, usize)) -> usize {
    let (lo, hi) = if a.1 <= b.0 { (a.1, b.0) } else { (b.1, a.0) };
    if lo >= hi {
        return 0;
    }
    // Counting stops just past the cue window: a farther time is never chosen, and a
    // long sentence with many figures and dates stays cheap.
    s.get(lo..hi)
        .map(|g| {
            g.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(CUE_WINDOW + 1)
                .count()
        })
        .unwrap_or(usize::MAX)
}

/// Phrases that say a flow is counted over a quarter, a half or a year.
const PERIOD_CUES: &[(&str, &str)] = &[
    ("q1", "q1"),
    ("q2", "q2"),
    ("q3", "q3"),
    ("q4", "q4"),
    ("first quarter", "q1"),
    ("first-quarter", "q1"),
    ("second quarter", "q2"),
    ("second-quarter", "q2"),
    ("third quarter", "q3"),
    ("third-quarter", "q3"),
    ("fourth quarter", "q4"),
    ("fourth-quarter", "q4"),
    ("first half", "h1"),
    ("second half", "h2"),
    ("quarterly", "quarter"),
    ("quarter", "quarter"),
    ("three months", "quarter"),
    ("half-year", "half"),
    ("six months", "half"),
    // Sport counts its seasons as business counts its years.
    ("this season", "season:this"),
    ("last season", "season:last"),
    ("previous season", "season:last"),
    ("campaign", "season"),
    ("season", "season"),
    // A player's tallies count over one competition or all of them.
    ("in all competitions", "competitions:all"),
    ("across all competitions", "competitions:all"),
    ("all competitions", "competitions:all"),
    ("in the league", "competitions:league"),
    ("league games", "competitions:league"),
    ("league matches", "competitions:league"),
    ("league appearances", "competitions:league"),
    ("bundesliga", "competitions:league"),
    ("premier league", "competitions:league"),
    ("la liga", "competitions:league"),
    ("serie a", "competitions:league"),
    ("ligue 1", "competitions:league"),
    ("champions league", "competitions:europe"),
    ("full year", "year"),
    ("full-year", "year"),
    ("annual", "year"),
    ("annually", "year"),
    ("fiscal year", "year"),
    ("financial year", "year"),
    ("fiscal", "year"),
    ("for the year", "year"),
    ("twelve months", "year"),
    ("12 months", "year"),
];

/// The accounting period a figure covers ("quarter", "q1"…"q4", "half", "h1", "h2",
/// "year"), from the nearest period phrase within a few words in its sentence.
pub fn period_of(sentence: &str, fig: (usize, usize)) -> Option<&'static str> {
    let lower = sentence.to_ascii_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for (cue, period) in PERIOD_CUES {
        for at in find_words(&lower, cue) {
            let d = distance(sentence, fig, (at, at + cue.len()));
            if d <= 6 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, period));
            }
        }
    }
    // "FY26", "FY 2025-26": a fiscal year.
    for (at, w) in lower.match_indices("fy") {
        let rest = lower[at + w.len()..].trim_start();
        let boundary = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if boundary && rest.starts_with(|c: char| c.is_ascii_digit()) {
            let d = distance(sentence, fig, (at, at + 2));
            if d <= 6 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, "year"));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// Whether two accounting periods can be the same: equal, or a quarter or half named
/// generally and one named by its number ("quarter" and "q1").
pub fn same_period(a: &str, b: &str) -> bool {
    a == b
        || (a == "quarter" && b.starts_with('q'))
        || (b == "quarter" && a.starts_with('q'))
        || (a == "half" && b.starts_with('h'))
        || (b == "half" && a.starts_with('h'))
        || (a == "season" && b.starts_with("season"))
        || (b == "season" && a.starts_with("season"))
}

/// Whether two ISO dates (a claim's stated `date`) can denote the same time: one is a
/// prefix of the other at its own precision ("2023" and "2023-11"). Time scopes are
/// compared typed, by [`AsOf::compatible`].
pub fn compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Interval;
    use crate::segment::segment;

    fn year(text: &str, at: &str, iso: &str) -> Mention {
        let s = text.find(at).unwrap();
        let mut m = Mention::new(s, s + at.len(), Kind::Year, Interval::exact(0.0));
        m.date = Some(iso.into());
        m
    }

    fn scope(
        text: &str,
        fig: &str,
        times: &[(&str, &str)],
        published: Option<&str>,
    ) -> (Option<String>, Option<AsOfSource>) {
        let seg = segment(text);
        let ms: Vec<Mention> = times.iter().map(|(a, i)| year(text, a, i)).collect();
        let tm = time_mentions(text, &ms, &seg);
        let f = text.find(fig).unwrap();
        let si = seg.sentence_at(f).unwrap();
        let ctx = ScopeContext {
            text,
            seg: &seg,
            times: &tm,
            figures: &[],
            published: published.and_then(AsOf::parse),
        };
        written(as_of(&ctx, si, (f, f + fig.len()), Kind::Money))
    }

    /// A time scope with its time as written.
    fn written(
        (t, src): (Option<AsOf>, Option<AsOfSource>),
    ) -> (Option<String>, Option<AsOfSource>) {
        (t.map(|t| t.to_string()), src)
    }

    #[test]
    fn an_explicit_year_after_the_figure_wins() {
        let t = "his company was valued at over $7 billion in 2021, making him rich.";
        assert_eq!(
            scope(t, "over $7 billion", &[("2021", "2021")], None),
            (Some("2021".into()), Some(AsOfSource::Explicit))
        );
    }

    #[test]
    fn at_the_time_takes_the_scene_setting_time() {
        let t = "In November 2023, executives met in Utah. Wang, who co-founded Scale AI in 2016, had built a company valued at $13 billion at the time.";
        let r = scope(
            t,
            "$13 billion",
            &[("November 2023", "2023-11"), ("2016", "2016")],
            None,
        );
        assert_eq!(r, (Some("2023-11".into()), Some(AsOfSource::AtTheTime)));
    }

    #[test]
    fn recently_is_the_publication_date_or_unknown() {
        let t = "After a brief dip in valuation in 2023, Scale recently rebounded to nearly $14 billion.";
        let times = [("2023", "2023")];
        assert_eq!(
            scope(t, "nearly $14 billion", &times, None),
            (None, Some(AsOfSource::Present))
        );
        assert_eq!(
            scope(t, "nearly $14 billion", &times, Some("2025-06-13")),
            (Some("2025-06-13".into()), Some(AsOfSource::Present))
        );
    }

    #[test]
    fn last_year_is_relative_to_publication() {
        let t = "Revenue was $4 billion last year.";
        assert_eq!(
            scope(t, "$4 billion", &[], Some("2025-03-01")),
            (Some("2024".into()), Some(AsOfSource::Relative))
        );
    }

    #[test]
    fn no_cue_falls_back_to_publication() {
        let t = "Wang, 28, runs it.";
        assert_eq!(
            scope(t, "28", &[], Some("2025-06-13")),
            (Some("2025-06-13".into()), Some(AsOfSource::Published))
        );
        assert_eq!(scope(t, "28", &[], None), (None, None));
    }

    #[test]
    fn weekdays_resolve_against_the_publication_date() {
        let t = "The toll rose to at least 112 on Tuesday, up from 78 on Monday.";
        let p = Some("2025-04-08");
        assert_eq!(scope(t, "78", &[], p).0.as_deref(), Some("2025-04-07"));
        assert_eq!(
            scope(t, "at least 112", &[], p).0.as_deref(),
            Some("2025-04-08")
        );
    }

    /// The scopes of two figures of one sentence (each 12 bytes from where `a` and `b`
    /// start) with one time mention `at` (ISO `iso`).
    fn two_scopes(
        t: &str,
        (at, iso): (&str, &str),
        (a, b): (&str, &str),
        published: &str,
    ) -> [(Option<String>, Option<AsOfSource>); 2] {
        let seg = segment(t);
        let ms = vec![year(t, at, iso)];
        let tm = time_mentions(t, &ms, &seg);
        let (a, b) = (t.find(a).unwrap(), t.find(b).unwrap());
        let figs = [(a, a + 12), (b, b + 12)];
        let ctx = ScopeContext {
            text: t,
            seg: &seg,
            times: &tm,
            figures: &figs,
            published: AsOf::parse(published),
        };
        figs.map(|f| written(as_of(&ctx, 0, f, Kind::Money)))
    }

    #[test]
    fn a_time_binds_to_the_nearest_figure() {
        let [first, second] = two_scopes(
            "Revenue rose to $4.2 billion, up from $3.9 billion in 2023.",
            ("2023", "2023"),
            ("$4.2", "$3.9"),
            "2025-02-11",
        );
        assert_eq!(first.1, Some(AsOfSource::Published));
        assert_eq!(second.0.as_deref(), Some("2023"));
    }

    #[test]
    fn periods_are_read_from_nearby_phrases() {
        let s = "posted $4.8 billion in fourth-quarter revenue";
        let f = s.find("$4.8").unwrap();
        assert_eq!(period_of(s, (f, f + 12)), Some("q4"));
        let s = "quarterly revenue of $4.2 billion";
        let f = s.find("$4.2").unwrap();
        assert_eq!(period_of(s, (f, f + 12)), Some("quarter"));
        assert!(same_period("quarter", "q4") && !same_period("q1", "q4"));
        let s = "inflation of 4.2 per cent projected for FY26";
        let f = s.find("4.2").unwrap();
        assert_eq!(period_of(s, (f, f + 12)), Some("year"));
        let s = "He added five assists in the league.";
        let f = s.find("five").unwrap();
        assert_eq!(period_of(s, (f, f + 4)), Some("competitions:league"));
        let s = "He scored 14 goals across all competitions, plus seven assists.";
        let f = s.find("seven").unwrap();
        assert_eq!(period_of(s, (f, f + 5)), Some("competitions:all"));
        assert!(!same_period("competitions:all", "competitions:league"));
        let s = "For the full year, revenue reached $16.1bn.";
        let f = s.find("$16").unwrap();
        assert_eq!(period_of(s, (f, f + 7)), Some("year"));
    }

    #[test]
    fn a_time_in_an_aside_does_not_date_the_figure() {
        let t = "Keller Chemicals, founded in 1962, employs roughly 2,300 people.";
        let r = scope(
            t,
            "roughly 2,300 people",
            &[("1962", "1962")],
            Some("2025-03-05"),
        );
        assert_eq!(r.1, Some(AsOfSource::Published));
    }

    #[test]
    fn as_of_after_a_list_dates_every_figure_and_since_dates_none() {
        let [cases, _] = two_scopes(
            "The agency put the toll at 38,466 cases and 1,457 deaths as of August 4.",
            ("August 4", "2024-08-04"),
            ("38,466", "1,457"),
            "2024-08-14",
        );
        assert_eq!(cases.0.as_deref(), Some("2024-08-04"));
        let r = scope(
            "It counted 1,456 deaths in Africa since January 2022.",
            "1,456 deaths",
            &[("January 2022", "2022-01")],
            Some("2024-08-14"),
        );
        assert_eq!(r.1, Some(AsOfSource::Published));
    }

    #[test]
    fn month_and_year_are_compatible() {
        assert!(compatible("2023-11", "2023"));
        assert!(!compatible("2023-11", "2025-06-13"));
    }
}
