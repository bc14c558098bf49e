//! The debugging clinic's LAPACK error: solving a linear system whose matrix
//! is singular (one column is twice another) returns an error from LAPACK's
//! LU factorisation, and the fix falls back to least squares.

use chapter14::debug::solve_or_lstsq;
use ndarray::array;
use ndarray_linalg::Solve;

fn main() {
    // ANCHOR: singular
    // Two features that are the same measurement in different units: the
    // second column is twice the first, so the matrix has rank 1.
    let a = array![[1.0, 2.0], [3.0, 6.0]];
    let b = array![5.0, 15.0];
    match a.solve(&b) {
        Ok(x) => println!("a.solve(&b) = {x}"),
        Err(e) => println!("a.solve(&b): Err({e})\n  {e:?}"),
    }
    let (x, fell_back) = solve_or_lstsq(a.view(), b.view()).expect("lstsq");
    println!("solve_or_lstsq: x = {x:.6}, least squares: {fell_back}");
    println!("a x = {:.6}", a.dot(&x));
    // ANCHOR_END: singular
}
