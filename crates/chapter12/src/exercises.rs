//! Solutions to the exercises of chapter 12 (the book's exercises page
//! shows each signature, then the solution). `tests/exercises.rs` runs every
//! one of them.

use ndarray::ArrayView1;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The sum of the squares of `x`: NumPy's `np.sum(x**2)` or `x @ x`.
pub fn sum_of_squares(x: ArrayView1<'_, f64>) -> f64 {
    // ANCHOR_END: ex1_signature
    x.dot(&x)
}
// ANCHOR_END: ex1_solution

// The neural network project (capstone, ch12-neural-network.md).

use crate::nn::{Mlp, NnError, Stream};
use crate::nn_train::{Optimizer, TrainConfig, Trainer, accuracy, prepare};
use ndarray::Array2;

// ANCHOR: ex7_solution
// ANCHOR: ex7_signature
/// The test accuracy of the chapter's MLP on Fashion-MNIST (2000 images of
/// 28x28 pixels, 0..=255): a stratified split with `test_fraction` 0.2 and
/// seed 1, layers `[784, 128, 10]` with seed 2, Adam at 1e-3, batches of 32
/// from seed 3, L2 1e-4, `epochs` epochs.
pub fn fashion_mnist_accuracy(epochs: usize) -> Result<f64, NnError> {
    // ANCHOR_END: ex7_signature
    let fashion = support::data::load_fashion_mnist_2k()?;
    let split = prepare(&fashion, 255.0, 0.2, 1)?;
    let mut mlp = Mlp::new(&[784, 128, 10], 2)?;
    let config = TrainConfig {
        optimizer: Optimizer::adam(1e-3),
        batch_size: 32,
        l2: 1e-4,
        batch_seed: 3,
    };
    let mut trainer = Trainer::new(&mlp, config)?;
    let (x, y) = (split.x_train.view(), split.y_train.view());
    for epoch in 0..epochs {
        trainer.epoch(&mut mlp, x, y, epoch)?;
    }
    accuracy(&mlp, split.x_test.view(), split.y_test.view())
}
// ANCHOR_END: ex7_solution

// ANCHOR: ex8_solution
// ANCHOR: ex8_signature
/// Inverted dropout on the activations `a`: each element is zeroed with
/// probability `rate` (element `i` in row-major order is dropped when draw
/// `i` of `Stream::new(seed, 0)` is below `rate`) and the survivors are
/// scaled by `1 / (1 - rate)`, so that the expected activation is unchanged.
/// Returns the mask it multiplied `a` by; `rate` must be in [0, 1).
pub fn dropout(
    a: &mut Array2<f64>,
    rate: f64,
    seed: u64,
) -> Result<Array2<f64>, NnError> {
    // ANCHOR_END: ex8_signature
    if !(0.0..1.0).contains(&rate) {
        return Err(NnError::Hyperparameter {
            name: "dropout rate",
            value: rate,
        });
    }
    let keep = 1.0 / (1.0 - rate);
    let mut stream = Stream::new(seed, 0);
    let mask = Array2::from_shape_simple_fn(a.raw_dim(), || {
        if stream.uniform() < rate { 0.0 } else { keep }
    });
    *a *= &mask;
    Ok(mask)
}
// ANCHOR_END: ex8_solution

// ANCHOR: ex9_solution
// ANCHOR: ex9_signature
/// A cosine learning-rate schedule: `base` at epoch 0, falling along half a
/// cosine period to `floor` at epoch `epochs`:
/// `floor + (base - floor) * (1 + cos(pi * epoch / epochs)) / 2`.
/// `epochs` must be positive and `epoch` at most `epochs`.
pub fn cosine_lr(
    base: f64,
    floor: f64,
    epoch: usize,
    epochs: usize,
) -> Result<f64, NnError> {
    // ANCHOR_END: ex9_signature
    if epochs == 0 || epoch > epochs {
        return Err(NnError::Hyperparameter {
            name: "epoch",
            value: epoch as f64,
        });
    }
    let t = epoch as f64 / epochs as f64;
    Ok(floor + (base - floor) * 0.5 * (1.0 + (std::f64::consts::PI * t).cos()))
}
// ANCHOR_END: ex9_solution
