//! Solutions to the exercises of chapter 12 (the book's exercises page
//! shows each signature, then the solution). `tests/exercises.rs` runs every
//! one of them.

use crate::Error;
use crate::linreg::LinearModel;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, s};

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The gradient of the loss `L(w, b) = ‖x w + b − y‖² / (2n)` of a linear
/// model: `(∂L/∂w, ∂L/∂b)`. An error when the shapes do not fit.
pub fn loss_gradient(
    model: &LinearModel,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> Result<(Array1<f64>, f64), Error> {
    // ANCHOR_END: ex1_signature
    if x.nrows() != y.len() || x.ncols() != model.coef.len() || y.is_empty() {
        return Err(Error::Shape(format!(
            "x {:?}, y {}, {} coefficients",
            x.dim(),
            y.len(),
            model.coef.len()
        )));
    }
    let n = y.len() as f64;
    let residual = x.dot(&model.coef) + model.intercept - y;
    Ok((x.t().dot(&residual) / n, residual.sum() / n))
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// The 3 × 3 median filter on the "valid" region: each output pixel is the
/// median of the 9 pixels of its window, shape `(h − 2, w − 2)`. An error
/// for an image smaller than 3 × 3.
pub fn median_filter3(
    image: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, Error> {
    // ANCHOR_END: ex2_signature
    if image.nrows() < 3 || image.ncols() < 3 {
        return Err(Error::Shape(format!(
            "{:?} is smaller than 3 x 3",
            image.dim()
        )));
    }
    let shape = (image.nrows() - 2, image.ncols() - 2);
    let medians: Vec<f64> = image
        .windows((3, 3))
        .into_iter()
        .map(|window| {
            let mut values: Vec<f64> = window.iter().copied().collect();
            values.sort_by(f64::total_cmp);
            values[4]
        })
        .collect();
    Array2::from_shape_vec(shape, medians)
        .map_err(|e| Error::Shape(e.to_string()))
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// The seasonal naive forecast: each of the next `steps` values repeats the
/// value one `period` earlier, `x̂[n + h] = x[n + h − period]` for `h <
/// period`, and the forecasts repeat after that. An error when the history
/// is shorter than a period or the period is 0.
pub fn seasonal_naive(
    history: ArrayView1<'_, f64>,
    period: usize,
    steps: usize,
) -> Result<Array1<f64>, Error> {
    // ANCHOR_END: ex3_signature
    if period == 0 || history.len() < period {
        return Err(Error::Parameter(format!(
            "period {period} for a history of {}",
            history.len()
        )));
    }
    let last_season = history.slice(s![history.len() - period..]);
    Ok((0..steps).map(|h| last_season[h % period]).collect())
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// The purity of a clustering: give every cluster the class most of its
/// points have, and return the fraction of points whose class is their
/// cluster's. `clusters` are in `0..k`, `classes` in `0..n_classes`. An
/// error when the two have different lengths, are empty, or a label is out
/// of range.
pub fn purity(
    clusters: ArrayView1<'_, usize>,
    classes: ArrayView1<'_, usize>,
    k: usize,
    n_classes: usize,
) -> Result<f64, Error> {
    // ANCHOR_END: ex4_signature
    if clusters.len() != classes.len() || clusters.is_empty() {
        return Err(Error::Shape(format!(
            "{} cluster labels, {} classes",
            clusters.len(),
            classes.len()
        )));
    }
    let mut table = Array2::<usize>::zeros((k, n_classes));
    for (&c, &t) in clusters.iter().zip(classes) {
        if c >= k || t >= n_classes {
            return Err(Error::Parameter(format!(
                "label ({c}, {t}) out of range"
            )));
        }
        table[[c, t]] += 1;
    }
    let majority: usize = table
        .map_axis(Axis(1), |row| row.iter().copied().max().unwrap_or(0))
        .sum();
    Ok(majority as f64 / clusters.len() as f64)
}
// ANCHOR_END: ex4_solution

// The neural network project (capstone, ch12-neural-network.md).

use crate::nn::{Mlp, NnError, Stream};
use crate::nn_train::{Optimizer, TrainConfig, Trainer, accuracy, prepare};

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The test accuracy of the chapter's MLP on Fashion-MNIST (2000 images of
/// 28x28 pixels, 0..=255): a stratified split with `test_fraction` 0.2 and
/// seed 1, layers `[784, 128, 10]` with seed 2, Adam at 1e-3, batches of 32
/// from seed 3, L2 1e-4, `epochs` epochs.
pub fn fashion_mnist_accuracy(epochs: usize) -> Result<f64, NnError> {
    // ANCHOR_END: ex5_signature
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
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
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
    // ANCHOR_END: ex6_signature
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
// ANCHOR_END: ex6_solution

// ANCHOR: ex7_solution
// ANCHOR: ex7_signature
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
    // ANCHOR_END: ex7_signature
    if epochs == 0 || epoch > epochs {
        return Err(NnError::Hyperparameter {
            name: "epoch",
            value: epoch as f64,
        });
    }
    let t = epoch as f64 / epochs as f64;
    Ok(floor + (base - floor) * 0.5 * (1.0 + (std::f64::consts::PI * t).cos()))
}
// ANCHOR_END: ex7_solution
