//! Builds the mdBook site with mdBook as a library, the listings and math preprocessors
//! added, and every warning or error mdBook reports through `tracing` counted, so the build
//! fails on them.

use std::cell::Cell;
use std::path::Path;

use anyhow::{Result, anyhow, bail};
use mdbook_driver::MDBook;
use mdbook_preprocessor::book::Book;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::{Layer, Registry};

use crate::book::checks::Page;
use crate::book::{listings, math, quotes};

thread_local! {
    /// Problems reported on this thread (mdBook builds on the calling thread).
    static PROBLEMS: Cell<usize> = const { Cell::new(0) };
}

/// Counts WARN and ERROR events (mdBook reports a missing include file only this way).
struct CountProblems;

impl<S: Subscriber> Layer<S> for CountProblems {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if *event.metadata().level() <= Level::WARN {
            PROBLEMS.with(|n| n.set(n.get() + 1));
        }
    }
}

/// Shows mdBook's warnings and errors on stderr and counts them. Call once per process.
pub fn init_logging() {
    let subscriber = Registry::default()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_target(false)
                .with_filter(LevelFilter::WARN),
        )
        .with(CountProblems);
    // A second call (in tests) finds a subscriber already set; that one counts too.
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// The pages of the book in `book_dir`, in the order of SUMMARY.md (drafts have none): each
/// one's Markdown file and its text, includes not yet expanded.
pub fn pages(book_dir: &Path) -> Result<Vec<Page>> {
    let book = MDBook::load(book_dir).map_err(|e| anyhow!("loading the book: {e:#}"))?;
    let src = book.root.join(&book.config.book.src);
    Ok(book
        .book
        .chapters()
        .filter_map(|c| Some((src.join(c.source_path.as_ref()?), c.content.clone())))
        .collect())
}

/// Builds the book in `book_dir` into `build_dir`; fails if mdBook reported any problem.
pub fn build(book_dir: &Path, build_dir: &Path, notes: &MachineNotes) -> Result<()> {
    let before = PROBLEMS.with(Cell::get);
    let mut book = MDBook::load(book_dir).map_err(|e| anyhow!("loading the book: {e:#}"))?;
    book.config.build.build_dir = build_dir.to_path_buf();
    // Before mdBook expands the includes, while a listing is still its include line (and an
    // escaped `\{{#bench}}` still escaped).
    listings::caption_listings(&mut book.book);
    quotes::expand_book(&book_dir.join("src"), &mut book.book)?;
    if !notes.outputs.is_empty() {
        book.book.for_each_chapter_mut(|chapter| {
            chapter.content =
                listings::note_machine_dependent(&chapter.content, &notes.outputs, &notes.captured);
        });
    }
    book.with_preprocessor(Rewrite {
        name: "dedent-listings",
        rewrite: |markdown| Ok(listings::dedent_code_blocks(markdown)),
    });
    book.with_preprocessor(Rewrite {
        name: "latex-to-mathml",
        rewrite: math::render_math,
    });
    book.build()
        .map_err(|e| anyhow!("building the book: {e:#}"))?;
    crate::book::stamp::add_footer(book_dir, build_dir)?;
    let problems = PROBLEMS.with(Cell::get) - before;
    if problems > 0 {
        bail!("mdBook reported {problems} warning(s) or error(s) (shown above)");
    }
    Ok(())
}

/// The outputs and figures whose digits depend on the machine (the chapters'
/// `machine-dependent` lists, paths in `book/src/`), and the machine that printed them: the
/// site notes it under each.
#[derive(Debug, Default)]
pub struct MachineNotes {
    pub outputs: std::collections::BTreeSet<String>,
    pub captured: String,
}

/// An mdBook preprocessor that rewrites the Markdown of every chapter; an error names the
/// chapter's file.
struct Rewrite {
    name: &'static str,
    rewrite: fn(&str) -> Result<String>,
}

impl Preprocessor for Rewrite {
    fn name(&self) -> &str {
        self.name
    }

    fn run(&self, _ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let mut result = Ok(());
        book.for_each_chapter_mut(|chapter| {
            if result.is_err() {
                return;
            }
            let source = chapter
                .source_path
                .as_ref()
                .map_or_else(|| chapter.name.clone(), |p| p.display().to_string());
            match (self.rewrite)(&chapter.content) {
                Ok(rewritten) => chapter.content = rewritten,
                Err(e) => result = Err(e.context(format!("book/src/{source}"))),
            }
        });
        result.map(|()| book)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::book::checks;
    use std::fs;

    /// A small book in a temporary folder, deleted when dropped; it derefs to its folder.
    #[derive(Debug)]
    pub(crate) struct ScratchBook(tempfile::TempDir);

    impl std::ops::Deref for ScratchBook {
        type Target = Path;
        fn deref(&self) -> &Path {
            self.0.path()
        }
    }

    impl AsRef<Path> for ScratchBook {
        fn as_ref(&self) -> &Path {
            self.0.path()
        }
    }

    /// Writes a small book into a fresh temporary folder (named after `name`): `book.toml` (no
    /// silently created pages), `SUMMARY.md` and each `(path, text)` of `files` under `src/`.
    /// Shared by the xtask's tests.
    pub(crate) fn scratch_book(name: &str, summary: &str, files: &[(&str, &str)]) -> ScratchBook {
        let dir = tempfile::Builder::new()
            .prefix(&format!("xtask-book-{name}-"))
            .tempdir()
            .unwrap();
        let book = ScratchBook(dir);
        fs::create_dir_all(book.join("src")).unwrap();
        fs::write(
            book.join("book.toml"),
            "[book]\ntitle = \"t\"\n[build]\ncreate-missing = false\n",
        )
        .unwrap();
        fs::write(book.join("src/SUMMARY.md"), summary).unwrap();
        for (path, text) in files {
            let path = book.join("src").join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        book
    }

    const ONE_PAGE: &str = "# Summary\n\n- [Page](page.md)\n";

    #[test]
    fn math_is_rendered_into_the_built_page() {
        init_logging();
        let dir = scratch_book(
            "math",
            ONE_PAGE,
            &[(
                "page.md",
                "# Page\n\nThe mean $\\bar x = \\frac{1}{n}\\sum_i x_i$.\n\n$$a^2 + b^2 = c^2$$\n",
            )],
        );
        build(&dir, &dir.join("build"), &MachineNotes::default()).unwrap();
        let html = fs::read_to_string(dir.join("build/page.html")).unwrap();
        assert!(html.contains("<math"), "no MathML in the page");
        assert!(!html.contains("$$") && !html.contains("\\frac"));
    }

    #[test]
    fn a_missing_include_fails_the_build() {
        init_logging();
        let dir = scratch_book(
            "include",
            ONE_PAGE,
            &[(
                "page.md",
                "# Page\n\n```text\n{{#include nowhere.txt}}\n```\n",
            )],
        );
        let err = build(&dir, &dir.join("build"), &MachineNotes::default()).unwrap_err();
        assert!(err.to_string().contains("reported"), "{err}");
    }

    /// mdBook shows an escaped `\{{#include ...}}` as text; no check may call it broken.
    #[test]
    fn an_escaped_include_is_text_for_mdbook_and_for_the_checks() {
        init_logging();
        let page = "# Page\n\n```text\n\\{{#include nowhere.txt:gone}}\n```\n";
        let dir = scratch_book("escaped", ONE_PAGE, &[("page.md", page)]);
        let pages = pages(&dir).unwrap();
        assert!(checks::check_includes(&dir, &pages).unwrap().is_empty());
        assert!(checks::check_listings(&dir, &pages).unwrap().is_empty());
        build(&dir, &dir.join("build"), &MachineNotes::default()).unwrap();
        let html = fs::read_to_string(dir.join("build/page.html")).unwrap();
        assert!(html.contains("{{#include nowhere.txt:gone}}"), "{html}");
        assert!(checks::check_site(&dir.join("build")).unwrap().is_empty());
    }

    #[test]
    fn the_pages_are_those_summary_lists_in_its_order() {
        let dir = scratch_book(
            "pages",
            "# Summary\n\n[Intro](intro.md)\n\n- [One](ch/one.md)\n- [Draft]()\n",
            &[
                ("intro.md", "# Intro\n"),
                ("ch/one.md", "# One\n"),
                ("unlisted.md", "# Not in the book\n"),
            ],
        );
        let pages = pages(&dir).unwrap();
        let src = dir.join("src");
        assert_eq!(
            pages,
            [
                (src.join("intro.md"), "# Intro\n".to_owned()),
                (src.join("ch/one.md"), "# One\n".to_owned()),
            ]
        );
    }
}
