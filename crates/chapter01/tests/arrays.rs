//! Real datasets as arrays (shapes, layouts, strides, views that do not copy),
//! and the numbers the pitfalls example prints: `f32` accumulation error and
//! integer means. scikit-learn's values come from `tests/fixtures/arrays.py`.

use ndarray::{Array1, Axis, s};

/// What scikit-learn gives in `tests/fixtures/arrays.py`.
#[derive(serde::Deserialize)]
struct Digits {
    /// `load_digits().images[0][0]`
    image0_row0: Vec<f64>,
    /// `load_digits().images[0][:, 2]`
    image0_column2: Vec<f64>,
    /// `load_digits().target[:10]`
    target_first10: Vec<usize>,
    /// `load_digits().data[0].mean()`
    data0_mean: f64,
    /// `load_digits().data.mean(axis=1)[0]`
    row_means_first: f64,
}

fn sklearn() -> Digits {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "arrays").unwrap()
}

#[test]
fn iris_is_one_row_major_buffer() {
    let iris = support::load_iris().unwrap();
    let x = &iris.features;
    assert_eq!(x.shape(), &[150, 4]);
    assert!(x.is_standard_layout());
    assert_eq!(x.strides(), &[4, 1]);
    assert_eq!(size_of_val(x.as_slice().unwrap()), 4800);
    assert_eq!(iris.target_names[iris.target[0]], "setosa");
}

#[test]
fn a_digit_row_is_an_8x8_image_and_ten_rows_a_batch_without_copies() {
    let sklearn = sklearn();
    let digits = support::load_digits().unwrap();
    let image = digits
        .features
        .row(0)
        .into_shape_with_order((8, 8))
        .unwrap();
    // `==`: whole-number pixels, parsed exactly on both sides.
    assert_eq!(image.row(0).to_vec(), sklearn.image0_row0);
    assert_eq!(image.column(2).to_vec(), sklearn.image0_column2);
    // a view of the same memory
    assert_eq!(image.as_ptr(), digits.features.as_ptr());

    let batch = digits
        .features
        .slice(s![..10, ..])
        .into_shape_with_order((10, 8, 8))
        .unwrap();
    assert_eq!(batch.shape(), &[10, 8, 8]);
    assert_eq!(batch.strides(), &[64, 8, 1]);
    assert_eq!(batch[[3, 2, 5]], digits.features[[3, 2 * 8 + 5]]);
    assert_eq!(batch.as_ptr(), digits.features.as_ptr());
    assert_eq!(
        digits.target.slice(s![..10]).to_vec(),
        sklearn.target_first10
    );
}

#[test]
fn f32_accumulates_error_that_f64_does_not() {
    let n = 10_000_000;
    let sum_f64 = Array1::<f64>::from_elem(n, 0.1).sum();
    assert!((sum_f64 - 1e6).abs() < 1e-4, "{sum_f64}");
    let tenths_f32 = Array1::<f32>::from_elem(n, 0.1);
    // ndarray keeps eight partial sums; a plain loop keeps one and drifts
    // further.
    assert_eq!(tenths_f32.sum(), 1_010_791.75);
    let plain: f32 = tenths_f32.iter().fold(0.0, |acc, &x| acc + x);
    assert_eq!(plain, 1_087_937.0);
}

#[test]
fn the_mean_of_an_integer_array_is_truncated() {
    let sklearn = sklearn();
    let digits = support::load_digits().unwrap();
    let pixels = digits.features.row(0).to_owned();
    // `==`: 64 whole numbers sum exactly in any order, and 294 / 64 is exact.
    assert_eq!(pixels.mean(), Some(sklearn.data0_mean)); // 4.59375
    assert_eq!(pixels.mapv(|v| v as i64).mean(), Some(4));
    assert_eq!(
        digits.features.mean_axis(Axis(1)).unwrap()[0],
        sklearn.row_means_first,
        "the same, for every image at once"
    );
}
