//! Prints this machine's limits as one JSON object (`cargo xtask bench` reads
//! it): peak f64 GFLOP/s from a register-only FMA kernel, the GFLOP/s of an
//! OpenBLAS dgemm, and memory bandwidth from a STREAM-style triad.
//!
//! `cargo run --release -p machine-limits -- [--gemm-n N] [--gemm-runs R]
//! [--triad-len L] [--triad-runs R] [--threads T]`. OpenBLAS takes its thread
//! count from `OPENBLAS_NUM_THREADS`; `--threads` sets the triad's and the FMA
//! kernel's (the xtask sets both to the same value).

use std::error::Error;
use std::process::ExitCode;

use machine_limits::{
    CHAINS, FmaKernel, TRIAD_BYTES_PER_ELEMENT, Timing, fma_timing, gemm_flops,
    gemm_timing, openblas_config, openblas_threads, triad_timing,
};

/// Rounds of the FMA kernel per thread and run: about 0.1 s at 3 GHz.
const FMA_ITERATIONS: u64 = 40_000_000;
/// The FMA kernel's fewest runs (it is cheap, and its best is the limit).
const FMA_MIN_RUNS: usize = 10;

const USAGE: &str = "usage: machine-limits [--gemm-n N] [--gemm-runs R] [--triad-len L] \
                     [--triad-runs R] [--threads T]";

struct Options {
    gemm_n: usize,
    gemm_runs: usize,
    triad_len: usize,
    triad_runs: usize,
    threads: usize,
}

fn parse(args: &[String]) -> Result<Options, Box<dyn Error>> {
    let mut options = Options {
        gemm_n: 3000,
        gemm_runs: 5,
        triad_len: 1 << 25,
        triad_runs: 10,
        threads: 1,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let slot = match flag.as_str() {
            "--gemm-n" => &mut options.gemm_n,
            "--gemm-runs" => &mut options.gemm_runs,
            "--triad-len" => &mut options.triad_len,
            "--triad-runs" => &mut options.triad_runs,
            "--threads" => &mut options.threads,
            "--help" | "-h" => return Err(USAGE.into()),
            other => {
                return Err(
                    format!("unknown argument `{other}`\n{USAGE}").into()
                );
            }
        };
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        *slot = value.parse().map_err(|_| {
            format!("{flag}: `{value}` is not a positive integer\n{USAGE}")
        })?;
        if *slot == 0 {
            return Err(format!("{flag} must be at least 1").into());
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok(options) => {
            measure(&options);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("machine-limits: {e}");
            ExitCode::from(2)
        }
    }
}

/// What `machine-limits` prints: one JSON object (`cargo xtask bench` reads it).
#[derive(serde::Serialize)]
struct Report {
    threads: usize,
    openblas_config: String,
    openblas_threads: usize,
    fma: FmaReport,
    gemm: GemmReport,
    triad: TriadReport,
}

#[derive(serde::Serialize)]
struct FmaReport {
    kernel: &'static str,
    chains: usize,
    iterations: u64,
    threads: usize,
    #[serde(flatten)]
    timing: Timing,
    gflops: f64,
    median_gflops: f64,
}

#[derive(serde::Serialize)]
struct GemmReport {
    n: usize,
    #[serde(flatten)]
    timing: Timing,
    gflops: f64,
    median_gflops: f64,
}

#[derive(serde::Serialize)]
struct TriadReport {
    len: usize,
    #[serde(flatten)]
    timing: Timing,
    gbs: f64,
    median_gbs: f64,
}

/// Measures both limits and prints them as one JSON object.
fn measure(o: &Options) {
    let kernel = FmaKernel::detect();
    // At least 10 runs of about 0.1 s: a run cut short by the virtual machine's host or a
    // clock ramp-up is not the peak, and the best of many is.
    let fma = fma_timing(
        kernel,
        FMA_ITERATIONS,
        o.gemm_runs.max(FMA_MIN_RUNS),
        o.threads,
    );
    let fma_flops = kernel.flops(FMA_ITERATIONS) * o.threads as f64;
    let gemm = gemm_timing(o.gemm_n, o.gemm_runs);
    let triad = triad_timing(o.triad_len, o.triad_runs, o.threads);
    let flops = gemm_flops(o.gemm_n);
    let bytes = (o.triad_len * TRIAD_BYTES_PER_ELEMENT) as f64;
    let [fma_gflops, fma_median] = fma.giga_per_s(fma_flops);
    let [gemm_gflops, gemm_median] = gemm.giga_per_s(flops);
    let [gbs, median_gbs] = triad.giga_per_s(bytes);
    let report = Report {
        threads: o.threads,
        openblas_config: openblas_config(),
        openblas_threads: openblas_threads(),
        fma: FmaReport {
            kernel: kernel.describe(),
            chains: CHAINS,
            iterations: FMA_ITERATIONS,
            threads: o.threads,
            timing: fma,
            gflops: fma_gflops,
            median_gflops: fma_median,
        },
        gemm: GemmReport {
            n: o.gemm_n,
            timing: gemm,
            gflops: gemm_gflops,
            median_gflops: gemm_median,
        },
        triad: TriadReport {
            len: o.triad_len,
            timing: triad,
            gbs,
            median_gbs,
        },
    };
    match serde_json::to_string(&report) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("machine-limits: cannot write the report: {e}"),
    }
}
