//! Draws how a vision transformer's patches come from an image by a reshape,
//! a permutation and a reshape (figure `vit_patches.svg`): a 4 x 4 image cut
//! into 2 x 2 patches, each pixel coloured by its patch, and the (4, 4)
//! matrix of flattened patches, one patch a row.

use chapter05::restructure::describe;
use ndarray::{Array, ArrayView2};
use plotters::coord::Shift;
use plotters::prelude::*;
use support::plot::{
    DrawResult, centred_style, color, draw_svg_sized, labelled_cell,
};

const CELL: i32 = 40; // side of one grid cell, in pixels

/// A grid of pixel values with a title; `patch_of` gives each value's patch,
/// which picks its colour.
fn grid(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    title: &str,
    a: ArrayView2<'_, i32>,
    patch_of: impl Fn(i32) -> usize,
) -> DrawResult {
    let (width, _) = area.dim_in_pixel();
    let middle = width as i32 / 2;
    area.draw(&Text::new(
        title.to_string(),
        (middle, 20),
        centred_style(14),
    ))?;
    let left = middle - a.ncols() as i32 * CELL / 2;
    let top = 44;
    for ((i, j), &value) in a.indexed_iter() {
        let (x, y) = (left + j as i32 * CELL, top + i as i32 * CELL);
        let cell = [(x, y), (x + CELL, y + CELL)];
        let hue = color(patch_of(value)).mix(0.35);
        labelled_cell(area, cell, Some(hue), &value.to_string(), 15)?;
    }
    Ok(())
}

fn main() -> Result<(), support::Report> {
    let (side, p) = (4, 2);
    let n = side / p; // patches along each side
    let image = Array::from_iter(0..16).into_shape_with_order((side, side))?;
    // pixel [r * p + a, c * p + b] is element [r, a, c, b] ...
    let split = image.to_shape((n, p, n, p))?;
    // ... and [r, c, a, b] after the permutation: patch (r, c), pixel (a, b)
    let permuted = split.view().permuted_axes([0, 2, 1, 3]);
    let patches = permuted.to_shape((n * n, p * p))?;
    println!("image:    {}", describe(&image));
    println!("split:    {}", describe(&split));
    println!("permuted: {}", describe(&permuted));
    println!(
        "patches:  {}, a view: {}",
        describe(&patches),
        patches.is_view()
    );
    // the patch of a pixel value v (its row v / side, its column v % side)
    let patch_of = |v: i32| {
        let (i, j) = (v as usize / side, v as usize % side);
        (i / p) * n + j / p
    };
    let size = (620, 250);
    let name = draw_svg_sized("chapter05", "vit_patches.svg", size, |root| {
        let (left, right) = root.split_horizontally(310);
        grid(&left, "the image, (4, 4)", image.view(), patch_of)?;
        grid(
            &right,
            "patches, (4, 4): one patch a row",
            patches.view(),
            patch_of,
        )?;
        root.draw(&Text::new(
            "to_shape((2, 2, 2, 2)), permuted_axes([0, 2, 1, 3]), \
             to_shape((4, 4)): a copy"
                .to_string(),
            (size.0 as i32 / 2, 230),
            centred_style(13),
        ))?;
        Ok(())
    })?;
    println!("figure: {name}");
    Ok(())
}
