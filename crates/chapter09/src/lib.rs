//! Chapter 9: linear algebra with ndarray-linalg on OpenBLAS.
//!
//! ndarray itself multiplies matrices (`dot`, `general_mat_mul`); the
//! decompositions and solvers come from ndarray-linalg, whose traits (`Solve`,
//! `Eigh`, `SVD`, `QR`, `Cholesky`, ...) add methods to every `Array2<f64>`
//! and call LAPACK. What lives here is what the chapter builds on top:
//!
//! - [`conditioning`]: the Hilbert matrix and the 2-norm condition number.
//! - [`eigen`]: power iteration from scratch.
//! - [`decompose`]: the reconstruction errors that check each decomposition,
//!   LU with partial pivoting and QR by Gram–Schmidt written out.
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
/// input, or when LAPACK or an iteration gives up. Each variant names what was
/// wrong, with the numbers that show it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A matrix with no rows or no columns, where a value needs at least one.
    #[error(
        "the matrix is {rows}x{cols}: it needs at least one row and column"
    )]
    Empty { rows: usize, cols: usize },
    /// A square matrix was needed.
    #[error("need a square matrix, got {rows}x{cols}")]
    NotSquare { rows: usize, cols: usize },
    /// Too few samples (rows) for the statistic asked for.
    #[error("{rows} rows: {what} needs at least {needed}")]
    TooFewRows {
        rows: usize,
        needed: usize,
        what: &'static str,
    },
    /// A least-squares fit with no more samples than features.
    #[error("x is {rows}x{cols}: least squares needs more rows than columns")]
    Underdetermined { rows: usize, cols: usize },
    /// Two inputs whose lengths must agree and do not.
    #[error("{what}: lengths {left} and {right} differ")]
    Lengths {
        left: usize,
        right: usize,
        what: &'static str,
    },
    /// A number of components (or a rank) outside `1..=max`.
    #[error("cannot keep {k} components of a matrix of rank at most {max}")]
    Components { k: usize, max: usize },
    /// New data with another number of features than the fit saw.
    #[error("fitted on {fitted} features, got {got}")]
    Features { fitted: usize, got: usize },
    /// A covariance with an eigenvalue that is zero or negative: some
    /// direction has no variance, and whitening would divide by `√λ ≤ 0`.
    #[error(
        "covariance eigenvalue {value:e} (number {index}, ascending) is not \
         positive: the data have no variance in some direction"
    )]
    NotPositiveDefinite { index: usize, value: f64 },
    /// A column that is a linear combination of the ones before it.
    #[error("column {column} depends on the columns before it")]
    RankDeficient { column: usize },
    /// A zero on the diagonal of a triangular matrix: it is singular.
    #[error("U[{index}, {index}] is zero: the triangular matrix is singular")]
    ZeroPivot { index: usize },
    /// R² of a constant target: its total sum of squares is zero.
    #[error("the target is constant (all {value}): R² is undefined")]
    ConstantTarget { value: f64 },
    /// An iteration that reached its limit before its tolerance.
    #[error(
        "no convergence after {iterations} iterations (last relative change \
         {change:e})"
    )]
    NoConvergence { iterations: usize, change: f64 },
    /// LAPACK refused (a singular matrix, one not positive definite, ...).
    #[error("LAPACK: {0}")]
    Linalg(#[from] LinalgError),
}
