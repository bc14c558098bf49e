//! Solutions to the exercises of chapter 14, the array workbook (the book's
//! exercises page shows each signature, then the solution).
//! `tests/exercises.rs` runs every one of them.
//!
//! Exercises 1 to 30 are the vectorisation challenges, 31 to 50 the
//! algorithmic ones.

use std::collections::VecDeque;

use ndarray::{
    Array1, Array2, ArrayView1, ArrayView2, ArrayView3, ArrayViewMut2, Axis,
    ShapeBuilder, Zip, s,
};
use ndarray_linalg::{Cholesky, LeastSquaresSvd, UPLO};

use crate::workbook::{Csr, WorkbookError};

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The `n × n` second-difference matrix: 2 on the diagonal, -1 just above
/// and just below it, 0 elsewhere (`L x` is minus the discrete second
/// derivative of `x`).
pub fn second_difference_matrix(n: usize) -> Array2<f64> {
    // ANCHOR_END: ex1_signature
    let mut l = Array2::eye(n) * 2.0;
    if n > 1 {
        l.slice_mut(s![1.., ..-1]).diag_mut().fill(-1.0);
        l.slice_mut(s![..-1, 1..]).diag_mut().fill(-1.0);
    }
    l
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// The Vandermonde matrix of `x` with `n` columns: row `i` holds
/// `1, x[i], x[i]², …, x[i]^(n-1)`.
pub fn vandermonde(x: ArrayView1<'_, f64>, n: usize) -> Array2<f64> {
    // ANCHOR_END: ex2_signature
    let mut v = Array2::ones((x.len(), n));
    for j in 1..n {
        let (done, mut rest) = v.view_mut().split_at(Axis(1), j);
        let mut column = rest.column_mut(0);
        column.assign(&done.column(j - 1));
        column *= &x;
    }
    v
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// Every other value of `x`, starting from the last and going backwards
/// (NumPy's `x[::-2]`).
pub fn every_other_reversed(x: ArrayView1<'_, f64>) -> Array1<f64> {
    // ANCHOR_END: ex3_signature
    x.slice(s![..;-2]).to_owned()
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// The mean of the values above `threshold`; `None` when there are none.
pub fn mean_above(x: ArrayView1<'_, f64>, threshold: f64) -> Option<f64> {
    // ANCHOR_END: ex4_signature
    let (sum, count) = x
        .iter()
        .filter(|&&v| v > threshold)
        .fold((0.0, 0usize), |(s, c), &v| (s + v, c + 1));
    (count > 0).then(|| sum / count as f64)
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// `a` with every NaN replaced by the mean of the other values of its
/// column. A column of NaNs alone is an error.
pub fn fill_nan_with_column_means(
    a: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, WorkbookError> {
    // ANCHOR_END: ex5_signature
    let mut filled = a.to_owned();
    for (j, mut column) in filled.columns_mut().into_iter().enumerate() {
        let known = column.iter().filter(|v| !v.is_nan());
        let (sum, count) = known.fold((0.0, 0), |(s, c), &v| (s + v, c + 1));
        if count == 0 {
            return Err(WorkbookError::EmptyColumn(j));
        }
        let mean = sum / f64::from(count);
        column.mapv_inplace(|v| if v.is_nan() { mean } else { v });
    }
    Ok(filled)
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// The indices of the `k` largest values, largest first; equal values in
/// the order of their indices. All indices when `k` exceeds the length.
pub fn top_k(x: ArrayView1<'_, f64>, k: usize) -> Vec<usize> {
    // ANCHOR_END: ex6_signature
    let mut order: Vec<usize> = (0..x.len()).collect();
    // A stable sort keeps equal values in index order.
    order.sort_by(|&i, &j| x[j].total_cmp(&x[i]));
    order.truncate(k);
    order
}
// ANCHOR_END: ex6_solution

// ANCHOR: ex7_solution
// ANCHOR: ex7_signature
/// The leaky ReLU: `v` where `v > 0`, `alpha * v` elsewhere.
pub fn leaky_relu(x: ArrayView1<'_, f64>, alpha: f64) -> Array1<f64> {
    // ANCHOR_END: ex7_signature
    x.mapv(|v| if v > 0.0 { v } else { alpha * v })
}
// ANCHOR_END: ex7_solution

// ANCHOR: ex8_solution
// ANCHOR: ex8_signature
/// The differences of neighbours, `x[i + 1] - x[i]`: one value fewer than
/// `x` (none for an empty `x`).
pub fn diff(x: ArrayView1<'_, f64>) -> Array1<f64> {
    // ANCHOR_END: ex8_signature
    if x.is_empty() {
        return Array1::zeros(0);
    }
    &x.slice(s![1..]) - &x.slice(s![..-1])
}
// ANCHOR_END: ex8_solution

// ANCHOR: ex9_solution
// ANCHOR: ex9_signature
/// The polynomial with coefficients `c` (highest power first, as
/// `np.polyval` takes them) at every point of `x`.
pub fn polyval(c: ArrayView1<'_, f64>, x: ArrayView1<'_, f64>) -> Array1<f64> {
    // ANCHOR_END: ex9_signature
    // Horner's rule, one coefficient per pass over the whole array.
    let mut y = Array1::zeros(x.len());
    for &ck in c {
        Zip::from(&mut y).and(x).for_each(|y, &x| *y = *y * x + ck);
    }
    y
}
// ANCHOR_END: ex9_solution

// ANCHOR: ex10_solution
// ANCHOR: ex10_signature
/// The mean of every window of `w` consecutive values (`len - w + 1` of
/// them), in one pass over `x`.
pub fn moving_average(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, WorkbookError> {
    // ANCHOR_END: ex10_signature
    if w == 0 || w > x.len() {
        return Err(WorkbookError::BadWindow {
            window: w,
            len: x.len(),
        });
    }
    let mut sum: f64 = x.slice(s![..w]).sum();
    let mut means = Vec::with_capacity(x.len() - w + 1);
    means.push(sum / w as f64);
    for i in w..x.len() {
        sum += x[i] - x[i - w];
        means.push(sum / w as f64);
    }
    Ok(Array1::from(means))
}
// ANCHOR_END: ex10_solution

// ANCHOR: ex11_solution
// ANCHOR: ex11_signature
/// The softmax of each row: `exp(a[i, j])` divided by the sum of its row's
/// exponentials, without overflowing for logits like 1000.
pub fn softmax_rows(a: ArrayView2<'_, f64>) -> Array2<f64> {
    // ANCHOR_END: ex11_signature
    let mut p = a.to_owned();
    for mut row in p.rows_mut() {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        row.mapv_inplace(|v| (v - max).exp());
        let total = row.sum();
        row /= total;
    }
    p
}
// ANCHOR_END: ex11_solution

// ANCHOR: ex12_solution
// ANCHOR: ex12_signature
/// `ln Σ exp(x[i])`, finite even where every `exp(x[i])` overflows.
/// `None` for an empty `x`.
pub fn logsumexp(x: ArrayView1<'_, f64>) -> Option<f64> {
    // ANCHOR_END: ex12_signature
    let max = x.iter().copied().reduce(f64::max)?;
    if max.is_infinite() {
        return Some(max);
    }
    Some(max + x.iter().map(|&v| (v - max).exp()).sum::<f64>().ln())
}
// ANCHOR_END: ex12_solution

// ANCHOR: ex13_solution
// ANCHOR: ex13_signature
/// The values of `a` in column-major order: down the first column, then
/// the second, and so on.
pub fn ravel_column_major(a: ArrayView2<'_, f64>) -> Array1<f64> {
    // ANCHOR_END: ex13_signature
    // The transpose's logical (row-major) order is a's column-major order.
    a.t().iter().copied().collect()
}
// ANCHOR_END: ex13_solution

// ANCHOR: ex14_solution
// ANCHOR: ex14_signature
/// `x` shifted circularly by `k` places to the right (to the left for a
/// negative `k`): NumPy's `np.roll(x, k)`. Any `k` works.
pub fn roll(x: ArrayView1<'_, f64>, k: isize) -> Array1<f64> {
    // ANCHOR_END: ex14_signature
    let n = x.len();
    if n == 0 {
        return Array1::zeros(0);
    }
    // rem_euclid keeps the shift in 0..n for negative and large k.
    let k = k.rem_euclid(n as isize) as usize;
    let mut rolled = Array1::zeros(n);
    rolled.slice_mut(s![k..]).assign(&x.slice(s![..n - k]));
    rolled.slice_mut(s![..k]).assign(&x.slice(s![n - k..]));
    rolled
}
// ANCHOR_END: ex14_solution

// ANCHOR: ex15_solution
// ANCHOR: ex15_signature
/// `a[0], b[0], a[1], b[1], …` for two arrays of the same length.
pub fn interleave(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, WorkbookError> {
    // ANCHOR_END: ex15_signature
    if a.len() != b.len() {
        return Err(WorkbookError::LengthMismatch {
            left: a.len(),
            right: b.len(),
        });
    }
    let mut mixed = Array2::zeros((a.len(), 2));
    mixed.column_mut(0).assign(&a);
    mixed.column_mut(1).assign(&b);
    // A fresh array is in standard (row-major) order: reshaping is free.
    Ok(mixed.into_shape_with_order(2 * a.len()).expect("2n values"))
}
// ANCHOR_END: ex15_solution

// ANCHOR: ex16_solution
// ANCHOR: ex16_signature
/// The sum of each `b × b` block of `a` (sum pooling): an
/// `(h / b) × (w / b)` matrix. Both sides must be multiples of `b`.
pub fn block_sum(
    a: ArrayView2<'_, f64>,
    b: usize,
) -> Result<Array2<f64>, WorkbookError> {
    // ANCHOR_END: ex16_signature
    let (h, w) = a.dim();
    check_divides(h, b)?;
    check_divides(w, b)?;
    Ok(Array2::from_shape_fn((h / b, w / b), |(i, j)| {
        a.slice(s![i * b..(i + 1) * b, j * b..(j + 1) * b]).sum()
    }))
}

/// `Err(NotDivisible)` unless `size` is a multiple of `block` (and `block`
/// is not zero).
fn check_divides(size: usize, block: usize) -> Result<(), WorkbookError> {
    if block == 0 || !size.is_multiple_of(block) {
        return Err(WorkbookError::NotDivisible { size, block });
    }
    Ok(())
}
// ANCHOR_END: ex16_solution

// ANCHOR: ex17_solution
// ANCHOR: ex17_signature
/// The frames of `w` values that start every `hop` values of `x` (the
/// framing of audio before a spectrogram), as a view into `x` itself:
/// row `r` is `x[r * hop..r * hop + w]`, and nothing is copied.
pub fn frames(
    x: &[f64],
    w: usize,
    hop: usize,
) -> Result<ArrayView2<'_, f64>, WorkbookError> {
    // ANCHOR_END: ex17_signature
    if w == 0 || w > x.len() || hop == 0 {
        return Err(WorkbookError::BadWindow {
            window: w,
            len: x.len(),
        });
    }
    let n_frames = (x.len() - w) / hop + 1;
    // Strides in elements: the next frame starts hop values on, the next
    // value of a frame one value on. Frames overlap when hop < w.
    let shape = (n_frames, w).strides((hop, 1));
    Ok(ArrayView2::from_shape(shape, x).expect("every frame lies inside x"))
}
// ANCHOR_END: ex17_solution

// ANCHOR: ex18_solution
// ANCHOR: ex18_signature
/// For every value of `a`, how many values of `b` are larger than it.
pub fn count_larger(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Vec<usize> {
    // ANCHOR_END: ex18_signature
    // NumPy builds the n × m table of comparisons b[None, :] > a[:, None]
    // and sums its rows; here each row is counted as it is made.
    a.iter()
        .map(|&ai| b.iter().filter(|&&bj| bj > ai).count())
        .collect()
}
// ANCHOR_END: ex18_solution

// ANCHOR: ex19_solution
// ANCHOR: ex19_signature
/// The one-hot encoding of `labels`: row `i` is 1.0 in column `labels[i]`
/// and 0.0 elsewhere. A label at or above `k` is an error.
pub fn one_hot(
    labels: ArrayView1<'_, usize>,
    k: usize,
) -> Result<Array2<f64>, WorkbookError> {
    // ANCHOR_END: ex19_signature
    let mut encoded = Array2::zeros((labels.len(), k));
    for (mut row, &label) in encoded.rows_mut().into_iter().zip(labels) {
        if label >= k {
            return Err(WorkbookError::OutOfRange {
                index: label,
                size: k,
            });
        }
        row[label] = 1.0;
    }
    Ok(encoded)
}
// ANCHOR_END: ex19_solution

// ANCHOR: ex20_solution
// ANCHOR: ex20_signature
/// Each column minus its mean, divided by its population standard
/// deviation (`ddof = 0`). A constant column is an error.
pub fn standardise_columns(
    a: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, WorkbookError> {
    // ANCHOR_END: ex20_signature
    let (Some(mean), std) = (a.mean_axis(Axis(0)), a.std_axis(Axis(0), 0.0))
    else {
        return Err(WorkbookError::EmptyColumn(0));
    };
    if let Some(j) = std.iter().position(|&s| s == 0.0) {
        return Err(WorkbookError::ConstantColumn(j));
    }
    Ok((&a - &mean) / &std)
}
// ANCHOR_END: ex20_solution

// ANCHOR: ex21_solution
// ANCHOR: ex21_signature
/// The squared Euclidean distance between every row of `x` and every row
/// of `y`: an `n × m` matrix. The rows must have the same length.
pub fn pairwise_sq_distances(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, WorkbookError> {
    // ANCHOR_END: ex21_signature
    if x.ncols() != y.ncols() {
        return Err(WorkbookError::LengthMismatch {
            left: x.ncols(),
            right: y.ncols(),
        });
    }
    let mut d2 = Array2::zeros((x.nrows(), y.nrows()));
    Zip::from(d2.rows_mut())
        .and(x.rows())
        .for_each(|mut d, xi| {
            Zip::from(&mut d).and(y.rows()).for_each(|d, yj| {
                *d = Zip::from(xi)
                    .and(yj)
                    .fold(0.0, |acc, &a, &b| acc + (a - b) * (a - b));
            });
        });
    Ok(d2)
}
// ANCHOR_END: ex21_solution

// ANCHOR: ex22_solution
// ANCHOR: ex22_signature
/// For every row of `x`, the index of the nearest row of `centroids`
/// (squared Euclidean distance; the first of equally near ones).
pub fn nearest_centroid(
    x: ArrayView2<'_, f64>,
    centroids: ArrayView2<'_, f64>,
) -> Result<Vec<usize>, WorkbookError> {
    // ANCHOR_END: ex22_signature
    let d2 = pairwise_sq_distances(x, centroids)?;
    let argmin = |row: ArrayView1<'_, f64>| {
        let mut best = 0;
        for (j, &d) in row.iter().enumerate() {
            if d < row[best] {
                best = j;
            }
        }
        best
    };
    Ok(d2.rows().into_iter().map(argmin).collect())
}
// ANCHOR_END: ex22_solution

// ANCHOR: ex23_solution
// ANCHOR: ex23_signature
/// The mean of `x` weighted by `w`: `Σ w[i] x[i] / Σ w[i]`.
pub fn weighted_mean(
    x: ArrayView1<'_, f64>,
    w: ArrayView1<'_, f64>,
) -> Result<f64, WorkbookError> {
    // ANCHOR_END: ex23_signature
    if x.len() != w.len() {
        return Err(WorkbookError::LengthMismatch {
            left: x.len(),
            right: w.len(),
        });
    }
    let total = w.sum();
    if total == 0.0 {
        return Err(WorkbookError::ZeroWeights);
    }
    Ok(x.dot(&w) / total)
}
// ANCHOR_END: ex23_solution

// ANCHOR: ex24_solution
// ANCHOR: ex24_signature
/// The Pearson correlation of every pair of columns of `a` (NumPy's
/// `np.corrcoef(a, rowvar=False)`). A constant column is an error.
pub fn correlation_matrix(
    a: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, WorkbookError> {
    // ANCHOR_END: ex24_signature
    // Correlation is the covariance of the standardised columns.
    let z = standardise_columns(a)?;
    Ok(z.t().dot(&z) / a.nrows() as f64)
}
// ANCHOR_END: ex24_solution

// ANCHOR: ex25_solution
// ANCHOR: ex25_signature
/// For a stack of matrices `a` (`batch × n × m`) and a stack of vectors
/// `x` (`batch × m`), the stack of products `a[b] · x[b]` (`batch × n`).
pub fn batched_matvec(
    a: ArrayView3<'_, f64>,
    x: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, WorkbookError> {
    // ANCHOR_END: ex25_signature
    let (batch, n, m) = a.dim();
    if x.dim() != (batch, m) {
        return Err(WorkbookError::LengthMismatch {
            left: batch * m,
            right: x.len(),
        });
    }
    let mut y = Array2::zeros((batch, n));
    Zip::from(y.rows_mut())
        .and(a.outer_iter())
        .and(x.rows())
        .for_each(|mut y, a, x| y.assign(&a.dot(&x)));
    Ok(y)
}
// ANCHOR_END: ex25_solution

// ANCHOR: ex26_solution
// ANCHOR: ex26_signature
/// The trace of `a · b` (`a` is `n × m`, `b` is `m × n`) in `O(nm)`
/// operations, without forming the `n × n` product.
pub fn trace_of_product(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
) -> Result<f64, WorkbookError> {
    // ANCHOR_END: ex26_signature
    if a.dim() != b.t().dim() {
        return Err(WorkbookError::LengthMismatch {
            left: a.len(),
            right: b.len(),
        });
    }
    // trace(ab) = Σ_i Σ_k a[i, k] b[k, i]: the elementwise product with bᵀ.
    Ok(Zip::from(a).and(b.t()).fold(0.0, |acc, &x, &y| acc + x * y))
}
// ANCHOR_END: ex26_solution

// ANCHOR: ex27_solution
// ANCHOR: ex27_signature
/// Scales every row of `a` to Euclidean length 1, in place (no new
/// matrix). A row of zeros is an error, and then `a` is left unchanged.
pub fn normalise_rows_in_place(
    mut a: ArrayViewMut2<'_, f64>,
) -> Result<(), WorkbookError> {
    // ANCHOR_END: ex27_signature
    let norms = a.map_axis(Axis(1), |row| row.dot(&row).sqrt());
    if let Some(i) = norms.iter().position(|&n| n == 0.0) {
        return Err(WorkbookError::ZeroRow(i));
    }
    a /= &norms.insert_axis(Axis(1));
    Ok(())
}
// ANCHOR_END: ex27_solution

// ANCHOR: ex28_solution
// ANCHOR: ex28_signature
/// Turns uniform samples `u` in `[0, 1)` into exponential samples with
/// rate `rate` by inverting the distribution function: `-ln(1 - u) / rate`.
pub fn exponential_by_inversion(
    u: ArrayView1<'_, f64>,
    rate: f64,
) -> Array1<f64> {
    // ANCHOR_END: ex28_signature
    // ln_1p keeps the digits of small u, where 1 - u would round.
    u.mapv(|u| -(-u).ln_1p() / rate)
}
// ANCHOR_END: ex28_solution

// ANCHOR: ex29_solution
// ANCHOR: ex29_signature
/// Turns pairs of uniform samples (`u1` in `(0, 1]`, `u2` in `[0, 1)`) into
/// standard normal ones with the Box-Muller transform:
/// `sqrt(-2 ln u1) cos(2π u2)`.
pub fn box_muller(
    u1: ArrayView1<'_, f64>,
    u2: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, WorkbookError> {
    // ANCHOR_END: ex29_signature
    if u1.len() != u2.len() {
        return Err(WorkbookError::LengthMismatch {
            left: u1.len(),
            right: u2.len(),
        });
    }
    Ok(Zip::from(u1).and(u2).map_collect(|&u1, &u2| {
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }))
}
// ANCHOR_END: ex29_solution

// ANCHOR: ex30_solution
// ANCHOR: ex30_signature
/// The summed-area table of `a`: entry `(i, j)` is the sum of `a[..=i,
/// ..=j]`.
pub fn integral_image(a: ArrayView2<'_, f64>) -> Array2<f64> {
    // ANCHOR_END: ex30_signature
    let mut sat = a.to_owned();
    // Running sums down the columns, then along the rows, as NumPy's two
    // cumsums do (the same additions in the same order).
    for axis in [Axis(0), Axis(1)] {
        sat.accumulate_axis_inplace(axis, |&prev, cur| *cur += prev);
    }
    sat
}
// ANCHOR_END: ex30_solution

// ANCHOR: ex31_solution
// ANCHOR: ex31_signature
/// The running maximum: entry `i` is the largest of `x[..=i]`.
pub fn running_max(x: ArrayView1<'_, f64>) -> Array1<f64> {
    // ANCHOR_END: ex31_signature
    let mut record = x.to_owned();
    record.accumulate_axis_inplace(Axis(0), |&prev, cur| *cur = cur.max(prev));
    record
}
// ANCHOR_END: ex31_solution

// ANCHOR: ex32_solution
// ANCHOR: ex32_signature
/// For every value of `v`, the first position of the sorted `a` whose
/// value is not less than it (where it would be inserted to keep `a`
/// sorted, before any equal values): NumPy's `np.searchsorted(a, v)`.
pub fn search_sorted(
    a: ArrayView1<'_, f64>,
    v: ArrayView1<'_, f64>,
) -> Vec<usize> {
    // ANCHOR_END: ex32_signature
    let a = a.to_vec();
    v.iter().map(|&v| a.partition_point(|&x| x < v)).collect()
}
// ANCHOR_END: ex32_solution

// ANCHOR: ex33_solution
// ANCHOR: ex33_signature
/// The distinct values of `x` in increasing order, and how many times each
/// occurs.
pub fn unique_counts(x: &[i64]) -> (Vec<i64>, Vec<usize>) {
    // ANCHOR_END: ex33_signature
    let mut sorted = x.to_vec();
    sorted.sort_unstable();
    let (mut values, mut counts) = (Vec::new(), Vec::new());
    for chunk in sorted.chunk_by(|a, b| a == b) {
        values.push(chunk[0]);
        counts.push(chunk.len());
    }
    (values, counts)
}
// ANCHOR_END: ex33_solution

// ANCHOR: ex34_solution
// ANCHOR: ex34_signature
/// The values of two sorted arrays in one sorted array, in `O(n + m)`
/// steps (no sort).
pub fn merge_sorted(a: &[f64], b: &[f64]) -> Vec<f64> {
    // ANCHOR_END: ex34_signature
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if b[j] < a[i] {
            merged.push(b[j]);
            j += 1;
        } else {
            merged.push(a[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&a[i..]);
    merged.extend_from_slice(&b[j..]);
    merged
}
// ANCHOR_END: ex34_solution

// ANCHOR: ex35_solution
// ANCHOR: ex35_signature
/// The distinct values that occur in both sorted arrays, in increasing
/// order, in `O(n + m)` steps.
pub fn intersect_sorted(a: &[i64], b: &[i64]) -> Vec<i64> {
    // ANCHOR_END: ex35_signature
    let mut common: Vec<i64> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if common.last() != Some(&a[i]) {
                    common.push(a[i]);
                }
                i += 1;
                j += 1;
            }
        }
    }
    common
}
// ANCHOR_END: ex35_solution

// ANCHOR: ex36_solution
// ANCHOR: ex36_signature
/// The indices of the strict local maxima: values larger than both
/// neighbours (the first and last values have one neighbour and never
/// count).
pub fn local_maxima(x: ArrayView1<'_, f64>) -> Vec<usize> {
    // ANCHOR_END: ex36_signature
    x.windows(3)
        .into_iter()
        .enumerate()
        .filter(|(_, w)| w[1] > w[0] && w[1] > w[2])
        .map(|(i, _)| i + 1)
        .collect()
}
// ANCHOR_END: ex36_solution

// ANCHOR: ex37_solution
// ANCHOR: ex37_signature
/// The run-length encoding of `x`: the value of every run of equal
/// neighbours, and the run's length.
pub fn run_length_encode(x: &[i64]) -> (Vec<i64>, Vec<usize>) {
    // ANCHOR_END: ex37_signature
    x.chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .unzip()
}
// ANCHOR_END: ex37_solution

// ANCHOR: ex38_solution
// ANCHOR: ex38_signature
/// The counts of `np.histogram(x, bins, range=(lo, hi))`: `bins` equal
/// bins from `lo` to `hi`, each holding its left edge, the last also its
/// right edge; values outside `[lo, hi]` are not counted. `lo == hi` means
/// `[lo - 0.5, hi + 0.5]`, as in NumPy; no bins, a range that is not finite,
/// or `lo > hi` is an error (NumPy raises `ValueError`).
pub fn histogram(
    x: ArrayView1<'_, f64>,
    bins: usize,
    lo: f64,
    hi: f64,
) -> Result<Vec<usize>, WorkbookError> {
    // ANCHOR_END: ex38_signature
    // NumPy widens an empty range by a half on each side.
    let (lo, hi) = if lo == hi { (lo - 0.5, hi + 0.5) } else { (lo, hi) };
    // NumPy's edges, np.linspace(lo, hi, bins + 1).
    let edges = crate::perf::histogram_edges(lo, hi, bins)
        .map_err(|_| WorkbookError::BadBins { bins, lo, hi })?;
    let mut counts = vec![0; bins];
    for &v in x.iter().filter(|&&v| (lo..=hi).contains(&v)) {
        // NumPy's arithmetic; v == hi lands one past the last bin, and
        // belongs to the last.
        let mut bin = (((v - lo) / (hi - lo) * bins as f64) as usize)
            .min(bins - 1);
        // The rounding can move a value on an edge into the neighbouring
        // bin: NumPy corrects the bin against the edges themselves.
        if v < edges[bin] {
            bin -= 1;
        } else if bin + 1 < bins && v >= edges[bin + 1] {
            bin += 1;
        }
        counts[bin] += 1;
    }
    Ok(counts)
}
// ANCHOR_END: ex38_solution

// ANCHOR: ex39_solution
// ANCHOR: ex39_signature
/// The dense rank of every value: 0 for the smallest distinct value, 1 for
/// the next, and so on; equal values share a rank and no rank is skipped.
pub fn dense_ranks(x: ArrayView1<'_, f64>) -> Vec<usize> {
    // ANCHOR_END: ex39_signature
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&i, &j| x[i].total_cmp(&x[j]));
    let mut ranks = vec![0; x.len()];
    let mut rank = 0;
    for (k, &i) in order.iter().enumerate() {
        // A new rank wherever the sorted value changes.
        if k > 0 && x[i] != x[order[k - 1]] {
            rank += 1;
        }
        ranks[i] = rank;
    }
    ranks
}
// ANCHOR_END: ex39_solution

// ANCHOR: ex40_solution
// ANCHOR: ex40_signature
/// The sums of the segments `x[offsets[k]..offsets[k + 1]]` (an empty
/// segment sums to 0). The offsets rise from 0 to at most `x.len()`.
pub fn segment_sums(
    x: ArrayView1<'_, f64>,
    offsets: &[usize],
) -> Result<Vec<f64>, WorkbookError> {
    // ANCHOR_END: ex40_signature
    let bad = WorkbookError::BadOffsets { len: x.len() };
    if offsets.first().is_some_and(|&o| o != 0)
        || offsets.windows(2).any(|w| w[0] > w[1])
        || offsets.last().is_some_and(|&o| o > x.len())
    {
        return Err(bad);
    }
    Ok(offsets
        .windows(2)
        .map(|w| x.slice(s![w[0]..w[1]]).sum())
        .collect())
}
// ANCHOR_END: ex40_solution

// ANCHOR: ex41_solution
// ANCHOR: ex41_signature
/// The largest value of each of `n` groups: `values[i]` belongs to group
/// `ids[i]`. A group without values gets `None`.
pub fn group_max(
    ids: &[usize],
    values: ArrayView1<'_, f64>,
    n: usize,
) -> Result<Vec<Option<f64>>, WorkbookError> {
    // ANCHOR_END: ex41_signature
    if ids.len() != values.len() {
        return Err(WorkbookError::LengthMismatch {
            left: ids.len(),
            right: values.len(),
        });
    }
    let mut max: Vec<Option<f64>> = vec![None; n];
    for (&id, &v) in ids.iter().zip(values) {
        let slot = max
            .get_mut(id)
            .ok_or(WorkbookError::OutOfRange { index: id, size: n })?;
        *slot = Some(slot.map_or(v, |m| m.max(v)));
    }
    Ok(max)
}
// ANCHOR_END: ex41_solution

// ANCHOR: ex42_solution
// ANCHOR: ex42_signature
/// The largest value of every window of `w` consecutive values, in `O(n)`
/// steps whatever `w` is.
pub fn sliding_max(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Vec<f64>, WorkbookError> {
    // ANCHOR_END: ex42_signature
    if w == 0 || w > x.len() {
        return Err(WorkbookError::BadWindow {
            window: w,
            len: x.len(),
        });
    }
    // Indices of candidates, their values decreasing from front to back:
    // a value with a larger one after it can never be a window's maximum.
    let mut candidates: VecDeque<usize> = VecDeque::new();
    let mut highs = Vec::with_capacity(x.len() + 1 - w);
    for i in 0..x.len() {
        while candidates.back().is_some_and(|&j| x[j] <= x[i]) {
            candidates.pop_back();
        }
        candidates.push_back(i);
        if candidates.front().is_some_and(|&j| j + w <= i) {
            candidates.pop_front();
        }
        if i + 1 >= w {
            highs.push(x[candidates[0]]);
        }
    }
    Ok(highs)
}
// ANCHOR_END: ex42_solution

// ANCHOR: ex43_solution
// ANCHOR: ex43_signature
/// The largest sum of a run of consecutive values (the empty run, sum 0,
/// counts), in one pass.
pub fn max_run_sum(x: &[i64]) -> i64 {
    // ANCHOR_END: ex43_signature
    // Kadane: the best run ending here either extends the best run ending
    // at the previous value or starts afresh (is empty).
    let (mut ending_here, mut best) = (0i64, 0i64);
    for &v in x {
        ending_here = (ending_here + v).max(0);
        best = best.max(ending_here);
    }
    best
}
// ANCHOR_END: ex43_solution

// ANCHOR: ex44_solution
// ANCHOR: ex44_signature
/// The sum of `x` with compensated (Neumaier) summation: exact for inputs
/// where a plain loop loses everything, such as `[1e16, 1.0, -1e16]`.
pub fn compensated_sum(x: ArrayView1<'_, f64>) -> f64 {
    // ANCHOR_END: ex44_signature
    let (mut sum, mut lost) = (0.0f64, 0.0f64);
    for &v in x {
        let t = sum + v;
        // What the addition rounded away, from the smaller operand.
        lost += if sum.abs() >= v.abs() {
            (sum - t) + v
        } else {
            (v - t) + sum
        };
        sum = t;
    }
    sum + lost
}
// ANCHOR_END: ex44_solution

// ANCHOR: ex45_solution
// ANCHOR: ex45_signature
/// The largest eigenvalue of a symmetric positive semi-definite matrix by
/// `iterations` steps of power iteration from the all-ones vector.
pub fn power_iteration(a: ArrayView2<'_, f64>, iterations: usize) -> f64 {
    // ANCHOR_END: ex45_signature
    let mut v = Array1::<f64>::ones(a.nrows());
    v /= v.dot(&v).sqrt();
    for _ in 0..iterations {
        let w = a.dot(&v);
        let norm = w.dot(&w).sqrt();
        if norm == 0.0 {
            return 0.0;
        }
        v = w / norm;
    }
    // The Rayleigh quotient of the unit vector v.
    v.dot(&a.dot(&v))
}
// ANCHOR_END: ex45_solution

// ANCHOR: ex46_solution
// ANCHOR: ex46_signature
/// The coefficients `β` that minimise `‖x β - y‖²` (NumPy's
/// `np.linalg.lstsq(x, y)[0]`).
pub fn least_squares(
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, WorkbookError> {
    // ANCHOR_END: ex46_signature
    if x.nrows() != y.len() {
        return Err(WorkbookError::LengthMismatch {
            left: x.nrows(),
            right: y.len(),
        });
    }
    // The SVD-based LAPACK driver (gelsd), as NumPy uses.
    let fit = x
        .least_squares(&y)
        .map_err(|e| WorkbookError::Linalg(e.to_string()))?;
    Ok(fit.solution)
}
// ANCHOR_END: ex46_solution

// ANCHOR: ex47_solution
// ANCHOR: ex47_signature
/// The natural logarithm of the determinant of a symmetric positive
/// definite matrix (a covariance), finite even where the determinant
/// itself underflows to 0. A matrix that is not positive definite is an
/// error.
pub fn log_det_spd(a: ArrayView2<'_, f64>) -> Result<f64, WorkbookError> {
    // ANCHOR_END: ex47_signature
    if !a.is_square() {
        return Err(WorkbookError::LengthMismatch {
            left: a.nrows(),
            right: a.ncols(),
        });
    }
    // A = L Lᵀ, so det A = (Π L_ii)²: add logarithms, never multiply.
    let l = a
        .cholesky(UPLO::Lower)
        .map_err(|e| WorkbookError::Linalg(e.to_string()))?;
    Ok(2.0 * l.diag().mapv(f64::ln).sum())
}
// ANCHOR_END: ex47_solution

// ANCHOR: ex48_solution
// ANCHOR: ex48_signature
/// The product of a sparse matrix in CSR form and a dense vector.
pub fn csr_matvec(
    m: &Csr,
    x: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, WorkbookError> {
    // ANCHOR_END: ex48_signature
    if x.len() != m.n_cols {
        return Err(WorkbookError::LengthMismatch {
            left: m.n_cols,
            right: x.len(),
        });
    }
    let rows = m.indptr.windows(2).map(|w| {
        let (columns, values) = (&m.indices[w[0]..w[1]], &m.data[w[0]..w[1]]);
        columns.iter().zip(values).map(|(&j, &v)| v * x[j]).sum()
    });
    Ok(rows.collect())
}
// ANCHOR_END: ex48_solution

// ANCHOR: ex49_solution
// ANCHOR: ex49_signature
/// The CSR form of a dense matrix: its non-zero values, row by row, with
/// their columns in increasing order.
pub fn dense_to_csr(a: ArrayView2<'_, f64>) -> Csr {
    // ANCHOR_END: ex49_signature
    let mut csr = Csr {
        n_cols: a.ncols(),
        indptr: vec![0],
        indices: Vec::new(),
        data: Vec::new(),
    };
    for row in a.rows() {
        for (j, &v) in row.iter().enumerate().filter(|&(_, &v)| v != 0.0) {
            csr.indices.push(j);
            csr.data.push(v);
        }
        csr.indptr.push(csr.data.len());
    }
    csr
}
// ANCHOR_END: ex49_solution

// ANCHOR: ex50_solution
// ANCHOR: ex50_signature
/// The CSR form of an `n_rows × n_cols` matrix given as triplets
/// `(rows[k], cols[k], values[k])` in any order: the values of repeated
/// positions are summed, and each row's columns come in increasing order.
pub fn coo_to_csr(
    rows: &[usize],
    cols: &[usize],
    values: &[f64],
    (n_rows, n_cols): (usize, usize),
) -> Result<Csr, WorkbookError> {
    // ANCHOR_END: ex50_signature
    if rows.len() != cols.len() || rows.len() != values.len() {
        return Err(WorkbookError::LengthMismatch {
            left: rows.len(),
            right: cols.len().min(values.len()),
        });
    }
    let out_of_range = |index: usize, size: usize| {
        (index >= size).then_some(WorkbookError::OutOfRange { index, size })
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    for &k in &order {
        if let Some(e) = out_of_range(rows[k], n_rows)
            .or_else(|| out_of_range(cols[k], n_cols))
        {
            return Err(e);
        }
    }
    // Sort the triplets by (row, column), stably: duplicates become
    // neighbours, summed in their input order.
    order.sort_by_key(|&k| (rows[k], cols[k]));
    let mut csr = Csr {
        n_cols,
        indptr: vec![0; n_rows + 1],
        indices: Vec::new(),
        data: Vec::new(),
    };
    let mut last = None;
    for k in order {
        if last == Some((rows[k], cols[k])) {
            *csr.data.last_mut().expect("a previous value") += values[k];
        } else {
            csr.indices.push(cols[k]);
            csr.data.push(values[k]);
            csr.indptr[rows[k] + 1] += 1;
            last = Some((rows[k], cols[k]));
        }
    }
    // Counts per row to offsets: a running sum.
    for i in 0..n_rows {
        csr.indptr[i + 1] += csr.indptr[i];
    }
    Ok(csr)
}
// ANCHOR_END: ex50_solution

// Part B: the performance tasks (P1-P5) and the ML components (M1-M6). Their
// shared types and baselines live in `crate::perf` and `crate::ml`.
use crate::ml::prelude::*;

// ANCHOR: perf1_solution
// ANCHOR: perf1_signature
/// Task P1: the squared distance between every row of `x` and every row of
/// `y` (SciPy's `cdist(x, y, "sqeuclidean")`), faster than
/// `perf::pairwise_sq_distances_slow`.
pub fn pairwise_sq_distances_fast(
    x: ArrayView2<'_, f64>,
    y: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, PerfError> {
    // ANCHOR_END: perf1_signature
    if x.ncols() != y.ncols() {
        return Err(PerfError::Shape(format!(
            "{} features against {}",
            x.ncols(),
            y.ncols()
        )));
    }
    // |x - y|^2 = |x|^2 + |y|^2 - 2 x.y: one matrix product does the work.
    let xx = x.map_axis(Axis(1), |r| r.dot(&r));
    let yy = y.map_axis(Axis(1), |r| r.dot(&r));
    let mut d = x.dot(&y.t()) * -2.0;
    Zip::from(d.rows_mut()).and(&xx).for_each(|mut row, &a| {
        Zip::from(&mut row).and(&yy).for_each(|v, &b| {
            *v = (*v + a + b).max(0.0); // cancellation can dip below 0
        });
    });
    Ok(d)
}
// ANCHOR_END: perf1_solution

// ANCHOR: perf2_solution
// ANCHOR: perf2_signature
/// Task P2: each column's mean and population standard deviation
/// (`x.mean(axis=0)`, `x.std(axis=0)`), faster than
/// `perf::column_mean_std_slow`.
pub fn column_mean_std_fast(
    x: ArrayView2<'_, f64>,
) -> Result<(Array1<f64>, Array1<f64>), PerfError> {
    // ANCHOR_END: perf2_signature
    let n = x.nrows();
    if n == 0 {
        return Err(PerfError::Invalid("no rows".into()));
    }
    // Row by row, in memory order: each row adds to all d accumulators.
    let mut sums = Array1::<f64>::zeros(x.ncols());
    for row in x.rows() {
        sums += &row;
    }
    let means = sums / n as f64;
    let mut squares = Array1::<f64>::zeros(x.ncols());
    for row in x.rows() {
        Zip::from(&mut squares)
            .and(&row)
            .and(&means)
            .for_each(|s, &v, &m| *s += (v - m) * (v - m));
    }
    let stds = squares.mapv(|s| (s / n as f64).sqrt());
    Ok((means, stds))
}
// ANCHOR_END: perf2_solution

// ANCHOR: perf3_solution
// ANCHOR: perf3_signature
/// Task P3: the mean of every window of `w` consecutive values
/// (`np.convolve(x, np.ones(w) / w, "valid")`), faster than
/// `perf::moving_average_slow`, to within 1e-12.
pub fn moving_average_fast(
    x: ArrayView1<'_, f64>,
    w: usize,
) -> Result<Array1<f64>, PerfError> {
    // ANCHOR_END: perf3_signature
    let n = x.len();
    if w == 0 || w > n {
        return Err(PerfError::Invalid(format!("a window of {w} over {n}")));
    }
    // A running sum: add the value entering the window, subtract the one
    // leaving it. Resumming each block of w outputs from scratch keeps the
    // rounding error of the running sum from growing with n.
    let mut out = Array1::zeros(n - w + 1);
    for start in (0..out.len()).step_by(w) {
        let mut sum: f64 = x.slice(ndarray::s![start..start + w]).sum();
        out[start] = sum / w as f64;
        for i in start + 1..(start + w).min(n - w + 1) {
            sum += x[i + w - 1] - x[i - 1];
            out[i] = sum / w as f64;
        }
    }
    Ok(out)
}
// ANCHOR_END: perf3_solution

// ANCHOR: perf4_solution
// ANCHOR: perf4_signature
/// Task P4: `np.histogram(x, bins, range=(lo, hi))[0]` with the same bins
/// as `perf::histogram_slow` (the edges of `perf::histogram_edges`), in one
/// pass over the data.
pub fn histogram_fast(
    x: ArrayView1<'_, f64>,
    lo: f64,
    hi: f64,
    bins: usize,
) -> Result<Vec<u64>, PerfError> {
    // ANCHOR_END: perf4_signature
    let edges = histogram_edges(lo, hi, bins)?;
    let scale = bins as f64 / (hi - lo);
    let mut counts = vec![0; bins];
    for &v in x {
        if !(lo <= v && v <= hi) {
            continue; // outside the range, or NaN
        }
        // The bin by arithmetic, then corrected against the edges, as
        // NumPy does: (v - lo) * scale can round across an edge.
        let mut k = (((v - lo) * scale) as usize).min(bins - 1);
        if v < edges[k] {
            k -= 1;
        } else if v >= edges[k + 1] && k + 1 < bins {
            k += 1;
        }
        counts[k] += 1;
    }
    Ok(counts)
}
// ANCHOR_END: perf4_solution

// ANCHOR: perf5_solution
// ANCHOR: perf5_signature
/// Task P5: the rows of `x` at `idx`, in that order (`x[idx]`), faster than
/// `perf::gather_rows_slow`.
pub fn gather_rows_fast(
    x: ArrayView2<'_, f64>,
    idx: &[usize],
) -> Result<Array2<f64>, PerfError> {
    // ANCHOR_END: perf5_signature
    if let Some(&i) = idx.iter().find(|&&i| i >= x.nrows()) {
        return Err(PerfError::Invalid(format!("row {i} of {}", x.nrows())));
    }
    Ok(x.select(Axis(0), idx)) // one allocation, each row copied once
}
// ANCHOR_END: perf5_solution

// ANCHOR: ml1_solution
// ANCHOR: ml1_signature
/// Exercise M1: the mean binary cross-entropy (scikit-learn's `log_loss`)
/// of labels `y` in [0, 1] given logits `z` (the model's scores before the
/// sigmoid), finite for any finite logit.
pub fn binary_cross_entropy(
    z: ArrayView1<'_, f64>,
    y: ArrayView1<'_, f64>,
) -> Result<f64, MlError> {
    // ANCHOR_END: ml1_signature
    if z.len() != y.len() {
        return Err(MlError::Length(z.len(), y.len()));
    }
    if z.is_empty() {
        return Err(MlError::Empty);
    }
    let mut total = 0.0;
    for (&z, &y) in z.iter().zip(&y) {
        if !(0.0..=1.0).contains(&y) || !z.is_finite() {
            return Err(MlError::Value(format!("logit {z}, label {y}")));
        }
        // -y ln s(z) - (1 - y) ln(1 - s(z)) = max(z, 0) - y z + ln(1 + e^-|z|)
        total += z.max(0.0) - y * z + (-z.abs()).exp().ln_1p();
    }
    Ok(total / z.len() as f64)
}
// ANCHOR_END: ml1_solution

// ANCHOR: ml2_solution
// ANCHOR: ml2_signature
/// Exercise M2: precision, recall and F1 of the positive class, as
/// scikit-learn's `precision_recall_fscore_support(average="binary")`, with
/// 0 where a ratio would divide by zero (its `zero_division` result).
pub fn precision_recall_f1(
    truth: &[bool],
    predicted: &[bool],
) -> Result<(f64, f64, f64), MlError> {
    // ANCHOR_END: ml2_signature
    if truth.len() != predicted.len() {
        return Err(MlError::Length(truth.len(), predicted.len()));
    }
    if truth.is_empty() {
        return Err(MlError::Empty);
    }
    let (mut tp, mut fp, mut fn_) = (0_u64, 0_u64, 0_u64);
    for (&t, &p) in truth.iter().zip(predicted) {
        match (t, p) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    // F1 from the counts, 2 tp / (2 tp + fp + fn), as scikit-learn does.
    let f1 = ratio(2 * tp, 2 * tp + fp + fn_);
    Ok((precision, recall, f1))
}
// ANCHOR_END: ml2_solution

// ANCHOR: ml3_solution
// ANCHOR: ml3_signature
/// Exercise M3: the area under the ROC curve (scikit-learn's
/// `roc_auc_score`): the probability that a random positive scores above a
/// random negative, a tie counting one half.
pub fn roc_auc(
    truth: &[bool],
    scores: ArrayView1<'_, f64>,
) -> Result<f64, MlError> {
    // ANCHOR_END: ml3_signature
    if truth.len() != scores.len() {
        return Err(MlError::Length(truth.len(), scores.len()));
    }
    if scores.iter().any(|s| s.is_nan()) {
        return Err(MlError::Value("a NaN score".into()));
    }
    let mut pairs: Vec<(f64, bool)> =
        scores.iter().copied().zip(truth.iter().copied()).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Mann-Whitney: sum the positives' ranks, a group of ties sharing the
    // mean of its ranks (1-based).
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < pairs.len() {
        let j = i + pairs[i..].iter().take_while(|p| p.0 == pairs[i].0).count();
        let mean_rank = (i + 1 + j) as f64 / 2.0;
        let positives = pairs[i..j].iter().filter(|p| p.1).count();
        rank_sum += mean_rank * positives as f64;
        i = j;
    }
    let n_pos = truth.iter().filter(|&&t| t).count() as f64;
    let n_neg = truth.len() as f64 - n_pos;
    if n_pos == 0.0 || n_neg == 0.0 {
        return Err(MlError::Undefined("ROC AUC needs both classes".into()));
    }
    Ok((rank_sum - n_pos * (n_pos + 1.0) / 2.0) / (n_pos * n_neg))
}
// ANCHOR_END: ml3_solution

// ANCHOR: ml4_solution
// ANCHOR: ml4_signature
/// Exercise M4: fit a standard scaler (scikit-learn's `StandardScaler`):
/// the column means, and the population standard deviations as scales,
/// with 1 in place of a zero deviation.
pub fn fit_standard_scaler(x: ArrayView2<'_, f64>) -> Result<Scaler, MlError> {
    // ANCHOR_END: ml4_signature
    let mean = x.mean_axis(Axis(0)).ok_or(MlError::Empty)?;
    if x.nrows() == 0 {
        return Err(MlError::Empty);
    }
    // Two passes (mean, then squared deviations): no E[x^2] - E[x]^2.
    let var = (&x - &mean).mapv(|v| v * v).mean_axis(Axis(0));
    let var = var.ok_or(MlError::Empty)?;
    let scale = var.mapv(|v| if v == 0.0 { 1.0 } else { v.sqrt() });
    Ok(Scaler { mean, scale })
}
// ANCHOR_END: ml4_solution

impl Iterator for MiniBatches<'_> {
    type Item = (Array2<f64>, Array1<f64>);

    // ANCHOR: ml5_solution
    // ANCHOR: ml5_signature
    /// Exercise M5: the next mini-batch, `(rows, labels)`, of the rows that
    /// `self.order` names from `self.next` on, at most `self.batch_size`.
    fn next(&mut self) -> Option<Self::Item> {
        // ANCHOR_END: ml5_signature
        let rest = self.order.get(self.next..)?;
        if rest.is_empty() {
            return None;
        }
        let take = &rest[..rest.len().min(self.batch_size)];
        self.next += take.len();
        Some((self.x.select(Axis(0), take), self.y.select(Axis(0), take)))
    }
    // ANCHOR_END: ml5_solution
}

// ANCHOR: ml6_solution
// ANCHOR: ml6_signature
/// Exercise M6: one Adam step on `params` with gradient `grad`, as
/// scikit-learn's `AdamOptimizer` takes it; a bad gradient is an error that
/// leaves `params` and `state` unchanged.
pub fn adam_step(
    params: &mut Array1<f64>,
    grad: ArrayView1<'_, f64>,
    state: &mut Adam,
) -> Result<(), MlError> {
    // ANCHOR_END: ml6_signature
    if grad.len() != params.len() || state.m.len() != params.len() {
        return Err(MlError::Length(grad.len(), params.len()));
    }
    if grad.iter().any(|g| !g.is_finite()) {
        return Err(MlError::Value("a gradient that is not finite".into()));
    }
    state.t += 1;
    let (b1, b2) = (state.beta1, state.beta2);
    // The bias corrections folded into the step size, as scikit-learn does.
    let lr = state.learning_rate * (1.0 - b2.powi(state.t)).sqrt()
        / (1.0 - b1.powi(state.t));
    Zip::from(params)
        .and(&grad)
        .and(&mut state.m)
        .and(&mut state.v)
        .for_each(|p, &g, m, v| {
            *m = b1 * *m + (1.0 - b1) * g;
            *v = b2 * *v + (1.0 - b2) * g * g;
            *p -= lr * *m / (v.sqrt() + state.epsilon);
        });
    Ok(())
}
// ANCHOR_END: ml6_solution
