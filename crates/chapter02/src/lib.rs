//! Chapter 2: array fundamentals.
//!
//! The chapter's reusable code. Most of the chapter is about ndarray's own API
//! (constructors, attributes, layouts), which the examples call directly; what
//! lives here are the few functions the book builds on top of it:
//!
//! - [`precision`]: a plain running sum and NumPy's pairwise summation, to show
//!   how the order of additions decides how much rounding error a sum of many
//!   `f32`s collects, and [`precision::allclose`], NumPy's tolerance test for
//!   comparing floats.
//! - [`casting`]: a checked conversion from `f64` to `u8` that refuses values
//!   `as` would silently saturate or truncate.
//! - [`initialise`]: filling an array created with `Array::uninit` without ever
//!   reading uninitialised memory (the chapter's first `unsafe` block).
//! - [`layout`]: strides in bytes (NumPy's convention) and a one-line summary
//!   of an array's memory layout.
//! - [`storage`]: the hands-on's round trip of a dataset through smaller
//!   element types (`f32`, and the `half` crate's `f16` and `bf16`), and a
//!   nearest-centroid classifier to measure what the rounding changes.
//! - [`exercises`]: the solutions to the chapter's exercises.
//!
//! # Element types and dimensions are part of the array's type
//!
//! NumPy keeps the element type (`dtype`) and the number of axes (`ndim`) as
//! run-time attributes of the array. In ndarray they are the type parameters
//! `A` and `D` of `Array<A, D>`, so a function that expects `f64` elements
//! cannot be handed an array of `f32` by mistake:
//!
//! ```compile_fail,E0308
//! use ndarray::Array1;
//! fn mean(x: &Array1<f64>) -> f64 { x.sum() / x.len() as f64 }
//! let pixels = Array1::<f32>::zeros(64);
//! mean(&pixels);
//! ```
//!
//! and one that expects a table (`Array2`) cannot be handed a one-dimensional
//! array (`compile_fail/wrong_dimension.rs` is the book's listing of that
//! error, with rustc's whole message beside it).

pub mod casting;
// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod initialise;
pub mod layout;
pub mod precision;
pub mod storage;
