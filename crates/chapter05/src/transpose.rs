//! A transpose copied into row-major memory: the one-liners, an index loop,
//! and a blocked copy that moves the matrix one small tile at a time so that
//! both the reads and the writes stay in the cache. The chapter's benchmark
//! (`benches/transpose.rs`) times them against NumPy.

use ndarray::{Array2, ArrayView2};

use crate::restructure::RestructureError;

// ANCHOR: naive
/// The transpose of `x` in a new row-major array: ndarray's one-liner. `t()`
/// is a view with swapped strides; `as_standard_layout` copies it into fresh
/// row-major memory (`t().to_owned()` would copy it in column-major order).
pub fn transpose_to_owned(x: ArrayView2<'_, f64>) -> Array2<f64> {
    x.t().as_standard_layout().into_owned()
}

/// The same copy with an index loop: out row `j` is `x`'s column `j`, so
/// every read jumps a whole row of `x` ahead in memory.
pub fn transpose_loop(x: ArrayView2<'_, f64>) -> Array2<f64> {
    let (rows, cols) = x.dim();
    let mut out = Array2::zeros((cols, rows));
    for j in 0..cols {
        for i in 0..rows {
            out[[j, i]] = x[[i, j]];
        }
    }
    out
}
// ANCHOR_END: naive

/// Writes the transpose of `x` into `out` tile by tile: `block x block`
/// elements read from `x` and written to `out` while both tiles stay cached
/// (in L1 for most sizes; at a power-of-two row length such as 4096 the rows
/// of a tile map to a few L1 sets, and the tiles live in L2). `x` must be
/// row-major, `out` row-major of the transposed shape.
pub fn transpose_blocked_into(
    x: ArrayView2<'_, f64>,
    out: &mut Array2<f64>,
    block: usize,
) -> Result<(), RestructureError> {
    let (rows, cols) = x.dim();
    if out.dim() != (cols, rows) || block == 0 {
        return Err(RestructureError::Sizes(format!(
            "the transpose of a {rows} x {cols} matrix needs a {cols} x \
             {rows} output and a block of at least 1; got {:?} and {block}",
            out.dim()
        )));
    }
    let not_row_major =
        || RestructureError::Sizes("both matrices must be row-major".into());
    let src = x.as_slice().ok_or_else(not_row_major)?;
    let dst = out.as_slice_mut().ok_or_else(not_row_major)?;
    // ANCHOR: blocked
    for i0 in (0..rows).step_by(block) {
        let i1 = (i0 + block).min(rows);
        for j0 in (0..cols).step_by(block) {
            let j1 = (j0 + block).min(cols);
            // One tile: out[j, i0..i1] = x[i0..i1, j] for j in j0..j1.
            for j in j0..j1 {
                let out_row = &mut dst[j * rows + i0..j * rows + i1];
                for (o, i) in out_row.iter_mut().zip(i0..i1) {
                    *o = src[i * cols + j];
                }
            }
        }
    }
    // ANCHOR_END: blocked
    Ok(())
}

/// The transpose of a row-major `x` in a new row-major array, copied tile by
/// tile ([`transpose_blocked_into`]).
pub fn transpose_blocked(
    x: ArrayView2<'_, f64>,
    block: usize,
) -> Result<Array2<f64>, RestructureError> {
    let (rows, cols) = x.dim();
    let mut out = Array2::zeros((cols, rows));
    transpose_blocked_into(x, &mut out, block)?;
    Ok(out)
}
