//! Aggregations across axes: `sum_axis`, `mean_axis`, `fold_axis`,
//! `map_axis` and `lanes`, and which axis each one removes.

use ndarray::{Axis, array};

fn main() -> Result<(), support::Report> {
    support::output_part("sums");
    // ANCHOR: sums
    // 3 samples (rows) x 4 features (columns)
    let x = array![
        [1.0, 2.0, 3.0, 4.0],
        [5.0, 6.0, 7.0, 8.0],
        [9.0, 10.0, 11.0, 12.0],
    ];
    // Axis(0) runs down the rows: reducing it leaves one value per column.
    println!("sum_axis(Axis(0))  = {}", x.sum_axis(Axis(0)));
    // Axis(1) runs along a row: reducing it leaves one value per row.
    println!("sum_axis(Axis(1))  = {}", x.sum_axis(Axis(1)));
    // mean_axis is None when the axis has length 0 (NumPy warns, gives NaN)
    let means = x.mean_axis(Axis(0)).ok_or("no rows")?;
    println!("mean_axis(Axis(0)) = {means}");
    println!("std_axis(Axis(0), 1.0) = {:.4}", x.std_axis(Axis(0), 1.0));
    // ANCHOR_END: sums

    support::output_part("fold_map");
    // ANCHOR: fold_map
    // fold_axis: an accumulator per column, updated element by element
    let max = x.fold_axis(Axis(0), f64::NEG_INFINITY, |&m, &v| m.max(v));
    println!("column maxima (fold_axis) = {max}");
    // map_axis: a closure that receives each whole row as a 1-D view
    let range = x.map_axis(Axis(1), |row| row[row.len() - 1] - row[0]);
    println!("row last - first (map_axis) = {range}");
    // ANCHOR_END: fold_map

    support::output_part("lanes");
    // ANCHOR: lanes
    // lanes(Axis(k)): every 1-D view along axis k (rows() is lanes(Axis(1)))
    for (i, column) in x.lanes(Axis(0)).into_iter().enumerate() {
        let norm = column.dot(&column).sqrt();
        println!("column {i}: {column}  norm {norm:.3}");
    }
    // ANCHOR_END: lanes
    Ok(())
}
