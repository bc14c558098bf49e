//! Figure: the relative error of the `‖x‖² + ‖y‖² − 2 x·y` trick for every
//! pair of wines, against how small the squared distance is compared with
//! `‖x‖² + ‖y‖²`, with the bound `4 ε / ratio` and the threshold below which
//! the crate recomputes an entry.

use chapter06::distance::squared_norms;
use chapter06::distance::{
    RECOMPUTE_BELOW, pairwise_naive, squared_distances, squared_gemm_raw,
};
use plotters::prelude::*;
use support::plot::{color, draw_legend, draw_svg, log_log_chart};

/// One pair: (ratio, error of the raw trick, error of the repaired one).
type Pair = (f64, f64, f64);

/// Picks one of a pair's two errors.
type Pick = fn(&Pair) -> f64;

/// Errors below this are drawn on the floor of the plot (an error of
/// exactly 0 has no logarithm).
const FLOOR: f64 = 1e-17;

fn main() -> Result<(), support::Report> {
    let x = support::load_wine()?.features;
    let exact = pairwise_naive(x.view(), x.view())?.mapv(|d| d * d);
    let raw = squared_gemm_raw(x.view(), x.view())?;
    let fixed = squared_distances(x.view(), x.view())?;
    let norms = squared_norms(x.view());
    // (ratio, error of the raw trick, error of the repaired one), one
    // point per pair i < j.
    let mut points = Vec::new();
    for i in 0..x.nrows() {
        for j in i + 1..x.nrows() {
            let truth = exact[[i, j]];
            let ratio = truth / (norms[i] + norms[j]);
            let error = |v: f64| ((v - truth) / truth).abs().max(FLOOR);
            points.push((ratio, error(raw[[i, j]]), error(fixed[[i, j]])));
        }
    }
    // The figure draws every pair below the threshold and every tenth of
    // the others (a 15,753-point scatter would make a 3 MB file).
    let drawn: Vec<_> = points
        .iter()
        .enumerate()
        .filter(|(k, p)| p.0 <= RECOMPUTE_BELOW || k % 10 == 0)
        .map(|(_, p)| *p)
        .collect();
    let recomputed = points.iter().filter(|p| p.0 <= RECOMPUTE_BELOW).count();
    let worst =
        |pick: fn(&Pair) -> f64| points.iter().map(pick).fold(0.0, f64::max);
    let name = draw_svg("chapter06", "trick_error.svg", |root| {
        let mut chart = log_log_chart(
            root,
            "Error of the dot-product trick, wine pairs",
            (1e-7..1.0, "squared distance / (‖x‖² + ‖y‖²)"),
            (1e-18..1e-6, "relative error of the squared distance"),
        )?;
        let series: [(&str, Pick); 2] = [
            ("trick as usually written", |p| p.1),
            ("repaired (recomputed below the threshold)", |p| p.2),
        ];
        for (k, (label, pick)) in series.into_iter().enumerate() {
            let style = color(k).filled();
            chart
                .draw_series(
                    drawn.iter().map(|p| Circle::new((p.0, pick(p)), 2, style)),
                )?
                .label(label)
                .legend(move |(x, y)| Circle::new((x + 10, y), 4, style));
        }
        let bound = color(5).stroke_width(2);
        let line = (0..=70).map(|k| {
            let r = 10f64.powf(-7.0 + k as f64 / 10.0);
            (r, 4.0 * f64::EPSILON / r)
        });
        chart
            .draw_series(LineSeries::new(line, bound))?
            .label("4 ε / ratio")
            .legend(move |(x, y)| {
                PathElement::new([(x, y), (x + 20, y)], bound)
            });
        let threshold = BLACK.stroke_width(1);
        chart.draw_series(LineSeries::new(
            [(RECOMPUTE_BELOW, 1e-18), (RECOMPUTE_BELOW, 1e-6)],
            threshold,
        ))?;
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })?;
    println!("{} pairs, {recomputed} below the threshold", points.len());
    println!("drawn: {} pairs", drawn.len());
    println!("largest relative error, trick: {:.1e}", worst(|p| p.1));
    println!("largest relative error, repaired: {:.1e}", worst(|p| p.2));
    println!("figure: {name}");
    Ok(())
}
