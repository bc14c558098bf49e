//! Runs every exercise solution with real values, on iris and wine.
//! scikit-learn's and NumPy's values come from `tests/fixtures/exercises.py`.

use chapter01::exercises::*;
use chapter01::{
    LayoutError, ModelError, NearestCentroid, StandardScaler, benchmark_table,
    confusion_matrix, count_correct, flat_to_rows, standardize_flat,
    standardize_vec_of_vec,
};
use ndarray::{Array2, Axis, array, s};
use support::Classification;
use support::fixtures::{array2, assert_allclose};

/// What scikit-learn and NumPy compute in `tests/fixtures/exercises.py`.
#[derive(serde::Deserialize)]
struct Reference {
    /// `MinMaxScaler().fit_transform(iris)`
    #[serde(deserialize_with = "array2")]
    iris_min_max: Array2<f64>,
    /// `confusion_matrix(y, p)` of the nearest-centroid model fitted and
    /// evaluated on the raw wine features: `[true, predicted]`
    #[serde(deserialize_with = "array2")]
    wine_raw_confusion: Array2<usize>,
    /// `precision_recall_fscore_support(y, p, zero_division=0.0)` of that model
    wine_raw_precision: Vec<f64>,
    wine_raw_recall: Vec<f64>,
    /// `NearestCentroid` fitted on iris's first 100 rows (classes 0 and 1
    /// only), scored on the last 50 (class 2)
    iris_first_100_on_last_50_correct: usize,
    iris: Experiments,
    wine: Experiments,
}

/// The nearest-centroid experiments, each count checked in the script against
/// NumPy's direct squared distances.
#[derive(serde::Deserialize)]
struct Experiments {
    n_samples: usize,
    /// Training accuracy (fitted and scored on every sample): raw features,
    /// `StandardScaler`, `MinMaxScaler`
    raw_correct: usize,
    standardised_correct: usize,
    min_max_correct: usize,
    /// Training accuracy on each feature alone, `X[:, [j]]`
    single_feature_correct: Vec<usize>,
    /// Rows `0, 3, 6, ...` held out; the scaler fitted on the other rows ...
    holdout_n_test: usize,
    holdout_correct: usize,
    /// ... or on every row, the held-out ones included (leakage)
    holdout_leaky_correct: usize,
    /// `cross_val_predict(model, X, y, cv=LeaveOneOut())`, `model` being
    /// `NearestCentroid()` or `make_pipeline(StandardScaler(),
    /// NearestCentroid())`
    leave_one_out_correct: LeaveOneOut,
}

#[derive(serde::Deserialize)]
struct LeaveOneOut {
    raw: usize,
    standardised: usize,
}

fn reference() -> Reference {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

fn iris() -> Classification {
    support::load_iris().expect("iris loads")
}

fn wine() -> Classification {
    support::load_wine().expect("wine loads")
}

/// Rows `0, 3, 6, ...` for testing and the others for training, as in the
/// fixture script.
fn every_third(n: usize) -> (Vec<usize>, Vec<usize>) {
    (0..n).partition(|i| i % 3 != 0)
}

#[test]
fn ex1_min_max_scale() {
    let reference = reference();
    let iris = iris();
    let scaled = min_max_scale(iris.features.view());
    // atol 1e-15 (values in [0, 1]): scikit-learn computes
    // x * (1 / range) - min / range, a different rounding from
    // (x - min) / range, so the two differ in the last bit or two.
    assert_allclose(&scaled, &reference.iris_min_max, 0.0, 1e-15);
    for column in scaled.columns() {
        let low = column.fold(f64::INFINITY, |m, &v| m.min(v));
        let high = column.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        assert_eq!((low, high), (0.0, 1.0));
    }
    let constant = array![[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]];
    assert_eq!(
        min_max_scale(constant.view()),
        array![[0.0, 0.0], [0.5, 0.0], [1.0, 0.0]]
    );
    // The experiment: nearest centroid on min-max-scaled iris and wine.
    for (data, expected) in [(iris, &reference.iris), (wine(), &reference.wine)]
    {
        let scaled = min_max_scale(data.features.view());
        let y = data.target.view();
        let model = NearestCentroid::fit(scaled.view(), y, 3).unwrap();
        let predicted = model.predict(scaled.view()).unwrap();
        let correct = count_correct(predicted.view(), y).unwrap();
        assert_eq!(correct, expected.min_max_correct);
    }
}

#[test]
fn ex2_columns_to_array() {
    let iris = iris();
    let columns: Vec<Vec<f64>> = iris
        .features
        .columns()
        .into_iter()
        .map(|c| c.to_vec())
        .collect();
    let x = columns_to_array(&columns).unwrap();
    assert_eq!(x, iris.features);
    assert!(x.is_standard_layout());
    let small = columns_to_array(&[vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]]);
    assert_eq!(small.unwrap(), array![[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]);
    let err = columns_to_array(&[vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0]])
        .unwrap_err();
    let expected = UnequalColumns {
        column: 2,
        expected: 2,
        found: 1,
    };
    assert_eq!(err, expected);
    assert_eq!(err.to_string(), "column 2 has 1 values, but column 0 has 2");
    assert_eq!(columns_to_array(&[]).unwrap().shape(), &[0, 0]);
    assert_eq!(
        columns_to_array(&[vec![], vec![]]).unwrap().shape(),
        &[0, 2]
    );
}

#[test]
fn ex3_precision_recall() {
    let hand_made = array![[2, 0, 1], [0, 0, 0], [1, 0, 3]];
    let (precision, recall) = precision_recall(hand_made.view());
    // Class 1 is never predicted and never occurs: 0, not NaN.
    assert_eq!(precision, array![2.0 / 3.0, 0.0, 0.75]);
    assert_eq!(recall, array![2.0 / 3.0, 0.0, 0.75]);

    let reference = reference();
    let wine = wine();
    let (x, y) = (wine.features.view(), wine.target.view());
    let predicted = NearestCentroid::fit(x, y, 3).unwrap().predict(x).unwrap();
    let confusion = confusion_matrix(predicted.view(), y, 3).unwrap();
    assert_eq!(confusion, reference.wine_raw_confusion);
    let (precision, recall) = precision_recall(confusion.view());
    // `==` (rtol = atol = 0): one correctly rounded division of two whole
    // numbers per class, on both sides.
    assert_allclose(&precision, &reference.wine_raw_precision, 0.0, 0.0);
    assert_allclose(&recall, &reference.wine_raw_recall, 0.0, 0.0);
}

#[test]
fn ex4_training_correct_raw_and_standardised() {
    let reference = reference();
    let wine = wine();
    let (x, y) = (wine.features.view(), wine.target.view());
    // Wine: standardising helps (129 -> 174 of 178) ...
    assert_eq!(
        training_correct(x, y, 3, false).unwrap(),
        reference.wine.raw_correct
    );
    assert_eq!(
        training_correct(x, y, 3, true).unwrap(),
        reference.wine.standardised_correct
    );
    // ... because on the raw features the distance is proline's alone: the
    // raw model predicts exactly what a model of proline only predicts.
    let proline = wine.feature_names.iter().position(|n| n == "proline");
    let proline = x.slice(s![.., proline.unwrap()]).insert_axis(Axis(1));
    let predict = |features| {
        let model = NearestCentroid::fit(features, y, 3).unwrap();
        model.predict(features).unwrap()
    };
    assert_eq!(predict(x), predict(proline));
    // Iris: it hurts (139 -> 128 of 150).
    let iris = iris();
    let (x, y) = (iris.features.view(), iris.target.view());
    assert_eq!(
        training_correct(x, y, 3, false).unwrap(),
        reference.iris.raw_correct
    );
    assert_eq!(
        training_correct(x, y, 3, true).unwrap(),
        reference.iris.standardised_correct
    );
    assert_eq!(reference.iris.n_samples, y.len());
    // A mislabelled call is an error, not a panic.
    assert_eq!(
        training_correct(x, y.slice(s![..10]), 3, true),
        Err(ModelError::LengthMismatch {
            n_samples: 150,
            n_labels: 10
        })
    );
}

#[test]
fn ex5_single_feature_correct() {
    let reference = reference();
    for (data, expected) in
        [(iris(), &reference.iris), (wine(), &reference.wine)]
    {
        let counts =
            single_feature_correct(data.features.view(), data.target.view(), 3)
                .unwrap();
        assert_eq!(counts.to_vec(), expected.single_feature_correct);
    }
    // The best single features: iris's petal width (144 of 150, better than
    // all four features together) and wine's flavanoids (141 of 178).
    let best = |data: Classification| {
        let counts =
            single_feature_correct(data.features.view(), data.target.view(), 3)
                .unwrap();
        let (best, _) = counts
            .indexed_iter()
            .max_by_key(|&(j, &n)| (n, std::cmp::Reverse(j)))
            .unwrap();
        data.feature_names[best].clone()
    };
    assert_eq!(best(iris()), "petal_width_cm");
    assert_eq!(best(wine()), "flavanoids");
}

#[test]
fn ex6_holdout_correct() {
    let reference = reference();
    let iris = iris();
    let (x, y) = (iris.features.view(), iris.target.view());
    // Iris is sorted by species: the first 100 rows hold no virginica, so
    // a three-class model cannot be fitted on them.
    let first: Vec<usize> = (0..100).collect();
    let last: Vec<usize> = (100..150).collect();
    assert_eq!(
        holdout_correct(x, y, 3, &first, &last),
        Err(ModelError::EmptyClass { class: 2 })
    );
    // scikit-learn fits a two-class model without complaint, and it gets every
    // one of the last 50 wrong; so does ours, told there are two classes.
    let top = x.slice(s![..100, ..]);
    let two_classes = NearestCentroid::fit(top, y.slice(s![..100]), 2);
    let predicted = two_classes
        .unwrap()
        .predict(x.slice(s![100.., ..]))
        .unwrap();
    let correct = count_correct(predicted.view(), y.slice(s![100..])).unwrap();
    assert_eq!(correct, reference.iris_first_100_on_last_50_correct);

    for (data, expected) in [(iris, &reference.iris), (wine(), &reference.wine)]
    {
        let (x, y) = (data.features.view(), data.target.view());
        let (train, test) = every_third(y.len());
        assert_eq!(test.len(), expected.holdout_n_test);
        let honest = holdout_correct(x, y, 3, &train, &test).unwrap();
        assert_eq!(honest, expected.holdout_correct);
        // The leak, for comparison: the scaler fitted on every row.
        let scaler = StandardScaler::fit(x).unwrap();
        let z = scaler.transform(x).unwrap();
        let (train_z, test_z) =
            (z.select(Axis(0), &train), z.select(Axis(0), &test));
        let model = NearestCentroid::fit(
            train_z.view(),
            y.select(Axis(0), &train).view(),
            3,
        )
        .unwrap();
        let predicted = model.predict(test_z.view()).unwrap();
        let leaky =
            count_correct(predicted.view(), y.select(Axis(0), &test).view())
                .unwrap();
        assert_eq!(leaky, expected.holdout_leaky_correct);
    }
    // On iris the leak flatters the model.
    let iris = &reference.iris;
    assert!(iris.holdout_leaky_correct > iris.holdout_correct);
}

#[test]
fn ex7_standardize_rows_in_order() {
    let data = benchmark_table(300, 20);
    let rows = flat_to_rows(&data, 20).unwrap();
    let in_order = standardize_rows_in_order(&rows).unwrap();
    // Bit for bit: the same additions in the same order as the flat version.
    let flat = standardize_flat(&data, 20).unwrap();
    assert_eq!(in_order.concat(), flat);
    assert_eq!(in_order, standardize_vec_of_vec(&rows).unwrap());
    let iris = iris();
    let iris_rows: Vec<Vec<f64>> = iris
        .features
        .rows()
        .into_iter()
        .map(|r| r.to_vec())
        .collect();
    let iris_flat = iris.features.iter().copied().collect::<Vec<_>>();
    assert_eq!(
        standardize_rows_in_order(&iris_rows).unwrap().concat(),
        standardize_flat(&iris_flat, 4).unwrap()
    );
    let ragged = vec![vec![1.0, 2.0], vec![3.0]];
    assert_eq!(
        standardize_rows_in_order(&ragged),
        Err(LayoutError::RaggedRow {
            row: 1,
            expected: 2,
            found: 1
        })
    );
    assert_eq!(standardize_rows_in_order(&[]), Err(LayoutError::Empty));
}

#[test]
fn ex8_leave_one_out_correct() {
    let reference = reference();
    for (data, expected) in
        [(iris(), &reference.iris), (wine(), &reference.wine)]
    {
        let (x, y) = (data.features.view(), data.target.view());
        let loo = &expected.leave_one_out_correct;
        assert_eq!(leave_one_out_correct(x, y, 3, false).unwrap(), loo.raw);
        assert_eq!(
            leave_one_out_correct(x, y, 3, true).unwrap(),
            loo.standardised
        );
    }
    // Wine, standardised: left-out samples are harder than training ones.
    let wine = &reference.wine;
    assert!(
        wine.leave_one_out_correct.standardised < wine.standardised_correct
    );
}
