//! The listings that must not compile, `compile_fail/*.rs`, each with rustc's
//! message in its `.stderr` (which the book shows): on the compiler named in
//! `compile_fail/rustc-version.txt` the messages must match exactly, on any other
//! each listing must fail with the same error codes. After a Rust update, refresh
//! them with `TRYBUILD=overwrite cargo test --release -p chapter10 --test
//! compile_fail` and read the diff before committing it (see the compile-fail
//! crate).

compile_fail::listings_test!();
