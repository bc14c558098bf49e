//! Hands-on: filtering and selecting the real iris data: per-class subsets
//! and their means, outliers by a z-score mask, and the top rows by a feature.

use chapter03::filter::{class_rows, outlier_mask, top_k, zscores};
use chapter03::mask::{rows_where_copy, true_indices};
use ndarray::Axis;

fn main() -> Result<(), support::Report> {
    let iris = support::data::load_iris()?;
    let (x, y) = (iris.features.view(), iris.target.view());
    support::output_part("classes");
    // ANCHOR: classes
    println!("features: {}", iris.feature_names.join(", "));
    for (class, name) in iris.target_names.iter().enumerate() {
        let subset = class_rows(x, y, class)?; // x[y == class]
        let mean = subset.mean_axis(Axis(0)).ok_or("an empty class")?;
        println!("{name:<10} {} rows, means {mean:.3}", subset.nrows());
    }
    // ANCHOR_END: classes

    support::output_part("outliers");
    // ANCHOR: outliers
    let threshold = 2.5;
    let outliers = outlier_mask(x, threshold); // (|z| > 2.5).any(axis=1)
    let rows = true_indices(outliers.view());
    let z = zscores(x).ok_or("no rows")?;
    for &i in &rows {
        println!("row {i}: {:.1} z = {:.2}", x.row(i), z.row(i));
    }
    let inliers = rows_where_copy(x, (!&outliers).view())?; // x[~outliers]
    println!("kept {} of {} rows", inliers.nrows(), x.nrows());
    // ANCHOR_END: outliers

    support::output_part("top_k");
    // ANCHOR: top_k
    let longest = top_k(x.column(2), 5); // 5 longest petals, longest first
    let top = x.select(Axis(0), &longest);
    for (&i, row) in longest.iter().zip(top.rows()) {
        let name = iris.target_names[y[i]];
        println!("row {i:>3}: petal length {:.1} ({name})", row[2]);
    }
    // ANCHOR_END: top_k
    Ok(())
}
