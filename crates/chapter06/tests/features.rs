//! The hands-on against scikit-learn (`tests/fixtures/features.py`):
//! `StandardScaler` (on all rows, and fitted on the training rows only),
//! `MinMaxScaler`, `Normalizer`, `PolynomialFeatures(degree=2)` and
//! `rbf_kernel` on the diabetes data.

use chapter06::BroadcastError;
use chapter06::features::{polynomial_features, rbf_features};
use chapter06::normalise::{ColumnScaling, l2_normalise_rows};
use chapter06::standardise::{
    column_stats, standardise_fused, standardise_idiomatic,
    standardise_in_place,
};
use ndarray::{Array1, Array2, Axis, array, s};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct SkLearn {
    mean: Vec<f64>,
    scale: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    standardised_first5: Array2<f64>,
    standardised_column_sums: Vec<f64>,
    poly_n_features: usize,
    poly_powers: Vec<Vec<usize>>,
    #[serde(deserialize_with = "array2")]
    poly_first3: Array2<f64>,
    poly_column_sums: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    rbf_first10: Array2<f64>,
    rbf_column_sums: Vec<f64>,
    split_mean: Vec<f64>,
    split_scale: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    split_test: Array2<f64>,
    min_max_min: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    min_max_test: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    normalizer_first10: Array2<f64>,
    normalizer_column_sums: Vec<f64>,
}

fn sklearn() -> SkLearn {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "features").unwrap()
}

fn diabetes() -> Array2<f64> {
    support::load_diabetes().unwrap().features
}

#[test]
fn standard_scaler() {
    let (x, sk) = (diabetes(), sklearn());
    let (mean, std) = column_stats(x.view()).unwrap();
    // One-pass shifted sums vs NumPy's two passes: rtol 1e-12.
    assert_allclose(&mean, &ndarray::Array1::from(sk.mean), 1e-12, 0.0);
    assert_allclose(&std, &ndarray::Array1::from(sk.scale), 1e-12, 0.0);
    let z = standardise_fused(x.view()).unwrap();
    assert_allclose(
        &z.slice(s![..5, ..]),
        &sk.standardised_first5,
        1e-11,
        1e-12,
    );
    // Column sums of standardised data are ~0: compare absolutely.
    let sums = z.sum_axis(Axis(0));
    assert_allclose(
        &sums,
        &ndarray::Array1::from(sk.standardised_column_sums),
        0.0,
        1e-10,
    );
    let idiomatic = standardise_idiomatic(x.view()).unwrap();
    assert_allclose(&z, &idiomatic, 1e-12, 1e-12);
    let mut in_place = x.clone();
    standardise_in_place(&mut in_place).unwrap();
    assert_eq!(in_place, z);
}

#[test]
fn polynomial_features_in_sklearn_order() {
    let sk = sklearn();
    let z = standardise_fused(diabetes().view()).unwrap();
    let p = polynomial_features(z.view());
    assert_eq!(p.ncols(), sk.poly_n_features);
    // Column k is the product of the features sklearn's powers_[k] names.
    let d = z.ncols();
    let mut k = 1 + d;
    for i in 0..d {
        for j in i..d {
            let mut powers = vec![0; d];
            powers[i] += 1;
            powers[j] += 1;
            assert_eq!(sk.poly_powers[k], powers, "column {k}");
            k += 1;
        }
    }
    assert_allclose(&p.slice(s![..3, ..]), &sk.poly_first3, 1e-11, 1e-12);
    assert_allclose(
        &p.sum_axis(Axis(0)),
        &ndarray::Array1::from(sk.poly_column_sums),
        1e-10,
        1e-9,
    );
}

#[test]
fn rbf_kernel_features() {
    let sk = sklearn();
    let z = standardise_fused(diabetes().view()).unwrap();
    let k = rbf_features(z.view(), z.slice(s![..8, ..]), 0.1).unwrap();
    assert_eq!(k.dim(), (442, 8));
    // Repaired trick vs sklearn's clamped trick: rtol 1e-11.
    assert_allclose(&k.slice(s![..10, ..]), &sk.rbf_first10, 1e-11, 1e-14);
    // Each landmark is at distance exactly 0 from itself here; scikit-learn's
    // clamped trick gives slightly less than 1 for some of them.
    assert!((0..8).all(|i| k[[i, i]] == 1.0));
    assert!((0..8).any(|i| sk.rbf_first10[[i, i]] != 1.0));
    assert_allclose(
        &k.sum_axis(Axis(0)),
        &ndarray::Array1::from(sk.rbf_column_sums),
        1e-11,
        0.0,
    );
}

/// The training rows (index not a multiple of 4) and the test rows.
fn split(x: &Array2<f64>) -> (Array2<f64>, Array2<f64>) {
    let (test, train): (Vec<usize>, Vec<usize>) =
        (0..x.nrows()).partition(|i| i % 4 == 0);
    (x.select(Axis(0), &train), x.select(Axis(0), &test))
}

#[test]
fn scalings_fitted_on_the_training_rows_only() {
    let (x, sk) = (diabetes(), sklearn());
    let (train, test) = split(&x);
    // StandardScaler().fit(train): its parameters are the training rows'
    // statistics, not all rows' (which a leaky fit would give), and test
    // rows are transformed with them. Different summation orders: rtol
    // 1e-12 for the parameters; the outputs, of order 1 and some near 0,
    // to an absolute 1e-12 as well.
    let standard = ColumnScaling::standard(train.view()).unwrap();
    assert_allclose(&standard.offset, &Array1::from(sk.split_mean), 1e-12, 0.0);
    assert_allclose(&standard.scale, &Array1::from(sk.split_scale), 1e-12, 0.0);
    let z_test = standard.transform(test.view()).unwrap();
    assert_allclose(&z_test, &sk.split_test, 1e-12, 1e-12);
    // MinMaxScaler computes x * (1 / range) - min / range: ~1e-15 apart.
    let min_max = ColumnScaling::min_max(train.view()).unwrap();
    assert_eq!(min_max.offset, Array1::from(sk.min_max_min));
    let m_test = min_max.transform(test.view()).unwrap();
    assert_allclose(&m_test, &sk.min_max_test, 1e-12, 1e-12);
}

#[test]
fn rows_normalised_like_normalizer() {
    let sk = sklearn();
    let z = standardise_fused(diabetes().view()).unwrap();
    let u = l2_normalise_rows(z.view());
    // The input z already differs from scikit-learn's by the
    // standardisation's 1e-12 (absolute, for entries near 0); the
    // normalisation adds a few roundings: rtol and atol 1e-12.
    assert_allclose(
        &u.slice(s![..10, ..]),
        &sk.normalizer_first10,
        1e-12,
        1e-12,
    );
    // Every row has length 1 to rounding.
    for row in u.rows() {
        assert!((row.dot(&row) - 1.0).abs() < 1e-15);
    }
    assert_allclose(
        &u.sum_axis(Axis(0)),
        &Array1::from(sk.normalizer_column_sums),
        1e-12,
        1e-12,
    );
    // A row of zeros stays zeros (no NaN), as in scikit-learn.
    let zero_row = l2_normalise_rows(array![[0.0, 0.0], [3.0, 4.0]].view());
    assert_eq!(zero_row, array![[0.0, 0.0], [0.6, 0.8]]);
}

#[test]
fn scalings_refuse_bad_input() {
    let x = array![[1.0, 5.0], [3.0, 5.0]];
    let scaling = ColumnScaling::min_max(x.view()).unwrap();
    // A constant column is shifted, never divided by zero.
    assert_eq!(scaling.scale, array![2.0, 1.0]);
    let wide = Array2::<f64>::zeros((2, 3));
    assert_eq!(
        scaling.transform(wide.view()),
        Err(BroadcastError::Width { fitted: 2, got: 3 })
    );
    let empty = Array2::<f64>::zeros((0, 2));
    assert_eq!(
        ColumnScaling::min_max(empty.view()),
        Err(BroadcastError::Empty)
    );
    assert_eq!(
        ColumnScaling::standard(empty.view()),
        Err(BroadcastError::Empty)
    );
}
