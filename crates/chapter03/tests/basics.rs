//! Slicing, assignment through slices, negative steps and overlapping updates
//! agree with NumPy (`tests/fixtures/basics.py`). Every value is a small whole
//! number, so `==` throughout.

use ndarray::{Array1, Array2, s};
use support::fixtures::array2;

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

fn a() -> Array2<f64> {
    Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64)
}

#[test]
fn slices_are_numpys() {
    let numpy = numpy();
    let a = a();
    assert_eq!(a, numpy.a);
    assert_eq!(a.slice(s![1..3, ..]), numpy.rows_1_3);
    assert_eq!(a.slice(s![..2, 2..]), numpy.corner);
    assert_eq!(a.slice(s![.., ..;2]), numpy.every_other_column);
    assert_eq!(a.slice(s![..;-1, ..]), numpy.flipped_rows);
    assert_eq!(
        a.slice(s![-2.., -1]).to_vec(),
        numpy.last_two_of_last_column
    );
    assert_eq!(
        a.slice(s![.., ..;2]).strides(),
        &numpy.strides_every_other_column[..]
    );
    assert_eq!(
        a.slice(s![..;-1, ..]).strides(),
        &numpy.strides_flipped_rows[..]
    );
}

#[test]
fn slices_are_views_into_the_same_memory() {
    let a = a();
    assert_eq!(a.slice(s![1..3, ..]).as_ptr(), a.row(1).as_ptr());
    // A negative step starts at the last element of the range.
    assert_eq!(a.slice(s![..;-1, ..]).as_ptr(), a.row(2).as_ptr());
}

#[test]
fn assignment_through_slices() {
    let numpy = numpy();
    let mut b = Array1::from_iter((0..6).map(f64::from));
    b.slice_mut(s![1..3]).fill(0.0);
    b.slice_mut(s![3..])
        .assign(&Array1::from(vec![7.0, 8.0, 9.0]));
    let mut tail = b.slice_mut(s![4..]);
    tail *= 10.0;
    assert_eq!(b.to_vec(), numpy.b_after_assignments);

    let mut grid = Array2::<f64>::zeros((3, 4));
    grid.column_mut(1).fill(1.0);
    grid.slice_mut(s![.., ..;3]).fill(5.0);
    assert_eq!(grid, numpy.grid);
}

#[test]
fn overlapping_and_disjoint_updates() {
    let numpy = numpy();
    let mut c = Array1::from_iter((1..=5).map(f64::from));
    let previous = c.slice(s![..-1]).to_owned();
    let mut rest = c.slice_mut(s![1..]);
    rest += &previous;
    assert_eq!(c.to_vec(), numpy.overlap);

    let mut x = Array1::from_iter((0..6).map(f64::from));
    let (mut left, mut right) = x.multi_slice_mut((s![..3], s![3..]));
    left.zip_mut_with(&right, |l, r| *l += r);
    right.fill(0.0);
    assert_eq!(x.to_vec(), numpy.multi_slice);
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

#[test]
fn slice_move_keeps_the_buffer() {
    let big = Array2::from_shape_fn((1000, 8), |(i, j)| (8 * i + j) as f64);
    let row_10 = big.row(10).as_ptr();
    let rows = big.slice_move(s![10..13, ..]);
    assert_eq!(rows.as_ptr(), row_10);
    assert_eq!(rows.shape(), &[3, 8]);
    assert_eq!(rows[[0, 0]], 80.0);
}
