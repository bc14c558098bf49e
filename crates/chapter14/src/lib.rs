//! Chapter 14: assessment and exercises, the array workbook.
//!
//! - [`exercises`]: the solutions to the chapter's exercises.
//! - [`workbook`]: the error type and sparse matrix the exercises share.
//! - [`workbook_checks`]: checkers that accept a right answer to seven of
//!   the exercises and reject plausible wrong ones.
//! - [`workbook_wrong`]: those plausible wrong answers.
//! - [`perf`]: the slow baselines of the performance tasks and the checkers
//!   that compare an answer with them.
//! - [`debug`]: the fixes of the debugging clinic.
//! - [`ml`] and [`ml_check`]: the types the ML-component exercises share, and
//!   the checkers that compare an answer with scikit-learn.

pub mod debug;
pub mod ml;
pub mod ml_check;
pub mod perf;
pub mod workbook;
pub mod workbook_checks;
pub mod workbook_wrong;

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
