//! `cargo xtask bench [chapterNN ...] [--quick] [--threads N] [--no-numpy] [--target-cpu CPU]
//! [--rust-env KEY=VALUE]`:
//! runs the chapters' criterion benchmarks and their NumPy counterparts in one run and writes
//! the book's performance tables.
//!
//! 1. Prepares NumPy: a virtual environment in `target/py-venv` with the versions pinned in
//!    `xtask/requirements.txt` (`numpy.rs`). Without Python the Rust side still runs and
//!    the tables say NumPy was not measured.
//! 2. Builds every benchmark (release) and `machine-limits` first, so nothing compiles
//!    between measurements.
//! 3. Measures this machine's limits: peak f64 GFLOP/s (OpenBLAS dgemm) and memory bandwidth
//!    (a STREAM-style triad), with `crates/machine-limits` (`machine.rs`).
//! 4. For each chapter and each bench file, in interleaved rounds (3; 1 with `--quick`): the
//!    criterion bench (`criterion.rs`, a progress line per benchmark), then at once its NumPy
//!    script `benches/<bench>.py`, warmed up about as long as criterion warms up, with the
//!    same thread count pinned on both sides (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`,
//!    `MKL_NUM_THREADS`, `RAYON_NUM_THREADS`). Rust's median is the median of the rounds'
//!    medians, its spread the union of criterion's confidence intervals; NumPy's median and
//!    interquartile range come from every timed run of every round.
//! 5. Writes `book/src/generated/benchmarks/chapterNN.md` (`table.rs`), `machine.md`, the
//!    index `chapters.md` the Benchmarks page includes, and one SVG bar chart per chapter in
//!    `book/src/figures/benchmarks/` (`chart.rs`). With `--target-cpu CPU` the Rust code is
//!    compiled with `-C target-cpu=CPU` (in its own target folder); with `--threads N` (N > 1)
//!    both sides run N threads; with `--rust-env KEY=VALUE` the Rust processes alone see that
//!    variable (e.g. `OPENBLAS_CORETYPE=SkylakeX`, to choose OpenBLAS's kernels). Such a variant
//!    run writes its table as `chapterNN-<variant>.md` (e.g. `chapter01-x86-64-v3.md`,
//!    `chapter04-2threads.md`), with a column comparing it with the default run, and leaves the
//!    default run's tables, charts and `machine.md` as they are.

mod chart;
mod criterion;
mod machine;
mod numpy;
mod table;

/// What the book's quotes of the tables need to read them back (`book::quotes`).
pub use machine::identity as machine_identity;
pub use table::{NUMPY_BEST, NUMPY_IDIOMATIC, format_ratio};

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

use anyhow::{Context as _, Result, bail};

use crate::chapters::{self, Chapter};
use crate::util;
use machine::{Machine, MeasuredLimits};
use numpy::Python;
use table::{BenchFile, Context, Measurement, NumpyStatus, Spread, format_time};

/// Interleaved rounds of a full run: Rust, NumPy, Rust, NumPy, ...
const ROUNDS: usize = 3;
/// Where criterion writes and its output is logged, cleared at the start of each run.
const SCRATCH: &str = "target/xtask-bench";

/// `cargo xtask bench`: runs the benchmarks next to NumPy and writes the book's performance
/// tables.
#[derive(Debug, PartialEq, clap::Parser)]
#[command(
    name = "cargo xtask bench",
    after_help = "A run with --target-cpu, --rust-env or more than one thread is a variant: its \
                  tables are written as chapterNN-<variant>.md next to the default run's, which \
                  stay as they are."
)]
struct Options {
    /// The chapters to measure (default: every chapter with benchmarks)
    #[arg(value_name = "chapterNN")]
    chapters: Vec<String>,
    /// One round, criterion's --quick mode and fewer NumPy repeats: a check, not the book's
    /// numbers
    #[arg(long)]
    quick: bool,
    /// Threads for BLAS, OpenMP and rayon on both sides
    #[arg(long, value_name = "N", default_value = "1", value_parser = parse_threads)]
    threads: usize,
    /// Measure only the Rust side
    #[arg(long = "no-numpy", action = clap::ArgAction::SetFalse)]
    numpy: bool,
    /// Compile the Rust code with -C target-cpu=CPU (e.g. x86-64-v3, native)
    #[arg(long, value_name = "CPU")]
    target_cpu: Option<String>,
    /// Set the variable K to V for the Rust processes only (repeatable), e.g.
    /// OPENBLAS_CORETYPE=SkylakeX to choose the system OpenBLAS's kernels
    #[arg(long, value_name = "K=V", value_parser = parse_variable)]
    rust_env: Vec<(String, String)>,
}

impl Options {
    /// The file-name suffix of a variant run (`""` for the default run): `-x86-64-v3`,
    /// `-2threads`, `-openblas-coretype-skylakex`, joined in that order.
    fn suffix(&self) -> String {
        let slug = |text: &str| -> String {
            text.to_ascii_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect()
        };
        let mut suffix = String::new();
        if let Some(cpu) = &self.target_cpu {
            suffix += &format!("-{}", slug(cpu));
        }
        if self.threads != 1 {
            suffix += &format!("-{}threads", self.threads);
        }
        for (key, value) in &self.rust_env {
            suffix += &format!("-{}-{}", slug(key), slug(value));
        }
        suffix
    }
}

/// The options of `args` (what follows `cargo xtask bench`), with the chapters checked against
/// the `known` ones, each named once, and every known one when none is.
fn parse_args(args: &[String], known: &[String]) -> Result<Options, clap::Error> {
    use clap::{CommandFactory, Parser};
    let words = std::iter::once("cargo xtask bench").chain(args.iter().map(String::as_str));
    let mut options = Options::try_parse_from(words)?;
    if let Some(unknown) = options.chapters.iter().find(|c| !known.contains(c)) {
        let message = format!(
            "unknown chapter `{unknown}` (chapters here: {})",
            known.join(", ")
        );
        return Err(Options::command().error(clap::error::ErrorKind::InvalidValue, message));
    }
    options.chapters.sort();
    options.chapters.dedup();
    if options.chapters.is_empty() {
        options.chapters = known.to_vec();
    }
    Ok(options)
}

fn parse_threads(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("needs a whole number of at least 1, got `{value}`")),
    }
}

/// `KEY=VALUE`, with a key made of letters, digits and `_`.
fn parse_variable(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value))
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
        {
            Ok((key.to_owned(), value.to_owned()))
        }
        _ => Err("needs KEY=VALUE, e.g. OPENBLAS_CORETYPE=SkylakeX".to_owned()),
    }
}

/// The variables that pin the thread count of every BLAS, OpenMP and rayon pool.
fn thread_env(threads: usize) -> Vec<(String, String)> {
    util::PINNED_THREADS
        .map(|var| (var.to_owned(), threads.to_string()))
        .to_vec()
}

/// Everything a run knows once it has measured the machine: what every process it starts
/// gets, and what the tables' notes and `machine.md` state.
struct Run {
    root: PathBuf,
    options: Options,
    /// The command that measures, e.g. `cargo xtask bench chapter01 --quick`.
    command: String,
    /// Today, in UTC.
    date: String,
    started: Instant,
    /// The thread-pinning variables (and a `--target-cpu` build's), for every process.
    env: Vec<(String, String)>,
    /// `env` and the `--rust-env` variables: for the Rust processes.
    rust_env: Vec<(String, String)>,
    machine: Machine,
    /// What [`machine::rust_simd`] says of this run's build.
    rust_simd: String,
    limits: MeasuredLimits,
    /// The NumPy side, or why it is not measured.
    python: Result<Python, String>,
}

impl Run {
    fn rounds(&self) -> usize {
        if self.options.quick { 1 } else { ROUNDS }
    }

    /// A variant run (see [`Options::suffix`]) writes tables only, next to the default run's.
    fn is_variant(&self) -> bool {
        !self.options.suffix().is_empty()
    }

    /// `path` relative to the workspace root, for messages.
    fn shown(&self, path: &Path) -> String {
        let path = path.strip_prefix(&self.root).unwrap_or(path);
        path.display().to_string()
    }
}

/// Time since the run started, for the progress lines.
fn stamp(started: Instant) -> String {
    let s = started.elapsed().as_secs();
    format!("[{}:{:02}]", s / 60, s % 60)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Runs `cmd` with its stderr shown and returns its stdout; fails, naming `what`, when it
/// does not start or does not succeed.
fn stdout_of(what: &str, cmd: &mut Command) -> Result<String> {
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running {what}"))?;
    if !out.status.success() {
        bail!("{what} failed ({})", out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let registry = chapters::registry(root)?;
    let options = parse_args(args, &chapters::names(&registry)).unwrap_or_else(|e| e.exit());
    let started = Instant::now();
    let mut plans = Vec::new();
    for chapter in &options.chapters {
        match registry.iter().find(|c| c.name == *chapter) {
            Some(p) if !p.benches.is_empty() => plans.push((chapter.clone(), p)),
            _ => eprintln!(
                "{chapter}: no benchmarks (no [[bench]] target in crates/{chapter}), skipped"
            ),
        }
    }
    if plans.is_empty() {
        eprintln!("no benchmarks to run");
        return Ok(());
    }
    let (threads, quick) = (options.threads, options.quick);
    let mut env = thread_env(threads);
    let rustflags = options.target_cpu.as_ref().map(|cpu| {
        // Its own target folder, so the default build stays as it is.
        let dir = root.join("target").join(format!("bench-{cpu}"));
        env.push(("RUSTFLAGS".into(), format!("-C target-cpu={cpu}")));
        env.push(("CARGO_TARGET_DIR".into(), dir.display().to_string()));
        format!("-C target-cpu={cpu}")
    });
    let rust_simd = machine::rust_simd(root, rustflags.as_deref());
    let plural = plural(threads);
    let quick_run = if quick { ", quick run" } else { "" };
    eprintln!(
        "==> {threads} thread{plural} on both sides (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, \
         MKL_NUM_THREADS, RAYON_NUM_THREADS = {threads}){quick_run}"
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
        .envs(env.iter().map(|(k, v)| (k, v)))
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
        "==> {} measuring this machine's limits: an FMA kernel, f64 dgemm through OpenBLAS, \
         triad in Rust",
        stamp(started)
    );
    let rust_env: Vec<_> = env.iter().chain(&options.rust_env).cloned().collect();
    let limits = machine::measure_limits(root, quick, threads, &machine, &rust_env)?;
    eprintln!("    {}", limits.summary());
    if limits.openblas_threads != threads {
        eprintln!(
            "    warning: OpenBLAS runs {} threads, not {threads}",
            limits.openblas_threads
        );
    }
    let run = Run {
        root: root.to_owned(),
        command: ["cargo xtask bench"]
            .into_iter()
            .chain(args.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" "),
        date: machine::utc_date(SystemTime::now()),
        options,
        started,
        env,
        rust_env,
        machine,
        rust_simd,
        limits,
        python,
    };

    let scratch = root.join(SCRATCH);
    if scratch.exists() {
        fs::remove_dir_all(&scratch).with_context(|| format!("clearing {}", scratch.display()))?;
    }
    let generated = root.join("book/src/generated/benchmarks");
    let figures = root.join("book/src/figures/benchmarks");
    fs::create_dir_all(&scratch)?;
    fs::create_dir_all(&generated)?;
    let mut problems = Vec::new();
    for (chapter, package) in &plans {
        let files = package
            .benches
            .iter()
            .map(|bench| measure_file(&run, chapter, bench, &package.dir, &mut problems))
            .collect::<Result<Vec<_>>>()?;
        let default_build = default_build(&run, chapter, &files)?;
        let ctx = Context {
            limits: Some(&run.limits),
            llc_bytes: run.machine.llc_bytes,
            flop_groups: &package.flop_groups,
            default_build: default_build.as_ref(),
        };
        let table_path = generated.join(format!("{chapter}{}.md", run.options.suffix()));
        fs::write(&table_path, table::render_chapter(&files, &ctx, &run))
            .with_context(|| format!("writing {}", table_path.display()))?;
        // The chart shows the book's default run; a variant run is a table only.
        let chart_path = figures.join(format!("{chapter}.svg"));
        if !run.is_variant() {
            let title = format!("{chapter}: median time per call, {threads} thread{plural}");
            chart::draw(&chart_path, &(title + quick_run), &chart::bars(&files))?;
        }
        eprintln!(
            "==> {} {chapter}: idiomatic NumPy / row and best NumPy / row (above 1: the row is \
             faster)",
            stamp(run.started)
        );
        for row in table::rows(&files, &ctx) {
            eprintln!(
                "    {:<44} {:>9}  {:>8}  {:>8}",
                format!("{} {} {}", row.m.group, row.m.size, row.m.label()),
                format_time(row.m.median_s),
                table::ratio_cell(&row.vs_idiomatic),
                table::ratio_cell(&row.vs_best),
            );
        }
        eprintln!("    wrote {}", run.shown(&table_path));
        if !run.is_variant() {
            eprintln!("    wrote {}", run.shown(&chart_path));
        }
    }

    // A variant run leaves the default run's machine description and index as they are; its
    // table's note gives this run's limits.
    if !run.is_variant() {
        let machine_md = generated.join("machine.md");
        fs::write(&machine_md, machine::render(&run))?;
        let index = generated.join("chapters.md");
        fs::write(&index, render_index(&generated, &figures, &registry)?)?;
        eprintln!(
            "    wrote {} and {}",
            run.shown(&machine_md),
            run.shown(&index)
        );
    }
    for p in &problems {
        eprintln!("  {p}");
    }
    if !problems.is_empty() {
        bail!("{} NumPy script(s) failed, listed above", problems.len());
    }
    Ok(())
}

/// The default run's medians, by id: a default run keeps its own for a later variant run to
/// compare, a variant run reads them (empty when there are none).
fn default_build(
    run: &Run,
    chapter: &str,
    files: &[BenchFile],
) -> Result<Option<BTreeMap<String, f64>>> {
    let path = run
        .root
        .join(format!("target/bench-results/{chapter}.json"));
    if !run.is_variant() {
        let medians: BTreeMap<String, f64> = files
            .iter()
            .flat_map(|f| &f.measurements)
            .map(|m| (m.id(), m.median_s))
            .collect();
        fs::create_dir_all(path.parent().expect("a file in target/bench-results"))?;
        fs::write(&path, serde_json::to_string_pretty(&medians)?)?;
        return Ok(None);
    }
    let read = fs::read_to_string(&path).ok();
    let parsed = read.and_then(|text| serde_json::from_str(&text).ok());
    if parsed.is_none() {
        eprintln!(
            "    no default-build results in {}: run `cargo xtask bench {chapter}` first for \
             the \"vs default build\" column",
            run.shown(&path)
        );
    }
    Ok(Some(parsed.unwrap_or_default()))
}

/// Measures one bench file in interleaved rounds: criterion, then at once the NumPy script,
/// then criterion again... A failing script is recorded in `problems` (the run goes on, so
/// the Rust numbers are not lost) and makes the command fail at the end.
fn measure_file(
    run: &Run,
    chapter: &str,
    bench: &str,
    chapter_dir: &Path,
    problems: &mut Vec<String>,
) -> Result<BenchFile> {
    let (quick, rounds) = (run.options.quick, run.rounds());
    let ids = criterion::list(run, chapter, bench)?;
    let scratch = run.root.join(SCRATCH);
    let script = numpy::script(chapter_dir, bench);
    let mut status = match (&script, &run.python) {
        (None, _) => {
            eprintln!("    {chapter}/{bench}: no benches/{bench}.py, so no NumPy rows");
            NumpyStatus::NoScript
        }
        (Some(_), Err(_)) => NumpyStatus::NotMeasured,
        (Some(_), Ok(_)) => NumpyStatus::Measured,
    };
    let mut rust_rounds = Vec::new();
    let mut timings: Vec<numpy::Timings> = Vec::new();
    for round in 1..=rounds {
        eprintln!(
            "==> {} {chapter}/{bench}, round {round} of {rounds}: {} criterion benchmarks{}",
            stamp(run.started),
            ids.len(),
            if quick { " (--quick)" } else { "" }
        );
        let home = scratch.join(format!("{chapter}/{bench}/round{round}"));
        let log = scratch.join(format!("{chapter}-{bench}-round{round}.log"));
        rust_rounds.push(criterion::run(run, chapter, bench, &ids, &home, &log)?);
        let (Some(script), Ok(python), NumpyStatus::Measured) = (&script, &run.python, &status)
        else {
            continue;
        };
        let script = script.strip_prefix(&run.root).unwrap_or(script);
        eprintln!(
            "==> {} {chapter}/{bench}, round {round} of {rounds}: NumPy, python {}{}",
            stamp(run.started),
            script.display(),
            if quick { " --quick" } else { "" }
        );
        match numpy::run(run, python, script) {
            Ok(timed) => {
                for t in timed {
                    let (median, _, _) = numpy::quartiles(&t.times_s);
                    eprintln!("    {}: median {}", t.id, format_time(median));
                    match timings.iter_mut().find(|u| u.id == t.id) {
                        Some(u) => u.times_s.extend(t.times_s),
                        None => timings.push(t),
                    }
                }
            }
            Err(e) => {
                problems.push(format!("{chapter}/{bench}: {e:#}"));
                status = NumpyStatus::Failed(format!("`python {}` failed", script.display()));
                timings.clear();
            }
        }
    }
    let mut measurements = combine_rounds(&rust_rounds);
    measurements.extend(timings.iter().filter_map(|t| {
        let (group, implementation, size) = Measurement::split_id(&t.id)?;
        let (median_s, q1, q3) = numpy::quartiles(&t.times_s);
        Some(Measurement {
            // `numpy_*` implementations are NumPy, the others (`python_lists`) pure Python.
            side: if implementation.starts_with("numpy") {
                table::Side::NumPy
            } else {
                table::Side::Python
            },
            group,
            implementation,
            size,
            median_s,
            spread: Some(Spread::Iqr(q1, q3)),
            throughput: None,
        })
    }));
    Ok(BenchFile {
        name: bench.to_owned(),
        measurements,
        numpy_status: status,
    })
}

/// One measurement per benchmark from several criterion rounds (each in the same order): the
/// median of the rounds' medians, and the union of their confidence intervals.
fn combine_rounds(rounds: &[Vec<Measurement>]) -> Vec<Measurement> {
    let Some(first) = rounds.first() else {
        return Vec::new();
    };
    first
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let medians: Vec<f64> = rounds.iter().map(|r| r[i].median_s).collect();
            let (lo, hi) = rounds
                .iter()
                .filter_map(|r| match r[i].spread {
                    Some(Spread::Ci95(lo, hi)) => Some((lo, hi)),
                    _ => None,
                })
                .fold((f64::INFINITY, 0.0_f64), |(a, b), (lo, hi)| {
                    (a.min(lo), b.max(hi))
                });
            Measurement {
                median_s: numpy::quartiles(&medians).0,
                spread: (lo <= hi).then_some(Spread::Ci95(lo, hi)),
                ..m.clone()
            }
        })
        .collect()
}

/// `chapters.md`: every chapter table in `generated` (from this run or an earlier one) under
/// a heading, with its chart; the Benchmarks page includes it.
fn render_index(generated: &Path, figures: &Path, registry: &[Chapter]) -> Result<String> {
    let mut chapters: Vec<(String, String, bool)> = Vec::new();
    for entry in fs::read_dir(generated)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(chapter) = name.strip_suffix(".md") else {
            continue;
        };
        let Some(number) = chapter.strip_prefix("chapter") else {
            continue;
        };
        if number.chars().all(|c| c.is_ascii_digit()) {
            let title = registry.iter().find(|c| c.name == chapter).map_or_else(
                || chapter.to_owned(),
                |c| format!("{}. {}", c.number, c.title),
            );
            let has_chart = figures.join(format!("{chapter}.svg")).is_file();
            chapters.push((chapter.to_owned(), title, has_chart));
        }
    }
    chapters.sort();
    Ok(index_markdown(&chapters))
}

/// The index text for (chapter, title, has a chart) triples.
fn index_markdown(chapters: &[(String, String, bool)]) -> String {
    if chapters.is_empty() {
        return "No chapter has been measured yet: run `cargo xtask bench`.\n".to_owned();
    }
    let mut md = String::new();
    for (chapter, title, has_chart) in chapters {
        md += &format!("### {title}\n\n{{{{#include {chapter}.md}}}}\n\n");
        if *has_chart {
            md += &format!(
                "![Median time per call of every {chapter} benchmark: Rust, NumPy and pure Python \
                 side by side on a logarithmic axis](figures/benchmarks/{chapter}.svg)\n\n"
            );
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run of `cargo xtask bench chapter01 --quick` on a test machine, as the tables' notes
    /// and `machine.md` see it.
    pub(crate) fn run() -> Run {
        Run {
            root: PathBuf::from("/w"),
            options: parse_args(&args(&["chapter01", "--quick"]), &known()).unwrap(),
            command: "cargo xtask bench chapter01 --quick".into(),
            date: "2025-06-01".into(),
            started: Instant::now(),
            env: thread_env(1),
            rust_env: thread_env(1),
            machine: Machine {
                cpu: "Test CPU".into(),
                logical_cpus: 2,
                physical_cores: Some(2),
                simd: vec!["sse2", "avx2"],
                caches: "L1d 48 KiB".into(),
                llc_bytes: Some(48 << 10),
                ram_bytes: Some(8 << 30),
                os: "Debian".into(),
                rustc: "rustc 1.95.0".into(),
            },
            rust_simd: "x86-64 (SSE2)".into(),
            limits: machine::parse_limits(
                r#"{"threads": 2, "openblas_config": "OpenBLAS 0.3.21 DYNAMIC_ARCH SkylakeX", "openblas_threads": 1,
                   "fma": {"kernel": "AVX-512 `vfmadd` (8 f64 lanes)", "chains": 16, "iterations": 40000000, "runs": 3, "best_s": 0.1, "median_s": 0.11, "gflops": 102.4, "median_gflops": 93.1},
                   "gemm": {"n": 2000, "runs": 3, "best_s": 2.06e-1, "median_s": 2.15e-1, "gflops": 77.569, "median_gflops": 74.117},
                   "triad": {"len": 33554432, "runs": 5, "best_s": 6.8e-2, "median_s": 7.8e-2, "gbs": 11.785, "median_gbs": 10.292}}"#,
            )
            .unwrap(),
            python: numpy::parse_describe(
                r#"{"python": "3.11.7", "numpy": "2.4.6", "pools": [{"user_api": "blas",
                "internal_api": "openblas", "num_threads": 1, "prefix": "libscipy_openblas",
                "version": "0.3.31.188.0", "threading_layer": "pthreads", "architecture": "SkylakeX"}],
                "simd": {"baseline": ["SSE", "SSE2", "X86_V2"], "dispatch": ["X86_V3", "X86_V4"]}}"#,
            )
            .map_err(|e| e.to_string()),
        }
    }

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
                target_cpu: None,
                rust_env: Vec::new(),
            }
        );
        assert_eq!(o.suffix(), "-4threads");
        let o = parse_args(&args(&["--target-cpu", "x86-64-v3"]), &known()).unwrap();
        assert_eq!(o.target_cpu.as_deref(), Some("x86-64-v3"));
        assert_eq!(o.suffix(), "-x86-64-v3");
        let o = parse_args(
            &args(&["--rust-env", "OPENBLAS_CORETYPE=SkylakeX", "chapter02"]),
            &known(),
        )
        .unwrap();
        assert_eq!(
            o.rust_env,
            [("OPENBLAS_CORETYPE".into(), "SkylakeX".into())]
        );
        assert_eq!(o.suffix(), "-openblas-coretype-skylakex");
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
            &["--target-cpu"],
            &["--rust-env", "NOEQUALS"],
            &["--rust-env", "=value"],
            &["--rust-env"],
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
    fn rounds_combine_into_the_median_of_medians_and_the_union_of_intervals() {
        use table::{Side, tests::m};
        let round = |median: f64, lo: f64, hi: f64| {
            let mut x = m("g/flat/1", Side::Rust, median);
            x.spread = Some(Spread::Ci95(lo, hi));
            vec![x]
        };
        let combined = combine_rounds(&[
            round(3.0, 2.9, 3.1),
            round(1.0, 0.9, 1.2),
            round(2.0, 1.8, 2.2),
        ]);
        assert_eq!(combined.len(), 1);
        assert_eq!(combined[0].median_s, 2.0);
        assert_eq!(combined[0].spread, Some(Spread::Ci95(0.9, 3.1)));
        assert!(combine_rounds(&[]).is_empty());
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
        // Byte for byte as before the xtask was made shorter.
        assert_eq!(
            md,
            "### Chapter 1: arrays\n\n{{#include chapter01.md}}\n\n![Median time per call of every \
             chapter01 benchmark: Rust, NumPy and pure Python side by side on a logarithmic \
             axis](figures/benchmarks/chapter01.svg)\n\n### chapter04\n\n{{#include chapter04.md}}\n\n"
        );
    }

    #[test]
    fn a_variant_run_is_named_by_its_suffix_and_its_limits_summarised() {
        let mut run = run();
        assert!(!run.is_variant());
        run.options.threads = 2;
        assert!(run.is_variant());
        assert_eq!(
            run.limits.summary(),
            "peak 102.4 GFLOP/s (FMA kernel), dgemm 77.6 GFLOP/s (2000x2000), memory bandwidth \
             11.8 GB/s (triad, 256 MiB arrays)"
        );
    }
}
