//! Combining indexing methods on iris: rows by a mask, then columns by a list
//! of indices, in one expression; and a slice after a selection.

use chapter03::mask::{rows_where_copy, true_indices};
use ndarray::{Axis, s};

fn main() -> Result<(), support::Report> {
    let iris = support::data::load_iris()?;
    let x = iris.features; // sepal length, sepal width, petal length, width
    support::output_part("mask_then_columns");
    // ANCHOR: mask_then_columns
    let long_petals = x.column(2).mapv(|v| v > 5.0);
    // NumPy: x[long_petals][:, [0, 2]], or x[np.ix_(long_petals, [0, 2])]
    let chosen = x
        .select(Axis(0), &true_indices(long_petals.view()))
        .select(Axis(1), &[0, 2]);
    println!(
        "shape {:?}, first rows:\n{}",
        chosen.shape(),
        chosen.slice(s![..3, ..])
    );
    // ANCHOR_END: mask_then_columns

    support::output_part("mask_then_slice");
    // ANCHOR: mask_then_slice
    // NumPy: x[long_petals, 2:]: a contiguous range of columns is a slice
    let petals =
        rows_where_copy(x.view(), long_petals.view())?.slice_move(s![.., 2..]);
    println!(
        "shape {:?}, mean petal length {:.4}",
        petals.shape(),
        petals.column(0).mean().unwrap_or(f64::NAN)
    );
    // Or slice first (a free view), then mask: only 2 columns are copied
    let petals_first =
        rows_where_copy(x.slice(s![.., 2..]), long_petals.view())?;
    println!("same result: {}", petals == petals_first);
    // ANCHOR_END: mask_then_slice
    Ok(())
}
