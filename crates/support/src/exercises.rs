//! The `exercises` module every chapter crate declares with
//! [`exercises_module!`](crate::exercises_module): the book's solutions
//! (`src/exercises.rs`), or, with the crate's `my-exercises` feature, the
//! reader's own answers.

/// Declares a chapter's `exercises` module: `src/exercises.rs` (the book's
/// solutions), or, when the crate is built with its `my-exercises` feature, the
/// reader's starter file `$SCML_EXERCISES_DIR/<crate>.rs` in its place.
///
/// `cargo xtask exercises chapterNN` writes that starter (`exercises/` in the
/// repository, where `.cargo/config.toml` points `SCML_EXERCISES_DIR`), and
/// `cargo test --release -p chapterNN --features my-exercises --test
/// exercises` runs the chapter's exercise tests on it. The starter's unfinished
/// bodies (`todo!()`) leave arguments and imports unused, so those lints are
/// off for it.
#[macro_export]
macro_rules! exercises_module {
    () => {
        #[cfg(not(feature = "my-exercises"))]
        pub mod exercises;
        /// The reader's answers, compiled in place of the solutions (see
        /// `support::exercises_module!`).
        #[cfg(feature = "my-exercises")]
        #[allow(unused_variables, unused_imports, unused_mut)]
        pub mod exercises {
            include!(concat!(
                env!("SCML_EXERCISES_DIR"),
                "/",
                env!("CARGO_PKG_NAME"),
                ".rs"
            ));
        }
    };
}
