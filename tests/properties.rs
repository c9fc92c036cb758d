//! Properties every extraction must keep on any input, checked on random and adversarial
//! strings: no panic, spans in bounds and on character boundaries, intervals ordered and
//! finite, claims sorted, and the same output for the same input; and for `check` over
//! several such documents, a report whose findings name existing claims, byte for byte
//! the same on a second run.
//!
//! Case counts are kept moderate for CI; raise them with `PROPTEST_CASES=…`.

use claimcheck::extract::{extract_mentions, ExtractContext};
use claimcheck::{Claim, Config, Document, Interval, Mention};
use proptest::prelude::*;

/// Pieces news text is made of, plus the ones that break naive extractors.
const PIECES: &[&str] = &[
    // digits and numbers
    "0",
    "1",
    "7",
    "14",
    "14.3",
    "1,250",
    "1,2,3",
    "12.",
    ".5",
    "0.000001",
    "2016",
    "1999",
    "99999999999999999999",
    "99999999999999999999 billion",
    "1e999",
    "1e-999",
    "-5",
    "+3",
    "3/4",
    "½",
    "٣",
    "１２３",
    "1 000 000",
    "1_000",
    "0x1F",
    "NaN",
    "inf",
    "∞",
    // currencies and units
    "$",
    "$$$",
    "US$",
    "£",
    "€",
    "¥",
    "₹",
    "C$",
    "A$",
    "HK$",
    "bn",
    "mn",
    "m",
    "k",
    "billion",
    "million",
    "trillion",
    "thousand",
    "bil",
    "mil",
    "dollars",
    "euros",
    "%",
    "per cent",
    "percent",
    "percentage points",
    "pc",
    "-year-old",
    "years",
    "months",
    "aged",
    "st",
    "nd",
    "rd",
    "th",
    "-largest",
    // hedges and bounds
    "about ",
    "nearly ",
    "almost ",
    "more than ",
    "over ",
    "at least ",
    "up to ",
    "under ",
    "between ",
    " and ",
    "–",
    "-",
    "—",
    " to ",
    "from ",
    "~",
    ">",
    "<",
    "≈",
    "some ",
    "an estimated ",
    "just under ",
    "close to ",
    // words
    "twenty-five",
    "a hundred",
    "two dozen",
    "one",
    "first",
    "third",
    "half",
    "a quarter",
    "January",
    "June 13",
    "Sept.",
    "2025-06-13",
    "in 2016",
    "the 1990s",
    "Q3",
    "FY2024",
    "Wang",
    "Scale AI",
    "Alexandr Wang, 27,",
    "the 28-year-old",
    // separators and odd characters
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\"",
    "'",
    "’",
    "\u{a0}",
    "\u{2009}",
    "\u{202f}",
    "\u{3000}",
    "\u{200b}",
    "\u{feff}",
    "\u{301}",
    "e\u{301}",
    "\u{0308}",
    "😀",
    "👩‍👩‍👧",
    "🇺🇸",
    "\u{fffd}",
    "\0",
    "\u{7f}",
    "ß",
    "İ",
    "ﬁ",
];

fn config() -> Config {
    Config::default()
}

/// Strings built from the pieces above, up to `n` pieces long.
fn adversarial(n: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..n).prop_map(|v| v.concat())
}

/// Any string: random unicode, or printable ASCII around digits.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,200}",
        "[0-9$%., a-z\\-]{0,120}",
        adversarial(60),
    ]
}

fn finite_or_none(v: Option<f64>) -> bool {
    v.is_none_or(f64::is_finite)
}

/// The interval checks shared by mentions and claims; returns a message on failure.
fn check_interval(v: &Interval) -> Result<(), String> {
    if let Some(p) = v.point {
        if !p.is_finite() {
            return Err(format!("point is not finite: {v:?}"));
        }
    }
    for b in [v.low, v.high] {
        if b.is_some_and(f64::is_nan) {
            return Err(format!("bound is NaN: {v:?}"));
        }
    }
    if let (Some(l), Some(h)) = (v.low, v.high) {
        if l > h {
            return Err(format!("low > high: {v:?}"));
        }
    }
    if let (Some(l), Some(p)) = (v.low, v.point) {
        if l > p {
            return Err(format!("low > point: {v:?}"));
        }
    }
    if let (Some(p), Some(h)) = (v.point, v.high) {
        if p > h {
            return Err(format!("point > high: {v:?}"));
        }
    }
    Ok(())
}

fn check_mentions(text: &str, mentions: &[Mention]) -> Result<(), TestCaseError> {
    let mut prev = 0;
    for m in mentions {
        prop_assert!(m.start <= m.end, "start > end: {m:?}");
        prop_assert!(m.end <= text.len(), "span past the end: {m:?}");
        prop_assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "span off a char boundary: {m:?} in {text:?}"
        );
        prop_assert!(
            m.start >= prev,
            "mentions not sorted by start: {mentions:?}"
        );
        prev = m.start;
        check_interval(&m.value).map_err(TestCaseError::fail)?;
        prop_assert!(finite_or_none(m.value.point));
        if let Some(i) = m.change_from {
            prop_assert!(i < mentions.len(), "change_from out of range: {m:?}");
        }
    }
    Ok(())
}

fn check_claims(doc: &Document, claims: &[Claim]) -> Result<(), TestCaseError> {
    let src = &doc.source;
    for c in claims {
        prop_assert!(c.span.start <= c.span.end, "start > end: {c:?}");
        prop_assert!(c.span.end <= src.len(), "span past the end: {c:?}");
        prop_assert!(
            src.is_char_boundary(c.span.start) && src.is_char_boundary(c.span.end),
            "span off a char boundary: {c:?}"
        );
        prop_assert_eq!(
            src.get(c.span.start..c.span.end),
            Some(c.text.as_str()),
            "text is not the source at the span"
        );
        prop_assert!(c.span.line >= 1 && c.span.column >= 1, "line/column: {c:?}");
        check_interval(&c.value).map_err(TestCaseError::fail)?;
    }
    for w in claims.windows(2) {
        prop_assert!(
            (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end),
            "claims not sorted by (start, end): {:?} then {:?}",
            w[0].span,
            w[1].span
        );
    }
    Ok(())
}

fn run_both(text: &str, published: Option<&str>) -> Result<(), TestCaseError> {
    let config = config();
    let ctx = ExtractContext {
        config: &config,
        published,
    };
    let first = extract_mentions(text, &ctx);
    check_mentions(text, &first)?;
    let second = extract_mentions(text, &ctx);
    prop_assert_eq!(&first, &second, "extract_mentions is not deterministic");

    let mut doc = Document::from_text("prop.txt", text);
    if let Some(p) = published {
        doc = doc.with_published(p);
    }
    let claims = claimcheck::extract(&doc, &config);
    check_claims(&doc, &claims)?;
    let again = claimcheck::extract(&doc, &config);
    prop_assert_eq!(&claims, &again, "claimcheck::extract is not deterministic");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_text_keeps_every_property(text in any_text()) {
        run_both(&text, None)?;
    }

    #[test]
    fn adversarial_text_keeps_every_property(text in adversarial(120)) {
        run_both(&text, None)?;
    }

    #[test]
    fn publication_date_never_breaks_extraction(
        text in adversarial(40),
        published in prop_oneof![
            Just("2025-06-13".to_string()),
            Just("2025-06".to_string()),
            Just("2025".to_string()),
            Just("not a date".to_string()),
            Just("0000-00-00".to_string()),
            Just("9999-99-99".to_string()),
            "[0-9-]{0,12}",
        ],
    ) {
        run_both(&text, Some(&published))?;
    }

    #[test]
    fn figures_inside_sentences_keep_every_property(
        prefix in "[A-Za-z ,]{0,30}",
        hedge in prop::sample::select(&["", "about ", "nearly ", "more than ", "at least ",
            "up to ", "between 3 and ", "some ", "~"][..]),
        sign in prop::sample::select(&["", "$", "US$", "£", "€", "¥"][..]),
        int in any::<u64>(),
        frac in prop::option::of(0u32..1000),
        scale in prop::sample::select(&["", " million", " billion", "bn", "m", " trillion",
            "%", " per cent", " years", "-year-old", "th", " employees"][..]),
        suffix in "[A-Za-z ,.]{0,30}",
    ) {
        let number = match frac {
            Some(f) => format!("{int}.{f}"),
            None => int.to_string(),
        };
        let text = format!("{prefix}{hedge}{sign}{number}{scale}{suffix}");
        run_both(&text, None)?;
    }
}

/// Sentences that give the checker something to group: names, hedged figures, ages.
fn newsy(n: usize) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(
        &[
            "Alexandr Wang",
            "Wang",
            "Scale AI",
            "Scale",
            "Meta",
            " was valued at ",
            " owns a ",
            " stake",
            "nearly ",
            "about ",
            "more than ",
            "$14 billion",
            "$13.8bn",
            "49%",
            "50 per cent",
            ", 27,",
            "the 28-year-old ",
            " laid off ",
            " 14% of staff",
            " in 2021",
            " on June 13, 2025",
            " at the time",
            ". ",
            "\n",
            "\n\n",
            "Related Articles\n",
            "Updated 3:15 p.m. ET\n",
            "\u{a0}",
            "😀",
        ][..],
    );
    prop::collection::vec(pieces, 0..n).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn check_keeps_its_report_consistent(
        texts in prop::collection::vec(prop_oneof![newsy(60), adversarial(40)], 1..4),
        published in prop::collection::vec(
            prop_oneof![Just(None), Just(Some("2025-06-13")), Just(Some("2021")),
                Just(Some("junk"))],
            4,
        ),
    ) {
        let config = config();
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let d = Document::from_text(format!("doc{i}.txt"), t.as_str());
                match published[i % published.len()] {
                    Some(p) => d.with_published(p),
                    None => d,
                }
            })
            .collect();
        let report = claimcheck::check(&docs, &config);
        let ids: std::collections::HashSet<&str> =
            report.claims.iter().map(|c| c.id.as_str()).collect();
        for f in &report.findings {
            for id in &f.claims {
                prop_assert!(ids.contains(id.as_str()), "finding names an unknown claim {id}");
            }
        }
        for c in &report.claims {
            let doc = docs.iter().find(|d| d.id == c.doc);
            prop_assert!(doc.is_some(), "claim of an unknown document: {}", c.doc);
            if let Some(d) = doc {
                prop_assert_eq!(d.source.get(c.span.start..c.span.end), Some(c.text.as_str()));
            }
            check_interval(&c.value).map_err(TestCaseError::fail)?;
        }
        let again = claimcheck::check(&docs, &config);
        prop_assert_eq!(
            serde_json::to_string(&report).ok(),
            serde_json::to_string(&again).ok(),
            "check is not deterministic"
        );
    }
}

/// Long inputs a fuzzer rarely reaches, checked once each.
#[test]
fn pathological_inputs_keep_every_property() {
    let long_digits = "9".repeat(10_000);
    let many_dollars = "$".repeat(5_000);
    let many_figures = "$14.3 billion, nearly 50% and 1,200 jobs; ".repeat(500);
    let combining = "1\u{301}4\u{301}%\u{301} ".repeat(500);
    let no_spaces = "12345678901234567890,".repeat(1_000);
    let deep_range = "between 1 and ".repeat(1_000);
    let emoji = "💰$5💰 ".repeat(1_000);
    let inputs = [
        "",
        "$",
        "$$$",
        "1e999",
        "-1e999%",
        "99999999999999999999 billion",
        "$99999999999999999999999999999999999999 trillion",
        "0.0000000000000000000000000000001%",
        long_digits.as_str(),
        many_dollars.as_str(),
        many_figures.as_str(),
        combining.as_str(),
        no_spaces.as_str(),
        deep_range.as_str(),
        emoji.as_str(),
    ];
    for text in inputs {
        if let Err(e) = run_both(text, None) {
            panic!(
                "property broken on {:?}…: {e}",
                text.chars().take(60).collect::<String>()
            );
        }
    }
}
