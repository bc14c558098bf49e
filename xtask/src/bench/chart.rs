//! One horizontal bar chart per chapter: every median of the run (Rust, NumPy, pure Python)
//! on a logarithmic time axis, grouped by workload and size, drawn with plotters in the
//! book's style (`support::plot`).

use std::path::Path;

use anyhow::{Result, anyhow};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use support::plot::{caption_style, color, draw_svg_to, tick_style};

use super::table::{BenchFile, Measurement, format_time};

/// Which side measured a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Rust,
    NumPy,
    Python,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Rust => "Rust",
            Side::NumPy => "NumPy",
            Side::Python => "pure Python",
        }
    }

    fn color(self) -> RGBColor {
        match self {
            Side::Rust => color(0),
            Side::NumPy => color(1),
            Side::Python => color(2),
        }
    }
}

/// One bar: its label, its median, its side.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub seconds: f64,
    pub side: Side,
}

/// The bars of a chapter, top to bottom: for each workload and size (in the order the Rust
/// benchmarks ran, then Python-only ones), the Rust implementations, NumPy, then pure Python.
pub fn bars(files: &[BenchFile]) -> Vec<Bar> {
    let mut workloads: Vec<(&str, &str)> = Vec::new();
    for m in files.iter().flat_map(|f| f.rust.iter().chain(&f.numpy)) {
        if !workloads.contains(&(m.group.as_str(), m.size.as_str())) {
            workloads.push((&m.group, &m.size));
        }
    }
    let rust: Vec<&Measurement> = files.iter().flat_map(|f| &f.rust).collect();
    let python: Vec<&Measurement> = files.iter().flat_map(|f| &f.numpy).collect();
    let mut out = Vec::new();
    for (group, size) in workloads {
        let here = |m: &&&Measurement| m.group == group && m.size == size;
        let bar = |m: &&Measurement, side: Side| Bar {
            label: format!("{group} {size}: {}", m.implementation),
            seconds: m.median_s,
            side,
        };
        out.extend(rust.iter().filter(here).map(|m| bar(m, Side::Rust)));
        let (numpy, pure): (Vec<&&Measurement>, Vec<&&Measurement>) = python
            .iter()
            .filter(here)
            .partition(|m| m.implementation == "numpy");
        out.extend(numpy.into_iter().map(|m| bar(m, Side::NumPy)));
        out.extend(pure.into_iter().map(|m| bar(m, Side::Python)));
    }
    out
}

/// Draws `bars` into an SVG at `path`; the height grows with the number of bars.
pub fn draw(path: &Path, title: &str, bars: &[Bar]) -> Result<()> {
    if bars.is_empty() {
        return Err(anyhow!("no measurements to draw"));
    }
    let n = bars.len();
    let rows = n.max(2);
    let height = 110 + 24 * rows as u32;
    let label_width = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(10) as u32
        * 7
        + 16;
    let lowest = bars.iter().map(|b| b.seconds).fold(f64::INFINITY, f64::min);
    let highest = bars.iter().map(|b| b.seconds).fold(0.0, f64::max);
    // From a whole decade at least a third of a decade below the shortest bar, so that every
    // bar shows; room on the right for the value labels.
    let lo = 10f64.powf((lowest / 3.0).log10().floor());
    let hi = highest * 8.0;
    let sides: Vec<Side> = [Side::Rust, Side::NumPy, Side::Python]
        .into_iter()
        .filter(|s| bars.iter().any(|b| b.side == *s))
        .collect();
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
        // Row 0 is drawn at the bottom: bar i goes to row rows - 1 - i so the list reads down.
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
                SegmentValue::CenterOf(r) if *r < rows && rows - 1 - *r < n => {
                    bars[rows - 1 - *r].label.clone()
                }
                _ => String::new(),
            })
            .label_style(tick_style())
            .axis_desc_style(tick_style())
            .draw()?;
        chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
            let mut rect = Rectangle::new(
                [
                    (lo, SegmentValue::Exact(row(i))),
                    (b.seconds, SegmentValue::Exact(row(i) + 1)),
                ],
                b.side.color().filled(),
            );
            rect.set_margin(4, 4, 0, 0);
            rect
        }))?;
        let value_style = tick_style().pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
            Text::new(
                format_time(b.seconds),
                (b.seconds * 1.15, SegmentValue::CenterOf(row(i))),
                value_style.clone(),
            )
        }))?;
        // The legend, in a strip under the chart.
        let mut x = label_width as i32 + 12;
        for side in sides {
            legend.draw(&Rectangle::new(
                [(x, 8), (x + 14, 22)],
                side.color().filled(),
            ))?;
            legend.draw(&Text::new(
                side.name(),
                (x + 20, 15),
                tick_style().pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            x += 40 + 8 * side.name().len() as i32;
        }
        Ok(())
    })
    .map_err(|e| anyhow!("drawing {}: {e}", path.display()))
}

/// An axis label: a duration without trailing zeros (`10 µs`, `1 ms`, `2.5 s`).
fn tick_label(seconds: f64) -> String {
    let text = format_time(seconds);
    let (number, unit) = text.split_once(' ').unwrap_or((&text, ""));
    let number = if number.contains('.') {
        number.trim_end_matches('0').trim_end_matches('.')
    } else {
        number
    };
    format!("{number} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::table::NumpyStatus;

    fn m(id: &str, median_s: f64) -> Measurement {
        let (group, implementation, size) = Measurement::split_id(id).unwrap();
        Measurement {
            group,
            implementation,
            size,
            median_s,
            throughput: None,
        }
    }

    fn files() -> Vec<BenchFile> {
        vec![BenchFile {
            name: "containers".into(),
            rust: vec![
                m("s/flat/1", 1e-6),
                m("s/ndarray/1", 2e-6),
                m("s/flat/2", 1e-3),
            ],
            numpy: vec![
                m("s/python_lists/1", 4e-4),
                m("s/numpy/1", 4e-6),
                m("s/numpy/2", 2e-3),
            ],
            numpy_status: NumpyStatus::Measured,
        }]
    }

    #[test]
    fn bars_are_grouped_by_workload_rust_first() {
        let b = bars(&files());
        let labels: Vec<(&str, Side)> = b.iter().map(|b| (b.label.as_str(), b.side)).collect();
        assert_eq!(
            labels,
            [
                ("s 1: flat", Side::Rust),
                ("s 1: ndarray", Side::Rust),
                ("s 1: numpy", Side::NumPy),
                ("s 1: python_lists", Side::Python),
                ("s 2: flat", Side::Rust),
                ("s 2: numpy", Side::NumPy),
            ]
        );
    }

    #[test]
    fn axis_labels_drop_trailing_zeros() {
        assert_eq!(tick_label(1e-5), "10 µs");
        assert_eq!(tick_label(1e-3), "1 ms");
        assert_eq!(tick_label(2.5), "2.5 s");
        assert_eq!(tick_label(120e-9), "120 ns");
    }

    #[test]
    fn the_chart_is_an_svg_with_one_bar_per_measurement() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-chart-{}", std::process::id()));
        let path = dir.join("chapter99.svg");
        draw(&path, "chapter99", &bars(&files())).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("s 1: python_lists"));
        assert!(
            svg.contains("400 µs") || svg.contains("400 &#181;s") || svg.contains("400 &#xb5;s")
        );
        assert!(svg.contains("pure Python"));
        assert!(draw(&path, "empty", &[]).is_err());
        let one = &bars(&files())[..1];
        draw(&path, "one bar", one).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("s 1: flat")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
