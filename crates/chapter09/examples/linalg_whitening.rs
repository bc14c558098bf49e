//! A linear map applied to a point cloud: correlated Gaussian points,
//! centred, rotated onto their principal axes, and whitened (figure
//! `whitening.svg`).

use chapter09::transform::{covariance, whiten};
use ndarray::{Array2, array};
use ndarray_linalg::{Eigh, UPLO};
use plotters::prelude::*;
use rand::SeedableRng;
use rand_distr::{Distribution, StandardNormal};
use support::plot::{caption_style, color, draw_svg_sized, tick_style};

fn main() -> Result<(), support::Report> {
    // ANCHOR: cloud
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(9);
    let z = Array2::from_shape_simple_fn((500, 2), || -> f64 {
        StandardNormal.sample(&mut rng)
    });
    let mix = array![[2.0, 0.0], [1.2, 0.6]]; // x = z · Mᵀ + shift
    let x = z.dot(&mix.t()) + array![3.0, 1.0];
    let (cov, mean) = covariance(x.view())?;
    let (_, v) = cov.eigh(UPLO::Lower)?;
    let rotated = (&x - &mean).dot(&v); // onto the principal axes
    let (white, w) = whiten(x.view())?;
    // Off-diagonal rounding noise (about 1e-16) would print as 0.0000 or
    // -0.0000 depending on the CPU: show it as the zero it stands for.
    let noise_to_zero =
        |c: Array2<f64>| c.mapv(|v| if v.abs() < 1e-12 { 0.0 } else { v });
    println!("covariance of x:\n{cov:.4}");
    let after = noise_to_zero(covariance(rotated.view())?.0);
    println!("covariance after rotating:\n{after:.4}");
    println!("whitening matrix W:\n{w:.4}");
    let after = noise_to_zero(covariance(white.view())?.0);
    println!("covariance after whitening:\n{after:.4}");
    // ANCHOR_END: cloud
    let panels = [
        ("original", &x),
        ("centred and rotated", &rotated),
        ("whitened", &white),
    ];
    let name =
        draw_svg_sized("chapter09", "whitening.svg", (900, 320), |root| {
            for (i, (area, (title, pts))) in
                root.split_evenly((1, 3)).iter().zip(panels).enumerate()
            {
                let mut chart = ChartBuilder::on(area)
                    .caption(title, caption_style())
                    .margin(8)
                    .x_label_area_size(25)
                    .y_label_area_size(30)
                    .build_cartesian_2d(-8.0..11.0, -8.0..11.0)?;
                chart.configure_mesh().label_style(tick_style()).draw()?;
                chart.draw_series(pts.rows().into_iter().map(|p| {
                    Circle::new((p[0], p[1]), 2, color(i).filled())
                }))?;
            }
            Ok(())
        })?;
    println!("figure: {name}");
    Ok(())
}
