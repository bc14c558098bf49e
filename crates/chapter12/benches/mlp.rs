//! Benchmark: the capstone's full training run, 50 epochs of Adam on the
//! digits' 1438 training images through a [64, 64, 10] MLP in batches of 32,
//! from He initialisation (the run of `examples/nn_digits.rs`, without the
//! per-epoch evaluation). `mlp.py` times the same network, the same initial
//! weights and the same batches in NumPy (`numpy/nn_mlp.py`); `cargo xtask
//! bench chapter12` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter12::nn::Mlp;
use chapter12::nn_train::{
    Optimizer, Split, TrainConfig, Trainer, accuracy, prepare,
};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const LABEL: &str = "digits_50_epochs";

/// The training run: a fresh network and optimiser, 50 epochs.
fn train(split: &Split) -> Mlp {
    let mut mlp = Mlp::new(&[64, 64, 10], 2).expect("valid sizes");
    let config = TrainConfig {
        optimizer: Optimizer::adam(1e-3),
        batch_size: 32,
        l2: 1e-4,
        batch_seed: 3,
    };
    let mut trainer = Trainer::new(&mlp, config).expect("valid config");
    let (x, y) = (split.x_train.view(), split.y_train.view());
    for epoch in 0..50 {
        trainer.epoch(&mut mlp, x, y, epoch).expect("shapes");
    }
    mlp
}

fn mlp_group(c: &mut Criterion) {
    let digits = support::data::load_digits().expect("data/digits.csv.gz");
    let split = prepare(&digits, 16.0, 0.2, 1).expect("a valid split");
    let mlp = train(&split);
    let acc = accuracy(&mlp, split.x_test.view(), split.y_test.view());
    assert!(acc.expect("shapes") >= 0.97, "the run reaches its target");
    let mut group = c.benchmark_group("mlp_train");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4));
    group.bench_with_input(
        BenchmarkId::new("ndarray_gemm", LABEL),
        &split,
        |b, split| b.iter(|| train(black_box(split))),
    );
    group.finish();
}

criterion_group!(benches, mlp_group);
criterion_main!(benches);
