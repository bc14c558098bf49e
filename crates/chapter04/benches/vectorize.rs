//! Benchmark: loops against vectorized code, for two element-wise workloads.
//!
//! - `mul_add`: `a * b + c` on three `f64` vectors, at 10k values (240 KB of
//!   inputs: in cache, where the quality of the loop decides) and at 10M
//!   values (80 MB per vector: memory decides).
//! - `horner`: a polynomial of degree 4 by Horner's rule on 10M values
//!   (eight floating-point operations per value read).
//! - `read` and `write`: one stream of reads (a sum) and one of writes (a
//!   fill) over 1 GiB, the rate of a single stream next to the triad's three.
//!
//! Each is written as an array expression (`expression`, fresh result), an
//! index loop (`indexed`), iterators (`iterator`), `Zip` into a fresh array
//! (`zip_collect`, `mapv` for the polynomial), NumPy's best version in Rust
//! (`two_pass`, for `a * b + c`), one fused pass into a reused buffer
//! (`fused`) and `par_azip!` (`par_azip`, on `RAYON_NUM_THREADS` threads:
//! 1 unless `cargo xtask bench --threads N`). `vectorize.py` times NumPy and
//! pure Python on the same numbers.

use std::hint::black_box;
use std::time::Duration;

use chapter04::kernels::{
    POLY, bench_inputs, horner_expression, horner_fused, horner_indexed,
    horner_iterator, horner_mapv, horner_parallel, mul_add_expression,
    mul_add_fused, mul_add_indexed, mul_add_iterator, mul_add_parallel,
    mul_add_slices, mul_add_two_pass, mul_add_zip_collect,
};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use ndarray::{Array1, ArrayView1, ArrayViewMut1};

/// A kernel that writes into a reused buffer.
type IntoKernel = fn(
    ArrayViewMut1<'_, f64>,
    ArrayView1<'_, f64>,
    ArrayView1<'_, f64>,
    ArrayView1<'_, f64>,
) -> Result<(), chapter04::LengthError>;

fn mul_add(c: &mut Criterion) {
    let mut group = c.benchmark_group("mul_add");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (n, label) in [(10_000, "10k_f64"), (10_000_000, "10M_f64")] {
        if n >= 1_000_000 {
            group.sampling_mode(SamplingMode::Flat);
        }
        let (a, b, c) = bench_inputs(n);
        let (a, b, c) = (a.view(), b.view(), c.view());
        let expected = mul_add_expression(a, b, c);
        // Three reads and one write of 8 bytes per element.
        group.throughput(Throughput::Bytes((4 * n * size_of::<f64>()) as u64));
        group.bench_function(BenchmarkId::new("expression", label), |bench| {
            bench.iter(|| {
                mul_add_expression(black_box(a), black_box(b), black_box(c))
            })
        });
        let into: [(&str, IntoKernel); 6] = [
            ("indexed", mul_add_indexed),
            ("iterator", mul_add_iterator),
            ("slices", mul_add_slices),
            ("two_pass", mul_add_two_pass),
            ("fused", mul_add_fused),
            ("par_azip", mul_add_parallel),
        ];
        let mut out = Array1::<f64>::zeros(n);
        for (name, kernel) in into {
            out.fill(f64::NAN);
            kernel(out.view_mut(), a, b, c).expect("equal lengths");
            // `==`: one multiply and one add per element on every path.
            assert_eq!(out, expected, "{name}");
            group.bench_function(BenchmarkId::new(name, label), |bench| {
                bench.iter(|| {
                    kernel(black_box(out.view_mut()), a, b, black_box(c))
                })
            });
        }
        let collected = mul_add_zip_collect(a, b, c).expect("equal lengths");
        assert_eq!(collected, expected);
        group.bench_function(BenchmarkId::new("zip_collect", label), |bench| {
            bench.iter(|| mul_add_zip_collect(black_box(a), b, black_box(c)))
        });
    }
    group.finish();
}

/// A polynomial kernel that writes into a reused buffer.
type HornerKernel = fn(
    &[f64; 5],
    ArrayViewMut1<'_, f64>,
    ArrayView1<'_, f64>,
) -> Result<(), chapter04::LengthError>;

fn horner(c: &mut Criterion) {
    let mut group = c.benchmark_group("horner");
    group
        .sample_size(20)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let (n, label) = (10_000_000, "10M_f64");
    let (x, _, _) = bench_inputs(n);
    let x = x.view();
    let expected = horner_expression(&POLY, x);
    // One read and one write of 8 bytes per element.
    group.throughput(Throughput::Bytes((2 * n * size_of::<f64>()) as u64));
    group.bench_function(BenchmarkId::new("expression", label), |bench| {
        bench.iter(|| horner_expression(&POLY, black_box(x)))
    });
    let into: [(&str, HornerKernel); 4] = [
        ("indexed", horner_indexed),
        ("iterator", horner_iterator),
        ("fused", horner_fused),
        ("par_azip", horner_parallel),
    ];
    let mut out = Array1::<f64>::zeros(n);
    for (name, kernel) in into {
        out.fill(f64::NAN);
        kernel(&POLY, out.view_mut(), x).expect("equal lengths");
        // `==`: the same eight operations in the same order everywhere.
        assert_eq!(out, expected, "{name}");
        group.bench_function(BenchmarkId::new(name, label), |bench| {
            bench.iter(|| kernel(&POLY, black_box(out.view_mut()), x))
        });
    }
    assert_eq!(horner_mapv(&POLY, x), expected);
    group.bench_function(BenchmarkId::new("mapv", label), |bench| {
        bench.iter(|| horner_mapv(&POLY, black_box(x)))
    });
    group.finish();
}

/// What one stream of reads and one stream of writes cost on their own, over
/// 1 GiB (beyond every cache, like the machine's triad): `read` sums an array,
/// `write` fills one. Both count 8 bytes per element, as the triad does; any
/// write-allocate traffic (a read of the cache line a write lands in) is not
/// counted, and these two rows alone cannot tell how much of it there is.
fn streams(c: &mut Criterion) {
    let n = 1 << 27;
    let label = "128M_f64";
    let (x, _, _) = bench_inputs(n);
    let mut out = Array1::<f64>::zeros(n);
    for (group_name, read) in [("read", true), ("write", false)] {
        let mut group = c.benchmark_group(group_name);
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        group.throughput(Throughput::Bytes((n * size_of::<f64>()) as u64));
        if read {
            group.bench_function(BenchmarkId::new("sum", label), |bench| {
                bench.iter(|| black_box(&x).sum())
            });
        } else {
            group.bench_function(BenchmarkId::new("fill", label), |bench| {
                bench.iter(|| black_box(&mut out).fill(0.5))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, mul_add, horner, streams);
criterion_main!(benches);
