//! A bootstrap confidence interval on real data: the median disease
//! progression of the 442 diabetes patients, with 10,000 resamples, and the
//! bootstrap distribution as a figure (`bootstrap_median.svg`).

use chapter08::density::mean_and_variance;
use chapter08::resampling::{bootstrap, median, percentile_interval};
use plotters::prelude::*;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use support::plot::{
    axis_label_style, caption_style, color, draw_svg, tick_style,
};

fn main() -> Result<(), support::Report> {
    support::output_part("median");
    // ANCHOR: median
    let progression = support::data::load_diabetes()?.target;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(8);
    let medians = bootstrap(progression.view(), 10_000, median, &mut rng)?;
    let medians = medians.to_vec();
    let (lo, hi) = percentile_interval(&medians, 0.95)?;
    println!(
        "n = {}, median = {}",
        progression.len(),
        median(progression.view())
    );
    println!("95% bootstrap interval for the median: [{lo}, {hi}]");
    let mut distinct = medians.clone(); // how many different medians?
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    println!("distinct bootstrap medians: {}", distinct.len());
    // ANCHOR_END: median

    support::output_part("mean");
    // ANCHOR: mean
    // For the mean, theory gives an interval too: mean +- 1.96 s / sqrt(n).
    let mean = |x: ndarray::ArrayView1<'_, f64>| x.mean().unwrap_or(f64::NAN);
    let means = bootstrap(progression.view(), 10_000, mean, &mut rng)?.to_vec();
    let (lo, hi) = percentile_interval(&means, 0.95)?;
    let (m, var) = mean_and_variance(progression.as_slice().ok_or("strided")?);
    let se = (var / progression.len() as f64).sqrt();
    println!("bootstrap 95% interval for the mean: [{lo:.2}, {hi:.2}]");
    println!(
        "normal theory: [{:.2}, {:.2}]",
        m - 1.96 * se,
        m + 1.96 * se
    );
    let (_, boot_var) = mean_and_variance(&means);
    println!(
        "standard error: bootstrap {:.3}, s/sqrt(n) {se:.3}",
        boot_var.sqrt()
    );
    // ANCHOR_END: mean

    let name = draw_svg("chapter08", "bootstrap_median.svg", |root| {
        let (lo_x, hi_x) = (120.0, 165.0);
        let mut counts = vec![0u32; 90]; // bins of 0.5
        for &m in &medians {
            let bin = ((m - lo_x) / 0.5) as usize;
            if let Some(c) = counts.get_mut(bin) {
                *c += 1;
            }
        }
        let top = f64::from(*counts.iter().max().unwrap_or(&1));
        let mut chart = ChartBuilder::on(root)
            .caption(
                "Bootstrap distribution of the median progression",
                caption_style(),
            )
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(60)
            .build_cartesian_2d(lo_x..hi_x, 0.0..top * 1.1)?;
        chart
            .configure_mesh()
            .x_desc("median of a resample")
            .y_desc("resamples (of 10,000)")
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        chart.draw_series(counts.iter().enumerate().map(|(b, &c)| {
            let x = lo_x + b as f64 * 0.5;
            Rectangle::new(
                [(x, 0.0), (x + 0.5, f64::from(c))],
                color(0).filled(),
            )
        }))?;
        let (ci_lo, ci_hi) = percentile_interval(&medians, 0.95)?;
        for x in [ci_lo, ci_hi] {
            chart.draw_series(LineSeries::new(
                [(x, 0.0), (x, top * 1.05)],
                color(5).stroke_width(2),
            ))?;
        }
        Ok(())
    })?;
    println!("figure: {name}");
    Ok(())
}
