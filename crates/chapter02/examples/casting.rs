//! Converting between element types: `mapv` with `as` (which saturates floats
//! and wraps integers), `From` for conversions that cannot lose anything,
//! `TryFrom` and a checked float-to-byte conversion for the ones that can.

use chapter02::casting::to_u8_exact;
use ndarray::{Array1, array};

fn main() -> Result<(), support::Report> {
    support::output_part("as_casts");
    // ANCHOR: as_casts
    let features = array![0.1, 2.5, 1e40];
    // f64 -> f32 rounds; too large becomes inf
    let single = features.mapv(|x| x as f32);
    let back = single.mapv(f64::from); // f32 -> f64 is exact: From exists
    println!("as f32:           {single:e}");
    println!("back to f64:      {back:e}");
    let raw = array![300.7, -5.0, 2.9, -2.9, f64::NAN];
    // [255, 0, 2, 0, 0]
    println!("as u8 (saturate): {}", raw.mapv(|x| x as u8));
    // NaN -> 0, toward zero
    println!("as i32:           {}", raw.mapv(|x| x as i32));
    let counts = array![300_i32, -1, 200];
    // keeps the low 8 bits
    println!("i32 as u8 (wrap): {}", counts.mapv(|x| x as u8));
    // ANCHOR_END: as_casts

    support::output_part("checked");
    // ANCHOR: checked
    let labels = array![3_i64, 7, 300];
    let as_bytes: Result<Array1<u8>, _> =
        labels.iter().map(|&x| u8::try_from(x)).collect();
    match as_bytes {
        Ok(bytes) => println!("try_from: {bytes}"),
        Err(e) => println!("try_from: {e}"),
    }
    // lossless: From
    let widened: Array1<i64> = array![1_u8, 255].mapv(i64::from);
    println!("From<u8> for i64: {widened}");
    println!(
        "to_u8_exact([0, 16, 255]): {}",
        to_u8_exact(&array![0.0, 16.0, 255.0])?
    );
    match to_u8_exact(&array![0.0, 16.0, 300.7]) {
        Ok(bytes) => println!("unexpected: {bytes}"),
        Err(e) => println!("to_u8_exact([0, 16, 300.7]):\n    {e}"),
    }
    // ANCHOR_END: checked
    Ok(())
}
