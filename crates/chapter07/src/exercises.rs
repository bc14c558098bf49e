//! Solutions to the exercises of chapter 7 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use crate::stable::Welford;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The coefficient of variation: the sample standard deviation (`ddof = 1`)
/// divided by the mean. `None` for fewer than two values or a zero mean.
pub fn coefficient_of_variation(x: ArrayView1<'_, f64>) -> Option<f64> {
    // ANCHOR_END: ex1_signature
    if x.len() < 2 {
        return None;
    }
    let mean = x.mean()?;
    (mean != 0.0).then(|| x.std(1.0) / mean)
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// NumPy's `np.ptp(x, axis=0)`: each column's largest minus its smallest
/// value, with one pass over the rows.
pub fn column_ranges(x: ArrayView2<'_, f64>) -> Array1<f64> {
    // ANCHOR_END: ex2_signature
    let init = (f64::INFINITY, f64::NEG_INFINITY);
    x.fold_axis(Axis(0), init, |&(lo, hi), &v| (lo.min(v), hi.max(v)))
        .mapv(|(lo, hi)| hi - lo)
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// The indices, in increasing order, of the values whose z-score (distance
/// from the mean in population standard deviations, `ddof = 0`) exceeds
/// `threshold` in absolute value. Empty when the values are all equal.
pub fn z_score_outliers(x: ArrayView1<'_, f64>, threshold: f64) -> Vec<usize> {
    // ANCHOR_END: ex3_signature
    let Some(mean) = x.mean() else {
        return Vec::new();
    };
    let std = x.std(0.0);
    if std == 0.0 {
        return Vec::new();
    }
    x.iter()
        .enumerate()
        .filter(|&(_, &v)| ((v - mean) / std).abs() > threshold)
        .map(|(i, _)| i)
        .collect()
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// The mean of each column within each class: row `c` of the result holds
/// the column means of the rows of `x` whose label is `c` (pandas'
/// `df.groupby(label).mean()`). A class without rows gets NaN.
pub fn class_means(
    x: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    n_classes: usize,
) -> Array2<f64> {
    // ANCHOR_END: ex4_signature
    let mut sums = Array2::<f64>::zeros((n_classes, x.ncols()));
    let mut counts = Array1::<f64>::zeros(n_classes);
    for (row, &label) in x.rows().into_iter().zip(&labels) {
        let mut class_sum = sums.row_mut(label);
        class_sum += &row;
        counts[label] += 1.0;
    }
    // Broadcasting: divide each row by its count (a column vector).
    sums / &counts.insert_axis(Axis(1))
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The variance (with `ddof`) of all the values of several chunks together,
/// from each chunk's summary alone: `(count, mean, variance)`, the variance
/// being the population one (`ddof = 0`, as `np.var` reports it). The values
/// themselves are gone, as when each machine, file or thread reports only
/// its summary. `None` unless there are more than `ddof` values in all.
pub fn merged_variance(parts: &[(u64, f64, f64)], ddof: u64) -> Option<f64> {
    // ANCHOR_END: ex5_signature
    parts
        .iter()
        .map(|&(count, mean, variance)| {
            Welford::from_moments(count, mean, variance)
        })
        .fold(Welford::default(), |total, part| total.merge(&part))
        .variance(ddof)
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// Spearman's rank correlation: the Pearson correlation of the ranks of `x`
/// and of `y`, where tied values share the average of their ranks (as
/// `scipy.stats.spearmanr` does). `None` when the lengths differ, there are
/// fewer than two values, or either input is constant.
pub fn spearman(x: ArrayView1<'_, f64>, y: ArrayView1<'_, f64>) -> Option<f64> {
    // ANCHOR_END: ex6_signature
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let (rx, ry) = (average_ranks(x), average_ranks(y));
    let (mx, my) = (rx.mean()?, ry.mean()?);
    let (dx, dy) = (rx - mx, ry - my);
    let denominator = (dx.dot(&dx) * dy.dot(&dy)).sqrt();
    (denominator > 0.0).then(|| dx.dot(&dy) / denominator)
}

/// Ranks 1..=n in sorted order; a run of equal values gets their mean rank.
fn average_ranks(x: ArrayView1<'_, f64>) -> Array1<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut ranks = Array1::zeros(x.len());
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && x[order[end]] == x[order[start]] {
            end += 1;
        }
        // positions start..end hold ranks start+1..=end: their mean
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}
// ANCHOR_END: ex6_solution
