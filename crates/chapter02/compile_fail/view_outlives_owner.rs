//! Does not compile: a view borrows the array it looks into, so it cannot
//! outlive it.

use ndarray::{Array2, ArrayView1};

fn main() {
    // ANCHOR: outlives
    let first_row: ArrayView1<f64>;
    {
        let table = Array2::<f64>::ones((3, 4));
        first_row = table.row(0);
    } // `table` is dropped here, and its buffer freed
    println!("{first_row}");
    // ANCHOR_END: outlives
}
