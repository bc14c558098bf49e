//! A "ufunc" of our own: a function of one element, applied to arrays of any
//! number of axes, as NumPy's universal functions are. Written once, generic
//! over the storage `S` (owned array or view) and the dimension `D`.

use ndarray::{Array, ArrayBase, Data, DataMut, Dimension};

// ANCHOR: logistic
/// The logistic function `1 / (1 + e^-x)` (SciPy's `expit`), written so that
/// it never overflows: for `x < 0` it uses `e^x / (1 + e^x)`.
#[inline]
pub fn logistic_scalar(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// `logistic_scalar` of every element, in a new array of the same shape:
/// works on an `Array1`, an `ArrayView2`, an `ArrayD`...
pub fn logistic<S, D>(x: &ArrayBase<S, D>) -> Array<f64, D>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    x.mapv(logistic_scalar)
}

/// The same, in place (NumPy's `expit(x, out=x)`): no allocation.
pub fn logistic_inplace<S, D>(x: &mut ArrayBase<S, D>)
where
    S: DataMut<Elem = f64>,
    D: Dimension,
{
    x.mapv_inplace(logistic_scalar);
}
// ANCHOR_END: logistic
