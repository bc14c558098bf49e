//! The hands-on's restructurings of real data against NumPy's
//! (`tests/fixtures/hands_on.py`): the digits as images and back, batches of
//! the digits, their labels one-hot, and sliding windows over the yearly
//! sunspot numbers. Every
//! value is copied or summed from whole numbers, so the comparisons are exact.

use chapter05::restructure::{
    batches, one_hot, sliding_windows, to_design_matrix, to_images,
};
use ndarray::{Array2, Axis, Order, ShapeBuilder};
use support::fixtures::array2;

#[derive(serde::Deserialize)]
struct NumPy {
    n_images: usize,
    #[serde(deserialize_with = "array2")]
    image_7: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    image_7_f_order: Array2<f64>,
    target_7: usize,
    #[serde(deserialize_with = "array2")]
    one_hot_first_20: Array2<f64>,
    one_hot_column_sums: Vec<f64>,
    batches_shape: Vec<usize>,
    batch_sums: Vec<f64>,
    batch_3_row_5: Vec<f64>,
    sunspots_len: usize,
    #[serde(deserialize_with = "array2")]
    windows_10: Array2<f64>,
    windows_10_strides: Vec<isize>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "hands_on").unwrap()
}

#[test]
fn digits_to_images_and_back_match_scikit_learn() {
    let np = numpy();
    let digits = support::load_digits().unwrap();
    let x = &digits.features;
    let images = to_images(x.view(), 8, 8).unwrap();
    // A view of the same memory: no copy for a row-major matrix.
    assert!(images.is_view());
    assert_eq!(images.as_ptr(), x.as_ptr());
    assert_eq!(images.len_of(Axis(0)), np.n_images);
    assert_eq!(images.index_axis(Axis(0), 7), np.image_7);
    assert_eq!(digits.target[7], np.target_7);
    let back = to_design_matrix(images.view()).unwrap();
    assert!(back.is_view());
    assert_eq!(back, *x);
    // The column-major reading of the same 64 numbers is the transpose.
    let row = x.row(7);
    let f = row.to_shape(((8, 8), Order::ColumnMajor)).unwrap();
    assert_eq!(f, np.image_7_f_order);
    assert_eq!(f, np.image_7.t());
    // Sizes that do not fit are an error, not a panic.
    assert!(to_images(x.view(), 8, 9).is_err());
}

#[test]
fn one_hot_labels_match_numpy_eye() {
    let np = numpy();
    let digits = support::load_digits().unwrap();
    let y = digits.target.as_slice().unwrap();
    let targets = one_hot(y, 10).unwrap();
    assert_eq!(targets.dim(), (y.len(), 10));
    assert_eq!(targets.slice(ndarray::s![..20, ..]), np.one_hot_first_20);
    // Each class counted once per image (whole numbers: exact).
    assert_eq!(targets.sum_axis(Axis(0)).to_vec(), np.one_hot_column_sums);
    // A label outside 0..k is an error, not a panic; no labels, no rows.
    assert!(one_hot(&[3, 10], 10).is_err());
    assert!(one_hot(&[0], 0).is_err());
    assert_eq!(one_hot(&[], 3).unwrap().dim(), (0, 3));
}

#[test]
fn digit_batches_match_numpy() {
    let np = numpy();
    let digits = support::load_digits().unwrap();
    let b = batches(digits.features.view(), 64).unwrap();
    assert!(b.is_view());
    assert_eq!(b.shape(), np.batches_shape);
    let sums: Vec<f64> = b.outer_iter().map(|batch| batch.sum()).collect();
    assert_eq!(sums, np.batch_sums);
    assert_eq!(b.slice(ndarray::s![3, 5, ..]).to_vec(), np.batch_3_row_5);
    // A column-major copy of the same matrix cannot be cut without copying.
    let mut f = Array2::zeros(digits.features.raw_dim().f());
    f.assign(&digits.features);
    let copied = batches(f.view(), 64).unwrap();
    assert!(!copied.is_view());
    assert_eq!(copied, b);
    assert!(batches(digits.features.view(), 0).is_err());
    assert!(batches(digits.features.view(), 5000).is_err());
}

#[test]
fn sunspot_windows_match_sliding_window_view() {
    let np = numpy();
    let sunspots = support::load_sunspots_yearly().unwrap();
    assert_eq!(sunspots.activity.len(), np.sunspots_len);
    let w = sliding_windows(sunspots.activity.view(), 10).unwrap();
    assert_eq!(w, np.windows_10);
    // NumPy's windows are a view whose two strides are both one element.
    assert_eq!(np.windows_10_strides, [8, 8]);
    // A read-only view may overlap itself; a mutable one may not.
    let mut values = sunspots.activity.to_vec();
    let overlapping = (300, 10).strides((1, 1));
    assert!(ndarray::ArrayView2::from_shape(overlapping, &values).is_ok());
    let overlapping = (300, 10).strides((1, 1));
    assert!(
        ndarray::ArrayViewMut2::from_shape(overlapping, &mut values).is_err()
    );
    assert!(sliding_windows(sunspots.activity.view(), 0).is_err());
    assert!(sliding_windows(sunspots.activity.view(), 310).is_err());
}
