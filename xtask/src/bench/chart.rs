//! One horizontal bar chart per chapter: every median of the run (Rust, NumPy, pure Python)
//! on a logarithmic time axis, grouped by workload and size, drawn with plotters in the
//! book's style (`support::plot`).

use std::path::Path;

use anyhow::{Result, anyhow};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use support::plot::{caption_style, color, draw_svg_to, tick_style};

use super::table::{BenchFile, Measurement, Side, Spread, format_time, workloads};

/// A side's name in the legend and its colour.
fn side_style(side: Side) -> (&'static str, RGBColor) {
    match side {
        Side::Rust => ("Rust", color(0)),
        Side::NumPy => ("NumPy", color(1)),
        Side::Python => ("pure Python", color(2)),
    }
}

/// The bars of a chapter, top to bottom, in the order of its table.
pub fn bars(files: &[BenchFile]) -> Vec<&Measurement> {
    files.iter().flat_map(workloads).flatten().collect()
}

/// A bar's label: the workload, its size and the row's name.
fn label(m: &Measurement) -> String {
    format!("{} {}: {}", m.group, m.size, m.label().replace('`', ""))
}

/// Draws `bars` into an SVG at `path`; the height grows with the number of bars.
pub fn draw(path: &Path, title: &str, bars: &[&Measurement]) -> Result<()> {
    if bars.is_empty() {
        return Err(anyhow!("no measurements to draw"));
    }
    let labels: Vec<String> = bars.iter().map(|m| label(m)).collect();
    let n = bars.len();
    let rows = n.max(2);
    let height = 110 + 24 * rows as u32;
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(10) as u32 * 7 + 16;
    let medians = bars.iter().map(|b| b.median_s);
    let lowest = medians.clone().fold(f64::INFINITY, f64::min);
    let highest = medians.fold(0.0, f64::max);
    // From a whole decade at least a third of a decade below the shortest bar, so that every
    // bar shows; room on the right for the value labels.
    let lo = 10f64.powf((lowest / 3.0).log10().floor());
    let hi = highest * 8.0;
    let sides: Vec<Side> = [Side::Rust, Side::NumPy, Side::Python]
        .into_iter()
        .filter(|s| bars.iter().any(|b| b.side == *s))
        .collect();
    let spread = |b: &Measurement| {
        b.spread.map(|s| match s {
            Spread::Ci95(lo, hi) | Spread::Iqr(lo, hi) => (lo, hi),
        })
    };
    draw_svg_to(path, (900, height), |root| {
        let (plot, legend) = root.split_vertically(height - 34);
        let mut chart = ChartBuilder::on(&plot)
            .caption(title, caption_style())
            .margin(12)
            .x_label_area_size(34)
            .y_label_area_size(label_width)
            // A segmented range includes both ends: 0..rows-1 gives `rows` rows (at least two:
            // plotters draws no label on a range of one value; a lone bar gets an empty row).
            .build_cartesian_2d((lo..hi).log_scale(), (0..rows - 1).into_segmented())?;
        // Row 0 is drawn at the bottom: bar i goes to row rows - 1 - i so the list reads down
        // (and row r shows bar rows - 1 - r).
        let row = |i: usize| rows - 1 - i;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(support::plot::GRID)
            .bold_line_style(support::plot::GRID)
            .x_desc("median time per call (log scale; shorter is faster)")
            .x_label_formatter(&|x| tick_label(*x))
            .y_labels(rows)
            .y_label_formatter(&|y| match y {
                SegmentValue::CenterOf(r) if *r < rows && row(*r) < n => labels[row(*r)].clone(),
                _ => String::new(),
            })
            .label_style(tick_style())
            .axis_desc_style(tick_style())
            .draw()?;
        chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
            let mut rect = Rectangle::new(
                [
                    (lo, SegmentValue::Exact(row(i))),
                    (b.median_s, SegmentValue::Exact(row(i) + 1)),
                ],
                side_style(b.side).1.filled(),
            );
            rect.set_margin(4, 4, 0, 0);
            rect
        }))?;
        // The spread as a whisker across the end of each bar.
        chart.draw_series(bars.iter().enumerate().filter_map(|(i, b)| {
            let (lo, hi) = spread(b)?;
            Some(PathElement::new(
                [
                    (lo, SegmentValue::CenterOf(row(i))),
                    (hi, SegmentValue::CenterOf(row(i))),
                ],
                BLACK.stroke_width(2),
            ))
        }))?;
        let left = tick_style().pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
            Text::new(
                format_time(b.median_s),
                (
                    spread(b).map_or(b.median_s, |(_, hi)| hi.max(b.median_s)) * 1.15,
                    SegmentValue::CenterOf(row(i)),
                ),
                left.clone(),
            )
        }))?;
        // The legend, in a strip under the chart.
        let mut x = label_width as i32 + 12;
        for (name, color) in sides.into_iter().map(side_style) {
            legend.draw(&Rectangle::new([(x, 8), (x + 14, 22)], color.filled()))?;
            legend.draw(&Text::new(name, (x + 20, 15), left.clone()))?;
            x += 40 + 8 * name.len() as i32;
        }
        Ok(())
    })
    .map_err(|e| anyhow!("drawing {}: {e}", path.display()))
}

/// An axis label: a duration without trailing zeros (`10 µs`, `1 ms`, `2.5 s`).
fn tick_label(seconds: f64) -> String {
    let text = format_time(seconds);
    let (number, unit) = text.split_once(' ').expect("a number, a space and a unit");
    // Read back, the number prints in its shortest form: 10.0 as 10, 2.50 as 2.5.
    let number: f64 = number.parse().expect("format_time writes a plain number");
    format!("{number} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::table::tests::m;

    fn files() -> Vec<BenchFile> {
        let mut f = crate::bench::table::tests::chapter();
        f[0].measurements.truncate(2);
        f[0].measurements.extend([
            m("standardize/python_lists/150x4_f64", Side::Python, 4e-4),
            m("standardize/numpy_idiomatic/150x4_f64", Side::NumPy, 4e-6),
            m("standardize/flat/1000x1000_f64", Side::Rust, 1e-3),
            m("standardize/numpy_best/1000x1000_f64", Side::NumPy, 2e-3),
        ]);
        f
    }

    #[test]
    fn bars_follow_the_table_order_with_their_spread() {
        let files = files();
        let b = bars(&files);
        let labels: Vec<String> = b.iter().map(|b| label(b)).collect();
        let labels: Vec<(&str, Side)> = labels
            .iter()
            .zip(&b)
            .map(|(l, b)| (l.as_str(), b.side))
            .collect();
        assert_eq!(
            labels,
            [
                ("standardize 150x4_f64: Rust flat", Side::Rust),
                ("standardize 150x4_f64: Rust ndarray", Side::Rust),
                ("standardize 150x4_f64: NumPy, idiomatic", Side::NumPy),
                ("standardize 150x4_f64: pure Python", Side::Python),
                ("standardize 1000x1000_f64: Rust flat", Side::Rust),
                ("standardize 1000x1000_f64: NumPy, best", Side::NumPy),
            ]
        );
        assert_eq!(b[0].spread, Some(Spread::Ci95(0.98e-6, 1.02e-6)));
        assert_eq!(b[2].spread, None);
    }

    #[test]
    fn axis_labels_drop_trailing_zeros() {
        assert_eq!(tick_label(1e-5), "10 µs");
        assert_eq!(tick_label(1e-3), "1 ms");
        assert_eq!(tick_label(2.5), "2.5 s");
        assert_eq!(tick_label(120e-9), "120 ns");
        assert_eq!(tick_label(0.75e-9), "0.75 ns");
        assert_eq!(tick_label(0.1), "100 ms");
    }

    #[test]
    fn the_chart_draws_one_bar_and_one_value_per_measurement() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chapter99.svg");
        let files = files();
        let bars = bars(&files);
        draw(&path, "chapter99", &bars).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.starts_with("<svg"));
        // One filled rectangle per bar, in the side's colour, and the legend's three.
        let filled = |c: RGBColor| format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        let count = |side: Side| svg.matches(&filled(side_style(side).1)).count();
        assert_eq!(count(Side::Rust), 3 + 1, "{svg}");
        assert_eq!(count(Side::NumPy), 2 + 1);
        assert_eq!(count(Side::Python), 1 + 1);
        for label in ["standardize 150x4_f64: pure Python", "NumPy, best"] {
            assert!(svg.contains(label), "{label}");
        }
        assert!(draw(&path, "empty", &[]).is_err());
        draw(&path, "one bar", &bars[..1]).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("Rust flat")
        );
    }
}
