//! A running total updated from a parallel loop: every thread would write
//! the same variable at once (a data race), and rayon's closures are `Fn`,
//! so the compiler refuses.

use ndarray::Array1;
use ndarray::parallel::prelude::*;

fn main() {
    let x = Array1::linspace(0.0, 1.0, 1000);
    // ANCHOR: shared_total
    let mut total = 0.0;
    x.par_iter().for_each(|v| total += v);
    // ANCHOR_END: shared_total
    println!("{total}");
}
