//! `cargo xtask bench [chapterNN ...] [--quick] [--threads N] [--no-numpy]`: runs the
//! chapters' criterion benchmarks and their NumPy counterparts in one run and writes the
//! book's performance tables.
//!
//! 1. Prepares NumPy: a virtual environment in `target/py-venv` with the versions pinned in
//!    `xtask/requirements.txt` (`numpy.rs`). Without Python the Rust side still runs and
//!    the tables say NumPy was not measured.
//! 2. Builds every benchmark (release) and `machine-limits` first, so nothing compiles
//!    between measurements.
//! 3. Measures this machine's limits: peak f64 GFLOP/s (OpenBLAS dgemm) and memory bandwidth
//!    (a STREAM-style triad), with `crates/machine-limits` (`machine.rs`).
//! 4. For each chapter and each bench file: the criterion bench (`criterion.rs`, a progress
//!    line per benchmark), then at once its NumPy script `benches/<bench>.py`, with the same
//!    thread count pinned on both sides (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`,
//!    `MKL_NUM_THREADS`, `RAYON_NUM_THREADS`).
//! 5. Writes `book/src/generated/benchmarks/chapterNN.md` (`table.rs`), `machine.md`, the
//!    index `chapters.md` the Benchmarks page includes, and one SVG bar chart per chapter in
//!    `book/src/figures/benchmarks/` (`chart.rs`).

mod chart;
mod criterion;
mod machine;
mod numpy;
mod table;

use std::fs;
use std::path::Path;
use std::time::{Instant, SystemTime};

use anyhow::{Context as _, Result, bail};

use crate::util;
use table::{BenchFile, Context, Limits, NumpyStatus, RunNote, format_ratio, format_time};

const USAGE: &str = "usage: cargo xtask bench [chapterNN ...] [--quick] [--threads N] [--no-numpy]

  chapterNN ...   the chapters to measure (default: every chapter with benchmarks)
  --quick         criterion's --quick mode and fewer NumPy repeats: a check, not the book's numbers
  --threads N     threads for BLAS, OpenMP and rayon on both sides (default 1)
  --no-numpy      measure only the Rust side";

/// What the command line asked for.
#[derive(Debug, PartialEq)]
struct Options {
    chapters: Vec<String>,
    quick: bool,
    threads: usize,
    numpy: bool,
}

fn parse_args(args: &[String], known: &[String]) -> Result<Options> {
    let mut options = Options {
        chapters: Vec::new(),
        quick: false,
        threads: 1,
        numpy: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--no-numpy" => options.numpy = false,
            "--threads" => {
                let value = args.next().map(String::as_str).unwrap_or_default();
                options.threads = parse_threads(value)?;
            }
            s if s.starts_with("--threads=") => {
                options.threads = parse_threads(&s["--threads=".len()..])?;
            }
            "-h" | "--help" => bail!("{USAGE}"),
            s if known.iter().any(|k| k == s) => {
                if !options.chapters.iter().any(|c| c == s) {
                    options.chapters.push(s.to_owned());
                }
            }
            s => bail!(
                "unknown argument `{s}` (chapters here: {})\n{USAGE}",
                known.join(", ")
            ),
        }
    }
    if options.chapters.is_empty() {
        options.chapters = known.to_vec();
    }
    Ok(options)
}

fn parse_threads(value: &str) -> Result<usize> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => bail!("--threads needs a whole number of at least 1, got `{value}`"),
    }
}

/// The variables that pin the thread count of every BLAS, OpenMP and rayon pool.
fn thread_env(threads: usize) -> Vec<(String, String)> {
    [
        "OPENBLAS_NUM_THREADS",
        "OMP_NUM_THREADS",
        "MKL_NUM_THREADS",
        "RAYON_NUM_THREADS",
        "VECLIB_MAXIMUM_THREADS",
        "NUMEXPR_NUM_THREADS",
    ]
    .iter()
    .map(|k| ((*k).to_owned(), threads.to_string()))
    .collect()
}

/// One bench file of one chapter, and how this run measures it.
pub struct Job<'a> {
    pub root: &'a Path,
    pub chapter: &'a str,
    pub bench: &'a str,
    pub quick: bool,
    /// The thread-pinning variables, set for every process the job starts.
    pub env: &'a [(String, String)],
    pub clock: &'a Clock,
}

/// Time since the run started, for the progress lines.
pub struct Clock(Instant);

impl Clock {
    pub fn stamp(&self) -> String {
        let s = self.0.elapsed().as_secs();
        format!("[{}:{:02}]", s / 60, s % 60)
    }
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let options = parse_args(args, &util::chapters(root)?)?;
    let clock = Clock(Instant::now());
    let command = if args.is_empty() {
        "cargo xtask bench".to_owned()
    } else {
        format!("cargo xtask bench {}", args.join(" "))
    };
    let workspace = criterion::Workspace::load(root)?;
    let mut plans = Vec::new();
    for chapter in &options.chapters {
        match workspace.packages.get(chapter) {
            Some(p) if !p.benches.is_empty() => plans.push((chapter.clone(), p.clone())),
            _ => eprintln!(
                "{chapter}: no benchmarks (no [[bench]] target in crates/{chapter}), skipped"
            ),
        }
    }
    if plans.is_empty() {
        eprintln!("no benchmarks to run");
        return Ok(());
    }
    let threads = options.threads;
    let env = thread_env(threads);
    let plural = if threads == 1 { "" } else { "s" };
    eprintln!(
        "==> {threads} thread{plural} on both sides (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, \
         MKL_NUM_THREADS, RAYON_NUM_THREADS = {threads}){}",
        if options.quick { ", quick run" } else { "" }
    );

    let python = if options.numpy {
        numpy::prepare(root, &env)
    } else {
        Err("switched off with --no-numpy".to_owned())
    };
    match &python {
        Ok(p) => {
            eprintln!(
                "    NumPy {} (Python {}), BLAS: {}",
                p.numpy_version, p.python_version, p.blas
            );
            if p.blas_threads.is_some_and(|n| n != threads) {
                eprintln!("    warning: NumPy's BLAS did not take the thread count {threads}");
            }
        }
        Err(why) => eprintln!("    NumPy will not be measured: {why}"),
    }

    // Build everything first, so that nothing compiles between measurements.
    let mut build = util::cargo();
    build
        .current_dir(root)
        .args(["bench", "--no-run", "--benches"]);
    for (chapter, _) in &plans {
        build.args(["-p", chapter]);
    }
    util::run_step("building the benchmarks (release)", &mut build)?;
    util::run_step(
        "building machine-limits (release)",
        util::cargo()
            .current_dir(root)
            .args(["build", "--release", "-p", "machine-limits"]),
    )?;

    let machine = machine::describe(root);
    eprintln!(
        "==> {} measuring this machine's limits: f64 dgemm through OpenBLAS, triad in Rust",
        clock.stamp()
    );
    let limits = machine::measure_limits(root, options.quick, threads, &machine, &env)?;
    eprintln!(
        "    peak {:.1} GFLOP/s (dgemm {n}x{n}), memory bandwidth {:.1} GB/s (triad, {} MiB arrays)",
        limits.peak_gflops,
        limits.bandwidth_gbs,
        (limits.triad_len * 8) >> 20,
        n = limits.gemm_n
    );
    if limits.openblas_threads != threads {
        eprintln!(
            "    warning: OpenBLAS runs {} threads, not {threads}",
            limits.openblas_threads
        );
    }

    let scratch = root.join("target/xtask-bench");
    if scratch.exists() {
        fs::remove_dir_all(&scratch).with_context(|| format!("clearing {}", scratch.display()))?;
    }
    fs::create_dir_all(&scratch)?;
    let date = machine::utc_date(SystemTime::now());
    let generated = root.join("book/src/generated/benchmarks");
    let figures = root.join("book/src/figures/benchmarks");
    fs::create_dir_all(&generated)?;
    let numpy_note = match &python {
        Ok(p) => format!("NumPy {} (Python {})", p.numpy_version, p.python_version),
        Err(why) => format!("NumPy not measured ({why})"),
    };
    let machine_summary = machine.summary();
    let mut problems = Vec::new();

    for (chapter, package) in &plans {
        let mut files = Vec::new();
        for bench in &package.benches {
            let job = Job {
                root,
                chapter,
                bench,
                quick: options.quick,
                env: &env,
                clock: &clock,
            };
            let ids = criterion::list(&job)?;
            eprintln!(
                "==> {} {chapter}/{bench}: {} criterion benchmarks{}",
                clock.stamp(),
                ids.len(),
                if options.quick { " (--quick)" } else { "" }
            );
            let home = scratch.join(chapter).join(bench);
            let log = scratch.join(format!("{chapter}-{bench}.log"));
            criterion::run(&job, &ids, &home, &log)?;
            let rust = criterion::read_results(&home, &ids)?;
            let (numpy_results, numpy_status) =
                measure_numpy(&job, &package.dir, &python, &mut problems);
            files.push(BenchFile {
                name: bench.clone(),
                rust,
                numpy: numpy_results,
                numpy_status,
            });
        }
        let ctx = Context {
            limits: Some(Limits {
                peak_gflops: limits.peak_gflops,
                bandwidth_gbs: limits.bandwidth_gbs,
                llc_bytes: machine.llc_bytes,
            }),
            flop_groups: &package.flop_groups,
        };
        let note = RunNote {
            command: &command,
            date: &date,
            quick: options.quick,
            threads,
            machine: &machine_summary,
            rustc: &machine.rustc,
            numpy: &numpy_note,
        };
        let table_path = generated.join(format!("{chapter}.md"));
        fs::write(&table_path, table::render_chapter(&files, &ctx, &note))
            .with_context(|| format!("writing {}", table_path.display()))?;
        let chart_path = figures.join(format!("{chapter}.svg"));
        chart::draw(
            &chart_path,
            &format!(
                "{chapter}: median time per call, {threads} thread{plural}{}",
                if options.quick { ", quick run" } else { "" }
            ),
            &chart::bars(&files),
        )?;
        eprintln!(
            "==> {} {chapter}: NumPy / Rust (above 1: Rust is faster)",
            clock.stamp()
        );
        for row in table::rows(&files, &ctx) {
            eprintln!(
                "    {:<40} Rust {:>9}  NumPy {:>14}  {}",
                format!("{} {} {}", row.group, row.size, row.implementation),
                format_time(row.rust_s),
                row.numpy_s
                    .map_or_else(|| row.numpy_missing.clone(), format_time),
                row.ratio().map_or_else(String::new, format_ratio)
            );
        }
        eprintln!(
            "    wrote {} and {}",
            shown(root, &table_path),
            shown(root, &chart_path)
        );
    }

    let machine_md = generated.join("machine.md");
    fs::write(
        &machine_md,
        machine::render(&machine::MachineReport {
            machine: &machine,
            limits: &limits,
            python: python.as_ref().map_err(String::as_str),
            threads,
            date: &date,
            command: &command,
            quick: options.quick,
        }),
    )?;
    let index = generated.join("chapters.md");
    fs::write(&index, render_index(&generated, &figures, &workspace)?)?;
    eprintln!(
        "    wrote {} and {}",
        shown(root, &machine_md),
        shown(root, &index)
    );
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("  {p}");
        }
        bail!("{} NumPy script(s) failed, listed above", problems.len());
    }
    Ok(())
}

/// Runs the NumPy script of one bench file right after its criterion run, when there is one
/// and Python is ready. A failing script is recorded in `problems` (the run goes on, so the
/// Rust numbers are not lost) and makes the command fail at the end.
fn measure_numpy(
    job: &Job,
    chapter_dir: &Path,
    python: &std::result::Result<numpy::Python, String>,
    problems: &mut Vec<String>,
) -> (Vec<table::Measurement>, NumpyStatus) {
    let (root, chapter, bench, quick) = (job.root, job.chapter, job.bench, job.quick);
    let Some(script) = numpy::script(chapter_dir, bench) else {
        eprintln!("    {chapter}/{bench}: no benches/{bench}.py, so no NumPy column");
        return (Vec::new(), NumpyStatus::NoScript);
    };
    let python = match python {
        Ok(p) => p,
        Err(why) => return (Vec::new(), NumpyStatus::NotMeasured(why.clone())),
    };
    let script = script.strip_prefix(root).unwrap_or(&script).to_path_buf();
    eprintln!(
        "==> {} {chapter}/{bench}: NumPy, python {}{}",
        job.clock.stamp(),
        script.display(),
        if quick { " --quick" } else { "" }
    );
    match numpy::run(python, root, &script, quick, job.env) {
        Ok(run) => {
            let n = run.results.len();
            for (i, m) in run.results.iter().enumerate() {
                eprintln!(
                    "  {} {chapter}/{bench} [{}/{n}] {}: {}",
                    job.clock.stamp(),
                    i + 1,
                    m.id(),
                    format_time(m.median_s)
                );
            }
            (run.results, NumpyStatus::Measured)
        }
        Err(e) => {
            problems.push(format!("{chapter}/{bench}: {e:#}"));
            (
                Vec::new(),
                NumpyStatus::Failed(format!("`python {}` failed", script.display())),
            )
        }
    }
}

fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// `chapters.md`: every chapter table in `generated` (from this run or an earlier one) under
/// a heading, with its chart; the Benchmarks page includes it.
fn render_index(
    generated: &Path,
    figures: &Path,
    workspace: &criterion::Workspace,
) -> Result<String> {
    let mut chapters: Vec<String> = fs::read_dir(generated)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".md")?;
            (stem.starts_with("chapter") && stem[7..].chars().all(|c| c.is_ascii_digit()))
                .then(|| stem.to_owned())
        })
        .collect();
    chapters.sort();
    let titles: Vec<(String, String, bool)> = chapters
        .into_iter()
        .map(|chapter| {
            let title = workspace
                .packages
                .get(&chapter)
                .map(|p| {
                    p.description
                        .split(" (")
                        .next()
                        .unwrap_or_default()
                        .to_owned()
                })
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| chapter.clone());
            let has_chart = figures.join(format!("{chapter}.svg")).is_file();
            (chapter, title, has_chart)
        })
        .collect();
    Ok(index_markdown(&titles))
}

/// The index text for (chapter, title, has a chart) triples.
fn index_markdown(chapters: &[(String, String, bool)]) -> String {
    if chapters.is_empty() {
        return "No chapter has been measured yet: run `cargo xtask bench`.\n".to_owned();
    }
    let mut md = String::new();
    for (chapter, title, has_chart) in chapters {
        md.push_str(&format!("### {title}\n\n{{{{#include {chapter}.md}}}}\n\n"));
        if *has_chart {
            md.push_str(&format!(
                "![Median time per call of every {chapter} benchmark: Rust, NumPy and pure Python \
                 side by side on a logarithmic axis](figures/benchmarks/{chapter}.svg)\n\n"
            ));
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        vec!["chapter01".into(), "chapter02".into()]
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments_select_chapters_mode_and_threads() {
        let o = parse_args(&args(&["chapter02", "--quick", "--threads", "4"]), &known()).unwrap();
        assert_eq!(
            o,
            Options {
                chapters: vec!["chapter02".into()],
                quick: true,
                threads: 4,
                numpy: true,
            }
        );
        let o = parse_args(&args(&["--threads=2", "--no-numpy"]), &known()).unwrap();
        assert_eq!(o.chapters, known());
        assert_eq!(o.threads, 2);
        assert!(!o.numpy);
        assert!(!o.quick);
        let o = parse_args(&args(&["chapter01", "chapter01"]), &known()).unwrap();
        assert_eq!(o.chapters, ["chapter01"]);
        for bad in [
            &["chapter99"][..],
            &["--threads", "0"],
            &["--threads"],
            &["--fast"],
        ] {
            assert!(parse_args(&args(bad), &known()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_thread_pool_gets_the_same_count() {
        let env = thread_env(3);
        assert!(env.iter().all(|(_, v)| v == "3"));
        for k in [
            "OPENBLAS_NUM_THREADS",
            "OMP_NUM_THREADS",
            "MKL_NUM_THREADS",
            "RAYON_NUM_THREADS",
        ] {
            assert!(env.iter().any(|(key, _)| key == k), "{k}");
        }
    }

    #[test]
    fn the_index_includes_each_table_and_its_chart() {
        let md = index_markdown(&[
            ("chapter01".into(), "Chapter 1: arrays".into(), true),
            ("chapter04".into(), "chapter04".into(), false),
        ]);
        assert!(md.starts_with("### Chapter 1: arrays\n\n{{#include chapter01.md}}\n\n![Median"));
        assert!(md.contains("](figures/benchmarks/chapter01.svg)"));
        assert!(md.contains("### chapter04\n\n{{#include chapter04.md}}\n\n"));
        assert!(!md.contains("chapter04.svg"));
        assert!(index_markdown(&[]).contains("cargo xtask bench"));
    }
}
