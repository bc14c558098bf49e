//! Draws histograms of four wine features, one colour per class (figure
//! `wine_histograms.svg`), with the chapter's NumPy-compatible `histogram`.

use chapter07::describe::histogram;
use ndarray::{Array1, Axis};
use ndarray_stats::QuantileExt;
use plotters::prelude::*;
use support::plot::{color, draw_legend, draw_svg_sized, tick_style};

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    let x = &wine.features;
    let features = [0, 6, 9, 12]; // alcohol, flavanoids, colour, proline
    let bins = 16;
    let mut panels = Vec::new();
    for &j in &features {
        let column = x.column(j);
        let edges = Array1::linspace(*column.min()?, *column.max()?, bins + 1);
        let edges = edges.to_vec();
        let mut per_class = Vec::new();
        for class in 0..wine.target_names.len() {
            let rows: Vec<usize> = (0..x.nrows())
                .filter(|&i| wine.target[i] == class)
                .collect();
            let values = x.select(Axis(0), &rows).column(j).to_owned();
            per_class.push(histogram(values.view(), &edges)?);
        }
        panels.push((j, edges, per_class));
    }
    let size = (720, 520);
    let name =
        draw_svg_sized("chapter07", "wine_histograms.svg", size, |root| {
            let areas = root.split_evenly((2, 2));
            for (area, (j, edges, per_class)) in areas.iter().zip(&panels) {
                let top =
                    per_class.iter().flatten().copied().max().unwrap_or(1);
                let (lo, hi) = (edges[0], edges[edges.len() - 1]);
                let mut chart = ChartBuilder::on(area)
                    .caption(&wine.feature_names[*j], (support::plot::FONT, 16))
                    .margin(8)
                    .x_label_area_size(25)
                    .y_label_area_size(35)
                    .build_cartesian_2d(lo..hi, 0.0..top as f64 * 1.1)?;
                chart
                    .configure_mesh()
                    .x_labels(5)
                    .y_labels(4)
                    .y_label_formatter(&|v| format!("{v:.0}"))
                    .label_style(tick_style())
                    .draw()?;
                for (class, counts) in per_class.iter().enumerate() {
                    let fill = color(class).mix(0.45).filled();
                    chart
                        .draw_series(counts.iter().enumerate().map(
                            |(b, &c)| {
                                let corners =
                                    [(edges[b], 0.0), (edges[b + 1], c as f64)];
                                Rectangle::new(corners, fill)
                            },
                        ))?
                        .label(wine.target_names[class])
                        .legend(move |(x, y)| {
                            Rectangle::new([(x, y - 5), (x + 12, y + 5)], fill)
                        });
                }
                if *j == 0 {
                    draw_legend(&mut chart, SeriesLabelPosition::UpperRight)?;
                }
            }
            Ok(())
        })?;
    println!("figure: {name}");
    Ok(())
}
