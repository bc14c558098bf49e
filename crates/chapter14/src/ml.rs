//! The types the ML-component exercises share (part B of the chapter): the
//! error they return, the fitted scaler, the mini-batch iterator's state and
//! the Adam optimiser's state. The exercises themselves (`src/exercises.rs`)
//! fill in the computations.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use thiserror::Error;

/// What the ML components reject: bad input is an error, never a panic or a
/// silent NaN.
#[derive(Debug, Error, PartialEq)]
pub enum MlError {
    /// Two inputs that must have the same length (or width) do not.
    #[error("length mismatch: {0} against {1}")]
    Length(usize, usize),
    /// No data at all.
    #[error("empty input")]
    Empty,
    /// A value that is not allowed (NaN, a label outside {0, 1}).
    #[error("invalid value: {0}")]
    Value(String),
    /// A metric that is undefined here (ROC AUC with a single class).
    #[error("undefined: {0}")]
    Undefined(String),
}

/// What the exercises of part B import in one line (`use
/// crate::ml::prelude::*`), so that their section of `src/exercises.rs` needs
/// no import of its own.
pub mod prelude {
    pub use super::{Adam, MiniBatches, MlError, Scaler};
    pub use crate::perf::{PerfError, histogram_edges};
    pub use ndarray::{
        Array1, Array2, ArrayView1, ArrayView2, Axis, Zip, concatenate,
    };
}

// ANCHOR: scaler
/// A fitted standard scaler (scikit-learn's `StandardScaler`): each
/// column's mean and scale (its population standard deviation, or 1 where
/// that is 0, so a constant column becomes zeros rather than NaN).
#[derive(Debug, Clone, PartialEq)]
pub struct Scaler {
    /// The column means, `mean_`.
    pub mean: Array1<f64>,
    /// The column scales, `scale_`.
    pub scale: Array1<f64>,
}

impl Scaler {
    /// `(x - mean) / scale`, column by column: `transform(x)`.
    pub fn transform(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array2<f64>, MlError> {
        if x.ncols() != self.mean.len() {
            return Err(MlError::Length(x.ncols(), self.mean.len()));
        }
        Ok((&x - &self.mean) / &self.scale)
    }
}
// ANCHOR_END: scaler

// ANCHOR: minibatches
/// Mini-batches of rows of `x` with their labels `y`, in the order of a
/// permutation `order` of the rows, `batch_size` rows at a time; the last
/// batch holds what is left. Its `Iterator` implementation is an exercise.
#[derive(Debug)]
// In the reader's starter, `next` is still the starter's placeholder and reads no field.
#[cfg_attr(feature = "my-exercises", allow(dead_code))]
pub struct MiniBatches<'a> {
    pub(crate) x: ArrayView2<'a, f64>,
    pub(crate) y: ArrayView1<'a, f64>,
    pub(crate) order: &'a [usize],
    pub(crate) batch_size: usize,
    /// How many entries of `order` the batches so far have used.
    pub(crate) next: usize,
}

impl<'a> MiniBatches<'a> {
    /// Checks the inputs: `x` and `y` have as many rows, `batch_size` is
    /// positive, and `order` holds each row index exactly once.
    pub fn new(
        x: ArrayView2<'a, f64>,
        y: ArrayView1<'a, f64>,
        order: &'a [usize],
        batch_size: usize,
    ) -> Result<Self, MlError> {
        if x.nrows() != y.len() {
            return Err(MlError::Length(x.nrows(), y.len()));
        }
        if order.len() != x.nrows() {
            return Err(MlError::Length(order.len(), x.nrows()));
        }
        if batch_size == 0 {
            return Err(MlError::Value("a batch size of 0".into()));
        }
        let mut seen = vec![false; order.len()];
        for &i in order {
            match seen.get_mut(i) {
                Some(s) if !*s => *s = true,
                _ => return Err(MlError::Value(format!("order: row {i}"))),
            }
        }
        Ok(Self {
            x,
            y,
            order,
            batch_size,
            next: 0,
        })
    }
}
// ANCHOR_END: minibatches

// ANCHOR: adam
/// The state of the Adam optimiser for one parameter vector, with
/// scikit-learn's defaults (`AdamOptimizer` of its `neural_network`).
#[derive(Debug, Clone)]
pub struct Adam {
    pub learning_rate: f64,
    pub beta1: f64,
    pub beta2: f64,
    pub epsilon: f64,
    /// The number of steps taken so far.
    pub t: i32,
    /// The running mean of the gradients (first moment).
    pub m: Array1<f64>,
    /// The running mean of the squared gradients (second moment).
    pub v: Array1<f64>,
}

impl Adam {
    /// A fresh state for `n` parameters: zero moments, no steps yet,
    /// `beta1 = 0.9`, `beta2 = 0.999`, `epsilon = 1e-8`.
    pub fn new(n: usize, learning_rate: f64) -> Self {
        Self {
            learning_rate,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            t: 0,
            m: Array1::zeros(n),
            v: Array1::zeros(n),
        }
    }
}
// ANCHOR_END: adam
