//! `t()` is a view of the matrix, not a copy: while the view is in use the
//! matrix cannot be changed.
use ndarray::array;

fn main() {
    // ANCHOR: transpose_is_a_view
    let mut weights = array![[1.0, 2.0], [3.0, 4.0]];
    let transposed = weights.t(); // borrows `weights`
    weights[[0, 1]] = 20.0; // a write while the view is alive
    println!("{transposed}");
    // ANCHOR_END: transpose_is_a_view
}
