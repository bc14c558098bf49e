//! What goes wrong: the real `LinalgError`s for singular, non-square and
//! non-positive-definite inputs, a transpose confused with a reshape, and
//! `f32` against `f64` in a decomposition.

use chapter09::conditioning::hilbert;
use ndarray::{Array1, Array2, array};
use ndarray_linalg::{Cholesky, Inverse, Norm, Solve, UPLO};

fn main() -> Result<(), support::Report> {
    support::output_part("errors");
    // ANCHOR: errors
    let singular = array![[1.0, 2.0], [2.0, 4.0]]; // row 2 = 2 × row 1
    match singular.solve(&array![1.0, 1.0]) {
        Ok(x) => println!("solved: {x}"),
        Err(e) => println!("solve(singular):   {e}"),
    }
    let wide = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    if let Err(e) = wide.inv() {
        println!("inv(2x3):          {e}");
    }
    let indefinite = array![[1.0, 2.0], [2.0, 1.0]]; // eigenvalues 3 and −1
    if let Err(e) = indefinite.cholesky(UPLO::Lower) {
        println!("cholesky(indef.):  {e:?}");
    }
    // ANCHOR_END: errors

    support::output_part("layout");
    // ANCHOR: layout
    // A column-major buffer (from Fortran, or from NumPy's order="F")...
    let fortran_buffer = vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0];
    let wrong = Array2::from_shape_vec((2, 3), fortran_buffer.clone())?;
    let right = Array2::from_shape_vec((3, 2), fortran_buffer)?.reversed_axes();
    println!("read as row-major:\n{wrong}\nread as column-major:\n{right}");
    // A transposed view goes to LAPACK as it is: no copy, the right answer.
    let a = array![[2.0, 1.0], [0.0, 3.0]];
    let b = array![1.0, 2.0];
    println!(
        "solve(Aᵀ, b) = {}, A.solve_t(b) = {}",
        a.t().solve(&b)?,
        a.solve_t(&b)?
    );
    // ANCHOR_END: layout

    support::output_part("precision");
    // ANCHOR: precision
    let h64 = hilbert(7);
    let h32 = h64.mapv(|v| v as f32);
    let x64 = h64.solve(&h64.dot(&Array1::ones(7)))?;
    let x32 = h32.solve(&h32.dot(&Array1::<f32>::ones(7)))?;
    let err64 = (&x64 - 1.0).norm_l2() / 7f64.sqrt();
    let err32 = (&x32 - 1.0).norm_l2() / 7f32.sqrt();
    println!(
        "Hilbert 7 (cond 4.8e8): f64 error {err64:.1e}, f32 error {err32:.1e}"
    );
    // ANCHOR_END: precision
    Ok(())
}
