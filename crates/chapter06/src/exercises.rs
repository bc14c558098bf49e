//! Solutions to the exercises of chapter 6 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use ndarray::{
    Array2, Array3, ArrayView1, ArrayView2, ArrayView3, Axis, Zip,
};

use crate::BroadcastError;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// Subtracts each column's mean from the column, in `x`'s own buffer (no new
/// array), so that every column of the result has mean 0. A table with no
/// rows is an error.
pub fn centre_in_place(x: &mut Array2<f64>) -> Result<(), BroadcastError> {
    // ANCHOR_END: ex1_signature
    let mean = x.mean_axis(Axis(0)).ok_or(BroadcastError::Empty)?;
    *x -= &mean; // (n, d) -= (d,): broadcast along the rows, in place
    Ok(())
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// The addition table `out[i, j] = a[i] + b[j]` (NumPy's `a[:, None] + b`,
/// or `np.add.outer(a, b)`).
pub fn addition_table(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Array2<f64> {
    // ANCHOR_END: ex2_signature
    &a.insert_axis(Axis(1)) + &b.insert_axis(Axis(0)) // (n, 1) + (1, m)
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// Scales each channel of an `(h, w, c)` image to `[0, 1]` with that
/// channel's own minimum and maximum. A constant channel becomes all zeros.
pub fn min_max_per_channel(image: ArrayView3<'_, f64>) -> Array3<f64> {
    // ANCHOR_END: ex3_signature
    let fold = |start: f64, pick: fn(f64, f64) -> f64| {
        image
            .fold_axis(Axis(0), start, |&m, &v| pick(m, v)) // (w, c)
            .fold_axis(Axis(0), start, |&m, &v| pick(m, v)) // (c,)
    };
    let low = fold(f64::INFINITY, f64::min);
    let high = fold(f64::NEG_INFINITY, f64::max);
    let range = Zip::from(&low)
        .and(&high)
        .map_collect(|&l, &h| if h > l { h - l } else { 1.0 });
    (&image - &low) / &range // (h, w, c) with (c,): the last axis lines up
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// The Gaussian log-likelihood of every row of `x` (n × d) under every class
/// c of k: `out[i, c] = Σ_j log N(x[i, j]; means[c, j], variances[c, j])`,
/// with `log N(v; μ, σ²) = -(ln(2π σ²) + (v - μ)² / σ²) / 2`. It is the
/// score of Gaussian naive Bayes before the class priors. `means` and
/// `variances` are k × d; every variance must be positive.
pub fn gaussian_log_likelihood(
    x: ArrayView2<'_, f64>,
    means: ArrayView2<'_, f64>,
    variances: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, BroadcastError> {
    // ANCHOR_END: ex4_signature
    if means.dim() != variances.dim() {
        return Err(BroadcastError::ClassStats {
            means: means.shape().to_vec(),
            variances: variances.shape().to_vec(),
        });
    }
    if x.ncols() != means.ncols() {
        return Err(BroadcastError::Features {
            x: x.ncols(),
            y: means.ncols(),
        });
    }
    if let Some(((class, feature), _)) =
        variances.indexed_iter().find(|(_, v)| v.is_nan() || **v <= 0.0)
    {
        return Err(BroadcastError::Variance { class, feature });
    }
    // (n, 1, d) against (1, k, d): the squared standardised differences.
    let diff = &x.insert_axis(Axis(1)) - &means.insert_axis(Axis(0));
    let z2 = &(&diff * &diff) / &variances.insert_axis(Axis(0));
    // The normalising term depends on the class only: one (k,) row.
    let log_norm = variances
        .mapv(|v| (2.0 * std::f64::consts::PI * v).ln())
        .sum_axis(Axis(1));
    let out = z2.sum_axis(Axis(2)) + &log_norm; // (n, k) + (k,)
    Ok(out * -0.5)
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The cosine similarity of every pair of rows, `x_i·x_j / (‖x_i‖ ‖x_j‖)`
/// (scikit-learn's `cosine_similarity(x)`): each row divided by its length,
/// then all dot products at once. A row of zeros stays zero (its
/// similarities are 0), as in scikit-learn.
pub fn cosine_similarity(x: ArrayView2<'_, f64>) -> Array2<f64> {
    // ANCHOR_END: ex5_signature
    let norms = x.map_axis(Axis(1), |row| row.dot(&row).sqrt());
    let norms = norms.mapv(|n| if n > 0.0 { n } else { 1.0 });
    let unit = &x / &norms.insert_axis(Axis(1)); // (n, d) / (n, 1)
    unit.dot(&unit.t())
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// Pairwise Euclidean distances by the naive broadcast, in chunks of rows of
/// `x` as large as possible such that one chunk's `(rows, m, d)` difference
/// cube takes at most `budget` bytes. An error when even one row's cube
/// (`m * d` values) does not fit, or when the widths differ.
pub fn pairwise_within_budget(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
    budget: usize,
) -> Result<Array2<f64>, BroadcastError> {
    // ANCHOR_END: ex6_signature
    let row_bytes = y.nrows() * y.ncols() * size_of::<f64>();
    if row_bytes > budget {
        return Err(BroadcastError::Budget {
            needed: row_bytes,
            budget,
        });
    }
    let rows = (budget / row_bytes.max(1)).clamp(1, x.nrows().max(1));
    crate::distance::pairwise_chunked(x, y, rows)
}
// ANCHOR_END: ex6_solution
