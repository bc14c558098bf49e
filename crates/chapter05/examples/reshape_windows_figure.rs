//! Draws the sliding-window view of the hands-on (figure
//! `sliding_windows.svg`): eight values in memory, and the (5, 4) view of
//! windows of 4 whose strides are both one element, each row drawn under the
//! memory slots it reads, so that the overlap is seen as a staircase.

use chapter05::restructure::{describe, sliding_window_view};
use ndarray::Array1;
use plotters::prelude::*;
use support::plot::{centred_style, color, draw_svg_sized, labelled_cell};

const SLOT: i32 = 44; // width of one memory slot, in pixels
const ROW: i32 = 36; // height of one row of the view

fn main() -> Result<(), support::Report> {
    let series = Array1::range(0., 8., 1.);
    let window = 4;
    let view = sliding_window_view(series.view(), window)?;
    println!("series: {}", describe(&series));
    println!("windows: {}", describe(&view));
    let left = 150;
    let size = (left as u32 + 8 * SLOT as u32 + 60, 330);
    let name =
        draw_svg_sized("chapter05", "sliding_windows.svg", size, |root| {
            let middle = size.0 as i32 / 2;
            root.draw(&Text::new(
                format!(
                    "windows of {window}: shape {:?}, strides {:?} (elements)",
                    view.shape(),
                    view.strides()
                ),
                (middle, 16),
                centred_style(15),
            ))?;
            // The memory: eight slots in a row.
            let top = 40;
            root.draw(&Text::new(
                "memory".to_string(),
                (left / 2, top + ROW / 2),
                centred_style(13),
            ))?;
            for (k, value) in series.iter().enumerate() {
                let x = left + k as i32 * SLOT;
                let cell = [(x, top), (x + SLOT, top + ROW)];
                let fill = Some(color(0).mix(0.35));
                labelled_cell(root, cell, fill, &format!("{value}"), 15)?;
            }
            // Row i of the view starts at slot i: one stride along either axis
            // moves one slot.
            let rows_top = top + ROW + 24;
            for (i, row) in view.outer_iter().enumerate() {
                let y = rows_top + i as i32 * (ROW + 8);
                root.draw(&Text::new(
                    format!("row {i}"),
                    (left / 2, y + ROW / 2),
                    centred_style(13),
                ))?;
                for (j, value) in row.iter().enumerate() {
                    let x = left + (i + j) as i32 * SLOT;
                    let cell = [(x, y), (x + SLOT, y + ROW)];
                    let fill = Some(color(1 + i % 2).mix(0.25));
                    labelled_cell(root, cell, fill, &format!("{value}"), 15)?;
                }
            }
            Ok(())
        })?;
    println!("figure: {name}");
    Ok(())
}
