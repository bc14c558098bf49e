//! Project 4: every time-series quantity equals NumPy's, and simulated
//! forecasts are reproducible from their seed.

use chapter12::Error;
use chapter12::timeseries::*;
use ndarray::{Array1, array, s};
use support::fixtures::{assert_allclose, load};

#[derive(serde::Deserialize)]
struct Numpy {
    monthly: Vec<f64>,
    moving_average_12: Vec<f64>,
    smoothed_03: Vec<f64>,
    difference_12: Vec<f64>,
    trend: Vec<f64>,
    seasonal_index: Vec<f64>,
    sunspot_acf: Vec<f64>,
    ar_intercept: f64,
    ar_coefs: Vec<f64>,
    ar_sigma: f64,
    ar_forecast: Vec<f64>,
}

fn numpy() -> Numpy {
    load(env!("CARGO_MANIFEST_DIR"), "timeseries").unwrap()
}

fn monthly() -> Array1<f64> {
    let co2 = support::data::load_co2_weekly().unwrap();
    monthly_means(&co2.dates, co2.ppm.view()).unwrap().1
}

#[test]
fn smoothing_and_differencing_equal_numpy() {
    let np = numpy();
    let m = monthly();
    // Sums of up to 13 values in another order: rounding level.
    assert_allclose(&m, &np.monthly, 1e-13, 0.0);
    assert_allclose(
        &moving_average(m.view(), 12).unwrap(),
        &np.moving_average_12,
        1e-13,
        0.0,
    );
    assert_allclose(
        &exponential_smoothing(m.view(), 0.3).unwrap(),
        &np.smoothed_03,
        1e-13,
        0.0,
    );
    assert_allclose(
        &difference(m.view(), 12).unwrap(),
        &np.difference_12,
        1e-12,
        1e-12,
    );
}

#[test]
fn decomposition_equals_numpy() {
    let np = numpy();
    let parts = decompose(monthly().view(), 12).unwrap();
    assert_eq!(parts.offset, 6);
    assert_allclose(&parts.trend, &np.trend, 1e-13, 0.0);
    assert_allclose(&parts.seasonal_index, &np.seasonal_index, 1e-9, 1e-11);
    assert!(parts.seasonal_index.sum().abs() < 1e-12);
}

#[test]
fn autocorrelation_and_ar_equal_numpy() {
    let np = numpy();
    let sun = support::data::load_sunspots_yearly().unwrap();
    let acf = autocorrelation(sun.activity.view(), 12).unwrap();
    assert_allclose(&acf, &np.sunspot_acf, 1e-12, 1e-14);
    let train = sun.activity.slice(s![..280]); // 1700-1979
    let model = fit_ar(train, 9).unwrap();
    // Both solve by LAPACK's gelsd; κ of the lag matrix is 435 (np.linalg.cond).
    assert_allclose(&[model.intercept], &[np.ar_intercept], 1e-9, 0.0);
    assert_allclose(&model.coefs, &np.ar_coefs, 1e-9, 1e-12);
    assert_allclose(&[model.sigma], &[np.ar_sigma], 1e-9, 0.0);
    let forecast = model.forecast(train, 29).unwrap();
    assert_allclose(&forecast, &np.ar_forecast, 1e-8, 0.0);
}

#[test]
fn forecasts_are_reproducible_from_a_seed() {
    let sun = support::data::load_sunspots_yearly().unwrap();
    let model = fit_ar(sun.activity.view(), 9).unwrap();
    let a = model.simulate(sun.activity.view(), 20, 42).unwrap();
    let b = model.simulate(sun.activity.view(), 20, 42).unwrap();
    let c = model.simulate(sun.activity.view(), 20, 43).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    // The shocks are the only difference from the plain forecast.
    let plain = model.forecast(sun.activity.view(), 20).unwrap();
    assert!((&a - &plain).iter().any(|d| d.abs() > 1.0));
}

#[test]
fn an_exact_ar_process_is_recovered() {
    // x_t = 1 + 0.5 x_{t-1} - 0.2 x_{t-2}, from two starting values.
    let mut x = vec![3.0, -1.0];
    for t in 2..40 {
        x.push(1.0 + 0.5 * x[t - 1] - 0.2 * x[t - 2]);
    }
    let model = fit_ar(Array1::from(x).view(), 2).unwrap();
    assert_allclose(&model.coefs, &array![0.5, -0.2], 1e-9, 0.0);
    assert!((model.intercept - 1.0).abs() < 1e-9);
}

#[test]
fn bad_input_is_an_error() {
    let x = array![1.0, 2.0, 3.0];
    assert!(matches!(
        moving_average(x.view(), 4),
        Err(Error::Parameter(_))
    ));
    assert!(matches!(
        exponential_smoothing(x.view(), 0.0),
        Err(Error::Parameter(_))
    ));
    assert!(matches!(
        autocorrelation(array![2.0, 2.0].view(), 1),
        Err(Error::Parameter(_))
    ));
    assert!(matches!(fit_ar(x.view(), 2), Err(Error::TooShort(_))));
    let mut gap = array![f64::NAN, 1.0];
    assert!(matches!(
        interpolate_gaps(&mut gap),
        Err(Error::NonFinite(_))
    ));
}
