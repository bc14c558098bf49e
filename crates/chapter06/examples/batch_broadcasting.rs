//! Broadcasting over 3-D and 4-D arrays: per-channel normalisation of a
//! photograph `(h, w, 3)`, the same for a batch of tiles in NCHW layout
//! `(n, 3, h, w)`, and a batch of digit images `(n, 8, 8)` centred on its
//! mean image.

use chapter06::channels::{channel_stats, normalise_hwc, normalise_nchw};
use ndarray::{Array3, Array4, Axis, s};

fn main() -> Result<(), support::Report> {
    support::output_part("hwc");
    // ANCHOR: hwc
    let cat = support::load_chelsea()?.mapv(f64::from); // (300, 451, 3)
    let (mean, std) = channel_stats(cat.view())?;
    let normalised = normalise_hwc(cat.view(), &mean, &std)?;
    println!("image {:?}, statistics {:?}", cat.shape(), mean.shape());
    println!("mean per channel {:.3}", mean);
    println!("std  per channel {:.3}", std);
    let (m2, s2) = channel_stats(normalised.view())?;
    println!("after: mean {:.1e}, std {:.6}", m2.mapv(f64::abs), s2);
    // ANCHOR_END: hwc

    support::output_part("nchw");
    // ANCHOR: nchw
    // Four 150 x 225 tiles of the photograph as a batch (n, c, h, w).
    let mut batch = Array4::<f64>::zeros((4, 3, 150, 225));
    for (k, mut tile) in batch.outer_iter_mut().enumerate() {
        let (r, c) = (150 * (k / 2), 225 * (k % 2));
        let hwc = cat.slice(s![r..r + 150, c..c + 225, ..]);
        tile.assign(&hwc.permuted_axes([2, 0, 1])); // (h, w, c) -> (c, h, w)
    }
    let normalised = normalise_nchw(batch.view(), &mean, &std)?;
    println!("batch {:?}", normalised.shape());
    let per_channel = normalised
        .permuted_axes([1, 0, 2, 3]) // (c, n, h, w)
        .to_shape((3, 4 * 150 * 225))?
        .mean_axis(Axis(1))
        .ok_or("empty batch")?;
    println!("mean per channel after: {:.1e}", per_channel.mapv(f64::abs));
    // The same (3,) statistics without insert_axis: NumPy's rule lines
    // them up with the last axis (width 225), and the shapes do not fit.
    match mean.broadcast(batch.raw_dim()) {
        Some(_) => println!("unexpected"),
        None => println!("(3,) does not broadcast to {:?}", batch.shape()),
    }
    // ANCHOR_END: nchw

    support::output_part("digits");
    // ANCHOR: digits
    let digits = support::load_digits()?;
    let n = digits.features.nrows();
    let images: Array3<f64> =
        digits.features.into_shape_with_order((n, 8, 8))?; // (1797, 8, 8)
    let mean_image = images.mean_axis(Axis(0)).ok_or("no images")?; // (8, 8)
    let centred = &images - &mean_image; // (1797, 8, 8) - (8, 8)
    // Per-image statistics, kept as (n, 1, 1) like NumPy's keepdims=True.
    let flat = images.to_shape((n, 64))?;
    let mu = flat.mean_axis(Axis(1)).ok_or("no pixels")?;
    let sd = flat.std_axis(Axis(1), 0.0);
    let mu = mu.into_shape_with_order((n, 1, 1))?;
    let sd = sd.into_shape_with_order((n, 1, 1))?;
    let per_image = (&images - &mu) / &sd;
    println!(
        "{:?} {:?} {:?}",
        centred.shape(),
        mu.shape(),
        per_image.shape()
    );
    println!("{:.3}", mean_image.row(2));
    println!("{:.3}", per_image.slice(s![0, 2, ..]));
    // ANCHOR_END: digits
    Ok(())
}
