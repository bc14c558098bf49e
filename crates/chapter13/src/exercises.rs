//! Solutions to the exercises of chapter 13 (the book's exercises page
//! shows each signature, then the solution). `tests/exercises.rs` runs every
//! one of them.

use ndarray::ArrayView1;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The sum of the squares of `x`: NumPy's `np.sum(x**2)` or `x @ x`.
pub fn sum_of_squares(x: ArrayView1<'_, f64>) -> f64 {
    // ANCHOR_END: ex1_signature
    x.dot(&x)
}
// ANCHOR_END: ex1_solution
