//! The hands-on's normalisations, each one broadcast: per-column scalings
//! `(x - offset) / scale` fitted on training rows and applied to any rows
//! (scikit-learn's `StandardScaler` and `MinMaxScaler`), and the L2
//! normalisation of every row (`Normalizer`).

use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::BroadcastError;
use crate::standardise::column_stats;

// ANCHOR: scaling
/// A per-column `(x - offset) / scale`, fitted on training rows: the fitted
/// `offset` and `scale` are the model's parameters, kept and applied
/// unchanged to test rows and to future data.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnScaling {
    pub offset: Array1<f64>,
    pub scale: Array1<f64>,
}

impl ColumnScaling {
    /// `StandardScaler`: the mean and the population standard deviation.
    pub fn standard(
        train: ArrayView2<'_, f64>,
    ) -> Result<Self, BroadcastError> {
        let (mean, std) = column_stats(train)?;
        Ok(Self::new(mean, std))
    }

    /// `MinMaxScaler`: the minimum and the range, so the training rows span
    /// `[0, 1]` and new rows may fall outside it.
    pub fn min_max(train: ArrayView2<'_, f64>) -> Result<Self, BroadcastError> {
        if train.nrows() == 0 {
            return Err(BroadcastError::Empty);
        }
        let min = train.fold_axis(Axis(0), f64::INFINITY, |m, &v| m.min(v));
        let max = train.fold_axis(Axis(0), f64::NEG_INFINITY, |m, &v| m.max(v));
        let range = &max - &min;
        Ok(Self::new(min, range))
    }

    /// A spread of 0 (a constant column) becomes 1, as in scikit-learn: the
    /// column is shifted, never divided by zero.
    fn new(offset: Array1<f64>, spread: Array1<f64>) -> Self {
        let scale = spread.mapv(|s| if s > 0.0 { s } else { 1.0 });
        Self { offset, scale }
    }

    /// `(x - offset) / scale`: `(n, d)` against two `(d,)` rows.
    pub fn transform(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array2<f64>, BroadcastError> {
        if x.ncols() != self.offset.len() {
            return Err(BroadcastError::Width {
                fitted: self.offset.len(),
                got: x.ncols(),
            });
        }
        Ok((&x - &self.offset) / &self.scale)
    }
}
// ANCHOR_END: scaling

// ANCHOR: l2
/// `Normalizer(norm="l2")`: every row divided by its Euclidean length, an
/// `(n, d)` table against an `(n, 1)` column, so each row has length 1 and
/// dot products of rows are cosine similarities. A row of zeros has no
/// direction and stays zeros, as scikit-learn leaves it.
pub fn l2_normalise_rows(x: ArrayView2<'_, f64>) -> Array2<f64> {
    let norms = x.map_axis(Axis(1), |row| {
        let norm = row.dot(&row).sqrt();
        if norm > 0.0 { norm } else { 1.0 }
    });
    &x / &norms.insert_axis(Axis(1)) // (n, d) / (n, 1)
}
// ANCHOR_END: l2
