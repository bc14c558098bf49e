//! Chapter 7: statistical operations.
//!
//! The chapter's reusable code. Most descriptive statistics are one method
//! call in ndarray (`mean`, `var`, `std`, `sum_axis`) or ndarray-stats
//! (`quantile_mut`, `cov`, `pearson_correlation`, histograms); what lives
//! here is what the book builds on top of them:
//!
//! - [`describe`]: quantiles with each of ndarray-stats' interpolation
//!   methods, named after NumPy's `method=`, NumPy's own `nearest` rule
//!   (which rounds half to even), NaN-skipping statistics, skewness and
//!   kurtosis with SciPy's conventions, the weighted mean and the mode.
//! - [`scaling`]: min-max, z-score and robust (median/IQR) scalers that are
//!   fitted on training data and applied to new data.
//! - [`stable`]: Welford's online mean and variance, the one-pass variance
//!   that cancels catastrophically, naive and pairwise `f32` sums, and the
//!   fast one-pass blocked standard deviation of the benchmark.
//! - [`select`]: percentiles by selection instead of sorting, with
//!   `select_nth_unstable` and with a sampled bracket that reads the data
//!   once.
//! - [`exercises`]: the solutions to the chapter's exercises.

pub mod describe;
// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod scaling;
pub mod select;
pub mod stable;

/// What can go wrong in this chapter's statistics: each variant says what
/// the caller passed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StatsError {
    /// A statistic of no values at all.
    #[error("cannot compute the {0} of an empty array")]
    Empty(&'static str),
    /// A quantile outside `[0, 1]` (or a percentile outside `[0, 100]`).
    #[error("quantile {0} is outside [0, 1]")]
    InvalidQuantile(f64),
    /// A NaN where the statistic needs an order.
    #[error("the data contain NaN (at index {0}); drop it or skip NaNs")]
    NaN(usize),
    /// A statistic divided by a spread of zero (skewness of constant data).
    #[error("the {0} of constant data is undefined (its variance is 0)")]
    Constant(&'static str),
    /// Weights of a different length than the values they weight.
    #[error("{values} values but {weights} weights")]
    WeightsLength { values: usize, weights: usize },
    /// Weights whose sum is zero, which cannot be normalised.
    #[error("the weights sum to zero: the weighted mean is undefined")]
    WeightsSumToZero,
    /// New data with a different number of columns than the fitted data.
    #[error("the scaler was fitted on {fitted} columns; the data have {got}")]
    Columns { fitted: usize, got: usize },
}
