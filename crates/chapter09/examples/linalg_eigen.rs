//! Eigenvalues and eigenvectors: `eigh` for symmetric matrices (real,
//! sorted), `eig` for general ones (complex), and power iteration from
//! scratch against LAPACK.

use chapter09::eigen::power_iteration;
use chapter09::transform::covariance;
use ndarray::array;
use ndarray_linalg::{Eig, Eigh, UPLO};

fn main() -> Result<(), support::Report> {
    support::output_part("eigh");
    // ANCHOR: eigh
    let iris = support::data::load_iris()?;
    let (cov, _) = covariance(iris.features.view())?; // 4 x 4, symmetric
    let (values, vectors) = cov.eigh(UPLO::Lower)?; // reads the lower half
    println!("eigenvalues (ascending): {values:.6}");
    let v = vectors.column(3); // eigenvector of the largest eigenvalue
    println!("largest's eigenvector:   {v:.6}");
    let check = cov.dot(&v) - &v * values[3]; // Σv − λv
    let largest = check.fold(0.0_f64, |m, x| m.max(x.abs()));
    println!("‖Σv − λv‖∞ {}", support::below(largest, 1e-14));
    // ANCHOR_END: eigh

    support::output_part("eig");
    // ANCHOR: eig
    // A rotation by 90° moves every real vector: its eigenvalues are ±i.
    let rotation = array![[0.0, -1.0], [1.0, 0.0]];
    let (values, vectors) = rotation.eig()?; // Complex<f64> results
    println!("eigenvalues: {values}");
    println!("first eigenvector: {}", vectors.column(0));
    // ANCHOR_END: eig

    support::output_part("power");
    // ANCHOR: power
    let dominant = power_iteration(cov.view(), 1e-12, 1000)?;
    let (values, _) = cov.eigh(UPLO::Lower)?;
    println!(
        "power iteration: λ = {:.12} after {} products",
        dominant.value, dominant.iterations
    );
    println!("LAPACK eigh:     λ = {:.12}", values[3]);
    println!("ratio λ₂/λ₁ = {:.4} sets the speed", values[2] / values[3]);
    // ANCHOR_END: power
    Ok(())
}
