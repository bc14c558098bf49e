//! Hands-on: random and stratified train/test splits, k-fold and stratified
//! k-fold cross-validation of a nearest-centroid classifier on the wine data,
//! and linfa's own `shuffle`, `split_with_ratio` and `fold` for comparison.

use chapter08::splits::{
    Split, class_counts, kfold, stratified_kfold, stratified_split,
    train_test_split,
};
use linfa::prelude::*;
use ndarray::{Array1, Array2, ArrayView1, Axis};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

// ANCHOR: classifier
/// Accuracy on `split.test` of the nearest-centroid classifier fitted on
/// `split.train`: each class is represented by the mean of its training rows
/// (after scaling every column by the training set's mean and deviation).
fn nearest_centroid_accuracy(
    x: &Array2<f64>,
    y: &[usize],
    split: &Split,
) -> f64 {
    let train = x.select(Axis(0), &split.train);
    let (mean, std) = (
        train.mean_axis(Axis(0)).expect("rows"),
        train.std_axis(Axis(0), 0.0),
    );
    let scale = |rows: &Array2<f64>| (rows - &mean) / &std;
    let train = scale(&train);
    let n_classes = y.iter().max().map_or(0, |&c| c + 1);
    let centroids: Vec<Array1<f64>> = (0..n_classes)
        .map(|c| {
            let rows: Vec<usize> = (0..split.train.len())
                .filter(|&r| y[split.train[r]] == c)
                .collect();
            train
                .select(Axis(0), &rows)
                .mean_axis(Axis(0))
                .expect("rows")
        })
        .collect();
    let nearest = |row: ArrayView1<'_, f64>| {
        let distance = |c: &Array1<f64>| (&row - c).mapv(|d| d * d).sum();
        (0..n_classes)
            .min_by(|&a, &b| {
                distance(&centroids[a]).total_cmp(&distance(&centroids[b]))
            })
            .unwrap_or(0)
    };
    let test = scale(&x.select(Axis(0), &split.test));
    let correct = test
        .rows()
        .into_iter()
        .zip(&split.test)
        .filter(|(row, i)| nearest(row.view()) == y[**i])
        .count();
    correct as f64 / split.test.len() as f64
}
// ANCHOR_END: classifier

fn main() -> Result<(), support::Report> {
    let wine = support::data::load_wine()?;
    let (x, y) = (&wine.features, wine.target.to_vec());

    support::output_part("splits");
    // ANCHOR: splits
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(12);
    println!(
        "whole data:       {:?} of {}",
        class_counts(&y, &(0..y.len()).collect::<Vec<_>>()),
        y.len()
    );
    for seed in 0..3 {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let random = train_test_split(y.len(), 0.25, &mut rng)?;
        let stratified = stratified_split(&y, 0.25, &mut rng)?;
        println!(
            "seed {seed}: random {:?}  stratified {:?}",
            class_counts(&y, &random.test),
            class_counts(&y, &stratified.test)
        );
    }
    // ANCHOR_END: splits

    support::output_part("kfold");
    // ANCHOR: kfold
    let plain = kfold(y.len(), 5, &mut rng)?;
    let stratified = stratified_kfold(&y, 5, &mut rng)?;
    for (name, folds) in [("k-fold", &plain), ("stratified", &stratified)] {
        let accuracies: Vec<f64> = folds
            .iter()
            .map(|s| nearest_centroid_accuracy(x, &y, s))
            .collect();
        let mean = accuracies.iter().sum::<f64>() / accuracies.len() as f64;
        println!("{name}: test classes per fold");
        for split in folds {
            print!(" {:?}", class_counts(&y, &split.test));
        }
        println!("\n  accuracy per fold {accuracies:.3?}, mean {mean:.3}");
    }
    // ANCHOR_END: kfold

    support::output_part("linfa");
    // ANCHOR: linfa
    let n_classes = wine.target_names.len();
    let counts = |targets: &Array1<usize>| {
        let mut counts = vec![0; n_classes];
        targets.iter().for_each(|&c| counts[c] += 1);
        counts
    };
    let dataset = Dataset::new(x.clone(), wine.target.clone());
    // linfa's fold takes the rows in order, and wine is sorted by class.
    println!("linfa fold(5) of the rows as stored, validation classes:");
    for (_, valid) in dataset.fold(5) {
        print!(" {:?}", counts(valid.targets()));
    }
    let shuffled = dataset.shuffle(&mut rng);
    println!("\nlinfa fold(5) after shuffle(&mut rng):");
    let mut validated = 0;
    for (_, valid) in shuffled.fold(5) {
        validated += valid.nsamples();
        print!(" {:?}", counts(valid.targets()));
    }
    println!("\n  rows validated once: {validated} of {}", y.len());
    let (train, valid) = shuffled.split_with_ratio(0.75);
    println!(
        "split_with_ratio(0.75): {} train, {} validation {:?}",
        train.nsamples(),
        valid.nsamples(),
        counts(valid.targets())
    );
    // ANCHOR_END: linfa
    Ok(())
}
