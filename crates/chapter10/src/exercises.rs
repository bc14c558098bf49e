//! Solutions to the exercises of chapter 10 (the book's exercises page
//! shows each signature, then the solution). `tests/exercises.rs` runs every
//! one of them, and `benches/exercises.rs` times them.

use ndarray::linalg::general_mat_mul;
use ndarray::parallel::prelude::*;
use ndarray::{Array1, Array2, Array3, ArrayView1, ArrayView2, ArrayView3};
use ndarray::{ArrayViewMut2, Axis, Zip};

/// Why an exercise's inputs cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExerciseError {
    #[error("shapes {0:?} and {1:?} do not fit together")]
    Shape(Vec<usize>, Vec<usize>),
    #[error("the input is empty")]
    Empty,
    #[error("k = {k} but only {available} neighbours exist")]
    K { k: usize, available: usize },
}

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// Min-max scaling of every column into `out` (scikit-learn's
/// `MinMaxScaler`): `(x - min) / (max - min)`, a constant column giving
/// zeros. No allocation the size of `x`: only the column minima and ranges.
pub fn min_max_scale_into(
    x: ArrayView2<'_, f64>,
    mut out: ArrayViewMut2<'_, f64>,
) -> Result<(), ExerciseError> {
    // ANCHOR_END: ex1_signature
    if x.dim() != out.dim() {
        return Err(ExerciseError::Shape(
            x.shape().to_vec(),
            out.shape().to_vec(),
        ));
    }
    if x.is_empty() {
        return Err(ExerciseError::Empty);
    }
    let lo = x.fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v));
    let hi = x.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max(v));
    let range = (&hi - &lo).mapv_into(|r| if r == 0.0 { 1.0 } else { r });
    Zip::from(&mut out)
        .and(&x)
        .and_broadcast(&lo)
        .and_broadcast(&range)
        .for_each(|o, &v, &l, &r| *o = (v - l) / r);
    Ok(())
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// The indices of the `k` smallest values, smallest first; equal values in
/// index order. Linear time before the final sort of `k` items.
pub fn k_smallest(
    values: &[f32],
    k: usize,
) -> Result<Vec<usize>, ExerciseError> {
    // ANCHOR_END: ex2_signature
    if k > values.len() {
        return Err(ExerciseError::K {
            k,
            available: values.len(),
        });
    }
    if k == 0 {
        return Ok(Vec::new());
    }
    let by_value_then_index =
        |a: &usize, b: &usize| values[*a].total_cmp(&values[*b]).then(a.cmp(b));
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.select_nth_unstable_by(k - 1, by_value_then_index);
    idx.truncate(k);
    idx.sort_unstable_by(by_value_then_index);
    Ok(idx)
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// All squared Euclidean distances between the rows of `a` and of `b`
/// (SciPy's `cdist(a, b, "sqeuclidean")`) by one matrix product:
/// `|a|^2 + |b|^2 - 2 a b^T`, never below zero.
pub fn pairwise_sq_distances(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, ExerciseError> {
    // ANCHOR_END: ex3_signature
    if a.ncols() != b.ncols() {
        return Err(ExerciseError::Shape(
            a.shape().to_vec(),
            b.shape().to_vec(),
        ));
    }
    let a_sq = a.map_axis(Axis(1), |r| r.dot(&r));
    let b_sq = b.map_axis(Axis(1), |r| r.dot(&r));
    let mut d = Array2::zeros((a.nrows(), b.nrows()));
    general_mat_mul(-2.0, &a, &b.t(), 0.0, &mut d);
    Zip::from(&mut d)
        .and_broadcast(a_sq.view().insert_axis(Axis(1)))
        .and_broadcast(&b_sq)
        // Rounding can leave a value just below 0 where the distance is 0.
        .for_each(|d, &x, &y| *d = (*d + x + y).max(0.0));
    Ok(d)
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// `np.einsum("bij,bjk->bik", a, b)`: one matrix product per batch entry.
pub fn batched_products(
    a: ArrayView3<'_, f64>,
    b: ArrayView3<'_, f64>,
) -> Result<Array3<f64>, ExerciseError> {
    // ANCHOR_END: ex4_signature
    let ((n, i, j), (m, j2, k)) = (a.dim(), b.dim());
    if n != m || j != j2 {
        return Err(ExerciseError::Shape(
            a.shape().to_vec(),
            b.shape().to_vec(),
        ));
    }
    let mut out = Array3::zeros((n, i, k));
    Zip::from(out.outer_iter_mut())
        .and(a.outer_iter())
        .and(b.outer_iter())
        .for_each(|mut c, a, b| general_mat_mul(1.0, &a, &b, 0.0, &mut c));
    Ok(out)
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The largest value of every row, rows shared among rayon's threads; a row
/// with a NaN gives NaN, as `np.max(x, axis=1)` does.
pub fn par_row_max(
    x: ArrayView2<'_, f64>,
) -> Result<Array1<f64>, ExerciseError> {
    // ANCHOR_END: ex5_signature
    if x.ncols() == 0 {
        return Err(ExerciseError::Empty);
    }
    let maxima: Vec<f64> = x
        .axis_iter(Axis(0))
        .into_par_iter()
        .map(|row| {
            row.iter().fold(f64::NEG_INFINITY, |m, &v| {
                if v.is_nan() || m.is_nan() {
                    f64::NAN
                } else {
                    m.max(v)
                }
            })
        })
        .collect();
    Ok(Array1::from(maxima))
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// Leave-one-out accuracy of k-nearest-neighbour classification: each row
/// is predicted from its `k` nearest *other* rows (ties to the earlier row,
/// a tied vote to the smaller label), and the share predicted right.
pub fn leave_one_out_accuracy(
    x: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    k: usize,
) -> Result<f64, ExerciseError> {
    // ANCHOR_END: ex6_signature
    let n = x.nrows();
    if n != labels.len() {
        return Err(ExerciseError::Shape(
            x.shape().to_vec(),
            labels.shape().to_vec(),
        ));
    }
    if k == 0 || k >= n {
        return Err(ExerciseError::K {
            k,
            available: n.saturating_sub(1),
        });
    }
    let d = pairwise_sq_distances(x, x)?;
    let n_classes = labels.iter().max().map_or(1, |m| m + 1);
    let mut right = 0;
    for (i, row) in d.outer_iter().enumerate() {
        let mut others: Vec<(f64, usize)> = row
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(j, &v)| (v, j))
            .collect();
        others.select_nth_unstable_by(k - 1, |a, b| {
            a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
        });
        let mut counts = vec![0; n_classes];
        for &(_, j) in &others[..k] {
            counts[labels[j]] += 1;
        }
        let mut best = 0;
        for c in 0..n_classes {
            if counts[c] > counts[best] {
                best = c;
            }
        }
        right += usize::from(best == labels[i]);
    }
    Ok(right as f64 / n as f64)
}
// ANCHOR_END: ex6_solution
