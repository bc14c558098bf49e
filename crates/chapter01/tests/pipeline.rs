//! The iris pipeline gives the numbers NumPy gives: column means and population standard
//! deviations, centroids and training accuracy; and its pieces reject mismatched shapes.

use chapter01::{
    ModelError, NearestCentroid, StandardScaler, confusion_matrix, count_correct,
    split_features_labels, standardize_ndarray,
};
use ndarray::{Array1, Array2, Axis, array, concatenate};

fn assert_all_close<'a>(actual: impl IntoIterator<Item = &'a f64>, expected: &[f64], tol: f64) {
    let actual: Vec<f64> = actual.into_iter().copied().collect();
    assert_eq!(actual.len(), expected.len());
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() <= tol, "{a} vs {e}");
    }
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
    let iris = support::load_iris().unwrap();
    let scaler = StandardScaler::fit(iris.features.view()).unwrap();
    // NumPy: iris.mean(axis=0)
    let means = [
        5.843333333333335,
        3.057333333333334,
        3.7580000000000027,
        1.199333333333334,
    ];
    assert_all_close(&scaler.mean, &means, 1e-12);
    // NumPy: iris.std(axis=0)  (ddof=0, the population std, as sklearn's StandardScaler)
    let stds = [
        0.8253012917851409,
        0.43441096773549437,
        1.7594040657753032,
        0.7596926279021594,
    ];
    assert_all_close(&scaler.std, &stds, 1e-12);

    let z = scaler.transform(iris.features.view()).unwrap();
    // NumPy: ((iris - iris.mean(0)) / iris.std(0))[0]
    let first = [
        -0.9006811702978099,
        1.0190043519716065,
        -1.3402265266227635,
        -1.3154442950077407,
    ];
    assert_all_close(z.row(0), &first, 1e-12);
    // The fitted scaler and the benchmark's two-pass version agree.
    let two_pass = standardize_ndarray(iris.features.view()).unwrap();
    assert_all_close(&z, two_pass.as_slice().unwrap(), 1e-12);

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
    let iris = support::load_iris().unwrap();
    let (x, y) = (iris.features.view(), iris.target.view());
    let z = StandardScaler::fit(x).unwrap().transform(x).unwrap();
    let model = NearestCentroid::fit(z.view(), y, 3).unwrap();
    // NumPy: np.stack([Z[y == k].mean(axis=0) for k in range(3)])
    let centroids = [
        -1.0145789685148416,
        0.853262680265381,
        -1.30498732193633,
        -1.254893490234203,
        0.11228222661111532,
        -0.6614320417165124,
        0.28532388310628615,
        0.16673410010104675,
        0.9022967419037218,
        -0.1918306385488738,
        1.019663438830038,
        1.0881593901331528,
    ];
    assert_all_close(&model.centroids, &centroids, 1e-12);

    // NumPy: p = ((Z[:, None] - C[None]) ** 2).sum(-1).argmin(1); (p == y).sum()
    let predicted = model.predict(z.view()).unwrap();
    assert_eq!(count_correct(predicted.view(), y).unwrap(), 128);
    let confusion = confusion_matrix(predicted.view(), y, 3).unwrap();
    assert_eq!(confusion, array![[50, 0, 0], [0, 40, 10], [0, 12, 38]]);

    // On the raw centimetres the same classifier gets 139 of 150 right (NumPy agrees).
    let raw_model = NearestCentroid::fit(x, y, 3).unwrap();
    assert_all_close(
        raw_model.centroids.row(0),
        &[5.006, 3.428, 1.462, 0.246],
        1e-12,
    );
    let raw_predicted = raw_model.predict(x).unwrap();
    assert_eq!(count_correct(raw_predicted.view(), y).unwrap(), 139);
    let raw_confusion = confusion_matrix(raw_predicted.view(), y, 3).unwrap();
    assert_eq!(raw_confusion, array![[50, 0, 0], [0, 46, 4], [0, 7, 43]]);
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
