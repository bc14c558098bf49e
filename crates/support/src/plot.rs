//! The one plotting style every figure in the book uses, and where figures are
//! written.
//!
//! Examples draw SVG with plotters through [`draw_svg`], so every figure has
//! the same size, fonts and colours, and lands where `cargo xtask book`
//! collects it; the array pictures of chapters 2, 3 and 5 share
//! [`centred_style`] and [`labelled_cell`].

use std::ops::Range;
use std::path::{Path, PathBuf};

use plotters::coord::Shift;
use plotters::prelude::*;

/// Default figure size in pixels (width, height); SVG scales cleanly in the
/// browser.
pub const FIGURE_SIZE: (u32, u32) = (720, 420);

/// Font family for every label (the browser picks its sans-serif face).
pub const FONT: &str = "sans-serif";

/// Okabe-Ito colours: distinguishable by readers with colour-vision
/// deficiencies.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(240, 228, 66),  // yellow
];

/// Light grey for grid lines.
pub const GRID: RGBColor = RGBColor(225, 225, 225);

/// The `i`-th series colour (cycles through [`PALETTE`]).
pub fn color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// Text style for a figure's caption.
pub fn caption_style() -> TextStyle<'static> {
    (FONT, 22).into_font().color(&BLACK)
}

/// Text style for axis descriptions.
pub fn axis_label_style() -> TextStyle<'static> {
    (FONT, 16).into_font().color(&BLACK)
}

/// Text style for tick labels and legends.
pub fn tick_style() -> TextStyle<'static> {
    (FONT, 13).into_font().color(&BLACK)
}

/// Text style for a label centred on its anchor point: the values inside the
/// cells of an array picture, and the titles over its panels.
pub fn centred_style(size: u32) -> TextStyle<'static> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    (FONT, size)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Center))
}

/// One cell of an array picture (chapters 3 and 5): the rectangle `corners`,
/// filled with `fill` where given (a lightened palette colour, such as
/// `color(0).mix(0.35)`), framed in black, with `label` centred in it at
/// `size` pixels.
pub fn labelled_cell(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    corners: [(i32, i32); 2],
    fill: Option<RGBAColor>,
    label: &str,
    size: u32,
) -> DrawResult {
    if let Some(fill) = fill {
        area.draw(&Rectangle::new(corners, fill.filled()))?;
    }
    area.draw(&Rectangle::new(corners, BLACK.stroke_width(1)))?;
    let [(x0, y0), (x1, y1)] = corners;
    let middle = ((x0 + x1) / 2, (y0 + y1) / 2);
    area.draw(&Text::new(label.to_owned(), middle, centred_style(size)))?;
    Ok(())
}

/// Where figure `file_name` of chapter `chapter` (e.g. `"chapter01"`) is
/// written.
///
/// `cargo xtask book` sets `SCML_FIGURES_DIR` to the chapter's folder under
/// `book/src/figures/`; a reader running an example by hand gets
/// `target/figures/<chapter>/`.
pub fn figure_path(chapter: &str, file_name: &str) -> std::io::Result<PathBuf> {
    let dir = match std::env::var_os("SCML_FIGURES_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/figures")
            .join(chapter),
    };
    std::fs::create_dir_all(&dir)?;
    Ok(dir.join(file_name))
}

/// The error type of the drawing closures: plotters' errors and I/O errors both
/// fit.
pub type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// Draws figure `file_name` of `chapter` with `draw` on a white SVG canvas of
/// [`FIGURE_SIZE`] and writes it to [`figure_path`]. Returns the file name, for
/// the example to print.
pub fn draw_svg<F>(
    chapter: &str,
    file_name: &str,
    draw: F,
) -> Result<String, Box<dyn std::error::Error>>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> DrawResult,
{
    draw_svg_sized(chapter, file_name, FIGURE_SIZE, draw)
}

/// Like [`draw_svg`], with an explicit size in pixels.
pub fn draw_svg_sized<F>(
    chapter: &str,
    file_name: &str,
    size: (u32, u32),
    draw: F,
) -> Result<String, Box<dyn std::error::Error>>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> DrawResult,
{
    draw_svg_to(&figure_path(chapter, file_name)?, size, draw)?;
    Ok(file_name.to_owned())
}

/// Draws with `draw` on a white SVG canvas of `size` pixels and writes it to
/// `path`, creating its folder: for tools (such as `cargo xtask bench`) that
/// choose where a figure goes.
pub fn draw_svg_to<F>(path: &Path, size: (u32, u32), draw: F) -> DrawResult
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> DrawResult,
{
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let root = SVGBackend::new(path, size).into_drawing_area();
    root.fill(&WHITE)?;
    draw(&root)?;
    root.present()?;
    Ok(())
}

/// A chart on `root` with logarithmic `x` and `y` axes in the book's style:
/// the caption, margins, axis descriptions, and tick labels written as powers
/// of ten (`1e-6`). The book's error-against-size figures start here.
pub fn log_log_chart<'a, 'b: 'a>(
    root: &'a DrawingArea<SVGBackend<'b>, Shift>,
    caption: &str,
    (x, x_desc): (Range<f64>, &str),
    (y, y_desc): (Range<f64>, &str),
) -> Result<LogLogChart<'a, 'b>, Box<dyn std::error::Error>> {
    let mut chart = ChartBuilder::on(root)
        .caption(caption, caption_style())
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(70)
        .build_cartesian_2d(x.log_scale(), y.log_scale())?;
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_label_formatter(&|v| format!("{v:.0e}"))
        .y_label_formatter(&|v| format!("{v:.0e}"))
        .axis_desc_style(axis_label_style())
        .label_style(tick_style())
        .draw()?;
    Ok(chart)
}

/// What [`log_log_chart`] returns.
pub type LogLogChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<LogCoord<f64>, LogCoord<f64>>>;

/// Draws the legend of every labelled series in the book's style (tick-size
/// text on a translucent white box with a black border) at `position`.
pub fn draw_legend<'a, 'b: 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, SVGBackend<'b>, CT>,
    position: SeriesLabelPosition,
) -> DrawResult {
    chart
        .configure_series_labels()
        .position(position)
        .label_font(tick_style())
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()?;
    Ok(())
}

/// Draws `points` as a line in the `i`-th colour, two pixels wide, labelled
/// `label` for [`draw_legend`]: one series of a figure whose axes may be of
/// any type (epochs on a log-loss axis, years against counts).
pub fn labelled_line<'a, 'b: 'a, X, Y, I>(
    chart: &mut ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>,
    i: usize,
    label: &str,
    points: I,
) -> DrawResult
where
    X: Ranged,
    Y: Ranged,
    X::ValueType: Clone + 'static,
    Y::ValueType: Clone + 'static,
    I: IntoIterator<Item = (X::ValueType, Y::ValueType)>,
{
    let style = color(i).stroke_width(2);
    chart
        .draw_series(LineSeries::new(points, style))?
        .label(label)
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], style));
    Ok(())
}

/// Draws each `(label, points)` series as a line in the `i`-th colour with a
/// dot on every point, labelled for [`draw_legend`]: the book's figures of one
/// quantity against another (errors against a size, on log axes or not).
pub fn lines_with_markers<'a, 'b: 'a, X, Y, P>(
    chart: &mut ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>,
    series: &[(&str, P)],
) -> DrawResult
where
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
    P: AsRef<[(f64, f64)]>,
{
    for (i, (label, points)) in series.iter().enumerate() {
        let points = points.as_ref();
        labelled_line(chart, i, label, points.iter().copied())?;
        chart.draw_series(
            points.iter().map(|&p| Circle::new(p, 3, color(i).filled())),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_go_to_the_requested_folder_and_contain_svg() {
        let scratch = tempfile::tempdir().expect("temporary folder");
        let dir = scratch.path();
        // SAFETY: no other thread of this test binary reads or writes this
        // variable.
        unsafe { std::env::set_var("SCML_FIGURES_DIR", dir) };
        let name = draw_svg("chapter00", "test.svg", |root| {
            let mut chart = ChartBuilder::on(root)
                .caption("test", caption_style())
                .x_label_area_size(30)
                .y_label_area_size(40)
                .build_cartesian_2d(0.0..1.0, 0.0..1.0)?;
            chart.configure_mesh().label_style(tick_style()).draw()?;
            chart.draw_series(LineSeries::new(
                [(0.0, 0.0), (1.0, 1.0)],
                color(0),
            ))?;
            Ok(())
        })
        .expect("figure drawn");
        assert_eq!(name, "test.svg");
        let svg =
            std::fs::read_to_string(dir.join("test.svg")).expect("file exists");
        assert!(svg.starts_with("<svg"), "{}", &svg[..40.min(svg.len())]);
        assert!(svg.contains("polyline"));
        assert_eq!(color(7), PALETTE[0]);
    }

    #[test]
    fn lines_with_markers_draws_a_line_and_a_dot_per_point_and_a_legend() {
        let scratch = tempfile::tempdir().expect("temporary folder");
        let dir = scratch.path();
        let path = dir.join("lines.svg");
        let slow = vec![(1.0, 1e-3), (10.0, 1e-2), (100.0, 1e-1)];
        let fast = [(1.0, 1e-6), (10.0, 1e-6), (100.0, 1e-5)];
        draw_svg_to(&path, FIGURE_SIZE, |root| {
            let mut chart = ChartBuilder::on(root).build_cartesian_2d(
                (1.0..100.0).log_scale(),
                (1e-7..1.0).log_scale(),
            )?;
            lines_with_markers(
                &mut chart,
                &[("slow", slow.as_slice()), ("fast", &fast)],
            )?;
            draw_legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
            Ok(())
        })
        .expect("figure drawn");
        let svg = std::fs::read_to_string(&path).expect("file exists");
        // Two data lines and their two legend swatches; a dot per point.
        assert_eq!(svg.matches("<polyline").count(), 4, "{svg}");
        assert_eq!(svg.matches("<circle").count(), 6, "{svg}");
        assert!(
            svg.contains("\nslow\n") && svg.contains("\nfast\n"),
            "{svg}"
        );
    }

    #[test]
    fn figures_can_be_written_to_an_explicit_path() {
        let scratch = tempfile::tempdir().expect("temporary folder");
        let dir = scratch.path();
        let path = dir.join("nested").join("bars.svg");
        draw_svg_to(&path, (300, 200), |root| {
            root.draw(&Rectangle::new(
                [(10, 10), (100, 50)],
                color(1).filled(),
            ))?;
            Ok(())
        })
        .expect("figure drawn");
        let svg = std::fs::read_to_string(&path).expect("file exists");
        assert!(
            svg.starts_with("<svg") && svg.contains("width=\"300\""),
            "{svg}"
        );
        assert!(svg.contains("<rect"));
    }
}
