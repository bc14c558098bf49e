//! Draws how a reshape and a transpose change an array's shape and strides
//! over the same twelve numbers (figure `shape_and_strides.svg`): the 3 x 4
//! original, its transpose (a view), a (2, 6) reshape (a view), and the (2, 6)
//! reshape of the transpose, which has to copy.

use chapter05::restructure::describe;
use ndarray::{Array, ArrayView2};
use plotters::coord::Shift;
use plotters::prelude::*;
use support::plot::{DrawResult, centred_style, color, draw_svg_sized};

const CELL: i32 = 36; // side of one grid cell, in pixels
const SLOT: i32 = 26; // width of one memory slot

/// One panel: a title, the array as a grid (each cell shows its value, which
/// is the element's slot in the original memory), its strides, and the
/// memory it reads, in memory order.
fn panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    title: &str,
    a: ArrayView2<'_, i32>,
    memory: &[i32],
    copy: bool,
) -> DrawResult {
    let hue = if copy { color(1) } else { color(0) };
    let (width, _) = area.dim_in_pixel();
    let middle = width as i32 / 2;
    area.draw(&Text::new(
        title.to_string(),
        (middle, 18),
        centred_style(15),
    ))?;
    let strides = a.strides();
    area.draw(&Text::new(
        format!(
            "shape {:?}, strides {:?}: next row +{}, next column +{}",
            a.shape(),
            strides,
            strides[0],
            strides[1]
        ),
        (middle, 40),
        centred_style(12),
    ))?;
    let (rows, cols) = a.dim();
    let left = middle - cols as i32 * CELL / 2;
    let top = 58;
    for ((i, j), value) in a.indexed_iter() {
        let (x, y) = (left + j as i32 * CELL, top + i as i32 * CELL);
        area.draw(&Rectangle::new(
            [(x, y), (x + CELL, y + CELL)],
            hue.mix(0.15).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(x, y), (x + CELL, y + CELL)],
            BLACK.stroke_width(1),
        ))?;
        area.draw(&Text::new(
            value.to_string(),
            (x + CELL / 2, y + CELL / 2),
            centred_style(16),
        ))?;
    }
    let strip_top = top + rows as i32 * CELL + 30;
    let strip_left = middle - memory.len() as i32 * SLOT / 2;
    for (k, value) in memory.iter().enumerate() {
        let x = strip_left + k as i32 * SLOT;
        area.draw(&Rectangle::new(
            [(x, strip_top), (x + SLOT, strip_top + 26)],
            hue.mix(0.35).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(x, strip_top), (x + SLOT, strip_top + 26)],
            BLACK.mix(0.6).stroke_width(1),
        ))?;
        area.draw(&Text::new(
            value.to_string(),
            (x + SLOT / 2, strip_top + 13),
            centred_style(12),
        ))?;
    }
    let label = if copy {
        "new memory, filled in the view's row order"
    } else if title.starts_with("a:") {
        "its memory: 12 slots in a row"
    } else {
        "the same memory as a"
    };
    area.draw(&Text::new(
        label.to_string(),
        (middle, strip_top + 42),
        centred_style(12),
    ))?;
    Ok(())
}

fn main() -> Result<(), support::Report> {
    let a = Array::from_iter(0..12).into_shape_with_order((3, 4))?;
    let t = a.t();
    let reshaped = a.to_shape((2, 6))?;
    let copied = t.to_shape((2, 6))?;
    assert!(reshaped.is_view() && !copied.is_view());
    for (name, view) in [("a", a.view()), ("a.t()", t), ("copy", copied.view())]
    {
        println!("{name}: {}", describe(&view));
    }
    let original: Vec<i32> = a.iter().copied().collect();
    let new_memory: Vec<i32> = copied.iter().copied().collect();
    let panels = [
        ("a: the original", a.view(), &original, false),
        ("a.t(): a view", t, &original, false),
        (
            "a.to_shape((2, 6)): a view",
            reshaped.view(),
            &original,
            false,
        ),
        (
            "a.t().to_shape((2, 6)): a copy",
            copied.view(),
            &new_memory,
            true,
        ),
    ];
    let size = (760, 580);
    let name =
        draw_svg_sized("chapter05", "shape_and_strides.svg", size, |root| {
            for (area, (title, view, memory, copy)) in
                root.split_evenly((2, 2)).iter().zip(panels)
            {
                panel(area, title, view, memory, copy)?;
            }
            Ok(())
        })?;
    println!("figure: {name}");
    Ok(())
}
