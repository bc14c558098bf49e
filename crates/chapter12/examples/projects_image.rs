//! Project 3: image processing on the photo of Chelsea the cat: read with
//! the `image` crate into an `Array3<u8>`, then grayscale, views, histogram
//! equalisation, convolution (blur and Sobel, by windows and by im2col) and
//! downsampling. Every result is written as a PNG figure.

use chapter12::imaging::{
    binomial_blur, convolve_im2col, convolve_windows, downsample, equalize,
    grayscale, read_rgb, sobel, stretch_to_u8, to_u8, write_gray_png,
    write_rgb_png,
};
use ndarray::{Axis, s};
use support::plot::figure_path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let png = |name: &str| figure_path("chapter12", name);
    support::output_part("read");
    // ANCHOR: read
    let path = support::data::data_dir().join("chelsea.png");
    let rgb = read_rgb(&path)?; // Array3<u8>, (height, width, channel)
    println!("shape {:?}, strides {:?}", rgb.dim(), rgb.strides());
    println!("pixel (0, 0) = {}", rgb.slice(s![0, 0, ..]));
    let means = rgb.map(|&v| f64::from(v)).mean_axis(Axis(0)).and_then(|m| {
        m.mean_axis(Axis(0)) // mean over rows, then over columns
    });
    println!("channel means = {:.2}", means.ok_or("empty image")?);
    // ANCHOR_END: read

    support::output_part("views");
    // ANCHOR: views
    let crop = rgb.slice(s![20..220, 100..380, ..]); // rows, columns, all
    let mirrored = crop.slice(s![.., ..;-1, ..]); // columns reversed
    let upside_down = crop.slice(s![..;-1, .., ..]);
    // np.rot90: swap the two image axes, then reverse the new rows.
    let mut rotated = crop.view();
    rotated.swap_axes(0, 1);
    rotated.invert_axis(Axis(0));
    for (name, view) in [
        ("crop", &crop),
        ("mirrored", &mirrored),
        ("upside_down", &upside_down),
        ("rotated", &rotated),
    ] {
        let shares = view.as_ptr() >= rgb.as_ptr()
            && view.as_ptr() < rgb.as_ptr().wrapping_add(rgb.len());
        println!(
            "{name:<12} {:?} strides {:?} shares memory: {shares}",
            view.dim(),
            view.strides()
        );
    }
    // ANCHOR_END: views
    write_rgb_png(&png("cat_crop.png")?, crop)?;
    write_rgb_png(&png("cat_mirrored.png")?, mirrored)?;
    write_rgb_png(&png("cat_upside_down.png")?, upside_down)?;
    write_rgb_png(&png("cat_rotated.png")?, rotated)?;

    support::output_part("gray");
    // ANCHOR: gray
    let gray = grayscale(rgb.view())?;
    let gray_u8 = to_u8(gray.view());
    let equalized = equalize(gray_u8.view())?;
    let range = |a: &ndarray::Array2<u8>| {
        let lo = a.iter().min().copied().unwrap_or(0);
        let hi = a.iter().max().copied().unwrap_or(0);
        let mean =
            a.iter().map(|&v| f64::from(v)).sum::<f64>() / a.len() as f64;
        format!("min {lo:>3}, max {hi:>3}, mean {mean:>6.2}")
    };
    println!("gray      {}", range(&gray_u8));
    println!("equalized {}", range(&equalized));
    // ANCHOR_END: gray

    support::output_part("ties");
    // ANCHOR: ties
    let ties = gray.iter().filter(|v| v.fract() == 0.5).count();
    let away = gray.mapv(|v| v.round().clamp(0.0, 255.0) as u8); // f64::round
    let changed = away.iter().zip(&gray_u8).filter(|(a, b)| a != b).count();
    let sum = |a: &ndarray::Array2<u8>| -> i64 {
        a.iter().map(|&v| i64::from(v)).sum()
    };
    let shift = sum(&equalize(away.view())?) - sum(&equalized);
    println!("{ties} gray values end in .5; `round` changes {changed} pixels");
    println!("and the sum of the equalised image by {shift:+}");
    // ANCHOR_END: ties
    write_gray_png(&png("cat_gray.png")?, gray_u8.view())?;
    write_gray_png(&png("cat_equalized.png")?, equalized.view())?;

    support::output_part("convolve");
    // ANCHOR: convolve
    let blur = binomial_blur();
    let (sobel_x, sobel_y) = sobel();
    let blurred = convolve_windows(gray.view(), blur.view())?;
    let by_gemm =
        convolve_im2col(gray.view(), &[sobel_x.view(), sobel_y.view()])?;
    let by_windows = convolve_windows(gray.view(), sobel_x.view())?;
    let gap = (&by_gemm[0] - &by_windows).fold(0.0_f64, |m, v| m.max(v.abs()));
    println!("blurred {:?}, Sobel {:?}", blurred.dim(), by_gemm[0].dim());
    println!("im2col against windows: {}", support::below(gap, 1e-10));
    let magnitude =
        (&by_gemm[0] * &by_gemm[0] + &by_gemm[1] * &by_gemm[1]).mapv(f64::sqrt);
    let small = downsample(gray.view(), 4)?;
    println!("downsampled by 4: {:?}", small.dim());
    // ANCHOR_END: convolve
    write_gray_png(&png("cat_blurred.png")?, to_u8(blurred.view()).view())?;
    write_gray_png(
        &png("cat_sobel.png")?,
        stretch_to_u8(magnitude.view()).view(),
    )?;
    write_gray_png(&png("cat_small.png")?, to_u8(small.view()).view())?;
    Ok(())
}
