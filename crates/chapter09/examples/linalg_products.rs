//! Products with ndarray: `dot` for vector·vector, matrix·vector and
//! matrix·matrix, `general_mat_mul` into a preallocated output, outer
//! products, transposes (free views) and ndarray-linalg's norms.

use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, Axis, array};
use ndarray_linalg::{Norm, OperationNorm};

fn main() -> Result<(), support::Report> {
    support::output_part("dot");
    // ANCHOR: dot
    let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]; // 3 x 2
    let v = array![1.0, -1.0];
    let w = array![2.0, 0.5, 1.0];
    println!("w·w   = {}", w.dot(&w)); // vector · vector: a scalar
    println!("A v   = {}", a.dot(&v)); // matrix · vector: 3 values
    println!("wᵀ A  = {}", w.dot(&a)); // vector · matrix: 2 values
    println!("Aᵀ A  =\n{}", a.t().dot(&a)); // matrix · matrix: 2 x 2
    // ANCHOR_END: dot

    support::output_part("gemm");
    // ANCHOR: gemm
    // C ← α·A·B + β·C, written into a buffer allocated once.
    let b = array![[1.0, 0.0, 2.0], [0.0, 1.0, 3.0]]; // 2 x 3
    let mut c = Array2::<f64>::zeros((3, 3));
    for step in 0..2 {
        general_mat_mul(1.0, &a, &b, 1.0, &mut c); // accumulates: β = 1
        println!("after step {step}: first row {}", c.row(0));
    }
    // ANCHOR_END: gemm

    support::output_part("outer");
    // ANCHOR: outer
    // Outer product u vᵀ: a column times a row, through broadcasting...
    let u = array![1.0, 2.0, 3.0];
    let outer = &u.view().insert_axis(Axis(1)) * &v; // 3 x 1 times 2
    println!("u vᵀ =\n{outer}");
    // ...and a transpose is a view with swapped strides: nothing is copied.
    let at = a.t();
    println!("Aᵀ shape {:?}, strides {:?}", at.shape(), at.strides());
    // ANCHOR_END: outer

    support::output_part("norms");
    // ANCHOR: norms
    println!("‖w‖₂ = {:.6}", w.norm_l2()); // Euclidean length
    println!("‖w‖₁ = {}, ‖w‖∞ = {}", w.norm_l1(), w.norm_max());
    println!("‖A‖_F = {:.6}", a.opnorm_fro()?); // Frobenius
    println!("‖A‖₁ = {}, ‖A‖∞ = {}", a.opnorm_one()?, a.opnorm_inf()?);
    // ANCHOR_END: norms
    Ok(())
}
