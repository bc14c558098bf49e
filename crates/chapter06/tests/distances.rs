//! Pairwise distances against SciPy's `cdist` (`tests/fixtures/distances.py`)
//! on the wine data in raw units, where the dot-product trick loses digits.

use chapter06::BroadcastError;
use chapter06::distance::*;
use ndarray::{Array2, s};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct SciPy {
    /// `cdist(wine[:40], wine)`
    #[serde(deserialize_with = "array2")]
    cdist_first40_all: Array2<f64>,
    /// `np.einsum("ij,ij->i", wine, wine).max()`
    squared_norm_max: f64,
}

fn scipy() -> SciPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "distances").unwrap()
}

fn wine() -> Array2<f64> {
    support::load_wine().unwrap().features
}

#[test]
fn every_version_matches_cdist() {
    let (x, reference) = (wine(), scipy().cdist_first40_all);
    let first40 = x.slice(s![..40, ..]);
    let versions = [
        ("naive", pairwise_naive(first40, x.view()).unwrap()),
        ("chunked", pairwise_chunked(first40, x.view(), 7).unwrap()),
        ("gemm", pairwise_gemm(first40, x.view()).unwrap()),
        (
            "gemm_blocked",
            pairwise_gemm_blocked(first40, x.view(), 9).unwrap(),
        ),
    ];
    for (name, got) in versions {
        assert_eq!(got.shape(), &[40, 178], "{name}");
        // The naive sums differ from cdist's only in the order of
        // additions: rtol 1e-13. The repaired trick keeps every entry to
        // about 4 eps / RECOMPUTE_BELOW relative: rtol 1e-10. Both with
        // atol 0, and the self-distances (0 in cdist) must be exactly 0.
        assert_allclose(&got, &reference, 1e-10, 0.0);
        for i in 0..40 {
            assert_eq!(got[[i, i]], 0.0, "{name} self-distance {i}");
        }
    }
    let naive = pairwise_naive(first40, x.view()).unwrap();
    assert_allclose(&naive, &reference, 1e-13, 0.0);
}

#[test]
fn the_raw_trick_loses_the_diagonal_and_the_fix_restores_it() {
    let (x, numpy) = (wine(), scipy());
    let norms = squared_norms(x.view());
    assert_allclose(
        &ndarray::arr0(norms.fold(0.0, |m: f64, &v| m.max(v))),
        &ndarray::arr0(numpy.squared_norm_max),
        1e-15,
        0.0,
    );
    let raw = squared_gemm_raw(x.view(), x.view()).unwrap();
    // The raw trick leaves non-zero (some negative) self-distances, each a
    // rounding error within a few eps of the two squared norms it cancels:
    // the envelope the page states, 4 eps (|x|^2 + |x|^2): observed on these
    // data, not a worst-case bound (about 14 eps for d = 13).
    let eps = f64::EPSILON;
    assert!(raw.diag().iter().any(|&v| v != 0.0));
    for (i, &v) in raw.diag().iter().enumerate() {
        assert!(v.abs() <= 4.0 * eps * 2.0 * norms[i], "row {i}: {v}");
    }
    let fixed = pairwise_gemm(x.view(), x.view()).unwrap();
    assert!(fixed.iter().all(|v| v.is_finite() && *v >= 0.0));
    assert!(fixed.diag().iter().all(|&v| v == 0.0));
}

#[test]
fn the_output_can_be_reused_and_bad_shapes_are_refused() {
    let x = wine();
    let mut out = Array2::from_elem((178, 178), f64::NAN);
    pairwise_gemm_into(x.view(), x.view(), 50, out.view_mut()).unwrap();
    assert_eq!(out, pairwise_gemm_blocked(x.view(), x.view(), 50).unwrap());
    // A transposed (column-major) output takes the slower path, same values.
    let mut transposed = Array2::zeros((178, 178));
    let column_major = transposed.view_mut().reversed_axes();
    pairwise_gemm_into(x.view(), x.view(), 50, column_major).unwrap();
    assert_eq!(transposed.t(), out);
    let narrow = x.slice(s![.., ..12]);
    assert_eq!(
        pairwise_gemm(x.view(), narrow).unwrap_err(),
        BroadcastError::Features { x: 13, y: 12 }
    );
    assert_eq!(
        pairwise_chunked(x.view(), x.view(), 0).unwrap_err(),
        BroadcastError::ChunkRows
    );
    let mut wrong = Array2::zeros((3, 3));
    assert_eq!(
        pairwise_gemm_into(x.view(), x.view(), 8, wrong.view_mut())
            .unwrap_err(),
        BroadcastError::OutputShape {
            expected: vec![178, 178],
            found: vec![3, 3],
        }
    );
}
