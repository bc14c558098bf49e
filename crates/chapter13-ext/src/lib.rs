//! A Python extension module written in Rust: the role NumPy's C API plays for C
//! extensions.
//! PyO3 turns Rust functions into Python functions; the numpy crate lends a NumPy array's
//! memory to Rust as an ndarray view, without copying it. The functions run chapter 7's
//! kernels (the blocked standard deviation and the z-score scaler) with Python's global
//! interpreter lock released, so other Python threads run meanwhile.
//!
//! Built into the module `scml_ext` by maturin; tests/test_ext.py checks it against
//! NumPy.

// ANCHOR: module
#[pyo3::pymodule]
mod scml_ext {
    use chapter07::scaling::fit_standard;
    use chapter07::stable::std_blocked;
    use numpy::{
        IntoPyArray, PyArray2, PyReadonlyArray1, PyReadonlyArray2,
        PyReadwriteArray2,
    };
    use pyo3::exceptions::PyValueError;
    use pyo3::prelude::*;

    /// The standard deviation of a 1-D float64 array with `ddof` degrees
    /// of freedom removed, read in place (no copy).
    #[pyfunction]
    #[pyo3(signature = (x, ddof = 0))]
    fn std(
        py: Python<'_>,
        x: PyReadonlyArray1<'_, f64>,
        ddof: usize,
    ) -> PyResult<f64> {
        // A view of NumPy's memory; a slice only when it is contiguous.
        let values = x.as_slice().map_err(|_| {
            PyValueError::new_err(
                "x must be contiguous: pass np.ascontiguousarray(x)",
            )
        })?;
        // The kernel touches no Python object: release the lock for it.
        py.detach(|| std_blocked(values, ddof)).ok_or_else(|| {
            PyValueError::new_err(format!(
                "std needs more than ddof = {ddof} values, got {}",
                values.len()
            ))
        })
    }
    // ANCHOR_END: module

    // ANCHOR: standardize
    /// z-scores of each column of a 2-D float64 array: a new array,
    /// returned to Python without a copy (NumPy takes over Rust's buffer).
    #[pyfunction]
    fn standardize<'py>(
        py: Python<'py>,
        x: PyReadonlyArray2<'py, f64>,
    ) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let view = x.as_array(); // any strides: ndarray reads them
        let scaled = py
            .detach(|| fit_standard(view)?.transform(view))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(scaled.into_pyarray(py))
    }

    /// The same, written into `x` itself: Python sees the change.
    #[pyfunction]
    fn standardize_inplace(mut x: PyReadwriteArray2<'_, f64>) -> PyResult<()> {
        let scaler = fit_standard(x.as_array())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let mut view = x.as_array_mut();
        view -= &scaler.offset;
        view /= &scaler.scale;
        Ok(())
    }
    // ANCHOR_END: standardize
}
