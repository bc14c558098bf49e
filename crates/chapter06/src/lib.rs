//! Chapter 6: advanced broadcasting.
//!
//! The chapter's reusable code, each module one of the chapter's sections:
//!
//! - [`shapes`]: NumPy's broadcasting rule as a function, to compute the shape
//!   (and the bytes) of an intermediate *before* allocating it.
//! - [`channels`]: per-channel statistics and normalisation of images and of
//!   batches of images (3-D and 4-D arrays).
//! - [`standardise`]: centring and standardising the columns of a table, the
//!   idiomatic way (three passes and one allocation) and fused into two passes.
//! - [`normalise`]: per-column scalings fitted on training rows (z-score,
//!   min-max) and L2 normalisation of rows, for the hands-on.
//! - [`distance`]: pairwise Euclidean distances, by the naive
//!   `(n, 1, d) - (1, m, d)` broadcast, by the `‖x‖² + ‖y‖² − 2 x·y` matrix
//!   product trick (with its rounding problem fixed), blocked, and chunked to
//!   bound memory.
//! - [`patterns`]: one-hot encoding, outer products and a causal mask before a
//!   row-wise softmax, as in attention.
//! - [`features`]: the hands-on's feature engineering: polynomial and
//!   interaction features, and RBF kernel features.
//! - [`exercises`]: the solutions to the chapter's exercises.

pub mod channels;
pub mod distance;
// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod features;
pub mod normalise;
pub mod patterns;
pub mod shapes;
pub mod standardise;

/// What the chapter's functions refuse, with a message that says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BroadcastError {
    /// Two shapes that NumPy's rule cannot broadcast together.
    #[error(
        "shapes {a:?} and {b:?} do not broadcast: lengths {len_a} and \
         {len_b} on axis {axis} from the end"
    )]
    Incompatible {
        a: Vec<usize>,
        b: Vec<usize>,
        axis: usize,
        len_a: usize,
        len_b: usize,
    },
    /// Two point sets whose rows have different lengths.
    #[error(
        "x has {x} features per row but y has {y}: distances need the same \
         number of columns"
    )]
    Features { x: usize, y: usize },
    /// A statistic of no rows at all.
    #[error(
        "the table has no rows: its mean and standard deviation are undefined"
    )]
    Empty,
    /// A class label outside `0..n_classes`.
    #[error(
        "label {label} at position {position} is not below n_classes = {n_classes}"
    )]
    Label {
        label: usize,
        position: usize,
        n_classes: usize,
    },
    /// New rows with another number of columns than the rows fitted on.
    #[error("the scaling was fitted on {fitted} columns; the data have {got}")]
    Width { fitted: usize, got: usize },
    /// An output buffer whose shape is not the result's.
    #[error("the output buffer is {found:?}, but the result is {expected:?}")]
    OutputShape {
        expected: Vec<usize>,
        found: Vec<usize>,
    },
    /// Per-class statistics of different shapes.
    #[error(
        "the means are {means:?} but the variances {variances:?}: one of \
         each per class and feature"
    )]
    ClassStats {
        means: Vec<usize>,
        variances: Vec<usize>,
    },
    /// A variance that is zero, negative or NaN, which has no Gaussian.
    #[error("the variance of class {class}, feature {feature} is not positive")]
    Variance { class: usize, feature: usize },
    /// A chunked computation asked for chunks of zero rows.
    #[error("a chunk needs at least one row")]
    ChunkRows,
    /// A memory budget too small for even one row of the intermediate.
    #[error(
        "one row of the intermediate needs {needed} bytes, more than the \
         budget of {budget} bytes"
    )]
    Budget { needed: usize, budget: usize },
    /// An image or batch whose channel axis does not have the expected length.
    #[error("expected {expected} channels, found {found}")]
    Channels { expected: usize, found: usize },
}
