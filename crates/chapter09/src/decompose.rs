//! How each decomposition is checked: rebuild the matrix from its factors and
//! measure the relative Frobenius distance to the original. And two
//! factorisations written out, to see what LAPACK computes: LU by Gaussian
//! elimination with partial pivoting, and QR by Gram–Schmidt.

use crate::Error;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use ndarray_linalg::OperationNorm;

/// `‖a − b‖_F / ‖a‖_F`, the relative Frobenius distance.
pub fn relative_error(a: ArrayView2<'_, f64>, b: ArrayView2<'_, f64>) -> f64 {
    let diff = &a - &b;
    let num = diff.opnorm_fro().expect("Frobenius norm cannot fail");
    num / a.opnorm_fro().expect("Frobenius norm cannot fail")
}

// ANCHOR: rebuild_svd
/// `U · diag(s) · Vᵀ` from a thin SVD: scaling the columns of `U` by `s`
/// (a broadcast) is the product with the diagonal matrix, without building it.
pub fn rebuild_svd(
    u: ArrayView2<'_, f64>,
    s: ArrayView1<'_, f64>,
    vt: ArrayView2<'_, f64>,
) -> Array2<f64> {
    let k = s.len();
    let us = &u.slice(ndarray::s![.., ..k]) * &s; // each column j times s[j]
    us.dot(&vt.slice(ndarray::s![..k, ..]))
}
// ANCHOR_END: rebuild_svd

/// The factors of [`lu`]: `P A = L U`.
#[derive(Debug, Clone)]
pub struct Lu {
    /// Row `i` of `P A` is row `perm[i]` of `A`.
    pub perm: Vec<usize>,
    /// Unit lower triangular.
    pub l: Array2<f64>,
    /// Upper triangular.
    pub u: Array2<f64>,
}

impl Lu {
    /// The permutation as a matrix: `P[i, perm[i]] = 1`. SciPy's
    /// `scipy.linalg.lu` returns its transpose, with `A = Pᵀ L U`.
    pub fn p(&self) -> Array2<f64> {
        let n = self.perm.len();
        let mut p = Array2::zeros((n, n));
        for (i, &row) in self.perm.iter().enumerate() {
            p[[i, row]] = 1.0;
        }
        p
    }
}

// ANCHOR: lu
/// `P A = L U` by Gaussian elimination with partial pivoting (what LAPACK's
/// `dgetrf` computes, without its blocking): at step `k`, swap up the row
/// with the largest `|U[i, k]|`, then subtract multiples of row `k` from the
/// rows below. The multipliers, all of magnitude at most 1, fill `L`.
pub fn lu(a: ArrayView2<'_, f64>) -> Result<Lu, Error> {
    let (rows, cols) = a.dim();
    if rows != cols || rows == 0 {
        return Err(Error::NotSquare { rows, cols });
    }
    let n = rows;
    let (mut u, mut l) = (a.to_owned(), Array2::<f64>::eye(n));
    let mut perm: Vec<usize> = (0..n).collect();
    for k in 0..n {
        // The first row of largest magnitude in column k, as LAPACK picks.
        let p = (k..n).fold(k, |p, i| {
            if u[[i, k]].abs() > u[[p, k]].abs() {
                i
            } else {
                p
            }
        });
        if p != k {
            perm.swap(p, k);
            for j in 0..n {
                u.swap([p, j], [k, j]);
            }
            for j in 0..k {
                l.swap([p, j], [k, j]); // the multipliers move with the rows
            }
        }
        let pivot = u[[k, k]];
        if pivot == 0.0 {
            continue; // singular: the column is already zero below
        }
        for i in k + 1..n {
            let m = u[[i, k]] / pivot;
            l[[i, k]] = m;
            u[[i, k]] = 0.0;
            for j in k + 1..n {
                u[[i, j]] -= m * u[[k, j]];
            }
        }
    }
    Ok(Lu { perm, l, u })
}
// ANCHOR_END: lu

// ANCHOR: gram_schmidt
/// `A = Q R` by Gram–Schmidt, column by column: subtract from column `j` its
/// projections on the `q`s found so far, then normalise. The classical
/// version projects the original column; the modified one projects what is
/// left after each subtraction, the same in exact arithmetic and far more
/// orthogonal in floating point. Needs `A` of full column rank.
pub fn gram_schmidt(
    a: ArrayView2<'_, f64>,
    modified: bool,
) -> Result<(Array2<f64>, Array2<f64>), Error> {
    let (rows, cols) = a.dim();
    if rows < cols || cols == 0 {
        return Err(Error::Underdetermined { rows, cols });
    }
    let mut q = Array2::<f64>::zeros((rows, cols));
    let mut r = Array2::<f64>::zeros((cols, cols));
    for j in 0..cols {
        let mut v: Array1<f64> = a.column(j).to_owned();
        for i in 0..j {
            let qi = q.column(i);
            // Classical: qᵢ · aⱼ. Modified: qᵢ · (what is left of aⱼ).
            r[[i, j]] = if modified {
                qi.dot(&v)
            } else {
                qi.dot(&a.column(j))
            };
            v.scaled_add(-r[[i, j]], &qi);
        }
        r[[j, j]] = v.dot(&v).sqrt();
        // Nothing left but rounding: column j depends on the ones before.
        let scale = a.column(j).dot(&a.column(j)).sqrt();
        if r[[j, j]] <= f64::EPSILON * rows as f64 * scale {
            return Err(Error::RankDeficient { column: j });
        }
        q.column_mut(j).assign(&(v / r[[j, j]]));
    }
    Ok((q, r))
}
// ANCHOR_END: gram_schmidt

/// `‖QᵀQ − I‖_F`: how far the columns of `Q` are from orthonormal.
pub fn loss_of_orthogonality(q: ArrayView2<'_, f64>) -> f64 {
    let k = q.ncols();
    let gram = q.t().dot(&q) - Array2::<f64>::eye(k);
    gram.opnorm_fro().expect("Frobenius norm cannot fail")
}
