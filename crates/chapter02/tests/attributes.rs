//! Attributes: shape, ndim, size, element type and size, bytes, strides, emptiness.

use std::any::type_name;
use std::mem::size_of;

use chapter02::layout::byte_strides;
use ndarray::{Array2, Array3, Axis, Ix3};

#[test]
fn shape_ndim_len_and_axis_lengths() {
    let batch = Array3::<f32>::zeros((10, 8, 8));
    assert_eq!(batch.shape(), &[10, 8, 8]);
    assert_eq!(batch.dim(), (10, 8, 8));
    assert_eq!(batch.raw_dim(), Ix3(10, 8, 8));
    assert_eq!(batch.ndim(), 3);
    assert_eq!(batch.len(), 640); // NumPy's size, not len()
    assert_eq!(batch.len_of(Axis(0)), 10); // NumPy's len()
    assert!(!batch.is_empty());
    assert!(Array2::<f64>::zeros((0, 4)).is_empty());
    assert_eq!(Array2::<f64>::zeros((0, 4)).shape(), &[0, 4]);
}

#[test]
fn element_type_size_and_bytes_match_numpy() {
    assert_eq!(type_name::<f64>(), "f64");
    // np.dtype(np.float64).itemsize == 8, np.dtype(np.float32).itemsize == 4
    assert_eq!(size_of::<f64>(), 8);
    assert_eq!(size_of::<f32>(), 4);
    let table = Array2::<f64>::zeros((150, 4));
    // np.zeros((150, 4)).nbytes == 4800
    assert_eq!(table.len() * size_of::<f64>(), 4800);
    // np.zeros((150, 4)).strides == (32, 8)
    assert_eq!(table.strides(), &[4, 1]);
    assert_eq!(byte_strides(&table), vec![32, 8]);
    // np.zeros((10, 8, 8), dtype=np.float32).strides == (256, 32, 4)
    assert_eq!(
        byte_strides(&Array3::<f32>::zeros((10, 8, 8))),
        vec![256, 32, 4]
    );
}
