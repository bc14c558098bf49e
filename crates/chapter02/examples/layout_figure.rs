//! Draws where the elements of a 3 × 4 array live in memory in row-major (C)
//! and column-major (Fortran) order (figure `memory_layout.svg`).

use chapter02::layout::memory_positions;
use plotters::coord::Shift;
use plotters::prelude::*;
use support::plot::{DrawResult, centred_style, color, draw_svg_sized};

const ROWS: usize = 3;
const COLS: usize = 4;
const CELL: i32 = 62; // side of one grid cell, in pixels
const SLOT: i32 = 28; // width of one memory slot in the strip below the grid

/// One panel: the grid with each element's memory slot, the path memory takes
/// through it, and the memory itself as a strip of slots labelled with the
/// element each one holds.
fn panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    title: &str,
    fortran: bool,
    hue: RGBColor,
) -> DrawResult {
    let positions = memory_positions(ROWS, COLS, fortran);
    let (left, top) = (70, 60);
    area.draw(&Text::new(
        title.to_string(),
        (left + 2 * CELL, 25),
        centred_style(18),
    ))?;
    // Where the path through memory crosses a cell: below the number in C
    // order, right of it in F order, so that the arrows never cover the labels.
    let (dx, dy) = if fortran { (20, 6) } else { (0, 22) };
    let waypoint = |i: usize, j: usize| {
        (
            left + j as i32 * CELL + CELL / 2 + dx,
            top + i as i32 * CELL + CELL / 2 + dy,
        )
    };
    for (i, j) in positions.indexed_iter().map(|(ij, _)| ij) {
        let (x, y) = (left + j as i32 * CELL, top + i as i32 * CELL);
        area.draw(&Rectangle::new(
            [(x, y), (x + CELL, y + CELL)],
            hue.mix(0.12).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(x, y), (x + CELL, y + CELL)],
            BLACK.stroke_width(1),
        ))?;
    }
    // The path through memory: slot 0 -> 1 -> 2 ... A step to a neighbouring
    // cell is an arrow; a jump back to the start of the next row (or column) is
    // a thin line.
    let mut order: Vec<(usize, usize)> =
        positions.indexed_iter().map(|(ij, _)| ij).collect();
    order.sort_by_key(|&(i, j)| positions[[i, j]]);
    for pair in order.windows(2) {
        let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
        let (start, end) = (waypoint(i0, j0), waypoint(i1, j1));
        if i0.abs_diff(i1) + j0.abs_diff(j1) != 1 {
            area.draw(&PathElement::new(
                vec![start, end],
                hue.mix(0.35).stroke_width(1),
            ))?;
            continue;
        }
        area.draw(&PathElement::new(
            vec![start, end],
            hue.mix(0.7).stroke_width(2),
        ))?;
        let (ux, uy) = ((end.0 - start.0).signum(), (end.1 - start.1).signum());
        let tip = (
            (start.0 + end.0) / 2 + 5 * ux,
            (start.1 + end.1) / 2 + 5 * uy,
        );
        let back = (tip.0 - 10 * ux, tip.1 - 10 * uy);
        let wings = [
            (back.0 - 5 * uy, back.1 + 5 * ux),
            (back.0 + 5 * uy, back.1 - 5 * ux),
        ];
        area.draw(&Polygon::new(vec![tip, wings[0], wings[1]], hue.filled()))?;
    }
    for ((i, j), &slot) in positions.indexed_iter() {
        let (x, y) = (left + j as i32 * CELL + CELL / 2, top + i as i32 * CELL);
        let number_x = if fortran { x - 6 } else { x };
        area.draw(&Text::new(
            format!("[{i},{j}]"),
            (number_x, y + 11),
            centred_style(11),
        ))?;
        area.draw(&Text::new(
            slot.to_string(),
            (number_x, y + CELL / 2 - 2),
            centred_style(20),
        ))?;
    }
    // The memory strip: slot k holds element order[k].
    let strip_top = top + ROWS as i32 * CELL + 50;
    let strip_left = left + 2 * CELL - (ROWS * COLS) as i32 * SLOT / 2;
    area.draw(&Text::new(
        "memory (slots 0 to 11)".to_string(),
        (left + 2 * CELL, strip_top - 18),
        centred_style(13),
    ))?;
    for (k, &(i, j)) in order.iter().enumerate() {
        let x = strip_left + k as i32 * SLOT;
        area.draw(&Rectangle::new(
            [(x, strip_top), (x + SLOT, strip_top + 34)],
            hue.mix(0.12).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(x, strip_top), (x + SLOT, strip_top + 34)],
            BLACK.mix(0.5).stroke_width(1),
        ))?;
        area.draw(&Text::new(
            format!("{i},{j}"),
            (x + SLOT / 2, strip_top + 17),
            centred_style(11),
        ))?;
    }
    Ok(())
}

fn main() -> Result<(), support::Report> {
    let name =
        draw_svg_sized("chapter02", "memory_layout.svg", (720, 380), |root| {
            let (c_area, f_area) = root.split_horizontally(360);
            panel(&c_area, "C order: strides [4, 1]", false, color(0))?;
            panel(&f_area, "F order: strides [1, 3]", true, color(1))?;
            root.draw(&Text::new(
                "numbers: memory slot of each element; [i,j]: its index"
                    .to_string(),
                (360, 365),
                centred_style(16),
            ))?;
            Ok(())
        })?;
    println!("figure: {name}");
    Ok(())
}
