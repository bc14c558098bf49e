//! Hands-on: the digits as a design matrix (1797, 64), as 1797 images of 8 x 8
//! pixels and back, without copying; then cut into mini-batches of
//! (batches, batch_size, 64); and the labels as one-hot rows.

use chapter05::restructure::{
    ascii_image, batches, describe, one_hot, to_design_matrix, to_images,
};
use ndarray::Axis;

fn main() -> Result<(), support::Report> {
    support::output_part("images");
    // ANCHOR: images
    let digits = support::load_digits()?;
    let x = &digits.features; // (1797, 64): one flattened image a row
    let images = to_images(x.view(), 8, 8)?;
    println!("design matrix: {}", describe(x));
    println!("images:        {}", describe(&images));
    println!(
        "a view: {}, same memory: {}",
        images.is_view(),
        images.as_ptr() == x.as_ptr()
    );
    let seven = images.index_axis(Axis(0), 7);
    println!(
        "image 7, label {}:\n{}",
        digits.target[7],
        ascii_image(seven)
    );
    // ANCHOR_END: images

    support::output_part("back");
    // ANCHOR: back
    let flat = to_design_matrix(images.view())?;
    println!("back to {:?}, a view: {}", flat.shape(), flat.is_view());
    println!("equal to the original: {}", flat == *x);
    // ANCHOR_END: back

    support::output_part("batches");
    // ANCHOR: batches
    let batch_size = 64;
    let b = batches(x.view(), batch_size)?;
    let dropped = x.nrows() - b.len_of(Axis(0)) * batch_size;
    println!("batches: {}", describe(&b));
    println!("a view: {}, {dropped} rows dropped", b.is_view());
    for (k, batch) in b.outer_iter().enumerate().take(2) {
        let mean = batch.mean().unwrap_or(f64::NAN);
        println!("batch {k}: {:?}, mean pixel {mean:.3}", batch.shape());
    }
    // keeping the remainder instead: chunks of at most 64 rows
    let sizes: Vec<usize> = x
        .axis_chunks_iter(Axis(0), batch_size)
        .map(|chunk| chunk.nrows())
        .collect();
    println!("{} chunks, the last of {} rows", sizes.len(), sizes[28]);
    // ANCHOR_END: batches

    support::output_part("one_hot");
    // ANCHOR: one_hot
    // np.eye(10)[y]: the labels as rows of the identity, for a softmax model
    let y = digits.target.as_slice().ok_or("labels not contiguous")?;
    let targets = one_hot(y, 10)?;
    println!("labels {:?} -> {:?}", &y[..4], targets.shape());
    println!("{}", targets.slice(ndarray::s![..4, ..]));
    // a label outside 0..10 is an error, where NumPy's indexing raises
    match one_hot(&[3, 10], 10) {
        Ok(t) => println!("{t}"),
        Err(e) => println!("error: {e}"),
    }
    // ANCHOR_END: one_hot
    Ok(())
}
