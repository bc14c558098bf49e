//! Creating an array without initialising it first, safely.
//!
//! `Array::zeros(n)` writes `n` zeros that the next loop overwrites.
//! `Array::uninit(n)` skips that pass: it hands out an array of
//! `MaybeUninit<A>`, a type that may hold garbage and that the compiler
//! therefore never lets you read as an `A`. Once every element has been
//! written, `assume_init` converts it to an ordinary array. That conversion is
//! `unsafe` because only the programmer can promise that every element was
//! really written; reading an element that was not is undefined behaviour.

use ndarray::{
    Array1, Array2, ArrayView1, ArrayView2, ErrorKind, ShapeError, Zip,
};

// ANCHOR: running_totals
/// The running totals of `values` (NumPy's `np.cumsum`), written into an
/// uninitialised array.
pub fn running_totals(values: ArrayView1<'_, f64>) -> Array1<f64> {
    let mut totals = Array1::<f64>::uninit(values.len());
    let mut total = 0.0;
    for (slot, &value) in totals.iter_mut().zip(&values) {
        total += value;
        slot.write(total);
    }
    // SAFETY: `totals` and `values` have the same length, so the loop visited
    // every slot of `totals` and wrote it with `MaybeUninit::write`; no element
    // is left uninitialised.
    unsafe { totals.assume_init() }
}
// ANCHOR_END: running_totals

// ANCHOR: zip_write
/// The element-wise product `a * b`, written straight into uninitialised
/// memory. Arrays of different shapes are an error (`Zip` itself would panic).
pub fn product_via_uninit(
    a: ArrayView2<'_, f64>,
    b: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, ShapeError> {
    if a.shape() != b.shape() {
        return Err(ShapeError::from_kind(ErrorKind::IncompatibleShape));
    }
    let mut product = Array2::<f64>::uninit(a.raw_dim());
    Zip::from(&mut product)
        .and(&a)
        .and(&b)
        .for_each(|out, &x, &y| {
            out.write(x * y);
        });
    // SAFETY: `product` has the shape of `a` and `b` (checked above, and again
    // by `Zip`), and `Zip` visited every element and wrote each one, so all of
    // them are initialised.
    Ok(unsafe { product.assume_init() })
}
// ANCHOR_END: zip_write

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn running_totals_match_cumsum() {
        // np.cumsum([1.0, 2.0, 3.0, 4.0]) -> [1., 3., 6., 10.]
        let values = array![1.0, 2.0, 3.0, 4.0];
        assert_eq!(running_totals(values.view()), array![1.0, 3.0, 6.0, 10.0]);
        assert_eq!(running_totals(Array1::zeros(0).view()).len(), 0);
    }

    #[test]
    fn product_via_uninit_checks_shapes() {
        let a = array![[1.0, 2.0], [3.0, 4.0]];
        let wrong = array![[1.0, 2.0, 3.0]];
        let err = product_via_uninit(a.view(), wrong.view()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::IncompatibleShape);
    }
}
