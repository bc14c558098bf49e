//! The hands-on's softmax versions on the digits' scores against SciPy's
//! `softmax` and `logsumexp`, from `tests/fixtures/softmax.py`.

use chapter04::softmax::*;
use ndarray::{Array1, Array2, Axis, array};
use support::alloc::{CountingAllocator, count_allocations};
use support::fixtures::assert_allclose;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[derive(serde::Deserialize)]
struct SciPy {
    logsumexp: Vec<f64>,
    rows: Vec<usize>,
    softmax_rows: Vec<Vec<f64>>,
    max_weight: Vec<f64>,
    naive_nan_rows: usize,
    same_digit_rows: usize,
}

#[test]
fn every_version_agrees_with_scipy_on_the_digits() {
    let scipy: SciPy =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "softmax")
            .expect("tests/fixtures/softmax.json");
    let digits = support::data::load_digits().unwrap();
    let s = attention_scores(digits.features.view());

    let naive = softmax_naive(s.view());
    let nan_rows = naive
        .rows()
        .into_iter()
        .filter(|r| r.iter().any(|v| v.is_nan()))
        .count();
    assert_eq!(nan_rows, scipy.naive_nan_rows);

    let stable = softmax_stable(s.view());
    let mut inplace = Array2::zeros(s.raw_dim());
    softmax_inplace(inplace.view_mut(), s.view()).unwrap();
    assert_eq!(inplace, stable);
    let mut fused = Array2::zeros(s.raw_dim());
    let mut lse = Array1::zeros(s.nrows());
    softmax_fused(fused.view_mut(), s.view(), lse.view_mut()).unwrap();

    // Sums of 1797 terms in another order than NumPy's pairwise sum, and exp
    // within an ulp of NumPy's: agreement to about 1e-13 relative.
    assert_allclose(&lse, &scipy.logsumexp, 1e-13, 0.0);
    assert_allclose(&logsumexp_rows(s.view()), &scipy.logsumexp, 1e-13, 0.0);
    for (k, &i) in scipy.rows.iter().enumerate() {
        let expected = Array1::from(scipy.softmax_rows[k].clone());
        assert_allclose(stable.row(i), &expected, 1e-12, 1e-300);
        assert_allclose(fused.row(i), &expected, 1e-12, 1e-300);
    }
    let max_weight = fused.fold_axis(Axis(1), 0.0, |&m: &f64, &v| m.max(v));
    assert_allclose(&max_weight, &scipy.max_weight, 1e-12, 0.0);
    let labels = &digits.target;
    let same_digit = fused
        .rows()
        .into_iter()
        .enumerate()
        .filter(|(i, row)| {
            let best = (0..row.len())
                .fold(0, |b, j| if row[j] > row[b] { j } else { b });
            labels[best] == labels[*i]
        })
        .count();
    assert_eq!(same_digit, scipy.same_digit_rows);
}

#[test]
fn stable_versions_survive_scores_that_overflow_exp() {
    let s = array![[1000.0, 1000.0], [-1000.0, 0.0]];
    assert!(softmax_naive(s.view())[[0, 0]].is_nan());
    let p = softmax_stable(s.view());
    assert_eq!(p.row(0).to_vec(), [0.5, 0.5]);
    assert_eq!(p.row(1).to_vec(), [0.0, 1.0]);
    let lse = logsumexp_rows(s.view());
    assert_eq!(lse[0], 1000.0 + 2f64.ln());
}

#[test]
fn outputs_of_the_wrong_shape_are_refused() {
    let s = Array2::<f64>::zeros((3, 4));
    let mut out = Array2::<f64>::zeros((4, 3));
    let error = softmax_inplace(out.view_mut(), s.view()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the output has shape [4, 3], expected [3, 4]"
    );
    let mut out = Array2::<f64>::zeros((3, 4));
    let mut lse = Array1::<f64>::zeros(2);
    let error =
        softmax_fused(out.view_mut(), s.view(), lse.view_mut()).unwrap_err();
    assert_eq!(error.to_string(), "logsumexp has shape [2], expected [3]");
}

#[test]
fn stable_allocates_two_full_size_temporaries_and_inplace_none() {
    // 3 x 1000 scores: a full-size array is 24,000 bytes, a per-row vector
    // (the maxima, the sums) 24 bytes.
    let s = Array2::from_shape_fn((3, 1000), |(i, j)| (i * j % 17) as f64);
    let full = s.len() * size_of::<f64>();
    let (_, seen) = count_allocations(|| softmax_stable(s.view()));
    // The shifted scores and their exponentials; the division reuses the
    // exponentials' buffer. The other two are the maxima and the sums.
    assert_eq!((seen.count, seen.bytes), (4, 2 * full + 2 * 3 * 8));
    let mut out = Array2::zeros(s.raw_dim());
    let (result, seen) =
        count_allocations(|| softmax_inplace(out.view_mut(), s.view()));
    result.unwrap();
    assert_eq!((seen.count, seen.bytes), (2, 2 * 3 * 8));
}
