//! Monte Carlo integration: an estimate with its standard error and
//! confidence interval, antithetic variates, and independent seeded streams
//! for parallel workers (ChaCha12's `set_stream`).
//!
//! The integral of `f` over `[0, 1)` is the mean of `f(U)` for a uniform
//! `U`; the average of `n` draws estimates it with a standard error of
//! `sd(f(U)) / sqrt(n)`, whatever the dimension.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng;

/// Why a Monte Carlo estimate could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum McError {
    /// A standard error needs at least two values (antithetic: two pairs).
    #[error("need at least 2 values for a standard error, got {0}")]
    TooFewSamples(usize),
    /// Parallel estimation needs at least one worker.
    #[error("need at least one worker")]
    NoWorkers,
}

// ANCHOR: estimate
/// A Monte Carlo estimate: the mean of `n` values and its standard error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub std_error: f64,
    pub n: usize,
}

impl Estimate {
    /// The mean and standard error (`ddof = 1`) of `values`.
    pub fn from_values(values: &[f64]) -> Result<Self, McError> {
        let n = values.len();
        if n < 2 {
            return Err(McError::TooFewSamples(n));
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
        let std_error = (ss / (n - 1) as f64 / n as f64).sqrt();
        Ok(Estimate { mean, std_error, n })
    }

    /// The normal-approximation interval `mean +- z * std_error` (z = 1.96
    /// for 95%).
    pub fn interval(&self, z: f64) -> (f64, f64) {
        (
            self.mean - z * self.std_error,
            self.mean + z * self.std_error,
        )
    }
}

/// Plain Monte Carlo: the mean of `f(u)` over `n` uniform draws on [0, 1).
pub fn integrate<R: Rng + ?Sized>(
    f: impl Fn(f64) -> f64,
    n: usize,
    rng: &mut R,
) -> Result<Estimate, McError> {
    let values: Vec<f64> = (0..n).map(|_| f(rng.r#gen())).collect();
    Estimate::from_values(&values)
}
// ANCHOR_END: estimate

// ANCHOR: antithetic
/// Antithetic variates: `n / 2` pairs `(f(u) + f(1 - u)) / 2`, the same `n`
/// evaluations of `f`. For a monotone `f`, `f(u)` and `f(1 - u)` are
/// negatively correlated, and the pair's mean varies less than two
/// independent draws would.
pub fn integrate_antithetic<R: Rng + ?Sized>(
    f: impl Fn(f64) -> f64,
    n: usize,
    rng: &mut R,
) -> Result<Estimate, McError> {
    let pairs: Vec<f64> = (0..n / 2)
        .map(|_| {
            let u: f64 = rng.r#gen();
            0.5 * (f(u) + f(1.0 - u))
        })
        .collect();
    Estimate::from_values(&pairs)
}
// ANCHOR_END: antithetic

// ANCHOR: parallel
/// `workers` threads, worker `k` drawing `n_each` values from stream `k` of
/// ChaCha12 seeded with `seed`: 2^64 streams per seed that never overlap.
/// The pooled estimate depends on the seed alone, not on the scheduling.
pub fn integrate_parallel(
    f: impl Fn(f64) -> f64 + Sync,
    n_each: usize,
    workers: u64,
    seed: u64,
) -> Result<Estimate, McError> {
    if workers == 0 {
        return Err(McError::NoWorkers);
    }
    let f = &f;
    let parts: Vec<Vec<f64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|k| {
                scope.spawn(move || {
                    let mut rng = ChaCha12Rng::seed_from_u64(seed);
                    rng.set_stream(k); // worker k's own stream
                    (0..n_each).map(|_| f(rng.r#gen())).collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .collect()
    });
    Estimate::from_values(&parts.concat())
}
// ANCHOR_END: parallel
