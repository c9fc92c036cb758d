//! Diff: decides, for each group of claims, whether the sources agree. Two claims from
//! different documents whose intervals are disjoint cannot both be true unless they
//! speak of different times: same time scope → conflict (error), a scope unknown on
//! either side → conflict with uncertain scope (warning), explicitly different times →
//! time-scoped (info, a timeline). Figures that contradict each other through
//! arithmetic (an age against a birth year at the publication date; an investment for a
//! stake against a stated valuation) are derived conflicts (warning).
//!
//! Within one document, differing figures about the same thing are taken as a timeline
//! the writer meant, never as a conflict.

use crate::attribute::Lexicon;
use crate::claim::AsOfSource;
use crate::claim::{Claim, Interval, Kind};
use crate::config::Config;
use crate::finding::{Finding, Severity, Verdict};
use crate::fingerprint::fingerprint;
use crate::group::ClaimGroup;
use crate::identity::quantity::is_weak_rule;
use crate::identity::time::{AsOf, Precision};
use crate::timescope::{compatible, same_period};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The default severity of a verdict.
pub fn severity_of(v: Verdict) -> Severity {
    match v {
        Verdict::Agree => Severity::None,
        Verdict::Conflict => Severity::Error,
        Verdict::ConflictScopeUncertain => Severity::Warning,
        Verdict::TimeScoped => Severity::Info,
        Verdict::DerivedConflict => Severity::Warning,
        Verdict::FactConflict => Severity::Error,
    }
}

/// How far apart two publication dates may be and still speak of the same time, for
/// figures that do not change from day to day (a quarter's revenue, a valuation).
const SAME_TIME_DAYS: i64 = 31;

/// The time scopes a claim can be read at: its own `as_of`, or — when it has none — the
/// scopes of the bounded claims from other documents it agrees with (a figure with no
/// date that matches this quarter's figure is this quarter's figure). Each scope carries
/// whether it comes only from a publication date.
fn scopes_of(c: &Claim, members: &[&Claim]) -> Vec<(AsOf, bool)> {
    let loose = |c: &Claim| {
        matches!(
            c.as_of_source,
            Some(AsOfSource::Published | AsOfSource::Present)
        )
    };
    if let Some(t) = c.as_of {
        return vec![(t, loose(c))];
    }
    let mut out: Vec<(AsOf, bool)> = members
        .iter()
        .filter(|o| o.doc != c.doc && o.value.low.is_some() && o.value.high.is_some())
        .filter(|o| o.value.point.is_some() && o.base.overlaps(&c.base))
        .filter_map(|o| Some((o.as_of?, loose(o))))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How two claims' time scopes relate, given each one's readable scopes. `volatile`
/// marks running tallies (death tolls) whose publication days matter.
fn pair_verdict(
    a: &Claim,
    b: &Claim,
    sa: &[(AsOf, bool)],
    sb: &[(AsOf, bool)],
    volatile: bool,
) -> Verdict {
    // Years and dates state a time themselves.
    if matches!(a.kind, Kind::Year | Kind::Date) {
        return Verdict::Conflict;
    }
    if sa.is_empty() || sb.is_empty() {
        return Verdict::ConflictScopeUncertain;
    }
    let same = sa.iter().any(|(x, lx)| {
        sb.iter().any(|(y, ly)| {
            x.compatible(y) || (!volatile && (*lx || *ly) && x.days_apart(y) <= SAME_TIME_DAYS)
        })
    });
    if !same {
        return Verdict::TimeScoped;
    }
    // A running tally reported twice on one day may be an earlier and a later update of
    // that day ("78 on Monday", "81 as of Monday evening"): a disagreement, but not one
    // that cannot be true, unless both figures are dated by the text itself.
    if volatile && !(stated_date(a) && stated_date(b)) {
        return Verdict::ConflictScopeUncertain;
    }
    Verdict::Conflict
}

/// Whether a claim's time scope is a date its text states ("as of June 12").
fn stated_date(c: &Claim) -> bool {
    c.as_of_source == Some(AsOfSource::Explicit)
}

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Agree => 0,
        Verdict::TimeScoped => 1,
        Verdict::DerivedConflict => 2,
        Verdict::ConflictScopeUncertain => 3,
        Verdict::Conflict => 4,
        Verdict::FactConflict => 5,
    }
}

/// Whether two claims state values that cannot both hold: dates by the day they name
/// (their value is only the year), everything else by interval; amounts converted
/// through configured rates widened by `rate_slack` (a fraction).
fn claims_disjoint(a: &Claim, b: &Claim, tolerance: f64, rate_slack: f64) -> bool {
    if a.kind == Kind::Date && b.kind == Kind::Date {
        if let (Some(x), Some(y)) = (&a.date, &b.date) {
            let start = |d: &str| d.split('/').next().unwrap_or(d).to_string();
            return !compatible(&start(x), &start(y));
        }
    }
    if a.unit != b.unit && a.dimension.is_measure() {
        return disjoint(&rounded(a), &rounded(b), tolerance);
    }
    // Amounts converted through configured rates: rates move and outlets round.
    if a.unit != b.unit && (a.compared_in.is_some() || b.compared_in.is_some()) {
        let widen = |c: &Claim| {
            let w = |x: Option<f64>, s: f64| x.map(|x| x * (1.0 + s * rate_slack));
            Interval::new(w(c.base.low, -1.0), c.base.point, w(c.base.high, 1.0))
        };
        return disjoint(&widen(a), &widen(b), tolerance);
    }
    disjoint(&as_stated(a), &as_stated(b), tolerance) || adjacent_roundings(a, b)
}

/// Whether two figures stated plainly are roundings that only touch ("33.7%" and
/// "33.8%", "$13 billion" and "$14 billion"): a rounding interval holds its lower end
/// and not its upper one, so no value rounds to both.
fn adjacent_roundings(a: &Claim, b: &Claim) -> bool {
    use crate::claim::Qualifier;
    let rounding = |c: &Claim| {
        c.qualifier == Qualifier::None
            && matches!((c.base.low, c.base.high), (Some(l), Some(h)) if l < h)
    };
    if !rounding(a) || !rounding(b) {
        return false;
    }
    let touch = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    };
    touch(a.base.high, b.base.low) || touch(b.base.high, a.base.low)
}

/// A claim's base interval, with no point when the figure as stated had none (a vague
/// plural).
fn as_stated(c: &Claim) -> Interval {
    Interval::new(c.base.low, c.value.point.and(c.base.point), c.base.high)
}

/// A figure's interval in base units, widened by the rounding of its last stated digit
/// when it is compared with a figure written in another unit ("26 feet" against "8
/// meters": either may be the rounded conversion of the other).
fn rounded(c: &Claim) -> Interval {
    let (Some(p), crate::claim::Qualifier::None) = (c.value.point, c.qualifier) else {
        return c.base;
    };
    if p.fract() != 0.0 || p == 0.0 {
        return c.base;
    }
    let mut step = 1.0;
    while p % (step * 10.0) == 0.0 && step < 1e12 {
        step *= 10.0;
    }
    let scale = c.base.point.map_or(1.0, |b| b / p);
    let half = 0.5 * step * scale;
    let lo = c.base.point.map(|b| b - half.abs());
    let hi = c.base.point.map(|b| b + half.abs());
    Interval::new(lo, c.base.point, hi)
}

fn disjoint(a: &Interval, b: &Interval, tolerance: f64) -> bool {
    let (a, b) = (comparable(a), comparable(b));
    !a.overlaps(&b) && a.relative_gap(&b) > tolerance
}

/// A vague plural ("thousands of workers": no point) bounds a figure from below only:
/// "thousands" does not deny "more than 100,000".
fn comparable(v: &Interval) -> Interval {
    if v.point.is_none() {
        Interval::new(v.low, None, None)
    } else {
        *v
    }
}

/// The verdict on one group, as a finding (verdict `agree` when nothing disagrees).
pub fn diff_group(
    group: &ClaimGroup,
    claims: &[Claim],
    config: &Config,
    volatile: bool,
) -> Finding {
    let members: Vec<&Claim> = group.claims.iter().map(|&i| &claims[i]).collect();
    let usual_period = usual_period(&members);
    let mut verdict = Verdict::Agree;
    // The majority figure the worst dissent was measured against.
    let mut against: Option<&Claim> = None;
    // Repeated figures decide nothing new: compare one claim per document, value, time
    // and period, and only across documents.
    let reps = bounded_per_doc(distinct_shapes(&members));
    let mut by_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in reps.iter().enumerate() {
        by_doc.entry(c.doc.as_str()).or_default().push(i);
    }
    let docs: Vec<&Vec<usize>> = by_doc.values().collect();
    // Each figure's document and shape (what it states, when, over which period) as
    // numbers: an archive that repeats a story in many copies repeats few shapes, and
    // the work below runs per shape, not per copy.
    let mut doc_ix = vec![0; reps.len()];
    for (d, members) in docs.iter().enumerate() {
        for &i in members.iter() {
            doc_ix[i] = d;
        }
    }
    let mut shape_ids: HashMap<ShapeKey<'_>, usize> = HashMap::new();
    let shape: Vec<usize> = reps
        .iter()
        .map(|c| {
            let n = shape_ids.len();
            *shape_ids.entry(shape_key(c)).or_insert(n)
        })
        .collect();
    // Time scopes are needed only when two documents take part.
    let scopes: Vec<Vec<(AsOf, bool)>> = if docs.len() >= 2 {
        let mut by_shape: HashMap<usize, Vec<(AsOf, bool)>> = HashMap::new();
        reps.iter()
            .zip(&shape)
            .map(|(c, &k)| {
                by_shape
                    .entry(k)
                    .or_insert_with(|| scopes_of(c, &reps))
                    .clone()
            })
            .collect()
    } else {
        Vec::new()
    };
    let ndocs = docs.len();
    let ctx = Reps {
        reps: &reps,
        doc: &doc_ix,
        shape: &shape,
        ndocs,
        nshapes: shape_ids.len(),
    };
    // Figures of different accounting periods (a quarter's revenue, a year's) neither
    // agree nor clash: they are not compared.
    let comparable = |a: &Claim, b: &Claim| {
        let pa = a.period.as_deref().or(usual_period.as_deref());
        let pb = b.period.as_deref().or(usual_period.as_deref());
        !matches!((pa, pb), (Some(x), Some(y)) if !same_period(x, y))
    };
    let clash = |a: &Claim, b: &Claim| {
        comparable(a, b) && claims_disjoint(a, b, config.matching.tolerance, config.rates.tolerance)
    };
    // Each dissenting figure, its verdict, and the majority figure it was held against.
    let mut dissent: Vec<(&Claim, Verdict, &Claim)> = Vec::new();
    if docs.len() >= 2 {
        // What most documents say, and the documents none of whose figures fit it: a
        // document that also states the majority's figure is not a dissenter (its other
        // figure is its own timeline or a part). Then the same once more among the
        // figures stated more precisely than the majority ("286 days" and "287 days"
        // both fit "nine months", not each other).
        // A running tally (a toll) is compared within each day it is dated to; across
        // days it is a timeline.
        let mut partitions: BTreeMap<Option<AsOf>, Vec<usize>> = BTreeMap::new();
        for (i, sc) in scopes.iter().enumerate() {
            let day = volatile.then(|| sc.first().map(|s| s.0)).flatten();
            partitions.entry(day).or_default().push(i);
        }
        for everyone in partitions.into_values() {
            let mut major = majority(&ctx, &everyone, &everyone, &comparable, &clash);
            let pool = everyone;
            for level in 0..2 {
                if level == 1 {
                    // The precise majority is chosen among the figures stated more
                    // precisely than the first, and every figure is held against it.
                    let wide = width(reps[major]);
                    let narrow: Vec<usize> = pool
                        .iter()
                        .copied()
                        .filter(|&r| width(reps[r]) < wide * 0.5)
                        .collect();
                    if narrow.is_empty() || !wide.is_finite() {
                        break;
                    }
                    major = majority(&ctx, &narrow, &pool, &comparable, &clash);
                }
                let fits = fitting(&ctx, reps[major], &pool, &comparable, &clash);
                // The majority's figures, one per shape (two when a second document states
                // it, so that a dissenter's own document can be left out).
                let mut backing: Vec<(usize, Option<usize>)> = Vec::new();
                let mut seen_shape: HashMap<usize, usize> = HashMap::new();
                for &j in &pool {
                    if clash(reps[major], reps[j]) {
                        continue;
                    }
                    match seen_shape.get(&shape[j]) {
                        Some(&b) => {
                            if backing[b].1.is_none() && doc_ix[backing[b].0] != doc_ix[j] {
                                backing[b].1 = Some(j);
                            }
                        }
                        None => {
                            seen_shape.insert(shape[j], backing.len());
                            backing.push((j, None));
                        }
                    }
                }
                let mut verdict_of_shape: HashMap<usize, Option<Verdict>> = HashMap::new();
                for &i in &pool {
                    let d = reps[i];
                    // A vague plural ("hundreds of people") bounds nothing enough to dissent.
                    let vague = d.value.point.is_none();
                    if vague || fits[doc_ix[i]] || !clash(reps[major], d) {
                        continue;
                    }
                    // Against every majority figure from another document: one at the same
                    // time makes a conflict; all at other times make a timeline.
                    let v_d = *verdict_of_shape.entry(shape[i]).or_insert_with(|| {
                        let mut v_d: Option<Verdict> = None;
                        for &(j, other) in &backing {
                            let j = if doc_ix[j] == doc_ix[i] {
                                match other {
                                    Some(o) => o,
                                    None => continue,
                                }
                            } else {
                                j
                            };
                            let v = pair_verdict(d, reps[j], &scopes[i], &scopes[j], volatile);
                            if v_d.is_none_or(|w| rank(v) > rank(w)) {
                                v_d = Some(v);
                            }
                        }
                        v_d
                    });
                    if let Some(v) = v_d {
                        dissent.push((d, v, reps[major]));
                        if rank(v) > rank(verdict) {
                            verdict = v;
                            against = Some(reps[major]);
                        }
                    }
                }
            }
        }
    }
    // Sources agree with each other, but one contradicts itself: two figures for one
    // thing at one time ("825 feet" in its headline, "625 feet" in its timeline). A
    // change it states ("from 78 to 112") or its own timeline is no contradiction.
    let mut own: Option<(&Claim, &Claim)> = None;
    let weak = members.iter().any(|c| {
        c.identity
            .as_ref()
            .is_some_and(|id| is_weak_rule(&id.quantity_rule))
    });
    if verdict == Verdict::Agree && !weak {
        for first in &docs {
            for (x, &i) in first.iter().enumerate() {
                for &j in &first[x + 1..] {
                    let (a, b) = (reps[i], reps[j]);
                    let same_time = match (&a.as_of, &b.as_of) {
                        (Some(x), Some(y)) => x.compatible(y),
                        (None, None) => true,
                        _ => false,
                    };
                    // Two figures of one paragraph are mostly a list of different things
                    // ("six in Kendall, two in Travis"); a contradiction sets one part of
                    // an article against another (its headline against its body).
                    if own.is_none()
                        && a.span.line != b.span.line
                        && stated(a)
                        && stated(b)
                        && same_time
                        && clash(a, b)
                        && pair_verdict(
                            a,
                            b,
                            &scopes_or_empty(&scopes, i),
                            &scopes_or_empty(&scopes, j),
                            volatile,
                        ) != Verdict::TimeScoped
                    {
                        own = Some((a, b));
                    }
                }
            }
        }
        if own.is_some() {
            verdict = Verdict::ConflictScopeUncertain;
        }
    }
    // Sources agree on the main figure, and each that states a second one states another
    // ("7.1, then a second quake of 6.2" against "7.1, then another of 6.4"): the second
    // figures are compared among themselves.
    let mut second: Option<(&Claim, &Claim, &Claim)> = None;
    if verdict == Verdict::Agree && !weak && !volatile && ndocs >= 2 {
        let all: Vec<usize> = (0..reps.len()).collect();
        let major = majority(&ctx, &all, &all, &comparable, &clash);
        let rest: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&r| stated(reps[r]) && clash(reps[major], reps[r]))
            .collect();
        'pairs: for (x, &i) in rest.iter().enumerate() {
            for &j in &rest[x + 1..] {
                let (a, b) = (reps[i], reps[j]);
                if doc_ix[i] != doc_ix[j]
                    && clash(a, b)
                    && pair_verdict(a, b, &scopes[i], &scopes[j], volatile) != Verdict::TimeScoped
                {
                    second = Some((reps[major], a, b));
                    break 'pairs;
                }
            }
        }
        if second.is_some() {
            verdict = Verdict::ConflictScopeUncertain;
        }
    }
    // Nobody dissents, but the figures change over explicitly different times (a
    // valuation in 2021 and in 2025): a timeline.
    if verdict == Verdict::Agree && docs.len() >= 2 {
        let explicit = |c: &Claim| c.as_of_source == Some(AsOfSource::Explicit);
        let mut firsts: Vec<usize> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, &k) in shape.iter().enumerate() {
            if seen.insert(k) {
                firsts.push(i);
            }
        }
        let timeline = firsts.iter().enumerate().any(|(x, &i)| {
            firsts[x + 1..].iter().any(|&j| {
                let (a, b) = (reps[i], reps[j]);
                (explicit(a) || explicit(b) || volatile)
                    && clash(a, b)
                    && pair_verdict(a, b, &scopes[i], &scopes[j], volatile) == Verdict::TimeScoped
            })
        });
        if timeline {
            verdict = Verdict::TimeScoped;
        }
    }
    let message = match (verdict, against) {
        (Verdict::TimeScoped, _) => timeline_message(group, &members),
        (_, None) if second.is_some() => {
            let (major, a, b) = second.expect("checked");
            format!(
                "{} {}: sources agree on \"{}\"; a second figure differs: \"{}\" in {}:{} against \"{}\" in {}:{}",
                group.subject,
                group.attribute.replace('_', " "),
                major.text,
                a.text,
                a.doc,
                a.span.line,
                b.text,
                b.doc,
                b.span.line
            )
        }
        (_, None) if own.is_some() => {
            let (a, b) = own.expect("checked");
            format!(
                "{} {}: {} states both \"{}\" (line {}) and \"{}\" (line {}) for one time",
                group.subject,
                group.attribute.replace('_', " "),
                a.doc,
                a.text,
                a.span.line,
                b.text,
                b.span.line
            )
        }
        (_, Some(major)) => {
            let all: Vec<usize> = (0..reps.len()).collect();
            let n = fitting(&ctx, major, &all, &comparable, &clash)
                .iter()
                .filter(|f| **f)
                .count();
            // Name the dissenters of the verdict given (a dated timeline step is not a
            // conflict's dissenter).
            let named: Vec<&Claim> = dissent
                .iter()
                .filter(|(_, v, m)| *v == verdict && std::ptr::eq(*m, major))
                .map(|(c, _, _)| *c)
                .collect();
            who_disagrees(group, major, n, named)
        }
        _ => format!(
            "{} {}: {}",
            group.subject,
            group.attribute.replace('_', " "),
            match distinct_docs(&members) {
                1 => "one source, consistent".to_string(),
                n => format!("{n} sources agree"),
            }
        ),
    };
    let converted = members.iter().any(|c| c.compared_in.is_some())
        && members.iter().any(|c| c.unit != members[0].unit);
    let message = if converted && verdict != Verdict::Agree {
        format!(
            "{message} (amounts compared in USD at the configured rates{})",
            config
                .rates
                .date
                .as_deref()
                .map_or(String::new(), |d| format!(" of {d}"))
        )
    } else {
        message
    };
    // An article's own two figures may be a part and its whole, or two updates: shown,
    // never gated.
    let severity = if own.is_some() || second.is_some() {
        Severity::Info
    } else {
        severity_of(verdict)
    };
    Finding {
        fingerprint: group_fingerprint(&group.subject, &group.attribute, &members),
        verdict,
        severity,
        subject: Some(group.subject.clone()),
        attribute: Some(group.attribute.clone()),
        claims: members.iter().map(|c| c.id.clone()).collect(),
        message,
    }
}

/// Whether a figure states a value of its own: a point, and not one end of a change
/// ("from 78 to 112").
fn stated(c: &Claim) -> bool {
    c.value.point.is_some() && !c.in_change
}

/// How many distinct figures of one document a group compares: the lowest and highest
/// half of this many (a document that states the same attribute thousands of times is
/// not an article, and its extremes decide any disagreement).
const MAX_SHAPES_PER_DOC: usize = 256;

/// Keeps at most [`MAX_SHAPES_PER_DOC`] figures per document: the lowest and highest.
fn bounded_per_doc(reps: Vec<&Claim>) -> Vec<&Claim> {
    let mut by_doc: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in &reps {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    if by_doc.values().all(|v| v.len() <= MAX_SHAPES_PER_DOC) {
        return reps;
    }
    let key = |c: &&Claim| c.value.low.or(c.value.point).unwrap_or(f64::NEG_INFINITY);
    let mut out = Vec::new();
    for mut v in by_doc.into_values() {
        if v.len() > MAX_SHAPES_PER_DOC {
            v.sort_by(|a, b| key(a).total_cmp(&key(b)));
            let half = MAX_SHAPES_PER_DOC / 2;
            let tail = v.split_off(v.len() - half);
            v.truncate(half);
            v.extend(tail);
        }
        out.extend(v);
    }
    out
}

/// One claim for each distinct document and shape (see [`shape_key`]) of a group, in
/// group order.
fn distinct_shapes<'a>(members: &[&'a Claim]) -> Vec<&'a Claim> {
    let mut seen = std::collections::HashSet::new();
    members
        .iter()
        .copied()
        .filter(|c| {
            let key = (c.doc.as_str(), shape_key(c));
            seen.insert(key)
        })
        .collect()
}

/// The period most claims of a group state, which claims stating none are taken to
/// share ("revenue of $4.2 billion" among quarterly figures is quarterly); none on a tie
/// or when fewer than two figures state it.
fn usual_period(members: &[&Claim]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in members {
        if let Some(p) = &c.period {
            *counts.entry(p.as_str()).or_default() += 1;
        }
    }
    // One figure with a period says little about the others.
    let max = counts.values().copied().max().filter(|n| *n >= 2)?;
    let mut top = counts.into_iter().filter(|(_, n)| *n == max);
    let first = top.next()?;
    top.next().is_none().then(|| first.0.to_string())
}

fn distinct_docs(members: &[&Claim]) -> usize {
    let mut docs: Vec<&str> = members.iter().map(|c| c.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// A claim's readable scopes, or none when they were not computed (one document).
fn scopes_or_empty(scopes: &[Vec<(AsOf, bool)>], i: usize) -> Vec<(AsOf, bool)> {
    scopes.get(i).cloned().unwrap_or_default()
}

/// What most sources say and who differs, by how much: "Alex Doe age: 9 sources say
/// \"28\" (…); \"27\" in b.md:11 (as of 2025-06-12), 3.6% apart, beyond rounding and
/// hedges". The majority is the figure most documents state something compatible with.
/// How many of a group's most stated shapes may be its majority.
const MAJORITY_CANDIDATES: usize = 32;

/// A group's compared figures with their documents and shapes as numbers.
struct Reps<'a, 'c> {
    reps: &'a [&'c Claim],
    /// Index of each figure's document.
    doc: &'a [usize],
    /// Index of each figure's shape.
    shape: &'a [usize],
    /// How many documents.
    ndocs: usize,
    /// How many shapes.
    nshapes: usize,
}

/// What makes two figures the same for comparing: interval, time scope, period, date.
type ShapeKey<'a> = (
    Option<u64>,
    Option<u64>,
    Option<u64>,
    bool,
    Option<AsOf>,
    Option<AsOfSource>,
    Option<&'a str>,
    Option<&'a str>,
);

fn shape_key(c: &Claim) -> ShapeKey<'_> {
    (
        c.base.low.map(f64::to_bits),
        c.base.high.map(f64::to_bits),
        c.base.point.map(f64::to_bits),
        c.value.point.is_some(),
        c.as_of,
        c.as_of_source,
        c.period.as_deref(),
        // A date's value is only its year; the day it names is in `date`.
        c.date.as_deref(),
    )
}

/// Among `candidates`, the figure that most documents (of `pool`) state something
/// compatible with; the first on a tie. An open bound ("more than 14,000") fits almost
/// anything: it cannot be the majority unless no candidate is bounded. Each shape is
/// tried once.
fn majority(
    r: &Reps<'_, '_>,
    candidates: &[usize],
    pool: &[usize],
    comparable: &impl Fn(&Claim, &Claim) -> bool,
    clash: &impl Fn(&Claim, &Claim) -> bool,
) -> usize {
    let bounded = |c: &Claim| c.base.low.is_some() && c.base.high.is_some();
    let any_bounded = candidates.iter().any(|&i| bounded(r.reps[i]));
    // Each shape once, the most stated first; the majority is among the most stated
    // shapes, so a group with thousands of distinct figures tries only a few.
    let mut stated: HashMap<usize, (usize, usize)> = HashMap::new();
    for &i in candidates {
        if any_bounded && !bounded(r.reps[i]) {
            continue;
        }
        stated.entry(r.shape[i]).or_insert((0, i)).0 += 1;
    }
    let mut order: Vec<(usize, usize)> = stated.into_values().collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    order.truncate(MAJORITY_CANDIDATES);
    order.sort_by_key(|&(_, i)| i);
    let mut best: Option<(usize, (bool, usize))> = None;
    for &(_, i) in &order {
        let c = r.reps[i];
        // A figure an article dates to a past year ("212 people in 2019") is history,
        // not what the story's sources say now.
        let current = !(c.as_of_source == Some(AsOfSource::Explicit)
            && c.as_of.is_some_and(|t| t.precision() == Precision::Year));
        let docs = fitting(r, c, pool, comparable, clash)
            .iter()
            .filter(|f| **f)
            .count();
        let score = (current, docs);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best.map_or(candidates.first().copied().unwrap_or(0), |(i, _)| i)
}

/// For each document, whether it states something of `pool` compatible with `c`: a
/// bounded figure that fits it, or an open bound that fits it when none of the
/// document's bounded figures contradicts it ("over $7 billion" in 2021 does not make
/// "$13 billion" fit "nearly $14 billion").
fn fitting(
    r: &Reps<'_, '_>,
    c: &Claim,
    pool: &[usize],
    comparable: &impl Fn(&Claim, &Claim) -> bool,
    clash: &impl Fn(&Claim, &Claim) -> bool,
) -> Vec<bool> {
    let bounded = |x: &Claim| x.base.low.is_some() && x.base.high.is_some();
    // How `c` meets each shape, worked out once per shape (figures of one shape meet it
    // alike): not comparable, or (clashes, bounded).
    let mut meets: Vec<Option<Option<(bool, bool)>>> = vec![None; r.nshapes];
    // Per document: fits with a bounded figure, fits with an open one, clashes bounded.
    let mut fit = vec![(false, false, false); r.ndocs];
    for &i in pool {
        let x = r.reps[i];
        let m = *meets[r.shape[i]]
            .get_or_insert_with(|| comparable(c, x).then(|| (clash(c, x), bounded(x))));
        let Some((clashes, is_bounded)) = m else {
            continue;
        };
        let e = &mut fit[r.doc[i]];
        match (clashes, is_bounded) {
            (false, true) => e.0 = true,
            (false, false) => e.1 = true,
            (true, true) => e.2 = true,
            (true, false) => {}
        }
    }
    fit.into_iter()
        .map(|(fits_bounded, fits_open, clashes_bounded)| {
            fits_bounded || (fits_open && !clashes_bounded)
        })
        .collect()
}

/// How wide a figure's interval is in base units (infinite when open).
fn width(c: &Claim) -> f64 {
    match (c.base.low, c.base.high) {
        (Some(l), Some(h)) => h - l,
        _ => f64::INFINITY,
    }
}

fn who_disagrees(group: &ClaimGroup, major: &Claim, n: usize, mut dissent: Vec<&Claim>) -> String {
    let head = format!("{} {}", group.subject, group.attribute.replace('_', " "));
    dissent.sort_by(|a, b| (&a.doc, a.span.start).cmp(&(&b.doc, b.span.start)));
    let mut seen = std::collections::BTreeSet::new();
    dissent.retain(|c| seen.insert((c.doc.as_str(), c.text.as_str())));
    let apart = |d: &Claim| {
        if major.dimension == crate::identity::unit::Dimension::ClockTime {
            let (a, b) = (major.base.point.unwrap_or(0.0), d.base.point.unwrap_or(0.0));
            return format!(", {:.0} min apart", crate::identity::unit::clock_gap(a, b));
        }
        let gap = major.base.relative_gap(&d.base) * 100.0;
        if gap > 0.0 {
            format!(", {gap:.1}% apart beyond rounding and hedges")
        } else {
            String::new()
        }
    };
    let said: Vec<String> = dissent
        .iter()
        .take(8)
        .map(|d| format!("{}{}", describe(d), apart(d)))
        .collect();
    let more = dissent.len().saturating_sub(8);
    let tail = if more > 0 {
        format!("; and {more} more")
    } else {
        String::new()
    };
    if n <= 1 {
        format!("{head}: {} vs {}{tail}", describe(major), said.join("; "))
    } else {
        format!(
            "{head}: {n} sources say \"{}\" ({}); differing: {}{tail}",
            major.text,
            when(major),
            said.join("; ")
        )
    }
}

fn when(c: &Claim) -> String {
    match (&c.as_of, c.as_of_source) {
        (Some(t), _) => format!("as of {t}"),
        (None, Some(AsOfSource::Present)) => "\"now\", date unknown".to_string(),
        _ => "time unknown".to_string(),
    }
}

/// "\"nearly $14 billion\" (as of 2025-06, doc.txt)".
fn describe(c: &Claim) -> String {
    format!("\"{}\" ({}) in {}:{}", c.text, when(c), c.doc, c.span.line)
}

fn timeline_message(group: &ClaimGroup, members: &[&Claim]) -> String {
    // Earliest first, unknown ("?") last.
    let mut by_time: BTreeMap<(bool, Option<AsOf>), Vec<&str>> = BTreeMap::new();
    for c in members {
        by_time
            .entry((c.as_of.is_none(), c.as_of))
            .or_default()
            .push(c.text.as_str());
    }
    let steps: Vec<String> = by_time
        .into_iter()
        .map(|((_, t), texts)| {
            let mut texts = texts;
            texts.dedup();
            let t = t.map_or_else(|| "?".to_string(), |t| t.to_string());
            format!("{t}: {}", texts.join(" / "))
        })
        .collect();
    format!(
        "{} {} changes over time: {}",
        group.subject,
        group.attribute.replace('_', " "),
        steps.join("; ")
    )
}

/// A content fingerprint: subject, attribute and each document's normalized values,
/// never line numbers, so edits elsewhere in a file keep it stable.
pub fn group_fingerprint(subject: &str, attribute: &str, members: &[&Claim]) -> String {
    // Copies repeat the same parts: each distinct one is formatted once.
    let mut seen = HashSet::new();
    let mut parts: Vec<String> = members
        .iter()
        .filter(|c| {
            seen.insert((
                c.doc.as_str(),
                c.value.low.map(f64::to_bits),
                c.value.high.map(f64::to_bits),
                c.unit.as_deref(),
            ))
        })
        .map(|c| {
            format!(
                "{}|{}|{}|{}",
                c.doc,
                fmt_num(c.value.low),
                fmt_num(c.value.high),
                c.unit.as_deref().unwrap_or("")
            )
        })
        .collect();
    parts.sort();
    parts.dedup();
    let mut all: Vec<&str> = vec![subject, attribute];
    all.extend(parts.iter().map(String::as_str));
    fingerprint(&all)
}

fn fmt_num(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |x| format!("{x:.6e}"))
}

/// The verdict on every group of two or more claims, plus the derived conflicts, in
/// group order. Running tallies (`volatile` families of the lexicon) compare by day.
pub fn diff_groups(
    groups: &[ClaimGroup],
    claims: &[Claim],
    config: &Config,
    lexicon: &Lexicon,
) -> Vec<Finding> {
    // Groups are diffed on every core and collected in group order.
    let mut findings: Vec<Finding> = groups
        .par_iter()
        .filter(|g| g.claims.len() >= 2)
        .map(|g| {
            let volatile = lexicon
                .family(&g.attribute)
                .is_some_and(|i| lexicon.families()[i].volatile)
                || (g.open && g.claims.iter().any(|&i| claims[i].volatile));
            let mut f = diff_group(g, claims, config, volatile);
            // Open quantities are read from syntax, not a curated family: their
            // disagreements are shown, but gate as warnings.
            if g.open && f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
            // A quantity named by its unit alone ("625 feet") may lump two things:
            // its disagreements are shown as info, never gated.
            let weak = g.claims.iter().any(|&i| {
                claims[i]
                    .identity
                    .as_ref()
                    .is_some_and(|id| is_weak_rule(&id.quantity_rule))
            });
            if weak && f.severity > Severity::Info {
                f.severity = Severity::Info;
            }
            f
        })
        .collect();
    findings.extend(derived_conflicts(claims, groups));
    findings
}

/// Conflicts found through arithmetic between groups. Each rule runs once per distinct
/// figure, never once per copy: claims that state the same value (in any number of
/// documents) are one side of a finding, which lists every claim of each side, so an
/// archive that repeats a story in many copies gets one finding per disagreement.
pub fn derived_conflicts(claims: &[Claim], groups: &[ClaimGroup]) -> Vec<Finding> {
    let mut out = Vec::new();
    let by_key: BTreeMap<(&str, &str), Vec<&ClaimGroup>> =
        groups.iter().fold(BTreeMap::new(), |mut m, g| {
            m.entry((g.subject.as_str(), g.attribute.as_str()))
                .or_default()
                .push(g);
            m
        });
    // Each distinct figure once, with every document that states it.
    let sides = |subject: &str, attribute: &str| -> Vec<Vec<&Claim>> {
        let all: Vec<&Claim> = by_key
            .get(&(subject, attribute))
            .into_iter()
            .flatten()
            .flat_map(|g| g.claims.iter().map(|&i| &claims[i]))
            .collect();
        by_value(distinct_shapes(&all), value_key)
    };
    // An age at a dated time against a birth year.
    let subjects: Vec<&str> = groups
        .iter()
        .filter(|g| g.attribute == "age")
        .map(|g| g.subject.as_str())
        .collect();
    for subject in subjects {
        let births = sides(subject, "birth_year");
        for ages in sides(subject, "age") {
            let age = ages[0];
            let Some(year) = age.as_of.map(|t| f64::from(t.year())) else {
                continue;
            };
            for bs in &births {
                let b = bs[0];
                let Some(born) = b.value.point else { continue };
                // Someone born in year B is Y-B-1 or Y-B years old during year Y.
                let implied = Interval::new(
                    Some(year - born - 1.0),
                    Some(year - born),
                    Some(year - born),
                );
                if !implied.overlaps(&age.value) {
                    out.push(derived(
                        subject,
                        "age",
                        &[&ages, bs],
                        format!(
                            "{subject} age: \"{}\" in {} (as of {}) but born in {} per {} implies {}–{}",
                            age.text,
                            sources(&ages),
                            year,
                            born,
                            sources(bs),
                            year - born - 1.0,
                            year - born
                        ),
                    ));
                }
            }
        }
    }
    // An age at founding and the founding year imply a birth year (F - A - 1 or F - A)
    // and, at a later date Y, an age of Y - F + A give or take one.
    let mut founders: Vec<Vec<&Claim>> = Vec::new();
    let mut founder_ix: HashMap<(&str, &str, u64), usize> = HashMap::new();
    for c in claims
        .iter()
        .filter(|c| c.attribute.as_deref() == Some("age_at_founding"))
    {
        let (Some(person), Some(org), Some(at)) =
            (c.subject.as_deref(), c.object.as_deref(), c.value.point)
        else {
            continue;
        };
        let n = founders.len();
        let i = *founder_ix.entry((person, org, at.to_bits())).or_insert(n);
        if i == n {
            founders.push(Vec::new());
        }
        // One claim per document: a copy's repeats add nothing.
        if founders[i].iter().all(|o| o.doc != c.doc) {
            founders[i].push(c);
        }
    }
    for cs in &founders {
        let c = cs[0];
        let (Some(person), Some(org), Some(at)) =
            (c.subject.as_deref(), c.object.as_deref(), c.value.point)
        else {
            continue;
        };
        let births = sides(person, "birth_year");
        let ages = sides(person, "age");
        for fs in sides(org, "founding_year") {
            let f = fs[0];
            let Some(founded) = f.value.point else {
                continue;
            };
            let born = Interval::new(
                Some(founded - at - 1.0),
                Some(founded - at),
                Some(founded - at),
            );
            for bs in &births {
                let b = bs[0];
                if b.value.overlaps(&born) {
                    continue;
                }
                out.push(derived(
                    person,
                    "birth_year",
                    &[cs, &fs, bs],
                    format!(
                        "{person} birth year: \"{}\" at founding ({}) and {org} founded in {founded} ({}) imply born {}–{}, but {} says {}",
                        c.text,
                        sources(cs),
                        sources(&fs),
                        founded - at - 1.0,
                        founded - at,
                        sources(bs),
                        b.text
                    ),
                ));
            }
            for as_ in &ages {
                let a = as_[0];
                let Some(year) = a.as_of.map(|t| f64::from(t.year())) else {
                    continue;
                };
                let now = year - founded + at;
                let implied = Interval::new(Some(now - 1.0), Some(now), Some(now + 1.0));
                if a.value.overlaps(&implied) {
                    continue;
                }
                out.push(derived(
                    person,
                    "age",
                    &[cs, &fs, as_],
                    format!(
                        "{person} age: \"{}\" at founding ({}) and {org} founded in {founded} ({}) imply about {now} in {year}, but {} says \"{}\"",
                        c.text,
                        sources(cs),
                        sources(&fs),
                        sources(as_),
                        a.text
                    ),
                ));
            }
        }
    }
    // An investment for a stake implies a valuation: I / (s / 100). Stakes are looked up
    // by document, sentence and subject; each distinct deal is derived once, with every
    // document that states it.
    let mut stakes: HashMap<(&str, &str, &str), &Claim> = HashMap::new();
    for s in claims
        .iter()
        .filter(|s| s.attribute.as_deref() == Some("ownership_stake"))
    {
        if let Some(subject) = s.subject.as_deref() {
            stakes
                .entry((s.doc.as_str(), s.sentence.as_str(), subject))
                .or_insert(s);
        }
    }
    let mut deals_seen = HashSet::new();
    // Each deal: what it is (subject, amount, stake, unit, time), and per document its
    // amount and stake claims.
    let mut deals: Vec<(&str, Vec<&Claim>, Vec<&Claim>)> = Vec::new();
    let mut deal_ix: HashMap<DealKey<'_>, usize> = HashMap::new();
    for c in claims.iter().filter(|c| {
        matches!(
            c.attribute.as_deref(),
            Some("investment_amount") | Some("acquisition_price")
        )
    }) {
        let Some(subject) = c.subject.as_deref() else {
            continue;
        };
        let Some(&stake) = stakes.get(&(c.doc.as_str(), c.sentence.as_str(), subject)) else {
            continue;
        };
        let bits = |v: &Interval| {
            (
                v.low.map(f64::to_bits),
                v.high.map(f64::to_bits),
                v.point.map(f64::to_bits),
            )
        };
        let deal = (subject, bits(&c.value), bits(&stake.value));
        let in_doc = (
            c.doc.as_str(),
            subject,
            (deal.1 .0, deal.1 .1),
            (deal.2 .0, deal.2 .1),
        );
        if !deals_seen.insert(in_doc) {
            continue;
        }
        let key = (deal, c.unit.as_deref(), c.as_of);
        let n = deals.len();
        let i = *deal_ix.entry(key).or_insert(n);
        if i == n {
            deals.push((subject, Vec::new(), Vec::new()));
        }
        deals[i].1.push(c);
        deals[i].2.push(stake);
    }
    let mut valuations: HashMap<&str, Vec<Vec<&Claim>>> = HashMap::new();
    for (subject, cs, ss) in &deals {
        let (c, stake) = (cs[0], ss[0]);
        let (Some(i_lo), Some(i_hi), Some(s_lo), Some(s_hi)) =
            (c.value.low, c.value.high, stake.value.low, stake.value.high)
        else {
            continue;
        };
        if s_lo <= 0.0 {
            continue;
        }
        let implied = Interval::new(
            Some(i_lo / (s_hi / 100.0)),
            c.value
                .point
                .zip(stake.value.point)
                .map(|(i, s)| i / (s / 100.0)),
            Some(i_hi / (s_lo / 100.0)),
        );
        // Each stated valuation of the same time that the implied one contradicts is a
        // finding of its own, so that a suppression or baseline entry of one leaves the
        // others standing.
        let stated = valuations
            .entry(subject)
            .or_insert_with(|| sides(subject, "valuation"));
        for vs in stated.iter() {
            let v = vs[0];
            let stated_elsewhen = v
                .as_of_source
                .is_some_and(|s| !matches!(s, AsOfSource::Published | AsOfSource::Present))
                && !matches!((&v.as_of, &c.as_of), (Some(a), Some(b)) if a.compatible(b));
            if v.unit != c.unit || stated_elsewhen || implied.overlaps(&v.value) {
                continue;
            }
            out.push(derived(
                subject,
                "valuation",
                &[cs, ss, vs],
                format!(
                    "{subject} valuation: \"{}\" for \"{}\" in {} implies about {}, but {} {} \"{}\"",
                    c.text,
                    stake.text,
                    sources(cs),
                    format_amount(implied.point.unwrap_or_default(), c.unit.as_deref()),
                    sources(vs),
                    if distinct_docs(vs) > 1 { "say" } else { "says" },
                    v.text
                ),
            ));
        }
    }
    out
}

/// What makes one deal: subject, the amount's and the stake's intervals.
type DealBits = (Option<u64>, Option<u64>, Option<u64>);
/// A deal with its unit and time: documents stating the same deal share one finding.
type DealKey<'a> = ((&'a str, DealBits, DealBits), Option<&'a str>, Option<AsOf>);

/// What a derived rule reads of a figure: its value, unit and time scope.
type ValueKey<'a> = (
    Option<u64>,
    Option<u64>,
    Option<u64>,
    Option<&'a str>,
    Option<AsOf>,
    Option<AsOfSource>,
    Option<&'a str>,
);

fn value_key(c: &Claim) -> ValueKey<'_> {
    (
        c.value.low.map(f64::to_bits),
        c.value.high.map(f64::to_bits),
        c.value.point.map(f64::to_bits),
        c.unit.as_deref(),
        c.as_of,
        c.as_of_source,
        c.date.as_deref(),
    )
}

/// Claims split by `key`, each part in claim order, parts in order of first claim.
fn by_value<'a, K: std::hash::Hash + Eq>(
    claims: Vec<&'a Claim>,
    key: impl Fn(&'a Claim) -> K,
) -> Vec<Vec<&'a Claim>> {
    let mut ix: HashMap<K, usize> = HashMap::new();
    let mut out: Vec<Vec<&Claim>> = Vec::new();
    for c in claims {
        let n = out.len();
        let i = *ix.entry(key(c)).or_insert(n);
        if i == n {
            out.push(Vec::new());
        }
        out[i].push(c);
    }
    out
}

/// The documents one side of a derived finding comes from: the first, and how many more
/// ("a.md", "a.md and 24 other sources").
fn sources(side: &[&Claim]) -> String {
    let first = side.first().map_or("", |c| c.doc.as_str());
    match distinct_docs(side) {
        0 | 1 => first.to_string(),
        2 => format!("{first} and 1 other source"),
        n => format!("{first} and {} other sources", n - 1),
    }
}

/// "29.2 billion USD": an amount with a scale word and three significant digits.
pub fn format_amount(v: f64, unit: Option<&str>) -> String {
    let (scaled, word) = [
        (1e12, " trillion"),
        (1e9, " billion"),
        (1e6, " million"),
        (1e3, " thousand"),
    ]
    .iter()
    .find(|(s, _)| v.abs() >= *s)
    .map_or((v, ""), |(s, w)| (v / s, *w));
    // Four significant digits: "14.25 billion", "29.18 billion", "500 million".
    let digits = if scaled.abs() >= 100.0 {
        1
    } else if scaled.abs() >= 10.0 {
        2
    } else {
        3
    };
    let num = format!("{scaled:.digits$}");
    let num = if num.contains('.') {
        num.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        num
    };
    match unit {
        Some(u) => format!("{num}{word} {u}"),
        None => format!("{num}{word}"),
    }
}

/// A derived finding: its sides' claims in order (each side in claim order), its
/// fingerprint from all of them.
fn derived(subject: &str, attribute: &str, sides: &[&[&Claim]], message: String) -> Finding {
    let members: Vec<&Claim> = sides.iter().flat_map(|s| s.iter().copied()).collect();
    let mut fp_members = members.clone();
    fp_members.sort_by(|a, b| a.id.cmp(&b.id));
    Finding {
        fingerprint: group_fingerprint(subject, &format!("derived:{attribute}"), &fp_members),
        verdict: Verdict::DerivedConflict,
        severity: severity_of(Verdict::DerivedConflict),
        subject: Some(subject.to_string()),
        attribute: Some(attribute.to_string()),
        claims: members.iter().map(|c| c.id.clone()).collect(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::Span;

    fn claim(doc: &str, text: &str, low: f64, high: f64, as_of: Option<&str>) -> Claim {
        Claim {
            id: format!("{doc}:{text}"),
            unit: Some("USD".into()),
            subject: Some("Scale AI".into()),
            attribute: Some("valuation".into()),
            as_of: as_of.and_then(AsOf::parse),
            ..Claim::new(
                doc,
                Span {
                    start: 0,
                    end: 1,
                    line: 1,
                    column: 1,
                },
                text,
                Kind::Money,
                Interval::new(Some(low), Some(high), Some(high)),
            )
        }
    }

    fn verdict(claims: Vec<Claim>) -> Verdict {
        let g = ClaimGroup {
            subject: "Scale AI".into(),
            attribute: "valuation".into(),
            unit: "USD".into(),
            claims: (0..claims.len()).collect(),
            open: false,
        };
        diff_group(&g, &claims, &Config::default(), false).verdict
    }

    #[test]
    fn second_figures_are_compared_among_themselves() {
        let g = ClaimGroup {
            subject: "Scale AI".into(),
            attribute: "valuation".into(),
            unit: "USD".into(),
            claims: (0..5).collect(),
            open: false,
        };
        let claims = vec![
            claim("a", "$7.1 billion", 7.1e9, 7.1e9, None),
            claim("a", "$6.2 billion", 6.2e9, 6.2e9, None),
            claim("b", "$7.1 billion", 7.1e9, 7.1e9, None),
            claim("b", "$6.4 billion", 6.4e9, 6.4e9, None),
            claim("c", "$7.1 billion", 7.1e9, 7.1e9, None),
        ];
        let f = diff_group(&g, &claims, &Config::default(), false);
        assert_eq!(f.verdict, Verdict::ConflictScopeUncertain);
        assert_eq!(f.severity, Severity::Info);
        assert!(
            f.message.contains("a second figure differs"),
            "{}",
            f.message
        );
        // The same second figure everywhere is no disagreement.
        let mut same = claims.clone();
        same[3] = claim("b", "$6.2 billion", 6.2e9, 6.2e9, None);
        assert_eq!(verdict(same), Verdict::Agree);
    }

    #[test]
    fn overlapping_intervals_agree() {
        assert_eq!(
            verdict(vec![
                claim("a", "$14.3 billion", 14.25e9, 14.35e9, None),
                claim("b", "$14 billion", 13.5e9, 14.5e9, None)
            ]),
            Verdict::Agree
        );
    }

    #[test]
    fn disjoint_with_unknown_scope_is_uncertain() {
        assert_eq!(
            verdict(vec![
                claim("a", "$13 billion", 12.5e9, 13.5e9, Some("2023-11")),
                claim("b", "nearly $14 billion", 13.58e9, 14e9, None)
            ]),
            Verdict::ConflictScopeUncertain
        );
    }

    #[test]
    fn disjoint_at_the_same_time_is_a_conflict() {
        assert_eq!(
            verdict(vec![
                claim("a", "$13 billion", 12.5e9, 13.5e9, Some("2025-06-13")),
                claim("b", "$15 billion", 14.5e9, 15.5e9, Some("2025-06"))
            ]),
            Verdict::Conflict
        );
    }

    #[test]
    fn disjoint_at_different_times_is_a_timeline() {
        assert_eq!(
            verdict(vec![
                claim("a", "$7 billion", 6.5e9, 7.5e9, Some("2021")),
                claim("b", "$13 billion", 12.5e9, 13.5e9, Some("2023-11"))
            ]),
            Verdict::TimeScoped
        );
    }

    #[test]
    fn one_document_never_conflicts_with_itself() {
        assert_eq!(
            verdict(vec![
                claim("a", "$7 billion", 6.5e9, 7.5e9, None),
                claim("a", "$13 billion", 12.5e9, 13.5e9, None)
            ]),
            Verdict::Agree
        );
    }

    #[test]
    fn dates_differ_by_the_day_they_name() {
        let mut a = claim("a", "March 3, 2025", 2025.0, 2025.0, None);
        a.kind = Kind::Date;
        a.date = Some("2025-03-03".into());
        let mut b = a.clone();
        b.doc = "b".into();
        b.date = Some("2025-03-04".into());
        assert!(claims_disjoint(&a, &b, 0.0, 0.0));
        b.date = Some("2025-03".into());
        assert!(!claims_disjoint(&a, &b, 0.0, 0.0));
    }

    #[test]
    fn an_age_at_founding_must_fit_the_birth_year() {
        let mut at = claim("a", "at 19", 19.0, 19.0, None);
        at.kind = Kind::Age;
        at.subject = Some("Wang".into());
        at.attribute = Some("age_at_founding".into());
        at.object = Some("Scale AI".into());
        at.value.point = Some(19.0);
        let mut founded = claim("b", "2016", 2016.0, 2016.0, None);
        founded.kind = Kind::Year;
        founded.attribute = Some("founding_year".into());
        let mut born = claim("c", "1990", 1990.0, 1990.0, None);
        born.kind = Kind::Year;
        born.subject = Some("Wang".into());
        born.attribute = Some("birth_year".into());
        let claims = vec![at, founded, born];
        let groups = vec![
            ClaimGroup {
                subject: "Scale AI".into(),
                attribute: "founding_year".into(),
                unit: "year".into(),
                claims: vec![1],
                open: false,
            },
            ClaimGroup {
                subject: "Wang".into(),
                attribute: "birth_year".into(),
                unit: "year".into(),
                claims: vec![2],
                open: false,
            },
        ];
        let found = derived_conflicts(&claims, &groups);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].attribute.as_deref(), Some("birth_year"));
        let mut ok = claims.clone();
        ok[2].value = Interval::exact(1997.0);
        assert!(derived_conflicts(&ok, &groups).is_empty());
    }

    #[test]
    fn a_deal_repeated_in_many_copies_is_derived_once() {
        let mut claims = Vec::new();
        for i in 0..30 {
            let doc = format!("deal{i:02}");
            let mut inv = claim(&doc, "$14.3 billion", 14.25e9, 14.35e9, None);
            inv.attribute = Some("investment_amount".into());
            inv.value.point = Some(14.3e9);
            let mut stake = claim(&doc, "49%", 48.5, 49.5, None);
            stake.id = format!("{doc}:stake");
            stake.unit = Some("%".into());
            stake.attribute = Some("ownership_stake".into());
            stake.value.point = Some(49.0);
            claims.push(inv);
            claims.push(stake);
            claims.push(claim(
                &format!("val{i:02}"),
                "nearly $14 billion",
                13.58e9,
                14e9,
                None,
            ));
        }
        let group = |attribute: &str| ClaimGroup {
            subject: "Scale AI".into(),
            attribute: attribute.into(),
            unit: "USD".into(),
            claims: (0..claims.len())
                .filter(|&i| claims[i].attribute.as_deref() == Some(attribute))
                .collect(),
            open: false,
        };
        let groups = vec![group("valuation"), group("investment_amount")];
        let found = derived_conflicts(&claims, &groups);
        assert_eq!(found.len(), 1, "{found:?}");
        // Every source of each side is listed: 30 amounts, 30 stakes, 30 valuations.
        assert_eq!(found[0].claims.len(), 90);
        assert!(
            found[0]
                .message
                .contains("in deal00 and 29 other sources implies about 29.18 billion USD"),
            "{}",
            found[0].message
        );
        assert!(found[0]
            .message
            .contains("but val00 and 29 other sources say"));
    }

    #[test]
    fn vague_plurals_only_bound_from_below() {
        let mut vague = claim("a", "thousands", 1e3, 1e4, None);
        vague.value.point = None;
        assert_eq!(
            verdict(vec![vague, claim("b", "more than 100,000", 1e5, 1e5, None)]),
            Verdict::Agree
        );
    }

    #[test]
    fn amounts_are_formatted_for_people() {
        assert_eq!(format_amount(29.18e9, Some("USD")), "29.18 billion USD");
        assert_eq!(format_amount(500e6, None), "500 million");
    }

    #[test]
    fn fingerprints_ignore_positions() {
        let a = claim("a", "$13 billion", 12.5e9, 13.5e9, None);
        let mut b = a.clone();
        b.span.line = 40;
        b.span.start = 999;
        assert_eq!(
            group_fingerprint("S", "v", &[&a]),
            group_fingerprint("S", "v", &[&b])
        );
    }
}
