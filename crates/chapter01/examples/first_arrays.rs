//! Real datasets are arrays: iris is a 150 x 4 matrix of measurements, a
//! handwritten digit is an 8 x 8 grid of pixel intensities, and a batch of
//! digits is a 3-D block. All of them live in one contiguous, typed buffer.

use ndarray::{Axis, s};

fn main() -> Result<(), support::Report> {
    support::output_part("iris");
    // ANCHOR: iris
    let iris = support::load_iris()?;
    // Array2<f64>: one row per flower, one column per measurement
    let x = &iris.features;
    println!("iris features: shape {:?}, {} values", x.shape(), x.len());
    println!("columns: {}", iris.feature_names.join(", "));
    println!(
        "first flower: {:.1} -> {}",
        x.row(0),
        iris.target_names[iris.target[0]]
    );
    println!(
        "column means: {:.3}",
        x.mean_axis(Axis(0)).ok_or("no rows")?
    );
    let bytes = x.len() * std::mem::size_of::<f64>();
    println!(
        "one buffer of {bytes} bytes, row-major: {}, strides {:?}",
        x.is_standard_layout(),
        x.strides()
    );
    // ANCHOR_END: iris

    support::output_part("digits");
    // ANCHOR: digits
    let digits = support::load_digits()?;
    println!("digits features: shape {:?}", digits.features.shape());
    // A row of 64 pixels viewed as the 8 x 8 image it came from: no copy.
    let image = digits.features.row(0).into_shape_with_order((8, 8))?;
    println!("digit {} as an 8x8 image:\n{:2.0}", digits.target[0], image);
    // The first 10 images as one (batch, height, width) block: still no copy.
    let batch = digits
        .features
        .slice(s![..10, ..])
        .into_shape_with_order((10, 8, 8))?;
    println!(
        "a batch: shape {:?}, strides {:?}",
        batch.shape(),
        batch.strides()
    );
    println!("labels of the batch: {}", digits.target.slice(s![..10]));
    // ANCHOR_END: digits
    Ok(())
}
