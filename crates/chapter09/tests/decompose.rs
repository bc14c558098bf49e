//! The written-out factorisations: LU with partial pivoting against
//! `scipy.linalg.lu` (`tests/fixtures/lu.py`), and Gram–Schmidt's loss of
//! orthogonality against Householder QR (LAPACK's, through ndarray-linalg).

use chapter09::Error;
use chapter09::conditioning::hilbert;
use chapter09::decompose::{gram_schmidt, loss_of_orthogonality, lu};
use ndarray::{Array2, array};
use ndarray_linalg::QR;
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct Case {
    #[serde(deserialize_with = "array2")]
    a: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    p: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    l: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    u: Array2<f64>,
}

#[derive(serde::Deserialize)]
struct Scipy {
    tb: Case,
    mod7: Case,
}

#[test]
fn lu_matches_scipy() {
    let scipy: Scipy =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "lu").unwrap();
    for case in [scipy.tb, scipy.mod7] {
        let f = lu(case.a.view()).unwrap();
        // The same pivots exactly (SciPy's P is our Pᵀ: A = P L U there).
        assert_eq!(f.p().t(), case.p);
        // The same factors up to rounding: LAPACK's dgetrf orders the same
        // operations differently (recursively), so not ==; entries are of
        // order 1 to 10, and 1e-13 absolute is a few hundred ε at most.
        assert_allclose(&f.l, &case.l, 0.0, 1e-13);
        assert_allclose(&f.u, &case.u, 0.0, 1e-13);
        // Partial pivoting keeps every multiplier at most 1 in magnitude.
        assert!(f.l.iter().all(|v| v.abs() <= 1.0));
    }
}

#[test]
fn lu_of_a_singular_or_non_square_matrix() {
    // Singular: no error (as LAPACK and SciPy), a zero on U's diagonal.
    let singular = array![[1.0, 2.0], [2.0, 4.0]];
    let f = lu(singular.view()).unwrap();
    assert_eq!(f.u[[1, 1]], 0.0);
    assert_allclose(&f.l.dot(&f.u), &f.p().dot(&singular), 0.0, 0.0);
    let err = lu(Array2::zeros((2, 3)).view()).unwrap_err();
    assert!(
        matches!(err, Error::NotSquare { rows: 2, cols: 3 }),
        "{err}"
    );
}

#[test]
fn gram_schmidt_loses_orthogonality_householder_does_not() {
    let h = hilbert(8); // κ ≈ 1.5e10
    let (q_cgs, r_cgs) = gram_schmidt(h.view(), false).unwrap();
    let (q_mgs, r_mgs) = gram_schmidt(h.view(), true).unwrap();
    let (q_hh, _) = h.qr().unwrap();
    // All three rebuild H: the factorisation is not what goes wrong.
    assert_allclose(&q_cgs.dot(&r_cgs), &h, 0.0, 1e-14);
    assert_allclose(&q_mgs.dot(&r_mgs), &h, 0.0, 1e-14);
    // Orthogonality: classical GS loses it entirely (about κ² ε, capped near
    // 1), modified GS keeps about κ ε, Householder about ε, on every machine.
    let (cgs, mgs) = (
        loss_of_orthogonality(q_cgs.view()),
        loss_of_orthogonality(q_mgs.view()),
    );
    let hh = loss_of_orthogonality(q_hh.view());
    assert!(cgs > 0.1, "classical: {cgs}");
    assert!(mgs > 1e-9 && mgs < 1e-5, "modified: {mgs}");
    assert!(hh < 1e-14, "Householder: {hh}");
    let dependent = array![[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]];
    let err = gram_schmidt(dependent.view(), true).unwrap_err();
    assert!(matches!(err, Error::RankDeficient { column: 1 }), "{err}");
}
