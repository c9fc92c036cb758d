//! Reader mode on synthetic pages (`fixtures/formats/html-*.html`), one behaviour each:
//! which figures a page yields as claims and which page chrome never does, the
//! publication date and title it reads, and claim text that is visible text while its
//! span points into the HTML bytes.

use claimcheck::load::html_document;
use claimcheck::{extract, Claim, Config, Document};

fn page(name: &str) -> Document {
    let path = format!("fixtures/formats/{name}");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    html_document(path, source)
}

fn claims(doc: &Document) -> Vec<Claim> {
    extract(doc, &Config::default())
}

/// Asserts the page's claims include every `found` text and no claim holds a `gone` text.
fn check(name: &str, found: &[&str], gone: &[&str]) -> Document {
    let doc = page(name);
    let texts: Vec<String> = claims(&doc).into_iter().map(|c| c.text).collect();
    for f in found {
        assert!(
            texts.iter().any(|t| t == f),
            "{name}: {f:?} missing from {texts:?}"
        );
    }
    for g in gone {
        assert!(
            !texts.iter().any(|t| t.contains(g)),
            "{name}: {g:?} leaked into {texts:?}"
        );
    }
    doc
}

#[test]
fn teaser_card_articles_do_not_hide_the_story() {
    check(
        "html-teaser-cards.html",
        &[
            "$48 million",
            "140 steel cables",
            "about 25,000 vehicles",
            "1962",
        ],
        &["12%", "300", "9,000"],
    );
}

#[test]
fn related_and_most_read_lists_are_dropped() {
    let doc = check(
        "html-related-list.html",
        &[
            "$1.2 million",
            "18%",
            "about 40,000 books",
            "14 more librarians",
        ],
        &["3.4", "6 weeks", "5,000", "3 days"],
    );
    let texts: Vec<String> = claims(&doc).into_iter().map(|c| c.text).collect();
    assert!(!texts.iter().any(|t| t == "2 million"), "{texts:?}");
    assert!(!doc.text.contains("Related"), "{}", doc.text);
}

#[test]
fn hidden_elements_are_not_read() {
    let doc = check(
        "html-hidden.html",
        &[
            "7%",
            "$90 million",
            "about $38",
            "up to 50%",
            "eight months",
        ],
        &["11%", "44", "3 sections", "2", "17"],
    );
    assert!(!doc.text.contains("footnote"), "{}", doc.text);
}

#[test]
fn galleries_and_photo_credits_are_dropped() {
    let doc = check(
        "html-gallery.html",
        &[
            "65,000 tickets",
            "90 minutes",
            "$900",
            "about 3,000 tickets",
            "1998",
        ],
        &[
            "1 / 4", "40,000", "2019", "20,000", "2015", "30,000", "2022", "2023", "12",
        ],
    );
    // The caption itself is the story's; only its credit goes.
    assert!(
        doc.text.contains("The crowd on the opening night."),
        "{}",
        doc.text
    );
}

#[test]
fn share_and_comment_counters_and_comments_are_dropped() {
    check(
        "html-comment-counter.html",
        &[
            "$4.5 billion",
            "nine years",
            "31 million passengers",
            "12 councils",
        ],
        &["2,431", "941", "3,000"],
    );
}

#[test]
fn a_dateline_dates_the_page_and_is_no_claim() {
    let doc = check(
        "html-dateline.html",
        &["20%", "about 56,000 tonnes", "$15 million", "300 boats"],
        &["March", "2025"],
    );
    assert_eq!(doc.published.as_deref(), Some("2025-03-03"));
    assert!(!doc.text.contains("Jane Roe"), "{}", doc.text);
}

#[test]
fn json_ld_date_published_wins_over_modified_and_gives_the_title() {
    let doc = check(
        "html-json-ld-date.html",
        &["18,000 passengers", "$620 million", "$2.50"],
        &[],
    );
    assert_eq!(doc.published.as_deref(), Some("2025-05-18"));
    assert_eq!(doc.title.as_deref(), Some("Tram line opens to passengers"));
}

#[test]
fn claim_text_is_visible_text_and_its_span_points_into_the_html() {
    let doc = page("html-markup-in-number.html");
    let cs = claims(&doc);
    let by_text = |t: &str| {
        cs.iter().find(|c| c.text == t).unwrap_or_else(|| {
            panic!(
                "{t:?} not in {:?}",
                cs.iter().map(|c| &c.text).collect::<Vec<_>>()
            )
        })
    };
    for (text, bytes) in [
        ("1,200 people", "1,200</b> people"),
        ("3.5 million litres", "3.5</em>&nbsp;million litres"),
        ("about 450 workers", "about 450&#160;workers"),
        ("at least two weeks", "at least <strong>two\n     weeks"),
    ] {
        let c = by_text(text);
        assert_eq!(&doc.source[c.span.start..c.span.end], bytes);
    }
    for c in &cs {
        assert!(
            !c.text.contains(['<', '&', '\n']),
            "markup in claim text {:?}",
            c.text
        );
    }
}
