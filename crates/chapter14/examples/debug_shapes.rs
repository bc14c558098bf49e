//! The debugging clinic's shape bugs, each run for real: a `dot` of two
//! arrays whose inner dimensions differ, a broadcast of per-row values
//! against the columns, `into_shape_with_order` on a transposed view, and a
//! mean over the wrong axis (loud on a rectangle, silent on a square). Each
//! broken line is followed by its fix from `chapter14::debug`.

use chapter14::debug::{
    centre_rows, flatten, panic_message, quiet_panics, scores, standardise,
};
use ndarray::{Array2, Axis, array};

fn main() {
    quiet_panics();
    support::output_part("dot");
    // ANCHOR: dot
    // 4 samples of 3 features, and 2 weight vectors of 3 features each.
    let x = Array2::from_shape_fn((4, 3), |(i, j)| (i + j) as f64);
    let w = array![[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]];
    println!(
        "x.dot(&w) panics:\n{}",
        panic_message(|| {
            let _ = x.dot(&w); // (4, 3) @ (2, 3): the inner 3 and 2 differ
        })
    );
    let s = scores(x.view(), w.view()).expect("3 features each");
    println!("scores(x, w) = x.dot(&w.t()), shape {:?}:\n{s}", s.shape());
    if let Err(e) = scores(x.view(), x.t()) {
        println!("scores(x, x.t()): {e}");
    }
    // ANCHOR_END: dot

    support::output_part("broadcast");
    // ANCHOR: broadcast
    let row_means = x.mean_axis(Axis(1)).expect("4 rows"); // shape (4,)
    println!(
        "&x - &row_means panics:\n{}",
        panic_message(|| {
            let _ = &x - &row_means; // (4, 3) - (4,): a (4,) lines up with columns
        })
    );
    let centred = centre_rows(x.view()).expect("4 rows");
    println!("centre_rows(x), means as a (4, 1) column:\n{centred}");
    // ANCHOR_END: broadcast

    support::output_part("reshape");
    // ANCHOR: reshape
    let t = x.t(); // a (3, 4) view of x's memory, read in column order
    match t.into_shape_with_order(12) {
        Ok(v) => println!("reshaped: {v}"),
        Err(e) => println!("x.t().into_shape_with_order(12):\n  Err({e})"),
    }
    println!("flatten(x.t()) = {}", flatten(x.t()));
    // ANCHOR_END: reshape

    support::output_part("axis");
    // ANCHOR: axis
    // Features are columns, so their means run down Axis(0). With Axis(1)
    // a 4 x 3 table fails loudly...
    let by_sample = x.mean_axis(Axis(1)).expect("4 rows");
    println!(
        "(&x - &means over Axis(1)) panics:\n{}",
        panic_message(|| {
            let _ = &x - &by_sample;
        })
    );
    // ...but a 3 x 3 one broadcasts the 3 sample means as if they were
    // feature means, and prints a plausible, wrong table.
    let square =
        array![[1.0, 10.0, 100.0], [2.0, 20.0, 200.0], [3.0, 30.0, 300.0]];
    let wrong = &square - &square.mean_axis(Axis(1)).expect("3 rows");
    println!("square minus its means over Axis(1):\n{wrong}");
    let right = standardise(square.view()).expect("3 rows");
    println!("standardise(square), means over Axis(0):\n{right:.3}");
    // ANCHOR_END: axis
}
