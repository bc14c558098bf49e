//! Restructuring data for a model's input: a design matrix of flat images
//! into a stack of images and back, rows into mini-batches, a time series into
//! a matrix of sliding windows, labels as one-hot rows, and NumPy's
//! `squeeze(axis=k)` with an error where `remove_axis` would not give one.

use ndarray::{
    Array2, ArrayBase, ArrayView, ArrayView1, ArrayView2, ArrayView3, Axis,
    CowArray, Data, Dimension, IntoDimension, Ix2, Ix3, RawData, RemoveAxis,
    ShapeBuilder, ShapeError,
};
use thiserror::Error;

/// Why a restructuring function refused its input.
#[derive(Debug, Error)]
pub enum RestructureError {
    /// The requested sizes do not fit the data (the message says how).
    #[error("{0}")]
    Sizes(String),
    /// ndarray refused the reshape.
    #[error(transparent)]
    Shape(#[from] ShapeError),
}

// ANCHOR: reshape_view
/// `x` in a new shape (read in row-major order): a view of the same memory,
/// with `x`'s lifetime, when `x` is row-major; a copy otherwise. (`to_shape`
/// does the same but borrows `x`, so its view cannot outlive this function.)
pub fn reshape_view<'a, D, E>(
    x: ArrayView<'a, f64, D>,
    shape: E,
) -> Result<CowArray<'a, f64, E::Dim>, ShapeError>
where
    D: Dimension,
    E: IntoDimension,
{
    let shape = shape.into_dimension();
    if x.is_standard_layout() {
        Ok(x.into_shape_with_order(shape)?.into())
    } else {
        Ok(x.to_shape(shape)?.into_owned().into())
    }
}
// ANCHOR_END: reshape_view

// ANCHOR: to_images
/// The rows of a design matrix `(n, height * width)` as `n` images of
/// `height x width` pixels: a view of the same memory when `x` is row-major
/// (free), a copy otherwise.
pub fn to_images(
    x: ArrayView2<'_, f64>,
    height: usize,
    width: usize,
) -> Result<CowArray<'_, f64, Ix3>, RestructureError> {
    let (n, features) = x.dim();
    if height * width != features {
        return Err(RestructureError::Sizes(format!(
            "{height} x {width} images need {} features, the rows have \
             {features}",
            height * width
        )));
    }
    Ok(reshape_view(x, (n, height, width))?)
}

/// A stack of images `(n, height, width)` as a design matrix
/// `(n, height * width)`, one flattened image a row.
pub fn to_design_matrix(
    images: ArrayView3<'_, f64>,
) -> Result<CowArray<'_, f64, Ix2>, RestructureError> {
    let (n, height, width) = images.dim();
    Ok(reshape_view(images, (n, height * width))?)
}
// ANCHOR_END: to_images

// ANCHOR: batches
/// The rows of `x` as `(n_batches, batch_size, features)`, dropping the last
/// `len % batch_size` rows that do not fill a batch (PyTorch's
/// `drop_last=True`). A view when `x` is row-major, a copy otherwise.
pub fn batches(
    x: ArrayView2<'_, f64>,
    batch_size: usize,
) -> Result<CowArray<'_, f64, Ix3>, RestructureError> {
    let (rows, features) = x.dim();
    if batch_size == 0 || batch_size > rows {
        return Err(RestructureError::Sizes(format!(
            "a batch size of {batch_size} does not fit {rows} rows"
        )));
    }
    let n_batches = rows / batch_size;
    let kept = x.slice_move(ndarray::s![..n_batches * batch_size, ..]);
    Ok(reshape_view(kept, (n_batches, batch_size, features))?)
}
// ANCHOR_END: batches

// ANCHOR: windows
/// Every run of `window` consecutive values of `series`, one a row: an
/// `(len - window + 1, window)` matrix, NumPy's
/// `sliding_window_view(series, window)` copied into its own memory.
pub fn sliding_windows(
    series: ArrayView1<'_, f64>,
    window: usize,
) -> Result<Array2<f64>, RestructureError> {
    if window == 0 || window > series.len() {
        return Err(RestructureError::Sizes(format!(
            "a window of {window} does not fit a series of {}",
            series.len()
        )));
    }
    let n = series.len() - window + 1;
    let mut out = Array2::zeros((n, window));
    for (mut row, w) in out.rows_mut().into_iter().zip(series.windows(window)) {
        row.assign(&w);
    }
    Ok(out)
}
// ANCHOR_END: windows

// ANCHOR: window_view
/// The same windows without a copy, like NumPy's `sliding_window_view`: a
/// read-only view whose two strides are both one element, so that the rows
/// overlap in memory. `series` must be contiguous.
pub fn sliding_window_view<'a>(
    series: ArrayView1<'a, f64>,
    window: usize,
) -> Result<ArrayView2<'a, f64>, RestructureError> {
    if window == 0 || window > series.len() {
        return Err(RestructureError::Sizes(format!(
            "a window of {window} does not fit a series of {}",
            series.len()
        )));
    }
    let n = series.len() - window + 1;
    let values = series.to_slice().ok_or_else(|| {
        RestructureError::Sizes("the series must be contiguous".into())
    })?;
    Ok(ArrayView2::from_shape((n, window).strides((1, 1)), values)?)
}
// ANCHOR_END: window_view

// ANCHOR: ascii
/// A digit image (pixels 0 to 16) as text, one character a pixel, darker
/// characters for higher values.
pub fn ascii_image(image: ArrayView2<'_, f64>) -> String {
    const SHADES: [char; 5] = [' ', '.', ':', '*', '#'];
    let mut text = String::new();
    for row in image.rows() {
        for &pixel in row {
            let level = (pixel / 16.0 * 4.0).round().clamp(0.0, 4.0) as usize;
            text.push(SHADES[level]);
            text.push(SHADES[level]);
        }
        text.push('\n');
    }
    text
}
// ANCHOR_END: ascii

// ANCHOR: squeeze_axis
/// NumPy's `np.squeeze(a, axis=k)`: `a` without axis `k`, a view of the same
/// memory. An error when the axis does not exist or its length is not 1,
/// where `remove_axis` would panic or silently keep index 0.
pub fn squeeze_axis<S, D>(
    a: ArrayBase<S, D>,
    axis: Axis,
) -> Result<ArrayBase<S, D::Smaller>, RestructureError>
where
    S: RawData,
    D: RemoveAxis,
{
    let (k, shape) = (axis.index(), a.shape());
    match shape.get(k) {
        Some(1) => Ok(a.remove_axis(axis)),
        Some(len) => Err(RestructureError::Sizes(format!(
            "cannot squeeze axis {k} of shape {shape:?}: its length is {len}"
        ))),
        None => Err(RestructureError::Sizes(format!(
            "cannot squeeze axis {k} of shape {shape:?}: no such axis"
        ))),
    }
}

// ANCHOR_END: squeeze_axis

// ANCHOR: one_hot
/// One-hot encoding, NumPy's `np.eye(k)[labels]`: row `i` is row `labels[i]`
/// of the `k x k` identity. An error for a label that is not below `k`.
pub fn one_hot(
    labels: &[usize],
    k: usize,
) -> Result<Array2<f64>, RestructureError> {
    if let Some(bad) = labels.iter().find(|&&y| y >= k) {
        return Err(RestructureError::Sizes(format!(
            "label {bad} is not one of the {k} classes 0..{k}"
        )));
    }
    // the rows of the identity, gathered in the order of the labels
    Ok(Array2::eye(k).select(Axis(0), labels))
}
// ANCHOR_END: one_hot

// ANCHOR: describe
/// One line about an array's layout: its shape, its strides (in elements),
/// and whether its memory is contiguous in row-major (C) order, column-major
/// (F) order, or neither.
pub fn describe<S, D>(a: &ArrayBase<S, D>) -> String
where
    S: Data,
    D: Dimension,
{
    let order = if a.is_standard_layout() {
        "C-contiguous"
    } else if a.t().is_standard_layout() {
        "F-contiguous"
    } else {
        "not contiguous"
    };
    format!("shape {:?}, strides {:?}, {order}", a.shape(), a.strides())
}
// ANCHOR_END: describe
