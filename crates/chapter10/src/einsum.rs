//! Rust translations of four `np.einsum` expressions: a matrix product, a
//! batch of matrix products, row-wise dot products and a chain of three
//! matrices, each next to the explicit loops `einsum` runs without
//! `optimize=True`.

use ndarray::linalg::general_mat_mul;
use ndarray::{Array1, Array2, Array3, ArrayView2, ArrayView3, Axis, Zip};

/// Deterministic test matrices: element `[i, j]` is
/// `((i * 7 + j * 3 + seed) mod 11) / 10 - 0.5`. `tests/fixtures/einsum.py`
/// and the NumPy listing build the same numbers.
pub fn matrix(rows: usize, cols: usize, seed: usize) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        ((i * 7 + j * 3 + seed) % 11) as f64 / 10.0 - 0.5
    })
}

/// A stack of `batch` matrices built as [`matrix`] with seeds `seed + b`.
pub fn batch(
    batch: usize,
    rows: usize,
    cols: usize,
    seed: usize,
) -> Array3<f64> {
    let mut out = Array3::zeros((batch, rows, cols));
    for (b, mut m) in out.outer_iter_mut().enumerate() {
        m.assign(&matrix(rows, cols, seed + b));
    }
    out
}

// ANCHOR: loops
/// `einsum('ij,jk->ik', a, b)` as einsum's loops: one multiply-add per
/// (i, j, k).
pub fn matmul_loops(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
) -> Array2<f64> {
    let (n, m, p) = (a.nrows(), a.ncols(), b.ncols());
    let mut c = Array2::zeros((n, p));
    for i in 0..n {
        for j in 0..m {
            for k in 0..p {
                c[[i, k]] += a[[i, j]] * b[[j, k]];
            }
        }
    }
    c
}

/// `einsum('ij,jk,kl->il', a, b, c)` without `optimize`: one loop nest
/// over all four indices, n^4 multiply-adds for n x n matrices.
pub fn chain_loops(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    c: ArrayView2<'_, f64>,
) -> Array2<f64> {
    let (n, m, p, q) = (a.nrows(), a.ncols(), b.ncols(), c.ncols());
    let mut out = Array2::zeros((n, q));
    for i in 0..n {
        for j in 0..m {
            for k in 0..p {
                let ab = a[[i, j]] * b[[j, k]];
                for l in 0..q {
                    out[[i, l]] += ab * c[[k, l]];
                }
            }
        }
    }
    out
}
// ANCHOR_END: loops

// ANCHOR: translations
/// `einsum('ij,jk,kl->il', a, b, c, optimize=True)`: two matrix products,
/// the cheaper pair first (what `np.einsum_path` chooses).
pub fn chain(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
    c: ArrayView2<'_, f64>,
) -> Array2<f64> {
    // (a b) c costs n m p + n p q multiply-adds, a (b c) costs m p q + n m q.
    let (n, m, p, q) = (a.nrows(), a.ncols(), b.ncols(), c.ncols());
    if n * m * p + n * p * q <= m * p * q + n * m * q {
        a.dot(&b).dot(&c)
    } else {
        a.dot(&b.dot(&c))
    }
}

/// `einsum('bij,bjk->bik', a, b)` (NumPy's `a @ b` on stacks): one matrix
/// product per batch, written into the output's slices.
pub fn batched_matmul(
    a: ArrayView3<'_, f64>,
    b: ArrayView3<'_, f64>,
) -> Array3<f64> {
    let (batch, n, _) = a.dim();
    let p = b.dim().2;
    let mut out = Array3::zeros((batch, n, p));
    Zip::from(out.outer_iter_mut())
        .and(a.outer_iter())
        .and(b.outer_iter())
        .for_each(|mut c, a, b| general_mat_mul(1.0, &a, &b, 0.0, &mut c));
    out
}

/// `einsum('ij,ij->i', x, y)`: the dot product of each pair of rows, with
/// no `x * y` temporary.
pub fn row_dots(x: ArrayView2<'_, f64>, y: ArrayView2<'_, f64>) -> Array1<f64> {
    Zip::from(x.rows())
        .and(y.rows())
        .map_collect(|x, y| x.dot(&y))
}
// ANCHOR_END: translations

/// `einsum('ij,ij->i', x, y)` as it is often first written: `(x * y).sum(1)`,
/// a full temporary, then the sums.
pub fn row_dots_temporary(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Array1<f64> {
    (&x * &y).sum_axis(Axis(1))
}
