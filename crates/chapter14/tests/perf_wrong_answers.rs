//! The performance tasks' checkers reject plausible wrong answers: each test
//! writes a fast but wrong version of a task and asserts that the same
//! checker `tests/exercises.rs` runs on the reader's answer says no, and
//! why.

use chapter14::perf::{self, PerfError};
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

/// The checker's reason for rejecting, or a failed test if it accepted.
fn rejected(verdict: perf::Verdict) -> String {
    verdict.expect_err("the checker accepted a wrong answer")
}

// ANCHOR: wrong_pairwise
/// P1 without the factor 2 of the cross term: |x|^2 + |y|^2 - x.y.
fn pairwise_without_two(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, PerfError> {
    let xx = x.map_axis(Axis(1), |r| r.dot(&r)).insert_axis(Axis(1));
    let yy = y.map_axis(Axis(1), |r| r.dot(&r));
    Ok(&xx + &yy - x.dot(&y.t()))
}

#[test]
fn pairwise_without_the_factor_two_is_caught() {
    let why = rejected(perf::check_pairwise(pairwise_without_two));
    assert!(why.contains("differs from the baseline"), "{why}");
}
// ANCHOR_END: wrong_pairwise

/// P2 in one pass, E[x^2] - E[x]^2: fast, and wrong by cancellation on
/// values near 1000 whose spread is about 0.3.
fn column_stats_one_pass(
    x: ArrayView2<'_, f64>,
) -> Result<(Array1<f64>, Array1<f64>), PerfError> {
    let n = x.nrows() as f64;
    let mean = x.sum_axis(Axis(0)) / n;
    let mean_sq = x.mapv(|v| v * v).sum_axis(Axis(0)) / n;
    let std = (mean_sq - &mean * &mean).mapv(f64::sqrt);
    Ok((mean, std))
}

#[test]
fn one_pass_variance_is_caught() {
    let why = rejected(perf::check_column_stats(column_stats_one_pass));
    assert!(why.contains("deviations by"), "{why}");
}

/// P3 with the classic off-by-one: `n - w` windows instead of `n - w + 1`.
fn moving_average_one_short(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, PerfError> {
    if w == 0 || w > x.len() {
        return Err(PerfError::Invalid("window".into()));
    }
    Ok((0..x.len() - w)
        .map(|i| x.slice(ndarray::s![i..i + w]).sum() / w as f64)
        .collect())
}

#[test]
fn a_missing_last_window_is_caught() {
    let why = rejected(perf::check_moving_average(moving_average_one_short));
    assert!(why.contains("shape"), "{why}");
}

// ANCHOR: wrong_histogram
/// P4 by arithmetic alone, `floor((v - lo) / width)`, without comparing
/// with the edges: a value on an edge can land one bin off.
fn histogram_by_division(
    x: ArrayView1<'_, f64>,
    lo: f64,
    hi: f64,
    bins: usize,
) -> Result<Vec<u64>, PerfError> {
    perf::histogram_edges(lo, hi, bins)?;
    let width = (hi - lo) / bins as f64;
    let mut counts = vec![0; bins];
    for &v in x.iter().filter(|&&v| lo <= v && v <= hi) {
        counts[(((v - lo) / width) as usize).min(bins - 1)] += 1;
    }
    Ok(counts)
}

#[test]
fn binning_by_division_alone_is_caught() {
    let why = rejected(perf::check_histogram(histogram_by_division));
    assert!(why.contains("expected"), "{why}");
}
// ANCHOR_END: wrong_histogram

/// P5 with a mask, `rows where idx contains i`: loses repeats and order.
fn gather_by_mask(
    x: ArrayView2<'_, f64>,
    idx: &[usize],
) -> Result<Array2<f64>, PerfError> {
    if idx.iter().any(|&i| i >= x.nrows()) {
        return Err(PerfError::Invalid("row".into()));
    }
    let keep: Vec<usize> = (0..x.nrows()).filter(|i| idx.contains(i)).collect();
    Ok(x.select(Axis(0), &keep))
}

#[test]
fn gathering_by_mask_is_caught() {
    let why = rejected(perf::check_gather(gather_by_mask));
    assert!(why.contains("rows [3, 3, 18"), "{why}");
}

/// P3 as a running sum that is never restarted: its rounding errors pile up
/// over the series, but on values in [0, 1) they stay far below 1e-12, so
/// the checker accepts it, and it is that close to the baseline on the
/// benchmark's million values too. The solution's restarts are insurance,
/// not something the checker can see.
fn moving_average_never_restarted(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, PerfError> {
    if w == 0 || w > x.len() {
        return Err(PerfError::Invalid("window".into()));
    }
    let mut sum: f64 = x.slice(ndarray::s![..w]).sum();
    let mut out = vec![sum / w as f64];
    for i in w..x.len() {
        sum += x[i] - x[i - w];
        out.push(sum / w as f64);
    }
    Ok(Array1::from(out))
}

#[test]
fn a_running_sum_without_restarts_stays_within_the_tolerance() {
    perf::check_moving_average(moving_average_never_restarted).unwrap();
    // The benchmark's input (benches/perf_tasks.rs): a million values, w 250.
    let x = perf::uniform(1, 1_000_000, 14).row(0).to_owned();
    let plain = moving_average_never_restarted(x.view(), 250).unwrap();
    let slow = perf::moving_average_slow(x.view(), 250).unwrap();
    let drift = plain
        .iter()
        .zip(&slow)
        .fold(0.0_f64, |m, (a, b)| m.max((a - b).abs()));
    assert!(drift < 1e-12, "{drift:e}");
}
