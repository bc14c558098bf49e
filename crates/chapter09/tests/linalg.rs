//! Condition numbers against NumPy (`tests/fixtures/hilbert.py`), power
//! iteration against `eigh`, the decompositions' reconstructions, whitening.

use chapter09::Error;
use chapter09::conditioning::{condition_number, hilbert};
use chapter09::decompose::{rebuild_svd, relative_error};
use chapter09::eigen::power_iteration;
use chapter09::transform::{covariance, whiten};
use ndarray::{Array2, array};
use ndarray_linalg::{
    Cholesky, Determinant, Eigh, Inverse, JobSvd, QR, SVDDC, UPLO,
};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Hilbert {
    orders: Vec<usize>,
    cond: Vec<f64>,
}

#[test]
fn hilbert_condition_numbers_match_numpy() {
    let np: Hilbert =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "hilbert").unwrap();
    for (&n, &expected) in np.orders.iter().zip(&np.cond) {
        let ours = condition_number(hilbert(n).view()).unwrap();
        assert!(
            (ours - expected).abs() <= cond_rtol(expected) * expected,
            "n = {n}: {ours} vs {expected}"
        );
    }
    // The bound can fail: a condition number capped at 1/ε (a "guard"
    // against dividing by a tiny σ_min) gives 4.5e15 at n = 12, 0.27 times
    // NumPy's 1.6e16, and the test rejects it.
    let capped = np.cond[10].min(1.0 / f64::EPSILON);
    assert!(
        (capped - np.cond[10]).abs() > cond_rtol(np.cond[10]) * np.cond[10]
    );
}

/// The relative tolerance for a computed condition number `κ`: `σ_min` is
/// known to about `κ ε` relative, so two SVDs agree to a small multiple of
/// that while it is small; beyond, both are only estimates, and the fixture
/// states 10% (`rtol=0.1` in `hilbert.py`, what the two agree to at n = 12).
fn cond_rtol(kappa: f64) -> f64 {
    (kappa * f64::EPSILON * 100.0).clamp(1e-12, 0.1)
}

#[test]
fn condition_number_of_an_empty_matrix_is_an_error() {
    let empty = Array2::<f64>::zeros((0, 3));
    let err = condition_number(empty.view()).unwrap_err();
    assert!(matches!(err, Error::Empty { rows: 0, cols: 3 }), "{err}");
    let singular = array![[1.0, 2.0], [2.0, 4.0]];
    assert!(condition_number(singular.view()).unwrap() > 1e15);
}

#[test]
fn power_iteration_finds_eigh_largest() {
    let iris = support::data::load_iris().unwrap();
    let (cov, _) = covariance(iris.features.view()).unwrap();
    let dom = power_iteration(cov.view(), 1e-14, 1000).unwrap();
    let (values, vectors) = cov.eigh(UPLO::Lower).unwrap();
    assert!((dom.value - values[3]).abs() < 1e-12 * values[3]);
    let v = vectors.column(3);
    assert!((dom.vector.dot(&v).abs() - 1.0).abs() < 1e-10);
    let err = power_iteration(Array2::zeros((2, 3)).view(), 1e-9, 10);
    assert!(matches!(err, Err(Error::NotSquare { rows: 2, cols: 3 })));
}

#[test]
fn power_iteration_finds_the_dominant_eigenvalue_of_a_symmetric_pair() {
    // Eigenvalues 2 (vector [1, −1]) and 1 (vector [1, 1]). A uniform start
    // is the eigenvector for 1, and stays there: it would report 1.
    let a = array![[1.5, -0.5], [-0.5, 1.5]];
    let dom = power_iteration(a.view(), 1e-14, 1000).unwrap();
    assert!((dom.value - 2.0).abs() < 1e-12, "{}", dom.value);
    let expected = array![1.0, -1.0] / 2.0_f64.sqrt();
    assert!((dom.vector.dot(&expected).abs() - 1.0).abs() < 1e-6);
    // The zero matrix: its only eigenvalue is 0.
    let zero = Array2::<f64>::zeros((3, 3));
    assert_eq!(power_iteration(zero.view(), 1e-12, 10).unwrap().value, 0.0);
}

#[test]
fn power_iteration_reports_when_it_does_not_converge() {
    // Eigenvalues 1 and 0.999: the ratio is so close to 1 that 20 products
    // move the Rayleigh quotient by far more than 1e-15.
    let a = array![[1.0, 0.0], [0.0, 0.999]];
    let err = power_iteration(a.view(), 1e-15, 20).unwrap_err();
    assert!(
        matches!(err, Error::NoConvergence { iterations: 20, .. }),
        "{err}"
    );
    // A rotation by 90° has no real eigenvector (its eigenvalues are ±i):
    // its Rayleigh quotient is 0 for every v, never a converged estimate.
    let rotation = array![[0.0, -1.0], [1.0, 0.0]];
    assert!(power_iteration(rotation.view(), 1e-12, 100).is_err());
}

#[test]
fn decompositions_rebuild_their_matrix() {
    let d = support::data::load_diabetes().unwrap();
    let x = &d.features;
    let (u, s, vt) = x.svddc(JobSvd::Some).unwrap();
    let rebuilt = rebuild_svd(u.unwrap().view(), s.view(), vt.unwrap().view());
    assert!(relative_error(x.view(), rebuilt.view()) < 1e-14);
    let (q, r) = x.qr().unwrap();
    assert!(relative_error(x.view(), q.dot(&r).view()) < 1e-14);
    let gram = x.t().dot(x);
    let l = gram.cholesky(UPLO::Lower).unwrap();
    assert!(relative_error(gram.view(), l.dot(&l.t()).view()) < 1e-14);
}

#[test]
fn whitening_gives_identity_covariance() {
    let x = array![[2.0, 1.0], [0.5, 3.0], [4.0, 4.5], [1.0, 0.0], [3.0, 2.0]];
    let (white, _) = whiten(x.view()).unwrap();
    let (cov, mean) = covariance(white.view()).unwrap();
    assert_allclose(&cov, &Array2::<f64>::eye(2), 0.0, 1e-12);
    assert_allclose(&mean, &array![0.0, 0.0], 0.0, 1e-12);
}

#[test]
fn whitening_points_on_a_line_is_an_error() {
    // Every point on y = 2x: the covariance has a zero eigenvalue (up to
    // rounding, of either sign), and 1/√λ would be NaN or enormous.
    let x = array![[0.0, 0.0], [1.0, 2.0], [2.0, 4.0], [3.0, 6.0]];
    let err = whiten(x.view()).unwrap_err();
    assert!(
        matches!(err, Error::NotPositiveDefinite { index: 0, .. }),
        "{err}"
    );
    // One row has no covariance at all.
    let one = array![[1.0, 2.0]];
    let err = whiten(one.view()).unwrap_err();
    assert!(matches!(err, Error::TooFewRows { rows: 1, .. }), "{err}");
}

#[test]
fn cholesky_whitening_is_zca_up_to_a_rotation() {
    // Σ = L Lᵀ: L⁻¹ whitens too, and L⁻¹ = Q Σ^{-1/2} with Q = L⁻¹ Σ^{1/2}
    // orthogonal (det +1: a rotation), which is what the page says.
    let x = array![[2.0, 1.0], [0.5, 3.0], [4.0, 4.5], [1.0, 0.0], [3.0, 2.0]];
    let (cov, _) = covariance(x.view()).unwrap();
    let (_, w_zca) = whiten(x.view()).unwrap(); // Σ^{-1/2}, symmetric
    let l = cov.cholesky(UPLO::Lower).unwrap();
    let l_inv = l.inv().unwrap();
    let q = l_inv.dot(&w_zca.inv().unwrap()); // L⁻¹ Σ^{1/2}
    assert_allclose(&q.t().dot(&q), &Array2::<f64>::eye(2), 0.0, 1e-12);
    assert!((q.det().unwrap() - 1.0).abs() < 1e-12);
    // And it is a different whitening: Q is not the identity here.
    assert!((&q - &Array2::<f64>::eye(2)).mapv(f64::abs).sum() > 0.1);
}
