//! The fixes of the debugging clinic (part B of the chapter): for each
//! scenario, the broken code is an example (`examples/debug_*.rs`) or a
//! listing that does not compile (`compile_fail/debug_*.rs`), and the fix is
//! a function here, tested in `tests/debug.rs`.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, s};
use ndarray_linalg::{LeastSquaresSvd, Solve};
use thiserror::Error;

/// What the fixed functions reject.
#[derive(Debug, Error, PartialEq)]
pub enum DebugError {
    /// Shapes that do not fit together, with both named.
    #[error("shape mismatch: {0}")]
    Shape(String),
    /// An argument out of range.
    #[error("invalid argument: {0}")]
    Invalid(String),
    /// LAPACK could not solve the system.
    #[error("linear algebra: {0}")]
    Linalg(String),
}

// ANCHOR: scores
/// Scenario 1's fix: the score of each sample (a row of `x`, `n x d`)
/// against each weight vector (a row of `w`, `k x d`): `x @ w.T`, `n x k`.
/// The feature counts are checked first, so a mismatch is an error that
/// names both shapes instead of a panic inside `dot`.
pub fn scores(
    x: ArrayView2<'_, f64>,
    w: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, DebugError> {
    if x.ncols() != w.ncols() {
        return Err(DebugError::Shape(format!(
            "samples {:?}, weights {:?}",
            x.shape(),
            w.shape()
        )));
    }
    Ok(x.dot(&w.t()))
}
// ANCHOR_END: scores

// ANCHOR: centre_rows
/// Scenario 2's fix: each row minus its own mean. The `n` means become an
/// `n x 1` column, which broadcasts along the rows (`keepdims=True`).
pub fn centre_rows(x: ArrayView2<'_, f64>) -> Option<Array2<f64>> {
    let means = x.mean_axis(Axis(1))?; // shape (n,)
    Some(&x - &means.insert_axis(Axis(1))) // (n, d) - (n, 1)
}
// ANCHOR_END: centre_rows

// ANCHOR: flatten
/// Scenario 3's fix: the values of any 2-D view (a transpose, a slice with
/// a step) as one row-major vector, copying only when the view is not
/// already contiguous in row-major order.
pub fn flatten(x: ArrayView2<'_, f64>) -> Array1<f64> {
    let n = x.len();
    let standard = x.as_standard_layout(); // a view, or a row-major copy
    // `to_shape` on a standard-layout array cannot fail.
    standard
        .to_shape(n)
        .map(|v| v.to_owned())
        .unwrap_or_default()
}
// ANCHOR_END: flatten

// ANCHOR: copy_column
/// Scenario 4's fix: overwrite column `to` of `a` with column `from`, with
/// two disjoint mutable views of the same array.
pub fn copy_column(
    a: &mut Array2<f64>,
    from: usize,
    to: usize,
) -> Result<(), DebugError> {
    if from >= a.ncols() || to >= a.ncols() {
        return Err(DebugError::Invalid(format!(
            "columns {from} and {to} of {}",
            a.ncols()
        )));
    }
    if from == to {
        return Ok(());
    }
    // multi_slice_mut checks at run time that the two slices do not overlap.
    let (mut target, source) = a.multi_slice_mut((s![.., to], s![.., from]));
    target.assign(&source);
    Ok(())
}
// ANCHOR_END: copy_column

// ANCHOR: mean_pixel
/// Scenario 5's fix: the mean of 8-bit pixel values, summed in `u64` (a
/// `u8` sum wraps at 256). `None` for an empty image.
pub fn mean_pixel(image: ArrayView2<'_, u8>) -> Option<f64> {
    if image.is_empty() {
        return None;
    }
    let total: u64 = image.iter().map(|&p| u64::from(p)).sum();
    Some(total as f64 / image.len() as f64)
}
// ANCHOR_END: mean_pixel

// ANCHOR: nan_mean
/// Scenario 6's fix: the mean of the values that are not NaN (NumPy's
/// `np.nanmean`) with how many were skipped, so the caller sees the gaps.
/// `None` when every value is NaN.
pub fn nan_mean(x: ArrayView1<'_, f64>) -> Option<(f64, usize)> {
    let (sum, count) = x
        .iter()
        .filter(|v| !v.is_nan())
        .fold((0.0, 0_usize), |(s, c), &v| (s + v, c + 1));
    (count > 0).then(|| (sum / count as f64, x.len() - count))
}
// ANCHOR_END: nan_mean

// ANCHOR: sum_f32
/// Scenario 7's fix: the sum of `f32` values accumulated in `f64` and
/// rounded to `f32` once at the end.
pub fn sum_f32(x: &[f32]) -> f32 {
    x.iter().map(|&v| f64::from(v)).sum::<f64>() as f32
}
// ANCHOR_END: sum_f32

// ANCHOR: standardise
/// Scenario 8's fix: standardise the features (columns) of `x`, one row
/// per sample: the means and deviations run down `Axis(0)`, and their
/// length is checked against the number of features.
pub fn standardise(x: ArrayView2<'_, f64>) -> Result<Array2<f64>, DebugError> {
    let mean = x
        .mean_axis(Axis(0)) // one value per column
        .ok_or_else(|| DebugError::Invalid("no samples".into()))?;
    let std = x.std_axis(Axis(0), 0.0);
    if mean.len() != x.ncols() {
        return Err(DebugError::Shape("means per sample".into()));
    }
    Ok((&x - &mean) / &std.mapv(|s| if s == 0.0 { 1.0 } else { s }))
}
// ANCHOR_END: standardise

// ANCHOR: solve_or_lstsq
/// Scenario 9's fix: solve `a x = b`; when LAPACK reports the matrix
/// singular, fall back to the least-squares solution of smallest norm (what
/// `np.linalg.lstsq` returns) and say so with `true`.
pub fn solve_or_lstsq(
    a: ArrayView2<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Result<(Array1<f64>, bool), DebugError> {
    match a.solve(&b) {
        Ok(x) if x.iter().all(|v| v.is_finite()) => Ok((x, false)),
        _ => {
            let fit = a
                .least_squares(&b)
                .map_err(|e| DebugError::Linalg(e.to_string()))?;
            Ok((fit.solution, true))
        }
    }
}
// ANCHOR_END: solve_or_lstsq

// ANCHOR: window_sums
/// Scenario 10's fix: the sum of every window of `w` consecutive values,
/// all `len - w + 1` of them (`windows` yields exactly those).
pub fn window_sums(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, DebugError> {
    if w == 0 || w > x.len() {
        return Err(DebugError::Invalid(format!("window {w} of {}", x.len())));
    }
    Ok(x.windows(w).into_iter().map(|win| win.sum()).collect())
}
// ANCHOR_END: window_sums

// ANCHOR: predict_slow
/// Scenario 11, the slow way: the helper takes `&Array1`, so every caller
/// holding a view must copy it first.
pub fn linear_score(w: &Array1<f64>, row: &Array1<f64>) -> f64 {
    w.dot(row)
}

/// The score of every row of `x`, each row copied to fit the helper's
/// signature: one allocation per row.
pub fn predict_copying(x: ArrayView2<'_, f64>, w: &Array1<f64>) -> Array1<f64> {
    x.rows()
        .into_iter()
        .map(|row| linear_score(w, &row.to_owned()))
        .collect()
}
// ANCHOR_END: predict_slow

// ANCHOR: predict_views
/// Scenario 11's fix: the helper borrows views, which an owned array also
/// gives for free (`w.view()`), so no row is copied.
pub fn linear_score_view(
    w: ArrayView1<'_, f64>,
    row: ArrayView1<'_, f64>,
) -> f64 {
    w.dot(&row)
}

/// The score of every row of `x`: one allocation, the result.
pub fn predict(x: ArrayView2<'_, f64>, w: ArrayView1<'_, f64>) -> Array1<f64> {
    x.rows()
        .into_iter()
        .map(|row| linear_score_view(w, row))
        .collect()
}
// ANCHOR_END: predict_views

/// Where the last caught panic happened, as the hook of [`quiet_panics`]
/// saw it.
static LOCATION: std::sync::Mutex<String> =
    std::sync::Mutex::new(String::new());

/// Replaces the default panic hook, which would print each caught panic to
/// stderr, with one that only remembers where it happened (from
/// `ndarray-...` or `crates/...` on: the part of the path that does not
/// depend on where cargo keeps its downloads). The clinic's examples call it
/// once, then [`panic_message`] for each broken line.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        if let (Some(at), Ok(mut location)) = (info.location(), LOCATION.lock())
        {
            let file = at.file();
            let short = ["ndarray-", "crates/", "library/"]
                .iter()
                .find_map(|p| file.find(p).map(|i| &file[i..]))
                .unwrap_or(file);
            *location = format!("{short}:{}", at.line());
        }
    }));
}

/// Runs `f`, which is expected to panic, and returns the panic's message,
/// wrapped to the book's 80 columns, and the place it names.
pub fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    match std::panic::catch_unwind(f) {
        Ok(()) => "(no panic)".to_owned(),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| {
                    payload.downcast_ref::<&str>().map(|s| s.to_string())
                })
                .unwrap_or_else(|| "(a panic without a message)".to_owned());
            let location =
                LOCATION.lock().map(|l| l.clone()).unwrap_or_default();
            format!("{}\n  at {location}", wrap(&message))
        }
    }
}

/// `text` broken into lines of at most 78 columns, each indented by two
/// spaces.
pub fn wrap(text: &str) -> String {
    let mut lines = vec![String::from(" ")];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("never empty");
        if line.len() + 1 + word.len() > 78 && line.len() > 2 {
            lines.push(format!("  {word}"));
        } else {
            line.push(' ');
            line.push_str(word);
        }
    }
    lines.join("\n")
}
