//! Basic indexing and slicing: one element, rows and columns, `s![..]` with
//! ranges, steps and negative indices, writing through `slice_mut`,
//! `slice_move`, which slices an owned array without copying it, and NumPy's
//! `...` (Ellipsis), which ndarray spells with an axis number.
//!
//! Each part is a function that returns what it printed, so that
//! `tests/basics.rs` runs this very code and checks it against NumPy.

use ndarray::{Array1, Array2, Array3, ArrayView1, ArrayView2, Axis, Slice, s};

/// The array every part slices: 0 to 11 in a 3 x 4 grid.
pub fn elements() -> Array2<f64> {
    // ANCHOR: elements
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    println!("a =\n{a}");
    println!("a[[1, 2]] = {}", a[[1, 2]]); // NumPy: a[1, 2]
    println!("a.get((1, 2)) = {:?}", a.get((1, 2)));
    println!("a.get((3, 0)) = {:?}", a.get((3, 0))); // no row 3
    println!("a.row(1) = {}", a.row(1)); // NumPy: a[1]
    println!("a.column(2) = {}", a.column(2)); // NumPy: a[:, 2]
    println!("a.index_axis(Axis(1), 2) = {}", a.index_axis(Axis(1), 2));
    // ANCHOR_END: elements
    a
}

/// The slices of the listing: rows 1..3, the top-right corner, every other
/// column, the rows reversed, and the last two of the last column.
pub type Slices<'a> = ([ArrayView2<'a, f64>; 4], ArrayView1<'a, f64>);

pub fn slices(a: &Array2<f64>) -> Slices<'_> {
    // ANCHOR: slices
    let rows = a.slice(s![1..3, ..]); // NumPy: a[1:3]
    let corner = a.slice(s![..2, 2..]); // a[:2, 2:]
    let every_other = a.slice(s![.., ..;2]); // a[:, ::2]
    let last_two = a.slice(s![-2.., -1]); // a[-2:, -1], one axis fewer
    let flipped = a.slice(s![..;-1, ..]); // a[::-1]
    for (name, view) in [
        ("s![1..3, ..]", rows.view()),
        ("s![..2, 2..]", corner.view()),
        ("s![.., ..;2]", every_other.view()),
        ("s![..;-1, ..]", flipped.view()),
    ] {
        println!(
            "{name:<14} shape {:?} strides {:?}",
            view.shape(),
            view.strides()
        );
    }
    println!("s![-2.., -1]   {last_two} (shape {:?})", last_two.shape());
    println!("s![..;-1, ..] =\n{flipped}");
    // ANCHOR_END: slices
    ([rows, corner, every_other, flipped], last_two)
}

/// `b` after three writes through slices, and a grid written by column.
pub fn mutation() -> (Array1<f64>, Array2<f64>) {
    // ANCHOR: mutation
    let mut b = Array1::from_iter((0..6).map(f64::from));
    b.slice_mut(s![1..3]).fill(0.0); // NumPy: b[1:3] = 0
    println!("after fill:   {b}");
    b.slice_mut(s![3..])
        .assign(&Array1::from(vec![7.0, 8.0, 9.0]));
    println!("after assign: {b}"); // NumPy: b[3:] = [7, 8, 9]
    let mut tail = b.slice_mut(s![4..]);
    tail *= 10.0; // NumPy: b[4:] *= 10
    println!("after *= 10:  {b}");
    let mut grid = Array2::<f64>::zeros((3, 4));
    grid.column_mut(1).fill(1.0); // NumPy: grid[:, 1] = 1
    grid.slice_mut(s![.., ..;3]).fill(5.0); // grid[:, ::3] = 5
    println!("grid =\n{grid}");
    // ANCHOR_END: mutation
    (b, grid)
}

/// Three rows moved out of a 1000-row array, and whether they still sit
/// in its buffer.
pub fn slice_move() -> (Array2<f64>, bool) {
    // ANCHOR: slice_move
    let big = Array2::from_shape_fn((1000, 8), |(i, j)| (8 * i + j) as f64);
    let row_10 = big.row(10).as_ptr(); // where row 10 lives in memory
    let rows: Array2<f64> = big.slice_move(s![10..13, ..]); // consumes big
    println!("rows: shape {:?}, first {}", rows.shape(), rows[[0, 0]]);
    println!("still in big's buffer: {}", rows.as_ptr() == row_10);
    let copied = rows.slice(s![.., ..2]).to_owned(); // a real copy
    println!("copied:\n{copied}");
    println!("copied is in that buffer: {}", copied.as_ptr() == row_10);
    // ANCHOR_END: slice_move
    let in_buffer = rows.as_ptr() == row_10;
    (rows, in_buffer)
}

/// NumPy's `x[..., 0]` and `x[..., 1:]` on a 3-D array, the axis counted
/// from the end.
pub fn ellipsis() -> (Array2<f64>, Array3<f64>) {
    // ANCHOR: ellipsis
    // 2 sequences of 3 steps, 3 features per step: shape (2, 3, 3)
    let x = Array3::from_shape_fn((2, 3, 3), |(i, j, c)| {
        (100 * i + 10 * j + c) as f64
    });
    let last = Axis(x.ndim() - 1); // NumPy's -1
    let first_feature = x.index_axis(last, 0); // NumPy: x[..., 0]
    let other_features = x.slice_axis(last, Slice::from(1..)); // x[..., 1:]
    let core = x.slice_each_axis(|axis| match axis.axis.index() {
        0 => Slice::from(..), // keep every sequence: x[:, 1:-1, 1:-1]
        _ => Slice::new(1, Some(-1), 1), // 1:-1, one off each end
    });
    println!("x[..., 0] =\n{first_feature}");
    println!("x[..., 1:] shape {:?}", other_features.shape());
    println!("x[:, 1:-1, 1:-1] shape {:?}", core.shape());
    // ANCHOR_END: ellipsis
    (first_feature.to_owned(), other_features.to_owned())
}

#[allow(dead_code)] // `tests/basics.rs` includes this file and calls the parts
fn main() -> Result<(), support::Report> {
    support::output_part("elements");
    let a = elements();
    support::output_part("slices");
    slices(&a);
    support::output_part("mutation");
    mutation();
    support::output_part("slice_move");
    slice_move();
    support::output_part("ellipsis");
    ellipsis();
    Ok(())
}
