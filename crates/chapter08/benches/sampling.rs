//! Benchmark: the two speed claims of chapter 8.
//!
//! - `standard_normal`: 10M standard normal `f64` draws. rand_distr's
//!   `StandardNormal` (a ziggurat) with Xoshiro256++ into a preallocated
//!   buffer (`xoshiro_prealloc`), the same with `StdRng` (ChaCha12,
//!   `stdrng_prealloc`) and with rand_pcg's `Pcg64`, NumPy's own generator
//!   (`pcg64_prealloc`), and ndarray-rand's `Array1::random_using`, which
//!   allocates a fresh array (`random_using_fresh`).
//! - `permutation`: a random permutation of 10M indices: the hand-written
//!   Fisher-Yates shuffle of an existing `usize` buffer in place
//!   (`fisher_yates_in_place`), of a `u32` buffer (half the memory,
//!   `fisher_yates_u32`), the same shuffle drawing its positions 32 at a time
//!   and prefetching their cache lines (`fisher_yates_prefetch`), and
//!   `permutation(n)`, which builds `0..n` first
//!   (`permutation_fresh`).
//!
//! `sampling.py` times NumPy's `Generator.standard_normal`, `permutation`
//! and `shuffle` on the same sizes; `cargo xtask bench chapter08` puts both in
//! one table.

use std::hint::black_box;
use std::time::Duration;

use chapter08::shuffle::{fisher_yates, fisher_yates_batched, permutation};
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use ndarray::Array1;
use ndarray_rand::RandomExt;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::StandardNormal;
use rand_pcg::Pcg64;
use rand_xoshiro::Xoshiro256PlusPlus;

const N: usize = 10_000_000;
const LABEL: &str = "10M";

// ANCHOR: fill_normal
/// Overwrites every element of `out` with a standard normal draw.
fn fill_standard_normal<R: Rng>(out: &mut [f64], rng: &mut R) {
    for x in out.iter_mut() {
        *x = rng.sample(StandardNormal);
    }
}
// ANCHOR_END: fill_normal

fn standard_normal(c: &mut Criterion) {
    let mut group = c.benchmark_group("standard_normal");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes((N * size_of::<f64>()) as u64));
    let mut buf = vec![0.0_f64; N];
    let mut xoshiro = Xoshiro256PlusPlus::seed_from_u64(1);
    let mut stdrng = StdRng::seed_from_u64(1);
    // NumPy's own generator (PCG XSL-RR 128/64): the same bits as NumPy's
    // rows, so this row against NumPy's isolates the sampler and the loop.
    let mut pcg = Pcg64::seed_from_u64(1);
    // A sanity check before timing: mean 0 and variance 1, within 5
    // standard errors (0.0016 for the mean, 0.0022 for the variance).
    fill_standard_normal(&mut buf, &mut xoshiro);
    let mean = buf.iter().sum::<f64>() / N as f64;
    let var = buf.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / N as f64;
    assert!(mean.abs() < 0.0016 && (var - 1.0).abs() < 0.0023);
    group.bench_function(BenchmarkId::new("xoshiro_prealloc", LABEL), |b| {
        b.iter(|| fill_standard_normal(black_box(&mut buf), &mut xoshiro))
    });
    group.bench_function(BenchmarkId::new("stdrng_prealloc", LABEL), |b| {
        b.iter(|| fill_standard_normal(black_box(&mut buf), &mut stdrng))
    });
    group.bench_function(BenchmarkId::new("pcg64_prealloc", LABEL), |b| {
        b.iter(|| fill_standard_normal(black_box(&mut buf), &mut pcg))
    });
    group.bench_function(BenchmarkId::new("random_using_fresh", LABEL), |b| {
        b.iter(|| Array1::<f64>::random_using(N, StandardNormal, &mut xoshiro))
    });
    group.finish();
}

fn permutations(c: &mut Criterion) {
    let mut group = c.benchmark_group("permutation");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes((N * size_of::<usize>()) as u64));
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2);
    let mut order: Vec<usize> = (0..N).collect();
    let mut order_u32: Vec<u32> = (0..N as u32).collect();
    // Sanity check: a shuffle keeps every index exactly once.
    fisher_yates(&mut order, &mut rng);
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert!(sorted.iter().enumerate().all(|(i, &v)| i == v));
    group.bench_function(
        BenchmarkId::new("fisher_yates_in_place", LABEL),
        |b| b.iter(|| fisher_yates(black_box(&mut order), &mut rng)),
    );
    group.bench_function(
        BenchmarkId::new("fisher_yates_prefetch", LABEL),
        |b| b.iter(|| fisher_yates_batched(black_box(&mut order), &mut rng)),
    );
    group.bench_function(BenchmarkId::new("fisher_yates_u32", LABEL), |b| {
        b.iter(|| fisher_yates(black_box(&mut order_u32), &mut rng))
    });
    group.bench_function(BenchmarkId::new("permutation_fresh", LABEL), |b| {
        b.iter(|| permutation(N, &mut rng))
    });
    group.finish();
}

criterion_group!(benches, standard_normal, permutations);
criterion_main!(benches);
