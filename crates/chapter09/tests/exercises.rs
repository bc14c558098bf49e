//! Runs every exercise solution with real values. scikit-learn's and SciPy's
//! values come from `tests/fixtures/exercises.py`.

use chapter09::exercises::*;
use ndarray::{Array2, array};
use ndarray_linalg::{Diag, Eigh, SVD, SolveTriangular, UPLO};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Reference {
    digits_components_90: usize,
    digits_components_99: usize,
    wine_mahalanobis: Vec<f64>,
}

fn reference() -> Reference {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

#[test]
fn ex1_back_substitution() {
    // Below the diagonal: entries that must be ignored. A full solve (LU of
    // the whole matrix) would use them and miss x = [1, 2, 3].
    let u = array![[2.0, 1.0, -1.0], [5.0, 3.0, 2.0], [7.0, 9.0, 4.0]];
    let b = array![1.0, 12.0, 12.0]; // the upper triangle times [1, 2, 3]
    let x = back_substitution(u.view(), b.view()).unwrap();
    assert_eq!(x, array![1.0, 2.0, 3.0]); // every step exact in binary
    // A larger one against LAPACK's triangular solve (dtrtrs).
    let n = 40;
    let big = Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            2.0 + i as f64
        } else {
            ((3 * i + 7 * j) % 11) as f64 - 5.0
        }
    });
    let rhs = ndarray::Array1::from_shape_fn(n, |i| (i % 7) as f64 - 3.0);
    let ours = back_substitution(big.view(), rhs.view()).unwrap();
    let theirs = big
        .solve_triangular(
            UPLO::Upper,
            Diag::NonUnit,
            &rhs.clone().insert_axis(ndarray::Axis(1)),
        )
        .unwrap();
    assert_allclose(&ours, &theirs.column(0), 1e-10, 0.0);
    // Bad input: typed errors, not NaN or a panic.
    let singular = array![[1.0, 2.0], [0.0, 0.0]];
    let err = back_substitution(singular.view(), array![1.0, 1.0].view());
    assert!(matches!(err, Err(chapter09::Error::ZeroPivot { index: 1 })));
    let err = back_substitution(u.view(), array![1.0, 2.0].view());
    assert!(matches!(err, Err(chapter09::Error::Lengths { .. })));
    let wide = Array2::<f64>::zeros((2, 3));
    let err = back_substitution(wide.view(), array![1.0, 2.0].view());
    assert!(matches!(err, Err(chapter09::Error::NotSquare { .. })));
}

#[test]
fn ex2_solve_many() {
    let a = array![[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]];
    let b = array![[1.0, 0.0], [2.0, 1.0], [3.0, -1.0]];
    let x = solve_many(a.view(), b.view()).unwrap();
    assert_eq!(x.dim(), (3, 2));
    assert_allclose(&a.dot(&x), &b, 0.0, 1e-14);
    // det = 18, so every entry of X is a multiple of 1/18.
    let exact = array![4.0, 2.0, 26.0] / 18.0;
    assert_allclose(&x.column(0), &exact, 0.0, 1e-15);
    let singular = array![[1.0, 2.0], [2.0, 4.0]];
    assert!(solve_many(singular.view(), Array2::eye(2).view()).is_err());
}

#[test]
fn ex3_low_rank() {
    let diabetes = support::data::load_diabetes().unwrap();
    let x = &diabetes.features;
    let (_, s, _) = x.svd(false, false).unwrap();
    for k in [1, 3, 10] {
        let approx = low_rank(x.view(), k).unwrap();
        let err = (x - &approx).mapv(|v| v * v).sum().sqrt();
        // Eckart–Young: the error is the norm of the dropped singular values.
        let tail = s.slice(ndarray::s![k..]).mapv(|v| v * v).sum().sqrt();
        assert!(
            (err - tail).abs() <= 1e-9 * s[0],
            "k = {k}: {err} vs {tail}"
        );
    }
    assert!(low_rank(x.view(), 11).is_err());
}

#[test]
fn ex4_inverse_iteration() {
    let iris = support::data::load_iris().unwrap();
    let (cov, _) =
        chapter09::transform::covariance(iris.features.view()).unwrap();
    let (values, vectors) = cov.eigh(UPLO::Lower).unwrap();
    // The second-smallest eigenvalue (0.0782), from a shift of 0.1.
    let (value, vector) = inverse_iteration(cov.view(), 0.1, 30).unwrap();
    assert!(
        (value - values[1]).abs() < 1e-12,
        "{value} vs {}",
        values[1]
    );
    assert!((vector.dot(&vectors.column(1)).abs() - 1.0).abs() < 1e-10);
}

#[test]
fn ex5_components_for_variance_on_digits() {
    let r = reference();
    let digits = support::data::load_digits().unwrap();
    let x = digits.features.view();
    assert_eq!(
        components_for_variance(x, 0.90).unwrap(),
        r.digits_components_90
    );
    assert_eq!(
        components_for_variance(x, 0.99).unwrap(),
        r.digits_components_99
    );
}

#[test]
fn ex6_mahalanobis_on_wine() {
    let r = reference();
    let wine = support::data::load_wine().unwrap();
    let d = mahalanobis(wine.features.view()).unwrap();
    // SciPy goes through an explicit inverse, we through a Cholesky solve:
    // the covariance's condition number (~1e7 in raw units) leaves 1e-8.
    assert_allclose(&d, &r.wine_mahalanobis, 1e-8, 0.0);
}
