//! Power iteration: the dominant eigenpair of a symmetric matrix from nothing
//! but matrix-vector products, to compare with LAPACK's `eigh`.

use crate::Error;
use ndarray::{Array1, ArrayView2};
use ndarray_linalg::Norm;

/// The result of [`power_iteration`].
#[derive(Debug, Clone)]
pub struct Dominant {
    /// The eigenvalue of largest magnitude.
    pub value: f64,
    /// Its eigenvector, of unit length.
    pub vector: Array1<f64>,
    /// How many products it took.
    pub iterations: usize,
}

// ANCHOR: power_iteration
/// The dominant eigenpair of a square matrix: multiply a start vector by `a`
/// and normalise, until the Rayleigh quotient `vᵀAv` changes by less than
/// `tol` (relative), or `max_iter` products.
pub fn power_iteration(
    a: ArrayView2<f64>,
    tol: f64,
    max_iter: usize,
) -> Result<Dominant, Error> {
    let n = a.nrows();
    if a.ncols() != n || n == 0 {
        return Err(Error::Shape(format!(
            "need a square matrix, got {n}x{}",
            a.ncols()
        )));
    }
    let mut v = Array1::from_elem(n, 1.0 / (n as f64).sqrt());
    let mut value = 0.0;
    for iterations in 1..=max_iter {
        let w = a.dot(&v);
        let next = v.dot(&w); // Rayleigh quotient, v has unit length
        v = &w / w.norm_l2();
        if (next - value).abs() <= tol * next.abs() {
            return Ok(Dominant {
                value: next,
                vector: v,
                iterations,
            });
        }
        value = next;
    }
    Ok(Dominant {
        value,
        vector: v,
        iterations: max_iter,
    })
}
// ANCHOR_END: power_iteration
