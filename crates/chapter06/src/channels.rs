//! Per-channel statistics and normalisation of an image `(height, width,
//! channels)` and of a batch of images `(n, channels, height, width)`, the
//! layout deep-learning frameworks call NCHW.

use ndarray::{Array1, Array3, Array4, ArrayView3, ArrayView4, Axis};

use crate::BroadcastError;

// ANCHOR: channel_stats
/// The mean and population standard deviation of each channel of an image
/// `(h, w, c)`: the image seen as `h * w` rows of `c` values.
pub fn channel_stats(
    image: ArrayView3<'_, f64>,
) -> Result<(Array1<f64>, Array1<f64>), BroadcastError> {
    let (h, w, c) = image.dim();
    let pixels = image
        .to_shape((h * w, c)) // a view when the image is contiguous
        .map_err(|_| BroadcastError::Empty)?;
    let mean = pixels.mean_axis(Axis(0)).ok_or(BroadcastError::Empty)?;
    let std = pixels.std_axis(Axis(0), 0.0);
    Ok((mean, std))
}
// ANCHOR_END: channel_stats

// ANCHOR: normalise_hwc
/// `(image - mean) / std` for an `(h, w, c)` image and per-channel `mean`
/// and `std` of length `c`: the channel axis is the last, so the `(c,)`
/// vectors broadcast as they are.
pub fn normalise_hwc(
    image: ArrayView3<'_, f64>,
    mean: &Array1<f64>,
    std: &Array1<f64>,
) -> Result<Array3<f64>, BroadcastError> {
    let c = image.dim().2;
    if mean.len() != c || std.len() != c {
        return Err(BroadcastError::Channels {
            expected: c,
            found: mean.len().min(std.len()),
        });
    }
    Ok((&image - mean) / std)
}
// ANCHOR_END: normalise_hwc

// ANCHOR: normalise_nchw
/// The same for a batch `(n, c, h, w)`: the channel axis is second, so the
/// statistics must become `(c, 1, 1)` first, or they would line up with the
/// width.
pub fn normalise_nchw(
    batch: ArrayView4<'_, f64>,
    mean: &Array1<f64>,
    std: &Array1<f64>,
) -> Result<Array4<f64>, BroadcastError> {
    let c = batch.dim().1;
    if mean.len() != c || std.len() != c {
        return Err(BroadcastError::Channels {
            expected: c,
            found: mean.len().min(std.len()),
        });
    }
    // (c,) -> (c, 1, 1): views, nothing copied.
    let mean = mean.view().insert_axis(Axis(1)).insert_axis(Axis(2));
    let std = std.view().insert_axis(Axis(1)).insert_axis(Axis(2));
    Ok((&batch - &mean) / std)
}
// ANCHOR_END: normalise_nchw
