//! Grouping: puts together the claims that speak about the same thing — same subject,
//! same attribute, comparable unit (same currency and rate period; percent apart from
//! percentage points). Claims without a subject or attribute are never grouped. Blocking
//! by key keeps this linear: no pair of claims is compared here.

use crate::claim::{Claim, Kind};
use serde::Serialize;
use std::collections::BTreeMap;

/// Claims about one subject and attribute in one unit family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimGroup {
    /// Canonical subject.
    pub subject: String,
    /// Attribute.
    pub attribute: String,
    /// Unit family ("USD", "USD/year", "percent", "count", "year", "date").
    pub unit: String,
    /// Indices into the claim list, in claim order.
    pub claims: Vec<usize>,
}

/// The unit family a claim is compared in.
pub fn unit_family(c: &Claim) -> String {
    let base = match c.kind {
        Kind::Money => c.unit.clone().unwrap_or_else(|| "money".into()),
        Kind::Percent => c.unit.clone().unwrap_or_else(|| "percent".into()),
        Kind::Count | Kind::Number => "count".into(),
        Kind::Age | Kind::Year => "year".into(),
        Kind::Date => "date".into(),
        Kind::Duration => c.unit.clone().unwrap_or_else(|| "duration".into()),
        Kind::Ordinal => "ordinal".into(),
    };
    match &c.per {
        Some(p) => format!("{base}/{p}"),
        None => base,
    }
}

/// Groups claims by (subject, attribute, unit family), in key order. `key` maps an
/// attribute to the attribute its group is named after (see
/// [`crate::attribute::Lexicon::group_key`]).
pub fn group_claims<'a>(claims: &'a [Claim], key: impl Fn(&'a str) -> &'a str) -> Vec<ClaimGroup> {
    let mut map: BTreeMap<(String, String, String), Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let (Some(s), Some(a)) = (&c.subject, &c.attribute) {
            map.entry((s.clone(), key(a).to_string(), unit_family(c)))
                .or_default()
                .push(i);
        }
    }
    map.into_iter()
        .map(|((subject, attribute, unit), claims)| ClaimGroup {
            subject,
            attribute,
            unit,
            claims,
        })
        .collect()
}
