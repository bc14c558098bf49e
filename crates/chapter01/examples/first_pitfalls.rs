//! Chapter 1's pitfalls, shown for real: ragged `Vec<Vec<f64>>` rows, a buffer
//! that does not fit the shape it is given, `f32` accumulating error where
//! `f64` does not, and the mean of an integer array, which ndarray computes in
//! integers.

use chapter01::rows_to_array;
use ndarray::{Array1, Array2};

fn main() -> Result<(), support::Report> {
    support::output_part("ragged");
    // ANCHOR: ragged
    // a value went missing
    let ragged = vec![vec![5.1, 3.5, 1.4, 0.2], vec![4.9, 3.0, 1.4]];
    match rows_to_array(&ragged) {
        Ok(array) => println!("unexpected: {array}"),
        Err(e) => println!("Vec<Vec<f64>> -> Array2: {e}"),
    }
    // ANCHOR_END: ragged

    support::output_part("shape_error");
    // ANCHOR: shape_error
    let values = vec![5.1, 3.5, 1.4, 0.2, 4.9, 3.0, 1.4];
    match Array2::from_shape_vec((2, 4), values) {
        Ok(array) => println!("unexpected: {array}"),
        Err(e) => println!("from_shape_vec((2, 4), 7 values): {e}"),
    }
    // ANCHOR_END: shape_error

    support::output_part("precision");
    // ANCHOR: precision
    let tenths_f64 = Array1::<f64>::from_elem(10_000_000, 0.1);
    let tenths_f32 = Array1::<f32>::from_elem(10_000_000, 0.1);
    println!("sum of 10 million 0.1 in f64: {:.6}", tenths_f64.sum());
    println!("sum of 10 million 0.1 in f32: {:.6}", tenths_f32.sum());
    let mut running_f32 = 0.0_f32;
    for &x in &tenths_f32 {
        running_f32 += x; // one accumulator, as a plain loop does it
    }
    println!("the same in f32, one plain loop: {running_f32:.6}");
    // ANCHOR_END: precision

    support::output_part("integers");
    // ANCHOR: integers
    let digits = support::load_digits()?;
    let pixels_f64 = digits.features.row(0).to_owned(); // 0.0 ..= 16.0
    // as if loaded as integers
    let pixels_int: Array1<i64> = pixels_f64.mapv(|v| v as i64);
    println!(
        "mean pixel of digit 0, f64: {:.4}",
        pixels_f64.mean().ok_or("empty")?
    );
    println!(
        "mean pixel of digit 0, i64: {}",
        pixels_int.mean().ok_or("empty")?
    );
    // ANCHOR_END: integers
    Ok(())
}
