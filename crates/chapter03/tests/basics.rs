//! The chapter's examples `indexing_basics` and `indexing_views`, run here
//! (each part is a function that returns what it printed) and checked
//! against NumPy (`tests/fixtures/basics.py`): slices, their strides and
//! their memory, assignments through slices, Ellipsis, the overlapping and
//! the disjoint updates, and negative steps. Every value is a small whole
//! number, so `==` throughout.

use ndarray::{Array1, Array2, Array3, s};
use support::fixtures::array2;

#[path = "../examples/indexing_basics.rs"]
mod basics;
#[path = "../examples/indexing_views.rs"]
mod views;

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    a: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    rows_1_3: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    corner: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    every_other_column: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    flipped_rows: Array2<f64>,
    last_two_of_last_column: Vec<f64>,
    /// NumPy's strides divided by the item size (8 bytes).
    strides_every_other_column: Vec<isize>,
    strides_flipped_rows: Vec<isize>,
    b_after_assignments: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    grid: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    images_first_feature: Array2<f64>,
    images_other_features: Vec<Vec<Vec<f64>>>,
    overlap: Vec<f64>,
    multi_slice: Vec<f64>,
    v_rev: Vec<i64>,
    v_rev_2: Vec<i64>,
    v_2_8_then_rev_2: Vec<i64>,
    v_1_end_then_rev_2: Vec<i64>,
    v_0_9_then_rev_2: Vec<i64>,
    numpy_v_8_2_step_neg2: Vec<i64>,
    numpy_v_1_step_neg2: Vec<i64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "basics").unwrap()
}

#[test]
fn slices_are_numpys_views() {
    let numpy = numpy();
    let a = basics::elements();
    assert_eq!(a, numpy.a);
    let ([rows, corner, every_other, flipped], last_two) = basics::slices(&a);
    assert_eq!(rows, numpy.rows_1_3);
    assert_eq!(corner, numpy.corner);
    assert_eq!(every_other, numpy.every_other_column);
    assert_eq!(flipped, numpy.flipped_rows);
    assert_eq!(last_two.to_vec(), numpy.last_two_of_last_column);
    assert_eq!(every_other.strides(), &numpy.strides_every_other_column[..]);
    assert_eq!(flipped.strides(), &numpy.strides_flipped_rows[..]);
    // Views into a's memory: no copy. A negative step starts at the last
    // element of the range.
    assert_eq!(rows.as_ptr(), a.row(1).as_ptr());
    assert_eq!(flipped.as_ptr(), a.row(2).as_ptr());
}

#[test]
fn assignment_through_slices() {
    let numpy = numpy();
    let (b, grid) = basics::mutation();
    assert_eq!(b.to_vec(), numpy.b_after_assignments);
    assert_eq!(grid, numpy.grid);
}

#[test]
fn slice_move_keeps_the_buffer() {
    let (rows, in_buffer) = basics::slice_move();
    assert!(in_buffer);
    assert_eq!(rows.shape(), &[3, 8]);
    assert_eq!(rows[[0, 0]], 80.0);
}

#[test]
fn ellipsis_is_the_last_axis() {
    let numpy = numpy();
    let (first, others) = basics::ellipsis();
    assert_eq!(first, numpy.images_first_feature);
    let flat: Vec<f64> = numpy.images_other_features.concat().concat();
    assert_eq!(others, Array3::from_shape_vec((2, 3, 2), flat).unwrap());
}

#[test]
fn views_write_through_and_selections_copy() {
    let numpy = numpy();
    let (b, picked) = views::view_or_copy();
    assert_eq!(b.to_vec(), vec![0.0, -1.0, -1.0, 3.0, 4.0, 5.0]);
    assert_eq!(picked.to_vec(), vec![99.0, 99.0]);
    assert_eq!(views::overlap().to_vec(), numpy.overlap);
    assert_eq!(views::multi_slice().to_vec(), numpy.multi_slice);
}

#[test]
fn negative_steps_take_the_range_first() {
    let numpy = numpy();
    let v = Array1::from_iter(0..10_i64);
    assert_eq!(v.slice(s![..;-1]).to_vec(), numpy.v_rev);
    assert_eq!(v.slice(s![..;-2]).to_vec(), numpy.v_rev_2);
    // ndarray's s![a..b;-k] is NumPy's v[a:b][::-k] ...
    assert_eq!(v.slice(s![2..8;-2]).to_vec(), numpy.v_2_8_then_rev_2);
    assert_eq!(v.slice(s![1..;-2]).to_vec(), numpy.v_1_end_then_rev_2);
    assert_eq!(v.slice(s![..9;-2]).to_vec(), numpy.v_0_9_then_rev_2);
    // ... not NumPy's v[b:a:-k], which starts from its first bound.
    assert_ne!(v.slice(s![2..8;-2]).to_vec(), numpy.numpy_v_8_2_step_neg2);
    assert_ne!(v.slice(s![1..;-2]).to_vec(), numpy.numpy_v_1_step_neg2);
    // NumPy's v[8:2:-2] = [8, 6, 4] in ndarray: the range 3..9, from its end.
    assert_eq!(v.slice(s![3..9;-2]).to_vec(), numpy.numpy_v_8_2_step_neg2);
}
