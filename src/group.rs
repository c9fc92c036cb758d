//! Grouping: puts together the claims that speak about the same thing — same subject,
//! same attribute or open quantity, one unit dimension (one currency and rate period;
//! percent apart from percentage points; lengths apart from counts). Claims without a
//! subject or quantity are never grouped. Blocking by key keeps this linear: no pair of
//! claims is compared here.
//!
//! Claims are blocked by
//! quantity and dimension. A figure owned by a name in its sentence ("Kiptum's …") is
//! about that name; the others are about the story and join the one named owner of
//! their block when there is exactly one. Within an open quantity's block, figures whose values lie
//! further apart than [`crate::config::Matching::same_quantity_ratio`] are taken to
//! measure different things (a toll of 24 and a count of 511 cases), never one group.

use crate::claim::{Claim, Kind, SubjectRule};
use crate::identity::unit::Dimension;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Claims about one subject and attribute in one unit family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimGroup {
    /// Canonical subject.
    pub subject: String,
    /// Attribute.
    pub attribute: String,
    /// Unit family ("USD", "USD/year", "percent", "count", "length", "year", "date").
    pub unit: String,
    /// Indices into the claim list, in claim order.
    pub claims: Vec<usize>,
    /// Whether the attribute is an open quantity (not a lexicon family).
    pub open: bool,
}

/// The unit family a claim is compared in: its dimension, the currency code for money,
/// and the rate period.
pub fn unit_family(c: &Claim) -> String {
    let base = match c.dimension {
        Dimension::Currency => c
            .compared_in
            .clone()
            .or_else(|| c.unit.clone())
            .unwrap_or_else(|| "money".into()),
        Dimension::Number => match c.kind {
            Kind::Count | Kind::Number => "count".into(),
            _ => c.kind.as_str().into(),
        },
        Dimension::Age => "year".into(),
        // Times of day meet in UTC when their zone is known; others only each other.
        Dimension::ClockTime => {
            let zoned = c
                .unit
                .as_deref()
                .and_then(crate::extract::clock::zone_offset)
                .is_some();
            if zoned {
                "clock_time/utc"
            } else {
                "clock_time/local"
            }
            .into()
        }
        d => d.as_str().into(),
    };
    match &c.per {
        Some(p) => format!("{base}/{p}"),
        None => base,
    }
}

/// Groups claims by (subject, attribute, unit family), in key order. `key` maps an
/// attribute to the attribute its group is named after (see
/// [`crate::attribute::Lexicon::group_key`]). `ratio` is the spread beyond which the
/// figures of an open quantity are split into separate groups.
pub fn group_claims<'a>(
    claims: &'a [Claim],
    key: impl Fn(&'a str) -> &'a str,
    ratio: f64,
) -> Vec<ClaimGroup> {
    // Blocks by quantity and unit family: lexicon families and open quantities that
    // name the same thing ("headcount") meet in one block.
    let mut blocks: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let (Some(_), Some(a)) = (&c.subject, &c.attribute) {
            blocks
                .entry((key(a).to_string(), unit_family(c)))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for ((attribute, unit), members) in blocks {
        for (subject, members) in by_owner(claims, members, ratio) {
            let open = members.iter().all(|&i| claims[i].identity.is_some());
            // A lexicon family names its quantity well enough that any spread is a
            // disagreement or a timeline. Open quantities and running tallies may name two
            // things (today's toll and a past outbreak's; two banks and thirty), the more
            // likely the less the words said.
            let weak = members.iter().any(|&i| {
                claims[i]
                    .identity
                    .as_ref()
                    .is_some_and(|id| crate::identity::quantity::is_weak_rule(&id.quantity_rule))
            });
            let tally = members.iter().any(|&i| claims[i].volatile);
            // Named by the unit alone: the ratio; a tally: its square; named by the
            // sentence's words: its cube ("12 crew" and "30 crew members" stay one group,
            // "two banks" and "about 30 banks" do not); a lexicon family: its sixth power
            // (a valuation may grow fourfold, a monthly fee is not a takeover).
            // A time between two named events is one interval however far its figures
            // lie apart ("thirty seconds" and "five minutes" after take-off).
            let between = members.iter().all(|&i| {
                claims[i]
                    .identity
                    .as_ref()
                    .is_some_and(|id| id.quantity_rule == "time between events")
            });
            let spread = if between {
                f64::INFINITY
            } else if weak {
                ratio
            } else if tally {
                ratio * ratio
            } else if open {
                ratio.powi(3)
            } else {
                ratio.powi(6)
            };
            let parts = split_by_value(claims, members, spread);
            for part in parts {
                out.push(ClaimGroup {
                    subject: subject.clone(),
                    attribute: attribute.clone(),
                    unit: unit.clone(),
                    claims: part,
                    open,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.subject, &a.attribute, &a.unit, &a.claims).cmp(&(
            &b.subject,
            &b.attribute,
            &b.unit,
            &b.claims,
        ))
    });
    out
}

/// Splits a block by owner: figures owned by a name (a lexicon family's subject, a
/// possessive, a clause's subject) go with it; figures about the story join a name of
/// their own story as told below, or stay together.
fn by_owner<'a>(
    claims: &'a [Claim],
    members: Vec<usize>,
    ratio: f64,
) -> BTreeMap<String, Vec<usize>> {
    // A story figure joins the only name that owns figures of the same story ("242
    // people on board" and "Air India's 242 passengers and crew"). With several owners,
    // it joins the one whose own figures lie within `ratio` of it ("17 seconds shy of
    // the record" beside "Kiptum fell short of Kipchoge's record by 16 seconds"), else it
    // stays with the story. When it fits several whose figures all lie within 10% of it
    // ("Air India … 242 on board", "the Dreamliner … 244 people"), those names tell one
    // thing by different names: they and the story figure are one owner. A place counts
    // its own part of a tally: story figures never join it.
    let positional = members.first().is_some_and(|&i| {
        matches!(
            claims[i].dimension,
            Dimension::Date | Dimension::Year | Dimension::ClockTime
        )
    });
    let owned: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&j| {
            matches!(
                claims[j].subject_rule,
                SubjectRule::Named | SubjectRule::Possessive
            )
        })
        .filter(|&j| claims[j].subject.is_some())
        .collect();
    let owner = |j: usize| claims[j].subject.as_deref().unwrap_or_default();
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for &j in &owned {
        *sizes.entry(owner(j)).or_default() += 1;
    }
    let size = |o: &str| sizes.get(o).copied().unwrap_or(0);
    // Each story's owned figures, by magnitude, and its names: built once per block so
    // that a block of many copies stays linear.
    let mut by_story: BTreeMap<Option<&str>, Vec<(f64, usize)>> = BTreeMap::new();
    let mut names_of: BTreeMap<Option<&str>, BTreeSet<&str>> = BTreeMap::new();
    for &j in &owned {
        let story = claims[j].story.as_deref();
        names_of.entry(story).or_default().insert(owner(j));
        if let Some(n) = magnitude(&claims[j]) {
            by_story.entry(story).or_default().push((n, j));
        }
    }
    for v in by_story.values_mut() {
        v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    }
    let mut alias: BTreeMap<&str, &str> = BTreeMap::new();
    let mut joined: BTreeMap<usize, &str> = BTreeMap::new();
    for &i in &members {
        let c = &claims[i];
        if c.subject_rule != SubjectRule::Story {
            continue;
        }
        let story = c.story.as_deref();
        let Some(names) = names_of.get(&story) else {
            continue;
        };
        if names.len() == 1 {
            joined.insert(i, names.iter().next().copied().unwrap_or_default());
            continue;
        }
        let Some(m) = magnitude(c).filter(|m| *m > 0.0 && !positional) else {
            continue;
        };
        let mut fits: BTreeMap<&str, bool> = BTreeMap::new();
        let near = by_story.get(&story).map_or(&[][..], Vec::as_slice);
        let lo = near.partition_point(|(n, _)| *n * ratio < m);
        for &(n, j) in near[lo..].iter().take_while(|(n, _)| *n <= m * ratio) {
            let close = n <= m * 1.1 && n * 1.1 >= m;
            *fits.entry(owner(j)).or_insert(true) &= close;
        }
        let target = match fits.len() {
            1 => fits.keys().next().copied(),
            2.. if fits.values().all(|close| *close) => {
                let rep = fits
                    .keys()
                    .copied()
                    .max_by_key(|o| (size(o), std::cmp::Reverse(*o)))
                    .unwrap_or_default();
                for o in fits.keys() {
                    alias.insert(o, rep);
                }
                Some(rep)
            }
            _ => None,
        };
        if let Some(t) = target {
            joined.insert(i, t);
        }
    }
    let resolve = |o: &'a str| alias.get(o).copied().unwrap_or(o);
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in members {
        let c = &claims[i];
        let own = c.subject.as_deref().unwrap_or_default();
        let subject = match joined.get(&i) {
            Some(o) => resolve(o),
            None if c.subject_rule == SubjectRule::Story => own,
            None => resolve(own),
        };
        out.entry(subject.to_string()).or_default().push(i);
    }
    out
}

/// The magnitude a figure is placed by when splitting: its point, else a bound.
fn magnitude(c: &Claim) -> Option<f64> {
    c.base.point.or(c.base.low).or(c.base.high).map(f64::abs)
}

/// Splits a block into the figures that measure one thing: around the magnitude most
/// figures share (within 10%), every figure within `ratio` of it; then the same for the
/// rest. A chain of nearby values (650, 700, 800, 1,200) is not one group. Clock times
/// and dates are never cut: their values are positions, not sizes.
fn split_by_value(claims: &[Claim], members: Vec<usize>, ratio: f64) -> Vec<Vec<usize>> {
    if members
        .first()
        .is_some_and(|&i| claims[i].dimension == Dimension::ClockTime)
    {
        return split_clock(claims, members);
    }
    let positional = members
        .first()
        .is_some_and(|&i| matches!(claims[i].dimension, Dimension::Date | Dimension::Year));
    if positional || members.len() < 2 || ratio <= 1.0 {
        return vec![members];
    }
    let mut rest: Vec<(f64, usize)> = members
        .iter()
        .map(|&i| (magnitude(&claims[i]).unwrap_or(0.0), i))
        .collect();
    rest.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut parts: Vec<Vec<usize>> = Vec::new();
    while !rest.is_empty() {
        // The densest magnitude: most figures within 10% above it (two pointers).
        let (mut best, mut best_n, mut hi) = (0, 0, 0);
        for lo in 0..rest.len() {
            hi = hi.max(lo);
            while hi + 1 < rest.len() && rest[hi + 1].0 <= rest[lo].0 * 1.1 {
                hi += 1;
            }
            if hi + 1 - lo > best_n {
                (best, best_n) = (lo, hi + 1 - lo);
            }
        }
        let center = rest[best].0;
        let near = |m: f64| m <= center * ratio && m * ratio >= center;
        let (mut part, others): (Vec<_>, Vec<_>) = rest.into_iter().partition(|(m, _)| near(*m));
        // "orbited 45,676 times" against "4,576": a precise figure with one digit more
        // or less than the group's is a slip of the keyboard, kept to be flagged.
        let typo = |i: usize| {
            precise_digits(&claims[i]).is_some_and(|d| {
                part.iter().any(|&(_, j)| {
                    precise_digits(&claims[j]).is_some_and(|e| {
                        e.len().abs_diff(d.len()) == 1 && strsim::levenshtein(&d, &e) == 1
                    })
                })
            })
        };
        let (slips, others): (Vec<_>, Vec<_>) = others.into_iter().partition(|(_, i)| typo(*i));
        part.extend(slips);
        part.sort_by_key(|p| p.1);
        parts.push(part.into_iter().map(|p| p.1).collect());
        rest = others;
    }
    parts.sort();
    parts
}

/// Times of day further apart than this (minutes, round the clock) are different events.
const SAME_EVENT_MINUTES: f64 = 180.0;

/// Cuts times of day into runs whose neighbours lie within [`SAME_EVENT_MINUTES`] of
/// each other round the clock ("3:12 a.m." and "7 p.m." are two events; "22:11 GMT" and
/// "00.11 GMT" may be one).
/// The significant digits of a figure written precisely ("45,676" → "45676"), when it
/// has at least four of them after dropping trailing zeros; round figures have none.
fn precise_digits(c: &Claim) -> Option<String> {
    let start = c.text.find(|ch: char| ch.is_ascii_digit())?;
    let digits: String = c.text[start..]
        .chars()
        .take_while(|ch| ch.is_ascii_digit() || *ch == ',' || *ch == '.')
        .filter(char::is_ascii_digit)
        .collect();
    let digits = digits.trim_end_matches('0');
    (digits.len() >= 4).then(|| digits.to_string())
}

fn split_clock(claims: &[Claim], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut v: Vec<(f64, usize)> = members
        .iter()
        .map(|&i| (claims[i].base.point.unwrap_or(0.0), i))
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut last = f64::NEG_INFINITY;
    for (t, i) in &v {
        if t - last > SAME_EVENT_MINUTES || parts.is_empty() {
            parts.push(Vec::new());
        }
        parts.last_mut().expect("a part is open").push(*i);
        last = *t;
    }
    // Close the circle: the last run joins the first across midnight.
    if parts.len() > 1 {
        let (first, end) = (v[0].0, v[v.len() - 1].0);
        if first + 1440.0 - end <= SAME_EVENT_MINUTES {
            let tail = parts.pop().expect("two parts");
            parts[0].extend(tail);
        }
    }
    for p in &mut parts {
        p.sort_unstable();
    }
    parts.sort();
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Identity, Interval, Span};
    use crate::identity::quantity::DIMENSION_RULE;

    fn open_claim(doc: &str, attribute: &str, subject: &str, rule: SubjectRule, v: f64) -> Claim {
        let span = Span {
            start: 0,
            end: 1,
            line: 1,
            column: 1,
        };
        Claim {
            subject: Some(subject.into()),
            attribute: Some(attribute.into()),
            dimension: Dimension::Count,
            identity: Some(Identity {
                quantity_rule: "counted noun".into(),
                quantity_words: attribute.into(),
            }),
            subject_rule: rule,
            ..Claim::new(doc, span, "x", Kind::Count, Interval::exact(v))
        }
    }

    #[test]
    fn story_figures_join_the_only_named_owner() {
        let claims = vec![
            open_claim("a", "orbits", "Story", SubjectRule::Story, 4576.0),
            open_claim("b", "orbits", "Wilmore", SubjectRule::Possessive, 4577.0),
        ];
        let groups = group_claims(&claims, |a| a, 2.0);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].subject, "Wilmore");
        assert_eq!(groups[0].claims, vec![0, 1]);
    }

    #[test]
    fn far_apart_values_measure_different_things() {
        // Named by their unit alone ("650 km"): split at the ratio, around the densest.
        let weak = |doc, v| {
            let mut c = open_claim(doc, "length", "S", SubjectRule::Story, v);
            c.identity.as_mut().unwrap().quantity_rule = DIMENSION_RULE.into();
            c
        };
        let claims = vec![
            weak("a", 650.0),
            weak("b", 700.0),
            weak("c", 700.0),
            weak("d", 800.0),
            weak("e", 1200.0),
        ];
        let groups = group_claims(&claims, |a| a, 1.5);
        let parts: Vec<Vec<usize>> = groups.iter().map(|g| g.claims.clone()).collect();
        assert_eq!(parts, vec![vec![0, 1, 2, 3], vec![4]]);
    }

    #[test]
    fn a_quantity_named_by_its_words_tolerates_more_spread() {
        // "12 crew" and "30 crew members" disagree; "two banks" and "30 banks" are two
        // things.
        let claims = vec![
            open_claim("a", "crew", "S", SubjectRule::Story, 12.0),
            open_claim("b", "crew", "S", SubjectRule::Story, 30.0),
            open_claim("c", "bank", "S", SubjectRule::Story, 2.0),
            open_claim("d", "bank", "S", SubjectRule::Story, 30.0),
        ];
        let groups = group_claims(&claims, |a| a, 1.5);
        let parts: Vec<Vec<usize>> = groups.iter().map(|g| g.claims.clone()).collect();
        assert_eq!(parts, vec![vec![2], vec![3], vec![0, 1]]);
    }

    #[test]
    fn times_of_day_hours_apart_are_different_events() {
        let at = |doc, minutes| {
            let mut c = open_claim(doc, "clock_time", "S", SubjectRule::Story, minutes);
            c.dimension = Dimension::ClockTime;
            c
        };
        let claims = vec![
            at("a", 192.0),
            at("b", 1140.0),
            at("c", 1331.0),
            at("d", 11.0),
        ];
        let parts = split_clock(&claims, vec![0, 1, 2, 3]);
        assert_eq!(parts, vec![vec![0], vec![1], vec![2, 3]]);
    }

    #[test]
    fn a_figure_one_digit_off_stays_to_be_flagged() {
        let mut claims = vec![
            open_claim("a", "orbits", "NASA", SubjectRule::Story, 4576.0),
            open_claim("b", "orbits", "NASA", SubjectRule::Story, 45676.0),
            open_claim("c", "orbits", "NASA", SubjectRule::Story, 300.0),
            open_claim("d", "orbits", "NASA", SubjectRule::Story, 45000.0),
        ];
        for (c, t) in claims.iter_mut().zip(["4,576", "45,676", "300", "45,000"]) {
            c.text = t.into();
        }
        assert_eq!(
            split_by_value(&claims, vec![0, 1, 2], 1.5),
            vec![vec![0, 1], vec![2]]
        );
        // Round figures are not slips: 45,000 against 4,500 stays apart.
        claims[0].text = "4,500".into();
        claims[0].value = Interval::exact(4500.0);
        assert_eq!(
            split_by_value(&claims, vec![0, 3], 1.5),
            vec![vec![0], vec![3]]
        );
    }

    #[test]
    fn lengths_and_counts_are_different_families() {
        let mut a = open_claim("a", "x", "S", SubjectRule::Story, 10.0);
        a.dimension = Dimension::Length;
        let b = open_claim("b", "x", "S", SubjectRule::Story, 10.0);
        assert_ne!(unit_family(&a), unit_family(&b));
    }
}
