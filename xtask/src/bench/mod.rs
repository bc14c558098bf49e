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

use std::fs;
use std::path::Path;
use std::time::{Instant, SystemTime};

use anyhow::{Context as _, Result, bail};

use crate::util;
use table::{BenchFile, Context, Limits, NumpyStatus, RunNote, Spread, format_ratio, format_time};

const USAGE: &str = "usage: cargo xtask bench [chapterNN ...] [--quick] [--threads N] [--no-numpy]
                         [--target-cpu CPU] [--rust-env KEY=VALUE]

  chapterNN ...     the chapters to measure (default: every chapter with benchmarks)
  --quick           one round, criterion's --quick mode and fewer NumPy repeats: a check,
                    not the book's numbers
  --threads N       threads for BLAS, OpenMP and rayon on both sides (default 1)
  --no-numpy        measure only the Rust side
  --target-cpu CPU  compile the Rust code with -C target-cpu=CPU (e.g. x86-64-v3, native)
  --rust-env K=V    set the variable K to V for the Rust processes only (repeatable), e.g.
                    OPENBLAS_CORETYPE=SkylakeX to choose the system OpenBLAS's kernels
  A run with --target-cpu, --rust-env or more than one thread is a variant: its tables are
  written as chapterNN-<variant>.md next to the default run's, which stay as they are.";

/// Interleaved rounds of a full run: Rust, NumPy, Rust, NumPy, ...
const ROUNDS: usize = 3;
/// How long the NumPy script warms each workload up before timing it: as long as the
/// chapters' benches configure criterion's warm-up (`warm_up_time(500 ms)`).
const NUMPY_WARM_UP_S: f64 = 0.5;

/// What the command line asked for.
#[derive(Debug, PartialEq)]
struct Options {
    chapters: Vec<String>,
    quick: bool,
    threads: usize,
    numpy: bool,
    target_cpu: Option<String>,
    /// Variables for the Rust processes only (`--rust-env`).
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

fn parse_args(args: &[String], known: &[String]) -> Result<Options> {
    let mut options = Options {
        chapters: Vec::new(),
        quick: false,
        threads: 1,
        numpy: true,
        target_cpu: None,
        rust_env: Vec::new(),
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
            "--target-cpu" => match args.next() {
                Some(cpu) if !cpu.is_empty() && !cpu.starts_with('-') => {
                    options.target_cpu = Some(cpu.clone());
                }
                _ => bail!("--target-cpu needs a CPU name, e.g. x86-64-v3 or native"),
            },
            "--rust-env" => match args.next().and_then(|kv| kv.split_once('=')) {
                Some((key, value))
                    if !key.is_empty()
                        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    options.rust_env.push((key.to_owned(), value.to_owned()));
                }
                _ => bail!("--rust-env needs KEY=VALUE, e.g. OPENBLAS_CORETYPE=SkylakeX"),
            },
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
    /// Variables for the Rust processes only (`--rust-env`).
    pub rust_env: &'a [(String, String)],
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
    let mut env = thread_env(threads);
    if let Some(cpu) = &options.target_cpu {
        // Its own target folder, so the default build stays as it is.
        env.push(("RUSTFLAGS".into(), format!("-C target-cpu={cpu}")));
        let dir = root.join("target").join(format!("bench-{cpu}"));
        env.push(("CARGO_TARGET_DIR".into(), dir.display().to_string()));
    }
    let rustflags = env
        .iter()
        .find(|(k, _)| k == "RUSTFLAGS")
        .map(|(_, v)| v.clone());
    let rust_simd = machine::rust_simd(root, rustflags.as_deref());
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
        clock.stamp()
    );
    let rust_side_env: Vec<(String, String)> =
        env.iter().chain(&options.rust_env).cloned().collect();
    let limits = machine::measure_limits(root, options.quick, threads, &machine, &rust_side_env)?;
    let limits_line = format!(
        "peak {:.1} GFLOP/s (FMA kernel), dgemm {:.1} GFLOP/s ({n}x{n}), memory bandwidth {:.1} \
         GB/s (triad, {} MiB arrays)",
        limits.peak_gflops,
        limits.gemm_gflops,
        limits.bandwidth_gbs,
        (limits.triad_len * 8) >> 20,
        n = limits.gemm_n
    );
    eprintln!("    {limits_line}");
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
    let (numpy_note, numpy_simd) = match &python {
        Ok(p) => (
            format!("NumPy {} (Python {})", p.numpy_version, p.python_version),
            format!("NumPy: {}", p.simd),
        ),
        Err(why) => (format!("NumPy not measured ({why})"), String::new()),
    };
    let machine_summary = machine.summary();
    let suffix = options.suffix();
    let variant = !suffix.is_empty();
    let rust_env_note = options
        .rust_env
        .iter()
        .map(|(k, v)| format!("`{k}={v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let rounds = if options.quick { 1 } else { ROUNDS };
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
                rust_env: &options.rust_env,
                clock: &clock,
            };
            files.push(measure_file(
                &job,
                &package.dir,
                rounds,
                &python,
                &scratch,
                &mut problems,
            )?);
        }
        // The default run's medians, kept for a later variant run to compare.
        let defaults_path = root
            .join("target/bench-results")
            .join(format!("{chapter}.json"));
        let default_build = if !variant {
            let medians: std::collections::BTreeMap<String, f64> = files
                .iter()
                .flat_map(|f| &f.measurements)
                .map(|m| (m.id(), m.median_s))
                .collect();
            fs::create_dir_all(defaults_path.parent().unwrap_or(root))?;
            fs::write(&defaults_path, serde_json::to_string_pretty(&medians)?)?;
            None
        } else {
            let read = fs::read_to_string(&defaults_path).ok();
            let parsed = read.and_then(|text| serde_json::from_str(&text).ok());
            if parsed.is_none() {
                eprintln!(
                    "    no default-build results in {}: run `cargo xtask bench {chapter}` first \
                     for the \"vs default build\" column",
                    shown(root, &defaults_path)
                );
            }
            Some(parsed.unwrap_or_default())
        };
        let ctx = Context {
            limits: Some(Limits {
                peak_gflops: limits.peak_gflops,
                bandwidth_gbs: limits.bandwidth_gbs,
                llc_bytes: machine.llc_bytes,
            }),
            flop_groups: &package.flop_groups,
            default_build: default_build.as_ref(),
        };
        let note = RunNote {
            command: &command,
            date: &date,
            quick: options.quick,
            rounds,
            threads,
            machine: &machine_summary,
            rustc: &machine.rustc,
            rust_simd: &rust_simd,
            numpy: &numpy_note,
            numpy_simd: &numpy_simd,
            rust_env: &rust_env_note,
            limits: variant.then_some(limits_line.as_str()),
        };
        let table_path = generated.join(format!("{chapter}{suffix}.md"));
        fs::write(&table_path, table::render_chapter(&files, &ctx, &note))
            .with_context(|| format!("writing {}", table_path.display()))?;
        // The chart shows the book's default run; a variant run is a table only.
        let chart_path = figures.join(format!("{chapter}.svg"));
        if !variant {
            chart::draw(
                &chart_path,
                &format!(
                    "{chapter}: median time per call, {threads} thread{plural}{}",
                    if options.quick { ", quick run" } else { "" }
                ),
                &chart::bars(&files),
            )?;
        }
        eprintln!(
            "==> {} {chapter}: idiomatic NumPy / row and best NumPy / row (above 1: the row is \
             faster)",
            clock.stamp()
        );
        for row in table::rows(&files, &ctx) {
            let ratio = |r: &std::result::Result<f64, String>| {
                r.as_ref().map_or_else(Clone::clone, |x| format_ratio(*x))
            };
            eprintln!(
                "    {:<44} {:>9}  {:>8}  {:>8}",
                format!("{} {} {}", row.group, row.size, row.label),
                format_time(row.median_s),
                ratio(&row.vs_idiomatic),
                ratio(&row.vs_best),
            );
        }
        eprintln!("    wrote {}", shown(root, &table_path));
        if !variant {
            eprintln!("    wrote {}", shown(root, &chart_path));
        }
    }

    if variant {
        // The default run's machine description and index stay; the table's note gives this
        // run's limits.
        if !problems.is_empty() {
            bail!(
                "{} NumPy script(s) failed: {}",
                problems.len(),
                problems.join("; ")
            );
        }
        return Ok(());
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
            rust_simd: &rust_simd,
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

/// Measures one bench file in `rounds` interleaved rounds: criterion, then at once the NumPy
/// script, then criterion again... A failing script is recorded in `problems` (the run goes
/// on, so the Rust numbers are not lost) and makes the command fail at the end.
fn measure_file(
    job: &Job,
    chapter_dir: &Path,
    rounds: usize,
    python: &std::result::Result<numpy::Python, String>,
    scratch: &Path,
    problems: &mut Vec<String>,
) -> Result<BenchFile> {
    let (root, chapter, bench) = (job.root, job.chapter, job.bench);
    let ids = criterion::list(job)?;
    let script = numpy::script(chapter_dir, bench);
    let mut status = match (&script, python) {
        (None, _) => {
            eprintln!("    {chapter}/{bench}: no benches/{bench}.py, so no NumPy rows");
            NumpyStatus::NoScript
        }
        (Some(_), Err(why)) => NumpyStatus::NotMeasured(why.clone()),
        (Some(_), Ok(_)) => NumpyStatus::Measured,
    };
    let mut rust_rounds = Vec::new();
    let mut timings: Vec<numpy::Timings> = Vec::new();
    for round in 1..=rounds {
        eprintln!(
            "==> {} {chapter}/{bench}, round {round} of {rounds}: {} criterion benchmarks{}",
            job.clock.stamp(),
            ids.len(),
            if job.quick { " (--quick)" } else { "" }
        );
        let home = scratch
            .join(chapter)
            .join(bench)
            .join(format!("round{round}"));
        let log = scratch.join(format!("{chapter}-{bench}-round{round}.log"));
        criterion::run(job, &ids, &home, &log)?;
        rust_rounds.push(criterion::read_results(&home, &ids)?);
        let (Some(script), Ok(python), NumpyStatus::Measured) = (&script, python, &status) else {
            continue;
        };
        let script = script.strip_prefix(root).unwrap_or(script);
        eprintln!(
            "==> {} {chapter}/{bench}, round {round} of {rounds}: NumPy, python {}{}",
            job.clock.stamp(),
            script.display(),
            if job.quick { " --quick" } else { "" }
        );
        let warm_up = if job.quick {
            NUMPY_WARM_UP_S / 5.0
        } else {
            NUMPY_WARM_UP_S
        };
        match numpy::run(python, root, script, job.quick, warm_up, job.env) {
            Ok(run) => {
                for t in run {
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
        let (group, implementation, size) = table::Measurement::split_id(&t.id)?;
        let (median_s, q1, q3) = numpy::quartiles(&t.times_s);
        Some(table::Measurement {
            side: table::Side::of_script_impl(&implementation),
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
fn combine_rounds(rounds: &[Vec<table::Measurement>]) -> Vec<table::Measurement> {
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
            table::Measurement {
                median_s: numpy::quartiles(&medians).0,
                spread: (lo <= hi).then_some(Spread::Ci95(lo, hi)),
                ..m.clone()
            }
        })
        .collect()
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
    }
}
