//! The hands-on's feature engineering: polynomial and interaction features in
//! scikit-learn's `PolynomialFeatures` order, and RBF kernel features.

use ndarray::{Array2, ArrayView2, Axis, s};

use crate::BroadcastError;
use crate::distance::squared_distances;

// ANCHOR: polynomial
/// Degree-2 polynomial features with a bias column, in the column order of
/// scikit-learn's `PolynomialFeatures(degree=2)`: `1`, then `x_0 .. x_{d-1}`,
/// then `x_i * x_j` for `i <= j` in row-major order (`x_0²`, `x_0 x_1`, ...).
/// The products come from one broadcast: each row as `(n, d, 1)` times each
/// row as `(n, 1, d)` is the `(n, d, d)` batch of outer products, whose
/// upper triangles are the features.
pub fn polynomial_features(x: ArrayView2<'_, f64>) -> Array2<f64> {
    let (n, d) = x.dim();
    let products = &x.insert_axis(Axis(2)) * &x.insert_axis(Axis(1));
    let mut out = Array2::zeros((n, 1 + d + d * (d + 1) / 2));
    out.column_mut(0).fill(1.0);
    out.slice_mut(s![.., 1..=d]).assign(&x);
    let mut column = 1 + d;
    for i in 0..d {
        let width = d - i; // x_i * x_j for j = i .. d-1
        out.slice_mut(s![.., column..column + width])
            .assign(&products.slice(s![.., i, i..]));
        column += width;
    }
    out
}
// ANCHOR_END: polynomial

// ANCHOR: rbf
/// RBF kernel features `exp(-gamma * ‖x_i - c_j‖²)`, one column per centre
/// `c_j` (scikit-learn's `rbf_kernel(x, centres, gamma)`), from the repaired
/// squared distances of [`crate::distance`].
pub fn rbf_features(
    x: ArrayView2<'_, f64>,
    centres: ArrayView2<'_, f64>,
    gamma: f64,
) -> Result<Array2<f64>, BroadcastError> {
    let mut k = squared_distances(x, centres)?;
    k.mapv_inplace(|sq| (-gamma * sq).exp());
    Ok(k)
}
// ANCHOR_END: rbf
