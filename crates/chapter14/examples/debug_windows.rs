//! The debugging clinic's off-by-one: a moving sum over windows of `w`
//! values written with a hand-made index range, once one window too many (a
//! panic) and once one too few (silently short), then with `windows`.

use chapter14::debug::{panic_message, quiet_panics, window_sums};
use ndarray::{Array1, s};

fn main() {
    quiet_panics();
    // ANCHOR: windows
    let x = Array1::from_iter((1..=6).map(f64::from)); // 1, 2, ..., 6
    let (n, w) = (x.len(), 3);
    println!(
        "one window too many (0..=n - w + 1) panics:\n{}",
        panic_message(|| {
            let _: Vec<f64> = (0..=n - w + 1)
                .map(|i| x.slice(s![i..i + w]).sum())
                .collect();
        },)
    );
    let short: Vec<f64> =
        (0..n - w).map(|i| x.slice(s![i..i + w]).sum()).collect();
    println!("one too few (0..n - w): {short:?}, {} sums", short.len());
    let sums = window_sums(x.view(), w).expect("3 <= 6");
    println!("window_sums(x, 3) = {sums}, {} sums", sums.len());
    // ANCHOR_END: windows
}
