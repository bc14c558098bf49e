//! The slow baselines of the performance tasks (part B of the chapter), and
//! the checkers that compare an answer with them.
//!
//! Each task gives a baseline that is correct but slow, and asks for a
//! function in `src/exercises.rs` (the reader's file with `--features
//! my-exercises`) that returns the same values faster.
//! `benches/perf_tasks.rs` times both; the checkers here are what
//! `tests/exercises.rs` runs on the answer, and `tests/perf_wrong_answers.rs`
//! runs them on plausible wrong answers to show that they are rejected.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, concatenate};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use thiserror::Error;

/// What the performance tasks reject.
#[derive(Debug, Error, PartialEq)]
pub enum PerfError {
    /// The inputs' shapes do not fit together.
    #[error("shape mismatch: {0}")]
    Shape(String),
    /// An argument outside its range (an empty input, a window of 0).
    #[error("invalid argument: {0}")]
    Invalid(String),
}

/// `rows x cols` values uniform in `[0, 1)` from a fixed seed.
pub fn uniform(rows: usize, cols: usize, seed: u64) -> Array2<f64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    Array2::from_shape_simple_fn((rows, cols), || rng.r#gen::<f64>())
}

// ANCHOR: pairwise_slow
/// Task P1's baseline: every squared distance between a row of `x` and a row
/// of `y`, one pair at a time, through a temporary difference array.
pub fn pairwise_sq_distances_slow(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, PerfError> {
    if x.ncols() != y.ncols() {
        return Err(PerfError::Shape(format!(
            "{} features against {}",
            x.ncols(),
            y.ncols()
        )));
    }
    let mut out = Array2::zeros((x.nrows(), y.nrows()));
    for i in 0..x.nrows() {
        for j in 0..y.nrows() {
            let diff = &x.row(i) - &y.row(j); // a new array for every pair
            out[[i, j]] = diff.dot(&diff);
        }
    }
    Ok(out)
}
// ANCHOR_END: pairwise_slow

// ANCHOR: column_stats_slow
/// Task P2's baseline: the mean and population standard deviation of each
/// column, reading the row-major table one column at a time by index.
pub fn column_mean_std_slow(
    x: ArrayView2<'_, f64>,
) -> Result<(Array1<f64>, Array1<f64>), PerfError> {
    let (n, d) = x.dim();
    if n == 0 {
        return Err(PerfError::Invalid("no rows".into()));
    }
    let mut means = Array1::zeros(d);
    let mut stds = Array1::zeros(d);
    for j in 0..d {
        let mut sum = 0.0;
        for i in 0..n {
            sum += x[[i, j]]; // a stride of d values between reads
        }
        let mean = sum / n as f64;
        let mut squares = 0.0;
        for i in 0..n {
            squares += (x[[i, j]] - mean).powi(2);
        }
        means[j] = mean;
        stds[j] = (squares / n as f64).sqrt();
    }
    Ok((means, stds))
}
// ANCHOR_END: column_stats_slow

// ANCHOR: moving_average_slow
/// Task P3's baseline: the mean of every window of `w` consecutive values
/// (NumPy's `np.convolve(x, np.ones(w) / w, "valid")`), summing each window
/// from scratch.
pub fn moving_average_slow(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, PerfError> {
    if w == 0 || w > x.len() {
        return Err(PerfError::Invalid(format!(
            "a window of {w} over {} values",
            x.len()
        )));
    }
    Ok(x.windows(w)
        .into_iter()
        .map(|win| win.sum() / w as f64)
        .collect())
}
// ANCHOR_END: moving_average_slow

// ANCHOR: histogram_slow
/// Task P4's baseline: `np.histogram(x, bins, range=(lo, hi))[0]`. Bin `k`
/// holds the values in `[edge k, edge k+1)`, the last bin also `hi`; values
/// outside the range and NaN are not counted. One pass over the data per bin.
pub fn histogram_slow(
    x: ArrayView1<'_, f64>,
    lo: f64,
    hi: f64,
    bins: usize,
) -> Result<Vec<u64>, PerfError> {
    let edges = histogram_edges(lo, hi, bins)?;
    let mut counts = vec![0; bins];
    for (k, count) in counts.iter_mut().enumerate() {
        let (left, right) = (edges[k], edges[k + 1]);
        let last = k + 1 == bins;
        *count = x
            .iter()
            .filter(|&&v| left <= v && (v < right || (last && v == right)))
            .count() as u64;
    }
    Ok(counts)
}
// ANCHOR_END: histogram_slow

// ANCHOR: histogram_edges
/// The `bins + 1` edges NumPy's `histogram` uses for `range=(lo, hi)`:
/// `np.linspace(lo, hi, bins + 1)`, whose last edge is `hi` itself
/// (`lo + step * bins` can round past it).
pub fn histogram_edges(
    lo: f64,
    hi: f64,
    bins: usize,
) -> Result<Vec<f64>, PerfError> {
    if bins == 0 || !lo.is_finite() || !hi.is_finite() || lo >= hi {
        return Err(PerfError::Invalid(format!(
            "{bins} bins over [{lo}, {hi}]"
        )));
    }
    let mut edges = Array1::linspace(lo, hi, bins + 1).to_vec();
    edges[bins] = hi;
    Ok(edges)
}
// ANCHOR_END: histogram_edges

// ANCHOR: gather_slow
/// Task P5's baseline: the rows of `x` at `idx`, in that order (NumPy's
/// `x[idx]`), growing the result by one row at a time.
pub fn gather_rows_slow(
    x: ArrayView2<'_, f64>,
    idx: &[usize],
) -> Result<Array2<f64>, PerfError> {
    let mut out = Array2::zeros((0, x.ncols()));
    for &i in idx {
        if i >= x.nrows() {
            return Err(PerfError::Invalid(format!(
                "row {i} of {}",
                x.nrows()
            )));
        }
        let row = x.row(i).insert_axis(Axis(0));
        out = concatenate![Axis(0), out, row]; // copies all rows so far
    }
    Ok(out)
}
// ANCHOR_END: gather_slow

/// A checker's verdict: `Err` says what the answer got wrong.
pub type Verdict = Result<(), String>;

/// The largest absolute difference between two arrays of the same shape,
/// or an error naming both shapes.
fn max_diff(got: &Array2<f64>, want: &Array2<f64>) -> Result<f64, String> {
    if got.shape() != want.shape() {
        return Err(format!(
            "shape {:?}, expected {:?}",
            got.shape(),
            want.shape()
        ));
    }
    Ok(got
        .iter()
        .zip(want)
        .fold(0.0, |m: f64, (a, b)| m.max((a - b).abs())))
}

/// The signature of task P1's answer.
pub type Pairwise = fn(
    ArrayView2<'_, f64>,
    ArrayView2<'_, f64>,
) -> Result<Array2<f64>, PerfError>;

/// Checks an answer to P1 against the baseline: random points (absolute
/// error below 1e-9: the fast form `|x|^2 + |y|^2 - 2 x.y` cancels),
/// identical points (distance exactly 0, never negative), and the error.
pub fn check_pairwise(answer: Pairwise) -> Verdict {
    let x = uniform(37, 11, 1);
    let y = uniform(23, 11, 2);
    let want = pairwise_sq_distances_slow(x.view(), y.view())
        .map_err(|e| e.to_string())?;
    let got = answer(x.view(), y.view()).map_err(|e| e.to_string())?;
    let diff = max_diff(&got, &want)?;
    if diff > 1e-9 {
        return Err(format!("differs from the baseline by {diff:e}"));
    }
    let same = answer(x.view(), x.view()).map_err(|e| e.to_string())?;
    if let Some(v) = same.diag().iter().find(|v| v.abs() > 1e-12) {
        return Err(format!("a point's distance to itself is {v:e}"));
    }
    if let Some(v) = same.iter().find(|&&v| v < 0.0) {
        return Err(format!("a negative squared distance, {v:e}"));
    }
    if answer(x.view(), uniform(2, 10, 3).view()).is_ok() {
        return Err("11 features against 10 must be an error".into());
    }
    Ok(())
}

/// The signature of task P2's answer.
pub type ColumnStats =
    fn(ArrayView2<'_, f64>) -> Result<(Array1<f64>, Array1<f64>), PerfError>;

/// Checks an answer to P2 against the baseline on a shifted random table
/// (values near 1000, where a one-pass `E[x^2] - E[x]^2` loses digits) and
/// on an empty one.
pub fn check_column_stats(answer: ColumnStats) -> Verdict {
    let x = uniform(301, 7, 4).mapv(|v| 1000.0 + v);
    let (want_m, want_s) =
        column_mean_std_slow(x.view()).map_err(|e| e.to_string())?;
    let (m, s) = answer(x.view()).map_err(|e| e.to_string())?;
    let as_row = |a: Array1<f64>| a.insert_axis(Axis(0));
    let dm = max_diff(&as_row(m), &as_row(want_m))?;
    let ds = max_diff(&as_row(s), &as_row(want_s))?;
    if dm > 1e-10 || ds > 1e-10 {
        return Err(format!("means off by {dm:e}, deviations by {ds:e}"));
    }
    if answer(Array2::zeros((0, 3)).view()).is_ok() {
        return Err("a table without rows must be an error".into());
    }
    Ok(())
}

/// The signature of task P3's answer.
pub type MovingAverage =
    fn(ArrayView1<'_, f64>, usize) -> Result<Array1<f64>, PerfError>;

/// Checks an answer to P3 against the baseline for several windows, the
/// window as long as the series, and windows of 0 and of too many values.
pub fn check_moving_average(answer: MovingAverage) -> Verdict {
    let x = uniform(1, 503, 5).row(0).to_owned();
    for w in [1, 2, 7, 64, 503] {
        let want =
            moving_average_slow(x.view(), w).map_err(|e| e.to_string())?;
        let got = answer(x.view(), w).map_err(|e| e.to_string())?;
        let d = max_diff(&got.insert_axis(Axis(0)), &want.insert_axis(Axis(0)))
            .map_err(|e| format!("window {w}: {e}"))?;
        if d > 1e-12 {
            return Err(format!("window {w}: off by {d:e}"));
        }
    }
    for w in [0, 504] {
        if answer(x.view(), w).is_ok() {
            return Err(format!("a window of {w} must be an error"));
        }
    }
    Ok(())
}

/// The signature of task P4's answer.
pub type Histogram =
    fn(ArrayView1<'_, f64>, f64, f64, usize) -> Result<Vec<u64>, PerfError>;

/// Checks an answer to P4 against the baseline, exactly: random values, then
/// every edge itself (where `(v - lo) / width` rounds to the wrong bin unless
/// the answer compares with the edges), values outside, `hi`, and NaN.
pub fn check_histogram(answer: Histogram) -> Verdict {
    let random = uniform(1, 2001, 6).mapv(|v| 3.0 * v - 1.0);
    let random = random.row(0);
    for (lo, hi, bins) in [(-1.0, 2.0, 7), (-0.5, 1.5, 30), (0.1, 0.7, 13)] {
        let edges = histogram_edges(lo, hi, bins).map_err(|e| e.to_string())?;
        let mut values: Vec<f64> = random.to_vec();
        values.extend(&edges);
        values.extend([lo - 1.0, hi + 1.0, f64::NAN, hi]);
        let values = Array1::from(values);
        let want = histogram_slow(values.view(), lo, hi, bins)
            .map_err(|e| e.to_string())?;
        let got =
            answer(values.view(), lo, hi, bins).map_err(|e| e.to_string())?;
        if got != want {
            return Err(format!(
                "{bins} bins over [{lo}, {hi}]: {got:?}, expected {want:?}"
            ));
        }
    }
    for (lo, hi, bins) in [(0.0, 1.0, 0), (1.0, 1.0, 3), (f64::NAN, 1.0, 3)] {
        if answer(random, lo, hi, bins).is_ok() {
            return Err(format!("{bins} bins over [{lo}, {hi}] must fail"));
        }
    }
    Ok(())
}

/// The signature of task P5's answer.
pub type Gather =
    fn(ArrayView2<'_, f64>, &[usize]) -> Result<Array2<f64>, PerfError>;

/// Checks an answer to P5 against the baseline: repeated and unordered
/// indices, no index at all (an empty `0 x d` table), and one out of range.
pub fn check_gather(answer: Gather) -> Verdict {
    let x = uniform(19, 5, 7);
    for idx in [vec![3, 3, 18, 0, 7, 3], vec![], (0..19).rev().collect()] {
        let want =
            gather_rows_slow(x.view(), &idx).map_err(|e| e.to_string())?;
        let got = answer(x.view(), &idx).map_err(|e| e.to_string())?;
        if got != want {
            return Err(format!("rows {idx:?}: {got}, expected {want}"));
        }
    }
    if answer(x.view(), &[0, 19]).is_ok() {
        return Err("row 19 of 19 must be an error".into());
    }
    Ok(())
}
