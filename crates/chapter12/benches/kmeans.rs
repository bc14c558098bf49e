//! Benchmark: one Lloyd iteration of k-means (assignment, then update) on
//! 100000 points in 16 dimensions, k = 8, from the first 8 points as
//! centroids (`synthetic_blobs`, the same numbers `kmeans.py` builds).
//!
//! - `gemm_trick`: `chapter12::kmeans::lloyd_iteration`, the cross terms as
//!   one matrix product (ndarray's matrixmultiply GEMM).
//! - `linfa`: linfa-clustering's `KMeans` fitted with these centroids
//!   (`KMeansInit::Precomputed`), one run, one iteration: its assignment
//!   computes every point-to-centroid distance separately, and its update
//!   counts the old centroid as one more point of the cluster.
//!
//! `kmeans.py` times a plain NumPy iteration and scikit-learn's own Lloyd
//! kernel, single-threaded; `cargo xtask bench chapter12` puts all four in
//! one table.

use std::hint::black_box;
use std::time::Duration;

use chapter12::kmeans::{lloyd_iteration, synthetic_blobs};
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use linfa::prelude::*;
use linfa_clustering::{KMeans, KMeansInit};
use ndarray::{Array1, s};
use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::SeedableRng;

const N: usize = 100_000;
const D: usize = 16;
const K: usize = 8;
const LABEL: &str = "100k_x16_k8";

fn lloyd(c: &mut Criterion) {
    let x = synthetic_blobs(N, D, K);
    let init = x.slice(s![..K, ..]).to_owned();
    let x_sq: Array1<f64> = x.rows().into_iter().map(|r| r.dot(&r)).collect();
    let mut group = c.benchmark_group("lloyd_iteration");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes((N * D * size_of::<f64>()) as u64));

    // Same assignment; linfa's update counts the old centroid as one more
    // point of its cluster ("m_k-means", linfa-clustering 0.8.1,
    // k_means/algorithm.rs): (sum + old) / (count + 1).
    let mut ours = init.clone();
    let labels = lloyd_iteration(x.view(), x_sq.view(), &mut ours);
    let mut expected = init.clone();
    let mut counts = [1.0; K];
    for (row, &l) in x.rows().into_iter().zip(&labels) {
        let mut e = expected.row_mut(l);
        e += &row;
        counts[l] += 1.0;
    }
    for (mut e, n) in expected.rows_mut().into_iter().zip(counts) {
        e /= n;
    }
    let dataset = DatasetBase::from(x.clone());
    let params =
        KMeans::params_with_rng(K, Xoshiro256PlusPlus::seed_from_u64(0))
            .n_runs(1)
            .max_n_iterations(1)
            .init_method(KMeansInit::Precomputed(init.clone()));
    let theirs = params.fit(&dataset).expect("linfa fits");
    let gap =
        (&expected - theirs.centroids()).fold(0.0_f64, |m, v| m.max(v.abs()));
    assert!(gap < 1e-9, "linfa's centroids differ by {gap}");

    group.bench_with_input(
        BenchmarkId::new("gemm_trick", LABEL),
        &x,
        |b, x| {
            b.iter(|| {
                let mut centroids = init.clone();
                black_box(lloyd_iteration(
                    x.view(),
                    x_sq.view(),
                    &mut centroids,
                ));
                centroids
            })
        },
    );
    group.bench_with_input(
        BenchmarkId::new("linfa", LABEL),
        &dataset,
        |b, d| b.iter(|| black_box(params.fit(d).expect("linfa fits"))),
    );
    group.finish();
}

criterion_group!(benches, lloyd);
criterion_main!(benches);
