//! The machine the numbers were measured on: what it is (CPU, cores, SIMD, caches, memory,
//! OS, compilers, BLAS) and what it can do at best, measured in the same run by the
//! `machine-limits` crate (peak f64 GFLOP/s through OpenBLAS, triad memory bandwidth).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::SystemTime;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::{Run, plural, stdout_of};
use crate::util;

/// What the machine is.
#[derive(Debug, Clone, Default)]
pub struct Machine {
    pub cpu: String,
    pub logical_cpus: usize,
    pub physical_cores: Option<usize>,
    /// SIMD extensions the CPU has (detected at run time).
    pub simd: Vec<&'static str>,
    /// `L1d 48 KiB, L2 2 MiB, L3 480 MiB` (per core or shared, as the OS reports it).
    pub caches: String,
    pub llc_bytes: Option<u64>,
    pub ram_bytes: Option<u64>,
    pub os: String,
    pub rustc: String,
}

impl Machine {
    /// One line for the note under each table.
    pub fn summary(&self) -> String {
        let cores = match self.physical_cores {
            Some(p) if p != self.logical_cpus => {
                format!("{p} cores ({} logical CPUs)", self.logical_cpus)
            }
            _ => format!("{} cores", self.logical_cpus),
        };
        let ram = self
            .ram_bytes
            .map_or_else(String::new, |b| format!(", {} RAM", gib(b)));
        format!("{}, {cores}{ram}", self.cpu)
    }
}

fn gib(bytes: u64) -> String {
    format!("{:.1} GiB", bytes as f64 / (1u64 << 30) as f64)
}

fn human_bytes(bytes: u64) -> String {
    let whole = |shift: u32| bytes >= 1 << shift && bytes.is_multiple_of(1 << shift);
    let (shift, unit) = match bytes {
        _ if whole(30) => (30, "GiB"),
        _ if whole(20) => (20, "MiB"),
        1024.. => (10, "KiB"),
        _ => (0, "B"),
    };
    format!("{} {unit}", bytes >> shift)
}

/// Describes this machine (Linux in detail through /proc and /sys, macOS through sysctl).
pub fn describe(root: &Path) -> Machine {
    let read = |path: &str| fs::read_to_string(path).unwrap_or_default();
    let cpuinfo = read("/proc/cpuinfo");
    let sysctl = |key: &str| command_line(Command::new("sysctl").args(["-n", key]));
    let sysctl_number = |key: &str| sysctl(key)?.parse::<u64>().ok();
    let cpu = cpu_name(&cpuinfo);
    let mac_caches = || {
        let l2 = sysctl_number("hw.l2cachesize")?;
        Some(match sysctl_number("hw.l3cachesize").filter(|&b| b > 0) {
            Some(l3) => (
                format!("L2 {}, L3 {}", human_bytes(l2), human_bytes(l3)),
                l3,
            ),
            None => (format!("L2 {}", human_bytes(l2)), l2),
        })
    };
    let (caches, llc_bytes) = match linux_caches().or_else(mac_caches) {
        Some((text, llc)) => (text, Some(llc)),
        None => ("unknown".to_owned(), None),
    };
    let ram_bytes = field(&read("/proc/meminfo"), "MemTotal", ':')
        .and_then(|kb| kb.split_whitespace().next()?.parse::<u64>().ok())
        .map(|kb| kb * 1024)
        .or_else(|| sysctl_number("hw.memsize"));
    let os = field(&read("/etc/os-release"), "PRETTY_NAME", '=')
        .map(|name| name.trim_matches('"').to_owned())
        .or_else(|| {
            command_line(Command::new("sw_vers").arg("-productVersion"))
                .map(|v| format!("macOS {v}"))
        })
        .unwrap_or_else(|| std::env::consts::OS.to_owned());
    let kernel = command_line(Command::new("uname").arg("-r"));
    Machine {
        cpu,
        logical_cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        physical_cores: physical_cores(&cpuinfo).or_else(|| sysctl("hw.physicalcpu")?.parse().ok()),
        simd: simd_detected(),
        caches,
        llc_bytes,
        ram_bytes,
        os: match kernel {
            Some(k) if std::env::consts::OS == "linux" => format!("{os}, Linux {k}"),
            _ => os,
        },
        rustc: command_line(rustc().arg("-V").current_dir(root))
            .unwrap_or_else(|| "rustc (version unknown)".to_owned()),
    }
}

/// The CPU's name, from /proc/cpuinfo or macOS's sysctl.
fn cpu_name(cpuinfo: &str) -> String {
    field(cpuinfo, "model name", ':')
        .or_else(|| command_line(Command::new("sysctl").args(["-n", "machdep.cpu.brand_string"])))
        .or_else(|| field(cpuinfo, "Hardware", ':'))
        .unwrap_or_else(|| std::env::consts::ARCH.to_owned())
}

/// The machine as far as printed digits depend on it: the CPU, its widest vector extension
/// and whether it fuses multiply-adds (from which OpenBLAS, matrixmultiply and faer choose
/// their kernels), and `OPENBLAS_CORETYPE` when it is set, e.g. `Intel(R) Xeon(R) Processor
/// (AVX-512, FMA)`.
pub fn identity() -> String {
    let cpu = cpu_name(&fs::read_to_string("/proc/cpuinfo").unwrap_or_default());
    let vectors = vector_summary(&simd_detected());
    // Set, even empty, it changes OpenBLAS's choice (0.3.21 picks other kernels for "").
    match std::env::var("OPENBLAS_CORETYPE") {
        Ok(core) => format!("{cpu} ({vectors}), OPENBLAS_CORETYPE={core}"),
        Err(_) => format!("{cpu} ({vectors})"),
    }
}

/// The widest of `features` (as [`simd_detected`] names them), and `FMA` when it is there.
fn vector_summary(features: &[&str]) -> String {
    const WIDEST_FIRST: [(&str, &str); 7] = [
        ("avx512f", "AVX-512"),
        ("avx2", "AVX2"),
        ("avx", "AVX"),
        ("sse4.2", "SSE4.2"),
        ("sse2", "SSE2"),
        ("sve", "SVE"),
        ("neon", "NEON"),
    ];
    let widest = WIDEST_FIRST
        .iter()
        .find(|(feature, _)| features.contains(feature))
        .map_or("no SIMD", |(_, name)| name);
    if features.contains(&"fma") {
        format!("{widest}, FMA")
    } else {
        widest.to_owned()
    }
}

/// The compiler cargo uses.
fn rustc() -> Command {
    Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
}

/// A command's output, trimmed, if it ran, succeeded and printed something.
fn command_line(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// The value of the first `key: value` line (with `separator` for `:`) that has one.
fn field(text: &str, key: &str, separator: char) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(separator)?;
        (k.trim() == key && !v.trim().is_empty()).then(|| v.trim().to_owned())
    })
}

/// Distinct (physical id, core id) pairs in /proc/cpuinfo, one block per logical CPU.
pub fn physical_cores(cpuinfo: &str) -> Option<usize> {
    let cores: BTreeSet<(String, String)> = cpuinfo
        .split("\n\n")
        .filter_map(|cpu| {
            let package = field(cpu, "physical id", ':').unwrap_or_default();
            Some((package, field(cpu, "core id", ':')?))
        })
        .collect();
    (!cores.is_empty()).then_some(cores.len())
}

/// Data and unified caches of CPU 0 from /sys, and the last level's size.
fn linux_caches() -> Option<(String, u64)> {
    let mut levels = Vec::new();
    for entry in fs::read_dir("/sys/devices/system/cpu/cpu0/cache").ok()? {
        let path = entry.ok()?.path();
        let read = |name: &str| {
            fs::read_to_string(path.join(name))
                .ok()
                .map(|s| s.trim().to_owned())
        };
        let (Some(level), Some(kind), Some(size)) = (read("level"), read("type"), read("size"))
        else {
            continue;
        };
        if kind != "Instruction" {
            levels.push((level.parse::<u32>().ok()?, kind, parse_cache_size(&size)?));
        }
    }
    levels.sort();
    let text = levels
        .iter()
        .map(|(level, kind, bytes)| {
            let suffix = if kind == "Data" { "d" } else { "" };
            format!("L{level}{suffix} {}", human_bytes(*bytes))
        })
        .collect::<Vec<_>>()
        .join(", ");
    Some((text, levels.last()?.2))
}

/// `48K`, `2048K`, `32M` as /sys writes cache sizes.
pub fn parse_cache_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let scale = match text.chars().last()? {
        'K' => 1 << 10,
        'M' => 1 << 20,
        'G' => 1 << 30,
        _ => 1,
    };
    let digits = text.strip_suffix(['K', 'M', 'G']).unwrap_or(text);
    Some(digits.parse::<u64>().ok()? * scale)
}

/// The SIMD extensions this CPU has, detected at run time.
fn simd_detected() -> Vec<&'static str> {
    macro_rules! detect {
        ($detected:ident: $($f:tt),*) => { [$(($f, std::arch::$detected!($f))),*] };
    }
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    let features = detect!(is_x86_feature_detected:
        "sse2", "sse3", "ssse3", "sse4.1", "sse4.2", "avx", "avx2", "fma", "avx512f", "avx512dq",
        "avx512cd", "avx512bw", "avx512vl"
    );
    #[cfg(target_arch = "aarch64")]
    let features = detect!(is_aarch64_feature_detected: "neon", "fp16", "sve", "sve2");
    #[cfg(not(any(target_arch = "x86", target_arch = "x86_64", target_arch = "aarch64")))]
    let features: [(&str, bool); 0] = [];
    features
        .into_iter()
        .filter_map(|(feature, found)| found.then_some(feature))
        .collect()
}

/// The SIMD level the benchmarks' Rust code is compiled for, from `rustc --print cfg` with
/// the run's `-C target-cpu`: e.g. `the target's baseline (sse2; no -C target-cpu)` or
/// `` `-C target-cpu=x86-64-v3` (sse2 sse4.2 avx avx2 fma) ``.
pub fn rust_simd(root: &Path, rustflags: Option<&str>) -> String {
    let mut cmd = rustc();
    cmd.current_dir(root).args(["--print", "cfg"]);
    cmd.args(rustflags.unwrap_or_default().split_whitespace());
    let Some(cfg) = command_line(&mut cmd) else {
        return "unknown (rustc --print cfg failed)".to_owned();
    };
    let features = vector_features(&cfg);
    match rustflags {
        Some(flags) => format!("`{flags}` ({features})"),
        None => format!("the target's baseline ({features}; no `-C target-cpu`)"),
    }
}

/// The vector extensions among the `target_feature="..."` lines of `rustc --print cfg`.
fn vector_features(cfg: &str) -> String {
    const VECTOR: [&str; 11] = [
        "sse2", "sse3", "ssse3", "sse4.1", "sse4.2", "avx", "avx2", "fma", "avx512f", "neon", "sve",
    ];
    let found: Vec<&str> = VECTOR
        .into_iter()
        .filter(|f| cfg.lines().any(|l| l == format!("target_feature=\"{f}\"")))
        .collect();
    if found.is_empty() {
        "no vector extensions".to_owned()
    } else {
        found.join(" ")
    }
}

/// The limits `machine-limits` measured in this run, as it prints them (JSON).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MeasuredLimits {
    pub threads: usize,
    pub openblas_config: String,
    pub openblas_threads: usize,
    /// The FMA kernel: the hardware's peak, what "share of limit" compares flops with.
    pub fma: Fma,
    /// OpenBLAS's dgemm: the best a tuned library reaches here.
    pub gemm: Gemm,
    /// The triad: the memory bandwidth.
    pub triad: Triad,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Fma {
    pub kernel: String,
    /// Independent FMA chains per thread in the kernel.
    pub chains: usize,
    pub runs: usize,
    pub gflops: f64,
    pub median_gflops: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Gemm {
    pub n: usize,
    pub runs: usize,
    pub gflops: f64,
    pub median_gflops: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Triad {
    pub len: usize,
    pub runs: usize,
    pub gbs: f64,
    pub median_gbs: f64,
}

impl MeasuredLimits {
    /// One line: the best rates and the sizes they were measured at.
    pub fn summary(&self) -> String {
        format!(
            "peak {:.1} GFLOP/s (FMA kernel), dgemm {:.1} GFLOP/s ({n}x{n}), memory bandwidth \
             {:.1} GB/s (triad, {} MiB arrays)",
            self.fma.gflops,
            self.gemm.gflops,
            self.triad.gbs,
            self.triad_mib(),
            n = self.gemm.n
        )
    }

    fn triad_mib(&self) -> usize {
        (self.triad.len * 8) >> 20
    }
}

/// Sizes for the limits: a matrix product long enough to reach the kernel's peak, and triad
/// arrays well beyond the last-level cache (each at least twice it, four times in a full run),
/// capped by the memory the machine has.
pub fn limit_sizes(quick: bool, llc_bytes: Option<u64>, ram_bytes: Option<u64>) -> [usize; 4] {
    const MIB: u64 = 1 << 20;
    let llc = llc_bytes.unwrap_or(32 * MIB);
    let (gemm_n, gemm_runs, factor, floor, cap, triad_runs) = if quick {
        (1500, 3, 2, 64 * MIB, 512 * MIB, 4)
    } else {
        (3000, 5, 4, 128 * MIB, 1024 * MIB, 10)
    };
    let mut array_bytes = (factor * llc).clamp(floor, cap);
    if let Some(ram) = ram_bytes {
        // Three arrays in at most a quarter of the memory.
        array_bytes = array_bytes.min(ram / 12).max(16 * MIB);
    }
    [gemm_n, gemm_runs, (array_bytes / 8) as usize, triad_runs]
}

/// Runs `machine-limits` (release) with the threads pinned.
pub fn measure_limits(
    root: &Path,
    quick: bool,
    threads: usize,
    machine: &Machine,
    env: &[(String, String)],
) -> Result<MeasuredLimits> {
    let [gemm_n, gemm_runs, triad_len, triad_runs] =
        limit_sizes(quick, machine.llc_bytes, machine.ram_bytes);
    let mut cmd = util::cargo();
    cmd.current_dir(root)
        .args(["run", "--release", "-q", "-p", "machine-limits", "--"]);
    for (flag, value) in [
        ("--gemm-n", gemm_n),
        ("--gemm-runs", gemm_runs),
        ("--triad-len", triad_len),
        ("--triad-runs", triad_runs),
        ("--threads", threads),
    ] {
        cmd.args([flag, &value.to_string()]);
    }
    cmd.envs(env.iter().map(|(k, v)| (k, v)));
    parse_limits(&stdout_of("machine-limits", &mut cmd)?)
}

/// Reads the JSON `machine-limits` prints and checks its rates.
pub fn parse_limits(json: &str) -> Result<MeasuredLimits> {
    let l: MeasuredLimits =
        serde_json::from_str(json.trim()).context("parsing machine-limits output")?;
    for (what, x) in [
        ("fma.gflops", l.fma.gflops),
        ("fma.median_gflops", l.fma.median_gflops),
        ("gemm.gflops", l.gemm.gflops),
        ("gemm.median_gflops", l.gemm.median_gflops),
        ("triad.gbs", l.triad.gbs),
        ("triad.median_gbs", l.triad.median_gbs),
    ] {
        if !(x.is_finite() && x > 0.0) {
            bail!("machine-limits: `{what}` is {x}, not a positive rate");
        }
    }
    Ok(l)
}

/// Today's date in UTC, `YYYY-MM-DD`, from days since 1970-01-01 in the proleptic Gregorian
/// calendar (H. Hinnant's `civil_from_days`).
pub fn utc_date(now: SystemTime) -> String {
    let secs = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The Markdown of `machine.md`: two tables, the machine and its measured limits.
pub fn render(run: &Run) -> String {
    let (m, l, threads) = (&run.machine, &run.limits, run.options.threads);
    let threads_of = |n: usize| format!("{n} thread{}", plural(n));
    let (blas_threads, limit_threads) = (threads_of(l.openblas_threads), threads_of(l.threads));
    let cores = match m.physical_cores {
        Some(p) => format!("{p} physical, {} logical", m.logical_cpus),
        None => format!("{} logical", m.logical_cpus),
    };
    let simd = if m.simd.is_empty() {
        "none detected".to_owned()
    } else {
        m.simd.join(" ")
    };
    let python = match &run.python {
        Ok(p) => format!(
            "Python {}, NumPy {} |\n| BLAS (NumPy side) | {}",
            p.python_version, p.numpy_version, p.blas
        ),
        Err(why) => format!("not measured: {why}"),
    };
    format!(
        "| | |\n|---|---|\n\
         | CPU | {} |\n\
         | cores | {cores} |\n\
         | SIMD (CPU) | {simd} |\n\
         | SIMD (Rust code generation) | {} (fixed at compile time; OpenBLAS and NumPy choose \
         their kernels at run time) |\n\
         | caches | {} |\n\
         | memory | {} |\n\
         | OS | {} |\n\
         | Rust | {} |\n\
         | BLAS (Rust side) | system {}, {blas_threads} |\n\
         | Python, NumPy | {python} |\n\
         | threads | {threads} on both sides: `OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, \
         `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` set to {threads} |\n\
         | run | `{}` on {} (UTC), {} |\n\
         \nThe limits of this machine, measured in the same run by the `machine-limits` crate \
         (best of the runs; the median shows the noise):\n\n\
         | limit | best | median | how |\n|---|--:|--:|---|\n\
         | peak f64 floating-point throughput | {:.1} GFLOP/s | {:.1} GFLOP/s | {} fused \
         multiply-adds in registers, {} independent chains per thread, {} runs, {limit_threads} |\n\
         | f64 matrix product, system OpenBLAS | {:.1} GFLOP/s | {:.1} GFLOP/s | `cblas_dgemm` \
         (system OpenBLAS) on {n}×{n} matrices, {} runs, {blas_threads} |\n\
         | memory bandwidth | {:.1} GB/s | {:.1} GB/s | triad `a[i] = b[i] + s * c[i]` in Rust \
         over three arrays of {} MiB, 24 bytes per element, {} runs, {limit_threads} |\n",
        m.cpu,
        run.rust_simd,
        m.caches,
        m.ram_bytes.map_or_else(|| "unknown".to_owned(), gib),
        m.os,
        m.rustc,
        l.openblas_config,
        run.command,
        run.date,
        if run.options.quick { "quick" } else { "full" },
        l.fma.gflops,
        l.fma.median_gflops,
        l.fma.kernel,
        l.fma.chains,
        l.fma.runs,
        l.gemm.gflops,
        l.gemm.median_gflops,
        l.gemm.runs,
        l.triad.gbs,
        l.triad.median_gbs,
        l.triad_mib(),
        l.triad.runs,
        n = l.gemm.n,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::tests::run;

    #[test]
    fn dates_are_computed_in_utc_from_the_unix_epoch() {
        let at =
            |secs: u64| utc_date(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs));
        assert_eq!(at(0), "1970-01-01");
        assert_eq!(at(951_782_400), "2000-02-29");
        assert_eq!(at(1_709_251_199), "2024-02-29");
        assert_eq!(at(1_735_689_600), "2025-01-01");
    }

    #[test]
    fn the_identity_names_the_widest_extension_not_the_last_listed() {
        // AVX2 machines list "fma" after "avx2"; AVX-512 ones list "avx512vl" last.
        let avx2 = ["sse2", "sse4.2", "avx", "avx2", "fma"];
        assert_eq!(vector_summary(&avx2), "AVX2, FMA");
        let avx512 = [
            "sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512vl",
        ];
        assert_eq!(vector_summary(&avx512), "AVX-512, FMA");
        assert_eq!(vector_summary(&["sse2", "sse4.2", "avx"]), "AVX");
        assert_eq!(vector_summary(&["neon"]), "NEON");
        assert_eq!(vector_summary(&[]), "no SIMD");
    }

    #[test]
    fn cpuinfo_and_sysfs_values_are_read() {
        let cpuinfo = "processor\t: 0\nmodel name\t: Test CPU @ 3 GHz\nphysical id\t: 0\ncore id\t: 0\n\n\
                       processor\t: 1\nphysical id\t: 0\ncore id\t: 0\n\n\
                       processor\t: 2\nphysical id\t: 0\ncore id\t: 1\n";
        assert_eq!(
            field(cpuinfo, "model name", ':').as_deref(),
            Some("Test CPU @ 3 GHz")
        );
        assert_eq!(physical_cores(cpuinfo), Some(2));
        assert_eq!(physical_cores(""), None);
        // Without `physical id` (some ARM kernels), every core id is one core.
        assert_eq!(physical_cores("core id\t: 0\n\ncore id\t: 1\n"), Some(2));
        assert_eq!(parse_cache_size("48K"), Some(48 << 10));
        assert_eq!(parse_cache_size("32M"), Some(32 << 20));
        assert_eq!(parse_cache_size("x"), None);
        assert_eq!(human_bytes(491_520 << 10), "480 MiB");
        assert_eq!(human_bytes(48 << 10), "48 KiB");
    }

    #[test]
    fn limit_sizes_exceed_the_cache_and_fit_in_memory() {
        const MIB: u64 = 1 << 20;
        // 32 MiB LLC: 128 MiB arrays (the full run's floor), 64 MiB arrays when quick.
        assert_eq!(
            limit_sizes(false, Some(32 * MIB), None),
            [3000, 5, 16 << 20, 10]
        );
        assert_eq!(
            limit_sizes(true, Some(32 * MIB), None),
            [1500, 3, 8 << 20, 4]
        );
        // A huge LLC is capped at 1 GiB per array, and by a quarter of the memory.
        assert_eq!(limit_sizes(false, Some(480 * MIB), None)[2], 128 << 20);
        assert_eq!(
            limit_sizes(false, Some(480 * MIB), Some(1 << 32))[2],
            (1usize << 32) / 12 / 8
        );
    }

    fn limits() -> MeasuredLimits {
        parse_limits(
            r#"{"threads": 1, "openblas_config": "OpenBLAS 0.3.21 DYNAMIC_ARCH SkylakeX", "openblas_threads": 1,
               "fma": {"kernel": "AVX-512 `vfmadd` (8 f64 lanes)", "chains": 16, "iterations": 40000000, "runs": 3, "best_s": 0.1, "median_s": 0.11, "gflops": 102.4, "median_gflops": 93.1},
               "gemm": {"n": 2000, "runs": 3, "best_s": 2.06e-1, "median_s": 2.15e-1, "gflops": 77.569, "median_gflops": 74.117},
               "triad": {"len": 33554432, "runs": 5, "best_s": 6.8e-2, "median_s": 7.8e-2, "gbs": 11.785, "median_gbs": 10.292}}"#,
        )
        .unwrap()
    }

    #[test]
    fn machine_limits_output_is_parsed() {
        let l = limits();
        assert_eq!(l.gemm.n, 2000);
        assert_eq!(l.triad.len, 1 << 25);
        assert!((l.fma.gflops - 102.4).abs() < 1e-9);
        assert!((l.gemm.gflops - 77.569).abs() < 1e-9);
        assert!(parse_limits(r#"{"threads": 1}"#).is_err());
    }

    #[test]
    fn machine_md_lists_the_machine_threads_and_limits() {
        let mut run = run();
        assert_eq!(run.machine.summary(), "Test CPU, 2 cores, 8.0 GiB RAM");
        run.limits = limits();
        run.python = Err("python3 was not found".into());
        run.options.quick = false;
        run.command = "cargo xtask bench chapter01".into();
        run.rust_simd = "the target's baseline (sse2; no `-C target-cpu`)".into();
        let md = render(&run);
        assert!(md.contains("| CPU | Test CPU |"));
        assert!(md.contains("| Python, NumPy | not measured: python3 was not found |"));
        assert!(md.contains("| peak f64 floating-point throughput | 102.4 GFLOP/s | 93.1 GFLOP/s | AVX-512 `vfmadd` (8 f64 lanes) fused multiply-adds in registers, 16 independent chains per thread, 3 runs, 1 thread |"));
        assert!(md.contains("| 77.6 GFLOP/s | 74.1 GFLOP/s | `cblas_dgemm` (system OpenBLAS) on 2000×2000 matrices, 3 runs, 1 thread |"));
        assert!(md.contains("three arrays of 256 MiB"));
        assert!(md.contains("`cargo xtask bench chapter01` on 2025-06-01 (UTC), full"));
        assert!(md.contains("| SIMD (Rust code generation) | the target's baseline (sse2;"));
        assert!(!md.contains('$'));
    }

    #[test]
    fn vector_features_come_from_rustc_cfg_lines() {
        let cfg = "target_arch=\"x86_64\"\ntarget_feature=\"avx2\"\ntarget_feature=\"sse2\"\n\
                   target_feature=\"fxsr\"\n";
        assert_eq!(vector_features(cfg), "sse2 avx2");
        assert_eq!(
            vector_features("target_arch=\"x86_64\""),
            "no vector extensions"
        );
    }

    /// Whole `machine.md` files and summaries, as the xtask wrote them before it was made
    /// shorter.
    #[test]
    fn machine_md_renders_byte_for_byte() {
        let mut run = run();
        run.python = Err("python3 was not found".into());
        run.options.quick = false;
        run.command = "cargo xtask bench chapter01".into();
        run.rust_simd = "the target's baseline (sse2; no `-C target-cpu`)".into();
        assert_eq!(render(&run), M1);
        let mut run = crate::bench::tests::run();
        run.options.threads = 2;
        run.command = "cargo xtask bench --threads 2 --quick".into();
        run.rust_simd = "x".into();
        run.machine.physical_cores = None;
        run.machine.simd.clear();
        run.machine.ram_bytes = None;
        assert_eq!(render(&run), M2);
        assert_eq!(run.machine.summary(), "Test CPU, 2 cores");
        run.machine.logical_cpus = 4;
        run.machine.physical_cores = Some(2);
        assert_eq!(run.machine.summary(), "Test CPU, 2 cores (4 logical CPUs)");
    }

    const M1: &str = r#"| | |
|---|---|
| CPU | Test CPU |
| cores | 2 physical, 2 logical |
| SIMD (CPU) | sse2 avx2 |
| SIMD (Rust code generation) | the target's baseline (sse2; no `-C target-cpu`) (fixed at compile time; OpenBLAS and NumPy choose their kernels at run time) |
| caches | L1d 48 KiB |
| memory | 8.0 GiB |
| OS | Debian |
| Rust | rustc 1.95.0 |
| BLAS (Rust side) | system OpenBLAS 0.3.21 DYNAMIC_ARCH SkylakeX, 1 thread |
| Python, NumPy | not measured: python3 was not found |
| threads | 1 on both sides: `OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` set to 1 |
| run | `cargo xtask bench chapter01` on 2025-06-01 (UTC), full |

The limits of this machine, measured in the same run by the `machine-limits` crate (best of the runs; the median shows the noise):

| limit | best | median | how |
|---|--:|--:|---|
| peak f64 floating-point throughput | 102.4 GFLOP/s | 93.1 GFLOP/s | AVX-512 `vfmadd` (8 f64 lanes) fused multiply-adds in registers, 16 independent chains per thread, 3 runs, 2 threads |
| f64 matrix product, system OpenBLAS | 77.6 GFLOP/s | 74.1 GFLOP/s | `cblas_dgemm` (system OpenBLAS) on 2000×2000 matrices, 3 runs, 1 thread |
| memory bandwidth | 11.8 GB/s | 10.3 GB/s | triad `a[i] = b[i] + s * c[i]` in Rust over three arrays of 256 MiB, 24 bytes per element, 5 runs, 2 threads |
"#;

    const M2: &str = r#"| | |
|---|---|
| CPU | Test CPU |
| cores | 2 logical |
| SIMD (CPU) | none detected |
| SIMD (Rust code generation) | x (fixed at compile time; OpenBLAS and NumPy choose their kernels at run time) |
| caches | L1d 48 KiB |
| memory | unknown |
| OS | Debian |
| Rust | rustc 1.95.0 |
| BLAS (Rust side) | system OpenBLAS 0.3.21 DYNAMIC_ARCH SkylakeX, 1 thread |
| Python, NumPy | Python 3.11.7, NumPy 2.4.6 |
| BLAS (NumPy side) | scipy-openblas 0.3.31.188.0 (openblas, SkylakeX kernels, pthreads), 1 thread |
| threads | 2 on both sides: `OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` set to 2 |
| run | `cargo xtask bench --threads 2 --quick` on 2025-06-01 (UTC), quick |

The limits of this machine, measured in the same run by the `machine-limits` crate (best of the runs; the median shows the noise):

| limit | best | median | how |
|---|--:|--:|---|
| peak f64 floating-point throughput | 102.4 GFLOP/s | 93.1 GFLOP/s | AVX-512 `vfmadd` (8 f64 lanes) fused multiply-adds in registers, 16 independent chains per thread, 3 runs, 2 threads |
| f64 matrix product, system OpenBLAS | 77.6 GFLOP/s | 74.1 GFLOP/s | `cblas_dgemm` (system OpenBLAS) on 2000×2000 matrices, 3 runs, 1 thread |
| memory bandwidth | 11.8 GB/s | 10.3 GB/s | triad `a[i] = b[i] + s * c[i]` in Rust over three arrays of 256 MiB, 24 bytes per element, 5 runs, 2 threads |
"#;
}
