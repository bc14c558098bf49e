//! What an ill-conditioned system does to the answer: Hilbert matrices of
//! growing order, their condition numbers and the error of `solve`
//! (and the figure `hilbert_error.svg`).

use chapter09::conditioning::{condition_number, hilbert};
use ndarray::Array1;
use ndarray_linalg::{Norm, Solve};
use plotters::prelude::*;
use support::plot::{
    axis_label_style, caption_style, draw_legend, draw_svg, lines_with_markers,
    tick_style,
};

fn main() -> Result<(), support::Report> {
    // ANCHOR: hilbert_table
    let mut points = Vec::new();
    println!(" n   cond(H)    error of x   residual   cond·ε");
    for n in 2..=14 {
        let h = hilbert(n);
        let truth = Array1::<f64>::ones(n); // we know the answer...
        let b = h.dot(&truth); // ...so we can measure the error
        let x = h.solve(&b)?;
        let err = (&x - &truth).norm_l2() / truth.norm_l2();
        let res = (h.dot(&x) - &b).norm_l2() / b.norm_l2();
        let cond = condition_number(h.view())?;
        println!(
            "{n:2}  {cond:9.2e}  {err:9.1e}  {res:9.1e}  {:9.1e}",
            cond * f64::EPSILON
        );
        points.push((n as f64, cond, err.max(1e-17)));
    }
    // ANCHOR_END: hilbert_table
    let name = draw_svg("chapter09", "hilbert_error.svg", |root| {
        let mut chart = ChartBuilder::on(root)
            .caption("Solving H x = b for Hilbert matrices", caption_style())
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(1.5..14.5, (1e-17..1e20).log_scale())?;
        chart
            .configure_mesh()
            .x_desc("order n")
            .y_desc("value")
            .y_label_formatter(&|v| format!("{v:.0e}"))
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        let line = |f: fn(f64, f64) -> f64| -> Vec<(f64, f64)> {
            points.iter().map(|&(n, c, e)| (n, f(c, e))).collect()
        };
        let series = [
            ("condition number κ(H)", line(|c, _| c)),
            ("relative error of x", line(|_, e| e)),
            ("κ · machine epsilon", line(|c, _| c * f64::EPSILON)),
        ];
        lines_with_markers(&mut chart, &series)?;
        draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })?;
    println!("figure: {name}");
    Ok(())
}
