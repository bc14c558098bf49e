//! Masked arrays: the weekly Mauna Loa CO2 series, whose missing weeks are
//! `NaN`, as data plus a mask (NumPy's `np.ma.masked_invalid`), and as
//! `Option<f64>`.

use chapter13::masked::{Masked, mean_of_present};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("co2");
    // ANCHOR: co2
    let co2 = support::data::load_co2_weekly()?;
    println!("plain mean: {}", co2.ppm.mean().ok_or("empty")?); // NaN
    let ppm = Masked::masked_invalid(co2.ppm.view());
    println!(
        "weeks: {}, masked: {}",
        ppm.data.len(),
        ppm.data.len() - ppm.count()
    );
    let mean = ppm.mean().ok_or("all masked")?;
    let std = ppm.var(0).ok_or("all masked")?.sqrt();
    let (lo, hi) = ppm.min_max().ok_or("all masked")?;
    println!("mean {mean:.4}, std {std:.4}, min {lo}, max {hi}");
    // ANCHOR_END: co2

    support::output_part("years");
    // ANCHOR: years
    for year in [1958, 1964, 2000] {
        let weeks: Vec<Option<f64>> = co2
            .dates
            .iter()
            .zip(&co2.ppm)
            .filter(|(d, _)| d.year == year)
            .map(|(_, &v)| (!v.is_nan()).then_some(v))
            .collect();
        let present = weeks.iter().flatten().count();
        let mean = mean_of_present(&weeks).ok_or("no week recorded")?;
        println!(
            "{year}: {present:2} of {:2} weeks, mean {mean:.3} ppm",
            weeks.len()
        );
    }
    // ANCHOR_END: years
    Ok(())
}
