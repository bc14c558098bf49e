//! The listings that must not compile: each `compile_fail/*.rs` must fail with
//! exactly the message in its `.stderr`, which the book shows. After a Rust
//! update changes a message, refresh them with `TRYBUILD=overwrite cargo test
//! -p chapter09 --test compile_fail` and read the diff before committing it.

#[test]
fn compile_fail_listings() {
    trybuild::TestCases::new().compile_fail("compile_fail/*.rs");
}
