//! The hands-on: digits attributes, a copy-free 8 x 8 view, and the f32 conversion.

use std::mem::size_of;

use ndarray::s;

#[test]
fn digits_attributes_match_scikit_learn() {
    let digits = support::load_digits().expect("the digits dataset loads");
    let x = &digits.features;
    // sklearn.datasets.load_digits().data: shape (1797, 64), float64, nbytes 920064,
    // strides (512, 8)
    assert_eq!(x.shape(), &[1797, 64]);
    assert_eq!(x.len(), 115_008);
    assert_eq!(x.len() * size_of::<f64>(), 920_064);
    assert_eq!(chapter02::layout::byte_strides(x), vec![512, 8]);
    assert!(x.is_standard_layout());
}

#[test]
fn one_row_reshapes_to_an_image_without_copying() {
    let digits = support::load_digits().unwrap();
    let x = &digits.features;
    let image = x.row(0).into_shape_with_order((8, 8)).unwrap();
    assert_eq!(image.as_ptr(), x.as_ptr());
    // load_digits().images[0][0] == [0., 0., 5., 13., 9., 1., 0., 0.]
    assert_eq!(
        image.row(0).to_vec(),
        vec![0.0, 0.0, 5.0, 13.0, 9.0, 1.0, 0.0, 0.0]
    );
    assert_eq!(digits.target[0], 0);
    let batch = x
        .slice(s![..10, ..])
        .into_shape_with_order((10, 8, 8))
        .unwrap();
    assert_eq!(batch.strides(), &[64, 8, 1]);
}

#[test]
fn f32_halves_the_memory_and_keeps_every_pixel() {
    let digits = support::load_digits().unwrap();
    let x = &digits.features;
    let x32 = x.mapv(|v| v as f32);
    assert_eq!(x32.len() * size_of::<f32>(), 460_032);
    assert!(x32.iter().zip(x.iter()).all(|(&a, &b)| f64::from(a) == b));
    let bytes = chapter02::casting::to_u8_exact(x).expect("pixels are whole numbers 0..=16");
    assert_eq!(bytes.len() * size_of::<u8>(), 115_008);
}
