//! Draws the chapter's two figures. `slices_over_buffer.svg`: three slices of
//! a 3 x 4 array, each a start and strides over the same twelve numbers in
//! memory (the slots a view reads are coloured, in the order it reads them).
//! `mask_gather_ix.svg`: three selections that copy: rows by a boolean mask,
//! one element per row (`p[np.arange(n), y]`), and the cross product of a
//! row list and a column list (`np.ix_`).

use chapter03::gather::pick_per_row;
use chapter03::mask::{rows_where_copy, true_indices};
use ndarray::{Array2, ArrayView2, array, s};
use plotters::coord::Shift;
use plotters::prelude::*;
use support::plot::{
    DrawResult, centred_style, color, draw_svg_sized, labelled_cell,
};

const CELL: i32 = 34; // side of one grid cell, in pixels
const SLOT: i32 = 30; // width of one memory slot

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// One cell at `(x, y)`: filled with `fill` (or white), framed, labelled.
fn cell(
    area: &Area<'_>,
    (x, y): (i32, i32),
    width: i32,
    fill: Option<RGBColor>,
    label: &str,
) -> DrawResult {
    let corners = [(x, y), (x + width, y + CELL)];
    labelled_cell(area, corners, fill.map(|f| f.mix(0.35)), label, 14)
}

/// A grid of `values` with its top-left corner at `(left, top)`; `fill`
/// chooses each cell's colour.
fn grid(
    area: &Area<'_>,
    (left, top): (i32, i32),
    values: ArrayView2<'_, f64>,
    fill: impl Fn(usize, usize) -> Option<RGBColor>,
) -> DrawResult {
    for ((i, j), v) in values.indexed_iter() {
        let at = (left + j as i32 * CELL, top + i as i32 * CELL);
        cell(area, at, CELL, fill(i, j), &format!("{v}"))?;
    }
    Ok(())
}

fn text(area: &Area<'_>, label: &str, at: (i32, i32), size: u32) -> DrawResult {
    area.draw(&Text::new(label.to_string(), at, centred_style(size)))?;
    Ok(())
}

/// One slice: its `s![..]`, the view as a grid, its strides, and the twelve
/// memory slots, with the slots it reads numbered in reading order.
fn slice_panel(
    area: &Area<'_>,
    title: &str,
    a: &Array2<f64>,
    view: ArrayView2<'_, f64>,
    hue: RGBColor,
) -> DrawResult {
    let (width, _) = area.dim_in_pixel();
    let middle = width as i32 / 2;
    text(area, title, (middle, 16), 16)?;
    let offset = (view.as_ptr() as usize - a.as_ptr() as usize) / 8;
    let info = format!(
        "starts at slot {offset}, strides {:?}, shape {:?}",
        view.strides(),
        view.shape()
    );
    text(area, &info, (middle, 38), 13)?;
    let left = middle - view.ncols() as i32 * CELL / 2;
    grid(area, (left, 54), view, |_, _| Some(hue))?;
    // Which slot each element of the view reads, in the view's order.
    let base = a.as_ptr() as usize;
    let order: Vec<usize> = view
        .iter()
        .map(|v| (v as *const f64 as usize - base) / 8)
        .collect();
    let strip_top = 54 + 3 * CELL + 24;
    let strip_left = middle - 12 * SLOT / 2;
    for (slot, value) in a.iter().enumerate() {
        let x = strip_left + slot as i32 * SLOT;
        let read = order.iter().position(|&o| o == slot);
        cell(
            area,
            (x, strip_top),
            SLOT,
            read.map(|_| hue),
            &format!("{value}"),
        )?;
        if let Some(k) = read {
            text(
                area,
                &format!("{}", k + 1),
                (x + SLOT / 2, strip_top + CELL + 10),
                11,
            )?;
        }
    }
    text(
        area,
        "memory (the numbers under it: reading order)",
        (middle, strip_top - 12),
        12,
    )?;
    Ok(())
}

fn slices_figure(
    a: &Array2<f64>,
) -> Result<String, Box<dyn std::error::Error>> {
    let panels = [
        ("a.slice(s![1..3, ..])  (a[1:3])", a.slice(s![1..3, ..])),
        ("a.slice(s![.., ..;2])  (a[:, ::2])", a.slice(s![.., ..;2])),
        ("a.slice(s![..;-1, ..])  (a[::-1])", a.slice(s![..;-1, ..])),
    ];
    draw_svg_sized("chapter03", "slices_over_buffer.svg", (460, 840), |root| {
        for (k, (area, (title, view))) in
            root.split_evenly((3, 1)).iter().zip(panels).enumerate()
        {
            slice_panel(area, title, a, view, color(k))?;
        }
        Ok(())
    })
}

fn selections_figure() -> Result<String, Box<dyn std::error::Error>> {
    let x = Array2::from_shape_fn((5, 3), |(i, j)| (10 * i + j) as f64);
    let mask = array![false, true, false, true, true];
    let kept = rows_where_copy(x.view(), mask.view())?;
    let p = array![
        [0.7, 0.2, 0.1],
        [0.1, 0.8, 0.1],
        [0.3, 0.3, 0.4],
        [0.25, 0.5, 0.25]
    ];
    let y = array![0, 1, 2, 1];
    let picked = pick_per_row(p.view(), y.view())?;
    let (rows, cols) = ([1, 3], [0, 2]);
    let crossed = x
        .select(ndarray::Axis(0), &rows)
        .select(ndarray::Axis(1), &cols);
    draw_svg_sized("chapter03", "mask_gather_ix.svg", (900, 270), |root| {
        let areas = root.split_evenly((1, 3));
        // 1: x[mask]
        let a = &areas[0];
        text(a, "x[mask]: whole rows", (150, 16), 16)?;
        for (i, &m) in mask.iter().enumerate() {
            let at = (14, 50 + i as i32 * CELL);
            cell(a, at, 30, m.then_some(color(0)), if m { "T" } else { "F" })?;
        }
        grid(a, (54, 50), x.view(), |i, _| mask[i].then_some(color(0)))?;
        text(a, "→", (175, 50 + 5 * CELL / 2), 26)?;
        grid(a, (192, 50 + CELL), kept.view(), |_, _| Some(color(0)))?;
        text(
            a,
            &format!("rows {:?}, copied", true_indices(mask.view())),
            (150, 50 + 5 * CELL + 24),
            13,
        )?;
        // 2: p[np.arange(n), y]
        let b = &areas[1];
        text(b, "p[np.arange(4), y]: one per row", (150, 16), 16)?;
        for (i, &label) in y.iter().enumerate() {
            cell(b, (10, 50 + i as i32 * CELL), 30, None, &format!("{label}"))?;
        }
        text(b, "y", (25, 38), 13)?;
        grid(b, (50, 50), p.view(), |i, j| {
            (y[i] == j).then_some(color(1))
        })?;
        text(b, "→", (170, 50 + 2 * CELL), 26)?;
        let column = picked.view().insert_axis(ndarray::Axis(1));
        grid(b, (190, 50), column, |_, _| Some(color(1)))?;
        text(
            b,
            "pairs (k, y[k]): a 1-D result",
            (150, 50 + 5 * CELL + 24),
            13,
        )?;
        // 3: x[np.ix_(rows, cols)]
        let c = &areas[2];
        text(c, "x[np.ix_([1, 3], [0, 2])]", (150, 16), 16)?;
        grid(c, (30, 50), x.view(), |i, j| {
            (rows.contains(&i) && cols.contains(&j)).then_some(color(2))
        })?;
        text(c, "→", (150, 50 + 5 * CELL / 2), 26)?;
        grid(c, (172, 50 + 3 * CELL / 2), crossed.view(), |_, _| {
            Some(color(2))
        })?;
        text(
            c,
            "every row with every column",
            (150, 50 + 5 * CELL + 24),
            13,
        )?;
        Ok(())
    })
}

fn main() -> Result<(), support::Report> {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    println!("figure: {}", slices_figure(&a).map_err(|e| e.to_string())?);
    println!(
        "figure: {}",
        selections_figure().map_err(|e| e.to_string())?
    );
    Ok(())
}
