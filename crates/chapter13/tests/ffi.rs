//! FFI: the C library's `erf` and `erfc` through Rust's declarations equal
//! SciPy's, `qsort` with a Rust callback sorts, and the exported
//! `scml_column_means` works through a C function pointer.

use std::ffi::c_int;

use chapter13::ffi::{
    SCML_NO_ROWS, SCML_NULL_POINTER, SCML_OK, erf, erfc, normal_cdf,
    scml_column_means, sort_with_c,
};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Scipy {
    x: Vec<f64>,
    erf: Vec<f64>,
    erfc: Vec<f64>,
    ndtr: Vec<f64>,
}

#[test]
fn c_erf_equals_scipys() {
    let s: Scipy =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "ffi").unwrap();
    let map = |f: fn(f64) -> f64| s.x.iter().map(|&x| f(x)).collect::<Vec<_>>();
    // Two independent implementations (the C library's and Cephes in
    // SciPy): agreement to a few ulps, 1e-14 relative.
    assert_allclose(&map(|x| erf(x)), &s.erf, 1e-14, 0.0);
    assert_allclose(&map(|x| erfc(x)), &s.erfc, 1e-14, 0.0);
    assert_allclose(&map(normal_cdf), &s.ndtr, 1e-14, 0.0);
}

#[test]
fn qsort_with_a_rust_callback_sorts_nan_last() {
    let mut v = vec![5.0, -0.0, f64::NAN, -3.5, 0.0, 1e300, -1e-300];
    sort_with_c(&mut v);
    assert_eq!(&v[..6], &[-3.5, -1e-300, -0.0, 0.0, 5.0, 1e300]);
    assert!(v[2].is_sign_negative() && v[3].is_sign_positive());
    assert!(v[6].is_nan());
    let mut empty: [f64; 0] = [];
    sort_with_c(&mut empty);
}

#[test]
fn exported_column_means_through_a_c_function_pointer() {
    type ColumnMeans =
        unsafe extern "C" fn(*const f64, usize, usize, *mut f64) -> c_int;
    let f: ColumnMeans = scml_column_means;
    let x = [1.0, 10.0, 100.0, 3.0, 30.0, 300.0]; // 2 x 3
    let mut out = [f64::NAN; 3];
    // SAFETY: 6 readable doubles, 3 writable ones, no overlap.
    assert_eq!(unsafe { f(x.as_ptr(), 2, 3, out.as_mut_ptr()) }, SCML_OK);
    assert_eq!(out, [2.0, 20.0, 200.0]);
    let mut untouched = [7.0; 3];
    // SAFETY: null pointers and zero rows are rejected before any access.
    unsafe {
        assert_eq!(
            f(std::ptr::null(), 2, 3, untouched.as_mut_ptr()),
            SCML_NULL_POINTER
        );
        assert_eq!(
            f(x.as_ptr(), 2, 3, std::ptr::null_mut()),
            SCML_NULL_POINTER
        );
        assert_eq!(f(x.as_ptr(), 0, 3, untouched.as_mut_ptr()), SCML_NO_ROWS);
    }
    assert_eq!(untouched, [7.0; 3]);
}
