//! Extraction: finds every numeric and dated figure in prose and normalizes it to a
//! value interval with kind, unit and qualifier. Pure: a `&str` in, mentions out.
//!
//! The scanner cuts the text into tokens once ([`token`]), then stops only at anchors:
//! a digit run, a currency symbol or code, or a word that can start a number, an ordinal
//! or a date (checked on the lower-cased word, no regex, no allocation per word). From an
//! anchor it parses outwards: hedges and `between`/`from` to the left ([`hedge`],
//! [`range`]), the numeral ([`numeral`]), then currency ([`money`]), percent
//! ([`percent`]), age ([`age`]), duration ([`duration`]), unit of measure ([`measure`])
//! and the counted noun ([`count`]) to the right; years and dates ([`date`]) and ranks
//! ([`ordinal`]) are tried first at their anchors. [`trap`] rejects digits that are not
//! claims. Each family lives in its own file with its own tests; the order of the checks
//! in `Scanner::quantity` is the registry: the first family that claims the words after
//! a numeral decides its kind.

pub mod age;
pub mod clock;
pub mod count;
pub mod date;
pub mod duration;
pub mod hedge;
pub mod measure;
pub mod money;
pub mod numeral;
pub mod ordinal;
pub mod percent;
pub mod range;
pub mod token;
pub mod trap;

use crate::claim::{Interval, Kind, Mention, Qualifier};
use crate::config::Config;
use numeral::Numeral;
use token::Tokens;

/// What extraction needs besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ExtractContext<'a> {
    /// Hedge widths, what `$` means.
    pub config: &'a Config,
    /// The document's publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), which gives
    /// a year to dates that state none (the closest such date to it); when absent,
    /// `config.reference_date` is used.
    pub published: Option<&'a str>,
}

/// Every figure in `text`, sorted by start offset, spans on character boundaries.
pub fn extract_mentions(text: &str, ctx: &ExtractContext<'_>) -> Vec<Mention> {
    let t = token::tokenize(text);
    let mut s = Scanner {
        t: &t,
        ctx,
        published: ctx
            .published
            .or(ctx.config.reference_date.as_deref())
            .and_then(date::Anchor::parse),
        out: Vec::new(),
        floor: 0,
        last_date_end: None,
        chunk_checked: 0,
    };
    s.run();
    finish(s.out)
}

/// A mention in token coordinates, before byte offsets are taken.
struct Found {
    start: usize,
    end: usize,
    m: Mention,
    /// For a change "from X to Y", the position in `out` of X.
    change_from: Option<usize>,
}

struct Scanner<'t, 'a> {
    t: &'t Tokens<'t>,
    ctx: &'a ExtractContext<'a>,
    published: Option<date::Anchor>,
    out: Vec<Found>,
    /// No mention may start before this token (the end of the previous one).
    floor: usize,
    /// End token of the last date or year, for "2007 and 2009".
    last_date_end: Option<usize>,
    /// Tokens before this one lie in a chunk already found not to be a URL or address.
    chunk_checked: usize,
}

/// What parsing at an anchor gave.
enum Step {
    /// Mentions, and the token to resume at.
    Found(Vec<Found>, usize),
    /// Nothing to emit, but skip to this token (`3 hours ago`).
    Skip(usize),
}

/// A numeral with the currency or percent sign around it: `$14.3 billion`, `49%`.
#[derive(Debug, Clone)]
pub(crate) struct Core {
    /// First token (currency included).
    pub(crate) start: usize,
    /// One past the last token (currency or percent sign included).
    pub(crate) end: usize,
    /// The numeral.
    pub(crate) num: Numeral,
    /// The currency unit.
    pub(crate) currency: Option<String>,
    /// Whether the currency is a minor unit (cents, pence).
    pub(crate) minor: bool,
    /// Percent unit and factor (basis points → points).
    pub(crate) percent: Option<(&'static str, f64)>,
}

impl Scanner<'_, '_> {
    fn run(&mut self) {
        let t = self.t;
        let mut i = 0;
        while i < t.len() {
            if !self.is_anchor(i) {
                i += 1;
                continue;
            }
            // The web check looks at the whole chunk between spaces: once per chunk.
            if i >= self.chunk_checked {
                let (web, end) = trap::web_chunk(t, i);
                if web {
                    i = end.max(i + 1);
                    continue;
                }
                self.chunk_checked = end;
            }
            // "Sunday 6 April 2025, 21:45": the time stamp of a date line, not a claim.
            let stamp = self
                .last_date_end
                .is_some_and(|e| e + 1 == i && t.is_punct(e, ','));
            if let Some((s, e, lo, hi)) = age::decade(t, i, self.floor) {
                let mid = Some((lo + hi) / 2.0);
                let mut m = Mention::new(0, 0, Kind::Age, Interval::new(Some(lo), mid, Some(hi)));
                m.unit = Some("year".into());
                m.qualifier = Qualifier::Range;
                let f = self.found(s, e, m);
                i = e;
                self.floor = e;
                self.out.push(f);
                continue;
            }
            if i >= self.floor && !stamp {
                if let Some(r) = clock::parse(t, i) {
                    let f = self.clock_found(i, r);
                    i = f.end.max(i + 1);
                    self.floor = i;
                    self.out.push(f);
                    continue;
                }
            }
            if let Some(next) = trap::skip_number(t, i) {
                i = next.max(i + 1);
                continue;
            }
            match self.parse_at(i) {
                Some(Step::Found(found, next)) => {
                    let base = self.out.len();
                    for mut f in found {
                        f.change_from = f.change_from.map(|k| base + k);
                        if matches!(f.m.kind, Kind::Date | Kind::Year) {
                            self.last_date_end = Some(f.end);
                        }
                        self.out.push(f);
                    }
                    i = next.max(i + 1);
                    self.floor = i;
                }
                Some(Step::Skip(next)) => {
                    i = next.max(i + 1);
                    self.floor = i;
                }
                None => i += 1,
            }
        }
    }

    fn is_anchor(&self, i: usize) -> bool {
        let t = self.t;
        match t.kind(i) {
            Some(token::TokKind::Num) => true,
            Some(token::TokKind::Punct) => {
                let Some(c) = t.punct(i) else {
                    return false;
                };
                if c.is_ascii() {
                    // '$' is the only ASCII currency symbol.
                    return c == '$' || matches!(c, '-' | '.') && t.is_num(i + 1);
                }
                money::is_symbol(t, i) || numeral::is_vulgar(t, i) || c == '−' && t.is_num(i + 1)
            }
            Some(token::TokKind::Word) => {
                let s = t.s(i);
                let b = s.as_bytes().first().copied().unwrap_or(0);
                if !b.is_ascii_alphabetic() || s.len() > 13 {
                    return false;
                }
                // Currency codes and prefixes only count right before a number or `$`.
                // (Length first: it is the cheapest test and rules out most words.)
                let next_num = s.len() <= 4
                    && (t.is_num(i + 1)
                        || matches!(t.punct(i + 1), Some('$' | '.'))
                        || s == "Y" && t.is_punct(i + 1, '='));
                if next_num && money::prefix(t, i, "").is_some() {
                    return true;
                }
                if !anchor_initial(b.to_ascii_lowercase()) {
                    return false;
                }
                let lc;
                let w = if s.bytes().all(|b| b.is_ascii_lowercase()) {
                    s
                } else {
                    lc = t.lc(i);
                    lc.as_str()
                };
                match w {
                    // "a dozen", "a third", "a million", "a twenty-first"
                    "a" | "an" => t.is_word_tok(i + 1) && anchor_word(t.lc(i + 1).as_str()),
                    w => anchor_word(w),
                }
            }
            None => false,
        }
    }

    fn parse_at(&mut self, i: usize) -> Option<Step> {
        let t = self.t;
        let after_date = self.last_date_end.is_some_and(|e| {
            e < i && i - e <= 1 && (t.is_any(e, &["and", "or", "to"]) || t.is_punct(e, ','))
        });
        if let Some(d) = date::parse(t, i, self.published, after_date) {
            let kind = if d.year_only { Kind::Year } else { Kind::Date };
            let value = match (d.year, d.last_year) {
                (Some(y), Some(y2)) if d.year_only => {
                    Interval::new(Some(f64::from(y)), Some(f64::from(y)), Some(f64::from(y2)))
                }
                (Some(y), _) => Interval::exact(f64::from(y)),
                (None, _) => Interval::new(None, None, None),
            };
            let mut m = Mention::new(0, 0, kind, value);
            m.date = d.iso;
            if d.range {
                m.qualifier = Qualifier::Range;
            }
            let end = d.end;
            return Some(Step::Found(vec![self.found(d.start, end, m)], end));
        }
        // "-2020-07-01-": a dash before a date is punctuation, not a minus sign.
        if t.is_dash(i) && date::parse(t, i + 1, self.published, false).is_some() {
            return None;
        }
        if let Some(step) = self.quantity(i) {
            return Some(step);
        }
        // A standalone ordinal word: "third-largest", "finished second".
        let (v, end) = ordinal::standalone_ordinal(t, i)?;
        if trap::ordinal_compound(t, end) {
            return Some(Step::Skip(end + 2));
        }
        let end = ordinal::superlative_suffix(t, end).unwrap_or(end);
        let m = Mention::new(0, 0, Kind::Ordinal, Interval::exact(v));
        Some(Step::Found(vec![self.found(i, end, m)], end))
    }

    /// A time of day or race time read at token `i`, with a hedge before it.
    fn clock_found(&self, i: usize, r: clock::Reading) -> Found {
        let hedge = hedge::prefix(self.t, i, self.floor);
        let start = hedge.map_or(i, |h| h.1);
        let q = hedge.map_or(Qualifier::None, |h| h.0);
        match r {
            clock::Reading::TimeOfDay { minutes, zone, end } => {
                // Hedges around a time of day move it by a quarter of an hour at most.
                const SLACK: f64 = 15.0;
                let (lo, hi) = match q {
                    Qualifier::Approx => (minutes - SLACK, minutes + SLACK),
                    Qualifier::Nearly | Qualifier::LessThan | Qualifier::AtMost => {
                        (minutes - SLACK, minutes)
                    }
                    Qualifier::MoreThan | Qualifier::AtLeast => (minutes, minutes + SLACK),
                    _ => (minutes, minutes),
                };
                let mut m = Mention::new(
                    0,
                    0,
                    Kind::Time,
                    Interval::new(Some(lo), Some(minutes), Some(hi)),
                );
                m.qualifier = q;
                m.unit = zone.map(str::to_string);
                m.date = Some(clock::iso(minutes, zone));
                self.found(start, end, m)
            }
            clock::Reading::Race { seconds, end } => {
                let mut m = Mention::new(0, 0, Kind::Duration, Interval::exact(seconds));
                m.unit = Some("second".into());
                self.found(i, end, m)
            }
        }
    }

    fn found(&self, start: usize, end: usize, mut m: Mention) -> Found {
        m.start = self.t.start(start);
        m.end = self.t.end(end.saturating_sub(1).max(start));
        Found {
            start,
            end,
            m,
            change_from: None,
        }
    }

    fn core(&self, i: usize) -> Option<Core> {
        let t = self.t;
        let dollar = self.ctx.config.dollar.as_str();
        let (currency, j) = match money::prefix(t, i, dollar) {
            Some((c, j)) => (Some(c), j),
            None => (None, i),
        };
        let mut num = numeral::parse_numeral(t, j, currency.is_some())?;
        if currency.is_some() && (num.ordinal || num.vague.is_some()) {
            return None;
        }
        let (currency, m) = match currency.map(money::split_millions) {
            Some((c, m)) => (Some(c), m),
            None => (None, 1.0),
        };
        if m != 1.0 {
            scale_numeral(&mut num, m);
        }
        let mut c = Core {
            start: i,
            end: num.end,
            num,
            currency,
            minor: false,
            percent: None,
        };
        // "tens of millions of dollars"
        if c.currency.is_none() && num.vague.is_some() && t.is_word(num.end, "of") {
            if let Some(s) = money::suffix(t, num.end + 1, true, dollar) {
                c.currency = Some(s.unit);
                c.minor = s.minor;
                c.end = s.end;
                return Some(c);
            }
        }
        if c.currency.is_none() && !num.ordinal {
            if let Some((u, e, f)) = percent::suffix(t, num.end) {
                c.percent = Some((u, f));
                c.end = e;
            } else if let Some(s) = money::suffix(t, num.end, num.scaled, dollar) {
                let (unit, m) = money::split_millions(s.unit);
                c.currency = Some(unit);
                c.minor = s.minor;
                c.end = s.end;
                if m != 1.0 {
                    scale_numeral(&mut c.num, m);
                }
                // "75 USD million"
                if !c.num.scaled {
                    if let Some(sc) =
                        numeral::scale_word(t.lc(c.end).as_str()).filter(|s| *s >= 1e3)
                    {
                        scale_numeral(&mut c.num, sc);
                        c.end += 1;
                    }
                }
            } else if let Some(start) = percent::inverted_prefix(t, i) {
                // "per cent of twenty-two": the percent word before its number.
                c.percent = Some((percent::PERCENT, 1.0));
                c.start = start;
            }
        }
        if c.currency.is_some() {
            dotted_thousands(t, &mut c.num);
        }
        Some(c)
    }

    /// "15 dollars 50", "3 dollars and 50 cents", "thirteen dollars forty-five cents":
    /// the minor units after a major currency word, as a fraction, and the end token.
    fn minor_after(&self, k: usize) -> Option<(f64, usize)> {
        let t = self.t;
        let j = if t.is_word(k, "and") { k + 1 } else { k };
        let c = self.core(j)?;
        if c.minor {
            return Some((c.num.value / 100.0, c.end));
        }
        let plain =
            c.currency.is_none() && c.percent.is_none() && c.num.plain.is_some_and(|v| v < 100)
                || c.num.words && !c.num.scaled && c.num.value < 100.0 && c.currency.is_none();
        let ends = c.end >= t.len() || matches!(t.punct(c.end), Some('.' | ',' | ';' | '!' | '?'));
        (plain && ends).then(|| (c.num.value / 100.0, c.end))
    }

    fn quantity(&self, i: usize) -> Option<Step> {
        let t = self.t;
        let cfg = self.ctx.config;
        let mut a = self.core(i)?;
        if a.num.words && (a.num.fraction || a.num.ordinal) && trap::ordinal_compound(t, a.end) {
            return Some(Step::Skip(a.end + 2));
        }
        let mut k = a.end;
        // Left context: hedge, "between", "from".
        let left = range::opener(t, a.start, self.floor);
        let hedge = hedge::prefix(t, a.start, self.floor).filter(|_| left.is_none());
        // Ranges and changes: "3-5", "$3 billion to $5 billion", "between 3 and 5".
        let mut second: Option<Core> = None;
        if let Some(conn) = range::connector(t, k, left) {
            if let Some(b) = self.core(conn) {
                if let Some((a2, b2)) = range::join(t, &a, &b, conn, left) {
                    a = a2;
                    second = Some(b2);
                }
            }
        }
        if second.is_none() && t.is_word(k, "or") {
            if let Some(b) = self.core(k + 1) {
                range::share_with_alternative(t, &mut a, &b);
            }
        }
        let is_change = second
            .as_ref()
            .is_some_and(|b| range::is_change(t, a.start, left, a.num.value, b.num.value));
        if let Some(b) = &second {
            k = b.end;
        }
        // Money "thirteen dollars and forty-five cents".
        let mut cents = 0.0;
        if second.is_none() && a.currency.is_some() && !a.minor && a.end > a.num.end {
            if let Some((c, e)) = self.minor_after(k) {
                cents = c;
                k = e;
            }
        }
        let last = second.as_ref().unwrap_or(&a);
        // Bounds around the figure: "or more", "more than 10 and less than 40".
        let mut qualifier = hedge.map_or(Qualifier::None, |h| h.0);
        let mut start = hedge.map_or(a.start, |h| h.1);
        if let Some(l) = left.filter(|_| second.is_some()) {
            start = l.1;
        }
        if let Some((q, e)) = hedge::suffix(t, k).filter(|_| second.is_none()) {
            // "about 500 or more": the trailing bound is the stronger statement.
            qualifier = q;
            k = e;
            if left.is_none() {
                start = a.start;
            }
        }
        let mut bound_pair = None;
        if second.is_none()
            && matches!(
                qualifier,
                Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::AtMost
            )
        {
            if let Some((b, q2, e)) = self.bound_pair(k, qualifier) {
                let lower_first = matches!(qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
                let ok = if lower_first {
                    a.num.value < b.num.value
                } else {
                    b.num.value < a.num.value
                };
                if ok {
                    bound_pair = Some((b, q2));
                    k = e;
                }
            }
        }

        let mut kind;
        let mut unit: Option<String> = None;
        let mut per = None;
        if let Some(cur) = &last.currency {
            kind = Kind::Money;
            unit = Some(cur.clone());
            if let Some((p, _e)) = money::per(t, k) {
                per = Some(p);
            }
        } else if let Some((u, _)) = last.percent {
            kind = Kind::Percent;
            unit = Some(u.to_string());
            // "3 per cent a year"
            if let Some((p, _)) = money::per(t, k)
                .filter(|(p, _)| matches!(p.as_str(), "year" | "month" | "week" | "day" | "hour"))
            {
                per = Some(p);
            }
        } else if last.num.ordinal {
            kind = Kind::Ordinal;
            if let Some(e) = ordinal::superlative_suffix(t, k) {
                k = e;
            }
        } else if let Some((u, e)) = age::suffix(t, k) {
            kind = Kind::Age;
            unit = Some(u.to_string());
            k = e;
        } else if let Some(u) = duration::suffix(t, k) {
            // "3 hours ago" is page chrome; "66 million years ago" is a figure.
            let deep_time = last.num.scaled || matches!(u.unit, "megayear" | "gigayear");
            if u.ago && !deep_time || t.is_word(u.end, "read") {
                return Some(Step::Skip(u.end));
            }
            kind = Kind::Duration;
            unit = Some(u.unit.to_string());
            k = u.end;
        } else if let Some(s) = age::prefix(
            t,
            left.filter(|_| second.is_some()).map_or(a.start, |l| l.1),
            self.floor,
        ) {
            kind = Kind::Age;
            unit = Some("year".into());
            start = s.min(start);
        } else if second.is_none() && hedge.is_none() && age::in_context(t, &a.num) {
            kind = Kind::Age;
            unit = Some("year".into());
        } else if let Some((u, e)) = measure::suffix(t, k) {
            kind = Kind::Number;
            unit = Some(u.to_string());
            k = e;
            // "2 million tonnes a year"
            if let Some((p, _)) = money::per(t, k) {
                per = Some(p);
            }
        } else if let Some((noun, e)) = count::noun_after(t, k, last.num.vague.is_some()) {
            kind = Kind::Count;
            unit = Some(noun);
            k = e;
            // "800,000 barrels a day"
            if let Some((p, _)) = money::per(t, k) {
                per = Some(p);
            }
        } else if let Some((noun, e)) = count::hyphen_adjective(t, k) {
            // "a 40-storey block", "a 200-seat plane": a count the noun after it has.
            kind = Kind::Count;
            unit = Some(noun);
            k = e;
        } else if let Some((shared_kind, shared_unit)) = self.alternative_unit(&a, k, &second) {
            // "three or four years", "two or three people"
            kind = shared_kind;
            unit = Some(shared_unit);
        } else {
            kind = Kind::Number;
        }
        // A counted noun ("Another 20 people") shows a quantity; only a bare number can
        // be part of a name.
        let named = kind == Kind::Number
            && (trap::model_name(t, &a.num)
                || unit.is_none()
                    && (trap::model_suffix(t, &a.num) || trap::series_number(t, &a.num)))
            || kind == Kind::Count
                && (trap::named_hundreds(t, &a.num) || trap::model_suffix(t, &a.num));
        if matches!(kind, Kind::Number | Kind::Count)
            && second.is_none()
            && (named || trap::pronoun_one(t, &a.num))
        {
            return Some(Step::Skip(a.end));
        }
        if kind == Kind::Money && last.minor && a.currency.as_deref() != Some("") {
            // Minor units keep their own unit ("cent", "pence").
        }
        if cents != 0.0 {
            kind = Kind::Money;
        }

        let rounding = cfg.hedges.rounding;
        let value_of = |c: &Core| -> (f64, f64) {
            let f = c.percent.map_or(1.0, |p| p.1);
            let mut half = c.num.half;
            if c.percent.is_some() && half == 0.0 && !c.num.fraction {
                half = 0.5 * 10f64.powi(-(c.num.decimals as i32));
            }
            (c.num.value * f, half * f)
        };
        // Changes: two mentions, the second pointing at the first.
        if is_change {
            let b = second.as_ref()?;
            let mut out = Vec::with_capacity(2);
            for (idx, c) in [&a, b].into_iter().enumerate() {
                let (p, h) = value_of(c);
                let mut m =
                    Mention::new(0, 0, kind, interval(p, h, Qualifier::None, cfg, rounding));
                m.unit = c
                    .currency
                    .clone()
                    .or_else(|| c.percent.map(|p| p.0.to_string()))
                    .or_else(|| unit.clone());
                m.per = per.clone();
                let end = if idx == 1 { k } else { c.end };
                let mut f = self.found(c.start, end, m);
                if idx == 1 {
                    f.change_from = Some(0);
                }
                out.push(f);
            }
            return Some(Step::Found(out, k));
        }
        let value = if let Some(b) = &second {
            let (x, _) = value_of(&a);
            let (y, _) = value_of(b);
            qualifier = Qualifier::Range;
            let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
            Interval::new(Some(tidy(lo)), Some(tidy((lo + hi) / 2.0)), Some(tidy(hi)))
        } else if let Some((lo, hi)) = a.num.vague {
            qualifier = Qualifier::Range;
            Interval::new(Some(lo), None, Some(hi))
        } else if let Some((b, _q2)) = &bound_pair {
            let (x, _) = value_of(&a);
            let (y, _) = value_of(b);
            let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
            qualifier = Qualifier::Range;
            Interval::new(Some(lo), None, Some(hi))
        } else {
            let (p, h) = value_of(&a);
            interval(p + cents, h, qualifier, cfg, rounding)
        };
        let mut m = Mention::new(0, 0, kind, value);
        m.unit = unit;
        m.qualifier = qualifier;
        m.per = per;
        Some(Step::Found(vec![self.found(start, k, m)], k))
    }

    /// The time unit or counted noun of the next figure when a bare one is coordinated
    /// with it by `or` ("three or four years").
    fn alternative_unit(
        &self,
        a: &Core,
        k: usize,
        second: &Option<Core>,
    ) -> Option<(Kind, String)> {
        let t = self.t;
        if second.is_some() || k != a.end || !t.is_word(k, "or") || a.num.ordinal {
            return None;
        }
        let b = self.core(k + 1)?;
        if b.currency.is_some() || b.percent.is_some() || b.num.ordinal {
            return None;
        }
        if let Some(u) = duration::suffix(t, b.end).filter(|u| !u.ago) {
            return Some((Kind::Duration, u.unit.to_string()));
        }
        count::noun_after(t, b.end, false).map(|(noun, _)| (Kind::Count, noun))
    }

    /// "more than 10 and less than 40": the second bound, its qualifier and end token.
    fn bound_pair(&self, k: usize, q: Qualifier) -> Option<(Core, Qualifier, usize)> {
        let t = self.t;
        if !(t.is_any(k, &["and", "but"]) || t.is_punct(k, ',')) {
            return None;
        }
        for c in k + 2..k + 8 {
            if let Some((q2, s)) = hedge::prefix(t, c, k + 1) {
                if s != k + 1 {
                    continue;
                }
                let lower = |q: Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
                let upper = |q: Qualifier| matches!(q, Qualifier::LessThan | Qualifier::AtMost);
                if !(lower(q) && upper(q2) || upper(q) && lower(q2)) {
                    return None;
                }
                let Some(b) = self.core(c) else {
                    continue;
                };
                let e = b.end;
                return Some((b, q2, e));
            }
        }
        None
    }
}

/// Whether a lower-case letter can begin an anchor word (every word [`anchor_word`]
/// accepts starts with one of these): a cheap first test on the hot path.
fn anchor_initial(b: u8) -> bool {
    matches!(
        b,
        b'a' | b'b'
            | b'd'
            | b'e'
            | b'f'
            | b'h'
            | b'j'
            | b'l'
            | b'm'
            | b'n'
            | b'o'
            | b'q'
            | b's'
            | b't'
            | b'w'
            | b'z'
    )
}

/// Whether a lower-cased word can start a figure: a number word, an ordinal, a month,
/// or `mid`/`early`/`late` before a year. One `match`, compiled to a length switch.
fn anchor_word(w: &str) -> bool {
    let first = w.as_bytes().first().copied().unwrap_or(0);
    if !anchor_initial(first) || w.len() < 3 {
        return false;
    }
    matches!(
        w,
        "zero"
            | "nil"
            | "nought"
            | "naught"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fourty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "half"
            | "quarter"
            | "dozen"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "tens"
            | "minus"
            | "negative"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "nineth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fourteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
            | "fortieth"
            | "fiftieth"
            | "sixtieth"
            | "seventieth"
            | "eightieth"
            | "ninetieth"
            | "hundredth"
            | "thousandth"
            | "millionth"
            | "billionth"
            | "trillionth"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "jan"
            | "february"
            | "feb"
            | "march"
            | "mar"
            | "april"
            | "apr"
            | "may"
            | "june"
            | "jun"
            | "july"
            | "jul"
            | "august"
            | "aug"
            | "september"
            | "sep"
            | "sept"
            | "october"
            | "oct"
            | "november"
            | "nov"
            | "december"
            | "dec"
            | "mid"
            | "early"
            | "late"
    )
}

/// Reads a dot as a thousands separator in an amount of money whose three decimals end
/// in `00` (`215.900 yuan`, `€1.500`): prices carry two decimals, so such a figure is a
/// European-style thousand, not a fraction of a unit.
fn dotted_thousands(t: &Tokens, n: &mut Numeral) {
    let d = n.end.saturating_sub(1);
    if n.scaled
        || n.decimals != 3
        || !t.is_punct(d.saturating_sub(1), '.')
        || !t.s(d).ends_with("00")
        || t.ndigits(n.start) > 3
        || n.start + 3 != n.end
    {
        return;
    }
    n.value = tidy(n.value * 1000.0);
    n.decimals = 0;
    n.half = 0.0;
}

/// Multiplies a numeral by a scale stated apart from it (`MUSD`, `USD million`).
fn scale_numeral(n: &mut Numeral, s: f64) {
    n.value *= s;
    n.half = if n.half > 0.0 {
        n.half * s
    } else {
        0.5 * s * 10f64.powi(-(n.decimals as i32))
    };
    n.scale *= s;
    n.scaled = true;
    n.plain = None;
}

/// The interval of a stated figure `p` whose last digit has half-width `half`, under a
/// qualifier (DESIGN.md "Values are intervals").
pub fn interval(p: f64, half: f64, q: Qualifier, cfg: &Config, rounding: bool) -> Interval {
    let i = interval_raw(p, half, q, cfg, rounding);
    Interval::new(i.low.map(tidy), i.point.map(tidy), i.high.map(tidy))
}

/// Rounds away binary noise (`16.4 * 1e6` = 16399999.999999998) to 12 significant digits.
pub fn tidy(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let p = 10f64.powi(11 - x.abs().log10().floor() as i32);
    let r = (x * p).round() / p;
    if r.is_finite() {
        r
    } else {
        x
    }
}

fn interval_raw(p: f64, half: f64, q: Qualifier, cfg: &Config, rounding: bool) -> Interval {
    let h = if rounding { half.abs() } else { 0.0 };
    let (lo, hi) = (p - h, p + h);
    match q {
        Qualifier::None | Qualifier::Range => Interval::new(Some(lo), Some(p), Some(hi)),
        Qualifier::Approx => {
            let w = cfg.hedges.approx * p.abs();
            Interval::new(Some(lo.min(p - w)), Some(p), Some(hi.max(p + w)))
        }
        Qualifier::Nearly => {
            let a = p - cfg.hedges.nearly * p.abs();
            Interval::new(Some(a.min(p)), Some(p), Some(p))
        }
        Qualifier::MoreThan | Qualifier::AtLeast => Interval::new(Some(p), Some(p), None),
        Qualifier::LessThan | Qualifier::AtMost => Interval::new(None, Some(p), Some(p)),
    }
}

/// Sorts mentions by offset (then by end and token) and turns change references into
/// positions in the sorted output.
fn finish(found: Vec<Found>) -> Vec<Mention> {
    // A figure beyond f64 ("1e999") states no usable value: drop it, and renumber the
    // change links of the rest.
    let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
    let keep: Vec<bool> = found
        .iter()
        .map(|f| finite(f.m.value.low) && finite(f.m.value.high) && finite(f.m.value.point))
        .collect();
    let mut new_index = vec![None; found.len()];
    let mut n = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    let found: Vec<Found> = found
        .into_iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(mut f, _)| {
            f.change_from = f
                .change_from
                .and_then(|c| new_index.get(c).copied().flatten());
            f
        })
        .collect();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&k| (found[k].m.start, found[k].m.end, found[k].start));
    let mut pos = vec![0usize; found.len()];
    for (p, &k) in order.iter().enumerate() {
        pos[k] = p;
    }
    order
        .iter()
        .map(|&k| {
            let mut m = found[k].m.clone();
            m.change_from = found[k].change_from.and_then(|c| pos.get(c).copied());
            m
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str) -> Vec<Mention> {
        let cfg = Config::default();
        let ctx = ExtractContext {
            config: &cfg,
            published: Some("2025-06-24"),
        };
        extract_mentions(s, &ctx)
    }

    fn one(s: &str) -> (String, Mention) {
        let ms = ex(s);
        assert_eq!(ms.len(), 1, "{s}: {ms:?}");
        let m = ms[0].clone();
        (s[m.start..m.end].to_string(), m)
    }

    #[test]
    fn nearly_is_just_below_the_figure() {
        let (text, m) = one("Scale was valued at nearly $14 billion.");
        assert_eq!(text, "nearly $14 billion");
        assert_eq!(m.kind, Kind::Money);
        assert_eq!(m.qualifier, Qualifier::Nearly);
        assert_eq!(m.value.high, Some(14e9));
        assert!((m.value.low.unwrap() - 13.58e9).abs() < 1.0);
    }

    #[test]
    fn decimals_cover_their_rounding() {
        let (_, m) = one("its $14.3 billion investment");
        assert!((m.value.low.unwrap() - 14.25e9).abs() < 1.0);
        assert!((m.value.high.unwrap() - 14.35e9).abs() < 1.0);
        assert_eq!(m.unit.as_deref(), Some("USD"));
    }

    #[test]
    fn percent_covers_its_rounding() {
        let (_, m) = one("laid off 14% of its workforce");
        assert_eq!(m.value, Interval::new(Some(13.5), Some(14.0), Some(14.5)));
    }

    #[test]
    fn counts_take_their_noun() {
        let (text, m) = one("roughly 200 full-time employees");
        assert_eq!(text, "roughly 200 full-time employees");
        assert_eq!(m.kind, Kind::Count);
        assert_eq!(m.unit.as_deref(), Some("employees"));
        assert_eq!(m.qualifier, Qualifier::Approx);
    }

    #[test]
    fn scale_distributes_over_a_range() {
        let (_, m) = one("3 to 5 million people");
        assert_eq!(m.value.low, Some(3e6));
        assert_eq!(m.value.high, Some(5e6));
        assert_eq!(m.qualifier, Qualifier::Range);
    }

    #[test]
    fn change_points_at_its_origin() {
        let ms = ex("The rate rose from 55 per cent to 125 per cent.");
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[1].change_from, Some(0));
    }

    #[test]
    fn ages_in_apposition() {
        let (_, m) = one("Meta has tapped Wang, just 28, to lead its AI efforts.");
        assert_eq!(m.kind, Kind::Age);
    }

    #[test]
    fn relative_times_are_not_durations() {
        assert!(ex("Posted 3 hours ago").is_empty());
    }

    #[test]
    fn dates_take_the_published_year() {
        let (_, m) = one("on June 22");
        assert_eq!(m.date.as_deref(), Some("2025-06-22"));
        assert_eq!(m.value.point, Some(2025.0));
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        for s in [
            "€3m—“about 5”\u{a0}%",
            "ü1ü",
            "—1—2—",
            "$",
            "1/",
            "日本2025年",
        ] {
            for m in ex(s) {
                assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                assert!(m.start <= m.end);
            }
        }
    }
}

#[cfg(test)]
mod property_tests {
    use super::*;
    use proptest::prelude::*;

    fn pieces() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "1",
            "14",
            "2016",
            "3.5",
            "1,000",
            ",",
            ".",
            "-",
            "–",
            "$",
            "£",
            "€",
            "%",
            "/",
            ":",
            " ",
            " ",
            "\u{a0}",
            "\n",
            "million",
            "bn",
            "m",
            "k",
            "percent",
            "per cent",
            "about",
            "nearly",
            "more than",
            "between",
            "and",
            "to",
            "from",
            "June",
            "May",
            "22",
            "year",
            "years",
            "old",
            "-year-old",
            "aged",
            "Wang",
            "people",
            "one",
            "twenty",
            "half",
            "a",
            "third",
            "dozen",
            "ago",
            "pm",
            "@",
            "#",
            "://",
            "ü",
            "日本",
            "“",
            "”",
            "’s",
            "(",
            ")",
            "½",
            "^",
            "e",
            "x10",
            "US",
            "HK",
            "c",
            "Rs",
            "RM",
            "USD",
            "MUSD",
            "first",
            "th",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_sane(s in pieces()) {
            let cfg = Config::default();
            let ctx = ExtractContext { config: &cfg, published: Some("2025-06-24") };
            let ms = extract_mentions(&s, &ctx);
            let mut last = 0;
            for m in &ms {
                prop_assert!(m.start <= m.end && m.end <= s.len());
                prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                prop_assert!(m.start >= last || m.start == last);
                last = m.start;
                let v = m.value;
                if let (Some(l), Some(p)) = (v.low, v.point) { prop_assert!(l <= p + 1e-9 * p.abs().max(1.0), "{m:?}"); }
                if let (Some(p), Some(h)) = (v.point, v.high) { prop_assert!(p <= h + 1e-9 * h.abs().max(1.0), "{m:?}"); }
                if let (Some(l), Some(h)) = (v.low, v.high) { prop_assert!(l <= h, "{m:?}"); }
                if let Some(c) = m.change_from { prop_assert!(c < ms.len()); }
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(s in "\\PC{0,80}") {
            let cfg = Config::default();
            let ctx = ExtractContext { config: &cfg, published: None };
            for m in extract_mentions(&s, &ctx) {
                prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            }
        }
    }
}
