//! A histogram of the wine data's alcohol with ndarray-stats, the right-edge
//! pitfall, and a plotters figure of the counts (`alcohol_histogram.svg`).

use chapter07::describe::{histogram, to_n64};
use ndarray::{Array1, Axis};
use ndarray_stats::HistogramExt;
use ndarray_stats::QuantileExt;
use ndarray_stats::histogram::{Bins, Edges, Grid};
use plotters::prelude::*;
use support::plot::{
    axis_label_style, caption_style, color, draw_svg, tick_style,
};

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    let alcohol = wine.features.column(0);
    support::output_part("edges");
    // ANCHOR: edges
    // 10 equal bins from the minimum to the maximum, like np.histogram(x, 10)
    let (min, max) = (*alcohol.min()?, *alcohol.max()?);
    let edges = Array1::linspace(min, max, 11);
    // ndarray-stats works on N64 (Ord) values, one observation per row
    let edges_n64 = to_n64(edges.view())?.to_vec();
    let grid = Grid::from(vec![Bins::new(Edges::from(edges_n64))]);
    let points = to_n64(alcohol)?.insert_axis(Axis(1)); // 178 x 1
    let counts = points.histogram(grid).counts().to_owned();
    println!("ndarray-stats: {counts} (total {})", counts.sum());
    // ANCHOR_END: edges

    support::output_part("closed");
    // ANCHOR: closed
    // Every ndarray-stats bin is [a, b): the maximum itself is dropped.
    let numpy_like = histogram(alcohol, edges.as_slice().ok_or("strided")?)?;
    println!("NumPy's rule:  {numpy_like} (total {})", numpy_like.sum());
    // ANCHOR_END: closed

    let name = draw_svg("chapter07", "alcohol_histogram.svg", |root| {
        let top = *numpy_like.max()? as f64 * 1.15;
        let mut chart = ChartBuilder::on(root)
            .caption("Alcohol of 178 wines, 10 bins", caption_style())
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(55)
            .build_cartesian_2d(min - 0.1..max + 0.1, 0.0..top)?;
        chart
            .configure_mesh()
            .x_desc("alcohol (% by volume)")
            .y_desc("wines")
            .y_label_formatter(&|v| format!("{v:.0}"))
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        chart.draw_series(numpy_like.iter().enumerate().map(|(i, &c)| {
            let (a, b) = (edges[i], edges[i + 1]);
            Rectangle::new([(a, 0.0), (b, c as f64)], color(0).filled())
        }))?;
        chart.draw_series(numpy_like.iter().enumerate().map(|(i, &c)| {
            let (a, b) = (edges[i], edges[i + 1]);
            Rectangle::new([(a, 0.0), (b, c as f64)], WHITE.stroke_width(1))
        }))?;
        Ok(())
    })?;
    println!("figure: {name}");
    Ok(())
}
