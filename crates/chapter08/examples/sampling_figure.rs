//! Histograms of 100,000 draws against the density (or probability) they
//! should follow: normal, exponential, binomial and Poisson (figure
//! `sampling_histograms.svg`).

use chapter08::density::{
    binomial_pmf, density_histogram, exponential_pdf, normal_pdf, poisson_pmf,
};
use ndarray::Array1;
use ndarray_rand::RandomExt;
use plotters::prelude::*;
use rand::SeedableRng;
use rand_distr::{Binomial, Exp, Normal, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;
use support::plot::{
    axis_label_style, caption_style, color, draw_svg_sized, tick_style,
};

/// One panel: bars (left edge, width, height) and a curve of points.
struct Panel {
    title: &'static str,
    bars: Vec<(f64, f64, f64)>,
    curve: Vec<(f64, f64)>,
    x_range: (f64, f64),
    /// The largest gap between a bar and the curve at the bar's centre.
    gap: f64,
}

fn largest_gap(bars: &[(f64, f64, f64)], curve: impl Fn(f64) -> f64) -> f64 {
    bars.iter()
        .map(|&(x, w, h)| (h - curve(x + w / 2.0)).abs())
        .fold(0.0, f64::max)
}

fn continuous(
    title: &'static str,
    samples: &[f64],
    (lo, hi): (f64, f64),
    density: impl Fn(f64) -> f64,
) -> Panel {
    let bins = 40;
    let width = (hi - lo) / bins as f64;
    let heights = density_histogram(samples, lo, hi, bins);
    let bars: Vec<_> = (0..bins)
        .map(|b| (lo + b as f64 * width, width, heights[b]))
        .collect();
    let gap = largest_gap(&bars, &density);
    let curve = (0..=200)
        .map(|i| lo + (hi - lo) * i as f64 / 200.0)
        .map(|x| (x, density(x)))
        .collect();
    Panel {
        title,
        bars,
        curve,
        x_range: (lo, hi),
        gap,
    }
}

fn discrete(
    title: &'static str,
    counts: &[u64],
    max_k: u64,
    pmf: impl Fn(u64) -> f64,
) -> Panel {
    let n = counts.len() as f64;
    let bars: Vec<_> = (0..=max_k)
        .map(|k| {
            let share = counts.iter().filter(|&&c| c == k).count() as f64 / n;
            (k as f64 - 0.4, 0.8, share)
        })
        .collect();
    let gap = largest_gap(&bars, |x| pmf(x.round() as u64));
    let curve = (0..=max_k).map(|k| (k as f64, pmf(k))).collect();
    let x_range = (-1.0, max_k as f64 + 1.0);
    Panel {
        title,
        bars,
        curve,
        x_range,
        gap,
    }
}

fn main() -> Result<(), support::Report> {
    // ANCHOR: draws
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2024);
    let n = 100_000;
    let normal = Array1::random_using(n, Normal::new(0.0, 1.0)?, &mut rng);
    let exp = Array1::random_using(n, Exp::new(1.5)?, &mut rng);
    let binomial = Array1::random_using(n, Binomial::new(12, 0.4)?, &mut rng);
    let poisson = Array1::random_using(n, Poisson::new(4.0)?, &mut rng)
        .mapv(|k: f64| k as u64);
    // ANCHOR_END: draws
    let panels = [
        continuous(
            "normal(0, 1)",
            normal.as_slice().ok_or("contiguous")?,
            (-4.0, 4.0),
            |x| normal_pdf(x, 0.0, 1.0),
        ),
        continuous(
            "exponential(1.5)",
            exp.as_slice().ok_or("contiguous")?,
            (0.0, 4.0),
            |x| exponential_pdf(x, 1.5),
        ),
        discrete(
            "binomial(12, 0.4)",
            binomial.as_slice().ok_or("contiguous")?,
            12,
            |k| binomial_pmf(k, 12, 0.4),
        ),
        discrete(
            "Poisson(4)",
            poisson.as_slice().ok_or("contiguous")?,
            14,
            |k| poisson_pmf(k, 4.0),
        ),
    ];
    let name = draw_svg_sized(
        "chapter08",
        "sampling_histograms.svg",
        (760, 560),
        |root| {
            let root = root.titled(
                "100,000 draws (bars) against the distribution (line)",
                caption_style(),
            )?;
            for (area, panel) in root.split_evenly((2, 2)).iter().zip(&panels) {
                let top = panel.bars.iter().map(|b| b.2).fold(0.0, f64::max);
                let top = panel.curve.iter().map(|p| p.1).fold(top, f64::max);
                let mut chart = ChartBuilder::on(area)
                    .caption(panel.title, axis_label_style())
                    .margin(10)
                    .x_label_area_size(30)
                    .y_label_area_size(50)
                    .build_cartesian_2d(
                        panel.x_range.0..panel.x_range.1,
                        0.0..top * 1.1,
                    )?;
                chart
                    .configure_mesh()
                    .label_style(tick_style())
                    .y_label_formatter(&|v| format!("{v:.2}"))
                    .draw()?;
                chart.draw_series(panel.bars.iter().map(|&(x, w, h)| {
                    Rectangle::new(
                        [(x, 0.0), (x + w, h)],
                        color(0).mix(0.45).filled(),
                    )
                }))?;
                chart.draw_series(LineSeries::new(
                    panel.curve.iter().copied(),
                    color(5).stroke_width(2),
                ))?;
                chart.draw_series(
                    panel
                        .curve
                        .iter()
                        .map(|&p| Circle::new(p, 2, color(5).filled())),
                )?;
            }
            Ok(())
        },
    )?;
    for panel in &panels {
        println!(
            "{:<18} largest bar-to-curve gap {:.4}",
            panel.title, panel.gap
        );
    }
    println!("figure: {name}");
    Ok(())
}
