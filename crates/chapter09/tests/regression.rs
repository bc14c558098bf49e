//! Least squares and ridge on the diabetes data against scikit-learn
//! (`tests/fixtures/diabetes_lstsq.py`), and against linfa-linear.

use chapter09::Error;
use chapter09::regression::{Method, fit, r2_score};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Sklearn {
    coef: Vec<f64>,
    intercept: f64,
    r2: f64,
    ridge_alpha: f64,
    ridge_coef: Vec<f64>,
    ridge_intercept: f64,
}

fn sklearn() -> Sklearn {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "diabetes_lstsq")
        .unwrap()
}

#[test]
fn every_least_squares_method_matches_linear_regression() {
    let sk = sklearn();
    let d = support::data::load_diabetes().unwrap();
    // The centred design's condition number is about 276 (the fixture's
    // cond_x), so even the normal equations (cond² ≈ 8e4) keep ~11 digits:
    // 1e-8 relative holds for all three.
    for method in [Method::NormalEquations, Method::Qr, Method::Svd] {
        let m = fit(d.features.view(), d.target.view(), method).unwrap();
        assert_allclose(&m.coef, &sk.coef, 1e-8, 0.0);
        assert!(
            (m.intercept - sk.intercept).abs() <= 1e-8 * sk.intercept.abs()
        );
        let predicted = m.predict(d.features.view());
        let r2 = r2_score(d.target.view(), predicted.view()).unwrap();
        assert!((r2 - sk.r2).abs() <= 1e-8, "{method:?}: {r2} vs {}", sk.r2);
    }
}

#[test]
fn ridge_matches_scikit_learn() {
    let sk = sklearn();
    let d = support::data::load_diabetes().unwrap();
    let m = fit(
        d.features.view(),
        d.target.view(),
        Method::Ridge(sk.ridge_alpha),
    )
    .unwrap();
    assert_allclose(&m.coef, &sk.ridge_coef, 1e-8, 0.0);
    assert!((m.intercept - sk.ridge_intercept).abs() <= 1e-8 * 400.0);
}

#[test]
fn least_squares_agrees_with_linfa_linear() {
    use linfa::prelude::*;
    let d = support::data::load_diabetes().unwrap();
    let ours = fit(d.features.view(), d.target.view(), Method::Qr).unwrap();
    let dataset = linfa::Dataset::new(d.features.clone(), d.target.clone());
    let theirs = linfa_linear::LinearRegression::new().fit(&dataset).unwrap();
    assert_allclose(&ours.coef, theirs.params(), 1e-8, 0.0);
    assert!((ours.intercept - theirs.intercept()).abs() < 1e-8 * 400.0);
}

#[test]
fn fit_rejects_mismatched_lengths() {
    let d = support::data::load_diabetes().unwrap();
    let short = d.target.slice(ndarray::s![..100]);
    let err = fit(d.features.view(), short, Method::Qr).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Lengths {
                left: 442,
                right: 100,
                ..
            }
        ),
        "{err}"
    );
    let wide = d.features.slice(ndarray::s![..10, ..]);
    let y = d.target.slice(ndarray::s![..10]);
    let err = fit(wide, y, Method::Svd).unwrap_err();
    assert!(
        matches!(err, Error::Underdetermined { rows: 10, cols: 10 }),
        "{err}"
    );
}

#[test]
fn r2_of_a_constant_target_is_an_error() {
    // SS_tot = 0: the formula would divide by zero (NaN for a perfect fit,
    // -inf otherwise); scikit-learn returns 1.0 or 0.0 by convention.
    let y = ndarray::array![3.0, 3.0, 3.0];
    for predicted in [
        ndarray::array![3.0, 3.0, 3.0],
        ndarray::array![1.0, 2.0, 3.0],
    ] {
        let err = r2_score(y.view(), predicted.view()).unwrap_err();
        assert!(matches!(err, Error::ConstantTarget { value: 3.0 }), "{err}");
    }
    let empty = ndarray::Array1::<f64>::zeros(0);
    assert!(r2_score(empty.view(), empty.view()).is_err());
    let short = ndarray::array![1.0, 2.0];
    let err = r2_score(y.view(), short.view()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Lengths {
                left: 3,
                right: 2,
                ..
            }
        ),
        "{err}"
    );
    // And a real score is still a number: a perfect fit is 1.
    let y = ndarray::array![1.0, 2.0, 4.0];
    assert_eq!(r2_score(y.view(), y.view()).unwrap(), 1.0);
}

#[test]
fn svd_fit_of_a_rank_deficient_design_is_the_least_norm_solution() {
    // bmi twice: infinitely many solutions; the least-norm one gives each
    // copy half of the weight bmi gets alone (what scipy's gelsd and gelsy
    // both return, numpy/regression.py).
    let d = support::data::load_diabetes().unwrap();
    let full = fit(d.features.view(), d.target.view(), Method::Svd).unwrap();
    let bmi = d.features.column(2).insert_axis(ndarray::Axis(1));
    let twice = ndarray::concatenate![ndarray::Axis(1), d.features, bmi];
    let dup = fit(twice.view(), d.target.view(), Method::Svd).unwrap();
    let half = full.coef[2] / 2.0;
    assert!(
        (dup.coef[2] - half).abs() < 1e-8 * half.abs(),
        "{}",
        dup.coef
    );
    assert!(
        (dup.coef[10] - half).abs() < 1e-8 * half.abs(),
        "{}",
        dup.coef
    );
    assert!((dup.intercept - full.intercept).abs() < 1e-8 * 400.0);
}
