//! Solutions to the exercises of chapter 4 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use ndarray::{
    Array2, ArrayBase, ArrayD, ArrayView1, ArrayView2, ArrayViewD,
    ArrayViewMut1, Axis, DataMut, Dimension, Zip,
};

use crate::LengthError;
use crate::broadcast::{BroadcastError, broadcast_shape};
use crate::softmax::ShapeMismatch;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// Clips every element of `x` to `[lo, hi]` in place, like NumPy's
/// `np.clip(x, lo, hi, out=x)`, for an array of any number of axes.
pub fn clip_inplace<S, D>(x: &mut ArrayBase<S, D>, lo: f64, hi: f64)
where
    S: DataMut<Elem = f64>,
    D: Dimension,
{
    // ANCHOR_END: ex1_signature
    x.mapv_inplace(|v| v.clamp(lo, hi));
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// The table `a[i] + b[j]` (NumPy's `np.add.outer(a, b)`), by broadcasting a
/// column against a row.
pub fn outer_sum(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Array2<f64> {
    // ANCHOR_END: ex2_signature
    &a.insert_axis(Axis(1)) + &b
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// Scales every column of `x` to `[0, 1]` with its own minimum and maximum,
/// `(x - min) / (max - min)`, the two statistics broadcast down the rows. A
/// constant column becomes all zeros.
pub fn min_max_columns(x: ArrayView2<'_, f64>) -> Array2<f64> {
    // ANCHOR_END: ex3_signature
    let min = x.fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v));
    let max = x.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max(v));
    let range = (&max - &min).mapv(|r| if r > 0.0 { r } else { 1.0 });
    (&x - &min) / &range
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// Linear interpolation `out = a + t (b - a)` in one fused pass into `out`,
/// or an error when the lengths differ.
pub fn lerp_into(
    out: ArrayViewMut1<'_, f64>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    t: f64,
) -> Result<(), LengthError> {
    // ANCHOR_END: ex4_signature
    for found in [a.len(), b.len()] {
        if found != out.len() {
            return Err(LengthError {
                expected: out.len(),
                found,
            });
        }
    }
    Zip::from(out)
        .and(&a)
        .and(&b)
        .for_each(|o, &x, &y| *o = x + t * (y - x));
    Ok(())
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// `a + b` with NumPy's broadcasting for arrays whose number of axes is known
/// only at run time, returning an error instead of panicking when the shapes
/// do not broadcast.
pub fn checked_add(
    a: ArrayViewD<'_, f64>,
    b: ArrayViewD<'_, f64>,
) -> Result<ArrayD<f64>, BroadcastError> {
    // ANCHOR_END: ex5_signature
    let shape = broadcast_shape(a.shape(), b.shape())?;
    let (a, b) = (
        a.broadcast(shape.as_slice())
            .expect("the rule says it fits"),
        b.broadcast(shape.as_slice())
            .expect("the rule says it fits"),
    );
    Ok(Zip::from(&a).and(&b).map_collect(|&x, &y| x + y))
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_scores
/// What exercise 6 computes from a classifier's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassifierScores {
    /// The mean over rows of `-log p[i, labels[i]]`, the softmax's
    /// probability of the true class.
    pub cross_entropy: f64,
    /// The share of rows whose largest logit is in the label's column (the
    /// first one on a tie, as NumPy's `argmax`).
    pub accuracy: f64,
}
// ANCHOR_END: ex6_scores

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// The mean cross-entropy and the accuracy of a classifier's `logits` (one
/// row per sample) against the true `labels`. The cross-entropy is the mean
/// over rows of `logsumexp(row) - row[label]`, computed stably, one pass per
/// row, without forming the probabilities. An error when `labels` has another
/// length than the number of rows, or a label is not a column.
pub fn score_classifier(
    logits: ArrayView2<'_, f64>,
    labels: &[usize],
) -> Result<ClassifierScores, ShapeMismatch> {
    // ANCHOR_END: ex6_signature
    let mismatch = |found: Vec<usize>| ShapeMismatch {
        what: "labels",
        expected: vec![logits.nrows()],
        found,
    };
    if labels.len() != logits.nrows() {
        return Err(mismatch(vec![labels.len()]));
    }
    if let Some(&bad) = labels.iter().find(|&&l| l >= logits.ncols()) {
        return Err(mismatch(vec![bad]));
    }
    let (mut loss, mut correct) = (0.0, 0);
    for (row, &label) in logits.rows().into_iter().zip(labels) {
        // The maximum and its first position, in one pass.
        let (best, max) = row.indexed_iter().fold(
            (0, f64::NEG_INFINITY),
            |(b, m), (j, &v)| if v > m { (j, v) } else { (b, m) },
        );
        let sum: f64 = row.iter().map(|&v| (v - max).exp()).sum();
        loss += max + sum.ln() - row[label];
        correct += usize::from(best == label);
    }
    let n = logits.nrows() as f64;
    Ok(ClassifierScores {
        cross_entropy: loss / n,
        accuracy: correct as f64 / n,
    })
}
// ANCHOR_END: ex6_solution
