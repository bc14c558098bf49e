//! Linear regression on the diabetes data by the normal equations, QR and
//! the SVD, ridge, and linfa-linear beside them; then a polynomial design
//! where the normal equations lose half the digits.

use chapter09::conditioning::condition_number;
use chapter09::regression::{Method, fit, r2_score};
use linfa::prelude::*;
use ndarray::{Array1, Array2};
use ndarray_linalg::Norm;

fn main() -> Result<(), support::Report> {
    support::output_part("diabetes");
    // ANCHOR: diabetes
    let d = support::data::load_diabetes()?;
    let (x, y) = (d.features.view(), d.target.view());
    for method in [
        Method::NormalEquations,
        Method::Qr,
        Method::Svd,
        Method::Ridge(10.0),
    ] {
        let m = fit(x, y, method)?;
        let r2 = r2_score(y, m.predict(x).view())?;
        println!(
            "{:<16} b = {:.8}  w[bmi] = {:.8}  R² = {r2:.10}",
            format!("{method:?}"),
            m.intercept,
            m.coef[2]
        );
    }
    let data = linfa::Dataset::new(d.features.clone(), d.target.clone());
    let lin = linfa_linear::LinearRegression::new().fit(&data)?;
    println!(
        "{:<16} b = {:.8}  w[bmi] = {:.8}",
        "linfa-linear",
        lin.intercept(),
        lin.params()[2]
    );
    // ANCHOR_END: diabetes

    support::output_part("polynomial");
    // ANCHOR: polynomial
    // y = 1 + x + x² + ... + x⁹ on [0, 1]: the true coefficients are all 1.
    let n = 100;
    let t = Array1::<f64>::linspace(0.0, 1.0, n);
    let design =
        Array2::from_shape_fn((n, 9), |(i, j)| t[i].powi(j as i32 + 1));
    let y = design.sum_axis(ndarray::Axis(1)) + 1.0;
    let cond = condition_number(
        (&design - &design.mean_axis(ndarray::Axis(0)).ok_or("empty")?).view(),
    )?;
    println!(
        "cond(X) = {cond:.2e}, cond(XᵀX) = cond(X)² = {:.2e}",
        cond * cond
    );
    for method in [Method::NormalEquations, Method::Qr, Method::Svd] {
        let m = fit(design.view(), y.view(), method)?;
        let err = (&m.coef - 1.0).norm_l2() / 3.0; // ‖w − 1‖ / ‖1‖
        println!(
            "{:<16} relative error of w: {err:.1e}",
            format!("{method:?}")
        );
    }
    // ANCHOR_END: polynomial
    Ok(())
}
