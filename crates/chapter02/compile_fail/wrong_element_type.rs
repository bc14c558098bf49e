//! Does not compile: the element type is part of an array's type, so a function
//! written for `f64` elements cannot be handed an array of `f32`.

use ndarray::Array1;

// ANCHOR: wrong_type
fn mean(x: &Array1<f64>) -> f64 {
    x.sum() / x.len() as f64
}

fn main() {
    let pixels = Array1::<f32>::zeros(64);
    println!("{}", mean(&pixels));
}
// ANCHOR_END: wrong_type
