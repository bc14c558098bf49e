//! Min-max, z-score and robust scaling, fitted on training data and applied
//! to new data, with the same conventions as scikit-learn's `MinMaxScaler`,
//! `StandardScaler` and `RobustScaler`.
//!
//! Each scaler stores one offset and one scale per column and computes
//! `(x - offset) / scale`; a column whose scale is zero (a constant column)
//! is divided by 1 instead, as scikit-learn does.

use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::StatsError;
use crate::describe::{Method, quantile};

// ANCHOR: scaler
/// A fitted per-column affine map `(x - offset) / scale`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scaler {
    pub offset: Array1<f64>,
    pub scale: Array1<f64>,
}

impl Scaler {
    /// Applies the fitted map to `x`, whose columns must be the fitted ones.
    pub fn transform(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array2<f64>, StatsError> {
        if x.ncols() != self.offset.len() {
            return Err(StatsError::Columns {
                fitted: self.offset.len(),
                got: x.ncols(),
            });
        }
        // Broadcasting: each row minus the offsets, divided by the scales.
        Ok((&x - &self.offset) / &self.scale)
    }
}

/// Replaces a zero scale (a constant column) by 1, as scikit-learn does.
fn nonzero(scale: Array1<f64>) -> Array1<f64> {
    scale.mapv(|s| if s == 0.0 { 1.0 } else { s })
}
// ANCHOR_END: scaler

fn check_rows(
    x: ArrayView2<'_, f64>,
    what: &'static str,
) -> Result<(), StatsError> {
    if x.nrows() == 0 {
        Err(StatsError::Empty(what))
    } else {
        Ok(())
    }
}

// ANCHOR: fit
/// `MinMaxScaler`: maps each column's training minimum to 0 and its maximum
/// to 1.
pub fn fit_min_max(x: ArrayView2<'_, f64>) -> Result<Scaler, StatsError> {
    check_rows(x, "minimum")?;
    let min = x.fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v));
    let max = x.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max(v));
    let range = &max - &min;
    Ok(Scaler {
        offset: min,
        scale: nonzero(range),
    })
}

/// `StandardScaler`: subtracts each column's mean and divides by its
/// population standard deviation (`ddof = 0`, as scikit-learn does).
pub fn fit_standard(x: ArrayView2<'_, f64>) -> Result<Scaler, StatsError> {
    check_rows(x, "mean")?;
    let mean = x.mean_axis(Axis(0)).expect("at least one row");
    let std = x.std_axis(Axis(0), 0.0);
    Ok(Scaler {
        offset: mean,
        scale: nonzero(std),
    })
}

/// `RobustScaler`: subtracts each column's median and divides by its
/// interquartile range (the 75th minus the 25th percentile, NumPy's linear
/// method), which a few outliers barely move.
pub fn fit_robust(x: ArrayView2<'_, f64>) -> Result<Scaler, StatsError> {
    check_rows(x, "median")?;
    let mut median = Array1::zeros(x.ncols());
    let mut iqr = Array1::zeros(x.ncols());
    for (j, column) in x.columns().into_iter().enumerate() {
        median[j] = quantile(column, 0.5, Method::Linear)?;
        iqr[j] = quantile(column, 0.75, Method::Linear)?
            - quantile(column, 0.25, Method::Linear)?;
    }
    Ok(Scaler {
        offset: median,
        scale: nonzero(iqr),
    })
}
// ANCHOR_END: fit
