//! The geometry of the SVD: a 2 × 2 matrix maps the unit circle to an
//! ellipse, in three steps, `A = U Σ Vᵀ`: rotate by `Vᵀ`, scale the axes by
//! the singular values, rotate by `U` (figure `svd_geometry.svg`).

use ndarray::{Array1, Array2, array};
use ndarray_linalg::{Determinant, SVD};
use plotters::prelude::*;
use support::plot::{caption_style, color, draw_svg_sized, tick_style};

fn main() -> Result<(), support::Report> {
    // ANCHOR: geometry
    let a: Array2<f64> = array![[3.0, 2.0], [-1.0, 2.0]]; // det 8 > 0
    let (u, s, vt) = a.svd(true, true)?;
    let (mut u, mut vt) = (u.ok_or("no U")?, vt.ok_or("no Vᵀ")?);
    // Signs are free (flip uᵢ and vᵢ together); choose det V = +1, so that
    // Vᵀ and U are rotations rather than reflections, and the smaller angle.
    if vt.det()? < 0.0 {
        u.column_mut(1).mapv_inplace(|x| -x);
        vt.row_mut(1).mapv_inplace(|x| -x);
    }
    if vt[[0, 0]] < 0.0 {
        (u, vt) = (-u, -vt); // a half-turn of both: the product is the same
    }
    println!("σ = {s:.4}");
    for (name, m) in [("Vᵀ", &vt), ("U", &u)] {
        let angle = m[[1, 0]].atan2(m[[0, 0]]).to_degrees();
        println!("{name:>2} rotates by {angle:7.2}°  (det {:.1})", m.det()?);
    }
    for i in 0..2 {
        let v = vt.row(i);
        let error = (a.dot(&v) - &u.column(i) * s[i]).mapv(f64::abs).sum();
        println!("A v{i} = σ{i} u{i}: error {}", support::below(error, 1e-14));
    }
    // ANCHOR_END: geometry
    let circle = Array2::from_shape_fn((2, 201), |(r, k)| {
        let t = k as f64 * std::f64::consts::TAU / 200.0;
        if r == 0 { t.cos() } else { t.sin() }
    });
    let sigma = Array2::from_diag(&s);
    // The circle and the two vectors v₀, v₁ after each step.
    let steps: [(&str, Array2<f64>); 4] = [
        ("unit circle, v₀ and v₁", Array2::eye(2)),
        ("after Vᵀ: rotated", vt.clone()),
        ("after Σ: scaled", sigma.dot(&vt)),
        ("after U: A x", u.dot(&sigma).dot(&vt)),
    ];
    let name =
        draw_svg_sized("chapter09", "svd_geometry.svg", (1000, 280), |root| {
            let areas = root.split_evenly((1, 4));
            for (area, (title, m)) in areas.iter().zip(&steps) {
                let mut chart = ChartBuilder::on(area)
                    .caption(*title, caption_style())
                    .margin(8)
                    .x_label_area_size(22)
                    .y_label_area_size(28)
                    .build_cartesian_2d(-4.0..4.0, -4.0..4.0)?;
                chart.configure_mesh().label_style(tick_style()).draw()?;
                let pts = m.dot(&circle);
                chart.draw_series(LineSeries::new(
                    pts.columns().into_iter().map(|p| (p[0], p[1])),
                    color(0).stroke_width(2),
                ))?;
                for i in 0..2 {
                    let v: Array1<f64> = m.dot(&vt.row(i));
                    chart.draw_series(LineSeries::new(
                        [(0.0, 0.0), (v[0], v[1])],
                        color(i + 1).stroke_width(3),
                    ))?;
                }
            }
            Ok(())
        })?;
    println!("figure: {name}");
    Ok(())
}
