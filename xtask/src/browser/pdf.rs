//! `cargo xtask pdf` (and the end of `cargo xtask book`, where Chromium is installed): the
//! whole book as one PDF, `book/build/book.pdf`, printed by headless Chromium through CDP's
//! `Page.printToPDF` from mdBook's `print.html`, which holds every chapter with a page break
//! before each; the print rules of `book/src/book.css` keep figures, equations and tables
//! whole. A4, page numbers at the foot. The preface links to it.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::json;

use super::cdp::{self, Chromium};
use super::serve::StaticServer;

/// The PDF's name in the build folder (the preface links to it).
pub const FILE_NAME: &str = "book.pdf";

/// Run once the page has settled (hints and solutions open: on paper nothing can be clicked
/// open; see [`cdp::settled_page_script`]): lists any image that did not load and any equation with no size.
const PREPARE_SCRIPT_BODY: &str = r#"
  const broken = images.filter(img => img.naturalWidth === 0)
    .map(img => `<img src="${img.getAttribute('src')}"> did not load`);
  const empty = [...document.querySelectorAll('math')].filter(m => {
    const r = m.getBoundingClientRect();
    return r.width === 0 || r.height === 0;
  }).map(m => `<math> "${m.textContent.trim().slice(0, 40)}" has zero size`);
  return [...new Set(broken)].concat(empty);
})()"#;

/// `cargo xtask book`'s last step: the PDF when Chromium is installed, else a note (the
/// preface's link to it then stays broken in this local build until `cargo xtask pdf`).
pub fn print_if_chromium(build: &Path) -> Result<()> {
    match cdp::find_chromium() {
        Ok(_) => print(build).map(drop),
        Err(why) => {
            eprintln!(
                "note: {why}, so no {FILE_NAME} (the preface links to it); install Chromium \
                 and run `cargo xtask pdf`"
            );
            Ok(())
        }
    }
}

/// Prints `<build>/print.html` to `<build>/book.pdf` and returns the PDF's path.
pub fn print(build: &Path) -> Result<PathBuf> {
    let chromium = cdp::find_chromium().context("the PDF needs Chromium")?;
    if !build.join("print.html").is_file() {
        bail!("{} has no print.html", build.display());
    }
    eprintln!(
        "==> printing print.html to {FILE_NAME} with {}",
        chromium.display()
    );
    let start = Instant::now();
    let server = StaticServer::start(build)?;
    let mut browser = Chromium::launch(&chromium, 1280, 900)?;
    let session = browser.new_page()?;
    browser.call(Some(&session), "Page.enable", json!({}))?;
    // mdBook's print.html calls `window.print()` 100 ms after its load event. In a headless
    // browser that print job races ours, and Chromium answers `Page.printToPDF` with "Page is
    // already being printed" when it loses (seen on a loaded machine). Replace the function
    // before any of the page's scripts run, so only our print job exists.
    browser.call(
        Some(&session),
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": "window.print = () => {};"}),
    )?;
    let navigated = browser.call(
        Some(&session),
        "Page.navigate",
        json!({"url": server.url("print.html")}),
    )?;
    if let Some(error) = navigated.get("errorText") {
        bail!("opening print.html failed: {error}");
    }
    browser.wait_for_event(&session, "Page.loadEventFired", Duration::from_secs(60))?;
    let problems = browser.evaluate(&session, &cdp::settled_page_script(PREPARE_SCRIPT_BODY))?;
    let problems: Vec<String> = problems
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| format!("print.html: {}", p.as_str().unwrap_or("")))
        .collect();
    crate::util::report("the PDF's page", problems)?;
    // A4, with the page number and the book's title at the foot of every page.
    let footer = "<div style=\"font-size: 8px; width: 100%; padding: 0 1.5cm; \
                  display: flex; justify-content: space-between; color: #666;\">\
                  <span class=\"title\"></span><span class=\"pageNumber\"></span></div>";
    let printed = browser.call_within(
        Some(&session),
        "Page.printToPDF",
        json!({
            "printBackground": true,
            "paperWidth": 8.27,
            "paperHeight": 11.69,
            "marginTop": 0.6,
            "marginBottom": 0.7,
            "marginLeft": 0.6,
            "marginRight": 0.6,
            "displayHeaderFooter": true,
            "headerTemplate": "<span></span>",
            "footerTemplate": footer,
        }),
        Duration::from_secs(300),
    )?;
    let pdf = cdp::base64_decode(printed["data"].as_str().unwrap_or(""))?;
    if !pdf.starts_with(b"%PDF-") {
        bail!("Chromium returned something that is not a PDF");
    }
    let path = build.join(FILE_NAME);
    fs::write(&path, &pdf).with_context(|| format!("writing {}", path.display()))?;
    eprintln!(
        "    {} ({:.1} MB) in {:.1} s",
        path.display(),
        pdf.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A three-chapter book prints to a PDF of a few pages: a page break before each chapter,
    /// the figure and the equation on paper. Skipped (with a message) without Chromium,
    /// except under CI.
    #[test]
    fn a_small_book_prints_to_a_pdf_with_a_page_per_chapter() {
        let Some(_) = cdp::chromium_for_test() else {
            return;
        };
        let chapter = |n: u32| {
            format!(
                "# Chapter {n}\n\nSome text, $x^{n}$ and\n\n$$\\sum_i x_i^{n}$$\n\n![dot](dot.svg)\n"
            )
        };
        let (one, two, three) = (chapter(1), chapter(2), chapter(3));
        let (_scratch, book) = crate::browser::tests::scratch_book(
            "pdf",
            "# Summary\n\n- [One](one.md)\n- [Two](two.md)\n- [Three](three.md)\n",
            &[
                ("one.md", &one),
                ("two.md", &two),
                ("three.md", &three),
                (
                    "dot.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><circle cx=\"10\" cy=\"10\" r=\"8\"/></svg>",
                ),
            ],
        );
        let path = print(&book.join("build")).unwrap();
        assert_eq!(path, book.join("build").join(FILE_NAME));
        let pdf = fs::read(&path).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{:?}", &pdf[..pdf.len().min(16)]);
        // Each page is one `/Type /Page` object (`/Type /Pages` is the page tree).
        let text = String::from_utf8_lossy(&pdf);
        let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
        assert!((3..=6).contains(&pages), "{pages} pages");
    }
}
