//! Project 5: the feature functions equal scikit-learn's transformers.

use chapter12::Error;
use chapter12::features::*;
use ndarray::{array, s};
use support::fixtures::{array2, assert_allclose, load};

#[derive(serde::Deserialize)]
struct Poly {
    #[serde(deserialize_with = "array2")]
    degree2_full: ndarray::Array2<f64>,
    #[serde(deserialize_with = "array2")]
    degree2_interaction: ndarray::Array2<f64>,
    #[serde(deserialize_with = "array2")]
    degree3_full: ndarray::Array2<f64>,
    #[serde(deserialize_with = "array2")]
    degree3_interaction: ndarray::Array2<f64>,
}

#[derive(serde::Deserialize)]
struct Sklearn {
    poly: Poly,
    bin_edges: Vec<f64>,
    bin_codes: Vec<usize>,
    one_hot_categories: Vec<String>,
    #[serde(deserialize_with = "array2")]
    one_hot: ndarray::Array2<f64>,
}

fn sklearn() -> Sklearn {
    load(env!("CARGO_MANIFEST_DIR"), "features").unwrap()
}

#[test]
fn polynomial_features_equal_sklearn() {
    let sk = sklearn();
    let diabetes = support::data::load_diabetes().unwrap().features;
    let x = diabetes.slice(s![..3, ..3]);
    // Products of up to three values: one rounding each, in the same order.
    let cases = [
        (2, false, &sk.poly.degree2_full),
        (2, true, &sk.poly.degree2_interaction),
        (3, false, &sk.poly.degree3_full),
        (3, true, &sk.poly.degree3_interaction),
    ];
    for (degree, interaction_only, expected) in cases {
        let ours = polynomial_features(x, degree, interaction_only).unwrap();
        assert_allclose(&ours, expected, 1e-15, 0.0);
    }
}

#[test]
fn binning_and_one_hot_equal_sklearn() {
    let sk = sklearn();
    let penguins = support::data::load_penguins().unwrap();
    let mass: ndarray::Array1<f64> = penguins
        .measurements
        .column(3)
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    let (edges, codes) = bin_uniform(mass.view(), mass.view(), 4).unwrap();
    assert_allclose(&edges, &sk.bin_edges, 1e-15, 0.0);
    assert_eq!(codes.to_vec(), sk.bin_codes);
    let (categories, encoded) = one_hot(&penguins.island);
    assert_eq!(categories, sk.one_hot_categories);
    assert_eq!(encoded, sk.one_hot);
}

#[test]
fn values_on_an_edge_go_up_and_outside_values_are_clipped() {
    let fit_on = array![0.0, 10.0];
    let x = array![-5.0, 0.0, 2.5, 4.999, 5.0, 10.0, 20.0];
    let (_, codes) = bin_uniform(fit_on.view(), x.view(), 4).unwrap();
    assert_eq!(codes.to_vec(), vec![0, 0, 1, 1, 2, 3, 3]);
}

#[test]
fn lag_features_line_up_with_the_target() {
    let x = array![10.0, 11.0, 12.0, 13.0, 14.0];
    let (lagged, target) = lag_features(x.view(), &[1, 3]).unwrap();
    assert_eq!(lagged, array![[12.0, 10.0], [13.0, 11.0]]);
    assert_eq!(target, array![13.0, 14.0]);
}

#[test]
fn bad_input_is_an_error() {
    let x = array![1.0, 2.0];
    assert!(matches!(
        lag_features(x.view(), &[0]),
        Err(Error::Parameter(_))
    ));
    assert!(matches!(
        lag_features(x.view(), &[2]),
        Err(Error::Parameter(_))
    ));
    assert!(matches!(
        bin_uniform(x.view(), x.view(), 1),
        Err(Error::Parameter(_))
    ));
    let constant = array![3.0, 3.0];
    assert!(matches!(
        bin_uniform(constant.view(), x.view(), 2),
        Err(Error::Parameter(_))
    ));
    assert!(matches!(
        polynomial_features(array![[1.0]].view(), 0, false),
        Err(Error::Parameter(_))
    ));
}
