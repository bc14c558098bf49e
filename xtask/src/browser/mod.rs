//! The browser tests: the built site as readers see it, in headless Chromium, served from
//! 127.0.0.1 with every other host unreachable. On every page of the book (as mdBook loads it):
//! no console error, no failed request, no request to any other host, every `<img>` loaded,
//! every `<math>` rendered with a non-zero size, no `{{#include` or `$$` left in the text, and
//! the theme switcher turns the page dark and light again. Then the built-in search must find
//! a term of each chapter ([`SEARCH_TERMS`]), and screenshots of a page with math, one with
//! figures and one with a benchmark table are written to `<build>/screenshots/`.
//!
//! Without Chromium the tests are skipped, and [`run`] says so and why, for `cargo xtask
//! test`'s summary (CI installs Chromium: see `.ci/run`).

pub mod cdp;
pub mod pdf;
pub mod serve;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use cdp::Chromium;
use serve::StaticServer;

/// For each chapter (pages whose file name starts with the prefix), a term the built-in
/// search must lead to one of its pages. Applied only to chapters that exist.
pub const SEARCH_TERMS: &[(&str, &str)] = &[
    ("preface", "prerequisites"),
    ("ch01-", "ecosystem"),
    ("ch02-", "strides"),
    ("ch03-", "slicing"),
    ("ch04-", "broadcasting"),
    ("ch05-", "reshape"),
    ("ch07-", "variance"),
    ("ch08-", "seed"),
    ("ch09-", "eigenvalues"),
];

/// The browser window: wide enough for the sidebar and the page side by side.
const WINDOW: (u32, u32) = (1280, 900);

const PAGE_LOAD_TIMEOUT: Duration = Duration::from_secs(30);

/// What one run checked and found.
#[derive(Debug, Default)]
pub struct Findings {
    pub pages: usize,
    pub images: usize,
    pub equations: usize,
    pub searches: usize,
    pub screenshots: Vec<PathBuf>,
    /// One line per problem, each naming the page and the element.
    pub problems: Vec<String>,
}

/// What [`run`] did: every check passed, or none ran, for the reason given.
#[derive(Debug)]
pub enum Outcome {
    Passed,
    Skipped(String),
}

/// `cargo xtask test`'s browser step: checks the site built from `book` (the folder with
/// `book.toml`) into `build`; skipped, with a message, when there is no Chromium to drive.
pub fn run(book: &Path, build: &Path) -> Result<Outcome> {
    let chromium = match cdp::find_chromium() {
        Ok(chromium) => chromium,
        Err(why) => {
            eprintln!("==> browser tests SKIPPED: {why}");
            return Ok(Outcome::Skipped(why.to_string()));
        }
    };
    eprintln!(
        "==> browser tests: {} in headless {}",
        build.display(),
        chromium.display()
    );
    let start = std::time::Instant::now();
    let findings = check_site(&chromium, book, build)?;
    for shot in &findings.screenshots {
        eprintln!("    screenshot: {}", shot.display());
    }
    eprintln!(
        "    {} pages, {} images, {} equations, {} searches checked in {:.1} s",
        findings.pages,
        findings.images,
        findings.equations,
        findings.searches,
        start.elapsed().as_secs_f64()
    );
    crate::util::report("browser tests", findings.problems)?;
    eprintln!("browser tests passed");
    Ok(Outcome::Passed)
}

/// The book's pages in reading order, as mdBook loads them (drafts have none), as paths of
/// the built site (`ch02-exercises.html`).
fn book_pages(book: &Path) -> Result<Vec<String>> {
    let src = book.join("src");
    Ok(crate::book::site::pages(book)?
        .iter()
        .map(|(source, _)| {
            let page = source.strip_prefix(&src).unwrap_or(source);
            page.with_extension("html")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect())
}

/// Runs every check on the site built from `book` into `build` and returns the findings.
pub fn check_site(chromium: &Path, book: &Path, build: &Path) -> Result<Findings> {
    let pages = book_pages(book)?;
    if pages.is_empty() {
        bail!("the book in {} has no page", book.display());
    }
    let server = StaticServer::start(build)?;
    let mut browser = Chromium::launch(chromium, WINDOW.0, WINDOW.1)?;
    let session = browser.new_page()?;
    for domain in ["Page", "Runtime", "Log", "Network"] {
        browser.call(Some(&session), &format!("{domain}.enable"), json!({}))?;
    }
    let mut findings = Findings {
        pages: pages.len(),
        ..Findings::default()
    };
    let mut stats = Vec::new();
    for page in &pages {
        let page_stats = check_page(&mut browser, &session, &server, page, &mut findings)
            .with_context(|| format!("checking {page} in Chromium"))?;
        stats.push((page.clone(), page_stats));
    }
    check_search(&mut browser, &session, &server, &pages, &mut findings)?;
    take_screenshots(
        &mut browser,
        &session,
        &server,
        build,
        &stats,
        &mut findings,
    )?;
    Ok(findings)
}

/// Counts that decide which pages get screenshots.
#[derive(Debug, Default, Clone, Copy)]
struct PageStats {
    display_math: u64,
    figures: u64,
    benchmark_tables: u64,
}

/// Loads `page` and waits for its load event.
fn open(browser: &mut Chromium, session: &str, server: &StaticServer, page: &str) -> Result<()> {
    let navigated = browser.call(
        Some(session),
        "Page.navigate",
        json!({"url": server.url(page)}),
    )?;
    if let Some(error) = navigated.get("errorText") {
        bail!("navigating to {page} failed: {error}");
    }
    browser.wait_for_event(session, "Page.loadEventFired", PAGE_LOAD_TIMEOUT)?;
    Ok(())
}

/// Run once the page has settled (see [`cdp::settled_page_script`]): describes the page.
const PAGE_SCRIPT_BODY: &str = r#"
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const main = document.querySelector('main') || document.body;
  const around = (text, needle) => {
    const i = text.indexOf(needle);
    return i < 0 ? null : text.slice(Math.max(0, i - 30), i + 50).replace(/\s+/g, ' ').trim();
  };
  const prose = main.cloneNode(true);
  prose.querySelectorAll('pre, code, script, style').forEach(e => e.remove());
  const isBenchmark = t => /numpy/i.test(t.textContent)
    && /(ms|µs|μs|ns|ratio|time|speed)/i.test(t.tHead ? t.tHead.textContent : t.textContent);
  return {
    images: images.map(img => ({src: img.getAttribute('src') || '', naturalWidth: img.naturalWidth})),
    maths: [...document.querySelectorAll('math')].map(m => {
      const r = m.getBoundingClientRect();
      return {width: r.width, height: r.height,
              text: m.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)};
    }),
    includeLeft: around(main.textContent, '{{#include') || around(main.textContent, '{{#rustdoc_include'),
    dollarsLeft: around(prose.textContent, '$$'),
    stats: {
      displayMath: main.querySelectorAll('math[display="block"]').length,
      figures: main.querySelectorAll('img[src*="figures/"]').length,
      benchmarkTables: [...main.querySelectorAll('table')].filter(isBenchmark).length,
    },
  };
})()"#;

/// Switches to each theme through the theme menu and reports the page's background.
const THEME_SCRIPT: &str = r#"(async () => {
  const sleep = ms => new Promise(done => setTimeout(done, ms));
  const luminance = css => {
    const [r, g, b] = (css.match(/[\d.]+/g) || [0, 0, 0]).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  const toggle = document.getElementById('mdbook-theme-toggle');
  if (!toggle) return {error: 'there is no theme button (#mdbook-theme-toggle)'};
  const out = {};
  for (const theme of ['navy', 'light']) {
    toggle.click();
    await sleep(20);
    const item = document.getElementById('mdbook-theme-' + theme);
    if (!item) return {error: 'the theme menu has no #mdbook-theme-' + theme};
    item.click();
    await sleep(20);
    const background = getComputedStyle(document.documentElement).backgroundColor;
    out[theme] = {applied: document.documentElement.classList.contains(theme),
                  background, luminance: luminance(background)};
  }
  return out;
})()"#;

/// Checks one page, adding problems to `findings`; returns what screenshots need to know.
fn check_page(
    browser: &mut Chromium,
    session: &str,
    server: &StaticServer,
    page: &str,
    findings: &mut Findings,
) -> Result<PageStats> {
    // Events still queued belong to the previous page.
    browser.drain_events(Duration::ZERO)?;
    open(browser, session, server, page)?;
    let report = browser.evaluate(session, &cdp::settled_page_script(PAGE_SCRIPT_BODY))?;
    // mdBook shows each image twice (the second copy for click-to-zoom), and a missing file
    // is requested more than once: each problem is reported once per page.
    let mut problems = Vec::new();

    let mut sources = std::collections::HashSet::new();
    for image in report["images"].as_array().into_iter().flatten() {
        if sources.insert(image["src"].clone()) {
            findings.images += 1;
        }
        if image["naturalWidth"].as_f64().unwrap_or(0.0) <= 0.0 {
            problems.push(format!(
                "{page}: <img src=\"{}\"> did not load (naturalWidth 0)",
                image["src"].as_str().unwrap_or("")
            ));
        }
    }
    for (i, math) in report["maths"].as_array().into_iter().flatten().enumerate() {
        findings.equations += 1;
        let (w, h) = (
            math["width"].as_f64().unwrap_or(0.0),
            math["height"].as_f64().unwrap_or(0.0),
        );
        if w <= 0.0 || h <= 0.0 {
            problems.push(format!(
                "{page}: <math> #{} (\"{}\") has zero size ({w:.0}x{h:.0} px)",
                i + 1,
                math["text"].as_str().unwrap_or("")
            ));
        }
    }
    if let Some(context) = report["includeLeft"].as_str() {
        problems.push(format!(
            "{page}: the text still contains `{{{{#include`: \"{context}\""
        ));
    }
    if let Some(context) = report["dollarsLeft"].as_str() {
        problems.push(format!(
            "{page}: the text (outside code) still contains `$$`, math that was not rendered: \"{context}\""
        ));
    }

    let themes = browser.evaluate(session, THEME_SCRIPT)?;
    if let Some(error) = themes["error"].as_str() {
        problems.push(format!("{page}: theme switcher: {error}"));
    } else {
        for (theme, dark) in [("navy", true), ("light", false)] {
            let t = &themes[theme];
            let luminance = t["luminance"].as_f64().unwrap_or(-1.0);
            let looks_right = if dark {
                luminance < 0.35
            } else {
                luminance > 0.65
            };
            if t["applied"] != json!(true) || !looks_right {
                problems.push(format!(
                    "{page}: theme switcher: choosing `{theme}` gave background {} (class applied: {})",
                    t["background"], t["applied"]
                ));
            }
        }
    }

    let events = browser.drain_events(Duration::from_millis(300))?;
    problems.extend(
        problems_in_events(&events, session, &server.url(""))
            .into_iter()
            .map(|p| format!("{page}: {p}")),
    );
    for problem in problems {
        if !findings.problems.contains(&problem) {
            findings.problems.push(problem);
        }
    }

    let stats = &report["stats"];
    Ok(PageStats {
        display_math: stats["displayMath"].as_u64().unwrap_or(0),
        figures: stats["figures"].as_u64().unwrap_or(0),
        benchmark_tables: stats["benchmarkTables"].as_u64().unwrap_or(0),
    })
}

/// Console errors, uncaught exceptions, failed requests and requests to other hosts among
/// the CDP `events` of `session`. `site` is the server's root URL, shortened in messages.
fn problems_in_events(events: &[Value], session: &str, site: &str) -> Vec<String> {
    let short = |url: &str| url.strip_prefix(site).unwrap_or(url).to_owned();
    let mut urls = std::collections::HashMap::new();
    let mut problems = Vec::new();
    for event in events.iter().filter(|e| e["sessionId"] == json!(session)) {
        let params = &event["params"];
        match event["method"].as_str().unwrap_or("") {
            "Runtime.consoleAPICalled"
                if matches!(params["type"].as_str(), Some("error" | "assert")) =>
            {
                let text: Vec<String> = params["args"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| {
                        a["value"]
                            .as_str()
                            .map(str::to_owned)
                            .or_else(|| a["description"].as_str().map(str::to_owned))
                            .unwrap_or_else(|| a["value"].to_string())
                    })
                    .collect();
                problems.push(format!("console error: {}", text.join(" ")));
            }
            "Runtime.exceptionThrown" => {
                let details = &params["exceptionDetails"];
                let text = details["exception"]["description"]
                    .as_str()
                    .or_else(|| details["text"].as_str())
                    .unwrap_or("unknown exception");
                problems.push(format!("uncaught exception: {text}"));
            }
            // Network errors reach the log too; they are reported below with their request.
            "Log.entryAdded"
                if params["entry"]["level"] == json!("error")
                    && params["entry"]["source"] != json!("network") =>
            {
                problems.push(format!(
                    "console error: {} ({})",
                    params["entry"]["text"].as_str().unwrap_or(""),
                    short(params["entry"]["url"].as_str().unwrap_or(""))
                ));
            }
            "Network.requestWillBeSent" => {
                let url = params["request"]["url"].as_str().unwrap_or("");
                urls.insert(params["requestId"].to_string(), url.to_owned());
                let local = url.starts_with("http://127.0.0.1:")
                    || url.starts_with("data:")
                    || url.starts_with("blob:")
                    || url.starts_with("about:");
                if !local {
                    problems.push(format!("request to a host other than 127.0.0.1: {url}"));
                }
            }
            "Network.responseReceived" => {
                let status = params["response"]["status"].as_u64().unwrap_or(0);
                if status >= 400 {
                    problems.push(format!(
                        "request failed: {} (HTTP {status})",
                        short(params["response"]["url"].as_str().unwrap_or(""))
                    ));
                }
            }
            // A request the browser itself cancelled (a prefetch cut short by the next
            // navigation) is not a failure.
            "Network.loadingFailed" if params["canceled"] != json!(true) => {
                let url = urls
                    .get(&params["requestId"].to_string())
                    .map_or("an unknown URL".to_owned(), |u| short(u));
                problems.push(format!(
                    "request failed: {url} ({})",
                    params["errorText"].as_str().unwrap_or("no error text")
                ));
            }
            _ => {}
        }
    }
    problems
}

/// Types a term into the search bar and returns the result links.
const SEARCH_SCRIPT: &str = r#"(async (term) => {
  const sleep = ms => new Promise(done => setTimeout(done, ms));
  const wrapper = document.getElementById('mdbook-search-wrapper');
  const toggle = document.getElementById('mdbook-search-toggle');
  const bar = document.getElementById('mdbook-searchbar');
  if (!wrapper || !toggle || !bar) return {error: 'the page has no search bar'};
  if (wrapper.classList.contains('hidden')) toggle.click();
  const outer = document.getElementById('mdbook-searchbar-outer');
  for (let i = 0; i < 200 && outer.classList.contains('searching'); i++) await sleep(25);
  if (outer.classList.contains('searching')) return {error: 'the search index did not load'};
  bar.value = term;
  bar.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  await sleep(20);
  return {links: [...document.querySelectorAll('#mdbook-searchresults a')].map(a => a.getAttribute('href'))};
})"#;

/// The built-in search must lead from each chapter's term to that chapter.
fn check_search(
    browser: &mut Chromium,
    session: &str,
    server: &StaticServer,
    pages: &[String],
    findings: &mut Findings,
) -> Result<()> {
    let start_page = &pages[0];
    browser.drain_events(Duration::ZERO)?;
    open(browser, session, server, start_page)?;
    for (prefix, term) in SEARCH_TERMS {
        if !pages.iter().any(|p| p.starts_with(prefix)) {
            continue;
        }
        findings.searches += 1;
        let result = browser.evaluate(
            session,
            &format!("{SEARCH_SCRIPT}({})", serde_json::to_string(term)?),
        )?;
        if let Some(error) = result["error"].as_str() {
            findings
                .problems
                .push(format!("{start_page}: search for \"{term}\": {error}"));
            continue;
        }
        let links: Vec<&str> = result["links"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if !links.iter().any(|l| l.starts_with(prefix)) {
            findings.problems.push(format!(
                "{start_page}: search for \"{term}\" did not lead to a page starting with `{prefix}` \
                 (results: {})",
                if links.is_empty() {
                    "none".to_owned()
                } else {
                    links.join(", ")
                }
            ));
        }
    }
    let events = browser.drain_events(Duration::from_millis(300))?;
    findings.problems.extend(
        problems_in_events(&events, session, &server.url(""))
            .into_iter()
            .map(|p| format!("{start_page} (searching): {p}")),
    );
    Ok(())
}

/// Scrolls the first element matching the selector to the top of the window.
const SCROLL_SCRIPT: &str = r#"(async (selector) => {
  await document.fonts.ready;
  const element = document.querySelector(selector);
  if (element) {
    element.scrollIntoView({block: 'start'});
    window.scrollBy(0, -160);
  }
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return !!element;
})"#;

/// Screenshots of the page with the most display equations, the one with the most figures,
/// the first with a benchmark table, and the first page in the dark and light themes.
fn take_screenshots(
    browser: &mut Chromium,
    session: &str,
    server: &StaticServer,
    build: &Path,
    stats: &[(String, PageStats)],
    findings: &mut Findings,
) -> Result<()> {
    let dir = build.join("screenshots");
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(&dir)?;
    // The page with the most of something; on a tie, the first in the book.
    let best = |key: fn(&PageStats) -> u64| {
        stats
            .iter()
            .enumerate()
            .filter(|(_, (_, s))| key(s) > 0)
            .max_by_key(|(i, (_, s))| (key(s), std::cmp::Reverse(*i)))
            .map(|(_, (page, _))| page.clone())
    };
    let mut shots: Vec<(String, String, &str, Option<&str>)> = Vec::new();
    if let Some(page) = best(|s| s.display_math) {
        shots.push(("math".into(), page, "main math[display=\"block\"]", None));
    }
    if let Some(page) = best(|s| s.figures) {
        shots.push(("figures".into(), page, "main img[src*=\"figures/\"]", None));
    }
    if let Some(page) = best(|s| s.benchmark_tables) {
        shots.push(("benchmark-table".into(), page, "main table", None));
    }
    let first = stats[0].0.clone();
    shots.push(("theme-navy".into(), first.clone(), "main", Some("navy")));
    shots.push(("theme-light".into(), first, "main", Some("light")));

    for (what, page, selector, theme) in shots {
        browser.drain_events(Duration::ZERO)?;
        open(browser, session, server, &page)?;
        if let Some(theme) = theme {
            // Choose the theme from the menu, then click the page to close the menu.
            browser.evaluate(
                session,
                &format!(
                    "document.getElementById('mdbook-theme-toggle').click(); \
                     document.getElementById('mdbook-theme-{theme}').click(); \
                     document.querySelector('main').click(); document.activeElement.blur(); true"
                ),
            )?;
        }
        browser.evaluate(
            session,
            &format!("{SCROLL_SCRIPT}({})", serde_json::to_string(selector)?),
        )?;
        let shot = browser.call(
            Some(session),
            "Page.captureScreenshot",
            json!({"format": "png"}),
        )?;
        let png = cdp::base64_decode(shot["data"].as_str().unwrap_or(""))?;
        let name = format!(
            "{what}-{}.png",
            page.trim_end_matches(".html").replace('/', "-")
        );
        let path = dir.join(name);
        fs::write(&path, png).with_context(|| format!("writing {}", path.display()))?;
        findings.screenshots.push(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_become_problems_naming_the_request() {
        let site = "http://127.0.0.1:8000/";
        let events = vec![
            json!({"sessionId": "s", "method": "Network.requestWillBeSent",
                   "params": {"requestId": "1", "request": {"url": "http://127.0.0.1:8000/figures/a.svg"}}}),
            json!({"sessionId": "s", "method": "Network.loadingFailed",
                   "params": {"requestId": "1", "errorText": "net::ERR_FAILED", "canceled": false}}),
            json!({"sessionId": "s", "method": "Network.requestWillBeSent",
                   "params": {"requestId": "2", "request": {"url": "https://cdn.example.org/x.js"}}}),
            json!({"sessionId": "s", "method": "Network.loadingFailed",
                   "params": {"requestId": "3", "errorText": "net::ERR_ABORTED", "canceled": true}}),
            json!({"sessionId": "s", "method": "Runtime.consoleAPICalled",
                   "params": {"type": "error", "args": [{"type": "string", "value": "boom"}]}}),
            json!({"sessionId": "s", "method": "Runtime.consoleAPICalled",
                   "params": {"type": "log", "args": [{"type": "string", "value": "fine"}]}}),
            json!({"sessionId": "other", "method": "Runtime.consoleAPICalled",
                   "params": {"type": "error", "args": [{"type": "string", "value": "elsewhere"}]}}),
        ];
        let problems = problems_in_events(&events, "s", site);
        assert_eq!(
            problems,
            [
                "request failed: figures/a.svg (net::ERR_FAILED)",
                "request to a host other than 127.0.0.1: https://cdn.example.org/x.js",
                "console error: boom",
            ]
        );
    }

    /// [`crate::book::site::tests::scratch_book`], moved into a temporary folder that is
    /// removed when the returned guard drops, whether the test passes or panics.
    pub(super) fn scratch_book(
        name: &str,
        summary: &str,
        files: &[(&str, &str)],
    ) -> (tempfile::TempDir, PathBuf) {
        let scratch = tempfile::tempdir().unwrap();
        let book = scratch.path().join("book");
        let made = crate::book::site::tests::scratch_book(name, summary, files);
        fs::rename(made, &book).unwrap();
        crate::book::site::init_logging();
        crate::book::site::build(&book, &book.join("build")).unwrap();
        (scratch, book)
    }

    /// A scratch book, built, with two good pages (one in a folder), one page with every kind
    /// of breakage and a draft chapter (no page).
    fn broken_book() -> (tempfile::TempDir, PathBuf) {
        scratch_book(
            "browser",
            "# Summary\n\n[Preface](preface.md)\n\n- [Broken](ch02-broken.md)\n    - [Notes](ch02/notes.md)\n- [Draft]()\n",
            &[
                ("ch02/notes.md", "# Notes\n\nNothing wrong here.\n"),
                (
                    "figures/dot.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><circle cx=\"10\" cy=\"10\" r=\"8\"/></svg>",
                ),
                (
                    "preface.md",
                    "# Preface\n\n## Prerequisites\n\nA mean $\\bar x = \\frac{1}{n}\\sum_i x_i$ and a figure:\n\n![dot](figures/dot.svg)\n\n$$a^2 + b^2 = c^2$$\n",
                ),
                (
                    "ch02-broken.md",
                    "# Broken\n\nFine $x^2$, then an equation that renders to nothing: <math display=\"block\"></math>\n\n\
                     ![missing](figures/nowhere.svg)\n\nLeft over: $$ not math\n\n\
                     <img src=\"https://cdn.example.org/logo.png\" alt=\"remote\">\n\n\
                     <script>console.error('broken on purpose');</script>\n",
                ),
            ],
        )
    }

    /// The negative test: a broken image path, an equation with no size, a leftover `$$`,
    /// a request to another host, a console error and a chapter that search cannot find are
    /// each reported with the page and the element; the good page passes every check.
    /// Skipped (with a message) when Chromium is not installed, except under CI.
    #[test]
    fn broken_pages_are_reported_with_the_page_and_the_element() {
        let Some(chromium) = cdp::chromium_for_test() else {
            return;
        };
        let (_scratch, book) = broken_book();
        let build = book.join("build");
        let findings = check_site(&chromium, &book, &build).unwrap();
        let problems = findings.problems.join("\n");
        eprintln!("{problems}");
        for expected in [
            "ch02-broken.html: <img src=\"figures/nowhere.svg\"> did not load (naturalWidth 0)",
            "ch02-broken.html: <math> #2 (\"\") has zero size",
            "ch02-broken.html: the text (outside code) still contains `$$`",
            "ch02-broken.html: request to a host other than 127.0.0.1: https://cdn.example.org/logo.png",
            "ch02-broken.html: <img src=\"https://cdn.example.org/logo.png\"> did not load",
            "ch02-broken.html: request failed: figures/nowhere.svg (HTTP 404)",
            "ch02-broken.html: console error: broken on purpose",
            "preface.html: search for \"strides\" did not lead to a page starting with `ch02-`",
        ] {
            assert!(
                problems.contains(expected),
                "expected `{expected}` among:\n{problems}"
            );
        }
        // The good page's only problem is the search (made from it) that finds no chapter 2.
        let on_good_page = findings
            .problems
            .iter()
            .filter(|p| p.starts_with("preface.html"))
            .count();
        assert_eq!(on_good_page, 1, "the good page has problems:\n{problems}");
        assert_eq!(findings.pages, 3, "the draft has no page");
        // Every page listed was found (the only 404 is the missing figure), the nested one too.
        assert_eq!(problems.matches("HTTP 404").count(), 1, "{problems}");
        assert!(!problems.contains("ch02/notes.html"), "{problems}");
        assert_eq!(findings.searches, 2, "{findings:?}");
        assert!(findings.equations >= 4, "{findings:?}");
        let names: Vec<String> = findings
            .screenshots
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(names.contains(&"math-preface.png".to_owned()), "{names:?}");
        assert!(
            names.contains(&"figures-preface.png".to_owned()),
            "{names:?}"
        );
        let png = fs::read(build.join("screenshots/math-preface.png")).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
}
