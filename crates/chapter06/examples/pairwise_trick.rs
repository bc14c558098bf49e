//! Pairwise distances between the 178 wines (raw units): the naive
//! broadcast, the `‖x‖² + ‖y‖² − 2 x·y` trick as usually written (negative
//! squared distances, NaN, non-zero self-distances), and the repaired trick.

use chapter06::distance::{pairwise_gemm, pairwise_naive, squared_gemm_raw};
use ndarray::{Array2, Axis};

/// The largest relative difference between `a` and `b` over the entries
/// where `b` is not zero.
fn max_relative(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    a.iter()
        .zip(b)
        .filter(|(_, b)| **b != 0.0)
        .map(|(a, b)| ((a - b) / b).abs())
        .fold(0.0, f64::max)
}

fn main() -> Result<(), support::Report> {
    let x = support::load_wine()?.features; // (178, 13), raw units

    support::output_part("naive");
    // ANCHOR: naive
    let naive = pairwise_naive(x.view(), x.view())?;
    let cube = x.nrows() * x.nrows() * x.ncols();
    println!(
        "intermediate (178, 178, 13): {cube} values, {} bytes",
        cube * 8
    );
    println!("distances {:?}", naive.shape());
    let diagonal = naive.diag();
    println!(
        "self-distances all zero: {}",
        diagonal.iter().all(|&d| d == 0.0)
    );
    // ANCHOR_END: naive

    support::output_part("trick");
    // ANCHOR: trick
    let sq = squared_gemm_raw(x.view(), x.view())?;
    let norms = x.map_axis(Axis(1), |r| r.dot(&r));
    let largest = norms.fold(0.0, |m: f64, &v| m.max(v));
    println!("largest ||x||^2: {largest:.1}");
    println!(
        "negative squared distances: {}",
        sq.iter().filter(|&&v| v < 0.0).count()
    );
    let trick = sq.mapv(f64::sqrt);
    println!(
        "NaN distances: {}",
        trick.iter().filter(|v| v.is_nan()).count()
    );
    let nonzero = sq.diag().iter().filter(|&&v| v != 0.0).count();
    println!("non-zero self-distances: {nonzero}");
    let clamped = sq.mapv(|v| v.max(0.0).sqrt());
    let worst_self = clamped.diag().fold(0.0, |m: f64, &v| m.max(v));
    println!("largest self-distance after clamping: {worst_self:.2e}");
    // ANCHOR_END: trick

    support::output_part("fixed");
    // ANCHOR: fixed
    let fixed = pairwise_gemm(x.view(), x.view())?;
    println!("NaN: {}", fixed.iter().filter(|v| v.is_nan()).count());
    println!(
        "self-distances all zero: {}",
        fixed.diag().iter().all(|&d| d == 0.0)
    );
    println!("vs naive: {:.1e}", max_relative(&fixed, &naive));
    println!("clamped vs naive: {:.1e}", max_relative(&clamped, &naive));
    // ANCHOR_END: fixed
    Ok(())
}
