//! ndarray-stats' `cov` and `pearson_correlation` against NumPy's `np.cov`
//! and `np.corrcoef` on the wine data (`tests/fixtures/correlation.py`).
//! ndarray-stats takes one variable per *row*: the samples-by-features table
//! is passed transposed, `x.t()`.

use ndarray::Array2;
use ndarray_stats::CorrelationExt;
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    cov_ddof1: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    cov_ddof0: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    corrcoef: Array2<f64>,
}

/// Same formula, a different order of additions; entries close to zero
/// (weakly related features) get an absolute tolerance at the scale of the
/// largest entries' rounding.
#[test]
fn covariance_and_correlation_match_numpy() {
    let numpy: NumPy =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "correlation")
            .unwrap();
    let x = support::load_wine().unwrap().features;
    let cov1 = x.t().cov(1.0).unwrap();
    let cov0 = x.t().cov(0.0).unwrap();
    let corr = x.t().pearson_correlation().unwrap();
    assert_eq!(cov1.dim(), (13, 13));
    assert_allclose(&cov1, &numpy.cov_ddof1, 1e-12, 1e-9);
    assert_allclose(&cov0, &numpy.cov_ddof0, 1e-12, 1e-9);
    assert_allclose(&corr, &numpy.corrcoef, 1e-12, 1e-14);
    // Without the transpose: a 178 x 178 matrix, the wrong question.
    assert_eq!(x.cov(1.0).unwrap().dim(), (178, 178));
}
