//! ndarray-stats' quantiles need elements that are `Ord`; `f64` is only
//! `PartialOrd` (NaN compares with nothing), so this does not compile.

use ndarray::{Array1, array};
use ndarray_stats::Quantile1dExt;
use ndarray_stats::interpolate::Linear;
use noisy_float::types::n64;

fn main() {
    // ANCHOR: quantile_of_f64
    let mut x: Array1<f64> = array![7.0, 1.0, 3.0, 9.0];
    let median = x.quantile_mut(n64(0.5), &Linear);
    // ANCHOR_END: quantile_of_f64
    println!("{median:?}");
}
