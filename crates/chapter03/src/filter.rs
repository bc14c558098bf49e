//! The hands-on's filters on real data with real problems (the Palmer
//! penguins: missing values and text categories): a mask of the complete
//! rows, a mask from a text column, and the top `k` rows by one feature, with
//! missing values last. [`zscores`] standardises columns for exercise 6.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use crate::gather::argsort;

// ANCHOR: complete_rows
/// `true` for the rows of `x` without a missing value (NaN): NumPy's
/// `~np.isnan(x).any(axis=1)`.
pub fn complete_rows(x: ArrayView2<'_, f64>) -> Array1<bool> {
    x.map_axis(Axis(1), |row| row.iter().all(|v| !v.is_nan()))
}

/// `true` where `labels` equals `value`: NumPy's `labels == value` on an
/// array of strings.
pub fn equals(labels: &[String], value: &str) -> Array1<bool> {
    labels.iter().map(|label| label == value).collect()
}
// ANCHOR_END: complete_rows

/// Each column standardised to z-scores, `(x - mean) / std`, with NumPy's
/// default `std` (divided by `n`, `ddof=0`), as chapter 1 computed them.
pub fn zscores(x: ArrayView2<'_, f64>) -> Option<Array2<f64>> {
    let mean = x.mean_axis(Axis(0))?;
    let std = x.std_axis(Axis(0), 0.0);
    Some((&x - &mean) / &std)
}

// ANCHOR: top_k
/// The positions of the `k` largest values of `column`, largest first; equal
/// values keep their order, and NaN comes after every number (NumPy's
/// `np.argsort(-column, kind="stable")[:k]`).
pub fn top_k(column: ArrayView1<'_, f64>, k: usize) -> Vec<usize> {
    let negated = column.mapv(|v| -v); // -NaN is NaN: still sorted last
    let mut order = argsort(negated.view());
    order.truncate(k);
    order
}
// ANCHOR_END: top_k
