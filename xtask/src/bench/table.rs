//! What one run measured and how it becomes the book's Markdown table: for each workload and
//! size, every implementation (the Rust ones, NumPy's idiomatic expression, the best NumPy
//! version, pure Python) with its median and spread, its speed against both NumPy rows, its
//! throughput and the share of this machine's limits.

use std::fmt::Write as _;

/// The NumPy implementation a NumPy user writes first (`IMPL` of `GROUP/IMPL/SIZE`).
pub const NUMPY_IDIOMATIC: &str = "numpy_idiomatic";
/// The fastest NumPy version we could write: in-place ufuncs, `einsum`, no extra passes.
pub const NUMPY_BEST: &str = "numpy_best";

/// What one iteration of a benchmark processes, as criterion records it in `benchmark.json`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
pub enum Throughput {
    Bits(u64),
    #[serde(alias = "BytesDecimal")]
    Bytes(u64),
    Elements(u64),
    ElementsAndBytes {
        elements: u64,
        bytes: u64,
    },
}

impl Throughput {
    /// Bytes read and written per iteration, where the benchmark declared them.
    pub fn bytes(self) -> Option<u64> {
        match self {
            Self::Bits(bits) => Some(bits / 8),
            Self::Bytes(bytes) | Self::ElementsAndBytes { bytes, .. } => Some(bytes),
            Self::Elements(_) => None,
        }
    }

    /// Elements per iteration, where the benchmark declared them.
    pub fn elements(self) -> Option<u64> {
        match self {
            Self::Elements(elements) | Self::ElementsAndBytes { elements, .. } => Some(elements),
            Self::Bits(_) | Self::Bytes(_) => None,
        }
    }
}

/// Which language measured a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Rust,
    NumPy,
    Python,
}

impl Side {
    /// The side of a timing from a NumPy script: `numpy_*` implementations are NumPy, the
    /// others (`python_lists`) pure Python.
    pub fn of_script_impl(implementation: &str) -> Self {
        if implementation.starts_with("numpy") {
            Self::NumPy
        } else {
            Self::Python
        }
    }
}

/// How far the timings of one measurement spread.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spread {
    /// Criterion's 95% confidence interval of the median (the union over the rounds).
    Ci95(f64, f64),
    /// The interquartile range of every timed run (NumPy and Python).
    Iqr(f64, f64),
}

/// One timed workload, `GROUP/IMPL/SIZE`, its median time per call and spread.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    pub group: String,
    pub implementation: String,
    pub size: String,
    pub side: Side,
    pub median_s: f64,
    pub spread: Option<Spread>,
    pub throughput: Option<Throughput>,
}

impl Measurement {
    /// Splits `GROUP/IMPL/SIZE` (the group may itself contain `/`).
    pub fn split_id(id: &str) -> Option<(String, String, String)> {
        let (rest, size) = id.rsplit_once('/')?;
        let (group, implementation) = rest.rsplit_once('/')?;
        [group, implementation, size]
            .iter()
            .all(|part| !part.is_empty() && !part.contains(char::is_whitespace))
            .then(|| (group.to_owned(), implementation.to_owned(), size.to_owned()))
    }

    pub fn id(&self) -> String {
        format!("{}/{}/{}", self.group, self.implementation, self.size)
    }

    fn same_workload(&self, other: &Measurement) -> bool {
        self.group == other.group && self.size == other.size
    }

    /// How the row is named in tables and charts.
    pub fn label(&self) -> String {
        match (self.side, self.implementation.as_str()) {
            (Side::Rust, name) => format!("Rust `{name}`"),
            (_, NUMPY_IDIOMATIC) => "NumPy, idiomatic".to_owned(),
            (_, NUMPY_BEST) => "NumPy, best".to_owned(),
            (_, "python_lists") => "pure Python".to_owned(),
            (Side::NumPy, name) => format!("NumPy `{name}`"),
            (Side::Python, name) => format!("Python `{name}`"),
        }
    }
}

/// Whether a bench file's NumPy side was measured, and why not when it was not.
#[derive(Debug, Clone, PartialEq)]
pub enum NumpyStatus {
    Measured,
    /// No `benches/<bench>.py` next to the bench file.
    NoScript,
    /// Python or NumPy is unavailable (the reason) or was switched off.
    NotMeasured(String),
    /// The script ran but failed (the reason).
    Failed(String),
}

/// One criterion bench file and its NumPy counterpart, measured in interleaved rounds.
#[derive(Debug, Clone)]
pub struct BenchFile {
    pub name: String,
    /// Rust first, in the order criterion registered them, then the script's timings.
    pub measurements: Vec<Measurement>,
    pub numpy_status: NumpyStatus,
}

/// This machine's limits, measured in the same run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub peak_gflops: f64,
    pub bandwidth_gbs: f64,
    /// Last-level cache size: a workload that moves fewer bytes per call runs from cache,
    /// and comparing it with the memory bandwidth would say nothing.
    pub llc_bytes: Option<u64>,
}

/// How the rows of one chapter are computed.
pub struct Context<'a> {
    pub limits: Option<Limits>,
    /// Groups whose `Throughput::Elements` count floating-point operations
    /// (`[package.metadata.bench] flop-groups` in the chapter's Cargo.toml).
    pub flop_groups: &'a [String],
    /// For a `--target-cpu` run: every median of the last run without it on this machine, by
    /// id, for a "vs default build" column. The NumPy rows run the same code in both runs, so
    /// theirs show how far the machine drifted between the two.
    pub default_build: Option<&'a std::collections::BTreeMap<String, f64>>,
}

/// One row of a chapter's table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub group: String,
    pub size: String,
    pub label: String,
    pub side: Side,
    pub median_s: f64,
    pub spread: Option<Spread>,
    /// The idiomatic NumPy median over this row's (above 1: this row is faster), or why
    /// there is none.
    pub vs_idiomatic: Result<f64, String>,
    /// The same against the best NumPy version.
    pub vs_best: Result<f64, String>,
    pub throughput: String,
    pub share: String,
    /// The default run's median over this row's (rows of a `--target-cpu` run).
    pub vs_default: Option<f64>,
}

/// The measurements of one workload and size, in the order the table and chart show them:
/// the Rust implementations, then NumPy (idiomatic, best, others), then pure Python.
pub fn workloads(file: &BenchFile) -> Vec<Vec<&Measurement>> {
    let mut out: Vec<Vec<&Measurement>> = Vec::new();
    for m in &file.measurements {
        match out.iter_mut().find(|w| w[0].same_workload(m)) {
            Some(w) => w.push(m),
            None => out.push(vec![m]),
        }
    }
    for w in &mut out {
        w.sort_by_key(|m| match (m.side, m.implementation.as_str()) {
            (Side::Rust, _) => 0,
            (_, NUMPY_IDIOMATIC) => 1,
            (_, NUMPY_BEST) => 2,
            (Side::NumPy, _) => 3,
            (Side::Python, _) => 4,
        });
    }
    out
}

/// The rows of a chapter, workload by workload (see [`workloads`]).
pub fn rows(files: &[BenchFile], ctx: &Context) -> Vec<Row> {
    let mut out = Vec::new();
    for file in files {
        for here in workloads(file) {
            // The workload's size is the same whichever side ran it: take the declaration of
            // the Rust twin for every row.
            let throughput = here.iter().find_map(|m| m.throughput);
            let numpy = |name: &str| -> Result<f64, String> {
                here.iter()
                    .find(|m| m.implementation == name)
                    .map(|m| m.median_s)
                    .ok_or_else(|| match &file.numpy_status {
                        NumpyStatus::Measured => "no such row".to_owned(),
                        NumpyStatus::NoScript => "no NumPy script".to_owned(),
                        NumpyStatus::NotMeasured(_) => "not measured".to_owned(),
                        NumpyStatus::Failed(_) => "failed".to_owned(),
                    })
            };
            let (idiomatic, best) = (numpy(NUMPY_IDIOMATIC), numpy(NUMPY_BEST));
            for m in here {
                let vs = |reference: &Result<f64, String>, name: &str| match reference {
                    _ if m.implementation == name => Err("—".to_owned()),
                    Ok(t) => Ok(t / m.median_s),
                    Err(why) => Err(why.clone()),
                };
                let with_size = Measurement {
                    throughput,
                    ..m.clone()
                };
                out.push(Row {
                    group: m.group.clone(),
                    size: m.size.clone(),
                    label: m.label(),
                    side: m.side,
                    median_s: m.median_s,
                    spread: m.spread,
                    vs_idiomatic: vs(&idiomatic, NUMPY_IDIOMATIC),
                    vs_best: vs(&best, NUMPY_BEST),
                    throughput: throughput_cell(&with_size, ctx),
                    share: share_cell(&with_size, ctx),
                    vs_default: ctx
                        .default_build
                        .and_then(|d| d.get(&m.id()))
                        .map(|d| d / m.median_s),
                });
            }
        }
    }
    out
}

fn is_flop_group(m: &Measurement, ctx: &Context) -> bool {
    ctx.flop_groups.contains(&m.group)
}

/// Throughput from the median: GB/s for bytes, GFLOP/s for flop groups, elements/s.
fn throughput_cell(m: &Measurement, ctx: &Context) -> String {
    let Some(throughput) = m.throughput else {
        return "—".to_owned();
    };
    let mut parts = Vec::new();
    if let Some(elements) = throughput.elements() {
        let per_s = elements as f64 / m.median_s;
        if is_flop_group(m, ctx) {
            parts.push(format!("{} GFLOP/s", sig(per_s / 1e9, 3)));
        } else {
            parts.push(elements_rate(per_s));
        }
    }
    if let Some(bytes) = throughput.bytes() {
        parts.push(format!("{} GB/s", sig(bytes as f64 / m.median_s / 1e9, 3)));
    }
    parts.join(", ")
}

/// The share of the machine's limit, where one applies: memory bandwidth for workloads that
/// move more bytes than the last-level cache holds, peak GFLOP/s for flop groups.
fn share_cell(m: &Measurement, ctx: &Context) -> String {
    let (Some(limits), Some(throughput)) = (ctx.limits, m.throughput) else {
        return "—".to_owned();
    };
    if is_flop_group(m, ctx)
        && let Some(flops) = throughput.elements()
    {
        let gflops = flops as f64 / m.median_s / 1e9;
        return format!("{} of peak GFLOP/s", percent(gflops / limits.peak_gflops));
    }
    if let Some(bytes) = throughput.bytes() {
        if limits.llc_bytes.is_some_and(|llc| bytes < llc) {
            return "in cache".to_owned();
        }
        let gbs = bytes as f64 / m.median_s / 1e9;
        return format!("{} of bandwidth", percent(gbs / limits.bandwidth_gbs));
    }
    "—".to_owned()
}

/// `digits` significant digits, never in exponent form: `sig(1.234, 3)` is `1.23`,
/// `sig(1234.0, 3)` is `1230`, `sig(0.0699, 2)` is `0.070`.
pub fn sig(x: f64, digits: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x:.0}");
    }
    let decimals = |a: f64| digits - 1 - a.log10().floor() as i32;
    // Round first: 0.9996 becomes 1.00, not 1.000; 99.96 becomes 100, not 100.0.
    let scale = 10f64.powi(decimals(x.abs()));
    let rounded = (x * scale).round() / scale;
    let decimals = decimals(rounded.abs()).clamp(0, 12) as usize;
    format!("{rounded:.decimals$}")
}

/// A duration in the unit that keeps three significant digits readable: `512 ns`, `1.09 µs`,
/// `12.3 ms`, `1.50 s`.
pub fn format_time(seconds: f64) -> String {
    const UNITS: [(f64, &str); 4] = [(1e-9, "ns"), (1e-6, "µs"), (1e-3, "ms"), (1.0, "s")];
    let mut unit = UNITS
        .iter()
        .rposition(|&(scale, _)| seconds >= scale)
        .unwrap_or(0);
    let mut text = sig(seconds / UNITS[unit].0, 3);
    // Rounding can carry into the next unit (999.7 µs -> "1000 µs"); step up when it does.
    if text == "1000" && unit + 1 < UNITS.len() {
        unit += 1;
        text = sig(seconds / UNITS[unit].0, 3);
    }
    format!("{text} {}", UNITS[unit].1)
}

/// A spread as a range in the median's unit: `1.18–1.22 ms`.
pub fn format_spread(spread: Spread) -> String {
    let (lo, hi, kind) = match spread {
        Spread::Ci95(lo, hi) => (lo, hi, "CI"),
        Spread::Iqr(lo, hi) => (lo, hi, "IQR"),
    };
    let lo = format_time(lo);
    let hi = format_time(hi);
    match (lo.split_once(' '), hi.split_once(' ')) {
        (Some((a, unit_a)), Some((b, unit_b))) if unit_a == unit_b => {
            format!("{a}–{b} {unit_a} ({kind})")
        }
        _ => format!("{lo} – {hi} ({kind})"),
    }
}

/// A ratio to two significant digits: `4.1×`, `0.70×`, `18×`, `120×`.
pub fn format_ratio(ratio: f64) -> String {
    format!("{}×", sig(ratio, 2))
}

fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    if p >= 10.0 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

fn elements_rate(per_s: f64) -> String {
    if per_s >= 1e9 {
        format!("{} Gelem/s", sig(per_s / 1e9, 3))
    } else if per_s >= 1e6 {
        format!("{} Melem/s", sig(per_s / 1e6, 3))
    } else {
        format!("{} kelem/s", sig(per_s / 1e3, 3))
    }
}

/// Everything the text under a table states about the run.
pub struct RunNote<'a> {
    /// The command that measured it, e.g. `cargo xtask bench chapter01 --quick`.
    pub command: &'a str,
    pub date: &'a str,
    pub quick: bool,
    /// How many interleaved rounds of Rust and NumPy runs.
    pub rounds: usize,
    pub threads: usize,
    /// One line: CPU, cores, memory.
    pub machine: &'a str,
    pub rustc: &'a str,
    /// The SIMD level the Rust code was compiled for, e.g. `x86-64 (SSE2)`.
    pub rust_simd: &'a str,
    /// `NumPy 2.4.6 (Python 3.11.7)`, or why NumPy was not measured.
    pub numpy: &'a str,
    /// Variables set for the Rust processes only, e.g. `` `OPENBLAS_CORETYPE=SkylakeX` ``
    /// (empty when none).
    pub rust_env: &'a str,
    /// A variant run's own limits, in one line (the Benchmarks page shows the default run's).
    pub limits: Option<&'a str>,
    /// NumPy's compiled baseline and the run-time dispatch targets this CPU supports.
    pub numpy_simd: &'a str,
}

/// The Markdown of one chapter: the table, then the notes that say how, when and where the
/// numbers were measured.
pub fn render_chapter(files: &[BenchFile], ctx: &Context, note: &RunNote) -> String {
    let rows = rows(files, ctx);
    // Throughput and share columns only where some row has a value.
    let with_throughput = rows.iter().any(|r| r.throughput != "—");
    let with_share = rows.iter().any(|r| r.share != "—");
    let mut header = vec![
        "workload",
        "size",
        "implementation",
        "median",
        "spread",
        "vs idiomatic NumPy",
        "vs best NumPy",
    ];
    let mut align = vec!["---", "---", "---", "--:", "--:", "--:", "--:"];
    if with_throughput {
        header.push("throughput");
        align.push("--:");
    }
    if with_share {
        header.push("share of limit");
        align.push("--:");
    }
    if ctx.default_build.is_some() {
        header.push("vs default build");
        align.push("--:");
    }
    let mut md = format!("| {} |\n|{}|\n", header.join(" | "), align.join("|"));
    for row in &rows {
        let ratio = |r: &Result<f64, String>| match r {
            Ok(x) => format_ratio(*x),
            Err(why) => why.clone(),
        };
        let mut cells = vec![
            row.group.clone(),
            row.size.clone(),
            row.label.clone(),
            format_time(row.median_s),
            row.spread.map_or_else(|| "—".to_owned(), format_spread),
            ratio(&row.vs_idiomatic),
            ratio(&row.vs_best),
        ];
        if with_throughput {
            cells.push(row.throughput.clone());
        }
        if with_share {
            cells.push(row.share.clone());
        }
        if ctx.default_build.is_some() {
            cells.push(
                row.vs_default
                    .map_or_else(|| "not measured".to_owned(), format_ratio),
            );
        }
        writeln!(md, "| {} |", cells.join(" | ")).expect("writing to a String cannot fail");
    }
    let rounds = if note.rounds == 1 {
        "one round".to_owned()
    } else {
        format!(
            "{} interleaved rounds (Rust, then NumPy, then Rust again...)",
            note.rounds
        )
    };
    writeln!(
        md,
        "\nMedian time per call over {rounds}.{} Spread: for Rust, criterion's 95% confidence \
         interval of the median (CI; the union over the rounds); for NumPy and Python, the \
         interquartile range of every timed run (IQR). *vs idiomatic NumPy* is the idiomatic \
         NumPy expression's median divided by the row's, and *vs best NumPy* the same for the \
         fastest NumPy version we could write: above 1, the row is faster. Throughput is the \
         workload's size over the row's median.\n",
        if ctx.default_build.is_some() {
            " *vs default build* is the median of the same row in the last run of the default \
             build on this machine divided by this one's: the Rust rows compare the two \
             builds, and the NumPy rows, the same code in both runs, show how far the machine \
             drifted between them."
        } else {
            ""
        }
    )
    .expect("writing to a String cannot fail");
    let kind = if note.quick {
        "a quick run (criterion's `--quick` mode and fewer NumPy repeats): indicative only"
    } else {
        "a full run"
    };
    let plural = if note.threads == 1 { "" } else { "s" };
    writeln!(
        md,
        "Measured by `{}` on {} (UTC), {kind}; {} thread{plural} on both sides \
         (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and \
         `RAYON_NUM_THREADS` set to {}); {}. Rust: {}, compiled for {}{}. {}{}. {}",
        note.command,
        note.date,
        note.threads,
        note.threads,
        note.machine,
        note.rustc,
        note.rust_simd,
        if note.rust_env.is_empty() {
            String::new()
        } else {
            format!(", run with {} (the Rust side only)", note.rust_env)
        },
        note.numpy,
        if note.numpy_simd.is_empty() {
            String::new()
        } else {
            format!("; {}", note.numpy_simd)
        },
        note.limits.map_or_else(
            || "The machine and its measured limits are described on the Benchmarks page."
                .to_owned(),
            |l| format!(
                "The machine is described on the Benchmarks page; its limits measured in this \
                 run: {l}."
            )
        )
    )
    .expect("writing to a String cannot fail");
    for file in files {
        let problem = match &file.numpy_status {
            // The note above already says why NumPy was not measured.
            NumpyStatus::NotMeasured(_) | NumpyStatus::Measured => None,
            NumpyStatus::Failed(why) => Some(format!("the NumPy script failed: {why}")),
            NumpyStatus::NoScript => Some(format!(
                "`{}` has no NumPy counterpart (`benches/{}.py`)",
                file.name, file.name
            )),
        };
        if let Some(problem) = problem {
            writeln!(md, "\nBench file `{}`: {problem}.", file.name)
                .expect("writing to a String cannot fail");
        }
    }
    md
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn m(id: &str, side: Side, median_s: f64) -> Measurement {
        let (group, implementation, size) = Measurement::split_id(id).expect("a valid id");
        Measurement {
            group,
            implementation,
            size,
            side,
            median_s,
            spread: None,
            throughput: None,
        }
    }

    fn with(mut m: Measurement, throughput: Throughput, spread: Spread) -> Measurement {
        m.throughput = Some(throughput);
        m.spread = Some(spread);
        m
    }

    pub(crate) fn chapter() -> Vec<BenchFile> {
        let e600 = Throughput::Elements(600);
        vec![BenchFile {
            name: "containers".into(),
            measurements: vec![
                with(
                    m("standardize/flat/150x4_f64", Side::Rust, 1e-6),
                    e600,
                    Spread::Ci95(0.98e-6, 1.02e-6),
                ),
                with(
                    m("standardize/ndarray/150x4_f64", Side::Rust, 2e-6),
                    e600,
                    Spread::Ci95(1.9e-6, 2.1e-6),
                ),
                with(
                    m("axpy/zip/10M_f64", Side::Rust, 0.024),
                    Throughput::Bytes(240_000_000),
                    Spread::Ci95(0.023, 0.025),
                ),
                with(
                    m("matmul/ndarray/1000x1000_f64", Side::Rust, 0.05),
                    Throughput::Elements(2_000_000_000),
                    Spread::Ci95(0.049, 0.051),
                ),
                m("standardize/python_lists/150x4_f64", Side::Python, 4e-4),
                m("standardize/numpy_best/150x4_f64", Side::NumPy, 3e-6),
                m("standardize/numpy_idiomatic/150x4_f64", Side::NumPy, 4e-6),
                m("axpy/numpy_idiomatic/10M_f64", Side::NumPy, 0.030),
            ],
            numpy_status: NumpyStatus::Measured,
        }]
    }

    fn limits() -> Limits {
        Limits {
            peak_gflops: 80.0,
            bandwidth_gbs: 12.0,
            llc_bytes: Some(32 << 20),
        }
    }

    #[test]
    fn ids_split_into_group_implementation_and_size() {
        assert_eq!(
            Measurement::split_id("elementwise/fused_axpy/10M_f64"),
            Some(("elementwise".into(), "fused_axpy".into(), "10M_f64".into()))
        );
        assert_eq!(
            Measurement::split_id("a/b/impl/1x1").map(|p| p.0),
            Some("a/b".into())
        );
        assert_eq!(Measurement::split_id("standardize/numpy"), None);
        assert_eq!(Measurement::split_id("a//b"), None);
        assert_eq!(Measurement::split_id("a/b/1000 x 10"), None);
    }

    #[test]
    fn each_workload_lists_rust_then_numpy_idiomatic_best_then_python() {
        let flop_groups = vec!["matmul".to_owned()];
        let ctx = Context {
            limits: Some(limits()),
            flop_groups: &flop_groups,
            default_build: None,
        };
        let rows = rows(&chapter(), &ctx);
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Rust `flat`",
                "Rust `ndarray`",
                "NumPy, idiomatic",
                "NumPy, best",
                "pure Python",
                "Rust `zip`",
                "NumPy, idiomatic",
                "Rust `ndarray`",
            ]
        );
        // Ratios: the NumPy row's median over this row's.
        assert_eq!(rows[0].vs_idiomatic, Ok(4.0));
        assert_eq!(rows[0].vs_best, Ok(3.0));
        assert_eq!(rows[2].vs_idiomatic, Err("—".into()));
        assert_eq!(rows[3].vs_idiomatic, Ok(4.0 / 3.0));
        assert_eq!(rows[4].vs_best, Ok(3e-6 / 4e-4));
        // Every row of a workload gets its throughput, NumPy's included.
        assert_eq!(rows[0].throughput, "600 Melem/s");
        assert_eq!(rows[2].throughput, "150 Melem/s");
        assert_eq!(rows[0].share, "—");
        // 240 MB in 24 ms = 10 GB/s, 83% of a 12 GB/s triad; NumPy's 30 ms is 67%.
        assert_eq!(rows[5].throughput, "10.0 GB/s");
        assert_eq!(rows[5].share, "83% of bandwidth");
        assert_eq!(rows[6].share, "67% of bandwidth");
        assert_eq!(rows[5].vs_best, Err("no such row".into()));
        // 2 GFLOP in 50 ms = 40 GFLOP/s, half the peak.
        assert_eq!(rows[7].throughput, "40.0 GFLOP/s");
        assert_eq!(rows[7].share, "50% of peak GFLOP/s");
    }

    #[test]
    fn small_byte_counts_are_in_cache_and_unknown_limits_give_no_share() {
        let mut small = m("axpy/zip/1k_f64", Side::Rust, 1e-6);
        small.throughput = Some(Throughput::Bytes(24_000));
        let ctx = Context {
            limits: Some(limits()),
            flop_groups: &[],
            default_build: None,
        };
        assert_eq!(share_cell(&small, &ctx), "in cache");
        let ctx = Context {
            limits: None,
            flop_groups: &[],
            default_build: None,
        };
        assert_eq!(share_cell(&small, &ctx), "—");
        assert_eq!(throughput_cell(&small, &ctx), "24.0 GB/s");
        small.throughput = Some(Throughput::ElementsAndBytes {
            elements: 1,
            bytes: 1000,
        });
        assert_eq!(throughput_cell(&small, &ctx), "1.00 Melem/s, 1.00 GB/s");
    }

    #[test]
    fn times_ratios_and_spreads_are_formatted() {
        assert_eq!(format_time(5.0787e-6), "5.08 µs");
        assert_eq!(format_time(1.2e-3), "1.20 ms");
        assert_eq!(format_time(0.1234), "123 ms");
        assert_eq!(format_time(512e-9), "512 ns");
        assert_eq!(format_time(0.9996e-3), "1.00 ms");
        assert_eq!(format_time(0.75e-9), "0.750 ns");
        assert_eq!(format_ratio(4.1417), "4.1×");
        assert_eq!(format_ratio(0.696), "0.70×");
        assert_eq!(format_ratio(17.7), "18×");
        assert_eq!(format_ratio(123.0), "120×");
        assert_eq!(sig(99.96, 3), "100");
        assert_eq!(sig(1234.0, 3), "1230");
        assert_eq!(sig(0.0699, 2), "0.070");
        assert_eq!(sig(0.0, 3), "0");
        assert_eq!(
            format_spread(Spread::Ci95(1.18e-3, 1.22e-3)),
            "1.18–1.22 ms (CI)"
        );
        assert_eq!(
            format_spread(Spread::Iqr(990e-9, 1.01e-6)),
            "990 ns – 1.01 µs (IQR)"
        );
        assert_eq!(percent(0.8333), "83%");
        assert_eq!(percent(0.0512), "5.1%");
        assert_eq!(elements_rate(1.5e10), "15.0 Gelem/s");
        assert_eq!(elements_rate(2.5e4), "25.0 kelem/s");
    }

    fn note() -> RunNote<'static> {
        RunNote {
            command: "cargo xtask bench chapter01 --quick",
            date: "2025-06-01",
            quick: true,
            rounds: 1,
            threads: 1,
            machine: "Test CPU, 2 cores, 8.0 GiB",
            rustc: "rustc 1.95.0",
            rust_simd: "x86-64 (SSE2)",
            numpy: "NumPy 2.4.6 (Python 3.11.7)",
            numpy_simd: "NumPy's baseline X86_V2, dispatching to X86_V3 at run time",
            rust_env: "",
            limits: None,
        }
    }

    #[test]
    fn the_chapter_table_has_every_row_and_says_how_it_was_measured() {
        let ctx = Context {
            limits: Some(limits()),
            flop_groups: &[],
            default_build: None,
        };
        let md = render_chapter(&chapter(), &ctx, &note());
        assert!(md.starts_with(
            "| workload | size | implementation | median | spread | vs idiomatic NumPy | \
             vs best NumPy | throughput | share of limit |\n"
        ));
        assert!(
            md.contains(
                "| standardize | 150x4_f64 | Rust `flat` | 1.00 µs | 980 ns – 1.02 µs (CI) \
                 | 4.0× | 3.0× | 600 Melem/s | — |"
            ),
            "{md}"
        );
        assert!(md.contains("| standardize | 150x4_f64 | pure Python | 400 µs | — | 0.010× |"));
        assert!(md.contains("`cargo xtask bench chapter01 --quick` on 2025-06-01 (UTC)"));
        assert!(md.contains("indicative only; 1 thread on both sides"));
        assert!(md.contains("compiled for x86-64 (SSE2)"));
        assert!(md.contains("dispatching to X86_V3"));
        assert!(!md.contains('$'), "a dollar sign would start math");

        let mut missing = chapter();
        missing[0].measurements.retain(|m| m.side == Side::Rust);
        missing[0].numpy_status = NumpyStatus::NotMeasured("python3 was not found".into());
        let md = render_chapter(&missing, &ctx, &note());
        assert!(md.contains("(CI) | not measured | not measured |"), "{md}");
        assert!(
            !md.contains("Bench file"),
            "the reason is in the note, once"
        );
        assert!(!md.contains("vs default build"));

        // A --target-cpu run compares its Rust rows with the default build's.
        let default_build =
            std::collections::BTreeMap::from([("standardize/flat/150x4_f64".to_owned(), 1.5e-6)]);
        let ctx = Context {
            default_build: Some(&default_build),
            ..ctx
        };
        let md = render_chapter(&chapter(), &ctx, &note());
        assert!(
            md.contains("| share of limit | vs default build |\n"),
            "{md}"
        );
        assert!(md.contains("| 600 Melem/s | — | 1.5× |\n"), "{md}");
        assert!(md.contains("| 300 Melem/s | — | not measured |\n"), "{md}");
        assert!(
            md.contains("| — | 0.75× | 150 Melem/s | — | not measured |\n"),
            "{md}"
        );
    }
}
