//! Solutions to the exercises of chapter 9 (the book's exercises page shows
//! each signature, then the solution). `tests/exercises.rs` runs every one of
//! them.
