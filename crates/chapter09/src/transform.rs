//! Linear transformations of a point cloud: its covariance, and whitening,
//! the map that turns the covariance into the identity.

use crate::Error;
use ndarray::{Array1, Array2, ArrayView2, Axis};
use ndarray_linalg::{Eigh, UPLO};

/// The sample covariance of the rows of `x` (divided by `n - 1`, like
/// `np.cov(x, rowvar=False)`), and the column means.
pub fn covariance(
    x: ArrayView2<'_, f64>,
) -> Result<(Array2<f64>, Array1<f64>), Error> {
    let n = x.nrows();
    if n < 2 {
        return Err(Error::TooFewRows {
            rows: n,
            needed: 2,
            what: "a sample covariance",
        });
    }
    let mean = x.mean_axis(Axis(0)).expect("n >= 2 rows");
    let centred = &x - &mean;
    Ok((centred.t().dot(&centred) / (n - 1) as f64, mean))
}

// ANCHOR: whiten
/// ZCA whitening: `W = V · diag(1/√λ) · Vᵀ` from the eigendecomposition
/// `Σ = V · diag(λ) · Vᵀ` of the covariance, so that `(x − mean) · W` has
/// identity covariance. Returns the whitened points and `W`, or an error
/// when an eigenvalue is not positive (no variance in some direction).
pub fn whiten(
    x: ArrayView2<'_, f64>,
) -> Result<(Array2<f64>, Array2<f64>), Error> {
    let (cov, mean) = covariance(x)?;
    let (lambda, v) = cov.eigh(UPLO::Lower)?; // ascending eigenvalues
    // Rounding leaves a zero eigenvalue at about ε·λ_max, of either sign:
    // anything below that is a direction without variance.
    let floor = lambda[lambda.len() - 1] * f64::EPSILON * lambda.len() as f64;
    if let Some(index) = lambda.iter().position(|&l| l <= floor) {
        let value = lambda[index];
        return Err(Error::NotPositiveDefinite { index, value });
    }
    let w = (&v / &lambda.mapv(f64::sqrt)).dot(&v.t()); // V Λ^{-1/2} Vᵀ
    Ok(((&x - &mean).dot(&w), w))
}
// ANCHOR_END: whiten
