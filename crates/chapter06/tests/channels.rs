//! Batches of images: the digits as `(n, 8, 8)` against NumPy
//! (`tests/fixtures/channels.py`), and per-channel normalisation of the
//! chelsea photograph in HWC and NCHW layouts.

use chapter06::BroadcastError;
use chapter06::channels::{channel_stats, normalise_hwc, normalise_nchw};
use ndarray::{Array1, Array2, Array3, Axis, array, s};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    shape: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    mean_image: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    centred_first: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    per_image_first: Array2<f64>,
}

#[test]
fn digit_batches_match_numpy() {
    let numpy: NumPy =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "channels")
            .unwrap();
    let digits = support::load_digits().unwrap();
    let n = digits.features.nrows();
    let images: Array3<f64> =
        digits.features.into_shape_with_order((n, 8, 8)).unwrap();
    assert_eq!(images.shape(), numpy.shape.as_slice());
    // Means of whole numbers in a different order of additions: rtol 1e-14.
    let mean_image = images.mean_axis(Axis(0)).unwrap();
    assert_allclose(&mean_image, &numpy.mean_image, 1e-14, 0.0);
    let centred = &images - &mean_image;
    assert_allclose(
        &centred.slice(s![0, .., ..]),
        &numpy.centred_first,
        1e-13,
        1e-13,
    );
    let flat = images.to_shape((n, 64)).unwrap();
    let mu = flat
        .mean_axis(Axis(1))
        .unwrap()
        .into_shape_with_order((n, 1, 1));
    let sd = flat.std_axis(Axis(1), 0.0).into_shape_with_order((n, 1, 1));
    let per_image = (&images - &mu.unwrap()) / &sd.unwrap();
    assert_allclose(
        &per_image.slice(s![0, .., ..]),
        &numpy.per_image_first,
        1e-13,
        1e-13,
    );
}

#[test]
fn chelsea_channels_normalise_to_zero_mean_unit_std() {
    let cat = support::load_chelsea().unwrap().mapv(f64::from);
    let (mean, std) = channel_stats(cat.view()).unwrap();
    // Direct loops over every pixel as the reference.
    for c in 0..3 {
        let channel = cat.slice(s![.., .., c]);
        let m = channel.sum() / channel.len() as f64;
        let v =
            channel.mapv(|p| (p - m) * (p - m)).sum() / channel.len() as f64;
        assert!((mean[c] - m).abs() < 1e-9 && (std[c] - v.sqrt()).abs() < 1e-9);
    }
    let z = normalise_hwc(cat.view(), &mean, &std).unwrap();
    let (m2, s2) = channel_stats(z.view()).unwrap();
    assert_allclose(&m2, &Array1::zeros(3), 0.0, 1e-12);
    assert_allclose(&s2, &Array1::ones(3), 1e-12, 0.0);
    // The NCHW batch of one image gives the same numbers, axes permuted.
    let batch = cat
        .view()
        .permuted_axes([2, 0, 1])
        .insert_axis(Axis(0))
        .to_owned(); // (1, 3, 300, 451)
    let zb = normalise_nchw(batch.view(), &mean, &std).unwrap();
    assert_eq!(zb.index_axis(Axis(0), 0).permuted_axes([1, 2, 0]), z);
    assert_eq!(
        normalise_hwc(cat.view(), &array![1.0, 2.0], &std).unwrap_err(),
        BroadcastError::Channels {
            expected: 3,
            found: 2
        }
    );
}
