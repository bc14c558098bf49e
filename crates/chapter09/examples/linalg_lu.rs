//! LU with partial pivoting written out (`decompose::lu`): the factors `P`,
//! `L` and `U` of a 4 × 4 matrix, and why a determinant is taken as a
//! logarithm (`sln_det`) once the matrix is large.

use chapter09::decompose::{lu, relative_error};
use ndarray::{Array2, array};
use ndarray_linalg::Determinant;

fn main() -> Result<(), support::Report> {
    support::output_part("doolittle");
    // ANCHOR: doolittle
    // Trefethen and Bau's example (lecture 21): pivoting reorders every row.
    let a = array![
        [2.0, 1.0, 1.0, 0.0],
        [4.0, 3.0, 3.0, 1.0],
        [8.0, 7.0, 9.0, 5.0],
        [6.0, 7.0, 9.0, 8.0],
    ];
    let f = lu(a.view())?;
    println!("row order of P A: {:?}", f.perm);
    println!("L =\n{:8.4}", f.l);
    println!("U =\n{:8.4}", f.u);
    let pa = f.p().dot(&a);
    let error = relative_error(pa.view(), f.l.dot(&f.u).view());
    println!("‖PA − LU‖/‖PA‖ {}", support::below(error, 1e-15));
    // ANCHOR_END: doolittle

    support::output_part("slogdet");
    // ANCHOR: slogdet
    // A 200-dimensional Gaussian with variance 0.01 on each axis, and one
    // with variance 100: det Σ is 1e-400 and 1e400, beyond f64's range.
    for variance in [0.01, 100.0] {
        let sigma = Array2::<f64>::eye(200) * variance;
        let det = sigma.det()?; // the product of U's diagonal
        let (sign, ln_det) = sigma.sln_det()?; // the sum of its logarithms
        println!(
            "variance {variance:>6}: det = {det:?}, ln det = {:.4} (sign {sign})",
            ln_det
        );
    }
    // ANCHOR_END: slogdet
    Ok(())
}
