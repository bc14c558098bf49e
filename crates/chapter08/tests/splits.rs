//! Splits and folds: disjoint, covering the data, the sizes scikit-learn
//! uses, and stratified when asked, with scikit-learn's counts from
//! `tests/fixtures/splits.py` on iris, wine and breast cancer.

use std::collections::BTreeMap;

use chapter08::splits::{
    Split, SplitError, class_counts, kfold, stratified_kfold, stratified_split,
    train_test_split,
};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

#[derive(serde::Deserialize)]
struct Entry {
    n: usize,
    class_sizes: Vec<usize>,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

fn sklearn() -> BTreeMap<String, Entry> {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "splits").unwrap()
}

fn labels(name: &str) -> Vec<usize> {
    let data = match name {
        "iris" => support::data::load_iris(),
        "wine" => support::data::load_wine(),
        _ => support::data::load_breast_cancer(),
    };
    data.unwrap().target.to_vec()
}

fn rng(seed: u64) -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(seed)
}

/// Train and test are disjoint and together hold each of `0..n` once.
fn assert_partition(split: &Split, n: usize) {
    let mut all: Vec<usize> =
        split.train.iter().chain(&split.test).copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..n).collect::<Vec<_>>());
}

/// The test sets of `folds` partition `0..n`, and each split partitions it.
fn assert_folds(folds: &[Split], n: usize) {
    let mut tests: Vec<usize> =
        folds.iter().flat_map(|s| s.test.clone()).collect();
    tests.sort_unstable();
    assert_eq!(tests, (0..n).collect::<Vec<_>>());
    for split in folds {
        assert_partition(split, n);
    }
}

#[test]
fn train_test_split_sizes_match_scikit_learn() {
    for (name, entry) in sklearn() {
        for frac in ["0.2", "0.25", "0.3"] {
            let split =
                train_test_split(entry.n, frac.parse().unwrap(), &mut rng(1))
                    .unwrap();
            assert_partition(&split, entry.n);
            let expected =
                entry.rest[&format!("test_size_{frac}")].as_u64().unwrap();
            assert_eq!(split.test.len() as u64, expected, "{name} {frac}");
        }
    }
}

#[test]
fn stratified_split_counts_match_scikit_learn() {
    for (name, entry) in sklearn() {
        let y = labels(&name);
        assert_eq!(
            class_counts(&y, &(0..y.len()).collect::<Vec<_>>()),
            entry.class_sizes
        );
        for frac in ["0.2", "0.25", "0.3"] {
            let split =
                stratified_split(&y, frac.parse().unwrap(), &mut rng(2))
                    .unwrap();
            assert_partition(&split, entry.n);
            let expected: Vec<usize> = serde_json::from_value(
                entry.rest[&format!("stratified_test_counts_{frac}")].clone(),
            )
            .unwrap();
            let ours = class_counts(&y, &split.test);
            // The same total; per class, scikit-learn breaks ties between
            // equal remainders at random, so a class may differ by one.
            assert_eq!(
                ours.iter().sum::<usize>(),
                expected.iter().sum::<usize>()
            );
            for (o, e) in ours.iter().zip(&expected) {
                assert!(
                    o.abs_diff(*e) <= 1,
                    "{name} {frac}: {ours:?} vs {expected:?}"
                );
            }
        }
    }
}

#[test]
fn kfold_sizes_match_scikit_learn() {
    for (name, entry) in sklearn() {
        for k in [3, 5, 10] {
            let folds = kfold(entry.n, k, &mut rng(3)).unwrap();
            assert_folds(&folds, entry.n);
            let sizes: Vec<usize> =
                folds.iter().map(|s| s.test.len()).collect();
            let expected: Vec<usize> = serde_json::from_value(
                entry.rest[&format!("kfold_sizes_{k}")].clone(),
            )
            .unwrap();
            assert_eq!(sizes, expected, "{name} k={k}");
        }
    }
}

#[test]
fn stratified_kfold_class_counts_match_scikit_learn_exactly() {
    for (name, entry) in sklearn() {
        let y = labels(&name);
        for k in [3, 5, 10] {
            let folds = stratified_kfold(&y, k, &mut rng(4)).unwrap();
            assert_folds(&folds, entry.n);
            let counts: Vec<Vec<usize>> =
                folds.iter().map(|s| class_counts(&y, &s.test)).collect();
            let expected: Vec<Vec<usize>> = serde_json::from_value(
                entry.rest[&format!("stratified_kfold_counts_{k}")].clone(),
            )
            .unwrap();
            assert_eq!(counts, expected, "{name} k={k}");
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_split() {
    let y = labels("wine");
    let a = stratified_kfold(&y, 5, &mut rng(7)).unwrap();
    let b = stratified_kfold(&y, 5, &mut rng(7)).unwrap();
    let c = stratified_kfold(&y, 5, &mut rng(8)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn bad_arguments_are_errors() {
    assert_eq!(
        train_test_split(10, 1.0, &mut rng(0)),
        Err(SplitError::Fraction(1.0))
    );
    assert_eq!(
        train_test_split(1, 0.5, &mut rng(0)),
        Err(SplitError::TooFew { n: 1 })
    );
    assert_eq!(
        kfold(4, 5, &mut rng(0)),
        Err(SplitError::Folds { k: 5, n: 4 })
    );
    assert_eq!(
        stratified_kfold(&[0, 1, 0], 1, &mut rng(0)),
        Err(SplitError::Folds { k: 1, n: 3 })
    );
}
