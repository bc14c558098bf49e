//! Why the scale of random initial weights matters: push a batch through ten
//! layers and watch the activations' spread with N(0, 1), N(0, 0.01^2),
//! Xavier and He weights (figure `init_variance.svg`).

use chapter08::init::{he_normal, normal_init, xavier_uniform};
use ndarray::Array2;
use ndarray_rand::RandomExt;
use plotters::prelude::*;
use rand::SeedableRng;
use rand_distr::StandardNormal;
use rand_xoshiro::Xoshiro256PlusPlus;
use support::plot::{
    axis_label_style, caption_style, color, draw_legend, draw_svg, tick_style,
};

/// The root mean square of `x`: the spread of activations around 0.
fn rms(x: &Array2<f64>) -> f64 {
    (x.mapv(|v| v * v).mean().unwrap_or(0.0)).sqrt()
}

fn main() -> Result<(), support::Report> {
    // ANCHOR: layers
    let (width, depth, batch) = (256, 10, 512);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(10);
    let input: Array2<f64> =
        Array2::random_using((batch, width), StandardNormal, &mut rng);
    let schemes = ["N(0, 1)", "N(0, 0.01^2)", "Xavier uniform", "He normal"];
    let mut spreads = vec![vec![rms(&input)]; schemes.len()];
    for (s, spread) in spreads.iter_mut().enumerate() {
        let mut x = input.clone();
        for _ in 0..depth {
            let w = match s {
                0 => normal_init(width, width, 1.0, &mut rng)?,
                1 => normal_init(width, width, 0.01, &mut rng)?,
                2 => xavier_uniform(width, width, &mut rng)?,
                _ => he_normal(width, width, &mut rng)?,
            };
            x = x.dot(&w).mapv(|v| v.max(0.0)); // a ReLU layer
            spread.push(rms(&x));
        }
    }
    for (name, spread) in schemes.iter().zip(&spreads) {
        println!(
            "{name:<15} after 1, 5, 10 layers: {:9.3e} {:9.3e} {:9.3e}",
            spread[1], spread[5], spread[10]
        );
    }
    // ANCHOR_END: layers
    let name = draw_svg("chapter08", "init_variance.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption("Activation spread through ReLU layers", caption_style())
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(0.0..10.0, (1e-12..1e12).log_scale())?;
        chart
            .configure_mesh()
            .x_desc("layer")
            .y_desc("root mean square of the activations")
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0e}"))
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        for (i, (label, spread)) in schemes.iter().zip(&spreads).enumerate() {
            let style = color(i).stroke_width(2);
            let points = spread.iter().enumerate().map(|(l, &v)| (l as f64, v));
            chart
                .draw_series(LineSeries::new(points, style))?
                .label(*label)
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 20, y)], style)
                });
        }
        draw_legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })?;
    println!("figure: {name}");
    Ok(())
}
