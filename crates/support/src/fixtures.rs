//! Parity fixtures: expected values that come from NumPy or scikit-learn
//! themselves.
//!
//! Wherever a test says "the same as NumPy", the expected numbers are not typed
//! into the test by hand. A reference script
//! `crates/<crate>/tests/fixtures/NAME.py` computes them with the reference
//! library and prints one JSON object; `cargo xtask book` stores that output as
//! `NAME.json` next to it, and `cargo xtask check` re-runs the script and fails
//! when the stored file differs. Tests read the JSON with [`load`] into a typed
//! struct and compare with [`assert_allclose`] (NumPy's `assert_allclose` rule)
//! or with `==` where both sides do the same IEEE operations in the same order.
//!
//! ```no_run
//! use support::fixtures::{assert_allclose, load};
//!
//! /// What `tests/fixtures/datasets.py` prints (in part).
//! #[derive(serde::Deserialize)]
//! struct Datasets {
//!     iris: Iris,
//! }
//! #[derive(serde::Deserialize)]
//! struct Iris {
//!     mean: Vec<f64>,
//! }
//!
//! let numpy: Datasets = load(env!("CARGO_MANIFEST_DIR"), "datasets").unwrap();
//! let iris = support::load_iris().unwrap();
//! let ours = iris.features.mean_axis(ndarray::Axis(0)).unwrap();
//! // atol 1e-12: NumPy sums each column pairwise, ndarray row after row.
//! assert_allclose(&ours, &numpy.iris.mean, 0.0, 1e-12);
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use ndarray::{Array2, ArrayView, AsArray, Dimension, IxDyn};
use serde::de::{Deserialize, DeserializeOwned, Deserializer, Error as _};

/// Why a fixture could not be read. `Debug` prints the same message as
/// `Display`, so a test's `.unwrap()` shows the file and what to do.
#[derive(thiserror::Error)]
pub enum FixtureError {
    /// The JSON file does not exist (the reference script has not been run
    /// yet).
    #[error(
        "{}: no such fixture; run `cargo xtask book`, which writes it from {}",
        path.display(),
        path.with_extension("py").display()
    )]
    Missing { path: PathBuf },
    /// The file exists but cannot be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not the JSON the test expects (a missing key, a wrong type).
    #[error("{}: not the expected JSON: {source}", path.display())]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

impl fmt::Debug for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The path of fixture `name`: `<manifest_dir>/tests/fixtures/<name>.json`.
pub fn path(manifest_dir: &str, name: &str) -> PathBuf {
    Path::new(manifest_dir)
        .join("tests")
        .join("fixtures")
        .join(format!("{name}.json"))
}

/// Reads fixture `name` of the crate at `manifest_dir` (pass
/// `env!("CARGO_MANIFEST_DIR")`) into `T`, typically a
/// `#[derive(serde::Deserialize)]` struct whose fields are the script's keys.
pub fn load<T>(manifest_dir: &str, name: &str) -> Result<T, FixtureError>
where
    T: DeserializeOwned,
{
    let path = path(manifest_dir, name);
    let text = std::fs::read_to_string(&path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            FixtureError::Missing { path: path.clone() }
        } else {
            FixtureError::Io {
                path: path.clone(),
                source,
            }
        }
    })?;
    let json_err = |source| FixtureError::Json { path, source };
    serde_json::from_str(&text).map_err(json_err)
}

/// For `#[serde(deserialize_with = "support::fixtures::array2")]`: reads a JSON
/// list of equally long rows (what NumPy's `.tolist()` prints for a matrix)
/// into an `Array2`.
pub fn array2<'de, D, T>(deserializer: D) -> Result<Array2<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let rows = Vec::<Vec<T>>::deserialize(deserializer)?;
    let n_cols = rows.first().map_or(0, Vec::len);
    if let Some(i) = rows.iter().position(|row| row.len() != n_cols) {
        let found = rows[i].len();
        return Err(D::Error::custom(format!(
            "row {i} has {found} values, but row 0 has {n_cols}"
        )));
    }
    let n_rows = rows.len();
    let flat: Vec<T> = rows.into_iter().flatten().collect();
    Array2::from_shape_vec((n_rows, n_cols), flat).map_err(D::Error::custom)
}

/// Panics unless `actual` and `expected` have the same shape and every element
/// satisfies NumPy's `assert_allclose` rule `|a - e| <= atol + rtol * |e|`
/// (equal infinities pass; a NaN never does, as JSON fixtures hold no NaN).
/// Takes arrays, views, slices and `&Vec<f64>`; the message names the first
/// differing index and both values.
#[track_caller]
pub fn assert_allclose<'a, 'b, D1, D2>(
    actual: impl AsArray<'a, f64, D1>,
    expected: impl AsArray<'b, f64, D2>,
    rtol: f64,
    atol: f64,
) where
    D1: Dimension,
    D2: Dimension,
{
    let actual: ArrayView<'a, f64, IxDyn> = actual.into().into_dyn();
    let expected: ArrayView<'b, f64, IxDyn> = expected.into().into_dyn();
    assert!(
        actual.shape() == expected.shape(),
        "shapes differ: actual {:?}, expected {:?}",
        actual.shape(),
        expected.shape()
    );
    let mismatches = actual
        .iter()
        .zip(&expected)
        .filter(|&(&a, &e)| !(a == e || (a - e).abs() <= atol + rtol * e.abs()))
        .count();
    if mismatches == 0 {
        return;
    }
    let (index, a, e) = actual
        .indexed_iter()
        .zip(&expected)
        .map(|((index, &a), &e)| (index, a, e))
        .find(|&(_, a, e)| !(a == e || (a - e).abs() <= atol + rtol * e.abs()))
        .expect("a mismatch was counted");
    let (n, index) = (actual.len(), index.slice());
    let (difference, allowed) = ((a - e).abs(), atol + rtol * e.abs());
    panic!(
        "not close (rtol {rtol:e}, atol {atol:e}): {mismatches} of {n} \
         elements differ; first at index {index:?}: actual {a:?}, expected \
         {e:?} (|difference| {difference:e}, allowed {allowed:e})"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let payload = std::panic::catch_unwind(f).expect_err("it should panic");
        payload
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default()
    }

    #[test]
    fn allclose_uses_numpys_rule_and_names_the_first_difference() {
        let e = array![[1.0, 2.0], [3.0, 4.0]];
        assert_allclose(&e, &e, 0.0, 0.0);
        assert_allclose(&array![[1.0, 2.0], [3.0, 4.0 + 3e-9]], &e, 1e-9, 0.0);
        assert_allclose(&[0.0, 1e-9][..], &vec![0.0, 0.0], 0.0, 1e-9);
        assert_allclose(&[f64::INFINITY][..], &[f64::INFINITY][..], 0.0, 0.0);
        let msg = panic_message(|| {
            assert_allclose(&array![[1.0, 2.0], [3.5, 4.5]], &e, 1e-3, 0.0);
        });
        assert!(msg.contains("2 of 4 elements differ"), "{msg}");
        assert!(
            msg.contains("index [1, 0]: actual 3.5, expected 3.0"),
            "{msg}"
        );
        let row = array![1.0, 2.0];
        let msg = panic_message(|| assert_allclose(&e, &row, 1.0, 1.0));
        assert!(msg.contains("shapes differ"), "{msg}");
        let (nan, zero) = (vec![f64::NAN], vec![0.0]);
        let msg = panic_message(|| assert_allclose(&nan, &zero, 1.0, 1.0));
        assert!(msg.contains("actual NaN"), "{msg}");
    }

    #[test]
    fn a_missing_fixture_says_how_to_make_it() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let err = load::<f64>(dir, "no_such_fixture").unwrap_err();
        let msg = format!("{err:?}");
        assert!(msg.contains("tests/fixtures/no_such_fixture.json"), "{msg}");
        assert!(msg.contains("run `cargo xtask book`"), "{msg}");
        assert!(msg.contains("no_such_fixture.py"), "{msg}");
    }

    #[test]
    fn nested_lists_become_an_array2_and_ragged_ones_an_error() {
        #[derive(serde::Deserialize)]
        struct Table {
            #[serde(deserialize_with = "array2")]
            x: Array2<f64>,
        }
        let json = r#"{"x": [[1.0, 2.0], [3.0, 4.0]]}"#;
        let t: Table = serde_json::from_str(json).unwrap();
        assert_eq!(t.x, array![[1.0, 2.0], [3.0, 4.0]]);
        let ragged = r#"{"x": [[1.0, 2.0], [3.0]]}"#;
        let err = serde_json::from_str::<Table>(ragged);
        let msg = err.err().expect("ragged rows are an error").to_string();
        assert!(msg.contains("row 1 has 1 values, but row 0 has 2"), "{msg}");
    }
}
