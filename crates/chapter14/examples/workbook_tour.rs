//! Chapter 14: five of the workbook's exercises on real data, the solutions
//! called as a reader's answers would be (the NumPy listing
//! `numpy/workbook_tour.py` prints the same lines).

use chapter14::exercises::{
    histogram, local_maxima, moving_average, nearest_centroid, running_max,
    standardise_columns,
};
use ndarray::{Array2, Axis};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("sunspots");
    // ANCHOR: sunspots
    let sun = support::load_sunspots_yearly()?;
    let (years, s) = (&sun.years, sun.activity.view());
    let smooth = moving_average(s, 11)?; // exercise 10
    let peaks = local_maxima(s); // exercise 36
    let record = running_max(s); // exercise 31
    let first: Vec<String> =
        smooth.iter().take(4).map(|v| format!("{v:.2}")).collect();
    println!("11-year means: {} ...", first.join(", "));
    let last_peaks: Vec<i32> =
        peaks[peaks.len() - 3..].iter().map(|&i| years[i]).collect();
    println!(
        "{} local maxima, the last three in {last_peaks:?}",
        peaks.len()
    );
    let new_records: Vec<i32> = (1..record.len())
        .filter(|&i| record[i] > record[i - 1])
        .map(|i| years[i])
        .collect();
    println!("new records in {:?}", &new_records[new_records.len() - 3..]);
    // ANCHOR_END: sunspots

    support::output_part("wine");
    // ANCHOR: wine
    let wine = support::load_wine()?;
    let (x, label) = (&wine.features, &wine.target);
    let z = standardise_columns(x.view())?; // exercise 20
    let mut centroids = Array2::zeros((3, x.ncols()));
    for (k, mut centroid) in centroids.rows_mut().into_iter().enumerate() {
        let rows: Vec<usize> =
            (0..z.nrows()).filter(|&i| label[i] == k).collect();
        let mean = z.select(Axis(0), &rows).mean_axis(Axis(0));
        centroid.assign(&mean.ok_or("a class without wines")?);
    }
    let nearest = nearest_centroid(z.view(), centroids.view())?; // 22
    let counts = histogram(x.column(0), 8, 11.0, 15.0)?; // exercise 38
    let agree = nearest.iter().zip(label).filter(|(a, b)| a == b).count();
    println!(
        "nearest class mean is the class for {agree} of {} wines",
        label.len()
    );
    println!("alcohol histogram on [11, 15]: {counts:?}");
    // ANCHOR_END: wine
    Ok(())
}
