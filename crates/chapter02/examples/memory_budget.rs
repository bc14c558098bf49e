//! Hands-on: the memory budget of 5000 MNIST digits in f64, f32, f16, bf16
//! and u8, what each element type loses in a round trip, what that loss does
//! to a mean image and to a nearest-centroid classifier, and why sums must not
//! be accumulated in 16 bits.

use std::mem::size_of;

use chapter02::storage::{
    class_centroids, labels_where, nearest_centroid, round_trip_error,
    rows_where,
};
use half::{bf16, f16};
use ndarray::{Array1, Array2, ArrayView2, Axis};

/// Every fifth image (100 of each digit) is held out for testing.
fn is_test(i: usize) -> bool {
    i.is_multiple_of(5)
}

/// Trains on the training rows of `x`, predicts the test rows.
fn predict(x: ArrayView2<'_, f64>, y: &Array1<usize>) -> Array1<usize> {
    let train = rows_where(x, |i| !is_test(i));
    let train_y = labels_where(y.view(), |i| !is_test(i));
    let centroids = class_centroids(train.view(), train_y.view(), 10);
    nearest_centroid(centroids.view(), rows_where(x, is_test).view())
}

fn main() -> Result<(), support::Report> {
    support::output_part("budget");
    // ANCHOR: budget
    let mnist = support::load_mnist_5k()?;
    let x: Array2<f64> = &mnist.features / 255.0; // pixels scaled to [0, 1]
    let n = x.len();
    println!("{} images x {} pixels = {n} values", x.nrows(), x.ncols());
    let sizes = [
        ("f64", size_of::<f64>()),
        ("f32", size_of::<f32>()),
        ("f16", size_of::<f16>()),
        ("bf16", size_of::<bf16>()),
        ("u8", size_of::<u8>()),
    ];
    for (name, bytes) in sizes {
        let mib = (n * bytes) as f64 / (1024.0 * 1024.0);
        println!(
            "{name:>4}: {bytes} B/value, {:>8} bytes, {mib:5.2} MiB",
            n * bytes
        );
    }
    // ANCHOR_END: budget

    support::output_part("round_trip");
    // ANCHOR: round_trip
    // Store x in a smaller type and read it back as f64.
    let as_f32 = x.mapv(|v| v as f32);
    let as_f16 = x.mapv(f16::from_f64);
    let as_bf16 = x.mapv(bf16::from_f64);
    let as_u8 = mnist.features.mapv(|p| p as u8); // the raw pixels, 0..=255
    let stored = [
        ("f64", x.clone()),
        ("f32", as_f32.mapv(f64::from)),
        ("f16", as_f16.mapv(f64::from)),
        ("bf16", as_bf16.mapv(f64::from)),
        ("u8", as_u8.mapv(|p| f64::from(p) / 255.0)),
    ];
    let exact_mean = x.mean_axis(Axis(0)).ok_or("no images")?;
    let exact_predictions = predict(x.view(), &mnist.target);
    let truth = labels_where(mnist.target.view(), is_test);
    println!(
        "type  max abs err  max rel err  mean image err  accuracy  changed"
    );
    for (name, back) in &stored {
        let error = round_trip_error(x.view(), back.view());
        let mean = back.mean_axis(Axis(0)).ok_or("no images")?;
        let mean_error = (&mean - &exact_mean).mapv(f64::abs);
        let predictions = predict(back.view(), &mnist.target);
        let correct = predictions.iter().zip(&truth).filter(|(p, t)| p == t);
        let changed = predictions.iter().zip(&exact_predictions);
        println!(
            "{name:<4}  {:11.2e}  {:11.2e}  {:14.2e}  {:8.3}  {:7}",
            error.max_abs,
            error.max_rel,
            mean_error.fold(0.0, |m: f64, &e| m.max(e)),
            correct.count() as f64 / truth.len() as f64,
            changed.filter(|(p, q)| p != q).count()
        );
    }
    // ANCHOR_END: round_trip

    support::output_part("accumulate");
    // ANCHOR: accumulate
    // The sum of all 3.9 million values, added one by one in each type.
    let in_f64 = x.iter().fold(0.0_f64, |s, &v| s + v);
    let in_f32 = as_f32.iter().fold(0.0_f32, |s, &v| s + v);
    let in_f16 = as_f16.iter().fold(f16::ZERO, |s, &v| s + v);
    let in_bf16 = as_bf16.iter().fold(bf16::ZERO, |s, &v| s + v);
    // The 16-bit values again, but added in f64.
    let f16_in_f64 = as_f16.iter().fold(0.0, |s, &v| s + f64::from(v));
    let bf16_in_f64 = as_bf16.iter().fold(0.0, |s, &v| s + f64::from(v));
    let sums = [
        ("f64 values, f64 sum", in_f64),
        ("f32 values, f32 sum", f64::from(in_f32)),
        ("f16 values, f16 sum", f64::from(in_f16)),
        ("bf16 values, bf16 sum", f64::from(in_bf16)),
        ("f16 values, f64 sum", f16_in_f64),
        ("bf16 values, f64 sum", bf16_in_f64),
    ];
    for (what, sum) in sums {
        println!("{what:<22} {sum:>12.3}  mean {:.6}", sum / n as f64);
    }
    // ANCHOR_END: accumulate
    Ok(())
}
