//! The machine the numbers were measured on: what it is (CPU, cores, SIMD, caches, memory,
//! OS, compilers, BLAS) and what it can do at best, measured in the same run by the
//! `machine-limits` crate (peak f64 GFLOP/s through OpenBLAS, triad memory bandwidth).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::SystemTime;

use anyhow::{Context, Result, bail};
use serde::Deserialize;

use super::numpy::Python;
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
    if bytes >= 1 << 30 && bytes.is_multiple_of(1 << 30) {
        format!("{} GiB", bytes >> 30)
    } else if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} B")
    }
}

/// Describes this machine (Linux in detail through /proc and /sys, macOS through sysctl).
pub fn describe(root: &Path) -> Machine {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let sysctl = |key: &str| command_line(Command::new("sysctl").args(["-n", key]));
    let cpu = cpuinfo_value(&cpuinfo, "model name")
        .or_else(|| sysctl("machdep.cpu.brand_string"))
        .or_else(|| cpuinfo_value(&cpuinfo, "Hardware"))
        .unwrap_or_else(|| std::env::consts::ARCH.to_owned());
    let (caches, llc_bytes) = linux_caches()
        .or_else(|| {
            let l2 = sysctl("hw.l2cachesize")?.parse::<u64>().ok()?;
            let l3 = sysctl("hw.l3cachesize").and_then(|s| s.parse::<u64>().ok());
            let mut text = format!("L2 {}", human_bytes(l2));
            if let Some(l3) = l3.filter(|&b| b > 0) {
                write!(text, ", L3 {}", human_bytes(l3)).expect("writing to a String");
            }
            Some((text, Some(l3.filter(|&b| b > 0).unwrap_or(l2))))
        })
        .unwrap_or_else(|| ("unknown".to_owned(), None));
    let ram_bytes = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            let kb = m.lines().find(|l| l.starts_with("MemTotal:"))?;
            kb.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map(|kb| kb * 1024)
        .or_else(|| sysctl("hw.memsize")?.parse().ok());
    let os = fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|r| {
            let line = r.lines().find(|l| l.starts_with("PRETTY_NAME="))?;
            Some(line["PRETTY_NAME=".len()..].trim_matches('"').to_owned())
        })
        .or_else(|| {
            command_line(Command::new("sw_vers").arg("-productVersion"))
                .map(|v| format!("macOS {v}"))
        })
        .unwrap_or_else(|| std::env::consts::OS.to_owned());
    let kernel = command_line(Command::new("uname").arg("-r"));
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
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
        rustc: command_line(Command::new(rustc).arg("-V").current_dir(root))
            .unwrap_or_else(|| "rustc (version unknown)".to_owned()),
    }
}

/// The first line of a command's output, if it ran and succeeded.
fn command_line(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    (out.status.success() && !text.is_empty()).then_some(text)
}

fn cpuinfo_value(cpuinfo: &str, key: &str) -> Option<String> {
    cpuinfo.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        (k.trim() == key && !v.trim().is_empty()).then(|| v.trim().to_owned())
    })
}

/// Distinct (physical id, core id) pairs in /proc/cpuinfo.
pub fn physical_cores(cpuinfo: &str) -> Option<usize> {
    let mut cores = BTreeSet::new();
    let mut package = String::new();
    for line in cpuinfo.lines() {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim() {
                "physical id" => package = v.trim().to_owned(),
                "core id" => {
                    cores.insert((package.clone(), v.trim().to_owned()));
                }
                _ => {}
            }
        }
    }
    (!cores.is_empty()).then_some(cores.len())
}

/// Data and unified caches of CPU 0 from /sys, and the last level's size.
fn linux_caches() -> Option<(String, Option<u64>)> {
    let dir = Path::new("/sys/devices/system/cpu/cpu0/cache");
    let mut levels = Vec::new();
    for entry in fs::read_dir(dir).ok()? {
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
        if kind == "Instruction" {
            continue;
        }
        levels.push((level.parse::<u32>().ok()?, kind, parse_cache_size(&size)?));
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
    (!levels.is_empty()).then(|| (text, levels.last().map(|l| l.2)))
}

/// `48K`, `2048K`, `32M` as /sys writes cache sizes.
pub fn parse_cache_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, scale) = match text.chars().last()? {
        'K' => (&text[..text.len() - 1], 1 << 10),
        'M' => (&text[..text.len() - 1], 1 << 20),
        'G' => (&text[..text.len() - 1], 1 << 30),
        _ => (text, 1),
    };
    Some(digits.parse::<u64>().ok()? * scale)
}

/// The SIMD extensions this CPU has, detected at run time.
fn simd_detected() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut found = Vec::new();
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    {
        macro_rules! detect {
            ($($f:tt),*) => { $( if std::arch::is_x86_feature_detected!($f) { found.push($f); } )* };
        }
        detect!(
            "sse2", "sse3", "ssse3", "sse4.1", "sse4.2", "avx", "avx2", "fma", "avx512f",
            "avx512dq", "avx512cd", "avx512bw", "avx512vl"
        );
    }
    #[cfg(target_arch = "aarch64")]
    {
        macro_rules! detect {
            ($($f:tt),*) => { $( if std::arch::is_aarch64_feature_detected!($f) { found.push($f); } )* };
        }
        detect!("neon", "fp16", "sve", "sve2");
    }
    found
}

/// The SIMD level the benchmarks' Rust code is compiled for, from `rustc --print cfg` with
/// the run's `RUSTFLAGS`: e.g. `x86-64 baseline (sse2; no -C target-cpu)` or
/// `-C target-cpu=x86-64-v3 (sse2 sse4.2 avx avx2 fma)`.
pub fn rust_simd(root: &Path, rustflags: Option<&str>) -> String {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let mut cmd = Command::new(rustc);
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

/// The limits measured by `machine-limits` in this run.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasuredLimits {
    pub threads: usize,
    pub openblas_config: String,
    pub openblas_threads: usize,
    /// The FMA kernel: the hardware's peak, what "share of limit" compares flops with.
    pub fma_kernel: String,
    /// Independent FMA chains per thread in the kernel.
    pub fma_chains: usize,
    pub fma_runs: usize,
    pub peak_gflops: f64,
    pub median_peak_gflops: f64,
    /// OpenBLAS's dgemm: the best a tuned library reaches here.
    pub gemm_n: usize,
    pub gemm_runs: usize,
    pub gemm_gflops: f64,
    pub median_gemm_gflops: f64,
    pub triad_len: usize,
    pub triad_runs: usize,
    pub bandwidth_gbs: f64,
    pub median_gbs: f64,
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
    let out = util::cargo()
        .current_dir(root)
        .args(["run", "--release", "-q", "-p", "machine-limits", "--"])
        .args([
            "--gemm-n",
            &gemm_n.to_string(),
            "--gemm-runs",
            &gemm_runs.to_string(),
        ])
        .args(["--triad-len", &triad_len.to_string()])
        .args(["--triad-runs", &triad_runs.to_string()])
        .args(["--threads", &threads.to_string()])
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stderr(Stdio::inherit())
        .output()
        .context("running machine-limits")?;
    if !out.status.success() {
        bail!("machine-limits failed ({})", out.status);
    }
    parse_limits(&String::from_utf8_lossy(&out.stdout))
}

/// Reads the JSON `machine-limits` prints.
pub fn parse_limits(json: &str) -> Result<MeasuredLimits> {
    #[derive(Deserialize)]
    struct Report {
        threads: usize,
        openblas_config: String,
        openblas_threads: usize,
        fma: Fma,
        gemm: Gemm,
        triad: Triad,
    }
    #[derive(Deserialize)]
    struct Fma {
        kernel: String,
        chains: usize,
        runs: usize,
        gflops: f64,
        median_gflops: f64,
    }
    #[derive(Deserialize)]
    struct Gemm {
        n: usize,
        runs: usize,
        gflops: f64,
        median_gflops: f64,
    }
    #[derive(Deserialize)]
    struct Triad {
        len: usize,
        runs: usize,
        gbs: f64,
        median_gbs: f64,
    }
    let r: Report = serde_json::from_str(json.trim()).context("parsing machine-limits output")?;
    for (what, x) in [
        ("fma.gflops", r.fma.gflops),
        ("fma.median_gflops", r.fma.median_gflops),
        ("gemm.gflops", r.gemm.gflops),
        ("gemm.median_gflops", r.gemm.median_gflops),
        ("triad.gbs", r.triad.gbs),
        ("triad.median_gbs", r.triad.median_gbs),
    ] {
        if !(x.is_finite() && x > 0.0) {
            bail!("machine-limits: `{what}` is {x}, not a positive rate");
        }
    }
    Ok(MeasuredLimits {
        threads: r.threads,
        openblas_config: r.openblas_config,
        openblas_threads: r.openblas_threads,
        fma_kernel: r.fma.kernel,
        fma_chains: r.fma.chains,
        fma_runs: r.fma.runs,
        peak_gflops: r.fma.gflops,
        median_peak_gflops: r.fma.median_gflops,
        gemm_n: r.gemm.n,
        gemm_runs: r.gemm.runs,
        gemm_gflops: r.gemm.gflops,
        median_gemm_gflops: r.gemm.median_gflops,
        triad_len: r.triad.len,
        triad_runs: r.triad.runs,
        bandwidth_gbs: r.triad.gbs,
        median_gbs: r.triad.median_gbs,
    })
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn utc_date(now: SystemTime) -> String {
    let secs = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Everything `machine.md` states.
pub struct MachineReport<'a> {
    pub machine: &'a Machine,
    pub limits: &'a MeasuredLimits,
    pub python: std::result::Result<&'a Python, &'a str>,
    pub threads: usize,
    pub date: &'a str,
    pub command: &'a str,
    pub quick: bool,
    /// What [`rust_simd`] says of this run's build.
    pub rust_simd: &'a str,
}

/// The Markdown of `machine.md`: two tables, the machine and its measured limits.
pub fn render(r: &MachineReport) -> String {
    let m = r.machine;
    let l = r.limits;
    let list = |v: &[&str]| {
        if v.is_empty() {
            "none detected".to_owned()
        } else {
            v.join(" ")
        }
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut rows: Vec<(&str, String)> = vec![
        ("CPU", m.cpu.clone()),
        (
            "cores",
            match m.physical_cores {
                Some(p) => format!("{p} physical, {} logical", m.logical_cpus),
                None => format!("{} logical", m.logical_cpus),
            },
        ),
        ("SIMD (CPU)", list(&m.simd)),
        (
            "SIMD (Rust code generation)",
            format!(
                "{} (fixed at compile time; OpenBLAS and NumPy choose their kernels at run \
                 time)",
                r.rust_simd
            ),
        ),
        ("caches", m.caches.clone()),
        (
            "memory",
            m.ram_bytes.map_or_else(|| "unknown".to_owned(), gib),
        ),
        ("OS", m.os.clone()),
        ("Rust", m.rustc.clone()),
        (
            "BLAS (Rust side)",
            format!(
                "system {}, {} thread{}",
                l.openblas_config,
                l.openblas_threads,
                plural(l.openblas_threads)
            ),
        ),
    ];
    match r.python {
        Ok(p) => {
            rows.push((
                "Python, NumPy",
                format!("Python {}, NumPy {}", p.python_version, p.numpy_version),
            ));
            rows.push(("BLAS (NumPy side)", p.blas.clone()));
        }
        Err(why) => rows.push(("Python, NumPy", format!("not measured: {why}"))),
    }
    rows.push((
        "threads",
        format!(
            "{} on both sides: `OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`, `MKL_NUM_THREADS` and `RAYON_NUM_THREADS` set to {}",
            r.threads, r.threads
        ),
    ));
    rows.push((
        "run",
        format!(
            "`{}` on {} (UTC), {}",
            r.command,
            r.date,
            if r.quick { "quick" } else { "full" }
        ),
    ));
    let mut md = String::from("| | |\n|---|---|\n");
    for (key, value) in rows {
        writeln!(md, "| {key} | {value} |").expect("writing to a String cannot fail");
    }
    let triad_mib = (l.triad_len * 8) >> 20;
    write!(
        md,
        "\nThe limits of this machine, measured in the same run by the `machine-limits` crate \
         (best of the runs; the median shows the noise):\n\n\
         | limit | best | median | how |\n|---|--:|--:|---|\n\
         | peak f64 floating-point throughput | {:.1} GFLOP/s | {:.1} GFLOP/s | {} fused multiply-adds in registers, {} independent chains per thread, {} runs, {} thread{} |\n\
         | f64 matrix product, system OpenBLAS | {:.1} GFLOP/s | {:.1} GFLOP/s | `cblas_dgemm` (system OpenBLAS) on {n}×{n} matrices, {} runs, {} thread{} |\n\
         | memory bandwidth | {:.1} GB/s | {:.1} GB/s | triad `a[i] = b[i] + s * c[i]` in Rust over three arrays of {} MiB, 24 bytes per element, {} runs, {} thread{} |\n",
        l.peak_gflops,
        l.median_peak_gflops,
        l.fma_kernel,
        l.fma_chains,
        l.fma_runs,
        l.threads,
        plural(l.threads),
        l.gemm_gflops,
        l.median_gemm_gflops,
        l.gemm_runs,
        l.openblas_threads,
        plural(l.openblas_threads),
        l.bandwidth_gbs,
        l.median_gbs,
        triad_mib,
        l.triad_runs,
        l.threads,
        plural(l.threads),
        n = l.gemm_n,
    )
    .expect("writing to a String cannot fail");
    md
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn cpuinfo_and_sysfs_values_are_read() {
        let cpuinfo = "processor\t: 0\nmodel name\t: Test CPU @ 3 GHz\nphysical id\t: 0\ncore id\t: 0\n\n\
                       processor\t: 1\nphysical id\t: 0\ncore id\t: 0\n\n\
                       processor\t: 2\nphysical id\t: 0\ncore id\t: 1\n";
        assert_eq!(
            cpuinfo_value(cpuinfo, "model name").as_deref(),
            Some("Test CPU @ 3 GHz")
        );
        assert_eq!(physical_cores(cpuinfo), Some(2));
        assert_eq!(physical_cores(""), None);
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
        assert_eq!(l.gemm_n, 2000);
        assert_eq!(l.triad_len, 1 << 25);
        assert!((l.peak_gflops - 102.4).abs() < 1e-9);
        assert!((l.gemm_gflops - 77.569).abs() < 1e-9);
        assert!(parse_limits(r#"{"threads": 1}"#).is_err());
    }

    #[test]
    fn machine_md_lists_the_machine_threads_and_limits() {
        let machine = Machine {
            cpu: "Test CPU".into(),
            logical_cpus: 2,
            physical_cores: Some(2),
            simd: vec!["sse2", "avx2"],
            caches: "L1d 48 KiB".into(),
            llc_bytes: Some(48 << 10),
            ram_bytes: Some(8 << 30),
            os: "Debian".into(),
            rustc: "rustc 1.95.0".into(),
        };
        assert_eq!(machine.summary(), "Test CPU, 2 cores, 8.0 GiB RAM");
        let l = limits();
        let md = render(&MachineReport {
            machine: &machine,
            limits: &l,
            python: Err("python3 was not found"),
            threads: 1,
            date: "2025-06-01",
            command: "cargo xtask bench chapter01",
            quick: false,
            rust_simd: "the target's baseline (sse2; no `-C target-cpu`)",
        });
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
}
