//! The chapter's listings that must not compile, with rustc's message
//! (`compile_fail/*.stderr`).

#[test]
fn listings_that_must_not_compile() {
    trybuild::TestCases::new().compile_fail("compile_fail/*.rs");
}
