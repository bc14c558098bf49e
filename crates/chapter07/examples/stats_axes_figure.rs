//! Draws which axis is which (figure `axes.svg`): a 3 x 4 table, the
//! direction each axis runs, and what `sum_axis` leaves for each.

use ndarray::{Array2, Axis};
use plotters::prelude::*;
use support::plot::{
    FONT, axis_label_style, color, draw_svg_sized, tick_style,
};

fn main() -> Result<(), support::Report> {
    let x = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j + 1) as f64);
    let (by_column, by_row) = (x.sum_axis(Axis(0)), x.sum_axis(Axis(1)));
    let (cell, left, top) = (60, 170, 70);
    let name = draw_svg_sized("chapter07", "axes.svg", (720, 400), |root| {
        let box_at = |i: i32, j: i32| {
            let (x0, y0) = (left + j * cell, top + i * cell);
            [(x0, y0), (x0 + cell, y0 + cell)]
        };
        let number = |v: f64, i: i32, j: i32| {
            let [(x0, y0), _] = box_at(i, j);
            Text::new(
                format!("{v}"),
                (x0 + 20, y0 + 22),
                (FONT, 18).into_font(),
            )
        };
        for ((i, j), &v) in x.indexed_iter() {
            let (i, j) = (i as i32, j as i32);
            root.draw(&Rectangle::new(box_at(i, j), BLACK.stroke_width(1)))?;
            root.draw(&number(v, i, j))?;
        }
        // sum_axis(Axis(0)): one value per column, in a row below
        for (j, &v) in by_column.iter().enumerate() {
            let j = j as i32;
            root.draw(&Rectangle::new(
                box_at(4, j),
                color(0).mix(0.25).filled(),
            ))?;
            root.draw(&number(v, 4, j))?;
        }
        // sum_axis(Axis(1)): one value per row, in a column to the right
        for (i, &v) in by_row.iter().enumerate() {
            let i = i as i32;
            root.draw(&Rectangle::new(
                box_at(i, 5),
                color(1).mix(0.25).filled(),
            ))?;
            root.draw(&number(v, i, 5))?;
        }
        // the arrows: Axis(0) runs down the rows, Axis(1) along a row
        let down = [(left - 30, top), (left - 30, top + 3 * cell)];
        root.draw(&PathElement::new(down, color(0).stroke_width(3)))?;
        let (ax, ay) = (left - 30, top + 3 * cell);
        let head = vec![(ax - 8, ay - 12), (ax + 8, ay - 12), (ax, ay + 2)];
        root.draw(&Polygon::new(head, color(0).filled()))?;
        root.draw(&Text::new(
            "Axis(0), axis=0",
            (10, top + 60),
            axis_label_style(),
        ))?;
        root.draw(&Text::new("rows (samples)", (10, top + 85), tick_style()))?;
        let across = [(left, top - 25), (left + 4 * cell, top - 25)];
        root.draw(&PathElement::new(across, color(1).stroke_width(3)))?;
        let (ax, ay) = (left + 4 * cell, top - 25);
        let head = vec![(ax - 12, ay - 8), (ax - 12, ay + 8), (ax + 2, ay)];
        root.draw(&Polygon::new(head, color(1).filled()))?;
        root.draw(&Text::new(
            "Axis(1), axis=1: columns (features)",
            (left, top - 60),
            axis_label_style(),
        ))?;
        let label = "sum_axis(Axis(0)): one per column";
        root.draw(&Text::new(
            label,
            (left, top + 5 * cell + 15),
            tick_style(),
        ))?;
        let label = "sum_axis(Axis(1))";
        root.draw(&Text::new(
            label,
            (left + 5 * cell, top + 3 * cell + 15),
            tick_style(),
        ))?;
        root.draw(&Text::new(
            "one per row",
            (left + 5 * cell, top + 3 * cell + 35),
            tick_style(),
        ))?;
        Ok(())
    })?;
    println!("sum_axis(Axis(0)) = {by_column}, sum_axis(Axis(1)) = {by_row}");
    println!("figure: {name}");
    Ok(())
}
