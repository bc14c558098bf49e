//! Hands-on: sliding windows over a real time series, the yearly sunspot
//! numbers, into an (N, window) design matrix for a model that predicts the
//! next year from the last ten; copied with `windows`, or viewed in place.

use chapter05::restructure::{describe, sliding_window_view, sliding_windows};
use ndarray::s;

fn main() -> Result<(), support::Report> {
    support::output_part("windows");
    // ANCHOR: windows
    let sunspots = support::load_sunspots_yearly()?;
    let series = &sunspots.activity; // 309 years, 1700 to 2008
    let window = 10;
    println!(
        "{} windows of {window}",
        series.windows(window).into_iter().count()
    );
    let w = sliding_windows(series.view(), window)?;
    println!("windows: {}", describe(&w));
    for (row, year) in w.rows().into_iter().zip(&sunspots.years).take(3) {
        println!("from {year}: {row}");
    }
    // ANCHOR_END: windows

    support::output_part("supervised");
    // ANCHOR: supervised
    // inputs: the ten years up to t; target: year t + 1
    let inputs = w.slice(s![..-1, ..]);
    let targets = series.slice(s![window..]);
    println!("X {:?}, y {:?}", inputs.shape(), targets.shape());
    println!("last input row: {}", inputs.row(298));
    println!("its target: {}", targets[298]);
    // ANCHOR_END: supervised

    support::output_part("view");
    // ANCHOR: view
    let v = sliding_window_view(series.view(), window)?;
    println!("view: {}", describe(&v));
    let same_memory = v.as_ptr() == series.as_ptr();
    println!("same values: {}, same memory: {same_memory}", v == w);
    // ANCHOR_END: view
    Ok(())
}
