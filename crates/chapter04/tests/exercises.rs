//! Runs every exercise solution with real values. NumPy's values come from
//! `tests/fixtures/exercises.py`.

use chapter04::LengthError;
use chapter04::exercises::*;
use ndarray::{Array1, Array2, ArrayD, Axis, IxDyn, array};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    clip_input: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    clipped: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    outer_sum: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    wine_min_max: Array2<f64>,
    lerp: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    broadcast_sum_2x1_3: Array2<f64>,
    digits_cross_entropy: f64,
    digits_template_accuracy: f64,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises")
        .expect("tests/fixtures/exercises.json")
}

#[test]
fn ex1_clip_inplace() {
    let numpy = numpy();
    let mut x = numpy.clip_input.clone();
    clip_inplace(&mut x, 0.0, 1.0);
    assert_eq!(x, numpy.clipped);
    // Any number of axes: the same values as a 3-D array.
    let mut cube = numpy.clip_input.into_dyn();
    cube = cube.insert_axis(Axis(0));
    clip_inplace(&mut cube, 0.0, 1.0);
    assert_eq!(cube.index_axis(Axis(0), 0), numpy.clipped.into_dyn());
}

#[test]
fn ex2_outer_sum() {
    let (a, b) = (array![1.0, 2.0, 3.0], array![0.0, 10.0]);
    assert_eq!(outer_sum(a.view(), b.view()), numpy().outer_sum);
}

#[test]
fn ex3_min_max_columns_on_wine() {
    let wine = support::data::load_wine().unwrap();
    let scaled = min_max_columns(wine.features.view());
    // Same operations as NumPy's, element by element.
    assert_allclose(&scaled, &numpy().wine_min_max, 1e-15, 0.0);
    let constant = array![[2.0, 1.0], [2.0, 3.0]];
    assert_eq!(
        min_max_columns(constant.view()),
        array![[0.0, 0.0], [0.0, 1.0]]
    );
}

#[test]
fn ex4_lerp_into() {
    let (a, b) = (array![1.0, 2.0, 3.0], array![5.0, 6.0, 7.0]);
    let mut out = Array1::zeros(3);
    lerp_into(out.view_mut(), a.view(), b.view(), 0.25).unwrap();
    assert_eq!(out, Array1::from(numpy().lerp));
    let short = array![1.0, 2.0];
    let error = Err(LengthError {
        expected: 3,
        found: 2,
    });
    // A short `b`, and a short `a`: each operand's length is checked.
    assert_eq!(
        lerp_into(out.view_mut(), a.view(), short.view(), 0.5),
        error
    );
    assert_eq!(
        lerp_into(out.view_mut(), short.view(), b.view(), 0.5),
        error
    );
}

#[test]
fn ex5_checked_add() {
    let column =
        ArrayD::from_shape_vec(IxDyn(&[2, 1]), vec![1.0, 2.0]).unwrap();
    let row = ArrayD::from_shape_vec(IxDyn(&[3]), vec![1.0, 2.0, 3.0]).unwrap();
    let sum = checked_add(column.view(), row.view()).unwrap();
    assert_eq!(sum, numpy().broadcast_sum_2x1_3.into_dyn());
    let wrong = ArrayD::<f64>::zeros(IxDyn(&[2]));
    let error = checked_add(wrong.view(), row.view()).unwrap_err();
    assert_eq!((error.left_len, error.right_len), (2, 3));
}

#[test]
fn ex6_score_classifier_on_digits() {
    let numpy = numpy();
    let digits = support::data::load_digits().unwrap();
    let (x, y) = (&digits.features, &digits.target);
    // The class means, one row per digit, and the template logits x m^T / 8.
    let mut means = Array2::<f64>::zeros((10, x.ncols()));
    for k in 0..10 {
        let rows: Vec<usize> = (0..y.len()).filter(|&i| y[i] == k).collect();
        let members = x.select(Axis(0), &rows);
        means
            .row_mut(k)
            .assign(&members.mean_axis(Axis(0)).unwrap());
    }
    let logits = x.dot(&means.t()) / 8.0;
    let labels = y.to_vec();
    let scores = score_classifier(logits.view(), &labels).unwrap();
    // The class means sum in another order than NumPy's: agreement to about
    // 1e-12 relative.
    assert_allclose(
        &[scores.cross_entropy],
        &[numpy.digits_cross_entropy],
        1e-12,
        0.0,
    );
    // A count of rows divided by 1797 on both sides: exactly equal.
    assert_eq!(scores.accuracy, numpy.digits_template_accuracy);
    assert!(score_classifier(logits.view(), &labels[1..]).is_err());
    let mut bad = labels.clone();
    bad[0] = 10;
    assert!(score_classifier(logits.view(), &bad).is_err());
}
