//! Draws the chapter's broadcasting figures: for real cases from the chapter,
//! the two operands, each stretched (pale cells) to the common shape, and the
//! result; and a pair of shapes that does not broadcast. The shapes come from
//! `chapter04::broadcast::broadcast_shape`, the rule the chapter writes out.

use chapter04::broadcast::{Shape, broadcast_shape};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use support::plot::{FONT, color, draw_svg_sized};

const CELL: i32 = 24; // side of one drawn cell, in pixels
const MAX_ROWS: usize = 4; // rows and columns drawn; more are elided
const MAX_COLS: usize = 5;
const TOP: i32 = 70;

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn text(size: u32, hue: RGBColor) -> TextStyle<'static> {
    (FONT, size)
        .into_font()
        .color(&hue)
        .pos(Pos::new(HPos::Center, VPos::Center))
}

/// `shape` as two axes, padded with 1s on the left as the rule pads it.
fn as_2d(shape: &[usize]) -> (usize, usize) {
    match shape {
        [] => (1, 1),
        [n] => (1, *n),
        [.., r, c] => (*r, *c),
    }
}

/// Draws an operand of `shape` at `left`, stretched to `target` (both 2-D):
/// its own cells solid, the repeated ones pale. Returns the drawn width.
fn grid(
    area: &Area<'_>,
    left: i32,
    shape: (usize, usize),
    target: (usize, usize),
    hue: RGBColor,
    label: &str,
) -> Result<i32, Box<dyn std::error::Error>> {
    let rows = target.0.clamp(1, MAX_ROWS);
    let cols = target.1.clamp(1, MAX_COLS);
    for i in 0..rows {
        for j in 0..cols {
            let own = (shape.0 != 1 || i == 0) && (shape.1 != 1 || j == 0);
            let (x, y) = (left + j as i32 * CELL, TOP + i as i32 * CELL);
            let fill = if own { hue.mix(0.75) } else { hue.mix(0.15) };
            area.draw(&Rectangle::new(
                [(x, y), (x + CELL, y + CELL)],
                fill.filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(x, y), (x + CELL, y + CELL)],
                BLACK.mix(if own { 0.8 } else { 0.3 }).stroke_width(1),
            ))?;
        }
    }
    let (w, h) = (cols as i32 * CELL, rows as i32 * CELL);
    if target.0 > MAX_ROWS {
        area.draw(&Text::new(
            "⋮",
            (left + w / 2, TOP + h + 12),
            text(18, BLACK),
        ))?;
    }
    if target.1 > MAX_COLS {
        area.draw(&Text::new(
            "…",
            (left + w + 12, TOP + h / 2),
            text(18, BLACK),
        ))?;
    }
    area.draw(&Text::new(
        label.to_string(),
        (left + w / 2, TOP + h + 36),
        text(14, BLACK),
    ))?;
    Ok(w + if target.1 > MAX_COLS { 24 } else { 0 })
}

/// One figure: `a op b = result`, each operand stretched to the result.
fn case(
    file: &str,
    title: &str,
    (a, a_name): (&[usize], &str),
    op: &str,
    (b, b_name): (&[usize], &str),
) -> Result<String, Box<dyn std::error::Error>> {
    let result = broadcast_shape(a, b)?;
    let target = as_2d(&result);
    let name = draw_svg_sized("chapter04", file, (720, 260), |root| {
        root.draw(&Text::new(title.to_string(), (360, 22), text(17, BLACK)))?;
        root.draw(&Text::new(
            "solid: the operand's own elements; pale: repeated by a stride \
             of 0, never stored"
                .to_string(),
            (360, 245),
            text(12, RGBColor(90, 90, 90)),
        ))?;
        let mid = TOP + target.0.clamp(1, MAX_ROWS) as i32 * CELL / 2;
        let mut x = 40;
        let label_a = format!("{a_name} {}", Shape(a));
        x += grid(root, x, as_2d(a), target, color(0), &label_a)? + 35;
        root.draw(&Text::new(op.to_string(), (x - 17, mid), text(26, BLACK)))?;
        let label_b = format!("{b_name} {}", Shape(b));
        x += grid(root, x, as_2d(b), target, color(1), &label_b)? + 35;
        root.draw(&Text::new("=", (x - 17, mid), text(26, BLACK)))?;
        let label_r = format!("result {}", Shape(&result));
        grid(root, x, target, target, color(2), &label_r)?;
        Ok(())
    })?;
    Ok(name)
}

/// The figure of a pair that does not broadcast: the shapes aligned on the
/// right, the failing axis in red.
fn mismatch(
    a: &[usize],
    b: &[usize],
) -> Result<String, Box<dyn std::error::Error>> {
    let error = broadcast_shape(a, b).expect_err("a mismatch");
    let name = draw_svg_sized(
        "chapter04",
        "broadcast_mismatch.svg",
        (720, 260),
        |root| {
            root.draw(&Text::new(
            "table (3, 4) + per_row (3,): aligned on the right, 4 against 3"
                .to_string(),
            (360, 22),
            text(17, BLACK),
        ))?;
            grid(root, 60, as_2d(a), as_2d(a), color(0), "table (3, 4)")?;
            let left = 60 + 4 * CELL + 60;
            grid(
                root,
                left,
                as_2d(b),
                as_2d(b),
                color(1),
                "per_row (3,) as (1, 3)",
            )?;
            // The last axes, aligned: 4 columns against 3.
            let red = RGBColor(200, 30, 30);
            let x = left + 3 * CELL + 40;
            root.draw(&Text::new(
                format!(
                    "axis {} from the right: {} vs {}",
                    error.axis_from_right, error.left_len, error.right_len
                ),
                (x + 140, TOP + 20),
                text(15, red),
            ))?;
            root.draw(&Text::new(
                "neither is 1: no common shape".to_string(),
                (x + 140, TOP + 45),
                text(15, red),
            ))?;
            root.draw(&Text::new(
                "fix: per_row.insert_axis(Axis(1)), shape (3, 1)".to_string(),
                (x + 140, TOP + 80),
                text(14, BLACK),
            ))?;
            Ok(())
        },
    )?;
    Ok(name)
}

fn main() -> Result<(), support::Report> {
    let figures = [
        case(
            "broadcast_iris_centring.svg",
            "centring iris: X - X.mean(axis 0), the means stretched down",
            (&[150, 4], "X"),
            "−",
            (&[4], "means"),
        ),
        case(
            "broadcast_softmax_max.svg",
            "softmax: scores - row maxima (n, 1), stretched across",
            (&[1797, 1797], "scores"),
            "−",
            (&[1797, 1], "max"),
        ),
        case(
            "broadcast_outer_sum.svg",
            "a column plus a row: both operands stretched",
            (&[3, 1], "column"),
            "+",
            (&[4], "row"),
        ),
        mismatch(&[3, 4], &[3]),
    ];
    for figure in figures {
        println!("figure: {}", figure.map_err(support::Report::msg)?);
    }
    Ok(())
}
