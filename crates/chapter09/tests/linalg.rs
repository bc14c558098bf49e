//! Condition numbers against NumPy (`tests/fixtures/hilbert.py`), power
//! iteration against `eigh`, the decompositions' reconstructions, whitening.

use chapter09::conditioning::{condition_number, hilbert};
use chapter09::decompose::{rebuild_svd, relative_error};
use chapter09::eigen::power_iteration;
use chapter09::transform::{covariance, whiten};
use ndarray::{Array2, array};
use ndarray_linalg::{Cholesky, Eigh, JobSvd, QR, SVDDC, UPLO};
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
        // σ_min of a matrix with cond κ is known to about κ·ε relative: the
        // two SVDs agree to that, not better (1e-16 · 1e16 at n = 12).
        let rtol = (expected * f64::EPSILON * 100.0).max(1e-12);
        assert!(
            (ours - expected).abs() <= rtol * expected,
            "n = {n}: {ours} vs {expected}"
        );
    }
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
    assert!(power_iteration(Array2::zeros((2, 3)).view(), 1e-9, 10).is_err());
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
