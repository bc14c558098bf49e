//! The iris pipeline gives the numbers NumPy gives: column means and population
//! standard deviations, centroids and training accuracy; and its pieces reject
//! mismatched shapes. NumPy's and scikit-learn's values come from
//! `tests/fixtures/pipeline.py`.

use chapter01::{
    ModelError, NearestCentroid, StandardScaler, confusion_matrix,
    count_correct, split_features_labels, standardize_ndarray,
};
use ndarray::{Array1, Array2, Axis, array, concatenate};
use support::fixtures::{array2, assert_allclose};

/// What NumPy computes in `tests/fixtures/pipeline.py`.
#[derive(serde::Deserialize)]
struct Pipeline {
    /// `iris.mean(axis=0)`
    mean: Vec<f64>,
    /// `iris.std(axis=0)`: ddof=0, the population std, as sklearn's
    /// `StandardScaler`
    std: Vec<f64>,
    /// `(iris - iris.mean(0)) / iris.std(0)`
    #[serde(deserialize_with = "array2")]
    standardized: Array2<f64>,
    /// The nearest-centroid classifier on the standardised features.
    standardized_model: Model,
    /// The same classifier on the raw centimetres.
    raw_model: Model,
}

#[derive(serde::Deserialize)]
struct Model {
    /// `np.stack([Z[y == k].mean(axis=0) for k in range(3)])`
    #[serde(deserialize_with = "array2")]
    centroids: Array2<f64>,
    /// `((Z[:, None] - C[None]) ** 2).sum(-1).argmin(1)`
    predicted: Vec<usize>,
    /// `(predicted == y).sum()`
    n_correct: usize,
    /// `sklearn.metrics.confusion_matrix(y, predicted)`: `[true, predicted]`
    #[serde(deserialize_with = "array2")]
    confusion: Array2<usize>,
}

fn numpy() -> Pipeline {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "pipeline").unwrap()
}

/// Iris as the raw 150 x 5 table (4 measurements, then the label as a number).
fn iris_table() -> Array2<f64> {
    let iris = support::load_iris().expect("iris loads");
    let labels = iris.target.mapv(|t| t as f64).insert_axis(Axis(1));
    concatenate![Axis(1), iris.features, labels]
}

#[test]
fn splitting_the_raw_table_gives_features_and_labels() {
    let (x, y) = split_features_labels(iris_table().view()).unwrap();
    assert_eq!(x.dim(), (150, 4));
    assert_eq!(x.row(0).to_vec(), [5.1, 3.5, 1.4, 0.2]);
    assert_eq!((y[0], y[50], y[100], y.len()), (0, 1, 2, 150));

    let bad = array![[1.0, 0.0], [2.0, 1.5]];
    let err = split_features_labels(bad.view()).unwrap_err();
    assert_eq!(err, ModelError::BadLabel { row: 1, value: 1.5 });
    assert_eq!(
        err.to_string(),
        "row 1: label 1.5 is not a class id (a whole number >= 0)"
    );
    let negative = array![[1.0, -1.0]];
    assert!(split_features_labels(negative.view()).is_err());
    let one_column = array![[1.0], [2.0]];
    assert_eq!(
        split_features_labels(one_column.view()),
        Err(ModelError::NoSamples)
    );
}

#[test]
fn scaler_learns_numpy_means_and_population_stds() {
    let numpy = numpy();
    let iris = support::load_iris().unwrap();
    let scaler = StandardScaler::fit(iris.features.view()).unwrap();
    // Tolerances here: atol 1e-12 on values of order 1. NumPy sums pairwise and
    // divides by the count; the scaler accumulates in its own order, so the
    // last bits may differ.
    assert_allclose(&scaler.mean, &numpy.mean, 0.0, 1e-12);
    assert_allclose(&scaler.std, &numpy.std, 0.0, 1e-12);

    let z = scaler.transform(iris.features.view()).unwrap();
    // Every standardised value, not only row 0.
    assert_allclose(&z, &numpy.standardized, 0.0, 1e-12);
    // The fitted scaler and the benchmark's two-pass version agree.
    let two_pass = standardize_ndarray(iris.features.view()).unwrap();
    assert_allclose(&z, &two_pass, 0.0, 1e-12);

    let wrong = Array2::<f64>::zeros((2, 3));
    let err = scaler.transform(wrong.view()).unwrap_err();
    assert_eq!(
        err,
        ModelError::FeatureCount {
            expected: 4,
            found: 3
        }
    );
    assert_eq!(
        StandardScaler::fit(Array2::<f64>::zeros((0, 4)).view()),
        Err(ModelError::NoSamples)
    );
}

#[test]
fn nearest_centroid_on_iris_matches_numpy() {
    let numpy = numpy();
    let iris = support::load_iris().unwrap();
    let (x, y) = (iris.features.view(), iris.target.view());
    let z = StandardScaler::fit(x).unwrap().transform(x).unwrap();
    let model = NearestCentroid::fit(z.view(), y, 3).unwrap();
    let expected = &numpy.standardized_model;
    // atol 1e-12: class means of standardised values of order 1, summed in a
    // different order than NumPy's.
    assert_allclose(&model.centroids, &expected.centroids, 0.0, 1e-12);

    // The same class for every flower (no distance is near a tie), so the same
    // count of correct ones and the same confusion matrix.
    let predicted = model.predict(z.view()).unwrap();
    assert_eq!(predicted.to_vec(), expected.predicted);
    let n_correct = count_correct(predicted.view(), y).unwrap();
    assert_eq!(n_correct, expected.n_correct); // 128 of 150
    let confusion = confusion_matrix(predicted.view(), y, 3).unwrap();
    assert_eq!(confusion, expected.confusion);

    // On the raw centimetres the same classifier does better.
    let expected = &numpy.raw_model;
    let raw_model = NearestCentroid::fit(x, y, 3).unwrap();
    // atol 1e-12, as above: means of values up to 7.9 cm.
    assert_allclose(&raw_model.centroids, &expected.centroids, 0.0, 1e-12);
    let raw_predicted = raw_model.predict(x).unwrap();
    assert_eq!(raw_predicted.to_vec(), expected.predicted);
    let n_correct = count_correct(raw_predicted.view(), y).unwrap();
    assert_eq!(n_correct, expected.n_correct); // 139 of 150
    let raw_confusion = confusion_matrix(raw_predicted.view(), y, 3).unwrap();
    assert_eq!(raw_confusion, expected.confusion);
}

#[test]
fn the_model_rejects_mismatched_shapes_and_labels() {
    let x = array![[0.0, 0.0], [1.0, 1.0], [10.0, 10.0]];
    let y = Array1::from(vec![0, 0, 1]);
    let model = NearestCentroid::fit(x.view(), y.view(), 2).unwrap();
    assert_eq!(model.centroids, array![[0.5, 0.5], [10.0, 10.0]]);
    assert_eq!(
        model
            .predict(array![[2.0, 2.0], [7.0, 6.0]].view())
            .unwrap(),
        array![0, 1]
    );

    let short = Array1::from(vec![0, 1]);
    let err = NearestCentroid::fit(x.view(), short.view(), 2).unwrap_err();
    assert_eq!(
        err,
        ModelError::LengthMismatch {
            n_samples: 3,
            n_labels: 2
        }
    );
    let err = NearestCentroid::fit(x.view(), y.view(), 1).unwrap_err();
    assert_eq!(
        err,
        ModelError::LabelOutOfRange {
            label: 1,
            n_classes: 1
        }
    );
    let err = NearestCentroid::fit(x.view(), y.view(), 3).unwrap_err();
    assert_eq!(err, ModelError::EmptyClass { class: 2 });
    assert_eq!(err.to_string(), "class 2 has no samples");
    let err = model.predict(Array2::zeros((1, 3)).view()).unwrap_err();
    assert_eq!(
        err,
        ModelError::FeatureCount {
            expected: 2,
            found: 3
        }
    );
    assert!(count_correct(y.view(), short.view()).is_err());
    assert!(confusion_matrix(y.view(), y.view(), 1).is_err());
}
