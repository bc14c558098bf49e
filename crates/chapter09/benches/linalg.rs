//! Benchmark: chapter 9's linear algebra against NumPy and SciPy.
//!
//! - `matmul`: the f64 matrix product `C = A B` of square matrices (512, 1024,
//!   2048) with ndarray's `dot` (no `blas` feature: the pure-Rust
//!   `matrixmultiply` crate) and with OpenBLAS's `cblas_dgemm` called
//!   directly into a preallocated `C` (what ndarray's `blas` feature would
//!   make `dot` call). Throughput counts `2n³` floating-point operations.
//!   faer's `matmul` (its own pure-Rust GEMM) writes into a preallocated
//!   column-major `C` beside them.
//! - `solve`, `cholesky`, `svd` (divide and conquer, LAPACK's `dgesdd`, as
//!   NumPy's `svd`) and `eigh` on 1000 × 1000 matrices with ndarray-linalg,
//!   which calls the system OpenBLAS's LAPACK, and the same four with faer
//!   (partial-pivoting LU and a solve, LLᵀ, full SVD, self-adjoint
//!   eigendecomposition with vectors).
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

/// The general input, the same numbers as `linalg.py` builds:
/// `((7i + 13j) mod 17) / 17`, plus `n` on the diagonal (well conditioned).
fn general(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| {
        let v = ((7 * i + 13 * j) % 17) as f64 / 17.0;
        if i == j { v + n as f64 } else { v }
    })
}

/// The symmetric positive definite input: `(G + Gᵀ) / 2` of [`general`].
fn symmetric(n: usize) -> Array2<f64> {
    let g = general(n);
    (&g + &g.t()) * 0.5
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
    let par = faer_par();
    faer::set_global_parallelism(par);
    let mut group = c.benchmark_group("matmul");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in [512, 1024, 2048] {
        let label = format!("{n}x{n}_f64");
        let (a, b) = (general(n), symmetric(n));
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

fn lapack(c: &mut Criterion) {
    faer::set_global_parallelism(faer_par());
    let n = 1000;
    let label = format!("{n}x{n}_f64");
    let (g, s) = (general(n), symmetric(n));
    let rhs = Array1::from_shape_fn(n, |i| (i % 10) as f64);
    let (fg, fs) = (to_faer(&g), to_faer(&s));
    let frhs = Mat::from_fn(n, 1, |i, _| rhs[i]);
    let x = g.solve(&rhs).expect("regular");
    let fx = fg.partial_piv_lu().solve(&frhs);
    let diff = (0..n)
        .map(|i| (fx[(i, 0)] - x[i]).abs())
        .fold(0.0, f64::max);
    assert!(
        diff < 1e-10,
        "faer's and LAPACK's solutions differ by {diff}"
    );
    for name in ["solve", "cholesky", "svd", "eigh"] {
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
                bench.iter(|| black_box(&g).svddc(JobSvd::All).expect("svd"))
            }),
            _ => group.bench_function(id, |bench| {
                bench.iter(|| black_box(&s).eigh(UPLO::Lower).expect("eigh"))
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
                bench.iter(|| black_box(&fg).svd().expect("svd"))
            }),
            _ => group.bench_function(id, |bench| {
                bench.iter(|| {
                    black_box(&fs)
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
