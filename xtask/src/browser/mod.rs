//! The browser tests: the built site as readers see it, in headless Chromium, opened from its
//! folder (`file://`, as mdBook supports; no server, no port) with every host unreachable. On
//! every page of the book (as mdBook loads it): no console error, no failed request, no
//! request outside the site's folder, every `<img>` loaded,
//! every `<math>` rendered with a non-zero size, no `{{#include` or `$$` left in the text, and
//! the theme switcher turns the page dark and light again. Then the built-in search must find
//! a term of each chapter ([`searches`]), and screenshots of a page with math, one with
//! figures and one with a benchmark table are written to `<build>/screenshots/`.
//!
//! Without Chromium the tests are skipped, and [`run`] says so and why, for `cargo xtask
//! test`'s summary (CI installs Chromium: see `.ci/run`).

pub mod cdp;
pub mod pdf;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use base64::prelude::{BASE64_STANDARD, Engine as _};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use cdp::Chromium;

/// A search the built-in search must answer: a term, and the start of the file names of the
/// pages (`ch09-`) one of which it must lead to.
#[derive(Debug, Clone)]
pub struct Search {
    pub prefix: String,
    pub term: String,
}

/// The searches of the book: the preface's, and each chapter's term (`[package.metadata.book]
/// search`) leading to a page of that chapter.
pub fn searches(chapters: &[crate::chapters::Chapter]) -> Vec<Search> {
    let preface = Search {
        prefix: "preface".into(),
        term: "prerequisites".into(),
    };
    let chapter = |c: &crate::chapters::Chapter| Search {
        prefix: format!("ch{:02}-", c.number),
        term: c.search.clone(),
    };
    std::iter::once(preface)
        .chain(chapters.iter().map(chapter))
        .collect()
}

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
pub fn run(book: &Path, build: &Path, searches: &[Search]) -> Result<Outcome> {
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
    let findings = check_site(&chromium, book, build, searches)?;
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

/// A tab of headless Chromium, on the site in a build folder.
struct Tab {
    browser: Chromium,
    /// The build folder's `file://` URL, ending in `/`.
    site: String,
}

impl Tab {
    /// Starts `chromium` and enables the CDP `domains` in its page.
    fn start(chromium: &Path, build: &Path, domains: &[&str]) -> Result<Self> {
        let site = folder_url(build)?;
        let mut browser = Chromium::launch(chromium)?;
        for domain in domains {
            browser.call(&format!("{domain}.enable"), json!({}))?;
        }
        Ok(Tab { browser, site })
    }

    /// Loads `page` and waits for its load event, first dropping the events still queued
    /// (they belong to the page before).
    fn open(&mut self, page: &str) -> Result<()> {
        self.browser.drain_events(Duration::ZERO)?;
        let url = format!("{}{page}", self.site);
        let navigated = self.browser.call("Page.navigate", json!({"url": url}))?;
        if let Some(error) = navigated.get("errorText") {
            bail!("navigating to {page} failed: {error}");
        }
        let session = self.browser.session().to_owned();
        let loaded = |e: &Value| e["method"] == "Page.loadEventFired" && e["sessionId"] == session;
        let what = "the event `Page.loadEventFired`";
        self.browser.wait_for(cdp::COMMAND_TIMEOUT, what, loaded)?;
        Ok(())
    }

    /// Evaluates a JavaScript expression in the page (awaiting it if it is a promise) and
    /// reads its value; a thrown exception is an error.
    fn evaluate<T: DeserializeOwned>(&mut self, expression: &str) -> Result<T> {
        let params = json!({"expression": expression, "awaitPromise": true, "returnByValue": true});
        let result = self.browser.call("Runtime.evaluate", params)?;
        if let Some(details) = result.get("exceptionDetails") {
            bail!("the page's script threw: {}", exception_text(details));
        }
        T::deserialize(&result["result"]["value"])
            .context("reading the value the page's script returned")
    }

    /// Calls `method`, which answers with base64 `data` (a screenshot, a PDF), and decodes it.
    fn data(&mut self, method: &str, params: Value, timeout: Duration) -> Result<Vec<u8>> {
        let answer = self.browser.call_within(method, params, timeout)?;
        let data = answer["data"].as_str().unwrap_or("");
        BASE64_STANDARD.decode(data).context("invalid base64")
    }

    /// The problems among the page's events, after waiting for them to calm down, each
    /// prefixed with `label`.
    fn problems(&mut self, label: &str) -> Result<Vec<String>> {
        let events = self.browser.drain_events(Duration::from_millis(300))?;
        let problems = problems_in_events(&events, self.browser.session(), &self.site);
        Ok(problems.iter().map(|p| format!("{label}: {p}")).collect())
    }
}

/// The `file://` URL of the folder `build`, ending in `/`, percent-encoded as Chromium
/// reports the URLs it requests.
fn folder_url(build: &Path) -> Result<String> {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}');
    let dir = fs::canonicalize(build).with_context(|| format!("finding {}", build.display()))?;
    let path = utf8_percent_encode(&dir.to_string_lossy(), PATH).to_string();
    Ok(format!("file://{}/", path.trim_end_matches('/')))
}

/// Runs every check on the site built from `book` into `build` and returns the findings.
pub fn check_site(
    chromium: &Path,
    book: &Path,
    build: &Path,
    searches: &[Search],
) -> Result<Findings> {
    let pages = book_pages(book)?;
    if pages.is_empty() {
        bail!("the book in {} has no page", book.display());
    }
    let mut tab = Tab::start(chromium, build, &["Page", "Runtime", "Log", "Network"])?;
    let mut findings = Findings {
        pages: pages.len(),
        ..Findings::default()
    };
    let mut stats = Vec::new();
    for page in &pages {
        let page_stats = check_page(&mut tab, page, &mut findings)
            .with_context(|| format!("checking {page} in Chromium"))?;
        stats.push((page.clone(), page_stats));
    }
    check_search(&mut tab, &pages, searches, &mut findings)?;
    take_screenshots(&mut tab, build, &stats, &mut findings)?;
    Ok(findings)
}

/// The start of the script run on each page checked or printed: it opens every `<details>`
/// (hints and solutions) and waits until every image has loaded or failed, the fonts are
/// ready and two frames are drawn, so what it measures is what a reader sees. It lists in
/// `problems` each image that did not load and each `<math>` with no size; the statements
/// appended may use `images`, `maths` and `problems`, and end by returning a value.
const SETTLE_SCRIPT: &str = r#"(async () => {
  for (const d of document.querySelectorAll('details')) d.open = true;
  const images = [...document.querySelectorAll('img')];
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener('load', done, {once: true});
    img.addEventListener('error', done, {once: true});
  })));
  await document.fonts.ready;
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const problems = [...new Set(images.filter(img => img.naturalWidth <= 0)
    .map(img => `<img src="${img.getAttribute('src') || ''}"> did not load (naturalWidth 0)`))];
  const maths = [...document.querySelectorAll('math')];
  maths.forEach((m, i) => {
    const r = m.getBoundingClientRect();
    const text = m.textContent.replace(/\s+/g, ' ').trim().slice(0, 40);
    if (r.width <= 0 || r.height <= 0) problems.push(`<math> #${i + 1} ("${text}") has zero `
      + `size (${r.width.toFixed(0)}x${r.height.toFixed(0)} px)`);
  });
"#;

/// Follows [`SETTLE_SCRIPT`] on each page of the book: adds what is left unrendered and what
/// the theme switcher gets wrong to `problems`, and returns a [`PageReport`].
const PAGE_SCRIPT_BODY: &str = r#"
  const main = document.querySelector('main') || document.body;
  const around = (text, needle) => {
    const i = text.indexOf(needle);
    return i < 0 ? null : text.slice(Math.max(0, i - 30), i + 50).replace(/\s+/g, ' ').trim();
  };
  const include = around(main.textContent, '{{#include')
    || around(main.textContent, '{{#rustdoc_include');
  if (include !== null) problems.push(`the text still contains \`{{#include\`: "${include}"`);
  const prose = main.cloneNode(true);
  prose.querySelectorAll('pre, code, script, style').forEach(e => e.remove());
  const dollars = around(prose.textContent, '$$');
  if (dollars !== null) problems.push('the text (outside code) still contains `$$`, math that '
    + `was not rendered: "${dollars}"`);
  const isBenchmark = t => /numpy/i.test(t.textContent)
    && /(ms|µs|μs|ns|ratio|time|speed)/i.test(t.tHead ? t.tHead.textContent : t.textContent);
  const stats = {
    display_math: main.querySelectorAll('math[display="block"]').length,
    figures: main.querySelectorAll('img[src*="figures/"]').length,
    benchmark_tables: [...main.querySelectorAll('table')].filter(isBenchmark).length,
  };
  // Each theme chosen from the menu must apply its class and a dark (navy) or light background.
  const themeProblems = async () => {
    const sleep = ms => new Promise(done => setTimeout(done, ms));
    const toggle = document.getElementById('mdbook-theme-toggle');
    if (!toggle) return ['there is no theme button (#mdbook-theme-toggle)'];
    const problems = [];
    for (const [theme, dark] of [['navy', true], ['light', false]]) {
      toggle.click();
      await sleep(20);
      const item = document.getElementById('mdbook-theme-' + theme);
      if (!item) return ['the theme menu has no #mdbook-theme-' + theme];
      item.click();
      await sleep(20);
      const background = getComputedStyle(document.documentElement).backgroundColor;
      const applied = document.documentElement.classList.contains(theme);
      const [r, g, b] = (background.match(/[\d.]+/g) || [0, 0, 0]).map(Number);
      const lum = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      if (!applied || !(dark ? lum < 0.35 : lum > 0.65)) problems.push(`choosing \`${theme}\` `
        + `gave background ${JSON.stringify(background)} (class applied: ${applied})`);
    }
    return problems;
  };
  for (const problem of await themeProblems()) problems.push('theme switcher: ' + problem);
  const sources = new Set(images.map(img => img.getAttribute('src') || ''));
  return {images: sources.size, equations: maths.length, problems, stats};
})()"#;

/// What [`PAGE_SCRIPT_BODY`] returns.
#[derive(Deserialize)]
struct PageReport {
    /// `<img>` elements, each source counted once.
    images: usize,
    equations: usize,
    problems: Vec<String>,
    stats: PageStats,
}

/// Counts that decide which pages get screenshots.
#[derive(Debug, Default, Clone, Copy, Deserialize)]
struct PageStats {
    display_math: u64,
    figures: u64,
    benchmark_tables: u64,
}

/// Checks one page, adding problems to `findings`; returns what screenshots need to know.
fn check_page(tab: &mut Tab, page: &str, findings: &mut Findings) -> Result<PageStats> {
    tab.open(page)?;
    let script = format!("{SETTLE_SCRIPT}{PAGE_SCRIPT_BODY}");
    let report: PageReport = tab.evaluate(&script)?;
    findings.images += report.images;
    findings.equations += report.equations;
    let problems = report.problems.iter().map(|p| format!("{page}: {p}"));
    // A missing file is requested more than once: each problem is reported once.
    for problem in problems.chain(tab.problems(page)?) {
        if !findings.problems.contains(&problem) {
            findings.problems.push(problem);
        }
    }
    Ok(report.stats)
}

/// Console errors, uncaught exceptions, failed requests and requests to other hosts among
/// the CDP `events` of `session`. `site` is the site's root URL: requests must stay below it, and it is shortened in messages.
fn problems_in_events(events: &[Value], session: &str, site: &str) -> Vec<String> {
    let short = |url: &str| url.strip_prefix(site).unwrap_or(url).to_owned();
    let mut urls = HashMap::new();
    let mut problems = Vec::new();
    for event in events.iter().filter(|e| e["sessionId"] == session) {
        let params = &event["params"];
        let entry = &params["entry"];
        let problem = match event["method"].as_str().unwrap_or("") {
            "Runtime.consoleAPICalled"
                if matches!(params["type"].as_str(), Some("error" | "assert")) =>
            {
                let args = params["args"].as_array().into_iter().flatten();
                let text: Vec<String> = args
                    .map(|a| {
                        a["value"]
                            .as_str()
                            .or_else(|| a["description"].as_str())
                            .map_or_else(|| a["value"].to_string(), str::to_owned)
                    })
                    .collect();
                format!("console error: {}", text.join(" "))
            }
            "Runtime.exceptionThrown" => {
                let text = exception_text(&params["exceptionDetails"]);
                format!("uncaught exception: {text}")
            }
            // Network errors reach the log too; they are reported below with their request.
            "Log.entryAdded" if entry["level"] == "error" && entry["source"] != "network" => {
                let text = entry["text"].as_str().unwrap_or("");
                let url = short(entry["url"].as_str().unwrap_or(""));
                format!("console error: {text} ({url})")
            }
            "Network.requestWillBeSent" => {
                let url = params["request"]["url"].as_str().unwrap_or("");
                urls.insert(params["requestId"].to_string(), url);
                let local = [site, "data:", "blob:", "about:"];
                if local.iter().any(|start| url.starts_with(start)) {
                    continue;
                }
                format!("request outside the site: {url}")
            }
            // A request the browser itself cancelled (a prefetch cut short by the next
            // navigation) is not a failure.
            "Network.loadingFailed" if params["canceled"] != true => {
                let url = urls
                    .get(&params["requestId"].to_string())
                    .map_or("an unknown URL".to_owned(), |url| short(url));
                let error = params["errorText"].as_str().unwrap_or("no error text");
                format!("request failed: {url} ({error})")
            }
            _ => continue,
        };
        problems.push(problem);
    }
    problems
}

/// What a CDP `exceptionDetails` says was thrown.
fn exception_text(details: &Value) -> &str {
    details["exception"]["description"]
        .as_str()
        .or_else(|| details["text"].as_str())
        .unwrap_or("unknown exception")
}

/// Called with a term and the page prefix it must lead to: types the term into the search
/// bar and returns what went wrong, worded to follow `search for "term"`, or `null`.
const SEARCH_SCRIPT: &str = r#"(async (term, prefix) => {
  const sleep = ms => new Promise(done => setTimeout(done, ms));
  const wrapper = document.getElementById('mdbook-search-wrapper');
  const toggle = document.getElementById('mdbook-search-toggle');
  const bar = document.getElementById('mdbook-searchbar');
  if (!wrapper || !toggle || !bar) return ': the page has no search bar';
  if (wrapper.classList.contains('hidden')) toggle.click();
  const outer = document.getElementById('mdbook-searchbar-outer');
  for (let i = 0; i < 200 && outer.classList.contains('searching'); i++) await sleep(25);
  if (outer.classList.contains('searching')) return ': the search index did not load';
  bar.value = term;
  bar.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  await sleep(20);
  const links = [...document.querySelectorAll('#mdbook-searchresults a')]
    .map(a => a.getAttribute('href')).filter(href => href !== null);
  return links.some(link => link.startsWith(prefix)) ? null : ' did not lead to a page '
    + `starting with \`${prefix}\` (results: ${links.join(', ') || 'none'})`;
})"#;

/// The built-in search must lead from each chapter's term to that chapter.
fn check_search(
    tab: &mut Tab,
    pages: &[String],
    searches: &[Search],
    findings: &mut Findings,
) -> Result<()> {
    let start_page = &pages[0];
    tab.open(start_page)?;
    for Search { prefix, term } in searches {
        if !pages.iter().any(|p| p.starts_with(prefix.as_str())) {
            findings.problems.push(format!(
                "no page of the book starts with `{prefix}`, where the search for \"{term}\" \
                 must lead"
            ));
            continue;
        }
        findings.searches += 1;
        let script = format!("{SEARCH_SCRIPT}({}, {})", json!(term), json!(prefix));
        if let Some(problem) = tab.evaluate::<Option<String>>(&script)? {
            findings
                .problems
                .push(format!("{start_page}: search for \"{term}\"{problem}"));
        }
    }
    let label = format!("{start_page} (searching)");
    findings.problems.extend(tab.problems(&label)?);
    Ok(())
}

/// Scrolls the first element matching the selector to the top of the window.
/// (The page has just been opened, at its top: with no such element, scrolling up does nothing.)
const SCROLL_SCRIPT: &str = r#"(async (selector) => {
  await document.fonts.ready;
  document.querySelector(selector)?.scrollIntoView({block: 'start'});
  window.scrollBy(0, -160);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
})"#;

/// Screenshots of the page with the most display equations, the one with the most figures,
/// the one with the most benchmark tables, and the first page in the dark and light themes.
fn take_screenshots(
    tab: &mut Tab,
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
        let pages = stats.iter().enumerate().filter(|(_, (_, s))| key(s) > 0);
        let best = pages.max_by_key(|(i, (_, s))| (key(s), std::cmp::Reverse(*i)));
        best.map(|(_, (page, _))| page)
    };
    let first = Some(&stats[0].0);
    let math = best(|s| s.display_math);
    let figures = best(|s| s.figures);
    let benchmark = best(|s| s.benchmark_tables);
    let shots = [
        ("math", math, "main math[display=\"block\"]"),
        ("figures", figures, "main img[src*=\"figures/\"]"),
        ("benchmark-table", benchmark, "main table"),
        ("theme-navy", first, "main"),
        ("theme-light", first, "main"),
    ];
    for (what, page, selector) in shots {
        let Some(page) = page else { continue };
        tab.open(page)?;
        if let Some(theme) = what.strip_prefix("theme-") {
            // Choose the theme from the menu, then click the page to close the menu.
            tab.evaluate::<Value>(&format!(
                "document.getElementById('mdbook-theme-toggle').click(); \
                 document.getElementById('mdbook-theme-{theme}').click(); \
                 document.querySelector('main').click(); document.activeElement.blur(); true"
            ))?;
        }
        tab.evaluate::<Value>(&format!("{SCROLL_SCRIPT}({})", json!(selector)))?;
        let params = json!({"format": "png"});
        let png = tab.data("Page.captureScreenshot", params, cdp::COMMAND_TIMEOUT)?;
        let name = page.trim_end_matches(".html").replace('/', "-");
        let path = dir.join(format!("{what}-{name}.png"));
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
        let site = "file:///home/reader/book/build/";
        let events = vec![
            json!({"sessionId": "s", "method": "Network.requestWillBeSent",
                   "params": {"requestId": "1", "request": {"url": "file:///home/reader/book/build/figures/a.svg"}}}),
            json!({"sessionId": "s", "method": "Network.requestWillBeSent",
                   "params": {"requestId": "4", "request": {"url": "file:///etc/hostname"}}}),
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
                "request outside the site: file:///etc/hostname",
                "request failed: figures/a.svg (net::ERR_FAILED)",
                "request outside the site: https://cdn.example.org/x.js",
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
        crate::book::site::build(
            &book,
            &book.join("build"),
            &crate::book::site::MachineNotes::default(),
        )
        .unwrap();
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
        let Some(chromium) = cdp::tests::chromium_for_test() else {
            return;
        };
        let (_scratch, book) = broken_book();
        let build = book.join("build");
        let searches =
            [("preface", "prerequisites"), ("ch02-", "strides")].map(|(prefix, term)| Search {
                prefix: prefix.into(),
                term: term.into(),
            });
        let findings = check_site(&chromium, &book, &build, &searches).unwrap();
        let problems = findings.problems.join("\n");
        eprintln!("{problems}");
        for expected in [
            "ch02-broken.html: <img src=\"figures/nowhere.svg\"> did not load (naturalWidth 0)",
            "ch02-broken.html: <math> #2 (\"\") has zero size",
            "ch02-broken.html: the text (outside code) still contains `$$`",
            "ch02-broken.html: request outside the site: https://cdn.example.org/logo.png",
            "ch02-broken.html: <img src=\"https://cdn.example.org/logo.png\"> did not load",
            "ch02-broken.html: request failed: figures/nowhere.svg (net::ERR_FILE_NOT_FOUND)",
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
        // Every page listed was found (the only missing file is the figure), the nested one too.
        assert_eq!(
            problems.matches("ERR_FILE_NOT_FOUND").count(),
            1,
            "{problems}"
        );
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

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(BASE64_STANDARD.decode(encoded).unwrap(), plain.as_bytes());
        }
        assert!(BASE64_STANDARD.decode("Zm9v!").is_err());
        // What a screenshot starts with: the PNG signature, across a padded last group.
        assert_eq!(
            BASE64_STANDARD.decode("iVBORw0KGgo=").unwrap(),
            b"\x89PNG\r\n\x1a\n"
        );
        // CDP always pads; the hand-written decoder this replaced also took unpadded input.
        assert!(BASE64_STANDARD.decode("Zm9vYg").is_err());
    }
}
