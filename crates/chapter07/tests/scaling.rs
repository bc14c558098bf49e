//! The scalers against scikit-learn's `MinMaxScaler` and `RobustScaler`
//! (`tests/fixtures/scaling.py`): fitted on the wine rows whose index is not
//! a multiple of 4, applied to those rows and to the rest. `StandardScaler`
//! parity is chapter 6's test; here `fit_standard` must be ndarray's
//! `mean_axis` and `std_axis`, which `tests/describe.rs` checks against
//! NumPy.

use chapter07::StatsError;
use chapter07::scaling::{fit_min_max, fit_robust, fit_standard};
use ndarray::{Array2, Axis, array};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct Scaled {
    #[serde(deserialize_with = "array2")]
    train: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    test: Array2<f64>,
}

#[derive(serde::Deserialize)]
struct SkLearn {
    min_max: Scaled,
    robust: Scaled,
}

/// scikit-learn computes `x * (1 / range) - min / range` and its statistics
/// with other summation orders: outputs of order 1 agree to ~1e-15, so an
/// absolute 1e-12 (relative alone fails for outputs near zero).
#[test]
fn scalers_match_scikit_learn() {
    let sklearn: SkLearn =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "scaling").unwrap();
    let x = support::load_wine().unwrap().features;
    let test_rows: Vec<usize> = (0..x.nrows()).filter(|i| i % 4 == 0).collect();
    let train_rows: Vec<usize> =
        (0..x.nrows()).filter(|i| i % 4 != 0).collect();
    let (train, test) = (
        x.select(Axis(0), &train_rows),
        x.select(Axis(0), &test_rows),
    );
    let fits = [
        (fit_min_max(train.view()).unwrap(), &sklearn.min_max),
        (fit_robust(train.view()).unwrap(), &sklearn.robust),
    ];
    for (scaler, expected) in fits {
        assert_allclose(
            &scaler.transform(train.view()).unwrap(),
            &expected.train,
            1e-12,
            1e-12,
        );
        assert_allclose(
            &scaler.transform(test.view()).unwrap(),
            &expected.test,
            1e-12,
            1e-12,
        );
    }
}

#[test]
fn z_score_is_ndarrays_mean_and_std() {
    let x = support::load_wine().unwrap().features;
    let scaler = fit_standard(x.view()).unwrap();
    assert_eq!(scaler.offset, x.mean_axis(Axis(0)).unwrap());
    assert_eq!(scaler.scale, x.std_axis(Axis(0), 0.0));
    let z = scaler.transform(x.view()).unwrap();
    assert_eq!(z, (&x - &scaler.offset) / &scaler.scale);
}

#[test]
fn constant_columns_and_wrong_widths() {
    let x = array![[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]];
    let scaler = fit_standard(x.view()).unwrap();
    // A constant column is centred, not divided by zero.
    assert_eq!(
        scaler.transform(x.view()).unwrap().column(1).to_vec(),
        [0.0; 3]
    );
    let wide = Array2::<f64>::zeros((2, 3));
    assert_eq!(
        scaler.transform(wide.view()),
        Err(StatsError::Columns { fitted: 2, got: 3 })
    );
    let empty = Array2::<f64>::zeros((0, 2));
    assert_eq!(fit_min_max(empty.view()), Err(StatsError::Empty("minimum")));
}
