//! PCA on iris against scikit-learn's `PCA` (`tests/fixtures/pca_iris.py`),
//! and against linfa-reduction's.

use chapter09::pca::Pca;
use ndarray::{Array2, Axis};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct Sklearn {
    explained_variance: Vec<f64>,
    explained_variance_ratio: Vec<f64>,
    all_ratios: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    components: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    projected: Array2<f64>,
}

/// Flips each column of `ours` to the sign of the matching column of
/// `theirs`: an SVD's signs are arbitrary, so PCA agrees "up to sign".
fn align(ours: &Array2<f64>, theirs: &Array2<f64>) -> Array2<f64> {
    let mut out = ours.clone();
    for (mut col, other) in out.axis_iter_mut(Axis(1)).zip(theirs.columns()) {
        if col.dot(&other) < 0.0 {
            col.mapv_inplace(|v| -v);
        }
    }
    out
}

#[test]
fn pca_iris_matches_scikit_learn() {
    let sk: Sklearn =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "pca_iris")
            .unwrap();
    let iris = support::data::load_iris().unwrap();
    let pca = Pca::fit(iris.features.view(), 2).unwrap();
    // Both sides take an SVD with LAPACK, in different orders of operations:
    // agreement to 1e-8 (the bar) is what rounding leaves.
    assert_allclose(&pca.explained_variance, &sk.explained_variance, 1e-8, 0.0);
    assert_allclose(
        &pca.explained_variance_ratio,
        &sk.explained_variance_ratio,
        1e-8,
        0.0,
    );
    let components = align(
        &pca.components.t().to_owned(),
        &sk.components.t().to_owned(),
    );
    assert_allclose(&components, &sk.components.t(), 1e-8, 1e-10);
    let projected = pca.transform(iris.features.view()).unwrap();
    assert_allclose(
        &align(&projected, &sk.projected),
        &sk.projected,
        1e-8,
        1e-10,
    );
    let all = Pca::fit(iris.features.view(), 4).unwrap();
    assert_allclose(&all.explained_variance_ratio, &sk.all_ratios, 1e-8, 1e-12);
}

#[test]
fn pca_sign_convention_is_scikit_learns() {
    let sk: Sklearn =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "pca_iris")
            .unwrap();
    let iris = support::data::load_iris().unwrap();
    let pca = Pca::fit(iris.features.view(), 2).unwrap();
    // With the same svd_flip rule, no alignment is needed.
    assert_allclose(&pca.components, &sk.components, 1e-8, 1e-10);
}

#[test]
fn pca_rejects_too_many_components() {
    let x = Array2::<f64>::zeros((10, 3));
    let err = Pca::fit(x.view(), 4).unwrap_err();
    assert!(
        matches!(err, chapter09::Error::Components { k: 4, max: 3 }),
        "{err}"
    );
}

#[test]
fn pca_agrees_with_linfa_reduction() {
    use linfa::prelude::*;
    let iris = support::data::load_iris().unwrap();
    let ours = Pca::fit(iris.features.view(), 2).unwrap();
    let dataset = linfa::Dataset::from(iris.features.clone());
    let linfa_pca = linfa_reduction::Pca::params(2).fit(&dataset).unwrap();
    // linfa's "explained variance" is the squared singular value σ², not
    // σ² / (n - 1) as in scikit-learn: 149 times ours on 150 flowers.
    let n_minus_1 = (iris.features.nrows() - 1) as f64;
    assert_allclose(
        &(&ours.explained_variance * n_minus_1),
        &linfa_pca.explained_variance(),
        1e-8,
        0.0,
    );
    // linfa's ratio divides by the variance of the *kept* components only,
    // scikit-learn's (and ours) by the total variance of the data.
    let kept = &ours.explained_variance / ours.explained_variance.sum();
    assert_allclose(&kept, &linfa_pca.explained_variance_ratio(), 1e-8, 0.0);
}
