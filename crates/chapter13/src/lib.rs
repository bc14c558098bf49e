//! Chapter 13: advanced topics.
//!
//! - [`gpu`]: arrays on a GPU with CUDA (the CuPy role), behind the `cuda` feature.
//! - [`exercises`]: the solutions to the chapter's exercises.

pub mod gpu;

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
