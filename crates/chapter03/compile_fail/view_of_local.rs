//! Does not compile: a function returns a slice of an array it made itself,
//! a view that would outlive its owner.

use ndarray::{Array2, ArrayView2, s};

// ANCHOR: view_of_local
fn head(n: usize) -> ArrayView2<'static, f64> {
    let table = Array2::from_shape_fn((100, 4), |(i, j)| (4 * i + j) as f64);
    table.slice(s![..n, ..])
}
// ANCHOR_END: view_of_local

fn main() {
    println!("{}", head(2));
}
