//! One-hot encoding, outer products, and a causal mask before a row-wise
//! softmax, each a column `(n, 1)` meeting a row `(1, m)`.

use chapter06::patterns::{causal_mask, one_hot, outer, softmax_rows};
use ndarray::{Array2, Axis, array};

fn main() -> Result<(), support::Report> {
    support::output_part("one_hot");
    // ANCHOR: one_hot
    let labels = support::load_wine()?.target; // (178,), classes 0, 1, 2
    let encoded = one_hot(labels.view(), 3)?; // (178, 3)
    println!("{:?} {}", encoded.shape(), encoded.sum_axis(Axis(0)));
    for i in [0, 59, 130] {
        println!("label {} -> {}", labels[i], encoded.row(i));
    }
    match one_hot(labels.view(), 2) {
        Ok(_) => println!("unexpected"),
        Err(error) => println!("error: {error}"),
    }
    // ANCHOR_END: one_hot

    support::output_part("outer");
    // ANCHOR: outer
    let a = array![1.0, 2.0, 3.0];
    let b = array![0.5, -1.0, 4.0, 2.0];
    println!("{}", outer(a.view(), b.view())); // (3, 1) * (1, 4)
    // ANCHOR_END: outer

    support::output_part("causal");
    // ANCHOR: causal
    let t = 5;
    // Scores of 5 queries against 5 keys: s[i, j] = 3 sin(i + 2 j).
    let scores = Array2::from_shape_fn((t, t), |(i, j)| {
        ((i + 2 * j) as f64).sin() * 3.0
    });
    let masked = &scores + &causal_mask(t); // -inf above the diagonal
    let weights = softmax_rows(masked.view());
    println!("{:.3}", weights);
    println!("{:.3}", weights.sum_axis(Axis(1)));
    // ANCHOR_END: causal
    Ok(())
}
