//! One-hot encoding, outer products and a causal softmax against NumPy
//! (`tests/fixtures/patterns.py`).

use chapter06::BroadcastError;
use chapter06::patterns::{causal_mask, one_hot, outer, softmax_rows};
use ndarray::{Array2, Axis, array};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    one_hot_column_sums: Vec<f64>,
    one_hot_first_rows: Vec<Vec<f64>>,
    #[serde(deserialize_with = "array2")]
    outer: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    causal_softmax: Array2<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "patterns").unwrap()
}

#[test]
fn one_hot_wine_classes() {
    let numpy = numpy();
    let labels = support::load_wine().unwrap().target;
    let encoded = one_hot(labels.view(), 3).unwrap();
    // Whole numbers: `==`.
    assert_eq!(
        encoded.sum_axis(Axis(0)).to_vec(),
        numpy.one_hot_column_sums
    );
    for (row, expected) in [0, 59, 130].iter().zip(&numpy.one_hot_first_rows) {
        assert_eq!(&encoded.row(*row).to_vec(), expected);
    }
    assert_eq!(
        one_hot(labels.view(), 2).unwrap_err(),
        BroadcastError::Label {
            label: 2,
            position: 130,
            n_classes: 2
        }
    );
}

#[test]
fn outer_product_is_numpys() {
    let a = array![1.0, 2.0, 3.0];
    let b = array![0.5, -1.0, 4.0, 2.0];
    // One exact product per entry: `==`.
    assert_eq!(outer(a.view(), b.view()), numpy().outer);
}

#[test]
fn causal_softmax_matches_numpy() {
    let t = 5;
    let scores = Array2::from_shape_fn((t, t), |(i, j)| {
        ((i + 2 * j) as f64).sin() * 3.0
    });
    let weights = softmax_rows((&scores + &causal_mask(t)).view());
    // exp and sin may differ in the last bit between libms: rtol 1e-14.
    assert_allclose(&weights, &numpy().causal_softmax, 1e-14, 1e-300);
    for i in 0..t {
        for j in i + 1..t {
            assert_eq!(weights[[i, j]], 0.0, "future key {j} of query {i}");
        }
    }
}
