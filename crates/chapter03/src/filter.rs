//! The hands-on's filters on real data: the rows of one class, a z-score
//! outlier mask, and the top `k` rows by one feature.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip};

use crate::IndexError;
use crate::gather::argsort;
use crate::mask::rows_where_copy;

// ANCHOR: class_rows
/// The rows of `x` whose label in `target` is `class` (NumPy's
/// `x[target == class]`).
pub fn class_rows(
    x: ArrayView2<'_, f64>,
    target: ArrayView1<'_, usize>,
    class: usize,
) -> Result<Array2<f64>, IndexError> {
    let is_class = target.mapv(|t| t == class);
    rows_where_copy(x, is_class.view())
}
// ANCHOR_END: class_rows

// ANCHOR: zscores
/// Each column standardised to z-scores, `(x - mean) / std`, with NumPy's
/// default `std` (divided by `n`, `ddof=0`).
pub fn zscores(x: ArrayView2<'_, f64>) -> Option<Array2<f64>> {
    let mean = x.mean_axis(Axis(0))?;
    let std = x.std_axis(Axis(0), 0.0);
    Some((&x - &mean) / &std)
}

/// The rows where any feature is more than `threshold` standard deviations
/// from its column's mean: NumPy's `(np.abs(z) > threshold).any(axis=1)`.
pub fn outlier_mask(x: ArrayView2<'_, f64>, threshold: f64) -> Array1<bool> {
    let Some(z) = zscores(x) else {
        return Array1::from_elem(0, false); // no rows, no outliers
    };
    let mut mask = Array1::from_elem(x.nrows(), false);
    Zip::from(&mut mask)
        .and(z.rows())
        .for_each(|m, row| *m = row.iter().any(|v| v.abs() > threshold));
    mask
}
// ANCHOR_END: zscores

// ANCHOR: top_k
/// The positions of the `k` largest values of `column`, largest first; equal
/// values keep their order (NumPy's `np.argsort(-column, kind="stable")[:k]`).
pub fn top_k(column: ArrayView1<'_, f64>, k: usize) -> Vec<usize> {
    let negated = column.mapv(|v| -v);
    let mut order = argsort(negated.view());
    order.truncate(k);
    order
}
// ANCHOR_END: top_k
