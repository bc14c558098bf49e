//! Draws how a blocked matrix product walks its operands (figure
//! `cache_blocking.svg`): a panel of A (kept in L2), a panel of B (kept in
//! L3), the block of C they update, and the micro-tile of C that sits in
//! registers, as in matrixmultiply, faer's gemm and OpenBLAS.

use plotters::prelude::*;
use support::plot::{centred_style, color, draw_svg, labelled_cell};

fn main() -> Result<(), support::Report> {
    let name = draw_svg("chapter10", "cache_blocking.svg", |root| {
        let s = 220; // the side of each matrix, in pixels
        let (ax, bx, cx, y) = (20, 260, 500, 150);
        let frame = |x: i32, label: &str| -> support::plot::DrawResult {
            labelled_cell(root, [(x, y), (x + s, y + s)], None, "", 12)?;
            let at = (x + s / 2, y - 16);
            root.draw(&Text::new(label.to_owned(), at, centred_style(16)))?;
            Ok(())
        };
        frame(cx, "C (m x n)")?;
        frame(ax, "A (m x k)")?;
        frame(bx, "B (k x n)")?;
        // A's panel: mc rows x kc columns; B's panel: kc rows x nc columns.
        let (mc, kc, nc) = (60, 80, 140);
        let (row0, col0, kk0) = (60, 40, 70);
        labelled_cell(
            root,
            [(ax + kk0, y + row0), (ax + kk0 + kc, y + row0 + mc)],
            Some(color(0).mix(0.45)),
            "mc x kc: L2",
            12,
        )?;
        labelled_cell(
            root,
            [(bx + col0, y + kk0), (bx + col0 + nc, y + kk0 + kc)],
            Some(color(1).mix(0.45)),
            "kc x nc: L3",
            12,
        )?;
        labelled_cell(
            root,
            [(cx + col0, y + row0), (cx + col0 + nc, y + row0 + mc)],
            Some(color(2).mix(0.30)),
            "",
            12,
        )?;
        // The micro-tile: mr x nr values of C held in vector registers.
        labelled_cell(
            root,
            [
                (cx + col0 + 20, y + row0 + 10),
                (cx + col0 + 60, y + row0 + 30),
            ],
            Some(color(5).mix(0.8)),
            "mr x nr",
            10,
        )?;
        root.draw(&Text::new(
            "=".to_owned(),
            (cx - 10, y + s / 2),
            centred_style(22),
        ))?;
        root.draw(&Text::new(
            "x".to_owned(),
            (bx - 10, y + s / 2),
            centred_style(18),
        ))?;
        let notes = [
            "The micro-kernel keeps an mr x nr tile of C in registers and adds",
            "one column of A's panel times one row of B's panel per step: every",
            "value loaded from a cache is used mr or nr times.",
        ];
        for (i, line) in notes.iter().enumerate() {
            let at = (360, 400 + 18 * i as i32);
            root.draw(&Text::new(line.to_string(), at, centred_style(13)))?;
        }
        root.draw(&Text::new(
            "A blocked matrix product: C block += A panel x B panel".to_owned(),
            (360, 40),
            centred_style(17),
        ))?;
        Ok(())
    })?;
    println!("wrote {name}");
    Ok(())
}
