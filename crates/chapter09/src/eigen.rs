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
/// `tol` (relative). An error if `max_iter` products do not get there.
pub fn power_iteration(
    a: ArrayView2<'_, f64>,
    tol: f64,
    max_iter: usize,
) -> Result<Dominant, Error> {
    let (rows, cols) = a.dim();
    if rows != cols || rows == 0 {
        return Err(Error::NotSquare { rows, cols });
    }
    let mut v = start_vector(rows);
    let (mut value, mut change) = (f64::NAN, f64::INFINITY);
    for iterations in 1..=max_iter {
        let w = a.dot(&v);
        let next = v.dot(&w); // Rayleigh quotient, v has unit length
        let norm = w.norm_l2();
        if norm == 0.0 {
            // A v = 0: v is an eigenvector for 0, dominant only if A = 0.
            if a.iter().all(|&x| x == 0.0) {
                return Ok(Dominant {
                    value: 0.0,
                    vector: v,
                    iterations,
                });
            }
            break; // the start fell in the null space: report failure
        }
        v = &w / norm;
        change = (next - value).abs() / next.abs();
        if change <= tol {
            return Ok(Dominant {
                value: next,
                vector: v,
                iterations,
            });
        }
        value = next;
    }
    Err(Error::NoConvergence {
        iterations: max_iter,
        change,
    })
}

/// A fixed start with no symmetry: `frac((i + 1) φ) − ½`, the golden-ratio
/// sequence, normalised. A start orthogonal to the dominant eigenvector never
/// finds it; the uniform vector is orthogonal to every eigenvector whose
/// entries sum to zero (`[1, −1]` of `[[1.5, −0.5], [−0.5, 1.5]]`).
fn start_vector(n: usize) -> Array1<f64> {
    let phi = (1.0 + 5.0_f64.sqrt()) / 2.0;
    let v = Array1::from_shape_fn(n, |i| ((i + 1) as f64 * phi).fract() - 0.5);
    let norm = v.norm_l2();
    v / norm
}
// ANCHOR_END: power_iteration
