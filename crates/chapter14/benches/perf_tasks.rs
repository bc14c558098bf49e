//! Benchmark: the performance tasks of chapter 14 (part B), each slow
//! baseline (`chapter14::perf`) against the answer in `exercises`: the
//! book's solution, or with `--features my-exercises` the reader's own code,
//! so that
//!
//! ```text
//! cargo bench -p chapter14 --features my-exercises --bench perf_tasks -- pairwise
//! ```
//!
//! times the reader's answer to task P1 beside the baseline. Each group first
//! runs the task's checker on the answer, so a fast wrong answer is refused
//! before it is timed. `perf_tasks.py` times NumPy's idiomatic version of
//! each task; `cargo xtask bench chapter14` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter14::exercises::{
    column_mean_std_fast, gather_rows_fast, histogram_fast,
    moving_average_fast, pairwise_sq_distances_fast,
};
use chapter14::perf::{
    self, column_mean_std_slow, gather_rows_slow, histogram_slow,
    moving_average_slow, pairwise_sq_distances_slow, uniform,
};
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main,
    measurement::WallTime,
};

/// A group with the few, short samples that slow baselines allow.
fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group
}

/// Panics with the checker's reason when the answer is wrong.
fn checked(task: &str, verdict: perf::Verdict) {
    if let Err(why) = verdict {
        panic!("{task}: the answer is wrong, so it is not timed: {why}");
    }
}

// ANCHOR: pairwise
fn pairwise_group(c: &mut Criterion) {
    checked("pairwise", perf::check_pairwise(pairwise_sq_distances_fast));
    let (x, y) = (uniform(1500, 40, 11), uniform(1000, 40, 12));
    let label = "1500x1000x40";
    let mut g = group(c, "pairwise");
    g.bench_function(BenchmarkId::new("baseline", label), |b| {
        b.iter(|| pairwise_sq_distances_slow(black_box(x.view()), y.view()))
    });
    g.bench_function(BenchmarkId::new("solution", label), |b| {
        b.iter(|| pairwise_sq_distances_fast(black_box(x.view()), y.view()))
    });
    g.finish();
}
// ANCHOR_END: pairwise

fn column_stats_group(c: &mut Criterion) {
    checked(
        "column_stats",
        perf::check_column_stats(column_mean_std_fast),
    );
    let x = uniform(20_000, 300, 13);
    let label = "20000x300";
    let mut g = group(c, "column_stats");
    g.bench_function(BenchmarkId::new("baseline", label), |b| {
        b.iter(|| column_mean_std_slow(black_box(x.view())))
    });
    g.bench_function(BenchmarkId::new("solution", label), |b| {
        b.iter(|| column_mean_std_fast(black_box(x.view())))
    });
    g.finish();
}

fn moving_average_group(c: &mut Criterion) {
    checked(
        "moving_average",
        perf::check_moving_average(moving_average_fast),
    );
    let x = uniform(1, 1_000_000, 14).row(0).to_owned();
    let (w, label) = (250, "1M_w250");
    let mut g = group(c, "moving_average");
    g.bench_function(BenchmarkId::new("baseline", label), |b| {
        b.iter(|| moving_average_slow(black_box(x.view()), w))
    });
    g.bench_function(BenchmarkId::new("solution", label), |b| {
        b.iter(|| moving_average_fast(black_box(x.view()), w))
    });
    g.finish();
}

fn histogram_group(c: &mut Criterion) {
    checked("histogram", perf::check_histogram(histogram_fast));
    // Normal-ish values (the mean of three uniforms) over a range that
    // leaves a few outside: not every bin equally full.
    let u = uniform(3, 1_000_000, 15);
    let x = u.sum_axis(ndarray::Axis(0)) / 3.0;
    let (lo, hi, bins, label) = (0.05, 0.95, 100, "1M_100bins");
    let mut g = group(c, "histogram");
    g.bench_function(BenchmarkId::new("baseline", label), |b| {
        b.iter(|| histogram_slow(black_box(x.view()), lo, hi, bins))
    });
    g.bench_function(BenchmarkId::new("solution", label), |b| {
        b.iter(|| histogram_fast(black_box(x.view()), lo, hi, bins))
    });
    g.finish();
}

fn gather_group(c: &mut Criterion) {
    checked("gather", perf::check_gather(gather_rows_fast));
    let x = uniform(10_000, 30, 16);
    // 2000 row indices in a scrambled order (a multiplicative step).
    let idx: Vec<usize> = (0..2000).map(|i| (i * 7919) % 10_000).collect();
    let label = "2000_of_10000x30";
    let mut g = group(c, "gather");
    g.bench_function(BenchmarkId::new("baseline", label), |b| {
        b.iter(|| gather_rows_slow(black_box(x.view()), &idx))
    });
    g.bench_function(BenchmarkId::new("solution", label), |b| {
        b.iter(|| gather_rows_fast(black_box(x.view()), &idx))
    });
    g.finish();
}

criterion_group!(
    benches,
    pairwise_group,
    column_stats_group,
    moving_average_group,
    histogram_group,
    gather_group
);
criterion_main!(benches);
