//! Train/test splits and cross-validation folds, written from scratch: what
//! scikit-learn's `train_test_split`, `KFold` and `StratifiedKFold` do, on
//! index lists, so they work with any array.

use rand::Rng;

use crate::shuffle::fisher_yates;

/// One split of the indices `0..n` into a training set and a test (or
/// validation) set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub train: Vec<usize>,
    pub test: Vec<usize>,
}

/// What can go wrong when splitting.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SplitError {
    #[error("the test fraction must lie strictly between 0 and 1, not {0}")]
    Fraction(f64),
    #[error("{n} samples cannot make both a non-empty training and test set")]
    TooFew { n: usize },
    #[error("k-fold needs 2 <= k <= n, got k = {k} for n = {n}")]
    Folds { k: usize, n: usize },
}

/// The number of test samples for `n` samples and `fraction`: rounded up, as
/// scikit-learn's `train_test_split` does.
fn n_test(n: usize, fraction: f64) -> Result<usize, SplitError> {
    if !(fraction > 0.0 && fraction < 1.0) {
        return Err(SplitError::Fraction(fraction));
    }
    let n_test = (fraction * n as f64).ceil() as usize;
    if n_test == 0 || n_test >= n {
        return Err(SplitError::TooFew { n });
    }
    Ok(n_test)
}

// ANCHOR: train_test
/// A random train/test split of `0..n` with `ceil(fraction * n)` test
/// samples: shuffle the indices, the first ones are the test set.
pub fn train_test_split<R: Rng + ?Sized>(
    n: usize,
    test_fraction: f64,
    rng: &mut R,
) -> Result<Split, SplitError> {
    let n_test = n_test(n, test_fraction)?;
    let mut order: Vec<usize> = (0..n).collect();
    fisher_yates(&mut order, rng);
    let train = order.split_off(n_test);
    Ok(Split { train, test: order })
}
// ANCHOR_END: train_test

/// The indices of each class: `labels` holds class ids `0..n_classes`.
fn by_class(labels: &[usize]) -> Vec<Vec<usize>> {
    let n_classes = labels.iter().max().map_or(0, |&c| c + 1);
    let mut members = vec![Vec::new(); n_classes];
    for (i, &c) in labels.iter().enumerate() {
        members[c].push(i);
    }
    members
}

// ANCHOR: stratified_counts
/// How many test samples each class gets so that the total is `n_test` and
/// each class's share is as close as possible to its share of the data:
/// `floor(n_test * n_c / n)` each, then one more for the classes with the
/// largest remainders (ties go to the lower class id).
fn test_counts(class_sizes: &[usize], n_test: usize) -> Vec<usize> {
    let n: usize = class_sizes.iter().sum();
    let mut counts: Vec<usize> =
        class_sizes.iter().map(|&c| n_test * c / n).collect();
    let mut order: Vec<usize> = (0..class_sizes.len()).collect();
    // remainder (n_test * c) mod n, largest first
    order.sort_by_key(|&c| {
        (std::cmp::Reverse((n_test * class_sizes[c]) % n), c)
    });
    let missing = n_test - counts.iter().sum::<usize>();
    for &c in order.iter().take(missing) {
        counts[c] += 1;
    }
    counts
}
// ANCHOR_END: stratified_counts

// ANCHOR: stratified_split
/// A stratified train/test split: every class contributes to the test set in
/// proportion to its size (`test_counts`), chosen at random within the class.
/// `labels[i]` is sample `i`'s class id.
pub fn stratified_split<R: Rng + ?Sized>(
    labels: &[usize],
    test_fraction: f64,
    rng: &mut R,
) -> Result<Split, SplitError> {
    let n_test = n_test(labels.len(), test_fraction)?;
    let mut classes = by_class(labels);
    let sizes: Vec<usize> = classes.iter().map(Vec::len).collect();
    let counts = test_counts(&sizes, n_test);
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (members, count) in classes.iter_mut().zip(counts) {
        fisher_yates(members, rng);
        test.extend_from_slice(&members[..count]);
        train.extend_from_slice(&members[count..]);
    }
    // Mix the classes, so that a batch taken from the front is not one class.
    fisher_yates(&mut train, rng);
    fisher_yates(&mut test, rng);
    Ok(Split { train, test })
}
// ANCHOR_END: stratified_split

fn check_folds(n: usize, k: usize) -> Result<(), SplitError> {
    if k < 2 || k > n {
        return Err(SplitError::Folds { k, n });
    }
    Ok(())
}

/// The `k` splits whose test sets are the given folds.
fn splits_from_folds(folds: Vec<Vec<usize>>) -> Vec<Split> {
    (0..folds.len())
        .map(|f| Split {
            train: folds
                .iter()
                .enumerate()
                .filter(|&(g, _)| g != f)
                .flat_map(|(_, fold)| fold.iter().copied())
                .collect(),
            test: folds[f].clone(),
        })
        .collect()
}

// ANCHOR: kfold
/// Shuffled k-fold cross-validation of `0..n`: `k` folds whose sizes differ
/// by at most one (the first `n % k` folds get one more sample, as in
/// scikit-learn's `KFold`); split `f` tests on fold `f` and trains on the rest.
pub fn kfold<R: Rng + ?Sized>(
    n: usize,
    k: usize,
    rng: &mut R,
) -> Result<Vec<Split>, SplitError> {
    check_folds(n, k)?;
    let mut order: Vec<usize> = (0..n).collect();
    fisher_yates(&mut order, rng);
    let mut folds = Vec::with_capacity(k);
    let mut start = 0;
    for f in 0..k {
        let size = n / k + usize::from(f < n % k);
        folds.push(order[start..start + size].to_vec());
        start += size;
    }
    Ok(splits_from_folds(folds))
}
// ANCHOR_END: kfold

// ANCHOR: stratified_kfold
/// Stratified k-fold: each fold gets each class in proportion. The per-fold
/// class counts follow scikit-learn's `StratifiedKFold`: line the samples up
/// sorted by class and deal them to the folds in turn (position `j` goes to
/// fold `j % k`); which members of a class land in which fold is random.
pub fn stratified_kfold<R: Rng + ?Sized>(
    labels: &[usize],
    k: usize,
    rng: &mut R,
) -> Result<Vec<Split>, SplitError> {
    check_folds(labels.len(), k)?;
    let mut folds = vec![Vec::new(); k];
    let mut position = 0; // this class's first place in the sorted line-up
    for mut members in by_class(labels) {
        fisher_yates(&mut members, rng);
        for (offset, &i) in members.iter().enumerate() {
            folds[(position + offset) % k].push(i);
        }
        position += members.len();
    }
    Ok(splits_from_folds(folds))
}
// ANCHOR_END: stratified_kfold

/// How many samples of each class `indices` holds.
pub fn class_counts(labels: &[usize], indices: &[usize]) -> Vec<usize> {
    let n_classes = labels.iter().max().map_or(0, |&c| c + 1);
    let mut counts = vec![0; n_classes];
    for &i in indices {
        counts[labels[i]] += 1;
    }
    counts
}
