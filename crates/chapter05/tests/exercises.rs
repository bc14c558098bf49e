//! Runs every exercise solution with real values, against NumPy's answers from
//! `tests/fixtures/exercises.py`. Copies, tiles and patches move values
//! without arithmetic, so they are compared with `==`; the decade means are
//! sums NumPy adds in another order, so they are compared with `allclose`.

use chapter05::exercises::*;
use ndarray::{Array2, Axis, array};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    iris_head: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    iris_head_bias: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    digits_first_3_flat: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    small: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    tile_2_2: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    tile_1_3: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    repeat_rows_3: Array2<f64>,
    decade_means: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    image_7: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    patches_4: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    patches_2: Array2<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

#[test]
fn ex1_add_bias_column() {
    let np = numpy();
    let iris = support::load_iris().unwrap();
    let head = iris.features.slice(ndarray::s![..5, ..]);
    assert_eq!(head, np.iris_head);
    assert_eq!(add_bias_column(head), np.iris_head_bias);
    assert_eq!(add_bias_column(iris.features.view()).dim(), (150, 5));
}

#[test]
fn ex2_flatten_images() {
    let np = numpy();
    let digits = support::load_digits().unwrap();
    let x = digits.features.slice(ndarray::s![..3, ..]);
    let images = x.to_shape((3, 8, 8)).unwrap();
    assert_eq!(flatten_images(images.view()), np.digits_first_3_flat);
    // The same images stored column-major: the same rows come out.
    let mut f = ndarray::Array3::zeros(ndarray::ShapeBuilder::f((3, 8, 8)));
    f.assign(&images);
    assert_eq!(flatten_images(f.view()), np.digits_first_3_flat);
}

#[test]
fn ex3_tile() {
    let np = numpy();
    assert_eq!(tile(np.small.view(), (2, 2)), np.tile_2_2);
    assert_eq!(tile(np.small.view(), (1, 3)), np.tile_1_3);
    assert_eq!(tile(np.small.view(), (1, 1)), np.small);
}

#[test]
fn ex4_repeat_rows() {
    let np = numpy();
    assert_eq!(repeat_rows(np.small.view(), 3), np.repeat_rows_3);
    assert_eq!(repeat_rows(np.small.view(), 0).dim(), (0, 3));
}

#[test]
fn ex5_block_means_of_sunspots() {
    let np = numpy();
    let sunspots = support::load_sunspots_yearly().unwrap();
    let decades = block_means(sunspots.activity.view(), 10);
    // NumPy's mean adds ten values with another grouping: a few ulps apart.
    assert_allclose(&decades, &np.decade_means, 1e-13, 0.0);
    assert_eq!(
        block_means(array![1., 2., 3., 4., 5.].view(), 2),
        array![1.5, 3.5]
    );
    assert_eq!(block_means(array![1., 2.].view(), 3).len(), 0);
    // Period 0 makes no block: an empty result, not a division by zero.
    assert_eq!(block_means(array![1., 2.].view(), 0).len(), 0);
}

#[test]
fn ex6_image_patches_of_a_digit() {
    let np = numpy();
    let digits = support::load_digits().unwrap();
    let image = digits
        .features
        .row(7)
        .into_shape_with_order((8, 8))
        .unwrap();
    assert_eq!(image, np.image_7);
    assert_eq!(image_patches(image.view(), 4).unwrap(), np.patches_4);
    assert_eq!(image_patches(image.view(), 2).unwrap(), np.patches_2);
    // A transposed view works too: its patches are the image's, transposed.
    let t = image_patches(image.t(), 8).unwrap();
    assert_eq!(
        t.index_axis(Axis(0), 0),
        image.t().iter().copied().collect::<ndarray::Array1<f64>>()
    );
    assert!(image_patches(image.view(), 3).is_err());
}
