//! Solutions to the exercises of chapter 9 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use crate::Error;
use crate::pca::Pca;
use crate::transform::covariance;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, s};
use ndarray_linalg::error::LinalgError;
use ndarray_linalg::{
    Cholesky, Diag, Factorize, JobSvd, Norm, SVDDC, Solve, SolveTriangular,
    UPLO,
};

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// Solves `U x = b` for an upper triangular `U` by back substitution,
/// reading only the upper triangle of `u` (as LAPACK's `dtrsv` does). An
/// error if `u` is not square, if `b`'s length differs, or if a diagonal
/// entry is zero (a singular `U`).
pub fn back_substitution(
    u: ArrayView2<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, Error> {
    // ANCHOR_END: ex1_signature
    let (rows, cols) = u.dim();
    if rows != cols {
        return Err(Error::NotSquare { rows, cols });
    }
    if b.len() != rows {
        let what = "rows of U and values of b";
        return Err(Error::Lengths { left: rows, right: b.len(), what });
    }
    let mut x = Array1::<f64>::zeros(rows);
    for i in (0..rows).rev() {
        // x[i] = (b[i] − Σ_{j>i} U[i, j] x[j]) / U[i, i]
        let known = u.slice(s![i, i + 1..]).dot(&x.slice(s![i + 1..]));
        if u[[i, i]] == 0.0 {
            return Err(Error::ZeroPivot { index: i });
        }
        x[i] = (b[i] - known) / u[[i, i]];
    }
    Ok(x)
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// Solves `A X = B` for every column of `B` with one LU factorisation of `A`.
pub fn solve_many(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, LinalgError> {
    // ANCHOR_END: ex2_signature
    let lu = a.factorize()?;
    let mut x = Array2::zeros(b.raw_dim());
    for (mut out, rhs) in x.columns_mut().into_iter().zip(b.columns()) {
        out.assign(&lu.solve(&rhs)?);
    }
    Ok(x)
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// The best rank-`k` approximation of `a` (Eckart–Young): keep the `k`
/// largest singular values of its SVD and rebuild. An error if `k` is larger
/// than the smaller dimension of `a`.
pub fn low_rank(
    a: ArrayView2<'_, f64>,
    k: usize,
) -> Result<Array2<f64>, Error> {
    // ANCHOR_END: ex3_signature
    let (m, n) = a.dim();
    if k > m.min(n) {
        return Err(Error::Components { k, max: m.min(n) });
    }
    let (u, sigma, vt) = a.svddc(JobSvd::Some)?;
    let (u, vt) = (u.expect("asked for U"), vt.expect("asked for Vᵀ"));
    let us = &u.slice(s![.., ..k]) * &sigma.slice(s![..k]);
    Ok(us.dot(&vt.slice(s![..k, ..])))
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// Inverse iteration: the eigenpair of the symmetric matrix `a` whose
/// eigenvalue is nearest `shift`, by repeatedly solving
/// `(A − shift·I) w = v` and normalising (`iterations` times). Returns the
/// Rayleigh quotient `vᵀAv` and `v`.
pub fn inverse_iteration(
    a: ArrayView2<'_, f64>,
    shift: f64,
    iterations: usize,
) -> Result<(f64, Array1<f64>), LinalgError> {
    // ANCHOR_END: ex4_signature
    let n = a.nrows();
    let shifted = &a - &(Array2::<f64>::eye(n) * shift);
    let lu = shifted.factorize()?; // factorise once, solve every iteration
    let mut v = Array1::from_elem(n, 1.0 / (n as f64).sqrt());
    for _ in 0..iterations {
        let w = lu.solve(&v)?;
        v = &w / w.norm_l2();
    }
    Ok((v.dot(&a.dot(&v)), v))
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The smallest number of principal components of `x` whose explained
/// variance ratios add up to more than `fraction` (what scikit-learn's
/// `PCA(n_components=fraction)` keeps: `searchsorted(side="right") + 1`).
pub fn components_for_variance(
    x: ArrayView2<'_, f64>,
    fraction: f64,
) -> Result<usize, Error> {
    // ANCHOR_END: ex5_signature
    let all = x.nrows().min(x.ncols());
    let pca = Pca::fit(x, all)?;
    let mut total = 0.0;
    for (k, ratio) in pca.explained_variance_ratio.iter().enumerate() {
        total += ratio;
        if total > fraction {
            return Ok(k + 1);
        }
    }
    Ok(all)
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// The Mahalanobis distance of each row of `x` from the mean of the rows,
/// `√((x − μ)ᵀ Σ⁻¹ (x − μ))` with `Σ` the sample covariance, computed
/// without an inverse: from the Cholesky factor `Σ = L Lᵀ`, the distance
/// is `‖L⁻¹(x − μ)‖`, one triangular solve.
pub fn mahalanobis(x: ArrayView2<'_, f64>) -> Result<Array1<f64>, Error> {
    // ANCHOR_END: ex6_signature
    let (cov, mean) = covariance(x)?;
    let l = cov.cholesky(UPLO::Lower)?;
    // Solve L Z = (x − μ)ᵀ for all rows at once: each column of Z is one row.
    let centred_t = (&x - &mean).reversed_axes();
    let z = l.solve_triangular(UPLO::Lower, Diag::NonUnit, &centred_t)?;
    Ok(z.map_axis(Axis(0), |col| col.norm_l2()))
}
// ANCHOR_END: ex6_solution
