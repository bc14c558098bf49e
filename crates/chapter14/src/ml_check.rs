//! The checkers of the ML-component exercises: each takes an answer (the
//! solution, the reader's code, or a deliberately wrong version) and says
//! whether it computes what scikit-learn computes on the breast cancer data
//! (`tests/fixtures/ml_components.json`) and rejects bad input.
//! `tests/exercises.rs` runs them on the answers, `tests/ml_wrong_answers.rs`
//! on plausible mistakes.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, array, s};
use serde::Deserialize;

use crate::ml::{Adam, MlError, Scaler};
use crate::perf::Verdict;

/// What `tests/fixtures/ml_components.py` wrote.
#[derive(Debug, Deserialize)]
pub struct Reference {
    pub labels: Vec<bool>,
    pub log_loss: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub none_predicted: Vec<f64>,
    pub scores: Vec<f64>,
    pub roc_auc: f64,
    pub tiny_true: Vec<bool>,
    pub tiny_scores: Vec<f64>,
    pub tiny_auc: f64,
    pub mean: Vec<f64>,
    pub scale: Vec<f64>,
    #[serde(deserialize_with = "support::fixtures::array2")]
    pub small: Array2<f64>,
    pub small_mean: Vec<f64>,
    pub small_scale: Vec<f64>,
    pub adam_start: Vec<f64>,
    pub adam_grads: Vec<Vec<f64>>,
    pub adam_trajectory: Vec<Vec<f64>>,
}

/// The fixture, and the breast cancer table with its "malignant" labels.
fn data() -> Result<(Reference, Array2<f64>, Vec<bool>), String> {
    let reference: Reference =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "ml_components")
            .map_err(|e| e.to_string())?;
    let cancer =
        support::data::load_breast_cancer().map_err(|e| e.to_string())?;
    let malignant: Vec<bool> = cancer.target.iter().map(|&t| t == 0).collect();
    if malignant != reference.labels {
        return Err("the fixture's labels are not the data's".into());
    }
    Ok((reference, cancer.features, malignant))
}

/// `Err` unless `got` is within `rtol * |want| + 1e-15` of `want`.
fn close(what: &str, got: f64, want: f64, rtol: f64) -> Verdict {
    if (got - want).abs() <= rtol * want.abs() + 1e-15 {
        Ok(())
    } else {
        Err(format!("{what}: {got}, expected {want}"))
    }
}

/// Every element of `got` close to `want` (see [`close`]).
fn all_close(what: &str, got: &[f64], want: &[f64], rtol: f64) -> Verdict {
    if got.len() != want.len() {
        return Err(format!(
            "{what}: {} values, expected {}",
            got.len(),
            want.len()
        ));
    }
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        close(&format!("{what}[{i}]"), g, w, rtol)?;
    }
    Ok(())
}

/// The signature of exercise M1's answer.
pub type Loss =
    fn(ArrayView1<'_, f64>, ArrayView1<'_, f64>) -> Result<f64, MlError>;

/// Exercise M1: scikit-learn's `log_loss` of the radius logits (within
/// 1e-12, relative: the stable form rounds differently), a finite value for
/// logits whose sigmoid rounds to 0 or 1, and errors for bad input.
pub fn check_log_loss(answer: Loss) -> Verdict {
    let (reference, x, malignant) = data()?;
    let logits = x.column(0).mapv(|r| (r - 15.0) / 2.0);
    let y: Array1<f64> =
        malignant.iter().map(|&m| f64::from(u8::from(m))).collect();
    let got = answer(logits.view(), y.view()).map_err(|e| e.to_string())?;
    close("log loss", got, reference.log_loss, 1e-12)?;
    // softplus(40) = 40 + 4e-18 twice, softplus(-800) = 0: a mean of 80 / 3.
    let far = answer(
        array![40.0, -40.0, 800.0].view(),
        array![0.0, 1.0, 1.0].view(),
    )
    .map_err(|e| e.to_string())?;
    close("log loss of logits 40, -40, 800", far, 80.0 / 3.0, 1e-15)?;
    for (z, y, what) in [
        (array![0.5, 1.0], array![1.0], "two logits, one label"),
        (array![], array![], "no samples"),
        (array![0.5], array![2.0], "a label of 2"),
        (array![f64::NAN], array![1.0], "a NaN logit"),
    ] {
        if answer(z.view(), y.view()).is_ok() {
            return Err(format!("{what} must be an error"));
        }
    }
    Ok(())
}

/// The signature of exercise M2's answer.
pub type PrecisionRecallF1 =
    fn(&[bool], &[bool]) -> Result<(f64, f64, f64), MlError>;

/// Exercise M2: scikit-learn's precision, recall and F1 of "malignant when
/// the radius exceeds 15" (within 1e-15), its `zero_division` value 0 when
/// nothing is predicted positive, and the errors.
pub fn check_precision_recall_f1(answer: PrecisionRecallF1) -> Verdict {
    let (reference, x, malignant) = data()?;
    let predicted: Vec<bool> = x.column(0).iter().map(|&r| r > 15.0).collect();
    let (p, r, f) =
        answer(&malignant, &predicted).map_err(|e| e.to_string())?;
    close("precision", p, reference.precision, 1e-15)?;
    close("recall", r, reference.recall, 1e-15)?;
    close("F1", f, reference.f1, 1e-15)?;
    let none = vec![false; malignant.len()];
    let (p0, r0, f0) = answer(&malignant, &none).map_err(|e| e.to_string())?;
    all_close(
        "nothing predicted",
        &[p0, r0, f0],
        &reference.none_predicted,
        0.0,
    )?;
    if answer(&malignant, &predicted[1..]).is_ok() {
        return Err(
            "569 labels against 568 predictions must be an error".into()
        );
    }
    if answer(&[], &[]).is_ok() {
        return Err("no samples must be an error".into());
    }
    Ok(())
}

/// The signature of exercise M3's answer.
pub type RocAuc = fn(&[bool], ArrayView1<'_, f64>) -> Result<f64, MlError>;

/// Exercise M3: scikit-learn's `roc_auc_score` of scores with many ties
/// (569 radii rounded to 141 distinct values) and of five hand-made ones
/// (within 1e-12), and errors for one class only, NaN, and a length mismatch.
pub fn check_roc_auc(answer: RocAuc) -> Verdict {
    let (reference, _, malignant) = data()?;
    let scores = Array1::from(reference.scores.clone());
    let got = answer(&malignant, scores.view()).map_err(|e| e.to_string())?;
    close("ROC AUC", got, reference.roc_auc, 1e-12)?;
    let tiny = Array1::from(reference.tiny_scores.clone());
    let got =
        answer(&reference.tiny_true, tiny.view()).map_err(|e| e.to_string())?;
    close("ROC AUC of five scores", got, reference.tiny_auc, 1e-12)?;
    let bad: [(&[bool], Array1<f64>, &str); 3] = [
        (&[true, true], array![0.1, 0.2], "a single class"),
        (&[true, false], array![0.1, f64::NAN], "a NaN score"),
        (&[true, false], array![0.1], "two labels, one score"),
    ];
    for (y, s, what) in bad {
        if answer(y, s.view()).is_ok() {
            return Err(format!("{what} must be an error"));
        }
    }
    Ok(())
}

/// The signature of exercise M4's answer.
pub type FitScaler = fn(ArrayView2<'_, f64>) -> Result<Scaler, MlError>;

/// Exercise M4: scikit-learn's `StandardScaler` `mean_` and `scale_` on the
/// 30 features (within 1e-12), a scale of 1 for a constant column (which then
/// transforms to zeros), and an error for a table without rows.
pub fn check_scaler(answer: FitScaler) -> Verdict {
    let (reference, x, _) = data()?;
    let scaler = answer(x.view()).map_err(|e| e.to_string())?;
    all_close("mean", &scaler.mean.to_vec(), &reference.mean, 1e-12)?;
    all_close("scale", &scaler.scale.to_vec(), &reference.scale, 1e-12)?;
    let small = answer(reference.small.view()).map_err(|e| e.to_string())?;
    all_close(
        "small mean",
        &small.mean.to_vec(),
        &reference.small_mean,
        1e-12,
    )?;
    all_close(
        "small scale",
        &small.scale.to_vec(),
        &reference.small_scale,
        1e-12,
    )?;
    let z = small
        .transform(reference.small.view())
        .map_err(|e| e.to_string())?;
    if z.column(1).iter().any(|&v| v != 0.0) {
        return Err(format!("the constant column scales to {}", z.column(1)));
    }
    if answer(Array2::zeros((0, 2)).view()).is_ok() {
        return Err("a table without rows must be an error".into());
    }
    Ok(())
}

/// Exercise M5: mini-batches from `make(x, y, order, batch_size)`, an
/// iterator of `(rows, labels)`. For ten rows in a shuffled order: batches
/// of 4, 4 and 2 (the last one not dropped) holding the rows `order` names,
/// with their own labels; one batch when `batch_size` exceeds the rows; an
/// error for a bad order. Generic, so a wrong iterator can be checked too.
pub fn check_minibatches<'a, I, F>(make: F) -> Verdict
where
    I: Iterator<Item = (Array2<f64>, Array1<f64>)>,
    F: Fn(
        ArrayView2<'a, f64>,
        ArrayView1<'a, f64>,
        &'a [usize],
        usize,
    ) -> Result<I, MlError>,
{
    // Row i is (i, 10 i) and its label is 100 i: a mixed-up pair shows.
    let x: &'static Array2<f64> =
        Box::leak(Box::new(Array2::from_shape_fn((10, 2), |(i, j)| {
            (i * (1 + 9 * j)) as f64
        })));
    let y: &'static Array1<f64> =
        Box::leak(Box::new(Array1::from_shape_fn(10, |i| 100.0 * i as f64)));
    const ORDER: [usize; 10] = [3, 7, 0, 9, 1, 8, 2, 5, 6, 4];
    for (size, lengths) in [(4, vec![4, 4, 2]), (10, vec![10]), (25, vec![10])]
    {
        let batches: Vec<_> = make(x.view(), y.view(), &ORDER, size)
            .map_err(|e| e.to_string())?
            .collect();
        let got: Vec<usize> = batches.iter().map(|(b, _)| b.nrows()).collect();
        if got != lengths {
            return Err(format!(
                "batch size {size}: batches of {got:?}, expected {lengths:?}"
            ));
        }
        let mut k = 0;
        for (rows, labels) in &batches {
            for (row, &label) in rows.rows().into_iter().zip(labels) {
                let i = ORDER[k];
                if row != x.row(i) || label != y[i] {
                    return Err(format!(
                        "row {k} of the epoch: {row} with label {label}, expected row {i}"
                    ));
                }
                k += 1;
            }
            if rows.nrows() != labels.len() {
                return Err(format!(
                    "{} rows with {} labels",
                    rows.nrows(),
                    labels.len()
                ));
            }
        }
    }
    if make(x.view(), y.view(), &[0, 0, 1, 2, 3, 4, 5, 6, 7, 8], 4).is_ok() {
        return Err("an order that repeats row 0 must be an error".into());
    }
    if make(x.view(), y.slice(s![..9]), &ORDER, 4).is_ok() {
        return Err("10 rows with 9 labels must be an error".into());
    }
    Ok(())
}

/// The signature of exercise M6's answer.
pub type AdamStep =
    fn(&mut Array1<f64>, ArrayView1<'_, f64>, &mut Adam) -> Result<(), MlError>;

/// Exercise M6: five steps that follow scikit-learn's `AdamOptimizer`
/// (within 1e-12, relative), and errors that leave the state untouched.
pub fn check_adam(answer: AdamStep) -> Verdict {
    let (reference, _, _) = data()?;
    let mut params = Array1::from(reference.adam_start.clone());
    let mut adam = Adam::new(params.len(), 0.01);
    for (t, (g, want)) in reference
        .adam_grads
        .iter()
        .zip(&reference.adam_trajectory)
        .enumerate()
    {
        let g = Array1::from(g.clone());
        answer(&mut params, g.view(), &mut adam).map_err(|e| e.to_string())?;
        all_close(
            &format!("parameters after step {}", t + 1),
            &params.to_vec(),
            want,
            1e-12,
        )?;
    }
    let before = (params.clone(), adam.t);
    for (g, what) in [
        (array![1.0, 2.0], "2 gradients for 4 parameters"),
        (array![0.0, f64::NAN, 0.0, 0.0], "a NaN gradient"),
    ] {
        if answer(&mut params, g.view(), &mut adam).is_ok() {
            return Err(format!("{what} must be an error"));
        }
    }
    if (params, adam.t) != before {
        return Err(
            "a rejected step changed the parameters or the step count".into()
        );
    }
    Ok(())
}
