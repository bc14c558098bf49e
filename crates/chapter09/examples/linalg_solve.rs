//! Solving `A x = b`: `solve`, factorising once for many right-hand sides,
//! and why `inv` is the wrong tool.

use chapter09::conditioning::hilbert;
use ndarray::{Array1, array};
use ndarray_linalg::{Determinant, Factorize, Inverse, Norm, Solve};

fn main() -> Result<(), support::Report> {
    support::output_part("solve");
    // ANCHOR: solve
    let a = array![[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]];
    let b = array![1.0, 2.0, 3.0];
    let x = a.solve(&b)?; // LU with partial pivoting (LAPACK dgesv)
    println!("x = {x:.6}");
    let residual = (a.dot(&x) - &b).norm_l2();
    println!("residual ‖Ax − b‖ {}", support::below(residual, 1e-14));
    // ANCHOR_END: solve

    support::output_part("factorize");
    // ANCHOR: factorize
    let lu = a.factorize()?; // O(n³) once
    for k in 0..3 {
        let mut rhs = Array1::<f64>::zeros(3);
        rhs[k] = 1.0;
        let col = lu.solve(&rhs)?; // O(n²) per right-hand side
        println!("A⁻¹ e{k} = {col:.6}");
    }
    println!("det A = {:.6}", a.factorize()?.det()?);
    // ANCHOR_END: factorize

    support::output_part("inv");
    // ANCHOR: inv
    // The same answer through the inverse: more work and more rounding.
    let m = hilbert(10); // an ill-conditioned matrix, see the next section
    let truth = Array1::<f64>::ones(10);
    let rhs = m.dot(&truth);
    let by_solve = m.solve(&rhs)?;
    let by_inv = m.inv()?.dot(&rhs);
    for (name, x) in [("solve", &by_solve), ("inv·b", &by_inv)] {
        let err = (x - &truth).norm_l2() / truth.norm_l2();
        let res = (m.dot(x) - &rhs).norm_l2() / rhs.norm_l2();
        println!("{name}: error {err:.1e}, residual ‖Ax − b‖/‖b‖ {res:.1e}");
    }
    // ANCHOR_END: inv
    Ok(())
}
