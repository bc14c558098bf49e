//! The listings that must not compile (`compile_fail/*.rs`), with rustc's
//! message in the `.stderr` beside each.

#[test]
fn compile_fail_listings() {
    trybuild::TestCases::new().compile_fail("compile_fail/*.rs");
}
