//! Does not compile: `a + b` on owned arrays consumes `a` (its buffer is reused
//! for the result), so `a` cannot be used afterwards. `&a + &b` borrows both
//! and allocates.

use ndarray::array;

fn main() {
    // ANCHOR: consumed
    let a = array![1.0, 2.0, 3.0];
    let b = array![10.0, 20.0, 30.0];
    let sum = a + b;
    println!("{a} + {sum}");
    // ANCHOR_END: consumed
}
