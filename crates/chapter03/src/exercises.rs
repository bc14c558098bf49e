//! Solutions to the exercises of chapter 3 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut2, Axis, s};

use crate::IndexError;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// An `n × n` array of ones whose interior is zero, leaving a frame of ones
/// one element wide (NumPy: `a = np.ones((n, n)); a[1:-1, 1:-1] = 0`).
pub fn frame(n: usize) -> Array2<f64> {
    // ANCHOR_END: ex1_signature
    let mut a = Array2::ones((n, n));
    if n > 2 {
        a.slice_mut(s![1..n - 1, 1..n - 1]).fill(0.0);
    }
    a
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// Replaces every value above `limit` by `limit`, in place (NumPy:
/// `x[x > limit] = limit`), and returns how many values it replaced.
pub fn clip_above(mut x: ArrayViewMut2<'_, f64>, limit: f64) -> usize {
    // ANCHOR_END: ex2_signature
    let mut replaced = 0;
    x.map_inplace(|v| {
        if *v > limit {
            *v = limit;
            replaced += 1;
        }
    });
    replaced
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// A mini-batch: the rows `indices` of the features `x` and the same entries
/// of the labels `y` (NumPy: `x[indices], y[indices]`), or an error if `x`
/// and `y` disagree on the number of samples or an index is out of bounds.
pub fn minibatch(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    indices: &[usize],
) -> Result<(Array2<f64>, Array1<usize>), IndexError> {
    // ANCHOR_END: ex3_signature
    if x.nrows() != y.len() {
        return Err(IndexError::Shape(format!(
            "{} rows of features but {} labels",
            x.nrows(),
            y.len()
        )));
    }
    if let Some(&index) = indices.iter().find(|&&i| i >= y.len()) {
        return Err(IndexError::OutOfBounds {
            index,
            len: y.len(),
        });
    }
    Ok((x.select(Axis(0), indices), y.select(Axis(0), indices)))
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// The rank of each value: 0 for the smallest, `n - 1` for the largest,
/// equal values ranked in the order they appear (NumPy:
/// `np.argsort(np.argsort(v, kind="stable"), kind="stable")`).
pub fn ranks(values: ArrayView1<'_, f64>) -> Vec<usize> {
    // ANCHOR_END: ex4_signature
    let order = crate::gather::argsort(values);
    // Scatter: the value at position order[k] has rank k.
    let mut rank = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        rank[i] = k;
    }
    rank
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The order that sorts the rows by `primary`, rows with equal `primary`
/// by `secondary`, and rows equal in both in their original order; NaN
/// sorts last on both keys (NumPy: `np.lexsort((secondary, primary))`, whose
/// last key is the primary one). Keys of different lengths are an error.
pub fn sort_by_two_keys(
    primary: ArrayView1<'_, f64>,
    secondary: ArrayView1<'_, f64>,
) -> Result<Vec<usize>, IndexError> {
    // ANCHOR_END: ex5_signature
    if primary.len() != secondary.len() {
        return Err(IndexError::Shape(format!(
            "keys of lengths {} and {}",
            primary.len(),
            secondary.len()
        )));
    }
    // Sort by the secondary key first, then stably by the primary key: the
    // second sort keeps the secondary order among equal primary values.
    let order = crate::gather::argsort(secondary);
    let primary_in_order = primary.select(Axis(0), &order);
    let by_primary = crate::gather::argsort(primary_in_order.view());
    Ok(by_primary.iter().map(|&k| order[k]).collect())
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// The `k` rows of `x` nearest to `point` by Euclidean distance, nearest
/// first, equal distances in row order, each with its distance (NumPy:
/// `d = np.linalg.norm(x - point, axis=1)`,
/// `i = np.argsort(d, kind="stable")[:k]`, then `i` and `d[i]`).
pub fn nearest_rows(
    x: ArrayView2<'_, f64>,
    point: ArrayView1<'_, f64>,
    k: usize,
) -> Result<Vec<(usize, f64)>, IndexError> {
    // ANCHOR_END: ex6_signature
    if point.len() != x.ncols() {
        return Err(IndexError::Shape(format!(
            "a point with {} features for rows with {}",
            point.len(),
            x.ncols()
        )));
    }
    let distances = x.map_axis(Axis(1), |row| {
        row.iter()
            .zip(&point)
            .map(|(a, b)| (a - b) * (a - b))
            .sum::<f64>()
            .sqrt()
    });
    let mut order = crate::gather::argsort(distances.view());
    order.truncate(k);
    Ok(order.into_iter().map(|i| (i, distances[i])).collect())
}
// ANCHOR_END: ex6_solution

// ANCHOR: ex7_solution
// ANCHOR: ex7_signature
/// Adds `values[k]` to `out[indices[k]]` for every `k`, so that a repeated
/// index receives every one of its values: NumPy's `np.add.at(out, indices,
/// values)` on an output of length `n` that starts at zero.
pub fn scatter_add(
    n: usize,
    indices: &[usize],
    values: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, IndexError> {
    // ANCHOR_END: ex7_signature
    if indices.len() != values.len() {
        return Err(IndexError::Shape(format!(
            "{} indices for {} values",
            indices.len(),
            values.len()
        )));
    }
    let mut out = Array1::zeros(n);
    for (&i, &v) in indices.iter().zip(&values) {
        *out.get_mut(i)
            .ok_or(IndexError::OutOfBounds { index: i, len: n })? += v;
    }
    Ok(out)
}
// ANCHOR_END: ex7_solution
