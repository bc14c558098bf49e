//! `Zip` needs every operand to have the same dimension type: a table and a
//! vector do not compile together, however their lengths compare (does not
//! compile).

use ndarray::{Array1, Array2, Zip};

fn main() {
    // ANCHOR: zip_dimensions
    let mut table = Array2::<f64>::zeros((3, 4));
    let row = Array1::<f64>::ones(4);
    Zip::from(&mut table).and(&row).for_each(|t, &r| *t += r);
    // ANCHOR_END: zip_dimensions
}
