//! The hands-on against scikit-learn (`tests/fixtures/features.py`):
//! `StandardScaler`, `PolynomialFeatures(degree=2)` and `rbf_kernel` on the
//! diabetes data.

use chapter06::features::{polynomial_features, rbf_features};
use chapter06::standardise::{
    column_stats, standardise_fused, standardise_idiomatic,
    standardise_in_place,
};
use ndarray::{Array2, Axis, s};
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
    // One-pass shifted sums vs NumPy's pairwise two-pass: rtol 1e-12.
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
