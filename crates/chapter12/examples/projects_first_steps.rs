//! Chapter 12's first example: five evenly spaced values and their sum.

use ndarray::Array1;

fn main() {
    // ANCHOR: first_steps
    let x = Array1::linspace(0.0, 1.0, 5); // np.linspace(0.0, 1.0, 5)
    println!("x = {x}");
    println!("sum = {:.2}", x.sum());
    // ANCHOR_END: first_steps
}
