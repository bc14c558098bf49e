//! What one run measured and how it becomes the book's Markdown table: for each workload and
//! size, every implementation (the Rust ones, NumPy's idiomatic expression, the best NumPy
//! version, pure Python) with its median and spread, its speed against both NumPy rows, its
//! throughput and the share of this machine's limits.

use std::collections::BTreeMap;

use super::machine::MeasuredLimits;
use super::{Run, plural};

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
    /// Elements and bytes (read and written) per iteration, where the benchmark declared them.
    pub fn counts(self) -> (Option<u64>, Option<u64>) {
        match self {
            Self::Bits(bits) => (None, Some(bits / 8)),
            Self::Bytes(bytes) => (None, Some(bytes)),
            Self::Elements(elements) => (Some(elements), None),
            Self::ElementsAndBytes { elements, bytes } => (Some(elements), Some(bytes)),
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
    /// Python or NumPy is unavailable or was switched off (the run's note says why).
    NotMeasured,
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

/// How the rows of one chapter are computed.
pub struct Context<'a> {
    /// This machine's limits, measured in the same run.
    pub limits: Option<&'a MeasuredLimits>,
    /// Last-level cache size: a workload that moves fewer bytes per call runs from cache,
    /// and comparing it with the memory bandwidth would say nothing.
    pub llc_bytes: Option<u64>,
    /// Groups whose `Throughput::Elements` count floating-point operations
    /// (`[package.metadata.bench] flop-groups` in the chapter's Cargo.toml).
    pub flop_groups: &'a [String],
    /// For a variant run: every median of the last default run on this machine, by id, for a
    /// "vs default build" column. The NumPy rows run the same code in both runs, so theirs
    /// show how far the machine drifted between the two.
    pub default_build: Option<&'a BTreeMap<String, f64>>,
}

/// One row of a chapter's table: a measurement and how it compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub m: &'a Measurement,
    /// The idiomatic NumPy median over this row's (above 1: this row is faster), or why
    /// there is none.
    pub vs_idiomatic: Result<f64, String>,
    /// The same against the best NumPy version.
    pub vs_best: Result<f64, String>,
    pub throughput: String,
    pub share: String,
    /// The default run's median over this row's (rows of a variant run).
    pub vs_default: Option<f64>,
}

/// The measurements of one workload and size, in the order the table and chart show them:
/// the Rust implementations, then NumPy (idiomatic, best, others), then pure Python.
pub fn workloads(file: &BenchFile) -> Vec<Vec<&Measurement>> {
    let mut out: Vec<Vec<&Measurement>> = Vec::new();
    for m in &file.measurements {
        match out
            .iter_mut()
            .find(|w| w[0].group == m.group && w[0].size == m.size)
        {
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
pub fn rows<'a>(files: &'a [BenchFile], ctx: &Context) -> Vec<Row<'a>> {
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
                        NumpyStatus::NotMeasured => "not measured".to_owned(),
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
                let (throughput, share) = rate_cells(m, throughput, ctx);
                out.push(Row {
                    m,
                    vs_idiomatic: vs(&idiomatic, NUMPY_IDIOMATIC),
                    vs_best: vs(&best, NUMPY_BEST),
                    throughput,
                    share,
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

/// The throughput of `m` doing the work `throughput` declares (GB/s for bytes, GFLOP/s for
/// flop groups, elements/s), and the share of the machine's limit where one applies: memory
/// bandwidth for workloads that move more bytes than the last-level cache holds, peak
/// GFLOP/s for flop groups.
fn rate_cells(m: &Measurement, throughput: Option<Throughput>, ctx: &Context) -> (String, String) {
    let Some((elements, bytes)) = throughput.map(Throughput::counts) else {
        return ("—".to_owned(), "—".to_owned());
    };
    let per_s = |count: u64| count as f64 / m.median_s;
    let giga = |count: u64| per_s(count) / 1e9;
    let flops = elements.filter(|_| ctx.flop_groups.contains(&m.group));
    let rates = [
        flops.map(|f| format!("{} GFLOP/s", sig(giga(f), 3))),
        elements
            .filter(|_| flops.is_none())
            .map(|e| elements_rate(per_s(e))),
        bytes.map(|b| format!("{} GB/s", sig(giga(b), 3))),
    ];
    let share = match (ctx.limits, flops, bytes) {
        (Some(limits), Some(f), _) => {
            format!("{} of peak GFLOP/s", percent(giga(f) / limits.fma.gflops))
        }
        (Some(_), None, Some(b)) if ctx.llc_bytes.is_some_and(|llc| b < llc) => {
            "in cache".to_owned()
        }
        (Some(limits), None, Some(b)) => {
            format!("{} of bandwidth", percent(giga(b) / limits.triad.gbs))
        }
        _ => "—".to_owned(),
    };
    let rates: Vec<String> = rates.into_iter().flatten().collect();
    (rates.join(", "), share)
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
    let (lo, hi) = (format_time(lo), format_time(hi));
    match (lo.split_once(' '), hi.split_once(' ')) {
        (Some((a, unit)), Some((b, same))) if unit == same => format!("{a}–{b} {unit} ({kind})"),
        _ => format!("{lo} – {hi} ({kind})"),
    }
}

/// A ratio to two significant digits: `4.1×`, `0.70×`, `18×`, `120×`.
pub fn format_ratio(ratio: f64) -> String {
    format!("{}×", sig(ratio, 2))
}

/// A ratio of [`Row`], or why there is none.
pub fn ratio_cell(ratio: &Result<f64, String>) -> String {
    ratio
        .as_ref()
        .map_or_else(Clone::clone, |x| format_ratio(*x))
}

fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    let decimals = if p >= 10.0 { 0 } else { 1 };
    format!("{p:.decimals$}%")
}

fn elements_rate(per_s: f64) -> String {
    let (scale, prefix) = [(1e9, "G"), (1e6, "M")]
        .into_iter()
        .find(|&(scale, _)| per_s >= scale)
        .unwrap_or((1e3, "k"));
    format!("{} {prefix}elem/s", sig(per_s / scale, 3))
}

/// The Markdown of one chapter: the table, then the notes that say how, when and where the
/// numbers were measured.
pub fn render_chapter(files: &[BenchFile], ctx: &Context, run: &Run) -> String {
    let rows = rows(files, ctx);
    // The first seven columns always, throughput and share only where some row has a value.
    let shown = [
        true,
        rows.iter().any(|r| r.throughput != "—"),
        rows.iter().any(|r| r.share != "—"),
        ctx.default_build.is_some(),
    ];
    let line = |cells: [String; 4]| {
        let cells: Vec<String> = cells
            .into_iter()
            .zip(shown)
            .filter_map(|(cell, shown)| shown.then_some(cell))
            .collect();
        format!("| {} |\n", cells.join(" | "))
    };
    let mut md = line([
        "workload | size | implementation | median | spread | vs idiomatic NumPy | vs best NumPy"
            .to_owned(),
        "throughput".to_owned(),
        "share of limit".to_owned(),
        "vs default build".to_owned(),
    ]);
    let optional = shown.iter().filter(|&&shown| shown).count() - 1;
    md += &format!("|---|---|---|--:|--:|--:|--:{}|\n", "|--:".repeat(optional));
    for row in &rows {
        let m = row.m;
        md += &line([
            format!(
                "{} | {} | {} | {} | {} | {} | {}",
                m.group,
                m.size,
                m.label(),
                format_time(m.median_s),
                m.spread.map_or_else(|| "—".to_owned(), format_spread),
                ratio_cell(&row.vs_idiomatic),
                ratio_cell(&row.vs_best),
            ),
            row.throughput.clone(),
            row.share.clone(),
            row.vs_default
                .map_or_else(|| "not measured".to_owned(), format_ratio),
        ]);
    }
    md + &note(files, ctx, run)
}

/// The text under a table: what its columns mean, and how, when and where it was measured.
fn note(files: &[BenchFile], ctx: &Context, run: &Run) -> String {
    let o = &run.options;
    let rounds = match run.rounds() {
        1 => "one round".to_owned(),
        n => format!("{n} interleaved rounds (Rust, then NumPy, then Rust again...)"),
    };
    let vs_default = if ctx.default_build.is_some() {
        " *vs default build* is the median of the same row in the last run of the default build \
         on this machine divided by this one's: the Rust rows compare the two builds, and the \
         NumPy rows, the same code in both runs, show how far the machine drifted between them."
    } else {
        ""
    };
    let kind = if o.quick {
        "a quick run (criterion's `--quick` mode and fewer NumPy repeats): indicative only"
    } else {
        "a full run"
    };
    let (threads, plural) = (o.threads, plural(o.threads));
    let rust_env = match o.rust_env.as_slice() {
        [] => String::new(),
        vars => {
            let vars: Vec<String> = vars.iter().map(|(k, v)| format!("`{k}={v}`")).collect();
            format!(", run with {} (the Rust side only)", vars.join(", "))
        }
    };
    let numpy = match &run.python {
        Ok(p) => format!(
            "NumPy {} (Python {}); NumPy: {}",
            p.numpy_version, p.python_version, p.simd
        ),
        Err(why) => format!("NumPy not measured ({why})"),
    };
    let limits = if run.is_variant() {
        format!(
            "The machine is described on the Benchmarks page; its limits measured in this run: \
             {}.",
            run.limits.summary()
        )
    } else {
        "The machine and its measured limits are described on the Benchmarks page.".to_owned()
    };
    let mut md = format!(
        "\nMedian time per call over {rounds}.{vs_default} Spread: for Rust, criterion's 95% \
         confidence interval of the median (CI; the union over the rounds); for NumPy and \
         Python, the interquartile range of every timed run (IQR). *vs idiomatic NumPy* is the \
         idiomatic NumPy expression's median divided by the row's, and *vs best NumPy* the same \
         for the fastest NumPy version we could write: above 1, the row is faster. Throughput \
         is the workload's size over the row's median.\n\n\
         Measured by `{}` on {} (UTC), {kind}; {threads} thread{plural} on both sides \
         (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` \
         set to {threads}); {}. Rust: {}, compiled for {}{rust_env}. {numpy}. {limits}\n",
        run.command,
        run.date,
        run.machine.summary(),
        run.machine.rustc,
        run.rust_simd,
    );
    for file in files {
        let name = &file.name;
        let problem = match &file.numpy_status {
            // The note above already says why NumPy was not measured.
            NumpyStatus::NotMeasured | NumpyStatus::Measured => continue,
            NumpyStatus::Failed(why) => format!("the NumPy script failed: {why}"),
            NumpyStatus::NoScript => {
                format!("`{name}` has no NumPy counterpart (`benches/{name}.py`)")
            }
        };
        md += &format!("\nBench file `{name}`: {problem}.\n");
    }
    md
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bench::tests::run;
    use std::sync::LazyLock;

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

    /// A peak of 80 GFLOP/s and a bandwidth of 12 GB/s (with a 32 MiB last-level cache).
    /// The context of a run that measured this machine's limits (a 32 MiB last-level cache).
    fn measured(flop_groups: &[String]) -> Context<'_> {
        Context {
            limits: Some(limits()),
            llc_bytes: Some(32 << 20),
            flop_groups,
            default_build: None,
        }
    }

    /// The context of a run that measured no limits.
    fn unmeasured() -> Context<'static> {
        Context {
            limits: None,
            llc_bytes: None,
            flop_groups: &[],
            default_build: None,
        }
    }

    fn limits() -> &'static MeasuredLimits {
        static LIMITS: LazyLock<MeasuredLimits> = LazyLock::new(|| {
            let mut limits = run().limits;
            limits.fma.gflops = 80.0;
            limits.triad.gbs = 12.0;
            limits
        });
        &LIMITS
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
        let ctx = measured(&flop_groups);
        let files = chapter();
        let rows = rows(&files, &ctx);
        let labels: Vec<String> = rows.iter().map(|r| r.m.label()).collect();
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
        let ctx = measured(&[]);
        assert_eq!(rate_cells(&small, small.throughput, &ctx).1, "in cache");
        let ctx = unmeasured();
        assert_eq!(rate_cells(&small, small.throughput, &ctx).1, "—");
        assert_eq!(rate_cells(&small, small.throughput, &ctx).0, "24.0 GB/s");
        small.throughput = Some(Throughput::ElementsAndBytes {
            elements: 1,
            bytes: 1000,
        });
        assert_eq!(
            rate_cells(&small, small.throughput, &ctx).0,
            "1.00 Melem/s, 1.00 GB/s"
        );
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

    #[test]
    fn the_chapter_table_has_every_row_and_says_how_it_was_measured() {
        let ctx = measured(&[]);
        let md = render_chapter(&chapter(), &ctx, &run());
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
        assert!(md.contains("dispatching at run time to X86_V3"));
        assert!(!md.contains('$'), "a dollar sign would start math");

        let mut missing = chapter();
        missing[0].measurements.retain(|m| m.side == Side::Rust);
        missing[0].numpy_status = NumpyStatus::NotMeasured;
        let md = render_chapter(&missing, &ctx, &run());
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
        let md = render_chapter(&chapter(), &ctx, &run());
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

    /// Whole tables, as the xtask wrote them before it was made shorter: a quick default run,
    /// and a full variant run where NumPy was off, one bench file has no script and one
    /// script failed.
    #[test]
    fn chapter_tables_render_byte_for_byte() {
        let flop_groups = vec!["matmul".to_owned()];
        let ctx = measured(&flop_groups);
        assert_eq!(render_chapter(&chapter(), &ctx, &run()), T1);

        let mut files = chapter();
        files[0].measurements.retain(|m| m.side == Side::Rust);
        files[0].numpy_status = NumpyStatus::NotMeasured;
        let mut second = files[0].clone();
        second.name = "second".into();
        second.numpy_status = NumpyStatus::NoScript;
        let mut third = chapter()[0].clone();
        third.name = "third".into();
        third.measurements.truncate(2);
        third.numpy_status =
            NumpyStatus::Failed("`python crates/x/benches/third.py` failed".into());
        files.extend([second, third]);
        let default_build = BTreeMap::from([
            ("standardize/flat/150x4_f64".to_owned(), 1.5e-6),
            ("axpy/zip/10M_f64".to_owned(), 0.03),
        ]);
        let ctx = Context {
            limits: Some(limits()),
            llc_bytes: Some(32 << 20),
            flop_groups: &[],
            default_build: Some(&default_build),
        };
        let mut variant = run();
        variant.options.quick = false;
        variant.options.threads = 2;
        variant.options.target_cpu = Some("x86-64-v3".into());
        variant.options.rust_env = vec![("A".into(), "B".into()), ("C".into(), "D".into())];
        variant.command =
            "cargo xtask bench chapter01 --threads 2 --rust-env A=B --rust-env C=D".into();
        variant.date = "2025-06-02".into();
        variant.machine.logical_cpus = 4;
        variant.machine.ram_bytes = None;
        variant.rust_simd = "`-C target-cpu=x86-64-v3` (sse2 avx2)".into();
        variant.python = Err("switched off with --no-numpy".into());
        assert_eq!(render_chapter(&files, &ctx, &variant), T2);
        let ctx = unmeasured();
        assert_eq!(render_chapter(&chapter()[..1], &ctx, &variant), T3);
    }

    const T1: &str = r#"| workload | size | implementation | median | spread | vs idiomatic NumPy | vs best NumPy | throughput | share of limit |
|---|---|---|--:|--:|--:|--:|--:|--:|
| standardize | 150x4_f64 | Rust `flat` | 1.00 µs | 980 ns – 1.02 µs (CI) | 4.0× | 3.0× | 600 Melem/s | — |
| standardize | 150x4_f64 | Rust `ndarray` | 2.00 µs | 1.90–2.10 µs (CI) | 2.0× | 1.5× | 300 Melem/s | — |
| standardize | 150x4_f64 | NumPy, idiomatic | 4.00 µs | — | — | 0.75× | 150 Melem/s | — |
| standardize | 150x4_f64 | NumPy, best | 3.00 µs | — | 1.3× | — | 200 Melem/s | — |
| standardize | 150x4_f64 | pure Python | 400 µs | — | 0.010× | 0.0075× | 1.50 Melem/s | — |
| axpy | 10M_f64 | Rust `zip` | 24.0 ms | 23.0–25.0 ms (CI) | 1.3× | no such row | 10.0 GB/s | 83% of bandwidth |
| axpy | 10M_f64 | NumPy, idiomatic | 30.0 ms | — | — | no such row | 8.00 GB/s | 67% of bandwidth |
| matmul | 1000x1000_f64 | Rust `ndarray` | 50.0 ms | 49.0–51.0 ms (CI) | no such row | no such row | 40.0 GFLOP/s | 50% of peak GFLOP/s |

Median time per call over one round. Spread: for Rust, criterion's 95% confidence interval of the median (CI; the union over the rounds); for NumPy and Python, the interquartile range of every timed run (IQR). *vs idiomatic NumPy* is the idiomatic NumPy expression's median divided by the row's, and *vs best NumPy* the same for the fastest NumPy version we could write: above 1, the row is faster. Throughput is the workload's size over the row's median.

Measured by `cargo xtask bench chapter01 --quick` on 2025-06-01 (UTC), a quick run (criterion's `--quick` mode and fewer NumPy repeats): indicative only; 1 thread on both sides (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` set to 1); Test CPU, 2 cores, 8.0 GiB RAM. Rust: rustc 1.95.0, compiled for x86-64 (SSE2). NumPy 2.4.6 (Python 3.11.7); NumPy: baseline X86_V2, dispatching at run time to X86_V3, X86_V4. The machine and its measured limits are described on the Benchmarks page.
"#;

    const T2: &str = r#"| workload | size | implementation | median | spread | vs idiomatic NumPy | vs best NumPy | throughput | share of limit | vs default build |
|---|---|---|--:|--:|--:|--:|--:|--:|--:|
| standardize | 150x4_f64 | Rust `flat` | 1.00 µs | 980 ns – 1.02 µs (CI) | not measured | not measured | 600 Melem/s | — | 1.5× |
| standardize | 150x4_f64 | Rust `ndarray` | 2.00 µs | 1.90–2.10 µs (CI) | not measured | not measured | 300 Melem/s | — | not measured |
| axpy | 10M_f64 | Rust `zip` | 24.0 ms | 23.0–25.0 ms (CI) | not measured | not measured | 10.0 GB/s | 83% of bandwidth | 1.3× |
| matmul | 1000x1000_f64 | Rust `ndarray` | 50.0 ms | 49.0–51.0 ms (CI) | not measured | not measured | 40.0 Gelem/s | — | not measured |
| standardize | 150x4_f64 | Rust `flat` | 1.00 µs | 980 ns – 1.02 µs (CI) | no NumPy script | no NumPy script | 600 Melem/s | — | 1.5× |
| standardize | 150x4_f64 | Rust `ndarray` | 2.00 µs | 1.90–2.10 µs (CI) | no NumPy script | no NumPy script | 300 Melem/s | — | not measured |
| axpy | 10M_f64 | Rust `zip` | 24.0 ms | 23.0–25.0 ms (CI) | no NumPy script | no NumPy script | 10.0 GB/s | 83% of bandwidth | 1.3× |
| matmul | 1000x1000_f64 | Rust `ndarray` | 50.0 ms | 49.0–51.0 ms (CI) | no NumPy script | no NumPy script | 40.0 Gelem/s | — | not measured |
| standardize | 150x4_f64 | Rust `flat` | 1.00 µs | 980 ns – 1.02 µs (CI) | failed | failed | 600 Melem/s | — | 1.5× |
| standardize | 150x4_f64 | Rust `ndarray` | 2.00 µs | 1.90–2.10 µs (CI) | failed | failed | 300 Melem/s | — | not measured |

Median time per call over 3 interleaved rounds (Rust, then NumPy, then Rust again...). *vs default build* is the median of the same row in the last run of the default build on this machine divided by this one's: the Rust rows compare the two builds, and the NumPy rows, the same code in both runs, show how far the machine drifted between them. Spread: for Rust, criterion's 95% confidence interval of the median (CI; the union over the rounds); for NumPy and Python, the interquartile range of every timed run (IQR). *vs idiomatic NumPy* is the idiomatic NumPy expression's median divided by the row's, and *vs best NumPy* the same for the fastest NumPy version we could write: above 1, the row is faster. Throughput is the workload's size over the row's median.

Measured by `cargo xtask bench chapter01 --threads 2 --rust-env A=B --rust-env C=D` on 2025-06-02 (UTC), a full run; 2 threads on both sides (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` set to 2); Test CPU, 2 cores (4 logical CPUs). Rust: rustc 1.95.0, compiled for `-C target-cpu=x86-64-v3` (sse2 avx2), run with `A=B`, `C=D` (the Rust side only). NumPy not measured (switched off with --no-numpy). The machine is described on the Benchmarks page; its limits measured in this run: peak 102.4 GFLOP/s (FMA kernel), dgemm 77.6 GFLOP/s (2000x2000), memory bandwidth 11.8 GB/s (triad, 256 MiB arrays).

Bench file `second`: `second` has no NumPy counterpart (`benches/second.py`).

Bench file `third`: the NumPy script failed: `python crates/x/benches/third.py` failed.
"#;

    const T3: &str = r#"| workload | size | implementation | median | spread | vs idiomatic NumPy | vs best NumPy | throughput |
|---|---|---|--:|--:|--:|--:|--:|
| standardize | 150x4_f64 | Rust `flat` | 1.00 µs | 980 ns – 1.02 µs (CI) | 4.0× | 3.0× | 600 Melem/s |
| standardize | 150x4_f64 | Rust `ndarray` | 2.00 µs | 1.90–2.10 µs (CI) | 2.0× | 1.5× | 300 Melem/s |
| standardize | 150x4_f64 | NumPy, idiomatic | 4.00 µs | — | — | 0.75× | 150 Melem/s |
| standardize | 150x4_f64 | NumPy, best | 3.00 µs | — | 1.3× | — | 200 Melem/s |
| standardize | 150x4_f64 | pure Python | 400 µs | — | 0.010× | 0.0075× | 1.50 Melem/s |
| axpy | 10M_f64 | Rust `zip` | 24.0 ms | 23.0–25.0 ms (CI) | 1.3× | no such row | 10.0 GB/s |
| axpy | 10M_f64 | NumPy, idiomatic | 30.0 ms | — | — | no such row | 8.00 GB/s |
| matmul | 1000x1000_f64 | Rust `ndarray` | 50.0 ms | 49.0–51.0 ms (CI) | no such row | no such row | 40.0 Gelem/s |

Median time per call over 3 interleaved rounds (Rust, then NumPy, then Rust again...). Spread: for Rust, criterion's 95% confidence interval of the median (CI; the union over the rounds); for NumPy and Python, the interquartile range of every timed run (IQR). *vs idiomatic NumPy* is the idiomatic NumPy expression's median divided by the row's, and *vs best NumPy* the same for the fastest NumPy version we could write: above 1, the row is faster. Throughput is the workload's size over the row's median.

Measured by `cargo xtask bench chapter01 --threads 2 --rust-env A=B --rust-env C=D` on 2025-06-02 (UTC), a full run; 2 threads on both sides (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` set to 2); Test CPU, 2 cores (4 logical CPUs). Rust: rustc 1.95.0, compiled for `-C target-cpu=x86-64-v3` (sse2 avx2), run with `A=B`, `C=D` (the Rust side only). NumPy not measured (switched off with --no-numpy). The machine is described on the Benchmarks page; its limits measured in this run: peak 102.4 GFLOP/s (FMA kernel), dgemm 77.6 GFLOP/s (2000x2000), memory bandwidth 11.8 GB/s (triad, 256 MiB arrays).
"#;
}
