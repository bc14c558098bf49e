//! Project 3: image processing on arrays. A PNG read with the `image` crate
//! becomes an `Array3<u8>`; grayscale conversion, histogram equalisation,
//! 2-D convolution (by sliding windows and as one matrix product, im2col)
//! and block downsampling are array operations on it, and crops, flips and
//! rotations are views.

use std::path::Path;

use ndarray::{Array1, Array2, Array3, ArrayView2, ArrayView3, Axis, s};

use crate::Error;

// ANCHOR: read
/// Reads an image file with the `image` crate and returns its pixels as a
/// `(height, width, 3)` array of `u8`, the layout of NumPy's
/// `np.asarray(PIL.Image.open(path))`.
pub fn read_rgb(path: &Path) -> Result<Array3<u8>, Error> {
    let decoded = image::open(path)
        .map_err(|e| Error::Parameter(format!("{}: {e}", path.display())))?;
    let rgb = decoded.to_rgb8(); // drops alpha, expands grey
    let (width, height) = rgb.dimensions();
    // `into_raw` hands over the row-major RGBRGB... buffer without a copy.
    Array3::from_shape_vec((height as usize, width as usize, 3), rgb.into_raw())
        .map_err(|e| Error::Shape(e.to_string()))
}
// ANCHOR_END: read

/// Writes a grey image (any layout) as an 8-bit PNG.
pub fn write_gray_png(
    path: &Path,
    pixels: ArrayView2<'_, u8>,
) -> Result<(), Error> {
    let (height, width) = pixels.dim();
    let buffer: Vec<u8> = pixels.iter().copied().collect(); // row-major order
    let image = image::GrayImage::from_raw(width as u32, height as u32, buffer)
        .ok_or(Error::Shape("buffer too small".into()))?;
    image
        .save(path)
        .map_err(|e| Error::Parameter(format!("{}: {e}", path.display())))
}

/// Writes an RGB image (any layout) as an 8-bit PNG.
pub fn write_rgb_png(
    path: &Path,
    pixels: ArrayView3<'_, u8>,
) -> Result<(), Error> {
    let (height, width, channels) = pixels.dim();
    if channels != 3 {
        return Err(Error::Shape(format!("{channels} channels, expected 3")));
    }
    let buffer: Vec<u8> = pixels.iter().copied().collect();
    let image = image::RgbImage::from_raw(width as u32, height as u32, buffer)
        .ok_or(Error::Shape("buffer too small".into()))?;
    image
        .save(path)
        .map_err(|e| Error::Parameter(format!("{}: {e}", path.display())))
}

// ANCHOR: grayscale
/// Luminance from RGB with the weights scikit-image's `rgb2gray` documents
/// (close to ITU-R BT.709's 0.2126, 0.7152, 0.0722), in the input's 0..=255
/// scale: a weighted sum over the channel axis.
pub fn grayscale(rgb: ArrayView3<'_, u8>) -> Result<Array2<f64>, Error> {
    if rgb.len_of(Axis(2)) != 3 {
        return Err(Error::Shape(format!("{:?} is not (h, w, 3)", rgb.dim())));
    }
    let weights = [0.2125, 0.7154, 0.0721];
    let (height, width, _) = rgb.dim();
    let mut gray = Array2::zeros((height, width));
    for (channel, w) in rgb.axis_iter(Axis(2)).zip(weights) {
        gray.zip_mut_with(&channel, |g, &c| *g += w * f64::from(c));
    }
    Ok(gray)
}
// ANCHOR_END: grayscale

// ANCHOR: to_u8
/// Rounds to the nearest integer, ties to even as `np.round` does (Rust's
/// `round` sends ties away from zero), and clamps into `0..=255`.
pub fn to_u8(image: ArrayView2<'_, f64>) -> Array2<u8> {
    image.mapv(|v| v.round_ties_even().clamp(0.0, 255.0) as u8)
}

// ANCHOR_END: to_u8

/// Scales values linearly so that the largest becomes 255 (for a gradient
/// magnitude), then rounds.
pub fn stretch_to_u8(image: ArrayView2<'_, f64>) -> Array2<u8> {
    let max = image.iter().copied().fold(0.0_f64, f64::max);
    if max == 0.0 {
        return Array2::zeros(image.raw_dim());
    }
    to_u8(image.mapv(|v| v * 255.0 / max).view())
}

// ANCHOR: equalize
/// Histogram equalisation: map each grey level `v` to
/// `round(255 (cdf(v) − cdf_min) / (n − cdf_min))`, so that the levels'
/// cumulative counts become roughly a straight line and the image uses the
/// whole range.
pub fn equalize(gray: ArrayView2<'_, u8>) -> Result<Array2<u8>, Error> {
    let mut histogram = [0usize; 256];
    gray.iter().for_each(|&v| histogram[v as usize] += 1);
    let mut cdf = [0usize; 256];
    let mut running = 0;
    for (c, h) in cdf.iter_mut().zip(histogram) {
        running += h;
        *c = running;
    }
    let n = gray.len();
    let cdf_min = cdf.iter().copied().find(|&c| c > 0).unwrap_or(0);
    if n == cdf_min {
        return Err(Error::Parameter(
            "a constant image has no histogram to spread".into(),
        ));
    }
    // NumPy's order of operations and rounding rule: an exact integer
    // product, one division, ties to even.
    let lut: Vec<u8> = cdf
        .iter()
        .map(|&c| {
            let scaled = 255 * c.saturating_sub(cdf_min);
            (scaled as f64 / (n - cdf_min) as f64).round_ties_even() as u8
        })
        .collect();
    Ok(gray.mapv(|v| lut[v as usize]))
}
// ANCHOR_END: equalize

fn check_kernel(
    image: ArrayView2<'_, f64>,
    kernel: ArrayView2<'_, f64>,
) -> Result<(), Error> {
    let (kh, kw) = kernel.dim();
    if kh == 0 || kw == 0 || kh > image.nrows() || kw > image.ncols() {
        return Err(Error::Shape(format!(
            "a {kh}x{kw} kernel does not fit a {:?} image",
            image.dim()
        )));
    }
    Ok(())
}

// ANCHOR: convolve_windows
/// The "valid" 2-D convolution: `out[i, j] = Σ image[i + a, j + b]
/// kernel[kh − 1 − a, kw − 1 − b]`, of shape `(h − kh + 1, w − kw + 1)`.
/// `windows` yields every `kh × kw` view of the image in row-major order;
/// flipping the kernel (a negative-stride view) makes the correlation a
/// convolution.
pub fn convolve_windows(
    image: ArrayView2<'_, f64>,
    kernel: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, Error> {
    check_kernel(image, kernel)?;
    let (kh, kw) = kernel.dim();
    let flipped = kernel.slice(s![..;-1, ..;-1]);
    let out_shape = (image.nrows() - kh + 1, image.ncols() - kw + 1);
    let values: Vec<f64> = image
        .windows((kh, kw))
        .into_iter()
        .map(|window| window.iter().zip(&flipped).map(|(a, k)| a * k).sum())
        .collect();
    Array2::from_shape_vec(out_shape, values)
        .map_err(|e| Error::Shape(e.to_string()))
}
// ANCHOR_END: convolve_windows

// ANCHOR: im2col
/// im2col: one row per output pixel, holding its `kh × kw` window flattened
/// in row-major order. Shape `((h − kh + 1)(w − kw + 1), kh kw)`.
pub fn im2col(
    image: ArrayView2<'_, f64>,
    (kh, kw): (usize, usize),
) -> Array2<f64> {
    let rows = (image.nrows() + 1).saturating_sub(kh)
        * (image.ncols() + 1).saturating_sub(kw);
    let mut columns = Array2::zeros((rows, kh * kw));
    for (mut row, window) in
        columns.rows_mut().into_iter().zip(image.windows((kh, kw)))
    {
        row.iter_mut().zip(window.iter()).for_each(|(r, &w)| *r = w);
    }
    columns
}

/// Convolves the image with several kernels of one shape at once: im2col,
/// then one matrix product with the flipped kernels as columns. Returns one
/// output image per kernel, equal to [`convolve_windows`]'s.
pub fn convolve_im2col(
    image: ArrayView2<'_, f64>,
    kernels: &[ArrayView2<'_, f64>],
) -> Result<Vec<Array2<f64>>, Error> {
    let Some(first) = kernels.first() else {
        return Ok(Vec::new());
    };
    let (kh, kw) = first.dim();
    let mut weights = Array2::zeros((kh * kw, kernels.len()));
    for (mut column, kernel) in weights.columns_mut().into_iter().zip(kernels) {
        check_kernel(image, *kernel)?;
        if kernel.dim() != (kh, kw) {
            return Err(Error::Shape("kernels of different shapes".into()));
        }
        let flipped = kernel.slice(s![..;-1, ..;-1]);
        column
            .iter_mut()
            .zip(flipped.iter())
            .for_each(|(c, &k)| *c = k);
    }
    let out = im2col(image, (kh, kw)).dot(&weights); // the GEMM
    let shape = (image.nrows() - kh + 1, image.ncols() - kw + 1);
    out.columns()
        .into_iter()
        .map(|c| c.to_owned().into_shape_with_order(shape))
        .collect::<Result<_, _>>()
        .map_err(|e| Error::Shape(e.to_string()))
}
// ANCHOR_END: im2col

// ANCHOR: kernels
/// The 5 × 5 binomial blur, `[1, 4, 6, 4, 1]ᵀ [1, 4, 6, 4, 1] / 256`: a
/// cheap Gaussian of standard deviation 1.
pub fn binomial_blur() -> Array2<f64> {
    let b = Array1::from(vec![1.0, 4.0, 6.0, 4.0, 1.0]);
    let column = b.view().insert_axis(Axis(1));
    let row = b.view().insert_axis(Axis(0));
    column.dot(&row) / 256.0
}

/// Sobel kernels, as convolution kernels: `sobel_x` responds to change
/// along the columns (vertical edges), `sobel_y` along the rows. Convolving
/// with them equals `scipy.ndimage.sobel(image, axis=1)` and `axis=0`.
pub fn sobel() -> (Array2<f64>, Array2<f64>) {
    let sobel_x =
        ndarray::array![[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]];
    let sobel_y = sobel_x.t().to_owned();
    (sobel_x, sobel_y)
}
// ANCHOR_END: kernels

// ANCHOR: downsample
/// Downsampling by block averages: each `factor × factor` block becomes one
/// pixel; rows and columns that do not fill a block are dropped (NumPy's
/// `reshape(h // f, f, w // f, f).mean(axis=(1, 3))`).
pub fn downsample(
    image: ArrayView2<'_, f64>,
    factor: usize,
) -> Result<Array2<f64>, Error> {
    if factor == 0 || factor > image.nrows() || factor > image.ncols() {
        return Err(Error::Parameter(format!(
            "cannot downsample a {:?} image by {factor}",
            image.dim()
        )));
    }
    let blocks = image.exact_chunks((factor, factor));
    let shape = (image.nrows() / factor, image.ncols() / factor);
    let area = (factor * factor) as f64;
    let means: Vec<f64> = blocks.into_iter().map(|b| b.sum() / area).collect();
    Array2::from_shape_vec(shape, means)
        .map_err(|e| Error::Shape(e.to_string()))
}
// ANCHOR_END: downsample
