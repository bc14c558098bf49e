//! Chapter 12: practical projects and case studies.
//!
//! - [`exercises`]: the solutions to the chapter's exercises.
//!
//! The neural network project (the capstone, `ch12-neural-network.md`):
//!
//! - [`nn`]: the MLP, its forward and backward passes, He initialisation and
//!   the seeded split and streams.
//! - [`nn_train`]: SGD with momentum, Adam, epochs and metrics.
//! - [`nn_plot`]: its figures.

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();

// The neural network project (capstone).
pub mod nn;
pub mod nn_plot;
pub mod nn_train;
