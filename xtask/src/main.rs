//! `cargo xtask <command>`: the book's build tool. [`Task`] lists the commands; each
//! lives in its own folder: `book/` (examples, outputs, figures, NumPy listings and fixtures,
//! the versions stamp, the site and its checks), `browser/` (the browser tests and the PDF,
//! through headless Chromium) and `bench/` (criterion next to NumPy, the performance tables).

mod bench;
mod book;
mod browser;
mod budget;
mod chapters;
mod python;
mod scaffold;
mod util;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};

use book::examples::{self, OutputDirs};
use book::{checks, exercises, quotes, reference, site, stamp};
use browser::{cdp, pdf};
use util::report;

/// `cargo xtask`: the book's build tool.
#[derive(clap::Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
enum Task {
    /// Run every example, capture outputs and figures, build the site (and PDF) in book/build/;
    /// with chapters named, only regenerate their outputs, figures and fixtures (no site)
    Book {
        #[arg(value_name = "chapterNN")]
        chapters: Vec<String>,
    },
    /// Outputs, figures and stamp are up to date; includes, anchors and links resolve
    Check {
        /// Only the sources: the chapter registry, one feature set per dependency, includes,
        /// anchors, listing widths, numbers quoted from the benchmark tables (seconds)
        #[arg(long)]
        sources: bool,
    },
    /// The README's test command: rustfmt, clippy, check, browser tests, every test
    Test,
    /// Build the site into book/build/ and print it to book.pdf there (needs Chromium)
    Pdf,
    /// Build the site and its PDF, then run the browser tests on it (needs Chromium)
    Browser,
    /// Run the benchmarks next to NumPy, write the performance tables (see bench --help)
    #[command(disable_help_flag = true)]
    Bench {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Write exercises/chapterNN.rs, a starter for the chapter's exercises (never over edits)
    Exercises {
        #[arg(value_name = "chapterNN")]
        args: Vec<String>,
    },
    /// Lay out a new chapter that passes every check: crate, page, exercises, SUMMARY, README
    NewChapter {
        #[arg(value_names = ["NN", "slug"])]
        args: Vec<String>,
    },
}

fn main() {
    let task = <Task as clap::Parser>::parse();
    let root = util::workspace_root();
    let start = Instant::now();
    let result = match &task {
        Task::Book { chapters } if chapters.is_empty() => book(&root),
        Task::Book { chapters } => book_chapters(&root, chapters),
        Task::Check { sources: true } => check_sources(&root),
        Task::Check { sources: false } => check(&root).map(|_| ()),
        Task::Test => test(&root),
        Task::Pdf => pdf(&root),
        Task::Browser => browser_tests(&root),
        Task::Bench { args } => bench::run(&root, args),
        Task::Exercises { args } => exercises::write_starter(&root, args),
        Task::NewChapter { args } => scaffold::new_chapter(&root, args),
    };
    let name = std::env::args().nth(1).unwrap_or_default();
    match result {
        Ok(()) => eprintln!(
            "xtask {name}: done in {:.0} s",
            start.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::exit(1);
        }
    }
}

/// Builds the site into `build` (a path below `root`) and fails if mdBook reported a problem.
fn build_site(root: &Path, build: &Path) -> Result<()> {
    site::init_logging();
    let shown = build.strip_prefix(root).unwrap_or(build).display();
    eprintln!("==> building the site into {shown}/");
    let notes = site::MachineNotes {
        outputs: chapters::registry(root)?
            .into_iter()
            .flat_map(|c| c.machine_dependent)
            .collect(),
        captured: examples::captured_on(root)
            .unwrap_or_else(|| "the machine that built this book".to_owned()),
    };
    site::build(&root.join("book"), build, &notes)
}

/// The checks of the book's sources that `book` and `check` share: every chapter has its
/// pieces, every build resolves one feature set per dependency, includes and listings
/// resolve, and the numbers quoted from the benchmark tables hold.
fn check_sources(root: &Path) -> Result<()> {
    let registry = chapters::registry(root)?;
    report("chapters", chapters::check(root, &registry)?)?;
    report(
        "one feature set per dependency",
        budget::check(root, &registry)?,
    )?;
    let pages = site::pages(&root.join("book"))?;
    report("includes", checks::check_includes(root, &pages)?)?;
    report("listings", checks::check_listings(root, &pages)?)?;
    report("benchmark quotes", quotes::check(root, &pages))
}

fn book(root: &Path) -> Result<()> {
    let src = root.join("book/src");
    let dirs = OutputDirs {
        generated: src.join("generated"),
        figures: src.join("figures"),
    };
    examples::generate(root, &chapters::names(&chapters::registry(root)?), &dirs)?;
    std::fs::write(
        root.join(examples::CAPTURED_ON),
        format!("{}\n", bench::machine_identity()),
    )?;
    let destinations = reference::Destinations {
        generated: dirs.generated,
        fixtures: None,
        only: Vec::new(),
    };
    reference::generate(root, &destinations)?;
    stamp::write(root)?;
    check_sources(root)?;
    let build = root.join("book/build");
    build_site(root, &build)?;
    report("links", checks::check_site(&build)?)?;
    pdf::print_if_chromium(&build)?;
    eprintln!("open {}", build.join("index.html").display());
    Ok(())
}

/// `book chapterNN ...`: regenerates the named chapters' outputs, figures, NumPy listings and
/// fixtures in place, then checks the sources; the quick loop while writing one chapter
/// (`cargo xtask book` and `check` still cover the whole book before a commit).
fn book_chapters(root: &Path, chapters: &[String]) -> Result<()> {
    let known = chapters::names(&chapters::registry(root)?);
    if let Some(unknown) = chapters.iter().find(|c| !known.contains(c)) {
        bail!(
            "{unknown} is not a registered chapter (the chapters: {})",
            known.join(", ")
        );
    }
    let src = root.join("book/src");
    let dirs = OutputDirs {
        generated: src.join("generated"),
        figures: src.join("figures"),
    };
    examples::generate(root, chapters, &dirs)?;
    let destinations = reference::Destinations {
        generated: dirs.generated,
        fixtures: None,
        only: chapters.to_vec(),
    };
    reference::generate(root, &destinations)?;
    check_sources(root)
}

/// Returns how many results could not be re-verified: reference results (NumPy listings,
/// fixtures) without Python, and machine-dependent outputs on another machine than the one
/// that captured them.
fn check(root: &Path) -> Result<usize> {
    let src = root.join("book/src");
    let registry = chapters::registry(root)?;
    let chapters = chapters::names(&registry);
    let machine_dependent: BTreeSet<PathBuf> = registry
        .iter()
        .flat_map(|c| c.machine_dependent.iter().map(|p| src.join(p)))
        .collect();
    let (here, captured) = (bench::machine_identity(), examples::captured_on(root));
    let on_capturing_machine = captured.as_deref() == Some(here.as_str());
    let mut not_reverified = Vec::new();
    let mut problems = Vec::new();
    if captured.is_none() && !machine_dependent.is_empty() {
        // Without it every machine-dependent output would pass as "not re-verified".
        problems.push(format!(
            "{} is missing: it names the machine that printed the machine-dependent outputs",
            examples::CAPTURED_ON
        ));
    }
    let scratch = root.join("target/xtask-check");
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    let fresh = OutputDirs {
        generated: scratch.join("generated"),
        figures: scratch.join("figures"),
    };
    examples::generate(root, &chapters, &fresh)?;
    let destinations = reference::Destinations {
        generated: fresh.generated.clone(),
        fixtures: Some(scratch.join("fixtures")),
        only: Vec::new(),
    };
    let reference = reference::generate(root, &destinations)?;
    for chapter in &chapters {
        for (new, committed) in [(&fresh.generated, "generated"), (&fresh.figures, "figures")] {
            let committed = src.join(committed).join(chapter);
            let found =
                examples::compare_dirs(&new.join(chapter), &committed, root, &machine_dependent)?;
            problems.extend(found.problems);
            for shown in found.machine_dependent {
                if on_capturing_machine {
                    problems.push(format!(
                        "{shown} is stale (its digits depend on the machine, and this is the \
                         machine that printed it: {here})"
                    ));
                } else {
                    not_reverified.push(shown);
                }
            }
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
    check_sources(root)?;
    exercises::check_starters(root)?;
    let build = scratch.join("site");
    build_site(root, &build)?;
    report("links", checks::check_site(&build)?)?;
    let up_to_date = "includes, anchors, listings and links are up to date";
    match &reference.reason {
        None => eprintln!("outputs, figures, fixtures, {up_to_date}"),
        Some(why) => eprintln!(
            "outputs, figures, {up_to_date}; {} NumPy listings and fixtures were NOT \
             re-verified ({why})",
            reference.not_verified
        ),
    }
    let captured = captured.unwrap_or_else(|| "an unrecorded machine".to_owned());
    for shown in &not_reverified {
        eprintln!(
            "note: {shown} was printed on {captured}, and its digits depend on the machine: \
             captured there, not re-verified on this one ({here})"
        );
    }
    Ok(reference.not_verified + not_reverified.len())
}

/// The `cargo` command written out in `line`, to run in the workspace root.
fn cargo(root: &Path, line: &str) -> Command {
    let mut cmd = util::cargo();
    cmd.current_dir(root).args(line.split_whitespace().skip(1));
    cmd
}

fn test(root: &Path) -> Result<()> {
    let fmt = "cargo fmt --all --check";
    util::run_step(fmt, &mut cargo(root, fmt))
        .context("rustfmt would change the code (the diff is above): run `cargo fmt --all`")?;
    let clippy = "cargo clippy --workspace --all-targets --release -- -D warnings";
    util::run_step(clippy, &mut cargo(root, clippy)).context(
        "clippy found problems, listed above (lints: `[workspace.lints]` of Cargo.toml)",
    )?;
    // Chapter 13's GPU code sits behind its `cuda` feature, which no other build turns on:
    // lint it here (cudarc loads CUDA at run time, so this compiles without CUDA).
    let cuda = "cargo clippy --release -p chapter13 --features cuda --all-targets -- -D warnings";
    util::run_step(cuda, &mut cargo(root, cuda))
        .context("clippy found problems in chapter 13's `cuda` feature, listed above")?;
    let not_verified = check(root)?;
    let searches = browser::searches(&chapters::registry(root)?);
    let browser = browser::run(
        &root.join("book"),
        &root.join("target/xtask-check/site"),
        &searches,
    )?;
    let mut totals = util::TestCounts::default();
    for (line, note) in [
        (
            "cargo test --workspace --release --all-targets",
            " (benchmarks run once, in test mode)",
        ),
        ("cargo test --workspace --release --doc", ""),
    ] {
        totals.add(&util::run_tests(
            &format!("{line}{note}"),
            &mut cargo(root, line),
        )?);
    }
    // Chapter 13's extension module, built and installed by the check above (it runs the
    // NumPy listings, which import it), tested from Python against NumPy.
    let python_skipped = match python::prepare(root) {
        Ok(python) => {
            let test = format!("{}/tests/test_ext.py", python::EXTENSION);
            totals.add(&util::run_tests(
                &format!("python {test} (the extension module, against NumPy)"),
                Command::new(python)
                    .arg(&test)
                    .current_dir(root)
                    .envs(util::PINNED_THREADS.map(|k| (k, "1"))),
            )?);
            0
        }
        Err(reason) => {
            println!("note: the extension module's Python test skipped: {reason}");
            1
        }
    };
    if not_verified > 0 {
        println!(
            "note: {not_verified} outputs, NumPy listings or fixtures were not re-verified \
             (see the notes of the check above): counted as skipped"
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
    let skipped = totals.ignored + not_verified as u64 + browser_skipped + python_skipped;
    println!(
        "summary: {} passed, {} failed, {skipped} skipped",
        totals.passed, totals.failed
    );
    if totals.failed > 0 {
        bail!("{} test(s) failed", totals.failed);
    }
    Ok(())
}

/// Builds the site into `book/build/` and prints its PDF there.
fn site_and_pdf(root: &Path) -> Result<PathBuf> {
    let build = root.join("book/build");
    build_site(root, &build)?;
    pdf::print(&build)?;
    Ok(build)
}

fn pdf(root: &Path) -> Result<()> {
    let build = site_and_pdf(root)?;
    report("links", checks::check_site_complete(&build)?)
}

fn browser_tests(root: &Path) -> Result<()> {
    cdp::find_chromium()?;
    // The PDF too, so that book/build is the whole site.
    let build = site_and_pdf(root)?;
    let searches = browser::searches(&chapters::registry(root)?);
    match browser::run(&root.join("book"), &build, &searches)? {
        browser::Outcome::Passed => Ok(()),
        browser::Outcome::Skipped(why) => bail!("browser tests skipped: {why}"),
    }
}
