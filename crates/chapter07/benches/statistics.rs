//! Benchmark: the two speed claims of chapter 7, on 10M `f64` values
//! (`splitmix_uniform`, the same numbers `statistics.py` builds).
//!
//! - `std`: the population standard deviation. ndarray's `std(0.0)` (a
//!   streaming update per value), Welford's algorithm value by value, and
//!   `std_blocked`, which reads memory once and does a two-pass sum per
//!   cache-sized block.
//! - `median` and `percentiles` (5, 50, 95): NumPy's `linear` method by
//!   selection, never by sorting. ndarray-stats' `quantile_mut` /
//!   `quantiles_mut` on an `N64` copy, `select_nth_unstable` on a copy
//!   (`percentiles_select`), and the sampled bracket (`percentiles_bracket`),
//!   which reads the data once and selects among a few percent of it.
//!
//! `statistics.py` times the same workloads with NumPy; `cargo xtask bench
//! chapter07` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter07::describe::to_n64;
use chapter07::select::{
    percentiles_bracket, percentiles_select, splitmix_uniform,
};
use chapter07::stable::{Welford, std_blocked};
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use ndarray::{Array1, ArrayView1, aview1};
use ndarray_stats::Quantile1dExt;
use ndarray_stats::interpolate::Linear;
use noisy_float::types::n64;

const N: usize = 10_000_000;
const LABEL: &str = "10M_f64";
const PERCENTILES: [f64; 3] = [5.0, 50.0, 95.0];

fn std_welford(x: &[f64]) -> f64 {
    let w: Welford = x.iter().copied().collect();
    w.variance(0).expect("not empty").sqrt()
}

fn std_ndarray(x: &[f64]) -> f64 {
    ArrayView1::from(x).std(0.0)
}

fn std_group(c: &mut Criterion) {
    let x = splitmix_uniform(N);
    let mut group = c.benchmark_group("std");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes((N * size_of::<f64>()) as u64));
    let expected = std_ndarray(&x);
    type Std = fn(&[f64]) -> f64;
    let impls: [(&str, Std); 3] = [
        ("ndarray_std", std_ndarray),
        ("welford", std_welford),
        ("blocked_two_level", |x| {
            std_blocked(x, 0).expect("not empty")
        }),
    ];
    for (name, f) in impls {
        let got = f(&x);
        assert!(((got - expected) / expected).abs() < 1e-12, "{name}: {got}");
        group.bench_with_input(BenchmarkId::new(name, LABEL), &x, |b, x| {
            b.iter(|| f(black_box(x)))
        });
    }
    group.finish();
}

/// ndarray-stats on a copy: `quantiles_mut` needs `Ord` elements, `N64`.
fn stats_percentiles(x: &[f64], ps: &[f64]) -> Vec<f64> {
    let mut data: Array1<_> = to_n64(ArrayView1::from(x)).expect("no NaN");
    let qs: Vec<_> = ps.iter().map(|&p| n64(p / 100.0)).collect();
    let values = data.quantiles_mut(&aview1(&qs), &Linear).expect("valid");
    values.iter().map(|v| v.raw()).collect()
}

fn selection_group(c: &mut Criterion) {
    let x = splitmix_uniform(N);
    type Percentiles = fn(&[f64], &[f64]) -> Vec<f64>;
    let impls: [(&str, Percentiles); 3] = [
        ("ndarray_stats", stats_percentiles),
        ("select_nth_unstable", |x, ps| {
            percentiles_select(x, ps).expect("valid")
        }),
        ("sampled_bracket", |x, ps| {
            percentiles_bracket(x, ps).expect("valid")
        }),
    ];
    for (group_name, ps) in [
        ("median", &PERCENTILES[1..2]),
        ("percentiles", &PERCENTILES[..]),
    ] {
        let mut group = c.benchmark_group(group_name);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(4));
        group.throughput(Throughput::Bytes((N * size_of::<f64>()) as u64));
        let expected = percentiles_select(&x, ps).expect("valid");
        for (name, f) in impls {
            let got = f(&x, ps);
            for (g, e) in got.iter().zip(&expected) {
                // ndarray-stats interpolates in its own order: 1e-12.
                assert!(((g - e) / e).abs() < 1e-12, "{name}: {got:?}");
            }
            group.bench_with_input(
                BenchmarkId::new(name, LABEL),
                &x,
                |b, x| b.iter(|| f(black_box(x), black_box(ps))),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, std_group, selection_group);
criterion_main!(benches);
