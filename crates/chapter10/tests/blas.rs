//! `parallel::dgemm` (OpenBLAS's `cblas_dgemm`) against ndarray's `dot`, and
//! its refusals; rayon pools of a chosen size; OpenBLAS's thread setting.

use chapter10::einsum::matrix;
use chapter10::parallel::{
    BlasError, blas_threads, dgemm, pool, set_blas_threads,
};
use ndarray::{Array2, s};

#[test]
fn dgemm_matches_dot() {
    let (a, b) = (matrix(37, 23, 0), matrix(23, 41, 4));
    let mut c = Array2::zeros((37, 41));
    dgemm(a.view(), b.view(), c.view_mut()).unwrap();
    // Sums of 23 products of tenths, in another order than matrixmultiply's.
    let worst = (&c - &a.dot(&b))
        .mapv(f64::abs)
        .fold(0.0, |m: f64, &d| m.max(d));
    assert!(worst < 1e-13, "{worst}");
}

#[test]
fn dgemm_refuses_what_it_cannot_pass_to_blas() {
    let (a, b) = (matrix(4, 3, 0), matrix(3, 5, 1));
    let mut c = Array2::zeros((4, 5));
    let bad = matrix(4, 5, 0);
    assert_eq!(
        dgemm(a.view(), bad.view(), c.view_mut()),
        Err(BlasError::Shape {
            a: (4, 3),
            b: (4, 5),
            c: (4, 5)
        })
    );
    // A transposed view is column-major: this wrapper wants row-major.
    let at = matrix(3, 4, 0);
    assert_eq!(
        dgemm(at.t(), b.view(), c.view_mut()),
        Err(BlasError::Layout)
    );
    // Every other column: a stride of 2 along the rows.
    let wide = matrix(3, 10, 1);
    assert_eq!(
        dgemm(a.view(), wide.slice(s![.., ..;2]), c.view_mut()),
        Err(BlasError::Layout)
    );
}

#[test]
fn pools_and_blas_threads() {
    assert_eq!(pool(2).unwrap().install(rayon::current_num_threads), 2);
    set_blas_threads(1);
    assert_eq!(blas_threads(), 1);
}
