//! Chapter 5: array manipulation and reshaping.
//!
//! Most of the chapter is ndarray's own API (`concatenate`, `stack`,
//! `split_at`, `into_shape_with_order`, `to_shape`, `permuted_axes`,
//! `insert_axis`, `broadcast`, `windows`), which the examples call directly.
//! What lives here is what the book builds on top of it:
//!
//! - [`restructure`]: the hands-on's reshapes of real data for a model's
//!   input: flat design matrix to images and back, mini-batches, sliding
//!   windows over a time series, one-hot labels, and NumPy's
//!   `squeeze(axis=k)`, each with a clear error for input it cannot handle.
//! - [`transpose`]: a transpose copied into row-major memory three ways, the
//!   last one tile by tile (the chapter's benchmark).
//! - [`exercises`]: the solutions to the chapter's exercises.

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod restructure;
pub mod transpose;
