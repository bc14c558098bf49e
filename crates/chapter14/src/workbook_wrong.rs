//! Plausible wrong answers to seven of the workbook's exercises, each with
//! the mistake a reader is likely to make. The checkers of
//! [`workbook_checks`](crate::workbook_checks) must reject every one of them
//! (`tests/workbook_wrong_answers.rs`); the example `workbook_wrong_answers`
//! prints what each checker says.

use std::collections::VecDeque;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, s};

use crate::workbook::WorkbookError;

// ANCHOR: moving_average
/// Exercise 10, with the loop stopping one window early.
pub fn moving_average_one_short(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, WorkbookError> {
    if w == 0 || w > x.len() {
        return Err(WorkbookError::BadWindow {
            window: w,
            len: x.len(),
        });
    }
    let mut sum: f64 = x.slice(s![..w]).sum();
    let mut means = vec![sum / w as f64];
    for i in w..x.len() - 1 {
        sum += x[i] - x[i - w];
        means.push(sum / w as f64);
    }
    Ok(Array1::from(means))
}
// ANCHOR_END: moving_average

// ANCHOR: softmax
/// Exercise 11, straight from the formula: `exp(1000)` overflows.
pub fn softmax_unshifted(a: ArrayView2<'_, f64>) -> Array2<f64> {
    let mut p = a.mapv(f64::exp);
    for mut row in p.rows_mut() {
        let total = row.sum();
        row /= total;
    }
    p
}
// ANCHOR_END: softmax

// ANCHOR: search_sorted
/// Exercise 32 with `<=`: NumPy's `side="right"`, after equal values.
pub fn search_sorted_right(
    a: ArrayView1<'_, f64>,
    v: ArrayView1<'_, f64>,
) -> Vec<usize> {
    let a = a.to_vec();
    v.iter().map(|&v| a.partition_point(|&x| x <= v)).collect()
}
// ANCHOR_END: search_sorted

// ANCHOR: histogram
/// Exercise 38 with every bin half-open, the last one included.
pub fn histogram_half_open(
    x: ArrayView1<'_, f64>,
    bins: usize,
    lo: f64,
    hi: f64,
) -> Result<Vec<usize>, WorkbookError> {
    let mut counts = vec![0; bins];
    let width = (hi - lo) / bins as f64;
    for &v in x.iter().filter(|&&v| (lo..hi).contains(&v)) {
        counts[((v - lo) / width) as usize] += 1;
    }
    Ok(counts)
}
// ANCHOR_END: histogram

// ANCHOR: histogram_by_division
/// Exercise 38 by division alone: right for widths that are powers of two,
/// but `(v - lo) / width` can round a value on one of NumPy's edges into
/// the bin below.
pub fn histogram_by_division(
    x: ArrayView1<'_, f64>,
    bins: usize,
    lo: f64,
    hi: f64,
) -> Result<Vec<usize>, WorkbookError> {
    let mut counts = vec![0; bins];
    let width = (hi - lo) / bins as f64;
    for &v in x.iter().filter(|&&v| (lo..=hi).contains(&v)) {
        counts[(((v - lo) / width) as usize).min(bins - 1)] += 1;
    }
    Ok(counts)
}
// ANCHOR_END: histogram_by_division

/// Exercise 42 with the oldest candidate dropped one step late: the windows
/// are one value too wide.
pub fn sliding_max_one_late(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Vec<f64>, WorkbookError> {
    if w == 0 || w > x.len() {
        return Err(WorkbookError::BadWindow {
            window: w,
            len: x.len(),
        });
    }
    let mut candidates: VecDeque<usize> = VecDeque::new();
    let mut highs = Vec::new();
    for i in 0..x.len() {
        while candidates.back().is_some_and(|&j| x[j] <= x[i]) {
            candidates.pop_back();
        }
        candidates.push_back(i);
        if candidates.front().is_some_and(|&j| j + w < i) {
            candidates.pop_front();
        }
        if i + 1 >= w {
            highs.push(x[candidates[0]]);
        }
    }
    Ok(highs)
}

/// Exercise 43 misread: the sum of all the positive values, contiguous or
/// not.
pub fn sum_of_positives(x: &[i64]) -> i64 {
    x.iter().filter(|&&v| v > 0).sum()
}

// ANCHOR: kahan
/// Exercise 44 with Kahan's original compensation, which assumes the
/// running sum is larger than each new value.
pub fn kahan_sum(x: ArrayView1<'_, f64>) -> f64 {
    let (mut sum, mut lost) = (0.0f64, 0.0f64);
    for &v in x {
        let y = v - lost;
        let t = sum + y;
        lost = (t - sum) - y;
        sum = t;
    }
    sum
}
// ANCHOR_END: kahan
