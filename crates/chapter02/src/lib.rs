//! Chapter 2: array fundamentals.
//!
//! The chapter's reusable code. Most of the chapter is about ndarray's own API (constructors,
//! attributes, layouts), which the examples call directly; what lives here are the few
//! functions the book builds on top of it:
//!
//! - [`precision`]: a plain running sum and NumPy's pairwise summation, to show how the
//!   order of additions decides how much rounding error a sum of many `f32`s collects, and
//!   [`precision::allclose`], NumPy's tolerance test for comparing floats.
//! - [`casting`]: a checked conversion from `f64` to `u8` that refuses values `as` would
//!   silently saturate or truncate.
//! - [`initialise`]: filling an array created with `Array::uninit` without ever reading
//!   uninitialised memory (the chapter's first `unsafe` block).
//! - [`layout`]: strides in bytes (NumPy's convention) and a one-line summary of an array's
//!   memory layout.
//! - [`alloc_count`]: a counting global allocator, to prove which operations copy.
//! - [`exercises`]: the solutions to the chapter's exercises.
//!
//! # Element types are part of the array's type
//!
//! NumPy keeps the element type (`dtype`) as a run-time attribute of the array. In ndarray
//! it is the type parameter `A` of `Array<A, D>`, so a function that expects `f64` elements
//! cannot be handed an array of `f32` by mistake:
//!
//! ```compile_fail,E0308
//! use ndarray::Array1;
//! fn mean(x: &Array1<f64>) -> f64 { x.sum() / x.len() as f64 }
//! let pixels = Array1::<f32>::zeros(64);
//! mean(&pixels); // error[E0308]: mismatched types: expected `f64`, found `f32`
//! ```

pub mod alloc_count;
pub mod casting;
pub mod exercises;
pub mod initialise;
pub mod layout;
pub mod precision;
