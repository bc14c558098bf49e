//! Monte Carlo integration of e^x over [0, 1): the estimate and its 95%
//! interval, the 1/sqrt(N) error (figure `monte_carlo_error.svg`),
//! antithetic variates, and parallel workers on ChaCha12 streams.

use chapter08::montecarlo::{
    integrate, integrate_antithetic, integrate_parallel,
};
use plotters::prelude::*;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use support::plot::{
    axis_label_style, caption_style, color, draw_legend, draw_svg, tick_style,
};

fn main() -> Result<(), support::Report> {
    support::output_part("estimate");
    // ANCHOR: estimate
    let exact = std::f64::consts::E - 1.0; // the integral of e^x on [0, 1)
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(8);
    let est = integrate(f64::exp, 10_000, &mut rng)?;
    let (lo, hi) = est.interval(1.96);
    println!("estimate {:.5} +- {:.5} (se)", est.mean, est.std_error);
    println!("95% interval [{lo:.5}, {hi:.5}], exact {exact:.5}");
    // ANCHOR_END: estimate

    support::output_part("convergence");
    // ANCHOR: convergence
    let sizes = [100, 1_000, 10_000, 100_000, 1_000_000];
    let mut rows = Vec::new(); // (N, |error| plain, se plain, se antithetic)
    for &n in &sizes {
        let plain = integrate(f64::exp, n, &mut rng)?;
        let anti = integrate_antithetic(f64::exp, n, &mut rng)?;
        let error = (plain.mean - exact).abs();
        rows.push((n, error, plain.std_error, anti.std_error));
        println!(
            "N {n:>9}  |error| {error:.1e}  se {:.1e}  antithetic se {:.1e}",
            plain.std_error, anti.std_error
        );
    }
    // ANCHOR_END: convergence
    let name = draw_svg("chapter08", "monte_carlo_error.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption("Monte Carlo error against N", caption_style())
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(
                (50.0..2e6).log_scale(),
                (1e-6..1e-1).log_scale(),
            )?;
        chart
            .configure_mesh()
            .x_desc("N, evaluations of f")
            .y_desc("error of the estimate of the integral")
            .x_label_formatter(&|v| format!("{v:.0e}"))
            .y_label_formatter(&|v| format!("{v:.0e}"))
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        let series: [(&str, Vec<(f64, f64)>); 3] = [
            (
                "|error|, plain",
                rows.iter().map(|r| (r.0 as f64, r.1)).collect(),
            ),
            (
                "standard error, plain",
                rows.iter().map(|r| (r.0 as f64, r.2)).collect(),
            ),
            (
                "standard error, antithetic",
                rows.iter().map(|r| (r.0 as f64, r.3)).collect(),
            ),
        ];
        for (i, (label, points)) in series.into_iter().enumerate() {
            let style = color(i).stroke_width(2);
            chart
                .draw_series(LineSeries::new(points.clone(), style))?
                .label(label)
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 20, y)], style)
                });
            chart.draw_series(
                points.iter().map(|&p| Circle::new(p, 4, style.filled())),
            )?;
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })?;
    println!("figure: {name}");

    support::output_part("antithetic");
    // ANCHOR: antithetic
    // The same 100,000 evaluations of f, plain and antithetic.
    let plain = integrate(f64::exp, 100_000, &mut rng)?;
    let anti = integrate_antithetic(f64::exp, 100_000, &mut rng)?;
    println!("plain      {:.6} +- {:.6}", plain.mean, plain.std_error);
    println!("antithetic {:.6} +- {:.6}", anti.mean, anti.std_error);
    let ratio = (plain.std_error / anti.std_error).powi(2);
    println!("variance reduced {ratio:.0}-fold at equal cost");
    // ANCHOR_END: antithetic

    support::output_part("parallel");
    // ANCHOR: parallel
    let four = integrate_parallel(f64::exp, 250_000, 4, 42)?;
    let again = integrate_parallel(f64::exp, 250_000, 4, 42)?;
    println!(
        "4 workers: {:.6} +- {:.6}, rerun identical: {}",
        four.mean,
        four.std_error,
        four == again
    );
    // ANCHOR_END: parallel
    Ok(())
}
