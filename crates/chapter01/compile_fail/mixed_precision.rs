//! Does not compile: ndarray adds two arrays only when their element types are
//! the same, and NumPy's silent promotion of float32 to float64 is not done for
//! you.

use ndarray::{Array1, array};

fn main() {
    // ANCHOR: mixed
    let weights: Array1<f64> = array![0.5, 0.25, 0.25];
    let pixels: Array1<f32> = array![0.1, 0.2, 0.3];
    let scores = &weights + &pixels;
    // ANCHOR_END: mixed
    println!("{scores}");
}
