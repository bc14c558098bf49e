//! Solutions to the exercises of chapter 1 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them, on iris and wine, against scikit-learn's values.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip, s};

use crate::{
    LayoutError, ModelError, NearestCentroid, StandardScaler,
    check_rectangular, count_correct, nonzero_scale,
};

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// Min-max scaling, as scikit-learn's `MinMaxScaler`: each column is mapped
/// linearly onto `[0, 1]`, its smallest value to 0 and its largest to 1. A
/// constant column becomes all zeros.
pub fn min_max_scale(x: ArrayView2<'_, f64>) -> Array2<f64> {
    // ANCHOR_END: ex1_signature
    let low = x.fold_axis(Axis(0), f64::INFINITY, |&m, &v| m.min(v));
    let high = x.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max(v));
    // A constant column has range 0: divide it by 1 instead.
    let range = (&high - &low).mapv(nonzero_scale);
    (&x - &low) / &range
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_error
/// Columns of different lengths, which cannot form a matrix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column} has {found} values, but column 0 has {expected}")]
pub struct UnequalColumns {
    pub column: usize,
    pub expected: usize,
    pub found: usize,
}
// ANCHOR_END: ex2_error

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// Builds a matrix with one row per sample from a table stored column by
/// column, as a data frame stores it: `columns[j][i]` becomes element `[i, j]`.
/// The result is in standard (row-major) layout. No columns at all give a
/// `0 × 0` matrix.
pub fn columns_to_array(
    columns: &[Vec<f64>],
) -> Result<Array2<f64>, UnequalColumns> {
    // ANCHOR_END: ex2_signature
    let n_rows = columns.first().map_or(0, Vec::len);
    if let Some((column, values)) = columns
        .iter()
        .enumerate()
        .find(|(_, values)| values.len() != n_rows)
    {
        return Err(UnequalColumns {
            column,
            expected: n_rows,
            found: values.len(),
        });
    }
    // One allocation; each column is then copied into its place.
    let mut out = Array2::zeros((n_rows, columns.len()));
    for (mut column, values) in out.columns_mut().into_iter().zip(columns) {
        column.assign(&ArrayView1::from(values.as_slice()));
    }
    Ok(out)
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// Precision and recall of every class, from a confusion matrix whose entry
/// `[t, p]` counts the samples of true class `t` predicted as `p`. Precision of
/// class `k`: the fraction of the samples predicted `k` that are `k`; recall:
/// the fraction of the samples of class `k` predicted `k`. A ratio with nothing
/// to divide by is 0, as in scikit-learn with `zero_division=0`.
pub fn precision_recall(
    confusion: ArrayView2<'_, usize>,
) -> (Array1<f64>, Array1<f64>) {
    // ANCHOR_END: ex3_signature
    let ratio = |&hits: &usize, &total: &usize| {
        if total == 0 {
            0.0
        } else {
            hits as f64 / total as f64
        }
    };
    let hits = confusion.diag();
    let predicted = confusion.sum_axis(Axis(0)); // column sums
    let actual = confusion.sum_axis(Axis(1)); // row sums
    let precision = Zip::from(&hits).and(&predicted).map_collect(ratio);
    let recall = Zip::from(&hits).and(&actual).map_collect(ratio);
    (precision, recall)
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// How many of its own training samples a nearest-centroid model fitted on
/// `x` gets right: on the raw features, or (with `standardise`) after a
/// `StandardScaler` fitted on `x`.
pub fn training_correct(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    n_classes: usize,
    standardise: bool,
) -> Result<usize, ModelError> {
    // ANCHOR_END: ex4_signature
    let scaled; // declared out here so that `features` can borrow it
    let features = if standardise {
        scaled = StandardScaler::fit(x)?.transform(x)?;
        scaled.view()
    } else {
        x.view() // not `x`: a reborrow can live as briefly as `scaled`
    };
    let model = NearestCentroid::fit(features, y, n_classes)?;
    count_correct(model.predict(features)?.view(), y)
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// For each feature (column) of `x` on its own, the number of training samples
/// a nearest-centroid model fitted on that one column gets right.
pub fn single_feature_correct(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    n_classes: usize,
) -> Result<Array1<usize>, ModelError> {
    // ANCHOR_END: ex5_signature
    x.columns()
        .into_iter()
        .map(|column| {
            // An (n, 1) view of the column: a matrix with one feature, no copy.
            let one = column.insert_axis(Axis(1));
            let model = NearestCentroid::fit(one, y, n_classes)?;
            count_correct(model.predict(one)?.view(), y)
        })
        .collect()
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// Fits a `StandardScaler` and then a nearest-centroid model on the rows
/// `train` of `x` and `y` only, and returns how many of the rows `test` it
/// predicts correctly. The test rows take no part in fitting either step.
/// Every index must be below `x.nrows()` (ndarray panics otherwise).
pub fn holdout_correct(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    n_classes: usize,
    train: &[usize],
    test: &[usize],
) -> Result<usize, ModelError> {
    // ANCHOR_END: ex6_signature
    // `select` copies the chosen rows into new arrays.
    let train_x = x.select(Axis(0), train);
    let train_y = y.select(Axis(0), train);
    let scaler = StandardScaler::fit(train_x.view())?; // training rows only
    let train_z = scaler.transform(train_x.view())?;
    let model =
        NearestCentroid::fit(train_z.view(), train_y.view(), n_classes)?;
    let test_z = scaler.transform(x.select(Axis(0), test).view())?;
    let predicted = model.predict(test_z.view())?;
    count_correct(predicted.view(), y.select(Axis(0), test).view())
}
// ANCHOR_END: ex6_solution

// ANCHOR: ex7_solution
// ANCHOR: ex7_signature
/// Standardises a table stored as one `Vec` per row, like the chapter's
/// `standardize_vec_of_vec`, but walking the rows in the order they lie in
/// memory, as `standardize_flat` does, so that the results are the same bit for
/// bit.
pub fn standardize_rows_in_order(
    rows: &[Vec<f64>],
) -> Result<Vec<Vec<f64>>, LayoutError> {
    // ANCHOR_END: ex7_signature
    let n_cols = check_rectangular(rows)?;
    let n_rows = rows.len() as f64;
    // Pass 1: add each row into the running column sums, row after row.
    let mut means = vec![0.0; n_cols];
    for row in rows {
        for (mean, x) in means.iter_mut().zip(row) {
            *mean += x;
        }
    }
    means.iter_mut().for_each(|m| *m /= n_rows);
    // Pass 2: the same walk for the squared deviations.
    let mut scales = vec![0.0; n_cols];
    for row in rows {
        for ((sum_sq, x), mean) in scales.iter_mut().zip(row).zip(&means) {
            *sum_sq += (x - mean) * (x - mean);
        }
    }
    scales
        .iter_mut()
        .for_each(|s| *s = nonzero_scale((*s / n_rows).sqrt()));
    // Pass 3: the output is still one allocation per row.
    let z_row = |row: &Vec<f64>| {
        let z = row.iter().zip(&means).zip(&scales);
        z.map(|((x, mean), scale)| (x - mean) / scale).collect()
    };
    Ok(rows.iter().map(z_row).collect())
}
// ANCHOR_END: ex7_solution

// ANCHOR: ex8_solution
// ANCHOR: ex8_signature
/// Leave-one-out evaluation: for every sample `i`, fit the model on all the
/// other samples and predict sample `i`; return how many of these predictions
/// are right. With `standardise`, the `StandardScaler` is part of the model,
/// so it too is fitted without sample `i`.
pub fn leave_one_out_correct(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    n_classes: usize,
    standardise: bool,
) -> Result<usize, ModelError> {
    // ANCHOR_END: ex8_signature
    let n = x.nrows();
    let mut correct = 0;
    let mut others = Vec::with_capacity(n);
    for i in 0..n {
        others.clear();
        others.extend((0..n).filter(|&j| j != i));
        let mut train_x = x.select(Axis(0), &others);
        let train_y = y.select(Axis(0), &others);
        let mut sample = x.slice(s![i..=i, ..]).to_owned(); // shape (1, d)
        if standardise {
            let scaler = StandardScaler::fit(train_x.view())?;
            train_x = scaler.transform(train_x.view())?;
            sample = scaler.transform(sample.view())?;
        }
        let model =
            NearestCentroid::fit(train_x.view(), train_y.view(), n_classes)?;
        if model.predict(sample.view())?[0] == y[i] {
            correct += 1;
        }
    }
    Ok(correct)
}
// ANCHOR_END: ex8_solution
