//! Project 3: every image operation equals NumPy's and scipy.ndimage's on
//! the cat photo, and convolution equals a direct loop.

use chapter12::Error;
use chapter12::imaging::*;
use ndarray::{Array2, ArrayView2, array, s};
use support::fixtures::{assert_allclose, load};

#[derive(serde::Deserialize)]
struct Reference {
    shape: Vec<usize>,
    sum: f64,
    sample: Vec<Vec<f64>>,
}

#[derive(serde::Deserialize)]
struct Scipy {
    gray: Reference,
    equalized: Reference,
    blurred: Reference,
    sobel_x: Reference,
    sobel_y: Reference,
    small: Reference,
}

/// Compares shape, sum and every 16th pixel, to a relative `rtol`.
#[track_caller]
fn check(actual: ArrayView2<'_, f64>, expected: &Reference, rtol: f64) {
    assert_eq!(actual.shape(), expected.shape.as_slice());
    assert_allclose(&[actual.sum()], &[expected.sum], rtol, 0.0);
    let sample = actual.slice(s![..;16, ..;16]);
    let flat: Vec<f64> = expected.sample.iter().flatten().copied().collect();
    assert_allclose(
        &Array2::from_shape_vec(sample.dim(), flat).unwrap(),
        &sample,
        rtol,
        1e-9,
    );
}

/// The "valid" convolution as four nested loops, straight from the formula.
fn direct(
    image: ArrayView2<'_, f64>,
    kernel: ArrayView2<'_, f64>,
) -> Array2<f64> {
    let (kh, kw) = kernel.dim();
    let (h, w) = (image.nrows() - kh + 1, image.ncols() - kw + 1);
    Array2::from_shape_fn((h, w), |(i, j)| {
        let mut sum = 0.0;
        for a in 0..kh {
            for b in 0..kw {
                sum += image[[i + a, j + b]] * kernel[[kh - 1 - a, kw - 1 - b]];
            }
        }
        sum
    })
}

fn photo() -> ndarray::Array3<u8> {
    read_rgb(&support::data::data_dir().join("chelsea.png")).unwrap()
}

#[test]
fn the_image_crate_reads_the_same_pixels_as_the_png_crate() {
    assert_eq!(photo(), support::data::load_chelsea().unwrap());
}

#[test]
fn every_operation_equals_numpy_and_scipy() {
    let scipy: Scipy = load(env!("CARGO_MANIFEST_DIR"), "image").unwrap();
    let gray = grayscale(photo().view()).unwrap();
    // Sums of 3 to 25 products in another order: rounding level.
    check(gray.view(), &scipy.gray, 1e-12);
    let equalized = equalize(to_u8(gray.view()).view()).unwrap();
    check(equalized.mapv(f64::from).view(), &scipy.equalized, 0.0);
    let blurred =
        convolve_windows(gray.view(), binomial_blur().view()).unwrap();
    check(blurred.view(), &scipy.blurred, 1e-12);
    let (sx, sy) = sobel();
    let both = convolve_im2col(gray.view(), &[sx.view(), sy.view()]).unwrap();
    check(both[0].view(), &scipy.sobel_x, 1e-12);
    check(both[1].view(), &scipy.sobel_y, 1e-12);
    check(
        downsample(gray.view(), 4).unwrap().view(),
        &scipy.small,
        1e-12,
    );
}

#[test]
fn convolution_equals_a_direct_loop() {
    let gray = grayscale(photo().slice(s![100..160, 200..290, ..])).unwrap();
    // An asymmetric kernel: a correlation (no flip) would fail.
    let kernel = array![[1.0, 2.0, 0.0], [-1.0, 0.5, 3.0]];
    let expected = direct(gray.view(), kernel.view());
    let windows = convolve_windows(gray.view(), kernel.view()).unwrap();
    let gemm = convolve_im2col(gray.view(), &[kernel.view()]).unwrap();
    assert_allclose(&windows, &expected, 1e-13, 0.0);
    assert_allclose(&gemm[0], &expected, 1e-13, 0.0);
}

#[test]
fn equalization_spreads_a_narrow_histogram() {
    let img = array![[10u8, 10, 11], [12, 12, 13]];
    // cdf = 2, 3, 5, 6 at 10..=13; cdf_min = 2: (c − 2) / 4 × 255.
    assert_eq!(
        equalize(img.view()).unwrap(),
        array![[0u8, 0, 64], [191, 191, 255]]
    );
    // cdf = 1, 2, 7; level 11 maps to 255 / 6 = 42.5, which NumPy's
    // np.round (ties to even) sends to 42, not 43.
    let tie = array![[10u8, 11, 12, 12, 12, 12, 12]];
    assert_eq!(
        equalize(tie.view()).unwrap(),
        array![[0u8, 42, 255, 255, 255, 255, 255]]
    );
}

#[test]
fn bad_input_is_an_error() {
    let img = Array2::<f64>::zeros((2, 2));
    assert!(matches!(
        convolve_windows(img.view(), binomial_blur().view()),
        Err(Error::Shape(_))
    ));
    assert!(matches!(
        downsample(img.view(), 3),
        Err(Error::Parameter(_))
    ));
    assert!(matches!(
        equalize(Array2::<u8>::ones((2, 2)).view()),
        Err(Error::Parameter(_))
    ));
}
