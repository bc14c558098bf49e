//! Thread counts: a rayon pool of a chosen size, and OpenBLAS's own pool.

use rayon::{ThreadPool, ThreadPoolBuildError, ThreadPoolBuilder};

/// A rayon pool of exactly `threads` threads, whatever `RAYON_NUM_THREADS`
/// says; run work in it with `pool.install(|| ...)`.
pub fn pool(threads: usize) -> Result<ThreadPool, ThreadPoolBuildError> {
    ThreadPoolBuilder::new().num_threads(threads).build()
}

// ANCHOR: blas_threads
// OpenBLAS's own functions (linked through `openblas-src`).
unsafe extern "C" {
    fn openblas_set_num_threads(threads: libc::c_int);
    fn openblas_get_num_threads() -> libc::c_int;
}

/// Sets the number of threads OpenBLAS uses inside each call, for the whole
/// process (what `threadpoolctl` does for NumPy).
pub fn set_blas_threads(threads: usize) {
    let threads = libc::c_int::try_from(threads.max(1)).unwrap_or(1);
    // SAFETY: a plain C function taking an int; OpenBLAS clamps it to the
    // threads it was built for.
    unsafe { openblas_set_num_threads(threads) }
}

/// The number of threads OpenBLAS uses now.
pub fn blas_threads() -> usize {
    // SAFETY: a plain C function with no arguments.
    let n = unsafe { openblas_get_num_threads() };
    usize::try_from(n).unwrap_or(1)
}
// ANCHOR_END: blas_threads

// Links the system OpenBLAS (its `cblas_dgemm` and thread functions).
use openblas_src as _;

/// Why `dgemm` was not called.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlasError {
    #[error("shapes {a:?} x {b:?} -> {c:?} do not chain")]
    Shape {
        a: (usize, usize),
        b: (usize, usize),
        c: (usize, usize),
    },
    #[error("dgemm needs row-major (C-order) contiguous matrices")]
    Layout,
    #[error("a dimension does not fit BLAS's 32-bit int")]
    TooLarge,
}

// ANCHOR: dgemm
/// `c = a b` by OpenBLAS's `cblas_dgemm`, on row-major contiguous matrices:
/// the call ndarray's `dot` makes when its `blas` feature is on.
pub fn dgemm(
    a: ndarray::ArrayView2<'_, f64>,
    b: ndarray::ArrayView2<'_, f64>,
    mut c: ndarray::ArrayViewMut2<'_, f64>,
) -> Result<(), BlasError> {
    let ((m, k), n) = (a.dim(), b.ncols());
    if b.nrows() != k || c.dim() != (m, n) {
        return Err(BlasError::Shape {
            a: a.dim(),
            b: b.dim(),
            c: c.dim(),
        });
    }
    let int = |v: usize| i32::try_from(v).map_err(|_| BlasError::TooLarge);
    let (mi, ni, ki) = (int(m)?, int(n)?, int(k)?);
    let a = a.to_slice().ok_or(BlasError::Layout)?;
    let b = b.to_slice().ok_or(BlasError::Layout)?;
    let c = c.as_slice_mut().ok_or(BlasError::Layout)?;
    // SAFETY: the slices are contiguous row-major m x k, k x n and m x n
    // buffers (checked above), and the leading dimensions passed are their
    // row lengths, so dgemm reads and writes only inside them.
    unsafe {
        cblas_sys::cblas_dgemm(
            cblas_sys::CblasRowMajor,
            cblas_sys::CblasNoTrans,
            cblas_sys::CblasNoTrans,
            mi,
            ni,
            ki,
            1.0,
            a.as_ptr(),
            ki.max(1),
            b.as_ptr(),
            ni.max(1),
            0.0,
            c.as_mut_ptr(),
            ni.max(1),
        );
    }
    Ok(())
}
// ANCHOR_END: dgemm
