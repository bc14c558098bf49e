//! The one error type of the chapter: an index or a mask that does not fit
//! the array it is applied to, said with the numbers in it.

/// An index or a mask that does not fit the array it selects from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    /// A boolean mask with a different length than the axis it selects on.
    #[error("mask has {mask} entries but the array has {len} rows")]
    MaskLength {
        /// The mask's length.
        mask: usize,
        /// The length of the axis it was applied to.
        len: usize,
    },
    /// An integer index past the end of the axis.
    #[error("index {index} is out of bounds for an axis of length {len}")]
    OutOfBounds {
        /// The offending index.
        index: usize,
        /// The length of the axis.
        len: usize,
    },
    /// Two arrays that should have the same shape (or row length) do not.
    #[error("shape mismatch: {0}")]
    Shape(String),
}
