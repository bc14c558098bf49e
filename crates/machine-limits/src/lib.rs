//! The limits every benchmark table of the book is compared with, measured on
//! the machine that runs the benchmarks rather than quoted from a data sheet:
//!
//! - peak floating-point throughput: a kernel of independent fused
//!   multiply-adds held in registers (no memory traffic), in the widest vectors
//!   the CPU has, on every thread of the run: what the cores can do at most;
//! - the best a tuned library reaches: a large `f64` matrix product
//!   (`C = A B`, `2 n^3` flops) through OpenBLAS's `cblas_dgemm`;
//! - memory bandwidth: a STREAM-style triad `a[i] = b[i] + s * c[i]` in plain
//!   Rust over arrays far larger than the last-level cache, counting 24 bytes
//!   per element (two reads and one write, as STREAM does; write-allocate
//!   traffic is not counted).
//!
//! A limit is an upper bound, so each reports the best of its runs (as STREAM
//! and HPL do), and the median next to it to show the noise.

use std::ffi::{CStr, c_char, c_int};
use std::time::Instant;

// The system OpenBLAS provides these; crates/openblas-src links it.
use openblas_src as _;

const CBLAS_ROW_MAJOR: c_int = 101;
const CBLAS_NO_TRANS: c_int = 111;

unsafe extern "C" {
    #[allow(clippy::too_many_arguments)]
    fn cblas_dgemm(
        layout: c_int,
        trans_a: c_int,
        trans_b: c_int,
        m: c_int,
        n: c_int,
        k: c_int,
        alpha: f64,
        a: *const f64,
        lda: c_int,
        b: *const f64,
        ldb: c_int,
        beta: f64,
        c: *mut f64,
        ldc: c_int,
    );
    fn openblas_get_config() -> *const c_char;
    fn openblas_get_num_threads() -> c_int;
}

/// `c = a b` for row-major `n x n` matrices, through OpenBLAS.
///
/// # Panics
/// If a slice does not hold `n * n` values or `n` does not fit a C `int`.
pub fn dgemm(n: usize, a: &[f64], b: &[f64], c: &mut [f64]) {
    assert!(
        a.len() == n * n && b.len() == n * n && c.len() == n * n,
        "dgemm: every matrix must hold n * n = {} values",
        n * n
    );
    let n_int = c_int::try_from(n).expect("matrix size fits a C int");
    // SAFETY: the three slices hold n * n values each (checked above),
    // row-major with leading dimension n, and `c` is borrowed mutably, so it
    // aliases neither input.
    unsafe {
        cblas_dgemm(
            CBLAS_ROW_MAJOR,
            CBLAS_NO_TRANS,
            CBLAS_NO_TRANS,
            n_int,
            n_int,
            n_int,
            1.0,
            a.as_ptr(),
            n_int,
            b.as_ptr(),
            n_int,
            0.0,
            c.as_mut_ptr(),
            n_int,
        );
    }
}

/// OpenBLAS's build description, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY
/// SkylakeX MAX_THREADS=64`.
pub fn openblas_config() -> String {
    // SAFETY: OpenBLAS returns a pointer to a static NUL-terminated string.
    unsafe { CStr::from_ptr(openblas_get_config()) }
        .to_string_lossy()
        .trim()
        .to_owned()
}

/// The number of threads OpenBLAS will use (it honours `OPENBLAS_NUM_THREADS`).
pub fn openblas_threads() -> usize {
    // SAFETY: a plain query with no arguments.
    let threads = unsafe { openblas_get_num_threads() };
    usize::try_from(threads).unwrap_or(0)
}

// ANCHOR: triad
/// `a[i] = b[i] + scalar * c[i]`, the STREAM triad.
pub fn triad(a: &mut [f64], b: &[f64], c: &[f64], scalar: f64) {
    for ((a, &b), &c) in a.iter_mut().zip(b).zip(c) {
        *a = b + scalar * c;
    }
}
// ANCHOR_END: triad

/// The triad split into `threads` contiguous chunks, one scoped thread each
/// (one thread runs in place, without spawning).
pub fn triad_parallel(
    a: &mut [f64],
    b: &[f64],
    c: &[f64],
    scalar: f64,
    threads: usize,
) {
    if threads <= 1 {
        triad(a, b, c, scalar);
        return;
    }
    let chunk = a.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for ((a, b), c) in a
            .chunks_mut(chunk)
            .zip(b.chunks(chunk))
            .zip(c.chunks(chunk))
        {
            scope.spawn(move || triad(a, b, c, scalar));
        }
    });
}

/// Timings of one limit: the best and the median of `runs` runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Timing {
    pub runs: usize,
    pub best_s: f64,
    pub median_s: f64,
}

impl Timing {
    /// `amount` (flops, bytes) per second in billions, at the best and at the median run.
    pub fn giga_per_s(&self, amount: f64) -> [f64; 2] {
        [amount / self.best_s / 1e9, amount / self.median_s / 1e9]
    }
}

/// Times `work` once to warm up, then `runs` times (at least once).
pub fn time_runs(runs: usize, mut work: impl FnMut()) -> Timing {
    let runs = runs.max(1);
    work();
    let seconds: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64()
        })
        .collect();
    summarize(seconds)
}

/// The best and the median of a non-empty list of run times.
pub fn summarize(mut seconds: Vec<f64>) -> Timing {
    let runs = seconds.len();
    seconds.sort_by(f64::total_cmp);
    let median_s = if runs % 2 == 1 {
        seconds[runs / 2]
    } else {
        (seconds[runs / 2 - 1] + seconds[runs / 2]) / 2.0
    };
    Timing {
        runs,
        best_s: seconds[0],
        median_s,
    }
}

/// Deterministic, non-trivial matrix entries (no zeros or denormals for the
/// kernel to shortcut).
fn matrix(n: usize, seed: usize) -> Vec<f64> {
    (0..n * n)
        .map(|i| ((i * 7 + seed * 13) % 97) as f64 / 97.0 + 0.5)
        .collect()
}

// ANCHOR: gemm_timing
/// Times `C = A B` on `n x n` matrices; the flop count is `2 n^3`.
pub fn gemm_timing(n: usize, runs: usize) -> Timing {
    let a = matrix(n, 1);
    let b = matrix(n, 2);
    let mut c = vec![0.0; n * n];
    let timing = time_runs(runs, || dgemm(n, &a, &b, &mut c));
    std::hint::black_box(&c);
    timing
}
// ANCHOR_END: gemm_timing

/// Floating-point operations of one `n x n` matrix product.
pub fn gemm_flops(n: usize) -> f64 {
    2.0 * (n as f64).powi(3)
}

/// Times the triad over three arrays of `len` values on `threads` threads. The
/// arrays are first written by the same threads that later run the triad, so on
/// a multi-socket machine each thread's pages sit near it.
pub fn triad_timing(len: usize, runs: usize, threads: usize) -> Timing {
    let mut a = vec![0.0; len];
    let mut b = vec![0.0; len];
    let mut c = vec![0.0; len];
    // Touch every page before timing (first-touch placement, no page faults in
    // the runs).
    triad_parallel(&mut b, &a, &a, 0.0, threads);
    triad_parallel(&mut c, &a, &a, 0.0, threads);
    b.iter_mut().for_each(|x| *x = 1.0);
    c.iter_mut().for_each(|x| *x = 2.0);
    let timing =
        time_runs(runs, || triad_parallel(&mut a, &b, &c, 3.0, threads));
    std::hint::black_box(&a);
    timing
}

/// Independent accumulators in the FMA kernel: a fused multiply-add takes 4
/// cycles and a core starts up to 2 per cycle, so at least 8 chains must be in
/// flight to keep both units busy; 16 leave headroom and still fit the
/// registers.
pub const CHAINS: usize = 16;

/// Which instructions the FMA kernel used, and how many `f64` lanes each has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FmaKernel {
    /// 512-bit `vfmadd` (8 lanes), on CPUs with AVX-512F.
    Avx512,
    /// 256-bit `vfmadd` (4 lanes), on CPUs with AVX2 and FMA.
    Avx2Fma,
    /// Plain Rust `a * x + y` on arrays, vectorized as the compile target allows.
    Portable,
}

impl FmaKernel {
    /// The widest kernel this CPU runs (detected at run time).
    pub fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx512f") {
                return Self::Avx512;
            }
            if is_x86_feature_detected!("avx2")
                && is_x86_feature_detected!("fma")
            {
                return Self::Avx2Fma;
            }
        }
        Self::Portable
    }

    /// `f64` lanes per instruction.
    pub fn lanes(self) -> usize {
        match self {
            Self::Avx512 => 8,
            Self::Avx2Fma => 4,
            Self::Portable => 8,
        }
    }

    /// How the machine report names it.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Avx512 => "AVX-512 `vfmadd` (8 f64 lanes)",
            Self::Avx2Fma => "AVX2 `vfmadd` (4 f64 lanes)",
            Self::Portable => "portable Rust `a * x + y` (no FMA detected)",
        }
    }

    /// Floating-point operations of `iterations` rounds: each round updates
    /// every lane of every chain with one multiply and one add.
    pub fn flops(self, iterations: u64) -> f64 {
        iterations as f64 * (CHAINS * self.lanes() * 2) as f64
    }

    /// Runs `iterations` rounds and returns the sum of the accumulators (so the
    /// work cannot be optimized away).
    pub fn run(self, iterations: u64) -> f64 {
        // Opaque to the optimizer: with constants it could prove that 1 is a
        // fixed point of the recurrence and skip the loop.
        let (start, x, y) = std::hint::black_box((1.0, 0.999_999_9, 1e-7));
        let args = FmaArgs {
            iterations,
            start,
            x,
            y,
        };
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` chose this variant only after
            // `is_x86_feature_detected!("avx512f")` said the CPU has AVX-512F.
            Self::Avx512 => unsafe { fma_avx512(args) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` chose this variant only after checking the CPU
            // has both AVX2 and FMA.
            Self::Avx2Fma => unsafe { fma_avx2(args) },
            _ => fma_portable(args),
        }
    }
}

/// The FMA kernel's inputs: `acc = acc * x + y`, `iterations` times, from
/// `acc = start`. `x` just below 1 and a small `y` keep every value near 1: no
/// overflow, no denormals.
#[derive(Clone, Copy)]
struct FmaArgs {
    iterations: u64,
    start: f64,
    x: f64,
    y: f64,
}

// ANCHOR: fma_kernel
/// `CHAINS` independent chains `acc = acc * x + y` in 512-bit registers: no
/// loads or stores in the loop, so only the FMA units limit it.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn fma_avx512(args: FmaArgs) -> f64 {
    use std::arch::x86_64::{
        _mm512_add_pd, _mm512_fmadd_pd, _mm512_reduce_add_pd, _mm512_set1_pd,
    };
    let (x, y) = (_mm512_set1_pd(args.x), _mm512_set1_pd(args.y));
    let mut acc = [_mm512_set1_pd(args.start); CHAINS];
    for _ in 0..args.iterations {
        for a in &mut acc {
            *a = _mm512_fmadd_pd(*a, x, y);
        }
    }
    let sum = acc
        .into_iter()
        .fold(_mm512_set1_pd(0.0), |s, a| _mm512_add_pd(s, a));
    _mm512_reduce_add_pd(sum)
}
// ANCHOR_END: fma_kernel

/// The same kernel in 256-bit registers.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn fma_avx2(args: FmaArgs) -> f64 {
    use std::arch::x86_64::{
        __m256d, _mm256_fmadd_pd, _mm256_set1_pd, _mm256_storeu_pd,
    };
    let (x, y) = (_mm256_set1_pd(args.x), _mm256_set1_pd(args.y));
    let mut acc: [__m256d; CHAINS] = [_mm256_set1_pd(args.start); CHAINS];
    for _ in 0..args.iterations {
        for a in &mut acc {
            *a = _mm256_fmadd_pd(*a, x, y);
        }
    }
    let mut lanes = [0.0; 4];
    let mut total = 0.0;
    for a in acc {
        // SAFETY: `lanes` holds the 4 f64 an unaligned store writes.
        unsafe { _mm256_storeu_pd(lanes.as_mut_ptr(), a) };
        total += lanes.iter().sum::<f64>();
    }
    total
}

/// The kernel in plain Rust, for CPUs without the instructions above.
fn fma_portable(args: FmaArgs) -> f64 {
    let mut acc = [[args.start; 8]; CHAINS];
    for _ in 0..args.iterations {
        for chain in &mut acc {
            for a in chain.iter_mut() {
                *a = *a * args.x + args.y;
            }
        }
    }
    acc.iter().flatten().sum()
}

/// Times the FMA kernel on `threads` threads at once, `iterations` rounds
/// each; the flop count is `threads * kernel.flops(iterations)`.
pub fn fma_timing(
    kernel: FmaKernel,
    iterations: u64,
    runs: usize,
    threads: usize,
) -> Timing {
    let threads = threads.max(1);
    time_runs(runs, || {
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    std::hint::black_box(
                        kernel.run(std::hint::black_box(iterations)),
                    )
                });
            }
        });
    })
}

/// Bytes the triad moves per element, as STREAM counts them: two 8-byte reads,
/// one write.
pub const TRIAD_BYTES_PER_ELEMENT: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dgemm_matches_the_textbook_product() {
        // [[1, 2], [3, 4]] @ [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
        let mut c = vec![0.0; 4];
        dgemm(2, &[1.0, 2.0, 3.0, 4.0], &[5.0, 6.0, 7.0, 8.0], &mut c);
        assert_eq!(c, [19.0, 22.0, 43.0, 50.0]);
    }

    #[test]
    fn dgemm_agrees_with_a_naive_loop() {
        let n = 7;
        let (a, b) = (matrix(n, 1), matrix(n, 2));
        let mut c = vec![0.0; n * n];
        dgemm(n, &a, &b, &mut c);
        for i in 0..n {
            for j in 0..n {
                let expected: f64 =
                    (0..n).map(|k| a[i * n + k] * b[k * n + j]).sum();
                assert!(
                    (c[i * n + j] - expected).abs() < 1e-12 * expected.abs()
                );
            }
        }
    }

    #[test]
    #[should_panic(expected = "n * n = 4")]
    fn dgemm_rejects_wrong_lengths() {
        dgemm(2, &[1.0; 3], &[1.0; 4], &mut [0.0; 4]);
    }

    #[test]
    fn triad_parallel_equals_the_serial_triad_for_any_thread_count() {
        let b: Vec<f64> = (0..1001).map(f64::from).collect();
        let c: Vec<f64> = (0..1001).map(|i| f64::from(i) * 0.5).collect();
        let mut serial = vec![0.0; b.len()];
        triad(&mut serial, &b, &c, 3.0);
        assert_eq!(serial[10], 10.0 + 3.0 * 5.0);
        for threads in [1, 2, 3, 8] {
            let mut parallel = vec![0.0; b.len()];
            triad_parallel(&mut parallel, &b, &c, 3.0, threads);
            assert_eq!(parallel, serial, "{threads} threads");
        }
    }

    #[test]
    fn timings_report_the_best_and_the_median() {
        let odd = summarize(vec![3.0, 1.0, 2.0]);
        assert_eq!((odd.runs, odd.best_s, odd.median_s), (3, 1.0, 2.0));
        let even = summarize(vec![4.0, 1.0, 3.0, 2.0]);
        assert_eq!((even.runs, even.best_s, even.median_s), (4, 1.0, 2.5));
        // The timing functions run as often as asked (a warm-up not counted).
        let mut calls = 0;
        assert_eq!(time_runs(4, || calls += 1).runs, 4);
        assert_eq!(calls, 5);
        assert_eq!(gemm_timing(16, 3).runs, 3);
        assert_eq!(triad_timing(4096, 4, 2).runs, 4);
        assert_eq!(gemm_flops(10), 2000.0);
    }

    #[test]
    fn every_fma_kernel_computes_the_same_recurrence() {
        // 3 steps of a = 0.9999999 a + 1e-7 from a = 1 stay exactly 1 up to
        // rounding, in every chain and lane.
        for kernel in [FmaKernel::detect(), FmaKernel::Portable] {
            let sum = kernel.run(3);
            let lanes = (CHAINS * kernel.lanes()) as f64;
            assert!((sum - lanes).abs() < 1e-9 * lanes, "{kernel:?}: {sum}");
            assert_eq!(kernel.flops(10), 10.0 * lanes * 2.0);
        }
        assert_eq!(fma_timing(FmaKernel::detect(), 1000, 2, 2).runs, 2);
    }

    #[test]
    fn openblas_describes_itself() {
        assert!(
            openblas_config().contains("OpenBLAS"),
            "{}",
            openblas_config()
        );
        assert!(openblas_threads() >= 1);
    }
}
