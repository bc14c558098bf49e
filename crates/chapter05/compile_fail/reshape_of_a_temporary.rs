//! `to_shape` borrows the array it reshapes: reshaping a temporary view (here
//! the one `t()` makes) leaves the result borrowing a value already dropped.
use ndarray::Array2;

fn main() {
    let x = Array2::<f64>::zeros((3, 4));
    // ANCHOR: reshape_of_a_temporary
    let flat = x.t().to_shape(12).expect("12 elements");
    println!("{flat}");
    // ANCHOR_END: reshape_of_a_temporary
}
