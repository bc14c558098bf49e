//! NumPy's `x > 0.5` is an element-wise comparison. ndarray has no comparison
//! operators between an array and a number (does not compile).

use ndarray::array;

fn main() {
    // ANCHOR: compare
    let x = array![0.2, 0.7, 0.9];
    let mask = &x > 0.5;
    // ANCHOR_END: compare
    println!("{mask:?}");
}
