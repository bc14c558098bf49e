//! The ML components' checkers reject plausible wrong answers: each test
//! writes a mistake a reader could make and asserts that the checker
//! `tests/exercises.rs` runs on the reader's answer says no, and why.

use chapter14::ml::{Adam, MlError, Scaler};
use chapter14::ml_check;
use chapter14::perf::Verdict;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip};

/// The checker's reason for rejecting, or a failed test if it accepted.
fn rejected(verdict: Verdict) -> String {
    verdict.expect_err("the checker accepted a wrong answer")
}

// ANCHOR: wrong_log_loss
/// M1 the textbook way: the sigmoid, then the two logarithms. For z = 800
/// the sigmoid rounds to 1.0, and the label 1 gives 0 * ln(1 - 1.0), which
/// is 0 * -inf = NaN.
fn log_loss_naive(
    z: ArrayView1<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> Result<f64, MlError> {
    if z.len() != y.len() || z.is_empty() {
        return Err(MlError::Empty);
    }
    if y.iter().any(|&v| !(0.0..=1.0).contains(&v))
        || z.iter().any(|v| v.is_nan())
    {
        return Err(MlError::Value("label".into()));
    }
    let s = z.mapv(|z| 1.0 / (1.0 + (-z).exp()));
    let terms = Zip::from(&s)
        .and(&y)
        .map_collect(|&s, &y| -y * s.ln() - (1.0 - y) * (1.0 - s).ln());
    Ok(terms.mean().unwrap_or(f64::NAN))
}

#[test]
fn the_naive_log_loss_is_caught_on_large_logits() {
    let why = rejected(ml_check::check_log_loss(log_loss_naive));
    assert!(why.contains("logits 40, -40, 800: NaN"), "{why}");
}
// ANCHOR_END: wrong_log_loss

/// M2 with F1 = 2 p r / (p + r): NaN (0 / 0) when nothing is predicted.
fn f1_from_ratios(t: &[bool], p: &[bool]) -> Result<(f64, f64, f64), MlError> {
    if t.len() != p.len() || t.is_empty() {
        return Err(MlError::Empty);
    }
    let count = |a: bool, b: bool| {
        t.iter().zip(p).filter(|&(&x, &y)| x == a && y == b).count() as f64
    };
    let (tp, fp, fn_) =
        (count(true, true), count(false, true), count(true, false));
    let precision = if tp + fp == 0.0 { 0.0 } else { tp / (tp + fp) };
    let recall = tp / (tp + fn_);
    Ok((
        precision,
        recall,
        2.0 * precision * recall / (precision + recall),
    ))
}

#[test]
fn a_nan_f1_is_caught() {
    let why = rejected(ml_check::check_precision_recall_f1(f1_from_ratios));
    assert!(why.contains("nothing predicted[2]: NaN"), "{why}");
}

// ANCHOR: wrong_roc_auc
/// M3 with plain ranks 1..n after sorting: tied scores get different
/// ranks, in whatever order the sort left them.
fn roc_auc_ignoring_ties(
    t: &[bool],
    s: ArrayView1<'_, f64>,
) -> Result<f64, MlError> {
    if t.len() != s.len() || s.iter().any(|v| v.is_nan()) {
        return Err(MlError::Value("input".into()));
    }
    let mut order: Vec<usize> = (0..t.len()).collect();
    order.sort_by(|&a, &b| s[a].total_cmp(&s[b]));
    let n_pos = t.iter().filter(|&&v| v).count() as f64;
    let n_neg = t.len() as f64 - n_pos;
    if n_pos == 0.0 || n_neg == 0.0 {
        return Err(MlError::Undefined("one class".into()));
    }
    let ranks: f64 = order
        .iter()
        .enumerate()
        .filter(|&(_, &i)| t[i])
        .map(|(r, _)| r as f64 + 1.0)
        .sum();
    Ok((ranks - n_pos * (n_pos + 1.0) / 2.0) / (n_pos * n_neg))
}

#[test]
fn ranks_without_ties_are_caught() {
    let why = rejected(ml_check::check_roc_auc(roc_auc_ignoring_ties));
    assert!(why.contains("expected 0.93758"), "{why}");
}
// ANCHOR_END: wrong_roc_auc

/// M4 with the sample standard deviation (`ddof = 1`, ndarray's habit in
/// `std(1.0)` calls) where scikit-learn uses the population one.
fn scaler_ddof1(x: ArrayView2<'_, f64>) -> Result<Scaler, MlError> {
    let mean = x.mean_axis(Axis(0)).ok_or(MlError::Empty)?;
    let scale = x
        .std_axis(Axis(0), 1.0)
        .mapv(|s| if s == 0.0 { 1.0 } else { s });
    Ok(Scaler { mean, scale })
}

#[test]
fn a_sample_deviation_scaler_is_caught() {
    let why = rejected(ml_check::check_scaler(scaler_ddof1));
    assert!(why.starts_with("scale[0]"), "{why}");
}

/// M5 with `chunks_exact`: the last, smaller batch is dropped.
struct DropLast {
    x: Array2<f64>,
    y: Array1<f64>,
    chunks: std::vec::IntoIter<Vec<usize>>,
}

impl Iterator for DropLast {
    type Item = (Array2<f64>, Array1<f64>);
    fn next(&mut self) -> Option<Self::Item> {
        let c = self.chunks.next()?;
        Some((self.x.select(Axis(0), &c), self.y.select(Axis(0), &c)))
    }
}

fn drop_last<'a>(
    x: ArrayView2<'a, f64>,
    y: ArrayView1<'a, f64>,
    order: &'a [usize],
    size: usize,
) -> Result<DropLast, MlError> {
    chapter14::ml::MiniBatches::new(x, y, order, size)?; // the same checks
    let chunks: Vec<Vec<usize>> =
        order.chunks_exact(size).map(<[usize]>::to_vec).collect();
    Ok(DropLast {
        x: x.to_owned(),
        y: y.to_owned(),
        chunks: chunks.into_iter(),
    })
}

#[test]
fn dropping_the_last_batch_is_caught() {
    let why = rejected(ml_check::check_minibatches(drop_last));
    assert!(
        why.contains("batches of [4, 4], expected [4, 4, 2]"),
        "{why}"
    );
}

// ANCHOR: wrong_adam
/// M6 without the bias correction: both moments start at zero, the second
/// warms up more slowly, and the first step is about 3.16 times too large.
fn adam_uncorrected(
    params: &mut Array1<f64>,
    grad: ArrayView1<'_, f64>,
    s: &mut Adam,
) -> Result<(), MlError> {
    if grad.len() != params.len() || grad.iter().any(|g| !g.is_finite()) {
        return Err(MlError::Value("gradient".into()));
    }
    s.t += 1;
    Zip::from(params)
        .and(&grad)
        .and(&mut s.m)
        .and(&mut s.v)
        .for_each(|p, &g, m, v| {
            *m = s.beta1 * *m + (1.0 - s.beta1) * g;
            *v = s.beta2 * *v + (1.0 - s.beta2) * g * g;
            *p -= s.learning_rate * *m / (v.sqrt() + s.epsilon);
        });
    Ok(())
}

#[test]
fn adam_without_bias_correction_is_caught() {
    let why = rejected(ml_check::check_adam(adam_uncorrected));
    assert!(why.starts_with("parameters after step 1[0]"), "{why}");
}
// ANCHOR_END: wrong_adam
