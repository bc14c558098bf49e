//! Chapter 9: linear algebra with ndarray-linalg on OpenBLAS.
//!
//! ndarray itself multiplies matrices (`dot`, `general_mat_mul`); the
//! decompositions and solvers come from ndarray-linalg, whose traits (`Solve`,
//! `Eigh`, `SVD`, `QR`, `Cholesky`, ...) add methods to every `Array2<f64>`
//! and call LAPACK. What lives here is what the chapter builds on top:
//!
//! - [`conditioning`]: the Hilbert matrix and the 2-norm condition number.
//! - [`eigen`]: power iteration from scratch.
//! - [`decompose`]: the reconstruction errors that check each decomposition.
//! - [`pca`]: principal component analysis via the SVD of centred data.
//! - [`regression`]: least squares by the normal equations, QR and the SVD,
//!   ridge regression, and R².
//! - [`transform`]: covariance and whitening of a point cloud.
//! - [`exercises`]: the solutions to the chapter's exercises.

pub mod conditioning;
pub mod decompose;
pub mod eigen;
// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod pca;
pub mod regression;
pub mod transform;

use ndarray_linalg::error::LinalgError;

/// What the chapter's functions return when a caller hands them unusable
/// input: a shape that does not fit, or an error from LAPACK.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The inputs' shapes do not fit together.
    #[error("shape mismatch: {0}")]
    Shape(String),
    /// LAPACK refused (a singular matrix, one not positive definite, ...).
    #[error("LAPACK: {0}")]
    Linalg(#[from] LinalgError),
}
