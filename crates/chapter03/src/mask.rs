//! Boolean masks: selecting the rows where a mask is true, and `np.where`.
//!
//! NumPy's `X[mask]` is one expression. ndarray has no boolean index, so there
//! are two idiomatic ways to write it, which this module implements and the
//! chapter's benchmark times:
//!
//! - [`rows_where_select`]: turn the mask into the list of row numbers where it
//!   is true, then gather those rows with ndarray's `select`;
//! - [`rows_where_copy`]: count the true entries, then copy each selected row
//!   straight into an output of the right size ([`rows_where_into`] writes
//!   into an output the caller already has).

use ndarray::{
    Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut2, Axis, Zip,
};

use crate::IndexError;

fn check_mask(
    x: &ArrayView2<'_, f64>,
    mask: &ArrayView1<'_, bool>,
) -> Result<(), IndexError> {
    if mask.len() != x.nrows() {
        return Err(IndexError::MaskLength {
            mask: mask.len(),
            len: x.nrows(),
        });
    }
    Ok(())
}

// ANCHOR: indices
/// The positions where `mask` is true, in order: NumPy's `np.flatnonzero`.
pub fn true_indices(mask: ArrayView1<'_, bool>) -> Vec<usize> {
    mask.iter()
        .enumerate()
        .filter_map(|(i, &keep)| keep.then_some(i))
        .collect()
}
// ANCHOR_END: indices

// ANCHOR: select_way
/// The rows of `x` where `mask` is true (NumPy's `x[mask]`): the positions
/// of the true entries, then ndarray's `select`.
pub fn rows_where_select(
    x: ArrayView2<'_, f64>,
    mask: ArrayView1<'_, bool>,
) -> Result<Array2<f64>, IndexError> {
    check_mask(&x, &mask)?;
    Ok(x.select(Axis(0), &true_indices(mask)))
}
// ANCHOR_END: select_way

/// Copies one row element by element (the version the chapter's benchmark
/// times; `dst.copy_from_slice(src)` computes the same).
#[inline]
pub(crate) fn copy_row(dst: &mut [f64], src: &[f64]) {
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
    }
}

// ANCHOR: copy_way
/// The rows of `x` where `mask` is true, copied row by row into an output
/// allocated once at its final size.
pub fn rows_where_copy(
    x: ArrayView2<'_, f64>,
    mask: ArrayView1<'_, bool>,
) -> Result<Array2<f64>, IndexError> {
    check_mask(&x, &mask)?;
    let kept = mask.iter().filter(|&&keep| keep).count();
    let mut out = Array2::zeros((kept, x.ncols()));
    rows_where_into(x, mask, out.view_mut())?;
    Ok(out)
}
// ANCHOR_END: copy_way

/// Writes the rows of `x` where `mask` is true into `out`, which must have
/// exactly that many rows and `x`'s number of columns.
pub fn rows_where_into(
    x: ArrayView2<'_, f64>,
    mask: ArrayView1<'_, bool>,
    mut out: ArrayViewMut2<'_, f64>,
) -> Result<(), IndexError> {
    check_mask(&x, &mask)?;
    let kept = mask.iter().filter(|&&keep| keep).count();
    if out.dim() != (kept, x.ncols()) {
        return Err(IndexError::Shape(format!(
            "output is {:?}, the selection is ({kept}, {})",
            out.dim(),
            x.ncols()
        )));
    }
    let width = x.ncols();
    if width == 0 {
        return Ok(()); // rows without columns: nothing to copy
    }
    // ANCHOR: copy_loop
    // Row-major on both sides: each row is one contiguous slice. Copy every
    // row to the next free slot, and move on to the following slot only if
    // the row is kept: the loop has no branch on the mask.
    if let (Some(src), Some(dst)) = (x.as_slice(), out.as_slice_mut()) {
        let mut k = 0;
        for (row, &keep) in src.chunks_exact(width).zip(mask) {
            if k == kept {
                break; // every kept row is in place
            }
            copy_row(&mut dst[k * width..(k + 1) * width], row);
            k += usize::from(keep);
        }
        return Ok(());
    }
    // ANCHOR_END: copy_loop
    // Any other layout: the same walk, one row view at a time.
    let selected = x
        .rows()
        .into_iter()
        .zip(mask)
        .filter_map(|(row, &keep)| keep.then_some(row));
    for (mut dst_row, row) in out.rows_mut().into_iter().zip(selected) {
        dst_row.assign(&row);
    }
    Ok(())
}

// ANCHOR: where_
/// NumPy's `np.where(cond, a, b)`: `a` where `cond` is true, else `b`.
pub fn where_(
    cond: ArrayView1<'_, bool>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, IndexError> {
    if cond.len() != a.len() || cond.len() != b.len() {
        return Err(IndexError::Shape(format!(
            "cond, a and b have lengths {}, {} and {}",
            cond.len(),
            a.len(),
            b.len()
        )));
    }
    Ok(Zip::from(&cond)
        .and(&a)
        .and(&b)
        .map_collect(|&c, &x, &y| if c { x } else { y }))
}
// ANCHOR_END: where_
