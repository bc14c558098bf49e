//! Descriptive statistics of one column of the wine data: mean, median,
//! variance and standard deviation with `ddof` 0 and 1, extremes and where
//! they are.

use chapter07::describe::{Method, quantile};
use ndarray_stats::QuantileExt;

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    support::output_part("basics");
    // ANCHOR: basics
    let alcohol = wine.features.column(0); // a view: nothing is copied
    let mean = alcohol.mean().ok_or("no wines")?; // None when empty
    let median = quantile(alcohol, 0.5, Method::Linear)?;
    println!(
        "n = {}, mean = {mean:.4}, median = {median:.4}",
        alcohol.len()
    );
    // ddof: divide the squared deviations by n - ddof
    println!("var(ddof=0) = {:.6}  (NumPy's default)", alcohol.var(0.0));
    println!("var(ddof=1) = {:.6}  (pandas' default)", alcohol.var(1.0));
    println!("std(ddof=0) = {:.6}", alcohol.std(0.0));
    println!("std(ddof=1) = {:.6}", alcohol.std(1.0));
    // ndarray-stats: Err for empty input or a NaN, instead of a panic
    let (min, max) = (alcohol.min()?, alcohol.max()?);
    let (argmin, argmax) = (alcohol.argmin()?, alcohol.argmax()?);
    println!("min = {min} at row {argmin}, max = {max} at row {argmax}");
    // ANCHOR_END: basics
    Ok(())
}
