//! Every output format of `claimcheck check`, snapshotted on a hand-built report, plus
//! structural checks: SARIF 2.1.0's required properties and JUnit XML that parses back.

use claimcheck::claim::{Claim, Interval, Kind, Qualifier, Span};
use claimcheck::config_file::load_config;
use claimcheck::document::LineIndex;
use claimcheck::facts::resolve_facts;
use claimcheck::finding::{DocumentInfo, Finding, Report, Severity, Summary, Verdict};
use claimcheck::gate::{apply_gate, GateSettings};
use claimcheck::gate::{FailOn, GateReport, Notice, NoticeKind};
use claimcheck::report::{render, OutputFormat, RenderOptions};
use claimcheck::{check, load_paths, Document};
use serde_json::Value;
use std::path::Path;

const A: &str = "---\ntitle: Scale deal\n---\n# Meta buys in\n\nMeta agreed to invest $14.3 billion in Scale AI, which was valued at $13 billion at the time.\nWang, 28, will join Meta.\n";
const B: &str = "<html><body>\n<p>Scale AI, valued at nearly $14 billion, said Alexandr Wang, 27, would leave.</p>\n<p>In 2021 Scale was valued at $7.3 billion & more.</p>\n<!-- claimcheck-disable-next-line: stale -->\n</body></html>\n";
const C: &str = "Scale AI, last valued at $7.3 billion in 2021, now at $29 billion \"or more\".\n";

fn docs() -> Vec<Document> {
    vec![
        Document::from_text("news/a.md", A),
        Document::from_text("news/b.html", B),
        Document::from_text("wire/c.txt", C),
    ]
}

#[allow(clippy::too_many_arguments)]
fn claim(
    doc: &str,
    source: &str,
    needle: &str,
    kind: Kind,
    value: (Option<f64>, Option<f64>),
    qualifier: Qualifier,
    about: (&str, &str),
    as_of: Option<(&str, &str)>,
) -> Claim {
    let start = source.find(needle).expect("needle in source");
    let (line, column) = LineIndex::new(source).line_col(source, start);
    let sentence = source[..start].rfind(['\n', '>']).map_or(0, |i| i + 1);
    let end_sentence = source[start..]
        .find(['\n', '<'])
        .map_or(source.len(), |i| start + i);
    Claim {
        id: format!("{}#{}", doc, start),
        sentence: source[sentence..end_sentence].trim().to_string(),
        unit: Some("USD".into()),
        qualifier,
        subject: Some(about.0.into()),
        attribute: Some(about.1.into()),
        as_of: as_of.and_then(|a| claimcheck::AsOf::parse(a.0)),
        as_of_source: as_of.and_then(|a| claimcheck::claim::AsOfSource::from_name(a.1)),
        ..Claim::new(
            doc,
            Span {
                start,
                end: start + needle.len(),
                line,
                column,
            },
            needle,
            kind,
            Interval::new(value.0, mid(value.0, value.1), value.1),
        )
    }
}

fn mid(low: Option<f64>, high: Option<f64>) -> Option<f64> {
    match (low, high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (l, h) => l.or(h),
    }
}

fn finding(
    fp: &str,
    verdict: Verdict,
    severity: Severity,
    claims: &[&Claim],
    message: &str,
) -> Finding {
    Finding {
        fingerprint: fp.into(),
        verdict,
        severity,
        subject: claims[0].subject.clone(),
        attribute: claims[0].attribute.clone(),
        claims: claims.iter().map(|c| c.id.clone()).collect(),
        message: message.into(),
    }
}

fn report() -> GateReport {
    use Kind::*;
    use Qualifier as Q;
    let val_a = claim(
        "news/a.md",
        A,
        "$13 billion",
        Money,
        (Some(12.5e9), Some(13.5e9)),
        Q::None,
        ("Scale AI", "valuation"),
        Some(("2025-06", "at_the_time")),
    );
    let val_b = claim(
        "news/b.html",
        B,
        "nearly $14 billion",
        Money,
        (Some(13.58e9), Some(14e9)),
        Q::Nearly,
        ("Scale AI", "valuation"),
        None,
    );
    let val_b21 = claim(
        "news/b.html",
        B,
        "$7.3 billion",
        Money,
        (Some(7.25e9), Some(7.35e9)),
        Q::None,
        ("Scale AI", "valuation"),
        Some(("2021", "explicit")),
    );
    let val_c21 = claim(
        "wire/c.txt",
        C,
        "$7.3 billion",
        Money,
        (Some(7.25e9), Some(7.35e9)),
        Q::None,
        ("Scale AI", "valuation"),
        Some(("2021", "explicit")),
    );
    let val_c = claim(
        "wire/c.txt",
        C,
        "$29 billion",
        Money,
        (Some(28.5e9), Some(29.5e9)),
        Q::None,
        ("Scale AI", "valuation"),
        Some(("2025", "published")),
    );
    let mut age_a = claim(
        "news/a.md",
        A,
        "28",
        Age,
        (Some(28.0), Some(28.0)),
        Q::None,
        ("Alexandr Wang", "age"),
        None,
    );
    let mut age_b = claim(
        "news/b.html",
        B,
        "27",
        Age,
        (Some(27.0), Some(27.0)),
        Q::None,
        ("Alexandr Wang", "age"),
        None,
    );
    age_a.unit = Some("year".into());
    age_b.unit = Some("year".into());
    let findings = vec![
        finding(
            "f-val",
            Verdict::Conflict,
            Severity::Error,
            &[&val_a, &val_b],
            "$13 billion (at the time) vs nearly $14 billion: 0.6% apart",
        ),
        finding(
            "f-age",
            Verdict::ConflictScopeUncertain,
            Severity::Warning,
            &[&age_a, &age_b],
            "28 vs 27, publication dates unknown",
        ),
        finding(
            "f-time",
            Verdict::TimeScoped,
            Severity::Info,
            &[&val_c21, &val_c],
            "2021: $7.3 billion -> 2025: $29 billion",
        ),
        finding(
            "f-agree",
            Verdict::Agree,
            Severity::None,
            &[&val_b21, &val_c21],
            "all sources agree",
        ),
    ];
    let mut claims = vec![val_a, age_a, val_b, age_b, val_b21, val_c21, val_c];
    claims.sort_by(|a, b| (&a.doc, a.span.start).cmp(&(&b.doc, b.span.start)));
    let documents = docs()
        .iter()
        .map(|d| DocumentInfo {
            id: d.id.clone(),
            published: None,
            title: None,
        })
        .collect();
    GateReport {
        report: Report {
            version: 1,
            documents,
            summary: Summary { documents: 3, claims: claims.len(), groups: 4, compared: 4, errors: 1, warnings: 1, infos: 1 },
            claims,
            findings,
        },
        notices: vec![
            Notice {
                kind: NoticeKind::UnusedSuppression,
                severity: Severity::Warning,
                doc: Some("news/b.html".into()),
                line: Some(4),
                column: Some(1),
                message: "unused suppression: `claimcheck-disable-next-line` suppresses no finding".into(),
                fingerprint: "n-unused".into(),
            },
            Notice {
                kind: NoticeKind::BaselineEntryGone,
                severity: Severity::Info,
                doc: None,
                line: None,
                column: None,
                message: "baseline entry no longer occurs: Scale AI headcount (900 vs 1,000) in news/a.md, wire/c.txt".into(),
                fingerprint: "n-gone".into(),
            },
        ],
        suppressed: 1,
        suppressions: Vec::new(),
        baselined: 2,
    }
}

fn output(format: OutputFormat, opts: &RenderOptions) -> String {
    let mut out = Vec::new();
    render(&report(), &docs(), format, opts, &mut out).expect("render");
    String::from_utf8(out).expect("utf-8")
}

fn opts() -> RenderOptions {
    RenderOptions {
        tool_version: "0.0.0-test".into(),
        ..RenderOptions::default()
    }
}

#[test]
fn human() {
    insta::assert_snapshot!(output(OutputFormat::Human, &opts()));
}

#[test]
fn human_all_lists_agreeing_groups() {
    let all = RenderOptions {
        all: true,
        ..opts()
    };
    let text = output(OutputFormat::Human, &all);
    assert!(
        text.contains("ok[agree]: Scale AI valuation: sources agree"),
        "{text}"
    );
    assert!(!output(OutputFormat::Human, &opts()).contains("[agree]"));
}

#[test]
fn human_colour_only_when_asked() {
    let coloured = RenderOptions {
        color: true,
        ..opts()
    };
    assert!(output(OutputFormat::Human, &coloured).contains("\x1b[1;31m"));
    assert!(!output(OutputFormat::Human, &opts()).contains('\x1b'));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(output(OutputFormat::Markdown, &opts()));
}

#[test]
fn github() {
    insta::assert_snapshot!(output(OutputFormat::Github, &opts()));
}

#[test]
fn json() {
    let text = output(OutputFormat::Json, &opts());
    let v: Value = serde_json::from_str(&text).expect("valid JSON");
    for key in ["version", "documents", "claims", "findings"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for f in v["findings"].as_array().expect("findings array") {
        for key in [
            "verdict",
            "severity",
            "subject",
            "attribute",
            "claims",
            "message",
        ] {
            assert!(f.get(key).is_some(), "finding misses {key}");
        }
    }
    assert_eq!(
        v["findings"].as_array().map(Vec::len),
        Some(3),
        "agree only with --all"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn sarif() {
    let text = output(OutputFormat::Sarif, &opts());
    let v: Value = serde_json::from_str(&text).expect("valid JSON");
    check_sarif(&v);
    insta::assert_snapshot!(text);
}

#[test]
fn junit() {
    let text = output(OutputFormat::Junit, &opts());
    check_junit(&text, 5, 1);
    insta::assert_snapshot!(text);
}

#[test]
fn junit_fail_on_warning_fails_more_cases() {
    let o = RenderOptions {
        fail_on: FailOn::At(Severity::Warning),
        ..opts()
    };
    check_junit(&output(OutputFormat::Junit, &o), 5, 3);
    let o = RenderOptions {
        fail_on: FailOn::Never,
        ..opts()
    };
    check_junit(&output(OutputFormat::Junit, &o), 5, 0);
}

/// `fixtures/gate` (a small newsroom with its `claimcheck.toml`) through the real
/// pipeline and gate, rendered in `format`.
fn fixture_output(format: OutputFormat) -> String {
    let dir = Path::new("fixtures/gate");
    let config = load_config(&dir.join("claimcheck.toml")).expect("fixture config");
    let facts = resolve_facts(&config.facts, &config).expect("fixture facts");
    let (docs, errors) = load_paths(&[dir.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let report = check(&docs, &config);
    let settings = GateSettings {
        facts: &facts,
        ..GateSettings::default()
    };
    let gated = apply_gate(report, &docs, &config, &settings);
    let mut out = Vec::new();
    render(&gated, &docs, format, &opts(), &mut out).expect("render");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn fixture_gate_every_format() {
    for (name, format) in [
        ("human", OutputFormat::Human),
        ("markdown", OutputFormat::Markdown),
        ("json", OutputFormat::Json),
        ("github", OutputFormat::Github),
        ("sarif", OutputFormat::Sarif),
        ("junit", OutputFormat::Junit),
    ] {
        let text = fixture_output(format);
        match format {
            OutputFormat::Sarif => check_sarif(&serde_json::from_str(&text).expect("json")),
            OutputFormat::Json => {
                serde_json::from_str::<Value>(&text).expect("json");
            }
            _ => {}
        }
        insta::assert_snapshot!(format!("fixture_gate_{name}"), text);
    }
}

/// The properties SARIF 2.1.0's schema requires (sarifLog: version, runs; run: tool;
/// tool: driver; toolComponent: name; result: message; message: text or id;
/// reportingDescriptor: id; physicalLocation region: startLine ≥ 1), plus the ones
/// GitHub code scanning reads.
fn check_sarif(v: &Value) {
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().is_some_and(|s| s.contains("sarif")));
    let runs = v["runs"].as_array().expect("runs");
    assert!(!runs.is_empty());
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert!(driver["name"].is_string());
        assert!(driver["version"].is_string());
        // Optional in SARIF: the project's repository when Cargo.toml names one, never a
        // dead link.
        match env!("CARGO_PKG_REPOSITORY") {
            "" => assert!(driver.get("informationUri").is_none()),
            repo => assert_eq!(driver["informationUri"], repo),
        }
        let rules = driver["rules"].as_array().expect("rules");
        let ids: Vec<&str> = rules
            .iter()
            .map(|r| r["id"].as_str().expect("rule id"))
            .collect();
        for r in rules {
            assert!(r["shortDescription"]["text"].is_string());
            let level = r["defaultConfiguration"]["level"].as_str().expect("level");
            assert!(["none", "note", "warning", "error"].contains(&level));
        }
        for inv in run["invocations"].as_array().into_iter().flatten() {
            assert!(inv["executionSuccessful"].is_boolean());
            for n in inv["toolExecutionNotifications"]
                .as_array()
                .into_iter()
                .flatten()
            {
                assert!(n["message"]["text"].is_string());
            }
        }
        for res in run["results"].as_array().expect("results") {
            assert!(res["message"]["text"].is_string());
            let rule = res["ruleId"].as_str().expect("ruleId");
            assert!(ids.contains(&rule), "unknown rule {rule}");
            let idx = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(ids.get(idx), Some(&rule));
            let level = res["level"].as_str().expect("level");
            assert!(["none", "note", "warning", "error"].contains(&level));
            assert!(res["partialFingerprints"].is_object());
            // GitHub code scanning rejects the whole file for one result without a
            // located artifact.
            let locations = res["locations"].as_array().expect("locations");
            assert!(!locations.is_empty(), "result without a location: {res}");
            for loc in locations {
                let pl = &loc["physicalLocation"];
                assert!(pl["artifactLocation"]["uri"].is_string());
                let region = &pl["region"];
                assert!(region["startLine"].as_u64().is_some_and(|l| l >= 1));
                assert!(region["startColumn"].as_u64().is_some_and(|c| c >= 1));
                if let Some(end) = region["endColumn"].as_u64() {
                    assert!(end > region["startColumn"].as_u64().unwrap_or(0));
                }
            }
        }
    }
}

/// A minimal XML check: the prolog, balanced tags, attributes quoted and escaped, and
/// the counts on `<testsuites>` matching the cases and failures inside.
fn check_junit(text: &str, cases: usize, failures: usize) {
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let body = &text[text.find("?>").expect("prolog") + 2..];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    let (mut seen_cases, mut seen_failures) = (0, 0);
    while let Some(lt) = rest.find('<') {
        let text_part = &rest[..lt];
        assert!(!text_part.contains('>'), "bare > in text: {text_part:?}");
        check_entities(text_part);
        let gt = rest[lt..].find('>').expect("unclosed tag") + lt;
        let tag = &rest[lt + 1..gt];
        assert!(!tag.contains('<'), "< inside tag {tag:?}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.trim()),
                "mismatched </{name}>"
            );
        } else {
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name = tag.split_whitespace().next().expect("tag name").to_string();
            let attrs = &tag[name.len()..];
            assert_eq!(
                attrs.matches('"').count() % 2,
                0,
                "unbalanced quotes in {tag:?}"
            );
            check_entities(attrs);
            match name.as_str() {
                "testcase" => seen_cases += 1,
                "failure" => seen_failures += 1,
                _ => {}
            }
            if name == "testsuites" {
                assert!(tag.contains(&format!("tests=\"{cases}\"")), "{tag}");
                assert!(tag.contains(&format!("failures=\"{failures}\"")), "{tag}");
            }
            if !self_closing {
                stack.push(name);
            }
        }
        rest = &rest[gt + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!((seen_cases, seen_failures), (cases, failures));
}

fn check_entities(s: &str) {
    for (i, _) in s.match_indices('&') {
        let ent = &s[i..s[i..].find(';').map_or(s.len(), |j| i + j + 1)];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&ent),
            "bad entity {ent:?}"
        );
    }
}

proptest::proptest! {
    /// Renderers never panic, whatever the claims say about lines and columns, and
    /// the machine formats stay parseable.
    #[test]
    fn renderers_survive_arbitrary_spans_and_text(
        source in "(?s).{0,200}",
        text in "(?s).{0,30}",
        line in 0usize..12,
        column in 0usize..300,
        message in "(?s).{0,40}",
    ) {
        let mut r = report();
        for c in &mut r.report.claims {
            c.span.line = line;
            c.span.column = column;
            c.text = text.clone();
            c.sentence = source.clone();
        }
        for f in &mut r.report.findings {
            f.message = message.clone();
        }
        let docs = vec![
            Document::from_text("news/a.md", source.clone()),
            Document::from_text("news/b.html", source.clone()),
            Document::from_text("wire/c.txt", source),
        ];
        for format in [
            OutputFormat::Human,
            OutputFormat::Markdown,
            OutputFormat::Json,
            OutputFormat::Github,
            OutputFormat::Sarif,
            OutputFormat::Junit,
        ] {
            let mut out = Vec::new();
            render(&r, &docs, format, &opts(), &mut out).expect("render");
            let text = String::from_utf8(out).expect("utf-8");
            match format {
                OutputFormat::Json => {
                    serde_json::from_str::<Value>(&text).expect("json");
                }
                OutputFormat::Sarif => check_sarif(&serde_json::from_str(&text).expect("json")),
                OutputFormat::Github => {
                    for l in text.lines() {
                        proptest::prop_assert!(l.starts_with("::"), "{l:?}");
                    }
                }
                OutputFormat::Junit => check_junit(&text, 5, 1),
                _ => {}
            }
        }
    }
}
