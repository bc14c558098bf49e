//! Numerical stability: the textbook one-pass variance against two passes
//! and Welford's algorithm, and naive against pairwise `f32` sums.

use chapter07::select::splitmix_uniform;
use chapter07::stable::{
    Welford, naive_sum_f32, pairwise_sum_f32, textbook_variance,
    two_pass_variance,
};
use ndarray::ArrayView1;

fn main() -> Result<(), support::Report> {
    support::output_part("variance");
    // ANCHOR: variance
    // Four values around a billion; their variance is exactly 22.5.
    let x = [1e9 + 4.0, 1e9 + 7.0, 1e9 + 13.0, 1e9 + 16.0];
    println!("E[x^2] - E[x]^2: {}", textbook_variance(&x));
    println!("two passes:      {}", two_pass_variance(&x));
    let mut online = Welford::default();
    for &v in &x {
        online.push(v); // one value at a time, e.g. from a stream
    }
    println!("Welford:         {:?}", online.variance(0));
    // ANCHOR_END: variance

    support::output_part("sums");
    // ANCHOR: sums
    let values = splitmix_uniform(10_000_000); // uniform in [0, 100)
    let values_f32: Vec<f32> = values.iter().map(|&v| v as f32).collect();
    let header = ["n", "naive error", "pairwise error", "ndarray sum"];
    println!(
        "{:>10} {:>14} {:>14} {:>14}",
        header[0], header[1], header[2], header[3]
    );
    for n in [1_000, 100_000, 10_000_000] {
        let x = &values_f32[..n];
        // the reference: the same f32 values summed in f64 (error ~1e-13)
        let wide: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
        let exact = wide.iter().sum::<f64>();
        let error = |s: f32| ((f64::from(s) - exact) / exact).abs();
        println!(
            "{n:>10} {:>14.2e} {:>14.2e} {:>14.2e}",
            error(naive_sum_f32(x)),
            error(pairwise_sum_f32(x)),
            error(ArrayView1::from(x).sum())
        );
    }
    // ANCHOR_END: sums
    Ok(())
}
