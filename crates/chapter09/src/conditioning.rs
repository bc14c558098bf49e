//! The Hilbert matrix, the classic ill-conditioned system, and the condition
//! number that measures how much a solve can amplify errors in its input.

use crate::Error;
use ndarray::{Array2, ArrayView2};
use ndarray_linalg::SVD;

// ANCHOR: hilbert
/// The `n × n` Hilbert matrix, `H[i, j] = 1 / (i + j + 1)`.
pub fn hilbert(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| 1.0 / (i + j + 1) as f64)
}

/// The 2-norm condition number `σ_max / σ_min` (NumPy's `np.linalg.cond`):
/// infinite for a singular matrix, an error for an empty one.
pub fn condition_number(a: ArrayView2<'_, f64>) -> Result<f64, Error> {
    let (rows, cols) = a.dim();
    if rows == 0 || cols == 0 {
        return Err(Error::Empty { rows, cols });
    }
    let (_, s, _) = a.svd(false, false)?; // singular values only
    let (max, min) = (s[0], s[s.len() - 1]); // LAPACK sorts them descending
    Ok(if min == 0.0 { f64::INFINITY } else { max / min })
}
// ANCHOR_END: hilbert
