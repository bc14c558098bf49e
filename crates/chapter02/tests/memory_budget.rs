//! The hands-on: MNIST stored as f32, f16, bf16 and u8. NumPy's and
//! scikit-learn's values come from `tests/fixtures/memory_budget.py` (NumPy
//! has no bfloat16, so bf16 is checked against its definition instead).

use std::mem::size_of;

use chapter02::storage::{
    class_centroids, labels_where, nearest_centroid, round_trip_error,
    rows_where,
};
use half::{bf16, f16};
use ndarray::{Array2, Axis};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct NumPy {
    float64: RoundTrip,
    float32: RoundTrip,
    float16: RoundTrip,
    uint8_nbytes: usize,
    /// `(np.arange(256) / 255.0).astype(np.float16).view(np.uint16)`
    float16_bits_of_k_over_255: Vec<u16>,
    /// `np.cumsum(X.astype(np.float16), dtype=np.float16)[-1]`
    float16_cumsum_last: f64,
    /// `X.astype(np.float16).sum(dtype=np.float64)` (pairwise)
    float16_sum_in_float64: f64,
    /// `X.sum()` (pairwise)
    sum: f64,
}

#[derive(serde::Deserialize)]
struct RoundTrip {
    nbytes: usize,
    max_abs: f64,
    max_rel: f64,
    /// `np.abs(back.mean(axis=0) - X.mean(axis=0)).max()`
    mean_image_error: f64,
    /// sklearn's `NearestCentroid`, trained on the rows `i % 5 != 0`
    accuracy: f64,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "memory_budget")
        .unwrap()
}

fn scaled_mnist() -> (Array2<f64>, ndarray::Array1<usize>) {
    let mnist = support::load_mnist_5k().expect("MNIST loads");
    (&mnist.features / 255.0, mnist.target)
}

fn check(x: &Array2<f64>, back: &Array2<f64>, numpy: &RoundTrip) {
    let y = scaled_mnist().1;
    // `==`: both sides take the same differences of the same values, and the
    // largest of them.
    let error = round_trip_error(x.view(), back.view());
    assert_eq!(error.max_abs, numpy.max_abs);
    assert_eq!(error.max_rel, numpy.max_rel);
    // Both add the rows in order and divide by 5000: `==`.
    let mean = back.mean_axis(Axis(0)).unwrap();
    let exact = x.mean_axis(Axis(0)).unwrap();
    let worst = (&mean - &exact)
        .mapv(f64::abs)
        .fold(0.0, |m: f64, &e| m.max(e));
    assert_eq!(worst, numpy.mean_image_error);
    // The same classifier as scikit-learn's NearestCentroid (Euclidean).
    let test = |i: usize| i.is_multiple_of(5);
    let train = |i: usize| !i.is_multiple_of(5);
    let centroids = class_centroids(
        rows_where(back.view(), train).view(),
        labels_where(y.view(), train).view(),
        10,
    );
    let predicted = nearest_centroid(
        centroids.view(),
        rows_where(back.view(), test).view(),
    );
    let truth = labels_where(y.view(), test);
    let correct = predicted.iter().zip(&truth).filter(|(p, t)| p == t).count();
    assert_eq!(correct as f64 / truth.len() as f64, numpy.accuracy);
}

#[test]
fn f32_and_f16_round_trips_match_numpy() {
    let numpy = numpy();
    let (x, _) = scaled_mnist();
    assert_eq!(x.len() * size_of::<f64>(), numpy.float64.nbytes);
    check(&x, &x, &numpy.float64);
    let as_f32 = x.mapv(|v| v as f32);
    assert_eq!(as_f32.len() * size_of::<f32>(), numpy.float32.nbytes);
    check(&x, &as_f32.mapv(f64::from), &numpy.float32);
    let as_f16 = x.mapv(f16::from_f64);
    assert_eq!(as_f16.len() * size_of::<f16>(), numpy.float16.nbytes);
    check(&x, &as_f16.mapv(f64::from), &numpy.float16);
    assert_eq!(x.len() * size_of::<u8>(), numpy.uint8_nbytes);
}

#[test]
fn f16_rounds_every_pixel_value_as_numpy_does() {
    let numpy = numpy();
    let bits: Vec<u16> = (0..256)
        .map(|k| f16::from_f64(f64::from(k) / 255.0).to_bits())
        .collect();
    assert_eq!(bits, numpy.float16_bits_of_k_over_255);
}

#[test]
fn bf16_keeps_8_significant_bits() {
    let (x, _) = scaled_mnist();
    let back = x.mapv(|v| f64::from(bf16::from_f64(v)));
    let error = round_trip_error(x.view(), back.view());
    // Rounding to 8 significant bits: relative error at most 2^-8 ...
    assert!(error.max_rel <= 2f64.powi(-8), "{}", error.max_rel);
    // ... and, for values below 1, absolute error at most 2^-9.
    assert!(error.max_abs <= 2f64.powi(-9), "{}", error.max_abs);
    // Whole numbers up to 256 are exact in bf16: the raw pixels survive.
    for k in 0..=255_u8 {
        assert_eq!(f32::from(bf16::from_f32(f32::from(k))), f32::from(k));
    }
}

#[test]
fn sums_in_16_bits_stall_where_numpy_says() {
    let numpy = numpy();
    let (x, _) = scaled_mnist();
    let as_f16 = x.mapv(f16::from_f64);
    // `==`: NumPy's float16 cumsum also rounds to f16 after every addition.
    let in_f16 = as_f16.iter().fold(f16::ZERO, |s, &v| s + v);
    assert_eq!(f64::from(in_f16), numpy.float16_cumsum_last); // 2048
    // The same values added in f64: NumPy adds pairwise, we in order, so
    // the last digits may differ; rtol 1e-12 is far below the effect shown.
    let in_f64 = as_f16.iter().fold(0.0, |s, &v| s + f64::from(v));
    let expected = [numpy.float16_sum_in_float64];
    assert_allclose(&[in_f64][..], &expected[..], 1e-12, 0.0);
    let exact = x.iter().fold(0.0, |s, &v| s + v);
    assert_allclose(&[exact][..], &[numpy.sum][..], 1e-12, 0.0);
    // bf16 has 8 significant bits: at 256 the spacing is 2, and adding a
    // value of at most 1 rounds back to 256.
    let in_bf16 = x
        .mapv(bf16::from_f64)
        .iter()
        .fold(bf16::ZERO, |s, &v| s + v);
    assert_eq!(f32::from(in_bf16), 256.0);
}
