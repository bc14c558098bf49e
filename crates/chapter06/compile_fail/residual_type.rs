//! A `(n,)` target minus an `(n, 1)` prediction is an `(n, n)` matrix. NumPy
//! returns it silently; in Rust the result's type is `Array2`, so code that
//! expects one residual per sample does not compile.

use ndarray::{Array1, array};

fn main() {
    // ANCHOR: residual
    let y = array![1.0, 2.0, 3.0, 4.0]; // (4,)
    let pred = array![[1.5], [2.0], [2.5], [4.0]]; // (4, 1)
    let residual: Array1<f64> = &y - &pred;
    // ANCHOR_END: residual
    println!("{residual}");
}
