//! Benchmark: chapter 10's claims, beside NumPy's rows from `perf.py`.
//!
//! - `standardize` (chapter 1's workload, 8192 x 8192 `f64`, 512 MiB) and
//!   `product` (chapter 2's, 16M `f64`, 128 MiB): the same kernels as those
//!   chapters, in a binary whose global allocator is
//!   [`HugePageAllocator`]: `huge_pages` with its `MADV_HUGEPAGE` advice,
//!   `4k_pages` with the advice switched off (the same 2 MiB-aligned
//!   blocks), `into_reused` writing into an output allocated once. The
//!   warm-up is long: the first advised blocks can wait for the kernel to
//!   compact memory into free 2 MiB pages.
//! - `knn` (digits, 360 test and 1437 training images): the hands-on's
//!   steps, from `naive` to `parallel_2` (a rayon pool of two threads).
//! - `einsum`: a chain of three 120 x 120 matrices (einsum's loop nest and
//!   two products), 200 products of 40 x 40 matrices, and the row-wise dot
//!   products of two 100000 x 32 matrices.
//! - `par_product` (16M `f64`, memory-bound) with `par_azip!` on one and two
//!   threads; `oversubscribe`: 64 OpenBLAS `dgemm` of order 300 spread over
//!   rayon tasks, with OpenBLAS on one or two threads inside each task.
//!
//! `perf.py` times the NumPy (and numba) side; `cargo xtask bench
//! chapter10` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter10::einsum::{
    batch, batched_matmul, chain, chain_loops, matrix, row_dots,
    row_dots_temporary,
};
use chapter10::hugepage::{HugePageAllocator, set_huge_pages};
use chapter10::knn::{
    Knn, digits_split, predict_fused, predict_gemm, predict_layout,
    predict_naive, predict_select,
};
use chapter10::memory::{
    factors, product, standardize, standardize_into, table,
};
use chapter10::parallel::{dgemm, pool, set_blas_threads};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use ndarray::{Array1, Array2, Array3, Zip, par_azip};
use rayon::prelude::*;

#[global_allocator]
static ALLOCATOR: HugePageAllocator = HugePageAllocator;

fn pages(c: &mut Criterion) {
    let mut group = c.benchmark_group("standardize");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(3))
        .measurement_time(Duration::from_secs(5));
    let (n, label) = (8192, "8192x8192_f64");
    let x = table(n, n);
    group.throughput(Throughput::ElementsAndBytes {
        elements: (n * n) as u64,
        bytes: (4 * n * n * size_of::<f64>()) as u64,
    });
    for (name, huge) in [("huge_pages", true), ("4k_pages", false)] {
        group.bench_function(BenchmarkId::new(name, label), |b| {
            set_huge_pages(huge);
            b.iter(|| standardize(black_box(x.view())));
            set_huge_pages(true);
        });
    }
    let mut out = Array2::<f64>::zeros((n, n));
    group.bench_function(BenchmarkId::new("into_reused", label), |b| {
        b.iter(|| standardize_into(black_box(x.view()), out.view_mut()))
    });
    group.finish();

    let mut group = c.benchmark_group("product");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(3))
        .measurement_time(Duration::from_secs(3));
    let (n, label) = (1 << 24, "16M_f64");
    let (a, b) = factors(n);
    group.throughput(Throughput::Bytes((3 * n * size_of::<f64>()) as u64));
    for (name, huge) in [("huge_pages", true), ("4k_pages", false)] {
        group.bench_function(BenchmarkId::new(name, label), |bench| {
            set_huge_pages(huge);
            bench.iter(|| product(black_box(a.view()), black_box(b.view())));
            set_huge_pages(true);
        });
    }
    let mut out = Array1::<f64>::zeros(n);
    group.bench_function(BenchmarkId::new("into_reused", label), |bench| {
        bench.iter(|| {
            Zip::from(&mut out)
                .and(&a)
                .and(&b)
                .for_each(|o, &x, &y| *o = x * y)
        })
    });
    group.finish();
}

fn knn(c: &mut Criterion) {
    let split = digits_split().expect("data/digits.csv.gz");
    let (train, labels, test) = (
        split.train.view(),
        split.train_labels.view(),
        split.test.view(),
    );
    let k = 5;
    let label = "digits_360x1437";
    let expected = predict_naive(train, labels, test, k).expect("valid");
    let mut group = c.benchmark_group("knn");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    type Step = fn(
        ndarray::ArrayView2<'_, f64>,
        ndarray::ArrayView1<'_, usize>,
        ndarray::ArrayView2<'_, f64>,
        usize,
    ) -> Result<Array1<usize>, chapter10::knn::KnnError>;
    let steps: [(&str, Step); 5] = [
        ("naive", predict_naive),
        ("select", predict_select),
        ("layout", predict_layout),
        ("gemm", predict_gemm),
        ("fused", predict_fused),
    ];
    // ANCHOR: criterion
    for (name, step) in steps {
        // Every step must agree with the naive one before it is timed.
        assert_eq!(step(train, labels, test, k).expect("valid"), expected);
        if name == "naive" {
            group.sampling_mode(SamplingMode::Flat).sample_size(10);
        } else {
            group.sampling_mode(SamplingMode::Auto).sample_size(20);
        }
        group.bench_function(BenchmarkId::new(name, label), |b| {
            b.iter(|| step(train, labels, black_box(test), k))
        });
    }
    // ANCHOR_END: criterion
    // `reuse` and `parallel_*` time the prediction of a fitted model (the
    // steps above convert the 1437 training images on each call, a few
    // microseconds of their time).
    let knn = Knn::fit(train, labels, k).expect("valid");
    let mut out = vec![0; test.nrows()];
    let mut ws = knn.workspace();
    knn.predict_into(test, &mut ws, &mut out).expect("valid");
    assert_eq!(out, expected.to_vec());
    group.bench_function(BenchmarkId::new("reuse", label), |b| {
        b.iter(|| knn.predict_into(black_box(test), &mut ws, &mut out))
    });
    for threads in [1, 2] {
        let pool = pool(threads).expect("a thread pool");
        let name = format!("parallel_{threads}");
        pool.install(|| knn.predict_par_into(test, &mut out))
            .expect("valid");
        assert_eq!(out, expected.to_vec());
        group.bench_function(BenchmarkId::new(name, label), |b| {
            b.iter(|| {
                pool.install(|| knn.predict_par_into(black_box(test), &mut out))
            })
        });
    }
    group.finish();
}

fn einsum(c: &mut Criterion) {
    let mut group = c.benchmark_group("einsum");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let n = 120;
    let (a, b, m) = (matrix(n, n, 0), matrix(n, n, 1), matrix(n, n, 2));
    let label = "chain_120x120_f64";
    group.bench_function(BenchmarkId::new("chain_loops", label), |bench| {
        bench.iter(|| chain_loops(a.view(), b.view(), black_box(m.view())))
    });
    group.bench_function(BenchmarkId::new("chain_dot", label), |bench| {
        bench.iter(|| chain(a.view(), b.view(), black_box(m.view())))
    });
    let (x, y): (Array3<f64>, Array3<f64>) =
        (batch(200, 40, 40, 0), batch(200, 40, 40, 7));
    let label = "batched_200x40x40_f64";
    group.bench_function(BenchmarkId::new("batched_matmul", label), |bench| {
        bench.iter(|| batched_matmul(x.view(), black_box(y.view())))
    });
    let (x, y) = (matrix(100_000, 32, 0), matrix(100_000, 32, 5));
    let label = "rowdot_100000x32_f64";
    group.bench_function(BenchmarkId::new("zip_rows", label), |bench| {
        bench.iter(|| row_dots(x.view(), black_box(y.view())))
    });
    group.bench_function(BenchmarkId::new("temporary", label), |bench| {
        bench.iter(|| row_dots_temporary(x.view(), black_box(y.view())))
    });
    group.finish();
}

fn threads(c: &mut Criterion) {
    let mut group = c.benchmark_group("par_product");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(3));
    let (n, label) = (1 << 24, "16M_f64");
    let (a, b) = factors(n);
    let mut out = Array1::<f64>::zeros(n);
    group.throughput(Throughput::Bytes((3 * n * size_of::<f64>()) as u64));
    for threads in [1, 2] {
        let pool = pool(threads).expect("a thread pool");
        let name = format!("par_azip_{threads}");
        group.bench_function(BenchmarkId::new(name, label), |bench| {
            bench.iter(|| {
                pool.install(|| {
                    par_azip!((o in &mut out, &x in &a, &y in &b) {
                        *o = x * y
                    })
                })
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("oversubscribe");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    let (count, n, label) = (64, 300, "64_dgemm_300");
    let inputs: Vec<(Array2<f64>, Array2<f64>)> = (0..count)
        .map(|s| (matrix(n, n, s), matrix(n, n, s + 3)))
        .collect();
    let mut outs: Vec<Array2<f64>> =
        (0..count).map(|_| Array2::zeros((n, n))).collect();
    group.throughput(Throughput::Elements((count * 2 * n * n * n) as u64));
    for (rayon_threads, blas_threads) in [(1, 1), (2, 1), (1, 2), (2, 2)] {
        let pool = pool(rayon_threads).expect("a thread pool");
        let name = format!("rayon{rayon_threads}_blas{blas_threads}");
        group.bench_function(BenchmarkId::new(name, label), |bench| {
            set_blas_threads(blas_threads);
            bench.iter(|| {
                pool.install(|| {
                    outs.par_iter_mut().zip(&inputs).for_each(|(c, (a, b))| {
                        dgemm(a.view(), b.view(), c.view_mut()).expect("shapes")
                    })
                })
            });
            set_blas_threads(1);
        });
    }
    group.finish();
}

criterion_group!(benches, pages, knn, einsum, threads);
criterion_main!(benches);
