//! The C side of extension building: calling C functions from Rust (the C
//! library's `erf` and `qsort`, with a Rust comparison function that C calls
//! back), and exposing a Rust function to C with `extern "C"`.

use std::ffi::{c_int, c_void};

// ANCHOR: declare
// On Linux the C library and its maths library (libm) are already on a Rust
// program's link line; these declarations say what three of their symbols
// look like. Rust
// cannot check them against the C headers: writing them is the `unsafe`
// promise. `safe fn` marks a function that is sound to call with any
// arguments (`erf` takes and returns plain numbers), so its callers need no
// `unsafe` block; `qsort` takes raw pointers and stays `unsafe` to call.
unsafe extern "C" {
    /// `double erf(double x)`, C99's error function (unstable in Rust's std).
    pub safe fn erf(x: f64) -> f64;
    /// `double erfc(double x)`, the complementary error function.
    pub safe fn erfc(x: f64) -> f64;

    /// `void qsort(void *base, size_t nmemb, size_t size,
    ///             int (*compar)(const void *, const void *))`.
    fn qsort(
        base: *mut c_void,
        nmemb: usize,
        size: usize,
        compar: extern "C" fn(*const c_void, *const c_void) -> c_int,
    );
}
// ANCHOR_END: declare

// ANCHOR: normal_cdf
/// The standard normal CDF, `Φ(x) = erfc(-x / √2) / 2`, through C's `erfc`
/// (`scipy.special.ndtr`).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}
// ANCHOR_END: normal_cdf

// ANCHOR: callback
/// A comparison C can call: `extern "C"` gives it C's calling convention.
/// It orders `f64`s by `total_cmp`, so `NaN`s sort last instead of breaking
/// `qsort`'s contract.
extern "C" fn compare_f64(a: *const c_void, b: *const c_void) -> c_int {
    // SAFETY: `qsort` passes pointers to two elements of the slice that
    // `sort_with_c` gave it, which are valid, aligned `f64`s.
    let (a, b) = unsafe { (*a.cast::<f64>(), *b.cast::<f64>()) };
    a.total_cmp(&b) as c_int
}

/// Sorts `values` with the C library's `qsort`.
pub fn sort_with_c(values: &mut [f64]) {
    // SAFETY: the pointer and length describe `values`, a live, exclusively
    // borrowed slice of `f64`; the element size is `f64`'s; `compare_f64`
    // reads only the two elements it is given and never unwinds.
    unsafe {
        qsort(
            values.as_mut_ptr().cast(),
            values.len(),
            size_of::<f64>(),
            compare_f64,
        );
    }
}
// ANCHOR_END: callback

// ANCHOR: export
/// Status codes of [`scml_column_means`], as a C header would define them.
pub const SCML_OK: c_int = 0;
pub const SCML_NULL_POINTER: c_int = 1;
pub const SCML_NO_ROWS: c_int = 2;

/// A Rust function C can call: the column means of a `rows x cols`
/// row-major `double` array, written to `out` (`cols` doubles). Returns
/// `SCML_OK`, or an error code without touching `out`.
///
/// The C prototype: `int scml_column_means(const double *x, size_t rows,
/// size_t cols, double *out);`
///
/// # Safety
///
/// `x` must point to `rows * cols` readable doubles and `out` to `cols`
/// writable doubles that do not overlap them.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scml_column_means(
    x: *const f64,
    rows: usize,
    cols: usize,
    out: *mut f64,
) -> c_int {
    if x.is_null() || out.is_null() {
        return SCML_NULL_POINTER;
    }
    if rows == 0 {
        return SCML_NO_ROWS;
    }
    // SAFETY: non-null, and the caller promises the lengths and that the
    // two regions do not overlap.
    let (x, out) = unsafe {
        (
            std::slice::from_raw_parts(x, rows * cols),
            std::slice::from_raw_parts_mut(out, cols),
        )
    };
    // From here on, safe Rust: an ndarray view over the caller's memory.
    let view = ndarray::ArrayView2::from_shape((rows, cols), x);
    match view.ok().and_then(|v| v.mean_axis(ndarray::Axis(0))) {
        Some(means) => {
            for (o, m) in out.iter_mut().zip(&means) {
                *o = *m;
            }
            SCML_OK
        }
        None => SCML_NO_ROWS,
    }
}
// ANCHOR_END: export
