//! The hands-on: digits attributes, a copy-free 8 x 8 view, and the f32
//! conversion. scikit-learn's values come from `tests/fixtures/digits.py`.

use std::mem::size_of;

use ndarray::s;

/// What `sklearn.datasets.load_digits()` gives in `tests/fixtures/digits.py`.
#[derive(serde::Deserialize)]
struct Sklearn {
    /// `.data.shape`, `.size`, `.dtype`, `.itemsize`, `.nbytes`, `.strides`
    shape: Vec<usize>,
    size: usize,
    dtype: String,
    itemsize: usize,
    nbytes: usize,
    strides: Vec<isize>,
    /// `.data.flags.c_contiguous`: false, `.data` is a view ...
    c_contiguous: bool,
    /// ... of `.data.base`, the 1797 x 65 table of pixels and labels
    base_shape: Vec<usize>,
    /// `np.ascontiguousarray(.data).strides`
    contiguous_copy_strides: Vec<isize>,
    /// `.data.astype(np.float32).nbytes`, and whether it equals `.data`
    float32_nbytes: usize,
    float32_is_exact: bool,
    /// `.data.astype(np.uint8).nbytes`, and whether it equals `.data`
    uint8_nbytes: usize,
    uint8_is_exact: bool,
    /// `.data.max()`
    max: f64,
    /// `.images[0][0]`
    image0_row0: Vec<f64>,
    /// `.target[0]`
    target0: usize,
}

fn sklearn() -> Sklearn {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "digits").unwrap()
}

#[test]
fn digits_attributes_match_scikit_learn() {
    let sklearn = sklearn();
    let digits = support::load_digits().expect("the digits dataset loads");
    let x = &digits.features;
    // (1797, 64), float64, 115008 elements, 920064 bytes.
    assert_eq!(x.shape(), sklearn.shape);
    assert_eq!(x.len(), sklearn.size);
    assert_eq!(sklearn.dtype, "float64");
    assert_eq!(size_of::<f64>(), sklearn.itemsize);
    assert_eq!(x.len() * size_of::<f64>(), sklearn.nbytes);
    // The strides differ, and that is not a bug on either side. sklearn's array
    // is a view of the 1797 x 65 table it parsed (pixels, then the label), so
    // each row starts 65 * 8 = 520 bytes after the last: strides (520, 8). Our
    // loader builds a contiguous array, (512, 8) as bytes: what
    // np.ascontiguousarray gives.
    assert_eq!(sklearn.strides, [520, 8]);
    assert!(!sklearn.c_contiguous);
    let row_bytes = sklearn.base_shape[1] as isize * sklearn.itemsize as isize;
    assert_eq!(sklearn.strides[0], row_bytes);
    assert_eq!(chapter02::layout::byte_strides(x), vec![512, 8]);
    assert_eq!(
        chapter02::layout::byte_strides(x),
        sklearn.contiguous_copy_strides
    );
    assert!(x.is_standard_layout());
}

#[test]
fn one_row_reshapes_to_an_image_without_copying() {
    let sklearn = sklearn();
    let digits = support::load_digits().unwrap();
    let x = &digits.features;
    let image = x.row(0).into_shape_with_order((8, 8)).unwrap();
    assert_eq!(image.as_ptr(), x.as_ptr());
    // `==`: whole-number pixels. [0., 0., 5., 13., 9., 1., 0., 0.]
    assert_eq!(image.row(0).to_vec(), sklearn.image0_row0);
    assert_eq!(digits.target[0], sklearn.target0);
    let batch = x
        .slice(s![..10, ..])
        .into_shape_with_order((10, 8, 8))
        .unwrap();
    assert_eq!(batch.strides(), &[64, 8, 1]);
}

#[test]
fn f32_halves_the_memory_and_keeps_every_pixel() {
    let sklearn = sklearn();
    let digits = support::load_digits().unwrap();
    let x = &digits.features;
    let x32 = x.mapv(|v| v as f32);
    assert_eq!(x32.len() * size_of::<f32>(), sklearn.float32_nbytes); // 460032
    assert!(sklearn.float32_is_exact);
    assert!(x32.iter().zip(x.iter()).all(|(&a, &b)| f64::from(a) == b));
    assert_eq!(x.fold(f64::MIN, |m, &v| m.max(v)), sklearn.max); // 16
    let bytes = chapter02::casting::to_u8_exact(x)
        .expect("pixels are whole numbers 0..=16");
    assert!(sklearn.uint8_is_exact);
    assert_eq!(bytes.len() * size_of::<u8>(), sklearn.uint8_nbytes); // 115008
}
