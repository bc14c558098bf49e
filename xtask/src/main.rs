//! `cargo xtask <command>`: the book's build tool.
//!
//! - `book`: run every example (release), capture its output into `book/src/generated/` and
//!   its figures into `book/src/figures/` (`examples.rs`, `captured.rs`); run every NumPy
//!   listing and fixture script (`reference.rs`); write the versions stamp (`stamp.rs`); then
//!   build the site into `book/build/`, listings captioned (`listings.rs`), and, where Chromium
//!   is installed, its PDF (`pdf.rs`).
//! - `check`: regenerate outputs, figures and fixtures into a scratch folder and compare them
//!   with the committed ones; check the versions stamp, every include, anchor, listing (no
//!   typed code, no line wider than the page) and internal link; prove the exercise workflow
//!   (`exercises.rs`).
//! - `test`: the README's test command: `cargo fmt --all --check`, clippy with the workspace's
//!   lints (`[workspace.lints]` in Cargo.toml) and `-D warnings`, `check`, then the browser
//!   tests on the site `check` built (see `browser/`; skipped with a message without
//!   Chromium), then every test of the workspace (with the benchmarks run once in test mode).
//! - `pdf`: build the site into `book/build/` and print it to `book/build/book.pdf` with
//!   headless Chromium (see `pdf.rs`), then check every link, the PDF's included.
//! - `browser`: build the site and its PDF into `book/build/` and run only the browser tests
//!   on it (screenshots in `book/build/screenshots/`).
//! - `bench`: run the criterion benchmarks and their NumPy counterparts (see `bench.rs`).
//! - `exercises chapterNN`: write the reader's starter file for a chapter's exercises.

mod bench;
mod book;
mod browser;
mod python;
mod util;

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use book::examples::{self, OutputDirs};
use book::{checks, exercises, reference, site, stamp};
use browser::{cdp, pdf};
use util::report;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  book                  run every example, capture outputs and figures, build the site into book/build/
                        (and book/build/book.pdf where Chromium is installed)
  check                 outputs, figures and the versions stamp are up to date; includes, anchors and links resolve
  test                  the README's test command: rustfmt, clippy, check, browser tests, then every test
                        (benchmarks once, in test mode)
  pdf                   build the site into book/build/ and print it to book/build/book.pdf (needs Chromium)
  browser               build the site and its PDF into book/build/, then run the browser tests on it (needs Chromium)
  bench [chapterNN ...] [--quick] [--threads N] [--no-numpy]
                        run the benchmarks next to NumPy and write the book's performance tables
  exercises chapterNN   write exercises/chapterNN.rs, a starter file for the chapter's exercises
                        (never over your edits); test it with
                        cargo test -p chapterNN --features my-exercises --test exercises";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = util::workspace_root();
    let start = Instant::now();
    let result = match args.first().map(String::as_str) {
        Some("book") if args.len() == 1 => book(&root),
        Some("check") if args.len() == 1 => check(&root).map(|_| ()),
        Some("test") if args.len() == 1 => test(&root),
        Some("pdf") if args.len() == 1 => pdf(&root),
        Some("browser") if args.len() == 1 => browser_tests(&root),
        Some("bench") => bench::run(&root, &args[1..]),
        Some("exercises") => exercises::write_starter(&root, &args[1..]),
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    match result {
        Ok(()) => eprintln!(
            "xtask {}: done in {:.0} s",
            args[0],
            start.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(1);
        }
    }
}

fn book(root: &Path) -> Result<()> {
    let src = root.join("book/src");
    let chapters = util::chapters(root)?;
    examples::generate(
        root,
        &chapters,
        &OutputDirs {
            generated: src.join("generated"),
            figures: src.join("figures"),
        },
    )?;
    reference::generate(
        root,
        &reference::Destinations {
            generated: src.join("generated"),
            fixtures: None,
        },
    )?;
    stamp::write(root)?;
    let pages = site::pages(&root.join("book"))?;
    report("includes", checks::check_includes(root, &pages)?)?;
    report("listings", checks::check_listings(root, &pages)?)?;
    site::init_logging();
    let build = root.join("book/build");
    eprintln!("==> building the site into book/build/");
    site::build(&root.join("book"), &build)?;
    report("links", checks::check_site(&build)?)?;
    pdf::print_if_chromium(&build)?;
    eprintln!("open {}", build.join("index.html").display());
    Ok(())
}

/// Returns how many reference results (NumPy listings, fixtures) could not be re-verified.
fn check(root: &Path) -> Result<usize> {
    let src = root.join("book/src");
    let chapters = util::chapters(root)?;
    let scratch = root.join("target/xtask-check");
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    let fresh = OutputDirs {
        generated: scratch.join("generated"),
        figures: scratch.join("figures"),
    };
    examples::generate(root, &chapters, &fresh)?;
    let reference = reference::generate(
        root,
        &reference::Destinations {
            generated: fresh.generated.clone(),
            fixtures: Some(scratch.join("fixtures")),
        },
    )?;
    let mut problems = Vec::new();
    for chapter in &chapters {
        for (new, committed) in [
            (
                fresh.generated.join(chapter),
                src.join("generated").join(chapter),
            ),
            (
                fresh.figures.join(chapter),
                src.join("figures").join(chapter),
            ),
        ] {
            problems.extend(examples::compare_dirs(&new, &committed, root)?);
        }
    }
    if reference.not_verified == 0 {
        problems.extend(reference::compare_fixtures(
            root,
            &scratch.join("fixtures"),
        )?);
    }
    if !problems.is_empty() {
        problems.push("run `cargo xtask book` to regenerate them, and commit the result".into());
    }
    report("outputs, figures and fixtures", problems)?;
    report("versions stamp", stamp::check(root)?)?;
    let pages = site::pages(&root.join("book"))?;
    report("includes", checks::check_includes(root, &pages)?)?;
    report("listings", checks::check_listings(root, &pages)?)?;
    exercises::check_starters(root)?;
    site::init_logging();
    eprintln!("==> building the site into target/xtask-check/site to check its links");
    let build = scratch.join("site");
    site::build(&root.join("book"), &build)?;
    report("links", checks::check_site(&build)?)?;
    match &reference.reason {
        None => eprintln!(
            "outputs, figures, fixtures, includes, anchors, listings and links are up to date"
        ),
        Some(why) => eprintln!(
            "outputs, figures, includes, anchors, listings and links are up to date; \
             {} NumPy listings and fixtures were NOT re-verified ({why})",
            reference.not_verified
        ),
    }
    Ok(reference.not_verified)
}

fn test(root: &Path) -> Result<()> {
    util::run_step(
        "cargo fmt --all --check",
        util::cargo()
            .current_dir(root)
            .args(["fmt", "--all", "--check"]),
    )
    .context("rustfmt would change the code (the diff is above): run `cargo fmt --all`")?;
    util::run_step(
        "cargo clippy --workspace --all-targets --release -- -D warnings",
        util::cargo()
            .current_dir(root)
            .args(["clippy", "--workspace", "--all-targets", "--release"])
            .args(["--", "-D", "warnings"]),
    )
    .context("clippy found problems, listed above (lints: `[workspace.lints]` of Cargo.toml)")?;
    let not_verified = check(root)?;
    let browser = browser::run(&root.join("book"), &root.join("target/xtask-check/site"))?;
    let mut totals = util::TestCounts::default();
    for (what, extra) in [
        (
            "cargo test --workspace --release --all-targets (benchmarks run once, in test mode)",
            "--all-targets",
        ),
        ("cargo test --workspace --release --doc", "--doc"),
    ] {
        let counts = util::run_tests(
            what,
            util::cargo()
                .current_dir(root)
                .args(["test", "--workspace", "--release", extra]),
        )?;
        totals.add(&counts);
    }
    if not_verified > 0 {
        println!(
            "note: {not_verified} NumPy listings and fixtures were not re-verified (no Python): \
             counted as skipped"
        );
    }
    let browser_skipped = match browser {
        browser::Outcome::Passed => 0,
        browser::Outcome::Skipped(why) => {
            println!("note: browser tests skipped: {why}");
            1
        }
    };
    // One plain closing line that sums every test binary's result.
    println!(
        "summary: {} passed, {} failed, {} skipped",
        totals.passed,
        totals.failed,
        totals.ignored + not_verified as u64 + browser_skipped
    );
    if totals.failed > 0 {
        bail!("{} test(s) failed", totals.failed);
    }
    Ok(())
}

fn pdf(root: &Path) -> Result<()> {
    site::init_logging();
    let build = root.join("book/build");
    eprintln!("==> building the site into book/build/");
    site::build(&root.join("book"), &build)?;
    pdf::print(&build)?;
    report("links", checks::check_site_complete(&build)?)?;
    Ok(())
}

fn browser_tests(root: &Path) -> Result<()> {
    cdp::find_chromium()?;
    site::init_logging();
    let build = root.join("book/build");
    eprintln!("==> building the site into book/build/");
    site::build(&root.join("book"), &build)?;
    // mdBook emptied book/build: print the PDF again, so the folder is the whole site.
    pdf::print(&build)?;
    match browser::run(&root.join("book"), &build)? {
        browser::Outcome::Passed => Ok(()),
        browser::Outcome::Skipped(why) => bail!("browser tests skipped: {why}"),
    }
}
