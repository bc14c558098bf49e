//! Attributes: shape, ndim, size, element type and size, bytes, strides,
//! emptiness. NumPy's values come from `tests/fixtures/attributes.py`.

use std::any::type_name;
use std::mem::size_of;

use chapter02::layout::byte_strides;
use ndarray::{Array2, Array3, Axis, Ix3};

/// What NumPy reports in `tests/fixtures/attributes.py`.
#[derive(serde::Deserialize)]
struct NumPy {
    /// `np.dtype(np.float64).itemsize`
    float64_itemsize: usize,
    /// `np.dtype(np.float32).itemsize`
    float32_itemsize: usize,
    /// `np.zeros((10, 8, 8), dtype=np.float32)`
    batch_10x8x8_f32: Attributes,
    /// `np.zeros((150, 4))`
    table_150x4_f64: Attributes,
    /// `np.zeros((0, 4))`
    empty_0x4_f64: Attributes,
}

/// `a.shape`, `a.ndim`, `a.size`, `len(a)`, `a.itemsize`, `a.nbytes`,
/// `a.strides`.
#[derive(serde::Deserialize)]
struct Attributes {
    shape: Vec<usize>,
    ndim: usize,
    size: usize,
    len: usize,
    itemsize: usize,
    nbytes: usize,
    strides: Vec<isize>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "attributes").unwrap()
}

#[test]
fn shape_ndim_len_and_axis_lengths() {
    let numpy = numpy();
    let expected = &numpy.batch_10x8x8_f32;
    let batch = Array3::<f32>::zeros((10, 8, 8));
    assert_eq!(batch.shape(), expected.shape);
    assert_eq!(batch.dim(), (10, 8, 8));
    assert_eq!(batch.raw_dim(), Ix3(10, 8, 8));
    assert_eq!(batch.ndim(), expected.ndim);
    assert_eq!(batch.len(), expected.size); // NumPy's size (640), not len()
    assert_eq!(batch.len_of(Axis(0)), expected.len); // NumPy's len() (10)
    assert!(!batch.is_empty());
    let empty = Array2::<f64>::zeros((0, 4));
    assert!(empty.is_empty());
    assert_eq!(empty.shape(), numpy.empty_0x4_f64.shape);
    assert_eq!(empty.len(), numpy.empty_0x4_f64.size);
}

#[test]
fn element_type_size_and_bytes_match_numpy() {
    let numpy = numpy();
    assert_eq!(type_name::<f64>(), "f64");
    assert_eq!(size_of::<f64>(), numpy.float64_itemsize); // 8
    assert_eq!(size_of::<f32>(), numpy.float32_itemsize); // 4
    let table = Array2::<f64>::zeros((150, 4));
    let expected = &numpy.table_150x4_f64;
    assert_eq!(table.shape(), expected.shape);
    assert_eq!(size_of::<f64>(), expected.itemsize);
    assert_eq!(table.len() * size_of::<f64>(), expected.nbytes); // 4800
    // ndarray counts strides in elements, NumPy in bytes: (32, 8).
    assert_eq!(table.strides(), &[4, 1]);
    assert_eq!(byte_strides(&table), expected.strides);
    let batch = Array3::<f32>::zeros((10, 8, 8));
    let expected = &numpy.batch_10x8x8_f32;
    assert_eq!(batch.len() * size_of::<f32>(), expected.nbytes);
    assert_eq!(byte_strides(&batch), expected.strides); // (256, 32, 4)
    assert_eq!(size_of::<f32>(), expected.itemsize);
}
