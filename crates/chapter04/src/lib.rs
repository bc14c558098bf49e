//! Chapter 4: vectorized operations and broadcasting.
//!
//! The chapter's reusable code:
//!
//! - [`kernels`]: the benchmark workloads, `a * b + c` and a polynomial, as an
//!   array expression, an index loop, iterators, `Zip`, a fused pass into a
//!   reused buffer and `par_azip!`.
//! - [`ufunc`]: an element-wise function generic over the number of axes,
//!   the Rust counterpart of a NumPy ufunc.
//! - [`broadcast`]: NumPy's broadcasting rule, written out, with an error
//!   that names the axis that stops two shapes.
//! - [`softmax`]: the hands-on, a numerically stable softmax and log-sum-exp
//!   over the rows of a matrix, from a naive version to a fused one.
//! - [`exercises`]: the solutions to the chapter's exercises.

pub mod broadcast;
// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod kernels;
pub mod softmax;
pub mod ufunc;

/// An operand whose length differs from the output's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an operand has {found} elements where the output has {expected}")]
pub struct LengthError {
    pub expected: usize,
    pub found: usize,
}
