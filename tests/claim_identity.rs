//! Claim identity end to end: figures outside the attribute lexicon get an open quantity
//! and the story as subject, are grouped across sources by quantity and unit dimension,
//! converted within a dimension, and their disagreements name who differs.

use serde_json::Value;
use std::process::Command;

fn check(dir: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--all", "--format", "json", dir])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claimcheck");
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// One line per claim with a quantity: doc · text · subject · quantity · dimension.
fn claim_table(v: &Value) -> String {
    let mut lines = Vec::new();
    for c in v["claims"].as_array().unwrap() {
        let Some(q) = c["attribute"].as_str() else {
            continue;
        };
        let doc = c["doc"].as_str().unwrap().rsplit('/').next().unwrap();
        lines.push(format!(
            "{} · {} · {} · {} · {}",
            &doc[..2],
            c["text"].as_str().unwrap(),
            c["subject"].as_str().unwrap_or("-"),
            q,
            c["dimension"].as_str().unwrap()
        ));
    }
    lines.join("\n")
}

fn findings(v: &Value) -> String {
    let mut lines: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} · {}",
                f["severity"].as_str().unwrap(),
                f["verdict"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    lines.sort();
    lines.join("\n")
}

#[test]
fn open_quantities_are_compared_across_sources() {
    let v = check("fixtures/claims/open_quantities");
    insta::assert_snapshot!("open_quantities_claims", claim_table(&v));
    insta::assert_snapshot!("open_quantities_findings", findings(&v));
    let f = findings(&v);
    // 300 passengers agree; 300 vs 320 on board is not the same quantity as passengers.
    assert!(f.contains("none agree · Orrin Line passenger"), "{f}");
    // 320 people on board are counted apart from the 300 passengers taken ashore.
    assert!(claim_table(&v).contains("320 people · Orrin Line · aboard · count"));
    // 8 km vs 5 miles agree once converted (8.05 km).
    assert!(f.contains("none agree · Orrin Line depth"), "{f}");
    // "slid 1.2%" and "lost 1.2%" are one fall; the index's rise is another quantity.
    assert!(
        f.contains("none agree · Orrin Line share price change"),
        "{f}"
    );
}

#[test]
fn an_article_that_contradicts_itself_is_shown() {
    // The headline's 244 against its own body's 242, which the other outlet agrees with.
    let v = check("fixtures/claims/self_contradiction");
    let f = findings(&v);
    assert!(
        f.contains("info conflict_scope_uncertain · Halden passengers:")
            && f.contains("01-valley-post.md states both \"244 passengers\" (line 5) and \"242 passengers\" (line 7)"),
        "{f}"
    );
}

#[test]
fn explain_tells_how_a_figure_was_read_and_compared() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "explain",
            "fixtures/claims/open_quantities/02-coast-wire.md:5",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claimcheck");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"320 people\""), "{text}");
    assert!(
        text.contains("quantity   aboard (open quantity; rule: counted noun and predicate"),
        "{text}"
    );
    assert!(text.contains("not compared: no counterpart"), "{text}");
    assert!(text.contains("\"300 passengers\""), "{text}");
    assert!(text.contains("verdict agree"), "{text}");
    let bad = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "explain",
            "fixtures/claims/open_quantities/02-coast-wire.md",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claimcheck");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn everyday_shapes_of_one_quantity_meet() {
    let v = check("fixtures/claims/everyday_shapes");
    let f = findings(&v);
    insta::assert_snapshot!("everyday_shapes_findings", f);
    // "a 40-storey block" against "the 44-storey building".
    assert!(f.contains("storeys: \"40-storey\""), "{f}");
    // "slid 1.2%" against "lost 1.5%": one fall.
    assert!(f.contains("growth percent: \"1.2%\""), "{f}");
    // "a town of 20,000 residents" against "home to some 25,000 people".
    assert!(f.contains("residents: \"20,000 residents\""), "{f}");
    // "at a depth of 8 km" and "5 miles deep" agree once converted.
    assert!(
        f.contains("none agree · the story depth: 2 sources agree"),
        "{f}"
    );
    // "6:40 a.m. local time" against "6:55 a.m.": 15 minutes apart.
    assert!(f.contains("15 min apart"), "{f}");
    // "eleven minutes later" against "12 minutes later".
    assert!(f.contains("\"Eleven minutes\""), "{f}");
}

#[test]
fn check_all_lists_the_figures_not_compared() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "check",
            "--all",
            "--color",
            "never",
            "fixtures/claims/open_quantities",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claimcheck");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("not compared with another source ("),
        "{text}"
    );
    assert!(
        text.contains("02-coast-wire.md:5:26: \"320 people\" — no counterpart in another source"),
        "{text}"
    );
}

#[test]
fn owners_slips_and_totals() {
    let v = check("fixtures/claims/owners_and_slips");
    insta::assert_snapshot!("owners_and_slips_claims", claim_table(&v));
    insta::assert_snapshot!("owners_and_slips_findings", findings(&v));
    let f = findings(&v);
    let t = claim_table(&v);
    // The clause's subject owns the hours ("Marta Quell had …", "The pilot, Marta Quell,
    // had …", "Pilot Marta Quell, who had …"); hours in the cockpit are flying experience.
    assert!(
        f.contains("warning conflict · Marta Quell experience: 2 sources say \"6,400 hours\""),
        "{f}"
    );
    // A total over the crew is not the pilot's own.
    assert!(
        t.contains("7,300 hours · Tarn · combined experience"),
        "{t}"
    );
    // 34,112 against 3,412: one digit too many is flagged, not split off.
    assert!(f.contains("differing: \"34,112\""), "{f}");
    // Hikers still missing and hikers rescued are different tallies.
    assert!(t.contains("12 hikers · Tarn · hiker missing"), "{t}");
    assert!(t.contains("14 hikers · Tarn · hiker rescued"), "{t}");
}

#[test]
fn an_outlier_is_named_and_a_rolling_toll_is_a_timeline() {
    let v = check("fixtures/claims/outliers_and_timelines");
    let f = findings(&v);
    insta::assert_snapshot!("outliers_and_timelines_findings", f);
    // Three sources say 28, one says 27: the majority and the one who differs.
    assert!(
        f.contains("error conflict · Lena Varga age: 3 sources say \"28\"")
            && f.contains("differing: \"27\""),
        "{f}"
    );
    // Friday's, Saturday's and Sunday's tolls are a timeline, not a conflict.
    assert!(
        f.contains("info time_scoped · Orlen deaths changes over time"),
        "{f}"
    );
}

#[test]
fn a_fee_and_a_first_bid_are_apart_and_nationalities_own_nothing() {
    let v = check("fixtures/claims/unnamed_and_nationality");
    let f = findings(&v);
    let t = claim_table(&v);
    insta::assert_snapshot!("unnamed_and_nationality_claims", t);
    // "a Dutch-record fee of €62 million" and "joined … for €64 million" are one fee.
    assert!(
        f.contains("warning conflict") && f.contains("\"€62 million\""),
        "{f}"
    );
    // The first bid is its own quantity, and agrees.
    assert!(f.contains("bid: 2 sources agree"), "{f}");
    assert!(!t.contains("Dutch"), "{t}");
}

#[test]
fn an_aftershock_is_not_the_main_quake() {
    let v = check("fixtures/claims/secondary_events");
    let f = findings(&v);
    // The main quake's 7.1 agrees; the aftershock's 6.2 and 6.4 disagree; "12 floors"
    // and "14 storeys" of the collapsed block disagree.
    assert!(
        f.contains("none agree · Tarsa magnitude: 2 sources agree"),
        "{f}"
    );
    assert!(
        f.contains("error conflict · Tarsa aftershock magnitude: \"6.2\""),
        "{f}"
    );
    assert!(
        f.contains("warning conflict · Tarsa storeys: \"12 floors\""),
        "{f}"
    );
}
