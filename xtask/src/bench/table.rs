//! What one run measured and how it becomes the book's Markdown tables: each Rust benchmark
//! paired with the NumPy timing of the same workload at the same size, the ratio, the
//! throughput and the share of this machine's limits; the pure-Python timings in a second table.

use std::fmt::Write as _;

/// What one iteration of a benchmark processes, as criterion records it in `benchmark.json`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Throughput {
    Bits(u64),
    Bytes(u64),
    Elements(u64),
    ElementsAndBytes { elements: u64, bytes: u64 },
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

/// One timed workload, `GROUP/IMPL/SIZE`, and its median time per call.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    pub group: String,
    pub implementation: String,
    pub size: String,
    pub median_s: f64,
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

/// One criterion bench file and its NumPy counterpart, measured back to back.
#[derive(Debug, Clone)]
pub struct BenchFile {
    pub name: String,
    /// In the order criterion registered them.
    pub rust: Vec<Measurement>,
    pub numpy: Vec<Measurement>,
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
}

/// One row of the main table: a Rust implementation next to NumPy on the same workload.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub group: String,
    pub size: String,
    pub implementation: String,
    pub rust_s: f64,
    pub numpy_s: Option<f64>,
    /// Shown when `numpy_s` is `None`.
    pub numpy_missing: String,
    pub throughput: String,
    pub share: String,
}

impl Row {
    /// NumPy's time over Rust's: above 1, Rust is faster.
    pub fn ratio(&self) -> Option<f64> {
        self.numpy_s.map(|numpy| numpy / self.rust_s)
    }
}

/// One row of the second table: a Python timing (pure Python, or NumPy with no Rust twin).
#[derive(Debug, Clone, PartialEq)]
pub struct PythonRow {
    pub group: String,
    pub size: String,
    pub implementation: String,
    pub seconds: f64,
    pub numpy_s: Option<f64>,
    pub fastest_rust_s: Option<f64>,
}

/// Pairs every Rust measurement with the `numpy` timing of the same group and size.
pub fn rows(files: &[BenchFile], ctx: &Context) -> Vec<Row> {
    let mut rows = Vec::new();
    for file in files {
        for rust in &file.rust {
            let numpy = file
                .numpy
                .iter()
                .find(|m| m.implementation == "numpy" && m.same_workload(rust));
            let numpy_missing = match &file.numpy_status {
                NumpyStatus::Measured => "no counterpart".to_owned(),
                NumpyStatus::NoScript => "no NumPy script".to_owned(),
                NumpyStatus::NotMeasured(_) => "not measured".to_owned(),
                NumpyStatus::Failed(_) => "failed".to_owned(),
            };
            rows.push(Row {
                group: rust.group.clone(),
                size: rust.size.clone(),
                implementation: rust.implementation.clone(),
                rust_s: rust.median_s,
                numpy_s: numpy.map(|m| m.median_s),
                numpy_missing,
                throughput: throughput_cell(rust, ctx),
                share: share_cell(rust, ctx),
            });
        }
    }
    rows
}

/// Every Python timing that is not the `numpy` twin of a Rust row.
pub fn python_rows(files: &[BenchFile]) -> Vec<PythonRow> {
    let mut out = Vec::new();
    for file in files {
        for m in &file.numpy {
            let has_rust_twin = file.rust.iter().any(|r| r.same_workload(m));
            if m.implementation == "numpy" && has_rust_twin {
                continue;
            }
            let numpy_s = file
                .numpy
                .iter()
                .find(|n| n.implementation == "numpy" && n.same_workload(m))
                .map(|n| n.median_s);
            let fastest_rust_s = file
                .rust
                .iter()
                .filter(|r| r.same_workload(m))
                .map(|r| r.median_s)
                .min_by(f64::total_cmp);
            out.push(PythonRow {
                group: m.group.clone(),
                size: m.size.clone(),
                implementation: m.implementation.clone(),
                seconds: m.median_s,
                numpy_s,
                fastest_rust_s,
            });
        }
    }
    out
}

fn is_flop_group(m: &Measurement, ctx: &Context) -> bool {
    ctx.flop_groups.contains(&m.group)
}

/// Rust's throughput from its median: GB/s for bytes, GFLOP/s for flop groups, elements/s.
fn throughput_cell(m: &Measurement, ctx: &Context) -> String {
    let Some(throughput) = m.throughput else {
        return "—".to_owned();
    };
    let mut parts = Vec::new();
    if let Some(elements) = throughput.elements() {
        let per_s = elements as f64 / m.median_s;
        if is_flop_group(m, ctx) {
            parts.push(format!("{} GFLOP/s", sig3(per_s / 1e9)));
        } else {
            parts.push(elements_rate(per_s));
        }
    }
    if let Some(bytes) = throughput.bytes() {
        parts.push(format!("{} GB/s", sig3(bytes as f64 / m.median_s / 1e9)));
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

/// Three significant digits, never in exponent form: `1.23`, `12.3`, `123`, `1234`.
pub fn sig3(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x:.0}");
    }
    let decimals = |a: f64| (2 - a.log10().floor() as i32).clamp(0, 12);
    let scale = 10f64.powi(decimals(x.abs()));
    // Round first: 0.9996 becomes 1.00, not 1.000; 99.96 becomes 100, not 100.0.
    let rounded = (x * scale).round() / scale;
    let decimals = decimals(rounded.abs()) as usize;
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
    let mut text = sig3(seconds / UNITS[unit].0);
    // Rounding can carry into the next unit (999.7 µs -> "1000 µs"); step up when it does.
    if text == "1000" && unit + 1 < UNITS.len() {
        unit += 1;
        text = sig3(seconds / UNITS[unit].0);
    }
    format!("{text} {}", UNITS[unit].1)
}

/// A ratio such as `3.41×`, `0.52×` or `120×`.
pub fn format_ratio(ratio: f64) -> String {
    format!("{}×", sig3(ratio))
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
        format!("{} Gelem/s", sig3(per_s / 1e9))
    } else if per_s >= 1e6 {
        format!("{} Melem/s", sig3(per_s / 1e6))
    } else {
        format!("{} kelem/s", sig3(per_s / 1e3))
    }
}

/// Everything the text under a table states about the run.
pub struct RunNote<'a> {
    /// The command that measured it, e.g. `cargo xtask bench chapter01 --quick`.
    pub command: &'a str,
    pub date: &'a str,
    pub quick: bool,
    pub threads: usize,
    /// One line: CPU, cores, memory.
    pub machine: &'a str,
    pub rustc: &'a str,
    /// `NumPy 2.4.6 (Python 3.11.7)`, or why NumPy was not measured.
    pub numpy: &'a str,
}

/// The Markdown of one chapter: the main table, the Python table when there is one, and the
/// notes that say how, when and where the numbers were measured.
pub fn render_chapter(files: &[BenchFile], ctx: &Context, note: &RunNote) -> String {
    let rows = rows(files, ctx);
    // Throughput and share columns only where some row has a value.
    let with_throughput = rows.iter().any(|r| r.throughput != "—");
    let with_share = rows.iter().any(|r| r.share != "—");
    let mut header = vec![
        "workload",
        "size",
        "Rust",
        "Rust median",
        "NumPy median",
        "NumPy / Rust",
    ];
    let mut align = vec!["---", "---", "---", "--:", "--:", "--:"];
    if with_throughput {
        header.push("Rust throughput");
        align.push("--:");
    }
    if with_share {
        header.push("share of limit");
        align.push("--:");
    }
    let mut md = format!("| {} |\n|{}|\n", header.join(" | "), align.join("|"));
    for row in &rows {
        let mut cells = vec![
            row.group.clone(),
            row.size.clone(),
            format!("`{}`", row.implementation),
            format_time(row.rust_s),
            row.numpy_s
                .map_or_else(|| row.numpy_missing.clone(), format_time),
            row.ratio().map_or_else(|| "—".to_owned(), format_ratio),
        ];
        if with_throughput {
            cells.push(row.throughput.clone());
        }
        if with_share {
            cells.push(row.share.clone());
        }
        writeln!(md, "| {} |", cells.join(" | ")).expect("writing to a String cannot fail");
    }
    let python = python_rows(files);
    if !python.is_empty() {
        md.push_str(
            "\nPython timings of the same workloads, measured in the same run:\n\n\
             | workload | size | Python | median | time / NumPy's | time / fastest Rust |\n\
             |---|---|---|--:|--:|--:|\n",
        );
        for row in &python {
            let vs = |other: Option<f64>| {
                other.map_or_else(|| "—".to_owned(), |o| format_ratio(row.seconds / o))
            };
            writeln!(
                md,
                "| {} | {} | `{}` | {} | {} | {} |",
                row.group,
                row.size,
                row.implementation,
                format_time(row.seconds),
                vs(row.numpy_s),
                vs(row.fastest_rust_s)
            )
            .expect("writing to a String cannot fail");
        }
    }
    writeln!(
        md,
        "\nMedians per call. NumPy / Rust above 1 means the Rust version is faster. \
         Throughput is computed from the Rust median.\n"
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
         `RAYON_NUM_THREADS` set to {}); {}; {}; {}. The machine and its measured limits are \
         described on the Benchmarks page.",
        note.command, note.date, note.threads, note.threads, note.machine, note.rustc, note.numpy
    )
    .expect("writing to a String cannot fail");
    for file in files {
        let problem = match &file.numpy_status {
            // The note above already says why NumPy was not measured.
            NumpyStatus::NotMeasured(_) => None,
            NumpyStatus::Failed(why) => Some(format!("the NumPy script failed: {why}")),
            NumpyStatus::NoScript => Some(format!(
                "`{}` has no NumPy counterpart (`benches/{}.py`)",
                file.name, file.name
            )),
            NumpyStatus::Measured => None,
        };
        if let Some(problem) = problem {
            writeln!(md, "\nBench file `{}`: {problem}.", file.name)
                .expect("writing to a String cannot fail");
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, median_s: f64, throughput: Option<Throughput>) -> Measurement {
        let (group, implementation, size) = Measurement::split_id(id).expect("a valid id");
        Measurement {
            group,
            implementation,
            size,
            median_s,
            throughput,
        }
    }

    fn chapter() -> Vec<BenchFile> {
        vec![BenchFile {
            name: "containers".into(),
            rust: vec![
                m(
                    "standardize/flat/150x4_f64",
                    1e-6,
                    Some(Throughput::Elements(600)),
                ),
                m(
                    "standardize/ndarray/150x4_f64",
                    2e-6,
                    Some(Throughput::Elements(600)),
                ),
                m(
                    "axpy/zip/10M_f64",
                    0.024,
                    Some(Throughput::Bytes(240_000_000)),
                ),
                m(
                    "matmul/ndarray/1000x1000_f64",
                    0.05,
                    Some(Throughput::Elements(2_000_000_000)),
                ),
            ],
            numpy: vec![
                m("standardize/numpy/150x4_f64", 4e-6, None),
                m("standardize/python_lists/150x4_f64", 4e-4, None),
                m("axpy/numpy/10M_f64", 0.030, None),
                m("cumsum/numpy/10M_f64", 0.020, None),
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
    fn rows_pair_each_rust_benchmark_with_numpy_on_the_same_workload_and_size() {
        let flop_groups = vec!["matmul".to_owned()];
        let ctx = Context {
            limits: Some(limits()),
            flop_groups: &flop_groups,
        };
        let rows = rows(&chapter(), &ctx);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].implementation, "flat");
        assert_eq!(rows[0].numpy_s, Some(4e-6));
        assert_eq!(rows[0].ratio(), Some(4.0));
        assert_eq!(rows[1].ratio(), Some(2.0));
        assert_eq!(rows[0].throughput, "600 Melem/s");
        assert_eq!(rows[0].share, "—");
        // 240 MB in 24 ms = 10 GB/s, 83% of a 12 GB/s triad.
        assert_eq!(rows[2].throughput, "10.0 GB/s");
        assert_eq!(rows[2].share, "83% of bandwidth");
        assert!((rows[2].ratio().unwrap() - 1.25).abs() < 1e-12);
        // 2 GFLOP in 50 ms = 40 GFLOP/s, half the peak.
        assert_eq!(rows[3].throughput, "40.0 GFLOP/s");
        assert_eq!(rows[3].share, "50% of peak GFLOP/s");
        assert_eq!(rows[3].numpy_s, None);
        assert_eq!(rows[3].numpy_missing, "no counterpart");
    }

    #[test]
    fn small_byte_counts_are_in_cache_and_unknown_limits_give_no_share() {
        let small = m("axpy/zip/1k_f64", 1e-6, Some(Throughput::Bytes(24_000)));
        let ctx = Context {
            limits: Some(limits()),
            flop_groups: &[],
        };
        assert_eq!(share_cell(&small, &ctx), "in cache");
        let ctx = Context {
            limits: None,
            flop_groups: &[],
        };
        assert_eq!(share_cell(&small, &ctx), "—");
        assert_eq!(throughput_cell(&small, &ctx), "24.0 GB/s");
        let both = m(
            "rows/parse/1k",
            1e-3,
            Some(Throughput::ElementsAndBytes {
                elements: 1000,
                bytes: 1_000_000,
            }),
        );
        assert_eq!(throughput_cell(&both, &ctx), "1.00 Melem/s, 1.00 GB/s");
    }

    #[test]
    fn python_rows_hold_pure_python_and_numpy_without_a_rust_twin() {
        let py = python_rows(&chapter());
        assert_eq!(py.len(), 2);
        assert_eq!(py[0].implementation, "python_lists");
        assert_eq!(py[0].numpy_s, Some(4e-6));
        assert_eq!(py[0].fastest_rust_s, Some(1e-6));
        assert_eq!(py[1].group, "cumsum");
        assert_eq!(py[1].fastest_rust_s, None);
    }

    #[test]
    fn times_ratios_and_digits_are_formatted_to_three_significant_digits() {
        assert_eq!(format_time(5.0787e-6), "5.08 µs");
        assert_eq!(format_time(1.2e-3), "1.20 ms");
        assert_eq!(format_time(0.0123), "12.3 ms");
        assert_eq!(format_time(0.1234), "123 ms");
        assert_eq!(format_time(1.5), "1.50 s");
        assert_eq!(format_time(512e-9), "512 ns");
        assert_eq!(format_time(0.9996e-3), "1.00 ms");
        assert_eq!(format_time(0.75e-9), "0.750 ns");
        assert_eq!(format_ratio(3.4117), "3.41×");
        assert_eq!(format_ratio(0.523), "0.523×");
        assert_eq!(format_ratio(120.4), "120×");
        assert_eq!(sig3(0.0123456), "0.0123");
        assert_eq!(sig3(99.96), "100");
        assert_eq!(sig3(0.0), "0");
        assert_eq!(percent(0.8333), "83%");
        assert_eq!(percent(0.0512), "5.1%");
        assert_eq!(elements_rate(1.5e10), "15.0 Gelem/s");
        assert_eq!(elements_rate(2.5e4), "25.0 kelem/s");
    }

    #[test]
    fn the_chapter_table_has_every_row_and_says_how_it_was_measured() {
        let note = RunNote {
            command: "cargo xtask bench chapter01 --quick",
            date: "2025-06-01",
            quick: true,
            threads: 1,
            machine: "Test CPU, 2 cores, 8.0 GiB",
            rustc: "rustc 1.95.0",
            numpy: "NumPy 2.4.6 (Python 3.11.7)",
        };
        let ctx = Context {
            limits: Some(limits()),
            flop_groups: &[],
        };
        let md = render_chapter(&chapter(), &ctx, &note);
        assert!(md.starts_with("| workload | size | Rust | Rust median | NumPy median |"));
        assert!(
            md.contains(
                "| standardize | 150x4_f64 | `flat` | 1.00 µs | 4.00 µs | 4.00× | 600 Melem/s | — |"
            ),
            "{md}"
        );
        assert!(md.contains("| standardize | 150x4_f64 | `python_lists` | 400 µs | 100× | 400× |"));
        assert!(
            md.contains("| matmul | 1000x1000_f64 | `ndarray` | 50.0 ms | no counterpart | — |")
        );
        assert!(md.contains("`cargo xtask bench chapter01 --quick` on 2025-06-01 (UTC)"));
        assert!(md.contains("indicative only; 1 thread on both sides"));
        assert!(!md.contains('$'), "a dollar sign would start math");

        let mut missing = chapter();
        missing[0].numpy.clear();
        missing[0].numpy_status = NumpyStatus::NotMeasured("python3 was not found".into());
        let md = render_chapter(&missing, &ctx, &note);
        assert!(md.contains("| 1.00 µs | not measured | — |"));
        assert!(
            !md.contains("Bench file"),
            "the reason is in the note, once"
        );
        assert!(!md.contains("Python timings"));

        // Without any declared throughput, neither column appears.
        let mut bare = chapter();
        bare[0].rust.iter_mut().for_each(|m| m.throughput = None);
        let md = render_chapter(&bare, &ctx, &note);
        assert!(md.starts_with(
            "| workload | size | Rust | Rust median | NumPy median | NumPy / Rust |\n|---|---|---|--:|--:|--:|\n"
        ));
        assert!(md.contains("| standardize | 150x4_f64 | `flat` | 1.00 µs | 4.00 µs | 4.00× |\n"));
    }
}
