//! `solve` takes one right-hand side, a vector: a matrix of them does not
//! type-check.

// ANCHOR: solve_matrix_rhs
use ndarray::{Array2, array};
use ndarray_linalg::Solve;

fn main() {
    let a = array![[3.0, 1.0], [1.0, 2.0]];
    let b: Array2<f64> = array![[9.0, 1.0], [8.0, 0.0]]; // two columns
    let x = a.solve(&b).unwrap();
    println!("{x}");
}
// ANCHOR_END: solve_matrix_rhs
