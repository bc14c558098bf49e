//! QR three ways on Hilbert matrices: classical and modified Gram–Schmidt
//! (`decompose::gram_schmidt`) against Householder reflections (LAPACK's
//! `dgeqrf`, through ndarray-linalg's `qr`), measured by how far `Q` is from
//! orthonormal, `‖QᵀQ − I‖_F`.

use chapter09::conditioning::{condition_number, hilbert};
use chapter09::decompose::{gram_schmidt, loss_of_orthogonality};
use ndarray_linalg::QR;

fn main() -> Result<(), support::Report> {
    // ANCHOR: orthogonality
    println!(" n   cond(H)   classical GS   modified GS   Householder");
    for n in [6, 8, 10] {
        let h = hilbert(n);
        let (q_cgs, _) = gram_schmidt(h.view(), false)?;
        let (q_mgs, _) = gram_schmidt(h.view(), true)?;
        let (q_hh, _) = h.qr()?; // Householder reflections (dgeqrf)
        println!(
            "{n:>2}   {:.1e}   {:>12.0e}   {:>11.0e}   {:>11}",
            condition_number(h.view())?,
            loss_of_orthogonality(q_cgs.view()),
            loss_of_orthogonality(q_mgs.view()),
            support::below(loss_of_orthogonality(q_hh.view()), 1e-14),
        );
    }
    // ANCHOR_END: orthogonality
    Ok(())
}
