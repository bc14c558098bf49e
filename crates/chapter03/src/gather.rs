//! Fancy indexing: gathering rows by integer indices, argsort, scattering.
//!
//! NumPy's `X[idx]` with an integer array `idx` copies the rows `idx[0]`,
//! `idx[1]`, ... into a new array. ndarray's `select(Axis(0), &idx)` does the
//! same, and panics on an index past the end; [`gather_rows`] is a checked
//! version that copies each row directly (and, as the chapter's benchmark
//! shows, faster). [`pick_per_row`] is the pointwise gather
//! `p[np.arange(n), y]`, one element per row. [`argsort`] is NumPy's
//! `np.argsort(kind="stable")`, [`scatter_rows`] the assignment
//! `out[idx] = rows`, and [`inverse_permutation`] the scatter that undoes a
//! permutation.

use std::cmp::Ordering;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut2, Zip};

use crate::IndexError;
use crate::mask::copy_row;

fn check_indices(indices: &[usize], len: usize) -> Result<(), IndexError> {
    match indices.iter().find(|&&i| i >= len) {
        Some(&index) => Err(IndexError::OutOfBounds { index, len }),
        None => Ok(()),
    }
}

// ANCHOR: gather
/// The rows `x[indices[0]], x[indices[1]], ...` (NumPy's `x[indices]`), or an
/// error naming the first index past the end.
pub fn gather_rows(
    x: ArrayView2<'_, f64>,
    indices: &[usize],
) -> Result<Array2<f64>, IndexError> {
    let mut out = Array2::zeros((indices.len(), x.ncols()));
    gather_rows_into(x, indices, out.view_mut())?;
    Ok(out)
}

/// Writes the rows `x[indices[k]]` into row `k` of `out`, which must have
/// `indices.len()` rows and `x`'s number of columns.
pub fn gather_rows_into(
    x: ArrayView2<'_, f64>,
    indices: &[usize],
    mut out: ArrayViewMut2<'_, f64>,
) -> Result<(), IndexError> {
    check_indices(indices, x.nrows())?;
    if out.dim() != (indices.len(), x.ncols()) {
        return Err(IndexError::Shape(format!(
            "output is {:?}, the selection is ({}, {})",
            out.dim(),
            indices.len(),
            x.ncols()
        )));
    }
    let width = x.ncols();
    if width == 0 {
        return Ok(()); // rows without columns: nothing to copy
    }
    if let (Some(src), Some(dst)) = (x.as_slice(), out.as_slice_mut()) {
        // Row-major on both sides: one row copy per index.
        for (dst_row, &i) in dst.chunks_exact_mut(width).zip(indices) {
            copy_row(dst_row, &src[i * width..(i + 1) * width]);
        }
    } else {
        for (mut dst_row, &i) in out.rows_mut().into_iter().zip(indices) {
            dst_row.assign(&x.row(i));
        }
    }
    Ok(())
}
// ANCHOR_END: gather

// ANCHOR: pick_per_row
/// One element per row: `p[k, cols[k]]` for every row `k` (NumPy's pointwise
/// gather `p[np.arange(n), cols]`), or an error for a length mismatch or a
/// column past the end. With class probabilities `p` and labels `cols`, it
/// is the probability each sample gives its true class.
pub fn pick_per_row(
    p: ArrayView2<'_, f64>,
    cols: ArrayView1<'_, usize>,
) -> Result<Array1<f64>, IndexError> {
    if cols.len() != p.nrows() {
        return Err(IndexError::Shape(format!(
            "{} column indices for {} rows",
            cols.len(),
            p.nrows()
        )));
    }
    if let Some(&index) = cols.iter().find(|&&j| j >= p.ncols()) {
        let len = p.ncols();
        return Err(IndexError::OutOfBounds { index, len });
    }
    Ok(Zip::from(p.rows()).and(&cols).map_collect(|row, &j| row[j]))
}
// ANCHOR_END: pick_per_row

/// Orders floats as NumPy's sort does: ascending, NaN after every number.
fn nan_last(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (false, false) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
    }
}

// ANCHOR: argsort
/// The indices that sort `values` ascending, equal values keeping their
/// order (NumPy's `np.argsort(values, kind="stable")`; NaN sorts last).
pub fn argsort(values: ArrayView1<'_, f64>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    // `sort_by` is stable: ties stay in index order.
    order.sort_by(|&i, &j| nan_last(values[i], values[j]));
    order
}
// ANCHOR_END: argsort

// ANCHOR: scatter
/// NumPy's `out[indices] = rows`: row `k` of `rows` is written to row
/// `indices[k]` of `out`. With a repeated index the last write wins.
pub fn scatter_rows(
    mut out: ArrayViewMut2<'_, f64>,
    indices: &[usize],
    rows: ArrayView2<'_, f64>,
) -> Result<(), IndexError> {
    check_indices(indices, out.nrows())?;
    if rows.dim() != (indices.len(), out.ncols()) {
        return Err(IndexError::Shape(format!(
            "{} indices and rows of shape {:?} for an output with {} columns",
            indices.len(),
            rows.dim(),
            out.ncols()
        )));
    }
    for (&i, row) in indices.iter().zip(rows.rows()) {
        out.row_mut(i).assign(&row);
    }
    Ok(())
}
// ANCHOR_END: scatter

// ANCHOR: inverse_permutation
/// The inverse of a permutation, `inverse[order[k]] = k` (NumPy's
/// `np.argsort(order)`), or an error if `order` is not a permutation of
/// `0..order.len()`.
pub fn inverse_permutation(order: &[usize]) -> Result<Vec<usize>, IndexError> {
    check_indices(order, order.len())?;
    let mut inverse = vec![usize::MAX; order.len()];
    for (k, &i) in order.iter().enumerate() {
        if inverse[i] != usize::MAX {
            return Err(IndexError::Shape(format!("{i} appears twice")));
        }
        inverse[i] = k; // a scatter: position i gets k
    }
    Ok(inverse)
}
// ANCHOR_END: inverse_permutation
