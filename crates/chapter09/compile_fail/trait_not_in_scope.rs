//! ndarray-linalg's methods come from traits: without importing the trait,
//! `a.svd(...)` is not found.

// ANCHOR: trait_not_in_scope
use ndarray::array;

fn main() {
    let a = array![[3.0, 1.0], [1.0, 2.0]];
    let (_, s, _) = a.svd(false, false).unwrap();
    println!("{s}");
}
// ANCHOR_END: trait_not_in_scope
