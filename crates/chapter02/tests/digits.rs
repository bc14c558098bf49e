//! scikit-learn's digits are a strided view of a wider table; the support
//! crate's copy is contiguous. scikit-learn's values come from
//! `tests/fixtures/digits.py`.

use std::mem::size_of;

/// What `sklearn.datasets.load_digits()` gives in `tests/fixtures/digits.py`.
#[derive(serde::Deserialize)]
struct Sklearn {
    /// `.data.shape`, `.dtype`, `.itemsize`, `.nbytes`, `.strides`
    shape: Vec<usize>,
    dtype: String,
    itemsize: usize,
    nbytes: usize,
    strides: Vec<isize>,
    /// `.data.flags`: not C-contiguous, and not the owner of its data ...
    c_contiguous: bool,
    owndata: bool,
    /// ... which is `.data.base`, the 1797 x 65 table of pixels and labels
    base_shape: Vec<usize>,
    /// `np.ascontiguousarray(.data).strides`
    contiguous_copy_strides: Vec<isize>,
}

#[test]
fn digits_are_a_strided_view_in_scikit_learn_and_contiguous_here() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let sklearn: Sklearn = support::fixtures::load(dir, "digits").unwrap();
    let digits = support::load_digits().expect("the digits dataset loads");
    let x = &digits.features;
    // (1797, 64), float64, 920064 bytes.
    assert_eq!(x.shape(), sklearn.shape);
    assert_eq!(sklearn.dtype, "float64");
    assert_eq!(size_of::<f64>(), sklearn.itemsize);
    assert_eq!(x.len() * size_of::<f64>(), sklearn.nbytes);
    // sklearn's array is a view of the 1797 x 65 table it parsed (pixels,
    // then the label), so each row starts 65 * 8 = 520 bytes after the last.
    assert_eq!(sklearn.strides, [520, 8]);
    assert!(!sklearn.c_contiguous && !sklearn.owndata);
    let row_bytes = sklearn.base_shape[1] as isize * sklearn.itemsize as isize;
    assert_eq!(sklearn.strides[0], row_bytes);
    // Our loader builds a contiguous array: (512, 8) as bytes, what
    // np.ascontiguousarray gives.
    assert_eq!(chapter02::layout::byte_strides(x), vec![512, 8]);
    assert_eq!(
        chapter02::layout::byte_strides(x),
        sklearn.contiguous_copy_strides
    );
    assert!(x.is_standard_layout());
}
