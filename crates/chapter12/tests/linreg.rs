//! Project 1: the closed form equals scikit-learn's `LinearRegression`,
//! gradient descent reaches the same minimum, and bad input is an error.

use chapter12::Error;
use chapter12::linreg::*;
use ndarray::{Array1, array};
use support::fixtures::{assert_allclose, load};

#[derive(serde::Deserialize)]
struct Sklearn {
    coef: Vec<f64>,
    intercept: f64,
    r2: f64,
    rmse: f64,
}

fn diabetes_split() -> (
    ndarray::Array2<f64>,
    Array1<f64>,
    ndarray::Array2<f64>,
    Array1<f64>,
) {
    let data = support::data::load_diabetes().unwrap();
    split_every(data.features.view(), data.target.view(), 5).unwrap()
}

#[test]
fn closed_form_equals_sklearn_linear_regression() {
    let sk: Sklearn = load(env!("CARGO_MANIFEST_DIR"), "linreg").unwrap();
    let (x, y, xt, yt) = diabetes_split();
    let model = fit_closed_form(x.view(), y.view()).unwrap();
    // Both solve the same centred problem with LAPACK's gelsd: they agree
    // far below the 1e-6 (relative; atol for a coefficient near 0).
    assert_allclose(&model.coef, &sk.coef, 1e-6, 1e-9);
    assert_allclose(&[model.intercept], &[sk.intercept], 1e-6, 0.0);
    let pred = model.predict(xt.view()).unwrap();
    assert_allclose(
        &[r2_score(yt.view(), pred.view()).unwrap()],
        &[sk.r2],
        1e-9,
        0.0,
    );
    assert_allclose(
        &[rmse(yt.view(), pred.view()).unwrap()],
        &[sk.rmse],
        1e-9,
        0.0,
    );
}

#[test]
fn gradient_descent_reaches_the_closed_form_minimum() {
    let (x, y, _, _) = diabetes_split();
    let scaler = Standardiser::fit(x.view()).unwrap();
    let xs = scaler.transform(x.view());
    let best = fit_closed_form(xs.view(), y.view()).unwrap();
    let optimum = half_mse(&best, xs.view(), y.view());
    let config = GdConfig {
        learning_rate: 0.1,
        epochs: 20_000,
        batch_size: None,
        seed: 0,
    };
    let fit = fit_gradient_descent(xs.view(), y.view(), config).unwrap();
    // The loss never rises at a stable step size, and ends at the optimum.
    // (Up to rounding, once the loss has settled at its minimum.)
    assert!(fit.losses.windows(2).all(|w| w[1] <= w[0] * (1.0 + 1e-12)));
    assert!(
        (fit.losses[fit.losses.len() - 1] - optimum).abs() < 1e-6 * optimum
    );
    // Undoing the scaling gives the closed form's raw coefficients.
    let raw = scaler.unscale(&fit.model);
    let direct = fit_closed_form(x.view(), y.view()).unwrap();
    assert_allclose(&raw.coef, &direct.coef, 1e-4, 1e-6);
}

#[test]
fn mini_batches_are_reproducible_from_the_seed() {
    let (x, y, _, _) = diabetes_split();
    let xs = Standardiser::fit(x.view()).unwrap().transform(x.view());
    let config = |seed| GdConfig {
        learning_rate: 0.02,
        epochs: 5,
        batch_size: Some(32),
        seed,
    };
    let a = fit_gradient_descent(xs.view(), y.view(), config(1)).unwrap();
    let b = fit_gradient_descent(xs.view(), y.view(), config(1)).unwrap();
    let c = fit_gradient_descent(xs.view(), y.view(), config(2)).unwrap();
    assert_eq!(a.model, b.model);
    assert_ne!(a.model, c.model);
}

#[test]
fn scores_of_known_values() {
    let y = array![1.0, 2.0, 3.0, 4.0];
    let p = array![1.0, 2.0, 3.0, 5.0];
    // SS_res = 1, SS_tot = 5.
    assert_eq!(r2_score(y.view(), p.view()).unwrap(), 0.8);
    assert_eq!(rmse(y.view(), p.view()).unwrap(), 0.5);
}

#[test]
fn bad_input_is_an_error() {
    let x = ndarray::Array2::<f64>::zeros((3, 2));
    assert!(matches!(
        fit_closed_form(x.view(), array![1.0, 2.0].view()),
        Err(Error::Shape(_))
    ));
    let square = ndarray::Array2::<f64>::zeros((2, 2));
    assert!(matches!(
        fit_closed_form(square.view(), array![1.0, 2.0].view()),
        Err(Error::TooShort(_))
    ));
    let x = array![[1.0], [f64::NAN], [2.0]];
    assert!(matches!(
        fit_closed_form(x.view(), array![1.0, 2.0, 3.0].view()),
        Err(Error::NonFinite(_))
    ));
    let y = array![2.0, 2.0];
    assert!(matches!(
        r2_score(y.view(), y.view()),
        Err(Error::Parameter(_))
    ));
}
