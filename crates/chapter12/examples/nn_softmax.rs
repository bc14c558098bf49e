//! Why the softmax subtracts the largest logit: the textbook formula
//! overflows to `inf / inf = NaN` on large logits, the shifted one does not.

use ndarray::array;

fn main() {
    // ANCHOR: softmax
    let z = array![1000.0, 1001.0, 1002.0];
    let e = z.mapv(f64::exp); // e^1000 overflows: inf
    println!("naive:  {:.4}", &e / e.sum());
    let max = z.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    let e = z.mapv(|v| (v - max).exp()); // e^-2, e^-1, e^0
    println!("stable: {:.4}", &e / e.sum());
    // ANCHOR_END: softmax
}
