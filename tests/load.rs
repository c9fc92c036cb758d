//! Loading each input format from `fixtures/formats/`: the prose view, the metadata, and
//! the map from figures in the view back to their bytes in the file as read.

use claimcheck::load::{html_document, load_paths, markdown_document};
use claimcheck::{Document, Format};
use proptest::prelude::*;
use std::path::PathBuf;

/// Loads one fixture file; it must load without errors.
fn load(name: &str) -> Vec<Document> {
    let path = PathBuf::from("fixtures/formats").join(name);
    let (docs, errors) = load_paths(&[path]);
    assert!(errors.is_empty(), "{name}: {errors:?}");
    docs
}

fn one(name: &str) -> Document {
    let mut docs = load(name);
    assert_eq!(docs.len(), 1, "{name}");
    docs.remove(0)
}

/// The source bytes a figure found in the prose view maps back to.
fn source_of(doc: &Document, figure: &str) -> String {
    let v = doc
        .text
        .find(figure)
        .unwrap_or_else(|| panic!("{figure:?} not in the view of {}:\n{}", doc.id, doc.text));
    let (s, e) = doc.source_range(v, v + figure.len());
    doc.source[s..e].to_string()
}

/// The figure maps back onto exactly the same bytes in the source.
fn assert_maps_exactly(doc: &Document, figure: &str) {
    assert_eq!(source_of(doc, figure), figure, "in {}", doc.id);
}

#[test]
fn plain_text_is_its_own_view() {
    let d = one("plain.txt");
    assert_eq!(d.id, "fixtures/formats/plain.txt");
    assert_eq!(d.format, Format::Text);
    assert_eq!(d.text, d.source);
    assert_eq!((d.title.as_deref(), d.published.as_deref()), (None, None));
    assert_maps_exactly(&d, "$14.3 billion");
}

#[test]
fn markdown_with_yaml_front_matter() {
    let d = one("yaml_front_matter.md");
    assert_eq!(d.format, Format::Markdown);
    assert_eq!(d.title.as_deref(), Some("Meta invests in Scale AI"));
    assert_eq!(d.published.as_deref(), Some("2025-06-13"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://example.com/news/meta-scale")
    );
    // Every source line is one line of the view.
    assert_eq!(d.text.lines().count(), d.source.lines().count());
    insta::assert_snapshot!("yaml_front_matter_md_view", d.text);
    for gone in [
        "title:", "**", "_49%_", "https://", "`", "9999", "12345", "|", "[^1]", "#",
    ] {
        assert!(
            !d.text.contains(gone),
            "{gone:?} left in the view:\n{}",
            d.text
        );
    }
    for figure in [
        "$14.3 billion",
        "49%",
        "14%",
        "200",
        "$13.8 billion",
        "2016",
        "19",
    ] {
        assert_maps_exactly(&d, figure);
    }
    assert_eq!(source_of(&d, "people familiar"), "people familiar");
}

#[test]
fn markdown_with_toml_front_matter() {
    let d = one("toml_front_matter.md");
    assert_eq!(d.title.as_deref(), Some("Scale AI valuation"));
    assert_eq!(d.published.as_deref(), Some("2025-06-12"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://example.com/scale-valuation")
    );
    assert_eq!(
        d.text.trim(),
        "Scale was valued at nearly $14 billion after its last round."
    );
    assert_maps_exactly(&d, "nearly $14 billion");
}

#[test]
fn html_page_keeps_only_the_visible_article_text() {
    let d = one("page.html");
    assert_eq!(d.format, Format::Html);
    assert_eq!(
        d.title.as_deref(),
        Some("Meta bets £11 billion — Scale AI deal")
    );
    // The JSON-LD `datePublished` keeps the date it was written with.
    assert_eq!(d.published.as_deref(), Some("2025-06-13"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://example.com/news/meta-scale")
    );
    insta::assert_snapshot!("page_html_view", d.text);
    for gone in [
        "12345",
        "$99",
        "Home",
        "24/7",
        "Subscribe",
        "Nvidia",
        "JavaScript",
        "Main St",
        "<",
        "&",
    ] {
        let found = if gone == "&" {
            d.text.replace("AT&T", "").contains(gone)
        } else {
            d.text.contains(gone)
        };
        assert!(!found, "{gone:?} left in the view:\n{}", d.text);
    }
    assert_maps_exactly(&d, "28");
    assert_maps_exactly(&d, "Meta bets on Scale AI");
    // Decoded references map back to the references as written.
    assert_eq!(source_of(&d, "$14.3 billion"), "&#36;14.3&nbsp;billion");
    assert_eq!(source_of(&d, "49%"), "49&#x25;");
    assert_eq!(source_of(&d, "€2 billion"), "&euro;2 billion");
    // A line broken in the source is one line of prose.
    assert!(d.text.contains("in Scale AI, taking a 49% stake"));
}

#[test]
fn jsonl_records_are_documents() {
    let docs = load("records.jsonl");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["2", "fixtures/formats/records.jsonl#4", "reuters-1"]);
    let r = &docs[2];
    assert_eq!(r.format, Format::JsonRecord);
    assert_eq!(r.title.as_deref(), Some("Meta invests in Scale AI"));
    assert_eq!(r.published.as_deref(), Some("2025-06-13"));
    assert_eq!(r.url.as_deref(), Some("https://example.com/r1"));
    assert_eq!(r.source, "Meta will invest $14.3 billion in Scale AI.");
    assert_maps_exactly(r, "$14.3 billion");
    assert_eq!(docs[0].text, "Scale was valued at nearly $14 billion.");
    assert_eq!(docs[0].published.as_deref(), Some("2025-06-12"));
    assert_eq!(docs[1].text, "Scale laid off 14% of its staff.");
}

#[test]
fn json_array_records_are_documents() {
    let docs = load("records.json");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["ap-1", "fixtures/formats/records.json#8"]);
    assert_eq!(docs[0].published.as_deref(), Some("2025-06-13"));
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Scale AI's founder joins Meta")
    );
    assert_maps_exactly(&docs[0], "28");
    assert_eq!(docs[1].text, "Meta's stake is 49%.");
}

#[test]
fn a_directory_loads_every_format_sorted_by_id() {
    let (docs, errors) = load_paths(&[PathBuf::from("fixtures/formats")]);
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(docs.len(), 17);
    assert!(ids.contains(&"fixtures/formats/page.html"));
}

#[test]
fn the_same_file_given_twice_loads_once() {
    let p = PathBuf::from("fixtures/formats/plain.txt");
    let (docs, errors) = load_paths(&[p.clone(), PathBuf::from("fixtures/formats"), p]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 17);
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    // Sparse: no gigabyte is written.
    f.set_len(claimcheck::load::MAX_FILE_BYTES + 1).unwrap();
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "ok").unwrap();
    let (docs, errors) = load_paths(&[big.clone(), small]);
    assert_eq!(docs.len(), 1);
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert!(
        msg.contains("big.txt") && msg.contains("too large"),
        "{msg}"
    );
}

#[test]
fn a_document_too_large_to_analyse_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.jsonl");
    // One record over the limit among small ones: only it is refused.
    let text = "Acme paid $5 million. ".repeat(claimcheck::load::MAX_DOCUMENT_BYTES / 22 + 1);
    let records = format!(
        "{{\"id\": \"small-1\", \"text\": \"ok\"}}\n{{\"id\": \"huge-2\", \"text\": \"{text}\"}}\n"
    );
    std::fs::write(&big, records).unwrap();
    let (docs, errors) = load_paths(&[big]);
    assert_eq!(docs.len(), 1);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let msg = errors[0].to_string();
    assert!(
        msg.contains("huge-2") && msg.contains("too large to analyse"),
        "{msg}"
    );
}

/// Checks the offset map of a converted document: every run lies inside both texts on
/// char boundaries, and every char-boundary range of the view maps into bounds and onto
/// char boundaries of the source.
fn check_map(d: &Document) -> Result<(), TestCaseError> {
    for p in d.map.pieces() {
        prop_assert!(p.view + p.view_len <= d.text.len());
        prop_assert!(p.source + p.source_len <= d.source.len());
        prop_assert!(d.text.get(p.view..p.view + p.view_len).is_some());
        prop_assert!(d.source.get(p.source..p.source + p.source_len).is_some());
    }
    let bounds: Vec<usize> = d
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain([d.text.len()])
        .collect();
    for (k, &start) in bounds.iter().enumerate() {
        for &end in bounds[k..].iter().take(12) {
            let (s, e) = d.source_range(start, end);
            prop_assert!(s <= e && e <= d.source.len(), "{start}..{end} -> {s}..{e}");
            prop_assert!(d.source.is_char_boundary(s) && d.source.is_char_boundary(e));
        }
    }
    Ok(())
}

/// Markup-heavy strings, so the converters' branches are exercised.
fn markup() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[<>/!?a-zA-Z0-9 \n\t\"'=&#;*_`~|\\[\\]()+.:{}\\\\-]{0,300}",
        proptest::collection::vec(
            prop_oneof![
                Just("<p>".to_string()),
                Just("</p>".to_string()),
                Just("<script>".to_string()),
                Just("</script>".to_string()),
                Just("<article>".to_string()),
                Just("<!--".to_string()),
                Just("-->".to_string()),
                Just("&nbsp;".to_string()),
                Just("&#x24;".to_string()),
                Just("**".to_string()),
                Just("`".to_string()),
                Just("[a](b)".to_string()),
                Just("---\n".to_string()),
                Just("\n".to_string()),
                Just("| x |".to_string()),
                Just("€5 ".to_string()),
                Just("\u{a0}".to_string()),
                "[a-z0-9 $%.]{0,8}",
            ],
            0..40,
        )
        .prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn html_reader_never_panics_and_maps_in_bounds(src in markup()) {
        let d = html_document("p.html".into(), src);
        check_map(&d)?;
    }

    #[test]
    fn markdown_reader_never_panics_and_maps_in_bounds(src in markup()) {
        let d = markdown_document("p.md".into(), src);
        check_map(&d)?;
        // Line structure is kept: one view line per source line.
        prop_assert_eq!(
            d.text.matches('\n').count(),
            d.source.matches('\n').count()
        );
    }
}

/// Inputs built to make a naive reader quadratic (a bracket, tag or quote opened over and
/// over and never closed) still load quickly.
#[test]
fn pathological_inputs_load_in_linear_time() {
    let n = 200_000;
    let inputs = [
        "[".repeat(n),
        "<".repeat(n),
        "<a ".repeat(n / 3),
        "<a b='".repeat(n / 6),
        "<a b=\"x\" ".repeat(n / 9),
        "`` `".repeat(n / 4),
        "&#".repeat(n / 2),
        "*_".repeat(n / 2),
        format!("http://x{}", ")".repeat(n)),
        "[a](".repeat(n / 4),
        "![".repeat(n / 2),
        "<!--".repeat(n / 4),
        "<script>".repeat(n / 8),
        "</".repeat(n / 2),
        "<p>x".repeat(n / 4),
        "<article>".repeat(n / 9),
        "- > # ".repeat(n / 6),
        "|".repeat(n),
        "\n    x".repeat(n / 6),
        "~~~\n".repeat(n / 4),
    ];
    for (k, src) in inputs.iter().enumerate() {
        let start = std::time::Instant::now();
        let h = html_document("p.html".into(), src.clone());
        let m = markdown_document("p.md".into(), src.clone());
        let (_, _) = claimcheck::load::json_documents("p.json", src);
        let took = start.elapsed();
        assert!(
            took < std::time::Duration::from_secs(10),
            "input {k} took {took:?} ({} + {} bytes of view)",
            h.text.len(),
            m.text.len()
        );
        eprintln!("input {k}: {took:?}");
    }
}
