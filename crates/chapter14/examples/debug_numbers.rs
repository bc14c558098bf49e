//! The debugging clinic's number bugs, each run for real: a sum of 8-bit
//! pixels that wraps around, a NaN that poisons a mean but not a maximum and
//! panics a sort, and ten million `f32` additions that drift. Each broken
//! computation is followed by its fix from `chapter14::debug`.

use chapter14::debug::{
    mean_pixel, nan_mean, panic_message, quiet_panics, sum_f32,
};
use ndarray::{Array1, array};

fn main() {
    quiet_panics();
    support::output_part("overflow");
    // ANCHOR: overflow
    let camera = support::data::load_camera().expect("data/camera.png");
    let total: u8 = camera.sum(); // the sum has the element type: u8
    println!("camera: {:?} pixels of type u8", camera.dim());
    println!("camera.sum() = {total} (in --release, wrapped modulo 256)");
    let mean = mean_pixel(camera.view()).expect("not empty");
    println!("mean_pixel(camera) = {mean:.4} (summed in u64)");
    // ANCHOR_END: overflow

    support::output_part("nan");
    // ANCHOR: nan
    // One missing reading, stored as NaN, among five temperatures.
    let t = array![21.5, 22.0, f64::NAN, 23.5, 22.5];
    println!("t.mean() = {:?}", t.mean());
    let max = t.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
    println!("fold with f64::max = {max} (max skips NaN: no warning)");
    let mut sorted = t.to_vec();
    println!(
        "sort_by(partial_cmp(..).unwrap()) panics:\n{}",
        panic_message(move || sorted.sort_by(|a, b| a.partial_cmp(b).unwrap()),)
    );
    let (mean, skipped) = nan_mean(t.view()).expect("some values");
    println!("nan_mean(t) = {mean} ({skipped} NaN skipped)");
    // ANCHOR_END: nan

    support::output_part("f32");
    // ANCHOR: f32
    // Ten million readings of 0.1 in single precision: the sum is 1e6.
    let x = Array1::<f32>::from_elem(10_000_000, 0.1);
    let plain: f32 = x.iter().sum(); // one running f32 total
    println!("x.iter().sum::<f32>() = {plain}");
    println!("x.sum() (ndarray)     = {}", x.sum());
    let slice = x.as_slice().expect("contiguous");
    println!("sum_f32 (f64 total)   = {}", sum_f32(slice));
    // ANCHOR_END: f32
}
