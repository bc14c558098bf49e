//! Memory layout: C and F order, strides, transposes, slices, `as_slice` and reshapes.

use chapter02::layout::{byte_strides, layout_summary, memory_positions};
use ndarray::{Array2, ErrorKind, Order, ShapeBuilder, array, s};

fn numbered() -> Array2<i32> {
    Array2::from_shape_vec((3, 4), (0..12).collect()).unwrap()
}

#[test]
fn c_and_f_order_differ_in_strides_and_memory_not_in_indexing() {
    let c = numbered();
    let f = Array2::from_shape_vec((3, 4).f(), (0..12).collect::<Vec<i32>>()).unwrap();
    assert_eq!(c.strides(), &[4, 1]);
    assert_eq!(f.strides(), &[1, 3]);
    assert!(c.is_standard_layout());
    assert!(!f.is_standard_layout());
    assert_eq!(f, array![[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]]);
    assert_eq!(f.as_slice(), None);
    assert_eq!(
        f.as_slice_memory_order(),
        Some(&(0..12).collect::<Vec<_>>()[..])
    );
    // np.zeros((3, 4), order='F').strides == (8, 24) for float64
    assert_eq!(byte_strides(&Array2::<f64>::zeros((3, 4).f())), vec![8, 24]);
    assert_eq!(memory_positions(3, 4, true), f.mapv(|x| x as usize));
}

#[test]
fn transposes_swap_strides_and_keep_the_memory() {
    let c = numbered();
    let t = c.t();
    assert_eq!(t.shape(), &[4, 3]);
    assert_eq!(t.strides(), &[1, 4]); // np.zeros((3, 4)).T.strides == (8, 32) in bytes
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
    let c = numbered();
    let every_other = c.slice(s![.., ..;2]);
    assert_eq!(every_other.strides(), &[4, 2]);
    assert!(every_other.as_slice_memory_order().is_none());
    let reversed = c.slice(s![..;-1, ..]);
    assert_eq!(reversed.strides(), &[-4, 1]); // a[::-1].strides == (-32, 8) for float64
    assert_eq!(reversed[[0, 0]], 8);
    assert_eq!(
        layout_summary(&reversed),
        "shape [3, 4], strides [-4, 1], standard layout: false, contiguous: true"
    );
}

#[test]
fn reshapes_are_views_when_the_order_allows_and_copies_or_errors_otherwise() {
    let c = numbered();
    let flat = c.to_shape(12).unwrap();
    assert!(flat.is_view());
    let t = c.t();
    let flat_t = t.to_shape(12).unwrap();
    assert!(flat_t.is_owned()); // reading a.t() row by row needs a copy
    assert_eq!(flat_t.to_vec(), vec![0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
    let flat_t_f = t.to_shape(((12,), Order::ColumnMajor)).unwrap();
    assert!(flat_t_f.is_view()); // column by column is memory order: no copy
    // into_shape_with_order refuses (rather than copies) a layout it cannot reinterpret.
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
