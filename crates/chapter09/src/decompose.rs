//! How each decomposition is checked: rebuild the matrix from its factors and
//! measure the relative Frobenius distance to the original.

use ndarray::{Array2, ArrayView1, ArrayView2};
use ndarray_linalg::OperationNorm;

/// `‖a − b‖_F / ‖a‖_F`, the relative Frobenius distance.
pub fn relative_error(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>) -> f64 {
    let diff = &a - &b;
    let num = diff.opnorm_fro().expect("Frobenius norm cannot fail");
    num / a.opnorm_fro().expect("Frobenius norm cannot fail")
}

// ANCHOR: rebuild_svd
/// `U · diag(s) · Vᵀ` from a thin SVD: scaling the columns of `U` by `s`
/// (a broadcast) is the product with the diagonal matrix, without building it.
pub fn rebuild_svd(
    u: ArrayView2<'_, f64>,
    s: ArrayView1<'_, f64>,
    vt: ArrayView2<'_, f64>,
) -> Array2<f64> {
    let k = s.len();
    let us = &u.slice(ndarray::s![.., ..k]) * &s; // each column j times s[j]
    us.dot(&vt.slice(ndarray::s![..k, ..]))
}
// ANCHOR_END: rebuild_svd
