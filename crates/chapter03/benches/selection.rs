//! Benchmark: the two selections of chapter 3, on a 1,000,000 x 8 matrix of
//! f64 (64 MB).
//!
//! - `mask_rows`: the rows where column 0 is above 0.5 (about half of them),
//!   NumPy's `X[X[:, 0] > 0.5]`. `select`: the positions of the true entries,
//!   then ndarray's `select`; `copy_rows`: count, allocate, copy each kept
//!   row; `copy_rows_into`: the same copy into an output allocated once
//!   outside the timing loop.
//! - `gather_rows`: 1,000,000 random row indices, NumPy's `X[idx]`.
//!   `select`: ndarray's `select(Axis(0), &idx)`; `row_loop`: one slice copy
//!   per index into a fresh output; `row_loop_into`: the same into an output
//!   allocated once.
//!
//! The mask is built before timing on both sides: the workload is the
//! selection. `selection.py` times the same workloads with NumPy on the same
//! numbers; `cargo xtask bench chapter03` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter03::gather::{gather_rows, gather_rows_into};
use chapter03::mask::{rows_where_copy, rows_where_into, rows_where_select};
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use ndarray::{Array1, Array2, Axis};

const ROWS: usize = 1_000_000;
const COLS: usize = 8;
const LABEL: &str = "1Mx8_f64";

/// SplitMix64 of a counter: the same pseudo-random bits as `selection.py`.
fn splitmix(i: u64) -> u64 {
    let mut z = i.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Uniform numbers in [0, 1): element k (row-major) from splitmix(k).
fn matrix() -> Array2<f64> {
    Array2::from_shape_fn((ROWS, COLS), |(i, j)| {
        (splitmix((i * COLS + j) as u64) >> 11) as f64 * 2f64.powi(-53)
    })
}

/// `ROWS` random row numbers, splitmix(2^40 + i) mod `ROWS`.
fn random_rows() -> Vec<usize> {
    (0..ROWS as u64)
        .map(|i| (splitmix((1 << 40) + i) % ROWS as u64) as usize)
        .collect()
}

fn mask_rows(c: &mut Criterion) {
    let mut group = c.benchmark_group("mask_rows");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let x = matrix();
    let mask: Array1<bool> = x.column(0).mapv(|v| v > 0.5);
    let expected = rows_where_select(x.view(), mask.view()).unwrap();
    let kept = expected.nrows();
    // `==`: copies of the same numbers.
    assert_eq!(rows_where_copy(x.view(), mask.view()).unwrap(), expected);
    // The kept rows are read once and written once.
    group.throughput(Throughput::Bytes((2 * kept * COLS * 8) as u64));
    group.bench_function(BenchmarkId::new("select", LABEL), |b| {
        b.iter(|| rows_where_select(black_box(x.view()), mask.view()))
    });
    group.bench_function(BenchmarkId::new("copy_rows", LABEL), |b| {
        b.iter(|| rows_where_copy(black_box(x.view()), mask.view()))
    });
    let mut out = Array2::zeros((kept, COLS));
    rows_where_into(x.view(), mask.view(), out.view_mut()).unwrap();
    assert_eq!(out, expected);
    group.bench_function(BenchmarkId::new("copy_rows_into", LABEL), |b| {
        b.iter(|| {
            rows_where_into(black_box(x.view()), mask.view(), out.view_mut())
        })
    });
    group.finish();
}

fn gather(c: &mut Criterion) {
    let mut group = c.benchmark_group("gather_rows");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let x = matrix();
    let idx = random_rows();
    let expected = x.select(Axis(0), &idx);
    assert_eq!(gather_rows(x.view(), &idx).unwrap(), expected);
    group.throughput(Throughput::Bytes((2 * ROWS * COLS * 8) as u64));
    group.bench_function(BenchmarkId::new("select", LABEL), |b| {
        b.iter(|| black_box(x.view()).select(Axis(0), &idx))
    });
    group.bench_function(BenchmarkId::new("row_loop", LABEL), |b| {
        b.iter(|| gather_rows(black_box(x.view()), &idx))
    });
    let mut out = Array2::zeros((ROWS, COLS));
    gather_rows_into(x.view(), &idx, out.view_mut()).unwrap();
    assert_eq!(out, expected);
    group.bench_function(BenchmarkId::new("row_loop_into", LABEL), |b| {
        b.iter(|| gather_rows_into(black_box(x.view()), &idx, out.view_mut()))
    });
    group.finish();
}

criterion_group!(benches, mask_rows, gather);
criterion_main!(benches);
