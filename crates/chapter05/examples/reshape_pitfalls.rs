//! The chapter's pitfalls, each with the real error and its fix: reshaping a
//! view that is not contiguous, taking `t()` (or `t().to_owned()`) for a
//! row-major copy, and reading the same numbers in the wrong axis order.

use chapter05::restructure::{ascii_image, describe};
use ndarray::{Array2, Order, ShapeBuilder, s};

fn main() -> Result<(), support::Report> {
    let digits = support::load_digits()?;
    let x = &digits.features;

    support::output_part("non_contiguous");
    // ANCHOR: non_contiguous
    // the left half (4 of 8 columns) of every digit image
    let images = x.view().into_shape_with_order((1797, 8, 8))?;
    let left = images.slice(s![.., .., ..4]);
    println!("left halves: {}", describe(&left));
    match left.into_shape_with_order((1797, 32)) {
        Ok(flat) => println!("reshaped: {:?}", flat.shape()),
        Err(e) => println!("into_shape_with_order: {e}"),
    }
    // the fix: to_shape copies when it must, and says so
    let flat = left.to_shape((1797, 32))?;
    println!("to_shape: {:?}, a view: {}", flat.shape(), flat.is_view());
    // ANCHOR_END: non_contiguous

    support::output_part("f_order_owned");
    // ANCHOR: f_order_owned
    // an owned array in column-major order, as from_shape_vec(.f()) makes
    let f = Array2::from_shape_vec((2, 3).f(), vec![1, 2, 3, 4, 5, 6])?;
    match f.clone().into_shape_with_order(6) {
        Ok(flat) => println!("flattened: {flat}"),
        Err(e) => println!("row-major: {e}"),
    }
    let flat = f.clone().into_shape_with_order((6, Order::ColumnMajor))?;
    println!("column-major: {flat}");
    // into_shape_clone: reshapes in place when it can, else copies; owned
    let ptr = f.as_ptr();
    let row_major = f.into_shape_clone(6)?;
    println!(
        "into_shape_clone: {row_major}, copied: {}",
        row_major.as_ptr() != ptr
    );
    // ANCHOR_END: f_order_owned

    support::output_part("t_to_owned");
    // ANCHOR: t_to_owned
    let w = Array2::from_shape_vec((2, 3), vec![1, 2, 3, 4, 5, 6])?;
    let copied = w.t().to_owned(); // a copy, but in column-major order
    println!("t().to_owned():          {}", describe(&copied));
    println!("as_slice(): {:?}", copied.as_slice());
    let c = w.t().as_standard_layout().into_owned(); // row-major
    println!("as_standard_layout():    {}", describe(&c));
    println!("as_slice(): {:?}", c.as_slice());
    // ANCHOR_END: t_to_owned

    support::output_part("axis_order");
    // ANCHOR: axis_order
    let row = x.row(7); // the 64 pixels of a 7, stored row by row
    let right = row.to_shape((8, 8))?;
    let wrong = row.to_shape(((8, 8), Order::ColumnMajor))?;
    println!("row-major reading:\n{}", ascii_image(right.view()));
    println!("column-major reading:\n{}", ascii_image(wrong.view()));
    println!("the wrong one is the transpose: {}", wrong == right.t());
    // ANCHOR_END: axis_order

    support::output_part("reshape_is_not_transpose");
    // ANCHOR: reshape_is_not_transpose
    let m = Array2::from_shape_vec((2, 3), vec![1, 2, 3, 4, 5, 6])?;
    println!("to_shape((3, 2)):\n{}", m.to_shape((3, 2))?);
    println!("t():\n{}", m.t());
    // ANCHOR_END: reshape_is_not_transpose
    Ok(())
}
