//! The capstone's figures, in the book's style (`support::plot`): training
//! curves, a confusion matrix, and images drawn from rows of pixels.

use ndarray::{Array2, ArrayView1};
use plotters::prelude::*;
use support::plot::{
    axis_label_style, caption_style, centred_style, color, draw_legend,
    draw_svg, draw_svg_sized, lines_with_markers, tick_style,
};

type Figure = Result<String, Box<dyn std::error::Error>>;

/// The mean training loss (left axis) and the test accuracy (right axis)
/// per epoch, epochs numbered from 1.
pub fn curves(
    file_name: &str,
    caption: &str,
    losses: &[f64],
    accuracies: &[f64],
) -> Figure {
    draw_svg("chapter12", file_name, |root| {
        let epochs = losses.len() as f64;
        let top = losses.iter().fold(0.0f64, |m, &v| m.max(v)) * 1.05;
        let worst = accuracies.iter().fold(1.0f64, |m, &v| m.min(v));
        let low = (worst * 10.0).floor() / 10.0; // down to a tenth
        let mut chart = ChartBuilder::on(root)
            .caption(caption, caption_style())
            .margin(12)
            .x_label_area_size(45)
            .y_label_area_size(60)
            .right_y_label_area_size(60)
            .build_cartesian_2d(0.0..epochs + 1.0, 0.0..top)?
            .set_secondary_coord(0.0..epochs + 1.0, low..1.0);
        chart
            .configure_mesh()
            .x_desc("epoch")
            .y_desc("mean training loss")
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        chart
            .configure_secondary_axes()
            .y_desc("test accuracy")
            .axis_desc_style(axis_label_style())
            .label_style(tick_style())
            .draw()?;
        let points = |v: &[f64]| -> Vec<(f64, f64)> {
            v.iter()
                .enumerate()
                .map(|(i, &y)| (i as f64 + 1.0, y))
                .collect()
        };
        lines_with_markers(&mut chart, &[("training loss", points(losses))])?;
        let style = color(1).stroke_width(2);
        chart
            .draw_secondary_series(LineSeries::new(points(accuracies), style))?
            .label("test accuracy (right axis)")
            .legend(move |(x, y)| {
                PathElement::new([(x, y), (x + 20, y)], style)
            });
        draw_legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        Ok(())
    })
}

/// `counts[(true, predicted)]` as a grid of cells shaded by count, with the
/// count written in every non-empty cell.
pub fn confusion(
    file_name: &str,
    caption: &str,
    counts: &Array2<usize>,
    names: &[&str],
) -> Figure {
    let k = counts.nrows();
    let cell = 40i32;
    let (left, top) = (70i32, 60i32);
    let side = left as u32 + (k as u32 * cell as u32) + 20;
    let height = top as u32 + (k as u32 * cell as u32) + 50;
    draw_svg_sized("chapter12", file_name, (side, height), |root| {
        root.draw(&Text::new(
            caption.to_owned(),
            (side as i32 / 2, 20),
            centred_style(20),
        ))?;
        let row_max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
        for ((t, p), &n) in counts.indexed_iter() {
            let (x0, y0) = (left + p as i32 * cell, top + t as i32 * cell);
            let share = n as f64 / row_max;
            let fill = if t == p { color(0) } else { color(5) };
            let corners = [(x0, y0), (x0 + cell, y0 + cell)];
            if n > 0 {
                let alpha = 0.15 + 0.75 * share.sqrt();
                root.draw(&Rectangle::new(corners, fill.mix(alpha).filled()))?;
            }
            root.draw(&Rectangle::new(corners, RGBColor(200, 200, 200)))?;
            if n > 0 {
                let middle = (x0 + cell / 2, y0 + cell / 2);
                root.draw(&Text::new(
                    n.to_string(),
                    middle,
                    centred_style(13),
                ))?;
            }
        }
        for (i, name) in names.iter().enumerate() {
            let centre = left + i as i32 * cell + cell / 2;
            let bottom = top + k as i32 * cell;
            let tick = centred_style(13);
            root.draw(&Text::new(
                name.to_string(),
                (centre, bottom + 12),
                tick.clone(),
            ))?;
            root.draw(&Text::new(
                name.to_string(),
                (left - 14, top + i as i32 * cell + cell / 2),
                tick,
            ))?;
        }
        let label = centred_style(15);
        let bottom = top + k as i32 * cell + 34;
        root.draw(&Text::new(
            "predicted class",
            (left + k as i32 * cell / 2, bottom),
            label.clone(),
        ))?;
        root.draw(&Text::new(
            "true",
            (left - 50, top + k as i32 * cell / 2),
            label,
        ))?;
        Ok(())
    })
}

/// Grey-scale pictures of `images` (rows of `side * side` pixels in [0, 1],
/// row-major), `columns` per line, each titled by its label.
pub fn digits(
    file_name: &str,
    images: &[(ArrayView1<'_, f64>, String)],
    side: usize,
    columns: usize,
) -> Figure {
    let pixel = (72 / side).max(2) as i32;
    let (w, h) = (side as i32 * pixel, side as i32 * pixel);
    let (gap, title) = (14i32, 22i32);
    let columns = columns.clamp(1, images.len().max(1));
    let rows = images.len().div_ceil(columns).max(1);
    let size = (
        (columns as i32 * (w + gap) + gap) as u32,
        (rows as i32 * (h + title + gap) + gap) as u32,
    );
    draw_svg_sized("chapter12", file_name, size, |root| {
        for (n, (image, label)) in images.iter().enumerate() {
            let x0 = gap + (n % columns) as i32 * (w + gap);
            let y0 = gap + (n / columns) as i32 * (h + title + gap) + title;
            root.draw(&Text::new(
                label.clone(),
                (x0 + w / 2, y0 - title / 2),
                centred_style(13),
            ))?;
            for (i, &v) in image.iter().enumerate() {
                let (r, c) = ((i / side) as i32, (i % side) as i32);
                let grey = (255.0 * (1.0 - v.clamp(0.0, 1.0))).round() as u8;
                let corners = [
                    (x0 + c * pixel, y0 + r * pixel),
                    (x0 + (c + 1) * pixel, y0 + (r + 1) * pixel),
                ];
                root.draw(&Rectangle::new(
                    corners,
                    RGBColor(grey, grey, grey).filled(),
                ))?;
            }
            root.draw(&Rectangle::new(
                [(x0, y0), (x0 + w, y0 + h)],
                BLACK.stroke_width(1),
            ))?;
        }
        Ok(())
    })
}
