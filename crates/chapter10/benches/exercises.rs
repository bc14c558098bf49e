//! Benchmark: the chapter's exercises on the digits, to time a reader's own
//! answers: `cargo bench -p chapter10 --features my-exercises --bench
//! exercises` times the answers in `exercises/chapter10.rs`, and without the
//! feature the book's solutions. No NumPy twin: the numbers are for you.

use std::hint::black_box;
use std::time::Duration;

use chapter10::exercises::{
    k_smallest, leave_one_out_accuracy, min_max_scale_into,
    pairwise_sq_distances, par_row_max,
};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ndarray::Array2;

fn exercises(c: &mut Criterion) {
    let digits = support::data::load_digits().expect("data/digits.csv.gz");
    let (x, y) = (digits.features.view(), digits.target.view());
    let mut group = c.benchmark_group("exercises");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    let mut out = Array2::zeros(x.dim());
    group.bench_function(
        BenchmarkId::new("ex1_min_max_scale_into", "digits"),
        |b| b.iter(|| min_max_scale_into(black_box(x), out.view_mut())),
    );
    let values: Vec<f32> = x
        .row(0)
        .iter()
        .cycle()
        .take(100_000)
        .enumerate()
        .map(|(i, &v)| v as f32 + (i % 13) as f32)
        .collect();
    group.bench_function(BenchmarkId::new("ex2_k_smallest", "100000"), |b| {
        b.iter(|| k_smallest(black_box(&values), 50))
    });
    group.bench_function(
        BenchmarkId::new("ex3_pairwise_sq_distances", "digits"),
        |b| b.iter(|| pairwise_sq_distances(black_box(x), x)),
    );
    let big =
        Array2::from_shape_fn((20_000, 64), |(i, j)| ((i * j) % 97) as f64);
    group
        .bench_function(BenchmarkId::new("ex5_par_row_max", "20000x64"), |b| {
            b.iter(|| par_row_max(black_box(big.view())))
        });
    group.bench_function(
        BenchmarkId::new("ex6_leave_one_out_accuracy", "digits_k5"),
        |b| b.iter(|| leave_one_out_accuracy(black_box(x), y, 5)),
    );
    group.finish();
}

criterion_group!(benches, exercises);
criterion_main!(benches);
