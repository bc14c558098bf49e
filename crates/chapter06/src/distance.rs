//! Pairwise Euclidean distances between the rows of `x` (`n × d`) and the rows
//! of `y` (`m × d`), the `n × m` matrix that k-nearest neighbours, k-means,
//! kernel methods and t-SNE all start from (SciPy's `cdist`).
//!
//! - [`pairwise_naive`]: the broadcast `(n, 1, d) - (1, m, d)`, which builds an
//!   `n × m × d` intermediate.
//! - [`pairwise_chunked`]: the same broadcast, a block of rows of `x` at a
//!   time, so the intermediate is `rows × m × d` whatever `n` is.
//! - [`squared_gemm_raw`]: the trick `‖x‖² + ‖y‖² − 2 x·y`, whose `x·y` is one
//!   matrix product (GEMM), exactly as it is usually written, rounding
//!   problem included.
//! - [`pairwise_gemm`] and [`pairwise_gemm_blocked`]: the trick with the
//!   norms fused into one pass after the product, and entries that lost
//!   their precision to cancellation recomputed directly.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut2, Axis};

use ndarray::linalg::general_mat_mul;

use crate::BroadcastError;

fn same_width(
    x: &ArrayView2<'_, f64>,
    y: &ArrayView2<'_, f64>,
) -> Result<(), BroadcastError> {
    if x.ncols() == y.ncols() {
        Ok(())
    } else {
        Err(BroadcastError::Features {
            x: x.ncols(),
            y: y.ncols(),
        })
    }
}

// ANCHOR: naive
/// Distances by broadcasting: `x` as `(n, 1, d)` minus `y` as `(1, m, d)` is
/// the `(n, m, d)` cube of every difference, squared in place and summed
/// over its last axis.
pub fn pairwise_naive(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, BroadcastError> {
    same_width(&x, &y)?;
    let x3 = x.insert_axis(Axis(1)); // (n, 1, d), a view
    let y3 = y.insert_axis(Axis(0)); // (1, m, d), a view
    let mut diff = &x3 - &y3; // (n, m, d): n * m * d values allocated
    diff.mapv_inplace(|v| v * v);
    // Sum each length-d lane of the last axis, then take the root.
    Ok(diff.map_axis(Axis(2), |lane| lane.sum().sqrt()))
}
// ANCHOR_END: naive

// ANCHOR: chunked
/// [`pairwise_naive`], `rows` rows of `x` at a time: the intermediate is
/// `(rows, m, d)` instead of `(n, m, d)`, and each block of distances goes
/// straight into its rows of the output.
pub fn pairwise_chunked(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
    rows: usize,
) -> Result<Array2<f64>, BroadcastError> {
    same_width(&x, &y)?;
    if rows == 0 {
        return Err(BroadcastError::ChunkRows);
    }
    let mut out = Array2::zeros((x.nrows(), y.nrows()));
    let y3 = y.insert_axis(Axis(0)); // (1, m, d)
    let blocks = x.axis_chunks_iter(Axis(0), rows);
    let out_blocks = out.axis_chunks_iter_mut(Axis(0), rows);
    for (xb, mut ob) in blocks.zip(out_blocks) {
        let mut diff = &xb.insert_axis(Axis(1)) - &y3; // (rows, m, d)
        diff.mapv_inplace(|v| v * v);
        ob.assign(&diff.map_axis(Axis(2), |lane| lane.sum().sqrt()));
    }
    Ok(out)
}
// ANCHOR_END: chunked

/// The squared length `‖x_i‖²` of every row.
pub fn squared_norms(x: ArrayView2<'_, f64>) -> Array1<f64> {
    x.rows().into_iter().map(|r| r.dot(&r)).collect()
}

// ANCHOR: gemm_raw
/// Squared distances by the trick `‖x‖² + ‖y‖² − 2 x·y`, written the way it
/// usually is (and the way NumPy users write it): one matrix product, then
/// the norms broadcast as a column `(n, 1)` and a row `(1, m)`.
pub fn squared_gemm_raw(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, BroadcastError> {
    same_width(&x, &y)?;
    let xx = squared_norms(x);
    let yy = squared_norms(y);
    let mut sq = x.dot(&y.t()); // (n, m), one GEMM
    sq *= -2.0;
    sq += &xx.insert_axis(Axis(1)); // (n, 1) broadcast over columns
    sq += &yy.insert_axis(Axis(0)); // (1, m) broadcast over rows
    Ok(sq)
}
// ANCHOR_END: gemm_raw

// ANCHOR: recompute_below
/// An entry of the trick whose squared distance is below this fraction of
/// `‖x‖² + ‖y‖²` is recomputed directly. The trick's rounding error is a few
/// `f64::EPSILON * (‖x‖² + ‖y‖²)`, so every entry kept has a relative error
/// below about `4 * EPSILON / RECOMPUTE_BELOW`, some 1e-11.
pub const RECOMPUTE_BELOW: f64 = 1e-4;
// ANCHOR_END: recompute_below

// ANCHOR: finish
/// Turns a block of `x·yᵀ` into distances in place, row by row (see
/// [`finish_row`]); a row that is not contiguous is finished in a scratch
/// buffer and copied back.
fn finish_block(
    mut g: ArrayViewMut2<'_, f64>,
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
    xx: ArrayView1<'_, f64>,
    yy: ArrayView1<'_, f64>,
    take_sqrt: bool,
) {
    let yy = yy.to_vec(); // a plain slice: the loops below vectorise
    let mut scratch = Vec::new();
    for (i, mut row) in g.rows_mut().into_iter().enumerate() {
        let points = (x.row(i), y);
        match row.as_slice_mut() {
            Some(row) => finish_row(row, xx[i], &yy, points, take_sqrt),
            None => {
                scratch.clear();
                scratch.extend(row.iter().copied());
                finish_row(&mut scratch, xx[i], &yy, points, take_sqrt);
                row.assign(&ArrayView1::from(&scratch));
            }
        }
    }
}

/// One row: `‖x_i‖² + ‖y_j‖² − 2 g_j` in a branch-free pass, then the rare
/// entries that cancelled (a point's distance to itself, say) recomputed
/// from the points, then the square root (unless `take_sqrt` is false).
fn finish_row(
    row: &mut [f64],
    xi: f64,
    yy: &[f64],
    (x_i, y): (ArrayView1<'_, f64>, ArrayView2<'_, f64>),
    take_sqrt: bool,
) {
    let mut suspicious = false;
    for (g, &yj) in row.iter_mut().zip(yy) {
        let sq = xi + yj - 2.0 * *g;
        suspicious |= sq <= RECOMPUTE_BELOW * (xi + yj);
        *g = sq;
    }
    if suspicious {
        for (j, (g, &yj)) in row.iter_mut().zip(yy).enumerate() {
            if *g <= RECOMPUTE_BELOW * (xi + yj) {
                let diff = &x_i - &y.row(j);
                *g = diff.dot(&diff);
            }
        }
    }
    if take_sqrt {
        row.iter_mut().for_each(|g| *g = g.sqrt());
    }
}
// ANCHOR_END: finish

// ANCHOR: gemm
/// Distances by the trick: one GEMM for every `x·y` (ndarray's `dot`, which
/// calls the `matrixmultiply` crate), then [`finish_block`]'s single pass
/// adds the norms, repairs cancelled entries and takes the root.
pub fn pairwise_gemm(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, BroadcastError> {
    same_width(&x, &y)?;
    let (xx, yy) = (squared_norms(x), squared_norms(y));
    let mut out = x.dot(&y.t()); // (n, m)
    finish_block(out.view_mut(), x, y, xx.view(), yy.view(), true);
    Ok(out)
}
// ANCHOR_END: gemm

// ANCHOR: gemm_blocked
/// [`pairwise_gemm`], `rows` rows of `x` at a time: each block's product
/// lands in its rows of the output and is finished while it is still in
/// cache, instead of in a second pass over the whole matrix.
pub fn pairwise_gemm_blocked(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
    rows: usize,
) -> Result<Array2<f64>, BroadcastError> {
    let mut out = Array2::zeros((x.nrows(), y.nrows()));
    pairwise_gemm_into(x, y, rows, out.view_mut())?;
    Ok(out)
}

/// [`pairwise_gemm_blocked`] into an `n × m` output the caller owns (and may
/// reuse from one call to the next); `rows >= n` is one block.
pub fn pairwise_gemm_into(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
    rows: usize,
    out: ArrayViewMut2<'_, f64>,
) -> Result<(), BroadcastError> {
    blocked_into(x, y, rows, true, out)
}
// ANCHOR_END: gemm_blocked

/// Squared distances by the repaired trick (no square root), as kernels such
/// as the RBF kernel need them.
pub fn squared_distances(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, BroadcastError> {
    let mut out = Array2::zeros((x.nrows(), y.nrows()));
    blocked_into(x, y, 64, false, out.view_mut())?;
    Ok(out)
}

fn blocked_into(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
    rows: usize,
    take_sqrt: bool,
    mut out: ArrayViewMut2<'_, f64>,
) -> Result<(), BroadcastError> {
    same_width(&x, &y)?;
    if rows == 0 {
        return Err(BroadcastError::ChunkRows);
    }
    if out.dim() != (x.nrows(), y.nrows()) {
        return Err(BroadcastError::OutputShape {
            expected: vec![x.nrows(), y.nrows()],
            found: out.shape().to_vec(),
        });
    }
    let (xx, yy) = (squared_norms(x), squared_norms(y));
    let blocks = x
        .axis_chunks_iter(Axis(0), rows)
        .zip(xx.axis_chunks_iter(Axis(0), rows))
        .zip(out.axis_chunks_iter_mut(Axis(0), rows));
    for ((xb, xxb), mut ob) in blocks {
        general_mat_mul(1.0, &xb, &y.t(), 0.0, &mut ob);
        finish_block(ob, xb, y, xxb, yy.view(), take_sqrt);
    }
    Ok(())
}
