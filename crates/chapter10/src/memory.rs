//! The memory-bound workloads of chapters 1 and 2, and versions of them
//! that write into memory the caller already owns.

use ndarray::{
    Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut2, Axis, Zip,
};

/// Why a standardisation cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemoryError {
    #[error("the input has no rows or no columns")]
    Empty,
    #[error("the output is {out:?}, the input {input:?}")]
    Shape {
        input: (usize, usize),
        out: (usize, usize),
    },
}

/// Chapter 1's benchmark input, row-major: the value at row `i`, column `j`
/// is `((37 i + 11 j + i j) mod 101) / 2 + j` (chapter 1's
/// `benchmark_table`, which the NumPy twin builds too).
pub fn table(n_rows: usize, n_cols: usize) -> Array2<f64> {
    Array2::from_shape_fn((n_rows, n_cols), |(i, j)| {
        ((37 * i + 11 * j + i * j) % 101) as f64 * 0.5 + j as f64
    })
}

/// A standard deviation of zero (a constant column) divides by one.
fn nonzero(scale: f64) -> f64 {
    if scale == 0.0 { 1.0 } else { scale }
}

// ANCHOR: standardize
/// Chapter 1's `standardize_ndarray`: column means, one centred copy (the
/// result), the column sums of squares, and an in-place division.
pub fn standardize(x: ArrayView2<'_, f64>) -> Result<Array2<f64>, MemoryError> {
    let means = x.mean_axis(Axis(0)).ok_or(MemoryError::Empty)?;
    let n_rows = x.nrows() as f64;
    let mut centred = &x - &means;
    let scales = centred
        .fold_axis(Axis(0), 0.0, |&sum_sq, &v| sum_sq + v * v)
        .mapv(|sum_sq| nonzero((sum_sq / n_rows).sqrt()));
    centred /= &scales;
    Ok(centred)
}
// ANCHOR_END: standardize

// ANCHOR: standardize_into
/// The same result written into `out`, which the caller allocated once and
/// reuses: the only allocations are three small vectors of column
/// statistics (the means, the sums of squares, the scales).
pub fn standardize_into(
    x: ArrayView2<'_, f64>,
    mut out: ArrayViewMut2<'_, f64>,
) -> Result<(), MemoryError> {
    if out.dim() != x.dim() {
        let (input, out) = (x.dim(), out.dim());
        return Err(MemoryError::Shape { input, out });
    }
    let means = x.mean_axis(Axis(0)).ok_or(MemoryError::Empty)?;
    let n_rows = x.nrows() as f64;
    // out = x - means, written in place: `Zip` with a broadcast row.
    Zip::from(&mut out)
        .and(&x)
        .and_broadcast(&means)
        .for_each(|o, &v, &m| *o = v - m);
    let scales = out
        .fold_axis(Axis(0), 0.0, |&sum_sq, &v| sum_sq + v * v)
        .mapv(|sum_sq| nonzero((sum_sq / n_rows).sqrt()));
    out /= &scales;
    Ok(())
}
// ANCHOR_END: standardize_into

/// [`standardize`] in `f32`: the same passes over half the bytes.
pub fn standardize_f32(
    x: ArrayView2<'_, f32>,
) -> Result<Array2<f32>, MemoryError> {
    let means = x.mean_axis(Axis(0)).ok_or(MemoryError::Empty)?;
    let n_rows = x.nrows() as f32;
    let mut centred = &x - &means;
    let scales = centred
        .fold_axis(Axis(0), 0.0, |&sum_sq, &v| sum_sq + v * v)
        .mapv(|s| if s == 0.0 { 1.0 } else { (s / n_rows).sqrt() });
    centred /= &scales;
    Ok(centred)
}

/// Chapter 2's inputs: `(i mod 7) * 0.25` and `(i mod 5) * 0.5`.
pub fn factors(n: usize) -> (Array1<f64>, Array1<f64>) {
    let a = Array1::from_shape_fn(n, |i| (i % 7) as f64 * 0.25);
    let b = Array1::from_shape_fn(n, |i| (i % 5) as f64 * 0.5);
    (a, b)
}

/// Chapter 2's `operator` product: `&a * &b` into a fresh array.
pub fn product(a: ArrayView1<'_, f64>, b: ArrayView1<'_, f64>) -> Array1<f64> {
    &a * &b
}
