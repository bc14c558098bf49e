//! Does not compile: the number of axes is part of an array's type, so a
//! function written for a table (`Array2`, one row per sample) cannot be handed
//! a one-dimensional array by mistake.

use ndarray::{Array1, Array2, Axis};

// ANCHOR: wrong_dimension
/// The mean of each column of a table with one row per sample.
fn column_means(x: &Array2<f64>) -> Option<Array1<f64>> {
    x.mean_axis(Axis(0))
}

fn main() {
    // One feature for three samples: meant as a (3, 1) table.
    let heights = Array1::<f64>::from(vec![1.62, 1.75, 1.80]);
    println!("{:?}", column_means(&heights));
}
// ANCHOR_END: wrong_dimension
