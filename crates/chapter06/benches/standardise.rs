//! Benchmark: standardising the columns of a 100000 x 100 table (80 MB),
//! `(x - mean) / std` with the population standard deviation:
//!
//! - `idiomatic`: `(&x - &mean) / &std` after `mean_axis` and `std_axis`, as
//!   NumPy's one-liner is written;
//! - `fused`: one pass for both statistics (shifted sums) and one `Zip` that
//!   reads `x` and writes the result, mean and `1 / std` broadcast;
//! - `fused_into`: the same two passes into an output allocated once,
//!   outside the timing (NumPy's best row does the same with `out=`);
//! - `in_place`: the same two passes writing into `x`'s own buffer (timed on
//!   a fresh copy each call, the copy outside the timing).
//!
//! `standardise.py` times NumPy's one-liner, its best version (mean,
//! subtract into a preallocated output, `einsum` sum of squares, in-place
//! divide), and that version with a fresh output each call.

use std::hint::black_box;
use std::time::Duration;

use chapter06::standardise::{
    standardise_fused, standardise_idiomatic, standardise_in_place,
    standardise_into,
};
use criterion::{
    BatchSize, BenchmarkId, Criterion, Throughput, criterion_group,
    criterion_main,
};
use ndarray::Array2;

const ROWS: usize = 100_000;
const COLS: usize = 100;
const LABEL: &str = "100000x100_f64";

/// The table `standardise.py` builds: `x[i, j] = ((i * (j + 3)) mod 1000) /
/// 10 + j`, so each column has its own mean and spread.
fn table() -> Array2<f64> {
    Array2::from_shape_fn((ROWS, COLS), |(i, j)| {
        ((i * (j + 3)) % 1000) as f64 / 10.0 + j as f64
    })
}

fn standardise(c: &mut Criterion) {
    let x = table();
    let reference = standardise_idiomatic(x.view()).expect("rows");
    let fused = standardise_fused(x.view()).expect("rows");
    let mut in_place = x.clone();
    standardise_in_place(&mut in_place).expect("rows");
    for got in [&fused, &in_place] {
        // Shifted sums and a multiplication by 1/std round differently from
        // the two-pass std and a division: allclose, atol 1e-12.
        let worst = (got - &reference).fold(0.0, |m: f64, e| m.max(e.abs()));
        assert!(worst < 1e-12, "max abs difference {worst:e}");
    }
    let mut group = c.benchmark_group("standardise");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes((ROWS * COLS * 8) as u64));
    group.bench_with_input(BenchmarkId::new("idiomatic", LABEL), &x, |b, x| {
        b.iter(|| standardise_idiomatic(black_box(x.view())))
    });
    group.bench_with_input(BenchmarkId::new("fused", LABEL), &x, |b, x| {
        b.iter(|| standardise_fused(black_box(x.view())))
    });
    let mut out = Array2::zeros((ROWS, COLS));
    standardise_into(x.view(), out.view_mut()).expect("same shape");
    let worst = (&out - &reference).fold(0.0, |m: f64, e| m.max(e.abs()));
    assert!(worst < 1e-12, "fused_into: max abs difference {worst:e}");
    group.bench_with_input(
        BenchmarkId::new("fused_into", LABEL),
        &x,
        |b, x| b.iter(|| standardise_into(black_box(x.view()), out.view_mut())),
    );
    group.bench_with_input(BenchmarkId::new("in_place", LABEL), &x, |b, x| {
        b.iter_batched_ref(
            || x.clone(),
            |copy| standardise_in_place(black_box(copy)),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, standardise);
criterion_main!(benches);
