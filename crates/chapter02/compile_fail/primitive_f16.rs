//! Does not compile on stable Rust: the built-in `f16` type is still unstable
//! (nightly only), so stable code uses the `half` crate's `f16` and `bf16`.

fn main() {
    // ANCHOR: primitive_f16
    let x: f16 = 0.1;
    // ANCHOR_END: primitive_f16
    println!("{}", x as f32);
}
