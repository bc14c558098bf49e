//! What the workbook's exercises share: the error type of their `Result`s
//! and the compressed sparse row matrix of the sparse exercises. The
//! checkers that run a candidate answer against NumPy's values and a naive
//! loop live in [`workbook_checks`](crate::workbook_checks).

use thiserror::Error;

/// Why an exercise's input is rejected: every exercise that can be handed a
/// bad input returns one of these instead of panicking or returning NaN.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum WorkbookError {
    /// Two inputs that must match in length (or in columns) do not.
    #[error("lengths differ: {left} and {right}")]
    LengthMismatch { left: usize, right: usize },
    /// A window of zero values, or one longer than the data.
    #[error("a window of {window} values does not fit {len} values")]
    BadWindow { window: usize, len: usize },
    /// A side that is not a multiple of the block (or patch) size.
    #[error("{size} is not a multiple of the block size {block}")]
    NotDivisible { size: usize, block: usize },
    /// A label, group id or index at or above the size it indexes.
    #[error("index {index} is out of range for size {size}")]
    OutOfRange { index: usize, size: usize },
    /// A column with no (non-missing) values.
    #[error("column {0} has no values")]
    EmptyColumn(usize),
    /// A column whose standard deviation is zero.
    #[error("column {0} is constant: its standard deviation is zero")]
    ConstantColumn(usize),
    /// A row of zero length, which cannot be scaled to length one.
    #[error("row {0} has length zero")]
    ZeroRow(usize),
    /// Weights that sum to zero.
    #[error("the weights sum to zero")]
    ZeroWeights,
    /// Offsets that do not start at 0, decrease, or end past the data.
    #[error("offsets must rise from 0 to at most {len}")]
    BadOffsets { len: usize },
    /// A histogram with no bins, or a range that is not finite and rising.
    #[error("{bins} bins over [{lo}, {hi}]: need a bin and finite lo < hi")]
    BadBins { bins: usize, lo: f64, hi: f64 },
    /// A LAPACK routine failed (a singular or indefinite matrix).
    #[error("linear algebra failed: {0}")]
    Linalg(String),
}

/// A matrix in compressed sparse row form, as SciPy's `csr_matrix` stores
/// it: row `i` holds the values `data[indptr[i]..indptr[i + 1]]`, in the
/// columns `indices[indptr[i]..indptr[i + 1]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Csr {
    pub n_cols: usize,
    /// One more entry than there are rows; starts at 0.
    pub indptr: Vec<usize>,
    pub indices: Vec<usize>,
    pub data: Vec<f64>,
}
