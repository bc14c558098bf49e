//! The iris pipeline as a picture: petal length against sepal width, coloured
//! by species, in centimetres (left) and after standardisation (right), each
//! with its model's centroids. Both axes of a panel use the same scale, so the
//! picture shows the data as a Euclidean distance (and so the nearest-centroid
//! classifier) sees it.

use std::ops::Range;

use chapter01::{NearestCentroid, StandardScaler};
use ndarray::{Array2, ArrayView1, ArrayView2};
use plotters::coord::Shift;
use plotters::prelude::*;
use support::plot::{
    DrawResult, axis_label_style, caption_style, color, draw_legend, draw_svg,
    tick_style,
};

const X_FEATURE: usize = 2; // petal length
const Y_FEATURE: usize = 1; // sepal width
const MARGIN: u32 = 10;
const X_LABEL_AREA: u32 = 40;
const Y_LABEL_AREA: u32 = 50;

fn main() -> Result<(), support::Report> {
    let iris = support::load_iris()?;
    let (x, y) = (iris.features.view(), iris.target.view());
    let z = StandardScaler::fit(x)?.transform(x)?;
    let raw_model = NearestCentroid::fit(x, y, 3)?;
    let model = NearestCentroid::fit(z.view(), y, 3)?;
    let name = draw_svg("chapter01", "iris_pipeline.svg", |root| {
        let panels = root.split_evenly((1, 2));
        let names = &iris.target_names;
        let (raw, standardised) = (&raw_model.centroids, &model.centroids);
        panel(&panels[0], x, y, names, raw, "raw (cm)", "cm", true)?;
        panel(
            &panels[1],
            z.view(),
            y,
            names,
            standardised,
            "standardised",
            "z-score",
            false,
        )?;
        Ok(())
    })?;
    println!("figure: {name}");
    Ok(())
}

/// Axis ranges around the data with one scale (units per pixel) for both axes.
fn equal_scale_ranges(
    x: ArrayView2<'_, f64>,
    plot_px: (u32, u32),
) -> (Range<f64>, Range<f64>) {
    let bounds = |col: usize| {
        let c = x.column(col);
        let lo = c.fold(f64::INFINITY, |a, &b| a.min(b));
        (lo, c.fold(f64::NEG_INFINITY, |a, &b| a.max(b)))
    };
    let ((x_lo, x_hi), (y_lo, y_hi)) = (bounds(X_FEATURE), bounds(Y_FEATURE));
    let (w, h) = (f64::from(plot_px.0), f64::from(plot_px.1));
    let per_px = 1.1 * ((x_hi - x_lo) / w).max((y_hi - y_lo) / h);
    let around = |lo: f64, hi: f64, px: f64| {
        let mid = 0.5 * (lo + hi);
        (mid - 0.5 * per_px * px)..(mid + 0.5 * per_px * px)
    };
    (around(x_lo, x_hi, w), around(y_lo, y_hi, h))
}

/// One scatter panel of petal length (x) against sepal width (y), centroids as
/// crosses.
#[allow(clippy::too_many_arguments)]
fn panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    names: &[&str],
    centroids: &Array2<f64>,
    caption: &str,
    unit: &str,
    with_legend: bool,
) -> DrawResult {
    let area = area.titled(caption, caption_style())?;
    let (w, h) = area.dim_in_pixel();
    let plot_px =
        (w - 2 * MARGIN - Y_LABEL_AREA, h - 2 * MARGIN - X_LABEL_AREA);
    let (x_range, y_range) = equal_scale_ranges(x, plot_px);
    let mut chart = ChartBuilder::on(&area)
        .margin(MARGIN)
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(x_range, y_range)?;
    chart
        .configure_mesh()
        .x_desc(format!("petal length ({unit})"))
        .y_desc(format!("sepal width ({unit})"))
        .axis_desc_style(axis_label_style())
        .label_style(tick_style())
        .light_line_style(WHITE)
        .draw()?;
    for (class, name) in names.iter().enumerate() {
        let style = color(class).mix(0.7).filled();
        let points = x
            .rows()
            .into_iter()
            .zip(y)
            .filter(|(_, label)| **label == class);
        chart
            .draw_series(points.map(|(row, _)| {
                Circle::new((row[X_FEATURE], row[Y_FEATURE]), 3, style)
            }))?
            .label(*name)
            .legend(move |(px, py)| Circle::new((px, py), 4, style));
    }
    let cross = BLACK.stroke_width(3);
    chart
        .draw_series(
            centroids
                .rows()
                .into_iter()
                .map(|c| Cross::new((c[X_FEATURE], c[Y_FEATURE]), 7, cross)),
        )?
        .label("centroid")
        .legend(move |(px, py)| Cross::new((px, py), 5, cross));
    if !with_legend {
        return Ok(());
    }
    draw_legend(&mut chart, SeriesLabelPosition::UpperRight)?;
    Ok(())
}
