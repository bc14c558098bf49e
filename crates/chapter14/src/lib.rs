//! Chapter 14: assessment and exercises.
//!
//! - [`exercises`]: the solutions to the chapter's exercises.
//! - [`perf`]: the slow baselines of the performance tasks and the checkers
//!   that compare an answer with them.
//! - [`debug`]: the fixes of the debugging clinic.
//! - [`ml`] and [`ml_check`]: the types the ML-component exercises share, and
//!   the checkers that compare an answer with scikit-learn.

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();

pub mod debug;
pub mod ml;
pub mod ml_check;
pub mod perf;
