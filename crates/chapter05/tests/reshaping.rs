//! The chapter's joins, splits, reshapes, transposes, new and removed axes,
//! tiles and repeats, each checked against NumPy's result for the same
//! operation on the same array (`tests/fixtures/reshaping.py`). Every value is
//! copied, never computed, so the comparisons are exact (`==`).

use chapter05::restructure::squeeze_axis;
use ndarray::{
    Array, Array1, Array2, ArrayD, Axis, IxDyn, Order, array, concatenate, s,
    stack,
};
use support::fixtures::array2;

#[derive(serde::Deserialize)]
struct Nd {
    shape: Vec<usize>,
    values: Vec<f64>,
}

impl Nd {
    fn array(&self) -> ArrayD<f64> {
        ArrayD::from_shape_vec(IxDyn(&self.shape), self.values.clone())
            .expect("the fixture's shape fits its values")
    }
}

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    concatenate_axis0: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    concatenate_axis1: Array2<f64>,
    stack_axis0: Nd,
    stack_axis2: Nd,
    hstack_1d: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    vstack_1d: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    column_stack_1d: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    split_top: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    split_bottom: Array2<f64>,
    array_split_sizes: Vec<usize>,
    chunks_of_4_sizes: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    reshape_c: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    reshape_f: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    transpose_reshape: Array2<f64>,
    reshape_minus_one: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    t: Array2<f64>,
    t_strides: Vec<isize>,
    transpose_201: Nd,
    transpose_201_strides: Vec<isize>,
    swapaxes_02: Nd,
    reversed_axes_strides: Vec<isize>,
    t_split_view: bool,
    t_split_strides: Vec<isize>,
    expand_dims_0: Vec<usize>,
    expand_dims_1: Vec<usize>,
    squeeze_shape: Vec<usize>,
    index_axis0_1: Vec<f64>,
    index_axis1_2: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    tile_row_3: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    tile_2_3: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    repeat_axis0: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    repeat_axis1: Array2<f64>,
    repeat_flat: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "reshaping").unwrap()
}

/// The fixture's arrays: `a` = 0..12 and `b` = 12..24 as 3 x 4, `c3` = 0..24
/// as 2 x 3 x 4, `x` = [1, 2, 3], `y` = [4, 5, 6].
fn inputs() -> (Array2<f64>, Array2<f64>, Array<f64, ndarray::Ix3>) {
    let a = Array::range(0., 12., 1.)
        .into_shape_with_order((3, 4))
        .unwrap();
    let b = Array::range(12., 24., 1.)
        .into_shape_with_order((3, 4))
        .unwrap();
    let c3 = Array::range(0., 24., 1.)
        .into_shape_with_order((2, 3, 4))
        .unwrap();
    (a, b, c3)
}

#[test]
fn joining_matches_numpy() {
    let np = numpy();
    let (a, b, _) = inputs();
    let ab = [a.view(), b.view()];
    assert_eq!(concatenate(Axis(0), &ab).unwrap(), np.concatenate_axis0);
    assert_eq!(concatenate(Axis(1), &ab).unwrap(), np.concatenate_axis1);
    assert_eq!(
        stack(Axis(0), &ab).unwrap().into_dyn(),
        np.stack_axis0.array()
    );
    assert_eq!(
        stack(Axis(2), &ab).unwrap().into_dyn(),
        np.stack_axis2.array()
    );
    let (x, y) = (array![1., 2., 3.], array![4., 5., 6.]);
    let xy = [x.view(), y.view()];
    // hstack of 1-D arrays joins along their one axis; vstack and
    // column_stack stack them as rows or columns.
    assert_eq!(concatenate(Axis(0), &xy).unwrap().to_vec(), np.hstack_1d);
    assert_eq!(stack(Axis(0), &xy).unwrap(), np.vstack_1d);
    assert_eq!(stack(Axis(1), &xy).unwrap(), np.column_stack_1d);
}

#[test]
fn splitting_matches_numpy_and_chunks_differ_from_array_split() {
    let np = numpy();
    let (a, _, _) = inputs();
    let (top, bottom) = a.view().split_at(Axis(0), 1);
    assert_eq!(top, np.split_top);
    assert_eq!(bottom, np.split_bottom);
    let series = Array1::range(0., 10., 1.);
    let chunk_sizes: Vec<usize> = series
        .axis_chunks_iter(Axis(0), 4)
        .map(|chunk| chunk.len())
        .collect();
    // Chunks of 4 and a shorter last one, like slicing every 4 in NumPy ...
    assert_eq!(chunk_sizes, np.chunks_of_4_sizes);
    // ... which is not np.array_split(x, 3): that spreads the remainder.
    assert_ne!(chunk_sizes, np.array_split_sizes);
}

#[test]
fn reshapes_match_numpy_in_both_orders() {
    let np = numpy();
    let (a, _, _) = inputs();
    let flat = Array1::range(0., 12., 1.);
    let c = flat.to_shape((2, 6)).unwrap();
    let f = flat.to_shape(((2, 6), Order::ColumnMajor)).unwrap();
    assert!(c.is_view() && f.is_view());
    assert_eq!(c, np.reshape_c);
    assert_eq!(f, np.reshape_f);
    // A transpose is not row-major: to_shape copies, as NumPy does silently,
    // and into_shape_with_order refuses.
    let at = a.t();
    let tr = at.to_shape((2, 6)).unwrap();
    assert!(!tr.is_view());
    assert_eq!(tr, np.transpose_reshape);
    assert!(a.t().into_shape_with_order((2, 6)).is_err());
    // NumPy's -1: the length the others leave.
    let rows = flat.len() / 3;
    assert_eq!(
        flat.to_shape((rows, 3)).unwrap().shape(),
        np.reshape_minus_one
    );
}

#[test]
fn transposes_and_permutations_match_numpy() {
    let np = numpy();
    let (a, _, c3) = inputs();
    assert_eq!(a.t(), np.t);
    assert_eq!(a.t().strides(), np.t_strides);
    let permuted = c3.view().permuted_axes([2, 0, 1]);
    assert_eq!(permuted.into_dyn(), np.transpose_201.array());
    assert_eq!(permuted.strides(), np.transpose_201_strides);
    let mut swapped = c3.view();
    swapped.swap_axes(0, 2);
    assert_eq!(swapped.into_dyn(), np.swapaxes_02.array());
    assert_eq!(c3.reversed_axes().strides(), np.reversed_axes_strides);
    // Splitting an axis of the transpose: to_shape gives NumPy's view;
    // into_shape_with_order refuses it, since the input is not row-major.
    let t = a.t();
    let split = t.to_shape((2, 2, 3)).unwrap();
    assert_eq!(split.is_view(), np.t_split_view);
    assert_eq!(split.strides(), np.t_split_strides);
    assert!(t.into_shape_with_order((2, 2, 3)).is_err());
}

#[test]
fn new_and_removed_axes_match_numpy() {
    let np = numpy();
    let (a, _, _) = inputs();
    let x = array![1., 2., 3.];
    assert_eq!(x.view().insert_axis(Axis(0)).shape(), np.expand_dims_0);
    assert_eq!(x.view().insert_axis(Axis(1)).shape(), np.expand_dims_1);
    assert_eq!(x.slice(s![.., ndarray::NewAxis]).shape(), np.expand_dims_1);
    // ndarray's squeeze (ArrayD only) agrees with NumPy's while an axis of
    // length above 1 remains; on all-ones shapes it keeps one axis.
    let ones = ArrayD::<f64>::zeros(IxDyn(&[1, 3, 1, 4]));
    assert_eq!(ones.squeeze().shape(), np.squeeze_shape);
    assert_eq!(ArrayD::<f64>::zeros(IxDyn(&[1, 1])).squeeze().shape(), [1]);
    // squeeze_axis: NumPy's squeeze(axis=k), an error where NumPy raises.
    let b = ndarray::Array3::<f64>::zeros((1, 3, 4));
    assert_eq!(squeeze_axis(b.view(), Axis(0)).unwrap().shape(), [3, 4]);
    assert!(squeeze_axis(b.view(), Axis(1)).is_err());
    assert!(squeeze_axis(b.view(), Axis(3)).is_err());
    let picked = a.view().insert_axis(Axis(1));
    assert_eq!(squeeze_axis(picked, Axis(1)).unwrap(), a);
    assert_eq!(a.index_axis(Axis(0), 1).to_vec(), np.index_axis0_1);
    assert_eq!(a.index_axis(Axis(1), 2).to_vec(), np.index_axis1_2);
    assert_eq!(a.row(1).to_vec(), np.index_axis0_1);
}

#[test]
fn tiles_and_repeats_match_numpy() {
    let np = numpy();
    let x = array![1., 2., 3.];
    let small = array![[1., 2.], [3., 4.]];
    // np.tile(x, (3, 1)): broadcast the row, then copy.
    assert_eq!(x.broadcast((3, 3)).unwrap().to_owned(), np.tile_row_3);
    // np.tile(small, (2, 3)): (2, 2) -> (1, 2, 1, 2) -> (2, 2, 3, 2).
    let tile = small
        .view()
        .insert_axis(Axis(0))
        .insert_axis(Axis(2))
        .broadcast((2, 2, 3, 2))
        .unwrap()
        .to_shape((4, 6))
        .unwrap()
        .into_owned();
    assert_eq!(tile, np.tile_2_3);
    // np.repeat(small, 2, axis=0): (2, 2) -> (2, 1, 2) -> (2, 2, 2).
    let rep = small
        .view()
        .insert_axis(Axis(1))
        .broadcast((2, 2, 2))
        .unwrap()
        .to_shape((4, 2))
        .unwrap()
        .into_owned();
    assert_eq!(rep, np.repeat_axis0);
    // np.repeat(small, 2, axis=1): (2, 2) -> (2, 2, 1) -> (2, 2, 2).
    let rep1 = small
        .view()
        .insert_axis(Axis(2))
        .broadcast((2, 2, 2))
        .unwrap()
        .to_shape((2, 4))
        .unwrap()
        .into_owned();
    assert_eq!(rep1, np.repeat_axis1);
    // np.repeat(x, 2): each element twice.
    let twice = x
        .view()
        .insert_axis(Axis(1))
        .broadcast((3, 2))
        .unwrap()
        .iter()
        .copied()
        .collect::<Vec<f64>>();
    assert_eq!(twice, np.repeat_flat);
}
