//! Calling C from Rust (the C library's `erf` and `qsort`, with a Rust
//! callback) and Rust from C (`scml_column_means`, called here through a C
//! function pointer, exactly as C code would call it).

use std::ffi::c_int;

use chapter13::ffi::{
    SCML_OK, erf, normal_cdf, scml_column_means, sort_with_c,
};

fn main() {
    support::output_part("call_c");
    // ANCHOR: call_c
    // `erf` was declared `safe fn`: no `unsafe` block at the call.
    for x in [0.5, 1.0, 2.0] {
        println!("erf({x}) = {:.12}", erf(x));
    }
    println!("P(Z < 1.96) = {:.6}", normal_cdf(1.96));
    let mut values = [3.5, -1.0, f64::NAN, 2.25, 0.0];
    sort_with_c(&mut values); // C's qsort calls compare_f64 back
    println!("sorted by qsort: {values:?}");
    // ANCHOR_END: call_c

    support::output_part("call_rust");
    // ANCHOR: call_rust
    // The type C sees: int (*)(const double *, size_t, size_t, double *).
    type ColumnMeans =
        unsafe extern "C" fn(*const f64, usize, usize, *mut f64) -> c_int;
    let from_c: ColumnMeans = scml_column_means;
    let x = [1.0, 10.0, 2.0, 20.0, 3.0, 30.0]; // 3 x 2, row-major
    let mut out = [0.0; 2];
    // SAFETY: `x` holds 3 * 2 doubles, `out` 2, and they do not overlap.
    let status = unsafe { from_c(x.as_ptr(), 3, 2, out.as_mut_ptr()) };
    println!("status {status} (SCML_OK = {SCML_OK}), means {out:?}");
    // SAFETY: null pointers are checked before any access.
    let status = unsafe { from_c(std::ptr::null(), 3, 2, out.as_mut_ptr()) };
    println!("null input: status {status}");
    // ANCHOR_END: call_rust
}
