//! Draws the relative error of naive and pairwise `f32` sums of uniform
//! values against `n` (figure `f32_sum_errors.svg`).

use chapter07::select::splitmix_uniform;
use chapter07::stable::{naive_sum_f32, pairwise_sum_f32};
use plotters::prelude::*;
use support::plot::{draw_legend, draw_svg, lines_with_markers, log_log_chart};

fn main() -> Result<(), support::Report> {
    let values: Vec<f32> = splitmix_uniform(10_000_000)
        .iter()
        .map(|&v| v as f32)
        .collect();
    let mut naive = Vec::new();
    let mut pairwise = Vec::new();
    for k in 8..=28 {
        let n = 10f64.powf(f64::from(k) / 4.0).round() as usize;
        let x = &values[..n];
        let exact: f64 = x.iter().map(|&v| f64::from(v)).sum();
        let error = |s: f32| ((f64::from(s) - exact) / exact).abs().max(1e-10);
        naive.push((n as f64, error(naive_sum_f32(x))));
        pairwise.push((n as f64, error(pairwise_sum_f32(x))));
    }
    let name = draw_svg("chapter07", "f32_sum_errors.svg", |root| {
        let mut chart = log_log_chart(
            root,
            "Relative error of an f32 sum of n values",
            (50.0..2e7, "n (uniform values in [0, 100))"),
            (1e-10..1.0, "relative error"),
        )?;
        lines_with_markers(
            &mut chart,
            &[("running sum", &naive), ("pairwise", &pairwise)],
        )?;
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })?;
    let (n, e) = naive.last().ok_or("no sizes")?;
    let (_, p) = pairwise.last().ok_or("no sizes")?;
    println!("n = {n:.0e}: running sum {e:.1e}, pairwise {p:.1e}");
    println!("figure: {name}");
    Ok(())
}
