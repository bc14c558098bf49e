//! Support code shared by every chapter: loaders for the real datasets in
//! `data/` ([`data`]), the book's single plotting style ([`plot`]), the
//! reader for the tests' NumPy/scikit-learn parity values ([`fixtures`]) and
//! the marker that cuts an example's output into parts for the book
//! ([`output_part`]).
//! Nothing else lives here, so a chapter's own code is always in its own
//! crate, where the book can show it.

pub mod data;
pub mod fixtures;
pub mod output;
pub mod plot;

pub use data::*;
pub use output::output_part;
