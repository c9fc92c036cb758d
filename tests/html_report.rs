//! `check --format html` in a real browser (headless Chromium): the report of the seeds
//! and of a fixture cluster loads with no console message and no network request, its
//! fact matrix has the expected rows and cells, a finding card quotes both sources,
//! every control is keyboard-reachable, and a screenshot is not blank.
//!
//! The browser is `$CLAIMCHECK_BROWSER`, else `chromium`, `chromium-browser`,
//! `google-chrome` or `google-chrome-stable` on `PATH`. Without one the browser tests
//! are skipped with a message, unless `CLAIMCHECK_REQUIRE_BROWSER` is set (as `.ci/run`
//! does after installing Debian's `chromium`), when they fail. Screenshots are written
//! to `target/html-report/`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The report of `paths` (relative to the repository root) as the binary writes it.
fn html_report(paths: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(ROOT)
        .args(["check", "--format", "html", "--exit-zero"])
        .args(paths)
        .output()
        .expect("run claimcheck");
    assert!(
        out.status.success(),
        "claimcheck failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 report")
}

/// The browser to test with, or `None` (after saying why) when the test should skip.
fn browser() -> Option<PathBuf> {
    let required = std::env::var_os("CLAIMCHECK_REQUIRE_BROWSER").is_some_and(|v| !v.is_empty());
    if let Some(b) = std::env::var_os("CLAIMCHECK_BROWSER").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(b));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    assert!(
        !required,
        "CLAIMCHECK_REQUIRE_BROWSER is set but no browser was found (install Debian's \
         `chromium`, or set CLAIMCHECK_BROWSER)"
    );
    eprintln!(
        "SKIPPED: no headless browser found (chromium, chromium-browser, google-chrome); \
         `.ci/run` installs Debian's chromium and runs these tests"
    );
    None
}

/// What one headless run of the browser left behind.
struct BrowserRun {
    stdout: String,
    stderr: String,
    netlog: PathBuf,
}

/// Runs the browser headless on `page` with `extra` flags, logging console messages to
/// standard error and network events to a net log; killed after 90 s.
fn run_browser(browser: &Path, dir: &Path, page: &Path, extra: &[String]) -> BrowserRun {
    let profile = dir.join(format!("profile-{}", extra.len()));
    let netlog = dir.join(format!(
        "net-{}.json",
        page.file_stem().unwrap().to_string_lossy()
    ));
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--enable-logging=stderr",
        "--log-level=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--log-net-log={}", netlog.display()))
    .args(extra)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start the browser");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait for the browser").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            child.kill().ok();
            child.wait().ok();
            panic!("the browser did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    BrowserRun {
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        netlog,
    }
}

/// Console messages and uncaught errors the page logged (Chromium writes each as a
/// `CONSOLE` line on standard error).
fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

/// URLs the page (not the browser's own services) asked for, other than file and data.
fn page_requests(netlog: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(netlog).expect("net log written");
    let log: Value = serde_json::from_str(&text)
        .or_else(|_| serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(','))))
        .expect("net log is JSON");
    let mut urls = Vec::new();
    for e in log["events"].as_array().into_iter().flatten() {
        let params = &e["params"];
        let (Some(url), Some(initiator)) = (params["url"].as_str(), params["initiator"].as_str())
        else {
            continue;
        };
        if initiator == "not an origin" || url.starts_with("file:") || url.starts_with("data:") {
            continue;
        }
        urls.push(url.to_string());
    }
    urls.sort();
    urls.dedup();
    urls
}

/// Checks that a PNG is not blank: enough pixels differ from the most common colour,
/// in more than a couple of colours.
fn assert_not_blank(png_path: &Path) {
    let file = std::fs::File::open(png_path).expect("screenshot written");
    let decoder = png::Decoder::new(std::io::BufReader::new(file));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let bytes = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let mut counts = std::collections::HashMap::new();
    for px in bytes.chunks(channels) {
        *counts.entry(px.to_vec()).or_insert(0usize) += 1;
    }
    let total = bytes.len() / channels;
    let background = counts.values().copied().max().unwrap_or(0);
    let other = total - background;
    assert!(
        counts.len() > 16 && other * 100 > total * 3,
        "{} looks blank: {} colours, {other} of {total} pixels off the background",
        png_path.display(),
        counts.len()
    );
}

/// The in-page checks, run at load in a copy of the report (the report itself is
/// untouched): errors, security-policy violations and resource loads seen from the
/// page, the fact matrix, keyboard reachability, the figure panel, sorting and
/// filtering. The result is written percent-encoded into `<pre id="harness">`.
const HARNESS: &str = r##"<script>
window.__harness = { errors: [], violations: [] };
window.addEventListener("error", function (e) { window.__harness.errors.push(String(e.message)); });
document.addEventListener("securitypolicyviolation", function (e) { window.__harness.violations.push(e.blockedURI + " " + e.violatedDirective); });
window.addEventListener("load", function () {
  var h = window.__harness, out = {};
  out.errors = h.errors; out.violations = h.violations;
  out.resources = performance.getEntriesByType("resource").map(function (r) { return r.name; })
    .filter(function (u) { return !/^(file|data):/.test(u); });
  var sources = Array.prototype.map.call(document.querySelectorAll("table.matrix thead th"), function (th) { return th.textContent.trim(); }).slice(3);
  out.sources = sources;
  out.rows = Array.prototype.map.call(document.querySelectorAll("table.matrix tbody tr"), function (tr) {
    var cells = Array.prototype.slice.call(tr.cells, 3).map(function (td) {
      return { state: td.dataset.state, values: Array.prototype.map.call(td.querySelectorAll("button.fig"), function (b) { return b.textContent.trim(); }) };
    });
    return { subject: tr.dataset.subject, quantity: tr.dataset.quantity, severity: Number(tr.dataset.severity), cells: cells };
  });
  out.cards = Array.prototype.map.call(document.querySelectorAll("article.card"), function (a) {
    return { headline: a.querySelector("h3").textContent.trim(),
             marks: Array.prototype.map.call(a.querySelectorAll("blockquote mark"), function (m) { return m.textContent; }),
             text: a.textContent.replace(/\s+/g, " ") };
  });
  var controls = document.querySelectorAll("a[href], button, select, input, textarea, summary, [tabindex]");
  out.controls = controls.length; out.unreachable = [];
  Array.prototype.forEach.call(controls, function (el) {
    if (el.closest("[hidden]")) { return; }
    el.focus();
    if (el.tabIndex < 0 || el.disabled || document.activeElement !== el) {
      out.unreachable.push(el.outerHTML.slice(0, 80));
    }
  });
  var fig = document.querySelector("table.matrix button.fig");
  if (fig) {
    fig.click();
    var mark = document.querySelector("#detail mark");
    out.panel = { figure: fig.textContent.trim(), mark: mark ? mark.textContent : null, pressed: fig.getAttribute("aria-pressed") };
  }
  var sortSubject = document.querySelector("button[data-sort=subject]");
  sortSubject.click();
  out.sortedSubjects = Array.prototype.map.call(document.querySelectorAll("table.matrix tbody tr"), function (tr) { return tr.dataset.subject; });
  var sev = document.getElementById("f-severity");
  sev.value = "2"; sev.dispatchEvent(new Event("change"));
  out.shownAtWarning = Array.prototype.filter.call(document.querySelectorAll("table.matrix tbody tr"), function (tr) { return !tr.hidden; })
    .map(function (tr) { return Number(tr.dataset.severity); });
  out.count = document.getElementById("f-count").textContent;
  out.pwned = window.__pwned === 1;
  var pre = document.createElement("pre"); pre.id = "harness";
  pre.textContent = encodeURIComponent(JSON.stringify(out));
  document.body.appendChild(pre);
});
</script>"##;

/// Percent-decoding of what `encodeURIComponent` wrote.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

/// Everything one report showed in the browser.
struct Checked {
    page: Value,
}

/// Opens `html` headless twice: as it is (console, network, screenshot `shot`), then
/// with the harness (DOM checks), and asserts what every report must satisfy.
fn open_in_browser(browser: &Path, name: &str, html: &str) -> Checked {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join(format!("{name}.html"));
    std::fs::write(&page, html).unwrap();
    let shots = Path::new(ROOT).join("target/html-report");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    let plain = run_browser(
        browser,
        dir.path(),
        &page,
        &[
            "--window-size=1100,1600".to_string(),
            format!("--screenshot={}", shot.display()),
        ],
    );
    let console = console_lines(&plain.stderr);
    assert!(console.is_empty(), "{name}: console messages: {console:#?}");
    let requests = page_requests(&plain.netlog);
    assert!(
        requests.is_empty(),
        "{name}: network requests: {requests:?}"
    );
    assert_not_blank(&shot);

    let harnessed = dir.path().join(format!("{name}-harness.html"));
    let with_harness = html.replacen("<head>", &format!("<head>{HARNESS}"), 1);
    assert_ne!(with_harness, html, "the report has a <head>");
    std::fs::write(&harnessed, with_harness).unwrap();
    let run = run_browser(browser, dir.path(), &harnessed, &["--dump-dom".to_string()]);
    let console = console_lines(&run.stderr);
    assert!(console.is_empty(), "{name}: console messages: {console:#?}");
    let encoded = run
        .stdout
        .split("<pre id=\"harness\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| panic!("{name}: the harness wrote no result:\n{}", run.stderr));
    let page: Value = serde_json::from_str(&percent_decode(encoded)).expect("harness JSON");
    for key in ["errors", "violations", "resources", "unreachable"] {
        assert_eq!(
            page[key].as_array().map(Vec::len),
            Some(0),
            "{name}: {key}: {}",
            page[key]
        );
    }
    assert!(page["controls"].as_u64().unwrap() > 3, "{name}: controls");
    assert_eq!(
        page["pwned"],
        Value::Bool(false),
        "{name}: article HTML ran"
    );
    assert_eq!(
        page["panel"]["mark"], page["panel"]["figure"],
        "{name}: panel"
    );
    assert_eq!(page["panel"]["pressed"], "true");
    let subjects: Vec<&str> = page["sortedSubjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut sorted = subjects.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_eq!(subjects.len(), sorted.len());
    assert!(
        page["shownAtWarning"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s.as_u64().unwrap() >= 2),
        "{name}: the severity filter left lower rows: {}",
        page["shownAtWarning"]
    );
    Checked { page }
}

impl Checked {
    /// The matrix row of `subject` · `quantity`: (source label, state, values) per cell.
    fn row(&self, subject: &str, quantity: &str) -> Vec<(String, String, Vec<String>)> {
        let sources: Vec<String> = self.page["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        let row = self.page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["subject"] == subject && r["quantity"] == quantity)
            .unwrap_or_else(|| panic!("no row {subject} · {quantity}: {}", self.page["rows"]));
        sources
            .into_iter()
            .zip(row["cells"].as_array().unwrap())
            .map(|(s, c)| {
                (
                    s,
                    c["state"].as_str().unwrap().to_string(),
                    c["values"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap().to_string())
                        .collect(),
                )
            })
            .collect()
    }

    /// The card whose headline starts with `headline`.
    fn card(&self, headline: &str) -> &Value {
        self.page["cards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["headline"].as_str().unwrap().contains(headline))
            .unwrap_or_else(|| panic!("no card {headline}: {}", self.page["cards"]))
    }
}

fn cell(source: &str, state: &str, values: &[&str]) -> (String, String, Vec<String>) {
    (
        source.to_string(),
        state.to_string(),
        values.iter().map(|v| v.to_string()).collect(),
    )
}

#[test]
fn seeds_report_in_a_browser() {
    let Some(browser) = browser() else { return };
    let checked = open_in_browser(&browser, "seeds", &html_report(&["seeds/"]));
    assert_eq!(
        checked.row("Scale AI", "valuation"),
        vec![
            cell("000", "agrees", &["nearly $14 billion"]),
            cell("003", "missing", &[]),
            cell("004", "differs", &["$13 billion", "over $7 billion"]),
        ]
    );
    let card = checked.card("Scale AI valuation: sources disagree");
    let marks = card["marks"].to_string();
    assert!(
        marks.contains("nearly $14 billion") && marks.contains("$13 billion"),
        "{marks}"
    );
    let text = card["text"].as_str().unwrap();
    assert!(text.contains("7.7% apart"), "{text}");
}

#[test]
fn fixture_cluster_report_in_a_browser() {
    let Some(browser) = browser() else { return };
    let checked = open_in_browser(
        &browser,
        "acquisition",
        &html_report(&["fixtures/clusters/acquisition"]),
    );
    assert_eq!(
        checked.row("Tessellate Robotics", "ownership stake"),
        vec![
            cell("01-wire", "agrees", &["49%"]),
            cell("02-business-daily", "agrees", &["49%"]),
            cell("03-european-markets", "missing", &[]),
            cell("04-tech-blog", "agrees", &["nearly 50%"]),
            cell("05-trade-newsletter", "differs", &["39%"]),
        ]
    );
    assert_eq!(
        checked.row("Daniel Okafor", "age"),
        vec![
            cell("01-wire", "agrees", &["41"]),
            cell("02-business-daily", "differs", &["42-year-old"]),
            cell("03-european-markets", "missing", &[]),
            cell("04-tech-blog", "missing", &[]),
            cell("05-trade-newsletter", "agrees", &["41"]),
        ]
    );
    let card = checked.card("Daniel Okafor age");
    let marks = card["marks"].to_string();
    assert!(
        marks.contains("\"41\"") && marks.contains("42-year-old"),
        "{marks}"
    );
    // The time-scoped valuation is drawn as a timeline.
    let timeline = checked.card("Tessellate Robotics valuation: figure changes over time");
    assert!(timeline["text"].as_str().unwrap().contains("Timeline"));
}

#[test]
fn article_html_never_runs_in_a_browser() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Acme said <img src=x onerror=\"window.__pwned=1\"> it was valued at $13 billion.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Acme <script>window.__pwned=1</script> was valued at $29 billion.\n",
    )
    .unwrap();
    let html = html_report(&[dir.path().to_str().unwrap()]);
    let checked = open_in_browser(&browser, "escaping", &html);
    assert_eq!(checked.page["pwned"], Value::Bool(false));
}

#[test]
fn article_html_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Acme said <img src=x onerror=alert(1)> it was valued at $13 billion.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Acme </script><script>alert(2)</script> was valued at $29 billion.\n",
    )
    .unwrap();
    let html = html_report(&[dir.path().to_str().unwrap()]);
    assert!(html.contains("valuation"), "no finding about Acme:\n{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert_eq!(html.matches("<script>").count(), 1, "one script: ours");
}

#[test]
fn report_is_self_contained() {
    let html = html_report(&["seeds/"]);
    for needle in ["http://", "https://", "src=", "@import", "url("] {
        assert!(!html.contains(needle), "the report refers to {needle}");
    }
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("prefers-color-scheme: dark"));
    assert!(html.contains("@media print"));
}

#[test]
fn the_checks_see_console_messages_and_requests() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head></head><body><script>console.error('oops')</script>\
         <img src=\"http://example.invalid/pixel.png\"></body></html>",
    )
    .unwrap();
    let run = run_browser(&browser, dir.path(), &page, &["--dump-dom".to_string()]);
    assert_eq!(console_lines(&run.stderr).len(), 1, "{}", run.stderr);
    assert_eq!(
        page_requests(&run.netlog),
        vec!["http://example.invalid/pixel.png".to_string()]
    );
}
