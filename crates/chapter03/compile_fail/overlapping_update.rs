//! Does not compile: NumPy's `c[1:] += c[:-1]` written with two views of the
//! same array, one of them mutable, alive at the same time.

use ndarray::{Array1, s};

fn main() {
    // ANCHOR: overlap
    let mut c = Array1::from_iter((1..=5).map(f64::from));
    let mut rest = c.slice_mut(s![1..]);
    rest += &c.slice(s![..-1]);
    println!("{c}");
    // ANCHOR_END: overlap
}
