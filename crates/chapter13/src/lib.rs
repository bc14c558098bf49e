//! Chapter 13: advanced topics.
//!
//! - [`exercises`]: the solutions to the chapter's exercises.

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
