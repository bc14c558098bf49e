//! Support code shared by every chapter: loaders for the real datasets in `data/`
//! ([`data`]) and the book's single plotting style ([`plot`]). Nothing else lives here, so a
//! chapter's own code is always in its own crate, where the book can show it.

pub mod data;
pub mod plot;

pub use data::*;
