//! The decompositions, each checked by rebuilding the matrix from its
//! factors: SVD (`svd`, `svddc`), QR, Cholesky, and LU through `factorize`.

use chapter09::decompose::{rebuild_svd, relative_error};
use ndarray_linalg::{
    Cholesky, Determinant, Factorize, JobSvd, QR, SVD, SVDDC, UPLO,
};

fn main() -> Result<(), support::Report> {
    let diabetes = support::data::load_diabetes()?;
    let x = &diabetes.features; // 442 x 10
    support::output_part("svd");
    // ANCHOR: svd
    let (u, s, vt) = x.svd(true, true)?; // full: U is 442 x 442
    let (u, vt) = (u.ok_or("no U")?, vt.ok_or("no Vᵀ")?);
    println!("svd:   U {:?}, s {:?}, Vᵀ {:?}", u.dim(), s.dim(), vt.dim());
    let rebuilt = rebuild_svd(u.view(), s.view(), vt.view());
    let error = relative_error(x.view(), rebuilt.view());
    println!("       ‖X − U S Vᵀ‖/‖X‖ {}", support::below(error, 1e-14));
    let (u, s, vt) = x.svddc(JobSvd::Some)?; // thin: U is 442 x 10
    let (u, vt) = (u.ok_or("no U")?, vt.ok_or("no Vᵀ")?);
    println!("svddc: U {:?}, s {:?}, Vᵀ {:?}", u.dim(), s.dim(), vt.dim());
    let rebuilt = rebuild_svd(u.view(), s.view(), vt.view());
    let error = relative_error(x.view(), rebuilt.view());
    println!("       ‖X − U S Vᵀ‖/‖X‖ {}", support::below(error, 1e-14));
    println!("singular values: {:.3e} .. {:.3e}", s[0], s[s.len() - 1]);
    // ANCHOR_END: svd

    support::output_part("qr");
    // ANCHOR: qr
    let (q, r) = x.qr()?; // thin: Q is 442 x 10, R is 10 x 10
    let qtq = q.t().dot(&q);
    let eye = ndarray::Array2::<f64>::eye(10);
    println!("QR:  Q {:?}, R {:?}", q.dim(), r.dim());
    let error = relative_error(x.view(), q.dot(&r).view());
    println!("     ‖X − QR‖/‖X‖ {}", support::below(error, 1e-14));
    let error = relative_error(eye.view(), qtq.view());
    println!("     ‖QᵀQ − I‖/‖I‖ {}", support::below(error, 1e-14));
    // ANCHOR_END: qr

    support::output_part("cholesky");
    // ANCHOR: cholesky
    let gram = x.t().dot(x); // XᵀX: symmetric positive definite
    let l = gram.cholesky(UPLO::Lower)?; // gram = L Lᵀ
    println!(
        "Cholesky: L[0..3, 0..3] =\n{:.3}",
        l.slice(ndarray::s![..3, ..3])
    );
    let error = relative_error(gram.view(), l.dot(&l.t()).view());
    println!("     ‖G − L Lᵀ‖/‖G‖ {}", support::below(error, 1e-14));
    // ANCHOR_END: cholesky

    support::output_part("lu");
    // ANCHOR: lu
    let lu = gram.factorize()?; // P G = L U, kept packed for solving
    let (sign, ln_det) = lu.sln_det()?; // log|det|: no overflow
    let diag_l: f64 = l.diag().iter().map(|v| 2.0 * v.ln()).sum();
    println!("LU:  ln|det G| = {ln_det:.10} (sign {sign})");
    println!("     2 Σ ln Lᵢᵢ = {diag_l:.10} (from Cholesky)");
    // ANCHOR_END: lu
    Ok(())
}
