//! Solutions to the exercises of chapter 14 (the book's exercises page
//! shows each signature, then the solution). `tests/exercises.rs` runs every
//! one of them.

use ndarray::ArrayView1;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The sum of the squares of `x`: NumPy's `np.sum(x**2)` or `x @ x`.
pub fn sum_of_squares(x: ArrayView1<'_, f64>) -> f64 {
    // ANCHOR_END: ex1_signature
    x.dot(&x)
}
// ANCHOR_END: ex1_solution

// Part B: the performance tasks (P1-P5) and the ML components (M1-M6). Their
// shared types and baselines live in `crate::perf` and `crate::ml`.
use crate::ml::prelude::*;

// ANCHOR: perf1_solution
// ANCHOR: perf1_signature
/// Task P1: the squared distance between every row of `x` and every row of
/// `y` (SciPy's `cdist(x, y, "sqeuclidean")`), faster than
/// `perf::pairwise_sq_distances_slow`.
pub fn pairwise_sq_distances_fast(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, PerfError> {
    // ANCHOR_END: perf1_signature
    if x.ncols() != y.ncols() {
        return Err(PerfError::Shape(format!(
            "{} features against {}",
            x.ncols(),
            y.ncols()
        )));
    }
    // |x - y|^2 = |x|^2 + |y|^2 - 2 x.y: one matrix product does the work.
    let xx = x.map_axis(Axis(1), |r| r.dot(&r));
    let yy = y.map_axis(Axis(1), |r| r.dot(&r));
    let mut d = x.dot(&y.t()) * -2.0;
    Zip::from(d.rows_mut()).and(&xx).for_each(|mut row, &a| {
        Zip::from(&mut row).and(&yy).for_each(|v, &b| {
            *v = (*v + a + b).max(0.0); // cancellation can dip below 0
        });
    });
    Ok(d)
}
// ANCHOR_END: perf1_solution

// ANCHOR: perf2_solution
// ANCHOR: perf2_signature
/// Task P2: each column's mean and population standard deviation
/// (`x.mean(axis=0)`, `x.std(axis=0)`), faster than
/// `perf::column_mean_std_slow`.
pub fn column_mean_std_fast(
    x: ArrayView2<'_, f64>,
) -> Result<(Array1<f64>, Array1<f64>), PerfError> {
    // ANCHOR_END: perf2_signature
    let n = x.nrows();
    if n == 0 {
        return Err(PerfError::Invalid("no rows".into()));
    }
    // Row by row, in memory order: each row adds to all d accumulators.
    let mut sums = Array1::<f64>::zeros(x.ncols());
    for row in x.rows() {
        sums += &row;
    }
    let means = sums / n as f64;
    let mut squares = Array1::<f64>::zeros(x.ncols());
    for row in x.rows() {
        Zip::from(&mut squares)
            .and(&row)
            .and(&means)
            .for_each(|s, &v, &m| *s += (v - m) * (v - m));
    }
    let stds = squares.mapv(|s| (s / n as f64).sqrt());
    Ok((means, stds))
}
// ANCHOR_END: perf2_solution

// ANCHOR: perf3_solution
// ANCHOR: perf3_signature
/// Task P3: the mean of every window of `w` consecutive values
/// (`np.convolve(x, np.ones(w) / w, "valid")`), faster than
/// `perf::moving_average_slow`, to within 1e-12.
pub fn moving_average_fast(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, PerfError> {
    // ANCHOR_END: perf3_signature
    let n = x.len();
    if w == 0 || w > n {
        return Err(PerfError::Invalid(format!("a window of {w} over {n}")));
    }
    // A running sum: add the value entering the window, subtract the one
    // leaving it. Resumming each block of w outputs from scratch keeps the
    // rounding error of the running sum from growing with n.
    let mut out = Array1::zeros(n - w + 1);
    for start in (0..out.len()).step_by(w) {
        let mut sum: f64 = x.slice(ndarray::s![start..start + w]).sum();
        out[start] = sum / w as f64;
        for i in start + 1..(start + w).min(n - w + 1) {
            sum += x[i + w - 1] - x[i - 1];
            out[i] = sum / w as f64;
        }
    }
    Ok(out)
}
// ANCHOR_END: perf3_solution

// ANCHOR: perf4_solution
// ANCHOR: perf4_signature
/// Task P4: `np.histogram(x, bins, range=(lo, hi))[0]` with the same bins
/// as `perf::histogram_slow` (the edges of `perf::histogram_edges`), in one
/// pass over the data.
pub fn histogram_fast(
    x: ArrayView1<'_, f64>,
    lo: f64,
    hi: f64,
    bins: usize,
) -> Result<Vec<u64>, PerfError> {
    // ANCHOR_END: perf4_signature
    let edges = histogram_edges(lo, hi, bins)?;
    let scale = bins as f64 / (hi - lo);
    let mut counts = vec![0; bins];
    for &v in x {
        if !(lo <= v && v <= hi) {
            continue; // outside the range, or NaN
        }
        // The bin by arithmetic, then corrected against the edges, as
        // NumPy does: (v - lo) * scale can round across an edge.
        let mut k = (((v - lo) * scale) as usize).min(bins - 1);
        if v < edges[k] {
            k -= 1;
        } else if v >= edges[k + 1] && k + 1 < bins {
            k += 1;
        }
        counts[k] += 1;
    }
    Ok(counts)
}
// ANCHOR_END: perf4_solution

// ANCHOR: perf5_solution
// ANCHOR: perf5_signature
/// Task P5: the rows of `x` at `idx`, in that order (`x[idx]`), faster than
/// `perf::gather_rows_slow`.
pub fn gather_rows_fast(
    x: ArrayView2<'_, f64>,
    idx: &[usize],
) -> Result<Array2<f64>, PerfError> {
    // ANCHOR_END: perf5_signature
    if let Some(&i) = idx.iter().find(|&&i| i >= x.nrows()) {
        return Err(PerfError::Invalid(format!("row {i} of {}", x.nrows())));
    }
    Ok(x.select(Axis(0), idx)) // one allocation, each row copied once
}
// ANCHOR_END: perf5_solution

// ANCHOR: ml1_solution
// ANCHOR: ml1_signature
/// Exercise M1: the mean binary cross-entropy (scikit-learn's `log_loss`)
/// of labels `y` in [0, 1] given logits `z` (the model's scores before the
/// sigmoid), finite for any finite logit.
pub fn binary_cross_entropy(
    z: ArrayView1<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> Result<f64, MlError> {
    // ANCHOR_END: ml1_signature
    if z.len() != y.len() {
        return Err(MlError::Length(z.len(), y.len()));
    }
    if z.is_empty() {
        return Err(MlError::Empty);
    }
    let mut total = 0.0;
    for (&z, &y) in z.iter().zip(&y) {
        if !(0.0..=1.0).contains(&y) || !z.is_finite() {
            return Err(MlError::Value(format!("logit {z}, label {y}")));
        }
        // -y ln s(z) - (1 - y) ln(1 - s(z)) = max(z, 0) - y z + ln(1 + e^-|z|)
        total += z.max(0.0) - y * z + (-z.abs()).exp().ln_1p();
    }
    Ok(total / z.len() as f64)
}
// ANCHOR_END: ml1_solution

// ANCHOR: ml2_solution
// ANCHOR: ml2_signature
/// Exercise M2: precision, recall and F1 of the positive class, as
/// scikit-learn's `precision_recall_fscore_support(average="binary")`, with
/// 0 where a ratio would divide by zero (its `zero_division` result).
pub fn precision_recall_f1(
    truth: &[bool],
    predicted: &[bool],
) -> Result<(f64, f64, f64), MlError> {
    // ANCHOR_END: ml2_signature
    if truth.len() != predicted.len() {
        return Err(MlError::Length(truth.len(), predicted.len()));
    }
    if truth.is_empty() {
        return Err(MlError::Empty);
    }
    let (mut tp, mut fp, mut fn_) = (0_u64, 0_u64, 0_u64);
    for (&t, &p) in truth.iter().zip(predicted) {
        match (t, p) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    // F1 from the counts, 2 tp / (2 tp + fp + fn), as scikit-learn does.
    let f1 = ratio(2 * tp, 2 * tp + fp + fn_);
    Ok((precision, recall, f1))
}
// ANCHOR_END: ml2_solution

// ANCHOR: ml3_solution
// ANCHOR: ml3_signature
/// Exercise M3: the area under the ROC curve (scikit-learn's
/// `roc_auc_score`): the probability that a random positive scores above a
/// random negative, a tie counting one half.
pub fn roc_auc(
    truth: &[bool],
    scores: ArrayView1<'_, f64>,
) -> Result<f64, MlError> {
    // ANCHOR_END: ml3_signature
    if truth.len() != scores.len() {
        return Err(MlError::Length(truth.len(), scores.len()));
    }
    if scores.iter().any(|s| s.is_nan()) {
        return Err(MlError::Value("a NaN score".into()));
    }
    let mut pairs: Vec<(f64, bool)> =
        scores.iter().copied().zip(truth.iter().copied()).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Mann-Whitney: sum the positives' ranks, a group of ties sharing the
    // mean of its ranks (1-based).
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < pairs.len() {
        let j = i + pairs[i..].iter().take_while(|p| p.0 == pairs[i].0).count();
        let mean_rank = (i + 1 + j) as f64 / 2.0;
        let positives = pairs[i..j].iter().filter(|p| p.1).count();
        rank_sum += mean_rank * positives as f64;
        i = j;
    }
    let n_pos = truth.iter().filter(|&&t| t).count() as f64;
    let n_neg = truth.len() as f64 - n_pos;
    if n_pos == 0.0 || n_neg == 0.0 {
        return Err(MlError::Undefined("ROC AUC needs both classes".into()));
    }
    Ok((rank_sum - n_pos * (n_pos + 1.0) / 2.0) / (n_pos * n_neg))
}
// ANCHOR_END: ml3_solution

// ANCHOR: ml4_solution
// ANCHOR: ml4_signature
/// Exercise M4: fit a standard scaler (scikit-learn's `StandardScaler`):
/// the column means, and the population standard deviations as scales,
/// with 1 in place of a zero deviation.
pub fn fit_standard_scaler(x: ArrayView2<'_, f64>) -> Result<Scaler, MlError> {
    // ANCHOR_END: ml4_signature
    let mean = x.mean_axis(Axis(0)).ok_or(MlError::Empty)?;
    if x.nrows() == 0 {
        return Err(MlError::Empty);
    }
    // Two passes (mean, then squared deviations): no E[x^2] - E[x]^2.
    let var = (&x - &mean).mapv(|v| v * v).mean_axis(Axis(0));
    let var = var.ok_or(MlError::Empty)?;
    let scale = var.mapv(|v| if v == 0.0 { 1.0 } else { v.sqrt() });
    Ok(Scaler { mean, scale })
}
// ANCHOR_END: ml4_solution

impl Iterator for MiniBatches<'_> {
    type Item = (Array2<f64>, Array1<f64>);

    // ANCHOR: ml5_solution
    // ANCHOR: ml5_signature
    /// Exercise M5: the next mini-batch, `(rows, labels)`, of the rows that
    /// `self.order` names from `self.next` on, at most `self.batch_size`.
    fn next(&mut self) -> Option<Self::Item> {
        // ANCHOR_END: ml5_signature
        let rest = self.order.get(self.next..)?;
        if rest.is_empty() {
            return None;
        }
        let take = &rest[..rest.len().min(self.batch_size)];
        self.next += take.len();
        Some((self.x.select(Axis(0), take), self.y.select(Axis(0), take)))
    }
    // ANCHOR_END: ml5_solution
}

// ANCHOR: ml6_solution
// ANCHOR: ml6_signature
/// Exercise M6: one Adam step on `params` with gradient `grad`, as
/// scikit-learn's `AdamOptimizer` takes it; a bad gradient is an error that
/// leaves `params` and `state` unchanged.
pub fn adam_step(
    params: &mut Array1<f64>,
    grad: ArrayView1<'_, f64>,
    state: &mut Adam,
) -> Result<(), MlError> {
    // ANCHOR_END: ml6_signature
    if grad.len() != params.len() || state.m.len() != params.len() {
        return Err(MlError::Length(grad.len(), params.len()));
    }
    if grad.iter().any(|g| !g.is_finite()) {
        return Err(MlError::Value("a gradient that is not finite".into()));
    }
    state.t += 1;
    let (b1, b2) = (state.beta1, state.beta2);
    // The bias corrections folded into the step size, as scikit-learn does.
    let lr = state.learning_rate * (1.0 - b2.powi(state.t)).sqrt()
        / (1.0 - b1.powi(state.t));
    Zip::from(params)
        .and(&grad)
        .and(&mut state.m)
        .and(&mut state.v)
        .for_each(|p, &g, m, v| {
            *m = b1 * *m + (1.0 - b1) * g;
            *v = b2 * *v + (1.0 - b2) * g * g;
            *p -= lr * *m / (v.sqrt() + state.epsilon);
        });
    Ok(())
}
// ANCHOR_END: ml6_solution
