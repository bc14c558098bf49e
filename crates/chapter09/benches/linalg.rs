//! Benchmark: chapter 9's linear algebra against NumPy and SciPy.
//!
//! - `matmul`: the f64 matrix product `C = A B` of square matrices (512, 1024,
//!   2048) with ndarray's `dot` (no `blas` feature: the pure-Rust
//!   `matrixmultiply` crate) and with OpenBLAS's `cblas_dgemm` called
//!   directly into a preallocated `C` (what ndarray's `blas` feature would
//!   make `dot` call). Throughput counts `2n³` floating-point operations.
//! - `solve`, `cholesky`, `svd` (divide and conquer, LAPACK's `dgesdd`, as
//!   NumPy's `svd`) and `eigh` on 1000 × 1000 matrices with ndarray-linalg,
//!   which calls the system OpenBLAS's LAPACK.
//!
//! `linalg.py` times the same workloads on the same matrices with NumPy and
//! SciPy; `cargo xtask bench chapter09` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
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
    }
    group.finish();
}

fn lapack(c: &mut Criterion) {
    let n = 1000;
    let label = format!("{n}x{n}_f64");
    let (g, s) = (general(n), symmetric(n));
    let rhs = Array1::from_shape_fn(n, |i| (i % 10) as f64);
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
        group.finish();
    }
}

criterion_group!(benches, matmul, lapack);
criterion_main!(benches);
