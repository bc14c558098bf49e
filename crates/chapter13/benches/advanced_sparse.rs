//! Benchmark: a sparse x dense product against the dense one, `x @ w` with
//! `w` a 784 x 10 weight matrix (a linear layer's logits), on two 5000 x 784
//! matrices: MNIST's pixels (19% nonzero) and a SplitMix64 matrix with 1%
//! nonzero. `csr` is sprs' CSR product (32-bit indices), `dense` ndarray's
//! `dot` (matrixmultiply) on the same matrix stored densely.
//!
//! `advanced_sparse.py` times `scipy.sparse.csr_array @ w` (`scipy_csr`)
//! and the dense NumPy product (`numpy_dense`) on the same matrices.

use std::hint::black_box;
use std::time::Duration;

use chapter13::sparse::{eighths, random_sparse, to_csr};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ndarray::Array2;

fn product_group(c: &mut Criterion) {
    let mnist = support::data::load_mnist_5k().expect("data/mnist_5k.csv.gz");
    let w = eighths(784, 10);
    let inputs: [(&str, Array2<f64>); 2] = [
        ("mnist_5000x784", mnist.features / 255.0),
        ("random_5000x784_1pct", random_sparse(5000, 784, 0.01)),
    ];
    let mut group = c.benchmark_group("xw");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (label, dense) in &inputs {
        let x = to_csr(dense.view());
        let expected = dense.dot(&w);
        let got = &x * &w;
        let worst = (&got - &expected)
            .mapv(f64::abs)
            .fold(0.0, |a: f64, &d| a.max(d));
        assert!(worst < 1e-9, "{label}: {worst}");
        group.bench_with_input(BenchmarkId::new("csr", label), &x, |b, x| {
            b.iter(|| black_box(x) * &w)
        });
        group.bench_with_input(
            BenchmarkId::new("dense", label),
            dense,
            |b, d| b.iter(|| black_box(d).dot(&w)),
        );
    }
    group.finish();
}

criterion_group!(benches, product_group);
criterion_main!(benches);
