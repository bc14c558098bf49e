//! Moving data between a `Vec` and ndarray: wrapping a flat buffer and giving
//! it back cost nothing (the allocation is handed over), a view borrows a
//! slice, and only a `Vec<Vec<f64>>` must be copied, because its rows live in
//! separate allocations.

use chapter01::rows_to_array;
use ndarray::{Array2, ArrayView2, Axis};

fn main() -> Result<(), support::Report> {
    support::output_part("no_copy");
    // ANCHOR: no_copy
    let buffer: Vec<f64> = (1..=6).map(f64::from).collect();
    let address = buffer.as_ptr();
    // takes the Vec: no copy
    let matrix = Array2::from_shape_vec((2, 3), buffer)?;
    println!("owned (2, 3) array:\n{matrix:.1}");
    println!("same allocation as the Vec: {}", matrix.as_ptr() == address);

    let (back, offset) = matrix.into_raw_vec_and_offset(); // gives the Vec back
    println!("back to a Vec: {back:?}, offset {offset:?}");
    println!("same allocation again: {}", back.as_ptr() == address);

    // borrow the slice as (3, 2)
    let view = ArrayView2::from_shape((3, 2), &back)?;
    println!(
        "borrowed as (3, 2), row sums: {:.1}",
        view.sum_axis(Axis(1))
    );
    // ANCHOR_END: no_copy

    support::output_part("copy");
    // ANCHOR: copy
    let rows = vec![vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]];
    // checks the rows, then one copy into one buffer
    let copied = rows_to_array(&rows)?;
    println!(
        "from Vec<Vec<f64>>: shape {:?}, copied: {}",
        copied.shape(),
        copied.as_ptr() != rows[0].as_ptr()
    );
    // ANCHOR_END: copy
    Ok(())
}
