//! Draws the Pearson correlation matrix of the wine data's 13 features as a
//! heat map (figure `wine_correlation.svg`).

use ndarray_stats::CorrelationExt;
use plotters::prelude::*;
use support::plot::{PALETTE, caption_style, draw_svg_sized, tick_style};

/// A diverging colour: blue for -1, white for 0, vermillion for +1.
fn diverging(r: f64) -> RGBColor {
    let end = if r < 0.0 { PALETTE[0] } else { PALETTE[5] };
    let t = r.abs().min(1.0);
    let mix = |c: u8| (255.0 + (f64::from(c) - 255.0) * t).round() as u8;
    RGBColor(mix(end.0), mix(end.1), mix(end.2))
}

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    let corr = wine.features.t().pearson_correlation()?;
    let names = &wine.feature_names;
    let k = corr.nrows();
    let (cell, left, top) = (40, 230, 50);
    let size = (left + cell * k as u32 + 20, top + cell * k as u32 + 20);
    let name =
        draw_svg_sized("chapter07", "wine_correlation.svg", size, |root| {
            root.draw(&Text::new(
                "Pearson correlation of the 13 wine features",
                (20, 12),
                caption_style(),
            ))?;
            for ((i, j), &r) in corr.indexed_iter() {
                let x = left + cell * j as u32;
                let y = top + cell * i as u32;
                let (x, y) = (x as i32, y as i32);
                let c = cell as i32;
                root.draw(&Rectangle::new(
                    [(x, y), (x + c, y + c)],
                    diverging(r).filled(),
                ))?;
                root.draw(&Text::new(
                    format!("{:.1}", r),
                    (x + 8, y + 14),
                    tick_style(),
                ))?;
            }
            for (i, feature) in names.iter().enumerate() {
                let y = top as i32 + cell as i32 * i as i32 + 14;
                root.draw(&Text::new(feature.clone(), (10, y), tick_style()))?;
            }
            for j in 0..k {
                let x = left as i32 + cell as i32 * j as i32 + 15;
                let label = format!("{j}");
                root.draw(&Text::new(
                    label,
                    (x, top as i32 - 18),
                    tick_style(),
                ))?;
            }
            Ok(())
        })?;
    let (i, j) = (6, 5); // flavanoids, total_phenols
    println!("r({}, {}) = {:.3}", names[i], names[j], corr[[i, j]]);
    println!("figure: {name}");
    Ok(())
}
