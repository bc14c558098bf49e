//! Chapter 10: optimization and performance.
//!
//! - [`exercises`]: the solutions to the chapter's exercises.

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
