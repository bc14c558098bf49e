//! Solutions to the exercises of chapter 8 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.

use ndarray::{Array2, ArrayView1, ArrayView2};
use ndarray_rand::RandomExt;
use rand::{Rng, SeedableRng};
use rand_distr::Uniform;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::splits::stratified_kfold;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// A `rows x cols` matrix of uniform draws on `[low, high)` from a
/// Xoshiro256++ generator seeded with `seed`: the same seed always gives the
/// same matrix. An error message when `low < high` does not hold (instead of
/// the panic `Uniform::new` would give).
pub fn seeded_uniform(
    rows: usize,
    cols: usize,
    low: f64,
    high: f64,
    seed: u64,
) -> Result<Array2<f64>, String> {
    // ANCHOR_END: ex1_signature
    if low.is_nan() || high.is_nan() || low >= high {
        return Err(format!("need low < high, got [{low}, {high})"));
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    Ok(Array2::random_using(
        (rows, cols),
        Uniform::new(low, high),
        &mut rng,
    ))
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// `k` distinct indices drawn uniformly from `0..n` without replacement, in
/// random order, using only the first `k` steps of a Fisher-Yates shuffle.
/// Returns `None` when `k > n`.
pub fn sample_without_replacement<R: Rng + ?Sized>(
    n: usize,
    k: usize,
    rng: &mut R,
) -> Option<Vec<usize>> {
    // ANCHOR_END: ex2_signature
    if k > n {
        return None;
    }
    let mut pool: Vec<usize> = (0..n).collect();
    for i in 0..k {
        // the front i places are chosen; pick the next from the rest
        let j = rng.gen_range(i..n);
        pool.swap(i, j);
    }
    pool.truncate(k);
    Some(pool)
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// The bootstrap standard error of the mean of `data`: the standard
/// deviation (`ddof = 1`) of the means of `n_resamples` resamples drawn with
/// replacement. `None` for empty data or fewer than two resamples.
pub fn bootstrap_standard_error<R: Rng + ?Sized>(
    data: ArrayView1<'_, f64>,
    n_resamples: usize,
    rng: &mut R,
) -> Option<f64> {
    // ANCHOR_END: ex3_signature
    let n = data.len();
    if n == 0 || n_resamples < 2 {
        return None;
    }
    let means: Vec<f64> = (0..n_resamples)
        .map(|_| {
            (0..n).map(|_| data[rng.gen_range(0..n)]).sum::<f64>() / n as f64
        })
        .collect();
    let m = means.iter().sum::<f64>() / n_resamples as f64;
    let ss: f64 = means.iter().map(|x| (x - m) * (x - m)).sum();
    Some((ss / (n_resamples - 1) as f64).sqrt())
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// Reservoir sampling (Algorithm R): `k` items chosen uniformly at random
/// from an iterator of unknown length, in one pass and `O(k)` memory. When the
/// iterator has `k` items or fewer, all of them.
pub fn reservoir_sample<T, I, R>(items: I, k: usize, rng: &mut R) -> Vec<T>
where
    I: IntoIterator<Item = T>,
    R: Rng + ?Sized,
{
    // ANCHOR_END: ex4_signature
    let mut reservoir = Vec::with_capacity(k);
    for (seen, item) in items.into_iter().enumerate() {
        if seen < k {
            reservoir.push(item);
        } else {
            // item number seen + 1 stays with probability k / (seen + 1)
            let j = rng.gen_range(0..=seen);
            if j < k {
                reservoir[j] = item;
            }
        }
    }
    reservoir
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The mean accuracy of a 1-nearest-neighbour classifier (Euclidean
/// distance, each test row takes the class of its closest training row)
/// under stratified `k`-fold cross-validation with the chapter's
/// `stratified_kfold`. Features are used as given (no scaling).
pub fn cross_validated_1nn<R: Rng + ?Sized>(
    x: ArrayView2<'_, f64>,
    labels: &[usize],
    k: usize,
    rng: &mut R,
) -> Result<f64, crate::splits::SplitError> {
    // ANCHOR_END: ex5_signature
    let folds = stratified_kfold(labels, k, rng)?;
    let mut total = 0.0;
    for split in &folds {
        let correct = split
            .test
            .iter()
            .filter(|&&t| {
                let nearest = split
                    .train
                    .iter()
                    .min_by(|&&a, &&b| {
                        let da = (&x.row(t) - &x.row(a)).mapv(|d| d * d).sum();
                        let db = (&x.row(t) - &x.row(b)).mapv(|d| d * d).sum();
                        da.total_cmp(&db)
                    })
                    .copied();
                nearest.is_some_and(|n| labels[n] == labels[t])
            })
            .count();
        total += correct as f64 / split.test.len() as f64;
    }
    Ok(total / folds.len() as f64)
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// A bootstrap percentile interval at confidence `level` for the Pearson
/// correlation of `x` and `y`, resampling the *pairs* `(x[i], y[i])` with
/// replacement `n_resamples` times. `None` when the lengths differ, there are
/// fewer than 3 pairs, or `level` is not strictly between 0 and 1.
pub fn correlation_interval<R: Rng + ?Sized>(
    x: ArrayView1<'_, f64>,
    y: ArrayView1<'_, f64>,
    n_resamples: usize,
    level: f64,
    rng: &mut R,
) -> Option<(f64, f64)> {
    // ANCHOR_END: ex6_signature
    let n = x.len();
    if y.len() != n || n < 3 || !(level > 0.0 && level < 1.0) {
        return None;
    }
    let pearson = |rows: &[usize]| {
        let m = rows.len() as f64;
        let mx = rows.iter().map(|&i| x[i]).sum::<f64>() / m;
        let my = rows.iter().map(|&i| y[i]).sum::<f64>() / m;
        let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
        for &i in rows {
            let (dx, dy) = (x[i] - mx, y[i] - my);
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        sxy / (sxx * syy).sqrt()
    };
    let mut rows = vec![0; n];
    let replicates: Vec<f64> = (0..n_resamples)
        .map(|_| {
            rows.iter_mut().for_each(|r| *r = rng.gen_range(0..n));
            pearson(&rows)
        })
        .filter(|r| r.is_finite())
        .collect();
    crate::resampling::percentile_interval(&replicates, level).ok()
}
// ANCHOR_END: ex6_solution
