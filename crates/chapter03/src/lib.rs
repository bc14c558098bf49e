//! Chapter 3: array indexing and slicing.
//!
//! Slicing needs no code of its own: `s![..]`, `slice`, `slice_mut` and
//! `slice_move` are ndarray's, and the examples call them directly. What lives
//! here is what NumPy does in one expression and ndarray does not:
//!
//! - [`mask`]: selecting the rows of a matrix where a boolean mask is true
//!   (NumPy's `X[mask]`), two ways, and `np.where(cond, a, b)`.
//! - [`gather`]: gathering rows by integer indices (NumPy's `X[idx]`) with a
//!   checked error instead of a panic, one element per row
//!   (`p[np.arange(n), y]`), a stable argsort, and scattering rows back
//!   (`out[idx] = rows`, the inverse of a permutation).
//! - [`filter`]: the hands-on's filters on data with missing values: the
//!   complete rows, a mask from a text column, and the top k rows by one
//!   feature with NaN kept last.
//! - [`exercises`]: the solutions to the chapter's exercises.
//!
//! Every function that a caller can hand an inconsistent input (a mask of the
//! wrong length, an index past the end) returns a [`IndexError`] instead of
//! panicking.

pub mod error;
// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod filter;
pub mod gather;
pub mod mask;

pub use error::IndexError;
