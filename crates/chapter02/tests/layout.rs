//! Memory layout: C and F order, strides, transposes, slices, `as_slice` and
//! reshapes. NumPy's strides and orders come from `tests/fixtures/layout.py`.

use chapter02::layout::{byte_strides, layout_summary, memory_positions};
use ndarray::{Array2, ErrorKind, Order, ShapeBuilder, s};
use support::fixtures::array2;

/// What NumPy gives in `tests/fixtures/layout.py` (`c` is
/// `np.arange(12, dtype=np.int32).reshape(3, 4)`).
#[derive(serde::Deserialize)]
struct NumPy {
    /// `np.zeros((3, 4), order='F').strides`
    f_order_3x4_f64_strides: Vec<isize>,
    /// `np.zeros((3, 4)).T.strides`
    transposed_3x4_f64_strides: Vec<isize>,
    /// `np.zeros((3, 4))[::-1].strides`
    reversed_3x4_f64_strides: Vec<isize>,
    /// `c[::-1].strides` and `c[::-1][0, 0]`
    reversed_3x4_i32_strides: Vec<isize>,
    reversed_first: i32,
    /// `np.arange(12).reshape((3, 4), order='F')` and its memory order
    #[serde(deserialize_with = "array2")]
    f_order_values: Array2<i32>,
    f_order_memory: Vec<i32>,
    /// `c.T.reshape(12)` and `c.T.reshape(12, order='F')`
    transposed_reshape_c: Vec<i32>,
    transposed_reshape_f: Vec<i32>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "layout").unwrap()
}

fn numbered() -> Array2<i32> {
    Array2::from_shape_vec((3, 4), (0..12).collect()).unwrap()
}

#[test]
fn c_and_f_order_differ_in_strides_and_memory_not_in_indexing() {
    let numpy = numpy();
    let c = numbered();
    let f = Array2::from_shape_vec((3, 4).f(), (0..12).collect::<Vec<i32>>())
        .unwrap();
    assert_eq!(c.strides(), &[4, 1]);
    assert_eq!(f.strides(), &[1, 3]);
    assert!(c.is_standard_layout());
    assert!(!f.is_standard_layout());
    // np.arange(12).reshape((3, 4), order='F'):
    // [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]]
    assert_eq!(f, numpy.f_order_values);
    assert_eq!(f.as_slice(), None);
    assert_eq!(f.as_slice_memory_order(), Some(&numpy.f_order_memory[..]));
    // np.zeros((3, 4), order='F').strides == (8, 24) for float64
    let fortran = Array2::<f64>::zeros((3, 4).f());
    assert_eq!(byte_strides(&fortran), numpy.f_order_3x4_f64_strides);
    assert_eq!(memory_positions(3, 4, true), f.mapv(|x| x as usize));
}

#[test]
fn transposes_swap_strides_and_keep_the_memory() {
    let c = numbered();
    let t = c.t();
    assert_eq!(t.shape(), &[4, 3]);
    assert_eq!(t.strides(), &[1, 4]);
    // np.zeros((3, 4)).T.strides == (8, 32) in bytes
    let zeros = Array2::<f64>::zeros((3, 4));
    assert_eq!(byte_strides(&zeros.t()), numpy().transposed_3x4_f64_strides);
    assert_eq!(t.as_ptr(), c.as_ptr());
    assert_eq!(t.as_slice(), None);
    assert!(t.as_slice_memory_order().is_some());
    let owned = c.clone().reversed_axes();
    assert_eq!(owned.strides(), &[1, 4]);
    assert_eq!(owned, c.t());
    assert!(owned.t().is_standard_layout());
}

#[test]
fn slices_with_steps_and_reversals_are_strided_views() {
    let numpy = numpy();
    let c = numbered();
    let every_other = c.slice(s![.., ..;2]);
    assert_eq!(every_other.strides(), &[4, 2]);
    assert!(every_other.as_slice_memory_order().is_none());
    let reversed = c.slice(s![..;-1, ..]);
    assert_eq!(reversed.strides(), &[-4, 1]);
    // c[::-1].strides == (-16, 4) for int32, (-32, 8) for float64
    assert_eq!(byte_strides(&reversed), numpy.reversed_3x4_i32_strides);
    let zeros = Array2::<f64>::zeros((3, 4));
    assert_eq!(
        byte_strides(&zeros.slice(s![..;-1, ..])),
        numpy.reversed_3x4_f64_strides
    );
    assert_eq!(reversed[[0, 0]], numpy.reversed_first); // 8
    assert_eq!(
        layout_summary(&reversed),
        "shape [3, 4], strides [-4, 1], standard: false, contiguous: true"
    );
}

#[test]
fn reshapes_are_views_when_the_order_allows_and_copies_or_errors_otherwise() {
    let c = numbered();
    let flat = c.to_shape(12).unwrap();
    assert!(flat.is_view());
    let numpy = numpy();
    let t = c.t();
    let flat_t = t.to_shape(12).unwrap();
    assert!(flat_t.is_owned()); // reading a.t() row by row needs a copy
    // c.T.reshape(12): [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]
    assert_eq!(flat_t.to_vec(), numpy.transposed_reshape_c);
    let flat_t_f = t.to_shape(((12,), Order::ColumnMajor)).unwrap();
    assert!(flat_t_f.is_view()); // column by column is memory order: no copy
    // c.T.reshape(12, order='F'): 0..12
    assert_eq!(flat_t_f.to_vec(), numpy.transposed_reshape_f);
    // into_shape_with_order refuses (rather than copies) a layout it cannot
    // reinterpret.
    let fortran = Array2::<f64>::zeros((3, 4).f());
    let err = fortran.into_shape_with_order(12).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::IncompatibleLayout);
    let err = c.to_shape((5, 2)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::IncompatibleShape);
}

#[test]
fn views_borrow_and_to_owned_copies() {
    let c = numbered();
    let view = c.view();
    assert_eq!(view.as_ptr(), c.as_ptr());
    let copy = view.to_owned();
    assert_ne!(copy.as_ptr(), c.as_ptr());
    assert_eq!(copy, c);
    let standard = c.as_standard_layout();
    assert!(standard.is_view());
    let t = c.t();
    let t_standard = t.as_standard_layout();
    assert!(t_standard.is_owned());
    assert_eq!(
        t_standard.as_slice().unwrap(),
        &[0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]
    );
}
