//! Hands-on: the digits dataset's attributes (shape, element type, memory
//! footprint, strides), one image reshaped to 8 × 8 without copying, and the
//! memory saved by `f32`.

use std::any::type_name;
use std::mem::size_of;

use chapter02::layout::byte_strides;
use ndarray::{Array2, Axis};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("attributes");
    // ANCHOR: attributes
    let digits = support::load_digits()?;
    let x: &Array2<f64> = &digits.features;
    println!(
        "shape {:?}: {} images of {} pixels",
        x.shape(),
        x.nrows(),
        x.ncols()
    );
    println!(
        "len() = {} elements (not rows!), ndim = {}",
        x.len(),
        x.ndim()
    );
    println!(
        "element type {}, {} bytes each",
        type_name::<f64>(),
        size_of::<f64>()
    );
    println!(
        "nbytes = {} ({:.1} KiB)",
        x.len() * size_of::<f64>(),
        (x.len() * size_of::<f64>()) as f64 / 1024.0
    );
    println!(
        "strides {:?} elements = {:?} bytes, standard layout: {}",
        x.strides(),
        byte_strides(x),
        x.is_standard_layout()
    );
    // ANCHOR_END: attributes

    support::output_part("reshape");
    // ANCHOR: reshape
    let first = x.row(0); // a view of 64 pixels
    // a view of the same 64 pixels
    let image = first.into_shape_with_order((8, 8))?;
    println!(
        "label {}; same memory as row 0: {}",
        digits.target[0],
        image.as_ptr() == x.as_ptr()
    );
    println!("{image:2.0}");
    let batch = x
        .slice(ndarray::s![..10, ..])
        .into_shape_with_order((10, 8, 8))?;
    println!(
        "first ten as a batch: shape {:?}, strides {:?}",
        batch.shape(),
        batch.strides()
    );
    // ANCHOR_END: reshape

    support::output_part("to_f32");
    // ANCHOR: to_f32
    let x32 = x.mapv(|v| v as f32); // pixels are 0..=16: exact in f32
    let bytes64 = x.len() * size_of::<f64>();
    let bytes32 = x32.len() * size_of::<f32>();
    println!(
        "f64: {bytes64} bytes, f32: {bytes32} bytes ({:.0}%)",
        100.0 * bytes32 as f64 / bytes64 as f64
    );
    let exact = x32.iter().zip(x.iter()).all(|(&a, &b)| f64::from(a) == b);
    let mean64 = x.mean_axis(Axis(0)).ok_or("no rows")?;
    let mean32 = x32.mean_axis(Axis(0)).ok_or("no rows")?;
    let worst = mean64
        .iter()
        .zip(&mean32)
        .map(|(&a, &b)| (a - f64::from(b)).abs())
        .fold(0.0, f64::max);
    println!("every pixel survives the cast exactly: {exact}");
    println!("largest difference between f64 and f32 pixel means: {worst:.1e}");
    // ANCHOR_END: to_f32
    Ok(())
}
