//! A whole (tiny) ML pipeline on iris with ndarray: read the raw table, split
//! features from labels, standardise (z-scores, population std), "train" a
//! nearest-centroid classifier and report its training accuracy, with and
//! without the standardisation step.

use chapter01::{
    NearestCentroid, StandardScaler, confusion_matrix, count_correct,
    split_features_labels,
};
use ndarray::Axis;
use support::CsvTable;

fn main() -> Result<(), support::Report> {
    support::output_part("load");
    // ANCHOR: load
    let table = CsvTable::read(&support::data_dir().join("iris.csv"))?;
    let all_columns: Vec<usize> = (0..table.header.len()).collect();
    // (150, 5): 4 measurements + label
    let raw = table.f64_matrix(&all_columns, None)?;
    let (x, y) = split_features_labels(raw.view())?;
    println!(
        "raw table {:?} -> features {:?} + labels {:?}",
        raw.shape(),
        x.shape(),
        y.shape()
    );
    // ANCHOR_END: load

    support::output_part("standardise");
    // ANCHOR: standardise
    let scaler = StandardScaler::fit(x.view())?;
    let z = scaler.transform(x.view())?;
    println!("column means (cm): {:.4}", scaler.mean);
    println!("column stds  (cm): {:.4}", scaler.std);
    println!("first flower, raw:          {:7.4}", x.row(0));
    println!("first flower, standardised: {:7.4}", z.row(0));
    let z_means = z.mean_axis(Axis(0)).ok_or("no rows")?;
    println!(
        "after scaling, every |mean| < 1e-12: {}",
        z_means.iter().all(|m| m.abs() < 1e-12)
    );
    println!("after scaling, stds: {:.4}", z.std_axis(Axis(0), 0.0));
    // ANCHOR_END: standardise

    support::output_part("train");
    // ANCHOR: train
    let n_classes = 3;
    let model = NearestCentroid::fit(z.view(), y.view(), n_classes)?;
    println!(
        "centroids (standardised units, one row per species):\n{:7.4}",
        model.centroids
    );
    let predicted = model.predict(z.view())?;
    let correct = count_correct(predicted.view(), y.view())?;
    let accuracy = correct as f64 / y.len() as f64;
    println!(
        "training accuracy, standardised: {correct}/{} = {accuracy:.4}",
        y.len()
    );
    println!(
        "confusion (row: true, column: predicted):\n{:2}",
        confusion_matrix(predicted.view(), y.view(), n_classes)?
    );
    // ANCHOR_END: train

    support::output_part("raw_model");
    // ANCHOR: raw_model
    let raw_model = NearestCentroid::fit(x.view(), y.view(), n_classes)?;
    let raw_predicted = raw_model.predict(x.view())?;
    let raw_correct = count_correct(raw_predicted.view(), y.view())?;
    let raw_accuracy = raw_correct as f64 / y.len() as f64;
    println!(
        "training accuracy, raw cm:       {raw_correct}/{} = {raw_accuracy:.4}",
        y.len()
    );
    println!(
        "confusion (raw cm):\n{:2}",
        confusion_matrix(raw_predicted.view(), y.view(), n_classes)?
    );
    // ANCHOR_END: raw_model
    Ok(())
}
