//! `f32` versus `f64`: machine epsilon, the integers `f32` cannot hold, and how
//! rounding errors pile up in a long sum unless the additions are arranged
//! pairwise.

use chapter02::precision::{pairwise_sum, relative_error, running_sum};
use ndarray::Array1;

fn main() -> Result<(), support::Report> {
    support::output_part("epsilon");
    // ANCHOR: epsilon
    println!("f32::EPSILON = {:e}", f32::EPSILON); // np.finfo(np.float32).eps
    println!("f64::EPSILON = {:e}", f64::EPSILON); // np.finfo(np.float64).eps
    println!("0.1 + 0.2 == 0.3 in f64: {}", 0.1 + 0.2 == 0.3);
    println!("0.1 + 0.2 = {:.17}", 0.1 + 0.2);
    // 2^24: above it, f32 cannot count in steps of 1
    let big = 16_777_216.0_f32;
    println!("2^24 + 1 in f32 = {:.1}", big + 1.0);
    // ANCHOR_END: epsilon

    support::output_part("sums");
    // ANCHOR: sums
    let n = 10_000_000;
    let tenths_f32 = vec![0.1_f32; n];
    let tenths_f64 = vec![0.1_f64; n];
    let exact = n as f64 * 0.1; // the sum we meant: 1,000,000
    let report = |label: &str, sum: f64| {
        println!(
            "{label:<26} {sum:>17.6}   relative error {:.1e}",
            relative_error(sum, exact)
        );
    };
    report("f32, running sum", f64::from(running_sum(&tenths_f32)));
    report(
        "f32, ndarray .sum()",
        f64::from(Array1::from(tenths_f32.clone()).sum()),
    );
    report(
        "f32, pairwise (np.sum)",
        f64::from(pairwise_sum(&tenths_f32)),
    );
    report("f64, running sum", running_sum(&tenths_f64));
    report("f64, pairwise (np.sum)", pairwise_sum(&tenths_f64));
    // ANCHOR_END: sums
    Ok(())
}
