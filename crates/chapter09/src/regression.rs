//! Linear least squares three ways (normal equations, QR, SVD), ridge
//! regression in closed form, and R². Every fit centres the data first, so
//! the intercept is `ȳ − x̄ · w` and is never penalised.

use crate::Error;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use ndarray_linalg::{Diag, JobSvd, QR, SVDDC, Solve, SolveTriangular, UPLO};

/// How [`fit`] solves the least-squares problem.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    /// Solve `XᵀX w = Xᵀy` (squares the condition number).
    NormalEquations,
    /// `X = QR`, then solve the triangular `R w = Qᵀy`.
    Qr,
    /// The pseudo-inverse from the SVD, `w = V S⁺ Uᵀ y`.
    Svd,
    /// Ridge: `(XᵀX + αI) w = Xᵀy`.
    Ridge(f64),
}

/// A fitted linear model `y ≈ x · coef + intercept`.
#[derive(Debug, Clone)]
pub struct LinearFit {
    pub coef: Array1<f64>,
    pub intercept: f64,
}

impl LinearFit {
    /// The model's predictions for the rows of `x`.
    pub fn predict(&self, x: ArrayView2<'_, f64>) -> Array1<f64> {
        x.dot(&self.coef) + self.intercept
    }
}

// ANCHOR: fit
/// Fits `y ≈ x · w + b` by least squares with the chosen method.
pub fn fit(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
    method: Method,
) -> Result<LinearFit, Error> {
    let (n, d) = x.dim();
    if y.len() != n {
        let what = "rows of x and values of y";
        return Err(Error::Lengths {
            left: n,
            right: y.len(),
            what,
        });
    }
    if n <= d {
        return Err(Error::Underdetermined { rows: n, cols: d });
    }
    let (x_mean, y_mean) = (x.mean_axis(Axis(0)).expect("n > 0"), y.mean());
    let xc = &x - &x_mean;
    let yc = &y - y_mean.expect("n > 0");
    let coef = match method {
        Method::NormalEquations => xc.t().dot(&xc).solve(&xc.t().dot(&yc))?,
        Method::Ridge(alpha) => {
            let gram = xc.t().dot(&xc) + Array2::<f64>::eye(d) * alpha;
            gram.solve(&xc.t().dot(&yc))?
        }
        Method::Qr => {
            let (q, r) = xc.qr()?; // thin: q is n x d, r is d x d
            r.solve_triangular(UPLO::Upper, Diag::NonUnit, &q.t().dot(&yc))?
        }
        Method::Svd => {
            let (u, s, vt) = xc.svddc(JobSvd::Some)?;
            let (u, vt) = (u.expect("asked for U"), vt.expect("asked for Vᵀ"));
            // Pseudo-inverse: invert the singular values above a cutoff.
            let cutoff = s[0] * f64::EPSILON * n.max(d) as f64;
            let s_inv = s.mapv(|v| if v > cutoff { 1.0 / v } else { 0.0 });
            vt.t().dot(&(u.t().dot(&yc) * s_inv))
        }
    };
    let intercept = y_mean.expect("n > 0") - x_mean.dot(&coef);
    Ok(LinearFit { coef, intercept })
}
// ANCHOR_END: fit

/// The coefficient of determination `1 − SS_res / SS_tot`. An error when
/// the lengths differ, when `y` is empty, and when `y` is constant
/// (`SS_tot = 0`: scikit-learn's `r2_score` returns 1.0 or 0.0 there by
/// convention, which hides that the score means nothing).
pub fn r2_score(
    y: ArrayView1<'_, f64>,
    predicted: ArrayView1<'_, f64>,
) -> Result<f64, Error> {
    if y.len() != predicted.len() {
        let (left, right) = (y.len(), predicted.len());
        let what = "targets and predictions";
        return Err(Error::Lengths { left, right, what });
    }
    let Some(mean) = y.mean() else {
        return Err(Error::TooFewRows {
            rows: 0,
            needed: 1,
            what: "R²",
        });
    };
    let ss_res: f64 = (&y - &predicted).mapv(|r| r * r).sum();
    let ss_tot: f64 = y.mapv(|v| (v - mean) * (v - mean)).sum();
    if ss_tot == 0.0 {
        return Err(Error::ConstantTarget { value: y[0] });
    }
    Ok(1.0 - ss_res / ss_tot)
}
