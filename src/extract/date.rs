//! Years and dates (kinds `year` and `date`, `Mention::date` in ISO form): `in 2016`,
//! `the 2016 election`, `the 2010s`, `mid-2024`, `2010-2015`, `June 22` (year from the
//! publication date when known), `June 13, 2025`, `Dec.02 2025`, `13 June 2025`,
//! `fourth of July 1995`, `November 2023`, `2025-06-13`, `21-04-2016`, `2015.5.13`,
//! `20200701`, `from June 22 to 25` (a range `2025-06-22/2025-06-25`), `in June`.
//!
//! Why: founding years, birth years and event dates are claims sources contradict, and
//! every other claim's time scope comes from them.

use super::token::Tokens;

/// A date or year found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Whether it states only a year (or years), not a month or day.
    pub year_only: bool,
    /// ISO form, `None` when the year cannot be resolved.
    pub iso: Option<String>,
    /// The first year stated or resolved.
    pub year: Option<i32>,
    /// For ranges of years or decades, the last year.
    pub last_year: Option<i32>,
    /// Whether it is a range (`June 22-25`, `2010-2015`).
    pub range: bool,
}

/// The date a document was published (or the configured reference date): it gives a
/// year to dates that state none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Year.
    pub year: i32,
    /// Month, when known.
    pub month: Option<u32>,
    /// Day, when known.
    pub day: Option<u32>,
}

impl Anchor {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything after is ignored).
    pub fn parse(s: &str) -> Option<Anchor> {
        let year = s.get(..4)?.parse().ok()?;
        let month = s
            .get(5..7)
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let day = s
            .get(8..10)
            .and_then(|d| d.parse().ok())
            .filter(|d| (1..=31).contains(d));
        Some(Anchor { year, month, day })
    }

    /// The year of a month and day stated without one in a clause told in the past
    /// ("launched on June 5" in an article of 19 March is last June): the latest that is
    /// not after the anchor (a few days' slack for time zones).
    pub fn past_year_for(&self, m: u32, d: u32) -> i32 {
        let Some(am) = self.month else {
            return self.year;
        };
        let after = (m, d) > (am, self.day.unwrap_or(31).saturating_add(3));
        if after {
            self.year - 1
        } else {
            self.year
        }
    }

    /// The year of a month (and day) stated without one: the year that puts it closest
    /// to the anchor ("December 20" in an article of 5 January is last December).
    pub fn year_for(&self, m: u32, d: Option<u32>) -> i32 {
        let Some(am) = self.month else {
            return self.year;
        };
        let at = |y: i32, m: u32, d: u32| i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d);
        let here = at(self.year, am, self.day.unwrap_or(15));
        let dist = |y: i32| (at(y, m, d.unwrap_or(15)) - here).abs();
        // The publication year unless that puts the date more than seven months away.
        if dist(self.year) <= 7 * 31 {
            return self.year;
        }
        [self.year - 1, self.year + 1]
            .into_iter()
            .min_by_key(|&y| dist(y))
            .unwrap_or(self.year)
    }
}

/// The month number of a month name or abbreviation (lower-cased).
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn days_in(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid(y: Option<i32>, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in(y.unwrap_or(2000), m)
}

fn iso(y: Option<i32>, m: u32, d: Option<u32>) -> Option<String> {
    let y = y?;
    Some(match d {
        Some(d) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("{y:04}-{m:02}"),
    })
}

/// Whether `v` can be a year written in four digits.
pub fn is_year_value(v: u64) -> bool {
    (1000..=2100).contains(&v)
}

/// A four-digit year at token `i` (not part of a longer number): its value.
fn year_at(t: &Tokens, i: usize) -> Option<i32> {
    if t.ndigits(i) != 4 {
        return None;
    }
    let v = t.int(i)?;
    if !is_year_value(v) {
        return None;
    }
    // 2025.5 or 2,025 are not years.
    if (t.is_punct(i + 1, '.') || t.is_punct(i + 1, ','))
        && t.attached(i + 1)
        && t.is_num(i + 2)
        && t.attached(i + 2)
    {
        return None;
    }
    Some(v as i32)
}

/// A day of the month at token `i`: digits with an optional ordinal suffix, or an
/// ordinal word (`first`, `twenty-second`): (day, end token).
fn day_at(t: &Tokens, i: usize) -> Option<(u32, usize)> {
    if t.is_num(i) && t.ndigits(i) <= 2 {
        let d = t.int(i)? as u32;
        let mut end = i + 1;
        if t.attached(end) && t.is_any(end, &["st", "nd", "rd", "th"]) {
            end += 1;
        }
        // "June 22.5" or "June 22,000" are not days ("Oct. 3-7" is a day range).
        if matches!(t.punct(end), Some('.' | ','))
            && t.is_num(end + 1)
            && t.attached(end + 1)
            && t.attached(end)
        {
            return None;
        }
        return (1..=31).contains(&d).then_some((d, end));
    }
    let lc = t.lc(i);
    let w = lc.as_str();
    let unit = |w: &str| -> Option<u32> {
        super::ordinal::ordinal_word(w)
            .filter(|o| !o.plural && !o.scale && o.value <= 31.0)
            .map(|o| o.value as u32)
    };
    if matches!(w, "twenty" | "thirty") {
        let base = if w == "twenty" { 20 } else { 30 };
        let k = if t.is_dash(i + 1) { i + 2 } else { i + 1 };
        let u = unit(t.lc(k).as_str()).filter(|u| *u < 10)?;
        return (base + u <= 31).then_some((base + u, k + 1));
    }
    unit(w).map(|d| (d, i + 1))
}

fn month_at(t: &Tokens, i: usize) -> Option<(u32, usize)> {
    let lc = t.lc(i);
    let m = month(lc.as_str())?;
    let mut end = i + 1;
    if lc.as_str().len() <= 4 && t.is_punct(end, '.') && t.attached(end) {
        end += 1;
    }
    Some((m, end))
}

/// An optional `, 2025` / ` 2025` / ` of 2025` after a month or day: (year, end).
fn trailing_year(t: &Tokens, k: usize) -> Option<(i32, usize)> {
    let mut j = k;
    if t.is_punct(j, ',') {
        j += 1;
    }
    if t.is_any(j, &["of", "in"]) {
        j += 1;
    }
    let y = year_at(t, j)?;
    Some((y, j + 1))
}

/// Whether the clause before token `i` tells of the past: a verb in the past tense
/// among the six words before ("launched on", "began their mission on"), and no word
/// of the future ("will", "next", "scheduled").
fn told_in_past(t: &Tokens, i: usize) -> bool {
    let mut past = false;
    for k in (i.saturating_sub(6)..i).rev() {
        if t.is_boundary(k) {
            break;
        }
        let w = t.lc(k);
        let w = w.as_str();
        if matches!(
            w,
            "will"
                | "next"
                | "scheduled"
                | "due"
                | "planned"
                | "until"
                | "expected"
                | "set"
                | "upcoming"
                | "from"
        ) {
            return false;
        }
        past |= (w.len() > 4 && w.ends_with("ed"))
            || matches!(
                w,
                "began"
                    | "flew"
                    | "took"
                    | "was"
                    | "were"
                    | "had"
                    | "came"
                    | "went"
                    | "fell"
                    | "rose"
                    | "struck"
                    | "hit"
                    | "made"
                    | "won"
                    | "left"
                    | "held"
                    | "met"
                    | "said"
                    | "told"
                    | "sold"
                    | "paid"
                    | "lost"
                    | "saw"
                    | "led"
            );
    }
    past
}

/// Context that makes a bare month name a date rather than a verb or a name.
fn month_context(t: &Tokens, i: usize) -> bool {
    i > 0
        && t.is_any(
            i - 1,
            &[
                "in", "since", "until", "till", "by", "during", "through", "early", "late", "mid",
                "from", "before", "after", "last", "next", "this", "of",
            ],
        )
}

/// A date starting with a month name at token `i`.
fn from_month(t: &Tokens, i: usize, published: Option<Anchor>) -> Option<DateMatch> {
    let (m, k) = month_at(t, i)?;
    // Dec-2018, Sep-23-2020, Dec/2018
    if matches!(t.punct(k), Some('-' | '/')) && t.attached(k) && t.is_num(k + 1) {
        if let Some(d) = numeric(t, i) {
            return Some(d);
        }
    }
    let lc = t.lc(i);
    let full = lc.as_str().len() > 3 && !matches!(lc.as_str(), "may" | "march" | "sept");
    // "may" and "march" in lower case are verbs ("protesters march 5 miles").
    let verb = matches!(lc.as_str(), "may" | "march") && !t.is_cap(i);
    // Month + day
    if let Some((d, k2)) = day_at(t, k).filter(|_| !verb) {
        let (year, end) = match trailing_year(t, k2) {
            Some((y, e)) => (Some(y), e),
            None => (published.map(|p| year_of(p, t, i, m, d)), k2),
        };
        if !valid(year, m, d) {
            return None;
        }
        // Range: June 22-25, June 22 to July 3
        let explicit = end != k2;
        if !explicit {
            if let Some(r) = day_range(t, k2, year, m, d) {
                return Some(DateMatch { start: i, ..r });
            }
        }
        return Some(DateMatch {
            start: i,
            end,
            year_only: false,
            iso: iso(year, m, Some(d)),
            year,
            last_year: None,
            range: false,
        });
    }
    // Month + year
    if let Some((y, end)) = trailing_year(t, k) {
        if t.is_cap(i) || full || t.is_punct(k, ',') {
            return Some(DateMatch {
                start: i,
                end,
                year_only: false,
                iso: iso(Some(y), m, None),
                year: Some(y),
                last_year: None,
                range: false,
            });
        }
    }
    // Month alone in date context ("in June").
    if t.is_cap(i) && lc.as_str().len() > 3 && month_context(t, i) && !t.is_punct(k, '.')
        || t.is_cap(i) && matches!(lc.as_str(), "may" | "march") && month_context(t, i)
    {
        if lc.as_str() == "march" && t.is_any(k, &["on", "to", "through", "against"]) {
            return None;
        }
        return Some(DateMatch {
            start: i,
            end: k,
            year_only: false,
            iso: iso(published.map(|p| p.year_for(m, None)), m, None),
            year: published.map(|p| p.year_for(m, None)),
            last_year: None,
            range: false,
        });
    }
    None
}

/// `-25`, ` to 25`, ` to July 3` after a month and day: the range.
fn day_range(t: &Tokens, k: usize, year: Option<i32>, m: u32, d: u32) -> Option<DateMatch> {
    let j = if t.is_dash(k) || t.is_any(k, &["to", "through", "until", "till"]) {
        k + 1
    } else {
        return None;
    };
    let (m2, j2) = match month_at(t, j) {
        Some((m2, e)) => (m2, e),
        None => (m, j),
    };
    if !t.is_num(j2) {
        return None;
    }
    let (d2, e) = day_at(t, j2)?;
    let (y2, end) = match trailing_year(t, e) {
        Some((y, e2)) => (Some(y), e2),
        None => (year, e),
    };
    let year = if y2.is_some() && year.is_none() {
        y2
    } else {
        year
    };
    if !valid(y2, m2, d2) || (m2, d2) <= (m, d) && y2 == year {
        return None;
    }
    let iso = match (iso(year, m, Some(d)), iso(y2, m2, Some(d2))) {
        (Some(a), Some(b)) => Some(format!("{a}/{b}")),
        _ => None,
    };
    Some(DateMatch {
        start: 0,
        end,
        year_only: false,
        iso,
        year,
        last_year: y2,
        range: true,
    })
}

/// The year of a month and day stated without one at token `i`: the last such day
/// before the publication when the clause tells of the past, else the closest.
fn year_of(p: Anchor, t: &Tokens, i: usize, m: u32, d: u32) -> i32 {
    if told_in_past(t, i) {
        p.past_year_for(m, d)
    } else {
        p.year_for(m, Some(d))
    }
}

/// A date starting with a day: `13 June 2025`, `04th Jan 2019`, `fourth of July`.
fn from_day(t: &Tokens, i: usize, published: Option<Anchor>) -> Option<DateMatch> {
    let (d, k) = day_at(t, i)?;
    let k = if t.is_word(k, "of") { k + 1 } else { k };
    let (m, k2) = month_at(t, k)?;
    if !t.is_cap(k) && t.is_num(i) && t.lc(k).as_str() == "may" {
        return None;
    }
    let (year, end) = match trailing_year(t, k2) {
        Some((y, e)) => (Some(y), e),
        None => (published.map(|p| year_of(p, t, i, m, d)), k2),
    };
    if !valid(year, m, d) {
        return None;
    }
    Some(DateMatch {
        start: i,
        end,
        year_only: false,
        iso: iso(year, m, Some(d)),
        year,
        last_year: None,
        range: false,
    })
}

#[derive(Clone, Copy)]
enum Comp {
    Num(u64, usize),
    Month(u32),
}

/// Numeric dates: 2025-06-13, 2015.5.13, 21-04-2016, 6/22/2025, 2016-11, 11-2016,
/// 2019/sep/01, 20200701.
fn numeric(t: &Tokens, i: usize) -> Option<DateMatch> {
    if t.ndigits(i) == 8 {
        let v = t.int(i)?;
        let (y, m, d) = ((v / 10000) as i32, (v / 100 % 100) as u32, (v % 100) as u32);
        if (1900..=2100).contains(&y) && valid(Some(y), m, d) {
            return Some(DateMatch {
                start: i,
                end: i + 1,
                year_only: false,
                iso: iso(Some(y), m, Some(d)),
                year: Some(y),
                last_year: None,
                range: false,
            });
        }
        return None;
    }
    let mut comps: Vec<(Comp, usize)> = Vec::with_capacity(3);
    let mut sep: Option<char> = None;
    let mut j = i;
    loop {
        let c = if t.is_num(j) {
            Comp::Num(t.int(j)?, t.ndigits(j))
        } else if let Some(m) = month(t.lc(j).as_str()) {
            Comp::Month(m)
        } else {
            break;
        };
        comps.push((c, j));
        if comps.len() == 3 {
            j += 1;
            break;
        }
        let s = t.punct(j + 1);
        // Separators touch a side ("2016- 11", "2016 -11"), except a slash, which is never
        // a dash between clauses ("11 / 2016").
        let touching = t.attached(j + 1) || t.attached(j + 2);
        let ok = match s {
            Some('.') => t.attached(j + 1) && t.attached(j + 2),
            Some('-') => touching,
            Some('/') => true,
            _ => false,
        };
        if !ok || (sep.is_some() && sep != s) {
            j += 1;
            break;
        }
        sep = s;
        if !(t.is_num(j + 2) || month(t.lc(j + 2).as_str()).is_some()) {
            j += 1;
            break;
        }
        j += 2;
    }
    let end = j;
    // Followed by more digits or separators: a phone number, version or code.
    if t.attached(end)
        && (t.is_num(end) || matches!(t.punct(end), Some('-' | '/')) && t.is_num(end + 1))
    {
        return None;
    }
    let sep = sep?;
    let mk = |y: i32, m: u32, d: Option<u32>| DateMatch {
        start: i,
        end,
        year_only: false,
        iso: iso(Some(y), m, d),
        year: Some(y),
        last_year: None,
        range: false,
    };
    let year4 = |c: Comp| match c {
        Comp::Num(v, 4) if is_year_value(v) => Some(v as i32),
        _ => None,
    };
    let small = |c: Comp| match c {
        Comp::Num(v, n) if n <= 2 => Some(v as u32),
        _ => None,
    };
    let mon = |c: Comp| match c {
        Comp::Month(m) => Some(m),
        Comp::Num(v, n) if n <= 2 && (1..=12).contains(&v) => Some(v as u32),
        _ => None,
    };
    match comps.as_slice() {
        [(a, _), (b, _), (c, _)] => {
            if let Some(y) = year4(*a) {
                if let (Some(m), Some(d)) = (mon(*b), small(*c)) {
                    if valid(Some(y), m, d) {
                        return Some(mk(y, m, Some(d)));
                    }
                }
                if let (Some(d), Comp::Month(m)) = (small(*b), *c) {
                    if valid(Some(y), m, d) {
                        return Some(mk(y, m, Some(d)));
                    }
                }
                return None;
            }
            let y = year4(*c)?;
            if let (Some(d), Comp::Month(m)) = (small(*a), *b) {
                return valid(Some(y), m, d).then(|| mk(y, m, Some(d)));
            }
            if let (Comp::Month(m), Some(d)) = (*a, small(*b)) {
                return valid(Some(y), m, d).then(|| mk(y, m, Some(d)));
            }
            let (x, z) = (small(*a)?, small(*b)?);
            // Ambiguous all-digit dates read month first (en-US), except with dots
            // (13.06.2025, European).
            let (m, d) = if x > 12 || (sep == '.' && z <= 12) {
                (z, x)
            } else {
                (x, z)
            };
            valid(Some(y), m, d).then(|| mk(y, m, Some(d)))
        }
        [(a, _), (b, _)] if sep != '.' => {
            if let (Some(y), Some(m)) = (year4(*a), mon(*b)) {
                return Some(mk(y, m, None));
            }
            if let (Some(m), Some(y)) = (mon(*a), year4(*b)) {
                return Some(mk(y, m, None));
            }
            None
        }
        _ => None,
    }
}

/// Words before a bare four-digit number that make it a year.
fn year_context(t: &Tokens, i: usize) -> bool {
    // "2020's biggest deal": only a year takes the possessive.
    if matches!(t.punct(i + 1), Some('\'' | '’')) && t.is_word(i + 2, "s") && t.attached(i + 1) {
        return true;
    }
    if i == 0 {
        return false;
    }
    if t.is_any(
        i - 1,
        &[
            "in", "since", "by", "of", "from", "to", "until", "till", "through", "during",
            "before", "after", "circa", "early", "late", "mid", "year", "fiscal", "spring",
            "summer", "autumn", "fall", "winter", "between", "around", "as", "for", "the", "its",
            "their", "his", "her", "this", "that", "and", "or", "on",
        ],
    ) {
        return true;
    }
    if t.is_punct(i - 1, '(') && t.is_punct(i + 1, ')') {
        return true;
    }
    // Quarters and halves (Q2 2024, H1 2025) and fiscal years (FY2025).
    if i >= 2
        && t.is_num(i - 1)
        && t.ndigits(i - 1) == 1
        && t.attached(i - 1)
        && t.is_any(i - 2, &["q", "h"])
    {
        return true;
    }
    if t.is_any(i - 1, &["fy"]) && t.attached(i) {
        return true;
    }
    // "a 2019 interview", "Time's 2024 list": a year used as a modifier.
    let possessive = t.is_word(i - 1, "s") && i >= 2 && matches!(t.punct(i - 2), Some('\'' | '’'));
    if (t.is_any(i - 1, &["a", "an"]) || possessive)
        && t.is_word_tok(i + 1)
        && !t.is_cap(i + 1)
        && !counted_after(t, i + 1)
    {
        return true;
    }
    false
}

/// Whether the word after a four-digit number says it counts things, not a year.
fn counted_after(t: &Tokens, k: usize) -> bool {
    let lc = t.lc(k);
    let w = lc.as_str();
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !t.is_cap(k)
}

/// A year at token `i`: `in 2016`, `the 2010s`, `2010-2015`, `2013-14`.
fn year(t: &Tokens, i: usize, after_year: bool) -> Option<DateMatch> {
    let y = year_at(t, i)?;
    let mut end = i + 1;
    // Decades: 1990s, 1990's
    if y % 10 == 0 {
        let apostrophe = t.is_punct(end, '\'') || t.is_punct(end, '’');
        let k = if apostrophe { end + 1 } else { end };
        // "the 1990's" is a decade, "2020's biggest deal" a possessive.
        let decade = !apostrophe || i > 0 && t.is_word(i - 1, "the");
        if decade && t.attached(k) && t.is_word(k, "s") {
            return Some(DateMatch {
                start: i,
                end: k + 1,
                year_only: true,
                iso: Some(format!("{y}/{}", y + 9)),
                year: Some(y),
                last_year: Some(y + 9),
                range: true,
            });
        }
    }
    if t.attached(end) && t.is_word_tok(end) {
        return None;
    }
    // "2016 June", "2016, nov"
    let k = if t.is_punct(end, ',') { end + 1 } else { end };
    if let Some((m, e)) = month_at(t, k) {
        let lc = t.lc(k);
        let verb = matches!(lc.as_str(), "may" | "march") && !t.is_cap(k);
        let day_follows = t.is_num(e) && t.ndigits(e) <= 2;
        if !verb && !day_follows {
            return Some(DateMatch {
                start: i,
                end: e,
                year_only: false,
                iso: iso(Some(y), m, None),
                year: Some(y),
                last_year: None,
                range: false,
            });
        }
    }
    // Ranges: 2010-2015, 2013-14, 2010 to 2015
    let mut range_end = None;
    let between = i > 0 && t.is_word(i - 1, "between") && t.is_word(end, "and");
    if t.is_dash(end) || t.is_any(end, &["to", "through"]) || between {
        let k = end + 1;
        if t.is_num(k) && !(t.attached(k + 1) && t.is_word_tok(k + 1)) {
            let v = t.int(k).unwrap_or(0) as i32;
            let y2 = match t.ndigits(k) {
                4 => v,
                2 if t.is_dash(end) && t.attached(end) && t.attached(k) => y / 100 * 100 + v,
                _ => 0,
            };
            if y2 > y && y2 - y <= 100 && y2 <= 2100 {
                range_end = Some((y2, k + 1));
            }
        }
    }
    let context = year_context(t, i) || after_year;
    let strong = i > 0 && t.is_any(i - 1, &["in", "since", "by", "of"]);
    if range_end.is_none() && (!context || counted_after(t, end) && !strong) {
        return None;
    }
    if let Some((y2, e)) = range_end {
        if !context && !(1900..=2100).contains(&y) {
            return None;
        }
        end = e;
        return Some(DateMatch {
            start: if between { i - 1 } else { i },
            end,
            year_only: true,
            iso: Some(format!("{y}/{y2}")),
            year: Some(y),
            last_year: Some(y2),
            range: true,
        });
    }
    Some(DateMatch {
        start: i,
        end,
        year_only: true,
        iso: Some(y.to_string()),
        year: Some(y),
        last_year: None,
        range: false,
    })
}

/// The date or year starting at token `i`, if any. `published` gives missing years;
/// `after_year` says a year was just mentioned ("2007 and 2009").
pub fn parse(
    t: &Tokens,
    i: usize,
    published: Option<Anchor>,
    after_year: bool,
) -> Option<DateMatch> {
    // '90s: a decade of the twentieth century (or of this one for '00s to '20s).
    if t.is_num(i)
        && t.ndigits(i) == 2
        && i > 0
        && matches!(t.punct(i - 1), Some('\'' | '’'))
        && t.attached(i)
        && t.is_word(i + 1, "s")
        && t.attached(i + 1)
    {
        let v = t.int(i).unwrap_or(1) as i32;
        if v % 10 == 0 {
            let y = if v < 30 { 2000 + v } else { 1900 + v };
            return Some(DateMatch {
                start: i - 1,
                end: i + 2,
                year_only: true,
                iso: Some(format!("{y}/{}", y + 9)),
                year: Some(y),
                last_year: Some(y + 9),
                range: true,
            });
        }
    }
    if t.is_num(i) {
        if let Some(d) = numeric(t, i) {
            return Some(d);
        }
        if let Some(d) = from_day(t, i, published) {
            return Some(d);
        }
        return year(t, i, after_year);
    }
    if !t.is_word_tok(i) {
        return None;
    }
    let lc = t.lc(i);
    let w = lc.as_str();
    if matches!(w, "mid" | "early" | "late") {
        let k = if t.is_dash(i + 1) && t.attached(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let y = year_at(t, k)?;
        if t.attached(k + 1) && t.is_word_tok(k + 1) {
            return None;
        }
        return Some(DateMatch {
            start: i,
            end: k + 1,
            year_only: true,
            iso: Some(y.to_string()),
            year: Some(y),
            last_year: None,
            range: false,
        });
    }
    if month(w).is_some() {
        return from_month(t, i, published);
    }
    if let Some(d) = weekday(w) {
        return from_weekday(t, i, d, published);
    }
    from_day(t, i, published)
}

/// The weekday number (0 = Monday) of a lower-cased weekday name.
fn weekday(w: &str) -> Option<u32> {
    crate::text::WEEKDAY_NAMES
        .iter()
        .position(|d| *d == w)
        .map(|d| d as u32)
}

/// Whether a figure's text opens with a weekday name ("Thursday afternoon").
pub fn names_weekday(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    crate::text::WEEKDAY_NAMES
        .iter()
        .any(|d| first.eq_ignore_ascii_case(d))
}

/// The latest weekday `day` (0 = Monday) on or before `date`.
pub fn weekday_on_or_before(date: chrono::NaiveDate, day: u32) -> chrono::NaiveDate {
    use chrono::Datelike;
    let today = date.weekday().num_days_from_monday();
    date - chrono::Duration::days(i64::from((today + 7 - day) % 7))
}

/// The first weekday `day` (0 = Monday) on or after `date`.
fn weekday_on_or_after(date: chrono::NaiveDate, day: u32) -> chrono::NaiveDate {
    use chrono::Datelike;
    let today = date.weekday().num_days_from_monday();
    date + chrono::Duration::days(i64::from((day + 7 - today) % 7))
}

/// Words that put the clause before a weekday in the future ("will open … on Sunday",
/// "ahead of Sunday's game", "before … on Sunday").
const FUTURE_CUES: &[&str] = &[
    "will",
    "before",
    "ahead",
    "next",
    "due",
    "set",
    "scheduled",
    "expected",
    "plans",
    "plan",
    "hopes",
    "wants",
    "open",
    "opens",
    "face",
    "faces",
    "host",
    "hosts",
    "visit",
    "visits",
];

/// Past forms that do not end in "-ed".
const PAST_IRREGULAR: &[&str] = &[
    "was", "were", "came", "went", "struck", "hit", "fell", "died", "made", "won", "lost", "began",
    "left", "took", "gave", "met", "ran", "sank", "shook", "broke", "found", "held", "rose",
    "said", "told", "saw", "flew", "got", "paid", "sold", "bought", "had", "did", "set",
];

/// "crashed on Thursday afternoon", "will open their season on Sunday": a weekday after
/// "on", dated by the tense of its clause against the publication date (the latest such
/// day on or before it for the past, the next on or after it for the future), read from
/// the tense marker nearest before it. A clause whose tense says neither gives no date;
/// with no day of publication the weekday is found but its date stays unknown.
fn from_weekday(t: &Tokens, i: usize, day: u32, published: Option<Anchor>) -> Option<DateMatch> {
    use chrono::{Datelike, NaiveDate};
    if i == 0 || !t.is_word(i - 1, "on") || !t.is_cap(i) {
        return None;
    }
    let date = published.and_then(|p| NaiveDate::from_ymd_opt(p.year, p.month?, p.day?));
    // The clause before "on", back to a sentence or clause boundary; the tense marker
    // nearest the weekday decides ("is said to want it settled before Spurs open their
    // season on Saturday" looks ahead).
    let mut past = None;
    let mut k = i - 1;
    while past.is_none() && k > 0 && i - k < 14 {
        k -= 1;
        if t.is_boundary(k) || t.is_punct(k, ',') {
            break;
        }
        if t.is_word_tok(k) {
            let w = t.lc(k);
            let w = w.as_str();
            if FUTURE_CUES.contains(&w) {
                past = Some(false);
            } else if (w.ends_with("ed") && w.len() > 3) || PAST_IRREGULAR.contains(&w) {
                past = Some(true);
            }
        }
    }
    let past = past?;
    let resolved = date.map(|date| {
        if past {
            weekday_on_or_before(date, day)
        } else {
            weekday_on_or_after(date, day)
        }
    });
    let part = t.is_any(i + 1, &["morning", "afternoon", "evening", "night"]);
    Some(DateMatch {
        start: i,
        end: i + 1 + usize::from(part),
        year_only: false,
        iso: resolved.map(|r| r.format("%Y-%m-%d").to_string()),
        year: resolved.map(|r| r.year()),
        last_year: None,
        range: false,
    })
}

/// Whether a lower-cased word can start a date (month names, day ordinals, mid/early/late).
pub fn starts_date_word(w: &str) -> bool {
    month(w).is_some() || matches!(w, "mid" | "early" | "late")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::tokenize;

    /// The ISO date of the weekday at word `w` of `s`, published on `published`.
    fn weekday_date(s: &str, w: &str, published: &str) -> Option<String> {
        let t = tokenize(s);
        let i = (0..t.len()).find(|&i| t.is_word(i, w))?;
        parse(&t, i, Anchor::parse(published), false).and_then(|m| m.iso)
    }

    #[test]
    fn a_weekday_is_dated_by_the_tense_of_its_clause() {
        // 2025-06-13 is a Friday.
        let past = "The jet crashed on Thursday afternoon.";
        assert_eq!(
            weekday_date(past, "Thursday", "2025-06-13").as_deref(),
            Some("2025-06-12")
        );
        let future = "Spurs will open their season against Brentford on Sunday.";
        assert_eq!(
            weekday_date(future, "Sunday", "2025-06-13").as_deref(),
            Some("2025-06-15")
        );
        let nearest =
            "He is said to want it settled before Spurs open against Brentford on Sunday.";
        assert_eq!(
            weekday_date(nearest, "Sunday", "2025-06-13").as_deref(),
            Some("2025-06-15")
        );
        let same_day = "Rescuers found 10 more bodies on Friday.";
        assert_eq!(
            weekday_date(same_day, "Friday", "2025-06-13").as_deref(),
            Some("2025-06-13")
        );
        // No tense, no "on", or no day of publication: no date.
        assert_eq!(
            weekday_date("Markets on Monday.", "Monday", "2025-06-13"),
            None
        );
        assert_eq!(
            weekday_date("It crashed Thursday.", "Thursday", "2025-06-13"),
            None
        );
        assert_eq!(weekday_date(past, "Thursday", "2025-06"), None);
        // Found all the same, with no date to give it.
        let t = tokenize(past);
        let i = (0..t.len()).find(|&i| t.is_word(i, "Thursday")).unwrap();
        assert!(parse(&t, i, None, false).is_some_and(|m| m.iso.is_none()));
    }

    fn d(s: &str, i: usize, published: Option<i32>) -> Option<String> {
        let t = tokenize(s);
        let anchor = published.map(|year| Anchor {
            year,
            month: None,
            day: None,
        });
        parse(&t, i, anchor, false).and_then(|m| m.iso)
    }

    #[test]
    fn month_day_year() {
        assert_eq!(d("June 13, 2025", 0, None).as_deref(), Some("2025-06-13"));
        assert_eq!(d("Dec.02 2025", 0, None).as_deref(), Some("2025-12-02"));
        assert_eq!(d("Dec31 , 1994", 0, None).as_deref(), Some("1994-12-31"));
        assert_eq!(
            d("January first 2000", 0, None).as_deref(),
            Some("2000-01-01")
        );
    }

    #[test]
    fn month_day_takes_the_published_year() {
        assert_eq!(d("June 22", 0, Some(2025)).as_deref(), Some("2025-06-22"));
        assert_eq!(d("June 22", 0, None), None);
    }

    #[test]
    fn day_ranges() {
        assert_eq!(
            d("June 22 to 25", 0, Some(2025)).as_deref(),
            Some("2025-06-22/2025-06-25")
        );
        assert_eq!(
            d("Oct. 3-7", 0, Some(2025)).as_deref(),
            Some("2025-10-03/2025-10-07")
        );
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(d("2025-06-13", 0, None).as_deref(), Some("2025-06-13"));
        assert_eq!(d("21-04-2016", 0, None).as_deref(), Some("2016-04-21"));
        assert_eq!(d("2015.5.13", 0, None).as_deref(), Some("2015-05-13"));
        assert_eq!(d("2016- 11", 0, None).as_deref(), Some("2016-11"));
        assert_eq!(d("20200701", 0, None).as_deref(), Some("2020-07-01"));
        assert_eq!(d("2019/sep/01", 0, None).as_deref(), Some("2019-09-01"));
        assert_eq!(d("555-123-4567", 0, None), None);
    }

    #[test]
    fn month_year_and_day_month() {
        assert_eq!(d("November 2023", 0, None).as_deref(), Some("2023-11"));
        assert_eq!(d("April of 1987", 0, None).as_deref(), Some("1987-04"));
        assert_eq!(d("04th Jan 2019", 0, None).as_deref(), Some("2019-01-04"));
        assert_eq!(
            d("fourth of july of 1995", 0, None).as_deref(),
            Some("1995-07-04")
        );
    }

    #[test]
    fn years_need_context() {
        assert_eq!(d("in 2016", 1, None).as_deref(), Some("2016"));
        assert_eq!(d("bought 2016 chairs", 1, None), None);
        assert_eq!(d("the 2010s", 1, None).as_deref(), Some("2010/2019"));
        assert_eq!(d("mid-2024", 0, None).as_deref(), Some("2024"));
        assert_eq!(d("2010-2015", 0, None).as_deref(), Some("2010/2015"));
        assert_eq!(
            d("between 2019 and 2021", 1, None).as_deref(),
            Some("2019/2021")
        );
    }

    #[test]
    fn missing_year_is_the_closest_to_publication() {
        let a = Anchor::parse("2025-01-05").unwrap();
        assert_eq!(a.year_for(12, Some(20)), 2024);
        assert_eq!(a.year_for(1, Some(20)), 2025);
        let a = Anchor::parse("2024-12-28").unwrap();
        assert_eq!(a.year_for(1, Some(3)), 2025);
        assert_eq!(Anchor::parse("2025").unwrap().year_for(12, None), 2025);
    }

    #[test]
    fn a_date_told_in_the_past_is_before_publication() {
        let a = Anchor::parse("2025-03-19").unwrap();
        assert_eq!(a.past_year_for(6, 5), 2024);
        assert_eq!(a.past_year_for(3, 18), 2025);
        let t = crate::extract::token::tokenize("the capsule, which launched on June 5.");
        assert!(told_in_past(&t, 6));
        let t = crate::extract::token::tokenize("the capsule will launch on June 5.");
        assert!(!told_in_past(&t, 5));
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert_eq!(d("it may 2", 1, None), None);
        assert_eq!(d("they march 5 miles", 1, Some(2025)), None);
    }
}
