//! Benchmark: chapter 9's linear algebra against NumPy and SciPy.
//!
//! Every input is a dense matrix of pseudo-random entries, uniform in
//! `[-1, 1)` (splitmix64 of the entry's index, the same numbers in
//! `linalg.py`): the typical case. A structured input can flatter one
//! algorithm (the first edition's `n I` plus a rank-17 part had only 18
//! distinct eigenvalues, and hid `dsyev`'s cost).
//!
//! - `matmul`: the f64 product `C = A B` of random square matrices (512,
//!   1024, 2048) with ndarray's `dot` (no `blas` feature: the pure-Rust
//!   `matrixmultiply` crate), with OpenBLAS's `cblas_dgemm` called directly
//!   into a preallocated `C` (what ndarray's `blas` feature would make `dot`
//!   call), and with faer's `matmul` into a preallocated column-major `C`.
//!   Throughput counts `2n³` floating-point operations.
//! - `solve` (random `G`, 1000 × 1000) and `cholesky` (the SPD matrix
//!   `G Gᵀ / n + I`, 1000 × 1000); `svd` (random, 500 × 500, full `U` and
//!   `Vᵀ`) and `eigh` (random symmetric `(R + Rᵀ) / 2`, 500 × 500, values and
//!   vectors): order 500 because LAPACK's `dsyev` needs a second or more at
//!   order 1000. ndarray-linalg calls the system OpenBLAS's LAPACK:
//!   `dgetrf` and `dgetrs` (the halves of `dgesv`), `dpotrf`, `dgesdd` and
//!   `dsyev`, the QR algorithm (lax 0.17's `eigh.rs`), where NumPy and SciPy
//!   call `dsyevd`, divide and conquer. faer runs the same four with its own code:
//!   partial-pivoting LU and a solve, LLᵀ, full SVD, and the self-adjoint
//!   eigendecomposition, which tridiagonalises and then divides and conquers
//!   from order 128 up (`linalg/evd/mod.rs`), the route to `dsyevd`-class
//!   speed in Rust.
//!
//! faer runs on one thread unless `RAYON_NUM_THREADS` asks for more (the
//! xtask pins it to the run's thread count, as it pins OpenBLAS's).
//!
//! `linalg.py` times the same workloads on the same matrices with NumPy and
//! SciPy; `cargo xtask bench chapter09` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use faer::linalg::solvers::Solve as _;
use faer::{Accum, Mat, Par, Side};
use ndarray::{Array1, Array2, ArrayView2};
use ndarray_linalg::{Cholesky, Eigh, JobSvd, SVDDC, Solve, UPLO};

/// splitmix64: a well-mixed 64-bit hash of `x` (Steele, Lea and Flood).
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// An `n × n` matrix of entries uniform in `[-1, 1)`: entry `(i, j)` of
/// matrix number `seed` is the top 53 bits of `splitmix64(seed·2³² + i·n +
/// j)`, scaled. `linalg.py` builds the same numbers.
fn random(n: usize, seed: u64) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| {
        let bits = splitmix64((seed << 32) + (i * n + j) as u64) >> 11;
        bits as f64 * 2.0_f64.powi(-52) - 1.0
    })
}

/// A random symmetric matrix, `(R + Rᵀ) / 2`.
fn symmetric(n: usize, seed: u64) -> Array2<f64> {
    let r = random(n, seed);
    (&r + &r.t()) * 0.5
}

/// A random symmetric positive definite matrix, `G Gᵀ / n + I`.
fn spd(n: usize, seed: u64) -> Array2<f64> {
    let g = random(n, seed);
    g.dot(&g.t()) / n as f64 + Array2::<f64>::eye(n)
}

/// The same matrix as a faer (column-major) matrix.
fn to_faer(a: &Array2<f64>) -> Mat<f64> {
    Mat::from_fn(a.nrows(), a.ncols(), |i, j| a[[i, j]])
}

/// faer's parallelism for this run: the thread count the xtask pins in
/// `RAYON_NUM_THREADS` (one thread when it is unset).
fn faer_par() -> Par {
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1);
    if threads <= 1 {
        Par::Seq
    } else {
        Par::rayon(threads)
    }
}

/// `C ← A B` by OpenBLAS's `cblas_dgemm`, on row-major matrices.
fn dgemm(a: ArrayView2<f64>, b: ArrayView2<f64>, c: &mut Array2<f64>) {
    let (m, k) = a.dim();
    let n = b.ncols();
    assert!(b.nrows() == k && c.dim() == (m, n));
    let (a, b) = (
        a.as_slice().expect("row-major"),
        b.as_slice().expect("row-major"),
    );
    let c = c.as_slice_mut().expect("row-major");
    let (m, n, k) = (m as i32, n as i32, k as i32);
    // SAFETY: the three slices are contiguous row-major buffers of m×k, k×n
    // and m×n f64 (checked above), and the leading dimensions passed are
    // their row lengths, so dgemm reads and writes only inside them.
    unsafe {
        cblas_sys::cblas_dgemm(
            cblas_sys::CblasRowMajor,
            cblas_sys::CblasNoTrans,
            cblas_sys::CblasNoTrans,
            m,
            n,
            k,
            1.0,
            a.as_ptr(),
            k,
            b.as_ptr(),
            n,
            0.0,
            c.as_mut_ptr(),
            n,
        );
    }
}

fn matmul(c: &mut Criterion) {
    // The same numbers as linalg.py's `random` (which asserts these too).
    let check = random(3, 1);
    assert_eq!(check[[0, 0]], 0.532603514678172);
    assert_eq!(check[[2, 1]], -0.6889926158930719);
    let par = faer_par();
    faer::set_global_parallelism(par);
    let mut group = c.benchmark_group("matmul");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in [512, 1024, 2048] {
        let label = format!("{n}x{n}_f64");
        let (a, b) = (random(n, 1), random(n, 2));
        let expected = a.dot(&b);
        let mut out = Array2::<f64>::zeros((n, n));
        dgemm(a.view(), b.view(), &mut out);
        let diff = (&out - &expected)
            .mapv(f64::abs)
            .fold(0.0, |m: f64, &v| m.max(v));
        assert!(diff < 1e-9 * n as f64, "dgemm and dot differ by {diff}");
        group.throughput(Throughput::Elements(2 * (n as u64).pow(3)));
        group.bench_with_input(
            BenchmarkId::new("ndarray_matrixmultiply", &label),
            &(&a, &b),
            |bench, (a, b)| bench.iter(|| black_box(a.dot(*b))),
        );
        group.bench_with_input(
            BenchmarkId::new("openblas_dgemm", &label),
            &(&a, &b),
            |bench, (a, b)| {
                bench.iter(|| dgemm(a.view(), b.view(), black_box(&mut out)))
            },
        );
        // ANCHOR: faer_matmul
        let (fa, fb) = (to_faer(&a), to_faer(&b));
        let mut fc = Mat::<f64>::zeros(n, n);
        faer::linalg::matmul::matmul(
            &mut fc,
            Accum::Replace,
            &fa,
            &fb,
            1.0,
            par,
        );
        let diff = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .map(|(i, j)| (fc[(i, j)] - expected[[i, j]]).abs())
            .fold(0.0, f64::max);
        assert!(diff < 1e-9 * n as f64, "faer and dot differ by {diff}");
        group.bench_function(
            BenchmarkId::new("faer_matmul", &label),
            |bench| {
                bench.iter(|| {
                    faer::linalg::matmul::matmul(
                        black_box(&mut fc),
                        Accum::Replace,
                        &fa,
                        &fb,
                        1.0,
                        par,
                    );
                })
            },
        );
        // ANCHOR_END: faer_matmul
    }
    group.finish();
}

/// The order of each decomposition's matrix: 1000, but 500 for the SVD and
/// the symmetric eigendecomposition (`dsyev` takes a second or more at 1000).
fn order(name: &str) -> usize {
    if matches!(name, "svd" | "eigh") {
        500
    } else {
        1000
    }
}

fn lapack(c: &mut Criterion) {
    faer::set_global_parallelism(faer_par());
    let n = order("solve");
    let (g, s) = (random(n, 3), spd(n, 4));
    let rhs = Array1::from_shape_fn(n, |i| (i % 10) as f64);
    let (fg, fs) = (to_faer(&g), to_faer(&s));
    let frhs = Mat::from_fn(n, 1, |i, _| rhs[i]);
    let x = g.solve(&rhs).expect("regular");
    let fx = fg.partial_piv_lu().solve(&frhs);
    let diff = (0..n)
        .map(|i| (fx[(i, 0)] - x[i]).abs())
        .fold(0.0, f64::max);
    let scale = x.iter().fold(0.0, |m: f64, v| m.max(v.abs()));
    assert!(
        diff < 1e-8 * scale,
        "faer's and LAPACK's solutions differ by {diff}"
    );
    let m = order("eigh");
    let (r, sym) = (random(m, 5), symmetric(m, 6));
    let (fr, fsym) = (to_faer(&r), to_faer(&sym));
    // Same spectrum from both eigensolvers (a wrong call would not agree).
    let (values, _) = sym.eigh(UPLO::Lower).expect("eigh");
    let fevd = fsym.self_adjoint_eigen(Side::Lower).expect("eigh");
    let fvalues = fevd.S().column_vector();
    let diff = (0..m)
        .map(|i| (fvalues[i] - values[i]).abs())
        .fold(0.0, f64::max);
    assert!(
        diff < 1e-10,
        "faer's and LAPACK's eigenvalues differ by {diff}"
    );
    for name in ["solve", "cholesky", "svd", "eigh"] {
        let label = format!("{0}x{0}_f64", order(name));
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        let id = BenchmarkId::new("ndarray_linalg", &label);
        match name {
            "solve" => group.bench_function(id, |bench| {
                bench.iter(|| g.solve(black_box(&rhs)).expect("regular"))
            }),
            "cholesky" => group.bench_function(id, |bench| {
                bench.iter(|| black_box(&s).cholesky(UPLO::Lower).expect("SPD"))
            }),
            "svd" => group.bench_function(id, |bench| {
                bench.iter(|| black_box(&r).svddc(JobSvd::All).expect("svd"))
            }),
            _ => group.bench_function(id, |bench| {
                bench.iter(|| black_box(&sym).eigh(UPLO::Lower).expect("eigh"))
            }),
        };
        let id = BenchmarkId::new("faer", &label);
        // ANCHOR: faer_lapack
        match name {
            "solve" => group.bench_function(id, |bench| {
                bench.iter(|| black_box(&fg).partial_piv_lu().solve(&frhs))
            }),
            "cholesky" => group.bench_function(id, |bench| {
                bench.iter(|| black_box(&fs).llt(Side::Lower).expect("SPD"))
            }),
            "svd" => group.bench_function(id, |bench| {
                bench.iter(|| black_box(&fr).svd().expect("svd"))
            }),
            _ => group.bench_function(id, |bench| {
                bench.iter(|| {
                    // Tridiagonalise, then divide and conquer: dsyevd's plan.
                    black_box(&fsym)
                        .self_adjoint_eigen(Side::Lower)
                        .expect("eigh")
                })
            }),
        };
        // ANCHOR_END: faer_lapack
        group.finish();
    }
}

criterion_group!(benches, matmul, lapack);
criterion_main!(benches);
