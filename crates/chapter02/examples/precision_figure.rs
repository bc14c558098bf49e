//! Draws the relative error of summing `n` copies of 0.1 against `n`, for `f32`
//! and `f64`, with a running sum and with pairwise summation (figure
//! `precision_errors.svg`).

use chapter02::precision::{pairwise_sum, running_sum};
use plotters::prelude::*;
use support::plot::{draw_legend, draw_svg, lines_with_markers, log_log_chart};

/// The relative error of `sum`, a sum of `n` copies of the stored value `x`:
/// the exact result `n * x` is `product + low` (an error-free product, via a
/// fused multiply-add).
fn error_of(sum: f64, n: usize, x: f64) -> f64 {
    let product = n as f64 * x;
    let low = (n as f64).mul_add(x, -product);
    (((sum - product) - low) / product).abs()
}

fn main() -> Result<(), support::Report> {
    let sizes: Vec<usize> = (4..=28)
        .map(|k| 10f64.powf(k as f64 / 4.0).round() as usize)
        .collect();
    let mut series: [(&str, Vec<(f64, f64)>); 4] = [
        ("f32, running sum", vec![]),
        ("f32, pairwise", vec![]),
        ("f64, running sum", vec![]),
        ("f64, pairwise", vec![]),
    ];
    for &n in &sizes {
        let (v32, v64) = (vec![0.1_f32; n], vec![0.1_f64; n]);
        let x32 = f64::from(0.1_f32); // the value f32 actually stores
        let errors = [
            error_of(f64::from(running_sum(&v32)), n, x32),
            error_of(f64::from(pairwise_sum(&v32)), n, x32),
            error_of(running_sum(&v64), n, 0.1),
            error_of(pairwise_sum(&v64), n, 0.1),
        ];
        for ((_, points), error) in series.iter_mut().zip(errors) {
            if error > 0.0 {
                // an exact sum has no place on a log axis
                points.push((n as f64, error));
            }
        }
    }
    let name = draw_svg("chapter02", "precision_errors.svg", |root| {
        let mut chart = log_log_chart(
            root,
            "Relative error of summing n copies of 0.1",
            (8.0..1.3e7, "n (number of values summed)"),
            (1e-18..1.0, "relative error"),
        )?;
        lines_with_markers(&mut chart, &series)?;
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })?;
    for (label, points) in &series {
        let (n, error) = points.last().expect("sizes is not empty");
        println!("{label:<17} n = {n:.0e}: relative error {error:.1e}");
    }
    println!("figure: {name}");
    Ok(())
}
