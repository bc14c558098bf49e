//! Basic indexing and slicing: one element, rows and columns, `s![..]` with
//! ranges, steps and negative indices, writing through `slice_mut`, and
//! `slice_move`, which slices an owned array without copying it.

use ndarray::{Array1, Array2, Axis, s};

fn main() -> Result<(), support::Report> {
    support::output_part("elements");
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

    support::output_part("slices");
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

    support::output_part("mutation");
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

    support::output_part("slice_move");
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
    Ok(())
}
