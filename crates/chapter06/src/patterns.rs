//! Broadcasting patterns that machine-learning code uses every day: one-hot
//! encoding, outer products, and a causal mask before a row-wise softmax.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip};

use crate::BroadcastError;

// ANCHOR: one_hot
/// One row per label with a 1 in the label's column: NumPy's
/// `(labels[:, None] == np.arange(n_classes)).astype(float)`, a column of
/// labels `(n, 1)` compared with a row of classes `(1, k)`.
pub fn one_hot(
    labels: ArrayView1<'_, usize>,
    n_classes: usize,
) -> Result<Array2<f64>, BroadcastError> {
    if let Some((position, &label)) =
        labels.iter().enumerate().find(|&(_, &l)| l >= n_classes)
    {
        return Err(BroadcastError::Label {
            label,
            position,
            n_classes,
        });
    }
    let classes = Array1::from_iter(0..n_classes);
    let mut encoded = Array2::zeros((labels.len(), n_classes));
    Zip::from(&mut encoded)
        .and_broadcast(labels.insert_axis(Axis(1))) // (n, 1)
        .and_broadcast(classes.view().insert_axis(Axis(0))) // (1, k)
        .for_each(|e, &label, &class| *e = f64::from(u8::from(label == class)));
    Ok(encoded)
}
// ANCHOR_END: one_hot

// ANCHOR: outer
/// The outer product `a[i] * b[j]` (`np.outer`): a column times a row.
pub fn outer(a: ArrayView1<'_, f64>, b: ArrayView1<'_, f64>) -> Array2<f64> {
    &a.insert_axis(Axis(1)) * &b.insert_axis(Axis(0))
}
// ANCHOR_END: outer

// ANCHOR: causal
/// A `t × t` causal mask: 0 where query `i` may look at key `j` (`j <= i`),
/// minus infinity where it may not (the future), from a column of query
/// positions `(t, 1)` and a row of key positions `(1, t)`.
pub fn causal_mask(t: usize) -> Array2<f64> {
    let positions = Array1::from_iter(0..t);
    let mut mask = Array2::zeros((t, t));
    Zip::from(&mut mask)
        .and_broadcast(positions.view().insert_axis(Axis(1)))
        .and_broadcast(positions.view().insert_axis(Axis(0)))
        .for_each(|m, &i, &j| *m = if j > i { f64::NEG_INFINITY } else { 0.0 });
    mask
}

/// The softmax of every row, `exp(s - max) / sum(exp(s - max))`, with the
/// row maxima and sums as `(n, 1)` columns. A masked entry (minus infinity)
/// gets weight exactly 0; a row with every entry masked would be 0/0, so
/// the mask must leave each row at least one entry (the causal mask keeps
/// the diagonal).
pub fn softmax_rows(scores: ArrayView2<'_, f64>) -> Array2<f64> {
    let max = scores.fold_axis(Axis(1), f64::NEG_INFINITY, |&m, &s| m.max(s));
    let mut weights = &scores - &max.insert_axis(Axis(1));
    weights.mapv_inplace(f64::exp);
    let sums = weights.sum_axis(Axis(1));
    weights /= &sums.insert_axis(Axis(1));
    weights
}
// ANCHOR_END: causal
