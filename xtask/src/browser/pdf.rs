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

use super::{SETTLE_SCRIPT, Tab, cdp};

/// The PDF's name in the build folder (the preface links to it).
pub const FILE_NAME: &str = "book.pdf";

/// `cargo xtask book`'s last step: the PDF when Chromium is installed, else a note (the
/// preface's link to it then stays broken in this local build until `cargo xtask pdf`).
pub fn print_if_chromium(build: &Path) -> Result<()> {
    if let Err(why) = cdp::find_chromium() {
        eprintln!(
            "note: {why}, so no {FILE_NAME} (the preface links to it); install Chromium and run \
             `cargo xtask pdf`"
        );
        return Ok(());
    }
    print(build).map(drop)
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
    let mut tab = Tab::start(&chromium, build, &["Page"])?;
    // mdBook's print.html calls `window.print()` 100 ms after its load event. In a headless
    // browser that print job races ours, and Chromium answers `Page.printToPDF` with "Page is
    // already being printed" when it loses (seen on a loaded machine). Replace the function
    // before any of the page's scripts run, so only our print job exists.
    tab.browser.call(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": "window.print = () => {};"}),
    )?;
    tab.open("print.html")?;
    // Hints and solutions are open: on paper nothing can be clicked open.
    let script = format!("{SETTLE_SCRIPT}  return problems.map(p => 'print.html: ' + p);\n}})()");
    crate::util::report("the PDF's page", tab.evaluate(&script)?)?;
    // A4, with the page number and the book's title at the foot of every page.
    let footer = "<div style=\"font-size: 8px; width: 100%; padding: 0 1.5cm; \
                  display: flex; justify-content: space-between; color: #666;\">\
                  <span class=\"title\"></span><span class=\"pageNumber\"></span></div>";
    let print = json!({
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
    });
    let pdf = tab.data("Page.printToPDF", print, Duration::from_secs(300))?;
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
        let Some(_) = cdp::tests::chromium_for_test() else {
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
