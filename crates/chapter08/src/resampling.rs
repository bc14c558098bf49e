//! The bootstrap and the permutation test: two ways to get an uncertainty or
//! a p-value from the data alone, by resampling it many times.
//!
//! Each procedure comes in two layers: one that draws its own resamples from a
//! generator, and one that takes the resamples (index arrays) as input, so
//! that a test can feed both Rust and NumPy the very same resamples.

use ndarray::{Array1, ArrayView1, ArrayView2, Axis};
use rand::Rng;

use crate::shuffle::fisher_yates;

/// What can go wrong when resampling.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ResampleError {
    #[error("cannot resample an empty sample")]
    Empty,
    #[error("index {index} is out of range for a sample of {len}")]
    Index { index: usize, len: usize },
    #[error("a confidence level must lie strictly between 0 and 1, not {0}")]
    Level(f64),
    #[error("need at least one resample")]
    NoResamples,
}

// ANCHOR: percentile
/// The `q`-th percentile (0 to 100) of `values` with linear interpolation
/// between the two nearest order statistics: NumPy's default
/// `np.percentile(values, q)` (`method="linear"`).
pub fn percentile(values: &[f64], q: f64) -> Result<f64, ResampleError> {
    if values.is_empty() {
        return Err(ResampleError::Empty);
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let position = q / 100.0 * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    let fraction = position - below as f64;
    Ok(sorted[below] + fraction * (sorted[above] - sorted[below]))
}
// ANCHOR_END: percentile

/// The median of `x` (the 50th percentile).
pub fn median(x: ArrayView1<'_, f64>) -> f64 {
    let values: Vec<f64> = x.iter().copied().collect();
    percentile(&values, 50.0).unwrap_or(f64::NAN)
}

// ANCHOR: bootstrap
/// `n_resamples` bootstrap replicates of `statistic`: each one is the
/// statistic of `data.len()` values drawn from `data` with replacement.
pub fn bootstrap<R, F>(
    data: ArrayView1<'_, f64>,
    n_resamples: usize,
    statistic: F,
    rng: &mut R,
) -> Result<Array1<f64>, ResampleError>
where
    R: Rng + ?Sized,
    F: Fn(ArrayView1<'_, f64>) -> f64,
{
    if data.is_empty() {
        return Err(ResampleError::Empty);
    }
    let n = data.len();
    let mut resample = Array1::zeros(n); // reused for every replicate
    let replicates = (0..n_resamples)
        .map(|_| {
            resample.mapv_inplace(|_| data[rng.gen_range(0..n)]);
            statistic(resample.view())
        })
        .collect();
    Ok(replicates)
}
// ANCHOR_END: bootstrap

/// The bootstrap replicates of `statistic` for given resamples: row `r` of
/// `indices` lists the positions in `data` that make up resample `r`.
pub fn bootstrap_from_indices<F>(
    data: ArrayView1<'_, f64>,
    indices: ArrayView2<'_, usize>,
    statistic: F,
) -> Result<Array1<f64>, ResampleError>
where
    F: Fn(ArrayView1<'_, f64>) -> f64,
{
    if let Some(&index) = indices.iter().find(|&&i| i >= data.len()) {
        return Err(ResampleError::Index {
            index,
            len: data.len(),
        });
    }
    Ok(indices
        .axis_iter(Axis(0))
        .map(|row| statistic(row.mapv(|i| data[i]).view()))
        .collect())
}

// ANCHOR: percentile_interval
/// The bootstrap percentile interval at confidence `level` (0.95 for 95%):
/// the `(1 - level) / 2` and `(1 + level) / 2` quantiles of the replicates.
pub fn percentile_interval(
    replicates: &[f64],
    level: f64,
) -> Result<(f64, f64), ResampleError> {
    if !(level > 0.0 && level < 1.0) {
        return Err(ResampleError::Level(level));
    }
    let tail = 50.0 * (1.0 - level);
    Ok((
        percentile(replicates, tail)?,
        percentile(replicates, 100.0 - tail)?,
    ))
}
// ANCHOR_END: percentile_interval

/// The result of a permutation test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PermutationTest {
    /// `mean(a) - mean(b)` on the data as observed.
    pub observed: f64,
    /// The share of relabellings whose difference is at least as far from 0
    /// as the observed one, counting the observed labelling itself:
    /// `(count + 1) / (n_permutations + 1)`.
    pub p_value: f64,
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

// ANCHOR: permutation_test
/// A two-sided permutation test for a difference in means: pool `a` and
/// `b`, shuffle the pool `n_permutations` times, and count how often the first
/// `a.len()` values and the rest differ in mean at least as much as `a` and
/// `b` do.
pub fn permutation_test<R: Rng + ?Sized>(
    a: &[f64],
    b: &[f64],
    n_permutations: usize,
    rng: &mut R,
) -> Result<PermutationTest, ResampleError> {
    if a.is_empty() || b.is_empty() {
        return Err(ResampleError::Empty);
    }
    if n_permutations == 0 {
        return Err(ResampleError::NoResamples);
    }
    let observed = mean(a) - mean(b);
    let mut pool = [a, b].concat();
    let mut extreme = 0;
    for _ in 0..n_permutations {
        fisher_yates(&mut pool, rng);
        let (first, rest) = pool.split_at(a.len());
        // A tiny slack so that a relabelling equal to the observed one
        // counts even when its sum rounds differently.
        if (mean(first) - mean(rest)).abs() >= observed.abs() * (1.0 - 1e-12) {
            extreme += 1;
        }
    }
    let p_value = (extreme + 1) as f64 / (n_permutations + 1) as f64;
    Ok(PermutationTest { observed, p_value })
}
// ANCHOR_END: permutation_test

/// The same test for given relabellings: row `r` of `orders` is a permutation
/// of the pooled sample `[a, b]`, whose first `a.len()` entries form group a.
pub fn permutation_test_from_orders(
    a: &[f64],
    b: &[f64],
    orders: ArrayView2<'_, usize>,
) -> Result<PermutationTest, ResampleError> {
    if a.is_empty() || b.is_empty() {
        return Err(ResampleError::Empty);
    }
    if orders.nrows() == 0 {
        return Err(ResampleError::NoResamples);
    }
    let pool = [a, b].concat();
    if let Some(&index) = orders.iter().find(|&&i| i >= pool.len()) {
        return Err(ResampleError::Index {
            index,
            len: pool.len(),
        });
    }
    let observed = mean(a) - mean(b);
    let extreme = orders
        .axis_iter(Axis(0))
        .filter(|order| {
            let relabelled: Vec<f64> = order.iter().map(|&i| pool[i]).collect();
            let (first, rest) = relabelled.split_at(a.len());
            (mean(first) - mean(rest)).abs() >= observed.abs() * (1.0 - 1e-12)
        })
        .count();
    let p_value = (extreme + 1) as f64 / (orders.nrows() + 1) as f64;
    Ok(PermutationTest { observed, p_value })
}
