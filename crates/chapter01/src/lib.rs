//! Chapter 1: arrays in the ML ecosystem.
//!
//! The chapter's reusable code, in three parts:
//!
//! - **Containers compared.** One preprocessing step, standardising every
//!   column of a data matrix to mean 0 and standard deviation 1, written three
//!   ways: over a `Vec<Vec<f64>>` ([`standardize_vec_of_vec`]), over one flat
//!   row-major `Vec<f64>` ([`standardize_flat`]) and over an `ndarray` matrix
//!   ([`standardize_ndarray`]). The three give the same numbers, bit for bit;
//!   the benchmark `benches/containers.rs` times them next to NumPy.
//! - **Moving data between containers.** [`rows_to_array`] (a checked copy) and
//!   [`flat_to_array`] / [`array_to_flat`] (no copy at all).
//! - **A first pipeline.** [`split_features_labels`], a [`StandardScaler`]
//!   (z-scores with the population standard deviation, as scikit-learn's
//!   `StandardScaler`) and a [`NearestCentroid`] classifier, used on iris by
//!   the `pipeline` example.
//! - **Exercises.** [`exercises`]: the solutions to the chapter's exercises
//!   (`cargo xtask exercises chapter01` writes a starter file to solve them).
//!
//! # Element types are never mixed silently
//!
//! ndarray never converts `f32` to `f64` behind your back (NumPy would silently
//! promote the result to `float64`), so this does not compile:
//!
//! ```compile_fail,E0277
//! use ndarray::Array1;
//! let a = Array1::<f32>::ones(3);
//! let b = Array1::<f64>::ones(3);
//! let c = &a + &b;
//! ```
//!
//! (`compile_fail/mixed_precision.rs` is the book's listing of this error, with
//! rustc's whole message beside it.)
//!
//! The fix is an explicit conversion, which is a copy:
//!
//! ```
//! use ndarray::Array1;
//! let a = Array1::<f32>::ones(3);
//! let b = Array1::<f64>::ones(3);
//! let c = &a.mapv(f64::from) + &b;
//! assert_eq!(c, Array1::from_elem(3, 2.0));
//! ```

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip};

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();

/// Why a container does not hold a table that can be standardised: the shape
/// errors a caller can cause, returned instead of a panic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// No rows, or rows of length zero.
    #[error("the table is empty (it needs at least one row and one column)")]
    Empty,
    /// A `Vec<Vec<f64>>` whose rows do not all have the same length.
    #[error("row {row} has {found} values, but row 0 has {expected}")]
    RaggedRow {
        row: usize,
        expected: usize,
        found: usize,
    },
    /// A flat buffer whose length is not a whole number of rows.
    #[error("{len} values cannot be split into rows of {n_cols}")]
    NotRectangular { len: usize, n_cols: usize },
}

/// The scale used for a column whose standard deviation is `std`: a constant
/// column (`std == 0`) is divided by 1, so it becomes all zeros instead of
/// `NaN` (scikit-learn's `StandardScaler` does the same).
pub fn nonzero_scale(std: f64) -> f64 {
    if std == 0.0 { 1.0 } else { std }
}

// ANCHOR: check_rectangular
/// Checks that `rows` has at least one row, that the first row is not empty,
/// and that every row is as long as the first. Returns the number of columns.
pub fn check_rectangular(rows: &[Vec<f64>]) -> Result<usize, LayoutError> {
    let n_cols = rows.first().map_or(0, Vec::len);
    if n_cols == 0 {
        return Err(LayoutError::Empty);
    }
    for (row, values) in rows.iter().enumerate() {
        if values.len() != n_cols {
            return Err(LayoutError::RaggedRow {
                row,
                expected: n_cols,
                found: values.len(),
            });
        }
    }
    Ok(n_cols)
}
// ANCHOR_END: check_rectangular

// ANCHOR: vec_of_vec
/// Standardises every column of a table stored as one `Vec` per row: the
/// formula read literally, column by column, as a first translation from Python
/// lists would do it.
pub fn standardize_vec_of_vec(
    rows: &[Vec<f64>],
) -> Result<Vec<Vec<f64>>, LayoutError> {
    let n_cols = check_rectangular(rows)?;
    let n_rows = rows.len() as f64;
    let mut means = vec![0.0; n_cols];
    let mut scales = vec![0.0; n_cols];
    for j in 0..n_cols {
        // Walk down column j: every step lands in a different row's allocation.
        let mut sum = 0.0;
        for row in rows {
            sum += row[j];
        }
        means[j] = sum / n_rows;
        let mut sum_sq = 0.0;
        for row in rows {
            sum_sq += (row[j] - means[j]) * (row[j] - means[j]);
        }
        scales[j] = nonzero_scale((sum_sq / n_rows).sqrt());
    }
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut new_row = Vec::with_capacity(n_cols); // one allocation per row
        for j in 0..n_cols {
            new_row.push((row[j] - means[j]) / scales[j]);
        }
        out.push(new_row);
    }
    Ok(out)
}
// ANCHOR_END: vec_of_vec

// ANCHOR: flat
/// Standardises every column of a row-major table stored in one flat buffer of
/// `n_cols` values per row: the same arithmetic, in the order the values lie in
/// memory.
pub fn standardize_flat(
    data: &[f64],
    n_cols: usize,
) -> Result<Vec<f64>, LayoutError> {
    if n_cols == 0 || data.is_empty() {
        return Err(LayoutError::Empty);
    }
    if !data.len().is_multiple_of(n_cols) {
        let len = data.len();
        return Err(LayoutError::NotRectangular { len, n_cols });
    }
    let n_rows = (data.len() / n_cols) as f64;
    // Pass 1: add each row into the running column sums, row after row.
    let mut means = vec![0.0; n_cols];
    for row in data.chunks_exact(n_cols) {
        for (mean, x) in means.iter_mut().zip(row) {
            *mean += x;
        }
    }
    means.iter_mut().for_each(|m| *m /= n_rows);
    // Pass 2: the same walk for the squared deviations.
    let mut scales = vec![0.0; n_cols];
    for row in data.chunks_exact(n_cols) {
        for ((sum_sq, x), mean) in scales.iter_mut().zip(row).zip(&means) {
            *sum_sq += (x - mean) * (x - mean);
        }
    }
    scales
        .iter_mut()
        .for_each(|s| *s = nonzero_scale((*s / n_rows).sqrt()));
    // Pass 3: one allocation for the whole result.
    let mut out = Vec::with_capacity(data.len());
    for row in data.chunks_exact(n_cols) {
        let z = row.iter().zip(&means).zip(&scales);
        out.extend(z.map(|((x, mean), scale)| (x - mean) / scale));
    }
    Ok(out)
}
// ANCHOR_END: flat

// ANCHOR: ndarray
/// Standardises every column of a matrix with `ndarray`: column means, the
/// centred matrix by broadcasting, column sums of squares, then an in-place
/// broadcast division.
pub fn standardize_ndarray(
    x: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, LayoutError> {
    if x.is_empty() {
        return Err(LayoutError::Empty);
    }
    let n_rows = x.nrows() as f64;
    // shape (n_cols,)
    let means = x.mean_axis(Axis(0)).ok_or(LayoutError::Empty)?;
    // (n_rows, n_cols) - (n_cols,): one new matrix
    let mut centred = &x - &means;
    let scales = centred
        .fold_axis(Axis(0), 0.0, |&sum_sq, &v| sum_sq + v * v)
        .mapv(|sum_sq| nonzero_scale((sum_sq / n_rows).sqrt()));
    centred /= &scales; // in place, broadcast over the rows
    Ok(centred)
}
// ANCHOR_END: ndarray

/// The benchmark's deterministic input, row-major: the value at row `i`, column
/// `j` is `((37 i + 11 j + i j) mod 101) / 2 + j`. `numpy/containers.py` builds
/// the same numbers.
pub fn benchmark_table(n_rows: usize, n_cols: usize) -> Vec<f64> {
    let mut data = Vec::with_capacity(n_rows * n_cols);
    for i in 0..n_rows {
        for j in 0..n_cols {
            data.push(
                ((37 * i + 11 * j + i * j) % 101) as f64 * 0.5 + j as f64,
            );
        }
    }
    data
}

/// Splits a flat row-major buffer into one `Vec` per row (a copy), for the
/// `Vec<Vec<f64>>` version.
pub fn flat_to_rows(
    data: &[f64],
    n_cols: usize,
) -> Result<Vec<Vec<f64>>, LayoutError> {
    if n_cols == 0 || !data.len().is_multiple_of(n_cols) {
        let len = data.len();
        return Err(LayoutError::NotRectangular { len, n_cols });
    }
    Ok(data.chunks_exact(n_cols).map(<[f64]>::to_vec).collect())
}

// ANCHOR: conversions
/// Copies a `Vec<Vec<f64>>` table into an `Array2`, checking first that it is
/// rectangular. The rows live in separate allocations, so a copy into one
/// buffer cannot be avoided.
pub fn rows_to_array(rows: &[Vec<f64>]) -> Result<Array2<f64>, LayoutError> {
    let n_cols = check_rectangular(rows)?;
    let flat: Vec<f64> = rows.concat();
    Ok(Array2::from_shape_vec((rows.len(), n_cols), flat)
        .expect("checked rectangular"))
}

/// Takes ownership of a flat row-major buffer as an `(n_rows, n_cols)` array:
/// no copy, the array keeps the `Vec`'s allocation.
pub fn flat_to_array(
    data: Vec<f64>,
    n_cols: usize,
) -> Result<Array2<f64>, LayoutError> {
    if n_cols == 0 || !data.len().is_multiple_of(n_cols) {
        let len = data.len();
        return Err(LayoutError::NotRectangular { len, n_cols });
    }
    let n_rows = data.len() / n_cols;
    Ok(Array2::from_shape_vec((n_rows, n_cols), data).expect("length checked"))
}

/// Gives back an array's buffer as a flat row-major `Vec`: no copy when the
/// array is in standard (row-major, contiguous) layout, one copy otherwise.
pub fn array_to_flat(array: Array2<f64>) -> Vec<f64> {
    if array.is_standard_layout() {
        let (data, offset) = array.into_raw_vec_and_offset();
        debug_assert!(matches!(offset, Some(0) | None));
        data
    } else {
        array.iter().copied().collect()
    }
}
// ANCHOR_END: conversions

/// What went wrong while fitting or applying a model: mismatched shapes and bad
/// labels.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// The data has no rows (samples).
    #[error("no samples: the data has no rows")]
    NoSamples,
    /// The label column holds something that is not a class id (a whole number
    /// >= 0).
    #[error("row {row}: label {value} is not a class id (a whole number >= 0)")]
    BadLabel { row: usize, value: f64 },
    /// Features and labels do not have one entry per sample each.
    #[error("{n_samples} samples but {n_labels} labels")]
    LengthMismatch { n_samples: usize, n_labels: usize },
    /// A label is not below the number of classes.
    #[error("label {label} is out of range for {n_classes} classes")]
    LabelOutOfRange { label: usize, n_classes: usize },
    /// A class has no samples, so it has no centroid.
    #[error("class {class} has no samples")]
    EmptyClass { class: usize },
    /// The data has a different number of features from the data the model was
    /// fitted on.
    #[error(
        "the model was fitted on {expected} features, the data has {found}"
    )]
    FeatureCount { expected: usize, found: usize },
}

// ANCHOR: split
/// Splits a raw table whose last column holds class ids into a feature matrix
/// (a copy of the other columns) and a label vector.
pub fn split_features_labels(
    table: ArrayView2<'_, f64>,
) -> Result<(Array2<f64>, Array1<usize>), ModelError> {
    let n_cols = table.ncols();
    if table.nrows() == 0 || n_cols < 2 {
        return Err(ModelError::NoSamples);
    }
    let features = table.slice(ndarray::s![.., ..n_cols - 1]).to_owned();
    let labels = table
        .column(n_cols - 1)
        .iter()
        .enumerate()
        .map(|(row, &value)| {
            let is_class_id =
                value >= 0.0 && value.fract() == 0.0 && value < 1e9;
            is_class_id
                .then_some(value as usize)
                .ok_or(ModelError::BadLabel { row, value })
        })
        .collect::<Result<Array1<usize>, _>>()?;
    Ok((features, labels))
}
// ANCHOR_END: split

// ANCHOR: scaler
/// Standardisation as a fitted transformation: `fit` learns each column's mean
/// and population standard deviation (`ddof = 0`, as NumPy's `std` and
/// scikit-learn's `StandardScaler`), `transform` applies `(x - mean) / std` to
/// any data with those columns.
#[derive(Debug, Clone, PartialEq)]
pub struct StandardScaler {
    pub mean: Array1<f64>,
    pub std: Array1<f64>,
}

impl StandardScaler {
    /// Learns the column means and standard deviations of `x` (one row per
    /// sample).
    pub fn fit(x: ArrayView2<'_, f64>) -> Result<Self, ModelError> {
        let mean = x.mean_axis(Axis(0)).ok_or(ModelError::NoSamples)?;
        let std = x.std_axis(Axis(0), 0.0); // ddof = 0: divide by n, not n - 1
        Ok(Self { mean, std })
    }

    /// Returns `(x - mean) / std` column by column (a constant column is
    /// divided by 1).
    pub fn transform(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array2<f64>, ModelError> {
        check_features(self.mean.len(), x.ncols())?;
        let scale = self.std.mapv(nonzero_scale);
        Ok((&x - &self.mean) / &scale)
    }
}
// ANCHOR_END: scaler

fn check_features(expected: usize, found: usize) -> Result<(), ModelError> {
    if expected == found {
        Ok(())
    } else {
        Err(ModelError::FeatureCount { expected, found })
    }
}

// ANCHOR: nearest_centroid
/// The simplest classifier there is: each class is summarised by its centroid
/// (the mean of its samples), and a sample is predicted to belong to the class
/// whose centroid is nearest (Euclidean distance).
#[derive(Debug, Clone, PartialEq)]
pub struct NearestCentroid {
    /// One row per class: `centroids.row(k)` is the mean of the samples
    /// labelled `k`.
    pub centroids: Array2<f64>,
}

impl NearestCentroid {
    /// "Training": one pass over the samples, adding each into its class's row,
    /// then a division by the class counts.
    pub fn fit(
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, usize>,
        n_classes: usize,
    ) -> Result<Self, ModelError> {
        if x.nrows() != y.len() {
            let (n_samples, n_labels) = (x.nrows(), y.len());
            return Err(ModelError::LengthMismatch {
                n_samples,
                n_labels,
            });
        }
        let mut sums = Array2::<f64>::zeros((n_classes, x.ncols()));
        let mut counts = vec![0_usize; n_classes];
        for (sample, &label) in x.rows().into_iter().zip(&y) {
            if label >= n_classes {
                return Err(ModelError::LabelOutOfRange { label, n_classes });
            }
            let mut class_sum = sums.row_mut(label);
            class_sum += &sample;
            counts[label] += 1;
        }
        for (class, mut centroid) in sums.rows_mut().into_iter().enumerate() {
            if counts[class] == 0 {
                return Err(ModelError::EmptyClass { class });
            }
            centroid /= counts[class] as f64;
        }
        Ok(Self { centroids: sums })
    }

    /// Predicts a class for every row of `x`: the index of the nearest centroid
    /// (the lowest index wins a tie).
    pub fn predict(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array1<usize>, ModelError> {
        check_features(self.centroids.ncols(), x.ncols())?;
        Ok(x.rows().into_iter().map(|s| self.nearest(s)).collect())
    }

    /// The index of the centroid nearest to `sample`. The squared distance is
    /// accumulated element by element, so no temporary array is allocated.
    fn nearest(&self, sample: ArrayView1<'_, f64>) -> usize {
        let mut best = (0, f64::INFINITY);
        for (class, centroid) in self.centroids.rows().into_iter().enumerate() {
            let squared_distance = Zip::from(&sample)
                .and(&centroid)
                .fold(0.0, |sum, &x, &c| sum + (x - c) * (x - c));
            if squared_distance < best.1 {
                best = (class, squared_distance);
            }
        }
        best.0
    }
}
// ANCHOR_END: nearest_centroid

/// The number of predictions equal to the true label.
pub fn count_correct(
    predicted: ArrayView1<'_, usize>,
    truth: ArrayView1<'_, usize>,
) -> Result<usize, ModelError> {
    if predicted.len() != truth.len() {
        let (n_samples, n_labels) = (predicted.len(), truth.len());
        return Err(ModelError::LengthMismatch {
            n_samples,
            n_labels,
        });
    }
    Ok(predicted.iter().zip(&truth).filter(|(p, t)| p == t).count())
}

/// A confusion matrix: entry `[t, p]` counts the samples of true class `t`
/// predicted as `p`.
pub fn confusion_matrix(
    predicted: ArrayView1<'_, usize>,
    truth: ArrayView1<'_, usize>,
    n_classes: usize,
) -> Result<Array2<usize>, ModelError> {
    if predicted.len() != truth.len() {
        let (n_samples, n_labels) = (predicted.len(), truth.len());
        return Err(ModelError::LengthMismatch {
            n_samples,
            n_labels,
        });
    }
    let mut counts = Array2::zeros((n_classes, n_classes));
    for (&p, &t) in predicted.iter().zip(&truth) {
        let label = p.max(t);
        if label >= n_classes {
            return Err(ModelError::LabelOutOfRange { label, n_classes });
        }
        counts[[t, p]] += 1;
    }
    Ok(counts)
}
