//! How far apart a group's figures are, for people: the value most sources state, the
//! sources that differ from it and by how much (absolute and relative, beyond or within
//! rounding and hedges). Part of the report stage: `diff` decides verdicts; this only
//! describes a group that was already judged, for the human and HTML renderers.

use crate::claim::{Claim, Interval, Kind};
use std::collections::BTreeSet;

/// Where one claim stands against what most sources say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// Its interval overlaps the majority's figure.
    Agrees,
    /// It refers to another time than the majority's figure and does not overlap it.
    OtherTime,
    /// It does not overlap the majority's figure at the same (or an unknown) time.
    Differs,
}

impl Standing {
    /// A short name for CSS classes and filters: `agrees`, `time`, `differs`.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Agrees => "agrees",
            Standing::OtherTime => "time",
            Standing::Differs => "differs",
        }
    }

    /// What it means, for people.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Agrees => "agrees",
            Standing::OtherTime => "different time",
            Standing::Differs => "differs",
        }
    }
}

/// One claim that does not overlap what most sources say.
#[derive(Debug, Clone)]
pub struct Dissent<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// Whether it refers to another time or differs at the same time.
    pub standing: Standing,
    /// Its figure minus the majority's figure, in the unit both state; `None` when the
    /// two are stated in different units or either has no point.
    pub absolute: Option<f64>,
    /// The distance between the two figures over the smaller of them (0.077 for $13
    /// billion against $14 billion); `None` without points or at zero.
    pub relative: Option<f64>,
    /// Whether the two intervals (rounding and hedges included) do not overlap.
    pub beyond_hedge: bool,
}

/// A group's claims split into the majority and those who differ.
#[derive(Debug, Clone)]
pub struct Spread<'a> {
    /// The claim whose figure the most sources back (the majority's figure).
    pub anchor: &'a Claim,
    /// The claims that overlap the anchor, the anchor first, then in the given order.
    pub majority: Vec<&'a Claim>,
    /// The other claims, in the given order.
    pub dissent: Vec<Dissent<'a>>,
}

impl<'a> Spread<'a> {
    /// The standing of a claim of the group (`Agrees` for a claim not in it).
    pub fn standing(&self, c: &Claim) -> Standing {
        self.dissent
            .iter()
            .find(|d| d.claim.id == c.id)
            .map_or(Standing::Agrees, |d| d.standing)
    }

    /// The documents of the majority, sorted and once each.
    pub fn majority_docs(&self) -> Vec<&'a str> {
        let set: BTreeSet<&str> = self.majority.iter().map(|c| c.doc.as_str()).collect();
        set.into_iter().collect()
    }
}

/// Splits `claims` into the figure most sources back and those that differ from it.
/// With `times_apart`, a differing figure dated otherwise than the anchor is
/// [`Standing::OtherTime`]; without (a verdict that already found one time scope), it
/// differs. The anchor is the bounded claim overlapped by claims of the most documents; ties go
/// to the latest time scope, then the narrowest interval, then the earliest claim.
/// `None` for no claims.
pub fn spread<'a>(claims: &[&'a Claim], times_apart: bool) -> Option<Spread<'a>> {
    let support = |c: &Claim| -> usize {
        claims
            .iter()
            .filter(|o| o.base.overlaps(&c.base))
            .map(|o| o.doc.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    };
    let bounded = |c: &Claim| c.base.low.is_some() && c.base.high.is_some();
    let (anchor_index, _) = claims.iter().enumerate().max_by(|(i, a), (j, b)| {
        bounded(a)
            .cmp(&bounded(b))
            .then(support(a).cmp(&support(b)))
            .then(a.as_of.cmp(&b.as_of))
            .then(width(b).total_cmp(&width(a)))
            .then(j.cmp(i))
    })?;
    let anchor = claims[anchor_index];
    let mut majority = vec![anchor];
    let mut dissent = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if i == anchor_index {
            continue;
        }
        if c.base.overlaps(&anchor.base) {
            majority.push(c);
            continue;
        }
        let other_time =
            times_apart && matches!((&c.as_of, &anchor.as_of), (Some(a), Some(b)) if a != b);
        dissent.push(Dissent {
            claim: c,
            standing: if other_time {
                Standing::OtherTime
            } else {
                Standing::Differs
            },
            absolute: absolute_difference(c, anchor),
            relative: relative_difference(&c.base, &anchor.base),
            beyond_hedge: !c.base.overlaps(&anchor.base),
        });
    }
    Some(Spread {
        anchor,
        majority,
        dissent,
    })
}

/// The width of an interval relative to its point (open intervals are infinitely wide).
fn width(c: &Claim) -> f64 {
    match (c.base.low, c.base.high, c.base.point) {
        (Some(l), Some(h), Some(p)) if p != 0.0 => (h - l) / p.abs(),
        (Some(l), Some(h), _) => h - l,
        _ => f64::INFINITY,
    }
}

/// `a − b` in the unit both are stated in.
fn absolute_difference(a: &Claim, b: &Claim) -> Option<f64> {
    if a.unit != b.unit || a.kind != b.kind {
        return None;
    }
    Some(a.value.point? - b.value.point?)
}

/// |a − b| over the smaller magnitude.
fn relative_difference(a: &Interval, b: &Interval) -> Option<f64> {
    let (x, y) = (a.point?, b.point?);
    let smaller = x.abs().min(y.abs());
    (smaller > 0.0).then(|| (x - y).abs() / smaller)
}

/// An absolute difference for people, in the unit of `like`: "$1 billion", "1 year",
/// "10 percentage points", "3 people".
pub fn describe_difference(d: f64, like: &Claim) -> String {
    let d = d.abs();
    let num = if d >= 1e6 {
        crate::diff::format_amount(d, None)
    } else {
        grouped(d)
    };
    match (like.kind, like.unit.as_deref()) {
        (Kind::Money, Some("USD")) => format!("${num}"),
        (Kind::Money, Some(u)) => format!("{num} {u}"),
        (Kind::Percent, Some("percentage_point")) | (Kind::Percent, _) => {
            format!("{num} percentage point{}", if d == 1.0 { "" } else { "s" })
        }
        (Kind::Age, _) => format!("{num} year{}", if d == 1.0 { "" } else { "s" }),
        (_, Some(u)) => format!("{num} {u}"),
        (_, None) => num,
    }
}

/// A number under a million with thousands separators and at most two decimals:
/// "3,000", "1.5".
fn grouped(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = s.split_once('.').map_or((s, ""), |(i, f)| (i, f));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A relative difference for people: "7.7%", "<0.1%".
pub fn describe_relative(r: f64) -> String {
    let pct = r * 100.0;
    if pct < 0.1 {
        "<0.1%".to_string()
    } else if pct < 10.0 {
        format!("{pct:.1}%")
    } else {
        format!("{pct:.0}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Interval, Span};

    fn claim(doc: &str, text: &str, low: Option<f64>, high: Option<f64>, as_of: &str) -> Claim {
        let point = match (low, high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (l, h) => l.or(h),
        };
        let span = Span {
            start: text.len(),
            end: text.len() + 1,
            line: 1,
            column: 1,
        };
        Claim {
            unit: Some("USD".into()),
            as_of: crate::identity::time::AsOf::parse(as_of),
            ..Claim::new(
                doc,
                span,
                text,
                Kind::Money,
                Interval::new(low, point, high),
            )
        }
    }

    #[test]
    fn the_bounded_figure_most_sources_back_is_the_majority() {
        let mut a = claim("000", "nearly $14 billion", Some(13.58e9), Some(14e9), "");
        a.value.point = Some(14e9);
        a.base = a.value;
        let b = claim("004", "$13 billion", Some(12.5e9), Some(13.5e9), "2023-11");
        let c = claim("004", "over $7 billion", Some(7e9), None, "2021");
        let s = spread(&[&a, &b, &c], true).unwrap();
        assert_eq!(s.anchor.text, "nearly $14 billion");
        assert_eq!(s.majority.len(), 2);
        assert_eq!(s.dissent.len(), 1);
        let d = &s.dissent[0];
        assert_eq!(d.claim.text, "$13 billion");
        assert_eq!(d.standing, Standing::Differs);
        assert!(d.beyond_hedge);
        assert_eq!(describe_relative(d.relative.unwrap()), "7.7%");
        assert_eq!(describe_difference(d.absolute.unwrap(), &a), "$1 billion");
    }

    #[test]
    fn a_figure_of_another_date_is_another_time() {
        let a = claim("a", "$4.3 billion", Some(4.25e9), Some(4.35e9), "2025-03");
        let b = claim("b", "$4.3 billion", Some(4.25e9), Some(4.35e9), "2025-03");
        let c = claim("a", "$1.2 billion", Some(1.15e9), Some(1.25e9), "2021");
        let s = spread(&[&c, &a, &b], true).unwrap();
        assert_eq!(s.anchor.text, "$4.3 billion");
        assert_eq!(s.standing(&c), Standing::OtherTime);
        assert_eq!(s.standing(&b), Standing::Agrees);
        assert_eq!(s.majority_docs(), vec!["a", "b"]);
    }

    #[test]
    fn small_differences_are_written_out() {
        let c = claim("a", "12,000", Some(12e3), Some(12e3), "");
        let count = Claim {
            kind: Kind::Count,
            unit: Some("people".into()),
            ..c
        };
        assert_eq!(describe_difference(-3000.0, &count), "3,000 people");
        assert_eq!(describe_difference(1.5, &count), "1.5 people");
    }

    #[test]
    fn no_claims_no_spread() {
        assert!(spread(&[], true).is_none());
    }
}
