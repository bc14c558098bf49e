//! Figure: a causal mask broadcast from a column of query positions and a row
//! of key positions, and the softmax weights it leaves, as two 5 x 5 grids.

use chapter06::patterns::{causal_mask, softmax_rows};
use ndarray::Array2;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use support::plot::{caption_style, color, draw_svg_sized, tick_style};

/// Draws `values` as a grid of cells at `origin`, each labelled by `label`
/// and filled by `fill`, with a title above.
fn grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    origin: (i32, i32),
    title: &str,
    values: &Array2<f64>,
    label: impl Fn(f64) -> String,
    fill: impl Fn(f64) -> RGBAColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    const CELL: i32 = 56;
    let centre = Pos::new(HPos::Center, VPos::Center);
    let (x0, y0) = origin;
    let width = CELL * values.ncols() as i32;
    area.draw(&Text::new(
        title.to_string(),
        (x0 + width / 2, y0 - 22),
        caption_style().pos(centre),
    ))?;
    for ((i, j), &v) in values.indexed_iter() {
        let (x, y) = (x0 + CELL * j as i32, y0 + CELL * i as i32);
        area.draw(&Rectangle::new(
            [(x, y), (x + CELL, y + CELL)],
            fill(v).filled(),
        ))?;
        area.draw(&Rectangle::new([(x, y), (x + CELL, y + CELL)], BLACK))?;
        area.draw(&Text::new(
            label(v),
            (x + CELL / 2, y + CELL / 2),
            tick_style().pos(centre),
        ))?;
    }
    for k in 0..values.nrows() {
        let k_label = |s: &str| format!("{s}{k}");
        let row = (x0 - 18, y0 + CELL * k as i32 + CELL / 2);
        let column = (x0 + CELL * k as i32 + CELL / 2, y0 + width + 14);
        area.draw(&Text::new(k_label("q"), row, tick_style().pos(centre)))?;
        area.draw(&Text::new(k_label("k"), column, tick_style().pos(centre)))?;
    }
    Ok(())
}

fn main() -> Result<(), support::Report> {
    let t = 5;
    let scores = Array2::from_shape_fn((t, t), |(i, j)| {
        ((i + 2 * j) as f64).sin() * 3.0
    });
    let mask = causal_mask(t);
    let weights = softmax_rows((&scores + &mask).view());
    let name =
        draw_svg_sized("chapter06", "causal_mask.svg", (720, 400), |root| {
            let masked = color(5).mix(0.35);
            grid(
                root,
                (50, 60),
                "mask: key j > query i is -inf",
                &mask,
                |v| if v == 0.0 { "0".into() } else { "-inf".into() },
                |v| if v == 0.0 { WHITE.mix(1.0) } else { masked },
            )?;
            grid(
                root,
                (400, 60),
                "softmax(scores + mask)",
                &weights,
                |v| format!("{v:.3}"),
                // Rounded: the weights come through `exp` and `sin`, whose last
                // bit differs between C libraries, and the SVG must not.
                |v| color(0).mix(((0.15 + 0.85 * v) * 1e4).round() / 1e4),
            )?;
            Ok(())
        })?;
    let zeros = weights.indexed_iter().filter(|((i, j), _)| j > i);
    println!(
        "weights above the diagonal that are 0: {}",
        zeros.filter(|(_, w)| **w == 0.0).count()
    );
    println!("figure: {name}");
    Ok(())
}
