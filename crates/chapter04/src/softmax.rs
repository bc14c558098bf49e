//! The hands-on: softmax and log-sum-exp over the rows of a matrix of scores,
//! from the textbook formula to a fused, numerically stable version.
//!
//! For a row `s`, `softmax(s)_j = exp(s_j) / sum_k exp(s_k)` and
//! `logsumexp(s) = log(sum_k exp(s_k))`. Both overflow when a score is above
//! about 709 (`exp` of it is beyond the largest `f64`); subtracting the row's
//! maximum `m` first changes neither result, since
//! `exp(s_j - m) / sum_k exp(s_k - m)` is the same fraction and
//! `logsumexp(s) = m + log(sum_k exp(s_k - m))`, and keeps every `exp` at most
//! 1.

use ndarray::{Array1, Array2, ArrayView2, ArrayViewMut1, ArrayViewMut2, Axis};
use ndarray::{Zip, azip};

/// An output whose shape does not match the scores'.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} has shape {found:?}, expected {expected:?}")]
pub struct ShapeMismatch {
    pub what: &'static str,
    pub expected: Vec<usize>,
    pub found: Vec<usize>,
}

/// The scaled dot-product scores of the rows of `x` with each other,
/// `x x^T / sqrt(d)` (the scores of self-attention, with `d` columns).
pub fn attention_scores(x: ArrayView2<'_, f64>) -> Array2<f64> {
    let d = x.ncols() as f64;
    x.dot(&x.t()) / d.sqrt()
}

// ANCHOR: naive
/// Step 1, the formula as written: `exp` of every score, each row divided by
/// its sum. Overflows (to `inf / inf = NaN`) when a score is above about 709.
pub fn softmax_naive(s: ArrayView2<'_, f64>) -> Array2<f64> {
    let e = s.mapv(f64::exp);
    let sums = e.sum_axis(Axis(1)).insert_axis(Axis(1)); // shape (n, 1)
    e / &sums // (n, k) / (n, 1): broadcast across each row
}
// ANCHOR_END: naive

// ANCHOR: stable
/// Step 2, stable, written as NumPy code is: subtract each row's maximum
/// first. Each line is a pass over the matrix; two allocate a full-size
/// array (the division writes into the exponentials' buffer).
pub fn softmax_stable(s: ArrayView2<'_, f64>) -> Array2<f64> {
    let max = s.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| m.max(v));
    let shifted = &s - &max.insert_axis(Axis(1)); // allocates
    let e = shifted.mapv(f64::exp); // allocates
    let sums = e.sum_axis(Axis(1)).insert_axis(Axis(1));
    e / &sums // reuses e's buffer
}
// ANCHOR_END: stable

/// Checks that `out` has the shape of `s`.
fn check_shape(
    out: &ArrayViewMut2<'_, f64>,
    s: &ArrayView2<'_, f64>,
) -> Result<(), ShapeMismatch> {
    if out.shape() == s.shape() {
        Ok(())
    } else {
        Err(ShapeMismatch {
            what: "the output",
            expected: s.shape().to_vec(),
            found: out.shape().to_vec(),
        })
    }
}

// ANCHOR: inplace
/// Step 3, the same passes in place, into a buffer the caller reuses: no
/// allocation but the two small vectors of row maxima and sums.
pub fn softmax_inplace(
    mut out: ArrayViewMut2<'_, f64>,
    s: ArrayView2<'_, f64>,
) -> Result<(), ShapeMismatch> {
    check_shape(&out, &s)?;
    let max = s.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &v| m.max(v));
    Zip::from(&mut out)
        .and(&s)
        .and_broadcast(max.view().insert_axis(Axis(1)))
        .for_each(|o, &v, &m| *o = v - m);
    out.mapv_inplace(f64::exp);
    let sums = out.sum_axis(Axis(1));
    out /= &sums.insert_axis(Axis(1));
    Ok(())
}
// ANCHOR_END: inplace

// ANCHOR: fused
/// Step 4, fused by rows: for each row, one pass for its maximum, one that
/// writes `exp(s - max)` and adds it up, and one that divides. A row is a few
/// kilobytes, so the second and third passes find it in cache: the matrix
/// itself is read once and written once. Returns each row's log-sum-exp,
/// which falls out of the same sums.
pub fn softmax_fused(
    mut out: ArrayViewMut2<'_, f64>,
    s: ArrayView2<'_, f64>,
    mut logsumexp: ArrayViewMut1<'_, f64>,
) -> Result<(), ShapeMismatch> {
    check_shape(&out, &s)?;
    if logsumexp.len() != s.nrows() {
        return Err(ShapeMismatch {
            what: "logsumexp",
            expected: vec![s.nrows()],
            found: logsumexp.shape().to_vec(),
        });
    }
    Zip::from(out.rows_mut())
        .and(s.rows())
        .and(&mut logsumexp)
        .for_each(|mut out, s, lse| {
            let max = s.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
            let mut sum = 0.0;
            azip!((o in &mut out, &v in &s) {
                *o = (v - max).exp();
                sum += *o;
            });
            out /= sum;
            *lse = max + sum.ln();
        });
    Ok(())
}
// ANCHOR_END: fused

/// The log-sum-exp of every row, stable (SciPy's `logsumexp(s, axis=1)`).
pub fn logsumexp_rows(s: ArrayView2<'_, f64>) -> Array1<f64> {
    let mut out = Array2::zeros(s.raw_dim());
    let mut lse = Array1::zeros(s.nrows());
    softmax_fused(out.view_mut(), s, lse.view_mut())
        .expect("shapes made to match");
    lse
}
