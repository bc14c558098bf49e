//! NumPy's broadcasting rule as a function: the shape two operands broadcast
//! to, and the bytes an array of that shape would take. Calling it before an
//! operation is the cheapest way to catch a silent huge intermediate.

use crate::BroadcastError;

// ANCHOR: broadcast_shape
/// The shape that arrays of shapes `a` and `b` broadcast to under NumPy's
/// rule (ndarray's co-broadcasting follows the same rule): align the shapes
/// at their last axes, pad the shorter one with 1s on the left, and on each
/// axis the lengths must be equal or one of them 1.
pub fn broadcast_shape(
    a: &[usize],
    b: &[usize],
) -> Result<Vec<usize>, BroadcastError> {
    let ndim = a.len().max(b.len());
    let mut shape = vec![0; ndim];
    for k in 0..ndim {
        // Axis k counted from the end; a missing axis counts as length 1.
        let len_a = if k < a.len() { a[a.len() - 1 - k] } else { 1 };
        let len_b = if k < b.len() { b[b.len() - 1 - k] } else { 1 };
        shape[ndim - 1 - k] = match (len_a, len_b) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => {
                return Err(BroadcastError::Incompatible {
                    a: a.to_vec(),
                    b: b.to_vec(),
                    axis: k,
                    len_a,
                    len_b,
                });
            }
        };
    }
    Ok(shape)
}

/// The bytes of an array of `shape` with elements of `element_size` bytes,
/// saturating instead of overflowing.
pub fn array_bytes(shape: &[usize], element_size: usize) -> usize {
    shape
        .iter()
        .fold(element_size, |bytes, &len| bytes.saturating_mul(len))
}
// ANCHOR_END: broadcast_shape
