//! The HTML report's markup, written with maud: every value from the articles is
//! escaped by the template engine; only the stylesheet and script compiled into the
//! binary are inserted as they are.

use super::view::{Card, Page, Quote, Row, Timeline};
use crate::finding::Severity;
use maud::{html, Markup, PreEscaped, DOCTYPE};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");
/// Nothing may load from anywhere: inline styles and script only, images as data.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The whole page.
pub(super) fn page(p: &Page) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                meta name="generator" content=(concat!("claimcheck ", env!("CARGO_PKG_VERSION")));
                link rel="icon" href="data:,";
                title { (p.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                a.skip href="#matrix" { "Skip to the fact matrix" }
                header {
                    h1 { "claimcheck report" }
                    (counts(p))
                    (sources(p))
                }
                main {
                    (matrix(p))
                    section #findings aria-labelledby="findings-h" {
                        h2 #findings-h { "Findings" }
                        @if p.cards.is_empty() {
                            p.empty { "No finding: every compared figure agrees across sources." }
                        }
                        @for c in &p.cards { (card(p, c)) }
                    }
                }
                div #quotes hidden {
                    @for q in &p.quotes { (quote(q)) }
                }
                script { (PreEscaped(JS)) }
            }
        }
    }
}

fn counts(p: &Page) -> Markup {
    let c = &p.counts;
    html! {
        ul.counts {
            li { strong { (p.sources.len()) } " sources" }
            li { strong { (c.figures) } " figures" }
            li { strong { (c.groups) } " groups" " (" (c.agreeing) " agree)" }
            li.c-conflicts { strong { (c.conflicts) } " conflicts" }
            li.c-timelines { strong { (c.timelines) } " timelines" }
            li { strong { (c.uncompared) } " figures with no counterpart" }
        }
    }
}

fn sources(p: &Page) -> Markup {
    html! {
        details.sources open {
            summary { "Sources" }
            div.scroll {
                table {
                    thead { tr { th scope="col" { "" } th scope="col" { "Title" } th scope="col" { "Outlet or file" } th scope="col" { "Published" } } }
                    tbody {
                        @for s in &p.sources {
                            tr {
                                th scope="row" { code { (s.label) } }
                                td { (s.title.as_deref().unwrap_or("(no title)")) }
                                td { (s.outlet) }
                                td { (s.published.as_deref().unwrap_or("unknown")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::None => 0,
        Severity::Info => 1,
        Severity::Warning => 2,
        Severity::Error => 3,
    }
}

fn matrix(p: &Page) -> Markup {
    html! {
        section #matrix aria-labelledby="matrix-h" {
            h2 #matrix-h { "Fact matrix" }
            p.legend {
                span.cell-agrees { "✓ agrees" } " "
                span.cell-differs { "≠ differs" } " "
                span.cell-time { "◷ different time" } " "
                span.cell-missing { "– not stated" }
            }
            div.controls role="group" aria-label="Filter the fact matrix" {
                label { "Severity "
                    select #f-severity {
                        option value="0" { "all" }
                        option value="1" { "info and above" }
                        option value="2" { "warning and above" }
                        option value="3" { "errors only" }
                    }
                }
                label { "Subject "
                    select #f-subject {
                        option value="" { "all subjects" }
                        @for s in &p.subjects { option value=(s) { (s) } }
                    }
                }
                output #f-count for="f-severity f-subject" aria-live="polite" { (p.rows.len()) " rows" }
            }
            div.scroll {
                table.matrix {
                    caption.sr { "One row per compared subject and quantity, one column per source" }
                    thead {
                        tr {
                            th scope="col" aria-sort="descending" { button type="button" data-sort="severity" { "Severity" } }
                            th scope="col" aria-sort="none" { button type="button" data-sort="subject" { "Subject" } }
                            th scope="col" aria-sort="none" { button type="button" data-sort="quantity" { "Quantity" } }
                            @for s in &p.sources {
                                th scope="col" title=(s.id) { (s.label) }
                            }
                        }
                    }
                    tbody {
                        @for (i, r) in p.rows.iter().enumerate() { (row(p, r, i)) }
                    }
                }
            }
            div #detail.detail aria-live="polite" {
                p.hint { "Choose a figure in the matrix to read its sentence here." }
            }
        }
    }
}

fn row(p: &Page, r: &Row, index: usize) -> Markup {
    html! {
        tr data-severity=(severity_rank(r.severity)) data-subject=(r.subject) data-quantity=(r.quantity) data-order=(index) {
            td { span class=(format!("badge sev-{}", r.severity.as_str())) { (r.severity.as_str()) } }
            th scope="row" { (r.subject) }
            td {
                @if let Some(card) = &r.card {
                    a href=(format!("#{card}")) { (r.quantity) }
                } @else {
                    (r.quantity)
                }
            }
            @for (s, c) in p.sources.iter().zip(&r.cells) {
                td class=(format!("cell cell-{}", c.state.as_str())) data-state=(c.state.as_str()) title=(c.state.label()) {
                    @if c.values.is_empty() {
                        span.sr { "not stated by " (s.label) }
                        span aria-hidden="true" { "–" }
                    }
                    @for v in &c.values {
                        button.fig type="button" data-q=(v.quote) aria-controls="detail" aria-label=(format!("{} in {}: {}", v.text, s.label, v.standing.label())) {
                            (v.text)
                        }
                    }
                }
            }
        }
    }
}

fn card(p: &Page, c: &Card) -> Markup {
    let by_id = |id: &str| p.quotes.iter().find(|q| q.id == id);
    html! {
        article.card id=(c.id) class=(format!("sev-{}", c.severity.as_str())) {
            h3 {
                span class=(format!("badge sev-{}", c.severity.as_str())) { (c.severity.as_str()) }
                " " (c.headline)
            }
            p.verdict { "Verdict: " code { (c.verdict.as_str()) } }
            @if let Some((figure, docs)) = &c.majority {
                p.majority { "Most sources say " strong { (figure) } " (" (docs.join(", ")) ")." }
            }
            @if !c.dissent.is_empty() {
                ul.dissent {
                    @for d in &c.dissent {
                        li class=(format!("st-{}", d.standing.as_str())) {
                            strong { (d.text) } " (" (d.source) ", as of " (d.as_of) ") "
                            (d.standing.label())
                            @if let Some(a) = &d.absolute { ": " (a) }
                            @if let Some(r) = &d.relative {
                                @if d.absolute.is_some() { ", " } @else { ": " }
                                (r) " apart"
                            }
                            ", " @if d.beyond_hedge { "beyond rounding and hedges" } @else { "within rounding and hedges" }
                        }
                    }
                }
            }
            @if !c.message.is_empty() { p.message { (c.message) } }
            @if let Some(t) = &c.timeline { (timeline(c, t)) }
            ul.quotes {
                @for q in c.quotes.iter().filter_map(|id| by_id(id)) {
                    li { (quote_body(q)) }
                }
            }
        }
    }
}

fn quote(q: &Quote) -> Markup {
    html! {
        div id=(q.id) { (quote_body(q)) }
    }
}

fn quote_body(q: &Quote) -> Markup {
    html! {
        figure.quote {
            blockquote { (q.before) mark { (q.figure) } (q.after) }
            figcaption {
                code { (q.source) } " · as of " (q.as_of) " · "
                a href=(q.href) { (q.location) }
            }
        }
    }
}

fn timeline(c: &Card, t: &Timeline) -> Markup {
    let label_id = format!("{}-tl", c.id);
    let bottom = t.height - 36.0;
    html! {
        figure.timeline {
            svg viewBox=(format!("0 0 {} {}", t.width, t.height)) role="img" aria-labelledby=(label_id) {
                title id=(label_id) { "Timeline: " (c.headline) }
                line.axis x1="90" y1=(bottom) x2=(t.width - 20.0) y2=(bottom) {}
                line.axis x1="90" y1="10" x2="90" y2=(bottom) {}
                @for (y, l) in &t.y_ticks {
                    line.grid x1="90" y1=(y) x2=(t.width - 20.0) y2=(y) {}
                    text.tick x="84" y=(y + 4.0) text-anchor="end" { (l) }
                }
                @for (x, l) in &t.x_ticks {
                    text.tick x=(x) y=(bottom + 18.0) text-anchor="middle" { (l) }
                }
                @for pt in &t.points {
                    g.mark {
                        title { (pt.title) }
                        @if let Some((top, bot)) = pt.bar {
                            line.bar x1=(pt.x) y1=(top) x2=(pt.x) y2=(bot) {}
                        }
                        circle cx=(pt.x) cy=(pt.y) r="5" {}
                        text.pt x=(pt.x + 8.0) y=(pt.y - 6.0) { (pt.source) }
                    }
                }
            }
            figcaption {
                "Values against their as-of dates, one mark per source figure."
                @if !t.undated.is_empty() { " Undated, not drawn: " (t.undated.join("; ")) "." }
            }
        }
    }
}
