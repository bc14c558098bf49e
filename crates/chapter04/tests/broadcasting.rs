//! The chapter's broadcasting rule against NumPy's `np.broadcast_shapes`
//! and against ndarray's own arithmetic, and two broadcast results against
//! NumPy's values, from `tests/fixtures/broadcasting.py`.

use std::panic;

use chapter04::broadcast::{BroadcastError, broadcast_shape};
use ndarray::{Array2, ArrayD, IxDyn, array};
use support::fixtures::array2;

#[derive(serde::Deserialize)]
struct Pair {
    a: Vec<usize>,
    b: Vec<usize>,
    shape: Option<Vec<usize>>,
}

#[derive(serde::Deserialize)]
struct NumPy {
    pairs: Vec<Pair>,
    #[serde(deserialize_with = "array2")]
    column_plus_row: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    table_minus_row: Array2<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "broadcasting")
        .expect("tests/fixtures/broadcasting.json")
}

#[test]
fn the_rule_gives_numpys_shape_or_its_error() {
    for pair in numpy().pairs {
        let ours = broadcast_shape(&pair.a, &pair.b).ok();
        assert_eq!(ours, pair.shape, "{:?} and {:?}", pair.a, pair.b);
    }
}

#[test]
fn ndarray_arithmetic_follows_the_same_rule() {
    panic::set_hook(Box::new(|_| {}));
    for pair in numpy().pairs {
        let x = ArrayD::<f64>::zeros(IxDyn(&pair.a));
        let y = ArrayD::<f64>::zeros(IxDyn(&pair.b));
        let added = panic::catch_unwind(|| (&x + &y).shape().to_vec()).ok();
        assert_eq!(added, pair.shape, "{:?} and {:?}", pair.a, pair.b);
    }
    let _ = panic::take_hook();
}

#[test]
fn the_error_names_the_axis_and_both_lengths() {
    let error = broadcast_shape(&[3, 4], &[3]).unwrap_err();
    assert_eq!(
        error,
        BroadcastError {
            left: vec![3, 4],
            right: vec![3],
            axis_from_right: 1,
            left_len: 4,
            right_len: 3,
        }
    );
    assert_eq!(
        error.to_string(),
        "shapes (3, 4) and (3,) do not broadcast: axis 1 from the right has \
         lengths 4 and 3, and neither is 1"
    );
}

#[test]
fn broadcast_results_equal_numpys() {
    let numpy = numpy();
    let column = array![[0.0], [10.0], [20.0]];
    let row = array![1.0, 2.0, 3.0, 4.0];
    // `==`: one exact addition or subtraction per element.
    assert_eq!(&column + &row, numpy.column_plus_row);
    let table = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    assert_eq!(&table - &row, numpy.table_minus_row);
    let view = row.broadcast((3, 4)).unwrap();
    assert_eq!(view.strides(), &[0, 1]);
    assert_eq!(view.as_ptr(), row.as_ptr());
}

/// The message of a panic caught by `catch_unwind`.
fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn zips_message_names_the_shapes_only_in_a_debug_build() {
    // ndarray checks `Zip`'s shapes with its `ndassert!` macro, which keeps
    // the message only when ndarray is compiled with debug assertions: in a
    // build without `--release`, not in the book's `--release` runs. (The
    // operators' `ShapeError` names no shapes in either build.)
    let payload = panic::catch_unwind(|| {
        let mut out = Array2::<f64>::zeros((3, 4));
        let narrow = Array2::<f64>::ones((3, 1));
        ndarray::Zip::from(&mut out)
            .and(&narrow)
            .for_each(|o, &x| *o = x);
    })
    .expect_err("the shapes differ");
    let expected = if cfg!(debug_assertions) {
        "Zip: Producer dimension mismatch, expected: [3, 4], got: [3, 1]"
    } else {
        "assertion failed: part.equal_dim(dimension)"
    };
    assert_eq!(panic_text(payload), expected);
    let payload = panic::catch_unwind(|| {
        let (table, per_row) = (
            Array2::<f64>::zeros((3, 4)),
            ndarray::Array1::<f64>::ones(3),
        );
        let _ = &table + &per_row;
    })
    .expect_err("(3, 4) and (3,) do not broadcast");
    assert_eq!(
        panic_text(payload),
        "called `Result::unwrap()` on an `Err` value: \
         ShapeError/IncompatibleShape: incompatible shapes"
    );
}
