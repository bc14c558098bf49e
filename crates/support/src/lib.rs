//! Support code shared by every chapter: loaders for the real datasets in
//! `data/` ([`data`]), the book's single plotting style ([`plot`]), the
//! reader for the tests' NumPy/scikit-learn parity values ([`fixtures`]), the
//! marker that cuts an example's output into parts for the book
//! ([`output_part`]), rounding-level values printed as bounds ([`below`]), the
//! error type of every example's `main` ([`Report`]), which prints a failing
//! example's error as a readable message, the measuring allocator of chapters
//! 2, 4 and 6 ([`alloc`]) and every chapter's `exercises` module
//! ([`exercises_module!`]). Nothing else lives here, so a chapter's own code is
//! always in its own crate, where the book can show it.

pub mod alloc;
pub mod data;
pub mod exercises;
pub mod fixtures;
pub mod output;
pub mod plot;
pub mod report;

pub use data::*;
pub use output::{below, output_part};
pub use report::Report;
