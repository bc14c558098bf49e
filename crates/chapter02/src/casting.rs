//! Checked conversions between element types.
//!
//! `x as u8` never fails: it rounds towards zero and saturates values outside
//! `0..=255` (and turns `NaN` into 0). That is the right tool when you *want*
//! clamping, and the wrong one when an out-of-range value means the data is not
//! what you think. The standard library has `u8::try_from(i32)` for integer
//! sources but no `TryFrom<f64>`, so [`to_u8_exact`] spells out the check for
//! floats.

use ndarray::{Array, ArrayBase, Data, Dimension};

/// A value that does not convert to `u8` without changing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "element {position} (row-major order) is {value}, \
     not a whole number in 0..=255"
)]
pub struct NotAByte {
    /// The element's position when the array is read in row-major (logical)
    /// order.
    pub position: usize,
    pub value: f64,
}

// ANCHOR: to_u8_exact
/// Converts every element to `u8`, refusing (instead of rounding or clamping)
/// any value that is not a whole number in `0..=255`, such as `300.0`, `-1.0`,
/// `2.5` or `NaN`.
pub fn to_u8_exact<S, D>(
    values: &ArrayBase<S, D>,
) -> Result<Array<u8, D>, NotAByte>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    if let Some((position, &value)) = values
        .iter()
        .enumerate()
        .find(|&(_, &v)| !(v.fract() == 0.0 && (0.0..=255.0).contains(&v)))
    {
        return Err(NotAByte { position, value });
    }
    Ok(values.mapv(|v| v as u8)) // exact: every value was checked above
}
// ANCHOR_END: to_u8_exact

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn whole_numbers_in_range_convert_and_others_are_refused() {
        let ok = to_u8_exact(&array![[0.0, 16.0], [255.0, 7.0]]).unwrap();
        assert_eq!(ok, array![[0_u8, 16], [255, 7]]);
        let err = to_u8_exact(&array![[1.0, 2.0], [300.0, 4.0]]).unwrap_err();
        assert_eq!(
            err,
            NotAByte {
                position: 2,
                value: 300.0
            }
        );
        assert!(to_u8_exact(&array![2.5]).is_err());
        assert!(to_u8_exact(&array![-1.0]).is_err());
        assert!(to_u8_exact(&array![f64::NAN]).is_err());
        assert!(to_u8_exact(&array![f64::INFINITY]).is_err());
    }
}
