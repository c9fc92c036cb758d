//! Stories: which documents tell the same story, and the name it goes by. A figure
//! with no owner in its sentence ("242 people on board") is about its document's story;
//! two documents tell one story when their main segments share one of their most
//! mentioned names (organisations, places, things; people are left out, since one
//! person can appear in unrelated stories). Documents are linked through shared names
//! (union-find), so that a corpus of several stories keeps their figures apart.

use crate::resolve::{EntityKind, EntityMention, NameMap};
use std::collections::BTreeMap;

/// How many of a document's most mentioned names can link it to another document.
const TOP_NAMES: usize = 3;

/// The story label of each document: the most mentioned name of the documents linked
/// with it; a document that names nothing takes the largest story's, or "the story"
/// when no document names anything.
pub fn story_labels(entities: &[&[EntityMention]], texts: &[&str], names: &NameMap) -> Vec<String> {
    let tops: Vec<Vec<(String, usize)>> = entities
        .iter()
        .zip(texts)
        .map(|(e, text)| top_names(e, text, names))
        .collect();
    let mut parent: Vec<usize> = (0..tops.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut first_with: BTreeMap<&str, usize> = BTreeMap::new();
    for (d, top) in tops.iter().enumerate() {
        for (name, _) in top {
            match first_with.get(name.as_str()) {
                Some(&o) => {
                    let (a, b) = (find(&mut parent, o), find(&mut parent, d));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
                None => {
                    first_with.insert(name, d);
                }
            }
        }
    }
    let mut totals: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    for (d, top) in tops.iter().enumerate() {
        let root = find(&mut parent, d);
        for (name, n) in top {
            *totals.entry(root).or_default().entry(name).or_default() += n;
        }
    }
    // A document that names nothing is about the story most documents tell (the input of
    // a check is one story's coverage unless its names say otherwise).
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for (d, top) in tops.iter().enumerate() {
        if !top.is_empty() {
            *sizes.entry(find(&mut parent, d)).or_default() += 1;
        }
    }
    let largest = sizes
        .iter()
        .max_by_key(|(root, n)| (**n, std::cmp::Reverse(**root)))
        .map(|(root, _)| *root);
    (0..tops.len())
        .map(|d| {
            let root = match largest {
                Some(l) if tops[d].is_empty() => l,
                _ => find(&mut parent, d),
            };
            totals
                .get(&root)
                .and_then(|t| {
                    t.iter()
                        .max_by_key(|(n, c)| (**c, std::cmp::Reverse(**n)))
                        .map(|(n, _)| n.to_string())
                })
                .unwrap_or_else(|| "the story".to_string())
        })
        .collect()
}

/// A document's most mentioned non-person names in its main story, with their counts.
/// A single capitalised word that only ever opens a sentence ("Flames engulfed …") is no
/// name.
fn top_names(entities: &[EntityMention], text: &str, names: &NameMap) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut inside: BTreeMap<&str, bool> = BTreeMap::new();
    for e in entities.iter().filter(|e| e.segment == 0) {
        let name = names.canonical(&e.canonical);
        if e.kind == EntityKind::Person || names.kind(name) == EntityKind::Person {
            continue;
        }
        let opens_sentence = text
            .get(..e.start)
            .map(|before| before.trim_end())
            .is_some_and(|b| b.is_empty() || b.ends_with(['.', '!', '?', '"', '\n', ':', '#']));
        *inside.entry(name).or_default() |= !opens_sentence || e.surface.contains(' ');
        *counts.entry(name).or_default() += 1;
    }
    counts.retain(|name, _| inside.get(name).copied().unwrap_or(false));
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(n, c)| (n.to_string(), c))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(TOP_NAMES);
    v
}
