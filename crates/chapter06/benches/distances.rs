//! Benchmark: pairwise Euclidean distances between two sets of 2000 points in
//! 64 dimensions (a 2000 x 2000 result), four ways:
//!
//! - `naive`: the `(n, 1, d) - (1, m, d)` broadcast, with its 2 GB
//!   intermediate cube;
//! - `chunked`: the same broadcast 64 rows at a time (a 64 MB cube);
//! - `gemm`: the `‖x‖² + ‖y‖² − 2 x·y` trick, one matrix product (ndarray's
//!   `dot`, the `matrixmultiply` crate) and one fused pass for the norms,
//!   the repair of cancelled entries and the square root;
//! - `gemm_blocked`: the trick 256 rows at a time, each block finished
//!   while it is in cache;
//! - `gemm_into`: `gemm` into an output allocated once, outside the timing,
//!   as NumPy's best version does with `out=`.
//!
//! `distances.py` times NumPy's broadcast (idiomatic), its dot-product trick
//! with in-place operations, and SciPy's `cdist`; `cargo xtask bench
//! chapter06` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter06::distance::{
    pairwise_chunked, pairwise_gemm, pairwise_gemm_blocked, pairwise_gemm_into,
    pairwise_naive,
};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use ndarray::{Array2, ArrayView2};

const N: usize = 2000;
const D: usize = 64;
const LABEL: &str = "2000x2000_d64";
/// Rows of `x` per block in the blocked versions.
const BLOCK: usize = 256;

/// The points `distances.py` builds: `x[i, k] = ((7 i + 3 k) mod 101) / 101`
/// and `y[j, k] = ((5 j + 11 k) mod 97) / 97`.
fn points() -> (Array2<f64>, Array2<f64>) {
    let x = Array2::from_shape_fn((N, D), |(i, k)| {
        ((7 * i + 3 * k) % 101) as f64 / 101.0
    });
    let y = Array2::from_shape_fn((N, D), |(j, k)| {
        ((5 * j + 11 * k) % 97) as f64 / 97.0
    });
    (x, y)
}

type Distances = fn(ArrayView2<'_, f64>, ArrayView2<'_, f64>) -> Array2<f64>;

fn naive(x: ArrayView2<'_, f64>, y: ArrayView2<'_, f64>) -> Array2<f64> {
    pairwise_naive(x, y).expect("same width")
}

fn chunked(x: ArrayView2<'_, f64>, y: ArrayView2<'_, f64>) -> Array2<f64> {
    pairwise_chunked(x, y, 64).expect("same width")
}

fn gemm(x: ArrayView2<'_, f64>, y: ArrayView2<'_, f64>) -> Array2<f64> {
    pairwise_gemm(x, y).expect("same width")
}

fn blocked(x: ArrayView2<'_, f64>, y: ArrayView2<'_, f64>) -> Array2<f64> {
    pairwise_gemm_blocked(x, y, BLOCK).expect("same width")
}

fn distances(c: &mut Criterion) {
    let (x, y) = points();
    let reference = chunked(x.view(), y.view());
    let mut group = c.benchmark_group("pairwise");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    // One element per distance.
    group.throughput(Throughput::Elements((N * N) as u64));
    let impls: [(&str, Distances); 4] = [
        ("naive", naive),
        ("chunked", chunked),
        ("gemm", gemm),
        ("gemm_blocked", blocked),
    ];
    for (name, f) in impls {
        // The trick rounds differently from the direct sums: allclose with
        // rtol 1e-10 (its entries are repaired to about 1e-11).
        let got = f(x.view(), y.view());
        let worst = (&got - &reference)
            .iter()
            .zip(&reference)
            .map(|(e, r)| e.abs() / r.abs().max(1e-300))
            .fold(0.0, f64::max);
        assert!(worst < 1e-10, "{name}: relative error {worst:e}");
        group.sampling_mode(if name == "naive" || name == "chunked" {
            SamplingMode::Flat
        } else {
            SamplingMode::Auto
        });
        group.bench_with_input(
            BenchmarkId::new(name, LABEL),
            &(&x, &y),
            |b, (x, y)| b.iter(|| f(black_box(x.view()), black_box(y.view()))),
        );
    }
    // The same into an output allocated once, outside the timing (NumPy's
    // best row does the same with `out=`).
    let mut out = Array2::zeros((N, N));
    pairwise_gemm_into(x.view(), y.view(), N, out.view_mut()).expect("fits");
    let worst = (&out - &reference).fold(0.0, |m: f64, e| m.max(e.abs()));
    assert!(worst < 1e-10, "gemm_into: error {worst:e}");
    group.sampling_mode(SamplingMode::Auto);
    group.bench_with_input(
        BenchmarkId::new("gemm_into", LABEL),
        &(&x, &y),
        |b, (x, y)| {
            b.iter(|| {
                pairwise_gemm_into(
                    black_box(x.view()),
                    black_box(y.view()),
                    N,
                    out.view_mut(),
                )
            })
        },
    );
    group.finish();

    // The matrix product alone, to see how much of the trick's time is the
    // GEMM (matrixmultiply here, OpenBLAS in NumPy).
    let mut group = c.benchmark_group("xyt_product");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    // Two flops (a multiply and an add) per term of every dot product.
    group.throughput(Throughput::Elements((2 * N * N * D) as u64));
    group.bench_with_input(
        BenchmarkId::new("matrixmultiply", LABEL),
        &(&x, &y),
        |b, (x, y)| b.iter(|| black_box(x).dot(&black_box(y).t())),
    );
    group.finish();
}

criterion_group!(benches, distances);
criterion_main!(benches);
