//! Benchmark: the hands-on's four softmax versions over the rows of a real
//! matrix, the 1797 x 1797 scaled dot-product scores of the digits
//! (`x x^T / 8`). `naive` overflows on these scores (its result is NaN where
//! a row holds a score above about 709) but does the same work, so it is
//! timed too; `stable` allocates its temporaries as NumPy code does,
//! `inplace` makes the same passes in a reused buffer, and `fused` makes one
//! pass over the matrix, row by row, and returns the log-sum-exp as well.
//! `softmax.py` times SciPy's `softmax` and NumPy's best in-place version.

use std::hint::black_box;
use std::time::Duration;

use chapter04::softmax::{
    attention_scores, softmax_fused, softmax_inplace, softmax_naive,
    softmax_stable,
};
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use ndarray::{Array1, Array2};

fn softmax(c: &mut Criterion) {
    let digits = support::data::load_digits().expect("data/digits.csv.gz");
    let s = attention_scores(digits.features.view());
    let (n, label) = (s.nrows(), "digits_1797x1797_f64");
    let mut group = c.benchmark_group("softmax");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    // The scores read once and the result written once.
    group.throughput(Throughput::Bytes((2 * n * n * size_of::<f64>()) as u64));
    let expected = softmax_stable(s.view());
    let mut out = Array2::<f64>::zeros((n, n));
    let mut lse = Array1::<f64>::zeros(n);
    softmax_inplace(out.view_mut(), s.view()).expect("same shape");
    assert_eq!(out, expected);
    softmax_fused(out.view_mut(), s.view(), lse.view_mut())
        .expect("same shape");
    // Not `==`: `stable` divides the shifted exponentials in a different
    // order of passes, but every value agrees to a few rounding errors.
    assert!(
        out.iter()
            .zip(&expected)
            .all(|(a, e)| (a - e).abs() <= 1e-15 + 1e-12 * e.abs())
    );
    group.bench_function(BenchmarkId::new("naive", label), |b| {
        b.iter(|| softmax_naive(black_box(s.view())))
    });
    group.bench_function(BenchmarkId::new("stable", label), |b| {
        b.iter(|| softmax_stable(black_box(s.view())))
    });
    group.bench_function(BenchmarkId::new("inplace", label), |b| {
        b.iter(|| softmax_inplace(out.view_mut(), black_box(s.view())))
    });
    group.bench_function(BenchmarkId::new("fused", label), |b| {
        b.iter(|| {
            softmax_fused(out.view_mut(), black_box(s.view()), lse.view_mut())
        })
    });
    group.finish();
}

criterion_group!(benches, softmax);
criterion_main!(benches);
