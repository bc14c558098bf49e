//! Project 1: linear regression from scratch. The closed form (chapter 9's
//! least squares, here through ndarray-linalg's `least_squares`), batch and
//! mini-batch gradient descent on standardised features, and the two scores
//! of a held-out split, R² and RMSE.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use ndarray_linalg::LeastSquaresSvd;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::Error;

/// A fitted linear model `y ≈ x · coef + intercept`.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    pub coef: Array1<f64>,
    pub intercept: f64,
}

impl LinearModel {
    /// The predictions for the rows of `x`.
    pub fn predict(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array1<f64>, Error> {
        if x.ncols() != self.coef.len() {
            return Err(Error::Shape(format!(
                "the model has {} coefficients, the rows {} columns",
                self.coef.len(),
                x.ncols()
            )));
        }
        Ok(x.dot(&self.coef) + self.intercept)
    }
}

/// A training and a test set: `(x_train, y_train, x_test, y_test)`.
pub type Split = (Array2<f64>, Array1<f64>, Array2<f64>, Array1<f64>);

// ANCHOR: split
/// Splits the rows into a training and a test set: every `every`-th row
/// (rows `every - 1`, `2 * every - 1`, ...) is held out. Deterministic, so
/// NumPy's twin (`idx % every == every - 1`) holds out the same patients.
pub fn split_every(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
    every: usize,
) -> Result<Split, Error> {
    if every < 2 || x.nrows() != y.len() || x.nrows() < every {
        return Err(Error::Parameter(format!(
            "cannot hold out every {every}-th of {} rows ({} targets)",
            x.nrows(),
            y.len()
        )));
    }
    let (train, test): (Vec<usize>, Vec<usize>) =
        (0..x.nrows()).partition(|i| i % every != every - 1);
    Ok((
        x.select(Axis(0), &train),
        y.select(Axis(0), &train),
        x.select(Axis(0), &test),
        y.select(Axis(0), &test),
    ))
}
// ANCHOR_END: split

fn check_xy(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> Result<(), Error> {
    if x.nrows() != y.len() {
        return Err(Error::Shape(format!(
            "{} rows of features but {} targets",
            x.nrows(),
            y.len()
        )));
    }
    if x.nrows() <= x.ncols() {
        return Err(Error::TooShort(format!(
            "{} rows cannot determine {} coefficients and an intercept",
            x.nrows(),
            x.ncols()
        )));
    }
    if !x.iter().chain(y.iter()).all(|v| v.is_finite()) {
        return Err(Error::NonFinite("features or targets".into()));
    }
    Ok(())
}

// ANCHOR: closed_form
/// Least squares in closed form, as scikit-learn's `LinearRegression` does
/// it: centre `x` and `y`, solve the centred problem with LAPACK's SVD-based
/// `gelsd` (chapter 9), and recover the intercept from the means.
pub fn fit_closed_form(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> Result<LinearModel, Error> {
    check_xy(x, y)?;
    let x_mean = x.mean_axis(Axis(0)).ok_or(Error::TooShort("x".into()))?;
    let y_mean = y.mean().ok_or(Error::TooShort("y".into()))?;
    let xc = &x - &x_mean;
    let yc = &y - y_mean;
    let solution = xc
        .least_squares(&yc)
        .map_err(|e| Error::Linalg(e.to_string()))?
        .solution;
    let intercept = y_mean - x_mean.dot(&solution);
    Ok(LinearModel {
        coef: solution,
        intercept,
    })
}
// ANCHOR_END: closed_form

/// The mean and population standard deviation of each column of the
/// training rows (chapters 6 and 7 build the same scaler).
#[derive(Debug, Clone)]
pub struct Standardiser {
    pub mean: Array1<f64>,
    pub std: Array1<f64>,
}

impl Standardiser {
    /// Fits on the rows of `x`; a constant column is an error.
    pub fn fit(x: ArrayView2<'_, f64>) -> Result<Self, Error> {
        let mean = x.mean_axis(Axis(0)).ok_or(Error::TooShort("x".into()))?;
        let std = x.std_axis(Axis(0), 0.0);
        if let Some(j) = std.iter().position(|&s| s == 0.0) {
            return Err(Error::Parameter(format!("column {j} is constant")));
        }
        Ok(Self { mean, std })
    }

    /// `(x - mean) / std`, with the fitted values.
    pub fn transform(&self, x: ArrayView2<'_, f64>) -> Array2<f64> {
        (&x - &self.mean) / &self.std
    }

    /// A model fitted on standardised features, rewritten for raw ones:
    /// `w_raw = w / std` and `b_raw = b - Σ w mean / std`.
    pub fn unscale(&self, model: &LinearModel) -> LinearModel {
        let coef = &model.coef / &self.std;
        let intercept = model.intercept - coef.dot(&self.mean);
        LinearModel { coef, intercept }
    }
}

/// The settings of [`fit_gradient_descent`].
#[derive(Debug, Clone, Copy)]
pub struct GdConfig {
    /// The step size η.
    pub learning_rate: f64,
    /// Passes over the training rows.
    pub epochs: usize,
    /// Rows per step; `None` for batch gradient descent (all rows).
    pub batch_size: Option<usize>,
    /// Seeds the shuffle of each epoch (mini-batch only).
    pub seed: u64,
}

/// The result of [`fit_gradient_descent`]: the model and the training loss
/// (half the mean squared error) after each epoch.
#[derive(Debug, Clone)]
pub struct GdFit {
    pub model: LinearModel,
    pub losses: Vec<f64>,
}

/// Half the mean squared error of `model` on `(x, y)`.
pub fn half_mse(
    model: &LinearModel,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> f64 {
    let r = x.dot(&model.coef) + model.intercept - y;
    0.5 * r.dot(&r) / y.len() as f64
}

// ANCHOR: gradient_descent
/// Minimises `L(w, b) = ‖x w + b − y‖² / (2n)` by gradient descent: each
/// step moves `w` by `−η xᵀr / m` and `b` by `−η Σr / m`, where `r` is the
/// residual of the `m` rows of the batch. Batch GD uses every row per step;
/// mini-batch GD shuffles the rows each epoch and steps once per batch.
pub fn fit_gradient_descent(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
    config: GdConfig,
) -> Result<GdFit, Error> {
    check_xy(x, y)?;
    let n = x.nrows();
    let batch = config.batch_size.unwrap_or(n);
    if batch == 0
        || config.learning_rate.is_nan()
        || config.learning_rate <= 0.0
    {
        return Err(Error::Parameter(format!(
            "batch size {batch} and learning rate {} must be positive",
            config.learning_rate
        )));
    }
    let mut model = LinearModel {
        coef: Array1::zeros(x.ncols()),
        intercept: 0.0,
    };
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(config.seed);
    let mut order: Vec<usize> = (0..n).collect();
    let mut losses = Vec::with_capacity(config.epochs);
    for _ in 0..config.epochs {
        if batch < n {
            order.shuffle(&mut rng);
        }
        for rows in order.chunks(batch) {
            let (xb, yb) = if batch < n {
                (x.select(Axis(0), rows), y.select(Axis(0), rows))
            } else {
                (x.to_owned(), y.to_owned())
            };
            let r = xb.dot(&model.coef) + model.intercept - &yb;
            let m = rows.len() as f64;
            let step = config.learning_rate / m;
            model.coef.scaled_add(-step, &xb.t().dot(&r));
            model.intercept -= step * r.sum();
        }
        losses.push(half_mse(&model, x, y));
    }
    Ok(GdFit { model, losses })
}
// ANCHOR_END: gradient_descent

// ANCHOR: scores
/// The coefficient of determination, `1 − Σ(y − ŷ)² / Σ(y − ȳ)²`.
pub fn r2_score(
    y: ArrayView1<'_, f64>,
    prediction: ArrayView1<'_, f64>,
) -> Result<f64, Error> {
    if y.len() != prediction.len() || y.len() < 2 {
        return Err(Error::Shape(format!(
            "{} targets, {} predictions (need two or more)",
            y.len(),
            prediction.len()
        )));
    }
    let mean = y.sum() / y.len() as f64;
    let ss_res = y.iter().zip(prediction).map(|(a, p)| (a - p).powi(2));
    let ss_tot: f64 = y.iter().map(|a| (a - mean).powi(2)).sum();
    if ss_tot == 0.0 {
        return Err(Error::Parameter("the targets are constant".into()));
    }
    Ok(1.0 - ss_res.sum::<f64>() / ss_tot)
}

/// The root of the mean squared error, in the target's units.
pub fn rmse(
    y: ArrayView1<'_, f64>,
    prediction: ArrayView1<'_, f64>,
) -> Result<f64, Error> {
    if y.len() != prediction.len() || y.is_empty() {
        return Err(Error::Shape(format!(
            "{} targets, {} predictions",
            y.len(),
            prediction.len()
        )));
    }
    let r = &y - &prediction;
    Ok((r.dot(&r) / y.len() as f64).sqrt())
}
// ANCHOR_END: scores
