//! Chapter 10: optimization and performance.
//!
//! - [`hugepage`]: a global allocator that asks Linux for 2 MiB pages on
//!   large blocks, as NumPy does.
//! - [`memory`]: the two memory-bound workloads of chapters 1 and 2
//!   (standardisation and an element-wise product), and versions that write
//!   into memory the caller owns.
//! - [`knn`]: the hands-on bottleneck, k-nearest-neighbour prediction of
//!   digits, step by step.
//! - [`einsum`]: Rust translations of `np.einsum` expressions.
//! - [`parallel`]: rayon pools of a chosen size and OpenBLAS's thread count.
//! - [`flame`]: folded stacks (from `perf script`) into a flame graph.
//! - [`exercises`]: the solutions to the chapter's exercises.

pub mod einsum;
pub mod flame;
pub mod hugepage;
pub mod knn;
pub mod memory;
pub mod parallel;

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
