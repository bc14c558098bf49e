//! bytemuck's `Pod` derive refuses a struct with padding: here 4 bytes after
//! `year` and `species`, which a C compiler (and `repr(C)`) inserts to align
//! the `f64`. Padding bytes hold no defined value, so reading them as data
//! would be undefined behaviour; the fix is a named `_pad` field.

use bytemuck::{Pod, Zeroable};

// ANCHOR: pod_with_padding
#[repr(C)]
#[derive(Clone, Copy, Pod, Zeroable)]
struct Sample {
    year: u16,
    species: u8,
    sex: u8,
    body_mass_g: f64, // at offset 8: bytes 4..8 are padding
}
// ANCHOR_END: pod_with_padding

fn main() {
    let s = Sample { year: 2007, species: 0, sex: 1, body_mass_g: 3750.0 };
    println!("{} bytes", bytemuck::bytes_of(&s).len());
}
