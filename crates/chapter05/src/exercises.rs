//! Solutions to the exercises of chapter 5 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use ndarray::{
    Array1, Array2, ArrayView1, ArrayView2, ArrayView3, Axis, ShapeError,
    concatenate,
};

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// `x` with a column of ones in front, the intercept column of a linear
/// model: NumPy's `np.hstack([np.ones((n, 1)), x])`.
pub fn add_bias_column(x: ArrayView2<'_, f64>) -> Array2<f64> {
    // ANCHOR_END: ex1_signature
    let ones = Array2::ones((x.nrows(), 1));
    let joined = concatenate(Axis(1), &[ones.view(), x.view()]);
    joined.expect("both have x's rows")
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// A stack of `n` images `(n, height, width)` as an `(n, height * width)`
/// design matrix, each image flattened row by row, whatever the layout of
/// `images` (NumPy's `images.reshape(len(images), -1)`).
pub fn flatten_images(images: ArrayView3<'_, f64>) -> Array2<f64> {
    // ANCHOR_END: ex2_signature
    let (n, height, width) = images.dim();
    images
        .to_shape((n, height * width))
        .expect("the same number of elements")
        .into_owned()
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// NumPy's `np.tile(a, reps)` for a matrix: `a` repeated `reps.0` times down
/// and `reps.1` times across, as whole blocks.
pub fn tile(a: ArrayView2<'_, f64>, reps: (usize, usize)) -> Array2<f64> {
    // ANCHOR_END: ex3_signature
    let (rows, cols) = a.dim();
    let (down, across) = reps;
    // (rows, cols) -> (1, rows, 1, cols), broadcast to
    // (down, rows, across, cols): element [p, i, q, j] is a[i, j].
    let grown = a.insert_axis(Axis(0)).insert_axis(Axis(2));
    let blocks = grown
        .broadcast((down, rows, across, cols))
        .expect("only axes of length 1 grow");
    blocks
        .to_shape((down * rows, across * cols))
        .expect("the same number of elements")
        .into_owned()
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// NumPy's `np.repeat(a, k, axis=0)`: every row of `a` `k` times in a row,
/// `[r0, r0, r1, r1, ...]` for `k = 2` (where `np.tile` gives
/// `[r0, r1, r0, r1]`).
pub fn repeat_rows(a: ArrayView2<'_, f64>, k: usize) -> Array2<f64> {
    // ANCHOR_END: ex4_signature
    let (rows, cols) = a.dim();
    // (rows, cols) -> (rows, 1, cols) -> (rows, k, cols) -> (rows * k, cols)
    a.insert_axis(Axis(1))
        .broadcast((rows, k, cols))
        .expect("only the new axis grows")
        .to_shape((rows * k, cols))
        .expect("the same number of elements")
        .into_owned()
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The means of consecutive blocks of `period` values of a series (a yearly
/// series and `period = 10` give decade means), ignoring the last
/// `len % period` values that do not fill a block.
pub fn block_means(series: ArrayView1<'_, f64>, period: usize) -> Array1<f64> {
    // ANCHOR_END: ex5_signature
    if period == 0 {
        return Array1::zeros(0);
    }
    let blocks = series.len() / period;
    let kept = series.slice(ndarray::s![..blocks * period]);
    match kept.to_shape((blocks, period)) {
        Ok(table) if blocks > 0 => table.sum_axis(Axis(1)) / period as f64,
        _ => Array1::zeros(0),
    }
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// Cuts an image into square `p x p` patches, as a vision transformer reads
/// it: one flattened patch a row, patches in row-major order over the image,
/// so `(height, width)` becomes `((height / p) * (width / p), p * p)`. An
/// error when `p` does not divide both sides.
pub fn image_patches(
    image: ArrayView2<'_, f64>,
    p: usize,
) -> Result<Array2<f64>, ShapeError> {
    // ANCHOR_END: ex6_signature
    let (height, width) = image.dim();
    if p == 0 || height % p != 0 || width % p != 0 {
        return Err(ShapeError::from_kind(
            ndarray::ErrorKind::IncompatibleShape,
        ));
    }
    let (rows, cols) = (height / p, width / p);
    // pixel [r * p + a, c * p + b] is element [r, a, c, b] ...
    let split = image.to_shape((rows, p, cols, p))?;
    // ... and [r, c, a, b] after the permutation: patch (r, c), pixel (a, b).
    let patches = split.permuted_axes([0, 2, 1, 3]);
    Ok(patches.to_shape((rows * cols, p * p))?.into_owned())
}
// ANCHOR_END: ex6_solution
