//! Exploratory data analysis of the wine data: a summary table, per-class
//! statistics, the strongest correlations and outliers by the IQR rule.

use chapter07::describe::{Method, quantile};
use ndarray::{Array1, Axis};
use ndarray_stats::{CorrelationExt, QuantileExt};

fn main() -> Result<(), support::Report> {
    let wine = support::load_wine()?;
    let (x, names) = (&wine.features, &wine.feature_names);
    support::output_part("summary");
    // ANCHOR: summary
    // pandas' df.describe(), one line per feature (std with ddof = 1)
    let header = ["mean", "std", "min", "25%", "50%", "75%", "max"];
    print!("{:<14}", "feature");
    header.iter().for_each(|h| print!("{h:>9}"));
    println!();
    for (name, column) in names.iter().zip(x.columns()) {
        let q = |p| quantile(column, p, Method::Linear);
        let stats = [
            column.mean().ok_or("no rows")?,
            column.std(1.0),
            *column.min()?,
            q(0.25)?,
            q(0.5)?,
            q(0.75)?,
            *column.max()?,
        ];
        print!("{:<14}", &name[..name.len().min(13)]);
        stats.iter().for_each(|v| print!("{v:>9.3}"));
        println!();
    }
    // ANCHOR_END: summary

    support::output_part("per_class");
    // ANCHOR: per_class
    let features = [0, 6, 9, 12]; // alcohol, flavanoids, colour, proline
    for (class, class_name) in wine.target_names.iter().enumerate() {
        let rows: Vec<usize> = (0..x.nrows())
            .filter(|&i| wine.target[i] == class)
            .collect();
        let members = x.select(Axis(0), &rows); // copies the class's rows
        let means = members.mean_axis(Axis(0)).ok_or("empty class")?;
        print!("{class_name} ({:>2} wines):", rows.len());
        for j in features {
            print!("  {} {:.2}", &names[j][..5], means[j]);
        }
        println!();
    }
    // ANCHOR_END: per_class

    support::output_part("correlations");
    // ANCHOR: correlations
    let corr = x.t().pearson_correlation()?;
    let target: Array1<f64> = wine.target.mapv(|c| c as f64);
    // each feature's correlation with the class label (0, 1, 2)
    let mut with_class: Vec<(f64, &String)> = x
        .columns()
        .into_iter()
        .zip(names)
        .map(|(column, name)| {
            let pair = ndarray::stack![Axis(0), column, target.view()];
            Ok((pair.pearson_correlation()?[[0, 1]], name))
        })
        .collect::<Result<_, support::Report>>()?;
    with_class.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    for (r, name) in &with_class[..3] {
        println!("r(class, {name}) = {r:+.3}");
    }
    println!("r(flavanoids, total_phenols) = {:+.3}", corr[[6, 5]]);
    // ANCHOR_END: correlations

    support::output_part("outliers");
    // ANCHOR: outliers
    // Tukey's rule: outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR]
    for (name, column) in names.iter().zip(x.columns()) {
        let q1 = quantile(column, 0.25, Method::Linear)?;
        let q3 = quantile(column, 0.75, Method::Linear)?;
        let (lo, hi) = (q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1));
        let outliers: Vec<usize> = (0..column.len())
            .filter(|&i| column[i] < lo || column[i] > hi)
            .collect();
        if !outliers.is_empty() {
            println!(
                "{name:<20} {} outside [{lo:.2}, {hi:.2}]: rows {outliers:?}",
                outliers.len()
            );
        }
    }
    // ANCHOR_END: outliers
    Ok(())
}
