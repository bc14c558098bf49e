//! Chapter 12: practical projects and case studies.
//!
//! - [`linreg`]: linear regression from scratch on the diabetes data: the
//!   closed form, batch and mini-batch gradient descent, R² and RMSE.
//! - [`kmeans`]: k-means with k-means++, the GEMM distance trick, empty
//!   clusters, a tolerance and restarts.
//! - [`imaging`]: a photo as an `Array3<u8>`: grayscale, views, histogram
//!   equalisation, 2-D convolution by windows and by im2col, downsampling.
//! - [`timeseries`]: moving averages, exponential smoothing, differencing,
//!   autocorrelation, seasonal decomposition and an AR model.
//! - [`features`]: reusable feature-engineering functions.
//! - [`exercises`]: the solutions to the chapter's exercises.
//!
//! The neural network project (the capstone, `ch12-neural-network.md`):
//!
//! - [`nn`]: the MLP, its forward and backward passes, He initialisation and
//!   the seeded split and streams.
//! - [`nn_train`]: SGD with momentum, Adam, epochs and metrics.
//! - [`nn_plot`]: its figures.

pub mod features;
pub mod imaging;
pub mod kmeans;
pub mod linreg;
pub mod timeseries;

/// What the projects' functions refuse, instead of panicking or returning
/// NaN.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// Two inputs that must agree in length or shape do not.
    #[error("shape mismatch: {0}")]
    Shape(String),
    /// An input is too short or empty for the operation.
    #[error("not enough data: {0}")]
    TooShort(String),
    /// A parameter is outside its valid range.
    #[error("invalid parameter: {0}")]
    Parameter(String),
    /// A least-squares solve failed in LAPACK.
    #[error("linear algebra: {0}")]
    Linalg(String),
    /// The input holds NaN or an infinity.
    #[error("non-finite input: {0}")]
    NonFinite(String),
}

/// SplitMix64 of the counter `i`: output `i + 1` of the generator seeded
/// with 0, the same numbers as `scml_data.splitmix64` in NumPy.
pub fn splitmix64(i: u64) -> u64 {
    let mut z = (i.wrapping_add(1)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Uniform values in `[0, 1)` from counters `start..start + n`: the top 53
/// bits of each SplitMix64 output.
pub fn splitmix_unit(start: u64, n: usize) -> Vec<f64> {
    (start..start + n as u64)
        .map(|i| (splitmix64(i) >> 11) as f64 / (1u64 << 53) as f64)
        .collect()
}

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();

// The neural network project (capstone).
pub mod nn;
pub mod nn_plot;
pub mod nn_train;
